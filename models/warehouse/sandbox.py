"""SQL typed by a user (the dashboard's SQL page): one SELECT, read-only, no file or network access, a time
limit and a row cap. ``Warehouse.run_untrusted`` opens the connection (``connect(untrusted=True)``, whose
settings come from here) and hands it to ``run_untrusted``.
"""

from __future__ import annotations

import threading
from typing import Any

import duckdb

from models.warehouse.errors import QueryRefused, QueryResult, first_line

__all__ = ["UNTRUSTED_CONFIG", "check_select", "restrict_to", "run_untrusted"]

_STATEMENTS_ALLOWED = frozenset({"SELECT"})

#: the settings of an untrusted connection to an ordinary warehouse file: no file or network access, and the
#: configuration locked so a statement cannot reopen it
UNTRUSTED_CONFIG: dict[str, Any] = {"enable_external_access": False, "lock_configuration": True}


def check_select(sql: str) -> str:
    """The single SELECT statement in ``sql``, or QueryRefused saying why not.

    Uses DuckDB's own parser, so comments and strings cannot hide a second statement.
    """
    if not sql or not sql.strip():
        raise QueryRefused("the query is empty")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused(f"SQL could not be parsed: {first_line(exc)}") from None
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, please (found {len(statements)})")
    st = statements[0]
    kind = st.type.name
    if kind not in _STATEMENTS_ALLOWED:
        raise QueryRefused(f"only SELECT queries are allowed here, not {kind}")
    if getattr(st, "named_parameters", None):
        raise QueryRefused("query parameters ($name or ?) are not supported here")
    return st.query.strip().rstrip(";").strip()


def restrict_to(con: duckdb.DuckDBPyConnection, directories: list[str]) -> None:
    """Close every door but reading ``directories`` (DuckDB takes this list only once the database is open)."""
    con.execute("SET allowed_directories = $dirs", {"dirs": directories})
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def run_untrusted(
    con: duckdb.DuckDBPyConnection, statement: str, *, max_rows: int, timeout_s: float
) -> QueryResult:
    """Run one SELECT typed by a user (``check_select``'s answer) on an untrusted connection: time-limited,
    row-capped."""
    wrapped = f"SELECT * FROM (\n{statement}\n) AS user_query LIMIT {int(max_rows) + 1}"
    timer = threading.Timer(timeout_s, con.interrupt)
    timer.start()
    try:
        cur = con.execute(wrapped)
        rows = cur.fetchall()
        cols = [d[0] for d in cur.description or []]
    except duckdb.Error as exc:
        if not timer.is_alive() or "INTERRUPT" in str(exc).upper():
            raise QueryRefused(f"query stopped: it ran longer than the {timeout_s:g} s limit") from None
        raise QueryRefused(first_line(exc)) from None
    finally:
        timer.cancel()
    return QueryResult(cols, rows[:max_rows], truncated=len(rows) > max_rows)
