"""Stage 2, relations for counts of people: layoffs, departures and headcount.

A count takes its metric from the construction around it (``headcount.toml``: "employs 500", "a
workforce of 500", "its 500 employees", "a 120-person team") or from the verb that governs it, before
it in its clause ("laid off 200 employees", "poached 12 engineers") or after its noun ("45 people were
let go", "three of its researchers have left"), and the noun must fit the metric (jobs are cut, not
poached). Shares of a workforce ("20% of its 450 employees") become layoffs when the base is stated;
a count right after the share restates it ("45% of its staff, roughly 80 employees"); otherwise they
wait for a headcount stated elsewhere in the article (extract/assemble.py).

Both ends of a growth are headcounts ("from 90 to more than 210 people", "employs 95, up from 60"); the
staff named as the cut is both ("all 70 staff were laid off", "the 320 employees still on its payroll
will be let go"). Departed people belong to the startup named in the count's phrase ("two of Acme's
engineers"), never to the company that hires them ("Bigco poached 12 of its engineers"); "our" is the
company of the article's headline (interviews). Sources ("two people familiar with the matter"),
industry-wide counts ("40,000 tech workers") and cuts by another company are no metric.

>>> from datetime import date
>>> from extract import extract_article
>>> x = extract_article("Acme, the grocery start-up, laid off 85 of its 310 employees on Tuesday.",
...                     published=date(2024, 5, 2))
>>> sorted((m.metric, m.value) for m in x.metrics)
[('headcount', 310.0), ('layoffs', 85.0)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from extract.discourse import I_DID, Discourse
from extract.document import Sentence
from extract.figures import counts_in, percents_in
from extract.numbers import HEDGES_EARLY, NUMBER_NEXT
from extract.lexicon import MODALITY, PEOPLE, Cue, CueSet
from extract.mentions import ORG_KINDS, Count, Name
from extract.people import speaker_company
from extract.relations import Claim, View
from extract.relations import _WE, _startups_before, says_respectively

__all__ = ["Fraction", "count_claims"]

# inline patterns, compiled once (hot paths)
_RX0 = re.compile((r",\s(?:and|but|while)\s|;\s"))
_RX1 = re.compile((r"\bjoin\w*\s+(?:the\s)?(\S+(?:\s\S+)?)"))
_RX2 = re.compile((r"(?:it|us|them|the (?:company|start-?up|firm|team))\b"), re.I)
_RX3 = re.compile((r"\b(?:our|my)\b"))
_RX4 = re.compile((r"\s+go\b"))
_RX5 = re.compile((r"^[,\s]+all of whom\b[^.;]{0,40}?\b(?:lose|lost|losing|will lose|be laid off|be let go)\b|^\s+(?:out of (?:work|a job|their jobs)|without (?:jobs|a job|work|employment|pay and jobs)|jobless|unemployed)\b"
        r"|^[^.;]{0,20}?\b(?:will|would|are to|are set to)\s+(?:all\s+)?(?:lose their jobs|be laid off|be let go)"))
_RX6 = re.compile((r"\b(?:its|their)\s+(?:\w+\s+)?$"))
_RX7 = re.compile((r"[.;:]|,\s(?:and|but|while)\s"))
_RX8 = re.compile((r"^\s+more\b"))
_RX9 = re.compile((r"\s+more\b"))

_HEAD = CueSet(("headcount",))
_LET_GO = Cue("layoffs", "before", "let ... go", "Acme let 80 people go.")
_ASKED_TO_GO = Cue("layoffs", "before", "asked ... to leave", "Acme asked 115 employees to leave.")
# "asked more than 115 employees to leave", "forced 300 staff to resign": pushed out, i.e. laid off
_ASKED_LEFT = re.compile(
    r"\b(?:asked|asks|asking|forced|forces|forcing|told|tells|pushed|pushes|made|makes|compelled|nudged)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|another|at least|close to)\s+)*$"
)
_TO_LEAVE = re.compile(r"\s+(?:[a-z\-]+\s+){0,6}?to\s+(?:leave|resign|quit|go|put in (?:their|his|her) papers)\b")
# between a weak headcount cue ("has", "with", "leaving it with") and its count: hedges and adverbs only
_WEAK_GAP = re.compile(
    r"\s*(?:(?:about|around|roughly|some|nearly|almost|more than|over|under|approximately|just|just over|just under|a little over"
    r"|close to|fewer than|less than|up to|only|now|still|already|currently|today|a total of|total of|the|its|a|an|at least|as many as"
    r"|another|a further|with|staff of|team of|workforce of)\s+"
    r"|\d[\d.,]*\s+(?:(?:million|billion|thousand)\s+)?[a-z\-]+,?\s+(?:and\s+)?)*"  # "has 1.2 million users and 300 employees"
)
# counts of a whole industry: "more than 40,000 tech workers lost their jobs", "employees of U.S. tech companies",
# "8,715 employees in fintech", "people laid off from 259 tech startups"
_SECTOR_NP = re.compile(
    r"\b(?:tech|technology|industry|sector|start-?up|crypto|fintech|edtech|venture-backed|silicon valley|global)\s+(?:workers|employees|jobs|staff|people|roles)\b"
    r"|^\s+(?:of|across|in|at|from)\s+(?!its\b|their\b|our\b)(?:the\s+)?(?:[\w.\-]+\s+){0,3}?"
    r"(?:industry|sector|ecosystem|space|start-?ups|companies|firms|unicorns|businesses|employers|fintechs?|edtechs?|crypto)\b"
    r"(?!\s+(?:(?:leader|leaders|giant|player|rival|peer|veteran|heavyweight|darling)\b|(?-i:[A-Z])))",  # not "from industry leader Acme"
    re.I,
)
# later in the count's clause, the many companies it adds up: "laid off across 41 layoff events", "by 74 startups", "in the sector"
_SECTOR_LATER = re.compile(
    r"\b(?:across|from|at|by|in|among)\s+(?:(?:more than|over|some|about|around|nearly|at least)\s+)?(?:\d[\d,]*|dozens of|hundreds of)\s+"
    r"(?:[\w\-\"“”]+\s+){0,2}?[\"“]?(?:companies|start-?ups|firms|unicorns|businesses|employers|events|rounds)\b"
    r"|\bin the (?:sector|industry|ecosystem|space|tech industry|startup ecosystem)\b"
)
# a plural subject (companies in general) before the verb: "edtech platforms have already fired", "Indian edtech
# startups have laid off", "major companies such as A, B and C, among others, are reported to have slashed"
_GENERIC_SUBJECT = re.compile(
    r"\b(?:start-?ups|companies|firms|platforms|players|unicorns|businesses|employers|giants|fintechs|edtechs)"
    r"(?:\s*(?:,|-|–|—)\s[^.;]{1,120}?(?:,|-|–|—)|\s+(?:such as|like|including)\s+[^.;]{1,120}?)?\s+"
    r"(?:(?:have|has|had|are|were|been|be|alone|together|collectively|combined|already|also|reportedly|reported|believed|said|to|since|so far)\s+)*"
    r"(?:laid off|lay off|laying off|cut|cutting|slashed|slashing|shed|shedding|fired|firing|sacked|axed|let go(?: of)?|dismissed|eliminated)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|at least|close to)\s+)*$"
)
#: no startup's cut of people in one go is this large without the startup named in the sentence
_ANONYMOUS_MAX = 10_000
# the sentence reports a tally of many companies' layoffs
_TALLY = re.compile(
    r"\b(?:tally|tallies|tracker|layoffs\.fyi|trueup|according to [^.;]{0,40}\b(?:data|analysis|count|figures)\b|(?:our|a|an) (?:count|analysis) of)\b"
)
_REMAINING = re.compile(r"\b(?:remaining|rest of|all)\b")
_ALONG = re.compile(r"(?:,\s+|\s)(?:along with|together with|as well as|plus|and)\s+(?:(?:about|around|roughly|some|nearly|almost|more than|over|another)\s+)*$")
_LEFT_END = re.compile(r"(?:left|quit|exited|departed)$")
#: a hire of a startup's named people before a count: "hired Acme's co-founders, A and B, along with 20 of its staff"
_HIRED_PEOPLE = re.compile(
    r"\b(?:hired|hires|has hired|is hiring|poached|lured|took on|brought over|snapped up)\s+(?:[A-Z][\w\-.]*['’]s|its|the start-?up['’]s)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:co-?founders?|founders?|chief|ceo|cto|team|researchers|engineers)\b"
)
_OF_FROM = re.compile(r"\s+(?:[^,;.]{0,30}?\s)?(?:of|from|at)\s+(?:the\s+|its\s+|their\s+)?(?:(?:rival|fellow|industry|leader|start-?up|lab|giant|company)\s+|(?<=the\s)(?:[a-z\-]+\s+){1,3}"
                      r"|(?:[\w\-]+\s+){0,2}(?:marketplace|platform|app|\w*tech|lender|exchange|neobank|maker|developer|portal|studio)\s+){0,3}")
# a hire told with where the people come from: "recruited seven researchers from industry leader Acme"
_FROM_ORG = re.compile(r"\s+(?:away\s+)?from\s+(?:the\s+)?(?:[a-z\-]+\s+){0,3}[A-Z]")
_HIRING = re.compile(r"poach|hir|lur|recruit|took|snapped|raided")
_LEAVE = re.compile(r"\b(?:leave of absence|sabbatical|extended leave|medical leave|parental leave|on leave)\b")
_VERB_REACH = 45  # a governing verb ends at most this far before the count
_RIGHT_REACH = 160
_EXIT_OF = re.compile(
    r"\b(?:departure|departures|exit|exits|exodus|resignations?|loss)\s+of\s+(?:its|their|the company['’]s|the start-?up['’]s"
    r"|(?:[A-Z][\w\-.]*+\s){0,2}[A-Z][\w\-.]*['’]s)\s+$",  # "the exits of RentEasy's three co-founders"
    re.I,
)
_OF_POSS_LEFT = re.compile(
    r"\bof\s+(?:its|their|our|my|the company['’]s|the start-?up['’]s|(?:[A-Z][\w\-]*+\s){0,2}[A-Z][\w\-]*['’]s)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|approximately|total|remaining|original|first|initial"
    r"|founding|early|senior|top|then)\s+)*$",
    re.I,
)
_OF_THE_LEFT = re.compile(r"\bof\s+(?:the|his|her)\s+(?:(?:about|around|roughly|some|nearly|more than|over|first|original|initial|founding)\s+)*$"
                          r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+of\s+$", re.I)  # ("Two of seven co-founders")
_POSS_LEFT = re.compile(
    r"(?:\b(?:its|their|our)|[A-Z][\w\-]*['’]s|the company['’]s|the start-?up['’]s)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|approximately|just over|just under|total|remaining|current|then)\s+)*$",
    re.I,
)
_LAYOFF_LEFT = re.compile(
    r"\b(?:laid off|lay off|lays off|laying off|cut|cuts|cutting|eliminat\w+|ax\w*|shed\w*|slash\w*|let go|fired|dismiss\w*|furlough\w*|trim\w*)\s+(?:\w+\s+)?$"
)
_LAYOFF_WHOLE = re.compile(r"\b(?:laid off|lay off|lays off|laying off|let go of|letting go of|fired|dismissed)\s+(?:all|its|the|their)\b")
_SUBSET = re.compile(r"\b(?:among them|including|of whom|of which|such as)\s+(?:\w+\s+)?$", re.I)
_STAY = re.compile(r"^[^.;]{0,60}?\b(?:remain\w*|still (?:at|with|work)|stay\w*|are still|joined the company|will stay)\b")
_ALL_LEFT = re.compile(
    r"\ball\s+(?:of\s+(?:its|the|their)\s+)?(?:(?:about|around|roughly|some)\s+)?(?:remaining\s+)?$"
    r"|\b(?:its|the|their)\s+(?:entire|whole)\s+(?:(?:about|around|roughly|some)\s+)?$",  # "laid off its entire 40-person team"
    re.I,
)
_JOBS_END = re.compile(
    r"\b(?:lose their jobs|lost their jobs|(?:jobs|roles|positions)\s(?:were|would|will|are|was)(?:\sbe)?\s(?:ending|end|ended|eliminated|cut)"
    r"|laid off|let go|made redundant|out of work|shut\w* down|closing|clos\w+ (?:its|the) doors|wind\w* down|cease\w* operations"
    r"|lose (?:their )?(?:jobs|positions))\b"
)
_SHUTDOWN = re.compile(
    r"\b(?:it|the company|the start-?up|the firm|[A-Z][\w\-]*)\s+(?:would|will|was going to|is going to|is to|plans to|planned to|has|had)?\s?"
    r"(?:shut(?:ting)?\s+down|shuts down|close|closing|closes|wind(?:ing)?\s+down|winds down|cease\s+(?:operations|trading))\b"
    r"(?!\s+(?:its|a|an|the|some|one|two|several|part|parts)\b)"
)
_CONTRACT = re.compile(r"\bcontract\w*\s+(?:workforce|staff|workers)\b|\bcontractors?\b")
_NEW = re.compile(r"\bnew\b")


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class Fraction:
    """A layoff given only as a share of staff, waiting for a base headcount stated elsewhere."""

    company: str
    sentence: Sentence
    start: int
    end: int
    fraction: float
    qualifier: str


@dataclass
class _Ctx:
    v: View
    d: Discourse
    counts: list[Count]
    money: list[tuple[int, int]]
    last: tuple[str, str] | None = None  # (metric, company) of the previous count in the sentence
    last_end: int = 0  # where the count that gave ``last`` ends
    owners: dict[int, str] = field(default_factory=dict)  # count start -> its startup ("respectively", the cut's subject)


_MONTH_MAY = re.compile(
    r"\b(?P<p>(?:in|early|late|mid|since|until|by|of|last|this|next|from|to|during|between|and|through) )may\b"
    r"|^may\b(?=,| \d| of\b| last\b| this\b)|\bmay(?= (?:19|20)\d\d\b| \d{1,2}\b|,\s)"
)


def _months_out(low: str) -> str:
    """Lower-case text with the month of May blanked, so that modality cues do not read it as "may".

    >>> _months_out("in may, acme laid off 80 people; it may cut more")
    'in ___, acme laid off 80 people; it may cut more'
    """
    return _MONTH_MAY.sub(lambda m: (m.group("p") or "") + "___", low) if "may" in low else low




_PASSIVE_DENIAL_WORD = re.compile(r"\b(?:been|was|were|be|being|got|get)\s+(?:dismissed|rejected)\b")


def _denied(clause: str) -> bool:
    """A denial in the clause ("denied reports that it cut 200 jobs"); a denial word that governs a
    count is the layoff itself ("dismissed 159 people").

    >>> _denied("acme dismissed 159 people"), _denied("acme dismissed reports that it cut 159 jobs")
    (False, True)
    """
    if "dismissed" in clause or "rejected" in clause:  # "70 employees have been dismissed": the layoff, passive
        clause = _PASSIVE_DENIAL_WORD.sub(lambda x: " " * len(x.group(0)), clause)
    m = MODALITY.first("denied", "clause", clause)
    if m is None or not NUMBER_NEXT.match(clause, m.end()):
        return m is not None
    last = MODALITY.find("denied", "clause", clause)
    return last is not None and last.start() != m.start() and not NUMBER_NEXT.match(clause, last.end())


_LISTED = re.compile(r",?\s+(?:and|or)\s+|,\s+")


def _same_list(s: str, a: Count, b: Count) -> bool:
    """Two counts of one list of people: "260 and 2,000 employees", "80 tutors and 12 engineers"."""
    if a.noun is None or b.noun is None or not _LISTED.fullmatch(s, a.noun_end, b.start):
        return False
    return a.noun_class == b.noun_class or all(x.noun_class in ("employee", "job") or _RANK_AND_FILE.fullmatch(x.noun or "") for x in (a, b))


_LISTED_FIGURE = re.compile(r"\d[\d.,]*\s+[a-z\-]+,?\s+")
_LISTED_THING = re.compile(r"\s+[a-z][\w\-]*,?\s+(?:and\s+)?(?:(?:about|around|roughly|some|nearly|almost|more\s+than|over|approximately)\s+)?")


def _left_window(ctx: _Ctx, i: int) -> tuple[int, str]:
    """The text (lower case) a cue for count ``i`` may sit in: its clause, after the previous figure (before
    the list the count closes: "laid off 260 and 2,000 employees")."""
    c = end = ctx.counts[i]
    prev = [x for x in ctx.counts[:i] if x.value is not None]
    while prev and (_same_list(ctx.v.s, prev[-1], c) or (prev[-1].noun is None and _LISTED_THING.fullmatch(ctx.v.s, prev[-1].end, c.start))):
        c = prev.pop()  # the verb before the list governs each count of it (also "has 1,000 sellers, 600 trucks and 2,000 employees")
    ca, _ = ctx.v.clause(c.start)
    lo = ca
    for b in _RX0.finditer(ctx.v.s[: c.start]):
        lo = max(lo, b.end())
    if prev:
        lo = max(lo, (prev[-1].high[1] if prev[-1].high else prev[-1].end))
    lo = max([lo] + [b for a, b in ctx.money if b <= c.start])
    return lo, ctx.v.low[lo : end.start]


def _a_year(s: str, c: Count) -> bool:
    """"in 2022", "March 2023 layoffs", not "2,000" or "2000 employees"."""
    if c.value is None or not 1900 <= c.value <= 2100 or not s[c.start : c.end].isdigit():
        return False
    return (c.noun is None or c.noun in _CUT_NOUNS or _MONTH_BEFORE.search(s, max(0, c.start - 12), c.start) is not None
            or _YEAR_PREP_BEFORE.search(s, max(0, c.start - 12), c.start) is not None  # "By 2024 co-founders A and B left"
            or _YEAR_MODIFIER.match(s, c.end) is not None)  # "the company's 2022 leadership team"


#: a year before the words it dates: "2022 leadership team", "2023 cohort", "2021 round"
_YEAR_MODIFIER = re.compile(
    r"\s(?:[a-z\-]++\s)?(?:team|teams|cohort|class|batch|board|leadership|round|budget|plan|report|results|accounts|edition|intake|season)\b"
)


_YEAR_PREP_BEFORE = re.compile(r"\b(?:in|by|since|until|till|during|through|early|late|mid-?)\s*$", re.I)


_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I)


def _named_just_before(ctx: _Ctx, c: Count) -> bool:
    """A person's name ends right before ", " and the count ("Jane Roe, one of ...")."""
    sa = ctx.v.sentence.start
    near = ctx.d.names.between(sa + max(0, c.start - 60), sa + c.start)
    return bool(near) and near[-1].kind == "person" and near[-1].end - sa == c.start - 2


def _other_end(ctx: _Ctx, i: int) -> bool:
    """The other end of a headcount just read: "grew from 90 to 210", "has 95 employees, up from 60"."""
    c = ctx.counts[i]
    if ctx.last is None or ctx.last[0] != "headcount" or i == 0 or c.noun_class not in (None, "employee"):
        return False
    earlier = [x for x in ctx.counts[:i] if x.value is not None and not _a_year(ctx.v.s, x)]
    if not earlier:
        return False
    prev = earlier[-1]
    gap = ctx.v.low[(prev.high[1] if prev.high else prev.end) : c.start]
    return bool(_THEN_TO.fullmatch(gap) or _UP_FROM.search(gap))


def _is_headcount(ctx: _Ctx, i: int, after_noun: str) -> bool:
    """Constructions that make a count the workforce: 'employs 500', 'a staff of 500', 'its 500 employees'."""
    c, s = ctx.counts[i], ctx.v.s
    if c.of_base is not None:
        return False  # "30 of its 130 employees": a part of the staff
    if _other_end(ctx, i):
        return True
    before = s[: c.start]
    if (c.noun is None or c.noun_class == "employee") and _HEAD_TO_LEFT.search(before[-80:]) and not _GOAL_LEFT.search(before[-90:]):
        return True  # "bringing its headcount to 260", "slashed its workforce by a third, to about 300 people"
    if c.noun_class in ("employee", "job") and _N_OF_LEFT.search(before[-30:]):
        return True  # "cuts 90 of 600 jobs": the whole
    team = _TEAM_OF_LEFT.search(before[-50:]) if c.noun_class == "talent" else None
    if team is not None and not _HIRING.search(before[-80:].lower()) and not before[-50:][: team.start()].rstrip().endswith(" and"):
        # (not "taking the startup's two co-founders and a team of about 15 researchers": people who left)
        return True  # "has built a team of more than 180 scientists and engineers": the staff
    if (c.noun is None or c.noun_class == "employee") and _out_of_left(before[-80:]):
        return True  # "424 employees out of the 5,900": the whole staff
    if c.noun_class == "employee" and _NAME_PAREN.search(before[-60:]):
        return True  # "Gorillas (more than 10,000 employees, ...)": a fact box after the name
    employee = c.noun is None or c.noun_class == "employee"
    window = _left_window(ctx, i)[1][-70:]
    cue = PEOPLE.nearest_before(window)
    head = _HEAD.nearest_before(window) if cue is not None and (cue.table != "headcount" or cue.requires) else None
    # ("has cut its headcount from 120": "has" and "cut" read first, "from" is the weak cue nearest; the headcount cue holds all)
    if head is not None and cue is not None and (head.end > cue.end or head.end == cue.end and head.start <= cue.start):
        cue = head  # "cut its workforce to 2,000": the headcount cue holds the layoff verb
    if cue is not None and cue.table == "headcount" and cue.requires and not _WEAK_GAP.fullmatch(window[cue.end :]):
        cue = None  # "has trained 5,000 workers": "has" helps another verb
    reach = 60 if cue is not None and cue.requires and _LISTED_FIGURE.search(window, cue.end) else 30  # (past a list: "has 1,000 sellers, 600 trucks and")
    if cue is not None and cue.table == "headcount" and len(window) - cue.end <= reach and employee:
        cut = PEOPLE.right_after(ctx.v.low[c.noun_end : c.noun_end + 60])
        if cue.requires and cut is not None and cut.table == "layoffs" and not _REMAINING.search(window):
            return False  # "has made 75 people redundant": "has" is no headcount cue here
        if c.noun is not None or _bare_headcount(s, c, cue.requires):
            return True
    right_text = ctx.v.low[(c.high[1] if c.high else c.end) :][:60]
    right = PEOPLE.right_after(right_text)
    governed = cue is not None and cue.table != "headcount" and len(window) - cue.end <= _VERB_REACH
    if _SUBTEAM.match(right_text):
        return False  # "the original 11-person founding team", "a 40-strong engineering team": part of the company
    if right is not None and right.table == "headcount" and employee and not (governed and _WHERE_RIGHT.match(right_text)):
        return True  # "500 employees worldwide", not "laid off 150 workers worldwide"
    if c.noun_class == "employee" and _ALL_LEFT.search(before[-60:]) and _JOBS_END.search(after_noun):
        return True  # "All 54 employees lost their jobs": the staff (and the layoffs)
    if c.noun_class == "employee" and _EMPLOYED_RIGHT.match(after_noun) and not (governed and _WHERE_RIGHT.match(right_text)):
        return True  # "the 1,100 people it employed at the time"
    if c.noun_class != "employee" or c.noun in ("people",) and not _POSS_LEFT.search(before[-60:]):
        return bool(c.noun == "people" and _OF_POSS_LEFT.search(before[-70:]))
    if _OF_POSS_LEFT.search(before[-70:]) or (_POSS_LEFT.search(before[-60:]) and not _LAYOFF_LEFT.search(before[-40:].lower())):
        return True
    return False


# after a count, where its people work (not who remains): "150 workers worldwide", "200 employees across teams"
_WHERE_RIGHT = re.compile(r"^(?:\+|-plus)?\s+(?:[a-z\-]+\s+){0,2}?(?:worldwide|globally|across|in total|at the end of|as of|at the start of|at the beginning of|at the time)\b")
_SUBTEAM = re.compile(
    r"^-(?:person|strong|member|people)\s+(?:founding|leadership|executive|management|engineering|research|sales|product|design|data"
    r"|legal|marketing|support|security|board|core|technical|tech|ai|ml|operations|finance|policy|safety|hardware|software)"
    r"\s+(?:team|unit|division|department|group|squad|crew|lab|office|staff)\b"  # (not "a 90-person legal tech startup")
)
_NAME_PAREN = re.compile(
    r"[A-Z][\w.&'’\-]*\s*\(\s*(?:(?:about|around|roughly|some|nearly|almost|more than|over|just over|just under|approximately|close to)\s+)*$"
)
_HEAD_TO_LEFT = re.compile(
    r"\b(?:headcount|head count|workforce|staff numbers|staff count)\b(?:\s+by\s+[\w\s%-]{1,25}?,?|\s+down|\s+back)?\s+to\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|just over|just under|fewer than|less than|under|approximately)\s+)*$",
    re.I,
)
_HEAD_GOAL = re.compile(
    r"\b(?:wants?|wanted|plans?|planned|aims?|aimed|hopes?|hoped|expects?|expected|intends?|targets?|seeks?|is looking)\s+to\s+"
    r"(?:have|reach|hit|employ|hire|grow|get|double|triple|build|add|take|bring)\b[^.;]{0,40}$"
)
_GOAL_LEFT = re.compile(r"\b(?:plans?|planned|wants?|wanted|aims?|aimed|hopes?|hoped|expects?|expected|intends?|targets?|will|would|could|to)\s+(?:\w+\s+){0,3}?(?:double|triple|grow|expand|increase|raise|take|bring|lift)\b")
_N_OF_LEFT = re.compile(r"(?:\b\d[\d,]*\s+of|\d\s?%\s+(?:of|from)(?:\s+(?:its|the|their|our))?|\bper ?cent\s+(?:of|from))\s+$")
_OUT_OF_GAP = re.compile(r"\s+out of\s+(?:(?:the|its|their|a total of)\s+)?(?:(?:about|around|roughly|some|nearly|almost|over)\s+)*")
_OUT_OF_LEFT = re.compile(
    r"\b(?:employees|staff|staffers|people|workers|jobs|roles|positions)\s+out of\s+(?:(?:the|its|their|our|a total of|a workforce of)\s+)?"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|just over|just under)\s+)*$",
    re.I,
)


def _out_of_left(left: str) -> bool:
    """``_OUT_OF_LEFT.search(left) is not None``, ruled out first by the words it holds (a cheap test)."""
    return "out of" in left.lower() and _OUT_OF_LEFT.search(left) is not None
# a workforce cut by a number of people: "reducing its workforce by around 160", "trimmed headcount by 45"
_BY_PEOPLE = re.compile(
    r"\b(?:cut\w*|reduc\w+|trimm?\w*|slash\w*|shr[iu]nk\w*|downsiz\w+|lower\w*|shed\w*)\s+(?:(?:its|their|the|our|[A-Z][\w\-]*['’]s)\s+)?"
    r"(?:global\s+|total\s+|overall\s+)?(?:workforce|headcount|head count|staff|staffing|team|payroll|employees|employee base)\s+by\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|just over|just under|approximately|close to|another|a further)\s+)*$",
    re.I,
)
# after a cut, its running total: "bringing its total to 1,100", "taking the tally of layoffs this year to 600"
_TALLY_LEFT = re.compile(
    r"\b(?:bring\w*|tak\w+|took|rais\w+|push\w*|lift\w*)\s+(?:its|the|their|our)\s+(?:overall\s+|total\s+|cumulative\s+)?"
    r"(?:total|tally|count|number)(?:\s+(?:of\s+)?(?:layoffs|lay-offs|job cuts|cuts|redundancies|jobs cut|people laid off))?"
    r"(?:\s+(?:this|so far|for the|in)\s+[\w ]{1,15}?)?\s+(?:to|up to)\s+(?:(?:about|around|roughly|some|nearly|almost|more than|over)\s+)*$",
    re.I,
)
# talent nouns that a layoff can count (not leaders: "cut three executives" is told as departures)
_RANK_AND_FILE = re.compile(
    r"researchers|academics|engineers|scientists|staff scientists|developers|designers|product managers|hires|members|teachers|tutors"
    r"|educators|instructors|salespeople|employees|staff|people"
)
# a modal right before a cutting verb: "may begin firing", "might lay off", "could soon cut"
_MODAL_LEFT = re.compile(r"\b(?:may|might|could)\s+(?:(?:begin|start|soon|also|still|have to|need to|be forced to|decide to)\s+)*$")
#: nouns that are themselves cuts: "2,500 redundancies", "the 700 job losses"
_CUT_NOUNS = frozenset(("layoffs", "lay-offs", "redundancies", "job cuts", "job losses"))
_PCT_NEXT = re.compile(r"\s*(?:%|per ?cent|percent|pc\b|percentage)", re.I)
_BARE_AFTER = re.compile(
    r"^(?:\+|-plus)?(?:[,.;:)]|$|\s+(?:in|at|as|across|this|last|worldwide|globally|was|is|has|had|today|now|by|after|before"
    r"|from|to|and|people|employees|staff|at the|remain|remains|remained|are|were|will|would|left|still)\b)",
    re.I,
)
_HEDGES = r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|above|just over|just under|a little over|fewer than|less than|under)\s+)*"
# between the two ends of a headcount's growth: "from 90 [people] [at the start of 2023] to [more than] 210"
_THEN_TO = re.compile(
    r"(?:\+|-plus)?(?:\s+(?:people|employees|staff|workers|members|full-time employees))?(?:\s+(?:in|at|by|during)\s+[\w\s,]{1,45}?)?"
    r"\s+to\s+" + _HEDGES
)
# after a headcount, its earlier value: "employs 95 people, up from 60 a year ago", "down from a peak of 1,500"
_UP_FROM = re.compile(
    r"(?:(?:\b(?:up|down|rising|falling|risen|fallen|grown|shrunk|compared with|compared to|versus)\s+)?\bfrom|\b(?:compared with|compared to|versus|against))\s+"
    r"(?:(?:a|its)\s+(?:peak|high|low|pre-pandemic peak|maximum)\s+of\s+)?" + _HEDGES + r"$"
)
_EMPLOYED_RIGHT = re.compile(
    r"\s+(?:(?:it|the company|the start-?up|the firm|they|we)\s+(?:employed|employs|had|has|counted|counts)|on (?:its|the) (?:payroll|books)"
    r"|worldwide|globally)\b"
)
_BARE_END = re.compile(r"^(?:\+|-plus)?(?:\s+(?:today|now|at present|in all|all told|strong|people strong))?(?:[,.;:)]|$)", re.I)
# "two people familiar with the matter said": sources, not staff
_SOURCE = re.compile(
    r"\s+(?:(?:who|with)\s+)?(?:familiar with|with (?:direct )?knowledge|close to|briefed|aware of|who (?:spoke|asked|requested|declined|were not)"
    r"|knowledge|said|say|says|told|tell|in the know|involved in|direct knowledge)\b"
)


def _bare_headcount(s: str, c: Count, requires: str = "") -> bool:
    """A headcount written without a noun ("a workforce of about 250", "grew to 300 by June") is a
    number in digits that nothing else follows ("has two offices", "is one of" are not headcounts).
    A cue that ``requires`` a noun takes a bare number only at the end of a clause when it says
    ``"noun_or_end"`` ("today we are 210.", "now we're 150-plus,").

    >>> c = Count(13, 16, 210.0)
    >>> _bare_headcount("today we are 210, and", c, "noun_or_end"), _bare_headcount("today we are 210 in", c, "noun_or_end")
    (True, False)
    """
    if requires == "noun" or not s[c.start : c.end][:1].isdigit():
        return False
    tail = s[(c.high[1] if c.high else c.end) :]
    if requires == "noun_or_end":
        return bool(_BARE_END.match(tail))
    return bool(_BARE_AFTER.match(tail))


def _verb(ctx: _Ctx, i: int, lo: int, after_noun: str) -> Cue | None:
    """The layoff or departure cue governing count ``i``: just before it (in the text from ``lo``), else
    after its noun. Its offsets are the sentence's."""
    lo_text = ctx.v.low[lo : ctx.counts[i].start]
    cue = PEOPLE.nearest_before(lo_text)
    if cue is not None and cue.table != "headcount" and len(lo_text) - cue.end <= _VERB_REACH:
        return replace(cue, start=cue.start + lo, end=cue.end + lo)
    c = ctx.counts[i]
    if _LET_LEFT.search(lo_text) and _RX4.match(ctx.v.low[c.noun_end :]):
        return _LET_GO  # "let 80 people go"
    if _ASKED_LEFT.search(lo_text) and _TO_LEAVE.match(ctx.v.low, c.noun_end):
        return _ASKED_TO_GO  # "asked 115 employees to leave"
    nxt = [x for x in ctx.counts[i + 1 :] if x.value is not None and x.start >= c.noun_end]
    if nxt and _OUT_OF_GAP.fullmatch(ctx.v.low, c.noun_end, nxt[0].start):
        nxt = nxt[1:]  # "390 employees out of 4,900, would be let go": the cue after the base is the part's
    rend = (nxt[0].start - c.noun_end) if nxt else _RIGHT_REACH
    window = ctx.v.low[c.noun_end : c.noun_end + min(rend, _RIGHT_REACH)]
    if _STAY.match(window):
        return None
    cue = PEOPLE.first_in(window, "after")
    return replace(cue, start=cue.start + c.noun_end, end=cue.end + c.noun_end) if cue is not None and cue.table != "headcount" else None


def _metric_for_verb(ctx: _Ctx, c: Count, cue: Cue, clause: str) -> str | None:
    """The metric a governing cue gives a count, if its noun fits (jobs are cut, not poached; hires are no departures)."""
    metric = cue.table
    cls = c.noun_class
    if metric == "departed_talent" and cls == "job":
        metric = "layoffs"  # "lost 200 jobs"
    if metric == "layoffs":
        if cls not in ("employee", "job") and not (cls == "talent" and c.noun and _RANK_AND_FILE.fullmatch(c.noun)):
            return None  # "laid off 80 full-time academics" is a layoff; "fired two executives" is no count of jobs
        if MODALITY.first("planned", "clause", _months_out(clause)) or MODALITY.first("hypothetical", "left", _months_out(clause)):
            return None
        if cue.position == "before" and _MODAL_LEFT.search(_months_out(ctx.v.low[max(0, cue.start - 40) : cue.start])):
            return None  # "may begin firing more than 250 workers": a possibility
    if metric == "departed_talent" and cls == "employee" and cue.position != "before":
        after = ctx.v.low[c.noun_end : cue.end]
        if _LEFT_OVER.search(after):
            return None  # "only 40 employees were left": the staff that remain (read as a headcount, if at all)
        if _MUST_LEAVE.search(after):
            return "layoffs"  # "around 140 employees must leave the company": jobs cut, not talent lost
        if _WE_TELL.search(ctx.v.low, 0, c.start) or _LEAVE_US.match(ctx.v.low, cue.start):
            return "layoffs"  # "This morning I told our team that 38 people are leaving Fieldnote", "will leave us": a cut announced
    if metric == "departed_talent":
        if cls is None and not _RX9.match(ctx.v.low[c.end :]):
            return None  # a bare number leaves only as "two more" after people named before
        pat = ctx.v.low[cue.start : cue.end] if cue.position == "before" else ""
        if pat.startswith(("hired", "hiring", "recruit", "to recruit")) and c.of_base is None and "of " not in ctx.v.low[c.end : c.noun_end] \
                and not _FROM_ORG.match(ctx.v.s, c.noun_end) and not (_CAPITAL_INSIDE.search(ctx.v.s, c.end, c.noun_end) and "former" not in ctx.v.low[c.end : c.noun_end]):  # fmt: skip
            return None  # "hired 50 engineers": hires, not departures (but "hiring 20 Contextual AI researchers")
        if _joins_this_startup(ctx, c, cue):
            return None
    return metric


_CAPITAL_INSIDE = re.compile(r"\s[A-Z]")
_LEFT_OVER = re.compile(r"\b(?:were|are|was|is|be)\s+left\b")
#: the company announcing its own people's leaving: "I told our team that 38 people are leaving", "... will leave us"
_WE_TELL = re.compile(r"\b(?:i|we)\s+(?:(?:have|had|just)\s+)?(?:told|informed|shared with)\s+(?:our|my|the)\s+(?:team|staff|employees|company)\b")
_LEAVE_US = re.compile(r"(?:will\s+|are\s+|is\s+)?(?:leave|leaving)\s+us\b")
_MUST_LEAVE = re.compile(r"\b(?:must|have to|had to|will have to|are to|were asked to|are being asked to|were told to)\s+leave\b")
_OWNED_LEFT = re.compile(r"(?:\b(?:[Ii]ts|[Tt]heir)|[A-Z][\w\-.]*['’]s)\s+(?:[a-z\-]+\s+){0,2}$")


def _joins_this_startup(ctx: _Ctx, c: Count, cue: Cue) -> bool:
    """"20 engineers joined Acme": people joining the startup are hires."""
    m = _RX1.search(ctx.v.s[c.start :])
    if not m or "join" not in ctx.v.low[c.start :][: m.end()]:
        return False
    if _RX2.match(m.group(1)):
        return c.of_base is None and " of " not in ctx.v.s[c.end : c.noun_end]  # "20 engineers joined it", not "two of X's co-founders"
    if _OWNED_LEFT.search(ctx.v.s, max(0, c.start - 40), c.start):
        return False  # "Its two co-founders joined Trevi", "Marlo's engineers joined Trevi": another company's people leaving
    target = m.group(1).strip(",.")
    key = ctx.d.names.canonical(target)
    return ctx.d.names.kind(key) == "startup" or ctx.d.names.kind(ctx.d.names.canonical(target.split()[0])) == "startup"


def _claims(ctx: _Ctx, c: Count, metric: str, company: str) -> list[Claim]:
    """One claim for a count, two for a range (its low and high ends)."""
    sa, s = ctx.v.sentence.start, ctx.v.sentence
    if c.high is not None:
        return [Claim(company, metric, float(c.value or 0), "persons", "range_low", sa + c.start, sa + c.end, s),
                Claim(company, metric, c.high[2], "persons", "range_high", sa + c.high[0], sa + c.high[1], s)]  # fmt: skip
    value = float(c.value or 0) + (1 if metric == "departed_talent" and _named_with(ctx, c) else 0)
    return [Claim(company, metric, value, "persons", c.qualifier, sa + c.start, sa + c.end, s)]


def _named_with(ctx: _Ctx, c: Count) -> bool:
    """"Founder Jane Roe and nine senior colleagues moved across to Bigco": the person named before the count
    leaves with them (ten people)."""
    sa = ctx.v.sentence.start
    if not ctx.v.s.endswith(" and ", 0, c.start):
        return False
    named = ctx.d.names.between(sa + max(0, c.start - 45), sa + c.start - 5)
    return bool(named) and named[-1].kind == "person" and named[-1].end == sa + c.start - 5


def _owner(ctx: _Ctx, c: Count) -> str | None:
    """The startup a count belongs to: its pair in "A and B cut 260 and 120 jobs, respectively", the company
    that is the subject of the cut ("Ola fired 2,100 workers"), else the discourse model's."""
    if c.start in ctx.owners:
        return ctx.owners[c.start]
    subject = _cut_subject(ctx, c)
    if subject is not None:
        return subject
    sa = ctx.v.sentence.start
    return ctx.d.owner(ctx.v.sentence, sa + c.start, sa + c.end)


# between a company and a count it cuts: "Ola fired 2,100", "Byju's let go 2,500", "Acme has also laid off about 80"
_CUT_GAP = re.compile(
    r"(?:['’]s)?\s+(?:(?:has|had|have|also|then|just|reportedly|recently|already|now|quietly)\s+)*(?:laid off|lays off|fired|fires|let go(?: of)?"
    r"|lets go(?: of)?|cut|cuts|axed|axes|sacked|sacks|slashed|slashes|shed|sheds|dismissed|eliminated|eliminates|pruned|prunes)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|at least|close to|another|a further)\s+)*"
)


# between a company and its count in a list whose verb is left out: "Unacademy 1,190", "Wave, approximately 300"
_GAPPED = re.compile(r"(?:['’]s)?(?:,?\s+|\s\()(?:(?:about|around|roughly|some|nearly|almost|approximately|more than|over|at least|close to)\s+)*")  # (also "Gyaanam (over 650)")


_AFTER_PREP = re.compile(r"\b(?:by|to|from|of|with|at|for|per|via|like|than)\s+$")


def _cut_subject(ctx: _Ctx, c: Count, gapped: bool = False) -> str | None:
    """The company named as the subject of the verb that cuts count ``c`` ("Ola fired 2,100 workers"), or, in a
    list whose verb is left out ("..., Unacademy 1,190, Meesho 450"), named right before the count: a startup,
    or a company nothing marks as an investor or incumbent."""
    v, d = ctx.v, ctx.d
    sa = v.sentence.start
    names = [n for n in d.names.between(sa + max(0, c.start - 80), sa + c.start) if n.kind in ORG_KINDS]
    if not names:
        return None
    n = names[-1]
    gap = v.low[n.end - sa : c.start]
    if not (_CUT_GAP.fullmatch(gap) or (gapped and _GAPPED.fullmatch(gap))):
        return None
    if _AFTER_PREP.search(v.low, max(0, n.start - sa - 12), n.start - sa):
        return None  # "according to data collected by Moneycontrol, at least 20,000": a source, not a subject
    return n.key if _may_own(ctx, n) else None


def _pairs(v: View, d: Discourse, counts: list[Count]) -> dict[int, str]:
    """Counts shared out among the startups named before them, in order, when the sentence says
    "respectively" ("A and B have laid off 260 and 120 employees, respectively")."""
    if not says_respectively(v.s):
        return {}
    listed = [c for c in counts if c.value is not None]
    groups: list[list[Count]] = []
    for k, c in enumerate(listed):
        a = listed[k - 1] if k else None
        if a is not None and a.noun is None and c.noun is not None and _LISTED.fullmatch(v.s, a.end, c.start):
            a.noun, a.noun_class = c.noun, c.noun_class  # "cut 40 and 65 jobs": one noun for both
        if a is not None and _same_list(v.s, a, c):
            groups[-1].append(c)
        else:
            groups.append([c])
    out: dict[int, str] = {}
    for g in (g for g in groups if len(g) >= 2 and g[-1].noun is not None):  # ("cut 40 and 65 jobs": the noun is said once)
        names = _startups_before(v, d, g[0].start)
        back = v.sentence.index - 1
        while len(names) < len(g) and back >= 0 and back >= v.sentence.index - 3:
            prev = v.doc.sentences[back]  # "**A and B.** The two companies cut 40 and 65 jobs, respectively"
            names = _startups_before(v, d, prev.end - prev.start, prev)
            back -= 1
        if len(names) >= len(g):
            out.update({c.start: key for c, key in zip(g, names[-len(g) :])})
    return out


def _headcount_claims(ctx: _Ctx, c: Count, before: str) -> list[Claim]:
    """A count read as the staff; in a shutdown, or when the staff named is the cut, also the layoffs."""
    if _CONTRACT.search(before[-60:]) or _HEAD_GOAL.search(before[-80:]):
        return []  # "wants to have more than 2,000 employees by the end of next year": a goal, not the staff
    company = _owner(ctx, c)
    if company is None:
        return []
    out = _claims(ctx, c, "headcount", company)
    ctx.last = ("headcount", company)
    tail = ctx.v.s[c.noun_end :]
    whole = _ALL_LEFT.search(ctx.v.s[max(0, c.start - 60) : c.start])
    if _out_of_left(before[-80:]):
        return out  # "390 employees out of 4,900 would be let go": the 4,900 is the staff, not the cut
    if (whole and (_JOBS_END.search(tail) or _LAYOFF_WHOLE.search(before[-70:].lower()))) or _RX5.match(tail) or (
            _RX6.search(before[-40:]) and _SHUTDOWN.search(ctx.v.s)) or _cut_after(ctx, c):  # (also "laid off its entire 40-person team")
        out += _claims(ctx, c, "layoffs", company)
    return out


def _cut_after(ctx: _Ctx, c: Count) -> bool:
    """The staff named is the cut: "the roughly 320 employees still on its payroll will be let go" (not the
    base in "600 of its 1,900 employees were laid off")."""
    if _OF_POSS_LEFT.search(ctx.v.s[max(0, c.start - 70) : c.start]) or _OF_THE_LEFT.search(ctx.v.s[max(0, c.start - 40) : c.start]) \
            or _out_of_left(ctx.v.s[max(0, c.start - 80) : c.start]):
        return False  # (nor "390 employees out of 4,900 would be let go": the 4,900 is the base)
    nxt = [x.start for x in ctx.counts if x.start > c.noun_end]
    tail = ctx.v.low[c.noun_end : min(nxt + [c.noun_end + 80])]
    head = _RX7.split(tail)[0]
    cues = PEOPLE.all_in(head, "after")
    # (a cue with a subject of its own is about other people: "employs 75 people, said no jobs would be cut")
    return any(cue.table == "layoffs" and not head.startswith(("jobs", "roles", "positions", "posts"), cue.start) for cue in cues)


def _not_people(v: View, c: Count) -> bool:
    """"one in every five of their workers" (a share), "both permanent staff and contractors" (no count of two),
    "three Bengaluru startups shed staff" (a count of companies)."""
    both = v.low.startswith("both", c.start) and (v.low.startswith(" and ", c.noun_end) or " and " in v.low[c.end : c.noun_end])
    return bool(_RATIO_LEFT.search(v.s, max(0, c.start - 20), c.start) or both or _COMPANIES_RIGHT.match(v.low, c.end))
    # (also "both permanent and contract workers")


_TEAM_OF_LEFT = re.compile(r"\b(?:a|its|their|the)\s+(?:[a-z\-]+\s+)?(?:team|staff|workforce)\s+of\s+(?:(?:about|around|roughly|some|nearly|almost|more than|over|just over|close to)\s+)*$")
#: after a count with no noun, things that are not people: "two Malaysian funds", "three years"
_THING_NEXT = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?(?:funds?|investors?|rounds?|deals?|companies|start-?ups?|months?|years?|weeks?|days?|times|cities"
                         r"|countries|offices|markets|products|apps|banks|backers|firms|lenders|VCs|angels)\b")
#: a founding team, not a staff: "set up Acme in March 2024 with two colleagues"
_PARTNERS = frozenset(("colleagues", "former colleagues", "friends", "co-founders", "cofounders", "partners", "classmates", "engineers"))
_FOUNDED_WITH = re.compile(r"\b(?:set up|founded|co-founded|started|launched|created|built)\b[^.;]{0,60}\bwith\s+(?:(?:his|her|their|two|three)\s+)?$")
_KEPT_ANOTHER = re.compile(r"\b(?:moved|moves|moving|hired|hires|hiring|added|adds|transferred|reassigned|redeployed|shifted|kept|retained|offered)\s+(?:another|a further)\s+$")
_COMPANIES_RIGHT = re.compile(r"\s+(?:[\w\-]+\s+){0,2}?(?:start-?ups|companies|firms|businesses|unicorns|fintechs|lenders|players)\b")
_RATIO_LEFT = re.compile(r"\b(?:[Oo]ne|1|[Tt]wo|2)\s+(?:in|out\s+of)\s+(?:every\s+)?$")


def _one_count(ctx: _Ctx, i: int) -> list[Claim]:
    """The claims of count ``i`` of the sentence: a headcount, a layoff or a departure, or none."""
    v, c = ctx.v, ctx.counts[i]
    if c.value is None:
        return []
    ca, cb = v.clause(c.start)
    if v.in_quotes(c.start) and not _WE.search(v.s[ca:cb]) and not I_DID.search(v.s, ca, cb):
        return []  # a quote asserts a count only when the company speaks of itself ("we have 6,000 employees")
    if _denied(v.low[ca:cb]) or ("denie" in v.low and _DENIED_LATER.search(v.low, c.end)):
        return []  # (also "... would cut 1,000 more jobs; the company denied the report")
    if _a_year(v.s, c) or _not_people(v, c):
        return []
    if (c.noun is None and _THING_NEXT.match(v.s, c.end)) or (c.noun in _PARTNERS and _FOUNDED_WITH.search(v.s, max(0, c.start - 80), c.start)):
        return []  # "raised $6 million from two Malaysian funds": not people; "set up Acme in 2024 with two colleagues": founders
    before = v.s[: c.start]
    if c.value == 1 and before.endswith(", ") and _named_just_before(ctx, c):
        return []  # "Igor Roe, one of the engineers who started it, has left": the named person, counted by name
    after_noun = v.s[c.noun_end :]
    if c.noun_class == "employee" and _SOURCE.match(v.low, c.noun_end):
        return []  # "two people familiar with the matter"
    if c.start not in ctx.owners and _industry_wide(ctx, c, ca, cb):  # (not a count paired by "respectively")
        return []  # the whole industry's figure, or many companies' together
    if c.noun_class in ("employee", "job") and _restates_cut(ctx, c):
        return _bare_layoff(ctx, c, v.low[ca:cb])  # "... slashing 10% of its employees. This was around 37 people"
    if _is_headcount(ctx, i, after_noun):
        return _headcount_claims(ctx, c, before)
    if ctx.last is not None and ctx.last[0] in ("departed_talent", "layoffs") and ":" in v.s[ctx.last_end : c.start]:
        return []  # "lost three people to Bigco: its CTO and two of her engineers": the list spells out the count
    if (_OF_THE_LEFT.search(before[-40:]) or _OF_POSS_LEFT.search(before[-70:]) or _SUBSET.search(before[-40:])) \
            and not _EXIT_OF.search(before[-60:]):  # (but "the exit of its two co-founders" is the event)
        return []  # "three of the five", "of its 11 co-founders": a base, not an event
    if c.noun is None and not _RX8.match(after_noun):
        return _bare_layoff(ctx, c, v.low[ca:cb]) if _bare_cut(ctx, c, before, after_noun) else []
    if c.noun is not None and _NEW.search(v.low[c.end : c.noun_end]):
        return []  # "200 new jobs": hires
    if ctx.last is not None and ctx.last[0] == "layoffs" and c.noun_class in (None, "employee", "job") and (
            _RX8.match(after_noun) or (before.endswith(("another ", "a further ")) and not _KEPT_ANOTHER.search(before[-40:]))) \
            and not ctx.d.names.between(v.sentence.start + ctx.last_end, v.sentence.start + c.start):  # (no other company named since)
        return _claims(ctx, c, "layoffs", ctx.last[1])  # "let go of 2,200 employees in October and 800 more in February"
    lo, lo_text = _left_window(ctx, i)
    cue = _verb(ctx, i, lo, after_noun)
    if cue is None:
        return _without_cue(ctx, c, lo_text, v.low[ca:cb], before)
    metric = _metric_for_verb(ctx, c, cue, v.low[ca:cb])
    if metric == "departed_talent" and _LEAVE.search(v.low[c.noun_end : c.noun_end + 80]):
        return []  # a leave of absence is no departure
    subject = _verb_subject(ctx, cue.start) if metric == "layoffs" and cue.position == "before" else None
    if subject is not None and not _may_own(ctx, subject):
        return []  # "Bigco, its rival, had cut 300 jobs", "Meta announced its decision to cut 11,000 jobs"
    if subject is not None and c.start not in ctx.owners:
        ctx.owners[c.start] = subject.key  # the cut's subject owns it
    company = (_talent_owner(ctx, c, cue) if metric == "departed_talent" else _owner(ctx, c)) if metric else None
    if metric is None or company is None:
        return []
    ctx.last, ctx.last_end = (metric, company), c.noun_end
    if metric == "departed_talent" and c.high is None and c.value is not None and v.low.startswith(" other", c.end) and _named_and(ctx, c):
        c = replace(c, value=c.value + 1)  # "its COO, Deepak Menon, and two other senior executives have resigned": three
    if metric == "layoffs" and c.noun_class == "employee" and _ALL_LEFT.search(before[-60:]):
        return _claims(ctx, c, "headcount", company) + _claims(ctx, c, metric, company)  # "lays off all 70 staff"
    return [x for k in (_each_of(ctx, c, company) if "each" in v.low else [company]) for x in _claims(ctx, c, metric, k)]


_NAME_AND = re.compile(r",?\s+and\s+$")


def _named_and(ctx: _Ctx, c: Count) -> bool:
    """A person named right before "and <count> other(s)"."""
    sa = ctx.v.sentence.start
    before = ctx.d.names.between(sa + max(0, c.start - 60), sa + c.start)
    return bool(before) and before[-1].surface in ctx.d.names.people and _NAME_AND.fullmatch(ctx.v.doc.text, before[-1].end, sa + c.start) is not None


_EACH_LEFT = re.compile(r"\s+each\s+(?:[a-z]+\s+){1,5}")
_VERB_LEFT = re.compile(r"\s+(?:[a-z]+\s+){1,5}")  # "QuintoAndar and Loft announced around 160 layoffs each"
_EACH_AFTER = re.compile(r"\s+(?:(?:laid off|let go|cut|dismissed)\s+)?each\b")
#: between two names of a list: ", ", " and ", ", and ", also with a short description ("Bitso and the Argentine Buenbit")
_LIST_JOIN = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+(?:[A-Z][a-z]+\s+)?)?")


def _each_of(ctx: _Ctx, c: Count, company: str) -> list[str]:
    """"Acme, Beta and Gamma each laid off more than 100 employees", "Acme and Beta eliminated 80 jobs each": one
    row for every startup of the list that is the subject (the owner found being one of them); else the owner alone."""
    v, sa = ctx.v, ctx.v.sentence.start
    if " each " not in v.s[max(0, c.start - 60) : c.start] and not _EACH_AFTER.match(v.s, c.noun_end if c.noun is not None else c.end):
        return [company]
    names = [n for n in ctx.d.names.between(sa, sa + c.start) if n.kind not in ("place", "nationality", "person")]
    if not names or not (_EACH_LEFT.fullmatch(v.s, names[-1].end - sa, c.start) or _VERB_LEFT.fullmatch(v.s, names[-1].end - sa, c.start)):
        return [company]
    group = [names[-1]]
    for n in reversed(names[:-1]):
        if not _LIST_JOIN.fullmatch(v.doc.text, n.end, group[0].start):
            break
        group.insert(0, n)
    keys = [n.key for n in group if n.is_startup or n.kind == "org"]
    return keys if len(keys) >= 2 and (company in keys or len(keys) == len(group)) else [company]


def _without_cue(ctx: _Ctx, c: Count, lo_text: str, clause: str, before: str) -> list[Claim]:
    """A count no cue governs: part of the figure before it ("along with 30 of its staff"), or a cut by its
    noun alone ("2,500 redundancies")."""
    v = ctx.v
    if ctx.last is not None and ctx.last[0] == "departed_talent" and _ALONG.search(lo_text):
        return _claims(ctx, c, "departed_talent", ctx.last[1])  # "hired two co-founders, along with 30 of its staff"
    if c.noun_class in ("talent", "employee") and _ALONG.search(lo_text) and _HIRED_PEOPLE.search(v.s, 0, c.start):
        owner = _owner(ctx, c)  # "Bigco hired Acme's co-founders, Jane Roe and John Doe, along with about 20 of its researchers"
        return _claims(ctx, c, "departed_talent", owner) if owner is not None else []
    if c.noun in _CUT_NOUNS and not MODALITY.first("projected", "left", lo_text):
        return _bare_layoff(ctx, c, clause)  # "the restructuring will result in 2,500 redundancies"
    owner = _tracker_row(ctx, c)
    if owner is not None:
        return _claims(ctx, c, "layoffs", owner)  # "🏢 Acme ∙ 🌎 Austin ∙ 👩 64 employees (20%)" in a layoffs tracker
    return []


#: the separators of a tracker's fact line ("🏢 Acme ∙ 🌎 Austin ∙ 👩 64 employees (20%)"), and a headline about cuts
_TRACKER_SEPS = ("∙", " · ", " | ", " • ")
_CUTS_HEADLINE = re.compile(r"\b(?:lay-?offs?|laid off|job cuts|cuts|redundanc\w*|downsizing)\b", re.I)


def _tracker_row(ctx: _Ctx, c: Count) -> str | None:
    """A layoffs tracker's fact line: the company that opens the line, when the article's headline is about cuts."""
    if c.noun_class not in ("employee", "job"):
        return None
    v, t = ctx.v, ctx.v.doc.text
    at = v.sentence.start + c.start
    ls = t.rfind("\n", 0, at) + 1
    le = t.find("\n", at)
    line = t[ls : le if le >= 0 else len(t)]
    if not any(sep in line for sep in _TRACKER_SEPS):
        return None
    head = " ".join(t[x.start : x.end] for x in v.doc.sentences if x.headline)
    if not _CUTS_HEADLINE.search(head):
        return None
    names = [n for n in ctx.d.names.between(ls, at) if n.kind not in ("place", "nationality", "person")]
    return names[0].key if names and (names[0].is_startup or names[0].kind == "org") else None


def _bare_cut(ctx: _Ctx, c: Count, before: str, after: str) -> bool:
    """A count with no noun that its construction makes a cut of people: "is reducing its workforce by around
    160", "fired 385 more, bringing its total to 1,100", "Ola fired 2,100 workers, Byju's let go 2,500, Unacademy
    1,190"."""
    if _BY_PEOPLE.search(before[-90:]) and not _PCT_NEXT.match(after):
        return True
    if ctx.last is not None and ctx.last[0] == "layoffs" and _TALLY_LEFT.search(before[-80:]):
        return True
    if _CUT_ANOTHER.search(before[-40:]):
        return True  # "In July it cut another 70"
    if (_OF_THEM.match(after) or _THE_OTHER.search(before[-20:])) and _layoff_after(ctx, c):
        return True  # "20 of them would lose their jobs", "The other 15 are being laid off"
    return _gapped_cut(ctx, c)


_CUT_ANOTHER = re.compile(r"\b(?:cut|cuts|laid off|lays off|let go(?: of)?|fired|axed|shed|sacked|dismissed|eliminated|slashed)\s+(?:another|a further)\s+$")
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b")
_THE_OTHER = re.compile(r"\b(?:[Tt]he\s+(?:other|remaining)|[Aa]nother)\s+$")


def _layoff_after(ctx: _Ctx, c: Count) -> bool:
    """A layoff cue after the count in its clause: "... would lose their jobs", "... were let go"."""
    end = c.noun_end if c.noun is not None else c.end
    head = _RX7.split(ctx.v.low[end : end + 80])[0]
    return any(cue.table == "layoffs" for cue in PEOPLE.all_in(head, "after"))


def _industry_wide(ctx: _Ctx, c: Count, ca: int, cb: int) -> bool:
    """A count of a whole industry or of many companies together: "40,000 tech workers", "employees of U.S. tech
    companies", "laid off from 259 tech startups", "edtech platforms have fired 7,000 employees", a tally of
    layoffs with no startup named before the count, or a count too large to go unnamed."""
    low, sa = ctx.v.low, ctx.v.sentence.start
    if _SECTOR_NP.search(ctx.v.s, c.end, c.noun_end) or _SECTOR_NP.match(ctx.v.s[c.noun_end : c.noun_end + 60]):
        return True
    if _SECTOR_LATER.search(low[c.noun_end : cb]) or _GENERIC_SUBJECT.search(low[ca : c.start]):
        return True
    named = [n for n in ctx.d.names.between(sa + ca, sa + c.start) if n.kind not in ("person", "place", "nationality")
             and not _AFTER_PREP.search(low, max(0, n.start - sa - 12), n.start - sa)]  # (not the source: "collected by X")
    if named or c.noun_class not in ("employee", "job"):
        return False
    if _TALLY.search(low) and not _COMPANY_REF.search(low, ca, c.start):
        return True  # (not "The company had about 2,300 people ..., according to its internal data")
    anywhere = [n for n in ctx.d.names.between(sa, sa + len(low)) if n.kind not in ("person", "place", "nationality")]
    big = (c.high[2] if c.high else c.value or 0) >= _ANONYMOUS_MAX
    return big and not anywhere and not _COMPANY_REF.search(low)


_COMPANY_REF = re.compile(r"\b(?:it|its|the (?:company|firm|start-?up|group|business|unicorn|platform))\b")


# "This was around 37 people", "That amounts to about 200 employees": a count that restates the cut just told
_THIS_WAS = re.compile(
    r"^\s*(?:[A-Z][\w\s,]{0,20},\s*)?(?:this|that|it|which|the (?:cut|cuts|layoffs?|lay-offs?|move|reduction|restructuring))\s+"
    r"(?:was|is|amounts? to|amounted to|means|meant|equals|equalled|translates (?:in)?to|represents|represented|works out to|comes to)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|just over|just under|approximately|close to)\s+)*$",
    re.I,
)
_CUT_WORD = re.compile(r"\b(?:lay|lays|laid|laying|layoffs?|cut|cuts|cutting|slash\w*|shed\w*|redundan\w*|fir(?:ed|ing)|axe\w*|let go)\b")


def _restates_cut(ctx: _Ctx, c: Count) -> bool:
    """A count that says how many people the cut told in the sentence before amounts to."""
    v = ctx.v
    if not _THIS_WAS.match(v.s[: c.start]) or v.sentence.index == 0:
        return False
    prev = v.doc.sentences[v.sentence.index - 1]
    return _CUT_WORD.search(v.doc.low, prev.start, prev.end) is not None


_PEOPLE_WORD = re.compile(r"\b(?:layoffs?|lay-offs?|laid off|staff|employees|workers|jobs|workforce|people|redundanc\w+|job cuts)\b")


def _gapped_cut(ctx: _Ctx, c: Count) -> bool:
    """A count with no noun cut by a company named right before it, in a sentence about cuts of people:
    "Swvl laid off 400; Wave, approximately 300; 54gene, 95", "Byju's let go 2,500"."""
    if ctx.last is not None and ctx.last[0] == "layoffs":
        return _cut_subject(ctx, c, gapped=True) is not None
    return _cut_subject(ctx, c) is not None and _PEOPLE_WORD.search(ctx.v.low) is not None


def _bare_layoff(ctx: _Ctx, c: Count, clause: str) -> list[Claim]:
    """A count with no noun that the construction makes a layoff, unless planned or hypothetical."""
    if MODALITY.first("planned", "clause", _months_out(clause)) or MODALITY.first("hypothetical", "left", _months_out(clause)):
        return []
    company = _cut_subject(ctx, c, gapped=True) or _owner(ctx, c)
    if company is None:
        return []
    ctx.last = ("layoffs", company)
    return [x for k in (_each_of(ctx, c, company) if "each" in ctx.v.low else [company]) for x in _claims(ctx, c, "layoffs", k)]


def _verb_subject(ctx: _Ctx, at: int) -> Name | None:
    """The organisation named as the subject of the verb at ``at``: "Bigco, its rival, had cut", "Ola fired",
    "Meta announced its decision to cut"."""
    v, sa = ctx.v, ctx.v.sentence.start
    ca, _ = v.clause(at)
    names = [n for n in ctx.d.names.between(sa + ca, sa + at) if n.kind in ORG_KINDS]
    if names and _SUBJECT_VERB_GAP.fullmatch(v.s[names[-1].end - sa : at]):
        return names[-1]
    return None


def _may_own(ctx: _Ctx, n: Name) -> bool:
    """A startup, or a company nothing marks as an investor or incumbent, may own a figure."""
    return n.is_startup or (n.kind == "org" and ctx.d._neutral_org(n))


_SUBJECT_VERB_GAP = re.compile(
    r"(?:['’]s)?(?:,\s[^,;]{1,60},)?\s+(?:(?:has|had|have|also|recently|then|just|reportedly|will|would|is|was|itself|last year|this year)\s+)*"
    # "Bigco announced its decision to cut", "Bigco said it would cut", "Bigco plans to cut"
    r"(?:(?:announced|said|says|confirmed|revealed|decided|plans|planned|is planning|was planning|began|started|agreed|moved|is set|was set)"
    r"(?:\s+(?:its|a|the)\s+(?:decision|plan|intention)s?)?(?:\s+(?:that\s+)?(?:it|they)\s+(?:would|will|is|was|had|has)(?:\s+be)?)?\s+(?:to\s+)?)?"
)


def _talent_owner(ctx: _Ctx, c: Count, cue: Cue) -> str | None:
    """Whose people left: the startup named in the count's phrase ("two of Acme's engineers", "12 engineers
    from Acme"); after a hiring verb ("Bigco poached 12 engineers"), never the subject that hires."""
    v, d = ctx.v, ctx.d
    sa = v.sentence.start
    for n in d.names.between(sa + c.start, sa + min(len(v.s), c.noun_end + 40)):
        if n.kind in ORG_KINDS and (n.end <= sa + c.noun_end or _OF_FROM.fullmatch(v.s[c.noun_end : n.start - sa])):
            return n.key if _may_own(ctx, n) else None  # "two former Google engineers": Google's, no startup's
    if cue.position == "after" and _LEFT_END.search(v.low, cue.start, cue.end):
        for n in d.names.between(sa + cue.end, sa + min(len(v.s), cue.end + 8)):
            if n.kind in ORG_KINDS and not v.s[cue.end : n.start - sa].strip(" ").startswith(("for", "to")):  # (not "left for Bigco")
                return n.key if n.is_startup else None  # "three engineers had left Google"
    if _RX3.search(v.low[c.start : c.noun_end]):
        return speaker_company(d)  # "Rappi poached two of our data engineers"
    owner = _owner(ctx, c)
    went = _went_to(ctx, c, cue)
    if owner is not None and owner in went:  # "nine senior colleagues moved across to a new Bigco unit": not Bigco's people
        if _RX3.search(v.low[c.start : c.noun_end]) or _OUR_LEFT.search(v.low, 0, c.start):
            return speaker_company(d) or d.focus_at(v.sentence)  # "two of our vice-presidents left for Bigco"
        before = [n for n in d.names.between(sa, sa + c.start) if n.is_startup and n.key not in went]
        return before[-1].key if before else (None if d.focus_at(v.sentence) in went else d.focus_at(v.sentence))
    if cue.position != "before" or not _HIRING.match(v.low, cue.start):
        return owner  # "Acme lost 12 engineers", "three of its researchers have left"
    ca, _ = v.clause(c.start)
    hirer = [n for n in d.names.between(sa + ca, sa + cue.start) if n.kind in ("startup", "investor", "incumbent", "org")]
    return None if hirer and hirer[-1].key == owner else owner  # "Acme hired 12 engineers": nobody left Acme


_TO_RIGHT = re.compile(r"(?:\bto|\bjoin\w*|\bfor)$")
#: after a departure count, where the people went: "lost two of its co-founders to Bigco", "left for Bigco", "joined me at Bigco"
_WENT_GAP = re.compile(r"\s+(?:[\w\-]+\s+){0,5}?(?:to|for|join\w*|joined\s+(?:me|us|him|her)\s+at|at)\s+(?:(?:the|its|their|rival|a|new)\s+)*")
_OUR_LEFT = re.compile(r"\b(?:our|my)\s+(?:[\w\-]+\s+){0,3}$")


def _went_to(ctx: _Ctx, c: Count, cue: Cue) -> set[str]:
    """The companies a departure count's people went to: "... to Bigco", "left for Bigco", "joined me at Bigco"."""
    v, sa = ctx.v, ctx.v.sentence.start
    start = max(c.noun_end, cue.end) if cue.position == "after" else c.noun_end
    _, cb = v.clause(c.start)
    out = set()
    for n in ctx.d.names.between(sa + start, sa + min(cb, start + 60)):
        if _WENT_GAP.fullmatch(v.s, start, n.start - sa):
            out.add(n.key)
    return out
_SHARE_TAIL = re.compile(
    r"\s+of\s+(?:them|those|these|(?:its|the|their|our|all(?: of (?:its|the|their))?|the company['’]s|[A-Z][\w\-]*['’]s)\s+(?:[\w\-,]+\s+){0,4}?"
    r"(?:workforce|staff|employees|headcount|workers|people|team|personnel|jobs|roles|positions))\b",
    re.I,
)
_LET_LEFT = re.compile(r"\b(?:let|lets|letting)\s+(?:(?:about|around|roughly|some|nearly|almost|more than|over|another)\s+)*$")
# a count restating a share: "45% of its staff [in May], roughly 80 employees"
_APPOSITIVE_GAP = re.compile(
    r"(?:\s+(?:in|on|at|last|this|during|since)\s+[\w ]{1,20}?)?(?:,\s+|\s+[-–—]\s+|\s*\(\s*|\s+(?=or\s|(?:and\s+)?thus\s))(?:or\s+|(?:and\s+)?thus\s+|that is\s+|i\.e\.\s+"
    r"|which\s+(?:is|was|amounts? to|amounted to|means|meant|equals|translates (?:in)?to|represents|represented|works out to|comes to"
    r"|affected|affects|impacted|impacts)\s+)?" + HEDGES_EARLY
)


# after a count, words that make it a part of the staff just named: "its 1,300-strong workforce, 600 of which work in Dublin"
_PART_OF = re.compile(
    r"\s+(?:of (?:which|whom|them|those)|(?:are|were|is) based|work|worked|working|(?:who |that )?(?:still |will |would )?(?:remain|stay)"
    r"|(?:will be|would be|are|were) left)\b"
)




_DENIED_LATER = re.compile(r"\bdenie[ds] (?:this|that|the|these|those|such) (?:number|figure|report|claim|account|estimate|plan)s?\b")


def _share_is_cut(v: View, left: str, end: int) -> bool:
    """A share of staff that is cut: "laid off 10% of its staff", "10 per cent of the workforce would lose
    their roles", "let about 10% of its workforce go"."""
    cue = PEOPLE.nearest_before(left)
    if cue is not None and cue.table == "layoffs" and len(left) - cue.end <= _VERB_REACH:
        return True
    after = v.low[end:]
    right = PEOPLE.right_after(after[:80])
    if right is not None and right.table == "layoffs":
        return True
    return bool(_LET_LEFT.search(left) and _RX4.match(after))


def _percent_claims(ctx: _Ctx, done: list[Claim]) -> tuple[list[Claim], list[Fraction]]:
    """Layoffs given as a share of staff: with its base ("10% of its 450 employees"), restated by a count
    ("45% of its staff, roughly 80 employees"), or waiting for a base stated elsewhere."""
    v, d = ctx.v, ctx.d
    out: list[Claim] = []
    pending: list[Fraction] = []
    sa = v.sentence.start
    for p in percents_in(v.s):
        ca, cb = v.clause(p.start)
        clause = _months_out(v.low[ca:cb])
        left = clause[: p.start - ca]
        if _denied(clause) or MODALITY.first("planned", "clause", clause) or MODALITY.first("hypothetical", "left", left) or (
                "denie" in v.low and _DENIED_LATER.search(v.low, p.end)):
            continue  # (also "a cut of around 20%, or some 800 people, but the startup denied this number")
        tail = _SHARE_TAIL.match(v.s, p.end)
        end = tail.end() if tail else p.end
        if not _share_is_cut(v, left, end):
            continue
        company = d.owner(v.sentence, sa + p.start, sa + p.end)
        if company is None or any(c.metric == "layoffs" and c.company == company and not v.low.endswith(("another ", "a further "), 0, c.start - sa)
                                  for c in done + out):
            continue  # "cut 170 jobs, about 15% of the 1,100 people": the share restates the count (not "then removed another 90")
        restated = [c for c in ctx.counts if c.value is not None and c.noun_class in (None, "employee", "job")
                    and c.start > end and _APPOSITIVE_GAP.fullmatch(v.low[end : c.start])
                    and not _PART_OF.match(v.low, c.noun_end)]  # fmt: skip
        if restated:
            out.extend(_claims(ctx, restated[0], "layoffs", company))
        elif p.base is not None:
            q = "approx" if p.qualifier == "exact" else p.qualifier  # a count worked out from a share is approximate
            out.append(Claim(company, "layoffs", float(round(p.base * p.fraction)), "persons", q, sa + p.start, sa + p.end, v.sentence))
        else:
            pending.append(Fraction(company, v.sentence, sa + p.start, sa + p.end, p.fraction, p.qualifier))
    return out, pending


def count_claims(v: View, d: Discourse) -> tuple[list[Claim], list[Fraction]]:
    """Claims from the counts of people in one sentence, and shares of staff waiting for a base."""
    money = [(m.start, m.end) for m in v.money]
    ctx = _Ctx(v, d, [c for c in counts_in(v.s, money) if not _a_year(v.s, c)], money)  # years are no counts
    ctx.owners = _pairs(v, d, ctx.counts)
    out: list[Claim] = []
    for i in range(len(ctx.counts)):
        out.extend(_one_count(ctx, i))
    more, pending = _percent_claims(ctx, out)
    return out + more, pending
