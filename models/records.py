"""Typed records that flow from the extractor to the warehouse.

Every figure keeps its provenance: the article it came from, the character offsets of the figure in the
article's clean text, and the sentence around it. Nothing here does I/O.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

__all__ = [
    "METRICS",
    "QUALIFIERS",
    "UNITS",
    "EVENT_KINDS",
    "Period",
    "Article",
    "Metric",
    "Event",
    "Extraction",
]

#: The eight metrics, in the order they are shown to people.
METRICS: tuple[str, ...] = (
    "funding_raised",
    "valuation",
    "valuation_target",
    "burn_rate",
    "departed_talent",
    "layoffs",
    "headcount",
    "revenue",
)
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "range_low", "range_high")
#: Money is USD unless the article only gives euros or pounds; burn is per month; counts are persons.
UNITS: tuple[str, ...] = ("USD", "EUR", "GBP", "USD/month", "EUR/month", "GBP/month", "persons")
EVENT_KINDS: tuple[str, ...] = ("resigned", "departed", "appointed", "interim", "hired_away")

Precision = Literal["day", "month", "quarter", "year", "span"]


@dataclass(frozen=True, slots=True)
class Period:
    """The date a figure refers to, with the precision the text gave (no day invented for a month).

    >>> Period.month(2023, 10).label
    '2023-10'
    >>> Period.quarter(2024, 1).label
    '2024-01/2024-03'
    >>> Period.month(2024, 2).end
    datetime.date(2024, 2, 29)
    """

    start: date
    end: date
    precision: Precision

    @classmethod
    def day(cls, d: date) -> Period:
        return cls(d, d, "day")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), "month")

    @classmethod
    def quarter(cls, year: int, q: int) -> Period:
        first = 3 * (q - 1) + 1
        return cls(date(year, first, 1), cls.month(year, first + 2).end, "quarter")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def span(cls, first: Period, last: Period) -> Period:
        """Months ``first`` through ``last``, e.g. a fiscal year."""
        return cls(first.start, last.end, "span")

    @property
    def label(self) -> str:
        """ISO text that keeps the precision: 2024, 2024-03, 2024-03-22, or 2024-01/2024-03."""
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        if self.precision == "year":
            return f"{self.start.year:04d}"
        return f"{self.start:%Y-%m}/{self.end:%Y-%m}"


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from disk: its clean text and what we know about it."""

    article_id: str  # sha256 of the clean text, first 16 hex digits
    path: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    fmt: str = "txt"  # txt | md | html | jsonl | parquet


@dataclass(frozen=True, slots=True)
class Metric:
    """One figure about one company, in base units, traced to its place in the article text."""

    company: str
    metric: str
    value: float
    unit: str
    qualifier: str
    char_start: int
    char_end: int
    sentence: str
    sentence_start: int
    as_of: Period | None = None
    confidence: float = 0.9
    surface: str = ""  # the figure exactly as written, text[char_start:char_end]

    def __post_init__(self) -> None:
        if self.metric not in METRICS:
            raise ValueError(f"unknown metric {self.metric!r}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside [0, 1]")
        if not 0 <= self.sentence_start <= self.char_start <= self.char_end:
            raise ValueError("offsets out of order")


@dataclass(frozen=True, slots=True)
class Event:
    """A leadership change: a chief executive or founder resigns, leaves, is appointed, or steps in."""

    company: str
    person: str | None
    role: str | None
    kind: str
    char_start: int
    char_end: int
    sentence: str
    sentence_start: int
    as_of: Period | None = None
    confidence: float = 0.9

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extractor found in one article."""

    metrics: tuple[Metric, ...] = ()
    events: tuple[Event, ...] = ()
    #: canonical company name -> the other names the article used for it ("Inflection" for "Inflection AI")
    companies: dict[str, frozenset[str]] = field(default_factory=dict)
