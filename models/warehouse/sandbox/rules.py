"""What SQL typed by a user may touch, decided from DuckDB's own parse before anything runs.

``check_select`` accepts exactly one SELECT (or DESCRIBE, SUMMARIZE, SHOW TABLES) and walks the tree
``json_serialize_sql`` gives for it:

- tables and views: only the warehouse's documented ones (``READABLE``) and the query's own CTEs. A name
  DuckDB would read as a file (``FROM 'x.csv'``), a system view (``duckdb_databases``, ``pg_settings``...),
  a qualified name outside ``main`` (``information_schema.tables``) are refused;
- table functions: only ``ALLOWED_TABLE_FUNCTIONS`` (``range``, ``generate_series``, ``unnest``...); every
  other (``read_csv``, ``glob``, ``duckdb_settings``, ``pragma_version``, ``query``...) is refused by name;
- scalar functions that reveal the machine or touch the outside (``getenv``, ``current_setting``,
  ``sleep_ms``...) are refused by name;
- query parameters are refused; CTE names must be plain and may not shadow a system view.

Messages name the function or table and never a path. A statement DuckDB cannot parse is a syntax error.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from functools import cache
from typing import Any

import duckdb

from models.warehouse.errors import SqlNotAllowed, SqlSyntaxError, first_line

__all__ = ["ALLOWED_TABLE_FUNCTIONS", "DENIED_FUNCTIONS", "DENIED_PREFIXES", "check_select"]

#: table functions a query may call: they make rows from their arguments and touch nothing else
ALLOWED_TABLE_FUNCTIONS = frozenset({"range", "generate_series", "unnest", "json_each", "json_tree"})
#: scalar functions refused by name: the machine's settings and environment, sleeping, the log
DENIED_FUNCTIONS = frozenset(
    {"getenv", "current_setting", "getvariable", "write_log", "sleep_ms", "pg_sleep", "pg_postmaster_start_time"}
)
#: ... and by prefix: DuckDB's catalogue, pragmas, file readers (table functions are refused anyway)
DENIED_PREFIXES = ("duckdb_", "pragma_", "read_", "parquet_", "json_execute", "sniff_", "glob")

_STATEMENTS = frozenset({"SELECT"})
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
_LOCAL = threading.local()


def _parser() -> duckdb.DuckDBPyConnection:
    """An in-memory connection of this thread, used only to parse (it holds no data)."""
    con = getattr(_LOCAL, "con", None)
    if con is None:
        con = _LOCAL.con = duckdb.connect(":memory:")
    return con


@cache
def system_relations() -> frozenset[str]:
    """Names of DuckDB's own views and tables that a query may name without a schema (``duckdb_databases``,
    ``pg_settings``, ``sqlite_master``...)."""
    con = duckdb.connect(":memory:")
    try:
        rows = con.execute(
            "SELECT lower(view_name) FROM duckdb_views() WHERE database_name = 'system' "
            "AND schema_name IN ('main', 'pg_catalog') "
            "UNION SELECT lower(table_name) FROM duckdb_tables() WHERE database_name = 'system' "
            "AND schema_name IN ('main', 'pg_catalog')"
        ).fetchall()
    finally:
        con.close()
    return frozenset(r[0] for r in rows)


def _syntax_error(message: str) -> SqlSyntaxError | SqlNotAllowed:
    text = first_line(Exception(message)).removeprefix("Parser Error: ")
    if "expression depth" in text:
        return SqlNotAllowed("Query refused: the query is nested deeper than DuckDB's limit of 1,000 levels")
    text = text.removeprefix("syntax error ").removeprefix("syntax error")
    return SqlSyntaxError(f"Syntax error {text}".rstrip() if text.startswith("at ") else f"Syntax error: {text}")


def _first_keyword(sql: str) -> str:
    """The statement's first keyword as written (``INSTALL``, ``COPY``...), comments skipped."""
    for start, kind in duckdb.tokenize(sql):
        if kind.name == "keyword" or kind.name == "identifier":
            word = re.match(r"\w+", sql[start:])
            return word.group(0).upper() if word else "?"
    return "?"


def check_select(sql: str, readable: Iterable[str], max_chars: int = 100_000) -> str:
    """The single SELECT in ``sql``, checked against the rules above; raises SqlSyntaxError or SqlNotAllowed."""
    if not sql or not sql.strip():
        raise SqlNotAllowed("Query refused: the query is empty")
    if len(sql) > max_chars:
        raise SqlNotAllowed(f"Query refused: the query is longer than the {max_chars:,}-character limit")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise _syntax_error(str(exc)) from None
    if len(statements) != 1:
        raise SqlNotAllowed(f"Query refused: one statement at a time, please (found {len(statements)})")
    st = statements[0]
    if st.type.name not in _STATEMENTS:
        raise SqlNotAllowed(f"Query refused: only SELECT queries are allowed here, not {_first_keyword(st.query)}")
    if getattr(st, "named_parameters", None):
        raise SqlNotAllowed("Query refused: query parameters ($name or ?) are not supported here")
    statement = st.query.strip().rstrip(";").strip()
    tree = _parse(statement)
    _Walk(frozenset(n.lower() for n in readable)).run(tree)
    return statement


def _parse(statement: str) -> dict[str, Any]:
    raw = _parser().execute("SELECT json_serialize_sql($q)", {"q": statement}).fetchone()
    try:
        tree = json.loads(raw[0] if raw else "{}")
    except RecursionError:
        raise SqlNotAllowed("Query refused: the query is nested too deeply to check") from None
    if tree.get("error"):
        if tree.get("error_type") == "parser":
            raise _syntax_error(tree.get("error_message", ""))
        raise SqlNotAllowed(f"Query refused: {first_line(Exception(tree.get('error_message', 'not a SELECT')))}")
    return tree


class _Walk:
    """One pass over a parse tree, with the CTE names in scope at each node."""

    def __init__(self, readable: frozenset[str]) -> None:
        self.readable = readable

    def run(self, tree: dict[str, Any]) -> None:
        stack: list[tuple[Any, frozenset[str]]] = [(tree, frozenset())]
        while stack:
            node, scope = stack.pop()
            if isinstance(node, list):
                stack.extend((v, scope) for v in node)
            elif isinstance(node, dict):
                stack.extend(self._visit(node, scope))

    def _visit(self, node: dict[str, Any], scope: frozenset[str]) -> list[tuple[Any, frozenset[str]]]:
        """Check one node; its children to visit next, each with its scope."""
        kind, cls = node.get("type"), node.get("class")
        if kind == "RECURSIVE_CTE_NODE":  # its right side reads the CTE being defined
            scope = scope | {str(node.get("cte_name", "")).lower()}
        if isinstance(node.get("cte_map"), dict):
            scope, children = self._ctes(node["cte_map"].get("map") or [], scope)
            rest = [v for k, v in node.items() if k != "cte_map" and isinstance(v, (dict, list))]
            return children + [(v, scope) for v in rest]
        if kind == "BASE_TABLE":
            self._table(node, scope)
        elif kind == "TABLE_FUNCTION":
            fn = node.get("function") or {}
            self._table_function(fn)
            return [(fn.get("arguments"), scope), (node.get("subquery"), scope)]
        elif kind == "SHOW_REF" and node.get("query") is None:
            if str(node.get("table_name", "")).strip('"').lower() != "tables":
                raise SqlNotAllowed("Query refused: of the SHOW statements only SHOW TABLES is allowed here")
        elif cls == "FUNCTION":
            self._function(node)
        elif cls == "PARAMETER":
            raise SqlNotAllowed("Query refused: query parameters ($name or ?) are not supported here")
        return [(v, scope) for v in node.values() if isinstance(v, (dict, list))]

    def _ctes(self, entries: list[Any], scope: frozenset[str]) -> tuple[frozenset[str], list[tuple[Any, frozenset[str]]]]:
        """A WITH clause: each CTE's body sees the CTEs before it; the query after it sees them all."""
        children = []
        for entry in entries:
            name = str(entry.get("key", ""))
            if not _PLAIN_NAME.fullmatch(name) or name.lower() in system_relations():
                raise SqlNotAllowed(
                    f"Query refused: a CTE needs a plain name that is not one of DuckDB's own views "
                    f"({_shown(name)} is not)"
                )
            children.append((entry.get("value"), scope))
            scope = scope | {name.lower()}
        return scope, children

    def _table(self, node: dict[str, Any], scope: frozenset[str]) -> None:
        name = str(node.get("table_name", ""))
        schema, catalog = str(node.get("schema_name", "")).lower(), str(node.get("catalog_name", ""))
        if not catalog and schema in ("", "main") and (name.lower() in self.readable or (not schema and name.lower() in scope)):
            return
        readable = ", ".join(sorted(self.readable))
        if not _PLAIN_NAME.fullmatch(name):
            raise SqlNotAllowed(f"Query refused: reading files is not allowed here; the tables and views are {readable}")
        where = ".".join(p for p in (catalog, schema, name) if p)
        raise SqlNotAllowed(
            f"Query refused: {_shown(where)} is not one of the warehouse's tables or views ({readable})"
        )

    def _table_function(self, fn: dict[str, Any]) -> None:
        name = str(fn.get("function_name", "")).lower()
        qualified = fn.get("schema") or fn.get("catalog")
        if name in ALLOWED_TABLE_FUNCTIONS and not qualified:
            return
        allowed = ", ".join(sorted(ALLOWED_TABLE_FUNCTIONS))
        raise SqlNotAllowed(
            f"Query refused: the table function {_shown(name)} is not allowed here (only {allowed} are)"
        )

    def _function(self, fn: dict[str, Any]) -> None:
        name = str(fn.get("function_name", "")).lower()
        schema, catalog = str(fn.get("schema", "")).lower(), str(fn.get("catalog", "")).lower()
        if catalog or schema not in ("", "main"):
            raise SqlNotAllowed(f"Query refused: qualified function names ({_shown(schema or catalog)}.{_shown(name)}) are not allowed here")
        if name in DENIED_FUNCTIONS or name.startswith(DENIED_PREFIXES):
            raise SqlNotAllowed(f"Query refused: the function {_shown(name)} is not allowed here")


def _shown(name: str) -> str:
    """A name as a message may show it: plain names as they are, anything else (a path?) not at all."""
    return name if re.fullmatch(r"[\w.]{1,64}", name) and "/" not in name else "that name"
