"""The Dask engine: the same pure extractor fanned out over a Dask cluster, writing a Parquet dataset.

    ingest_dask(paths, dataset, scheduler="tcp://host:8786")   # or a LocalCluster when no address is given

How it works:

* **Partitions.** This process walks the inputs (never reading an article) and cuts them into partitions:
  up to ``files_per_part`` article files (.txt, .md, .html), a byte range of a JSON Lines file, or a group
  of row groups of a Parquet file. Partitions are submitted as they are planned, with at most two per
  worker thread in flight, so neither this process nor a worker ever holds the whole input.
* **One task per partition** (`run_partition`, run on a worker): read the articles, extract each with
  `extract.extract_article`, build the Arrow tables the local engine would store (`build_tables`), and
  write them as one part per publication month: ``<dataset>/<folder>/published_month=YYYY-MM/part-<key>.parquet``
  (layout in `models.warehouse`). A part's files are written under a temporary name and renamed into
  place, the articles file last.
* **Idempotent.** ``<key>`` is a hash of the part's sorted article ids and the extractor version. A task
  whose part already exists (or was folded in by `compact_dataset`) skips extraction and counts its
  articles as unchanged; a re-run, or a task Dask runs twice, rewrites the same file names, never new ones.
* **Failures.** A task that raises is retried by Dask (``retries``); a worker that dies has its tasks
  rescheduled on the others. An article that cannot be read or extracted is reported in the
  `IngestReport`, and the rest of its partition is stored.

The warehouse file then reads the dataset in place (`Warehouse.attach_parquet`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Literal

from extract import EXTRACTOR_VERSION
from extract.jsonl import is_row_file, iter_jsonl, iter_parquet, jsonl_ranges, parquet_slices
from extract.reading import Skipped, iter_files, read_or_skip
from models.records import Article, Extraction
from models.warehouse import (
    DATASET_SCHEMAS,
    FOLDED_LIST,
    MONTH_FOLDERS,
    Warehouse,
    build_tables,
    ingest_lock,
    month_of,
)
from startup_health.pipeline import IngestReport, extract_one
from startup_health.prefilter import passes
from startup_health.warc import WARC_BYTES_PER_PART, is_warc, iter_warc, warc_ranges

__all__ = ["Partition", "PartReport", "plan_partitions", "run_partition", "ingest_dask", "default_dataset"]

#: Article files per partition (a partition's articles and extractions are held in memory together).
FILES_PER_PART = 1000
#: Bytes of JSON Lines per partition.
JSONL_BYTES_PER_PART = 8 * 1024 * 1024
#: Parquet rows per partition (whole row groups are never split).
PARQUET_ROWS_PER_PART = 1000


def default_dataset(db: Path) -> Path:
    """Where the Dask engine writes when no ``--dataset`` is given: ``warehouse.duckdb`` -> ``warehouse.parquet/``."""
    return db.with_suffix(".parquet")


@dataclass(frozen=True, slots=True)
class Partition:
    """A slice of the input one task reads."""

    kind: Literal["files", "jsonl", "parquet", "warc"]
    paths: tuple[str, ...]
    start: int = 0  # jsonl, warc: byte range [start, end)
    end: int = 0
    row_groups: tuple[int, ...] = ()  # parquet

    @property
    def key(self) -> str:
        return hashlib.sha256(repr(self).encode()).hexdigest()[:20]

    @property
    def label(self) -> str:
        """How a failed partition is named to the user."""
        if self.kind == "files":
            return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (and {len(self.paths) - 1} more files)"
        if self.kind in ("jsonl", "warc"):
            return f"{self.paths[0]} bytes {self.start}-{self.end}"
        groups = f"{self.row_groups[0]}-{self.row_groups[-1]}" if self.row_groups else "(none)"
        return f"{self.paths[0]} row groups {groups}"


@dataclass
class PartReport:
    """What one task did; small, so it travels back to the client cheaply."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    metrics: int = 0
    events: int = 0
    parts: int = 0  # part files (articles folder) written
    prefiltered: int = 0  # web-archive pages the prefilter dropped before extraction
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def items(self) -> int:
        return self.read + self.prefiltered + len(self.skipped) + len(self.failed)


def plan_partitions(
    paths: Iterable[os.PathLike[str] | str],
    *,
    files_per_part: int = FILES_PER_PART,
    jsonl_bytes: int = JSONL_BYTES_PER_PART,
    parquet_rows: int = PARQUET_ROWS_PER_PART,
    warc_bytes: int = WARC_BYTES_PER_PART,
) -> Iterator[Partition | Skipped]:
    """Partitions of the inputs in walk order, streamed; what is not an article file as a `Skipped`."""
    batch: list[str] = []
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            p = Path(item.path)
            if not item.is_error and item.reason.startswith("unsupported file type") and is_row_file(p):
                yield from _row_partitions(p, jsonl_bytes, parquet_rows)
            elif not item.is_error and is_warc(p):
                yield from (Partition("warc", (str(p),), start=a, end=b) for a, b in warc_ranges(p, warc_bytes))
            else:
                yield item
            continue
        batch.append(str(item))
        if len(batch) >= files_per_part:
            yield Partition("files", tuple(batch))
            batch = []
    if batch:
        yield Partition("files", tuple(batch))


def _row_partitions(path: Path, jsonl_bytes: int, parquet_rows: int) -> Iterator[Partition | Skipped]:
    try:
        if path.suffix.lower() == ".parquet":
            for groups in parquet_slices(path, parquet_rows):
                yield Partition("parquet", (str(path),), row_groups=groups)
        else:
            for start, end in jsonl_ranges(path, jsonl_bytes):
                yield Partition("jsonl", (str(path),), start=start, end=end)
    except Exception as exc:  # noqa: BLE001 - a broken file is reported, the rest goes on
        yield Skipped(str(path), f"cannot read: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", True)


def _read(part: Partition, today: date, warnings: list[str]) -> Iterator[Article | Skipped]:
    if part.kind == "files":
        for p in part.paths:
            yield read_or_skip(Path(p), today=today, warnings=warnings)
    elif part.kind == "warc":
        yield from iter_warc(part.paths[0], part.start, part.end, today=today, warnings=warnings)
    elif part.kind == "jsonl":
        yield from iter_jsonl(part.paths[0], part.start, part.end, today=today, warnings=warnings)
    else:
        yield from iter_parquet(part.paths[0], part.row_groups, today=today, warnings=warnings)


def part_key(article_ids: Iterable[str], extractor_version: str = EXTRACTOR_VERSION) -> str:
    """The name of a part: a hash of its (sorted) article ids and the extractor version."""
    h = hashlib.sha256(extractor_version.encode())
    for aid in sorted(article_ids):
        h.update(b"\n" + aid.encode())
    return h.hexdigest()[:20]


def _month_dir(dataset: Path, folder: str, month: str) -> Path:
    return dataset / folder / f"published_month={month}"


def _stored(dataset: Path, month: str, key: str) -> bool:
    """True when part ``key`` of ``month`` is already in the dataset, as a file or folded into another."""
    articles = _month_dir(dataset, "articles", month)
    if (articles / f"part-{key}.parquet").exists():
        return True
    folded = articles / FOLDED_LIST
    try:
        with open(folded, encoding="utf-8") as fh:
            return any(line.strip() == key for line in fh)
    except FileNotFoundError:
        return False


def _write_part(dataset: Path, month: str, key: str, tables: dict[str, Any]) -> None:
    """Write a part's files, each under a temporary name renamed into place; the articles file last."""
    import pyarrow.parquet as pq

    order = [f for f in DATASET_SCHEMAS if f != "articles"] + ["articles"]
    for folder in order:
        table = tables[folder]
        if folder != "articles" and table.num_rows == 0:
            continue
        where = _month_dir(dataset, folder, month) if folder in MONTH_FOLDERS else dataset / folder
        where.mkdir(parents=True, exist_ok=True)
        final = where / f"part-{key}.parquet"
        tmp = where / f".part-{key}.parquet.{os.getpid()}.tmp"
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, final)


def run_partition(part: Partition, dataset: str, today: date | None = None) -> PartReport:
    """Read, extract and store one partition (runs on a Dask worker). Raises only for I/O on the dataset."""
    root = Path(dataset)
    today = today or date.today()
    report = PartReport()
    articles: dict[str, Article] = {}
    for item in _read(part, today, report.warnings):
        if isinstance(item, Skipped):
            (report.failed if item.is_error else report.skipped).append(item)
            continue
        if item.fmt == "warc" and not passes(item.text):
            report.prefiltered += 1
            continue
        report.read += 1
        if item.article_id in articles:  # the same text twice in one partition
            report.unchanged += 1
            continue
        articles[item.article_id] = item
    by_month: dict[str, list[Article]] = {}
    for a in articles.values():
        by_month.setdefault(month_of(a.published), []).append(a)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for month, group in sorted(by_month.items()):
        key = part_key(a.article_id for a in group)
        if _stored(root, month, key):
            report.unchanged += len(group)
            continue
        items: list[tuple[Article, Extraction]] = []
        for a in group:
            out = extract_one(a)
            if isinstance(out, Skipped):
                report.failed.append(out)
            else:
                items.append(out)
        tables = build_tables(items, EXTRACTOR_VERSION, now)
        _write_part(root, month, key, tables)
        report.new += len(items)
        report.metrics += tables["metrics"].num_rows
        report.events += tables["events"].num_rows
        report.parts += 1
    return report


def ingest_dask(
    paths: Iterable[os.PathLike[str] | str],
    dataset: Path,
    *,
    warehouse: Warehouse | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    client: Any = None,
    files_per_part: int = FILES_PER_PART,
    jsonl_bytes: int = JSONL_BYTES_PER_PART,
    parquet_rows: int = PARQUET_ROWS_PER_PART,
    warc_bytes: int = WARC_BYTES_PER_PART,
    retries: int = 2,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Extract every article under ``paths`` on a Dask cluster into the Parquet ``dataset``.

    ``client`` (a ``dask.distributed.Client``) wins over ``scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``); with neither, a `LocalCluster` of ``workers`` single-threaded processes runs
    for the duration of the call. Workers must see ``paths`` and ``dataset`` at the same paths as this
    process (a shared file system). When ``warehouse`` is given, it is pointed at the dataset at the end.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    dataset = Path(dataset).resolve()
    dataset.mkdir(parents=True, exist_ok=True)
    report = IngestReport()
    started = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    with contextlib.ExitStack() as stack:
        if warehouse is not None:
            stack.enter_context(ingest_lock(warehouse.path, wait_s=warehouse.lock_wait_s))
            warehouse.attach_parquet(dataset)  # before any work: refuses a file the local engine filled
        if client is None:
            if scheduler:
                client = stack.enter_context(Client(scheduler))
            else:
                cluster = stack.enter_context(
                    LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=40,
                    )
                )
                client = stack.enter_context(Client(cluster))
        threads = sum(client.nthreads().values()) or 1
        window = 2 * threads
        plan = plan_partitions(
            paths, files_per_part=files_per_part, jsonl_bytes=jsonl_bytes, parquet_rows=parquet_rows, warc_bytes=warc_bytes
        )
        running = as_completed()
        parts: dict[str, Partition] = {}

        def submit_more() -> None:
            while running.count() < window:
                nxt = next(plan, None)
                if nxt is None:
                    return
                if isinstance(nxt, Skipped):
                    (report.failed if nxt.is_error else report.skipped).append(nxt)
                    if progress:
                        progress(1)
                    continue
                fut = client.submit(run_partition, nxt, str(dataset), key=f"startup-health-{nxt.key}", retries=retries)
                parts[fut.key] = nxt
                running.add(fut)

        submit_more()
        for fut in running:
            part = parts.pop(fut.key)
            try:
                res: PartReport = fut.result()
            except Exception as exc:  # noqa: BLE001 - retries exhausted: report the partition, go on
                reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                report.failed.append(Skipped(part.label, f"partition failed: {type(exc).__name__}: {reason}", True))
            else:
                _merge(report, res)
                if progress:
                    progress(res.items)
            fut.release()
            submit_more()
    if warehouse is not None:
        warehouse.attach_parquet(dataset)
        _group_run(warehouse, started, report)
        warehouse.refresh_facts()  # every company's kept facts and scores, from the dataset as it is now
    return report


def _group_run(warehouse: Warehouse, started: datetime, report: IngestReport) -> None:
    """Find the copies among the articles this run stored (``ingested_at`` since it started)."""
    from startup_health.grouping import group_articles

    rows = warehouse.query(
        "SELECT article_id FROM articles WHERE ingested_at >= CAST($t AS TIMESTAMP) ORDER BY article_id", {"t": started}
    ).rows
    if rows:
        with ingest_lock(warehouse.path, wait_s=warehouse.lock_wait_s):
            report.copies = group_articles(warehouse, [r[0] for r in rows]).copies


def _merge(report: IngestReport, res: PartReport) -> None:
    report.read += res.read + res.prefiltered
    report.prefiltered += res.prefiltered
    report.new += res.new
    report.unchanged += res.unchanged
    report.metrics += res.metrics
    report.events += res.events
    report.skipped += res.skipped
    report.failed += res.failed
    report.warnings += res.warnings
