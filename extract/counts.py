"""Stage 2, relations for counts of people: layoffs, departures and headcount.

A count takes its metric from the construction around it (``headcount.toml``: "employs 500", "a
workforce of 500", "its 500 employees", "a 120-person team") or from the verb that governs it, before
it in its clause ("laid off 200 employees", "poached 12 engineers") or after its noun ("45 people were
let go", "three of its researchers have left"), and the noun must fit the metric (jobs are cut, not
poached). Shares of a workforce ("20% of its 450 employees") become layoffs when the base is stated;
otherwise they wait for a headcount stated elsewhere in the article (extract/assemble.py).

>>> from datetime import date
>>> from extract import extract_article
>>> x = extract_article("Acme, the grocery start-up, laid off 85 of its 310 employees on Tuesday.",
...                     published=date(2024, 5, 2))
>>> sorted((m.metric, m.value) for m in x.metrics)
[('headcount', 310.0), ('layoffs', 85.0)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.discourse import Discourse
from extract.document import Sentence
from extract.figures import counts_in, percents_in
from extract.lexicon import MODALITY, PEOPLE, Cue
from extract.mentions import Count
from extract.relations import Claim, View

__all__ = ["Fraction", "count_claims"]

_VERB_REACH = 45  # a governing verb ends at most this far before the count
_RIGHT_REACH = 160
_OF_POSS_LEFT = re.compile(
    r"\bof\s+(?:its|their|the company['’]s|the start-?up['’]s|(?:[A-Z][\w\-]*\s){0,2}[A-Z][\w\-]*['’]s)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|approximately|total|remaining|original)\s+)*$"
)
_OF_THE_LEFT = re.compile(r"\bof\s+(?:the|his|her)\s+(?:(?:about|around|roughly|some|nearly|more than|over)\s+)*$")
_POSS_LEFT = re.compile(
    r"(?:\b(?:its|their)|[A-Z][\w\-]*['’]s|the company['’]s|the start-?up['’]s)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|approximately|just over|just under|total|remaining|current)\s+)*$"
)
_LAYOFF_LEFT = re.compile(
    r"\b(?:laid off|lay off|lays off|laying off|cut|cuts|cutting|eliminat\w+|ax\w*|shed\w*|slash\w*|let go|fired|dismiss\w*|furlough\w*|trim\w*)\s+(?:\w+\s+)?$"
)
_SUBSET = re.compile(r"\b(?:among them|including|of whom|of which|such as)\s+(?:\w+\s+)?$", re.I)
_STAY = re.compile(r"^[^.;]{0,60}?\b(?:remain\w*|still (?:at|with|work)|stay\w*|are still|joined the company|will stay)\b")
_ALL_LEFT = re.compile(r"\ball\s+(?:of\s+(?:its|the|their)\s+)?(?:(?:about|around|roughly|some)\s+)?(?:remaining\s+)?$", re.I)
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


@dataclass(frozen=True, slots=True)
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
    last: tuple[str, str] | None = None  # (metric, company) of the previous count in the sentence


def _left_window(ctx: _Ctx, i: int) -> tuple[int, str]:
    c = ctx.counts[i]
    ca, _ = ctx.v.clause(c.start)
    lo = ca
    for b in re.finditer(r",\s(?:and|but|while)\s|;\s", ctx.v.s[:c.start]):
        lo = max(lo, b.end())
    prev = [x for x in ctx.counts[:i] if x.value is not None]
    if prev:
        lo = max(lo, (prev[-1].high[1] if prev[-1].high else prev[-1].end))
    return lo, ctx.v.low[lo : c.start]


def _is_headcount(ctx: _Ctx, c: Count, before: str, after_noun: str) -> bool:
    """Constructions that make a count the workforce: 'employs 500', 'a staff of 500', 'its 500 employees'."""
    employee = c.noun is None or c.noun_class == "employee"
    cue = PEOPLE.nearest_before(before[-70:])
    if cue is not None and cue.table == "headcount" and len(before[-70:]) - cue.end <= 30 and employee:
        if c.noun is None:
            return cue.requires != "noun" and _bare_headcount(ctx.v.s, c)
        return True
    right = PEOPLE.right_after(ctx.v.low[(c.high[1] if c.high else c.end) :][:60])
    if right is not None and right.table == "headcount" and employee:
        return True
    if c.noun_class == "employee" and _ALL_LEFT.search(ctx.v.s[: c.start]) and _JOBS_END.search(after_noun):
        return True  # "All 54 employees lost their jobs": the staff (and the layoffs)
    if c.noun_class != "employee" or c.noun in ("people",) and not _POSS_LEFT.search(before[-60:]):
        return bool(c.noun == "people" and _OF_POSS_LEFT.search(before[-70:]))
    if _OF_POSS_LEFT.search(before[-70:]) or (_POSS_LEFT.search(before[-60:]) and not _LAYOFF_LEFT.search(before[-40:])):
        return True
    return bool(re.match(r"^\s+(?:(?:it|the company|they|we)\s+(?:employed|employs|had|has)|on (?:its|the) (?:payroll|books)|worldwide|globally)\b", after_noun))


_BARE_AFTER = re.compile(
    r"^(?:\+|-plus)?(?:[,.;:)]|$|\s+(?:in|at|as|across|this|last|worldwide|globally|was|is|has|had|today|now|by|after|before"
    r"|from|to|and|people|employees|staff|at the)\b)"
)


def _bare_headcount(s: str, c: Count) -> bool:
    """A headcount written without a noun ("a workforce of about 250", "grew to 300 by June") is a
    number in digits that nothing else follows ("has two offices", "is one of" are not headcounts)."""
    if not s[c.start : c.end][:1].isdigit():
        return False
    return bool(_BARE_AFTER.match(s[(c.high[1] if c.high else c.end) :]))


def _verb(ctx: _Ctx, i: int, lo_text: str, after_noun: str) -> Cue | None:
    """The layoff or departure cue governing count ``i``: just before it, else after its noun."""
    cue = PEOPLE.nearest_before(lo_text)
    if cue is not None and cue.table != "headcount" and len(lo_text) - cue.end <= _VERB_REACH:
        return cue
    c = ctx.counts[i]
    nxt = [x for x in ctx.counts[i + 1 :] if x.value is not None and x.start >= c.noun_end]
    rend = (nxt[0].start - c.noun_end) if nxt else _RIGHT_REACH
    window = ctx.v.low[c.noun_end : c.noun_end + min(rend, _RIGHT_REACH)]
    if _STAY.match(window):
        return None
    cue = PEOPLE.first_in(window, "after")
    return cue if cue is not None and cue.table != "headcount" else None


def _metric_for_verb(ctx: _Ctx, c: Count, cue: Cue, clause: str) -> str | None:
    metric = cue.table
    cls = c.noun_class
    if metric == "departed_talent" and cls == "job":
        metric = "layoffs"  # "lost 200 jobs"
    if metric == "layoffs":
        if cls not in ("employee", "job"):
            return None
        if MODALITY.first("planned", "clause", clause) or MODALITY.first("hypothetical", "left", clause):
            return None
    if metric == "departed_talent":
        if cls is None:
            return None
        pat = ctx.v.low[cue.start : cue.end] if cue.position == "before" else ""
        if pat.startswith(("hired", "recruited")) and c.of_base is None and "of " not in ctx.v.low[c.end : c.noun_end]:
            return None  # "hired 50 engineers": hires, not departures
        if _joins_this_startup(ctx, c, cue):
            return None
    return metric


def _joins_this_startup(ctx: _Ctx, c: Count, cue: Cue) -> bool:
    """"20 engineers joined Acme": people joining the startup are hires."""
    m = re.search(r"\bjoin\w*\s+(?:the\s)?(\S+(?:\s\S+)?)", ctx.v.s[c.start :])
    if not m or "join" not in ctx.v.low[c.start :][: m.end()]:
        return False
    target = m.group(1).strip(",.")
    key = ctx.d.names.canonical(target)
    return ctx.d.names.kind(key) == "startup" or ctx.d.names.kind(ctx.d.names.canonical(target.split()[0])) == "startup"


def _claims(ctx: _Ctx, c: Count, metric: str, company: str) -> list[Claim]:
    sa, s = ctx.v.sentence.start, ctx.v.sentence
    if c.high is not None:
        return [Claim(company, metric, float(c.value or 0), "persons", "range_low", sa + c.start, sa + c.end, s),
                Claim(company, metric, c.high[2], "persons", "range_high", sa + c.high[0], sa + c.high[1], s)]  # fmt: skip
    return [Claim(company, metric, float(c.value or 0), "persons", c.qualifier, sa + c.start, sa + c.end, s)]


def _owner(ctx: _Ctx, c: Count) -> str | None:
    sa = ctx.v.sentence.start
    return ctx.d.owner(ctx.v.sentence, sa + c.start, sa + c.end)


def _headcount_claims(ctx: _Ctx, c: Count, before: str) -> list[Claim]:
    if _CONTRACT.search(before[-60:]):
        return []
    company = _owner(ctx, c)
    if company is None:
        return []
    out = _claims(ctx, c, "headcount", company)
    ctx.last = ("headcount", company)
    tail = ctx.v.s[c.noun_end :]
    if (_ALL_LEFT.search(ctx.v.s[: c.start]) and _JOBS_END.search(tail)) or re.match(
        r"^[,\s]+all of whom\b[^.;]{0,40}?\b(?:lose|lost|losing|will lose|be laid off|be let go)\b|^\s+out of (?:work|a job|their jobs)\b"
        r"|^[^.;]{0,20}?\b(?:will|would|are to|are set to)\s+(?:all\s+)?(?:lose their jobs|be laid off|be let go)",
        tail,
    ) or (re.search(r"\b(?:its|their)\s+(?:\w+\s+)?$", before[-40:]) and _SHUTDOWN.search(ctx.v.s)):
        out += _claims(ctx, c, "layoffs", company)
    return out


def _one_count(ctx: _Ctx, i: int) -> list[Claim]:
    v, c = ctx.v, ctx.counts[i]
    if c.value is None or v.in_quotes(c.start):
        return []
    ca, cb = v.clause(c.start)
    if MODALITY.first("denied", "clause", v.low[ca:cb]):
        return []
    if 1900 <= c.value <= 2100 and "," not in v.s[c.start : c.end] and c.noun is None:
        return []  # a year
    before = v.s[: c.start]
    after_noun = v.s[c.noun_end :]
    if _is_headcount(ctx, c, v.low[: c.start] if len(before) == len(v.low[: c.start]) else before, after_noun):
        return _headcount_claims(ctx, c, before)
    if _OF_THE_LEFT.search(before[-40:]) or _OF_POSS_LEFT.search(before[-70:]) or _SUBSET.search(before[-40:]):
        return []  # "three of the five", "of its 11 co-founders": a base, not an event
    if c.noun is None and not re.match(r"^\s+more\b", after_noun):
        return []
    if c.noun is not None and _NEW.search(v.low[c.end : c.noun_end]):
        return []  # "200 new jobs": hires
    lo, lo_text = _left_window(ctx, i)
    cue = _verb(ctx, i, lo_text, after_noun)
    if cue is None:
        return []
    metric = _metric_for_verb(ctx, c, cue, v.low[ca:cb])
    company = _owner(ctx, c) if metric else None
    if metric is None or company is None:
        return []
    ctx.last = (metric, company)
    return _claims(ctx, c, metric, company)


def _percent_claims(v: View, d: Discourse, done: list[Claim]) -> tuple[list[Claim], list[Fraction]]:
    out: list[Claim] = []
    pending: list[Fraction] = []
    sa = v.sentence.start
    for p in percents_in(v.s):
        ca, cb = v.clause(p.start)
        clause = v.low[ca:cb]
        left = v.low[ca : p.start]
        if MODALITY.first("denied", "clause", clause) or MODALITY.first("planned", "clause", clause) or MODALITY.first("hypothetical", "left", left):
            continue
        cue = PEOPLE.nearest_before(left)
        if cue is None or cue.table != "layoffs" or len(left) - cue.end > _VERB_REACH:
            continue
        company = d.owner(v.sentence, sa + p.start, sa + p.end)
        if company is None:
            continue
        if p.base is not None:
            out.append(Claim(company, "layoffs", float(round(p.base * p.fraction)), "persons", p.qualifier, sa + p.start, sa + p.end, v.sentence))
        elif not any(c.metric == "layoffs" and c.company == company for c in done):
            pending.append(Fraction(company, v.sentence, sa + p.start, sa + p.end, p.fraction, p.qualifier))
    return out, pending


def count_claims(v: View, d: Discourse) -> tuple[list[Claim], list[Fraction]]:
    """Claims from the counts of people in one sentence, and shares of staff waiting for a base."""
    money = [(m.start, m.end) for m in v.money]
    ctx = _Ctx(v, d, counts_in(v.s, money))
    out: list[Claim] = []
    for i in range(len(ctx.counts)):
        out.extend(_one_count(ctx, i))
    more, pending = _percent_claims(v, d, out)
    return out + more, pending
