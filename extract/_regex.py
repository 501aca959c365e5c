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

import ahocorasick

__all__ = ["Folded", "grouped", "at_word_start", "split_top", "fast_alternation", "SPACES", "ungrouped", "first_letters",
           "by_first_letter", "literal_heads", "Gated", "second_letters"]


class Folded:
    """A case-insensitive pattern with ``match``, ``search`` and ``finditer`` (its word lists grouped by first letter:
    `by_first_letter`). ``ascii_pattern``, if given, is a pattern with the same matches as the lower-cased one on ASCII
    text, found faster: `finditer` uses it there."""

    __slots__ = ("_low", "_ci", "_ascii", "pattern")

    def __init__(self, pattern: str, flags: int = 0, ascii_pattern: str | None = None):
        assert not re.search(r"\\[SWBDAZ]", pattern), "upper-case escapes would change meaning"
        self.pattern = pattern
        self._low = re.compile(by_first_letter(pattern.lower().replace("(?p<", "(?P<")), flags)
        self._ci = re.compile(by_first_letter(pattern), flags | re.IGNORECASE)
        self._ascii = re.compile(ascii_pattern, flags) if ascii_pattern is not None else None

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
        if self._ascii is not None and low.isascii() and len(low) == len(s):
            return self._ascii.finditer(low)
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


_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")


def ungrouped(pattern: str) -> str:
    r"""``pattern`` with its named groups made plain ``(?:...)``: the same matches (no pattern here refers back
    to a group), searched about twice as fast (the engine saves the bounds of every group it enters at every
    position it tries). Search with it, then match the named pattern where it found one, for the groups.

    >>> ungrouped("(?P<sign>a)b?(?P<num>c+)")
    '(?:a)b?(?:c+)'
    """
    assert "(?P=" not in pattern
    return _NAMED_GROUP.sub("(?:", pattern)


#: every character ``\s`` matches (str.isspace), for a character class the engine tests as a table: a class with
#: ``\s`` in it asks Unicode at every character, several times slower
SPACES = "".join(re.escape(c) for c in map(chr, range(0x3001)) if c.isspace())


# ---- big alternations that the engine can skip through ----------------------------------------------


def split_top(pattern: str) -> list[str]:
    r"""The top-level alternatives of a pattern (``"|".join`` gives it back).

    >>> split_top(r"a|(?:b|c)d|[|]e|\|f")
    ['a', '(?:b|c)d', '[|]e', '\\|f']
    """
    parts, depth, start, i, n = [], 0, 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: "|" and ")" inside are literal; "]" right after "[" or "[^" is too
            i += 2 if pattern.startswith("[^", i) else 1
            i += 1 if pattern[i : i + 1] == "]" else 0
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


#: a group with no group inside: "(?:" then characters, escapes and classes, then ")"
_FLAT_GROUP = re.compile(r"\(\?:((?:[^()\[\]\\]|\\.|\[[^\]]*\])*)\)")


def by_first_letter(pattern: str, cased: bool = False) -> str:
    r"""``pattern`` with every group of alternatives that each open with a lower-case letter (not made optional)
    written as one branch per letter, the alternatives kept in their order: the same matches, found faster (the
    engine checks a branch's letter before entering it, instead of entering every alternative). ``cased``: the
    pattern is matched case-sensitively, so alternatives may open with capitals too ("J" and "j" never match alike).

    >>> by_first_letter(r"x(?:cut|axed|cuts|a)\b")
    'x(?:c(?:ut|uts)|a(?:xed|))\\b'
    """
    def regroup(m: re.Match[str]) -> str:
        alts = split_top(m.group(1))
        opens = str.isalpha if cased else str.islower
        if len(alts) < 2 or not all(a[:1].isascii() and opens(a[:1]) and a[1:2] not in ("?", "*", "+", "{") for a in alts):
            return m.group(0)
        groups: dict[str, list[str]] = {}
        for a in alts:
            groups.setdefault(a[0], []).append(a[1:])
        return "(?:" + "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items()) + ")"

    return _FLAT_GROUP.sub(regroup, pattern)


_LEAD_LITERAL = re.compile(rf"[a-z0-9 ,'’\-%/:;\"“”&{SPACES}]")
#: the characters ``\s`` matches, each written as itself: a branch opening with ``\s`` becomes one branch per character
_SPACE_CHARS = [c for c in map(chr, range(0x3001)) if c.isspace()]
_MAX_PIECES = 256  # a branch that would expand into more pieces than this is kept whole


def _group_end(p: str, i: int) -> int:
    """The index of the ")" closing the group that opens at ``p[i]``."""
    depth = 0
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 2 if p.startswith("[^", i) else 1
            i += 1 if p[i : i + 1] == "]" else 0
            while i < len(p) and p[i] != "]":
                i += 2 if p[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced pattern: {p!r}")


def _expand(piece: str, budget: int = _MAX_PIECES) -> list[str] | None:
    """``piece`` (no top-level "|") as alternatives that each open with a plain character, tried in the same
    order (so the same first match): ``c?rest`` is ``crest|rest``; a leading ``(?:x|y)rest`` is ``xrest|yrest``,
    ``(?:x)?rest`` is ``xrest|rest``, ``(?:x|y)*rest`` is ``x(?:x|y)*rest|y(?:x|y)*rest|rest``; a look-behind
    or "^" before the first character goes after it (``(?<!a )w`` is ``w(?<!(?:a )w)``). None when that is not
    possible (a class, a lazy or possessive repeat first) or makes more than ``budget`` pieces."""
    lead = _LEAD_LITERAL.match(piece)
    if lead is not None:
        if piece[1:2] not in ("?", "*", "+", "{"):
            return [piece]
        if piece[1:2] == "?" and piece[2:3] not in ("?", "+"):
            return _join([piece[0] + piece[2:], piece[2:]], budget)  # greedy: with the character first
        return None
    if piece.startswith("\\s"):
        return _expand_space(piece, budget)
    if piece.startswith(("(?<!", "(?<=", "^")):
        j = 0 if piece[0] == "^" else _group_end(piece, 0)
        kind, cond = ("=", "^") if piece[0] == "^" else (piece[3], f"(?:{piece[4:j]})")
        got = _expand(piece[j + 1 :], budget)
        return None if got is None else [f"{q[0]}(?<{kind}{cond}{re.escape(q[0])}){q[1:]}" for q in got]
    if not piece.startswith("(?:"):
        return None
    j = _group_end(piece, 0)
    inner, rest = piece[3:j], piece[j + 1 :]
    alts = split_top(inner)
    if rest[:1] in ("?", "*", "+", "{") and rest[1:2] in ("?", "+"):
        return None  # lazy or possessive
    if rest[:1] == "?":
        return _join([a + rest[1:] for a in alts] + [rest[1:]], budget)  # greedy "optional": with it first
    if rest[:1] in ("*", "+"):  # greedy: one more repetition first, then (for "*") none
        more = [f"{a}(?:{inner})*{rest[1:]}" for a in alts]
        return _join(more + ([rest[1:]] if rest[0] == "*" else []), budget)
    if rest[:1] == "{":
        return None
    return _join([a + rest for a in alts], budget)


def _expand_space(piece: str, budget: int) -> list[str] | None:
    r"""``piece`` opening with ``\s`` (alone or repeated ``?``, ``*``, ``+``) as branches that each open with one of the
    characters ``\s`` matches (which never match at the same place), in the order of `_expand`: ``\s*rest`` is
    `` \s*rest|\t\s*rest|...|rest``."""
    q = piece[2:3]
    if q == "{" or (q in ("?", "*", "+") and piece[3:4] in ("?", "+")):
        return None  # a counted, lazy or possessive repeat
    rest = piece[3:] if q in ("?", "*", "+") else piece[2:]
    again = "\\s*" if q in ("*", "+") else ""
    alternatives = [c + again + rest for c in _SPACE_CHARS] + ([rest] if q in ("?", "*") else [])
    return _join(alternatives, budget)


def _join(alternatives: list[str], budget: int) -> list[str] | None:
    """The expansions of ``alternatives``, in order, or None."""
    out: list[str] = []
    for a in alternatives:
        got = _expand(a, budget - len(out))
        if got is None or len(out) + len(got) > budget:
            return None
        out += got
    return out


def _next_letters(rest: str) -> set[str] | None:
    """The characters a match of ``rest`` opens with (look-arounds at its start, which read no character, passed
    over), as `_expand` sees them; None if not known or if ``rest`` may match nothing."""
    while rest.startswith(("(?<!", "(?<=", "(?!", "(?=")):
        rest = rest[_group_end(rest, 0) + 1 :]
    got = _expand(rest) if rest else None
    return None if got is None or not all(got) else {q[0] for q in got}


def second_letters(pattern: str) -> dict[str, frozenset[str] | None] | None:
    """First letter -> the characters a match of ``pattern`` can have right after it (None: not known), as
    `first_letters` sees them; None if the first letters are not known.

    >>> sorted((k, sorted(v or ())) for k, v in second_letters("(?:has )?cut|axed|a").items())
    [('a', []), ('c', ['u']), ('h', ['a'])]
    """
    out: dict[str, frozenset[str] | None] = {}
    for alt in split_top(pattern):
        got = _expand(alt)
        if got is None:
            return None
        for p in got:
            nxt = _next_letters(p[1:])
            known = out.get(p[0], frozenset())
            out[p[0]] = None if known is None or nxt is None else known | nxt
    return out


def first_letters(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` opens with, as `fast_alternation` sees them; None if not known.

    >>> sorted(first_letters("(?:has )?cut|axed"))
    ['a', 'c', 'h']
    """
    out: set[str] = set()
    for alt in split_top(pattern):
        got = _expand(alt)
        if got is None:
            return None
        out.update(p[0] for p in got)
    return frozenset(out)


_METACHARACTERS = frozenset(".^$*+?{}[]|()\\")


def _literal_prefix(piece: str) -> tuple[str, int]:
    """The characters every match of ``piece`` opens with, written as plain text (an escaped punctuation mark is
    itself), and where in ``piece`` they end: up to the first class, group, escape such as ``\\s``, or character
    made optional or repeated (a character repeated with "+" is there once)."""
    out, i = [], 0
    while i < len(piece):
        ch = piece[i]
        if ch == "\\":
            nxt = piece[i + 1 : i + 2]
            if not nxt or nxt.isalnum():
                break  # \s, \w, \b, ...
            lit, step = nxt, 2
        elif ch in _METACHARACTERS:
            break
        else:
            lit, step = ch, 1
        q = piece[i + step : i + step + 1]
        if q in ("?", "*", "{"):
            break
        out.append(lit)
        i += step
        if q == "+":
            break
    return "".join(out), i


def _heads(piece: str, budget: int) -> list[str] | None:
    """Texts one of which every match of ``piece`` (no top-level "|") opens with: its literal prefix, continued
    through a group that follows it (not made optional or repeated) by each of the group's alternatives."""
    lit, i = _literal_prefix(piece)
    rest = piece[i:]
    if rest.startswith("(?:"):
        j = _group_end(rest, 0)
        if rest[j + 1 : j + 2] not in ("?", "*", "+", "{"):
            got = _group_heads(split_top(rest[3:j]), rest[j + 1 :], budget)
            if got is not None:
                return [lit + g for g in got]
    return [lit] if lit else None


def _group_heads(alts: list[str], rest: str, budget: int) -> list[str] | None:
    """`_heads` of each ``alt + rest``, or None when one has none or they are more than ``budget``."""
    out: list[str] = []
    for alt in alts:
        got = _heads(alt + rest, budget)
        if got is None or len(out) + len(got) > budget:
            return None
        out += got
    return out


def literal_heads(branches: list[str], budget: int = _MAX_PIECES) -> list[str] | None:
    r"""Texts one of which every match of ``(?:b0|b1|...)`` holds (each match opens with one), none of them holding
    another: a text that holds none of them has no match, found cheaply. None when some branch opens with no plain
    text.

    >>> literal_heads(["denied|den(?:y|ies)", "no such (?:talks|deal)s?", "rumou?r\\w*"])
    ['denied', 'denies', 'deny', 'no such deal', 'no such talks', 'rumo']
    >>> literal_heads([r"\s+said"]) is None
    True
    """
    found: set[str] = set()
    for b in branches:
        for alt in split_top(b):
            got = _heads(alt, budget)
            if got is None:
                return None
            found.update(got)
    return sorted(h for h in found if not any(o != h and o in h for o in found))  # (a text holding "denied" holds "den")


class Gated:
    """A pattern (`fast_alternation` of ``branches``, most often finding nothing) that answers "no match" at once for
    a text holding none of the texts its matches open with (`literal_heads`), found by one Aho-Corasick pass over
    the text: faster than the pattern, whose branches open with common letters and are tried at nearly every one."""

    __slots__ = ("rx", "pattern", "_heads")

    def __init__(self, rx: re.Pattern[str], branches: list[str]):
        assert not rx.flags & re.IGNORECASE, "the heads are looked for as written"
        self.rx, self.pattern = rx, rx.pattern
        heads = literal_heads(branches)
        self._heads: ahocorasick.Automaton | None = None
        if heads:
            self._heads = ahocorasick.Automaton()
            for h in heads:
                self._heads.add_word(h, h)
            self._heads.make_automaton()

    def ruled_out(self, text: str) -> bool:
        """``text`` holds no match (read whole: also when a search reads only part of it)."""
        return self._heads is not None and next(self._heads.iter(text), None) is None

    def search(self, text: str) -> re.Match[str] | None:
        return None if self.ruled_out(text) else self.rx.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return iter(()) if self.ruled_out(text) else self.rx.finditer(text)


def fast_alternation(head: str, branches: list[str], tail: str) -> re.Pattern[str]:
    r"""The matches of ``head(?:b0|b1|...)tail``, from a pattern the engine runs several times faster (no
    groups: `Match.start` and `Match.end` are the ones to read). ``head`` is "" or a one-character look-behind
    such as ``(?<![\w\-])``.

    Python's engine looks at the first character of a branch before entering it only when the branch opens
    with a literal character, and it skips ahead through the text only when every branch of the pattern
    does. So every branch's top-level alternatives (and those of a group that opens it) become branches
    of their own, in the same order (the same matches, found in the same order); they are grouped by their
    first character, keeping their order within a group (branches that open with different characters never
    match at the same place, so the order between them does not matter); and the look-behind ``head`` goes
    after that character (as in `at_word_start`). A branch that cannot be written to open with a plain character
    (a class such as ``[a-z]`` or a lazy repeat first) is kept whole, in its place, the head in front: it may match
    where the branches before or after it do, so only the runs of branches between such ones are grouped, each on
    its own (a pattern matched at one place then tries a few groups, not every branch).

    >>> rx = fast_alternation(r"(?<![\w\-])", ["raised|raises", "(?:has )?cut", "(?:a|per) month"], r"(?![\w])")
    >>> rx.pattern.count("(?<!"), rx.pattern.count("(?P<")  # the look-behind after each first letter, no groups
    (5, 0)
    >>> [m.span() for m in rx.finditer("it raised, has cut and re-cut a month")]
    [(3, 9), (11, 18), (30, 37)]
    """
    pieces: list[str | None] = []  # None: a branch kept whole (it cannot be expanded)
    whole: list[str] = []
    for b in branches:
        for alt in split_top(b):
            got = _expand(alt)
            if got is None:
                pieces.append(None)
                whole.append(alt)
            else:
                pieces += got
    if head and not re.fullmatch(r"\(\?<!(?:\[[^\]]+\]|\\?.)\)", head):
        raise ValueError(f"head must be a one-character look-behind: {head!r}")
    segments: list[str] = []
    run: list[str] = []
    kept = iter(whole)
    for p in pieces + [None]:  # (a last None: the last run ends)
        if p is not None:
            run.append(p)
            continue
        if run:
            segments.append(_by_first_character(run, head))
            run = []
        w = next(kept, None)
        if w is not None:
            segments.append(f"{head}(?:{w})")
    return re.compile(f"(?:{'|'.join(segments)}){tail}")


def _by_first_character(pieces: list[str], head: str) -> str:
    """Pieces that each open with a plain character, grouped by it (their order kept within a group), the one-character
    look-behind ``head`` after it."""
    groups: dict[str, list[str]] = {}
    for p in pieces:
        groups.setdefault(p[0], []).append(p[1:])
    behind = head[4:-1] if head else ""
    return "|".join(f"{re.escape(c)}{f'(?<!{behind}{re.escape(c)})' if head else ''}(?:{'|'.join(rest)})" for c, rest in groups.items())
