"""SQL typed by a user (the dashboard's SQL page, ``startup-health query``): one module family decides what
it may touch and runs it within limits.

- ``rules.py`` decides from DuckDB's own parse, before anything runs, what a statement may read: the
  warehouse's documented tables and views (``READABLE``) and a few table functions; nothing else;
- ``limits.py`` holds the limits (time, rows, answer size, cell size, memory, threads, queries at once)
  and cuts answers to size;
- ``worker.py`` is the process that runs a query on a locked-down, read-only connection;
- ``pool.py`` keeps those processes, and kills one that overruns its time limit.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from models.warehouse.connection import prepare_file
from models.warehouse.errors import QueryResult
from models.warehouse.sandbox.limits import Answer, Limits
from models.warehouse.sandbox.pool import pool_for, shutdown
from models.warehouse.sandbox.rules import ALLOWED_TABLE_FUNCTIONS, check_select
from models.warehouse.schema import TABLE_DDL, VIEW_DDL

__all__ = ["Limits", "READABLE", "ALLOWED_TABLE_FUNCTIONS", "check_select", "run_untrusted", "shutdown"]

#: what a query may read: the documented tables and views, but not ``schema_info`` (it names folders)
READABLE = frozenset(TABLE_DDL) - {"schema_info"} | frozenset(VIEW_DDL)


def run_untrusted(path: Path, sql: str, limits: Limits, lock_wait_s: float, **overrides: Any) -> QueryResult:
    """Check ``sql`` and run it in a sandbox worker against the warehouse at ``path``.

    Raises SqlSyntaxError, SqlNotAllowed, SqlLimitHit, SqlFailed (all QueryRefused), or a WarehouseError
    about the file itself. ``overrides`` replace single limits (``max_rows=50``)."""
    limits = replace(limits, **overrides) if overrides else limits
    statement = check_select(sql, READABLE, limits.max_sql_chars)
    prepare_file(path, read_only=True)
    answer: Answer = pool_for(limits).run(path, statement, limits, lock_wait_s)
    return QueryResult(
        answer.columns, answer.rows, truncated=answer.cut_by is not None, cut_by=answer.cut_by,
        shortened=answer.shortened,
    )
