"""Case-insensitive patterns run faster: case-sensitive matching of lower-cased text.

Python's regex engine skips an alternative cheaply only when it starts with a literal character and
case matters, so ``re.IGNORECASE`` makes big alternations several times slower. ``Folded`` lower-cases
the pattern once and the text at each call; offsets are the same, and group text comes back lower-cased
(callers here lower-case it anyway). Text whose lower case changes length (a few non-ASCII letters) is
matched by the ``re.IGNORECASE`` pattern instead.

>>> rx = Folded(r"\\bstep(?:ped)? down\\b")
>>> m = rx.search("Jane Roe STEPPED DOWN on Friday")
>>> m.span(), m.group(0)
((9, 21), 'stepped down')
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Folded", "grouped", "at_word_start"]


class Folded:
    """A case-insensitive pattern with ``match``, ``search`` and ``finditer``."""

    __slots__ = ("_low", "_ci", "pattern")

    def __init__(self, pattern: str, flags: int = 0):
        assert not re.search(r"\\[SWBDAZ]", pattern), "upper-case escapes would change meaning"
        self.pattern = pattern
        self._low = re.compile(pattern.lower().replace("(?p<", "(?P<"), flags)
        self._ci = re.compile(pattern, flags | re.IGNORECASE)

    def match(self, s: str, low: str | None = None) -> re.Match[str] | None:
        """``low``: ``s.lower()`` when the caller has it already."""
        if low is None:
            low = s.lower()
        return self._low.match(low) if len(low) == len(s) else self._ci.match(s)

    def search(self, s: str) -> re.Match[str] | None:
        low = s.lower()
        return self._low.search(low) if len(low) == len(s) else self._ci.search(s)

    def finditer(self, s: str) -> Iterator[re.Match[str]]:
        low = s.lower()
        return self._low.finditer(low) if len(low) == len(s) else self._ci.finditer(s)


def grouped(words: list[str]) -> str:
    """An alternation of literal words grouped by first letter, which Python's regex engine scans much faster
    than a flat one (it can skip to the possible first letters).

    >>> grouped(["cut", "cuts", "layoff", "let go"])
    'c(?:uts|ut)|l(?:ayoff|et\\\\ go)'
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in sorted(groups.items()))


def at_word_start(words: tuple[str, ...] | list[str], not_after: str = r"\w") -> str:
    r"""An alternation of literal words, each where no ``not_after`` character (a class) comes right before
    it, written so that Python's regex engine can skip ahead to the possible first letters: a pattern that
    starts with ``\b`` or a lookbehind makes it try every position, several times slower. The lookbehind
    comes after the first letter instead (``(?<!\wo)`` there is ``\b`` before "o").

    >>> at_word_start(["one", "two", "ten", "a"])
    'a(?<!\\wa)|o(?<!\\wo)(?:ne)|t(?<!\\wt)(?:wo|en)'
    >>> import re
    >>> [m.group(0) for m in re.finditer(at_word_start(["one", "two"]), "one stone, two")]
    ['one', 'two']
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    alts = []
    for c, rest in sorted(groups.items()):
        head = f"{re.escape(c)}(?<!{not_after}{re.escape(c)})"
        alts.append(head if rest == [""] else f"{head}(?:{'|'.join(rest)})")
    return "|".join(alts)
