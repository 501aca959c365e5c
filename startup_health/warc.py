"""Web archives as input: the HTML pages of ``.warc`` and ``.warc.gz`` files (read with warcio).

Only ``response`` records are looked at (``request``, ``metadata``, ``warcinfo``, ``revisit`` records are
not pages and are passed over silently). A response becomes an `Article` when its HTTP status is 200 and
its content type is HTML; its ``url`` is the record's ``WARC-Target-URI``, its ``path`` is
``FILE@OFFSET`` (the byte where the record starts), and its publication date is the one the page states,
else the record's ``WARC-Date`` (when the page was captured: news archives such as CC-NEWS capture an
article within hours or days of its publication). Every other response (a PDF, a 404, a redirect, a record
cut short by the end of the file) becomes a `Skipped` naming the record and the reason.

**Slices.** A file is cut into byte ranges (`warc_ranges`); a record belongs to the range its first byte
falls in, the way JSON Lines files are cut. A reader that starts inside a record finds the next record
boundary itself: in a ``.warc.gz`` every record is its own gzip member, so the next gzip header that
inflates to ``WARC/1.`` is one; in a plain ``.warc`` a record starts with a ``WARC/1.x`` line after the
blank line that ends the previous one. So one large file is shared by several workers, none of them
reading more than its range (and the one record that straddles its end).
"""

from __future__ import annotations

import os
import re
import zlib
from dataclasses import replace
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from extract.html import parse_date_text
from extract.reading import DEFAULT_MAX_BYTES, Skipped
from models.records import Article
from startup_health.pages import PageError, is_html_type, page_article

__all__ = ["WARC_SUFFIXES", "WARC_BYTES_PER_PART", "is_warc", "warc_ranges", "iter_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz")
#: Bytes of WARC file per slice (a CC-NEWS file is about 1 GB, gzip-compressed).
WARC_BYTES_PER_PART = 64 * 1024 * 1024
_SCAN = 1 << 16
_GZIP_MAGIC = b"\x1f\x8b\x08"
_PLAIN_START = re.compile(rb"(?:\A|\r\n\r\n)(WARC/1\.[01]\r\n)")
_QUIET_TYPES = frozenset({"request", "metadata", "warcinfo", "revisit", "resource", "conversion", "continuation"})


def is_warc(path: os.PathLike[str] | str) -> bool:
    """True for a ``.warc`` or ``.warc.gz`` file name.

    >>> is_warc("CC-NEWS-20240301.warc.gz"), is_warc("a.warc"), is_warc("a.gz")
    (True, True, False)
    """
    return str(path).lower().endswith(WARC_SUFFIXES)


def warc_ranges(path: os.PathLike[str] | str, target_bytes: int = WARC_BYTES_PER_PART) -> list[tuple[int, int]]:
    """Byte ranges ``[start, end)`` of about ``target_bytes`` covering the file (one range when small)."""
    size = os.path.getsize(path)
    step = max(1, target_bytes)
    return [(s, min(s + step, size)) for s in range(0, size, step)] or [(0, 0)]


def _gzip_member_at(fh: IO[bytes], pos: int) -> bool:
    fh.seek(pos)
    head = fh.read(512)
    try:
        return zlib.decompressobj(31).decompress(head, 8).startswith(b"WARC/1.")
    except zlib.error:
        return False


def _next_record(fh: IO[bytes], pos: int, end: int, gz: bool) -> int | None:
    """The offset of the first record that starts at or after ``pos`` and before ``end``, or None."""
    while pos < end:
        fh.seek(max(0, pos - (0 if gz else 4)))
        back = 0 if gz or pos == 0 else min(4, pos)
        block = fh.read(_SCAN + 16)
        if not block:
            return None
        if gz:
            i = block.find(_GZIP_MAGIC)
            while i != -1 and pos + i < end:
                if _gzip_member_at(fh, pos + i):
                    return pos + i
                i = block.find(_GZIP_MAGIC, i + 1)
        else:
            for m in _PLAIN_START.finditer(block):
                at = pos - back + m.start(1)
                if at >= pos and (at > 0 or m.start(1) == 0):
                    return at if at < end else None
        pos += _SCAN
    return None


def _header(rec: Any, name: str) -> str | None:
    value = rec.rec_headers.get_header(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _record_outcome(
    rec: Any, where: str, today: date, warnings: list[str], max_bytes: int
) -> Article | Skipped | None:
    """What one record is: an article, a named skip, or None for a record that is not a response."""
    if rec.rec_type != "response":
        return None if rec.rec_type in _QUIET_TYPES else Skipped(where, f"a {rec.rec_type} record, not a page", False)
    url = _header(rec, "WARC-Target-URI") or "(no target URI)"
    status = rec.http_headers.get_statuscode() if rec.http_headers else None
    if status is None:
        return Skipped(where, f"response for {url} has no HTTP headers", False)
    if status != "200":
        return Skipped(where, f"HTTP {status} response for {url}", False)
    ctype = rec.http_headers.get_header("Content-Type")
    if not is_html_type(ctype):
        kind = (ctype or "missing").split(";")[0].strip()
        return Skipped(where, f"not an HTML page ({kind}) at {url}", False)
    body = rec.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Skipped(where, f"page at {url} is over the {max_bytes // (1024 * 1024)} MB limit", True)
    if getattr(rec.raw_stream, "limit", 0) > 0:
        return Skipped(where, f"truncated record for {url}: the file ends inside it", True)
    captured = _header(rec, "WARC-Date")
    fallback = parse_date_text(captured)[0] if captured else None
    try:
        article = page_article(body, url=url, content_type=ctype, fallback_date=fallback, today=today, warnings=warnings)
    except PageError as err:
        return Skipped(where, f"{err} ({url})", True)
    return replace(article, path=where, fmt="warc")


def iter_warc(
    path: os.PathLike[str] | str,
    start: int = 0,
    end: int | None = None,
    *,
    today: date,
    warnings: list[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Skipped]:
    """The articles (and named skips) of the records that start in ``[start, end)``; never raises for a
    bad record or file: each becomes a `Skipped` error naming it."""
    name = str(path)
    warn = warnings if warnings is not None else []
    gz = name.lower().endswith(".gz")
    try:
        fh = open(name, "rb")
    except OSError as err:
        yield Skipped(name, f"cannot read file: {err.strerror or type(err).__name__}", True)
        return
    with fh:
        size = os.fstat(fh.fileno()).st_size
        end = size if end is None else min(end, size)
        first = _next_record(fh, start, end, gz) if start > 0 else 0
        if first is None or first >= end:
            return
        yield from _records(fh, name, first, end, size, today, warn, max_bytes)


def _records(
    fh: IO[bytes], name: str, first: int, end: int, size: int, today: date, warn: list[str], max_bytes: int
) -> Iterator[Article | Skipped]:
    fh.seek(first)
    it = ArchiveIterator(fh)
    tail = first  # where the last whole record ended
    try:
        for rec in it:
            outcome = _record_outcome(rec, "", today, warn, max_bytes)  # read before its offset is known
            offset, length = it.get_record_offset(), it.get_record_length()
            if offset >= end:
                return  # the next slice's record
            tail = offset + length
            if outcome is not None:
                yield replace(outcome, path=f"{name}@{offset}")
    except Exception as exc:  # noqa: BLE001 - a broken record must not stop the run
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield Skipped(f"{name}@{tail}", f"unreadable record: {problem}", True)
        return
    stop = min(end, size)
    fh.seek(tail)
    if tail < stop and fh.read(min(stop - tail, 64)).strip(b"\r\n"):  # more than the blank lines after a record
        yield Skipped(f"{name}@{tail}", "truncated record: the file ends inside it", True)
