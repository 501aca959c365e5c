"""Stage 1, names: find the names an article uses and type them from the evidence around them.

Nothing here knows any company. Names are capitalised word runs; what each is comes from grammar and
from general word lists (places, nationalities), never from a list of companies:

* a startup needs evidence that it is an organisation the story is about: "X, the start-up", "X has
  raised", "X's employees", "fintech X";
* an investor or incumbent is named by its role: "led by X", "X-backed", "X agreed to buy", "tech giant X";
* a product by its noun or maker: "its X chatbot", "X maker Y", "the maker of X";
* a person by a role title, an appositive, or a surname used alone later;
* a place or nationality by ``extract/data/places.txt`` and ``demonyms.txt`` ("Danish", "Lagos").

>>> from extract.document import build_document
>>> t = ("Acme AI, the robotics start-up, has raised $5m in a round led by Bigco. "
...      "Founder Jane Roe said Acme would hire. Roe left in May.")
>>> idx = find_names(build_document(t))
>>> idx.startups
['Acme AI']
>>> sorted(idx.people)
['Jane', 'Jane Roe', 'Roe']
>>> idx.canonical("Acme"), idx.entities["Bigco"].kind
('Acme AI', 'investor')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from extract._regex import Folded, at_word_start, grouped
from extract.document import Document
from extract.mentions import Entity, Kind, Name

__all__ = ["NameIndex", "find_names", "ROLE_WORDS", "INVESTOR_SUFFIX", "investor_suffix", "SUFFIX_RE", "LABEL_PREFIX", "places", "demonyms"]

# inline patterns, compiled once (hot paths)
_RX0 = re.compile((r"[^\s]+"))
_RX1 = re.compile((r"\s(?:has|had|is|was|said|says|asks|launched|will|would|raised|reported|laid|cut|lays)\b"))
_RX2 = re.compile((r"[^\s,:;]+"))
_RX3 = re.compile((r"[.,;:!?]\s*$"))
_RX4 = re.compile((r"-based$|^(?:[A-Z]{2,3})$"))
_RX5 = re.compile((r",\s+(?:the\s+\w+\s+)?$"))
_RX6 = re.compile((r"[,;/]|\s"))

_DATA = Path(__file__).parent / "data"

# a web suffix is part of a name: "Builder.ai", "Booking.com"
_DOMAIN = r"(?:\.(?:ai|AI|com|io|co|app|so|xyz|net|org|tech|dev|me|africa|ng|ke|in|la|mx|br)(?![\w.]))?"
_TOKEN = rf"(?:[A-ZÀ-Þ][\w&\-]*{_DOMAIN}(?:['’][A-Za-z]+)?|[a-z]{{1,2}}[A-Z][\w\-]*{_DOMAIN}(?:['’]s)?|\d+[A-Z][\w\-]*|[a-z]{{1,3}}\d{{1,3}}[a-z]{{1,3}}(?![\w-])(?:['’]s)?|\d{{1,3}}(?!(?:hours?|years?|days?|mins|minutes?|secs|seconds?|weeks?|months?|kmph|acres?|million|billion|crores?|lakhs?|percent|times|inches)\b)[a-z]{{4,}}(?![\w-])(?:['’]s)?)"

_UPPER_TOKEN = rf"[A-ZÀ-Þ][\w&\-]*{_DOMAIN}(?:['’][A-Za-z]+)?"

#: words that say what kind of company follows ("Neobank Klar's round", "Fintech Dash"), not names
_KIND_WORDS = frozenset(
    """fintech neobank startup start-up edtech insurtech proptech healthtech agritech agtech cleantech unicorn decacorn
    lender exchange marketplace platform app rival giant maker chipmaker carmaker automaker developer operator
    retailer e-commerce scale-up upstart challenger""".split()
)
#: "We've", "I'm", "That's": a pronoun with a contraction is no name
_CONTRACTION = re.compile(r"^(?:we|i|you|they|he|she|it|let|that|there|what|who|here|where|how|don|can|won|isn|aren|didn|doesn)['’]\w+$", re.I)
#: "Lagos-based", "Sequoia-backed": a name glued to a modifier describes something else
_MODIFIER = re.compile(r"-(?:based|headquartered|born|backed|led|owned|listed|focused|founded|funded|bred|made|born|linked|registered|incorporated)$")
# does the text need the slow pattern (camel case "xAI", "1Password"; "n8n", "99minutos")? Written so that every
# branch starts with a character class and the engine can skip ahead
_CAMEL = re.compile(r"[A-Z](?<=[a-z\d][A-Z])")
_DIGIT_NAME = re.compile(r"\d(?:(?=[a-z])(?<=[a-z\d]\d)|[a-z]{4})")  # (one leading \d: the engine skips ahead to digits)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


#: _CAMEL or _DIGIT_NAME (for the digits 0-9) in one scan of the text: a capital or a digit, then the test of each
_CAMEL_OR_DIGIT = re.compile(r"[A-Z0-9](?:(?<=[a-z\d][A-Z])|(?<=[0-9])(?:(?=[a-z])(?<=[a-z0-9][0-9])|[a-z]{4}))")


#: ASCII letters and digits by class: lower case "a", capital "A", digit "0" (other characters as they are)
_CLASSES = bytes.maketrans(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", b"a" * 26 + b"A" * 26 + b"0" * 10)
#: the same with the digits "a": camel case, a lower-case letter or digit before a capital, is then "aA"
_CLASSES_CAMEL = bytes.maketrans(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", b"a" * 26 + b"A" * 26 + b"a" * 10)
#: ``b"aA" in`` and ``b"0a" in`` the classes, found faster: the engine skips ahead to the rare character ("A", "0") and
#: looks at its neighbour, where a plain search steps through the common "a" one byte at a time
_CAMEL_IN_CLASSES = re.compile(rb"A(?<=aA)")
_DIGIT_LETTER_IN_CLASSES = re.compile(rb"0(?=a)")


def _needs_full_names(text: str) -> bool:
    """``_CAMEL.search(text) or _DIGIT_NAME.search(text)``: one scan for both; \\d checks every character
    against Unicode, several times slower than 0-9, so the full digit pattern runs only when the text holds
    a digit outside 0-9. ASCII text is read faster by the classes of its characters: camel case is a lower-case
    letter or digit before a capital, and a digit name needs a digit before a lower-case letter."""
    if text.isascii():
        raw = text.encode()
        if _CAMEL_IN_CLASSES.search(raw.translate(_CLASSES_CAMEL)) is not None:  # (one search: the digits are "a" too)
            return True
        return _DIGIT_LETTER_IN_CLASSES.search(raw.translate(_CLASSES)) is not None and _DIGIT_NAME.search(text) is not None
    if _CAMEL_OR_DIGIT.search(text):
        return True
    if not any(c.isdigit() for c in _NON_ASCII.findall(text)):
        return False
    return _DIGIT_NAME.search(text) is not None


#: words that are capitalised for grammar, not because they name something
_STOP = frozenset(
    """a an the in on at by for from of to and or but as if when while after before since until
    with without within under over about across among between into onto upon during despite via
    this that these those its his her their our my your it he she they we you i who what which
    where why how there here then than so yet not no nor all any each every both some most many
    much more less few several such last next this earlier later early late mid once even only
    also still now today yesterday tomorrow meanwhile however although though because unusually
    former previously currently inside outside analysis update updated exclusive breaking comments leave
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december feb mar apr jun jul aug sep sept oct nov
    dec q1 q2 q3 q4 chief executive executives officer president vice founder co-founder cofounder
    founders co-founders ceo cto coo cfo cso hr arr mrr gmv tpv ebitda kpi cpo cro cmo cio ciso cco cdo vp svp evp vps svps evps ceos ctos cfos coos chairman chairwoman chair boss head director managing
    partner spokesperson spokeswoman spokesman interim acting general counsel senior new old big
    investors shares sales revenue money job jobs staff advertisment advertisement related read
    series one two three four five six seven eight nine ten mr mrs ms dr prof sir lord lady
    read more also see photo image source credit file getty reuters bloomberg sign subscribe
    share tweet email print listen watch video opinion editorial newsletter premium free
    mn bn cr rs inr usd eur gbp crore crores lakh lakhs mln bln trn pct however instead elsewhere overall
    together similarly notably additionally ultimately indeed nonetheless nevertheless otherwise likewise
    besides regardless rather plus though yes no rival rivals competitor competitors according
    d2c b2b b2c b2b2c saas paas iaas ev evs iot api apis sme smes msme msmes bnpl upi nbfc nbfcs fmcg qsr crm erp tl tldr
    nobody everybody everyone someone anyone somebody anybody nothing everything something anything none per
    founder-ceo co-founder-ceo cofounder-ceo founder-chairman million millions billion billions trillion startups
    lays raises secures slashes decoding explained explainer layoffs layoff pr ux qa r&d m&a""".split()
)
#: grammar words that also open names ("Big Cabal Media", "New Relic") when capitalised inside a sentence
_OPENERS = frozenset("new big old general one two three four five six seven eight nine ten".split())
# a capitalised word that is only grammar ("The", "In", "March") never starts a run: skipping it in the pattern
# saves most of the work of cleaning runs (four capitalised words in five are such words). Written as a test
# after the first capital ("(?<=T)he" for "The") so that the engine can still skip ahead to capitals.
def _stop_ahead() -> str:
    groups: dict[str, list[str]] = {}
    for w in sorted({w.capitalize() for w in _STOP - _OPENERS if w.isalpha()}, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    alts = "|".join(f"(?<={c})(?:{'|'.join(rest)})" for c, rest in sorted(groups.items()))
    return rf"(?!(?:{alts})(?![\w&'’.\-]))"


_STOP_AHEAD = _stop_ahead()
# (not after a currency sign: "(€90M)" is a figure, not a name like "3D" or "1Password")
_NAME_RE = re.compile(rf"(?<![\w'’.$€£₹¥₦-])(?:[A-ZÀ-Þ]{_STOP_AHEAD}[\w&\-]*{_DOMAIN}(?:['’][A-Za-z]+)?|{_TOKEN})(?:[ \u00a0](?:{_TOKEN}))*")


def _capital_heads() -> str:
    r"""``[A-ZÀ-Þ](?<![\w'’.$-].){_STOP_AHEAD}`` written as one branch per capital letter, each testing only the
    grammar words that start with it ("T(?<![\w'’.$-]T)(?!(?:he|his|...)(?![\w&'’.\-]))"): the same matches, and
    the engine checks the letter before entering a branch instead of trying every letter's words."""
    groups: dict[str, list[str]] = {}
    for w in sorted({w.capitalize() for w in _STOP - _OPENERS if w.isalpha()}, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    heads = []
    for c in [chr(i) for i in range(ord("A"), ord("Z") + 1)] + [chr(i) for i in range(ord("À"), ord("Þ") + 1)]:
        stop = rf"(?!(?:{'|'.join(groups[c])})(?![\w&'’.\-]))" if c in groups else ""
        heads.append(rf"{re.escape(c)}(?<![\w'’.$-]{re.escape(c)}){stop}")
    return "|".join(heads)


_NAME_UPPER_RE = re.compile(rf"(?:{_capital_heads()})[\w&\-]*{_DOMAIN}(?:['’][A-Za-z]+)?(?:[ \u00a0](?:{_UPPER_TOKEN}))*")


ROLE_WORDS = (
    r"founder|co-founder|cofounder|chief(?: executive| operating| technology| financial| scientist"
    r"| business| research| product| marketing)?|executive|officer|president|vice-president|boss"
    r"|head(?: of [a-z ]{2,20})?|scientist|researcher|engineer|veteran|entrepreneur|spokesperson"
    r"|spokeswoman|spokesman|director|chairman|chairwoman|ceo|cto|coo|cfo|billionaire|investor"
    r"|counsel|analyst|manager|partner|leader|creator|inventor|designer|professor|reporter"
)
SUFFIX_RE = re.compile(
    r"^(?:AI|Inc\.?|Labs?|Ltd\.?|LLC|plc|PLC|Corp\.?|Corporation|Technologies|Global|Group|Holdings"
    r"|Co\.?|Limited|GmbH|SA|AG|Systems|Software|Robotics|Pvt|Pvt\.|Private)$"
)
_SUFFIX_WORDS = frozenset(
    "AI Inc Inc. Lab Labs Ltd Ltd. LLC plc PLC Corp Corp. Corporation Technologies Global Group Holdings Co Co. Limited"
    " GmbH SA AG Systems Software Robotics Pvt Pvt. Private".split()
)
_INVESTOR_WORDS = (
    "Capital", "Ventures", "Venture Partners", "Partners", "Management", "Fund", "Investments", "Investment", "Securities",
    "Asset", "Advisors", "Associates", "Equity", "Holdings", "VC", "Angels", "Investors", "Growth", "Opportunities",
)
INVESTOR_SUFFIX = re.compile(r"\b(?:" + "|".join(_INVESTOR_WORDS) + ")$")
_INVESTOR_ENDS = _INVESTOR_WORDS + ("\n",)  # what a name INVESTOR_SUFFIX finds in ends with


def investor_suffix(name: str) -> bool:
    """``INVESTOR_SUFFIX.search(name)``, ruled out first by the words it can end with (a cheap test; "$" also
    matches before a final line break)."""
    return name.endswith(_INVESTOR_ENDS) and INVESTOR_SUFFIX.search(name) is not None

# ---- evidence: grammar right after a name --------------------------------------------------------
_POS_RIGHT = Folded(  # ("++": a word then a space or comma; a shorter word is never followed by one: nothing to try again)
    r"^(?:,\s(?:(?:still|now|once|long|already|then|arguably|by far)\s)?(?:the|a|an|another|fellow|our|one\sof(?:\sthe)?)\s(?:[\w\-’'$.]++\s){0,7}?(?:start-?up|company|firm|maker|developer|app|platform"
    r"|service|provider|unicorn|decacorn|venture|business|chain|operator|lab|marketplace|neobank|lender|\w+tech|rival|competitor|player"
    r"|challenger|upstart|exchange|prediction market|insurer|wallet|broker|brokerage|retailer|brand|scale-?up|bank|group"
    r"|pharmacy|publisher|specialist|assistant|clinic|manufacturer|carrier|studio|processor|aggregator|gateway|portal|outfit|newcomer)s?\b"
    r"|,?\s(?:said|says|announced|confirmed|disclosed)\b[^.;]{0,40}?\b(?:it|the company)\s(?:had\s|has\s|would\s|will\s|is\s|was\s)?"
    r"(?:raised|secured|closed|cut|laid off|hired|valued|landed|bagged|raising|cutting|laying off|shutting|shut)\b"
    r"|(?:,\s(?:which|that)\s|,\s[a-z]++(?:\s[a-z]++){0,6},\s|\s(?:has|had|have|is|was|also|now|then|still|which|that|will|would|plans\sto|is\sto|to)?\s?)(?:has\s|had\s|have\s|is\s|was\s|been\s|also\s|already\s|just\s){0,3}"
    r"(?:raised|raises|raise|raising|closes|closed|lands|landed|secured|secures|collected|valued|valuing"
    r"|laying off|laid off|lays off|cut|cuts|cutting|employs|employed|shut|shuts|shutting|filed|files|fired|fires|sacked|axed|slashed"
    r"|went public|launched|ceased|generated|brought in|brings in|hired|hires|appoints|appointed"
    r"|named|shed|sheds|eliminat\w+|burn\w*|spen[dt]\w*|expects|projects|reported revenue|bags|bagged"
    r"|snags|snagged|nabs|nabbed|picks up|picked up|pulls in|pulled in|mops up|mopped up|gets|got|topped up|tops up|extended|extends"
    r"|mobili[sz]ed|mobili[sz]es|captured|obtained|received"
    r"|operates|to close|to shut|announced a|said it|disclosed)\b"
    r"|,\s(?:which|who|that)\s[^,;.]{0,100},\s(?:has\s|had\s|is\s|was\s)?(?:raised|secured|closed|laid off|cut|valued|shut|bagged|snagged"
    r"|nabbed|landed|picked up|pulled in|mopped up|got|received|announced|said|employs|hired|lost)\b"
    r"|(?:,\s(?:which|that)\s|\s)(?:[\w’'\-]++\s){0,6}?(?:raised|raising|valued|laid off|laying off|lays off|picked up|pulled in"
    r"|secured|bagged|snagged|landed a|closed a|closed its"
    r"|employs|employed|shut down|burning|spending|cash burn|revenue|founders?|co-founders?|in talks"
    r"|headcount|workforce|staff|employees)\b"
    r"|['’]s\s(?:(?:[\w\-]+|[$€£₹][\d.,]+[a-z]*)\s){0,3}?(?:raise|series|valuation|staff|employees|workforce|(?:co-?)?founders?|chief|ceo"
    r"|board|investors|backers|revenue|arr|sales|finances|funding|round|headcount|post-money|ipo|listing"
    r"|market value|management|leadership|spending|expenses|engineers|researchers|executives|layoffs)\b"
    r"|\s(?:founder|co-?founder|ceo|employees|staff|investors|backers)\b|,\s(?:last\s|once\s|then\s)?valued\sat\b"
    r"|\s(?:has\s|had\s)?(?:took|takes|taken)\s(?:in\s|a\s|an\s)?(?:[$€£₹]|us\$|rs\.?\s?\d)"  # "Acme took $35m in a round led by ..."
    r"|\sis\s(?:not\s)?(?:the\s)?(?:only|latest|first|second|third|one of the|another)\s(?:[\w\-]++\s){0,3}?(?:company|start-?up|firm|business)"
    r"|\s(?:has\s|had\s)?lost\s(?:[\w\-]++\s){1,3}?(?:engineers|developers|employees|staff|executives|researchers|people|managers)\sto\b"
    r"|\s(?:loses|lost|losing)\s(?:its|their)\s(?:[\w\-]++\s){0,2}?(?:chief|head|founder|co-founder|cto|ceo|cfo|coo|president|engineers|executives)\b"
    r"|(?:,\s[a-z][^,;.]{0,30},)?\s(?:is|was|has\sbeen|had\sbeen)\s(?:now\s|also\s)?(?:trying|seeking|looking|hoping|planning|aiming|preparing|set)\sto\s(?:raise|list|go\spublic)\b"
    r"|\s(?:is\s|was\s)?(?:seeking|targeting|eyeing|eyes|seeks|targets|chasing|posts|posted)\s(?:a\s|an\s)?(?:[$€£]|us\$)"  # "eyes $200M valuation"
    r"|\sas\s(?:the|a|an)\s(?:[\w\-’'$.]++\s){0,5}?(?:lab|start-?up|unicorn|scale-?up|fintech|neobank)\b(?!\s(?:investor|backer|fund))"  # "leaves X as the best-funded independent lab"
    r"|,\s[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?['’]s\s(?:[\w\-]+\s){0,3}?(?:rival|competitor|peer|challenger|counterpart)s?,\s"  # "Penga, Kvalt's rival, ..."
    r"|\s(?:joins|joined|enters|entered)\sthe\sunicorn\sclub|\s(?:becomes|became|turns|turned)\s(?:a\s|an\s|the\s[\w\-]+\s)?(?:unicorn|decacorn)\b)",
)
# after a sentence-initial word: grammar that makes it a name ("Quorvia, a payroll startup, ...")
_KEEP_RIGHT = Folded(
    r"^(?:['’]s?\s|\s*\([^()]{2,80}\)[.:,;]?\s|\s(?:and|&)\s(?=[A-Z])|,\s(?:(?:still|now|once|long|already|arguably)\s(?:a|an|the)|a|an|the|another|fellow|which|that|who|whose|with)\s|,\s(?:valued|founded|based|backed|best)\b|,\samong\s"
    r"|,\s[A-Z][\w\-]*['’]s\s(?:[\w\-]++\s){0,3}(?:start-?up|company|firm|unicorn|decacorn|fintech|app|platform|lender|neobank|marketplace"
    r"|rival|competitor|peer|challenger|counterpart)\b"
    r"|\s(?:has|had|is|was|will|would|said|says|also|now|reportedly|then|last|still|chief|founder|co-?founder|ceo|boss"
    r"|additionally|recently|earlier|previously|subsequently|likewise|similarly|too)\s"
    r"|\sto\s(?:cut|raise|close|shut|lay|buy|acquire|sell|list|go|hire|slash|axe|shed|exit|merge)\b"
    r"|\s(?!(?:was|is|has|this|its|his)\b)[a-z]{3,}ed\b"
    r"|\s(?:raises|closes|lands|cuts|sheds|employs|says|plans|expects|hires|files|shuts|burns|spends|loses|makes"
    r"|earns|wants|hopes|seeks|aims|lays|lets|counts|operates|sells|reports|posts|books|generates|agrees"
    r"|bags|snags|nabs|gets|secures|picks|pulls|mops|fires|axes|slashes|trims|valued)\b"
    r"|\s(?:raised|secured|closed|lands|landed|picked up|collected|laid off|lays off|cut|cuts|shed|sheds|employs"
    r"|employed|generated|posted|booked|burned|burns|spent|spends|valued|reached|hit|grew|expects|filed|shut|told"
    r"|announced|confirmed|let|eliminated|slashed|axed|hired|lost|added|doubled|tripled|made|earns|sought|wants"
    r"|hopes|tried|attempted|set|became|brought|took|won|saw|began|paid|kept|put|ran|reported|bagged|snagged)\b"
    r"|\s(?:public|investor|monthly|quarterly|annual|founder)\supdate\b)",  # ("Quillstak public update #14": a company's own post)
)
#: a verb right after a sentence-initial common word makes it a name ("Bolt raised $5m")
_KEEP_VERB = Folded(
    r"^(?:['’]s\s(?:\w++\s)?(?:raise|round|valuation|staff|employees|founder|co-founder|ceo|chief)"
    r"|\s(?:has|had|have|also|now|reportedly|just|is|was|additionally|recently|earlier|previously|subsequently|likewise|similarly)\s(?:\w++\s)?(?:raised|secured|closed|landed|cut|laid off|hired|filed|shut|valued|raising|cutting|laying off|shutting|backed|funded)"
    r"|\s(?:raises|raised|closes|closed|lands|landed|secures|secured|bags|bagged|snags|snagged|cuts|cut|lays off|laid off"
    r"|sheds|shed|employs|hires|hired|announced|confirmed|valued|files|filed|shuts|shut|burns|spends|spent|generated|posted"
    r"|picked up|picks up|pulled in|pulls in|mops up|mopped up|collected|nets|netted|gets|got|axes|axed|slashes|slashed)\b"
    r"|\sto\s(?:lay off|cut|axe|shed|slash|raise)\s(?:about\s|around\s|some\s|up to\s|another\s)?[$€£]?\d"  # "Meta to lay off 10,000 ..."
    r"|\s(?:hit|hits|reached|reaches|achieved|attained|became|becomes)\s(?:unicorn|decacorn)\b)"  # "Nominal hit unicorn status"
)
#: ordinary nouns that start sentences and take verbs like names do
_COMMON_START = frozenset(
    """investors analysts revenue sales demand money shares employees staff customers users founders executives
    banks lenders regulators officials critics rivals markets prices costs profits losses funding growth
    people workers companies startups start-ups businesses cities governments reports documents filings""".split()
)
# grammar that makes the name an investor, acquirer, incumbent or source
_NEG_RIGHT = Folded(
    r"^['’]s?\s+own\b|^(?:['’]s)?,?\s(?:(?:the|an?)\s(?:[\w\-]++\s){0,3}(?:giant|conglomerate|incumbent|investor|fund|backer|venture firm|vc firm|vc)\b|(?:and\s[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?\s)?(?:also\s)?(?:taking|took) part"
    r"|which (?:owns|led|invested|backed))|"
    r"^(?:['’]s)?\s(?:(?:had|has|have|will|would|also|already|then|which|,\s?which)\s){0,2}"
    r"(?:led(?! the (?:[\w\-]+ )?(?:pack|list|way|field|charge|rankings|table|tally|chart)| with (?:a|an|the|its) )|co-led|invested|agreed to pay|will pay|to pay|paid|pays|acquired|bought|agreed to buy|took part"
    r"|participated|report(?:s|ed)(?!\s(?:\w++\s)?(?:revenue|sales|a loss|losses|profit|turnover|bookings|income|earnings))|estimated|put(?!\stogether)|data|held talks|committed|promised|backed"
    r"|(?:joined|joining)(?!\s(?:the\s)?(?:unicorn|ranks|club|list|growing|exodus))"
    r"|took control|stake|analysts?|has learnt|has learned|learnt|learned|understands|has reviewed|reviewed|first reported)\b",
)
_INVESTOR_RIGHT = Folded(
    r"^(?:['’]s)?(?:-backed|-led|,? (?:which |who )?(?:led|co-led|invested|participated|backed|also invested|joined the round|led the round|wrote)\b(?! by)"
    r"(?! the (?:[\w\-]+ )?(?:pack|list|way|field|charge|rankings|table|tally|chart)| with (?:a|an|the|its) ))"  # ("led with a $6 million round")
    r"|^['’]s\s(?:[a-z][\w\-]*+\s){0,3}?(?:fund|ventures|capital|venture arm|investment arm|corporate venture)\b"
    # "Bigfund is expected to put in $90 million of the fresh capital"
    r"|^\s(?:is|are|was|will|would)\s(?:(?:expected|set|likely|due|said)\sto\s)?(?:put\sin|invest|inject|pump\sin|contribute)\s(?:up\sto\s|about\s|around\s)?[$€£₹]"
)
_INVESTOR_LEFT = re.compile(
    r"\b(?:led by|leaded by|co-led by|backed by|funded by|participation from|participation of|investors? (?:including|such as|like)"
    r"|backers (?:including|such as|like)|alongside|from investors(?: including)?|and investors|investment from|money from"
    r"|capital from|raised from|funding from|round from|leadership of|headed by|commanded by|in leadership of)\s(?:[\w\-]++\s){0,2}$"
    r"|(?:[.!?]\s|\n)(?:Lender|Creditor|Investor|Backer|Shareholder|Financier)\s$",  # "Lender Viola Credit seized ...": a role noun opening the sentence
    re.I,
)
_INCUMBENT_LEFT = re.compile(
    r"\b(?:tech giant|giant|conglomerate|tech major|big tech|incumbent|acquired by|bought by|owned by|sold to"
    r"|sale to|merging with|merged with|merge with|subsidiary of|unit of|parent|returned to|rejoined|hired by|poached by"
    r"|acqui-?hired by|licensing deal with|deal with)\s(?:[\w\-]++\s){0,1}$",
    re.I,
)
#: the two patterns above in lower case, for lower-cased ASCII text (there the same matches as re.I, found faster)
_INVESTOR_LEFT_LOW, _INCUMBENT_LEFT_LOW = (re.compile(rx.pattern.lower()) for rx in (_INVESTOR_LEFT, _INCUMBENT_LEFT))
#: the words of those two patterns, spelt out
_INVESTOR_LEFT_WORDS = (
    "led by", "leaded by", "co-led by", "backed by", "funded by", "participation from", "participation of",
    *(f"{w} {x}" for w in ("investor", "investors", "backers") for x in ("including", "such as", "like")), "alongside",
    "from investors", "from investors including", "and investors", "investment from", "money from", "capital from",
    "raised from", "funding from", "round from", "leadership of", "headed by", "commanded by", "in leadership of",
)
_INCUMBENT_LEFT_WORDS = (
    "tech giant", "giant", "conglomerate", "tech major", "big tech", "incumbent", "acquired by", "bought by", "owned by",
    "sold to", "sale to", "merging with", "merged with", "merge with", "subsidiary of", "unit of", "parent", "returned to",
    "rejoined", "hired by", "poached by", "acqui-hired by", "acquihired by", "licensing deal with", "deal with",
)
#: the two lower-case patterns read backwards, for a lower-cased ASCII line (no line break): the reversed text opens
#: with what a match ends with (the words after the cue, then the cue reversed, not inside a longer word), so one
#: anchored match stands for a search from every position
_INVESTOR_LEFT_REVERSED = re.compile(
    r"(?:\s[\w\-]++){0,2}\s(?:" + grouped([w[::-1] for w in _INVESTOR_LEFT_WORDS]) + r")(?!\w)"
    r"|\s(?:" + grouped([w[::-1] for w in ("lender", "creditor", "investor", "backer", "shareholder", "financier")]) + r")\s[.!?]"
)
_INCUMBENT_LEFT_REVERSED = re.compile(r"(?:\s[\w\-]++)?\s(?:" + grouped([w[::-1] for w in _INCUMBENT_LEFT_WORDS]) + r")(?!\w)")
_INCUMBENT_RIGHT = Folded(
    r"^(?:['’]s)?,?\s(?:(?:has|had|will|would|also|then|which|is|was|is not|was not)\s){0,2}(?:agreed to (?:buy|acquire|pay|take over)|acquired|bought|will pay"
    r"|to pay|paid|pays|paying|took control|is buying|buying|to buy|to acquire|offered to buy|acqui-?hired"
    r"|(?:is said to have |reportedly |had |has )?(?:tried|sought|wanted|offered|moved|attempted) to (?:buy|acquire|take over)"
    r"|(?:hires|hired|hiring|poached|poaches|poaching|lured|lures|luring|recruited|recruits|snapped up|snaps up)\s(?:[A-Z][\w\-.]*(?:['’]s)?\s)?(?:(?:co-?)?founders?|team|staff|ceo"
    r"|chief|researchers|engineers|leadership|top|most|the\s(?:co-?)?founders?))\b"
    r"|^['’]s\s(?:own\s(?!investors?\b|investor\s|board\b|founders?\b|staff\b|employees\b|figures\b|filings?\b|data\b|accounts\b)|cloud\s|search\s|ads?\s|advertising\s)"
)
# a big listed company's language: "Bigco reported quarterly revenue of $71bn" (a listed startup's market value is
# still its valuation: the golden sentences)
_LISTED_RIGHT = Folded(
    r"^\s(?:has\s|had\s)?(?:reported|posted|announced)\s(?:(?:its|a|strong|record|weaker|better-than-expected)\s)?(?:quarterly|third-quarter"
    r"|second-quarter|first-quarter|fourth-quarter|full-year)\s(?:revenue|results|earnings|profit|sales)\b"
)
_PRODUCT_RIGHT = Folded(
    r"^\s(?:ai\s)?(?:chatbot|chat bot|model|models|app|apps|assistant|headset|glasses|pin|device|engine|llm|large language model"
    r"|api|browser|copilot|image generator|video generator|text-to-image|smartphone|phone|car|scooter|e-scooter|robot)\b"
    r"|^\s(?:maker|creator|developer|owner|operator|parent)\s[A-Z]"
)
_PRODUCT_LEFT = re.compile(
    r"\b(?:(?:its|their|the popular|the company['’]s|the start-?up['’]s)\s"
    r"(?!(?:rivals?|competitors?|peers?|challengers?|investors?|backers?|parent|lenders?|partners?|customers?|clients?|owners?)\s)"
    r"(?:[\w\-]++\s)?|launched\s|released\s|unveiled\s"
    r"|maker of\s|creator of\s|developer of\s|company behind\s|owner of\s|operator of\s|makers of\s|version of\s)$",
)
_PERSON_RIGHT = Folded(
    r"^(?:['’]s)?(?:,\s(?:who|then|previously|formerly|the\s(?:company['’]s\s)?(?:"
    + ROLE_WORDS
    + r"|third|second|first)|(?:a|the)\s(?:former|serial|outgoing|departing|ex-)\s?(?:[\w\-.]++\s){0,2}?(?:"
    + ROLE_WORDS
    + r"|boss|chief|head|founder|co-founder|executive|engineer|researcher)|a\s(?:former|serial)|one of the|his|her|\d{2},)\b|\s(?:himself|herself)\b|\s\(\d{2}\)"
    + r"|,\s[A-Z][\w\-.]*(?:\s[A-Z][\w\-.]*)?['’]s\s(?:former\s|then\s|new\s|outgoing\s|longtime\s)?(?:" + ROLE_WORDS + r")\b"
    # "Sam Roe is co-founder and CEO of Acme", "Sam Roe, co-founder and chief executive of Acme"
    + r"|(?:\s(?:is|was)|,)\s(?:the\s|a\s|an\s)?(?:co-?founder|founder|chief\s(?:executive|[a-z]+\sofficer)|ceo|cto|cfo|coo)"
    + r"(?:\s(?:and|&)\s(?:co-?founder|founder|chief\s(?:executive|[a-z]+\sofficer)|ceo|cto|cfo|coo))?\s(?:of|at)\s)",
)
_DEST_LEFT = re.compile(
    r"\b(?:left|leave|leaving|quit)\s+(?:\w+\s+){0,3}?to\s+join\s+$|\bpoached\s+by\s+$|\bhired\s+away\s+by\s+$"
    r"|\b(?:has|have|had)\s+(?:gone|moved|defected|decamped)\s+to\s+$|\b(?:going|went|returned|returning)\s+(?:back\s+)?to\s+$"
    r"|\b(?:recruited|hired|lured(?:\s+away)?|snapped\s+up|headhunted)\s+by\s+$"  # "has been recruited by Bigco"
    r"|\b(?:leaves|left|leaving|departs|departed|departing|quits|quit|exits|exited)\s+for\s+$"  # "co-founder leaves for Bigco"
    r"|\b(?:moves|moving|defects|defected|defecting|heads|headed|decamps|decamped)\s+to\s+$"
)
_RIVAL_LEFT = re.compile(r"\b(?:rival|competitor|fellow start-?up|fellow fintech)\s+$")
_RIVAL_RIGHT = re.compile(r"^,\s(?:the|a|an|its|their|[A-Z][\w\-.]*['’]s)\s(?:[\w\-]++\s){0,3}?(?:rival|competitor)\b")
_LIST_ITEM_LEFT = re.compile(r"(?:^|\n)[ \t]*(?:#+[ \t]*)?(?:\*\*|__)?\d{1,2}[.)][ \t]+(?:\*\*|__)?$")
_IS_A_STARTUP = re.compile(
    r"^\s(?:is|was|remains|became|has become)\s(?:still\s|now\s)?(?:the|a|an)\s(?:only\s|one\s|first\s|latest\s|newest\s|youngest\s|other\s)?"
    r"(?:[\w\-]++\s){0,3}?(?:start-?up|unicorn|fintech|neobank|scale-?up|upstart)\b"
)
_VENTURE_ROUND_RIGHT = re.compile(
    r"^(?:,\swhich|\s(?:has|had|also|recently|last))?(?:\s(?:has|had|also|just|recently))?\s(?:raised|closed|secured|landed|bagged)\s"
    r"(?:a|an|its)\s(?:[^\s,;.]++\s){0,3}?(?:series\s[a-f]\b|seed\s(?:round|funding)|pre-seed)",
    re.I,
)
_FOUNDER_RIGHT = re.compile(r"^(?:['’]s)?\s(?:co-?founders?|founders?)\b")
#: how a young company's story starts: "Acme started in 2021 as a trucking marketplace", "Acme, founded in 2019,"
_ORIGIN_RIGHT = re.compile(
    r"^,?\s(?:was\s)?(?:started|began|launched|founded)\s(?:out\s|life\s)?(?:in\s(?:19|20)\d\d\s)?(?:as\s(?:a|an)\s|in\s(?:19|20)\d\d\b)"
)
_KIND_RIGHT = re.compile(r"^\s(?:company|start-?up|firm|group|business|outfit|government|market|office|area|region)\b")
_ARTICLE_LEFT = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s$")
_TALKS_LEFT = re.compile(r"\btalks\s+with\s+$")
_ABOUT_SALE = re.compile(
    r"^(?:,[^,]{0,40},)?\s+(?:about|over|on)\s+(?:a\s+|an\s+|the\s+)?(?:sale|acquisition|acquiring|buying|takeover|merger|deal|purchase)"
)
_PLACE_LEFT = re.compile(r"\b(?:in|across|near|outside|throughout|headquartered in|based in|from)\s$")
_INVEST_IN_LEFT = re.compile(
    r"\b(?:invest\w*|round|series [a-z]\d?|funding|financing|stake|bet|raise|cheque|check|seed|valuation|contributions?|injection"
    r"|infusion)\s(?:[\w$.,]++\s){0,4}in\s$", re.I
)
#: words before a name (then at most two more words) that make it a source, acquirer or investor
_NEG_LEFT_WORDS = (
    "led by", "leaded by", "backed by", "according to", "reported by", "acquired by", "bought by", "owned by", "funded by",
    "to lead", "including", "such as", "sold to", "sale to", "former", "pays", "paid", "pay",
    "merging with", "merged with", "merge with", "told", "confirmed to", "speaking to", "speaking with", "in an interview with",
    "conversation with", "in a statement to", "portal", "outlet", "newspaper", "magazine", "publication", "website", "news site",
    "blog", "newsletter", "broadcaster", "news agency", "journal", "tabloid",
    "seen by", "reviewed by", "obtained by", "shared with", "in an email to", "in emails to", "told reporters at",
)
_NEG_LEFT2 = re.compile("(?:" + at_word_start(_NEG_LEFT_WORDS) + r")\s(?:[\w\-]++\s){0,2}$")
#: _NEG_LEFT2 read backwards: the reversed text opens with what a match ends with (up to two words, then a word of
#: _NEG_LEFT_WORDS reversed, not inside a longer word), so one anchored match stands for a search from every position
_NEG_LEFT2_REVERSED = re.compile(r"(?:\s[\w\-]++){0,2}\s(?:" + grouped([w[::-1] for w in _NEG_LEFT_WORDS]) + r")(?!\w)")


def _neg_left(left: str) -> bool:
    """``_NEG_LEFT2.search(left) is not None`` ("$" also matches before a final line break)."""
    rev = left[::-1]
    return _NEG_LEFT2_REVERSED.match(rev) is not None or (rev[:1] == "\n" and _NEG_LEFT2_REVERSED.match(rev, 1) is not None)
_JOINED_LEFT = re.compile(r"\b(?:joined|joining|join|joins)\s(?:[\w\-]++\s){0,2}$")
_AND_NAME = re.compile(r"([A-Z][\w\-]+(?: [A-Z][\w\-]+){1,2}),? and $")
_ROLE_BEFORE = re.compile(r"\b(?:chief executive|founder|co-founder|boss|president|ceo)\s$", re.I)
#: descriptors: "X, a Lagos-based payments start-up" / "Lagos-based fintech X" / "AI lab X"
_DESC_NOUNS = (
    r"start-?ups?|company|firm|maker|developer|unicorn|decacorn|venture|business|lab|platform|app|marketplace"
    r"|neobank|lender|provider|operator|player|major|giant|outfit|\w+tech|fintech|edtech|healthtech|proptech"
    r"|insurtech|agritech|cleantech|legaltech|spacetech|deeptech|e-commerce|ecommerce|retailer|brand|chain"
    r"|scale-?up|newcomer|upstart|challenger|rival|competitor|peer|exchange|prediction market|insurer|wallet|broker|studio"
)
_DESC_NOUN_SET = frozenset(
    """start-up startup start-ups startups company firm maker developer unicorn decacorn venture business lab platform app
    marketplace neobank lender provider operator player major giant outfit fintech edtech healthtech proptech insurtech
    agritech cleantech legaltech spacetech deeptech e-commerce ecommerce retailer brand chain scale-up scaleup newcomer
    upstart challenger rival competitor peer exchange insurer wallet broker studio""".split()
)
_DESC_RIGHT = re.compile(rf"^,\s(?:(?:still|now|once|long|already|arguably)\s)?(?:a|an|the|another|fellow)\s((?:[\w\-’'$.&]++\s){{0,6}}?(?:{_DESC_NOUNS}))\b", re.I)
_AMONG_DESC = re.compile(rf"^,\samong\s(?:the\s)?(?:[\w\-’'$.&]++\s){{0,6}}?(?:{_DESC_NOUNS}|companies|firms|start-?ups|unicorns)\b", re.I)
_DESC_LEFT = re.compile(rf"((?:[\w\-’'&]++\s){{0,3}}?(?:{_DESC_NOUNS}))\s$")
#: a descriptor that opens its clause, set off by commas before the name: "Nigeria-based media company, X,"
_DESC_COMMA = re.compile(
    r"(?:[.;:!?]\s|\n|\b(?:also|meanwhile|elsewhere|separately|similarly|likewise|for instance|for example|in addition),\s"
    r"|\b(?:a|an|the|another|other|fellow|in|into|to|of)\s)"
    r"(?:[\w\-’'&]++\s){0,4}(?:start-?up|company|firm|fintech|\w+tech|neobank|lender|marketplace|platform|business|outfit|unicorn|decacorn|scale-?up),\s$",
    re.I,
)
#: descriptors of companies a story's figures are not about ("a special purpose acquisition company, X,")
_DESC_COMMA_NOT = re.compile(
    r"\b(?:acquisition|blank-check|parent|holding|investment|private equity|venture capital|asset management|consulting|law"
    r"|accounting|audit|research|shell|state-owned|listed|public|publicly traded|telecom|oil|mining)\s(?:[\w\-]++\s)?(?:company|firm|business),\s$",
    re.I,
)
_RIVAL_COMMA = re.compile(r"\b(?:rival|competitor|peer|challenger|counterpart)s?\b[^,;.()]{0,40},\s$", re.I)
_DESC_SKIP = frozenset("a an the its their his her our this that which who of and in for with to at by from".split())

_ROLE_OF = frozenset(
    "founder co-founder ceo president head employees staff workers investors backers boss engineers researchers"
    " leaders executive".split()
)
_ROLE_SET = frozenset(
    """founder co-founder cofounder chief executive officer president vice-president boss scientist researcher
    engineer veteran entrepreneur spokesperson spokeswoman spokesman director chairman chairwoman ceo cto coo cfo
    billionaire investor counsel analyst manager partner leader creator inventor designer professor reporter
    founders co-founders executives officers directors""".split()
)
_WORD = re.compile(r"[\w$.,’'\-]+")
_INVEST_WORDS = frozenset(
    "invest invests investing invested investment investments injection injected infusion contribution contributions"
    " stake poured put pumped ploughed plowed funding financing round cheque check bet".split()
)
_FOUND_WORDS = frozenset("founded co-founded started launched built created".split())
_NOT_NP = frozenset("by who which that in on at with and after before from to for of was is".split())
_COMPANY_NOUNS = frozenset(
    "start-up startup company firm maker unicorn app application platform service fintech insurtech proptech biotech edtech"
    " healthtech agtech agritech cleantech regtech legaltech neobank lender marketplace processor aggregator brand".split()
)
_POS_LAST = frozenset({"in", "into", "valued", "valuing", "values", "of", "at"}) | _COMPANY_NOUNS
_LINE = re.compile(r"[^\n]+")
_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]+\b")
_SMALL = frozenset("a an and as at but by for from in into of on or the to vs via with".split())


@cache
def places() -> frozenset[str]:
    """Names of countries, regions and large cities (``extract/data/places.txt``)."""
    return frozenset((_DATA / "places.txt").read_text(encoding="utf-8").split("\n")) - {""}


@cache
def demonyms() -> frozenset[str]:
    """Nationality adjectives ("Danish", "Nigerian"), from ``extract/data/demonyms.txt``."""
    lines = (_DATA / "demonyms.txt").read_text(encoding="utf-8").split("\n")
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@cache
def first_names() -> frozenset[str]:
    """Given names common in at least one country (``extract/data/first_names.txt``, from names-dataset)."""
    return frozenset((_DATA / "first_names.txt").read_text(encoding="utf-8").split("\n")) - {""}


@cache
def common_words() -> frozenset[str]:
    """The 20,000 most frequent English words, lower case (``extract/data/common_words.txt``, from wordfreq)."""
    return frozenset((_DATA / "common_words.txt").read_text(encoding="utf-8").split("\n")) - {""}


#: last words that make a two-word name an organisation even after a given name ("Oscar Health", "Kazi Haul" is
#: decided by grammar)
_ORGISH_LAST = re.compile(
    r"^(?:Health|Bank|Pay|Money|Capital|Labs?|AI|Tech|Foods?|Motors|Logistics|Energy|Robotics|Systems|Group|Holdings"
    r"|Ventures|Partners|Finance|Financial|Solutions|Technologies|Networks|Games|Studios|Media|Mobility|Learning"
    r"|Therapeutics|Bio|Card|Wallet|Credit|Insurance|Markets?|Exchange|Commerce|Cloud|Data|Software|Security|Space"
    r"|Air|Auto|Cars?|Homes?|Care|Farms?|Agro|Power|Solar|Water|Fresh|Kitchen|Box|Hub|Works|Africa|India|Global"
    r"|Digital|Analytics|Intelligence|Health|Edu|Education|Academy|Travel|Mobile|Telecom|Coin|Crypto|Chain|Protocol"
    r"|Silicon|Semiconductors?|Chips?|Materials|Batteries|Aerospace|Dynamics|Diagnostics|Genomics|Medical|Pharma|Biotech)$"
)


@dataclass
class NameIndex:
    """The names of one article: every mention (typed) and every entity."""

    mentions: list[Name] = field(default_factory=list)  # sorted by start
    entities: dict[str, Entity] = field(default_factory=dict)
    startups: list[str] = field(default_factory=list)  # keys, most salient first
    people: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)  # surface -> key
    _starts: list[int] = field(default_factory=list, repr=False)

    def canonical(self, surface: str) -> str:
        return self.aliases.get(surface, surface)

    def kind(self, key: str | None) -> Kind:
        e = self.entities.get(key) if key else None
        return e.kind if e is not None else "org"

    def between(self, a: int, b: int) -> list[Name]:
        """Mentions that start in ``[a, b)``."""
        i = bisect_left(self._starts, a)
        return self.mentions[i : bisect_left(self._starts, b, i)]  # (the mentions are sorted by start)

    def companies(self) -> dict[str, frozenset[str]]:
        """Startup key -> the other names the article used for it."""
        out: dict[str, set[str]] = {k: set() for k in self.startups}
        for alias, key in self.aliases.items():
            if key in out and alias != key:
                out[key].add(alias)
        return {k: frozenset(v) for k, v in out.items()}


# ---- stage 1a: capitalised runs ------------------------------------------------------------------


_REPORT_BY = re.compile(r"\b(?:report|data|analysis|study|survey|figures|research)\s+(?:by|from|compiled\s+by|of)\s+(?:[\w\-]+\s+){0,6}$")
_SOURCE_LEFT = ("Per ", "per ", "According to ", "according to ", "Citing ", "citing ")
_SOURCE_WORD = re.compile(r"(?<![\w\-])(?:[Pp]er|[Aa]ccording to|[Cc]iting) $")  # (a word: not "developer ")
KIND_THEN_NAME = re.compile(r" (?:start-?up|company|firm|platform|app|lender|unicorn|maker|developer|provider|marketplace) [A-Z][\w\-]+")
_GENERIC_RUNS = frozenset(("Big Tech", "Big Four", "Big Pharma", "Big Oil", "Big Banks", "Big Three")) | frozenset(
    f"{field} AI" for field in ("Generative", "Agentic", "Conversational", "Responsible", "Physical", "Sovereign", "Enterprise",
                                "Embodied", "Multimodal", "Explainable", "Ethical", "Predictive", "Open-source", "Open-Source")
)  # a field of AI ("Generative AI darling ...", "Agentic AI is the hot field"), not a company
#: a country's start-up scene named after its nationality ("a new French Tech record", "the Kenyan Fintech Week"):
#: the words from here to the end of the run name a scene, a programme or an event, not a company
_SCENE_WORDS = frozenset(("Tech", "Fintech", "FinTech", "Startup", "Startups", "Start-up", "Start-ups", "Ecosystem"))


@lru_cache(maxsize=4096)  # (a pure function of the run: an article repeats its names)
def _clean(run: str, after: str = "", initial: bool = False) -> tuple[tuple[int, int], ...]:
    """Split a capitalised run into name pieces (offsets within the run), dropping grammar words,
    nationality words and possessives ("Nigerian Paystack", "Elon Musk's xAI")."""
    pieces: list[tuple[int, int]] = []
    cur: list[tuple[int, int]] = []
    pos = 0
    nationals = demonyms()
    bare = run[:-2] if run.endswith(("'s", "’s")) else run
    if bare in places():
        return ((0, len(run)),)  # "Saudi Arabia's": a place, not a nationality and a name
    if bare in _GENERIC_RUNS:
        return ()  # "Big Tech's scramble for engineers": a kind of company, no name
    if run.count(" ") >= 2 and run.rsplit(" ", 1)[1].rstrip(".,") in _LEGAL_ENDS and run.split(" ", 1)[0] in places():
        return _city_then_name(run, after)  # "Nanjing Corevale Semiconductor Co.": the city a Chinese legal name opens with
    for tok in run.split(" "):
        start, end = pos, pos + len(tok)
        pos = end + 1
        if not tok:
            continue
        poss = tok.endswith(("'s", "’s"))
        base = tok[:-2] if poss else tok
        if ("-" in base and _MODIFIER.search(base)) or (("'" in tok or "’" in tok) and _CONTRACTION.match(tok)):
            cur = []  # "Buenos Aires-based": the words before the modifier are part of it
            continue
        if not cur and not pieces and base.lower() in _OPENERS and not initial and start == 0 and not poss and _opens_name(run, end):
            cur.append((start, end))  # "Big Cabal Media" mid-sentence: part of the name
            continue
        if initial and start == 0 and end < len(run) and base in _IMPERATIVES:
            continue  # "Take Dunzo.", "Consider Acme": a verb opening the sentence, not part of the name
        if not cur and end < len(run) and ((not pieces and _LOWER_COMPOUND.match(base)) or (
                "-" in base and base.rsplit("-", 1)[1].lower() in _KIND_WORDS)):  # (also "Brazilian Core-Banking-Fintech Pismo")
            continue  # "E-pharmacy PharmEasy", "Ride-hailing Ola": a sector word before the name (not "Coca-Cola")
        if cur and not poss and base.lower() in _KIND_WORDS and end < len(run) and run[end + 1 : end + 2].isupper():
            if " " not in run[end + 1 :] and run[end + 1 :].lower() in common_words():
                cur = []
                break  # "the Quarterly Startup Report", "Fintech Week": a publication or an event, no name after it
            cur = []  # "Hamburger Fintech Kontora": the words before a kind word describe the name after it
            continue
        if not cur and base in _SCENE_WORDS and pieces and pieces[-1][1] == start - 1 and run[pieces[-1][0] : start - 1] in nationals:
            break  # "French Tech International Community": a nationality's scene, not a name
        if cur and base in ("Plus", "One", "Two", "Go", "Now", "Next"):
            cur.append((start, end))  # "Padhai Plus", "Capital One", "Kitchen Go": a capitalised word ending a name
            if poss:
                pieces.append((cur[0][0], cur[-1][1]))
                cur = []
            continue
        if base.lower() in _STOP or (tok == "US" and end == len(run) and after == "$") or (not cur and (base in nationals or (initial and not pieces and base.lower() in _KIND_WORDS))):
            if cur:
                pieces.append((cur[0][0], cur[-1][1]))
                cur = []
            if base in nationals and base.lower() not in _STOP:
                pieces.append((start, end))  # kept as its own piece: typed a nationality later
            continue
        cur.append((start, end))
        if poss or (cur and base in _HARD_SUFFIXES and _PERSON_TAIL.fullmatch(run, end)):
            pieces.append((cur[0][0], cur[-1][1]))  # (also "Niagara Commerce Group Bayu Pratama": a company, then a person)
            cur = []
    if cur:
        pieces.append((cur[0][0], cur[-1][1]))
    return tuple(pieces)


def _city_then_name(run: str, after: str) -> tuple[tuple[int, int], ...]:
    """The city as a piece of its own (typed a place later), then the pieces of the legal name after it."""
    k = run.index(" ") + 1
    return ((0, k - 1),) + tuple((a + k, b + k) for a, b in _clean(run[k:], after))


#: the last word of a company's legal name ("Nanjing Corevale Semiconductor Co.")
_LEGAL_ENDS = frozenset(("Co", "Ltd", "Inc", "Corp", "Limited", "LLC", "GmbH", "AG", "SA", "Technology", "Technologies", "Group"))
#: suffixes that end a company's name, and a person's two names after one in the same run (translated copies
#: write "Founder and CEO of Acme Group Jane Roe said")
_HARD_SUFFIXES = frozenset(("Group", "Inc", "Inc.", "Ltd", "Ltd.", "Holdings", "Corp", "Corp.", "GmbH", "Limited", "PLC", "plc", "AG", "Tbk"))
_PERSON_TAIL = re.compile(r" [A-Z][a-z]+ [A-Z][a-z]+")


_CHIEF_TITLE = re.compile(r"\bChief(?: [A-Z][a-z]+){1,3}(?= Officer\b)")
_IMPERATIVES = frozenset(("Take", "Consider", "Meet", "Enter", "Remember", "Ask", "Imagine", "Blame", "Thank"))
_LOWER_COMPOUND = re.compile(r"^[A-Z][a-z]*-[a-z]+(?:-[a-z]+)*$")


def _opens_name(run: str, end: int) -> bool:
    """Whether the opener ending at ``end`` leads the name that follows ("Big Cabal Media", not "Big Tech",
    "New York-based", "New Series")."""
    rest = run[end + 1 :].split(" ")
    nxt = rest[0] if rest else ""
    return (bool(nxt) and nxt.lower().rstrip("'’s") not in _STOP and nxt.rstrip("'’s") not in ("Tech", "Four", "Five", "Manager", "Managers")
            and not _MODIFIER.search(nxt))


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    r"""Spans of Title Case Headline Lines, whose capitals say nothing about names.

    >>> t = "Acme Raises $20 Million To Expand Into Europe\nAcme, the start-up, said so."
    >>> [t[a:b] for a, b in _title_case_lines(t)]
    ['Acme Raises $20 Million To Expand Into Europe']
    """
    out = []
    for line in _LINE.finditer(text):
        if len(line.group(0)) >= 200 or line.group(0).rstrip().endswith((".", "!", "?", '."', ".”")):
            continue
        words = [w for w in line.group(0).split() if w[:1].isalpha() and w.lower() not in _SMALL]
        if len(words) >= 4 and sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words):
            out.append((line.start(), line.end()))
    return out


_PARTICLE_BEFORE = re.compile(r"([A-Z][\w\-]+) (?:es|de|do|da|del|di|du|al|el|la|dos|das) $")
_PARTICLE_AFTER = re.compile(r"^ (?:es|de|do|da|del|di|du|al|el|la|dos|das) ([A-Z][\w\-]+)")


@cache
def _place_ends() -> frozenset[str]:
    """The words before a space that open a place name, and the words after a space that end one ("Dar",
    "es Salaam", "Salaam" of "Dar es Salaam"): `_in_particle_place` can only hold for these."""
    out: set[str] = set()
    for p in places():
        for i, ch in enumerate(p):
            if ch == " ":
                out.add(p[:i])
                out.add(p[i + 1 :])
    return frozenset(out)


def _in_particle_place(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is one end of a place name joined by a lower-case particle ("Dar es Salaam")."""
    if text[a:b] not in _place_ends():
        return False  # (the place would be "X de " + text[a:b] or text[a:b] + " de X")
    before = _PARTICLE_BEFORE.search(text, max(0, a - 30), a)
    if before is not None and text[before.start() : b] in places():
        return True
    after = _PARTICLE_AFTER.match(text[b : b + 30])
    return after is not None and text[a : b + after.end()] in places()


_CODE_KIND = re.compile(r"^[A-Z]{2,3}-(?:Company|Companies|Firm|Group|Dollars?|Giant|Start-?up|Bank|Fund|Investors?|Market|Government)$")
_PERIOD_FIRST = frozenset("FCQH123456789")  # the characters a _PERIOD_TOKEN opens with
_PERIOD_TOKEN = re.compile(r"^(?:FY|CY|Q[1-4]|H[12]|[1-9]M|Q[1-4]\s?FY)['’]?\d{2,4}(?:-\d{2,4})?$|^(?:Q[1-4]|H[12])$")


def _place_then_name(run: str) -> tuple[tuple[int, int], ...] | None:
    """"São Paulo Pagoja" after "of": a place of two words or more, then the name (offsets in ``run``)."""
    toks = run.split(" ")
    for k in range(len(toks) - 1, 1, -1):
        head = " ".join(toks[:k])
        if head in places():
            return ((0, len(head)), (len(head) + 1, len(run)))
    return None


def _one_word_piece(text: str, m: re.Match[str], run: str) -> list[Name]:
    """`_pieces_of` for a run of one word (half the runs), its tests in one place: the word less its possessive is
    the one piece, unless a test below drops it (the same tests, in the same order, as the loop in `_pieces_of`)."""
    poss = run.endswith(("'s", "’s"))
    base = run[:-2] if poss else run
    low = base.lower()
    if low in _STOP or low in _KIND_WORDS or (run == "US" and text[m.end() : m.end() + 1] == "$") or (
        "-" in base and _MODIFIER.search(base)) or (("'" in run or "’" in run) and _CONTRACTION.match(run)):
        return []
    if len(base) < 2 or len(base) > 60 or base in _SUFFIX_WORDS:
        return []  # ("AI", "Inc", "Labs" alone name nothing)
    if ("-" in base[2:4] and _CODE_KIND.match(base)) or (base[0] in _PERIOD_FIRST and _PERIOD_TOKEN.match(base)):
        return []  # "US-Dollar", "FY24" (see `_pieces_of`)
    s = m.start()
    if base in _place_ends() and _in_particle_place(text, s, s + len(base)):
        return []
    return [Name(s, s + len(base), base, poss)]


def _pieces_of(text: str, m: re.Match[str]) -> list[Name]:
    run = m.group(0)
    if " " not in run:
        return _one_word_piece(text, m, run)
    spans = _clean(run, text[m.end() : m.end() + 1], _sentence_initial(text, m.start()))
    if len(spans) == 1 and spans[0] == (0, len(run)) and text.endswith(("of ", "in ", "from "), 0, m.start()):
        spans = _place_then_name(run) or spans  # translated: "the fintech of São Paulo Pagoja"
    out = []
    place_ends = _place_ends()  # (the test _in_particle_place opens with: most pieces end no place)
    for a, b in spans:
        piece, poss = run[a:b], False
        if piece.endswith(("'s", "’s")):
            piece, poss = piece[:-2], True
        if not piece or len(piece) < 2 or len(piece) > 60:
            continue
        if piece in _SUFFIX_WORDS or (" " in piece and _SUFFIX_WORDS.issuperset(piece.split())):
            continue  # "AI", "Inc", "Labs" alone name nothing
        if "-" in piece[2:4] and _CODE_KIND.match(piece):  # (the pattern needs a hyphen there)
            continue  # "the US-Company", "US-Dollar": a country code joined to a common noun (translated German)
        if piece[0] in _PERIOD_FIRST and _PERIOD_TOKEN.match(piece):
            continue  # "FY24", "Q3", "H1 2024": a period, not a name
        if piece in place_ends and _in_particle_place(text, m.start() + a, m.start() + a + len(piece)):
            continue  # "Dar es Salaam", "Rio de Janeiro": a part of a place written with a particle
        s = m.start() + a
        out.append(Name(s, s + len(piece), piece, poss))
    return out


_OF_HEAD = re.compile(
    r"(?:^|\s)(?:Bank|Institute|University|Museum|Commission|Ministry|Department|Board|Council|Federation"
    r"|Association|Society|School|Academy|College|Office|Agency|Authority|Republic|Kingdom|Bureau|Chamber|Court|Registrar)$"
)


def _join_of(text: str, names: list[Name]) -> list[Name]:
    """"The Bank of London", "Bank of America": a name whose head takes "of" and a place is one name."""
    out: list[Name] = []
    for n in names:
        if out and text.startswith(" of ", out[-1].end) and n.start == out[-1].end + 4 and not out[-1].possessive and _OF_HEAD.search(out[-1].surface):
            a = out[-1].start - 4 if text[max(0, out[-1].start - 4) : out[-1].start] == "The " else out[-1].start
            out[-1] = Name(a, n.end, text[a : n.end], n.possessive)
            continue
        out.append(n)
    return out


_HEADLINE_VERB = re.compile(
    r"^(?:Raises|Raise|Raising|Raised|Lands|Bags|Secures|Snags|Nabs|Closes|Picks|Pulls|Gets|Hits|Reaches|Cuts|Lays|Slashes"
    r"|Axes|Sheds|Trims|Fires|Hires|Poaches|Loses|Shuts|Closing|Files|Seeks|Eyes|Mulls|Weighs|Plans|Targets|Valued|Values"
    r"|Becomes|Joins|Enters|Launches|Acquires|Buys|Sells|Says|Confirms|Denies|Announces|Expands|Doubles|Tops|Crosses"
    r"|In|To|At|For|From|With|After|As|On|Amid|Over|Valuation|Layoffs|Funding|Round|Series|IPO|CEO|Co-Founder|Founder"
    r"|Down|Off|Up|Out|Back|Away|All|Its|Their|Of|And|Or|By"
    r"|Does|Did|Has|Is|Was|Pockets|Completes|Obtains|Receives|Lifts|Wins|Takes|Makes|Leaves|Quits|Exits|Halts|Scraps"
    r"|Reduces|Mops|Rakes|Grabs|Scores|Nets|Dismisses)$"
)
_HEADLINE_ADJ = re.compile(
    r"^(?:[A-Z][a-z]+(?:ed|ing|ful|ous|ive|ic|al)|Troubled|Embattled|Ailing|Buzzy|Hot|Beleaguered|Cash-Strapped|Crypto|AI"
    r"|Fintech|Edtech|Healthtech|Insurtech|Proptech|Agritech|Startup|Start-Up|Unicorn|Decacorn|SaaS|EV|Quick-Commerce"
    r"|Neobank|Lender|Exchange|Platform|App|Firm|Company|Maker|Giant|Upstart|Rival|Former|Ex|New|Young|Stealth|Bengaluru-Based)$"
)


_HEADLINE_KIND = re.compile(
    r"^(?:Startup|Start-Up|Fintech|Edtech|Healthtech|Insurtech|Proptech|Agritech|Unicorn|Decacorn|Neobank|Lender|Exchange"
    r"|Platform|App|Firm|Company|Maker|Giant|Upstart|Rival|Lab|Developer|Operator|Marketplace|Retailer|Brand|Chain)$"
)


def _headline_names(text: str, spans: list[tuple[int, int]]) -> list[Name]:
    """Names in a Title Case headline with no body: "Troubled Ghanaian Fintech Dash Shuts Down After
    Raising $86.1 Million" names Dash: the words before the headline's verb, less the adjectives,
    nationalities and sector words that lead them."""
    out: list[Name] = []
    for a, b in spans:
        for m in _RX0.finditer(text[a:b]):
            pass
        words = [(a + m.start(), a + m.end(), m.group(0)) for m in _RX2.finditer(text[a:b])]
        run: list[tuple[int, int, str]] = []
        for w in words + [(b, b, "To")]:
            poss = w[2].endswith(("'s", "’s"))
            core = w[2][:-2] if poss else w[2]
            if _HEADLINE_VERB.match(core) or not core[:1].isupper() or core[:1] in "$€£₹":
                _flush_headline_run(text, run, out)
                run = []
                continue
            run.append(w)
            if poss:  # "Bogotá's Simetrik": a possessive ends a name
                _flush_headline_run(text, run, out)
                run = []
    return out


def _flush_headline_run(text: str, run: list[tuple[int, int, str]], out: list[Name]) -> None:
    cut = [i for i, w in enumerate(run[:-1]) if _HEADLINE_KIND.match(w[2].rsplit("-", 1)[-1])]  # (and "Core-Banking-Fintech")
    described = bool(cut)
    if cut:  # "Air-Taxi Startup Lilium": the name follows the last word saying what kind of company it is
        run = run[cut[-1] + 1 :]
    while run and (_HEADLINE_ADJ.match(run[0][2]) or run[0][2] in demonyms() or run[0][2].lower() in _STOP):
        run.pop(0)
    if len(run) == 1 and not described and out and run[0][2].lower().rstrip("'’s") in common_words():
        return  # "... Funding Sinks to $579M": a common word after the first name is a verb
    if len(run) == 1 and described and text.startswith(":", run[0][1]) and run[0][2].lower() in common_words():
        return  # "Startup Layoffs: ...": a section's label, not a startup called Layoffs
    if run:
        poss = run[-1][2].endswith(("'s", "’s"))
        end = run[-1][1] - (2 if poss else 0)
        surface = text[run[0][0] : end]
        common = common_words()
        if not described and all(w[2].lower().rstrip("'’s") in common for w in run) and text.find(surface, end) == -1:
            return  # "In Africa's First Homegrown Tech Unicorn": ordinary words the story never names again
        out.append(Name(run[0][0], end, surface, poss))


def _raw_mentions(text: str, skip: list[tuple[int, int]]) -> list[Name]:
    """The names of ``text`` but those that start in the spans ``skip`` (in order, apart)."""
    rx = _NAME_RE if _needs_full_names(text) else _NAME_UPPER_RE
    out: list[Name] = []
    ahead = skip[::-1]  # the spans not yet passed, the next one last
    for m in rx.finditer(text):
        while ahead and ahead[-1][1] <= m.start():
            ahead.pop()
        if ahead and ahead[-1][0] <= m.start():
            continue
        out.extend(_pieces_of(text, m))
    out = [n for n in out if not (n.surface.isupper() and _caps_heading(text, n))]  # (the test _caps_heading opens with)
    if "Chief " in text:  # "Chief Operating Officer": a title, none of its words a name
        titles = [(t.start(), t.end()) for t in _CHIEF_TITLE.finditer(text)]
        out = [n for n in out if not any(a <= n.start < b for a, b in titles)]
    if " & " in text:
        out = _join_amp(text, out)
    out = _join_particles(text, out)
    out = _unglue_headings(text, out)
    return _join_of(text, out) if " of " in text else out


def _unglue_headings(text: str, names: list[Name]) -> list[Name]:
    """A listicle's section heading run into its paragraph when a page lost its line breaks: "Vedantu Edtech firm
    Vedantu went for ...", "Unacademy Softbank backed edtech unicorn, Unacademy, laid off ...": the heading's name
    opens the sentence and its paragraph names it again, so the run splits after it."""
    out: list[Name] = []
    for n in names:
        head, sep, rest = n.surface.partition(" ")
        at = text.find(head, n.end, n.end + 70) if sep and len(head) >= 3 and head not in rest else -1  # (a cheap test first)
        if at > 0 and not n.possessive and head[0].isupper() and rest[:1].isupper() and _AGAIN_AFTER.search(text, max(0, at - 30), at + len(head) + 1) \
                and _sentence_initial(text, n.start) and head.lower() not in common_words() and head not in first_names():
            out.append(Name(n.start, n.start + len(head), head, False))
            out.append(Name(n.start + len(head) + 1, n.end, rest, n.possessive))
            continue
        out.append(n)
    return out


#: the name again, after a kind word (and a comma): "Edtech firm Vedantu went", "edtech unicorn, Unacademy, laid off"
_AGAIN_AFTER = re.compile(
    r"(?<![\w\-])(?:start-?up|firm|company|unicorn|decacorn|platform|app|marketplace|[a-z]*tech|lender|neobank|brand|player"
    r"|chain|operator|provider|maker|retailer|service),? \w+\W$"
)


def _caps_heading(text: str, n: Name) -> bool:
    """A section heading in capitals ("PEOPLE MOVES", "DEAL ROUNDUP") on a line of its own names nothing."""
    if not n.surface.isupper() or len(n.surface) < 3:
        return False
    a = text.rfind("\n", 0, n.start) + 1
    b = text.find("\n", n.end)
    line = text[a : b if b != -1 else len(text)]
    colon = line.find(": ")
    if colon > 0 and a + colon > n.start and line[:colon].isupper() and len(line[:colon].split()) >= 4:
        return True  # "PRINCE HARRY’S NOW AN EXEC AT A $4.7 BILLION COMPANY: If you work in tech, ...": a newsletter's item heading
    line = line.strip(" \t*#_:-")
    return line == n.surface if " " in n.surface else (line.isupper() and len(line.split()) >= 3 and len(line) <= 60)


_SURNAME_PARTICLE = re.compile(r" (?:van|von|de|da|do|dos|das|di|du|del|della|der|den|ter|le|la|bin|binti|ibn)(?: (?:der|den|de|la|los|las))? ")


def _join_particles(text: str, names: list[Name]) -> list[Name]:
    """"Pieter van Wyk", "Sanne de Wit": a given name and a surname joined by a lower-case particle are one
    name (not "Rio de Janeiro", a place)."""
    if not names:
        return names
    given = first_names()
    out: list[Name] = [names[0]]
    for n in names[1:]:
        prev = out[-1]
        if (4 <= n.start - prev.end <= 12 and not prev.possessive and " " not in prev.surface and prev.surface in given
                and _SURNAME_PARTICLE.fullmatch(text, prev.end, n.start) and " " not in n.surface):
            surface = text[prev.start : n.end]
            if surface not in places():
                out[-1] = Name(prev.start, n.end, surface, n.possessive)
                continue
        out.append(n)
    return out


def _join_amp(text: str, names: list[Name]) -> list[Name]:
    """"Think & Learn", "Marks & Spencer": two capitalised words joined by an ampersand are one name."""
    out: list[Name] = []
    for n in names:
        if out and n.start == out[-1].end + 3 and text.startswith(" & ", out[-1].end) and not out[-1].possessive:
            out[-1] = Name(out[-1].start, n.end, text[out[-1].start : n.end], n.possessive)
            continue
        out.append(n)
    return out


def _sentence_initial(text: str, i: int) -> bool:
    """Whether a capitalised word at ``i`` opens a sentence, a line or a heading ("✂️ Cuts and exits")."""
    j = i - 1
    while j >= 0 and (text[j] in " \t\"'“‘(*#\ufe0f" or ord(text[j]) >= 0x2190 and not text[j].isalnum()):
        j -= 1  # spaces, quotes, markup, and symbols or emoji that lead a heading or a list item
    if j >= 1 and text[j] == "\u20e3":  # a keycap number leading a heading ("3️⃣ Wins"): its digit, then what is before it
        return _sentence_initial(text, j - 2 if text[j - 1] == "\ufe0f" else j - 1)
    return j < 0 or text[j] in ".!?\n:—–-|•·"


def _lower_word_in(text: str, w: str) -> bool:
    """Whether ``w`` occurs in ``text`` as a lower-case word.

    >>> _lower_word_in("Analysts said so; analysts agree", "analysts"), _lower_word_in("psychoanalysts", "analysts")
    (True, False)
    """
    i = text.find(w)
    n = len(text)
    while i != -1:
        a, b = i, i + len(w)
        if (a == 0 or not text[a - 1].isalpha()) and (b >= n or not text[b].isalpha()) and not (a > 0 and text[a - 1] == "-"):
            return True
        i = text.find(w, i + 1)
    return False


def _short_line(text: str, n: Name) -> bool:
    """The name sits in a heading: a line of a few words without closing punctuation."""
    a = text.rfind("\n", 0, n.start) + 1
    b = text.find("\n", n.end)
    line = text[a : b if b >= 0 else len(text)].strip(" *#_-•")
    return len(line.split(None, 8)) <= 8 and not line.endswith((".", "?", "!", ",", '"', "”"))  # (9 pieces at most: a ninth word is enough)


_LIST_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")


def _heading_name(text: str, n: Name) -> bool:
    """The name a short heading line is about: "Deal of the month: Moniepoint", "Moniepoint", "4. Stackwise"."""
    a = text.rfind("\n", 0, n.start) + 1
    b = text.find("\n", n.end)
    line = _LIST_NUMBER.sub("", text[a : b if b >= 0 else len(text)].strip(" *#_-•")).strip(" *#_")
    # (split into 9 pieces at most: a ninth word is enough to rule out a heading, and most lines are whole paragraphs)
    if not line or len(line.split(None, 8)) > 8 or line.endswith((".", "?", "!", ",")):
        return False
    tail = line[line.rfind(":") + 1 :].strip(" *#_") if ":" in line else line.strip(" *#_")
    return tail == n.surface and n.surface.lower() not in common_words()


#: sectors written like names before a kind of company ("Web3 firm X", "SaaS startup X", "D2C brand X")
_SECTOR_TOKENS = frozenset("Web3 Web2 B2B B2C D2C DTC SaaS PaaS DeFi NFT EV IoT AgTech FinTech EdTech HealthTech InsurTech PropTech".split())
_KIND_AFTER = re.compile(r"[ \t](?:[a-z\-]+[ \t]){0,2}?(?:firm|start-?up|company|platform|app|brand|unicorn|player|marketplace|lender|business|venture|space|sector)s?\b")


def _common_heading(text: str, n: Name, common: frozenset[str]) -> bool:
    """A line of ordinary words alone, title-cased: a newsletter's section heading ("💰 Venture Funds")."""
    words = n.surface.lower().split()
    if _SECTION_WORDS.isdisjoint(words) or not common.issuperset(words):
        return False
    a = text.rfind("\n", max(0, n.start - 12), n.start)  # (a heading: the line holds little besides the name)
    b = text.find("\n", n.end, n.end + 12)
    if (a < 0 and n.start > 12) or (b < 0 and len(text) > n.end + 12):
        return False
    line = text[a + 1 : b if b >= 0 else len(text)]
    return _NON_WORD_EDGES.sub("", line) == n.surface


#: what newsletters' sections are about (not "Sparrow Health", "Orbital Insurance": company headings)
_SECTION_WORDS = frozenset(
    "funds funding deals news rounds exits cuts layoffs launches partnerships moves hires people acquisitions updates briefs"
    " headlines roundup markets fundraises raises jobs numbers links reads events policy regulation".split()
)


_NON_WORD_EDGES = re.compile(r"^\W+|\W+$")

#: a word with a capital inside and lower case ("OPay", "LemFi", "PhonePe"): no ordinary word is written so
_INNER_CAPITAL = re.compile(r"^[A-Z]+[a-z]+[A-Z]\w*$|^[A-Z]{2,}[a-z]{2,}\w*$")


_LOWER_NEXT = re.compile(
    r" (?!(?:and|or|is|was|has|had|have|will|would|said|says|raises|cut|cuts|to|left|leaves|quit|quits|told|tells|took|takes|made"
    r"|makes|became|becomes|went|goes|got|gets|built|builds|ran|runs|led|leads|wrote|writes|joined|joins|sold|sells|[a-z]+ed)\b)[a-z]"
)


def _labels_its_line(text: str, n: Name, right: str, common: frozenset[str]) -> bool:
    """A name labelling its line ("Brindle. The voice startup ...", "**April 15: Loomstack.** The Austin-based
    company ...", "2. **Gridvolt, $85M, energy software:**", "**Rehla**, Saudi-based travel app, raised ...")."""
    return n.surface.lower() not in common and LABEL_PREFIX.search(text, max(0, n.start - 40), n.start) is not None and (
        _LABEL_DESC.match(right) is not None or _DEAL_LABEL.match(right) is not None or _BASED_DESC.match(right) is not None)


def _keep_initial(text: str, raw: list[Name]) -> list[Name]:
    """Drop names seen only at sentence starts that read as ordinary words ("Scooter company ...")."""
    initial = [_sentence_initial(text, n.start) for n in raw]  # (asked once per name)
    mid = {n.surface for n, first_word in zip(raw, initial) if not first_word}
    multi = [t for t in (n.surface.split() for n in raw) if 2 <= len(t) <= 4]
    mid |= {t[-1] for t in multi} | {t[0] for t in multi}
    freq: dict[str, int] = {}
    for n in raw:
        freq[n.surface] = freq.get(n.surface, 0) + 1
    mid |= {s for s, k in freq.items() if k >= 2 and " " not in s and s not in mid and not _lower_word_in(text, s.lower())
            and not (s.endswith(("ed", "ing")) and s.lower() in common_words())}  # (not "Raised $70m" opening bullets)
    out = []
    common = common_words()
    for n, first_word in zip(raw, initial):
        if " " not in n.surface and n.surface.endswith(("ians", "eans", "ners")) and text.endswith(("The ", "the "), 0, n.start):
            continue  # "The Bavarians develop drones": the company called by its region's people, no name
        if n.surface in _SECTOR_TOKENS and _KIND_AFTER.match(text, n.end):
            continue  # "co-founder of Web3 firm ChainKart", "a B2B startup": a sector, not a name
        if " " in n.surface and _common_heading(text, n, common):
            continue  # "💰 Venture Funds", "Cuts And Exits": a section heading of ordinary words
        if (n.surface in mid and " " not in n.surface and first_word and n.surface.lower() in common
                and _LOWER_NEXT.match(text, n.end) and not _KEEP_VERB.match(text[n.end : n.end + 80])):
            continue  # "Space tech and AI dominated" (while "Sierra Space" is a name): a word opening the sentence
        if n.surface not in mid:  # (then every mention of it opens a sentence, this one too)
            first = n.surface.split()[0]
            if first.lower() in _STOP:
                continue
            if " " not in n.surface and n.surface.endswith("ing") and len(n.surface) > 6 and n.surface[1:].islower():
                continue  # "Nearshoring is the tailwind here", "Fundraising slowed": a gerund opening a sentence
            right = text[n.end : n.end + 80]
            if " " not in n.surface and not _KEEP_RIGHT.match(right) and not _heading_name(text, n) and not _INNER_CAPITAL.match(n.surface) and not (
                _bullet_lead(text[max(0, n.start - 12) : n.start]) and _BULLET_DASH.match(right)
            ) and not _labels_its_line(text, n, right, common):
                continue
            desc = _DESC_RIGHT.match(right) if right.startswith(", ") and not first.endswith("ly") else None
            described = (desc is not None and len(desc.group(1).split()) >= 2) or (  # "Tango, the Buenos Aires crypto wallet"
                right.startswith(", among ") and _AMONG_DESC.match(right) is not None)  # "Pinterest, among the tech companies ..."
            if first.lower() in common and " " not in n.surface and not described and (
                right[:1] in (",", "") or not _KEEP_VERB.match(right) or _short_line(text, n)
            ):  # (but "Tango, the Buenos Aires crypto wallet, ..." is a name)
                continue  # "Separately, the company ...", a "Cost cuts" heading: a word, not a name
        out.append(n)
    return _fix_possessive_names(text, out)


_ALL_CAPS = re.compile(r"[A-Z]{2,6}s?")


def _drop_common_acronyms(text: str, mentions: list[Name]) -> list[Name]:
    """An acronym the article defines for lower-case words is no name: "termination of work relation (PHK)",
    "buy now, pay later (BNPL)"; while "Development Partners International (DPI)" abbreviates a name."""
    drop, seen = set(), set()
    for n in mentions:
        if n.surface in seen or not (len(n.surface) <= 7 and n.surface[:2].isupper() and _ALL_CAPS.fullmatch(n.surface)):  # (cheap tests first)
            continue
        seen.add(n.surface)  # (each acronym looked up once, however often the article repeats it)
        at = text.find("(" + n.surface + ")")
        if at > 0 and text[at - 1] == " " and (prev := text[max(0, at - 30) : at - 1].split()) and prev[-1][:1].islower():
            drop.add(n.surface)
    return [n for n in mentions if n.surface not in drop] if drop else mentions


def _fix_possessive_names(text: str, mentions: list[Name]) -> list[Name]:
    """A name always written with 's ("Byju's") keeps it (before a verb, or a comma: no possessive ends there)."""
    bare = {n.surface for n in mentions if not n.possessive}
    kept = {n.surface for n in mentions if n.possessive and n.surface not in bare and _no_possessive_ends(text, n)}
    if not kept:
        return mentions
    # (then every mention of it is the name with its 's: "Byju's board" is the board of Byju's)
    return [Name(n.start, n.end + 2, text[n.start : n.end + 2], not _no_possessive_ends(text, n)) if n.possessive and n.surface in kept else n
            for n in mentions]


def _no_possessive_ends(text: str, n: Name) -> bool:
    """What follows the 's of ``n`` is a verb or a comma: the 's belongs to the name ("Byju's has raised", "Byju's,")."""
    return _RX1.match(text[n.end + 2 : n.end + 30]) is not None or text[n.end + 2 : n.end + 3] in (",", ";", ")")


# ---- stage 1b: people and aliases ----------------------------------------------------------------


def _last_words(left: str, k: int, strip: bool = False) -> list[str]:
    ws = [w.lower() for w in _WORD.findall(left[-70:])[-k:]]
    return [w.rstrip(",.") for w in ws] if strip else ws


_SET_UP_BY = re.compile(r"\bset up(?: in \d{4}| (?:last|this) year| in [A-Z]\w+)? by $")
_OWN_KIND = frozenset("company firm startup start-up platform business group".split())


def _person_left(left: str) -> bool:
    """A role title right before a name ("chief executive Jane Roe", "co-founders A and B")."""
    if not left.endswith(" ") or left.endswith((". ", ".\n", "? ", "! ")):
        return False  # ("... its chief technology officer. Shamba Direct lost five people": a new sentence)
    w = _last_words(left, 4, strip=True)
    if not w:
        return False
    if w[-1] in _ROLE_SET or w[-1].rstrip("s") in _ROLE_SET:
        return True
    if len(w) >= 2 and w[-1] == "by" and (w[-2] in ("founded", "co-founded", "cofounded", "started", "established") or (
            "set up" in left[-40:] and _SET_UP_BY.search(left[-40:]))):
        return True  # "the company founded by Rindom and Niccolo Perra", "set up last year by Punit K Goyal"
    if len(w) == 4 and left.endswith(", ") and w[1:3] == ["of", "the"] and w[0] in _ROLE_SET and w[3] in _OWN_KIND:
        return True  # "CEO of the company, Vamsi Krishna, said": the role set off by a comma
    if len(w) >= 4 and w[-1] in ("and", "&") and w[-3] == "by" and w[-4] in ("founded", "co-founded", "cofounded", "started"):
        return True  # "founded by Rindom and Niccolo Perra"
    return len(w) >= 3 and w[-2] in ("and", "&") and w[-3] in _ROLE_SET


#: "Ruta Verde's Valentina Ospina", "X's chief executive": a name that has people or units is an organisation
_HAS_PEOPLE = re.compile(
    r"^['’]s\s+(?:(?P<given>[A-Z][a-zà-ÿ]+)\s+[A-Z]|(?:co-?)?founders?\b|chief\b|ceo\b|head of\b|president\b|cfo\b|cto\b|coo\b|board\b"
    r"|(?:[\w\-]+\s+)?(?:team|staff|employees|engineers|researchers|workforce)\b|investors\b|backers\b|(?:\w+\s+)?(?:unit|division|arm|subsidiary)\b)"
)


def _has_people(right: str) -> bool:
    m = _HAS_PEOPLE.match(right)
    return m is not None and (m.group("given") is None or m.group("given") in first_names())


#: what an unknown given name looks like: one capitalised word ("Ogochukwu"), not "E-pharmacy" or "PEOPLE"
_GIVEN_SHAPE = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]+$")


#: what only an organisation has: "Acme's revenue", "Acme's prospectus", "Acme, one of the ... developers"
_ORG_THINGS = re.compile(
    r"^(?:['’]s\s(?:[\w\-]++\s){0,2}?(?:revenues?|valuation|funding|round|ipo|listing|shares|prospectus|employees|staff|headcount|workforce"
    r"|burn|losses|sales|customers|investors|backers|series\s[a-e])\b|,\sone\sof\sthe\s(?:[\w\-]++\s){0,4}?(?:developers|startups|start-ups|companies|firms|makers|lenders|unicorns)\b"
    r"|\s(?:eyes|files|filed|plans)\s(?:for\s)?(?:an?\s)?(?:[A-Z][\w]+\s)*(?:ipo|listing)\b"
    r"|,\swhich\s(?!is\s(?:a|an|the)\s(?:name|nickname)))",  # (people take "who": "Maxwell Compute, which designs chips")
    re.I,
)
_GERUND = re.compile(r"^[A-Z][a-z]{3,}ing$")  # "Decoding Rapido's round": a verb, not a given name


_HONORIFICS = ("Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Mr ", "Ms ", "Mrs ", "Dr ")


def _find_people(text: str, mentions: list[Name]) -> set[str]:
    raw_names = {n.surface for n in mentions}
    given = first_names()
    people: set[str] = set()
    by_given: set[str] = set()
    orgish: set[str] = set()
    contexts: dict[str, list[tuple[str, str]]] = {}  # (left, right) of the mentions of names not yet read as organisations
    seen: dict[str, int] = {}
    for n in mentions:
        if " " not in n.surface:
            if text.endswith(_HONORIFICS, max(0, n.start - 5), n.start):
                people.add(n.surface)  # "Mr. Park also left": an honorific makes even one word a person
            continue  # a single word is a person only as the surname or given name of a full name (below)
        k = seen[n.surface] = seen.get(n.surface, 0) + 1
        toks = n.surface.split()

        if k > 4 or n.surface in people or SUFFIX_RE.match(toks[-1]) or investor_suffix(n.surface):
            continue
        left, right = text[max(0, n.start - 40) : n.start], text[n.end : n.end + 60]
        if _ORG_THINGS.match(right) or left.endswith("-based "):
            orgish.add(n.surface)  # "Beijing-based Zhiyuan Mind, one of the ... developers", "Zhiyuan Mind's revenue"
        elif len(toks) >= 2 and (_person_left(left) or _PERSON_RIGHT.match(right)) and not _ORGISH_LAST.match(toks[-1]):
            people.add(n.surface)  # (not "chip designer Fernleaf Silicon")
        elif (len(toks) in (2, 3) and toks[-1] in raw_names and not SUFFIX_RE.match(toks[-1]) and not _ORGISH_LAST.match(toks[-1])
              and n.surface not in places()
              and toks[0] not in places() and toks[0] not in demonyms() and toks[0].lower() not in _KIND_WORDS and (toks[0] in given or (
                  toks[0].lower() not in common_words() and _GIVEN_SHAPE.match(toks[0]) and not _GERUND.match(toks[0])))):
            people.add(n.surface)  # "Jane Roe ... Roe said", not "Dakar Wave ... Wave" or "West Africa"
        elif len(toks) in (2, 3) and toks[0] in given and not _ORGISH_LAST.match(toks[-1]) and n.surface not in places():
            by_given.add(n.surface)  # a given name and a surname: a person unless a mention says company
        if n.surface not in orgish:
            contexts.setdefault(n.surface, []).append((left, right))
    # (only a name that a given name may make a person needs the test of its mentions' grammar)
    orgish |= {g for g in by_given - orgish if any(_reads_as_org(left, right) for left, right in contexts.get(g, ()))}
    people |= by_given - orgish
    for n in mentions:  # "Jane Roe and John Doe": a name joined to a person by "and" is a person
        if n.surface not in people and len(n.surface.split()) in (2, 3) and text.endswith("and ", 0, n.start):
            lm = _AND_NAME.search(text[max(0, n.start - 40) : n.start])
            if lm and lm.group(1) in people:
                people.add(n.surface)
    by_surface = {n.start: n.surface for n in mentions}
    for n in mentions:  # "siblings Omar and Hala Saeed": a given name joined by "and" to a person's full name
        nxt = by_surface.get(n.end + 5)
        if " " not in n.surface and n.surface in given and text.startswith(" and ", n.end) and nxt in people:
            people.add(n.surface)
    people |= {p.split()[-1] for p in list(people)}
    people |= {p.split()[0] for p in list(people) if len(p.split()) >= 2 and p.split()[0] in given}  # "Mateo" after "Mateo Ríos"
    full = {p.split()[-1] for p in people if " " in p}
    for n in mentions:  # a single word right after a role word ("chief executive Smith")
        if " " not in n.surface and n.surface not in people and n.surface in full:
            if _ROLE_BEFORE.search(text[max(0, n.start - 30) : n.start]):
                people.add(n.surface)
    return people


def _reads_as_org(left: str, right: str) -> bool:
    """The grammar around a mention reads it as an organisation's name."""
    return bool(_POS_RIGHT.match(right) or _paren_points(right) or _pos_left(left) or _has_people(right) or (
        _bullet_lead(left) and _BULLET_DASH.match(right)))  # "- **Koba Cover** 🇿🇦 ...": a roundup item


_ACRONYM = re.compile(r"^\s\((?:or\s|known as\s|aka\s)?[\"“]?([A-Z][A-Za-z0-9&]{1,6})[\"”]?\)")


def _abbreviates(short: str, name: str) -> bool:
    """"SSI" for "Safe Superintelligence", "PW" for "PhysicsWallah": the short form starts like the name,
    takes every word's initial in order, and its letters all appear in the name in order.

    >>> _abbreviates("SSI", "Safe Superintelligence"), _abbreviates("PW", "PhysicsWallah"), _abbreviates("AI", "Acme")
    (True, True, False)
    """
    up = name.upper()
    if short[0] != up[0] or len(name.split()) > len(short):
        return False
    initials = [w[0].upper() for w in name.split()]
    i = j = 0
    for ch in short:
        k = up.find(ch, i)
        if k < 0:
            return False
        i = k + 1
        if j < len(initials) and ch == initials[j]:
            j += 1
    capitals = [c for c in name if c.isupper()]
    return j == len(initials) and (len(initials) > 1 or len(capitals) >= len(short))


def _acronyms(text: str, mentions: list[Name], people: set[str]) -> dict[str, str]:
    """"Safe Superintelligence (SSI)", "PhysicsWallah (PW)": the short form names the same company; so
    does an all-capitals word made of a longer name's capitals ("PW" for "PhysicsWallah")."""
    out: dict[str, str] = {}
    surfaces = {n.surface for n in mentions if n.surface not in people}
    longer = [x for x in sorted(surfaces, key=len, reverse=True) if len(x) > 4]
    for x in surfaces:
        if x.isupper() and 2 <= len(x) <= 5 and x not in out:
            fits = [y for y in longer if y != x and _abbreviates(x, y)]
            if len(fits) == 1:
                out[x] = fits[0]
    for n in mentions:
        if n.surface in people or n.possessive or not text.startswith("(", n.end + 1):
            continue  # (the pattern wants a bracket right after the space after the name: a cheap test first)
        m = _ACRONYM.match(text[n.end : n.end + 16])
        short = m.group(1) if m else ""
        if m and short != n.surface and len(short) < len(n.surface) and short not in places() and (
            short.isupper() or _abbreviates(short, n.surface)
        ):
            out.setdefault(short, n.surface)  # "Safe Superintelligence (SSI)", not "Aubade (Paris)"
    return out


def _aliases(mentions: list[Name], people: set[str], text: str = "") -> dict[str, str]:
    """Surface -> canonical: "Acme" and "Acme AI" are one; a longer name introduced first is the full form;
    an acronym in brackets is the name before it."""
    names = {n.surface for n in mentions}
    by_first: dict[str, list[str]] = {}
    for s in sorted(names, key=len, reverse=True):
        by_first.setdefault(s.split()[0], []).append(s)
    canon: dict[str, str] = {}
    for s in names:
        toks, best = s.split(), s
        for longer in by_first.get(toks[0], []):
            lt = longer.split()
            if len(lt) > len(toks) and lt[: len(toks)] == toks and all(SUFFIX_RE.match(t) for t in lt[len(toks) :]):
                if len(longer) > len(best):
                    best = longer
        canon[s] = best
    first_at: dict[str, int] = {}
    nl = text.find("\n")
    body = nl + 1 if 0 < nl < 200 and not text[:nl].rstrip().endswith((".", "!", "?")) else 0
    for n in mentions:  # a headline's short form ("Chiratae tops up ...") does not come first
        if n.start >= body:
            first_at.setdefault(n.surface, n.start)
    for n in mentions:  # (a name only the headline uses counts as introduced after the body's names)
        first_at.setdefault(n.surface, n.start + len(text))
    for s in names:
        if canon[s] != s or s in people or s in places():
            continue  # (a place is no short form of the company named after it: "Nanjing", "Nanjing Corevale Co.")
        toks = s.split()
        ext = [x for x in by_first.get(toks[0], []) if x != s and x.split()[: len(toks)] == toks
               and x not in people and first_at.get(x, 1 << 30) < first_at.get(s, 0)]  # fmt: skip
        if len(ext) == 1:
            canon[s] = ext[0]
    for short, full in _acronyms(text, mentions, people).items():
        for s2, c in list(canon.items()):
            if s2 == short or c == short:
                canon[s2] = canon.get(full, full)
    return canon


# ---- stage 1c: evidence for kinds ----------------------------------------------------------------


_POS_LAST_WORDS = frozenset(
    "in into valued valuing values of at rival rivals competitor competitors peer challenger".split()
) | frozenset(w + "," for w in ("rival", "competitor", "rivals", "competitors"))
_FOUNDING = ("founded", "started", "launched", "built", "created", "set up")
_FOUNDING_KEY = re.compile(grouped(list(_FOUNDING)))  # (one search for any of them)


def _last_word(left: str) -> str:
    """The last word before a name, lower case (cheap: no regular expression)."""
    stripped = left.rstrip()
    return stripped[stripped.rfind(" ") + 1 :].lower()


def _pos_left(left: str) -> bool:
    """Grammar just before a name that makes it a startup ("invested $5m in", "chief executive of")."""
    if not left.endswith((" ", "\u00a0")):
        return False
    lw = _last_word(left)
    if lw.capitalize() in demonyms() and len(left.rstrip()) > len(lw):
        left = left.rstrip()[: -len(lw)]  # "the fintech Nigerian OPay": the word before the nationality decides
        lw = _last_word(left)
    if " of " in left[-40:]:
        w3 = _last_words(left, 3)
        if len(w3) == 3 and w3[1] == "of" and w3[0] in _COMPANY_NOUNS and w3[2].isalpha():
            return True  # a translated descriptor: "the startup of logistics Envíalo"
    if not (lw in _POS_LAST_WORDS or lw in _COMPANY_NOUNS or lw.endswith(("tech", "-based", "-headquartered", "'s", "’s"))
            or _FOUNDING_KEY.search(left)):  # fmt: skip
        return False  # cheap rejection: the last word decides every test but the "founded ..." one
    w = _last_words(left, 7)
    if not w:
        return False
    last = w[-1]
    if last.endswith(("'s", "’s")) and left.rstrip()[-len(last) :][:1].isupper():
        place = left.rstrip()[-len(last) : -2]
        if place in places():
            return True  # "Nigeria's Moniepoint", "Nairobi's BodaCharge"
    if last in ("in", "into") and any(x in _INVEST_WORDS for x in w[:-1]):
        return True
    if last.rstrip(",") in ("rival", "rivals", "competitor", "competitors", "peer", "challenger") and any(
        x in ("its", "a", "the", "their", "his", "her", "closest", "nearest", "biggest", "main", "local", "after", "than", "like", "and",
              "while", "as", "with") or x.endswith(("'s", "’s"))
        for x in w[-4:-1]
    ):
        return True  # "its rival X", "Acme's closest competitor, X", "months after rival X closed ..."
    if last in ("valued", "valuing", "values") or last in _COMPANY_NOUNS or last.endswith(("tech", "-based", "-headquartered")):
        return True  # "fintech X", "Pune-based X"
    for i in range(max(0, len(w) - 6), len(w)):
        if w[i] in _FOUND_WORDS or (w[i] == "up" and i and w[i - 1] == "set"):
            if not any(x in _NOT_NP or x.endswith(",") for x in w[i + 1 :]):
                return True
    if last in ("of", "at") and len(w) >= 2 and (w[-2] in _ROLE_OF or w[-2].rstrip("s") in _ROLE_OF or w[-2] == "day"):
        return True
    return False


_PAREN_DESC = re.compile(r"^\s*\(([^()]{2,80})\)")
_SECTOR_WORD = re.compile(
    r"\b(?:\w*tech|fintech|payments?|freight|logistics|delivery|mobility|e-?commerce|crypto|stablecoins?|lending|banking"
    r"|neobank|insurance|saas|software|ai|health|edtech|agritech|agriculture|retail|marketplace|gaming|energy|solar|ev"
    r"|quick commerce|q-?commerce|social commerce|d2c|b2b|grocery|robotics|biotech|climate|proptech|real estate|hr|payroll"
    r"|cybersecurity|security|data|cloud|startup|start-up|unicorn|series [a-f]|seed)\b",
    re.I,
)
_LISTING = re.compile(r"\b(?:nasdaq|nyse|lse|bse|nse|tsx|asx|hkex|sgx|otc)\s*:", re.I)


def _paren_points(right: str) -> int:
    """"Yellow Card (pan-African, stablecoin payments)": a parenthesis of sector or place names a startup."""
    m = _PAREN_DESC.match(right) if "(" in right else None  # (the pattern wants a parenthesis)
    if m is None or _LISTING.search(m.group(1)):
        return 0
    inner = m.group(1)
    return 1 if _SECTOR_WORD.search(inner) or any(w.strip() in places() for w in inner.split(",")) else 0


_BULLET_LEAD = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·▪►]|\d{1,2}[.)])[ \t]+[*_]*$")
_BULLET_FIRST = frozenset(" \t-*•·▪►")  # what _BULLET_LEAD's line opens with, but a digit


def _bullet_lead(left: str) -> bool:
    """``_BULLET_LEAD.search(left)``, ruled out first where it cannot hold (a cheap test; most names have no line break
    in the text before them): a match opens at a line break, or at the start of ``left`` with a space, a tab, a bullet
    or a digit (\\d: str.isdecimal)."""
    if "\n" not in left and not (left[:1] in _BULLET_FIRST or left[:1].isdecimal()):
        return False
    # a match runs from its line's start to the end (none of its characters is a line break, and "$" may stand
    # before a final one): it can open only at the last line break before the last character, else at the start
    k = left.rfind("\n", 0, len(left) - 1)
    return _BULLET_LEAD.match(left, max(k, 0)) is not None


_BULLET_DASH = re.compile(r"^[*_]*(?:[^\w\n]{0,12}?\s*[—–:|-]\s|(?:\s*[\U0001F1E6-\U0001F1FF]{2})+\s+(?=[A-Z])|\s(?=(?:The|A|An|This|Its)\s))")
# (a bullet's label, then the item's description: "- **Kopano** The rent-to-own app ..." (a flag between them is
# taken out before reading: extract.flags))


def _startup_points(text: str, n: Name, key: str, right: str, right_low: str) -> tuple[int, int]:
    """(for, against) points that this mention names a startup the story is about (``right``: the 90 characters
    after it, and their lower case)."""
    fixed = _furniture_points(text, n, key)
    if fixed is not None:
        return fixed
    left = text[max(0, n.start - 60) : n.start]
    left40 = left[-40:]
    pro = _grammar_points(left, right, right_low)
    if n.end == len(text) or text[n.end] in "\n*_:" or text.startswith(("**", "\n"), n.end):
        pro += 1 if _heading_name(text, n) else 0
    elif _bullet_lead(left) and _BULLET_DASH.match(right):  # (the cheaper test first)
        pro += 1  # "- **LemFi** 🇳🇬 — The remittance app ...": a roundup item led by its company
    pro += 1 if right.startswith(("'s", "’s")) and _has_people(right) else 0
    if left.endswith(", ") and right.startswith(",") and _RIVAL_COMMA.search(left):
        pro += 1  # "Moniepoint's closest competitor in merchant payments, OPay, raised ..."
    elif left.endswith(", ") and right.startswith((",", " and ")) and _DESC_COMMA.search(left if n.start > 60 else "\n" + left) and not _DESC_COMMA_NOT.search(left):
            pro += 1  # "Nigeria-based media company, Big Cabal Media, closed ...": a descriptor set off by commas
    # (each test below behind a cheap substring test: this runs for every mention)
    rival = (("rival" in left40 or "competitor" in left40 or "fellow" in left40) and _RIVAL_LEFT.search(left40) is not None) or (
        right.startswith(", ") and _RIVAL_RIGHT.match(right) is not None)  # "quits to join rival X": a competitor
    line_start = "\n" in left or n.start <= 60
    if line_start and (_LIST_ITEM_LEFT.search(left) or ((_DEAL_LABEL.match(right) or _BASED_DESC.match(right)) and LABEL_PREFIX.search(left))):
        pro += 1  # "3. Acme, the winner (for now)": a numbered section of a listicle, led by its company
    if rival or (right.startswith((" is ", " was ", " remains ", " became ", " has become ")) and _IS_A_STARTUP.match(right)) or (
            ("started" in right or "began" in right or "launched" in right or "founded" in right) and _ORIGIN_RIGHT.match(right)) or (
            "founder" in right[:16] and _FOUNDER_RIGHT.match(right)):
        pro += 1  # "Acme is the one startup in this group that ...", "rival Acme", "Acme co-founder Jane Roe"
    if right.startswith(", ") and _COMMA_VERB.match(right) and _COMMA_SUBJECT.search(left) and not _COMMA_SUBJECT_NOT.search(left):
        pro += 1  # "SaaS platform for online stores Dukaan, laid off 60": a comma the writer put between subject and verb
    if left.endswith(", ") and right.startswith(",") and _RAISED_RIGHT.match(right, 1):
        pro += 1  # "One of them, Acme, picked up $75 million": a name set off by commas, then its raise
    pro += _cuts_own_staff(text, n, left, right)
    con = (1 if _NEG_RIGHT.match(right, right_low) else 0) + (
        1 if not rival and _neg_left(left40) else 0)
    tail = left40[-24:]
    if ("join" in tail or " by " in tail or tail.endswith((" to ", " for "))) and _DEST_LEFT.search(left40):
        con += 1  # where departing people go: an acquirer, incumbent or rival
    if left.endswith("(") and right.startswith(")"):
        con += 1  # "(Reuters)": a dateline's news agency
    con += _source_points(left, right)
    if right.startswith(":") and " " not in key and key.lower() in common_words():
        con += 2  # "Startup Layoffs: Khetsetu, a Pune platform, ...": a label of ordinary words before the story
    if right[:1] == " " and right.startswith((" startups", " start-ups", " companies", " firms", " fintechs", " unicorns")):
        con += 2  # "Homegrown startups pulled in $210 million": a word describing many companies
    con += _next_name_points(left, right)
    if outlet_name(key):
        con += 2  # "the East Africa Fintech Letter", "Gulf Business Daily": a publication's name
    con += _newsroom_points(left, right)
    if _KIND_RIGHT.match(right) and _ARTICLE_LEFT.search(left[-5:]):
        con += 4 if key.isupper() and len(key) <= 4 else 2  # "the Berlin company": a place or kind, not a name ("The DIY
        # marketplace": an acronym that describes)
    if tail.endswith("with ") and _TALKS_LEFT.search(left40):
        con += 1 + (1 if _ABOUT_SALE.match(right) else 0)  # a party to talks: buyer or investor
    if not n.possessive and left.endswith((" in ", " across ", " near ", " outside ", " throughout ", " from ")) and _PLACE_LEFT.search(left[-30:]) and not _INVEST_IN_LEFT.search(left):
        con += 1
    pro += 1 if key.endswith((" AI", " Labs", " Lab", " IA")) else 0  # (" IA": the French and Spanish "AI")
    if left40.endswith(" from ") and _PEOPLE_FROM.search(left40):
        pro, con = pro + 1, max(0, con - 1)  # "the drain of senior people from Acme": its own people leaving
    return pro, con


_PEOPLE_FROM = re.compile(r"\b(?:people|staff|employees|executives|engineers|talent|leaders|researchers|managers)\s+from\s+$")


_COMPARED_WITH = re.compile(r" (?:rival|competitor|challenger) [A-Z]")


def _grammar_points(left: str, right: str, right_low: str) -> int:
    """Points for a startup from the grammar just around a mention ("invested $5m in X", "X, the Lagos lender")."""
    pro = (1 if _POS_RIGHT.match(right, right_low) else 0) + (1 if _pos_left(left) else 0) + _paren_points(right)
    if pro and _COMPARED_WITH.match(right):
        return 0  # "funding in Indian Twitter rival Koo": the company the startup is compared with
    return pro


def _furniture_points(text: str, n: Name, key: str) -> tuple[int, int] | None:
    """Points for a mention that page furniture or grammar settles alone, else None."""
    if _credit_line(text, n):
        return 0, 0  # "Photo by: Unsplash", "(Photo: Acme)": a picture's credit says nothing of who the story is about
    if key.isupper() and _DATELINE_LINE.fullmatch(text, text.rfind("\n", 0, n.start) + 1, _line_end(text, n.end)):
        return 0, 1  # "NEW YORK" alone on its line: a wire story's dateline
    if text.endswith(("its ", "Its ", "their ", "Their "), max(0, n.start - 6), n.start):
        return 0, 1  # "Its LinkedIn profile says ...": something a company has, not a company of the story
    return None


def _cuts_own_staff(text: str, n: Name, left: str, right: str) -> int:
    """1 for a company that lets staff go as the subject of its clause, past a bracket or a relative clause:
    "Helpchat (a chat app) let go of over 150 employees", "BlockFi, which offers loans, slashed its headcount"."""
    if (right.startswith((" (", ", which", ", a ", ", an ", ", the ", " let", " laid", " lays", " slash", " cut", " fired", " sacked",
                          " has", " had", " also", " recently")) and _CUT_SUBJECT_LEFT.search(left)
            and _CUT_RIGHT.match(text, n.end, n.end + 170)):
        return 1
    return 0


def _source_points(left: str, right: str) -> int:
    """Points against a startup for the source of a figure: "Per TechCrunch, the startup has ...", "according to a
    report by market intelligence platform Tracxn"."""
    if left.endswith(_SOURCE_LEFT) and right.startswith(",") and _SOURCE_WORD.search(left):
        return 2
    if ("report" in left or "data" in left or "analysis" in left or "stud" in left or "survey" in left) and _REPORT_BY.search(left):
        return 2
    return 0


def _other_points(text: str, n: Name, e: Entity, right: str, low: str) -> None:
    """Evidence for investor, incumbent and product."""
    left = text[max(0, n.start - 60) : n.start]
    left = left[left.rfind("\n") + 1 :]  # (not the headline's last words: "Acme trims its team\n\nAcme, a ...")
    ll = left.lower()
    rev = ll[::-1] if left.isascii() else None  # (ASCII: the patterns read backwards, one anchored match each)
    if _INVESTOR_RIGHT.match(right, low) or (_INVESTOR_LEFT_REVERSED.match(rev, 0, 45) if rev is not None else (
            _INVESTOR_KEY.search(ll) and _INVESTOR_LEFT.search(left[-45:]))) or (
            ll.endswith(_INVESTOR_KIND_ENDS) and _INVESTOR_KIND_LEFT.search(ll[-50:])):
        e.add("investor")  # (also "... from US-based investment firm Davidson Kempner": described as an investor)
    if _INCUMBENT_RIGHT.match(right, low) or (_INCUMBENT_LEFT_REVERSED.match(rev, 0, 40) if rev is not None else (
            _INCUMBENT_KEY.search(ll) and _INCUMBENT_LEFT.search(left[-40:]))):
        e.add("incumbent")
    if right[:1] == " " and ("quarter" in low[:50] or "full-year" in low[:50]) and _LISTED_RIGHT.match(right, low):
        e.add("incumbent", 2)
    tail = left[-30:]  # (the product pattern is case-sensitive: its words are in the very text it matches)
    pm = _PRODUCT_RIGHT.match(right, low)
    if pm is not None and low.startswith((" app", " apps"), 0) and not _MADE_BY_LEFT.search(tail):
        pm = None  # "Koo app lets users post ...": a startup called by its app (not "Bigco's Koo app")
    if pm is not None or (not n.possessive and _PRODUCT_KEY.search(tail) and _PRODUCT_LEFT.search(tail)):
        # (not "the first version of Acme's warehouse robot": the product is the robot)
        e.add("product")


#: an investor described right before its name: "investment firm X", "New York hedge fund X", "private equity group X"
_INVESTOR_KIND_NOUNS = ("firm", "fund", "house", "group", "company", "manager", "major", "giant")
_INVESTOR_KIND_LEFT = re.compile(
    r"\b(?:investment|venture(?: capital)?|vc|private[ \-]equity|asset[ \-]management|hedge[ \-]fund|buyout|growth[ \-]equity)"
    rf" (?:{'|'.join(_INVESTOR_KIND_NOUNS)}) $"
)
_INVESTOR_KIND_ENDS = tuple(f" {w} " for w in _INVESTOR_KIND_NOUNS)  # (the cheap test before the pattern)
#: words one of which the investor, incumbent and product patterns before a name need (a cheap pre-test)
_INVESTOR_KEYS = ("by", "from", "participation", "including", "such as", "like", "alongside", "and investors", "leadership of",
                  "lender", "creditor", "investor", "backer", "shareholder", "financier")
_INCUMBENT_KEYS = ("giant", "conglomerate", "major", "big tech", "incumbent", "by", "to", "with", "of", "parent", "rejoined")
_MADE_BY_LEFT = re.compile(r"(?:['’]s|\b(?:its|their|the))\s(?:[\w\-]+\s)?$")
_PRODUCT_KEYS = ("its", "their", "popular", "'s", "’s", "launched", "released", "unveiled", "of", "behind")
#: one search each for any of those words (the same answer as ``any(k in ll for k in keys)``, faster)
_INVESTOR_KEY, _INCUMBENT_KEY, _PRODUCT_KEY = (re.compile(grouped(list(k))) for k in (_INVESTOR_KEYS, _INCUMBENT_KEYS, _PRODUCT_KEYS))


def _descriptors(text: str, n: Name, e: Entity, right: str) -> None:
    """Words the article describes the entity with: "X, a Lagos-based payments start-up", "fintech X"."""
    if "(" in right[:3]:
        p = _PAREN_DESC.match(right)
        if p is not None and _paren_points(right):
            e.descriptors.update(w.strip().lower() for w in _RX6.split(p.group(1)) if w.strip())
    m = _DESC_RIGHT.match(right) if right.startswith((", a ", ", an ", ", the ", ", another ", ", fellow ", ", still ", ", now ", ", once ", ", long ", ", already ", ", arguably ")) else None
    if m is not None and text.endswith(_SOURCE_LEFT, max(0, n.start - 14), n.start) and _SOURCE_WORD.search(text, max(0, n.start - 14), n.start):
        m = None  # "Per TechCrunch, the startup has ...": the source of what follows, not described by it
    if m is None:
        left = text[max(0, n.start - 50) : n.start]
        lw = _last_word(left)
        m = _DESC_LEFT.search(left) if (lw in _DESC_NOUN_SET or lw.endswith("tech")) else None
        owner = left[: m.start()].rstrip() if m is not None else ""
        if m is not None and _RX3.search(owner) is None and owner.endswith(("'s", "’s")) and _last_word(owner[:-2]).title() not in places():
            m = None  # "Acme's rival X" describes X by Acme, fine, but "Bigco's fintech X" is Bigco's unit ("Singapore's
            # cold-chain logistics firm X" is a place's)
    if m is None and right.startswith((". The ", ": The ", ".\nThe ", "\nThe ", " - The ", " – The ", " — The ")) and LABEL_PREFIX.search(
            text, max(0, n.start - 40), n.start):
        m = _LABEL_DESC.match(right)  # a paragraph labelled with the name: "**Andina Cash.** The Santiago-based payments app"
        if m is not None:
            e.add("startup", 1)
    if m is not None:
        words = [w.lower().strip(",.") for w in m.group(1).split()]
        e.descriptors.update(w for w in words if w and w not in _DESC_SKIP)


#: a roundup item's label: "2. **Gridvolt, $85M, energy software:** ...", "Acme ($12M, Series A): ..."
_DEAL_LABEL = re.compile(r"^(?:\*\*|__)?(?:,\s|\s\(|\s[-–—]\s)(?:US)?[$€£₹]\s?\d")
#: a name leading its line, then a description with no article: "**Rehla**, Saudi-based travel booking app, raised ..."
_BASED_DESC = re.compile(r"^,\s[A-Z][\w\-]*-based\s\w")
#: what may stand before a name that labels its paragraph: markup, a list number, a date ("**April 15: Acme.** The ...")
LABEL_PREFIX = re.compile(
    r"(?:^|\n)[^\w\n]*(?:(?:\d{1,2}[.)](?:[^\w\n]*&\s*\d{1,2}[.)])?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]\d{1,2}(?:,[ \t]\d{4})?:)[^\w\n]*)?$"
)
_LABEL_DESC = re.compile(rf"^(?:[.:]|\s[-–—]|(?=\n))\s+The\s((?:[\w\-’'$.&]++\s){{0,6}}?(?:{_DESC_NOUNS}))\b")


#: a verb of the metrics right after a comma ("Dukaan, laid off nearly 30 per cent"), and what may stand before
#: such a subject: the sentence's start and a description with no comma and no preposition that would make the
#: name an object ("... through M-Pesa, was burning", "set up by Jane Roe and John Doe, has raised")
_COMMA_VERB = re.compile(r",\s(?:has\s|had\s|also\s)?(?:laid off|lays off|raised|raises|secured|secures|cut|cuts|fired|sacked|shut down|closed|bagged|landed)\b")
_COMMA_SUBJECT = re.compile(r"(?:^|[.!?]\s|\n)(?:[A-Z][\w\-]*\s)?(?:[\w\-]++\s){0,7}$")
_COMMA_SUBJECT_NOT = re.compile(r"\b(?:by|through|via|with|from|and|to|of|at|in|on)\s$")

#: the last word of a publication's name
_OUTLET_NAME = re.compile(
    r"(?:^|\s)(?:Letter|Newsletter|Weekly|Daily|Digest|Journal|Times|Gazette|Tribune|Herald|Chronicle|Insider|Dispatch|Bulletin"
    r"|Press|Post|Newswire|Wire)$"  # ("Associated Press", "Jakarta Post")
    r"|(?:^|\s)(?:Week|Weekly|Daily)(?:\s|$)"  # "Fintech Week Africa", "Daily Brief"
)
_OUTLET_ENDS = tuple(w + nl for w in ("etter", "Weekly", "Daily", "Digest", "Journal", "Times", "Gazette", "Tribune", "Herald",
                                       "Chronicle", "Insider", "Dispatch", "Bulletin", "Press", "Post", "Newswire", "Wire") for nl in ("", "\n"))


def outlet_name(key: str) -> bool:
    """``_OUTLET_NAME.search(key)``, ruled out first by the words it wants: a last word ("$" also matches before a
    final line break; "etter" for "Letter" and "Newsletter"), or "Week" or "Daily" anywhere (a cheap test)."""
    return (key.endswith(_OUTLET_ENDS) or "Week" in key or "Daily" in key) and _OUTLET_NAME.search(key) is not None


#: a picture's credit or caption source on its own line ("Photo by: Unsplash", "Image Source: Pexels", "Deepika
#: Padukone | Credit: Wikimedia Commons", "Jakarta. Photo: Bayu Syaits/unsplash", "Pascal Rossignol/File Photo/Reuters")
_CREDIT_LABEL = re.compile(
    r"(?:^|[\s|.(\[])(?:Photo(?:graph)?s?|Images?|Picture|Illustration|Credits?|Courtesy)"
    r"(?:\s(?:[Cc]redits?|[Ss]ource|[Bb]y|[Cc]ourtesy(?:\sof)?))?\s*(?::|\sby\b)", re.I)
_CREDIT_AGENCY = re.compile(r"(?:Getty\sImages|Shutterstock|Unsplash|Pexels|Pixabay|Bigstockphoto|iStock(?:photo)?|Alamy|File\sPhoto)\W*$", re.I)
_CREDIT_CUE = ("hoto", "mage", "redit", "ourtesy", "icture", "llustration", "etty", "nsplash", "exels", "ixabay", "tock", "lamy")


def _credit_line(text: str, n: Name) -> bool:
    """``n`` stands in a short line that credits a picture: after its label, or before a stock agency's name."""
    a, b = text.rfind("\n", 0, n.start) + 1, _line_end(text, n.end)
    if b - a > 140 or not any(c in text[a:b] for c in _CREDIT_CUE):
        return False
    line = text[a:b]
    label = _CREDIT_LABEL.search(line)
    return (label is not None and label.start() <= n.start - a) or _CREDIT_AGENCY.search(line) is not None


def _newsroom_points(left: str, right: str) -> int:
    """Points against a startup for the outlet writing the story: "By the Ledgerline desk" (decisive), "By Ada Obi,
    Ledgerline", "Ledgerline has asked the company for comment"."""
    if right.startswith(_DESK_RIGHT) and _DESK_LEFT.search(left[-12:]):
        return 4
    return 2 if (("by" in left or "By" in left) and _BYLINE_LEFT.search(left)) or _NEWSROOM_RIGHT.match(right) else 0


#: the outlet that writes the story: in its byline, or doing what newsrooms do
_BYLINE_LEFT = re.compile(r"(?:^|\n)[ \t*_]*[Bb]y[ \t]+[A-Z][\w.’'\-]+(?:[ \t][A-Z][\w.’'\-]+){0,3}(?:[ \t]and[ \t][A-Z][\w.’'\-]+(?:[ \t][A-Z][\w.’'\-]+){0,3})?(?:,[ \t]|[ \t](?:for|of|at|[|·—–-])[ \t])$")
_DESK_LEFT = re.compile(r"(?:^|\n)[ \t*_]*(?:[Bb]y|BY|[Ff]rom)[ \t]+(?:the[ \t]+)?$")
_DESK_RIGHT = tuple(" " + w for w in ("desk", "team", "staff", "newsroom", "editors", "editorial", "reporters", "research team"))
_NEWSROOM_RIGHT = re.compile(
    r"\s(?:has|had|have)\s(?:asked|contacted|approached|reached out to|emailed)\s(?:the\s(?:company|start-?up|firm)|[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)?|it)\sfor\s(?:a\s)?comment"
    r"|\s(?:could\snot|couldn['’]t|was\sunable\sto|has\snot\sbeen\sable\sto|did\snot|cannot)\s(?:independently\s)?(?:verify|confirm|reach|corroborate)\b"
    r"|\s(?:has\s|had\s)?(?:reached\sout\sto|contacted)\s(?:the\s(?:company|start-?up|firm)|[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,2})\s(?:for|but|on\sthe|about\sthe|regarding|seeking|to\s(?:seek|confirm|verify))\b"
    r"|\s(?:has\sseen|obtained|has\sobtained)\s(?:that|a|an|the|documents?|an?\s+internal)\b"  # ("has learnt", "understands": _NEG_RIGHT)
)

def _next_name_points(left: str, right: str) -> int:
    """Points against a startup for words after the mention that describe the next name: "Legal AI startup Briefly
    laid off 70" (a sector before a kind word and the name: decisive); "sent through Slack, the fintech Puntaje
    communicated" (not in a list of described names: "the coaching provider LernWerk, the real-estate platform X")."""
    if right[:1] == " " and KIND_THEN_NAME.match(right):
        return 4
    if right.startswith((", the ", ", a ", ", an ")) and _DESC_OF_NEXT.match(right) and not _DESC_LEFT.search(left[-40:]):
        return 2
    return 0


#: after a comma, a description that leads into another name: ", the fintech Puntaje"
_DESC_OF_NEXT = re.compile(r",\s(?:the|a|an)\s(?:[\w\-]+\s){0,3}?(?:start-?up|company|firm|fintech|neobank|lender|platform|app|marketplace|unicorn|\w+tech)\s[A-Z][\w\-]+")
#: a company that cuts its own staff, as the subject of its clause (after a bracket or a relative clause set off by commas)
_CUT_RIGHT = re.compile(
    r"(?:\s\([^()\n]{3,80}\))?(?:,\s(?:which|a|an|the)\s[^,.;\n]{3,100},)?\s(?:has\s|had\s|also\s|recently\s){0,2}"
    r"(?:let\sgo\sof|laid\soff|lays\soff|slashed\sits\s(?:headcount|workforce|staff|team)|cut\sits\s(?:headcount|workforce|staff|team)"
    r"|fired|sacked)\s"
)
_CUT_SUBJECT_LEFT = re.compile(r"(?:^|[.!?]\s+|\n|\bwhile\s|\bwhereas\s|,\s|\band\s)$")
#: a wire story's dateline alone on its line ("NEW YORK", "LAGOS (Reuters) -")
_DATELINE_LINE = re.compile(r"[ \t]*[A-Z][A-Z.\-]+(?:[ \t]+[A-Z][A-Z.\-]+){0,3}[ \t]*(?:\((?:AP|Reuters|AFP|Bloomberg|dpa)\))?[ \t]*[—–\-:,]?[ \t]*")


def _line_end(text: str, pos: int) -> int:
    """Where the line holding ``pos`` ends."""
    b = text.find("\n", pos)
    return len(text) if b < 0 else b

def _after_initial_place(text: str, i: int) -> bool:
    """The name at ``i`` follows only a city opening the sentence: "Nanjing Corevale Semiconductor Co., a designer ..."."""
    j = text.rfind(" ", max(0, i - 30), i - 1)
    word = text[j + 1 : i - 1]
    return i > 1 and text[i - 1] == " " and word in places() and _sentence_initial(text, j + 1)


#: a subject's description set off by commas, then its raise: ", a designer of graphics chips, is looking to raise new money"
_DESCRIBED_RAISING = re.compile(
    r"\.?,\s(?:a|an|the)\s[^,;()]{3,90},\s(?:is\s|was\s|has\s|had\s)?(?:looking\s+to\s+raise|seeking\s+to\s+raise|raising|raised|secured|closed|landed)\s"
)
_RAISED_RIGHT = re.compile(
    r"\s(?:has\s|had\s|also\s)?(?:raised|closed|secured|landed|bagged|pulled in|picked up|raises|closes|secures|lands|bags|pulls in|picks up"
    r"|snags|snagged|nabs|nabbed)\s(?:a|an|its|\$|€|£|US\$|USD)"
)


_OPEN_QUOTES = {"'": "'", "‘": "’", '"': '"', "“": "”"}  # (an opening quotation mark, and the mark that closes it)


def _evidence(text: str, mentions: list[Name], canon: dict[str, str], people: set[str]) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    places_, nationals = places(), demonyms()
    gazetteer = {canon.get(n.surface, n.surface) for n in mentions if n.surface in nationals or (n.surface in places_ and " " not in n.surface)
                 or (n.surface.isupper() and len(n.surface) > 4 and n.surface.title() in nationals)}  # ("THE INDIAN start-up scene")
    for n in mentions:
        key = canon.get(n.surface, n.surface)
        if n.surface in people or key in people:
            continue
        e = entities.get(key)
        if e is None:
            e = entities[key] = Entity(key, first=n.start)
            if investor_suffix(key):
                e.add("investor", 1 if key.endswith(" Capital") else 2)  # (lenders are often "X Capital")
        e.aliases.add(n.surface)
        e.count += 1
        if key in gazetteer:
            continue  # a place or nationality whatever is said
        if 0 < n.start and n.end < len(text) and text[n.start - 1] in _OPEN_QUOTES and text[n.end] == _OPEN_QUOTES[text[n.start - 1]]:
            n = Name(n.start - 1, n.end + 1, n.surface, n.possessive)  # "Rocket's 'Global Fashion Group' picked up": read past the quotes
        raised = (_RAISED_RIGHT.match(text, n.end, n.end + 40) is not None or (text.startswith((", ", "., "), n.end) and _DESCRIBED_RAISING.match(text, n.end, n.end + 160) is not None)) \
            and (_sentence_initial(text, n.start) or _after_initial_place(text, n.start))  # (the rarer test first; also "Acme Co., a
        # designer of chips, is looking to raise")
        if e.count > 5:  # enough evidence about this name, unless the story later says outright that it raised
            if raised:
                e.add("startup", 2)  # (a sentence opened by "X raised a ...": a startup, even one that buys others)
            continue
        if raised:
            e.add("startup", 1)
        right = text[n.end : n.end + 90]
        right_low = right.lower()
        pro, con = _startup_points(text, n, key, right, right_low)
        e.add("startup", pro)
        e.add("against", con)
        if ("series" in right or "Series" in right or "seed" in right) and _VENTURE_ROUND_RIGHT.match(right):
            e.add("startup", 2)  # "Pixmo, which raised a $60 million Series B": only a startup raises a Series B,
            e.add("venture")  # even one that buys others
        if "join" in text[max(0, n.start - 30) : n.start] and _JOINED_LEFT.search(text, max(0, n.start - 30), n.start):
            e.add("joined")  # where people went: no evidence against a startup, but not the story's startup by default
        _other_points(text, n, e, right, right_low)
        _descriptors(text, n, e, right)
    _coordination(text, mentions, canon, entities)
    if "start" in text or "unicorn" in text:
        _described_next(text, mentions, canon, entities)
    return entities


#: a definite description of a startup: "the Mumbai-based food delivery start-up", "the unicorn"
_STARTUP_DESCRIPTION = re.compile(
    r"[.!?]\s+(?:(?:In|On|By|Last|Earlier|Later|That|This)\b[^,.;\n]{0,30},\s+)?[Tt]he\s+(?:[\w\-]+\s+){0,4}?(?:start-?up|unicorn|scale-?up)\b"
    r"(?!\s+(?:scene|ecosystem|world|funding|sector|space))"
)  # (opening a sentence, maybe after a time: "In September, the Mumbai-based food delivery start-up had ...")


def _described_next(text: str, mentions: list[Name], canon: dict[str, str], entities: dict[str, Entity]) -> None:
    """"In early November, Owlbite found itself in a crisis. In September, the Mumbai-based food delivery start-up had
    ...": a name the next words call "the ... start-up", with no other name between, is a startup (when nothing
    says it is an investor or a big company)."""
    places_, nationals = places(), demonyms()
    orgs = [n for n in mentions if canon.get(n.surface, n.surface) in entities and n.surface not in places_ and n.surface not in nationals]
    starts = [n.start for n in orgs]  # (people, places and nationalities are passed over)
    for m in _STARTUP_DESCRIPTION.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k < 0 or m.start() - orgs[k].end > 450 or "\n\n" in text[orgs[k].end : m.start()]:
            continue
        n = orgs[k]
        e = entities[canon.get(n.surface, n.surface)]
        if k and orgs[k - 1].start > text.rfind(".", 0, n.start):
            continue  # the name must be the first of its sentence (its subject, most likely)
        if e.count <= 2 and not n.possessive and not (e.evidence.get("against") or e.evidence.get("investor") or e.evidence.get("incumbent")):
            e.add("startup", 1)


#: the gap between two names of a list ("$" could stand before a final line break, but "\s+" takes that too: the
#: same answer as a match of r"^,?\s+(?:and|&|or)\s+$|^,\s+$" on the gap), read in place
_AND_GAP = re.compile(r",?\s+(?:and|&|or)\s+|,\s+")


def _coordination(text: str, mentions: list[Name], canon: dict[str, str], entities: dict[str, Entity]) -> None:
    """"ElevenLabs and Synthesia, the two London companies, both raised": names joined by "and" share
    the startup evidence of the group (when neither is an investor, incumbent or product)."""
    for a, b in zip(mentions, mentions[1:]):
        if a.possessive or not _AND_GAP.fullmatch(text, a.end, b.start):  # (no copy of the text between: most gaps are long)
            continue
        gap = text[a.end : b.start]
        if gap.strip() == "," and not text.startswith((",", " and ", " & ", " or "), b.end):
            continue  # "In a conversation with DealDesk, Solvi co-founder ...": two names side by side, not a list
        ea, eb = entities.get(canon.get(a.surface, a.surface)), entities.get(canon.get(b.surface, b.surface))
        if ea is None or eb is None or any(e.evidence.get(k) for e in (ea, eb) for k in ("investor", "incumbent", "product")):
            continue
        pa, pb = ea.evidence.get("startup", 0), eb.evidence.get("startup", 0)
        if pa and not pb:
            eb.add("startup", 1)
        elif pb and not pa:
            ea.add("startup", 1)


# ---- stage 1d: kinds, headline, index --------------------------------------------------------------


_INSTITUTION = re.compile(
    r"\b(?:Registrar|Ministry|Commission|Authority|Department|Court|Bureau|Agency|Council|Parliament|Government|Senate"
    r"|Congress|Regulator|Treasury|University|Institute|Central Bank|Reserve Bank|Stock Exchange|Police|Tribunal|Directorate)\b"
)


_STARTUP_WORDS = frozenset({"startup", "start-up", "unicorn", "scale-up", "scaleup", "upstart"})


def _decide_kind(e: Entity) -> Kind:
    ev = e.evidence
    pro = ev.get("startup", 0)
    if _INSTITUTION.search(e.key):
        return "org"  # a public body, court or university: never the company a figure is about
    last = e.key.rsplit("-", 1)[-1]
    if e.key in demonyms() or (e.key.endswith("s") and e.key[:-1] in demonyms()) or ("-" in e.key and last in demonyms()):
        return "nationality"  # "Nigerian", "Africans", "US-American"
    if e.key in places() and pro < 3:
        return "place"
    for kind in ("product", "investor", "incumbent"):
        k = ev.get(kind, 0)
        if k and k >= pro:
            return kind  # type: ignore[return-value]
    if pro and (e.descriptors & _STARTUP_WORDS or ev.get("venture")) and ev.get("investor", 0) < pro:
        return "startup"  # the article calls it a start-up ("B2B e-commerce startup Acme"), even as it buys a rival
    against = ev.get("against", 0) + ev.get("investor", 0) + ev.get("incumbent", 0)
    if pro > against or (pro and e.count >= 3 and not ev.get("investor") and not ev.get("incumbent") and pro + e.count // 3 > against and ev.get("against", 0) <= pro):
        return "startup"  # the evidence, or a name the story keeps coming back to (unless more says otherwise:
    return "org"  # "recruited by Bigco", "leaves for Bigco", "told Bigco": where people went, or a source)


def _story_subject(entities: dict[str, Entity], people: set[str], text: str) -> Entity | None:
    """A well-known company the story is plainly about, though nothing calls it a startup ("Uber has raised ...",
    named eight times): an organisation named in the first paragraph (or the first 600 characters), at least four
    times and twice as often as any other company, with no evidence that it is an investor, a product or where people
    went, and no more that it is an incumbent than that it is a startup."""
    orgs = sorted((e for e in entities.values() if e.kind in ("org", "startup", "incumbent") and e.key not in people
                   and not _INSTITUTION.search(e.key)), key=lambda e: -e.count)
    if not orgs or orgs[0].kind == "startup" or orgs[0].count < 4 or (len(orgs) > 1 and orgs[1].count * 2 > orgs[0].count):
        return None
    e = orgs[0]
    ev = e.evidence
    if ev.get("against", 0) > 1 or any(ev.get(k) for k in ("investor", "product", "joined")):
        return None
    if e.kind == "incumbent" and (ev.get("incumbent", 0) > 1 or ev.get("startup", 0) < ev.get("incumbent", 0)):
        return None  # (once called "the Indian edtech giant" and once a startup: the story's company still)
    if any(w in places() or w in demonyms() for w in e.key.split()):
        return None  # ("Paris AI": a place read into a name)
    if sum(text.count(a + ":") + text.count(a + "**:") for a in e.aliases | {e.key}) > 1:
        return None  # ("**FounderStory:** ...": an interviewer's label)
    first_break = text.find("\n\n", 40)
    return e if first_break < 0 or e.first < max(first_break, 600) else None


def _fallback_startup(entities: dict[str, Entity], people: set[str]) -> str | None:
    """Nothing says "startup" outright: the organisation with the best evidence that is no investor,
    acquirer, source, place or person ("Investors poured $85m into Corrivo")."""
    cands = [e for e in entities.values() if e.kind == "org" and not e.evidence.get("against") and not e.evidence.get("joined") and e.key not in people
             and not _RX4.search(e.key) and e.key.lower() not in _COMMON_START]  # fmt: skip
    cands.sort(key=lambda e: (-e.evidence.get("startup", 0), -e.count, e.first))
    return cands[0].key if cands else None


_FORMER = re.compile(
    r"\b(?:under the name|formerly known as|formerly called|formerly|previously known as|previously called|once called"
    r"|started (?:out |life )?as|began (?:life )?as|then called|then known as|originally called|originally named)\s+$"
)
_LATER = re.compile(r"\b(?:now called|now known as|renamed(?: itself)?(?: as)?|rebranded(?: itself)?(?: as)?|which became|later renamed)\s+$")


def _former_names(text: str, mentions: list[Name], canon: dict[str, str]) -> None:
    """"Windsurf (formerly Codeium)", "Founded under the name Codeium, Windsurf ...", "Codeium, now called
    Windsurf": an old name is an alias of the company's current one."""
    for i, n in enumerate(mentions):
        left = text[max(0, n.start - 40) : n.start]
        if _FORMER.search(left):
            prev = mentions[i - 1] if i else None
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            fronted = _RX5.match(text[n.end : nxt.start]) is not None if nxt is not None else False
            current = nxt if fronted or prev is None or "." in text[prev.end : n.start] else prev  # "Founded as Y, X ..." / "X (formerly Y)"
            if current is not None and abs(current.start - n.start) < 120 and "\n" not in text[min(current.end, n.end) : max(current.start, n.start)]:
                _alias_to(canon, n.surface, current.surface)
        elif i and _LATER.search(left) and n.start - mentions[i - 1].end < 40:
            _alias_to(canon, mentions[i - 1].surface, n.surface)


def _alias_to(canon: dict[str, str], old: str, new: str) -> None:
    target = canon.get(new, new)
    if target == old or canon.get(old, old) == target:
        return
    for alias, v in list(canon.items()):
        if v == canon.get(old, old):
            canon[alias] = target
    canon[old] = target


def _merge_fuller(entities: dict[str, Entity], canon: dict[str, str], startups: list[str]) -> list[str]:
    """"Acme" and "Acme Robotics" both startups: one company, the fuller name."""
    for c in list(startups):
        fuller = [d for d in startups if d != c and d.split()[: len(c.split())] == c.split()]
        if len(fuller) == 1:
            for alias, v in list(canon.items()):
                if v == c:
                    canon[alias] = fuller[0]
            entities[fuller[0]].aliases |= entities[c].aliases
            entities[fuller[0]].descriptors |= entities[c].descriptors
            entities[fuller[0]].count += entities[c].count
            entities[c].kind = "org"
            startups.remove(c)
    return startups


_HEADING_KIND = re.compile(r"(?:Start-?[Uu]p|Unicorn|Fintech|FinTech|Neobank|Scale-?[Uu]p)s?\s+$")
_HEADING_KIND_WORDS = ("start", "unicorn", "fintech", "neobank", "scale")  # (a cheap test before the patterns)
_HEADING_KIND_AFTER = re.compile(r"\b(?:Start-?[Uu]p|Unicorn|Fintech|FinTech|Neobank|Scale-?[Uu]p)\b")


def _heading_kind_words(text: str, spans: list[tuple[int, int]], canon: dict[str, str], entities: dict[str, Entity],
                        people: set[str]) -> None:
    """A Title Case heading that calls a name known from the body a startup ("Unicorn Status for Online Grocery
    Startup Kwikr"): its capitals say nothing about names, but its kind word still describes the one after it."""
    for a, b in spans:
        line = text[a:b]
        low = line.lower()
        if not any(w in low for w in _HEADING_KIND_WORDS):
            continue
        for surface, key in canon.items():
            i = line.find(surface)
            if i < 0 or surface in people or key not in entities:
                continue
            end = i + len(surface)
            if (i > 0 and _HEADING_KIND.search(line, 0, i) and (end == len(line) or not line[end].isalnum())) or (
                    i == 0 and line.startswith(":", end) and _HEADING_KIND_AFTER.search(line, end)):
                entities[key].add("startup", 1)  # (also "Clara: Another Newborn Unicorn")


def _headline_mentions(text: str, spans: list[tuple[int, int]], aliases: dict[str, str]) -> list[Name]:
    """Names known from the body found again in a Title Case headline."""
    out: list[Name] = []
    for a, b in spans:
        line = text[a:b]
        for surface in sorted(aliases, key=len, reverse=True):
            i = line.find(surface)
            while i != -1:
                s, e = a + i, a + i + len(surface)
                ok = (i == 0 or not line[i - 1].isalnum()) and (e >= b or not text[e].isalnum() or text[e : e + 2] in ("'s", "’s"))
                if ok and not any(x.start <= s < x.end for x in out):
                    out.append(Name(s, e, surface, text[e : e + 2] in ("'s", "’s")))
                i = line.find(surface, i + 1)
    return out


def _typed(mentions: list[Name], canon: dict[str, str], entities: dict[str, Entity], people: set[str]) -> list[Name]:
    """The mentions in order, each given its key and kind (in place: each is built for this article alone)."""
    out = sorted(mentions, key=lambda x: x.start)
    for n in out:
        key = canon.get(n.surface, n.surface)
        if n.surface in people or key in people:
            n.key, n.kind = n.surface, "person"
            continue
        e = entities.get(key)
        n.key, n.kind = key, e.kind if e else "org"
    return out


# markdown marks; every branch opens with its own literal character, which lets the engine skip ahead (the same
# matches as r"\*+|`+|_+|^#+\s?|\]\([^)\s]{0,300}\)|\[(?=[^\]\n]{1,200}\]\()" with re.M: "#" opens a line)
_MARKUP_RE = re.compile(r"\*\**|``*|__*|#(?<![^\n]#)#*\s?|\]\([^)\s]{0,300}\)|\[(?=[^\]\n]{1,200}\]\()")


def _demarkup(text: str) -> tuple[str, list[tuple[int, int]] | None]:
    """Markdown emphasis, headings and link targets removed ("**Tallyho**, a Dublin start-up" reads as
    "Tallyho, a Dublin start-up"), with the cuts that map an offset of the clean text back: (clean offset,
    original offset) where each kept stretch starts."""
    if not any(c in text for c in "*`#_["):
        return text, None
    cuts: list[tuple[int, int]] = []
    out: list[str] = []
    pos = clean = 0
    for m in _MARKUP_RE.finditer(text):
        if m.start() > pos or not cuts:
            cuts.append((clean, pos))
            out.append(text[pos : m.start()])
            clean += m.start() - pos
        pos = m.end()
    if not cuts:
        return text, None
    cuts.append((clean, pos))
    out.append(text[pos:])
    return "".join(out), cuts


def _mapped(idx: NameIndex, cuts: list[tuple[int, int]]) -> NameIndex:
    starts = [c for c, _ in cuts]

    def back(i: int) -> int:
        c, o = cuts[bisect_right(starts, i) - 1]
        return o + (i - c)

    idx.mentions = [Name(back(n.start), back(n.end - 1) + 1, n.surface, n.possessive, n.key, n.kind) for n in idx.mentions]
    for e in idx.entities.values():
        e.first = back(e.first)
    idx._starts = [n.start for n in idx.mentions]
    return idx


def find_names(doc: Document) -> NameIndex:
    """Every name of the article, typed, with its entities and the startups ordered by salience."""
    text, back = _demarkup(doc.text)
    idx = _find_names_in(text, _slug_words(doc.title))
    return _mapped(idx, back) if back is not None else idx


def _slug_words(title: str | None) -> str | None:
    """A URL slug for a title ("google-deepmind-poaches-windsurf-founders"), as "-words-" to search in."""
    if not title or " " in title.strip() or title.count("-") < 2:
        return None
    return "-" + title.strip().lower() + "-"


_ROLE_OF_KEY = re.compile(r"(?:CEO|[Ff]ounder|Chief Executive|Managing Director) [Oo]f ")  # (a cheap test first)
_ROLE_OF_LEFT = re.compile(r"\b(?:CEO|Founder|Co-[Ff]ounder|Cofounder|Chief Executive|Managing Director) [Oo]f $")


def _find_names_in(text: str, slug: str | None = None) -> NameIndex:
    headlines = _title_case_lines(text)
    raw = _raw_mentions(text, headlines)
    if headlines and text.count(". ") + text.count(".\n") <= 4:  # a headline-only or truncated item: names the body does not repeat
        known = {n.surface for n in raw}
        extra = [n for n in _headline_names(text, headlines) if n.surface not in known and len(n.surface) > 2]
        raw = sorted(raw + extra, key=lambda n: n.start)
    if headlines and any(_ROLE_OF_KEY.search(text, a, b) for a, b in headlines):  # "Camila Duarte, CEO of Tessera (Part 4)"
        known = {n.surface for n in raw}
        led = [n for n in _headline_names(text, headlines) if n.surface not in known and _ROLE_OF_LEFT.search(text, max(0, n.start - 24), n.start)]
        raw = sorted(raw + led, key=lambda n: n.start) if led else raw
    mentions = _drop_common_acronyms(text, _keep_initial(text, raw))
    people = _find_people(text, mentions)
    canon = _aliases(mentions, people, text)
    if "formerly" in text or "name" in text or "life as" in text or "rebrand" in text or "called" in text:  # ("renamed" has "name")
        _former_names(text, mentions, canon)
    entities = _evidence(text, mentions, canon, people)
    if headlines:
        _heading_kind_words(text, headlines, canon, entities, people)
    if slug is not None:  # the page's slug names the company its story is about
        for e in entities.values():
            if "-" + e.key.lower().replace(" ", "-").replace(".", "") + "-" in slug:
                e.add("startup", 1)
    for e in entities.values():
        e.kind = _decide_kind(e)
    startups = [k for k, e in entities.items() if e.kind == "startup"]
    subject = _story_subject(entities, people, text)
    if subject is not None:
        subject.kind = "startup"
        startups.append(subject.key)
    if not startups:
        best = _fallback_startup(entities, people)
        if best is not None:
            entities[best].kind = "startup"
            startups = [best]
    startups.sort(key=lambda k: (-(entities[k].evidence.get("startup", 0) + entities[k].count), entities[k].first))
    startups = _merge_fuller(entities, canon, startups)
    mentions = mentions + _headline_mentions(text, headlines, {a: k for a, k in canon.items() if a not in people})
    idx = NameIndex(_typed(mentions, canon, entities, people), entities, startups, people, canon)
    idx._starts = [n.start for n in idx.mentions]
    return idx
