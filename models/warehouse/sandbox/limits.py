"""The limits of the SQL sandbox, what each says when it is hit, and the pure function that cuts an answer to
size. No I/O here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Limits", "Answer", "bound_answer", "cell_text"]


@dataclass(frozen=True, slots=True)
class Limits:
    """What one query typed by a user may use. The defaults are the dashboard's (README "The SQL page")."""

    timeout_s: float = 3.0  # wall time of the query, from the moment it starts running
    max_rows: int = 1000  # rows returned; more are cut off with a note
    max_bytes: int = 4_000_000  # characters of the answer, all cells together; more rows are cut off
    max_cell_chars: int = 10_000  # a longer cell is shortened (ending in an ellipsis), with a note
    memory_mb: int = 256  # DuckDB's memory_limit for the query; nothing spills to disk
    threads: int = 1  # DuckDB threads for the query
    workers: int = 2  # queries that run at once (one process each); others wait for a free one
    max_sql_chars: int = 100_000  # length of the SQL text

    def describe_time(self) -> str:
        return f"Query stopped: it ran longer than the {self.timeout_s:g} s time limit"

    def describe_memory(self) -> str:
        return f"Query stopped: it needed more than the {self.memory_mb:,} MB memory limit"


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer cut to size: its rows, why rows are missing (None, 'rows' or 'bytes'), shortened cells."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    cut_by: str | None = None
    shortened: int = 0


def cell_text(value: Any) -> str:
    """How a cell counts against the size limits: its text, as a CSV or the page would show it."""
    return value if isinstance(value, str) else "" if value is None else str(value)


def _shorten(value: Any, limit: int) -> tuple[Any, int, bool]:
    """The cell as shown, its size in characters, and whether it was shortened.

    >>> _shorten("abcdef", 4)
    ('abc…', 4, True)
    >>> _shorten(12, 4)
    (12, 2, False)
    """
    if isinstance(value, (int, float, bool)) or value is None:
        return value, len(cell_text(value)), False
    if isinstance(value, (bytes, bytearray)):
        text = value.hex() if len(value) * 2 > limit else None
        if text is None:
            return value, len(value) * 2, False
        return text[: limit - 1] + "…", limit, True
    text = cell_text(value)
    if len(text) <= limit:
        return value, len(text), False
    return text[: limit - 1] + "…", limit, True


def bound_answer(columns: list[str], rows: Iterable[tuple[Any, ...]], limits: Limits) -> Answer:
    """The first rows of ``rows`` that fit the row and size limits, long cells shortened.

    ``rows`` may hold one more row than ``limits.max_rows`` (that is how a caller says there are more).

    >>> a = bound_answer(["t"], [("x" * 50,), ("y",), ("z",)], Limits(max_rows=2, max_bytes=100, max_cell_chars=20))
    >>> [len(r[0]) for r in a.rows], a.cut_by, a.shortened
    ([20, 1], 'rows', 1)
    >>> bound_answer(["t"], [("x" * 60,), ("y" * 60,)], Limits(max_bytes=100)).cut_by
    'bytes'
    """
    kept: list[tuple[Any, ...]] = []
    size = shortened = 0
    for row in rows:
        if len(kept) >= limits.max_rows:
            return Answer(columns, kept, "rows", shortened)
        cells = [_shorten(v, limits.max_cell_chars) for v in row]
        row_size = sum(n for _, n, _ in cells)
        if size + row_size > limits.max_bytes:
            return Answer(columns, kept, "bytes", shortened)
        size += row_size
        shortened += sum(1 for _, _, cut in cells if cut)
        kept.append(tuple(v for v, _, _ in cells))
    return Answer(columns, kept, None, shortened)
