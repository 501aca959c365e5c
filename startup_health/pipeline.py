"""Ingest: files -> articles -> extractions -> the warehouse. The I/O edge around the pure extractor.

Reading and extracting run in worker processes when ``workers > 1``; only the parent writes, in batches of
whole articles, each batch one transaction (so every article is either fully stored or absent).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract import EXTRACTOR_VERSION, extract_article
from extract.reading import Skipped, iter_articles
from models.records import Article, Extraction
from models.warehouse import Warehouse, ingest_lock, iter_chunks

__all__ = ["IngestReport", "ingest", "extract_one"]


@dataclass
class IngestReport:
    read: int = 0  # articles read successfully
    new: int = 0
    replaced: int = 0  # a changed text at a known path, or a newer extractor version
    unchanged: int = 0
    metrics: int = 0
    events: int = 0
    skipped: list[Skipped] = field(default_factory=list)  # not articles (unsupported types)
    failed: list[Skipped] = field(default_factory=list)  # bad files: named with their problem
    new_ids: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # "PATH: problem" for articles read with a flaw

    @property
    def ok(self) -> bool:
        return not self.failed


Outcome = tuple[Article, Extraction] | Skipped


def extract_one(article: Article) -> Outcome:
    """Run the extractor on one article; an unexpected error becomes a failure naming the file."""
    try:
        return article, extract_article(article.text, published=article.published, title=article.title)
    except Exception as exc:  # the extractor must never take the whole ingest down
        return Skipped(article.path, f"extractor failed: {type(exc).__name__}: {exc}", True)


def _read_and_extract(
    paths: Iterable[Path], known: frozenset[str], warnings: list[str]
) -> Iterator[Outcome | tuple[str, str]]:
    """Read files, extract the ones not already stored; ('unchanged', id) for stored ones."""
    for item in iter_articles(paths, warnings=warnings):
        if isinstance(item, Skipped):
            yield item
        elif item.article_id in known:
            yield ("unchanged", item.article_id)
        else:
            yield extract_one(item)


_KNOWN: frozenset[str] = frozenset()


def _init_worker(known: frozenset[str]) -> None:
    global _KNOWN
    _KNOWN = known


def _worker(paths: list[str]) -> tuple[list[Outcome | tuple[str, str]], list[str]]:
    warnings: list[str] = []
    return list(_read_and_extract([Path(p) for p in paths], _KNOWN, warnings)), warnings


def list_files(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """Every file under the given paths, in a stable order; missing paths as failures."""
    seen: set[str] = set()
    for root in paths:
        if not root.exists() and not root.is_symlink():
            yield Skipped(str(root), "no such file or folder", True)
            continue
        if root.is_file() or root.is_symlink() and not root.is_dir():
            yield root
            continue
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
            real = os.path.realpath(dirpath)
            if real in seen:  # a symlink loop, or a folder reached twice
                dirnames[:] = []
                continue
            seen.add(real)
            dirnames.sort()
            for name in sorted(filenames):
                yield Path(dirpath) / name


def ingest(
    paths: Iterable[Path],
    warehouse: Warehouse,
    *,
    workers: int = 1,
    batch_size: int = 500,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read, extract and store every article under ``paths``; returns what happened to each file."""
    report = IngestReport()
    paths = list(paths)
    with ingest_lock(warehouse.path, wait_s=warehouse.lock_wait_s):
        warehouse.ensure_schema()
        stored = warehouse.known_articles()
        known = frozenset(aid for aid, (_, version) in stored.items() if version == EXTRACTOR_VERSION)
        outcomes = _outcomes(paths, known, workers, report.warnings)
        for chunk in iter_chunks(outcomes, batch_size):
            to_write: list[tuple[Article, Extraction]] = []
            seen_ids: set[str] = set()
            for item in chunk:
                if progress:
                    progress(1)
                if isinstance(item, Skipped):
                    (report.failed if item.is_error else report.skipped).append(item)
                    continue
                report.read += 1
                if isinstance(item[0], str):  # ("unchanged", id)
                    report.unchanged += 1
                    continue
                article, extraction = item
                if article.article_id in seen_ids:  # the same text twice in one batch
                    report.unchanged += 1
                    continue
                seen_ids.add(article.article_id)
                to_write.append((article, extraction))
            result = warehouse.write_batch(to_write, EXTRACTOR_VERSION)
            report.new += len(result.new)
            report.replaced += len(result.replaced)
            report.metrics += result.metrics
            report.events += result.events
            report.new_ids += result.new + result.replaced
    return report


def _outcomes(
    paths: list[Path], known: frozenset[str], workers: int, warnings: list[str]
) -> Iterator[Outcome | tuple[str, str]]:
    if workers <= 1:
        yield from _read_and_extract(paths, known, warnings)
        return
    files = list_files(paths)
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    jobs: Iterator[list[str]] = (
        [str(f) for f in chunk if not isinstance(f, Skipped)] for chunk in iter_chunks(files, 32)
    )
    # Failures of the walk itself (missing paths) are reported by the parent.
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    for p in missing:
        yield Skipped(str(p), "no such file or folder", True)
    with ctx.Pool(workers, initializer=_init_worker, initargs=(known,)) as pool:
        for results, warned in pool.imap(_worker, jobs, chunksize=1):
            warnings.extend(warned)
            yield from results
