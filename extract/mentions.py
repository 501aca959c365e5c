"""Typed mentions: what stage 1 finds in an article before anything is attributed.

* `Name`     a name in the text, typed (startup, investor, incumbent, product, place, nationality, person, org)
* `Money`    an amount or a range of amounts, hedge and conversion resolved
* `Count`    a count of people with the noun it counts
* `Percent`  a share ("20%", "a third") with what it is a share of
* `DateRef`  a date expression resolved to a `Period`

Every mention carries offsets into the article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from models.records import Period

__all__ = ["Kind", "Name", "Entity", "Money", "Count", "Percent", "DateRef", "ORG_KINDS"]

Kind = Literal["startup", "investor", "incumbent", "product", "place", "nationality", "person", "org"]
#: kinds that are organisations (the ones a figure could belong to or be confused with)
ORG_KINDS = frozenset({"startup", "investor", "incumbent", "org"})


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class Name:
    """One occurrence of a name: ``text[start:end]`` is ``surface`` (without a possessive 's)."""

    start: int
    end: int
    surface: str
    possessive: bool = False
    key: str = ""  # the entity it names (canonical name); "" until names are resolved
    kind: Kind = "org"

    @property
    def is_startup(self) -> bool:
        return self.kind == "startup"


@dataclass
class Entity:
    """What an article says about one named thing, gathered over all its mentions."""

    key: str
    kind: Kind = "org"
    aliases: set[str] = field(default_factory=set)
    first: int = 0
    count: int = 0
    #: lower-case words the article uses to describe it ("fintech", "lagos-based", "maker of pi")
    descriptors: set[str] = field(default_factory=set)
    #: evidence points by kind
    evidence: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, points: int = 1) -> None:
        self.evidence[kind] = self.evidence.get(kind, 0) + points


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class Money:
    """An amount (or the two ends of a range) in one currency, with the qualifier its words give.

    ``parts`` are the spans of the amounts stored (one, or two for a range); ``other`` is the span of the
    same amount written in another currency ("Rs 250 crore ($30 million)": the rupees).
    """

    start: int
    end: int
    values: tuple[float, ...]
    currency: str
    parts: tuple[tuple[int, int], ...]
    qualifier: str = "exact"
    explicit: bool = True
    other: tuple[int, int] | None = None

    @property
    def is_range(self) -> bool:
        return len(self.values) == 2


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class Count:
    """A count of people: the number, its qualifier and the noun after it ("300 employees")."""

    start: int
    end: int
    value: float | None  # None for vague quantities ("several", "dozens")
    qualifier: str = "exact"
    noun: str | None = None  # the person noun, lower case
    noun_class: str | None = None  # employee | job | talent
    noun_end: int = 0  # where the noun phrase ends (the count's end when there is none)
    of_base: float | None = None  # "three of its 11 co-founders": 11
    high: tuple[int, int, float] | None = None  # a range's upper end ("40 to 50 engineers")


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class Percent:
    """A share of a workforce: "20% of its staff", "a third of employees", "10% of its 450 employees"."""

    start: int
    end: int
    fraction: float
    qualifier: str = "exact"
    base: float | None = None  # a headcount stated in the same phrase


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class DateRef:
    start: int
    end: int
    period: Period
