"""The DuckDB warehouse: the one module family that imports ``duckdb``. ``Warehouse`` is the public entry;
each role has its own module (see ``models/warehouse/core.py`` for the map).
"""

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
    WarehouseBusy,
    WarehouseError,
    WarehouseMissing,
)
from models.warehouse.sandbox import check_select
from models.warehouse.schema import SCHEMA_VERSION
from models.warehouse.writes import iter_chunks

__all__ = [
    "SCHEMA_VERSION",
    "WarehouseError",
    "WarehouseBusy",
    "WarehouseMissing",
    "SchemaMismatch",
    "QueryRefused",
    "QueryResult",
    "BatchResult",
    "Warehouse",
    "ingest_lock",
    "check_select",
    "iter_chunks",
    "DATASET_SCHEMAS",
    "MONTH_FOLDERS",
    "UNKNOWN_MONTH",
    "FOLDED_LIST",
    "CompactReport",
    "build_tables",
    "compact_dataset",
    "month_of",
]
