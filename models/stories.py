"""Independent stories: which articles are copies of one another. Pure: no I/O.

Agreement between copies of one story is not corroboration. A wire story reprinted by ten sites, or a
rewrite of another outlet's piece, is **one story**: every "sources" count (facts, ``summary``, the score,
the dashboard) counts stories, not articles, and the evidence still lists every copy.

Two tests, each measured (README, "Independent stories"):

* **copy**: the texts are nearly the same (a reprint, lightly edited): the Jaccard resemblance of their
  word 4-shingle sets is at least ``COPY_RESEMBLANCE``, computed exactly (the candidates are few:
  ``startup_health.grouping`` compares an article only with those about the same company or reporting the
  same figures, within weeks).
* **rewrite**: the later article brings nothing of its own. At least ``REWRITE_NUMBERS`` of the numbers in
  its text (years aside; at least two numbers) appear in the earlier one's, at least ``REWRITE_FIGURES`` of
  the figures the extractor took from it (at least two) are the earlier one's figures (values within 2 %),
  the two share vocabulary (content-word Jaccard at least ``REWRITE_WORDS``), one names a company the
  other reports on, and it was published the same day or up to ``WINDOW_DAYS`` after the other (or one of the dates is unknown).

Two different stories about one funding round report the same amount and valuation, but each also
reports something the other does not (an earlier round, a headcount, another investor's figure), so
neither passes the rewrite test. A rewrite that adds no number of its own does.

Articles joined by either test, directly or through others, form one story (connected components); the
story's id is its original (the earliest article that is nobody's copy).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "COPY_RESEMBLANCE",
    "REWRITE_NUMBERS",
    "REWRITE_FIGURES",
    "REWRITE_WORDS",
    "WINDOW_DAYS",
    "Figure",
    "Print",
    "Match",
    "fingerprint",
    "resemblance",
    "compare",
    "stories",
]

COPY_RESEMBLANCE = 0.5
REWRITE_NUMBERS = 0.9
REWRITE_FIGURES = 0.75
REWRITE_WORDS = 0.08
WINDOW_DAYS = 14
SHINGLE = 4

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d")
_STOP = frozenset(
    "the a an and or of to in on for with at by from as is was were be been has have had it its this that "
    "these those which who whom whose not but also than then into over under about after before more most "
    "such their they them he she his her we our you your said says will would can could may might".split()
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure the extractor took from an article (what `compare` needs of it)."""

    company_id: str
    metric: str
    value: float


@dataclass(frozen=True, slots=True)
class Print:
    """What `compare` needs of one article: its shingles, numbers, words, figures and date."""

    article_id: str
    published: date | None
    shingles: frozenset[int]
    numbers: frozenset[str]
    words: frozenset[str]
    figures: tuple[Figure, ...] = field(default=())
    companies: frozenset[str] = frozenset()  # keys of the companies it reports on (``company_key``)
    text: str = ""  # lower case, to look for the other article's companies in


@dataclass(frozen=True, slots=True)
class Match:
    """``later`` is a copy (or rewrite) of ``earlier``; ``kind`` is 'copy' or 'rewrite'; ``score`` the
    resemblance (copy) or the share of the later article's numbers found in the earlier one (rewrite)."""

    earlier: str
    later: str
    kind: str
    score: float
    words: float = 0.0  # content-word Jaccard: which of several originals a rewrite follows most closely
    #: shared 4-word phrases (shingle Jaccard): a rewrite keeps some of its original's phrases, while an
    #: independent report of the same event shares its figures and words but few phrases
    phrases: float = 0.0

    @property
    def strength(self) -> tuple[bool, float, float, float]:
        return (self.kind == "copy", self.score, self.phrases, self.words)


def fingerprint(
    article_id: str, text: str, published: date | None, figures: Iterable[Figure] = (), companies: Iterable[str] = ()
) -> Print:
    """The `Print` of one article's clean text.

    >>> p = fingerprint("a", "Acme raised $5.5 million in 2024, Acme said.", None)
    >>> sorted(p.numbers), sorted(p.words)[:3]
    (['5.5'], ['2024', 'acme', 'million'])
    """
    low = text.lower()
    words = _WORD.findall(low)
    # Python's own hash of each 4-word tuple: fast, and stable within a process, which is all a `Print`
    # needs (prints are made and compared in one run, never stored)
    shingles = frozenset(hash(tuple(words[i : i + SHINGLE])) for i in range(max(1, len(words) - SHINGLE + 1)))
    numbers = frozenset(n.replace(",", "") for n in _NUMBER.findall(text) if not _YEAR.fullmatch(n))
    content = frozenset(w for w in words if len(w) > 2 and w not in _STOP)
    figs = tuple(figures)
    names = frozenset(companies) | {f.company_id for f in figs}
    return Print(article_id, published, shingles, numbers, content, figs, names, low)


def _jaccard(a: frozenset, b: frozenset) -> float:  # type: ignore[type-arg]
    return len(a & b) / len(a | b) if a or b else 0.0


def resemblance(a: Print, b: Print) -> float:
    """Jaccard resemblance of the two articles' word 4-shingle sets (1.0: the same words in the same order)."""
    return _jaccard(a.shingles, b.shingles)


def _figures_in(later: Sequence[Figure], earlier: Sequence[Figure]) -> tuple[int, float]:
    """How many of ``later``'s figures have a value within 2 % of one of ``earlier``'s, and their share.

    Only values are compared: the two articles are about the same company already, and the extractor may
    file one figure under another company or metric in a reworded sentence."""
    values = [g.value for g in earlier]
    hits = sum(any(abs(f.value - v) <= 0.02 * max(abs(f.value), abs(v)) for v in values) for f in later)
    return hits, hits / len(later) if later else 0.0


def _in_window(earlier: Print, later: Print) -> bool:
    if earlier.published is None or later.published is None:
        return True
    days = (later.published - earlier.published).days
    return 0 <= days <= WINDOW_DAYS


def _rewrite_of(later: Print, earlier: Print) -> float | None:
    """The share of ``later``'s numbers found in ``earlier`` when ``later`` is a rewrite of it, else None."""
    if len(later.numbers) < 2 or not _in_window(earlier, later):
        return None
    share = len(later.numbers & earlier.numbers) / len(later.numbers)
    if share < REWRITE_NUMBERS:
        return None
    hits, fig_share = _figures_in(later.figures, earlier.figures)
    if hits < 2 or fig_share < REWRITE_FIGURES:
        return None
    if _jaccard(later.words, earlier.words) < REWRITE_WORDS:
        return None
    if not _about_one_company(later, earlier):
        return None
    return share


def _about_one_company(a: Print, b: Print) -> bool:
    """One names a company the other reports on (the extractor may attribute a reworded sentence to
    another name, so the other article's text is searched, not only its companies)."""
    return bool(a.companies & b.companies) or any(c and c in b.text for c in a.companies) or any(
        c and c in a.text for c in b.companies
    )


def _order(a: Print) -> tuple[bool, date, str]:
    return (a.published is None, a.published or date.min, a.article_id)


def compare(a: Print, b: Print) -> Match | None:
    """Whether one of the two articles is a copy or a rewrite of the other (see the module), else None."""
    first, second = sorted((a, b), key=_order)
    r = resemblance(first, second)
    if r >= COPY_RESEMBLANCE:
        return Match(first.article_id, second.article_id, "copy", r)
    for earlier, later in ((first, second), (second, first)):
        share = _rewrite_of(later, earlier)
        if share is not None:
            return Match(earlier.article_id, later.article_id, "rewrite", share, _jaccard(later.words, earlier.words), r)
    return None


def stories(prints: Sequence[Print], matches: Iterable[Match]) -> dict[str, str]:
    """article id -> story id, for the articles in a story of two or more.

    Each copy joins the story of the one original it follows most closely (its strongest match: a copy
    before a rewrite, then the larger score, then the closer wording), so a short rewrite that two
    independent reports of one event both contain does not merge those reports into one story. The
    story's id is the root of those links: an article that is nobody's copy.

    >>> ps = [Print(x, None, frozenset(), frozenset(), frozenset()) for x in "abcd"]
    >>> stories(ps, [Match("b", "a", "copy", 0.9), Match("c", "d", "rewrite", 1.0, 0.3), Match("b", "d", "rewrite", 1.0, 0.2)])
    {'a': 'b', 'b': 'b', 'c': 'c', 'd': 'c'}
    """
    parent: dict[str, Match] = {}
    for m in matches:
        cur = parent.get(m.later)
        if cur is None or m.strength > cur.strength:
            parent[m.later] = m

    def root(x: str) -> str:
        seen = {x}
        while x in parent and parent[x].earlier not in seen:
            x = parent[x].earlier
            seen.add(x)
        return x

    out: dict[str, str] = {}
    for later in parent:
        head = root(later)
        out[later] = head
        out[head] = head
    return dict(sorted(out.items()))
