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

from extract._regex import Gated, fast_alternation, second_letters

__all__ = ["Cue", "CueSet", "MONEY", "PEOPLE", "MODALITY", "NAMED_DEPARTURE", "PERSON_NOUNS", "load_table", "TABLES"]

CUE_DIR = Path(__file__).parent / "cues"
#: how far before a figure a cue is looked for (characters)
REACH = 100

#: tables read for money figures, in priority order: where two cues start at the same place, the
#: earlier table wins ("valuation target of" over "valuation", "pre-money valuation" over "valuation")
MONEY_TABLES = ("valuation_target", "valuation", "burn_rate", "not_a_metric", "revenue", "funding_raised")
PEOPLE_TABLES = ("layoffs", "departed_talent", "headcount")
TABLES = MONEY_TABLES + PEOPLE_TABLES + ("modality", "persons")


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
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
    """The entries of some tables, one compiled alternation per position.

    The tables are tried in the order given where two cues start at the same place ("market value" of
    valuation.toml before "market" of not_a_metric.toml, "cash burn" before "cash"); the cue that ends
    nearest the figure wins (a longer phrase that starts earlier swallows the words it holds:
    "pre-money valuation of" is one cue).
    """

    def __init__(self, tables: tuple[str, ...]):
        self.entries = [c for t in tables for c in _entries(t)]
        self._rx: dict[str, tuple[re.Pattern[str], list[Cue]]] = {}
        self._fast: dict[str, re.Pattern[str]] = {}
        self._by_letter: dict[str, dict[str, list[tuple[Cue, re.Pattern[str], frozenset[str] | None]]] | None] = {}
        #: (position, a match's first two characters) -> the cues that can open with them, in order (made when first
        #: asked for: most first letters open many cues, and the second character rules most of them out)
        self._by_pair: dict[tuple[str, str], list[tuple[Cue, re.Pattern[str]]]] = {}
        for position in sorted({c.position for c in self.entries}):
            cues = [c for c in self.entries if c.position == position]
            head = "" if position in ("after", "later") else r"(?<![\w\-])"
            alts = "|".join(f"(?P<g{i}>{c.pattern})" for i, c in enumerate(cues))
            self._rx[position] = (re.compile(rf"{head}(?:{alts})(?![\w])"), cues)
            # the same matches found several times faster; the pattern above, matched again where one starts, says which cue
            self._fast[position] = fast_alternation(head, [c.pattern for c in cues], r"(?![\w])")
            self._by_letter[position] = _cues_by_letter(head, cues)

    def _cue(self, position: str, found: re.Match[str], offset: int = 0) -> Cue:
        """The cue of a match of ``self._fast[position]``: the first cue, in table order, that matches where it
        starts (as the named pattern would say, trying only the cues that can open with its first two characters)."""
        s, at = found.string, found.start()
        tried = self._by_letter[position]
        if tried is None or s[at] not in tried:
            rx, cues = self._rx[position]
            m = rx.match(s, at)
            assert m is not None and m.lastgroup is not None
            c = cues[int(m.lastgroup[1:])]
        else:
            pair = s[at : at + 2]  # (one character at the text's end: only a cue whose next character is not known)
            cands = self._by_pair.get((position, pair))
            if cands is None:
                cands = self._by_pair[position, pair] = [(c, one) for c, one, nxt in tried[pair[0]] if nxt is None or pair[1:] in nxt]
            for c, one in cands:
                m = one.match(s, at)
                if m is not None:
                    break
        assert m is not None and m.end() == found.end()
        return Cue(c.table, c.position, c.pattern, c.example, c.kind, c.where, c.expect, c.requires,
                   m.start() + offset, m.end() + offset)  # fmt: skip

    def nearest_before(self, low: str, position: str = "before") -> Cue | None:
        """The cue in ``low`` (text before a figure, lower case) that ends nearest the figure; only the last
        ``REACH`` characters are read (a cue further away is not about this figure)."""
        rx = self._fast.get(position)
        if rx is None:
            return None
        last = None
        for last in rx.finditer(low, max(0, len(low) - REACH)):
            pass
        return self._cue(position, last) if last is not None else None

    def all_in(self, low: str, position: str) -> list[Cue]:
        rx = self._fast.get(position)
        return [self._cue(position, m) for m in rx.finditer(low)] if rx else []

    def right_after(self, low: str) -> Cue | None:
        """A cue that starts the text right after a figure (one optional space first, or a dash between spaces:
        "ShareChat ($255 million - Series G)")."""
        rx = self._fast.get("after")
        if rx is None:
            return None
        m = rx.match(low, 3 if low.startswith((" - ", " – ", " — ")) else 1 if low[:1] in (" ", "\u00a0") else 0)
        return self._cue("after", m) if m else None

    def first_in(self, low: str, position: str) -> Cue | None:
        """The first cue of ``position`` anywhere in ``low``."""
        rx = self._fast.get(position)
        if rx is None:
            return None
        m = rx.search(low)
        return self._cue(position, m) if m else None

    def first_later(self, low: str) -> Cue | None:
        return self.first_in(low, "later")


def _cues_by_letter(head: str, cues: list[Cue]) -> dict[str, list[tuple[Cue, re.Pattern[str], frozenset[str] | None]]] | None:
    """First letter -> the cues (in order) that can open with it, each with its own pattern and the characters that
    can follow that letter in its matches (None: not known); a cue whose first letters are not known is tried, in its
    place, for every first letter the others open with (a match opening with another letter is said to be its cue by
    the whole pattern: `CueSet._cue`); None if no cue's first letters are known."""
    letters = [second_letters(c.pattern) for c in cues]
    known = sorted({ch for got in letters if got is not None for ch in got})
    out: dict[str, list[tuple[Cue, re.Pattern[str], frozenset[str] | None]]] = {}
    for c, got in zip(cues, letters):
        one = re.compile(rf"{head}(?:{c.pattern})(?![\w])")
        for ch, nxt in got.items() if got is not None else [(ch, None) for ch in known]:
            out.setdefault(ch, []).append((c, one, nxt))
    return out or None


def _table_name(t: str) -> str:
    return load_table(t).get("metric", "none")


class ModalitySet:
    """The entries of ``modality.toml`` by kind and scope."""

    def __init__(self) -> None:
        self.entries = _entries("modality")
        self._rx: dict[tuple[str, str], re.Pattern[str]] = {}
        self._gated: dict[tuple[str, str], Gated] = {}  # (most texts hold no modality cue: ruled out at once)
        for key in {(c.kind, c.where) for c in self.entries}:
            alts = [c.pattern for c in self.entries if (c.kind, c.where) == key]
            head = r"(?<![\w\-])" if key[1] != "right" else ""
            self._rx[key] = fast_alternation(head, alts, r"(?![\w])")  # (the matches of head(?:a|b|...)(?![\w]), faster)
            self._gated[key] = Gated(self._rx[key], alts)

    def find(self, kind: str, where: str, low: str) -> re.Match[str] | None:
        """The last match of ``kind`` cues meant for ``where`` in ``low`` (lower-case text)."""
        rx = self._gated.get((kind, where))
        if rx is None:
            return None
        last = None
        for last in rx.finditer(low):
            pass
        return last

    def first(self, kind: str, where: str, low: str) -> re.Match[str] | None:
        """The first match of ``kind`` cues meant for ``where`` in ``low`` (asked again for the same clause by
        each figure in it: the answers are remembered, but for texts ruled out at once)."""
        rx = self._gated.get((kind, where))
        return None if rx is None or rx.ruled_out(low) else self._first(kind, where, low)

    @lru_cache(maxsize=8192)  # noqa: B019 - one instance, for the life of the process
    def _first(self, kind: str, where: str, low: str) -> re.Match[str] | None:
        return self._rx[kind, where].search(low)


def _named_regex(position: str) -> Gated:
    """The matches of ``(?<![\\w\\-])(?:cue|cue|...)(?![\\w])``, found faster (extract._regex.fast_alternation), and
    none at once in text without a cue's opening words (most sentences: `Gated`)."""
    cues = [c.pattern for c in _entries("departed_talent") if c.position == position]
    return Gated(fast_alternation(r"(?<![\w\-])", cues, r"(?![\w])"), cues)


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
