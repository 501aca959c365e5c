"""Reconciled facts as plain records: what the ``facts`` and ``fact_sources`` views return, and the few
pure helpers that read them. No I/O here; ``Warehouse.facts`` and ``Warehouse.events_for`` build these.

A *fact* is one figure about one company, metric and period, merged across the articles that report it
(values within a small tolerance, same or compatible dates). When articles disagree for the same period,
each value is its own fact, both are marked ``conflict`` and name each other, and the best-supported one is
``preferred``; nothing is averaged. ``basis`` says whether the text calls a funding figure one ``round`` or
a cumulative ``total`` (NULL when the text does not say).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

__all__ = ["Source", "Fact", "LeadershipEvent", "history", "preferred", "by_metric"]


@dataclass(frozen=True, slots=True)
class Source:
    """One metric row behind a fact: the article, its date and the sentence quoted."""

    article_id: str
    row_no: int
    value: float
    qualifier: str
    basis: str | None
    as_of: str | None
    published: date | None
    article_path: str
    quote: str
    surface: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    fact_id: str
    company: str
    company_id: str
    metric: str
    value: float  # the best-supported value (reported by most articles)
    unit: str
    qualifier: str = "exact"
    basis: str | None = None  # 'round', 'total' or None
    period: str | None = None  # label of the period: '2024-03', '2024', ... or None when undated
    period_start: date | None = None
    period_end: date | None = None
    n_sources: int = 1  # independent stories reporting it (a story and its copies count once)
    first_published: date | None = None
    last_published: date | None = None
    conflict: bool = False
    preferred: bool = True
    conflicting_values: str | None = None
    conflicting_facts: tuple[str, ...] = ()
    quote: str = ""
    article_id: str = ""
    row_no: int = 0
    sources: tuple[Source, ...] = ()
    n_articles: int = 1  # articles reporting it, copies of one story included

    @property
    def date(self) -> date | None:
        """The date the fact refers to: the end of its period, else the newest article's date, else None.

        >>> Fact("f", "Acme", "acme", "layoffs", 10, "persons", last_published=date(2024, 5, 2)).date
        datetime.date(2024, 5, 2)
        """
        return self.period_end or self.last_published


@dataclass(frozen=True, slots=True)
class LeadershipEvent:
    """A row of the ``events`` view: someone at the top left, was appointed, or stepped in."""

    company_id: str
    kind: str  # resigned | departed | appointed | interim | hired_away
    person: str | None = None
    role: str | None = None
    as_of: str | None = None
    as_of_end: date | None = None
    published: date | None = None
    article_id: str = ""
    row_no: int = 0
    article_path: str = ""
    quote: str = ""

    @property
    def date(self) -> date | None:
        return self.as_of_end or self.published


def preferred(facts: Iterable[Fact]) -> list[Fact]:
    """The facts to build on: of each set of disagreeing facts, only the best-supported one."""
    return [f for f in facts if f.preferred]


def by_metric(facts: Iterable[Fact], metric: str) -> list[Fact]:
    """One metric's preferred facts, oldest first (undated ones first of all); of facts with the same date,
    the better-supported, then the larger, comes later (so a range's top is "the latest": cautious for burn).

    >>> fs = [Fact("b", "A", "a", "valuation", 2, "USD", period_end=date(2024, 1, 31)),
    ...       Fact("a", "A", "a", "valuation", 1, "USD", period_end=date(2023, 1, 31)),
    ...       Fact("c", "A", "a", "valuation", 3, "USD", preferred=False)]
    >>> [f.fact_id for f in by_metric(fs, "valuation")]
    ['a', 'b']
    """
    return sorted(
        (f for f in facts if f.metric == metric and f.preferred),
        key=lambda f: (f.date is not None, f.date or date.min, f.n_sources, f.value, f.fact_id),
    )


def history(facts: Sequence[Fact], metric: str | None = None) -> list[Fact]:
    """A company's figures as a time series by the date they refer to (every fact, conflicts included)."""
    chosen = [f for f in facts if metric is None or f.metric == metric]
    return sorted(chosen, key=lambda f: (f.metric, f.date is None, f.date or date.min, f.value))
