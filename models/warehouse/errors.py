"""What the warehouse raises and returns: the exception tree and the small result records.

Exceptions::

    WarehouseError
     ├── WarehouseBusy      another process holds the file (or the ingest lock) for longer than we wait
     ├── WarehouseMissing   no warehouse file at that path yet
     ├── SchemaMismatch     the file was written by another schema version and cannot be upgraded
     └── QueryRefused       SQL that is not answered; the message is for the user
          │                 (raised as such for the project's own and the CLI user's trusted SQL)
          ├── SqlSyntaxError   SQL typed by a user that DuckDB cannot parse ("Syntax error ...")
          ├── SqlNotAllowed    ... that breaks the sandbox's rules ("Query refused: ...")
          ├── SqlLimitHit      ... stopped by one of its limits: time, memory, busy ("Query stopped: ...")
          └── SqlFailed        ... that DuckDB could not run (no such column...) ("Query failed: ...")
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "WarehouseError",
    "WarehouseBusy",
    "WarehouseMissing",
    "SchemaMismatch",
    "QueryRefused",
    "SqlSyntaxError",
    "SqlNotAllowed",
    "SqlLimitHit",
    "SqlFailed",
    "QueryResult",
    "BatchResult",
    "first_line",
]


class WarehouseError(Exception):
    """Any problem with the warehouse file, worded for the person running the command."""


class WarehouseBusy(WarehouseError):
    pass


class WarehouseMissing(WarehouseError):
    pass


class SchemaMismatch(WarehouseError):
    pass


class QueryRefused(WarehouseError):
    pass


class SqlSyntaxError(QueryRefused):
    pass


class SqlNotAllowed(QueryRefused):
    pass


class SqlLimitHit(QueryRefused):
    pass


class SqlFailed(QueryRefused):
    pass


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool = False  # more rows existed than the caps allowed
    cut_by: str | None = None  # which cap cut rows off: 'rows' or 'bytes' (SQL typed by a user)
    shortened: int = 0  # cells shortened to the sandbox's cell limit


@dataclass(slots=True)
class BatchResult:
    new: list[str] = field(default_factory=list)  # article ids stored for the first time
    replaced: list[str] = field(default_factory=list)  # ids that replaced an older version of the same path
    metrics: int = 0
    events: int = 0


def first_line(exc: BaseException) -> str:
    """The first line of an error's message (DuckDB's messages go on with hints and context)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
