"""The cue tables of ``extract/cues/*.toml`` loaded and compiled: which words make a figure which metric.

Each table is data a reviewer can read (see ``extract/cues/README.md``); this module only turns it into
a few combined regular expressions, one per position, whose named groups say which entry matched.
Patterns are matched on lower-cased text at word boundaries.

>>> cue = MONEY.nearest_before("the start-up has raised ")
>>> cue.table, cue.position
('funding_raised', 'before')
>>> MONEY.right_after(" series b led by bigco").table
'funding_raised'
>>> MONEY.right_after(" loan from a bank").table
'none'
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["Cue", "CueSet", "MONEY", "PEOPLE", "MODALITY", "NAMED_DEPARTURE", "PERSON_NOUNS", "load_table", "TABLES"]

CUE_DIR = Path(__file__).parent / "cues"
#: how far before a figure a cue is looked for (characters)
REACH = 100

#: tables read for money figures, in priority order: where two cues start at the same place, the
#: earlier table wins ("valuation target of" over "valuation", "pre-money valuation" over "valuation")
MONEY_TABLES = ("valuation_target", "not_a_metric", "valuation", "burn_rate", "revenue", "funding_raised")
PEOPLE_TABLES = ("layoffs", "departed_talent", "headcount")
TABLES = MONEY_TABLES + PEOPLE_TABLES + ("modality", "persons")


@dataclass(frozen=True, slots=True)
class Cue:
    """One entry of a cue table."""

    table: str  # the metric it points to, or "none"
    position: str  # before | after | later | named | named_noun | cue (modality)
    pattern: str
    example: str
    kind: str = ""  # modality: denied, hypothetical, sought, conditional, achieved, projected, planned, reported
    where: str = ""  # modality: left, clause, right, sentence
    expect: str = ""  # modality: what the example must give (a metric, or "none")
    requires: str = ""  # "noun": the cue counts people only when a person noun follows the count
    start: int = 0  # where it matched (set on the copies that matching returns)
    end: int = 0


@cache
def load_table(name: str) -> dict:
    """One TOML table of ``extract/cues`` as a dict."""
    with (CUE_DIR / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def _entries(name: str) -> list[Cue]:
    data = load_table(name)
    table = data.get("metric", "none")
    out = []
    for position in ("before", "after", "later", "named", "named_noun", "cue"):
        for e in data.get(position, []):
            out.append(Cue(table, position, e["cue"], e.get("example", ""), e.get("kind", ""),
                           e.get("where", ""), e.get("expect", ""), e.get("requires", "")))  # fmt: skip
    return out


class CueSet:
    """The entries of some tables: per position, one compiled alternation per table.

    Tables are matched separately so that the cue nearest the figure wins whatever table it is in, and
    of two cues ending at the same place the longer one ("market value" over "value", "cash burn" over
    "cash"); at equal length the earlier table in ``tables`` wins.
    """

    def __init__(self, tables: tuple[str, ...]):
        self.entries = [c for t in tables for c in _entries(t)]
        self._rx: dict[str, list[tuple[re.Pattern[str], list[Cue]]]] = {}
        for position in {c.position for c in self.entries}:
            head = "" if position in ("after", "later") else r"(?<![\w\-])"
            per_table = []
            for t in tables:
                cues = [c for c in self.entries if c.position == position and c.table == _table_name(t)]
                if cues:
                    alts = "|".join(f"(?P<g{i}>{c.pattern})" for i, c in enumerate(cues))
                    per_table.append((re.compile(rf"{head}(?:{alts})(?![\w])"), cues))
            self._rx[position] = per_table

    @staticmethod
    def _cue(cues: list[Cue], m: re.Match[str], offset: int = 0) -> Cue:
        assert m.lastgroup is not None
        c = cues[int(m.lastgroup[1:])]
        return Cue(c.table, c.position, c.pattern, c.example, c.kind, c.where, c.expect, c.requires,
                   m.start() + offset, m.end() + offset)  # fmt: skip

    def nearest_before(self, low: str, position: str = "before") -> Cue | None:
        """The cue in ``low`` (text before a figure, lower case) that ends nearest the figure; only the last
        ``REACH`` characters are read (a cue further away is not about this figure)."""
        best: tuple[int, int, Cue] | None = None
        off = max(0, len(low) - REACH)
        for rx, cues in self._rx.get(position, []):
            last = None
            for last in rx.finditer(low, off):
                pass
            if last is not None and (best is None or (last.end(), -last.start()) > (best[0], best[1])):
                best = (last.end(), -last.start(), self._cue(cues, last))
        return best[2] if best else None

    def all_in(self, low: str, position: str) -> list[Cue]:
        out = [self._cue(cues, m) for rx, cues in self._rx.get(position, []) for m in rx.finditer(low)]
        return sorted(out, key=lambda c: c.start)

    def right_after(self, low: str) -> Cue | None:
        """The longest cue that starts the text right after a figure (one optional space first)."""
        skip = 1 if low[:1] in (" ", "\u00a0") else 0
        best = None
        for rx, cues in self._rx.get("after", []):
            m = rx.match(low, skip)
            if m is not None and (best is None or m.end() > best.end):
                best = self._cue(cues, m)
        return best

    def first_in(self, low: str, position: str) -> Cue | None:
        """The first cue of ``position`` anywhere in ``low`` (the longest where two start together)."""
        best = None
        for rx, cues in self._rx.get(position, []):
            m = rx.search(low)
            if m is not None and (best is None or (m.start(), -m.end()) < (best.start, -best.end)):
                best = self._cue(cues, m)
        return best

    def first_later(self, low: str) -> Cue | None:
        return self.first_in(low, "later")


def _table_name(t: str) -> str:
    return load_table(t).get("metric", "none")


class ModalitySet:
    """The entries of ``modality.toml`` by kind and scope."""

    def __init__(self) -> None:
        self.entries = _entries("modality")
        self._rx: dict[tuple[str, str], re.Pattern[str]] = {}
        for key in {(c.kind, c.where) for c in self.entries}:
            alts = "|".join(f"(?:{c.pattern})" for c in self.entries if (c.kind, c.where) == key)
            flags = 0
            head = r"(?<![\w\-])" if key[1] != "right" else ""
            self._rx[key] = re.compile(rf"{head}(?:{alts})(?![\w])", flags)

    def find(self, kind: str, where: str, low: str) -> re.Match[str] | None:
        """The last match of ``kind`` cues meant for ``where`` in ``low`` (lower-case text)."""
        rx = self._rx.get((kind, where))
        if rx is None:
            return None
        last = None
        for last in rx.finditer(low):
            pass
        return last

    def first(self, kind: str, where: str, low: str) -> re.Match[str] | None:
        """The first match of ``kind`` cues meant for ``where`` in ``low`` (asked again for the same clause by
        each figure in it: the answers are remembered)."""
        return self._first(kind, where, low)

    @lru_cache(maxsize=8192)  # noqa: B019 - one instance, for the life of the process
    def _first(self, kind: str, where: str, low: str) -> re.Match[str] | None:
        rx = self._rx.get((kind, where))
        return rx.search(low) if rx is not None else None


def _named_regex(position: str) -> re.Pattern[str]:
    cues = [c for c in _entries("departed_talent") if c.position == position]
    return re.compile(r"(?<![\w\-])(?:" + "|".join(f"(?:{c.pattern})" for c in cues) + r")(?![\w])")


def _person_nouns() -> dict[str, str]:
    return dict(load_table("persons")["nouns"])


MONEY = CueSet(MONEY_TABLES)
PEOPLE = CueSet(PEOPLE_TABLES)
MODALITY = ModalitySet()
#: verbs that make a named person a departure ("Jane Roe resigned"), and nouns ("Roe's departure")
NAMED_DEPARTURE = _named_regex("named")
NAMED_DEPARTURE_NOUN = _named_regex("named_noun")
#: noun classes of counts of people: employee, job, talent (regular expressions)
PERSON_NOUNS = _person_nouns()
