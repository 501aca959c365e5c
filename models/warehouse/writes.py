"""Writes of the local engine: whole articles in one transaction, and rewriting the big tables in company
order. Each function works on a writable connection that ``Warehouse`` opens and closes around it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from models.records import Article, Extraction
from models.warehouse.errors import BatchResult
from models.warehouse.rows import (
    ARTICLE_SCHEMA,
    EVENT_SCHEMA,
    METRIC_SCHEMA,
    append_article,
    append_event,
    append_metric,
    columns,
    resolver,
)
from models.warehouse.reconcile import mark_pending
from models.warehouse.schema import TABLE_DDL
from models.warehouse.upkeep import refresh

__all__ = ["write_batch", "optimize", "iter_chunks", "CLUSTERED", "CLUSTER_ORDER"]

#: the stored rows of these articles or paths (the older versions a batch replaces)
_OLD_ROWS_SQL = (
    "SELECT article_id, path FROM articles WHERE article_id IN (SELECT unnest($ids)) "
    "OR path IN (SELECT unnest($paths))"
)
#: the companies the rows of the articles $ids are about
_OLD_COMPANIES_SQL = (
    "SELECT company_id FROM metric_rows WHERE article_id IN (SELECT unnest($ids)) "
    "UNION SELECT company_id FROM event_rows WHERE article_id IN (SELECT unnest($ids))"
)
#: the companies a batch names that an earlier article already gave an id
_HAS_GROUPS_SQL = "SELECT 1 FROM information_schema.tables WHERE table_name = 'article_groups'"
_KNOWN_ALIASES_SQL = "SELECT alias, company_id FROM company_aliases WHERE alias IN (SELECT unnest($names))"
#: a batch's companies: new ones added, a known one renamed when the batch names it more fully
_UPSERT_COMPANIES_SQL = """INSERT INTO companies SELECT company_id, name, first_seen FROM new_companies
    ON CONFLICT (company_id) DO UPDATE SET name = CASE
        WHEN length(excluded.name) > length(companies.name) THEN excluded.name
        ELSE companies.name END"""
_INSERT_ALIASES_SQL = "INSERT OR IGNORE INTO company_aliases SELECT alias, company_id FROM new_aliases"


def write_batch(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[Article, Extraction]],
    extractor_version: str,
    now: datetime,
    refresh_facts: bool = True,
) -> BatchResult:
    """Store whole articles with their metrics and events, all in one transaction.

    An article already stored under the same id, or an older text stored at the same path, is replaced:
    its old rows are deleted in the same transaction, so a crash leaves either the old or the new state.
    The companies the batch touched (old rows, new rows, names) are noted in ``facts_pending`` and, with
    ``refresh_facts``, their kept facts and scores recomputed in the same transaction (``upkeep.refresh``);
    without, a later ``upkeep.refresh_pending`` does it (an ingest, once at its end).
    """
    result = BatchResult()
    con.execute("BEGIN TRANSACTION")
    try:
        old_ids, old_paths, touched = _delete_old(con, items)
        aliases = dict(con.execute(_KNOWN_ALIASES_SQL, {"names": _names_in(items)}).fetchall())
        names: dict[str, str] = {}  # company_id -> best display name in this batch
        new_aliases: dict[str, str] = {}
        art, met, evt = columns(ARTICLE_SCHEMA), columns(METRIC_SCHEMA), columns(EVENT_SCHEMA)
        for article, extraction in items:
            resolve = resolver(extraction, aliases, names, new_aliases)
            append_article(art, article, extractor_version, now)
            for no, m in enumerate(extraction.metrics):
                append_metric(met, article.article_id, no, resolve(m.company), m, extractor_version)
            for no, e in enumerate(extraction.events):
                append_event(evt, article.article_id, no, resolve(e.company), e, extractor_version)
            replaced = article.path in old_paths or article.article_id in old_ids
            (result.replaced if replaced else result.new).append(article.article_id)
        _insert(con, "articles", art, ARTICLE_SCHEMA)
        _insert(con, "metric_rows", met, METRIC_SCHEMA)
        _insert(con, "event_rows", evt, EVENT_SCHEMA)
        _store_companies(con, names, new_aliases, now)
        touched |= set(names) | set(met["company_id"]) | set(evt["company_id"])
        mark_pending(con, sorted(touched))
        if refresh_facts:
            refresh(con, sorted(touched))
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    result.metrics = len(met["row_no"])
    result.events = len(evt["row_no"])
    return result


def _delete_old(
    con: duckdb.DuckDBPyConnection, items: Sequence[tuple[Article, Extraction]]
) -> tuple[list[str], set[str], set[str]]:
    """Delete the stored versions of the batch's articles (same id or same path); their ids, their paths and
    the companies their rows were about."""
    ids = [a.article_id for a, _ in items]
    paths = [a.path for a, _ in items]
    old = con.execute(_OLD_ROWS_SQL, {"ids": ids, "paths": paths}).fetchall()
    old_ids = [r[0] for r in old]
    if not old_ids:
        return old_ids, set(), set()
    companies = {r[0] for r in con.execute(_OLD_COMPANIES_SQL, {"ids": old_ids}).fetchall()}
    for table in ("metric_rows", "event_rows", "articles"):
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest($ids))", {"ids": old_ids})
    # an older text at the same path is gone for good; the same text stored again keeps its story
    gone = sorted(set(old_ids) - set(ids))
    if gone and con.execute(_HAS_GROUPS_SQL).fetchone():
        con.execute("DELETE FROM article_groups WHERE article_id IN (SELECT unnest($ids))", {"ids": gone})
    return old_ids, {r[1] for r in old}, companies


def _names_in(items: Sequence[tuple[Article, Extraction]]) -> list[str]:
    """Every company name the batch's extractions use."""
    return sorted(
        {n for _, x in items for c, others in x.companies.items() for n in (c, *others)}
        | {m.company for _, x in items for m in x.metrics}
        | {e.company for _, x in items for e in x.events}
    )


def _store_companies(
    con: duckdb.DuckDBPyConnection, names: dict[str, str], new_aliases: dict[str, str], now: datetime
) -> None:
    if names:
        comp = pa.table({"company_id": list(names), "name": list(names.values()), "first_seen": [now] * len(names)})
        con.register("new_companies", comp)
        con.execute(_UPSERT_COMPANIES_SQL)
        con.unregister("new_companies")
    if new_aliases:
        al = pa.table({"alias": list(new_aliases), "company_id": list(new_aliases.values())})
        con.register("new_aliases", al)
        con.execute(_INSERT_ALIASES_SQL)
        con.unregister("new_aliases")


def _insert(con: duckdb.DuckDBPyConnection, table: str, cols: dict[str, list[Any]], schema: pa.Schema) -> None:
    if not cols[schema.names[0]]:
        return
    tbl = pa.table(cols, schema=schema)
    con.register("batch_rows", tbl)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM batch_rows")
    finally:
        con.unregister("batch_rows")


#: tables that ``optimize`` stores in company order, and that order
CLUSTERED = ("metric_rows", "event_rows")
CLUSTER_ORDER = "company_id, as_of_start, article_id, row_no"


def optimize(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rewrite ``metric_rows`` and ``event_rows`` in company order, in one transaction; table -> rows.

    The loader appends rows in article order, so one company's rows lie all through a table and every
    question about a company reads all of it. Stored in (company_id, as_of_start, article_id, row_no)
    order, a company's rows share a few row groups, which DuckDB skips by their min/max. Each table is
    copied in that order into a new table of the same definition (columns, NOT NULLs, primary key), the
    old one dropped and the copy renamed, all in one transaction: a crash or an error leaves the old
    tables as they were. Tables of a Parquet-backed warehouse (views) are left alone.
    """
    done: dict[str, int] = {}
    kinds = dict(
        con.execute(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
    )
    tables = [t for t in CLUSTERED if kinds.get(t) == "BASE TABLE"]
    if not tables:
        return done
    con.execute("BEGIN TRANSACTION")
    try:
        for table in tables:
            for stmt in _optimize_sql(table):
                con.execute(stmt)
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            done[table] = int(row[0]) if row else 0
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    return done  # ``Warehouse.optimize`` then folds it into the file (a CHECKPOINT here could tear the file)


def _optimize_sql(table: str) -> list[str]:
    """The statements that rewrite one table in ``CLUSTER_ORDER`` (inside ``optimize``'s transaction)."""
    tmp = f"{table}__ordered"
    return [
        f"DROP TABLE IF EXISTS {tmp}",
        TABLE_DDL[table].replace(f"CREATE TABLE IF NOT EXISTS {table} (", f"CREATE TABLE {tmp} (", 1),
        f"INSERT INTO {tmp} SELECT * FROM {table} ORDER BY {CLUSTER_ORDER}",
        f"DROP TABLE {table}",
        f"ALTER TABLE {tmp} RENAME TO {table}",
    ]


def iter_chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Split an iterable into lists of at most ``size`` items."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
