"""Stage 2, relations for named people: departures counted from names and roles, and leadership events.

"Jane Roe resigned", "Roe's departure", "co-founders A and B joined Bigco", "the company's CFO and COO
quit" each count the people named, in one row per phrase whose value is their number ("A and B left" =
2, the annotators' convention), each person once per article; a leave of absence is no departure. An
acqui-hire told from the buyer's side counts too ("Bigco is hiring Acme CEO A and co-founder B"), when
the people are introduced as the startup's. Every departure and appointment also becomes an `Event`
with the person, the role and the kind.

>>> from datetime import date
>>> from extract import extract_article
>>> x = extract_article("Acme, the AI start-up, said chief scientist Jane Roe and co-founder John Doe have "
...                     "left to join Bigco.", published=date(2024, 5, 2))
>>> [(m.metric, m.value) for m in x.metrics], sorted(e.person for e in x.events)
([('departed_talent', 2.0)], ['Jane Roe', 'John Doe'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract._regex import Folded, Gated, fast_alternation
from extract.discourse import Discourse
from extract.lexicon import MODALITY, NAMED_DEPARTURE, NAMED_DEPARTURE_NOUN, load_table
from extract.mentions import ORG_KINDS, Name
from extract.names import KIND_THEN_NAME, ROLE_WORDS, SUFFIX_RE, investor_suffix
from extract.numbers import NUMBER_NEXT, parse_count
from extract.relations import Claim, View
from models.records import Event

__all__ = ["PeopleState", "people_claims"]

# inline patterns, compiled once (hot paths)
_RX0 = re.compile((r"resign|step"), re.I)
_RX1 = re.compile((r"(?:left|quit|exited|departed|resigned|stepped down|retired from|retires from)$"))
_RX2 = re.compile((r"\s+(?:(?:the|to|back to|as)\s+)?(?:(?:the|a|an)\s+)?(?:(?:[a-z][\w\-]*\s+){0,2}(?:group|rival|company|firm|start-?up|lab|giant|platform|bank|lender|app)\s+)?"))  # ("to the edtech group X")
_RX3 = re.compile((r"[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)*['’]s?\s"))
_RX4 = re.compile((r"\binterim\b"), re.I)
_RX5 = re.compile((r"\b(?:is|was|were|are|be|been|what|nothing|have|has)\s+$"))
_RX6 = re.compile((r"resign|step"))
#: between a leaving verb and the company left: "resigned from", "stepped down as chief executive of", "left payroll startup"
_RX7 = re.compile((r"^\s+(?:(?:(?:out\s)?of\s(?:her|his|their)\s(?:job|role|post|position)\s)?(?:as\s[\w\s\-]{0,40}?\s)?(?:of|from|at)\s|)(?:the\s)?"
                   r"(?:(?:[a-z][\w\-]*\s){0,2}(?:start-?up|firm|company|fintech|neobank|lender|lab|platform|app|marketplace|unicorn)\s)?$"))
_RX8 = re.compile((r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-Z][a-z]+)?"))
_RX9 = re.compile((r"[.:!?*\"“]\s*$"))
_RX10 = re.compile((r"['’]s\s+"))
_RX11 = re.compile((r"^\S+\s+(?:company['’]s\s+)?"))
_RX12 = re.compile((r"^['’]s\s(?:own\s|sudden\s|abrupt\s)?$"))
_RX13 = re.compile((r"^\S+\s+(?:from|of)\s+(?:[\w\-]++\s+){0,4}(?:[\w\-]+,\s+)?$"))
_RX14 = re.compile((r"\s+"))
_RX15 = re.compile((r"^,\s+$"))

# between a person's name and the verb it governs: an appositive or relative clause, and a few words
# (an appositive does not open with a verb: "Acme, founded by Jane Roe, has spent ... which it left")
_SUBJECT_GAP = re.compile(
    r"^(?:['’]s)?,?\s*(?:(?:,\s(?!(?:has|have|had|is|was|were|are|will|would|said|says)\b)[^,;]{1,120}){1,3},\s*)?"
    r"(?:(?!(?:it|they|we|he|she|which|that|who|and|but)\s)[a-z]++\s){0,3}$|^,\s(?:who|which|that)\b[^,.;:]{0,80}$"
    # an appositive the writer did not close: "Jane Roe, co-founder of Acme quit"
    r"|^,\s(?:(?:the|a|an|its)\s)?(?:[a-z\-]++\s){0,2}?(?:co-?founder|founder|chief\s[a-z]+(?:\s[a-z]+)?\sofficer|chief executive|ceo|cto|cfo|coo"
    r"|president|head of [a-z]+)\s(?:of|at)\s(?:the\s)?[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,2}\s(?:(?:also|then|later|has|had|have)\s)?$"
)
# the person, then "said/announced (that) he/she" before the verb
_SAYS_HE = re.compile(
    r"^(?:['’]s)?(?:,\s[^;]{1,160}?,)?,?\s+(?:said|says|announced|announces|confirmed|confirms|told\s[\w\s]{1,30}?|wrote|writes|posted"
    r"|revealed|disclosed|added)(?:\s+(?:on|in|via|this|last)\s[\w\s]{1,30}?)?(?:\s+that)?\s+(?:he|she)\s+"
    r"(?:(?:had|has|would|will|was|is)\s+)?(?:[“\"]?(?:made\s+the\s+(?:[\w\-]+\s+)?decision|decided|chosen|chose)[”\"]?\s+to\s+)?$"  # ("made the difficult decision to")
)
_PREP_LEFT = re.compile(r"\b(?:by|with|from|of|to|for|at|under|via|alongside|than)\s+$")
_ROLE_NP = (
    r"(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[A-Z][\w\-]*['’]s)(?:\s+(?:company|start-?up|firm)['’]s)?\s+(?:former\s+|then\s+)?(?:chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer"
    r"|chief\s+executive|chief\s+scientist|head\s+of\s+[A-Za-z]+(?:\s+[a-z]+)?|general\s+counsel|president"
    r"|co-founder|founder|[a-z]+\s+director|director\s+of\s+[a-z]+|vice-president\s+of\s+[a-z]+|VP\s+of\s+[a-z]+|C[EFTOMPR]O"
    r"|(?:finance|technology|marketing|product|operating|legal|people|commercial|sales|revenue|science|research|security|risk|data|growth|engineering|design|compliance|credit|strategy|business|communications)\s+chief)"
)
_ROLE_BARE = (
    r"(?:chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|chief\s+executive|chief\s+scientist|head\s+of\s+[A-Za-z]+(?:\s+[a-z]+)?"
    r"|general\s+counsel|president|co-founder|founder|C[EFTOMPR]O)"
)
_ROLE_DEPART = re.compile(
    rf"(?P<seq>{_ROLE_NP}(?:(?:,\s+|\s+and\s+|,\s+and\s+)(?:{_ROLE_NP}|{_ROLE_BARE}))*)\s+(?:(?:has|had|have|also|then|both|later|now)\s+)*"
    r"(?P<v>resigned|resigns|left|leaves|quit|quits|departed|departs|stepped down|steps down|exited|exits|walked out"
    r"|(?:was|were|has been|have been) (?:poached|hired away|lured away|ousted|fired|pushed out)|(?:is|are) (?:stepping down|leaving)"
    r"|followed(?=\s+(?:in|later|suit|soon|shortly|weeks|months|days|a\s|him|her|them|out)\b))\b"  # ("and the head of credit followed in May")
    rf"|\b(?:lost|loses|losing)\s+(?P<seq2>{_ROLE_NP}(?:(?:,\s+|\s+and\s+|,\s+and\s+){_ROLE_NP})*)\s*(?:(?:to|in|as|after|amid|this|last|earlier)\b|[.;]|$)"
    rf"|\b(?P<n>exit|departure|resignation|ouster|ousting)\s+of\s+(?P<seq3>{_ROLE_NP})"  # "follows the exit of its chief operating officer"
)
#: one of these is in every text _ROLE_DEPART finds: each of its branches holds a role of _ROLE_NP or _ROLE_BARE, and each
#: of those holds one ("co-founder", "vice-president", "finance chief", "head of ..."): a cheap test first
_ROLE_KEY = re.compile(r"chief|head|counsel|president|founder|director|VP|C[EFTOMPR]O")
_TOP_ROLE = re.compile(r"^role:(?:co-founder|founder|chief executive|ceo|president)$")
_APPOINT = re.compile(
    r"\b(?:appoint\w*|named|names|hires|hired|has hired|picks|picked|replaces|replaced|takes over|will take over|promoted|taps|tapped|elevated)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?:chief executive|ceo|co-ceos?|co-chief executives?|chief operating officer|chief technology officer"
    r"|chief financial officer|chief scientist|coo|cto|cfo|president|chairman|founder|co-founder|cofounder|head of [a-z]+)\b",
    re.IGNORECASE,
)
_LEAVE = re.compile(r"\b(?:leave of absence|sabbatical|extended leave|medical leave|parental leave|maternity leave|paternity leave|sick leave|garden leave|on leave|took leave|taken leave|taking leave|takes leave|taking (?:a |some )?time off|temporarily)\b", re.I)
_BACKER_LIST = re.compile(
    r"\b(?:investors|backers|shareholders|funds|firms|investment firms|venture firms|lenders)\s+(?:including|such as|like|led by)\s+"
    r"((?:(?:[A-Z][\w&.\-]*(?:['’]s)?|of|and|&|the|former)(?:\s|,\s)?)+)"
)


def _verbs(position: str) -> Gated:
    """The matches of ``(?<![\\w\\-])(?:cue|cue|...)(?![\\w])`` for the cues of departed_talent.toml at ``position``,
    found faster (`fast_alternation`), and none at once in text without a cue's opening words (most sentences)."""
    cues = [e["cue"] for e in load_table("departed_talent").get(position, [])]
    return Gated(fast_alternation(r"(?<![\w\-])", cues, r"(?![\w])"), cues)


#: verbs whose object is a person hired away from a startup ("Bigco hired Acme's CTO Jane Roe")
_HIRES_FROM = _verbs("named_object")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:[a-z]+ly\s+)?$")
#: verbs by which a company lets its own named people go ("Acme parted ways with its COO Jane Roe")
_DISMISSES = _verbs("named_dismissed")
_NOT_PERSON_RIGHT = re.compile(r"^(?:['’]s)?\s+(?:founders?|co-founders?|ceo|chief|boss|employees|staff|investors|board)\b")
_JOIN_RE = Folded(r"\bjoin\w*|to lead\b|hired by\b|moved to\b|decamped to\b|poached\b|lured\b|rejoin\w*|returned to\b|went back to\b")
# "Daniel Gross, who co-founded X with A and B, left": the relative clause ends right before the verb
_WHO_NOW = re.compile(r"^,\swho\s(?:(?:also|later|then|since|has|had|already)\s)*$")
_REL_SUBJECT = re.compile(r"^,\s(?:who|whom|whose)\s[^;.]{0,160},\s*(?:[a-z]++\s){0,3}$")
# between two people of one list: "A and B", "A, B and C", "role A and role B", "A, X's chief executive, and B"
_LIST_GAP = re.compile(
    r",?\s+(?:and\s+)?|,\s+|(?:,\s+[^,;.]{1,60},)?,?\s+and\s+(?:(?:its|the|their|fellow|former)\s+)?(?:[a-z][a-z\-]*\s+){0,6}"
    r"|,\s+(?:and\s+)?(?:(?:[A-Z][A-Za-z\-]*|of|and|&|the)\s+){1,5}"  # "A, Chief Research Officer B, and VP of Research C"
)
# verbs after which the destination is named: leaving for it, not leaving it
_GOES_TO = re.compile(r"join|to join|moved(?! to (?:the|its) board)(?! on\b)|decamped|returned|went back|rejoin|headed|going")


@dataclass
class PeopleState:
    """What one article has counted so far: people who left (once each) and events."""

    departed: set[str] = field(default_factory=set)
    event_keys: set[tuple[str, str]] = field(default_factory=set)
    events: list[Event] = field(default_factory=list)
    #: first and last names of people seen in full -> the key of the first person seen with that name
    names: dict[str, str] = field(default_factory=dict)
    bare: set[str] = field(default_factory=set)  # names keyed alone before any full name held them
    guessed: dict[str, Claim] = field(default_factory=dict)  # person key -> its row, whose company came from the focus

    def key(self, surface: str) -> str:
        """One key per person: "Rahul Menon", "Menon" and "Rahul" are the same person once seen in full; two
        people who share a surname are two ("Ashok Grover" and "Meera Jain Grover").

        >>> st = PeopleState()
        >>> st.key("Rahul Menon"), st.key("Rahul"), st.key("Menon"), st.key("Priya")
        ('rahul menon', 'rahul menon', 'rahul menon', 'priya')
        >>> st.key("Asha Menon"), st.key("Menon")  # a shared surname alone is the person seen first
        ('asha menon', 'rahul menon')
        """
        toks = surface.lower().split()
        if len(toks) == 1:
            key = self.names.get(toks[0]) or toks[0]
            if key == toks[0]:
                self.bare.add(key)  # (a surname seen alone before the full name keeps its key)
            return key
        key = toks[-1] if toks[-1] in self.bare else " ".join(toks)
        for t in (toks[0], toks[-1]):
            self.names.setdefault(t, key)
        return key


def _looks_like_person(name: str) -> bool:
    """Two or three capitalised words: a name that may be a person's."""
    toks = name.split()
    return 2 <= len(toks) <= 3 and all(_RX8.fullmatch(x) for x in toks)


def _people_in(v: View, d: Discourse) -> list[Name]:
    """The people named in a sentence (not investors, not names in a list of backers)."""
    sa, t = v.sentence.start, v.doc.text
    lists = [(sa + x.start(1), sa + x.end(1)) for x in _BACKER_LIST.finditer(v.s)]
    first_words = _startup_first_words(d)
    return [n for n in d.names.between(sa, sa + len(v.s)) if _is_person(n, t, first_words) and not any(a <= n.start < b for a, b in lists)]


def _startup_first_words(d: Discourse) -> set[str]:
    """The first words of the article's startups' names (a two-word name opening with one is no person)."""
    return {k.split()[0] for k in d.names.startups}


def _is_person(n: Name, t: str, first_words: set[str]) -> bool:
    """A person's name: typed so, or two or three capitalised words that open no startup's name, with no company
    suffix ("Northgate Bank"), not an investor, not followed by "'s founders" and the like."""
    person = n.kind == "person" or (n.kind == "org" and _looks_like_person(n.surface) and n.surface.split()[0] not in first_words)
    return (person and not _NOT_PERSON_RIGHT.match(t[n.end : n.end + 30]) and not investor_suffix(n.surface)
            and not SUFFIX_RE.match(n.surface.split()[-1]))


def _subject_of(v: View, people: list[Name], vpos: int, noun: bool) -> Name | None:
    """The person who does what the verb (or departure noun) at ``vpos`` says."""
    t = v.doc.text
    if noun:  # "Roe's departure", "the departure of Jane Roe"
        poss = [p for p in people if p.end <= vpos and _RX12.match(t[p.end : vpos])]
        if poss:
            return poss[-1]
        aft = [p for p in people if p.start >= vpos and _RX13.match(t[vpos : p.start])]
        return aft[0] if aft else None
    before = [p for p in people if p.end <= vpos]
    if before and _WHO_NOW.match(t[before[-1].end : vpos]):
        return before[-1]  # "was joined by his co-lead, Jan Leike, who also resigned": the person the verb follows
    for p in before:  # "Daniel Gross, who co-founded X with A and B, left": the person the clause describes
        if _REL_SUBJECT.match(t[p.end : vpos]):
            return p
    for p in reversed(before):
        gap = t[p.end : vpos]
        if _SUBJECT_GAP.match(gap) and (not _PREP_LEFT.search(t[max(0, p.start - 12) : p.start]) or _WHO_NOW.match(gap)):
            return p  # (not "founded by Jane Roe, ... left"; but "with Omar Haddad, who left Acme last year")
    for p in reversed(before):
        if _SAYS_HE.match(t[p.end : vpos]) and not _PREP_LEFT.search(t[max(0, p.start - 12) : p.start]):
            return p  # "Jane Roe, the founder of Acme, announced she would step down"
    return None


def _coordinated(v: View, people: list[Name], person: Name) -> list[Name]:
    """"Jane Doe and John Roe left": everyone coordinated with the subject left too."""
    t = v.doc.text
    group = [person]
    earlier = [p for p in people if p.end <= person.start]
    while earlier and (_LIST_GAP.fullmatch(t[earlier[-1].end : group[0].start]) or (
            _ROLES_GAP.fullmatch(t, earlier[-1].end, group[0].start) and _ROLE.search(t, max(0, earlier[-1].start - 45), earlier[-1].start))):
        group.insert(0, earlier.pop())  # (also "its CTO, Sanjay Iyer, and its chief business officer, Ritu Bansal, have resigned")
    return group


#: between two people each introduced by a role: ", and its chief business officer, "
_ROLES_GAP = re.compile(r",\s+and\s+(?:its|their|the\s+company['’]s|our)\s+(?:[a-z][a-z\-]*\s+){0,5}[a-z][a-z\-]*,\s+")


def _event_kind(text: str) -> str:
    """resigned, hired_away or departed, from the words of a departure."""
    if _RX0.search(text):
        return "resigned"
    return "hired_away" if _JOIN_RE.search(text) else "departed"


def _named_departures(v: View, d: Discourse, st: PeopleState, counted_at: list[int], people: list[Name]) -> list[Claim]:
    """Departures of people named as the subject of a leaving verb or with a departure noun."""
    sa, t = v.sentence.start, v.doc.text
    out: list[Claim] = []
    hits = [(m, False) for m in NAMED_DEPARTURE.finditer(v.low)] + [(m, True) for m in NAMED_DEPARTURE_NOUN.finditer(v.low)]
    for m, noun in sorted(hits, key=lambda h: h[0].start()):
        vpos = sa + m.start()
        if any(c < vpos for c in counted_at):
            continue  # the names enumerate a group already counted
        if not noun and m.group(0) == "left" and _RX5.search(v.low[: m.start()]):
            continue
        if v.s[m.start()].isupper() and m.start() > 0 and not _RX9.search(v.s[: m.start()]):
            continue  # "Left Lane Capital": a name, not the verb
        person = _subject_of(v, people, vpos, noun)
        if person is None or (v.in_quotes(m.start()) and not noun and "last day" not in m.group(0)):
            continue
        if _leave_or_old_job(v, m):
            continue
        out.extend(_count_group(v, d, st, _coordinated(v, people, person) + _as_did(v, people, m.end()), m, vpos))
    return out


def _leave_or_old_job(v: View, m: re.Match[str]) -> bool:
    """A leave of absence near the verb (no departure), or "had left a comfortable engineering post with a cloud
    company to come home" (an earlier job)."""
    return _LEAVE.search(v.s[max(0, m.start() - 30) : m.start() + 60]) is not None or _A_JOB_RIGHT.match(v.s, m.end()) is not None


#: "A resigned on Wednesday, as did chief operating officer B": B left too
_AS_DID = re.compile(r"[^,;.]{0,40},\s+as\s+did\s+(?:(?:its|the|their)\s+)?(?:[a-z\-]+\s+){0,5}")


def _as_did(v: View, people: list[Name], end: int) -> list[Name]:
    """The person after "..., as did" following a departure verb (relative offset ``end``)."""
    m = _AS_DID.match(v.s, end) if "as did" in v.low else None
    if m is None:
        return []
    at = v.sentence.start + m.end()
    return [p for p in people if p.start == at]


#: a pronoun as the subject of a leaving verb: "In May he walked away", "before she quit in January"
_PRONOUN_SUBJECT = re.compile(r"\b(?:he|she)\s+(?:(?:also|later|then|eventually|finally|too|had|has|soon|herself|himself)\s+)*$")
#: "... she left to found Acme": the job she left is not the startup's (it did not exist yet)
_TO_FOUND = re.compile(r"\s+(?:[\w\-]+\s+){0,4}?to\s+(?:co-?found|found|start|launch|set\s+up|build|create)\b")
_PRONOUN_REACH = 400  # how far back (characters) the person a pronoun stands for is looked for


def _pronoun_departures(v: View, d: Discourse, st: PeopleState, counted_at: list[int]) -> list[Claim]:
    """A departure whose subject is "he" or "she": the person named last before it (within a few sentences),
    counted once like a named one ("Amaka Eze ran its credit team. She quit the Lagos lender in June")."""
    sa = v.sentence.start
    out: list[Claim] = []
    for m in NAMED_DEPARTURE.finditer(v.low):
        if not _PRONOUN_SUBJECT.search(v.low, max(0, m.start() - 30), m.start()):
            continue
        vpos = sa + m.start()
        if (any(c < vpos for c in counted_at) or v.in_quotes(m.start()) or _leave_or_old_job(v, m)
                or _TO_FOUND.match(v.s, m.end()) or _GOES_TO.search(m.group(0))):
            continue
        if _destination_is_other(v, d, m.end()) or _ROLE.search(v.s, max(0, m.start() - 60), m.start()):
            continue  # "she left Google in 2019"; "its CEO said he was leaving": the role is the subject
        who = _last_person(v, d, vpos)
        company = _company_left(v, d, m.end()) or d.owner(v.sentence, vpos, vpos)
        if who is None or company is None or company in _destinations(v, d, m.start()):
            continue
        out.extend(_group_row(v, st, [who], company, _event_kind(v.s[m.start() :]), (vpos, sa + m.end())))
    return out


def _last_person(v: View, d: Discourse, vpos: int) -> Name | None:
    """The last person named before ``vpos`` (this sentence or the few before it), not an investor."""
    first_words = _startup_first_words(d)
    for n in reversed(d.names.between(max(0, vpos - _PRONOUN_REACH), vpos)):
        if _is_person(n, v.doc.text, first_words):
            return n
    return None


def _destination_is_other(v: View, d: Discourse, end: int) -> bool:
    """"who left Google in 2019": leaving another organisation is not a departure from this one."""
    sa = v.sentence.start
    if _BOARD_RIGHT.match(v.s, end):
        return True  # "left the board of Bigco": a seat on another company's board, not a job
    nxt = [n for n in d.names.between(sa + end, sa + end + 3)]
    return bool(nxt) and nxt[0].kind not in ("startup", "person") and not _looks_like_person(nxt[0].surface)


_A_JOB_RIGHT = re.compile(r"\s+(?:a|an)\s+(?:[\w\-]+\s+){0,3}?(?:job|post|role|position|career|seat)\b")
_BOARD_RIGHT = re.compile(r"\s+(?:from\s+)?(?:the\s+(?:supervisory\s+|advisory\s+)?board\s+of\s+[A-Z]|[A-Z][\w\-.]*['’]s\s+(?:supervisory\s+|advisory\s+)?board\b)")


def _count_group(v: View, d: Discourse, st: PeopleState, group: list[Name], m: re.Match[str], vpos: int) -> list[Claim]:
    """One row for the people named together ("A and B left" = 2), each person counted once per article."""
    sa = v.sentence.start
    verb = m.group(0)
    goes_to = _GOES_TO.search(verb) is not None
    if not goes_to and _RX1.search(verb) and _destination_is_other(v, d, m.end()):
        return []
    explicit = (None if goes_to else _company_left(v, d, m.end())) or _affiliation(v, d, group)
    company = explicit or _its_startup(v, d, group[0]) or d.owner(v.sentence, group[0].start, group[0].end)
    gone_to = _destinations(v, d, m.start(), lost=verb.startswith(("lost", "loses", "losing")))
    if not explicit and company in gone_to:  # "... is joining Bigco along with other Acme employees": the other startup named
        others = [n.key for n in d.names.between(sa, sa + len(v.s)) if n.is_startup and n.key not in gone_to]
        company = others[0] if others else company
    if company is None or company == NOT_A_STARTUP or company in gone_to:
        return []  # "left to join Bigco's Seed team": the place they went is not the one they left
    if goes_to and _destination(v, d, m.end()) in (None, company):
        return []  # "Jane Roe joined Acme": a hire by the company; "will join a committee": no move
    kind = _event_kind(v.s[m.start() :]) if not _RX6.search(verb) else "resigned"
    if explicit:
        _correct_guess(st, group, company)
    rows = _group_row(v, st, group, company, kind, (vpos, sa + m.end()))
    if rows and not explicit and rows[0].value == 1:
        st.guessed[rows[0].person or ""] = rows[0]  # the company came from the focus alone: a later mention may correct it
    return rows


#: a role introduced with "its" right before a person: "and its co-founder and chief product officer Jane Roe"
_ITS_ROLE = re.compile(r"\bits\s+(?:former\s+|then\s+)?(?:[a-z\-]+,?\s+){1,6}$")


def _its_startup(v: View, d: Discourse, who: Name) -> str | None:
    """"the edtech Acme had cut 75 staff, and its co-founder Jane Roe resigned": the startup named last before "its"."""
    sa = v.sentence.start
    its = _ITS_ROLE.search(v.doc.text, max(sa, who.start - 80), who.start)
    if its is None:
        return None
    t = v.doc.text
    prior = [n for n in d.names.between(sa, its.start()) if n.is_startup and not _OBJECT_LEFT.search(t, max(sa, n.start - 12), n.start)]
    return prior[-1].key if prior else None  # (not "22 employees will join Bigco, while its co-founder ...")


_OBJECT_LEFT = re.compile(r"\b(?:join|joins|joined|joining|to|for|by|from|with|into|at)\s+(?:the\s+)?$")


def _correct_guess(st: PeopleState, group: list[Name], company: str) -> None:
    """A person counted earlier (a headline) for the startup in focus, now tied to a company explicitly:
    "Jane Roe resigns after X probe" ... "Jane Roe, the co-founder of Acme, resigned": the row is Acme's."""
    for who in group:
        claim = st.guessed.pop(st.key(who.surface), None)
        if claim is not None:
            claim.company = company


def _group_row(v: View, st: PeopleState, group: list[Name], company: str, kind: str, span: tuple[int, int]) -> list[Claim]:
    """The departure row of the people of ``group`` not counted yet, and their events."""
    sa = v.sentence.start
    new = [(who, st.key(who.surface)) for who in group]
    new = [(who, key) for who, key in new if key not in st.departed]
    if not new:
        return []
    for who, key in new:
        st.departed.add(key)
        st.events.append(Event(company, who.surface, _role_near(v, who), kind, span[0], span[1], v.s, sa))
    keys = "|".join(key for _, key in new)
    more = _TAKING_OTHERS.search(v.s, group[-1].end - sa)  # "Jane Roe quit, taking four engineers with her": 5
    if more and _OWN_VERB.match(v.s, more.end()):
        more = None  # "Jane Roe resigned in August, and two other executives left in September": their own row
    extra = int(parse_count(more.group(1)) or 0) if more else 0
    value = max(len(new) + extra, _nth_exit(v))  # "the third executive to leave this year": 3
    return [Claim(company, "departed_talent", float(value), "persons", "exact", span[0], span[1], v.sentence, person=keys)]


def _nth_exit(v: View, after: int = 0) -> int:
    """The count an ordinal gives a departure: "the third senior executive to leave this year" (3), else 0; only
    an ordinal after offset ``after`` (relative) counts."""
    nth = _NTH_TO_LEAVE.search(v.low, after) if "th " in v.low or "nd " in v.low or "rd " in v.low else None
    return _ORDINALS[nth.group(1)] if nth else 0


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6}
_NTH_TO_LEAVE = re.compile(
    r"\bthe (second|third|fourth|fifth|sixth|seventh|2nd|3rd|4th|5th|6th) (?:[\w\-]+ ){0,3}?(?:executive|leader|founder|co-founder"
    r"|cxo|officer|member|person|departure|exit|senior hire|top manager|manager)s? (?:to (?:leave|quit|exit|depart|walk out|resign"
    r"|step down)|(?:this|in the past|over the past|in|since) )")


#: people who left with the one named: "along with two members of his team", "taking four engineers with her",
#: "and two of her deputies"
_TAKING_OTHERS = re.compile(
    r"(?:,?\s(?:along with|together with|alongside|taking|and took|and)\s)(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|a dozen)"
    r"\s(?:other\s|more\s|of\s(?:his|her|their)\s|members\sof\s(?:his|her|their)\s)?(?:[a-z\-]++\s){0,2}?"
    r"(?:team(?:\smembers)?|engineers|deputies|colleagues|researchers|executives|lieutenants|reports|staffers)\b"
    r"(?:\s(?:with\s(?:him|her|them)|along))?"
)
_OWN_VERB = re.compile(r"\s+(?:(?:from|of|at|in)\s+[^,;.]{1,40}?\s+)?(?:(?:have|has|had|also|later|then|soon|since)\s+)*(?:left|resigned|quit|departed|exited|stepped|walked|followed|joined)\b")



def _role_near(v: View, who: Name) -> str | None:
    """The role written next to a person: "chief executive Jane Roe", "Jane Roe, the CFO"."""
    sa = v.sentence.start
    rel_start, rel_end = who.start - sa, who.end - sa
    if rel_start < 0:
        return None  # a person named in an earlier sentence ("... She quit in June")
    left = [r for r in _ROLE.finditer(v.s[max(0, rel_start - 40) : rel_start])]
    right = _ROLE.search(v.s[rel_end : rel_end + 50])
    role = left[-1] if left else (right if right and v.s[rel_end : rel_end + 2].startswith(",") else _ROLE.search(v.s))
    return role.group(0).lower() if role else None


_AFFILIATION_RIGHT = re.compile(
    r"^,\s+(?:(?:a|an|the|its)\s+(?:[\w\-]+\s+){0,3}?|(?!(?:formerly|previously|once|ex|late|latterly)\b)(?:[\w\-]+\s+){1,3}?"
    r"|(?:[\w\-]+\s+){1,2}and\s+(?:[\w\-]+\s+){1,3}?)(?:of|at)\s+(?:the\s+)?"  # ("co-founder and chief product officer of")
    r"(?:[A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?['’]s\s+)?(?:[A-Z][a-z\d]+\s+(?=[a-z]))?(?:[a-z][\w\-]*\s+|\([\w\s\-]+\)\s+){0,4}$"
    # ("the embattled co-founder of fintech unicorn Acme", "of Stockholm carbon-accounting startup Acme")
    r"|^,\s+one\s+of\s+(?:the|its)\s+(?:co-?founders|founders)\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,4}$"  # ("one of the co-founders of the Web3 infrastructure firm")
    r"|^,\s+who\s+(?:co-?founded|founded|started|set up|built|ran|runs|led|leads)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+(?=[A-Za-z]))?(?:[\w\-]++\s+){0,4}?$"
)
_AFFILIATION_POSS = Folded(
    r"^(?:['’]s\s+|,\s+whose\s+|\s+(?=[^\s]+\s))(?:(?:former|then|and|senior|vice|" + ROLE_WORDS + r"|[a-z]+\s+(?:officer|director|lead|head))(?:\s+|,\s+)){0,4}"
    r"(?:(?:of|for)\s+[a-z]+(?:\s+[a-z]+)?,\s+)?$"  # ("Acme's vice president of logistics, Jane Roe")
)
_WHOSE = re.compile(r"\bwhose\s+(?:[a-z\-]+\s+){0,4}$")
#: the affiliation is an organisation that is not a startup ("Bigco, whose co-founder Jane Roe left")
NOT_A_STARTUP = "\x00other"


def _own_company(d: Discourse, n: Name) -> bool:
    """A company whose people these are may own their departure: a startup, or a company nothing marks as an
    investor or incumbent ("OpenSea CFO Brian Roberts left", "Zomato's A and B left the company")."""
    return n.is_startup or (n.kind == "org" and d._neutral_org(n))


def _affiliation(v: View, d: Discourse, group: list[Name]) -> str | None:
    """The organisation a person is introduced with: "A, a co-founder of Acme,", "Acme CEO A", "A, Acme's
    CTO,", "Acme, whose co-founder A": a startup's key, `NOT_A_STARTUP` for another organisation, or None."""
    t = v.doc.text
    sa, se = v.sentence.start, v.sentence.start + len(v.s)
    first = group[0]
    for n in reversed(d.names.between(max(sa, first.start - 60), first.start)):
        if n.kind in ORG_KINDS and _AFFILIATION_POSS.match(t[n.end : first.start]):
            return n.key if _own_company(d, n) else NOT_A_STARTUP  # "Windsurf CEO Varun Mohan", "Adept's chief executive"
    whose = _WHOSE.search(t, max(sa, first.start - 50), first.start)
    if whose is not None:  # "Bigco.ai, whose co-founders A and B ...": the organisation before "whose"
        orgs = [n for n in d.names.between(max(sa, whose.start() - 40), whose.start()) if n.kind in ORG_KINDS]
        if orgs:
            return orgs[-1].key if orgs[-1].is_startup else NOT_A_STARTUP
    for who in group:
        after = [n for n in d.names.between(who.end, min(se, who.end + 80)) if n.kind in ORG_KINDS or n.kind == "person"]
        for i, n in enumerate(after):
            if not (_AFFILIATION_RIGHT.match(t[who.end : n.start]) or (_RX15.match(t[who.end : n.start]) and n.possessive)):
                continue
            if KIND_THEN_NAME.match(t, n.end):
                continue  # "who co-founded the Paris AI startup Orelia": "Paris AI" describes the name after it
            while n.possessive and i + 1 < len(after) and _RX10.fullmatch(t[n.end : after[i + 1].start]):
                i, n = i + 1, after[i + 1]  # "a co-founder of Jane Roe's Acme"
            return n.key if _own_company(d, n) else (NOT_A_STARTUP if n.kind in ORG_KINDS else None)
    return None


def _destination(v: View, d: Discourse, end: int) -> str | None:
    """The organisation named right after "joined", "to join", "returned to" (its key), or None."""
    sa = v.sentence.start
    for n in d.names.between(sa + end, sa + end + 40):
        if _RX2.fullmatch(v.doc.text[sa + end : n.start]):
            return n.key if n.kind in ORG_KINDS or n.kind == "product" else None
    return None


def _destinations(v: View, d: Discourse, at: int, lost: bool = False) -> set[str]:
    """Names in "to join X's Y", "for X", "moved to X" after offset ``at`` of the sentence (and in "to X" after
    "lost": "lost its head of research, Jane Roe, to Bigco")."""
    sa = v.sentence.start
    out: set[str] = set()
    for j in (_LOST_TO if lost else _TO_DESTINATION).finditer(v.low, at):
        stop = _DESTINATION_END.search(v.low, j.end(), j.end() + 40)  # not "joining Bigco along with other Acme staff"
        out.update(n.key for n in d.names.between(sa + j.end(), sa + min(len(v.s), stop.start() if stop else j.end() + 40)))
    return out


_DESTINATION_END = re.compile(r"\b(?:along with|together with|alongside|as well as|with|and some|and other|and several)\b|[,;.]")


_DESTINATION_WORDS = r"to join|joining|joined|join|left for|leave for|leaving for|moved to|decamped to|returned to|rejoin\w*|went back to|for"
_TO_DESTINATION = re.compile(rf"\b(?:{_DESTINATION_WORDS})\s+(?:the\s+)?")
_LOST_TO = re.compile(rf"\b(?:{_DESTINATION_WORDS}|to)\s+(?:the\s+)?")  # (after "lost": "lost its CTO to Bigco")


def _company_left(v: View, d: Discourse, end: int) -> str | None:
    """"resigned from X", "left X", "stepped down as chief executive of X": the company named after the verb."""
    sa = v.sentence.start
    after = v.s[end:]
    for n in d.names.between(sa + end, sa + end + 60):
        if n.is_startup and _RX7.match(v.doc.text[sa + end : n.start]):
            return n.key
    del after
    return None


def _role_departures(v: View, d: Discourse, st: PeopleState, counted_at: list[int]) -> list[Claim]:
    """Office-holders named only by role who leave together in one sentence: one row with their number."""
    sa = v.sentence.start
    rows: dict[str, list] = {}
    if _ROLE_KEY.search(v.s) is None:
        return []  # no role named (the pattern tries every capital and "the", "its", ...: the cheaper test first)
    for rd in _ROLE_DEPART.finditer(v.s):
        vg = "v" if rd.group("v") else ("seq2" if rd.group("seq2") else "n")
        if vg == "n" and any(p.start <= sa + rd.end() + 3 and (p.kind == "person" or _looks_like_person(p.surface))
                             for p in d.names.between(sa + rd.end(), sa + rd.end() + 60)):
            continue  # "the departure of its chief operating officer, Jane Roe": counted by name
        vpos = sa + rd.start(vg)
        if any(c < vpos for c in counted_at) or _LEAVE.search(v.s[rd.start() : rd.end() + 40]):
            continue
        seq = rd.group("seq") or rd.group("seq2") or rd.group("seq3")
        roles = re.findall(_ROLE_NP, seq) + re.findall(r"(?:\band\s+|,\s+)" + _ROLE_BARE, seq)
        keys = ["role:" + _RX11.sub("", r.lower()) for r in roles]
        if len(keys) == 2 and _FOUNDER_AND_ROLE.search(seq):
            keys = keys[:1]  # "its founder and chief executive resigned": one person with two titles
        if vg == "seq2" and len(keys) < 2 and not _LOST_ROLE_TO.search(rd.group(0)):
            continue  # "Acme has lost its CTO." (named in the next sentence, counted there); but "lost its CFO and its
            # general counsel in October" and "lost its CTO to a rival" are counted here
        new = [k for k in keys if k not in st.departed]
        if not new:
            continue
        st.departed.update(new)
        seq_start = sa + rd.start("seq" if rd.group("seq") else ("seq2" if rd.group("seq2") else "seq3"))
        pm = _RX3.match(seq)
        at = seq_start + pm.end() if pm else seq_start
        company = d.owner(v.sentence, at, at)
        if company is None:
            continue
        row = rows.setdefault(company, [0, vpos, sa + rd.end(vg), []])
        row[0] = max(row[0] + len(new), _nth_exit(v, rd.start()))  # ("loses its security chief in the fifth senior exit": 5)
        row[3].extend(new)
    return [Claim(c, "departed_talent", float(n), "persons", "exact", vs, ve, v.sentence, person="|".join(keys))
            for c, (n, vs, ve, keys) in rows.items()]  # fmt: skip


_LOST_ROLE_TO = re.compile(r"\b(?:to|in|as|after|amid)$")
#: one person's two titles: "its founder and chief executive", "co-founder and CEO" (one possessive, no second article)
_FOUNDER_AND_ROLE = re.compile(
    r"\b(?:co-?founder|founder)\s+and\s+(?:chief\s+[a-z]+(?:\s+officer)?|ceo|cto|cfo|coo|president|managing\s+director)\b"
    r"|\b(?:chief\s+[a-z]+(?:\s+officer)?|ceo|cto|cfo|coo|president)\s+and\s+(?:co-?founder|founder)\b",
    re.I,
)
_ROLE_LC = (
    r"(?:chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|chief\s+executive|chief\s+scientist|head\s+of\s+[a-z]+(?:\s+[a-z]+)?|general\s+counsel"
    r"|president|co-?founder|founder|c[eftompr]o|vp\s+of\s+[a-z]+|vice[-\s]president\s+of\s+[a-z]+)"
)
_POSS_LC = r"(?:(?:its|their|the\s+(?:company|start-?up|firm)['’]s|[a-z][\w\-.]*['’]s)\s+(?:former\s+|then\s+)?)"
# roles, not names, as the object of a hiring or dismissal verb: "hired Windsurf's CEO and CTO", "parted ways with its
# chief people officer and chief communications officer"
_ROLE_OBJECT = re.compile(
    rf"\s+(?:away\s+)?(?P<seq>{_POSS_LC}{_ROLE_LC}(?:(?:,\s+|\s+and\s+|,\s+and\s+){_POSS_LC}?{_ROLE_LC})*)\b(?!['’]s)"
)
_NAME_NEXT = re.compile(r",?\s+(?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+")


def _role_objects(v: View, d: Discourse, st: PeopleState, counted_at: list[int]) -> list[Claim]:
    """Office-holders named only by role, hired away by another company or let go by their own: one row of
    their number ("Bigco hired Acme's CEO and CTO" = 2 left Acme)."""
    sa = v.sentence.start
    out: list[Claim] = []
    for rx, hiring in ((_HIRES_FROM, True), (_DISMISSES, False)):
        for m in rx.finditer(v.low):
            ro = _ROLE_OBJECT.match(v.low, m.end())
            if ro is None or any(c < sa + m.start() for c in counted_at) or v.in_quotes(m.start()) or _NAME_NEXT.match(v.s, ro.end()):
                continue  # (a role followed by a name is counted from the name)
            seq = ro.group("seq")
            keys = ["role:" + _RX14.sub(" ", r) for r in re.findall(_ROLE_LC, seq)]
            company = _owner_of_object(v, d, sa + m.end(), sa + ro.start("seq") + len(seq)) if hiring else None
            if not hiring:
                ca, _ = v.clause(m.start())
                subject = [n for n in d.names.between(sa + ca, sa + m.start()) if n.kind in ORG_KINDS]
                named = [n for n in d.names.between(sa + ro.start("seq"), sa + ro.end()) if n.is_startup]
                company = (named[0].key if named else subject[-1].key if subject and subject[-1].is_startup
                           else NOT_A_STARTUP if subject else d.owner(v.sentence, sa + m.start(), sa + m.start()))  # fmt: skip
            if company in (None, NOT_A_STARTUP) or (hiring and company == _hirer(v, d, sa + m.start())):
                continue
            new = [k for k in keys if k not in st.departed]
            if new:
                st.departed.update(new)
                out.append(Claim(company, "departed_talent", float(len(new)), "persons", "exact", sa + m.start(), sa + m.end(),
                                 v.sentence, person="|".join(new)))  # fmt: skip
    return out


_BACKED_BY = re.compile(r"\b(?P<k>backed by|funded by|led by|(?:investors?|backers|shareholders) (?:including|such as|like))\b[^;]*$", re.I)
_CLAUSE_VERB = re.compile(r"\b(?:appoint\w*|named|names|hired|hires|promot\w+|has|had|is|was|will)\b")


def _appointments(v: View, d: Discourse, st: PeopleState, people: list[Name]) -> None:
    """Appointments and interim chiefs named in a sentence, as events (no metric)."""
    sa, t = v.sentence.start, v.doc.text
    interim = _RX4.search(v.s) is not None
    if not interim and not (_APPOINT.search(v.s) and _ROLE.search(v.s)):
        return
    company = d.owner(v.sentence, sa, sa)
    if company is None:
        return
    kind = "interim" if interim else "appointed"
    for p in people:
        key = st.key(p.surface)
        if key in st.departed or p.kind != "person" or (key, kind) in st.event_keys:
            continue
        ctx = t[max(sa, p.start - 60) : min(sa + len(v.s), p.end + 60)]
        backers = _BACKED_BY.search(t, max(sa, p.start - 100), p.start)
        if backers is not None and not _CLAUSE_VERB.search(t, backers.end("k"), p.start):
            continue  # "backed by investors including ... Eric Schmidt": a backer, not the appointee
        if kind == "appointed" and not _APPOINT.search(ctx):
            continue
        st.event_keys.add((key, kind))
        role = _ROLE.search(ctx)
        st.events.append(Event(company, p.surface, role.group(0).lower() if role else None, kind, p.start, p.end, v.s, sa))


# between a hiring verb and the first person hired: the startup, its role words, commas ("hiring Acme CEO A")
_OBJECT_GAP = re.compile(r"^\s+(?:away\s+)?(?:[\w\-.&]+(?:['’]s)?,?\s+){0,10}$")
_OBJECT_OWNER = re.compile(r"\b(?:its|their|our)\b|['’]s\s")


def _hired_from(v: View, d: Discourse, st: PeopleState, counted_at: list[int], people: list[Name]) -> list[Claim]:
    """Acqui-hires told from the buyer's side: "Bigco is hiring Acme CEO A and co-founder B" = 2 left Acme.

    The people must be introduced as the startup's (its name, "its", "the start-up's" before them); a
    startup hiring people for itself ("Acme hired Jane Roe as CFO") is no departure.
    """
    sa, t = v.sentence.start, v.doc.text
    out: list[Claim] = []
    for m in _HIRES_FROM.finditer(v.low):
        vpos = sa + m.start()
        group = _object_group(v, m, people)
        if not group or any(c < vpos for c in counted_at) or v.in_quotes(m.start()):
            continue
        gap = t[sa + m.end() : group[0].start]
        away = _AWAY.match(m.group(0)) is not None  # "hired away", "poached": taken from another company
        if not (_OBJECT_OWNER.search(gap) or d.names.between(sa + m.end(), group[0].start) or away):
            continue  # "Acme hired Jane Roe as CFO": not introduced as anyone's people
        company = _affiliation(v, d, group) or _owner_of_object(v, d, sa + m.end(), group[0].start)
        if away and not _OBJECT_OWNER.search(gap) and (company is None or company == _hirer(v, d, vpos)):
            company = d.focus_at(v.sentence)  # "Rappi hired away CTO Jane Roe": the startup the story is about
        if company in (None, NOT_A_STARTUP) or company == _hirer(v, d, vpos):
            continue
        out.extend(_group_row(v, st, group, company, "hired_away", (vpos, sa + m.end())))
    return out


_AWAY = re.compile(r"(?:hired|hires|hiring|lured|lures|luring) away|poach")


def _object_group(v: View, m: re.Match[str], people: list[Name]) -> list[Name]:
    """The people named as the object of the verb ``m``: "hiring Acme CEO A and co-founder B" -> [A, B]."""
    sa, t = v.sentence.start, v.doc.text
    after = [p for p in people if p.start >= sa + m.end()]
    if not after:
        return []
    gap = t[sa + m.end() : after[0].start]
    if len(gap) > 70 or not _OBJECT_GAP.match(gap):
        return []
    group = [after[0]]
    for p in after[1:]:
        if not _LIST_GAP.fullmatch(t[group[-1].end : p.start]):
            break
        group.append(p)
    return group


#: "Acme lost its CTO, Jane Roe, to a rival": a named person the company lost (a role alone is counted elsewhere)
_LOST_ROLE = re.compile(r"\b(?:has |had )?(?:lost|loses)(?=\s+(?:its|their)\s+[^,.;]{1,50},\s)")


def _dismissed(v: View, d: Discourse, st: PeopleState, counted_at: list[int], people: list[Name]) -> list[Claim]:
    """People their own company let go: "Acme parted ways with its COO, Jane Roe", "Acme fired its CFO A"."""
    sa = v.sentence.start
    out: list[Claim] = []
    hits = list(_DISMISSES.finditer(v.low)) + (list(_LOST_ROLE.finditer(v.low)) if "los" in v.low else [])
    for m in sorted(hits, key=lambda h: h.start()):
        vpos = sa + m.start()
        if NUMBER_NEXT.match(v.low, m.end()):
            continue  # "Acme dismissed 240 staff": a layoff (extract.counts), no named person let go
        if _PASSIVE_BEFORE.search(v.low, max(0, m.start() - 24), m.start()):
            continue  # "Jane Roe was briefly ousted in November, John Doe ...": the verb's object is not after it
        group = _object_group(v, m, people)
        if not group or any(c < vpos for c in counted_at) or v.in_quotes(m.start()):
            continue
        company = _affiliation(v, d, group) or d.owner(v.sentence, vpos, vpos)
        if company is not None and company in _destinations(v, d, m.end(), lost=True):
            company = _hirer(v, d, vpos) or d.focus_at(v.sentence)  # "lost its CTO, Jane Roe, to Bigco": not Bigco's
        if company in (None, NOT_A_STARTUP) or company in _destinations(v, d, m.end(), lost=True):
            continue
        out.extend(_group_row(v, st, group, company, "departed", (vpos, sa + m.end())))
    return out


#: a list of leavers introduced as such: "Other recent xAI departures include general counsel A, ... and CFO B"
_LEAVERS_INCLUDE = re.compile(
    r"\b(?:departures|exits|leavers|(?:those|executives|people|leaders|researchers|staffers)\s+who\s+(?:have\s+|had\s+)?(?:left|departed|quit))"
    r"\s+(?:(?:so\s+far|this\s+year|since\s+then|since\s+\w+)\s+)?(?:include|included|includes|have\s+included)\s"
)


def _leavers_listed(v: View, d: Discourse, st: PeopleState, counted_at: list[int], people: list[Name]) -> list[Claim]:
    """"Other recent high-profile xAI departures include general counsel A, executives B and C, and CFO D": the people
    listed after the cue (roles between them), for the company named right before the cue (none named there: no row)."""
    m = _LEAVERS_INCLUDE.search(v.low)
    if m is None or v.in_quotes(m.start()):
        return []
    sa = v.sentence.start
    vpos = sa + m.start()
    group = [p for p in people if p.start >= sa + m.end()]
    if not group or any(sa <= c < sa + len(v.s) for c in counted_at):
        return []
    named = [n for n in d.names.between(max(sa, vpos - 40), vpos) if n.kind in ("startup", "org")]
    if not named:
        return []  # (whose leavers they are must be said right there: "Earlier exits include ... of GharDekho" lists others)
    company = named[-1].key
    return _group_row(v, st, group, company, "departed", (vpos, sa + m.end()))


def _owner_of_object(v: View, d: Discourse, a: int, b: int) -> str | None:
    """Whose people they are: a startup named between the verb and the first person, else "its" / "our"."""
    for n in d.names.between(a, b):
        if n.is_startup:
            return n.key
    m = _OBJECT_OWNER.search(v.doc.text, a, b)
    if m is None:
        return None
    if m.group(0) == "our":
        return speaker_company(d)
    orgs = [n for n in d.names.between(v.sentence.start, m.start()) if n.kind in ORG_KINDS]
    if m.group(0) in ("its", "their") and orgs and not orgs[-1].is_startup and _hirer(v, d, a) is None \
            and not _THE_STARTUPS.search(v.doc.text, orgs[-1].end, m.start()):
        return NOT_A_STARTUP  # "a deal with Bigco, ... rehiring its co-founders": Bigco's people (but "Bigco is paying to
        # license the startup's models and has hired its chief executive": the startup's)
    return d.owner(v.sentence, m.start(), m.end())


_THE_STARTUPS = re.compile(r"\bthe\s+(?:start-?up|company|firm)['’]s\b")


def speaker_company(d: Discourse) -> str | None:
    """Whose "we" and "our" an article quotes: the startup its headline is about (an interview's guest)."""
    return d.focus_before[0] if d.focus_before else None


def _hirer(v: View, d: Discourse, vpos: int) -> str | None:
    """The startup that does the hiring: the last one named before the verb in its clause."""
    sa = v.sentence.start
    ca, _ = v.clause(vpos - sa)
    names = [n for n in d.names.between(sa + ca, vpos) if n.kind not in ("person", "place", "nationality")]
    return names[-1].key if names and names[-1].is_startup else None


def people_claims(v: View, d: Discourse, st: PeopleState, counted_at: list[int]) -> list[Claim]:
    """Departures named in one sentence (people and roles), and its leadership events into ``st``."""
    denial = MODALITY.first("denied", "clause", v.low)
    if denial is not None and NUMBER_NEXT.match(v.low, denial.end()):
        denial = None  # "Acme dismissed 160 people, and its co-founder resigned": a layoff verb, no denial
    first_cue = _first_departure_cue(v) if denial is not None else 0
    if denial is not None and denial.start() < first_cue:
        return []
    people = _people_in(v, d)
    out = _role_departures(v, d, st, counted_at) + _role_objects(v, d, st, counted_at)
    if " he " in v.low or " she " in v.low or v.low.startswith(("he ", "she ")):
        out += _pronoun_departures(v, d, st, counted_at)
    if people:
        listed = _leavers_listed(v, d, st, counted_at, people) if "include" in v.low else []
        out = listed + _hired_from(v, d, st, counted_at, people) + _dismissed(v, d, st, counted_at, people) + _named_departures(
            v, d, st, counted_at, people) + out
        _appointments(v, d, st, people)
    if denial is not None and _DENIES_BACK.search(v.low, first_cue):
        return []  # "... had quit, a claim the company denied"; "reports that she quit are untrue"
    if not out and " the " in v.low and ("th " in v.low or "nd " in v.low or "rd " in v.low):
        out = _cumulative_exit(v, d, st, counted_at)
    return out


#: a person already counted, then the running count: "Farrow is the fourth senior executive to leave this year"
_IS_NTH = re.compile(
    r"\b(?:is|was|becomes|became)\s+the\s+(second|third|fourth|fifth|sixth|seventh|2nd|3rd|4th|5th|6th)\s+(?:[\w\-]+\s+){0,6}?"
    r"to\s+(?:leave|go|quit|depart|exit|resign|step down|walk out)\b")


def _cumulative_exit(v: View, d: Discourse, st: PeopleState, counted_at: list[int]) -> list[Claim]:
    """"She is the third member of the executive committee to leave since January" (after her own departure was
    counted): one row with the running count, once per company and count."""
    m = _IS_NTH.search(v.low)
    if m is None or v.in_quotes(m.start()):
        return []
    sa = v.sentence.start
    company = d.owner(v.sentence, sa + m.start(), sa + m.start())
    key = f"nth:{company}:{m.group(1)}"
    if company is None or key in st.departed or any(sa <= c for c in counted_at if c < sa + len(v.s)):
        return []
    st.departed.add(key)
    return [Claim(company, "departed_talent", float(_ORDINALS[m.group(1)]), "persons", "exact", sa + m.start(1), sa + m.end(1), v.sentence, person=key)]






# A denial after the departure is about it when it has no object of its own: "quit, a claim the company
# denied", "reports that he resigned are untrue"; "resigned, days after the board rejected an offer" is not.
_DENIES_BACK = re.compile(
    r"\b(?:untrue|false|inaccurate|not accurate|baseless|nonsense|no truth|not true|speculative|mere speculation)\b"
    r"|\b(?:denied|denies|deny|denying|rejected|disputed|disputes|dismissed|refuted|refutes)"
    r"(?=\s*(?:[,;.!?)\"”’]|$|(?:it|this|that|them|any|the (?:report|claim|account|story|suggestion|idea)s?|reports|claims|suggestions)\b))"
    r"|\b(?:which|a claim|claims|a report|reports|an account|rumou?rs)\b[^,;.]{0,40}\b(?:denied|denies|disputed|disputes|dismissed|rejected|refuted)\b")


def _first_departure_cue(v: View) -> int:
    """Where the sentence's first leaving verb or noun stands (its length if none): a denial before it
    governs the departure ("denied reports that its CEO had quit"); one after it is another matter
    ("resigned on Wednesday, days after the board rejected an offer")."""
    found = [m.start() for rx in (NAMED_DEPARTURE, NAMED_DEPARTURE_NOUN) for m in [rx.search(v.low)] if m]
    return min(found, default=len(v.low))
