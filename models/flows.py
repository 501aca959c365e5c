"""Flows: figures that count what happened over a time, summed over a window, each person or event once.

A stock (valuation, headcount, funding raised to date) is read at its latest figure. People who left and
jobs cut are flows: "1" is not what a company lost in a year because its latest report names one person.
A flow is the sum of a company's reports of it within a window (the 12 months up to its newest article,
as the health score's windows), with

* each report once: the facts (``models.facts``) already merge one figure reported by several articles for
  the same period, and single departures whose sentences name the same person who left (the events table
  says who) count once, however many months they were reported for;
* a stated total never added to the figures it includes: the larger reading wins;
* "at least" kept: a sum with a part "more than six" is itself "at least".

Founders and chief executives who leave are leadership changes wherever they are extracted: as leadership
events, or only as a departed-talent figure whose words name the role ("two of its co-founders").
``leadership_exits`` gathers both, each person once.

Pure: ``models.facts`` records in, plain records out. ``models.health``, ``startup-health summary`` and the
dashboard all take their flows from here, so they agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from models.facts import Fact, LeadershipEvent, by_metric

__all__ = [
    "FLOW_METRICS",
    "WINDOW",
    "EXITS",
    "Part",
    "Flow",
    "Exit",
    "in_window",
    "is_top_role",
    "one_person_reports",
    "flow",
    "flows",
    "combined_qualifier",
    "leadership_exits",
    "latest_news",
    "company_flows",
]

#: The metrics that are flows: summed over the window, never read at their latest figure.
FLOW_METRICS: tuple[str, ...] = ("departed_talent", "layoffs")
#: How far back a flow reaches from its window's end.
WINDOW = timedelta(days=365)
#: Leadership event kinds that are someone leaving.
EXITS: tuple[str, ...] = ("resigned", "departed", "hired_away")

_TOP_ROLE = re.compile(r"\b(co-?founders?|founders?|ceos?|chief executives?|chief executive officer)\b", re.I)
#: How far from the figure a role word may stand and still be about the people counted.
_ROLE_BEFORE, _ROLE_AFTER = 40, 40


def in_window(d: date | None, ref: date | None) -> bool:
    """Within the 12 months up to ``ref``; a report with no date at all counts (it cannot be placed), and
    with no ``ref`` (no dated article) every report does.

    >>> in_window(date(2024, 3, 31), date(2024, 3, 26)), in_window(date(2022, 1, 1), date(2024, 3, 26))
    (True, False)
    >>> in_window(None, date(2024, 3, 26)), in_window(date(2010, 1, 1), None)
    (True, True)
    """
    return d is None or ref is None or d > ref - WINDOW


def is_top_role(f: Fact) -> bool:
    """Whether a departure figure counts founders or chief executives: a role word next to the figure in
    one of its sentences ("two of its co-founders", "chief executive Emad Mostaque has stepped down"), or
    anywhere in the sentence when the figure's words are not known.

    >>> from models.facts import Source
    >>> src = lambda q, s: Source("a", 0, 1, "exact", None, None, None, "", q, s)
    >>> f = lambda q, s: Fact("f", "A", "a", "departed_talent", 1, "persons", quote=q, sources=(src(q, s),))
    >>> is_top_role(f("Microsoft hired two of its co-founders.", "two"))
    True
    >>> is_top_role(f("The CEO told staff on Tuesday that over the year it lost fifty engineers.", "fifty"))
    False
    """
    return _role_word(f) is not None


def _role_word(f: Fact) -> str | None:
    """The founder or chief-executive word next to a departure figure, if any ("co-founders")."""
    pieces = [(s.quote or "", s.surface or "") for s in f.sources] or [(f.quote or "", "")]
    for quote, surface in pieces:
        at = quote.find(surface) if surface else -1
        near = quote if at < 0 else quote[max(0, at - _ROLE_BEFORE): at + len(surface) + _ROLE_AFTER]
        m = _TOP_ROLE.search(near)
        if m:
            return m.group(0).lower()
    return None


def one_person_reports(reports: Sequence[Fact], events: Sequence[LeadershipEvent]) -> dict[str, str]:
    """fact_id -> person, for single departures whose sentences name one person who left (events table).

    >>> f = lambda i, q: Fact(i, "A", "a", "departed_talent", 1, "persons", quote=q)
    >>> one_person_reports([f("x", "CEO Jo Bloggs steps down."), f("y", "Two engineers left.")],
    ...                    [LeadershipEvent("a", "resigned", person="Jo Bloggs")])
    {'x': 'Jo Bloggs'}
    """
    people = {e.person for e in events if e.kind in EXITS and e.person}
    out = {}
    for f in reports:
        if f.value != 1:
            continue
        quotes = [s.quote for s in f.sources] or [f.quote]
        named = {p for p in people if any(re.search(rf"\b{re.escape(p.split()[-1])}\b", q or "") for q in quotes)}
        if len(named) == 1:
            out[f.fact_id] = named.pop()
    return out


def combined_qualifier(qualifiers: Iterable[str]) -> str:
    """The qualifier of a sum: "at least" if a part is, "at most" if a part is, "approx" if both or a part
    is approximate, else exact.

    >>> combined_qualifier(["exact", "at_least"]), combined_qualifier(["approx", "exact"])
    ('at_least', 'approx')
    >>> combined_qualifier(["at_least", "at_most"]), combined_qualifier(["exact"])
    ('approx', 'exact')
    """
    qs = set(qualifiers)
    low, high = bool(qs & {"at_least", "range_low"}), bool(qs & {"at_most", "range_high"})
    if low and high:
        return "approx"
    if low:
        return "at_least"
    if high:
        return "at_most"
    return "approx" if "approx" in qs else "exact"


@dataclass(frozen=True, slots=True)
class Part:
    """One report of a flow, and whether the sum counts it (``why`` says why not)."""

    fact: Fact
    counted: bool
    why: str = ""
    person: str | None = None


@dataclass(frozen=True, slots=True)
class Flow:
    """A company's flow over the window ending ``ref`` (None: no dated article, so every report counts)."""

    metric: str
    value: float  # the sum, in persons (weighted, when a weight was given)
    unit: str
    qualifier: str
    ref: date | None
    parts: tuple[Part, ...]

    @property
    def counted(self) -> tuple[Fact, ...]:
        return tuple(p.fact for p in self.parts if p.counted)

    @property
    def window(self) -> str:
        """'12 months to 2024-03-26', or 'no dated article' (every report counts)."""
        return f"12 months to {self.ref}" if self.ref else "no dated article"

    @property
    def span(self) -> str:
        """The period the sum covers in a few words: 'in 12 months', 'in all reports'."""
        return "in 12 months" if self.ref else "in all reports"

    @property
    def newest(self) -> Fact | None:
        """The newest counted report (the one a single key points to)."""
        return self.counted[-1] if self.counted else None


def _larger_reading(reports: Sequence[Fact], weight: Callable[[Fact], float]) -> list[Fact]:
    """A stated total and the figures it includes are not added up: the reports of the larger reading.

    >>> fs = [Fact("a", "A", "a", "layoffs", 360, "persons"), Fact("b", "A", "a", "layoffs", 500, "persons",
    ...        basis="total")]
    >>> [f.fact_id for f in _larger_reading(fs, lambda f: 1.0)]
    ['b']
    """
    parts = [f for f in reports if f.basis != "total"]
    best, best_sum = parts, sum(weight(f) * f.value for f in parts)
    for t in (f for f in reports if f.basis == "total"):
        if weight(t) * t.value > best_sum:
            best, best_sum = [t], weight(t) * t.value
    return best


def _one(_: Fact) -> float:
    return 1.0


def flow(
    facts: Sequence[Fact],
    metric: str,
    ref: date | None,
    events: Sequence[LeadershipEvent] = (),
    weight: Callable[[Fact], float] = _one,
) -> Flow | None:
    """``metric``'s sum over the 12 months up to ``ref`` (None when the news never reported it).

    Every preferred report is a part: counted, or not with the reason (older than the window, a person
    already counted, included in a stated total). ``weight`` weighs a report (the health score counts
    founders and chief executives three times); the value is the weighted sum.
    """
    reports = by_metric(facts, metric)
    if not reports:
        return None
    recent = [f for f in reports if in_window(f.date, ref)]
    person: dict[str, str] = {}
    if metric == "departed_talent":
        person = one_person_reports(recent, [e for e in events if in_window(e.date, ref)])
    kept: dict[str, Fact] = {}
    for f in recent:  # oldest first: a person's newest report stays
        kept[person.get(f.fact_id, f.fact_id)] = f
    chosen = _larger_reading(list(kept.values()), weight)
    chosen_ids = {f.fact_id for f in chosen}
    recent_ids = {f.fact_id for f in recent}
    parts = []
    for f in reports:
        if f.fact_id in chosen_ids:
            parts.append(Part(f, True, "", person.get(f.fact_id)))
        elif f.fact_id not in recent_ids:
            parts.append(Part(f, False, f"before the 12 months to {ref}"))
        elif f.fact_id in person and kept.get(person[f.fact_id]) is not f:
            parts.append(Part(f, False, f"{person[f.fact_id]} again: counted once", person[f.fact_id]))
        else:
            parts.append(Part(f, False, "included in a larger stated total, or the reports it totals are more"))
    value = float(sum(weight(f) * f.value for f in chosen))
    unit = chosen[0].unit if chosen else reports[-1].unit
    qualifier = combined_qualifier(f.qualifier for f in chosen) if chosen else "exact"
    return Flow(metric, value, unit, qualifier, ref, tuple(parts))


def flows(facts: Sequence[Fact], ref: date | None, events: Sequence[LeadershipEvent] = ()) -> dict[str, Flow]:
    """metric -> its flow, for the flow metrics the news reported (in persons, unweighted)."""
    out = {}
    for metric in FLOW_METRICS:
        f = flow(facts, metric, ref, events)
        if f is not None:
            out[metric] = f
    return out


@dataclass(frozen=True, slots=True)
class Exit:
    """A founder or chief executive who left: from a leadership event, or from a departure figure."""

    who: str  # the person, or e.g. "2 co-founders" for an unnamed count
    role: str
    kind: str
    count: int = 1
    event: LeadershipEvent | None = None
    fact: Fact | None = None


def leadership_exits(
    events: Sequence[LeadershipEvent], facts: Sequence[Fact], ref: date | None
) -> list[Exit]:
    """Founders and chief executives who left in the 12 months up to ``ref``, each once: every exit event
    (one per person), then the departure figures of founders or chief executives that no event covers (a
    figure naming a person who has an event, or from an article whose events already name as many people,
    adds nothing)."""
    recent_events = [e for e in events if in_window(e.date, ref) and e.kind in EXITS]
    out: dict[str, Exit] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for e in recent_events:
        if e.person:
            key = e.person.lower()
        else:  # the n-th unnamed exit of a role and date in an article: another article's n-th is the same
            slot = (e.article_id, str(e.role), str(e.as_of))
            seen[slot] = seen.get(slot, 0) + 1
            key = f"{e.role} {e.as_of} #{seen[slot]}".lower()
        out.setdefault(key, Exit(e.person or "unnamed", e.role or "leader", e.kind, 1, event=e))
    reports = [f for f in by_metric(facts, "departed_talent") if in_window(f.date, ref) and is_top_role(f)]
    named = one_person_reports(reports, recent_events)
    for f in reports:
        if f.fact_id in named:
            continue  # the event of that person counts
        articles = {s.article_id for s in f.sources} or {f.article_id}
        covered = sum(1 for e in recent_events if e.article_id in articles)
        count = int(round(f.value)) - covered
        if count > 0:
            role = _role_word(f) or "founder or chief executive"
            out[f"fact {f.fact_id}"] = Exit(f"{count} {role}" if count > 1 else role, role, "departed", count, fact=f)
    return list(out.values())


def latest_news(facts: Iterable[Fact], events: Iterable[LeadershipEvent]) -> date | None:
    """The newest publication date among a company's sources: the end of its 12-month windows.

    Not the clock (a figure or score must not drift while the news stays the same) and not the newest
    article of the whole warehouse (a company whose news stopped in 2020 is judged on its 2020 news, not
    found "quiet").

    >>> latest_news([Fact("f", "A", "a", "layoffs", 1, "persons", last_published=date(2020, 5, 1))],
    ...             [LeadershipEvent("a", "resigned", published=date(2020, 7, 1))])
    datetime.date(2020, 7, 1)
    """
    dates = [f.last_published for f in facts if f.last_published] + [e.published for e in events if e.published]
    return max(dates, default=None)


def company_flows(
    ids: Mapping[str, str], facts: Sequence[Fact], events: Sequence[LeadershipEvent]
) -> dict[str, dict[str, Flow]]:
    """name -> metric -> flow, for the companies ``ids`` (name -> company_id), each over the 12 months up
    to its own newest article (``latest_news``), as its health score."""
    by_id: dict[str, list[Fact]] = {}
    for f in facts:
        by_id.setdefault(f.company_id, []).append(f)
    ev_by_id: dict[str, list[LeadershipEvent]] = {}
    for e in events:
        ev_by_id.setdefault(e.company_id, []).append(e)
    out = {}
    for name, cid in ids.items():
        fs, es = by_id.get(cid, []), ev_by_id.get(cid, [])
        out[name] = flows(fs, latest_news(fs, es), es)
    return out

