"""Classify the figures of an article into the eight metrics and attribute them to companies.

The rules are grammar, not knowledge: a money amount becomes ``funding_raised`` because a funding verb
or noun governs it ("raised", "a $102 million Series B", "injection of ... equity"), ``valuation``
because of "valued at" / "valuation of", ``valuation_target`` when the valuation sits in an attempt
("in talks", "tried to raise", "sought"), ``revenue`` after "revenue"/"sales", ``burn_rate`` when
spending words come with a period ("a month", "for the year"). Counts of people become layoffs,
departures or headcount from the verb that governs them. Everything else is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date

from extract._regex import Folded
from extract.companies import INVESTOR_SUFFIX, ROLE_WORDS, SUFFIX_RE, Names
from extract.dates import find_dates
from extract.numbers import PERSON_NOUNS, Amount, find_counts, find_money, hedge_before
from extract.sentences import CLAUSE_BREAK, split_sentences
from models.records import Event, Metric, Period

__all__ = ["extract_figures", "CANDIDATE_RE"]

def _gate(branches: str, head: str = r"\b", extra: str = "") -> re.Pattern[str]:
    r"""A fast regex for "does any of these branches occur": ``head(?:b1|b2|...)``, or ``extra``.

    Python's regex engine skips a branch cheaply only when it starts with a literal character, so
    ``[Ee]mploy`` is written as ``Employ|employ`` and branches are grouped by their first letter. Only
    for yes/no tests: which branch matches first may differ from the plain alternation.

    >>> _gate(r"[Ee]mploy|[Ee]xit|staff").pattern
    '\\b(?:E(?:mploy|xit)|e(?:mploy|xit)|s(?:taff))'
    """
    groups: dict[str, list[str]] = {}
    for c, rest in _heads(branches):
        groups.setdefault(c, []).append(rest)
    alts = "|".join(f"{re.escape(c)}(?:{'|'.join(rests)})" for c, rests in groups.items())
    return re.compile(f"{head}(?:{alts})" + (f"|{extra}" if extra else ""))


def _heads(branches: str) -> list[tuple[str, str]]:
    """The top-level branches of ``b1|b2|...`` as (first letter, rest), ``[Ee]x`` giving two."""
    out: list[tuple[str, str]] = []
    for br in re.findall(r"(?:[^|()]|\((?:[^()]|\([^()]*\))*\))+", branches):
        m = re.match(r"\[([A-Z])([a-z])\](.*)$", br)
        out.extend([(m.group(1), m.group(3)), (m.group(2), m.group(3))] if m else [(br[0], br[1:])])
    return out


def _cue_scanner(kinds: list[tuple[str, str]]) -> re.Pattern[str]:
    """One regex for several kinds of cue words, grouped by first letter; ``m.lastgroup[0]`` is the kind.

    Earlier kinds are tried first where two could match at the same place.

    >>> rx = _cue_scanner([("b", "[Hh]ires"), ("c", "[Ss]taff|[Hh]eads"), ("l", "[Hh]ire|quit")])
    >>> [(m.group(0), m.lastgroup[0]) for m in rx.finditer("Staff quit; it hires and hired heads.")]
    [('Staff', 'c'), ('quit', 'l'), ('hires', 'b'), ('hire', 'l'), ('heads', 'c')]
    """
    groups: dict[str, dict[str, list[str]]] = {}
    for kind, branches in kinds:
        for c, rest in _heads(branches):
            groups.setdefault(c, {}).setdefault(kind, []).append(rest)
    alts = []
    for i, (c, by_kind) in enumerate(groups.items()):
        inner = "|".join(f"(?P<{k}{i}>{'|'.join(rests)})" for k, rests in by_kind.items())
        alts.append(f"{re.escape(c)}(?:{inner})")
    assert all(c.isalpha() for c in groups)  # so that "(?<!\w)" is "\b" (and a little faster)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + ")")


#: cheap test for sentences worth parsing: digits, money signs, number words, leadership verbs
CANDIDATE_RE = _gate(
    r"[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve"
    r"|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Dd]ozen|[Hh]alf|[Hh]undred|[Rr]esign|[Qq]uit|[Ss]tep|[Ll]eft|[Ll]eav"
    r"|[Dd]epart|[Ee]xit|[Aa]ppoint|[Ii]nterim|named|[Hh]ire|last day|replace|million|billion|[Pp]oach|lured|[Bb]oth"
    r"|[Ll]ost\s|[Ll]os(?:e|ing)\s",
    extra=r"[\d$€£]",
)

#: limits that keep the work linear on adversarial input (a news sentence is a few hundred characters)
MAX_SENTENCE = 2000
MAX_FIGURES = 40
MAX_TEXT = 300_000
#: figures no startup reports: a company with only these is an incumbent (see _Article._incumbents)
INCUMBENT_REVENUE = 10e9
INCUMBENT_HEADCOUNT = 50_000

#: the first branch of CANDIDATE_RE alone (a character class: the engine skips ahead to it quickly)
_FIGURE_CHAR = re.compile(r"[\d$€£]")

# a year; the look-behind sits after "19"/"20" so that the engine can skip ahead to those digits
_YEAR_RE = re.compile(r"(?:19|20)(?<![\d,.$]..)\d\d(?![\d,])")
_REPORT_THAT = re.compile(r"\b(?:reported|reports?)\b[^.]{0,80}\bthat\b")
_THE_DEAL = re.compile(r"\bthe (?:deal|round|report|reports|talks|fundraising|figure)\b")
# [$€£] | \b(?:million|billion|trillion|bn|mn)\b | \d(?:m|bn|k)\b | USD|EUR|GBP, with every branch starting
# with a literal (look-behinds instead of a leading \b or \d) so that the engine can skip ahead
_MONEY_HINT = re.compile(
    r"\$|€|£|USD|EUR|GBP|m(?:illion\b(?<!\wmillion)|n\b(?<!\wmn)|\b(?<=\dm))"
    r"|b(?:illion\b(?<!\wbillion)|n\b(?<!\wbn)|n\b(?<=\dbn))|trillion\b(?<!\wtrillion)|k\b(?<=\dk)"
)
_COUNT_BRANCHES = (
    r"[Ee]mploy|[Ss]taff|[Pp]eople|[Ww]orkers|[Ww]orkforce|[Jj]obs|[Rr]oles|[Pp]ositions|[Pp]osts|[Ee]xecutives"
    r"|[Ll]eaders|[Rr]esearchers|[Aa]cademics|[Ff]ounders|[Cc]o-founders|[Ee]ngineers|[Mm]anagers|[Dd]irectors"
    r"|[Mm]embers|[Oo]fficers|[Ss]cientists|[Tt]alent|[Pp]ersonnel|[Hh]eadcount|[Tt]eam|[Hh]ires|[Vv]ice-presidents"
    r"|[Hh]eads|[Pp]ersons|[Rr]edundan|[Ll]aid off|[Ll]ay\w* off|[Cc]ut|more"
)
_COUNT_HINT = _gate(_COUNT_BRANCHES)
_LEAD_BRANCHES = (
    r"[Rr]esign|[Ss]tep\w* (?:down|aside)|[Qq]uit|[Ll]eft\b|[Ll]eav|[Dd]epart|[Ee]xit|last day|[Aa]ppoint"
    r"|[Ii]nterim|named|[Hh]ire|[Pp]oach|lured|[Rr]eplace|takes over|ousting|walked out|[Ll]ost\b|[Ll]os(?:es|ing)\b"
)
_LEAD_HINT = _gate(_LEAD_BRANCHES)
# both tests in one pass: a count cue (c), a leadership cue (l), or "hires", which is both. No cue of one
# kind can start inside a cue of the other, so scanning once finds every kind the two tests would find.
_PEOPLE_CUES = _cue_scanner([("b", "[Hh]ires"), ("c", _COUNT_BRANCHES), ("l", _LEAD_BRANCHES)])

_HEDGE_WORDS = (
    r"(?:(?:about|around|roughly|some|nearly|almost|approximately|an estimated|close to|more than|over|"
    r"at least|just over|just under|a little over|less than|fewer than|under|up to|as many as|"
    r"as much as|only|another|a further|a total of)\s+)*"
)
_OTHER_OWNS = re.compile(
    r"^(?:['’]s)?,?\s+(?:also\s+|itself\s+)?(?:(?:reported|posted|generated|earned|booked|employs|employed|is valued"
    r"|was valued|spends|spent|made)\b[^,;$€£]{0,40}|(?:has|had)\s+" + _HEDGE_WORDS + r")$"
)

# ---- money cues ---------------------------------------------------------------------------------
_L_CUES = re.compile(
    r"""\b(?:
      (?P<pre>pre-money|before the (?:new )?(?:cash|money|investment))
    | (?P<val>market\ value|market\ capitali[sz]ation|market\ cap|valued|valuing|values|valuation|value\ of|valuations
        |(?:is|was|were|are|been|be)\ (?:now\ |once\ |still\ |then\ )?worth|value\ (?:it|the\ company|them|the\ business|\w+)\ at)
    | (?P<target>target)
    | (?P<burnc>burn(?:ing|s|ed|t)?\ (?:through\ )?(?:its\ )?cash|cash\ burn|spending\ cash)
    | (?P<excl>debt|loans?|lenders?|credit|bonds?|tender|sold\ (?:\w+\ )?shares|share\ sales?|buy|buying|buys
        |bought|purchases?|purchased|acqui\w+|pay|pays|paid|paying|owed|owes|owe|lost|lose|loses|losing
        |loss|losses|cash|bill|bills|licen[cs]e|licensing|fee|fees|package|prices?|priced|cost|commitment
        |ticket|grant|grants|contribut\w+|market|worth|sale|sold|cheques?|consumed|refund|stake|subsidy
        |owing|sell|salary|salaries|wages?|compensation|bonus(?:es)?|pay\ package)
    | (?P<sought>to\ raise|seeking|seek|seeks|sought|wanted|wants|hoped|hoping|hopes|aims?|aiming
        |plans?\ to\ raise|asks?|asking|try(?:ing)?\ to\ raise|tried\ to\ raise|promised|pledged)
    | (?P<rev>revenues?|sales|turnover|annuali[sz]ed|run-rate|run\ rate|takings|earns|earned|earning|arr|bookings)
    | (?P<burn>spending|spend|spends|spent|burn|burning|burned|burnt|burns|expenses|expenditure|outgoings|running\ costs|operating\ costs)
    | (?P<fund>raised|raise|raises|raising|secured|secure|secures|closed|closes|close(?!\ to)|brought\ in|brings\ in
        |bringing\ in|collected|collecting|lands|landed|land|invest|invests|invested|investing|investment|injection|funding
        |financing|round|arrived|completed|took\ in|pulled\ in|garnered|attracted|convertible\ notes?)
    )\b""",
    re.VERBOSE,
)
_R_IMMEDIATE = Folded(
    r"""^[ ]?(?:
      (?P<excl>(?:of\ |in\ )?(?:new\ )?(?:debt|loans?|credit|term\ loan|bonds?)\b|loan|purchase|acquisition|deal\ to\ buy
        |buyout|(?:consulting\ |licensing\ )?fee|of\ cash|in\ cash|in\ the\ bank|(?:net\ )?loss|market\b|bill
        |grant|stake|tender|upfront|package|settlement|fine\b|price|a\ share|per\ share
        |of\ (?:it|them|the\ (?:money|cash|sum))\b|more\b)
    | (?P<pre>pre-money)
    | (?P<val>(?:post-money\ )?valuation)
    | (?P<rev>(?:of|in)\ (?:annual\ |annuali[sz]ed\ |recurring\ |gross\ |quarterly\ )*(?:revenues?|sales|turnover)|(?:annual\ )?(?:revenues?|sales)\b)
    | (?P<burn>of\ (?:expenses|expenditure|spending|costs|cash\ burn|operating\ costs))
    | (?P<fund>(?:in|of)\ (?:new\ |fresh\ |additional\ |venture\ |equity\ |new\ equity\ )*(?:funding|financing|capital|investment|equity|convertible\ notes?|new\ money)
        |(?:series\ [a-z]\d?|seed|funding|financing|equity|investment|venture)(?:\ round|\ raise)?\b|round\b|raise\b|lifeline|injection|convertible\ note|fundraise|fundraising
        |into\b)
    )""",
    re.VERBOSE,
)
_R_LATER = Folded(
    r"""\b(?:
      (?P<pre>before\ the\ (?:new\ )?(?:cash|money|investment)|pre-money)
    | (?P<val>at\ which\ [^,;]{0,80}?\b(?:was|were|had\ been)\ valued|valued\ at)
    | (?P<fund>(?:that|which)\ [^,;]{0,40}?\b(?:raised|disclosed|secured|closed|brought\ in)|arrived|came\ in|^\ (?:in\ total|in\ all|to\ date|so\ far)\b)
    )\b""",
    re.VERBOSE,
)
_DEBT = re.compile(r"\b(?:debt|loans?|lenders?|credit (?:line|facility)|bankruptcy|bonds?|borrow\w*)\b", re.I)
_TARGET = re.compile(
    r"\b(?:sought|seeking|seek|seeks|attempt\w*|tried|trying|try|unsuccessful\w*|in talks|talks|target\w*"
    r"|hoped|hoping|hopes|weigh\w*|discuss\w*|consider\w*|sounded out|explor\w*|efforts? to|falling short"
    r"|fell short|fell through|no deal|proposed|planned|IPO|initial public offering|to raise|rights issue"
    r"|would value|will value|aim\w*|asks?|pitched|wants?|looking to|approached|about raising|failing|failed|hopes"
    r"|price range)\b",
)
_DENY = _gate(  # (yes/no only)
    r"[Dd]enied\b|[Dd]enies\b|[Dd]eny\b|[Dd]enying\b|[Rr]ejected\b|[Dd]isputed\b|[Dd]isputes\b|[Dd]ismissed\b"
    r"|[Rr]efuted\b|not accurate\b|[Ii]naccurate\b|[Uu]ntrue\b|[Nn]onsense\b|[Ff]alse\b|no truth\b|not true\b"
)
_HYPO = re.compile(
    r"\b(?:could|might|may|possibly|hypothetical\w*|would be worth|possible (?:acquisition|sale|deal|merger|takeover)s?)\b"
)
# a figure compared with an earlier one of the same kind: "up from $16m", "down from a peak of 1,500"
_INHERIT = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell|grew|increased|decreased|compared with|compared to|versus|against)\s+)?"
    r"\bfrom\s+(?:a\s+(?:peak|high|low)\s+of\s+)?" + "(?:(?:about|around|roughly|some|nearly|almost|more than|over|just over|just under|less than|as much as|up to)\\s+)*$"
    + "|\\b(?:including|along with|as well as|plus)\\s+(?:(?:about|around|roughly|some|nearly|almost|more than|over|another)\\s+)*$"
    + "|\\b(?:(?:a|one|two)[ -](?:third|quarter|half|fifth|tenth)s?|half|double|twice|triple|a fraction)\\s+(?:of\\s+)?the\\s+$",
)
_PERIOD = re.compile(
    r"^[^.;]{0,40}?\b(?P<p>a month|per month|each month|every month|monthly|a year|per year|per annum|"
    r"annually|each year|a quarter|per quarter|quarterly|for (?:that|the|this) year|in (?:that|the) year)\b",
    re.IGNORECASE,
)
_MONTHLY_LEFT = re.compile(r"\bmonthly\s+(?:cash\s+)?(?:burn|spending|expenses|costs)\b", re.I)
_RELIABLE_LOW = re.compile(
    r"\b(?:reportedly|people familiar|person familiar|according to people|sources|people briefed"
    r"|people close to|it is understood|rumou?r\w*|(?:one|a|two|three|several) (?:person|people|source)s?"
    r"|(?:person|people|source|sources) said|unconfirmed|said to be|is understood)\b",
)  # matched against lower-cased text
_REPORTED = re.compile(r"\b(?:reported|according to|estimated|estimate)\b")

# ---- people cues --------------------------------------------------------------------------------
_FUNCTION = (
    r"(?!(?:that|its|the|a|an|of|and|or|to|in|on|at|by|for|from|with|who|which|his|her|their|it|was|were|is"
    r"|are|had|has|have|be|been|will|would|said|says|than|as)\b)"
)
_NUMWORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)"
_NOUN_AFTER = re.compile(
    r"^(?:\s+(?:(?:more|other|senior|key|full-time|part-time|top|further|existing|permanent|remaining"
    r"|" + _FUNCTION + r"[a-z]+(?:-[a-z]+)?)\s+){0,3}?(?P<noun>" + PERSON_NOUNS + r"))\b"
)
_OF_AFTER = re.compile(
    r"^\s+of\s+(?P<det>the|its|their|his|her|(?:[A-Z][\w\-]*\s){0,2}[A-Z][\w\-]*['’]s)\s+"
    + _HEDGE_WORDS
    + r"(?:(?P<m>\d[\d,]*|" + _NUMWORDS + r")\s+)?(?:" + _FUNCTION + r"(?:[a-z]+(?:-[a-z]+)?)\s+){0,3}?(?P<noun>"
    + PERSON_NOUNS
    + r")\b"
)
_EMPLOYEE_NOUN = re.compile(r"^(?:employees|employee|staff|staffers|people|workers|workforce|personnel)$")
_JOB_NOUN = re.compile(r"^(?:jobs|roles|positions|posts)$")
_LAYOFF = (
    r"laid off|lay(?:s|ing)? off|cut|cuts|cutting|eliminat\w+|ax(?:e|ed|es|ing)|shed|sheds|shedding"
    r"|let go|letting go(?: of)?|let go of|lose their jobs|lost their jobs|losing their jobs|made redundant|redundan\w+|job cuts"
    r"|layoffs?|affected|hit|slash\w*|fired|firing|dismiss\w*|furlough\w*|reduc\w*|trimm?\w*"
)
_DEPART = (
    r"left|leaves|leaving|quit|quits|quitting|resigned|resign|resigns|resigning|departed|depart|departs"
    r"|departing|exited|exit|stepped down|step down|steps down|stepping down|stepped aside|handed in \w+ notice"
    r"|moved on|walked out|defected|poached|hired away|lost|joined|joining|join|joins"
    r"|(?:will|would|to|shall) leave|hired|recruited"
)
_HEAD_ADJ = re.compile(
    r"\b(?:has|had|have|employs|employ|employed|employing|(?<!along )with|totals|totalled|totaled|of|counts|keep|keeps|kept"
    r"|retain|retains|retained|grown to|grew to|risen to|rose to|expanded to|shrunk to|shrank to|fallen to|fell to|dropped to"
    r"|down to|up to)\s+"
    + _HEDGE_WORDS
    + r"$"
)
# matched against lower-cased text (same length), which is several times faster than IGNORECASE
_VERB_LEFT = re.compile(rf"\b(?P<lay>{_LAYOFF})\b|\b(?P<dep>{_DEPART})\b")
_VERB_RIGHT = re.compile(
    rf"\b(?:(?P<lay>{_LAYOFF})|(?P<dep>{_DEPART})|(?P<stay>remain\w*|still|stay\w*|are still|joined the company))\b",
)
_HEAD_OF = re.compile(r"\b(?:workforce|staff|headcount|team|payroll)\s+of\s+" + _HEDGE_WORDS + r"$", re.I)
_HEAD_IS = re.compile(
    r"\b(?:headcount|workforce|staff numbers?|head count)\s(?:is|was|stands at|stood at|of)\s(?:now\s|still\s)?" + _HEDGE_WORDS + r"$",
    re.IGNORECASE,
)
_HEAD_NONOUN = re.compile(
    r"\b(?:staff|employee|headcount|workforce)s?\s(?:numbers?\s|count\s|size\s)?(?:had\s|has\s|have\s|is\s|was\s)?(?:now\s|since\s)?"
    r"(?:(?:peaked|stood|grew|grown|rose|risen|reached|totall?ed|fell|fallen|dropped|shrank|shrunk|doubled|tripled|halved"
    r"|increased|decreased|climbed)\s(?:at|to)\s|(?:is|was|stands at|stood at)\s)" + _HEDGE_WORDS + r"$",
    re.IGNORECASE,
)
_SUBSET = re.compile(r"\b(?:among them|including|of whom|of which|such as)\s+" + _HEDGE_WORDS + r"$", re.I)
_OF_POSS_LEFT = re.compile(
    r"\bof\s+(?:its|their|the company['’]s|(?:[A-Z][\w\-]*\s){0,2}[A-Z][\w\-]*['’]s)\s+" + _HEDGE_WORDS + r"$"
)
_OF_THE_LEFT = re.compile(r"\bof\s+(?:the|his|her)\s+" + _HEDGE_WORDS + r"$")
_ALL_OF = re.compile(r"\ball\s+of\s+(?:its|the|their|(?:[A-Z][\w\-]*\s){0,2}[A-Z][\w\-]*['’]s)\s+" + _HEDGE_WORDS + r"$", re.I)
_JOBS_END = re.compile(
    r"\b(?:lose their jobs|lost their jobs|(?:jobs|roles|positions)\s(?:were|would|will|are|was)(?:\sbe)?\s(?:ending|end|ended|eliminated|cut)|laid off|let go"
    r"|made redundant|out of work|shut\w* down|closing|lose (?:their )?(?:jobs|positions))\b",
    re.IGNORECASE,
)
_SHUTDOWN = re.compile(
    r"\b(?:it|the company|the start-?up|the firm)\s+(?:would|will|was going to|is going to|is to|plans to|planned to)?\s?"
    r"(?:shut(?:ting)?\s+down|close|closing|wind(?:ing)?\s+down|cease\s+(?:operations|trading))\b"
    r"(?!\s+(?:its|a|an|the|some|one|two|several|part|parts)\b)"
)
_ALL_OF_WHOM = re.compile(r"^[,\s]+all of whom\b[^.;]{0,40}?\b(?:lose|lost|losing|will lose|be laid off|be let go)\b", re.I)
_FRACTION = Folded(
    r"\b(?:cut\w*|laying off|lay(?:s)? off|laid off|eliminat\w+|shed\w*|ax\w*|slash\w*)\s+(?:another\s|a further\s)?"
    r"(?P<hedge>(?:more than|about|around|roughly|nearly|almost|over|some|just over|just under|less than)\s)?"
    r"(?P<frac>half|a third|one third|a quarter|one quarter|a fifth|one fifth|a tenth|one tenth|two-thirds"
    r"|two thirds|three-quarters|(?P<pct>\d{1,2}(?:\.\d)?)\s?(?:%|per ?cent))\s+of\s+(?:its|the|their)\s+"
    r"(?:[\w\-]+\s){0,2}?(?:employees|staff|workforce|workers|people)\b",
)
_PCT_OF_N = Folded(
    r"\b(?:cut\w*|laying off|lay(?:s)? off|laid off|eliminat\w+|shed\w*|ax\w*|slash\w*)\s+(?:another\s|a further\s)?"
    r"(?P<hedge>(?:more than|about|around|roughly|nearly|almost|over|some|just over|just under|less than)\s)?"
    r"(?P<frac>half|a third|one third|a quarter|one quarter|a fifth|one fifth|a tenth|one tenth|two-thirds"
    r"|two thirds|three-quarters|(?P<pct>\d{1,2}(?:\.\d)?)\s?(?:%|per ?cent))\s+of\s+(?:its|the|their)\s+"
    + _HEDGE_WORDS
    + r"(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?:\s+(?:[\w\-]+\s){0,2}?(?:employees|staff|workforce|workers|people)\b"
    r"|-(?:person|strong|member|employee)\s+(?:workforce|team|staff|company))",
)
_FRAC_VALUE = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25, "one quarter": 0.25,
               "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1, "one tenth": 0.1, "two-thirds": 2 / 3,
               "two thirds": 2 / 3, "three-quarters": 0.75}  # fmt: skip
_PLAN = re.compile(r"\b(?:plans? to|planned to|planning to|never|would have|proposal|proposed|was considering|considered)\b", re.I)

# ---- leadership ---------------------------------------------------------------------------------
_DEPART_NAME = Folded(
    r"\b(?P<v>resigned|resigns|resigning|quit|quits|stepped down|steps down|stepping down|step down"
    r"|has left|had left|have left|left|leaves|departed|departs|walked out|exited|last day at"
    r"|(?:is|are|was|were)\s+(?:also\s+)?leaving|(?:will|would|is to)\s+(?:also\s+)?(?:leave|step down))\b"
    r"|\b(?P<n>resignation|departure|exit|ousting)\b",
)
# between a person's name and the verb it governs: an appositive or relative clause, and a few words
_SUBJECT_GAP = re.compile(
    r"^(?:['’]s)?,?\s*(?:,\s[^,;:]{1,160},\s*)?(?:[a-z]+\s){0,3}$|^,\s(?:who|which)\b[^,.;:]{0,80}$"
)
_ROLE_NP = (
    r"(?:the|its|their|[A-Z][\w\-]*['’]s)(?:\s+company['’]s)?\s+(?:former\s+|then\s+)?(?:chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer"
    r"|chief\s+executive|chief\s+scientist|head\s+of\s+[A-Za-z]+(?:\s+[a-z]+)?|general\s+counsel|president"
    r"|co-founder|founder|[a-z]+\s+director|director\s+of\s+[a-z]+|vice-president\s+of\s+[a-z]+|C[EFTOMPR]O"
    r"|(?:finance|technology|marketing|product|operating|legal|people|commercial|sales|revenue|science|research)\s+chief)"
)
_ROLE_BARE = (
    r"(?:chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|chief\s+executive|chief\s+scientist|head\s+of\s+[A-Za-z]+(?:\s+[a-z]+)?"
    r"|general\s+counsel|president|co-founder|founder|C[EFTOMPR]O)"
)
# unnamed office-holders who left: "the head of compliance resigned", "the COO and the CFO quit"
_ROLE_DEPART = re.compile(
    rf"(?P<seq>{_ROLE_NP}(?:(?:,\s+|\s+and\s+|,\s+and\s+)(?:{_ROLE_NP}|{_ROLE_BARE}))*)\s+(?:(?:has|had|have|also|then|both|later|now)\s+)*"
    r"(?P<v>resigned|resigns|left|leaves|quit|quits|departed|departs|stepped down|steps down|exited|exits|walked out"
    r"|(?:was|were|has been|have been) (?:poached|hired away|lured away)|(?:is|are) (?:stepping down|leaving))\b"
    rf"|\b(?:lost|loses|losing)\s+(?P<seq2>{_ROLE_NP})\s+to\b"
)
_TOP_ROLE = re.compile(r"^role:(?:co-founder|founder|chief executive|ceo|president)$")
_APPOINT = re.compile(
    r"\b(?:appoint\w*|named|names|hires|hired|has hired|picks|picked|replaces|replaced|takes over"
    r"|will take over|promoted)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?:chief executive|ceo|co-ceos?|co-chief executives?|chief operating officer|chief technology officer"
    r"|chief financial officer|coo|cto|cfo|president|chairman|founder|co-founder|head of [a-z]+)\b",
    re.IGNORECASE,
)


@dataclass
class _Row:
    company: str
    metric: str
    value: float
    unit: str
    qualifier: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    as_of: Period | None
    explicit_date: bool
    confidence: float
    person: str | None = None


def _lower(s: str) -> str:
    """Lower case with the same length (so offsets still line up), else the text as it is."""
    low = s.lower()
    return low if len(low) == len(s) else s


def _in_quotes(s: str, pos: int) -> bool:
    before = s[s.rfind("\n", 0, pos) + 1 : pos]
    opens = before.count("“") - before.count("”")
    if opens > 0:
        return True
    return before.count('"') % 2 == 1


class _Article:
    """State for one article while its sentences are read."""

    def __init__(self, text: str, published: date | None, names: Names):
        self.text = text
        self.published = published
        #: stands in for the publication date when there is none: "current" figures get its month
        self.reference = published if published is not None else _inferred_publication(text)
        self._event_keys: set[tuple[str, str]] = set()
        self.names = names
        self.rows: list[_Row] = []
        self.events: list[Event] = []
        self.departed: set[str] = set()
        self.topic: str | None = names.startups[0] if names.startups else None
        self.fractions: list[tuple[int, int, int, int, float, str]] = []
        self._emit: dict[tuple[int, int], Amount] = {}
        self._dates: dict[tuple[int, int], list[tuple[int, int, Period]]] = {}
        self._conf: dict[str, float] = {}
        self._year: int | None = None  # the year the narrative was last in ("In February that year")
        self._last_money: tuple[str, float] | None = None
        self._dep_counts: list[int] = []
        mentions = sorted(names.mentions, key=lambda m: m.start)
        self._mentions = mentions
        self._starts = [m.start for m in mentions]
        self._mcache: dict[tuple[int, int], list[tuple[int, int, str, str]]] = {}
        self._mcache_money: dict[tuple[int, int], list[Amount]] = {}
        self._clause_marks: dict[tuple[int, int], list[tuple[int, int]]] = {}
        startups = set(names.startups)
        self._kinds = []
        for m in mentions:
            c = names.canonical(m.name)
            kind = "startup" if c in startups else ("person" if m.name in names.people else "other")
            self._kinds.append((m.start, m.end, c, kind))

    # -- helpers ---------------------------------------------------------------------------------
    def _cb(self, sa: int, sb: int, rel: int) -> tuple[int, int]:
        """`clause_bounds` of the sentence ``text[sa:sb]``, with the clause breaks computed once."""
        marks = self._clause_marks.get((sa, sb))
        if marks is None:
            marks = self._clause_marks[(sa, sb)] = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(self.text[sa:sb])]
        start, end = 0, sb - sa
        for ms, me in marks:
            if me <= rel:
                start = me
            elif ms >= rel:
                end = ms
                break
        return start, end

    def _money_in(self, sa: int, sb: int) -> list[Amount]:
        key = (sa, sb)
        got = self._mcache_money.get(key)
        if got is None:
            got = self._mcache_money[key] = find_money(self.text[sa:sb])
        return got

    def mentions_in(self, a: int, b: int) -> list[tuple[int, int, str, str]]:
        key = (a, b)
        got = self._mcache.get(key)
        if got is not None:
            return got
        out = []
        i = bisect_left(self._starts, a)
        ms = self._mentions
        while i < len(ms) and ms[i].start < b:
            out.append(self._kinds[i])
            i += 1
        self._mcache[key] = out
        return out

    def attribute(self, sa: int, sb: int, pos: int, end: int) -> str | None:
        """The company a figure at text offset ``pos`` belongs to."""
        allm = self.mentions_in(sa, sb)
        t = self.text
        # "Bigco, which reported revenue of $61bn": a figure inside another organisation's relative clause
        before = [m for m in allm if m[1] <= pos]
        if before and before[-1][3] != "startup":
            gap = t[before[-1][1] : pos]
            if re.match(r"^(?:['’]s)?,\s(?:(?:the|a|an)\s[^,;]{0,50},\s)?(?:which|who)\s[^,;()]*$", gap) or re.match(r"^['’]s\s+$", gap):
                if not re.search(r"\binvest|\b(?:put|poured|pumped|ploughed)\b|\bthat\b|\bthe (?:start-?up|company|firm)\b|\bits?\b", gap):
                    return None
        if before and before[-1][3] == "other" and _OTHER_OWNS.match(t[before[-1][1] : pos]):
            return None  # "BigHold, its parent, reported revenue of $2bn"
        ms = [m for m in allm if m[3] == "startup"]
        if not ms:
            return self.topic
        # "the $6bn that X disclosed", "... of X's 1,900 employees"
        after = t[end : min(sb, end + 60)]
        for m in ms:
            if end <= m[0] <= end + 60:
                gap = t[end : m[0]]
                if re.search(r"^\W*(?:that|which|of)\s(?:[\w\-'’]+\s){0,4}$", gap) or re.match(
                    r"^\s+of\s+$", gap
                ):
                    return m[2]
                if re.match(r"^\s+(?:in|into)\s+$", gap) and re.search(r"\binvest", t[max(sa, pos - 60) : pos]):
                    return m[2]
        del after
        left = [m for m in ms if m[1] <= pos]
        if left:
            near = left[-1]
            gap = t[near[1] : pos]
            if re.match(r"^(?:['’]s)?\s*(?:,\s(?:a|an|the)\s[^,]{0,60}?\b(?:that|which)\s|,\s(?:which|that)\s|['’]s\s)", gap) or len(gap) < 3:
                return near[2]
            s = t[sa:sb]
            ca, _ = self._cb(sa, sb, pos - sa)
            inclause = [m for m in left if m[0] >= sa + ca and not self._aside(sa, sb, m, pos)]
            if inclause:
                return inclause[-1][2]
            # the subject of the sentence, unless a later name is the subject of a new clause
            return left[0][2]
        # no name before the figure: "The company ...", "It ..." continue the story's current company
        return self.topic or ms[0][2]

    def _aside(self, sa: int, sb: int, m: tuple[int, int, str, str], pos: int) -> bool:
        """A mention inside an appositive, after a preposition or "former": not the figure's subject."""
        t = self.text
        pre = t[max(sa, m[0] - 25) : m[0]]
        if re.search(r"\b(?:with|by|from|to|for|of|into|including|former|and|at|in|on)\s+(?:[a-z\-]+\s+){0,2}$", pre):
            return True
        s = t[sa:sb]
        for ap in re.finditer(r",\s(?:the|a|an|which|who|whose|that)\b[^,;]*,", s):
            if sa + ap.start() < m[0] < sa + ap.end() and not (sa + ap.start() < pos < sa + ap.end()):
                return True
        return False

    def date_for(self, sa: int, sb: int, pos: int, metric: str, end: int | None = None) -> tuple[Period | None, bool]:
        s = self.text[sa:sb]
        a, b = self._cb(sa, sb, pos - sa)
        rel = pos - sa
        rel_end = (end if end is not None else pos) - sa
        p = None
        best = None
        key = (sa, sb)
        found = self._dates.get(key)
        if found is None:
            found = self._dates[key] = find_dates(s, self.published, self._year)
        for ds, de, per in found:
            if ds >= rel_end:
                d = ds - rel_end + (0 if de <= b else 60)
            elif ds >= rel:
                d = 0
            else:
                d = rel - de + (0 if ds >= a else 40)
            if d <= 160 and (best is None or d < best):
                p, best = per, d
        if p is None and found and found[0][0] <= 25:
            p = found[0][2]  # "By September, ...": a date that opens the sentence covers all of it
        if p is None:
            if self.reference is None:
                return None, False
            return Period.month(self.reference.year, self.reference.month), False
        if p.precision == "day" and metric not in ("departed_talent", "layoffs", "headcount"):
            p = Period.month(p.start.year, p.start.month)
        return p, True

    def confidence(self, sent: str) -> float:
        c = self._conf.get(sent)
        if c is None:
            low = sent.lower()
            c = 0.6 if _RELIABLE_LOW.search(low) else (0.8 if _REPORTED.search(low) else 0.9)
            self._conf[sent] = c
        return c

    def add(self, company: str | None, metric: str, value: float, unit: str, qualifier: str,
            start: int, end: int, sa: int, sb: int, person: str | None = None) -> None:  # fmt: skip
        if company is None or value <= 0:
            return
        as_of, explicit = self.date_for(sa, sb, start, metric, end)
        if explicit and as_of is not None and self.reference is not None:
            # projections for a period that has not started are not figures yet
            if as_of.start > self.reference and metric not in ("departed_talent",):
                return
        conf = self.confidence(self.text[sa:sb])
        self.rows.append(_Row(company, metric, value, unit, qualifier, start, end, sa, sb, as_of, explicit, conf, person))

    # -- money -----------------------------------------------------------------------------------
    def money(self, sa: int, sb: int) -> None:
        t = self.text
        s = t[sa:sb]
        amounts = self._money_in(sa, sb)[:MAX_FIGURES]
        if not amounts:
            return
        # keep implicit ("8 million") amounts only when no noun follows
        kept: list[Amount] = []
        for a in amounts:
            if not a.explicit:
                nxt = re.match(r"\s*(\S+)", s[a.end : a.end + 30])
                w = nxt.group(1).lower().strip(".,;") if nxt else ""
                if w and w not in ("a", "an", "per", "valuation", "each", "every", "monthly", "annually", "in", "to"):
                    continue
                if w == "to" and re.match(r"\s*to\s+[\d.]+\s*(?:million|billion)\s+[a-z]", s[a.end :]):
                    continue
            kept.append(a)
        amounts = kept
        # conversions in brackets: "$80 million (roughly £63m)" keeps the dollars, "€45m (about $49m)" too
        self._emit = {}
        kept = []
        for a in amounts:
            if kept and re.fullmatch(r"\s*(?:\(|,\s*or)\s*(?:about|roughly|around|approximately|some|or|c\.|approx\.?|nearly|almost)?\s*",
                                     s[kept[-1].end : a.start]) and a.currency != kept[-1].currency:  # fmt: skip
                if a.currency == "USD" and kept[-1].currency != "USD":
                    self._emit[(kept[-1].start, kept[-1].end)] = a
                continue
            kept.append(a)
        amounts = kept
        # group ranges
        units: list[list[Amount]] = []
        i = 0
        while i < len(amounts):
            a = amounts[i]
            if i + 1 < len(amounts):
                b = amounts[i + 1]
                gap = s[a.end : b.start]
                if re.fullmatch(r"\s*(?:to|-|–|and)\s*", gap) and (
                    "and" not in gap or re.search(r"\bbetween\s+" + _HEDGE_WORDS + r"$", s[max(0, a.start - 30) : a.start])
                ):
                    units.append([a, b])
                    i += 2
                    continue
            units.append([a])
            i += 1
        prev_end = 0
        self._last_money = None
        for k, unit in enumerate(units):
            first, last = unit[0], unit[-1]
            next_start = units[k + 1][0].start if k + 1 < len(units) else len(s)
            self._one_money(s, sa, sb, unit, prev_end, next_start)
            prev_end = last.end

    def _one_money(self, s: str, sa: int, sb: int, unit: list[Amount], prev_end: int, next_start: int) -> None:
        first, last = unit[0], unit[-1]
        ca, cb = self._cb(sa, sb, first.start)
        if _in_quotes(self.text, sa + first.start) and not re.search(r"\b(?:[Oo]ur|[Ww]e|[Ww]e've|[Ww]e're)\b", s[ca:cb]):
            return  # a quotation's figures count only when the company speaks of itself ("our revenue")
        clause = s[ca:cb]
        if _DENY.search(clause):
            return
        lo = max(ca, prev_end)
        left = s[lo : first.start]
        clause_left = s[ca : first.start]
        if _HYPO.search(clause_left[-80:]):
            return
        right_imm = s[last.end : min(len(s), last.end + 40)]
        right = s[last.end : min(cb, next_start)]
        if re.search(r"\bof\s+(?:the|its|their)\s+$", left) and not re.search(r"\b(?:valuation|value|revenue|sales)\b", left) and not (
            self._last_money is not None and _INHERIT.search(left)
        ):
            return  # "$20m of the $50m": the whole is context for the part, not a figure of its own
        if re.fullmatch(r"\s+of\s+(?:the|its|their)\s+", right):
            # the part of a whole: what happens to it is said after the whole ("... actually arrived")
            right = s[last.end : cb]
            right = re.sub(r"\b(?:promised|pledged|committed|offered|planned)\b", " ", right)
        metric = None
        src = None
        m = _R_IMMEDIATE.match(right_imm)
        if m:
            metric = m.lastgroup
            src = "imm"
        if metric is None and re.search(r"\bpre-money\b", left, re.I):
            return
        if metric is None and re.search(r"\bvaluation\b[^$€£;]{0,50}\bat\s+" + _HEDGE_WORDS + r"$", left):
            metric, src = "val", "left"
        if metric is None:
            cue = None
            low = left.lower()
            if len(low) != len(left):
                low = left  # rare letters whose lower case changes length: match as written
            for c in _L_CUES.finditer(low):
                cue = c
            if cue is not None:
                metric = cue.lastgroup
                src = "left"
                if metric == "val" and cue.group(0).endswith("worth") and not re.search(
                    r"(?:\b(?:it|company|start-?up|firm|business)|[A-Z][\w\-]*)\s$", left[: cue.start()]
                ):
                    return  # "the rescue is worth $9.5bn": a deal's worth, not the company's
        if metric is None and self._last_money is not None and _INHERIT.search(left):
            metric, src = "inherit", "left"
        if metric is None and re.match(r"^\s(?:in total|in all|to date|so far)\b", right):
            metric, src = "fund", "right"
        if metric is None and re.match(r"^\s?(?:a|per|each)\s(?:month|year|quarter)\s+(?:in|of)\s+(?:[a-z\-]+\s)?(?:revenue|sales)\b", right):
            metric, src = "rev", "right"
        if metric is None:
            m2 = _R_LATER.search(right)
            if m2:
                metric = m2.lastgroup
                src = "right"
        if metric == "burnc":
            metric = "burn"
        if metric in (None, "excl", "pre", "sought"):
            return
        if metric == "target":
            # "put the target at $150 billion": a valuation target when valuations are the topic
            ctx = self.text[max(0, sa - 300) : sb]
            if not re.search(r"\bvaluation", ctx, re.I):
                return
            metric = "valuation_target"
        # left-window exclusions that trump a later cue ("lenders are providing $25m of financing")
        if metric == "fund" and (_DEBT.search(left) or _DEBT.match(right_imm.strip())):
            return
        inherited_div = None
        if metric == "inherit":
            # "inherit" is chosen above only when there is a previous amount in the sentence
            assert self._last_money is not None
            name, inherited_div = self._last_money
            metric = "done"
        if metric == "fund":
            # the amount sought in a raise is not a figure: "to raise $200m", "hoped to raise $95m"
            if re.search(r"\b(?:to raise|seeking|seek|sought|wanted|hoped|hoping|aims?|plans?|target\w*)\s+" + _HEDGE_WORDS + r"$", left):
                return
            name = "funding_raised"
            if re.match(r"^\s+into\s+(?:the|its|a|an)\s+(?:[\w\-]+\s+){0,2}?(?:round|fund|funding|raise|deal)\b", s[last.end : last.end + 50]):
                return  # one investor's ticket into a round
            inv = re.match(r"^\s+(?:in|into)\s+(\S+(?:\s+\S+){0,3})", s[last.end : last.end + 60])
            if inv and re.search(r"\binvest", left + s[last.end : last.end + 12]):
                tgt = inv.group(1)
                if not re.match(r"(?:(?:the|a|an|its|this|that)\s+(?:[\w\-]+\s+){0,2}?(?:company|start-?up|firm|business|round|deal"
                                r"|funding|venture|maker|developer|group)\b|it\b|them\b)", tgt) and not any(
                    m[3] == "startup" and sa + last.end <= m[0] <= sa + last.end + 12 for m in self.mentions_in(sa, sb)
                ):  # fmt: skip
                    return  # an investor's own spending: "invest $300m in health services"
        elif metric == "val":
            name = "valuation"
            if src != "right" and _TARGET.search(clause_left):
                name = "valuation_target"
        elif metric == "valuation_target":
            name = metric
        elif metric == "done":
            pass
        elif metric == "rev":
            name = "revenue"
        elif metric == "burn":
            name = "burn_rate"
        else:
            return
        value_div = 1.0
        if name == "burn_rate":
            pm = _PERIOD.match(s[last.end : cb])
            if pm is not None:
                per = pm.group("p").lower()
            elif _MONTHLY_LEFT.search(clause_left):
                per = "a month"
            elif re.search(r"\b(?:annual|yearly|full-year)\b|\bfor\s+(?:the\s+)?(?:year|(?:fiscal\s+)?(?:19|20)\d\d)\b", clause_left, re.I):
                per = "a year"
            elif re.search(r"\bquarterly\b", clause_left, re.I):
                per = "a quarter"
            elif inherited_div is not None:
                per = {12.0: "a year", 3.0: "a quarter", 6.0: "a half"}.get(inherited_div, "a month")
            else:
                rest = s[last.end : cb]
                if re.match(r"^[^.;]{0,30}?\b(?:in|during|over)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|latest|past)\s+quarter|Q[1-4]\b|three months)", rest):
                    per = "a quarter"
                elif re.match(r"^[^.;]{0,30}?\b(?:in|during|over)\s+the\s+(?:(?:first|second)\s+half|six months)", rest):
                    per = "a half"
                elif re.match(r"^[^.;]{0,30}?\b(?:last year|this year|in (?:fiscal )?(?:19|20)\d\d|over the (?:past|last) (?:year|twelve months|12 months))", rest):
                    per = "a year"
                else:
                    return
            if re.search(r"\b(?:would|will|plans? to|to)\s+spend\s+" + _HEDGE_WORDS + r"$", left):
                return  # a spending plan is not the company's burn
            after_per = s[last.end : cb]
            pm2 = re.match(r"^[^.;,]{0,30}?\b(?:a|per|each) (?:month|year|quarter)\s+on\s+([^.;]*)", after_per)
            if pm2 and not re.search(r"\band\b|,", pm2.group(1)):
                return  # spending on one thing ("$12m a year on cloud computing") is a cost, not the burn
            if "year" in per or "annum" in per or "annual" in per:
                value_div = 12.0
            elif "half" in per:
                value_div = 6.0
            elif "quarter" in per:
                value_div = 3.0
        elif re.match(r"^\s?(?:a|per) (?:month|year)\b(?! later| earlier| ago| before| after)", s[last.end : last.end + 20]) and name == "funding_raised":
            return
        company = self.attribute(sa, sb, sa + first.start, sa + last.end)
        self._last_money = (name, value_div)
        if len(unit) == 2:
            quals = ["range_low", "range_high"]
        else:
            quals = [hedge_before(s[max(lo - 10, 0) : first.start])]
        for a, q in zip(unit, quals):
            conv = self._emit.get((a.start, a.end))
            if conv is not None:  # "€40m (about $43m)": the dollars, hedged by their own words
                a = conv
                if len(unit) == 1:
                    q = hedge_before(s[max(0, a.start - 30) : a.start])
            if a.value < 10_000:  # prices and per-user amounts, not company figures
                continue
            cur = a.currency
            u = cur if name != "burn_rate" else f"{cur}/month"
            self.add(company, name, a.value / value_div, u, q, sa + a.start, sa + a.end, sa, sb)

    # -- people ----------------------------------------------------------------------------------
    def people(self, sa: int, sb: int) -> set[str]:
        """Counts of people in one sentence; returns the metrics it produced."""
        t = self.text
        s = t[sa:sb]
        produced: set[str] = set()
        self._dep_counts = []
        self._last_count: tuple[str, str | None] | None = None
        money_spans = [(a.start, a.end) for a in self._money_in(sa, sb)]
        counts = [c for c in find_counts(s) if not any(x <= c.start < y for x, y in money_spans)][:MAX_FIGURES]
        firm = [c for c in counts if c.value is not None]
        skip: set[int] = set()
        for idx, c in enumerate(counts):
            if idx in skip or _in_quotes(t, sa + c.start):
                continue
            # "between 500 and 700 jobs", "40 to 50 engineers": a range read with the second count's noun
            rng = None
            if idx + 1 < len(counts) and counts[idx + 1].value is not None and c.value is not None:
                nx = counts[idx + 1]
                gap = s[c.end : nx.start]
                if re.fullmatch(r"\s*(?:to|-|–)\s*", gap) or (
                    re.fullmatch(r"\s+and\s+", gap) and re.search(r"\bbetween\s+$", s[max(0, c.start - 12) : c.start])
                ):
                    rng = nx
                    skip.add(idx + 1)
            ca, cb = self._cb(sa, sb, c.start)
            clause = s[ca:cb]
            if _DENY.search(clause):
                continue
            before = s[: c.start]
            base = rng.end if rng else c.end
            after = s[base:]
            q = hedge_before(before[-60:])
            noun = None
            of_m = _OF_AFTER.match(after)
            m = _NOUN_AFTER.match(after)
            if of_m:
                noun = of_m.group("noun").lower()
                noun_end = base + of_m.end()
            elif m:
                noun = m.group("noun").lower()
                noun_end = base + m.end()
                if re.search(r"\bnew\b", after[: m.start("noun")]):
                    continue
            else:
                noun_end = base
            # headcount by construction
            head = False
            if _HEAD_OF.search(before[-60:]) or _HEAD_NONOUN.search(before[-80:]) or _HEAD_IS.search(before[-60:]):
                head = True
            elif re.match(r"^-(?:person|strong|member|employee)\s+(?:workforce|team|staff|company|organisation|organization)\b", after):
                head = True
            elif noun and _EMPLOYEE_NOUN.match(noun) and _OF_POSS_LEFT.search(before[-70:]):
                head = True
            elif noun and _EMPLOYEE_NOUN.match(noun) and re.search(
                r"(?:\b(?:its|their)|[A-Z][\w\-]*['’]s)\s+" + _HEDGE_WORDS + r"$", before[-60:]
            ) and not re.search(rf"\b(?:{_LAYOFF})\s+(?:\w+\s+)?$", before[-40:]):
                head = True
            elif noun and _EMPLOYEE_NOUN.match(noun) and of_m and of_m.group("det") != "the" and re.search(r"\ball\s+$", before, re.I):
                head = True  # "All 64 of its remaining employees"
            elif noun and _EMPLOYEE_NOUN.match(noun) and re.match(
                r"^\s+(?:(?:it|the company|they|we)\s+(?:employed|employs|had|has)|on (?:its|the) (?:payroll|books)|worldwide|globally)\b",
                s[noun_end:],
            ):
                head = True
            elif noun is None and re.search(r"\bheadcount\b[^.;]{0,40}?\bto\s+" + _HEDGE_WORDS + r"$", before):
                head = True
            elif noun is None and re.search(r"\b(?:employs|employed|employing)\s+" + _HEDGE_WORDS + r"$", before):
                head = True
            elif noun and _EMPLOYEE_NOUN.match(noun) and _HEAD_ADJ.search(before[-40:]) and not re.search(
                r"\bof\s+" + _HEDGE_WORDS + r"$", before[-40:]
            ):
                head = True
            if not head and (_OF_THE_LEFT.search(before[-40:]) or _OF_POSS_LEFT.search(before[-70:])):
                continue
            if c.value is None:
                continue
            if 1900 <= c.value <= 2100 and "," not in s[c.start : c.end] and not re.match(r"^\s+(?:[a-z\-]+\s+)?(?:employees|staff|people|workers|jobs)\b", after):
                continue
            if head:
                if not (noun is None or _EMPLOYEE_NOUN.match(noun)):
                    continue
                if noun is None and re.match(r"^\s+(?:[a-z\-]+\s+)?[a-z]+s\b(?<!\bis)", after) and not re.match(
                    r"^\s+(?:in|at|as|across|this|last|worldwide|globally|was|is|has|had|people)\b", after
                ):
                    continue  # "a workforce of 500 drivers": counted things other than employees
                if re.search(r"\bcontract\w*\s+(?:workforce|staff|workers)\b", before[-60:]):
                    continue
                comp = self.attribute(sa, sb, sa + c.start, sa + c.end)
                self.add(comp, "headcount", c.value, "persons", q, sa + c.start, sa + c.end, sa, sb)
                produced.add("headcount")
                self._last_count = ("headcount", comp)
                if (_ALL_OF.search(before[-60:]) or re.search(r"\ball\s+$", before, re.I)) and _JOBS_END.search(s[c.end :]):
                    self.add(comp, "layoffs", c.value, "persons", q, sa + c.start, sa + c.end, sa, sb)
                    produced.add("layoffs")
                elif _ALL_OF_WHOM.match(s[noun_end:]) or re.match(r"^\s+out of (?:work|a job|their jobs)\b", s[noun_end:]) or (
                    re.search(r"\b(?:its|their)\s+" + _HEDGE_WORDS + r"$", before[-40:]) and _SHUTDOWN.search(s)
                ) or re.match(
                    r"^[^.;]{0,20}?\b(?:will|would|are to|are set to)\s+(?:all\s+)?(?:lose their jobs|be laid off|be let go)", s[noun_end:]
                ):
                    self.add(comp, "layoffs", c.value, "persons", q, sa + c.start, sa + c.end, sa, sb)
                    produced.add("layoffs")
                continue
            # "up from 60 a year ago", "along with about 30 of its ... employees": same kind as the last count
            lstart0 = 0
            prevc = [x for x in firm if x.end <= c.start]
            if prevc:
                lstart0 = prevc[-1].end
            if self._last_count is not None and _INHERIT.search(before[lstart0:]) and not (
                noun is None and 1900 <= c.value <= 2100
            ):
                metric, comp = self._last_count
                self.add(comp, metric, c.value, "persons", q, sa + c.start, sa + c.end, sa, sb)
                produced.add(metric)
                if metric == "departed_talent":
                    self._dep_counts.append(sa + c.start)
                continue
            more = re.match(r"^\s+more\b", after)
            if noun is None and not more:
                continue
            if _SUBSET.search(before[-40:]):
                continue
            # the governing verb: object position (verb shortly before) or subject position (verb after)
            lstart = 0
            for b in re.finditer(r",\s(?:and|but|while)\s|;\s|\.\s", before):
                lstart = b.end()
            prev = [x for x in firm if x.end <= c.start]
            if prev:
                lstart = max(lstart, prev[-1].end)
            lwin = before[lstart:]
            verb = None
            lv = None
            for v in _VERB_LEFT.finditer(_lower(lwin)):
                lv = v
            if lv is not None and len(lwin) - lv.end() <= 45:
                verb = "lay" if lv.group("lay") else "dep"
                vtext = lv.group(0).lower()
            if verb is None:
                nxt = [x for x in firm if x.start >= noun_end]
                rend = nxt[0].start if nxt else len(s)
                rwin = s[noun_end : min(rend, noun_end + 160)]
                rv = _VERB_RIGHT.search(_lower(rwin))
                if rv is not None and not rv.group("stay"):
                    verb = "lay" if rv.group("lay") else "dep"
                    vtext = rv.group(0).lower()
            if verb is None and noun and _EMPLOYEE_NOUN.match(noun) and (re.match(
                r"^\s+(?:as of|at the end of|at the start of|at the time|in total)\b", s[noun_end:]
            ) or re.search(r"\b(?:has|had|have|employs|employed)\b[^;]{0,60}\band\s+" + _HEDGE_WORDS + r"$", before)):
                comp = self.attribute(sa, sb, sa + c.start, sa + c.end)
                self.add(comp, "headcount", c.value, "persons", q, sa + c.start, sa + c.end, sa, sb)
                self._last_count = ("headcount", comp)
                continue
            if verb is None:
                continue
            if vtext in ("hired", "recruited") and not of_m:
                continue
            if _HYPO.search(clause) or (verb == "lay" and _PLAN.search(clause)):
                continue
            n = noun or ""
            if verb == "dep" and (_JOB_NOUN.match(n) or vtext in ("lost",) and n in ("jobs", "roles")):
                verb = "lay"
            if verb == "dep" and vtext in ("joined", "joining", "join", "joins"):
                # people joining the startup are hires, not departures
                jm = re.search(r"\bjoin\w*\s+(?:the\s)?(\S+(?:\s\S+)?)", s[c.start :])
                if jm and self.names.is_startup(jm.group(1).strip(",.")):
                    continue
            if verb == "lay" and n and not (_EMPLOYEE_NOUN.match(n) or _JOB_NOUN.match(n)):
                continue
            metric = "layoffs" if verb == "lay" else "departed_talent"
            comp = self.attribute(sa, sb, sa + c.start, sa + c.end)
            if rng is not None:
                assert rng.value is not None  # a range is read only between two counts that have values
                self.add(comp, metric, c.value, "persons", "range_low", sa + c.start, sa + c.end, sa, sb)
                self.add(comp, metric, rng.value, "persons", "range_high", sa + rng.start, sa + rng.end, sa, sb)
            else:
                self.add(comp, metric, c.value, "persons", q, sa + c.start, sa + c.end, sa, sb)
            self._last_count = (metric, comp)
            produced.add(metric)
            if metric == "departed_talent":
                self._dep_counts.append(sa + c.start)
        for pm in _PCT_OF_N.finditer(s):
            pa, pb = self._cb(sa, sb, pm.start())
            if _DENY.search(s[pa:pb]) or _PLAN.search(s[pa:pb]) or _HYPO.search(s[pa:pb]):
                continue
            frac = pm.group("frac").lower()
            val = float(pm.group("pct")) / 100 if pm.group("pct") else _FRAC_VALUE.get(frac)
            staff = float(pm.group("n").replace(",", ""))
            if val is None:
                continue
            comp = self.attribute(sa, sb, sa + pm.start("frac"), sa + pm.end("frac"))
            q = hedge_before((pm.group("hedge") or "") + " ")
            self.add(comp, "layoffs", round(staff * val), "persons", q, sa + pm.start("frac"), sa + pm.end("frac"), sa, sb)
            produced.add("layoffs")
        for fm in _FRACTION.finditer(s):
            pa, pb = self._cb(sa, sb, fm.start())
            if _DENY.search(s[pa:pb]) or _PLAN.search(s[pa:pb]) or _HYPO.search(s[pa:pb]):
                continue
            if any(pm.start() <= fm.start() < pm.end() for pm in _PCT_OF_N.finditer(s)):
                continue
            frac = fm.group("frac").lower()
            val = float(fm.group("pct")) / 100 if fm.group("pct") else _FRAC_VALUE.get(frac)
            if val is None:
                continue
            q = hedge_before((fm.group("hedge") or "") + " ")
            self.fractions.append((sa + fm.start("frac"), sa + fm.end("frac"), sa, sb, val, q))
        return produced

    # -- leadership ------------------------------------------------------------------------------
    def leadership(self, sa: int, sb: int, produced: set[str]) -> None:
        t = self.text
        s = t[sa:sb]
        ms = self.mentions_in(sa, sb)
        starts = {c.split()[0] for c in self.names.startups}
        lists = [(sa + x.start(1), sa + x.end(1)) for x in _BACKER_LIST.finditer(s)]
        people = [
            m for m in ms
            if (m[3] == "person" or (m[3] == "other" and _looks_like_person(m[2]) and m[2].split()[0] not in starts))
            and not re.match(r"^(?:['’]s)?\s+(?:founders?|co-founders?|ceo|chief|boss|employees|staff|investors|board)\b",
                             t[m[1] : m[1] + 30])
            and _could_be_person(m[2]) and not any(a <= m[0] < b for a, b in lists)
        ]  # fmt: skip
        if not _DENY.search(s):
            for v in _DEPART_NAME.finditer(s):
                vpos = sa + v.start()
                if any(c < vpos for c in self._dep_counts):
                    continue  # the names enumerate a group already counted
                person = None
                if v.group("n"):
                    poss = [p for p in people if p[1] <= vpos and re.match(r"^['’]s\s(?:own\s)?$", t[p[1] : vpos])]
                    if poss:
                        person = poss[-1]
                    else:
                        aft = [p for p in people if p[0] >= sa + v.end() and re.match(
                            r"^\s+(?:from|of)\s+(?:[\w\-]+\s+){0,4}$", t[sa + v.end() : p[0]])]  # fmt: skip
                        if aft:
                            person = aft[0]
                else:
                    vt = v.group("v").lower()
                    if vt == "left" and re.search(r"\b(?:is|was|were|are|be|been|what|nothing)\s+$", s[: v.start()]):
                        continue
                    for p in reversed([p for p in people if p[1] <= vpos]):
                        if _SUBJECT_GAP.match(t[p[1] : vpos]):
                            person = p
                            break
                if person is None:
                    continue
                # "who left Google in 2019": leaving another organisation is not a departure from this one
                nxt = [m for m in ms if m[0] >= sa + v.end() and m[0] - (sa + v.end()) <= 2]
                if v.group("v") and nxt and nxt[0][3] == "other" and not _looks_like_person(nxt[0][2]):
                    continue
                if _in_quotes(t, sa + v.start()) and v.group("v") and "last day" not in v.group(0).lower():
                    continue
                # "Jane Doe and John Roe left": everyone coordinated with the subject left too
                group = [person]
                earlier = [p for p in people if p[1] <= person[0]]
                while earlier and re.fullmatch(r",?\s+(?:and\s+)?|,\s+", t[earlier[-1][1] : group[0][0]]):
                    group.insert(0, earlier.pop())
                comp = None
                after = t[sa + v.end() : sb]
                am = [m for m in ms if m[3] == "startup" and m[0] >= sa + v.end() and m[0] - (sa + v.end()) < 60]
                if am and re.match(r"^\s+(?:as\s[\w\s\-]{0,40}?\s)?(?:of|from|at)\s", after):
                    comp = am[0][2]
                if comp is None:
                    comp = self.attribute(sa, sb, group[0][0], group[0][1])
                if comp is None:
                    continue
                role = _ROLE.search(s)
                kind = "resigned" if re.search(r"resign|step", v.group(0), re.I) else "departed"
                if re.search(r"\bjoin\w*|to lead\b|hired by\b", s[v.start() :], re.I) and kind == "departed":
                    kind = "hired_away"
                as_of, _ = self.date_for(sa, sb, vpos, "departed_talent")
                for who in group:
                    key = who[2].split()[-1].lower()
                    if key in self.departed:
                        continue
                    self.departed.add(key)
                    self.add(comp, "departed_talent", 1, "persons", "exact", vpos, sa + v.end(), sa, sb, key)
                    self.events.append(Event(comp, who[2], role.group(0).lower() if role else None, kind,
                                             vpos, sa + v.end(), s, sa, as_of, self.confidence(s)))  # fmt: skip
        # office-holders named only by role leave together in one sentence: one row with their number
        role_rows: dict[str | None, list] = {}
        for rd in _ROLE_DEPART.finditer(s):
            vg = "v" if rd.group("v") else "seq2"
            vpos = sa + rd.start(vg)
            if any(c < vpos for c in self._dep_counts) or _DENY.search(s):
                continue
            seq = rd.group("seq") or rd.group("seq2")
            roles = re.findall(_ROLE_NP, seq) + re.findall(r"(?:\band\s+|,\s+)" + _ROLE_BARE, seq)
            keys = ["role:" + re.sub(r"^\S+\s+(?:company['’]s\s+)?", "", r.lower()) for r in roles]
            new = [k for k in keys if k not in self.departed]
            if not new:
                continue
            self.departed.update(new)
            seq_start = sa + (rd.start("seq") if rd.group("seq") else rd.start("seq2"))
            pm = re.match(r"[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)*['’]s?\s", seq)
            at = seq_start + pm.end() if pm else seq_start
            comp = self.attribute(sa, sb, at, at)
            row = role_rows.setdefault(comp, [0, vpos, sa + rd.end(vg), []])
            row[0] += len(new)
            row[3].extend(new)
        for comp, (n, vs, ve, keys) in role_rows.items():
            self.add(comp, "departed_talent", n, "persons", "exact", vs, ve, sa, sb, "|".join(keys))
        # appointments and interim leaders
        if re.search(r"\binterim\b", s, re.I) or _APPOINT.search(s):
            comp = self.attribute(sa, sb, sa, sa)
            if comp is None:
                return
            kind = "interim" if re.search(r"\binterim\b", s, re.I) else "appointed"
            if kind == "appointed" and not _ROLE.search(s):
                return
            for p in people:
                if p[2].split()[-1].lower() in self.departed or p[3] != "person":
                    continue
                if (p[2].split()[-1].lower(), kind) in self._event_keys:
                    continue  # one person, one event: "Jane Roe ... Roe" in a sentence is one appointment
                self._event_keys.add((p[2].split()[-1].lower(), kind))
                if kind == "appointed":
                    ctx = t[max(sa, p[0] - 60) : min(sb, p[1] + 60)]
                    if not _APPOINT.search(ctx):
                        continue
                role = _ROLE.search(t[max(sa, p[0] - 60) : min(sb, p[1] + 60)])
                as_of, _ = self.date_for(sa, sb, p[0], "departed_talent")
                self.events.append(Event(comp, p[2], role.group(0).lower() if role else None, kind, p[0], p[1],
                                         s, sa, as_of, self.confidence(s)))  # fmt: skip

    # -- whole article ---------------------------------------------------------------------------
    def run(self) -> None:
        t = self.text
        lim = min(len(t), MAX_TEXT)
        # Cues are found in one pass over the text, then handed to the sentences that contain them; a
        # sentence without any is not looked at again. (No cue contains a sentence break, sentences start
        # and end next to whitespace, so a sentence holds exactly the cues a search of it alone would find;
        # the rare sentence cut at MAX_SENTENCE is searched on its own.)
        money_at = [m.start() for m in _MONEY_HINT.finditer(t, 0, lim)]
        people_at = [(m.start(), m.lastgroup) for m in _PEOPLE_CUES.finditer(t, 0, lim)]
        years_at = [(m.start(), m.group(0)) for m in _YEAR_RE.finditer(t, 0, lim)]
        startups_at = [(k[0], k[2]) for k in self._kinds if k[3] == "startup"]
        im = ip = iy = ist = 0
        prev: tuple[int, int] | None = None
        for sa, sb in split_sentences(t[:MAX_TEXT]):
            if sb - sa < 6:
                continue  # too short to say anything
            # "X denied reports that ... . Outlets had reported that the deal valued it at $9bn."
            if prev is not None and t.find("report", sa, sb) != -1:
                s = t[sa:sb]
                if _REPORT_THAT.search(s) and _THE_DEAL.search(s) and _DENY.search(t[prev[0] : prev[1]]):
                    prev = (sa, sb)
                    continue
            prev = (sa, sb)
            cut = sb - sa > MAX_SENTENCE
            if cut:  # not a sentence; read only its start
                sb = sa + MAX_SENTENCE
            s = t[sa:sb]
            while im < len(money_at) and money_at[im] < sa:
                im += 1
            if (_MONEY_HINT.search(s) is not None) if cut else (im < len(money_at) and money_at[im] < sb):
                self.money(sa, sb)
            self._dep_counts = []
            count_cue = lead_cue = False
            while ip < len(people_at) and people_at[ip][0] < sa:
                ip += 1
            if cut:
                cues, j = [(sa + m.start(), m.lastgroup) for m in _PEOPLE_CUES.finditer(s)], 0
            else:
                cues, j = people_at, ip
            while j < len(cues) and cues[j][0] < sb and not (count_cue and lead_cue):
                cue_group = cues[j][1]
                assert cue_group is not None  # every branch of a cue scanner is a named group
                kind = cue_group[0]
                if kind == "b":
                    count_cue = lead_cue = True
                elif kind == "c":
                    count_cue = True
                else:
                    lead_cue = True
                j += 1
            produced = self.people(sa, sb) if count_cue and (_FIGURE_CHAR.search(s) or CANDIDATE_RE.search(s)) else set()
            if lead_cue:
                self.leadership(sa, sb, produced)
            while ist < len(startups_at) and startups_at[ist][0] < sa:
                ist += 1
            if ist < len(startups_at) and startups_at[ist][0] < sb:
                self.topic = startups_at[ist][1]
            while iy < len(years_at) and years_at[iy][0] < sa:
                iy += 1
            if cut:
                ys = _YEAR_RE.findall(s)
                if ys:
                    self._year = int(ys[-1])
            else:
                k = iy
                while k < len(years_at) and years_at[k][0] < sb:
                    k += 1
                if k > iy:
                    self._year = int(years_at[k - 1][1])
        self._fractions()
        self._dedup()
        self._incumbents()

    def _incumbents(self) -> None:
        """A company whose only figures are an incumbent's (revenue of $10bn or more, 50,000 employees or
        more) is an established company that the article mentions, not a startup it tracks."""
        by_company: dict[str, list[_Row]] = {}
        for r in self.rows:
            by_company.setdefault(r.company, []).append(r)
        drop = {
            c for c, rows in by_company.items()
            if all((r.metric == "revenue" and r.value >= INCUMBENT_REVENUE)
                   or (r.metric == "headcount" and r.value >= INCUMBENT_HEADCOUNT) for r in rows)
        }  # fmt: skip
        if drop:
            self.rows = [r for r in self.rows if r.company not in drop]

    def _fractions(self) -> None:
        """Layoffs given only as a share of staff, when the article states the base headcount."""
        heads = [r for r in self.rows if r.metric == "headcount"]
        for start, end, sa, sb, val, q in self.fractions:
            comp = self.attribute(sa, sb, start, end)
            as_of, explicit = self.date_for(sa, sb, start, "layoffs")
            same = [r for r in self.rows if r.metric == "layoffs" and r.company == comp
                    and (r.sent_start == sa or r.as_of == as_of)]  # fmt: skip
            if same:
                continue  # the cut is already counted
            base = [h for h in heads if h.company == comp and h.sent_start == sa]
            if not base:
                base = [h for h in heads if h.company == comp and h.explicit_date and (
                    as_of is None or h.as_of is None or abs((as_of.start - h.as_of.start).days) <= 400)]  # fmt: skip
            if not base:
                continue
            h = base[-1]
            self.add(comp, "layoffs", round(h.value * val), "persons", q, start, end, sa, sb)

    def _dedup(self) -> None:
        # "its founder walked out" and "Mostaque's resignation" are one person: an unnamed founder or
        # chief executive who left is dropped when the article names a departing person at that company
        named = {r.company for r in self.rows if r.metric == "departed_talent" and r.person and not r.person.startswith("role:")}
        self.rows = [
            r for r in self.rows
            if not (r.metric == "departed_talent" and r.person and r.person.startswith("role:") and r.company in named
                    and all(_TOP_ROLE.search(k) for k in r.person.split("|")))
        ]  # fmt: skip
        out: list[_Row] = []
        for r in self.rows:
            dup = None
            for o in out if r.person is None else ():
                if o.person is None and (o.company, o.metric, o.unit) == (r.company, r.metric, r.unit) and abs(o.value - r.value) <= 1e-6 * max(1, o.value):
                    if o.explicit_date and r.explicit_date and o.as_of != r.as_of and o.metric not in ("departed_talent",):
                        continue
                    dup = o
                    break
            if dup is None:
                out.append(r)
            elif r.explicit_date and not dup.explicit_date:
                out[out.index(dup)] = r
        self.rows = out

    def metrics(self) -> list[Metric]:
        t = self.text
        out = []
        for r in self.rows:
            sent = t[r.sent_start : r.sent_end]
            out.append(Metric(r.company, r.metric, float(r.value), r.unit, r.qualifier, r.start, r.end, sent,
                              r.sent_start, r.as_of, r.confidence, t[r.start : r.end]))  # fmt: skip
        return out


def _inferred_publication(text: str) -> date | None:
    """No publication date given: the latest fully dated day or month the article mentions.

    >>> _inferred_publication("It launched on 6 April 2020 and closed in October 2020, a year later.")
    datetime.date(2020, 10, 31)
    """
    best = None
    for _, _, p in find_dates(text[:MAX_TEXT], None):
        if p.precision in ("day", "month") and (best is None or p.end > best):
            best = p.end
    return best


# "backed by investors including Northwind Capital and Harbor Lane": a list of backers names no leaders
_BACKER_LIST = re.compile(
    r"\b(?:investors|backers|shareholders|funds|firms|investment firms|venture firms|lenders)\s+(?:including|such as|like|led by)\s+"
    r"((?:(?:[A-Z][\w&.\-]*(?:['’]s)?|of|and|&|the|former|" + ROLE_WORDS + r")(?:\s|,\s)?)+)"
)


def _could_be_person(name: str) -> bool:
    """False for names that only an organisation has ("Northwind Capital", "Acme Labs")."""
    return not (INVESTOR_SUFFIX.search(name) or SUFFIX_RE.match(name.split()[-1]))


def _looks_like_person(name: str) -> bool:
    toks = name.split()
    return 2 <= len(toks) <= 3 and all(re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-Z][a-z]+)?", x) for x in toks)


def extract_figures(text: str, published: date | None, names: Names) -> tuple[list[Metric], list[Event]]:
    """Metrics and leadership events of one article whose names were already found."""
    art = _Article(text, published, names)
    art.run()
    return art.metrics(), art.events
