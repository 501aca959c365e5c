"""The tables kept up to date at ingest, and the one place that recomputes a company's: ``refresh``.

Every company's reconciled facts (``stored_facts``, ``stored_fact_sources``), health score
(``company_scores``, ``score_signals``, ``score_evidence``), 12-month flows of departures and layoffs
(``company_flows``) and the rows its side-by-side figures are chosen from (``figure_rows``) are computed when
its rows change, not per question. A write notes the companies it touched in ``facts_pending`` in its own
transaction (their rows, old and new, and their names); ``refresh`` recomputes them and clears the note in one
transaction. Between the two (during an ingest, or after one that crashed) the ``facts`` and ``fact_sources``
views and the warehouse's reads reconcile a pending company's rows live, so no answer is ever stale.

To extend a company's kept answers (another table computed from its facts), add its computation to
``refresh``: it sees exactly the companies whose rows changed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

import duckdb

from models.warehouse.kept_figures import store_figure_rows
from models.warehouse.kept_flows import store_flows
from models.warehouse.reconcile import events_on, kept_facts, store_facts
from models.warehouse.scores import store_scores

__all__ = ["refresh", "refresh_pending", "MAX_ROWS_PER_REFRESH"]

#: metric rows recomputed in one transaction at most (one company may exceed it alone)
MAX_ROWS_PER_REFRESH = 50_000


def refresh(con: duckdb.DuckDBPyConnection, company_ids: Sequence[str]) -> None:
    """Recompute these companies' kept facts and scores, and clear their note in ``facts_pending``
    (inside the caller's transaction)."""
    ids = sorted(set(company_ids))
    if not ids:
        return
    store_facts(con, ids)
    store_figure_rows(con, ids)
    params = {"ids": ids}
    names = dict(con.execute(
        "SELECT company_id, name FROM companies WHERE company_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))", params
    ).fetchall())
    facts, events = kept_facts(con, ids), events_on(con, ids, None, ())  # read once, for every answer below
    store_scores(con, names, facts, events)
    store_flows(con, names, facts, events)
    con.execute("DELETE FROM facts_pending WHERE company_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))", {"ids": ids})


def refresh_pending(con: duckdb.DuckDBPyConnection, everything: bool = False) -> int:
    """Refresh every pending company (every company, with ``everything``), a transaction per group of
    companies of at most ``MAX_ROWS_PER_REFRESH`` metric rows; the number of companies refreshed."""
    which = "SELECT company_id FROM companies" if everything else "SELECT DISTINCT company_id FROM facts_pending"
    sizes = con.execute(
        f"SELECT w.company_id, count(m.company_id) FROM ({which}) w "
        "LEFT JOIN metric_rows m USING (company_id) GROUP BY ALL ORDER BY 1"
    ).fetchall()
    for group in _groups(sizes, MAX_ROWS_PER_REFRESH):
        with _transaction(con):
            refresh(con, group)
    return len(sizes)


def _groups(sizes: Sequence[tuple[str, int]], limit: int) -> Iterator[list[str]]:
    """Company ids in groups of at most ``limit`` rows (a bigger company alone).

    >>> list(_groups([("a", 5), ("b", 5), ("c", 20), ("d", 1)], 10))
    [['a', 'b'], ['c'], ['d']]
    """
    group: list[str] = []
    rows = 0
    for cid, n in sizes:
        if group and rows + n > limit:
            yield group
            group, rows = [], 0
        group.append(cid)
        rows += n
    if group:
        yield group


@contextlib.contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
