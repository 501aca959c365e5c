"""The DuckDB warehouse: the one module family that imports ``duckdb``. ``Warehouse`` is the public entry;
each role has its own module (see ``models/warehouse/core.py`` for the map).

The names below are imported when first used, so a process that needs one module (the SQL sandbox's
worker) does not load them all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: public name -> the module that defines it
_EXPORTS = {
    "SCHEMA_VERSION": "schema",
    "WarehouseError": "errors",
    "WarehouseBusy": "errors",
    "WarehouseMissing": "errors",
    "SchemaMismatch": "errors",
    "QueryRefused": "errors",
    "SqlSyntaxError": "errors",
    "SqlNotAllowed": "errors",
    "SqlLimitHit": "errors",
    "SqlFailed": "errors",
    "QueryResult": "errors",
    "BatchResult": "errors",
    "Limits": "sandbox.limits",
    "Warehouse": "core",
    "ingest_lock": "connection",
    "iter_chunks": "writes",
    "DATASET_SCHEMAS": "dataset",
    "MONTH_FOLDERS": "dataset",
    "UNKNOWN_MONTH": "dataset",
    "FOLDED_LIST": "dataset",
    "CompactReport": "dataset",
    "build_tables": "dataset",
    "compact_dataset": "dataset",
    "month_of": "dataset",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'models.warehouse' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"models.warehouse.{module}"), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from models.warehouse.connection import ingest_lock
    from models.warehouse.core import Warehouse
    from models.warehouse.dataset import (
        DATASET_SCHEMAS,
        FOLDED_LIST,
        MONTH_FOLDERS,
        UNKNOWN_MONTH,
        CompactReport,
        build_tables,
        compact_dataset,
        month_of,
    )
    from models.warehouse.errors import (
        BatchResult,
        QueryRefused,
        QueryResult,
        SchemaMismatch,
        SqlFailed,
        SqlLimitHit,
        SqlNotAllowed,
        SqlSyntaxError,
        WarehouseBusy,
        WarehouseError,
        WarehouseMissing,
    )
    from models.warehouse.sandbox.limits import Limits
    from models.warehouse.schema import SCHEMA_VERSION
    from models.warehouse.writes import iter_chunks
