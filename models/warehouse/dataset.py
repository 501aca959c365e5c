"""The Parquet dataset, the Dask engine's system of record: its layout, the rows of one part, the views a
warehouse file reads it through, and compaction.

::

    <dataset>/articles/published_month=YYYY-MM/part-<key>.parquet    (published_month=unknown when undated)
    <dataset>/metrics/published_month=YYYY-MM/part-<key>.parquet     rows of metric_rows
    <dataset>/events/published_month=YYYY-MM/part-<key>.parquet      rows of event_rows
    <dataset>/companies/part-<key>.parquet                           (company_id, name, first_seen) candidates
    <dataset>/company_aliases/part-<key>.parquet                     (alias, company_id) candidates

A part holds whole articles; the same <key> names its files in every folder, and its articles file is
written last, so it marks the part complete. `compact_dataset` folds a month's parts into one file per
folder and lists the keys it folded in <dataset>/articles/published_month=M/_folded.txt.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from models.records import Article, Extraction
from models.warehouse.errors import WarehouseError
from models.warehouse.rows import (
    ALIAS_SCHEMA,
    ARTICLE_SCHEMA,
    COMPANY_SCHEMA,
    EVENT_SCHEMA,
    METRIC_SCHEMA,
    append_article,
    append_event,
    append_metric,
    columns,
    resolver,
)
from models.warehouse.reconcile import mark_pending
from models.warehouse.schema import DERIVED_TABLES, SCHEMA_VERSION, TABLE_DDL, VIEW_DDL, check_version

__all__ = [
    "DATASET_SCHEMAS",
    "MONTH_FOLDERS",
    "UNKNOWN_MONTH",
    "FOLDED_LIST",
    "CompactReport",
    "attach_parquet",
    "build_tables",
    "compact_dataset",
    "month_of",
]

#: warehouse table -> (dataset folder, Arrow schema, partitioned by month, SELECT over the files or None)
_PARQUET_TABLES: dict[str, tuple[str, pa.Schema, bool, str | None]] = {
    "articles": ("articles", ARTICLE_SCHEMA, True, None),
    "metric_rows": ("metrics", METRIC_SCHEMA, True, None),
    "event_rows": ("events", EVENT_SCHEMA, True, None),
    # one row per company: the fullest name seen (ties: the first in sort order), its first appearance
    "companies": (
        "companies",
        COMPANY_SCHEMA,
        False,
        "SELECT company_id, first(name ORDER BY length(name) DESC, name) AS name, min(first_seen) AS first_seen "
        "FROM {src} GROUP BY company_id",
    ),
    "company_aliases": ("company_aliases", ALIAS_SCHEMA, False, "SELECT alias, min(company_id) AS company_id FROM {src} GROUP BY alias"),
}
#: dataset folder -> Arrow schema of its files
DATASET_SCHEMAS: dict[str, pa.Schema] = {folder: schema for folder, schema, _, _ in _PARQUET_TABLES.values()}
#: folders partitioned by published month
MONTH_FOLDERS: tuple[str, ...] = tuple(f for f, _, partitioned, _ in _PARQUET_TABLES.values() if partitioned)
#: the hive partition of articles with no publication date
UNKNOWN_MONTH = "unknown"
FOLDED_LIST = "_folded.txt"

_DUCK_TYPES = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.float64(): "DOUBLE",
    pa.date32(): "DATE",
    pa.timestamp("us"): "TIMESTAMP",
}


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _parquet_view(root: Path, folder: str, schema: pa.Schema, partitioned: bool, select: str | None) -> str:
    """The SELECT a view runs: the dataset's files, or no rows of the right types while there are none."""
    pattern = root / folder / ("*/*.parquet" if partitioned else "*.parquet")
    cols = ", ".join(f'"{c}"' for c in schema.names)
    if any(root.glob(f"{folder}/{'*/' if partitioned else ''}*.parquet")):
        src = f"read_parquet({_sql_text(str(pattern))}, hive_partitioning = {str(partitioned).lower()})"
    else:
        typed = ", ".join(f'NULL::{_DUCK_TYPES[f.type]} AS "{f.name}"' for f in schema)
        src = f"(SELECT {typed} WHERE false)"
    if select:
        return select.format(src=src)
    return f"SELECT {cols} FROM {src}"


def attach_parquet(con: duckdb.DuckDBPyConnection, path: Path, root: Path) -> None:
    """Make the warehouse at ``path`` (open on the writable ``con``) read the dataset ``root`` in place.

    ``articles``, ``metric_rows``, ``event_rows``, ``companies`` and ``company_aliases`` become views over
    ``read_parquet`` of the dataset, so ``metrics``, ``events`` and every query work unchanged. Every
    company's kept facts and scores are then due (``Warehouse.refresh_facts``). Refuses a file that holds
    articles stored by the local engine. One transaction.
    """
    version = check_version(con, path)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(TABLE_DDL["schema_info"])
        kinds = dict(
            con.execute(
                "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        )
        for name in _PARQUET_TABLES:
            if kinds.get(name) == "BASE TABLE":
                rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
                if rows and rows[0]:
                    raise WarehouseError(
                        f"{path}: holds articles stored by the local engine; give the Parquet "
                        f"dataset a warehouse file of its own (--db NEW.duckdb)"
                    )
        for name in _PARQUET_TABLES:
            if kinds.get(name) == "BASE TABLE":
                con.execute(f'DROP TABLE "{name}"')
        for name, (folder, schema, partitioned, select) in _PARQUET_TABLES.items():
            view = _parquet_view(root, folder, schema, partitioned, select)
            con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {view}')
        con.execute(TABLE_DDL["article_groups"])  # small, written after each run: kept in the DuckDB file
        con.execute(TABLE_DDL["feeds"])
        for name in DERIVED_TABLES:
            con.execute(TABLE_DDL[name])
        for stmt in VIEW_DDL.values():
            con.execute(stmt)
        mark_pending(con, [r[0] for r in con.execute("SELECT company_id FROM companies").fetchall()])
        if version is None or version < SCHEMA_VERSION:  # the tables and views above are this version's
            con.execute("INSERT OR REPLACE INTO schema_info VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        con.execute("INSERT OR REPLACE INTO schema_info VALUES ('dataset', ?)", [str(root)])
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise


def month_of(published: Any) -> str:
    """The hive partition value of an article: ``YYYY-MM`` of its publication date, or ``unknown``."""
    return published.strftime("%Y-%m") if published else UNKNOWN_MONTH


def build_tables(
    items: Sequence[tuple[Article, Extraction]], extractor_version: str, now: datetime
) -> dict[str, pa.Table]:
    """Rows of whole articles as Arrow tables, one per dataset folder: the Parquet engine's `write_batch`.

    Columns and values are those `write_batch` stores. Company names are resolved within each article
    (as `write_batch` does for a company it has not met before), so a part does not depend on any other.
    """
    art, met, evt = columns(ARTICLE_SCHEMA), columns(METRIC_SCHEMA), columns(EVENT_SCHEMA)
    comp, alias = columns(COMPANY_SCHEMA), columns(ALIAS_SCHEMA)
    for article, extraction in items:
        names: dict[str, str] = {}
        new_aliases: dict[str, str] = {}
        resolve = resolver(extraction, {}, names, new_aliases)
        append_article(art, article, extractor_version, now)
        for no, m in enumerate(extraction.metrics):
            append_metric(met, article.article_id, no, resolve(m.company), m, extractor_version)
        for no, e in enumerate(extraction.events):
            append_event(evt, article.article_id, no, resolve(e.company), e, extractor_version)
        for cid, name in names.items():
            comp["company_id"].append(cid)
            comp["name"].append(name)
            comp["first_seen"].append(now)
        for a, cid in new_aliases.items():
            alias["alias"].append(a)
            alias["company_id"].append(cid)
    return {
        "articles": pa.table(art, schema=ARTICLE_SCHEMA),
        "metrics": pa.table(met, schema=METRIC_SCHEMA),
        "events": pa.table(evt, schema=EVENT_SCHEMA),
        "companies": pa.table(comp, schema=COMPANY_SCHEMA),
        "company_aliases": pa.table(alias, schema=ALIAS_SCHEMA),
    }


@dataclass
class CompactReport:
    months: int = 0  # month partitions folded
    parts: int = 0  # part files folded (articles folder)
    articles: int = 0  # articles kept in the folded months
    duplicates: int = 0  # article rows dropped: the same article stored by more than one part


#: per article of a month's parts, the part (file stem) of its newest run and how many copies there are
_CHOOSE_COPIES_SQL = (
    "CREATE OR REPLACE TEMP TABLE chosen AS SELECT article_id, "
    "first(parse_filename(filename, true) ORDER BY ingested_at DESC, filename DESC) AS stem, "
    "count(*) AS copies FROM read_parquet($files, filename = true) GROUP BY article_id"
)
#: folder without month partitions -> (key column, how its rows fold into one per key)
_NAME_FOLDERS = (
    ("companies", "company_id", "first(name ORDER BY length(name) DESC, name) AS name, min(first_seen) AS first_seen"),
    ("company_aliases", "alias", "min(company_id) AS company_id"),
)


def compact_dataset(dataset: Path | str) -> CompactReport:
    """Fold each month's parts into one file per folder, keeping each article once (its newest run).

    Safe to run while nobody writes the dataset; a run stopped half-way leaves duplicates (never gaps),
    which the next run removes.
    """
    root = Path(dataset)
    report = CompactReport()
    con = duckdb.connect()
    try:
        for month_dir in sorted(p for p in (root / "articles").glob("published_month=*") if p.is_dir()):
            _compact_month(con, root, month_dir, report)
        for folder, key, cols in _NAME_FOLDERS:
            _compact_names(con, root, folder, key, cols)
    finally:
        con.close()
    return report


def _compact_month(con: duckdb.DuckDBPyConnection, root: Path, month_dir: Path, report: CompactReport) -> None:
    """Fold one month's parts, every folder's files first under temporary names, then renamed into place."""
    month = month_dir.name
    stems = sorted(p.stem for p in month_dir.glob("*.parquet"))
    if len(stems) <= 1:
        return
    new_stem = "compacted-" + hashlib.sha256("\n".join(stems).encode()).hexdigest()[:16]
    con.execute(_CHOOSE_COPIES_SQL, {"files": [str(month_dir / f"{s}.parquet") for s in stems]})
    kept, copies = con.execute("SELECT count(*), coalesce(sum(copies), 0) FROM chosen").fetchone() or (0, 0)
    written: list[tuple[Path, Path]] = []
    for folder in MONTH_FOLDERS:
        files = [root / folder / month / f"{s}.parquet" for s in stems]
        files = [f for f in files if f.exists()]
        if not files:
            continue
        order = "t.article_id, t.row_no" if folder != "articles" else "t.article_id"
        cols = ", ".join(f't."{c}"' for c in DATASET_SCHEMAS[folder].names)
        tmp = root / folder / month / f".{new_stem}.parquet.tmp"
        con.execute(
            f"COPY (SELECT {cols} FROM read_parquet($files, filename = true) t "
            f"JOIN chosen c ON t.article_id = c.article_id AND parse_filename(t.filename, true) = c.stem "
            f"ORDER BY {order}) TO {_sql_text(str(tmp))} (FORMAT parquet)",
            {"files": [str(f) for f in files]},
        )
        written.append((tmp, root / folder / month / f"{new_stem}.parquet"))
    folded = [s for s in stems if s.startswith("part-")]
    with open(month_dir / FOLDED_LIST, "a", encoding="utf-8") as fh:
        fh.writelines(s.removeprefix("part-") + "\n" for s in folded)
        fh.flush()
        os.fsync(fh.fileno())
    for tmp, final in written:
        os.replace(tmp, final)
    for folder in MONTH_FOLDERS:
        for s in stems:
            if s != new_stem:
                (root / folder / month / f"{s}.parquet").unlink(missing_ok=True)
    report.months += 1
    report.parts += len(stems)
    report.articles += int(kept)
    report.duplicates += int(copies) - int(kept)


def _compact_names(con: duckdb.DuckDBPyConnection, root: Path, folder: str, key: str, cols: str) -> None:
    """Fold a folder of company names or aliases into one file, one row per key."""
    files = sorted((root / folder).glob("*.parquet"))
    if len(files) <= 1:
        return
    stem = "compacted-" + hashlib.sha256("\n".join(f.stem for f in files).encode()).hexdigest()[:16]
    tmp = root / folder / f".{stem}.parquet.tmp"
    con.execute(
        f"COPY (SELECT {key}, {cols} FROM read_parquet($files) GROUP BY {key} ORDER BY {key}) "
        f"TO {_sql_text(str(tmp))} (FORMAT parquet)",
        {"files": [str(f) for f in files]},
    )
    os.replace(tmp, root / folder / f"{stem}.parquet")
    for f in files:
        if f.stem != stem:
            f.unlink(missing_ok=True)
