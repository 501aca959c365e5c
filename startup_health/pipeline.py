"""Ingest: files -> articles -> extractions -> the warehouse. The I/O edge around the pure extractor.

Reading and extracting run in worker processes when ``workers > 1``; only the parent writes, in batches of
whole articles, each batch one transaction (so every article is either fully stored or absent).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract import EXTRACTOR_VERSION, extract_article
from extract.reading import Skipped, iter_files, read_or_skip
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


def _read_and_extract(path: Path, known: frozenset[str], warnings: list[str]) -> Outcome | tuple[str, str]:
    """Read one file and extract it unless already stored; ('unchanged', id) for a stored one."""
    item = read_or_skip(path, warnings=warnings)
    if isinstance(item, Skipped):
        return item
    if item.article_id in known:
        return ("unchanged", item.article_id)
    return extract_one(item)


_KNOWN: frozenset[str] = frozenset()


def _init_worker(known: frozenset[str]) -> None:
    global _KNOWN
    _KNOWN = known


def _worker(paths: list[Path]) -> tuple[list[Outcome | tuple[str, str]], list[str]]:
    warnings: list[str] = []
    return [_read_and_extract(p, _KNOWN, warnings) for p in paths], warnings


def ingest(
    paths: Iterable[Path],
    warehouse: Warehouse,
    *,
    workers: int = 1,
    batch_size: int = 2000,
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
        seen_ids: set[str] = set()  # written in this run: the same text at a second path is not new
        for chunk in iter_chunks(outcomes, batch_size):
            to_write: list[tuple[Article, Extraction]] = []
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
                if article.article_id in seen_ids:
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
        # A big run (more than 50,000 new metric rows, and more than a fifth of the table): store the tables
        # in company order again (``Warehouse.optimize``, about 2 s per million rows, under this ingest lock).
        # Rows appended since the last rewrite are read by every question about any company; a rewrite after
        # every small run would cost more than it saves.
        if report.metrics > 50_000:
            total = warehouse.query("SELECT count(*) FROM metric_rows").rows[0][0]
            if report.metrics > 0.2 * total:
                warehouse.optimize()
    return report


def _outcomes(
    paths: list[Path], known: frozenset[str], workers: int, warnings: list[str]
) -> Iterator[Outcome | tuple[str, str]]:
    """Outcomes in the order of the files; the walk stays in this process, reading and extraction may not."""
    files = iter_files(paths)
    if workers <= 1:
        for f in files:
            yield f if isinstance(f, Skipped) else _read_and_extract(f, known, warnings)
        return
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(known,)) as pool:
        pending: deque[Skipped] = deque()  # filled by the pool's feeder thread, drained here

        def jobs() -> Iterator[list[Path]]:
            for chunk in iter_chunks(files, 16):
                pending.extend(f for f in chunk if isinstance(f, Skipped))
                yield [f for f in chunk if not isinstance(f, Skipped)]

        for results, warned in pool.imap(_worker, jobs(), chunksize=1):
            warnings.extend(warned)
            while pending:
                yield pending.popleft()
            yield from results
        while pending:
            yield pending.popleft()
