"""The one CSV writer, shared by the CLI and the dashboard: streams rows, and neutralises formulas.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a
formula. Article text is untrusted, so such text cells get a leading apostrophe. Numbers are left alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

__all__ = ["neutralise", "iter_csv", "write_csv"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Make a text cell safe to open in a spreadsheet; leave everything else as it is.

    >>> neutralise('=HYPERLINK("http://x.example","click")')
    '\\'=HYPERLINK("http://x.example","click")'
    >>> neutralise(-5), neutralise("-5 jobs"), neutralise("plain")
    (-5, "'-5 jobs", 'plain')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def iter_csv(columns: Sequence[str], row_batches: Iterable[Iterable[Sequence[Any]]]) -> Iterator[str]:
    """CSV text in pieces: the header, then one piece per batch of rows. Memory stays flat."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([neutralise(c) for c in columns])
    yield buf.getvalue()
    for rows in row_batches:
        buf.seek(0)
        buf.truncate()
        writer.writerows([neutralise(v) for v in row] for row in rows)
        piece = buf.getvalue()
        if piece:
            yield piece


def write_csv(out: TextIO, columns: Sequence[str], row_batches: Iterable[Iterable[Sequence[Any]]]) -> int:
    """Write CSV to ``out``; returns the number of characters written."""
    n = 0
    for piece in iter_csv(columns, row_batches):
        out.write(piece)
        n += len(piece)
    return n
