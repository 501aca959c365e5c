"""Settings, read once at the entry point and passed down.

Precedence, highest first: command-line options (``--db``), environment variables with the
``STARTUP_HEALTH_`` prefix, a ``.env`` file in the working directory, the defaults below.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

if TYPE_CHECKING:
    from models.warehouse.sandbox.limits import Limits
    from startup_health.fetch import Politeness

__all__ = ["Settings"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STARTUP_HEALTH_", env_file=".env", extra="ignore")

    db: Path = Field(Path("warehouse.duckdb"), description="the DuckDB warehouse file")
    seeds: Path = Field(Path("seeds"), description="folder of articles the main command ingests")
    companies: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["Stability AI", "Inflection AI"],
        description="companies shown side by side by default (comma-separated in the environment)",
    )
    host: str = Field("127.0.0.1", description="address the dashboard listens on")
    port: int = Field(8050, ge=0, le=65535, description="port the dashboard listens on")
    lock_wait_s: float = Field(30.0, ge=0, description="seconds to wait for a warehouse another process holds")
    sql_timeout_s: float = Field(3.0, gt=0, description="time limit of a query typed into the dashboard or `query`")
    sql_max_rows: int = Field(1000, gt=0, description="row cap of a query typed into the dashboard or `query`")
    sql_max_bytes: int = Field(4_000_000, gt=0, description="characters of one such answer, all cells together")
    sql_memory_mb: int = Field(256, ge=16, description="DuckDB memory limit of one such query, in MB")
    sql_workers: int = Field(2, ge=1, description="such queries that run at once, one process each")
    workers: int = Field(1, ge=1, description="processes that extract articles in parallel during ingest")
    batch_size: int = Field(
        2000, ge=1, description="articles written per transaction during ingest (the write lock is held per batch)"
    )

    fetch_user_agent: str | None = Field(
        None, description="User-Agent of fetch and follow (default: startup-health/VERSION naming the project)"
    )
    fetch_delay_s: float = Field(1.0, ge=0, description="seconds between two requests to one host (at least)")
    fetch_timeout_s: float = Field(20.0, gt=0, description="time limit of one request, body included")
    fetch_max_mb: float = Field(5.0, gt=0, description="largest page or feed fetched, in MB")
    fetch_max_redirects: int = Field(5, ge=0, description="redirects followed for one address")

    def politeness(self) -> "Politeness":
        """The fetcher's behaviour from these settings."""
        from startup_health.fetch import DEFAULT_USER_AGENT, Politeness

        return Politeness(
            user_agent=self.fetch_user_agent or DEFAULT_USER_AGENT,
            delay_s=self.fetch_delay_s,
            timeout_s=self.fetch_timeout_s,
            max_bytes=int(self.fetch_max_mb * 1024 * 1024),
            max_redirects=self.fetch_max_redirects,
        )

    def sql_limits(self) -> "Limits":
        """The sandbox limits of SQL typed into the dashboard or `startup-health query`."""
        from models.warehouse.sandbox.limits import Limits

        return Limits(
            timeout_s=self.sql_timeout_s,
            max_rows=self.sql_max_rows,
            max_bytes=self.sql_max_bytes,
            memory_mb=self.sql_memory_mb,
            workers=self.sql_workers,
        )

    @field_validator("companies", mode="before")
    @classmethod
    def _split_companies(cls, v: object) -> object:
        if isinstance(v, str):
            stripped = v.strip()
            if stripped.startswith("["):
                return json.loads(stripped)
            return [c.strip() for c in stripped.split(",") if c.strip()]
        return v
