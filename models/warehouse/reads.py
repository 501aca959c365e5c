"""Reads the CLI and the dashboard ask for (trusted SQL: the project's own, or the CLI user's). Each function
works on a read-only connection that ``Warehouse`` opens and closes around it; errors become QueryRefused.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from models.companies import company_key
from models.warehouse.errors import QueryRefused, first_line

__all__ = [
    "execute",
    "resolve_names",
    "company_figures",
    "table_columns",
    "companies_in",
    "latest_published",
    "known_articles",
    "to_arrow",
]

Params = Sequence[Any] | dict[str, Any] | None

#: every name a company may be asked by: its aliases (matched without case), display names and keys
_NAMES_SQL = (
    "SELECT alias, company_id FROM company_aliases WHERE lower(alias) IN (SELECT lower(unnest($n))) "
    "UNION ALL SELECT name, company_id FROM companies "
    "UNION ALL SELECT company_id, company_id FROM companies"
)

#: for each company in $ids and metric: the latest figure, the articles within 2 % of it, and how many rows
#: give another value for the same date (ranges' ends left out)
_COMPANY_FIGURES_SQL = """
    WITH m AS (
        SELECT company_id, metric, value, unit, qualifier, as_of, article_id, published, quote,
               coalesce(g.story_id, article_id) AS story_id,
               row_number() OVER (PARTITION BY company_id, metric
                   ORDER BY coalesce(as_of_start, published) DESC NULLS LAST, published DESC NULLS LAST,
                            confidence DESC, value DESC) AS rank
        FROM metric_rows JOIN articles USING (article_id) LEFT JOIN article_groups g USING (article_id)
        WHERE company_id IN (SELECT unnest($ids))
    ), latest AS (SELECT * FROM m WHERE rank = 1)
    SELECT l.company_id, l.metric, l.value, l.unit, l.qualifier, l.as_of, l.quote,
           count(DISTINCT o.story_id) FILTER (
               WHERE o.unit = l.unit AND abs(o.value - l.value) <= 0.02 * abs(l.value)) AS sources,
           count(DISTINCT o.article_id) FILTER (
               WHERE o.unit = l.unit AND abs(o.value - l.value) <= 0.02 * abs(l.value)) AS articles,
           count(*) FILTER (
               WHERE o.unit = l.unit AND o.as_of IS NOT DISTINCT FROM l.as_of
                 AND abs(o.value - l.value) > 0.02 * abs(l.value)
                 AND o.qualifier NOT IN ('range_low', 'range_high')) AS disagreeing
    FROM latest l JOIN m o USING (company_id, metric)
    GROUP BY ALL
    """

_TABLE_COLUMNS_SQL = (
    "SELECT table_name, column_name, data_type FROM information_schema.columns "
    "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
)

_COMPANIES_IN_SQL = (
    "SELECT company_id FROM metric_rows WHERE article_id IN (SELECT unnest(CAST($a AS VARCHAR[]))) "
    "UNION SELECT company_id FROM event_rows WHERE article_id IN (SELECT unnest(CAST($a AS VARCHAR[]))) "
    "ORDER BY 1"
)

_LATEST_PUBLISHED_SQL = (
    "SELECT max(published) FROM articles WHERE CAST($d AS DATE) IS NULL OR published <= CAST($d AS DATE)"
)


def execute(con: duckdb.DuckDBPyConnection, sql: str, params: Params = None) -> duckdb.DuckDBPyConnection:
    """Run SQL on ``con``; a DuckDB error becomes QueryRefused with its first line."""
    try:
        return con.execute(sql, params) if params is not None else con.execute(sql)
    except duckdb.Error as exc:
        raise QueryRefused(first_line(exc)) from None


def resolve_names(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> dict[str, str]:
    """name as typed -> company_id, for the names the warehouse knows (by alias or by key)."""
    if not names:
        return {}
    rows = execute(con, _NAMES_SQL, {"n": list(names)}).fetchall()
    by_lower = {a.lower(): cid for a, cid in rows}
    out = {}
    for n in names:
        cid = by_lower.get(n.lower()) or by_lower.get(company_key(n))
        if cid:
            out[n] = cid
    return out


def company_figures(con: duckdb.DuckDBPyConnection, company_ids: Sequence[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """company_id -> metric -> its latest figure, the number of sources backing that value (independent
    stories within 2 % of it; ``articles`` counts their copies too), and whether another value was reported
    for the same period."""
    rows = execute(con, _COMPANY_FIGURES_SQL, {"ids": sorted(set(company_ids))}).fetchall()
    by_id: dict[str, dict[str, dict[str, Any]]] = {}
    for cid, metric, value, unit, qual, as_of, quote, sources, articles, disagreeing in rows:
        by_id.setdefault(cid, {})[metric] = {
            "value": value,
            "unit": unit,
            "qualifier": qual,
            "as_of": as_of,
            "quote": quote,
            "sources": sources,
            "articles": articles,
            "conflicting": disagreeing > 0,
        }
    return by_id


def table_columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[str, str]]]:
    """table or view name -> [(column, type)]."""
    out: dict[str, list[tuple[str, str]]] = {}
    for t, c, ty in execute(con, _TABLE_COLUMNS_SQL).fetchall():
        out.setdefault(t, []).append((c, ty))
    return out


def companies_in(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[str]:
    """The company_ids that the given articles report a figure or a leadership change about."""
    return [r[0] for r in execute(con, _COMPANIES_IN_SQL, {"a": list(article_ids)}).fetchall()]


def latest_published(con: duckdb.DuckDBPyConnection, as_of: date | None) -> date | None:
    """The newest publication date in the warehouse (not after ``as_of``)."""
    row = execute(con, _LATEST_PUBLISHED_SQL, {"d": as_of}).fetchone()
    return row[0] if row else None


def known_articles(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """article_id -> (path, extractor_version) of every stored article."""
    rows = con.execute("SELECT article_id, path, extractor_version FROM articles").fetchall()
    return {a: (p, v) for a, p, v in rows}


def to_arrow(con: duckdb.DuckDBPyConnection, sql: str) -> pa.Table:
    """A query's whole result as an Arrow table."""
    try:
        return con.cursor().sql(sql).to_arrow_table()  # a cursor: no pending result in the way
    except duckdb.Error as exc:
        raise QueryRefused(first_line(exc)) from None
