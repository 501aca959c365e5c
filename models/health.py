"""Health signals and a 0-100 health score per company, from reconciled facts and leadership events.

Pure: plain records in (``models.facts.Fact``, ``LeadershipEvent``), plain records out; no I/O, no clock (the
reference date "now" is passed in). The only function that asks a warehouse anything is ``score_companies``
at the end, and it only calls the warehouse's read methods.

The formula (README, "Health score", says the same in plain words)
-------------------------------------------------------------------
Six signals, each scored 0 (alarming) to 100 (nothing wrong), each with a weight:

=================  ======  ==========================================================================
signal             weight  sub-score
=================  ======  ==========================================================================
valuation          20      100 unless the latest valuation is below the previous one (a down round):
                           100 - 200 x the fall (a 20 % fall gives 60; 50 % or worse gives 0)
failed_raise       15      0 when a valuation sought was never reached later, else 100
burn               20      months of burn the known funding covers (an estimate): 100 x months / 36,
                           at most 100
departures         20      100 - 10 points per person who left in the last 12 months; founders and chief
                           executives count 3 persons each; never below 0 (one named person reported in
                           two months counts once)
layoffs            15      100 - 200 x (people laid off in the last 12 months / headcount), never below 0;
                           50 when the headcount is unknown; 100 when the only layoffs are older
leadership         10      100 - 40 per chief or founder who left in the last 12 months (events table),
                           - 20 when interim leaders are in charge (no permanent appointment since)
=================  ======  ==========================================================================

score = sum(weight x sub-score) / sum(weight), over the signals whose inputs are known.
confidence = sum(weight of the known signals) / 100.

A signal whose inputs the news never gave is *missing*: it is left out of both sums, so it lowers the
confidence and not the score. Each signal's contribution is weight x sub-score / sum(known weights); the
contributions add up to the score.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from models.facts import Fact, LeadershipEvent, by_metric
from models.flows import flow, in_window, is_top_role, latest_news, leadership_exits

__all__ = [
    "WEIGHTS",
    "LABELS",
    "Evidence",
    "Signal",
    "Score",
    "FundingEstimate",
    "known_funding",
    "valuation_signal",
    "failed_raise_signal",
    "burn_signal",
    "departures_signal",
    "layoffs_signal",
    "leadership_signal",
    "score_company",
    "score_companies",
    "score_all",
    "latest_news",
    "breakdown",
    "format_scores",
    "money",
]

#: Signal -> weight. They add up to 100, so a weight is also the share of the score a signal can move.
WEIGHTS: dict[str, float] = {
    "valuation": 20,
    "failed_raise": 15,
    "burn": 20,
    "departures": 20,
    "layoffs": 15,
    "leadership": 10,
}
LABELS: dict[str, str] = {
    "valuation": "Valuation trend",
    "failed_raise": "Failed or abandoned raise",
    "burn": "Burn and funding cover",
    "departures": "Departed talent (12 months)",
    "layoffs": "Layoffs vs headcount (12 months)",
    "leadership": "Leadership changes (12 months)",
}
#: Two values within 2 % are the same value (as in the facts view).
TOLERANCE = 0.02
#: How far back "recent" departures, layoffs and leadership changes reach.
WINDOW = timedelta(days=365)
DOWN_ROUND_SLOPE = 200.0  # sub-score points lost per unit of fall (0.2 = 20 % -> 40 points)
COVER_FULL_MONTHS = 36.0  # months of burn covered for a full 100
POINTS_PER_PERSON = 10.0
TOP_ROLE_PERSONS = 3.0  # a founder or chief executive counts as this many people
LAYOFF_SLOPE = 200.0  # sub-score points lost per unit of headcount laid off
LAYOFFS_HEADCOUNT_UNKNOWN = 50.0
LEADER_EXIT_POINTS = 40.0
INTERIM_POINTS = 20.0



# -- records ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """One quote behind a signal: a metric row of a fact, or a leadership event."""

    what: str  # e.g. "burn_rate 8000000 USD/month exact (2024-03)"
    quote: str
    article_id: str
    row_no: int
    article_path: str = ""
    published: date | None = None
    fact_id: str | None = None  # None for events


@dataclass(frozen=True, slots=True)
class Signal:
    name: str
    subscore: float | None  # 0-100; None when the inputs are missing
    summary: str  # what the news says, in plain words
    inputs: Mapping[str, Any] = field(default_factory=dict)  # the numbers the sub-score was computed from
    evidence: tuple[Evidence, ...] = ()
    flags: tuple[str, ...] = ()  # down_round, failed_raise, estimate, conflict, date_unknown, ...
    evidence_total: int | None = None  # when ``evidence`` holds only the first quotes: how many there are

    @property
    def label(self) -> str:
        return LABELS.get(self.name, self.name)

    @property
    def weight(self) -> float:
        return WEIGHTS.get(self.name, 0.0)

    @property
    def known(self) -> bool:
        return self.subscore is not None


@dataclass(frozen=True, slots=True)
class Score:
    company: str
    signals: tuple[Signal, ...]
    reference_date: date | None = None  # "now" for the 12-month windows
    as_of: date | None = None  # only articles published by then (None: all articles)

    @property
    def known_weight(self) -> float:
        return sum(s.weight for s in self.signals if s.known)

    @property
    def value(self) -> float | None:
        """The score, 0-100, or None when no signal is known.

        >>> Score("A", (Signal("failed_raise", 0.0, ""), Signal("departures", 10.0, ""),
        ...             Signal("burn", None, ""))).value
        5.714285714285714
        """
        w = self.known_weight
        if not w:
            return None
        return sum(s.weight * s.subscore for s in self.signals if s.subscore is not None) / w

    @property
    def confidence(self) -> float:
        """Share of the total weight whose inputs are known, 0-1."""
        total = sum(WEIGHTS.values())
        return self.known_weight / total if total else 0.0

    def contribution(self, signal: Signal) -> float | None:
        """Points this signal adds to the score (the contributions add up to the score)."""
        w = self.known_weight
        if signal.subscore is None or not w:
            return None
        return signal.weight * signal.subscore / w


# -- helpers ---------------------------------------------------------------------------------------


def money(value: float, unit: str = "USD") -> str:
    """A short amount for summaries.

    >>> money(8e6, "USD/month"), money(1.5e9), money(230e6, "EUR"), money(12, "persons")
    ('$8M/month', '$1.5B', '€230M', '12')
    """
    base, _, per = unit.partition("/")
    sign = {"USD": "$", "EUR": "€", "GBP": "£"}.get(base)
    if sign is None:
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    for div, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= div:
            text = f"{value / div:,.2f}".rstrip("0").rstrip(".") + suffix
            break
    else:
        text = f"{value:,.0f}"
    return sign + text + (f"/{per}" if per else "")


_QUAL = {"approx": "about ", "at_least": "at least ", "at_most": "at most ", "range_low": "from ",
         "range_high": "up to "}


def describe(f: Fact) -> str:
    """'about $8M/month (2023-10, 2 sources)'."""
    when = f.period or (f"undated, published {f.last_published}" if f.last_published else "undated")
    n = f"{f.n_sources} source{'s' if f.n_sources != 1 else ''}"
    basis = f", {f.basis}" if f.basis else ""
    return f"{_QUAL.get(f.qualifier, '')}{money(f.value, f.unit)} ({when}{basis}, {n})"


def fact_evidence(facts: Iterable[Fact]) -> tuple[Evidence, ...]:
    out = []
    for f in facts:
        what = f"{f.metric} {money(f.value, f.unit)}" + (f" ({f.period})" if f.period else "")
        if f.sources:
            out += [Evidence(what, s.quote, s.article_id, s.row_no, s.article_path, s.published, f.fact_id)
                    for s in f.sources]
        else:
            out.append(Evidence(what, f.quote, f.article_id, f.row_no, "", f.last_published, f.fact_id))
    return tuple(out)


def event_evidence(events: Iterable[LeadershipEvent]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(f"{e.kind}: {e.person or 'unnamed'}" + (f" ({e.role})" if e.role else ""), e.quote,
                 e.article_id, e.row_no, e.article_path, e.published)
        for e in events
    )


# -- signals ---------------------------------------------------------------------------------------


def valuation_signal(facts: Sequence[Fact]) -> Signal:
    """Latest valuation and its change from the previous one; a fall is a down round."""
    vals = by_metric(facts, "valuation")
    if not vals:
        return Signal("valuation", None, "no valuation reported")
    latest = vals[-1]
    flags: tuple[str, ...] = ("conflict",) if latest.conflict else ()
    if len(vals) < 2:
        return Signal("valuation", None, f"latest valuation {describe(latest)}; no earlier one to compare",
                      {"latest": latest.value}, fact_evidence([latest]), flags)
    prev = vals[-2]
    change = latest.value / prev.value - 1 if prev.value else 0.0
    down = change < -TOLERANCE
    sub = max(0.0, 100.0 - DOWN_ROUND_SLOPE * -change) if down else 100.0
    words = f"latest valuation {describe(latest)}, {change:+.0%} from {describe(prev)}"
    if down:
        words += ": a down round"
        flags += ("down_round",)
    return Signal("valuation", sub, words, {"latest": latest.value, "previous": prev.value, "change": change},
                  fact_evidence([latest, prev]), flags)


def failed_raise_signal(facts: Sequence[Fact]) -> Signal:
    """A valuation sought that no later valuation reached: a failed or abandoned raise."""
    targets = by_metric(facts, "valuation_target")
    if not targets:
        return Signal("failed_raise", None, "no valuation sought reported")
    vals = by_metric(facts, "valuation")
    unreached: list[tuple[Fact, list[Fact]]] = []
    reached: list[tuple[Fact, list[Fact]]] = []
    for t in targets:
        since = t.period_start or t.date
        hit = [v for v in vals if v.unit == t.unit and v.value >= t.value * (1 - TOLERANCE)
               and (since is None or v.date is None or v.date >= since)]
        (reached if hit else unreached).append((t, hit))
    if unreached:
        t = unreached[-1][0]
        words = f"sought a valuation of {describe(t)}, never reached in the news held"
        others = [u for u, _ in unreached[:-1] if abs(u.value - t.value) > TOLERANCE * abs(t.value)]
        repeats = len(unreached) - 1 - len(others)
        if repeats:
            words += f"; the same target also reported for {', '.join(u.period or 'no date' for u, _ in unreached[:-1] if u not in others)}"
        if others:
            words += f"; {len(others)} other target(s) not reached: " + ", ".join(describe(u) for u in others)
        return Signal("failed_raise", 0.0, words, {"targets_unreached": [u.value for u, _ in unreached]},
                      fact_evidence(u for u, _ in unreached), ("failed_raise",))
    t, hit = reached[-1]
    return Signal("failed_raise", 100.0, f"valuation sought {describe(t)} was reached: {describe(hit[-1])}",
                  {"targets_reached": [r.value for r, _ in reached]},
                  fact_evidence([t, hit[-1]]))


@dataclass(frozen=True, slots=True)
class FundingEstimate:
    amount: float
    facts: tuple[Fact, ...]
    how: str


def known_funding(facts: Sequence[Fact], currency: str = "USD") -> FundingEstimate | None:
    """Funding raised as far as the news tells: the latest stated total plus the rounds dated after it, or
    else the sum of the rounds (each reconciled figure once). A total and its rounds are never added up.

    >>> r = lambda i, v, b=None, e=None: Fact(i, "A", "a", "funding_raised", v, "USD", basis=b, period_end=e)
    >>> known_funding([r("a", 100), r("b", 50, "round")]).amount
    150.0
    >>> e = known_funding([r("a", 100, "round", date(2023, 1, 31)), r("t", 300, "total", date(2023, 6, 30)),
    ...                    r("c", 80, "round", date(2024, 1, 31))])
    >>> e.amount, e.how
    (380.0, 'latest stated total plus 1 later round')
    """
    fund = [f for f in by_metric(facts, "funding_raised") if f.unit == currency]
    if not fund:
        return None
    totals = [f for f in fund if f.basis == "total"]
    if totals:
        dated = [f for f in totals if f.date is not None]
        total = max(dated, key=lambda f: (f.date, f.value)) if dated else max(totals, key=lambda f: f.value)
        later = [f for f in fund if f.basis != "total" and total.date is not None
                 and (since := f.period_start or f.date) is not None and since > total.date]
        how = "latest stated total" + (f" plus {len(later)} later round{'s' if len(later) != 1 else ''}"
                                       if later else "")
        return FundingEstimate(float(total.value + sum(f.value for f in later)), (total, *later), how)
    return FundingEstimate(float(sum(f.value for f in fund)), tuple(fund),
                           f"sum of {len(fund)} reported round{'s' if len(fund) != 1 else ''}")


def burn_signal(facts: Sequence[Fact]) -> Signal:
    """Monthly burn, and the months of it the known funding covers (an estimate: funding raised is not the
    cash left)."""
    burns = by_metric(facts, "burn_rate")
    if not burns:
        return Signal("burn", None, "no burn figure reported")
    burn = burns[-1]
    currency = burn.unit.split("/")[0]
    funding = known_funding(facts, currency)
    flags = ("conflict",) if burn.conflict else ()
    if funding is None or burn.value <= 0:
        return Signal("burn", None, f"burn {describe(burn)}; funding unknown, so the months it covers cannot "
                      "be estimated", {"burn_per_month": burn.value}, fact_evidence([burn]), flags)
    months = funding.amount / burn.value
    sub = min(100.0, 100.0 * months / COVER_FULL_MONTHS)
    words = (f"burn {describe(burn)}; known funding {money(funding.amount, currency)} ({funding.how}) covers "
             f"about {months:.0f} months of it (estimate)")
    return Signal("burn", sub, words,
                  {"burn_per_month": burn.value, "known_funding": funding.amount, "months_covered": months},
                  fact_evidence([burn, *funding.facts]), flags + ("estimate",))


def departures_signal(
    facts: Sequence[Fact], ref: date | None, events: Sequence[LeadershipEvent] = ()
) -> Signal:
    """People who left in the 12 months up to ``ref`` (``models.flows.flow``: each person once, a stated
    total never added to its parts); founders and chief executives weigh more."""
    weight = lambda f: TOP_ROLE_PERSONS if is_top_role(f) else 1.0  # noqa: E731
    fl = flow(facts, "departed_talent", ref, events, weight)
    if fl is None:
        return Signal("departures", None, "no departures reported")
    counted = list(fl.counted)
    recent = [p.fact for p in fl.parts if p.counted or not p.why.startswith("before")]
    weighted = fl.value
    sub = max(0.0, 100.0 - POINTS_PER_PERSON * weighted)
    top = [f for f in counted if is_top_role(f)]
    flags: tuple[str, ...] = ("date_unknown",) if any(f.date is None for f in counted) else ()
    if not recent:
        words = f"no departures in the 12 months to {ref}; {len(fl.parts)} older report(s)"
    else:
        parts = [describe(f) + (" of founders or chief executives (x3)" if f in top else "") for f in counted]
        words = f"{len(counted)} departure report(s): " + "; ".join(parts) + f" = {weighted:g} weighted persons"
        twice = sorted({p.person for p in fl.parts if p.person and not p.counted})
        if twice:
            words += f" ({', '.join(twice)} reported more than once, counted once)"
    return Signal("departures", sub, words,
                  {"weighted_persons": weighted, "reports": len(counted), "top_role_reports": len(top)},
                  fact_evidence(recent or [p.fact for p in fl.parts]), flags)


def layoffs_signal(facts: Sequence[Fact], ref: date | None) -> Signal:
    """People laid off in the 12 months up to ``ref``, relative to the headcount."""
    fl = flow(facts, "layoffs", ref)
    if fl is None:
        return Signal("layoffs", None, "no layoffs reported")
    lays = [p.fact for p in fl.parts]
    recent = [f for f in lays if in_window(f.date, ref)]
    if not recent:
        return Signal("layoffs", 100.0, f"no layoffs in the 12 months to {ref}; {len(lays)} older report(s)",
                      {"laid_off": 0}, fact_evidence(lays))
    cut = fl.value
    last = max((f.date for f in recent if f.date), default=None)
    heads = [f for f in by_metric(facts, "headcount") if last is None or f.date is None or f.date <= last]
    heads = heads or by_metric(facts, "headcount")
    words = "laid off " + "; ".join(describe(f) for f in recent)
    if not heads:
        return Signal("layoffs", LAYOFFS_HEADCOUNT_UNKNOWN, words + "; headcount unknown",
                      {"laid_off": cut}, fact_evidence(recent), ("headcount_unknown",))
    head = heads[-1]
    ratio = min(1.0, cut / head.value) if head.value > 0 else 1.0
    sub = max(0.0, 100.0 - LAYOFF_SLOPE * ratio)
    return Signal("layoffs", sub, words + f" of a headcount of {describe(head)}: {ratio:.0%}",
                  {"laid_off": cut, "headcount": head.value, "share": ratio}, fact_evidence([*recent, head]))


def leadership_signal(
    events: Sequence[LeadershipEvent], ref: date | None, facts: Sequence[Fact] = ()
) -> Signal:
    """Chiefs and founders who left in the 12 months up to ``ref`` (leadership events, and departure figures
    of founders or chief executives no event covers: ``models.flows.leadership_exits``), and interim
    leadership still in place."""
    exits = leadership_exits(events, facts, ref)
    if not events and not exits:
        return Signal("leadership", None, "no leadership changes reported")
    recent = [e for e in events if in_window(e.date, ref)]
    interims = [e for e in recent if e.kind == "interim"]
    last_interim = max((e.date for e in interims if e.date), default=None)
    appointed_after = [e for e in recent if e.kind == "appointed" and e.date and last_interim
                       and e.date > last_interim]
    interim_now = bool(interims) and not appointed_after
    n_exits = sum(x.count for x in exits)
    sub = max(0.0, 100.0 - LEADER_EXIT_POINTS * n_exits - (INTERIM_POINTS if interim_now else 0.0))
    parts = [f"{x.who} ({x.role}) {x.kind.replace('_', ' ')}" if x.event is not None
             else f"{x.who} left (a departed-talent report)" for x in exits]
    if interim_now:
        names = sorted({e.person or "unnamed" for e in interims})
        parts.append("interim: " + ", ".join(names))
    words = "; ".join(parts) if parts else f"no leadership exits in the 12 months to {ref}"
    used = [x.event for x in exits if x.event is not None] + (interims if interim_now else [])
    from_facts = [x.fact for x in exits if x.fact is not None]
    evidence = event_evidence(used or recent or events) + fact_evidence(from_facts)
    return Signal("leadership", sub, words, {"exits": n_exits, "interim": interim_now},
                  evidence, ("interim",) if interim_now else ())


def score_company(
    company: str,
    facts: Sequence[Fact],
    events: Sequence[LeadershipEvent],
    ref: date | None,
    as_of: date | None = None,
) -> Score:
    """Every signal and the score of one company, from its facts and events as known on ``as_of``."""
    signals = (
        valuation_signal(facts),
        failed_raise_signal(facts),
        burn_signal(facts),
        departures_signal(facts, ref, events),
        layoffs_signal(facts, ref),
        leadership_signal(events, ref, facts),
    )
    return Score(company, signals, ref, as_of)


# -- presentation ----------------------------------------------------------------------------------


def breakdown(score: Score) -> list[dict[str, Any]]:
    """One dict per signal: what the dashboard and ``startup-health score --format json`` show."""
    rows = []
    for s in score.signals:
        c = score.contribution(s)
        rows.append({
            "company": score.company,
            "signal": s.name,
            "label": s.label,
            "weight": s.weight,
            "subscore": None if s.subscore is None else round(s.subscore, 1),
            "contribution": None if c is None else round(c, 1),
            "status": "known" if s.known else "missing",
            "summary": s.summary,
            "flags": ", ".join(s.flags),
            "evidence_total": len(s.evidence) if s.evidence_total is None else s.evidence_total,
            "evidence": [
                {"what": e.what, "quote": e.quote, "article_id": e.article_id, "row_no": e.row_no,
                 "article_path": e.article_path, "published": e.published.isoformat() if e.published else None,
                 "fact_id": e.fact_id}
                for e in s.evidence
            ],
        })
    return rows


def format_score_value(score: Score) -> str:
    """'5.7 / 100 (confidence 35 %)' or 'no score (nothing known)'."""
    if score.value is None:
        return "no score (none of the signals' inputs are known)"
    return f"{score.value:.1f} / 100 (confidence {score.confidence:.0%})"


def format_scores(scores: Sequence[Score], *, evidence: bool = True, width: int = 100) -> str:
    """The scores with their breakdown, for the terminal: per signal its sub-score, weight and points, what
    the news says, and (``evidence``) the quotes behind it."""
    out: list[str] = []
    for sc in scores:
        known = sum(1 for s in sc.signals if s.known)
        basis = f"articles published by {sc.as_of}" if sc.as_of else "all articles"
        out.append(f"{sc.company}: {format_score_value(sc)}")
        window = (f"12-month window ending {sc.reference_date} (its newest article)" if sc.reference_date
                  else "no dated article, so every report counts as recent")
        out.append(f"  {known} of {len(sc.signals)} signals known; {basis}; {window}")
        out.append(f"  {'signal':34} {'sub-score':>9} {'weight':>6} {'points':>6}")
        for s in sc.signals:
            c = sc.contribution(s)
            sub = "missing" if s.subscore is None else f"{s.subscore:.1f}"
            pts = "-" if c is None else f"{c:.1f}"
            out.append(f"  {s.label:34} {sub:>9} {s.weight:>6.0f} {pts:>6}")
            text = s.summary + (f" [{', '.join(s.flags)}]" if s.flags else "")
            out += textwrap.wrap(text, width, initial_indent="      ", subsequent_indent="      ")
            if evidence and s.known:
                for e in s.evidence:
                    where = e.article_path or e.article_id
                    when = f", {e.published}" if e.published else ""
                    out.append(f"      > \u201c{_clip(e.quote, width - 40)}\u201d ({where}{when})")
        out.append("")
    return "\n".join(out).rstrip("\n")


def _clip(text: str, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: max(n - 1, 1)] + "\u2026"


# -- the one function that asks a warehouse --------------------------------------------------------


class _Reads(Protocol):
    def resolve_companies(self, names: Sequence[str]) -> dict[str, str]: ...
    def facts(self, company_ids: Sequence[str] | None = ..., as_of: date | None = ...,
              without: Sequence[str] = ...) -> list[Fact]: ...
    def events_for(self, company_ids: Sequence[str] | None = ..., as_of: date | None = ...,
                   without: Sequence[str] = ...) -> list[LeadershipEvent]: ...
    def latest_published(self, as_of: date | None = ...) -> date | None: ...


def score_companies(
    warehouse: _Reads,
    names: Sequence[str] | None,
    as_of: date | None = None,
    *,
    without: Sequence[str] = (),
    refs: Mapping[str, date | None] | None = None,
) -> dict[str, Score | None]:
    """name -> Score (None for a name the warehouse does not know); every company when ``names`` is None.

    Only articles published by ``as_of`` count (all, undated ones included, when None). Each company's
    12-month windows end at its newest article among them (``latest_news``), or at ``refs[company_id]``.
    """
    one_read = getattr(warehouse, "score_inputs", None)  # a Warehouse reads all three on one connection
    if one_read is not None:
        ids, facts, events = one_read(None if names is None else list(names), as_of, without)
    elif names is None:
        facts = warehouse.facts(None, as_of, without)
        events = warehouse.events_for(None, as_of, without)
        ids = {f.company: f.company_id for f in facts}
    else:
        ids = warehouse.resolve_companies(list(names))
        wanted = sorted(set(ids.values()))
        facts = warehouse.facts(wanted, as_of, without) if ids else []
        events = warehouse.events_for(wanted, as_of, without) if ids else []
    return score_all(ids, facts, events, as_of, order=names, refs=refs)


def score_all(
    ids: Mapping[str, str],
    facts: Sequence[Fact],
    events: Sequence[LeadershipEvent],
    as_of: date | None = None,
    order: Sequence[str] | None = None,
    refs: Mapping[str, date | None] | None = None,
) -> dict[str, Score | None]:
    """Pure: name -> Score for the companies ``ids`` (name -> company_id), from facts and events of any
    companies (each company gets its own). ``refs``: company_id -> end of its 12-month windows, for the
    companies not to be judged at their ``latest_news``."""
    by_id: dict[str, list[Fact]] = {}
    for f in facts:
        by_id.setdefault(f.company_id, []).append(f)
    ev_by_id: dict[str, list[LeadershipEvent]] = {}
    for e in events:
        ev_by_id.setdefault(e.company_id, []).append(e)
    out: dict[str, Score | None] = {}
    for n in list(order) if order is not None else sorted(ids):
        if n not in ids:
            out[n] = None
            continue
        cid = ids[n]
        fs, es = by_id.get(cid, []), ev_by_id.get(cid, [])
        ref = refs[cid] if refs is not None and cid in refs else latest_news(fs, es) or as_of
        out[n] = score_company(n, fs, es, ref, as_of)
    return out
