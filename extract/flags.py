"""Flag emoji set after names, as newsletters write them ("Tarifa 🇨🇴 raised a $4 Million Seed round led by
Quetzal Partners 🇺🇸"): read without them, reported with them.

The stages read a copy of the text with each flag (and the space before it) taken out, so "Tarifa raised"
is a name and its verb; ``restore`` maps every offset back to the original text and quotes the original
sentence, flags included.

>>> text = "Tarifa 🇨🇴 raised $4 million."
>>> bare, cuts = strip_flags(text)
>>> bare
'Tarifa raised $4 million.'
>>> to_original(cuts, bare.index("$4")) == text.index("$4")
True
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from models.records import Extraction

__all__ = ["strip_flags", "to_original", "restore"]

#: one or more flags (pairs of regional indicator symbols), with the blank before them
_FLAGS = re.compile(r"[ \t]?(?:[\U0001F1E6-\U0001F1FF]{2})+")
_ANY_FLAG = re.compile(r"[\U0001F1E6-\U0001F1FF]")


def strip_flags(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without flags, and the cuts: (position in the new text, characters removed there so far)."""
    if text.isascii() or _ANY_FLAG.search(text) is None:  # (an ASCII text holds no flag: a test that reads no character)
        return text, []
    parts, cuts, last, removed = [], [], 0, 0
    for m in _FLAGS.finditer(text):
        parts.append(text[last : m.start()])
        at = m.start() - removed  # where the cut falls in the new text
        removed += m.end() - m.start()
        cuts.append((at, removed))
        last = m.end()
    parts.append(text[last:])
    return "".join(parts), cuts


def to_original(cuts: list[tuple[int, int]], pos: int, end: bool = False) -> int:
    """A position in the text without flags, as a position in the original. A cut at ``pos`` itself comes before
    a start (a figure right after a flag starts after it) and after an ``end`` (a flag after a sentence's last
    word stays out of the sentence)."""
    i = bisect_right(cuts, (pos - 1 if end else pos, float("inf"))) - 1
    return pos + (cuts[i][1] if i >= 0 else 0)


def restore(x: Extraction, original: str, cuts: list[tuple[int, int]]) -> Extraction:
    """Offsets and quotes of ``x`` (read from the text without flags) in the original text."""
    if not cuts:
        return x

    def moved(r):  # a Metric or an Event
        s0 = to_original(cuts, r.sentence_start)
        s1 = to_original(cuts, r.sentence_start + len(r.sentence), end=True)
        c0, c1 = to_original(cuts, r.char_start), to_original(cuts, r.char_end, end=True)
        fields = {"sentence": original[s0:s1], "sentence_start": s0, "char_start": c0, "char_end": c1}
        if hasattr(r, "surface"):
            fields["surface"] = original[c0:c1]
        return replace(r, **fields)

    return replace(x, metrics=tuple(moved(m) for m in x.metrics), events=tuple(moved(e) for e in x.events))

