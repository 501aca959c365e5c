"""Find the names an article uses, tell companies from people, and canonicalise company aliases.

Nothing here knows any company: names are capitalised word runs, and what they are is read from the
grammar around them ("X, the start-up", "X has raised", "X's employees" make X a startup; "led by X",
"X agreed to pay", "according to X" make X an investor, acquirer or source; a role title before a
name, or a surname used alone later, makes it a person).

>>> t = ("Acme AI, the robotics start-up, has raised $5m in a round led by Bigco. "
...      "Founder Jane Roe said Acme would hire. Roe left in May.")
>>> names = find_names(t)
>>> names.startups
['Acme AI']
>>> sorted(names.people)
['Jane Roe', 'Roe']
>>> names.canonical("Acme")
'Acme AI'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract._regex import Folded

__all__ = ["Mention", "Names", "find_names", "ROLE_WORDS", "INVESTOR_SUFFIX", "SUFFIX_RE"]

_TOKEN = r"(?:[A-ZÀ-Þ][\w&\-]*(?:['’][A-Za-z]+)?|[a-z]{1,2}[A-Z][\w\-]*(?:['’]s)?)"
_NAME_RE = re.compile(rf"(?<![\w'’.$-]){_TOKEN}(?:[ \u00a0](?:{_TOKEN}))*")
# without a lower-case letter right before a capital ("xAI", "eBay") the lower-case branch of _TOKEN
# cannot match, and this form, which starts with a character class, lets the engine skip ahead
_UPPER_TOKEN = r"[A-ZÀ-Þ][\w&\-]*(?:['’][A-Za-z]+)?"
_NAME_UPPER_RE = re.compile(rf"[A-ZÀ-Þ](?<![\w'’.$-].)[\w&\-]*(?:['’][A-Za-z]+)?(?:[ \u00a0](?:{_UPPER_TOKEN}))*")
_CAMEL = re.compile(r"[A-Z](?<=[a-z][A-Z])")

#: words that are capitalised for grammar, not because they name something
_STOP = frozenset(
    """a an the in on at by for from of to and or but as if when while after before since until
    with without within under over about across among between into onto upon during despite via
    this that these those its his her their our my your it he she they we you i who what which
    where why how there here then than so yet not no nor all any each every both some most many
    much more less few several such last next this earlier later early late mid once even only
    also still now today yesterday tomorrow meanwhile however although though because unusually
    former previously currently inside outside analysis update exclusive breaking comments leave
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec q1 q2 q3 q4 chief executive executives officer president vice founder co-founder cofounder
    founders co-founders ceo cto coo cfo cso chairman chairwoman chair boss head director managing
    partner spokesperson spokeswoman spokesman interim acting general counsel senior new old big
    investors shares sales revenue money job jobs staff advertisment advertisement related read
    series one two three four five six seven eight nine ten mr mrs ms dr prof sir lord lady""".split()
)
ROLE_WORDS = (
    r"founder|co-founder|cofounder|chief(?: executive| operating| technology| financial| scientist"
    r"| business| research| product| marketing)?|executive|officer|president|vice-president|boss"
    r"|head(?: of [a-z ]{2,20})?|scientist|researcher|engineer|veteran|entrepreneur|spokesperson"
    r"|spokeswoman|spokesman|director|chairman|chairwoman|ceo|cto|coo|cfo|billionaire|investor"
    r"|counsel|analyst|manager|partner|leader|creator|inventor|designer|professor|reporter"
)
SUFFIX_RE = _SUFFIX_RE = re.compile(
    r"^(?:AI|Inc\.?|Labs?|Ltd\.?|LLC|plc|PLC|Corp\.?|Corporation|Technologies|Global|Group|Holdings"
    r"|Co\.?|Limited|GmbH|SA|AG|Systems|Software|Robotics)$"
)
INVESTOR_SUFFIX = _INVESTOR_SUFFIX = re.compile(
    r"\b(?:Capital|Ventures|Venture Partners|Partners|Management|Fund|Investments?|Bank|Securities"
    r"|Asset|Advisors|Associates|Equity|Holdings)$"
)

# right after a name (possessive already removed): grammar that makes the name a startup
_POS_RIGHT = Folded(
    r"^(?:,\s(?:the|a|an)\s(?:[\w\-’'$.]+\s){0,7}?(?:start-?up|company|firm|maker|developer|app|platform"
    r"|service|provider|unicorn|venture|business|chain|operator|lab|\w+tech)\b"
    r"|(?:,\s(?:which|that)\s|\s(?:has|had|have|is|was|also|now|then|still|which|that|will|would|plans\sto|is\sto|to)?\s?)(?:has\s|had\s|have\s|is\s|was\s|been\s|also\s|already\s|just\s){0,3}"
    r"(?:raised|raises|raise|raising|closes|closed|lands|landed|secured|secures|collected|valued|valuing"
    r"|laying off|laid off|lays off|cut|cuts|cutting|employs|employed|shut|shuts|shutting|filed|files"
    r"|went public|launched|ceased|generated|brought in|brings in|hired|hires|appoints|appointed"
    r"|named|shed|sheds|eliminat\w+|burn\w*|spen[dt]\w*|expects|projects|reported revenue"
    r"|operates|to close|to shut|announced a|said it|disclosed)\b"
    r"|,\s(?:which|who|that)\s[^,;.]{0,100},\s(?:has\s|had\s|is\s|was\s)?(?:raised|secured|closed|laid off|cut|valued|shut)\b"
    r"|(?:,\s(?:which|that)\s|\s)(?:[\w’'\-]+\s){0,6}?(?:raised|raising|valued|laid off|laying off|lays off"
    r"|employs|employed|shut down|burning|spending|cash burn|revenue|founders?|co-founders?|in talks"
    r"|headcount|workforce|staff|employees)\b"
    r"|['’]s\s(?:(?:[\w\-]+|[$€£][\d.,]+[a-z]*)\s){0,3}?(?:raise|series|valuation|staff|employees|workforce|co-?founders?|founder|chief|ceo"
    r"|board|investors|backers|revenue|sales|finances|funding|round|headcount|post-money|ipo|listing"
    r"|market value|management|leadership|spending|expenses|engineers|researchers|executives)\b"
    r"|\s(?:founder|co-founder|ceo|employees|staff|investors|backers)\b)",
)
# after a sentence-initial word: grammar that makes it a name ("Quorvia, a payroll startup, ...")
_KEEP_RIGHT = Folded(
    r"^(?:['’]s?\s|,\s(?:a|an|the|which|that|who|whose|with)\s|,\s(?:valued|founded|based|backed|best)\b"
    r"|\s(?:has|had|is|was|will|would|said|says|also|now|reportedly|then|last|still|chief|founder|co-founder|ceo|boss)\s"
    r"|\sto\s(?:cut|raise|close|shut|lay|buy|acquire|sell|list|go|hire|slash|axe|shed|exit|merge)\b"
    r"|\s(?!(?:was|is|has|this|its|his)\b)[a-z]{3,}ed\b"
    r"|\s(?:raises|closes|lands|cuts|sheds|employs|says|plans|expects|hires|files|shuts|burns|spends|loses|makes"
    r"|earns|wants|hopes|seeks|aims|lays|lets|counts|operates|sells|reports|posts|books|generates|agrees)\b"
    r"|\s(?:raised|secured|closed|lands|landed|picked up|collected|laid off|lays off|cut|cuts|shed|sheds|employs"
    r"|employed|generated|posted|booked|burned|burns|spent|spends|valued|reached|hit|grew|expects|filed|shut|told"
    r"|announced|confirmed|let|eliminated|slashed|axed|hired|lost|added|doubled|tripled|made|earns|sought|wants"
    r"|hopes|tried|attempted|set|became|brought|took|won|saw|began|paid|kept|put|ran|reported)\b)",
)
#: ordinary nouns that start sentences and take verbs like names do
_COMMON_START = frozenset(
    """investors analysts revenue sales demand money shares employees staff customers users founders executives
    banks lenders regulators officials critics rivals markets prices costs profits losses funding growth
    people workers companies startups start-ups businesses cities governments reports documents filings""".split()
)
# grammar that makes the name an investor, acquirer, incumbent or source
_NEG_RIGHT = Folded(
    r"^['’]s?\s+own\b|^(?:['’]s)?,?\s(?:the\s(?:[\w\-]+\s){1,3}(?:giant|group|conglomerate|incumbent|investor|fund)\b|(?:and\s[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?\s)?(?:also\s)?(?:taking|took) part"
    r"|which (?:owns|led|invested|backed))|"
    r"^(?:['’]s)?\s(?:(?:had|has|have|will|would|also|already|then|which|,\s?which)\s){0,2}"
    r"(?:led|invested|agreed to pay|will pay|to pay|paid|pays|acquired|bought|agreed to buy|took part"
    r"|participated|reported(?!\s(?:\w+\s)?(?:revenue|sales|a loss|losses|profit|turnover|bookings))|estimated|put|data|held talks|committed|promised|backed|joined|joining"
    r"|took control|stake|analysts?)\b",
)
_PERSON_RIGHT = Folded(
    r"^(?:['’]s)?(?:,\s(?:who|then|previously|formerly|the\s(?:company['’]s\s)?(?:"
    + ROLE_WORDS
    + r"|third|second|first)|a\s(?:former|serial)|one of the|his|her)\b|\s(?:himself|herself)\b)",
)
_DEST_LEFT = re.compile(r"\b(?:left|leave|leaving|quit)\s+(?:\w+\s+){0,3}?to\s+join\s+$|\bpoached\s+by\s+$|\bhired\s+away\s+by\s+$")
_KIND_RIGHT = re.compile(r"^\s(?:company|start-?up|firm|group|business|outfit|government|market|office|area|region)\b")
_ARTICLE_LEFT = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s$")
_TALKS_LEFT = re.compile(r"\btalks\s+with\s+$")
_ABOUT_SALE = re.compile(
    r"^(?:,[^,]{0,40},)?\s+(?:about|over|on)\s+(?:a\s+|an\s+|the\s+)?(?:sale|acquisition|acquiring|buying|takeover|merger|deal|purchase)"
)
_PLACE_LEFT = re.compile(r"\b(?:in|across|near|outside|throughout|headquartered in|based in)\s$")
_INVEST_IN_LEFT = re.compile(r"\binvest\w*\s(?:[\w$.,]+\s){0,4}in\s$")
_NEG_LEFT2 = re.compile(
    r"\b(?:led by|backed by|according to|reported by|acquired by|bought by|owned by|funded by"
    r"|joined|joining|join|to lead|including|such as|sold to|sale to|former|pays|paid|pay|merging with"
    r"|merged with|merge with)\s(?:[\w\-]+\s){0,2}$"
)
_AND_NAME = re.compile(r"([A-Z][\w\-]+(?: [A-Z][\w\-]+){1,2}),? and $")
_ROLE_BEFORE = re.compile(r"\b(?:chief executive|founder|co-founder|boss|president|ceo)\s$", re.I)


_WORD = re.compile(r"[\w$.,’'\-]+")
_INVEST_WORDS = frozenset(
    "invest invests investing invested investment injection stake poured put pumped ploughed plowed".split()
)
_FOUND_WORDS = frozenset("founded co-founded started launched built created".split())
_ROLE_OF = frozenset(
    "founder co-founder ceo president head employees staff workers investors backers boss engineers researchers"
    " leaders executive".split()
)
_NOT_NP = frozenset("by who which that in on at with and after before from to for of was is".split())
_COMPANY_NOUNS = frozenset(
    "start-up startup company firm maker unicorn app platform service fintech insurtech proptech biotech edtech"
    " healthtech agtech cleantech regtech legaltech".split()
)
_ROLE_SET = frozenset(
    """founder co-founder cofounder chief executive officer president vice-president boss scientist researcher
    engineer veteran entrepreneur spokesperson spokeswoman spokesman director chairman chairwoman ceo cto coo cfo
    billionaire investor counsel analyst manager partner leader creator inventor designer professor reporter
    founders co-founders executives officers directors""".split()
)


_WORD_PUNCT = frozenset("_$.,’'-")  # with letters and digits, the characters of _WORD
_POS_LAST = frozenset({"in", "into", "valued", "valuing", "values", "of", "at"}) | _COMPANY_NOUNS


def _last_words(left: str, k: int, strip: bool = False) -> list[str]:
    ws = [w.lower() for w in _WORD.findall(left[-70:])[-k:]]
    return [w.rstrip(",.") for w in ws] if strip else ws


def _pos_left(left: str) -> bool:
    """Grammar just before a name that makes it a startup ("invested $5m in", "chief executive of")."""
    if not left.endswith((" ", "\u00a0")):
        return False
    # cheap rejection first: the last word decides every test but the "founded ..." one
    win = left[-70:]
    j = len(win)
    while j and not (win[j - 1].isalnum() or win[j - 1] in _WORD_PUNCT):
        j -= 1
    i = j
    while i and (win[i - 1].isalnum() or win[i - 1] in _WORD_PUNCT):
        i -= 1
    if i == j:
        return False
    last = win[i:j].lower()
    if last not in _POS_LAST and last.rstrip(",") not in ("rival", "competitor"):
        low = win.lower()
        if not any(x in low for x in ("founded", "started", "launched", "built", "created", "up")):
            return False
    w = _last_words(left, 7)
    if last in ("in", "into") and any(x in _INVEST_WORDS for x in w[:-1]):
        return True
    if last.rstrip(",") in ("rival", "competitor") and len(w) >= 2 and (
        w[-2] in ("its", "a", "the", "their", "his", "her") or w[-2].endswith(("'s", "’s"))
    ):
        return True  # "its rival X", "Acme's rival, X"
    if last in ("valued", "valuing", "values") or last in _COMPANY_NOUNS:
        return True
    for i in range(max(0, len(w) - 6), len(w)):
        if w[i] in _FOUND_WORDS or (w[i] == "up" and i and w[i - 1] == "set"):
            # "founded virtual events platform X", not "founded by Jane Doe, who left X"
            if not any(x in _NOT_NP or x.endswith(",") for x in w[i + 1 :]):
                return True
    if last in ("of", "at") and len(w) >= 2 and (w[-2] in _ROLE_OF or w[-2].rstrip("s") in _ROLE_OF or w[-2] == "day"):
        return True
    return False


def _person_left(left: str) -> bool:
    """A role title right before a name ("chief executive Jane Roe", "co-founders A and B")."""
    w = _last_words(left, 4, strip=True)
    if not w or not left.endswith(" "):
        return False
    if w[-1] in _ROLE_SET or w[-1].rstrip("s") in _ROLE_SET:
        return True
    return len(w) >= 3 and w[-2] in ("and", "&") and w[-3] in _ROLE_SET


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    possessive: bool


@dataclass
class Names:
    """What one article names: startups, other organisations and people."""

    mentions: list[Mention] = field(default_factory=list)
    startups: list[str] = field(default_factory=list)  # canonical names, most salient first
    people: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)  # any name -> canonical
    others: set[str] = field(default_factory=set)

    def canonical(self, name: str) -> str:
        return self.aliases.get(name, name)

    def is_startup(self, name: str) -> bool:
        return self.canonical(name) in self.startups

    def is_person(self, name: str) -> bool:
        return name in self.people

    def companies(self) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {c: set() for c in self.startups}
        for a, c in self.aliases.items():
            if c in out and a != c:
                out[c].add(a)
        return {c: frozenset(v) for c, v in out.items()}


def _clean(name: str, after: str = "") -> list[tuple[int, int]]:
    """Split a capitalised run into name pieces (offsets within the run), dropping grammar words."""
    pieces: list[tuple[int, int]] = []
    cur: list[tuple[int, int]] = []
    pos = 0
    for tok in name.split(" "):
        start, end = pos, pos + len(tok)
        pos = end + 1
        if not tok:
            continue
        poss = tok.endswith(("'s", "’s"))
        base = tok[:-2] if poss else tok
        if base.lower() in _STOP or (tok == "US" and end == len(name) and after == "$"):
            if cur:
                pieces.append((cur[0][0], cur[-1][1]))
                cur = []
            continue
        cur.append((start, end))
        if poss:  # a possessive ends a name: "Elon Musk's xAI" is two names
            pieces.append((cur[0][0], cur[-1][1]))
            cur = []
    if cur:
        pieces.append((cur[0][0], cur[-1][1]))
    return pieces


def _lower_word_in(text: str, w: str) -> bool:
    """Whether ``_LOWER_WORD.findall(text)`` would contain ``w``, looking only around occurrences of ``w``.

    Lower-case words never span whitespace, and whitespace is not a word character, so the words of the
    whitespace-delimited chunk around an occurrence are the words the whole-text scan finds there.

    >>> _lower_word_in("Analysts said so; analysts agree", "analysts"), _lower_word_in("psychoanalysts", "analysts")
    (True, False)
    """
    n = len(text)
    i = text.find(w)
    while i != -1:
        a = i
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        b = i + len(w)
        while b < n and not text[b].isspace():
            b += 1
        if w in _LOWER_WORD.findall(text, a, b):
            return True
        i = text.find(w, i + 1)
    return False


def _sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘(*#":
        j -= 1
    return j < 0 or text[j] in ".!?\n:—–-|"


_LINE = re.compile(r"[^\n]+")
_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]+\b")
_SMALL = frozenset("a an and as at but by for from in into of on or the to vs via with".split())


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    r"""Spans of Title Case Headline Lines, whose capitals say nothing about names.

    >>> t = "Acme Raises $20 Million To Expand Into Europe\nAcme, the start-up, said so."
    >>> [t[a:b] for a, b in _title_case_lines(t)]
    ['Acme Raises $20 Million To Expand Into Europe']
    """
    out = []
    for line in _LINE.finditer(text):
        if len(line.group(0)) >= 200 or line.group(0).rstrip().endswith((".", "!", "?", '."', ".”")):
            continue  # a paragraph, not a headline (tested first: it is cheap)
        words = [w for w in line.group(0).split() if w[:1].isalpha() and w.lower() not in _SMALL]
        if len(words) >= 4:
            caps = sum(1 for w in words if w[0].isupper())
            if caps >= 0.8 * len(words):
                out.append((line.start(), line.end()))
    return out


def find_names(text: str, title: str | None = None) -> Names:
    """Scan ``text`` for names and classify them; ``title`` only adds evidence, not mentions."""
    raw: list[Mention] = []
    headlines = _title_case_lines(text)
    for m in (_NAME_RE if _CAMEL.search(text) else _NAME_UPPER_RE).finditer(text):
        if headlines and any(a <= m.start() < b for a, b in headlines):
            continue
        run = m.group(0)
        if " " not in run:  # one word (most runs): _clean, inlined
            base = run[:-2] if run.endswith(("'s", "’s")) else run
            if base.lower() in _STOP or (run == "US" and text[m.end() : m.end() + 1] == "$"):
                continue
            pieces = [(0, len(run))]
        else:
            pieces = _clean(run, text[m.end() : m.end() + 1])
        for a, b in pieces:
            piece = run[a:b]
            poss = False
            if piece.endswith(("'s", "’s")):
                piece, poss = piece[:-2], True
            if not piece or len(piece) < 2 or len(piece) > 60 or piece.endswith("-based"):
                continue
            one = " " not in piece and "\u00a0" not in piece
            if _SUFFIX_RE.match(piece) if one else all(_SUFFIX_RE.match(t) for t in piece.split()):
                continue
            s = m.start() + a
            raw.append(Mention(s, s + len(piece), piece, poss))
    # names seen only at the start of sentences are usually ordinary words ("Scooter company ...")
    mid = {mm.name for mm in raw if not _sentence_initial(text, mm.start)}
    # surnames of people named in full elsewhere ("Travis Smith ... Smith stepped down"), short forms
    # of longer names ("Oakenshaw Bio ... Oakenshaw said"), and words never written in lower case
    multi = [mm.name.split() for mm in raw if 2 <= len(mm.name.split()) <= 4]
    mid |= {t[-1] for t in multi} | {t[0] for t in multi}
    freq: dict[str, int] = {}
    for mm in raw:
        freq[mm.name] = freq.get(mm.name, 0) + 1
    mid |= {n for n, k in freq.items() if k >= 2 and " " not in n and n not in mid and not _lower_word_in(text, n.lower())}
    # a single-token name at a sentence start that is also a lower-case word elsewhere is a word
    mentions = []
    for mm in raw:
        if mm.name not in mid and _sentence_initial(text, mm.start):
            if mm.name.split()[0].lower() in _STOP:
                continue
            if " " not in mm.name and not _KEEP_RIGHT.match(text[mm.end : mm.end + 80]):
                continue
        mentions.append(mm)
    bare = {mm.name for mm in mentions if not mm.possessive}
    names = Names()
    # a name always written with 's ("Byju's") keeps it
    fixed = []
    for mm in mentions:
        if mm.possessive and mm.name not in bare:
            after = text[mm.end + 2 : mm.end + 30]
            if re.match(r"\s(?:has|had|is|was|said|says|asks|launched|will|would|raised|reported)\b", after):
                fixed.append(Mention(mm.start, mm.end + 2, text[mm.start : mm.end + 2], False))
                continue
        fixed.append(mm)
    mentions = fixed
    names.mentions = mentions

    # people: role word before, appositive after, or a multi-word name whose last word is used alone
    all_names = {mm.name for mm in mentions}
    raw_names = {mm.name for mm in raw}
    people: set[str] = set()
    seen_person: dict[str, int] = {}
    for mm in mentions:
        k = seen_person[mm.name] = seen_person.get(mm.name, 0) + 1
        if k > 4 or mm.name in people:
            continue
        left = text[max(0, mm.start - 40) : mm.start]
        right = text[mm.end : mm.end + 60]
        toks = mm.name.split()
        if _SUFFIX_RE.match(toks[-1]) or _INVESTOR_SUFFIX.search(mm.name):
            continue
        if len(toks) >= 2 and (_person_left(left) or _PERSON_RIGHT.match(right)):
            people.add(mm.name)
        elif len(toks) in (2, 3) and toks[-1] in raw_names and not _SUFFIX_RE.match(toks[-1]):
            people.add(mm.name)
    # "Jane Roe and John Doe": a name joined to a person by "and" is a person
    for mm in mentions:
        if mm.name not in people and len(mm.name.split()) in (2, 3):
            left = text[max(0, mm.start - 40) : mm.start]
            lm = _AND_NAME.search(left)
            if lm and lm.group(1) in people:
                people.add(mm.name)
    for p in list(people):
        people.add(p.split()[-1])
    # a single word right after a role word ("chief executive Smith")
    for mm in mentions:
        if " " not in mm.name and mm.name not in people:
            left = text[max(0, mm.start - 30) : mm.start]
            if _ROLE_BEFORE.search(left):
                if any(p.endswith(" " + mm.name) for p in people):
                    people.add(mm.name)

    # aliases: "Acme AI" and "Acme", "Acme Global" and "Acme"
    canon: dict[str, str] = {}
    by_first: dict[str, list[str]] = {}
    for n in sorted(all_names, key=len, reverse=True):
        by_first.setdefault(n.split()[0], []).append(n)
    for n in all_names:
        toks = n.split()
        best = n
        for longer in by_first.get(toks[0], []):
            lt = longer.split()
            if len(lt) > len(toks) and lt[: len(toks)] == toks and all(_SUFFIX_RE.match(t) for t in lt[len(toks) :]):
                if len(longer) > len(best):
                    best = longer
        canon[n] = best
    # "Oakenshaw Bio ... Oakenshaw said": a longer name introduced before the bare one is its full form
    first_at: dict[str, int] = {}
    for mm in mentions:
        first_at.setdefault(mm.name, mm.start)
    for n in all_names:
        if canon[n] != n or n in people:
            continue
        toks = n.split()
        ext = [x for x in by_first.get(toks[0], []) if x != n and x.split()[: len(toks)] == toks
               and x not in people and first_at.get(x, 1 << 30) < first_at.get(n, 0)]  # fmt: skip
        if len(ext) == 1:
            canon[n] = ext[0]

    # evidence
    investor: dict[str, bool] = {}
    pos: dict[str, int] = {}
    neg: dict[str, int] = {}
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    for mm in mentions:
        c = canon[mm.name]
        if mm.name in people or c in people:
            continue
        count[c] = count.get(c, 0) + 1
        first.setdefault(c, mm.start)
        if count[c] > 8:
            continue  # enough evidence about this name
        left = text[max(0, mm.start - 60) : mm.start]
        left40 = left[-40:]
        right = text[mm.end : mm.end + 90]
        right_low = right.lower()
        pro = 1 if _POS_RIGHT.match(right, right_low) else 0
        pro += 1 if _pos_left(left) else 0
        con = 1 if _NEG_RIGHT.match(right, right_low) else 0
        con += 1 if _NEG_LEFT2.search(left40) else 0
        tail = left40[-24:]
        if "join" in tail or " by " in tail:
            if _DEST_LEFT.search(left40):
                con += 1  # where departing people go: an acquirer, incumbent or rival
        inv = investor.get(c)
        if inv is None:
            inv = investor[c] = bool(_INVESTOR_SUFFIX.search(c))
        if inv:
            con += 2
        if left.endswith("(") and right.startswith(")"):
            con += 1  # "(Reuters)": a dateline's news agency
        if _KIND_RIGHT.match(right) and _ARTICLE_LEFT.search(left[-5:]):
            con += 2  # "the Berlin company": a place or kind, not a name
        if tail.endswith("with "):
            if _TALKS_LEFT.search(left40):
                con += 1  # a party to talks: buyer or investor
                if _ABOUT_SALE.match(right):
                    con += 1
        if _PLACE_LEFT.search(left[-30:]) and not _INVEST_IN_LEFT.search(left):
            con += 1
        if c.endswith((" AI", " Labs", " Lab")):
            pro += 1
        pos[c] = pos.get(c, 0) + pro
        neg[c] = neg.get(c, 0) + con
    startups = [c for c in count if pos.get(c, 0) > neg.get(c, 0)]
    startups.sort(key=lambda c: (-(pos[c] + count[c]), first[c]))
    if not startups:
        # nothing says "startup" outright: the organisation with the best evidence that is not an investor,
        # acquirer or source ("Investors poured $85m into Corrivo")
        cands = [c for c in count if neg.get(c, 0) == 0 and not _INVESTOR_SUFFIX.search(c) and c not in people
                 and not re.search(r"-based$|^(?:[A-Z]{2,3})$", c) and c.lower() not in _COMMON_START]  # fmt: skip
        cands.sort(key=lambda c: (-pos.get(c, 0), -count[c], first[c]))
        if cands:
            startups = [cands[0]]
    for c in list(startups):
        fuller = [d for d in startups if d != c and d.split()[: len(c.split())] == c.split()]
        if len(fuller) == 1:
            for alias, v in canon.items():
                if v == c:
                    canon[alias] = fuller[0]
            startups.remove(c)
    names.startups = startups
    names.people = people
    names.aliases = canon
    names.others = {c for c in count if c not in startups}
    return names
