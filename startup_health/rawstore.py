"""The raw pages `fetch` and `follow` kept, beside the warehouse, so re-extraction never needs the network.

Layout of the folder (``warehouse.duckdb`` -> ``warehouse.pages/``)::

    raw/ab/<sha256>.html.gz      each body once, named by the SHA-256 of its bytes, gzip-compressed
    urls/cd/<sha256 of URL>.json one record per address: where it led, ETag, Last-Modified, body hash, ...

Every file is written under a temporary name and renamed into place, so a crash leaves the old file or
the new one, never half of one. A body is written before the record that names it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["PageRecord", "RawStore", "default_store"]


def default_store(db: Path) -> Path:
    """Where a warehouse's raw pages live: ``warehouse.duckdb`` -> ``warehouse.pages/``."""
    return db.with_suffix(".pages")


@dataclass(frozen=True, slots=True)
class PageRecord:
    """What was last fetched from one address."""

    url: str
    final_url: str
    sha256: str  # of the body, the name of its file in raw/
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str = ""  # ISO time, UTC
    published_hint: str | None = None  # a date given with the address (a feed entry's), ISO
    article_id: str | None = None  # the article stored from it, None when it held none


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


class RawStore:
    """A folder of raw pages and what is known about each address (see the module)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def _raw_path(self, sha: str) -> Path:
        return self.root / "raw" / sha[:2] / f"{sha}.html.gz"

    def _record_path(self, url: str) -> Path:
        key = _sha(url.encode("utf-8"))
        return self.root / "urls" / key[:2] / f"{key}.json"

    def put(self, body: bytes) -> str:
        """Keep ``body`` (once) and return its SHA-256."""
        sha = _sha(body)
        path = self._raw_path(sha)
        if not path.exists():
            _write_atomic(path, gzip.compress(body, compresslevel=6, mtime=0))
        return sha

    def get(self, sha: str) -> bytes:
        """The body kept under ``sha``; FileNotFoundError when there is none."""
        with gzip.open(self._raw_path(sha), "rb") as fh:
            return fh.read()

    def record(self, url: str) -> PageRecord | None:
        try:
            data = json.loads(self._record_path(url).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None  # a record that cannot be read is as good as none: the page is fetched afresh
        return PageRecord(**{k: data.get(k) for k in PageRecord.__dataclass_fields__})

    def save(self, rec: PageRecord) -> None:
        _write_atomic(self._record_path(rec.url), json.dumps(asdict(rec), ensure_ascii=False).encode("utf-8"))

    def records(self) -> Iterator[PageRecord]:
        """Every address recorded, in a stable order."""
        base = self.root / "urls"
        if not base.is_dir():
            return
        for path in sorted(base.glob("*/*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                yield PageRecord(**{k: data.get(k) for k in PageRecord.__dataclass_fields__})
            except (OSError, ValueError, TypeError):
                continue
