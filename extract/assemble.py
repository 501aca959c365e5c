"""The last step: dates, confidence, shares of staff resolved against a headcount, duplicates removed.

``as_of`` is the date nearest the figure in its sentence (a date opening the sentence covers all of
it), else the article's publication month; in an article with no publication date it stays unknown
rather than guessed. Projections are kept only for a period that has already started.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from extract.counts import Fraction
from extract.dates import find_dates, month_of
from extract.figures import money_in
from extract.document import Document, Sentence
from extract.lexicon import MODALITY
from extract.relations import Claim
from models.records import Metric, Period

__all__ = ["Dated", "date_claims", "resolve_fractions", "dedupe", "drop_incumbents", "drop_outliers", "drop_share_restatements", "to_metrics",
           "DateFinder"]

#: figures no startup reports: a company with only these is an incumbent the article mentions
INCUMBENT_REVENUE = 10e9
INCUMBENT_HEADCOUNT = 50_000
_DAY_METRICS = ("departed_talent", "layoffs", "headcount")


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class Dated:
    claim: Claim
    as_of: Period | None
    explicit: bool  # the date came from the text
    confidence: float


# a year; the look-behind sits after "19"/"20" so that the engine can skip ahead to those digits
_YEAR = re.compile(r"(?:19|20)(?<![\w,.$]..)\d\d(?![\w,])")
#: between a figure and a later date: another clause with its own verb, so the date is not the figure's
_NOW_RIGHT = re.compile(r"\s+(?:(?:people|employees|staff|workers)\s+)?(?:today|now|currently|at present)\b")
_NEXT_CLAUSE = re.compile(
    r"\b(?:and|but|while|which|who|as (?:it|the (?:company|start-?up|firm|business)|[A-Z][\w\-]*))\s+(?:\w+\s+)?(?:expects?|expected|plans?|planned|hopes?|hoped|aims?|wants?|intends?|works? towards|targets?|tries|try|seeks|seek"
    r"|will|would|could|is|was|are|were|has|have|had|said|says)\b"
    r"|\b(?:told \w+|said|says|added) (?:that )?(?:it|they|he|she|we) (?:expects?|plans?|hopes?|aims?|wants?|intends?|will|would)\b"
)
#: between a date and a later figure: a new statement, so the date is not the figure's
_NEW_STATEMENT = re.compile(r";|\b(?:noted|said|added|reported|told|says|adds|notes|explained|wrote|argued)\b[^.;]{0,40}?\bthat\b")


class DateFinder:
    """Dates of a sentence, found when first asked for; "that year" reads the last year written before it."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._cache: dict[int, list[tuple[int, int, Period]]] = {}
        self._years: list[tuple[int, int]] | None = None
        self._pub_month: Period | None = None

    def _year_before(self, pos: int) -> int | None:
        if self._years is None:
            self._years = [(m.start(), int(m.group(0))) for m in _YEAR.finditer(self.doc.text)]
        i = bisect_left(self._years, (pos, 0))
        return self._years[i - 1][1] if i else None

    def _published_month(self) -> Period | None:
        """The month of publication (made once: asked for by most figures)."""
        if self._pub_month is None and self.doc.published is not None:
            self._pub_month = month_of(self.doc.published.year, self.doc.published.month)
        return self._pub_month

    def dates(self, s: Sentence) -> list[tuple[int, int, Period]]:
        got = self._cache.get(s.index)
        if got is None:
            text = self.doc.text[s.start : s.end]
            # (find_dates reads the year before only for "that year" or an undated article: found only then)
            year = self._year_before(s.start) if self.doc.published is None or "year" in text else None
            got = self._cache[s.index] = find_dates(text, self.doc.published, year)
        return got

    def for_claim(self, c: Claim, others: tuple[int, ...] = ()) -> tuple[Period | None, bool]:
        """The date a claim refers to, and whether the text gave it. ``others``: where the sentence's other
        figures end (relative): a date written right after another figure ("$8m a month as of October
        2023") is that figure's, not one for a figure further on."""
        s = c.sentence
        if _NOW_RIGHT.match(self.doc.text, c.end):
            return self._published_month(), False  # "grown from 40 employees in 2023 to more than 130 today"
        found = self.dates(s)
        rel, rel_end = c.start - s.start, c.end - s.start
        best, p = None, None
        text = self.doc.text
        for ds, de, per in found:
            if de <= rel and _NEW_STATEMENT.search(text, s.start + de, c.start):
                continue  # "... as of October 2023, according to X, which also noted that ... $4bn": another statement
            if (ds >= rel_end and self.doc.published is not None and per.start > self.doc.published
                    and _NEXT_CLAUSE.search(text, c.end, s.start + ds)):
                continue  # "burns $800,000 a month and expects to break even next year": the future is the other clause's
            d = ds - rel_end if ds >= rel_end else (0 if ds >= rel else rel - de)
            if d <= 160 and (best is None or d < best):
                p, best = per, d
        if p is None and found and found[0][0] <= 25:
            p = found[0][2]  # "By September, ...": a date that opens the sentence covers all of it
        if p is None:
            return self._published_month(), False
        if p.precision == "day" and c.metric not in _DAY_METRICS:
            p = month_of(p.start.year, p.start.month)
        return p, True


def _confidence(doc: Document, s: Sentence) -> float:
    low = doc.low[s.start : s.end]
    m = MODALITY.first("reported", "sentence", low)
    if m is None:
        return 0.9
    strong = m.group(0) in ("reported", "according to", "estimated", "estimate")
    return 0.8 if strong else 0.6


def date_claims(doc: Document, dates: DateFinder, claims: list[Claim]) -> list[Dated]:
    """Dates and confidence for each claim; projections for a period not yet started are dropped."""
    out = []
    reference = doc.published
    confidence: dict[int, float] = {}
    ends: dict[int, list[int]] = {}
    for c in claims:
        ends.setdefault(c.sentence.index, []).append(c.end - c.sentence.start)
    for c in claims:
        others = tuple(e for e in ends[c.sentence.index] if e != c.end - c.sentence.start)
        as_of, explicit = dates.for_claim(c, others)
        if explicit and as_of is not None and reference is not None and as_of.start > reference:
            if c.metric in ("valuation_target", "headcount"):  # "hoping to raise at a $1bn valuation early next year": sought now
                as_of, explicit = dates._published_month(), False  # ("all 85 of its employees will lose their jobs in December": 85 now)
            elif c.metric not in ("departed_talent", "layoffs"):
                continue  # a figure for a period that has not started is a projection (an announced cut or exit is news)
        if c.sentence.index not in confidence:
            confidence[c.sentence.index] = _confidence(doc, c.sentence)
        out.append(Dated(c, as_of, explicit, confidence[c.sentence.index]))
    return out


# a headcount that is no base for an earlier cut: the staff left now, or a peak
_CURRENT = re.compile(r"\b(?:now|today|currently|at present|still|remaining|remain|remains|left with|leaving)\b")
_PEAK = re.compile(r"\b(?:peak|peaked|high of|maximum|at its height)\b")


def _coarser(a: Period | None, b: Period | None) -> bool:
    """``a`` is a year (or longer) and ``b`` a month or a day: they overlap without being the same time."""
    return a is not None and b is not None and a.precision in ("year", "span") and b.precision in ("month", "day")


def _overlap(a: Period | None, b: Period | None) -> bool:
    """Two periods share a day (an unknown period overlaps anything)."""
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def _base_ok(doc: Document, h: Dated, cut: Dated, layoffs: list[Dated]) -> bool:
    """Whether headcount ``h`` can be the staff a share was cut from (``cut``, another sentence): not a
    peak, not the staff left after it (dated later, or "now" / "still" against a cut the text dates),
    and not the staff before another cut of the company (dated between them, or told between them:
    "Bird laid off 406. It had 1,000 employees at the time. In 2022 it cut another 23%")."""
    c = h.claim
    near = doc.low[max(c.sentence.start, c.start - 40) : min(c.sentence.end, c.end + 40)]
    if _PEAK.search(doc.low, max(c.sentence.start, c.start - 30), c.start):
        return False
    cut_p, base_p = cut.as_of, h.as_of
    if cut_p is not None and base_p is not None and (h.explicit or not cut.explicit) and (base_p.start - cut_p.end).days > 31:
        return False  # stated for a later time: the staff after the cut
    if _CURRENT.search(near) and cut.explicit:
        return False  # "now employs 900", "the 320 still on its payroll": the staff after a cut the text dates
    bi, fi = c.sentence.index, cut.claim.sentence.index
    after = _AFTER_CUT.search(doc.low, c.sentence.start, c.sentence.end) is not None  # ("ended 2025 with 1,100 employees,
    # after cutting about 90 people in a first round": the staff after that cut, a base for the next one)
    ended = _ENDED.search(doc.low, c.sentence.start, c.sentence.end) is not None
    since = Period.day(base_p.end) if ended and base_p is not None and base_p.precision in ("year", "span") else base_p  # ("ended 2025 with")
    return not any(_between(l.as_of, since, cut_p) or (bi - 1 <= l.claim.sentence.index < fi and not (after and l.claim.sentence.index == bi))
                   for l in layoffs)


_ENDED = re.compile(r"\b(?:ended|ends|closed|finished)\s+(?:the\s+year\s+|\d{4}\b)")
_AFTER_CUT = re.compile(r"\bafter\s+(?:cutting|laying off|letting go|shedding|dismissing|a first round|its first round)\b")


# before a headcount, words that make it the staff after a cut or at another time, not the base of a cut:
# "will see its headcount cut to 543, down from over 1,000 it had last year", "leaving it with 700 employees"
_FROM_TO = re.compile(r"\s+to\s+(?:just\s+|some\s+)?(?:over|under|about|around|more\s+than|fewer\s+than|less\s+than|roughly)?\s*\d")
_NOT_THE_BASE = re.compile(
    r"(?:\bfrom\s+[\d,.]+\s+to|\b(?:cut|reduced|trimmed|slashed|brought down|down|shrunk|shrank|fallen|fell|dropped)\s+to|\b(?:leaving|left with|remaining|remain)"
    r"|\b(?:down|up)\s+from|\bfrom\s+(?:a|its)\s+(?:peak|high)\s+of|,\s+to|\bby\s+[\w%-]+(?:\s+(?:percent|per\s+cent|%))?\s+to"
    r"|\bbring\w*\s+(?:its\s+|the\s+)?(?:headcount|workforce|staff)\s+(?:down\s+)?to)\s+(?:[\w\-]+\s+){0,3}$"
)


def _before_cut(doc: Document, h: Dated) -> bool:
    """A headcount in the sentence of a share of staff is the base of the cut unless it is the staff after it
    or at another time ("cut to 543, down from over 1,000 it had last year")."""
    c = h.claim
    if _LEFT_AFTER.match(doc.low, c.end, min(c.sentence.end, c.end + 60)):
        return False  # "roughly 525 people will remain"
    if _FROM_TO.match(doc.low, c.end, min(c.sentence.end, c.end + 40)) and doc.low.endswith("from ", 0, c.start):
        return True  # "laid off 20%, bringing its staff down from 764 to just over 600": the staff before the cut
    return not _NOT_THE_BASE.search(doc.low, max(c.sentence.start, c.start - 50), c.start) and not _PEAK.search(
        doc.low, max(c.sentence.start, c.start - 30), c.start)


_LEFT_AFTER = re.compile(r"(?:\s+[a-z\-]+){0,2}?\s+(?:who\s+|that\s+)?(?:still\s+|will\s+|would\s+)?(?:remain|stay|be left|are left)\b")


def _between(x: Period | None, a: Period | None, b: Period | None) -> bool:
    """``x`` starts no earlier than ``a`` starts and before ``b`` starts (another cut after the base).

    >>> _between(Period.month(2022, 5), Period.month(2022, 5), Period.month(2022, 11))
    True
    >>> _between(Period.month(2023, 1), Period.month(2022, 5), Period.month(2022, 11))
    False
    """
    return x is not None and a is not None and b is not None and a.start <= x.start < b.start


def resolve_fractions(dated: list[Dated], fractions: list[Fraction], dates: DateFinder) -> list[Dated]:
    """Layoffs given only as a share of staff, from the article's headcount for that time: one in the same
    sentence, else the nearest one in the text that `_base_ok` allows; a cut counted in people already
    (a layoff row next to it or for the same time) is not counted again."""
    out = list(dated)
    heads = [d for d in dated if d.claim.metric == "headcount"]
    for f in fractions:
        probe = Claim(f.company, "layoffs", 0.0, "persons", f.qualifier, f.start, f.end, f.sentence)
        as_of, explicit = dates.for_claim(probe)
        layoffs = [d for d in out if d.claim.metric == "layoffs" and d.claim.company == f.company]
        if any(d.claim.sentence.index == f.sentence.index or (_overlap(d.as_of, as_of) and not _coarser(d.as_of, as_of)) for d in layoffs):
            continue  # the cut is already counted (not by a cut dated only by its year: "250 in its second round of cuts this year")
        cut = Dated(probe, as_of, explicit, 0.8)
        own = [h for h in heads if h.claim.company == f.company and _before_cut(dates.doc, h)]
        base = [h for h in own if h.claim.sentence.index == f.sentence.index] or sorted(
            (h for h in own if _base_ok(dates.doc, h, cut, layoffs)),
            key=lambda h: (abs(h.claim.sentence.index - f.sentence.index), h.claim.sentence.index > f.sentence.index,
                           -(h.as_of.start.toordinal() if h.as_of else 0), -h.claim.start),  # ("grew from 85 in 2024 to 720": 720)
        )
        if not base:
            continue
        value = float(round(base[0].claim.value * f.fraction))
        q = f.qualifier if f.qualifier != "exact" or base[0].claim.qualifier.startswith("range") else base[0].claim.qualifier
        q = "approx" if q == "exact" else q  # a count worked out from a share is approximate (as the annotators mark it)
        out.append(Dated(Claim(f.company, "layoffs", value, "persons", q, f.start, f.end, f.sentence), as_of, explicit, 0.8))
    return out


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-6 * max(1.0, x)


def _same(a: Claim, b: Claim) -> bool:
    """One figure written twice: same company, metric and value, in the same currency or as the other
    currency of a conversion ("raises 1.7 billion euros" in the headline, "€1.7bn (about $2bn)" below)."""
    if (a.company, a.metric) != (b.company, b.metric):
        return False
    if a.unit == b.unit:
        return _close(a.value, b.value)
    cur_a, cur_b = a.unit.split("/")[0], b.unit.split("/")[0]
    return (b.alt is not None and b.alt[0] == cur_a and _close(b.alt[1], a.value)) or (
        a.alt is not None and a.alt[0] == cur_b and _close(a.alt[1], b.value))


def _apart(a: Period | None, b: Period | None) -> bool:
    """Two dates that cannot be the same moment: neither period holds the other ("last year" holds "May 2021")."""
    if a is None or b is None:
        return False
    return not ((a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end))


def dedupe(dated: list[Dated]) -> list[Dated]:
    """One row per figure: a figure repeated (headline and body) is kept once, with its explicit date."""
    named = {d.claim.company for d in dated if d.claim.metric == "departed_talent" and d.claim.person
             and not d.claim.person.startswith("role:")}  # fmt: skip
    rows = [d for d in dated if not (d.claim.metric == "departed_talent" and d.claim.person
                                     and d.claim.person.startswith("role:") and d.claim.company in named
                                     and all(k in ("role:co-founder", "role:founder", "role:chief executive", "role:ceo",
                                                   "role:president") for k in d.claim.person.split("|")))]  # fmt: skip
    out: list[Dated] = []
    for d in rows:
        dup = None
        if d.claim.person is None:
            for i, o in enumerate(out):
                if o.claim.person is None and _same(o.claim, d.claim):
                    if (o.explicit and d.explicit and _apart(o.as_of, d.as_of) and o.claim.metric != "departed_talent"
                            and not (o.claim.table or d.claim.table)):
                        continue  # the same amount at two different times: two figures ("a second $6bn round")
                    dup = i
                    break
        if dup is None:
            out.append(d)
        elif (d.claim.unit.startswith("USD") and not out[dup].claim.unit.startswith("USD")) or (
            d.explicit and not out[dup].explicit and d.claim.unit == out[dup].claim.unit
        ):
            out[dup] = d
    return out


def drop_rounded_headlines(text: str, dated: list[Dated]) -> list[Dated]:
    """A headline's rounded figure told exactly in the body ("Mistral hits $6 billion valuation" over "valued at
    about $6.2 billion"): one figure, the body's. Only a rounder headline value within 10% of the body's, for the
    same company, metric and unit."""
    money = [d for d in dated if d.claim.unit != "persons"]
    heads = [d for d in money if _heading_like(text, d.claim.sentence)]
    if not heads:
        return dated
    body = [d.claim for d in money if not _heading_like(text, d.claim.sentence)]
    drop = {id(h) for h in heads if any(_rounded_of(h.claim, b) for b in body)}
    return [d for d in dated if id(d) not in drop] if drop else dated


def _rounded_of(h: Claim, b: Claim) -> bool:
    """``h`` is ``b`` rounded: same company, metric and unit, fewer digits, within 10%."""
    return ((h.company, h.metric, h.unit) == (b.company, b.metric, b.unit) and h.value != b.value
            and abs(b.value - h.value) <= 0.1 * b.value and _digits(h.value) < _digits(b.value))


def _heading_like(text: str, s: Sentence) -> bool:
    """The headline, or a line of its own without closing punctuation (a title under a page's section label)."""
    if s.headline:
        return True
    line = text[s.start : s.end]
    return s.end - s.start <= 200 and not line.endswith((".", "!", "?", '"', "”", ":")) and text.startswith("\n", s.end) and s.leads_paragraph


def _digits(value: float) -> int:
    """Significant digits of a value ("6.2 billion": 2, "6 billion": 1)."""
    return len(f"{value:.6g}".replace(".", "").replace("-", "").strip("0"))


def _incumbent_sized(x: Claim) -> bool:
    return (x.metric == "revenue" and x.value >= INCUMBENT_REVENUE) or (x.metric == "headcount" and x.value >= INCUMBENT_HEADCOUNT)


#: a startup's money figure this many times larger than every other money figure of the startup in the article
#: (and at least $1bn) is a market's, a sector's or another company's figure given to it ("a $1 trillion market")
OUTLIER_RATIO = 25.0


def drop_share_restatements(text: str, dated: list[Dated]) -> list[Dated]:
    """A cut worked out from a share ("removed roughly 12% of the staff" of about 9,200: 1,104) that another row of the
    article states as a count within 2% ("cutting 1,100 jobs"): one cut, the stated count."""
    cuts = [d for d in dated if d.claim.metric == "layoffs"]
    if len(cuts) < 2:
        return dated
    share = {id(d) for d in cuts if "%" in text[d.claim.start : d.claim.end] or "cent" in text[d.claim.start : d.claim.end]}
    stated = [o for o in cuts if id(o) not in share]
    drop = {id(d) for d in cuts if id(d) in share and any(
        o.claim.company == d.claim.company and abs(o.claim.value - d.claim.value) <= 0.02 * o.claim.value for o in stated)}
    return [d for d in dated if id(d) not in drop] if drop else dated


def drop_outliers(dated: list[Dated]) -> list[Dated]:
    """Money figures out of all proportion to the rest of a startup's figures: "burns $83bn a month" read from
    "the $1 trillion market", "$53bn" of funding from a country's AI spending. Burn is compared per year; a
    valuation is never dropped so (it may well be forty times the company's revenue)."""
    if not any(d.claim.value >= 8e7 and d.claim.unit != "persons" for d in dated):
        return dated  # (nothing near $1bn a year: the common case)
    money = [(d, d.claim.value * (12 if d.claim.metric == "burn_rate" else 1)) for d in dated if d.claim.unit != "persons"]
    by: dict[str, list[float]] = {}
    for d, v in money:
        by.setdefault(d.claim.company, []).append(v)
    drop = set()
    for d, v in money:
        others = [x for x in by[d.claim.company] if x != v]
        if not d.claim.metric.startswith("valuation") and v >= 1e9 and others and v > OUTLIER_RATIO * max(others):
            drop.add(id(d))
    return [d for d in dated if id(d) not in drop]


def drop_incumbents(dated: list[Dated]) -> list[Dated]:
    """Figures no startup reports (revenue of $10bn or more, 50,000 employees or more) belong to an
    established company the article mentions: a company with only such figures is dropped, and so is
    such a figure next to a company's startup-sized funding (a round of under $5bn)."""
    by: dict[str, list[Claim]] = {}
    for d in dated:
        by.setdefault(d.claim.company, []).append(d.claim)
    drop = {c for c, cs in by.items() if all(_incumbent_sized(x) for x in cs)}
    small = {c for c, cs in by.items() if any(x.metric == "funding_raised" and x.value < 5e9 for x in cs)}
    # "raised $2bn on revenue of $12bn": a figure told in the same sentence as the round is the startup's own
    with_round = {(x.company, x.sentence.start) for cs in by.values() for x in cs if x.metric == "funding_raised"}
    return [d for d in dated if d.claim.company not in drop and not (
        d.claim.company in small and _incumbent_sized(d.claim) and (d.claim.company, d.claim.sentence.start) not in with_round)]


_EQUITY = re.compile(r"\bequity\b")
_DEBT = re.compile(r"\b(?:debt|credit|loans?|facility|facilities|borrowing|lending capital|warehouse line)\b")
#: one of these is in every text _DEBT finds (a cheap pre-test: the pattern opens with \b and tries every position)
_DEBT_KEYS = ("credit", "loan", "facilit", "borrowing", "lending capital", "warehouse line")


def drop_mixed_totals(doc: Document, dated: list[Dated]) -> list[Dated]:
    """A raise told as equity plus debt counts its equity only: "$32m, of which $22m is equity and the rest a
    credit facility", "bags $38M, but $25M of it is debt". In a sentence that names both parts, the largest
    amount and the sum of two amounts are such mixed totals; a funding figure of that value is dropped."""
    if not any(d.claim.metric == "funding_raised" for d in dated):
        return dated  # (no funding figure to drop: the article's text need not be searched)
    if "debt" not in doc.low and (not any(k in doc.low for k in _DEBT_KEYS) or not _DEBT.search(doc.low)):
        return dated
    totals: set[tuple[str, float, str | None]] = set()  # (currency, value, company of the sentence's figures if one)
    companies: dict[int, set[str]] = {}
    for d in dated:
        companies.setdefault(d.claim.sentence.index, set()).add(d.claim.company)
    for s in doc.sentences:
        low = doc.low[s.start : s.end]
        if not _DEBT.search(low):
            continue
        owners = companies.get(s.index, set())
        owner = next(iter(owners)) if len(owners) == 1 else None  # ("Mavuno Credit raised $15m ... total of $27m": Mavuno's)
        labelled = bool(_EQUITY.search(low) or " of it " in low or "of which" in low)  # the parts are named as such
        # (currency, value, whether the amount is the equity part: "$22m is equity", "$13m equity tranche")
        found = [(m.currency, m.values[0], bool(_EQUITY.search(low, max(0, m.start - 15), m.end + 25)))
                 for m in money_in(doc.text[s.start : s.end]) if not m.is_range]
        if len(found) < 2:
            continue
        for cur in {c for c, _, _ in found}:
            vals = sorted((v, eq) for c, v, eq in found if c == cur)
            if len(vals) >= 2:
                if labelled and not vals[-1][1]:
                    totals.add((cur, vals[-1][0], owner))
                # "$100m in Series B funding and $106m in venture debt": "$206m" told elsewhere is their sum
                totals.update((cur, a + b, owner) for i, (a, _) in enumerate(vals) for b, _ in vals[i + 1 :])
    if not totals:
        return dated

    def mixed(c: Claim) -> bool:
        return c.metric == "funding_raised" and any(
            cur == c.unit and abs(c.value - v) <= 0.02 * v and who in (None, c.company) for cur, v, who in totals)

    return [d for d in dated if not mixed(d.claim)]


def to_metrics(doc: Document, dated: list[Dated]) -> list[Metric]:
    t = doc.text
    out = []
    for d in dated:
        c = d.claim
        sent = t[c.sentence.start : c.sentence.end]
        out.append(Metric(c.company, c.metric, float(c.value), c.unit, c.qualifier, c.start, c.end, sent,
                          c.sentence.start, d.as_of, d.confidence, t[c.start : c.end]))  # fmt: skip
    return out

