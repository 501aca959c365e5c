"""Read articles stored as rows: JSON Lines (``.jsonl``, ``.ndjson``) and Parquet files, one article a row.

A row has ``text`` (required), and optionally ``published`` (a date, or text such as ``2024-03-22`` or
``2024-03-22T07:45:00Z``), ``url`` and ``title``. This is the shape of news dumps such as Common Crawl's
news collection after HTML cleaning. Rows are read in slices so that no process ever holds a whole file:

* a JSON Lines file is cut into byte ranges; a line belongs to the range its first byte falls in
  (`jsonl_ranges`, `iter_jsonl`), the way Hadoop splits text files;
* a Parquet file is cut into groups of row groups (`parquet_slices`, `iter_parquet`), streamed in batches.

Each row becomes an `Article` whose ``path`` names the file and the row (``FILE@BYTE`` for JSON Lines,
``FILE#ROW`` for Parquet) and whose id is `article_id_for` of the clean text, as for article files. A bad
row becomes a `Skipped` error naming it; it never stops the rest of the file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from extract.html import parse_date_text
from extract.reading import FUTURE_SLACK, Skipped, article_id_for
from models.records import Article

__all__ = [
    "ROW_SUFFIXES",
    "article_from_row",
    "jsonl_ranges",
    "parquet_slices",
    "iter_jsonl",
    "iter_parquet",
    "is_row_file",
]

#: File suffix (lower case) -> Article.fmt of the rows inside.
ROW_SUFFIXES: dict[str, str] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
#: A row whose text is longer than this is refused (a news article is a few tens of kilobytes).
MAX_TEXT_CHARS = 2_000_000
_COLUMNS = ("text", "published", "url", "title")


def _opt_text(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{name} is not text")
    value = " ".join(value.split())
    return value or None


def article_from_row(
    row: Mapping[str, Any], *, path: str, fmt: str, today: date, warnings: list[str] | None = None
) -> Article:
    """One row as an `Article`; ValueError (a one-line reason) when the row holds no usable article.

    >>> a = article_from_row({"text": " Acme raised $5M.\\r\\n", "published": "2024-03-22T07:00:00Z"},
    ...                      path="x.jsonl@0", fmt="jsonl", today=date(2025, 1, 1))
    >>> a.text, a.published, a.article_id == article_id_for("Acme raised $5M.")
    ('Acme raised $5M.', datetime.date(2024, 3, 22), True)
    """
    text = row.get("text")
    if not isinstance(text, str):
        raise ValueError("row has no text" if text is None else "text is not a string")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit")
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ValueError("text is empty")
    published: date | None = None
    raw = row.get("published")
    problem = None
    if isinstance(raw, datetime):
        published = raw.date()
    elif isinstance(raw, date):
        published = raw
    elif isinstance(raw, str) and raw.strip():
        published, problem = parse_date_text(raw)
    elif raw is not None and raw != "":
        problem = f"published date {raw!r} is not understood"
    if published is not None and published > today + FUTURE_SLACK:
        problem = f"published date {published.isoformat()} is in the future (today is {today.isoformat()})"
        published = None
    if problem and warnings is not None:
        warnings.append(f"{path}: {problem}; left empty")
    return Article(
        article_id=article_id_for(text),
        path=path,
        text=text,
        title=_opt_text(row.get("title"), "title"),
        published=published,
        url=_opt_text(row.get("url"), "url"),
        fmt=fmt,
    )


# -- JSON Lines ------------------------------------------------------------------------------------


def jsonl_ranges(path: os.PathLike[str] | str, target_bytes: int) -> list[tuple[int, int]]:
    """Byte ranges ``[start, end)`` of about ``target_bytes`` covering the file (one range when small).

    >>> jsonl_ranges(__file__, 10**9)[0][0]
    0
    """
    size = os.path.getsize(path)
    if size == 0:
        return [(0, 0)]
    step = max(1, target_bytes)
    return [(start, min(start + step, size)) for start in range(0, size, step)]


def iter_jsonl(
    path: os.PathLike[str] | str,
    start: int = 0,
    end: int | None = None,
    *,
    today: date | None = None,
    warnings: list[str] | None = None,
) -> Iterator[Article | Skipped]:
    """Articles of the lines whose first byte lies in ``[start, end)``, one line in memory at a time."""
    today = today or date.today()
    name = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below; a generator cannot use `with` around yields safely
    except OSError as err:
        yield Skipped(name, f"cannot read file: {err.strerror or type(err).__name__}", True)
        return
    with fh:
        if end is None:
            end = os.fstat(fh.fileno()).st_size
        if start > 0:
            fh.seek(start - 1)
            fh.readline()  # the rest of the line that began before this range belongs to the range before
        while True:
            offset = fh.tell()
            if offset >= end:
                break
            line = fh.readline()
            if not line:
                break
            where = f"{name}@{offset}"
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                reason = "not UTF-8" if isinstance(err, UnicodeDecodeError) else f"not valid JSON ({err.msg})"
                yield Skipped(where, f"line is {reason}", True)
                continue
            except RecursionError:
                yield Skipped(where, "line is not valid JSON (nested too deeply)", True)
                continue
            if not isinstance(row, dict):
                yield Skipped(where, f"line is a JSON {type(row).__name__}, not an object", True)
                continue
            try:
                yield article_from_row(row, path=where, fmt="jsonl", today=today, warnings=warnings)
            except ValueError as err:
                yield Skipped(where, str(err), True)


# -- Parquet ---------------------------------------------------------------------------------------


def parquet_slices(path: os.PathLike[str] | str, target_rows: int) -> list[tuple[int, ...]]:
    """Groups of consecutive row groups of about ``target_rows`` rows (reads only the file's footer)."""
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    slices: list[tuple[int, ...]] = []
    current: list[int] = []
    rows = 0
    for i in range(meta.num_row_groups):
        current.append(i)
        rows += meta.row_group(i).num_rows
        if rows >= target_rows:
            slices.append(tuple(current))
            current, rows = [], 0
    if current or not slices:
        slices.append(tuple(current))
    return slices


def iter_parquet(
    path: os.PathLike[str] | str,
    row_groups: Sequence[int] | None = None,
    *,
    today: date | None = None,
    warnings: list[str] | None = None,
    batch_rows: int = 1000,
) -> Iterator[Article | Skipped]:
    """Articles of the given row groups (all when None), streamed ``batch_rows`` at a time."""
    import pyarrow.parquet as pq

    today = today or date.today()
    name = str(path)
    try:
        pf = pq.ParquetFile(path)
        meta = pf.metadata
        groups = list(range(meta.num_row_groups)) if row_groups is None else list(row_groups)
        columns = [c for c in _COLUMNS if c in pf.schema_arrow.names]
    except Exception as err:  # noqa: BLE001 - pyarrow raises several kinds for a broken file
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        yield Skipped(name, f"not a readable Parquet file: {reason}", True)
        return
    if "text" not in columns:
        yield Skipped(name, "Parquet file has no 'text' column", True)
        return
    first_row = {g: sum(meta.row_group(i).num_rows for i in range(g)) for g in groups}
    for g in groups:
        row_no = first_row[g]
        try:
            for batch in pf.iter_batches(batch_size=batch_rows, row_groups=[g], columns=columns):
                for row in batch.to_pylist():
                    where = f"{name}#{row_no}"
                    row_no += 1
                    try:
                        yield article_from_row(row, path=where, fmt="parquet", today=today, warnings=warnings)
                    except ValueError as err:
                        yield Skipped(where, str(err), True)
        except Exception as err:  # noqa: BLE001
            yield Skipped(f"{name}#{row_no}", f"cannot read row group {g}: {str(err).splitlines()[0]}", True)


def is_row_file(path: Path) -> bool:
    """True for a file whose suffix says it holds article rows."""
    return path.suffix.lower() in ROW_SUFFIXES
