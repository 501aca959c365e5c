"""The process that runs SQL typed by a user, one query at a time: ``python -m models.warehouse.sandbox.worker
FD MEMORY_MB``, started and fed by ``pool.py`` over the socket FD.

Its connection to the warehouse is read-only, with DuckDB's ``memory_limit`` and ``threads``, no spilling to
disk, no file or network access but the warehouse's own Parquet dataset, no extension loading, and the
configuration locked. The process's address space is capped too, so an allocation DuckDB does not count
fails here rather than growing without bound. A query is interrupted at its time limit; one that cannot be
interrupted (a single long function call) is killed by the pool.

Protocol: the pool sends a request dict; the worker answers ``("running",)`` once the warehouse is open
(opening may wait for a writer), then ``("ok", Answer)`` or ``("error", class name, message, retire)``.
``retire`` asks the pool to replace this process (after running out of memory).
"""

from __future__ import annotations

import re
import resource
import sys
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import duckdb

from models.warehouse.connection import open_connection, prepare_file
from models.warehouse.errors import SqlFailed, SqlLimitHit, SqlNotAllowed, SqlSyntaxError, WarehouseError, first_line
from models.warehouse.sandbox.limits import Answer, Limits, bound_answer
from models.warehouse.schema import check_version, dataset_dir

#: settings of a sandbox connection, after the warehouse's own dataset folder is allowed
_LOCKDOWN = (
    "SET temp_directory = ''",
    "SET max_temp_directory_size = '0B'",
    "SET python_enable_replacements = false",
    "SET enable_progress_bar = false",
    "SET autoinstall_known_extensions = false",
    "SET autoload_known_extensions = false",
    "SET allow_community_extensions = false",
    "SET enable_external_access = false",
    "SET lock_configuration = true",
)
#: an absolute path of two parts or more, in an error message
_PATH = re.compile(r"(?<![\w.~])/[^\s'\"/]+(?:/[^\s'\"/]*)+")


def _scrub(message: str) -> str:
    """An error message with every absolute path replaced.

    >>> _scrub('IO Error: Cannot open file "/home/me/x.csv": nope (USD/month)')
    'IO Error: Cannot open file "<path>": nope (USD/month)'
    """
    return _PATH.sub("<path>", message)


def cap_address_space(memory_mb: int) -> None:
    """Let this process map at most 3 x ``memory_mb`` more than it has mapped now (DuckDB's buffers are
    bounded by ``memory_limit``; this catches what DuckDB does not count, and Python's own objects)."""
    with open("/proc/self/status", encoding="ascii") as fh:
        vm_kb = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:"))
    soft = vm_kb * 1024 + 3 * memory_mb * 2**20
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def open_sandboxed(path: Path, limits: Limits, lock_wait_s: float) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse with every door closed; raises WarehouseError."""
    prepare_file(path, read_only=True)
    config = {"memory_limit": f"{limits.memory_mb}MB", "threads": limits.threads}
    con = open_connection(path, read_only=True, config=config, lock_wait_s=lock_wait_s)
    try:
        check_version(con, path)
        found = dataset_dir(con)
        if found:  # a Parquet-backed warehouse: its dataset stays readable, nothing else
            con.execute("SET allowed_directories = $dirs", {"dirs": [str(found).rstrip("/") + "/"]})
        for stmt in _LOCKDOWN:
            con.execute(stmt)
    except BaseException:
        con.close()
        raise
    return con


def run(con: duckdb.DuckDBPyConnection, statement: str, limits: Limits) -> Answer:
    """Run a checked statement on a sandbox connection: interrupted at the time limit, cut to size."""
    wrapped = f"SELECT * FROM (\n{statement}\n) AS user_query LIMIT {int(limits.max_rows) + 1}"
    timer = threading.Timer(limits.timeout_s, con.interrupt)
    timer.start()
    try:
        cur = con.execute(wrapped)
        columns = [d[0] for d in cur.description or []]
        return bound_answer(columns, _rows(cur), limits)
    except duckdb.InterruptException:
        raise SqlLimitHit(limits.describe_time()) from None
    except duckdb.Error as exc:
        if not timer.is_alive():
            raise SqlLimitHit(limits.describe_time()) from None
        raise _error(exc, limits) from None
    finally:
        timer.cancel()


def _rows(cur: duckdb.DuckDBPyConnection) -> Iterator[tuple[Any, ...]]:
    while True:
        batch = cur.fetchmany(256)
        if not batch:
            return
        yield from batch


def _error(exc: duckdb.Error, limits: Limits) -> Exception:
    """A DuckDB error as the user sees it."""
    if isinstance(exc, duckdb.OutOfMemoryException):
        return SqlLimitHit(limits.describe_memory())
    text = _scrub(first_line(exc))
    if isinstance(exc, duckdb.ParserException):
        return SqlSyntaxError(f"Syntax error: {text.removeprefix('Parser Error: ')}")
    if isinstance(exc, duckdb.PermissionException):
        return SqlNotAllowed(f"Query refused: {text}")
    return SqlFailed(f"Query failed: {text}")


def serve(conn: Connection) -> None:
    """Answer requests until the pool closes the socket (or a request asks to retire this process)."""
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if not _answer(conn, request):
            return


def _answer(conn: Connection, request: dict[str, Any]) -> bool:
    """Answer one request; False when this process should end."""
    limits: Limits = request["limits"]
    try:
        con = open_sandboxed(Path(request["path"]), limits, request["lock_wait_s"])
    except WarehouseError as exc:
        conn.send(("error", type(exc).__name__, str(exc), False))
        return True
    conn.send(("running",))
    try:
        conn.send(("ok", run(con, request["statement"], limits)))
        return True
    except MemoryError:
        conn.send(("error", "SqlLimitHit", limits.describe_memory(), True))
        return False
    except WarehouseError as exc:
        retire = isinstance(exc, SqlLimitHit) and "memory" in str(exc)
        conn.send(("error", type(exc).__name__, str(exc), retire))
        return not retire
    finally:
        con.close()


def main(argv: list[str]) -> None:
    fd, memory_mb = int(argv[1]), int(argv[2])
    duckdb.connect(":memory:").close()  # map DuckDB's own memory before the cap is measured
    cap_address_space(memory_mb)
    serve(Connection(fd))


if __name__ == "__main__":
    main(sys.argv)
