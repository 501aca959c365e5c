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
from datetime import date
from pathlib import Path

from extract import EXTRACTOR_VERSION, extract_article
from extract.reading import Skipped, iter_files, read_or_skip
from models.records import Article, Extraction
from startup_health.grouping import group_articles
from startup_health.prefilter import passes
from startup_health.warc import is_warc, iter_warc, warc_ranges
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
    prefiltered: int = 0  # web-archive pages read but not extracted: no money, staff or leadership words
    copies: int = 0  # of the new articles, copies or rewrites of another story (counted once as sources)

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


#: bytes of a WARC file per job of the local engine's workers (Dask tasks take 64 MB: see startup_health.warc)
WARC_BYTES_PER_JOB = 4 * 1024 * 1024
#: what a job yields besides an outcome: ("unchanged", article id) or ("filtered", path)
Marker = tuple[str, str]
#: one unit of work for a reader: article files, or a byte range of a WARC file
Job = list[Path] | tuple[str, int, int]


def _checked(item: Article | Skipped, known: frozenset[str]) -> Outcome | Marker:
    """Extract one article read, unless it is stored already or is a web-archive page the prefilter drops."""
    if isinstance(item, Skipped):
        return item
    if item.article_id in known:
        return ("unchanged", item.article_id)
    if item.fmt == "warc" and not passes(item.text):
        return ("filtered", item.path)
    return extract_one(item)


def _run_job(job: Job, known: frozenset[str], warnings: list[str]) -> Iterator[Outcome | Marker]:
    if isinstance(job, tuple):
        path, start, end = job
        for item in iter_warc(path, start, end, today=date.today(), warnings=warnings):
            yield _checked(item, known)
        return
    for p in job:
        yield _checked(read_or_skip(p, warnings=warnings), known)


_KNOWN: frozenset[str] = frozenset()


def _init_worker(known: frozenset[str]) -> None:
    global _KNOWN
    _KNOWN = known


def _worker(job: Job) -> tuple[list[Outcome | Marker], list[str]]:
    warnings: list[str] = []
    return list(_run_job(job, _KNOWN, warnings)), warnings


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
        before = warehouse.ensure_schema()
        stored = warehouse.known_articles()
        # a warehouse from before independent stories (schema 1): group everything it holds, once
        to_group = list(stored) if before is not None and before < 2 else []
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
                if isinstance(item[0], str):  # ("unchanged", id) or ("filtered", path)
                    if item[0] == "filtered":
                        report.prefiltered += 1
                    else:
                        report.unchanged += 1
                    continue
                article, extraction = item
                if article.article_id in seen_ids:
                    report.unchanged += 1
                    continue
                seen_ids.add(article.article_id)
                to_write.append((article, extraction))
            result = warehouse.write_batch(to_write, EXTRACTOR_VERSION, refresh_facts=False)
            report.new += len(result.new)
            report.replaced += len(result.replaced)
            report.metrics += result.metrics
            report.events += result.events
            report.new_ids += result.new + result.replaced
        # A big run (more than 50,000 new metric rows, and more than a fifth of the table): store the tables
        # in company order again (``Warehouse.optimize``, about 2 s per million rows, under this ingest lock).
        # Rows appended since the last rewrite are read by every question about any company; a rewrite after
        # every small run would cost more than it saves.
        if report.new_ids or to_group:
            report.copies = group_articles(warehouse, report.new_ids + to_group).copies
        # The kept facts and scores of the companies this run touched (its batches and its story groups noted
        # them in facts_pending; until now the warehouse reconciled them live), once for the whole run. Also
        # finishes a run that died before this point.
        warehouse.refresh_facts()
        if report.metrics > 50_000:
            total = warehouse.query("SELECT count(*) FROM metric_rows").rows[0][0]
            if report.metrics > 0.2 * total:
                warehouse.optimize()
        # The batches wait in DuckDB's write-ahead log (a checkpoint of the file in place could be torn by a
        # kill); fold what is left into the file through a copy (``models.warehouse.checkpoint``).
        warehouse.checkpoint()
    return report


def _jobs(paths: list[Path], pending: deque[Skipped], files_per_job: int) -> Iterator[Job]:
    """Jobs in walk order: article files in groups, WARC files in byte ranges; what is neither goes to
    ``pending`` (drained by the caller in order)."""
    group: list[Path] = []
    for f in iter_files(paths):
        if isinstance(f, Skipped):
            if not f.is_error and is_warc(f.path):
                if group:
                    yield group
                    group = []
                yield from ((f.path, start, end) for start, end in warc_ranges(f.path, WARC_BYTES_PER_JOB))
            else:
                pending.append(f)
            continue
        group.append(f)
        if len(group) >= files_per_job:
            yield group
            group = []
    if group:
        yield group


def _outcomes(
    paths: list[Path], known: frozenset[str], workers: int, warnings: list[str]
) -> Iterator[Outcome | Marker]:
    """Outcomes in the order of the files; the walk stays in this process, reading and extraction may not."""
    pending: deque[Skipped] = deque()  # walked but not articles; yielded before the next job's outcomes
    if workers <= 1:
        for job in _jobs(paths, pending, 1):
            while pending:
                yield pending.popleft()
            yield from _run_job(job, known, warnings)
        while pending:
            yield pending.popleft()
        return
    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(known,)) as pool:
        for results, warned in pool.imap(_worker, _jobs(paths, pending, 16), chunksize=1):
            warnings.extend(warned)
            while pending:
                yield pending.popleft()
            yield from results
        while pending:
            yield pending.popleft()
