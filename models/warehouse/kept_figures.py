"""The rows the side-by-side figures are chosen from, kept at ingest (``figure_rows``).

For each company, what ``DashboardData.summary`` hands ``dashboard.summary.summarise``: of each metric, the
rows as recent as its most recent (among which ``summarise`` picks the figure shown), each with the number of
independent stories agreeing with it (``n_agree``) and its quote; the rows whose period overlaps theirs (which
may disagree); the rows of the same articles (the other end of a range). They depend on the company's own rows
only, so they are recomputed with its facts (``upkeep.refresh``): a question then reads a few thousand kept
rows instead of joining, ranking and comparing every row of the company (tens of thousands for the best
covered), which cost more than anything else the figures do. A company whose rows changed since (during an
ingest) is answered by the same SQL over its rows now (``read_figure_rows``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from models.figures import AGREE_TOLERANCE, UNDATED_WINDOW
from models.warehouse.reconcile import kept_current

__all__ = ["FIGURE_ROWS_SQL", "store_figure_rows", "read_figure_rows"]

_CHOSEN = "company_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))"

#: The rows ``summarise`` needs, of the companies $ids (see the module's docstring), by company_id. The
#: periods are those of ``dashboard.summary._periods``: an undated figure describes the ``UNDATED_WINDOW``
#: before its article; two values agree within ``AGREE_TOLERANCE``.
FIGURE_ROWS_SQL = f"""
WITH r AS (
    SELECT m.company_id, m.metric, m.value, m.unit, m.qualifier, m.as_of, m.as_of_start, m.as_of_end,
           a.published, m.article_id, m.row_no, coalesce(g.story_id, m.article_id) AS story_id, m.quote,
           coalesce(m.as_of_start, a.published) AS w,
           coalesce(m.as_of_start, CAST(a.published - to_days({UNDATED_WINDOW.days}) AS DATE)) AS p_start,
           coalesce(m.as_of_end, a.published) AS p_end
    FROM metric_rows m
    JOIN articles a USING (article_id)
    LEFT JOIN article_groups g USING (article_id)
    WHERE m.{_CHOSEN}
),
top_w AS (SELECT company_id, metric, max(w) AS w FROM r GROUP BY ALL),
top AS (
    SELECT r.company_id, r.metric, t.w, max(r.published) AS pub
    FROM r JOIN top_w t ON r.company_id = t.company_id AND r.metric = t.metric AND r.w IS NOT DISTINCT FROM t.w
    GROUP BY ALL
),
c AS (
    SELECT r.company_id, r.metric, r.unit, r.value, r.article_id, r.row_no, r.p_start, r.p_end
    FROM r JOIN top t ON r.company_id = t.company_id AND r.metric = t.metric
                     AND r.w IS NOT DISTINCT FROM t.w AND r.published IS NOT DISTINCT FROM t.pub
),
span AS (
    SELECT company_id, metric, min(p_start) AS s, max(p_end) AS e, bool_or(p_start IS NULL OR p_end IS NULL) AS open
    FROM c GROUP BY ALL
),
agree AS (
    SELECT c.article_id, c.row_no, count(DISTINCT r.story_id) AS n_agree
    FROM c JOIN r ON r.company_id = c.company_id AND r.metric = c.metric AND r.unit = c.unit
                 AND abs(r.value - c.value) <= CAST({AGREE_TOLERANCE} AS DOUBLE) * greatest(abs(r.value), abs(c.value))
    GROUP BY ALL
)
SELECT r.company_id, r.metric, r.value, r.unit, r.qualifier, r.as_of, r.as_of_start, r.as_of_end, r.published,
       r.article_id, r.row_no, r.story_id, CASE WHEN agree.n_agree IS NOT NULL THEN r.quote END AS quote,
       agree.n_agree
FROM r
JOIN span USING (company_id, metric)
LEFT JOIN agree ON agree.article_id = r.article_id AND agree.row_no = r.row_no
WHERE agree.n_agree IS NOT NULL
   OR span.open OR r.p_start IS NULL OR r.p_end IS NULL
   OR (r.p_start <= span.e AND r.p_end >= span.s)
   OR EXISTS (SELECT 1 FROM c WHERE c.company_id = r.company_id AND c.metric = r.metric
                                AND c.article_id = r.article_id)"""

#: The companies named $names exactly (``companies.name``, as the ``metrics`` view names them).
_NAMED_SQL = "SELECT company_id FROM companies WHERE name IN (SELECT unnest(CAST($names AS VARCHAR[])))"
#: The kept rows of the companies $ids.
_KEPT_SQL = f"SELECT * FROM figure_rows WHERE {_CHOSEN}"
#: Rows (``{rows}``: kept or computed now) with the company's name in front, as ``summarise`` reads them.
_NAMED_ROWS_SQL = "SELECT c.name AS company, f.* EXCLUDE (company_id) FROM ({rows}) f JOIN companies c USING (company_id)"


def store_figure_rows(con: duckdb.DuckDBPyConnection, company_ids: Sequence[str]) -> None:
    """Recompute and keep these companies' figure rows (inside the caller's transaction)."""
    params = {"ids": sorted(set(company_ids))}
    con.execute(f"DELETE FROM figure_rows WHERE {_CHOSEN}", params)
    con.execute(f"INSERT INTO figure_rows BY NAME {FIGURE_ROWS_SQL}", params)


def read_figure_rows(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> Any:
    """The figure rows of the companies named (a pandas DataFrame, ``company`` first): kept, or computed now
    when some of them changed since they were kept (or the file keeps none: an older schema)."""
    ids = [r[0] for r in con.execute(_NAMED_SQL, {"names": list(names)}).fetchall()]
    params = {"ids": ids}
    if kept_current(con, ids):
        try:
            return con.execute(_NAMED_ROWS_SQL.format(rows=_KEPT_SQL), params).df()
        except duckdb.CatalogException:  # a file of an older schema, opened read-only: nothing kept yet
            pass  # (no Python name in this module is "figure_rows", which DuckDB would try to read instead)
    return con.execute(_NAMED_ROWS_SQL.format(rows=FIGURE_ROWS_SQL), params).df()
