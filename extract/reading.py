"""Read article files (.txt, .md/.markdown, .html/.htm) into `Article` records.

This module is the I/O edge of the extractor: it reads bytes, decodes them, splits off the metadata
(a ``date`` line, YAML front matter, HTML head) and hands back the clean text every offset refers to.

Errors::

    ReadError(ValueError)   one file could not be read; str(err) is one line "PATH: problem"

Bad files never raise out of `iter_articles`: each becomes a `Skipped` record. Problems that do not
stop an article being read (an impossible or future publication date, which is then left empty) are
reported as "PATH: problem" lines appended to the ``warnings`` list the caller passes in.

Decisions worth knowing:

* Text is decoded from UTF-8 (with or without BOM), UTF-16 with a BOM, a ``charset`` an HTML page
  declares, or else cp1252/Latin-1 when the bytes are clearly text. Newlines become ``\\n``; leading and
  trailing whitespace of the whole text is removed; nothing else is changed.
* ``.txt``: a first line `` date YYYY-MM-DD`` is metadata and removed (only the prefix when the article
  goes on on the same line). Title: the first non-empty line when shorter than 200 characters.
* ``.md``: YAML front matter (loaded with a safe loader that keeps dates as text) gives title, date and
  url/source; the text is the body after it, Markdown left as is.
* ``.html``: see `extract.html.clean_html`.
* A publication date is a real calendar date no more than two days after ``today``, or None.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from extract.html import clean_html, parse_date_text
from models.records import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "ReadError",
    "Skipped",
    "article_id_for",
    "decode_text",
    "iter_articles",
    "iter_files",
    "read_or_skip",
    "read_article",
]

MB = 1024 * 1024
#: Files larger than this are not read (a news article is a few tens of kilobytes).
DEFAULT_MAX_BYTES = 20 * MB
#: File suffix (lower case) -> Article.fmt
SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
#: How far after ``today`` a publication date may be (time zones, embargoed copies) before it is refused.
FUTURE_SLACK = timedelta(days=2)
#: A first line longer than this is a paragraph, not a title.
MAX_TITLE_CHARS = 200


class ReadError(ValueError):
    """One file could not be read as an article. ``str(err)`` is ``"PATH: problem"`` on one line."""

    def __init__(self, path: os.PathLike[str] | str, problem: str) -> None:
        self.path = str(path)
        self.problem = " ".join(problem.split())
        super().__init__(f"{self.path}: {self.problem}")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path `iter_articles` did not turn into an article, and why.

    ``is_error`` is False for files that are simply not articles (a .pdf, a symlink loop already walked)
    and True for article files that are broken (empty, binary, undecodable, too large, ...).
    """

    path: str
    reason: str
    is_error: bool

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def article_id_for(text: str) -> str:
    """First 16 hex digits of the sha256 of the clean text.

    >>> article_id_for("hello")
    '2cf24dba5fb0a30e'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ------------------------------------------------------------------------------------------ decoding

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "audio"),
    (b"ID3", "audio"),
    (b"\x00asm", "WebAssembly"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"PAR1", "Parquet file"),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Control characters that never occur in text (everything below 0x20 but tab, newline, form feed and
# carriage return; DEL; the C1 block, which cp1252-encoded text does not produce).
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01


def _magic_kind(data: bytes) -> str | None:
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "audio", b"AVI ": "video"}[data[8:12]]
    if data.startswith(b"MZ") and b"\x00" not in data[:64]:
        return None  # text that merely starts with "MZ"
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _looks_like_text(text: str) -> bool:
    controls = len(_CONTROL.findall(text))
    return controls <= _MAX_CONTROL_SHARE * len(text)


def decode_text(data: bytes, *, declared: str | None = None) -> str:
    """Decode article bytes to text with ``\\n`` newlines; raise ValueError (one-line reason) if they are not text.

    ``declared`` is a charset the file names for itself (an HTML ``<meta charset>``), tried after UTF-8.

    >>> decode_text("café\\r\\nbar".encode("utf-8-sig"))
    'café\\nbar'
    >>> decode_text("café".encode("utf-16"))
    'café'
    >>> decode_text(b"caf\\xe9 \\x93quoted\\x94")
    'café “quoted”'
    >>> decode_text(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    Traceback (most recent call last):
    ValueError: binary content (PNG image), not text
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            text = data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as err:
            where = err.start + len(codecs.BOM_UTF8)
            problem = f"starts with a UTF-8 byte order mark but is not valid UTF-8 (at byte offset {where})"
            raise ValueError(problem) from None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            where = err.start
            problem = f"starts with a UTF-16 byte order mark but is not valid UTF-16 (at byte offset {where})"
            raise ValueError(problem) from None
        if "\x00" in text:
            raise ValueError("binary content (NUL characters), not text")
    else:
        if kind := _magic_kind(data):
            raise ValueError(f"binary content ({kind}), not text")
        if b"\x00" in data:
            raise ValueError("binary content (NUL bytes), not text")
        text = _decode_unmarked(data, declared)
    if not _looks_like_text(text):
        raise ValueError("undecodable text: too many control characters for UTF-8, UTF-16 or Latin-1 text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_unmarked(data: bytes, declared: str | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = ""
        if codec and codec not in {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"}:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # never fails; the control-character check decides if it is text


# ------------------------------------------------------------------------------------------- reading


def _size_text(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} bytes"


def _limit_text(n: int) -> str:
    if n % MB == 0:
        return f"{n // MB} MB"
    if n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n}-byte"


def _os_problem(err: OSError) -> str:
    reason = err.strerror or type(err).__name__
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return f"cannot read file: {reason.lower()}"
    return f"cannot read file: {reason}"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
    except OSError as err:
        raise ReadError(path, _os_problem(err)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(path, "not a regular file")
    if info.st_size > max_bytes:
        raise ReadError(path, f"file is {_size_text(info.st_size)}, over the {_limit_text(max_bytes)} limit")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as err:
        raise ReadError(path, _os_problem(err)) from None
    if len(data) > max_bytes:  # grew since stat
        raise ReadError(path, f"file is over the {_limit_text(max_bytes)} limit")
    return data


def _check_published(value: date | None, today: date, warn: list[str]) -> date | None:
    if value is not None and value > today + FUTURE_SLACK:
        warn.append(f"published date {value.isoformat()} is in the future (today is {today.isoformat()}); left empty")
        return None
    return value


def _first_line_title(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            line = line.strip()
            return line if len(line) < MAX_TITLE_CHARS else None
    return None


# .txt ------------------------------------------------------------------------------------------------

_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?![\w-])[ \t]*")


def _parse_txt(text: str, warn: list[str]) -> tuple[str, str | None, date | None]:
    published = None
    if m := _DATE_LINE.match(text):
        text = text[m.end() :]
        published, problem = parse_date_text(m[1])
        if problem:
            warn.append(problem + "; left empty")
    text = text.strip()
    return text, _first_line_title(text), published


# .md -------------------------------------------------------------------------------------------------


class _FrontMatterLoader(yaml.SafeLoader):
    """yaml.SafeLoader that keeps timestamps as text, so "2024-02-30" is reported, not a crash."""


_FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
)

_FENCE_OPEN = re.compile(r"\A---[ \t]*\n")
_FENCE_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_ATX_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split ``text`` into (front matter mapping, body). Raises ValueError with a one-line reason."""
    opening = _FENCE_OPEN.match(text)
    if not opening:
        return {}, text
    closing = _FENCE_CLOSE.search(text, opening.end())
    if not closing:
        raise ValueError("front matter is not closed (no '---' line after it)")
    source = text[opening.end() : closing.start()]
    try:
        data = yaml.load(source, Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ValueError(f"front matter is not valid YAML{where}") from None
    except RecursionError:
        raise ValueError("front matter is not valid YAML (nested too deeply)") from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise ValueError("front matter is not valid YAML (a number too long to read)") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ValueError(f"front matter is not a mapping of keys to values (it is a {type(data).__name__})")
    return data, text[closing.end() :]


def _date_value(value: Any) -> tuple[date | None, str | None]:
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return parse_date_text(str(value))  # an int such as 20240322
    # not the value itself: a YAML alias bomb is tiny in the file but exponentially long when printed
    return None, f"published date is not understood (a {type(value).__name__}, not a date or text)"


_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


def _headline_missing(title: str, body: str) -> bool:
    r"""A front-matter title that the body does not repeat (a URL slug such as "acme-raises-5m" is no headline).

    >>> _headline_missing("Acme raises $5m", "# Acme raises $5m\n\nAcme said"), _headline_missing("acme-raises-5m", "Acme")
    (False, False)
    >>> _headline_missing("Acme raises $5m at $50m valuation", "Acme, the start-up, raised money.")
    True
    """
    if _SLUG.fullmatch(title) or not body:
        return False
    squeeze = " ".join(body[:2000].lower().replace("#", " ").replace("*", " ").split())
    return " ".join(title.lower().split()) not in squeeze


def _parse_md(text: str, warn: list[str]) -> tuple[str, str | None, date | None, str | None]:
    meta, body = _front_matter(text)
    body = body.strip()
    title = None
    raw_title = meta.get("title")
    if isinstance(raw_title, (str, int, float)) and not isinstance(raw_title, bool):
        title = " ".join(str(raw_title).split()) or None
    elif raw_title is not None:
        warn.append("front matter title is not text; ignored")
    if title is None:
        heading = _ATX_HEADING.search(body)
        title = heading[1].strip() if heading else _first_line_title(body)
    elif _headline_missing(title, body):
        body = f"{title}\n\n{body}"  # the headline is part of the story: its figures and its company count
    published = None
    for key in ("date", "published", "pubDate", "published_at"):
        if meta.get(key) is not None:
            published, problem = _date_value(meta[key])
            if problem:
                warn.append(problem + "; left empty")
            break
    url = None
    for key in ("url", "source", "canonical_url", "link"):
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            url = value.strip()
            break
    return body, title, published, url


# .html -----------------------------------------------------------------------------------------------


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    return m[1].decode("ascii") if m else None


# ----------------------------------------------------------------------------------------------- API


def read_article(
    path: os.PathLike[str] | str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: date | None = None,
    warnings: list[str] | None = None,
) -> Article:
    """Read one article file. Raises `ReadError` when the file cannot be read as an article.

    ``today`` bounds the publication date (default: the system date). Problems that leave the article
    readable (an impossible or future date, left as None) are appended to ``warnings`` as
    ``"PATH: problem"`` lines when a list is given.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    fmt = SUPPORTED_SUFFIXES.get(suffix)
    if fmt is None:
        raise ReadError(path, f"unsupported file type {suffix or '(no extension)'}")
    data = _read_bytes(path, max_bytes)
    if not data:
        raise ReadError(path, "file is empty")
    try:
        text = decode_text(data, declared=_declared_charset(data) if fmt == "html" else None)
    except ValueError as err:
        raise ReadError(path, str(err)) from None
    if not text.strip():
        raise ReadError(path, "file has only whitespace")

    warn: list[str] = []
    title: str | None
    published: date | None
    url: str | None = None
    if fmt == "txt":
        text, title, published = _parse_txt(text, warn)
    elif fmt == "md":
        try:
            text, title, published, url = _parse_md(text, warn)
        except ValueError as err:
            raise ReadError(path, str(err)) from None
    else:
        page = clean_html(text)
        text, title, published, url = page.text, page.title, page.published, page.url
        warn.extend(page.warnings)
    if not text:
        raise ReadError(path, "no article body found in the HTML" if fmt == "html" else "article body is empty")
    published = _check_published(published, today or date.today(), warn)
    if warnings is not None:
        warnings.extend(f"{path}: {w}" for w in warn)
    return Article(
        article_id=article_id_for(text),
        path=str(path),
        text=text,
        title=title,
        published=published,
        url=url,
        fmt=fmt,
    )


def iter_files(paths: Iterable[os.PathLike[str] | str]) -> Iterator[Path | Skipped]:
    """Every article file under ``paths`` (a `Path`), or a `Skipped` for what is not one; never raises.

    Paths are taken in the order given; folders are walked recursively in sorted name order. Hidden
    entries (names starting with ".") inside folders are passed over silently. Symbolic links are
    followed, but a folder or file already visited (same real path) is yielded as a non-error `Skipped`,
    so a symlink loop ends.
    """
    seen: dict[str, str] = {}  # real path -> the path it was first visited as

    def visit(path: Path) -> Iterator[Path | Skipped]:
        try:
            real = os.path.realpath(path)
            is_dir = path.is_dir()
            exists = path.exists()
        except (OSError, ValueError) as err:
            yield Skipped(str(path), f"cannot read: {err}", True)
            return
        if not exists:
            problem = "broken symbolic link" if path.is_symlink() else "no such file or directory"
            yield Skipped(str(path), problem, True)
            return
        if real in seen:
            kind = "folder" if is_dir else "file"
            yield Skipped(str(path), f"{kind} already read as {seen[real]} (symlink loop or duplicate)", False)
            return
        seen[real] = str(path)
        if is_dir:
            try:
                with os.scandir(path) as entries:
                    names = sorted(entry.name for entry in entries)
            except OSError as err:
                yield Skipped(str(path), f"cannot list folder: {err.strerror or type(err).__name__}", True)
                return
            for name in names:
                if not name.startswith("."):
                    yield from visit(path / name)
            return
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            yield Skipped(str(path), f"unsupported file type {suffix or '(no extension)'}", False)
            return
        yield path

    for given in paths:
        yield from visit(Path(given))


def read_or_skip(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, today: date | None = None, warnings: list[str] | None = None
) -> Article | Skipped:
    """`read_article`, with every failure turned into a `Skipped` error naming the problem."""
    try:
        return read_article(path, max_bytes=max_bytes, today=today, warnings=warnings)
    except ReadError as err:
        return Skipped(str(path), err.problem, True)
    except Exception as err:  # noqa: BLE001 - a bad file must never stop the walk
        return Skipped(str(path), f"unexpected error: {type(err).__name__}: {err}".splitlines()[0], True)


def iter_articles(
    paths: Iterable[os.PathLike[str] | str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    today: date | None = None,
    warnings: list[str] | None = None,
) -> Iterator[Article | Skipped]:
    """Yield an `Article` or a `Skipped` for every file under ``paths`` (see `iter_files`), never raising
    for a bad file. ``max_bytes``, ``today`` and ``warnings`` are as for `read_article`.
    """
    today = today or date.today()
    for item in iter_files(paths):
        yield item if isinstance(item, Skipped) else read_or_skip(
            item, max_bytes=max_bytes, today=today, warnings=warnings
        )
