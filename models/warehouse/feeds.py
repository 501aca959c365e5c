"""The feeds `follow` polls, and their state: the ``feeds`` table (README "Following the news")."""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields
from datetime import datetime

import duckdb

from models.warehouse.errors import QueryRefused, first_line

__all__ = ["FEEDS_DDL", "FeedState", "feed_state", "save_feed"]

FEEDS_DDL = """CREATE TABLE IF NOT EXISTS feeds (
        url VARCHAR PRIMARY KEY,
        title VARCHAR,
        etag VARCHAR,
        last_modified VARCHAR,
        last_entry VARCHAR,
        entries_seen INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        added_at TIMESTAMP NOT NULL,
        last_polled TIMESTAMP,
        last_ok TIMESTAMP,
        errors INTEGER NOT NULL,
        last_error VARCHAR)"""


@dataclass(slots=True)
class FeedState:
    """One row of ``feeds``."""

    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    last_entry: str | None  # the newest entry's link at the last successful read
    entries_seen: int  # entries the feed listed at the last successful read
    articles: int  # articles stored from its entries, in all
    added_at: datetime
    last_polled: datetime | None
    last_ok: datetime | None
    errors: int  # failed polls in a row (0 after a good one)
    last_error: str | None


_COLUMNS = ", ".join(f.name for f in fields(FeedState))


def feed_state(con: duckdb.DuckDBPyConnection, url: str) -> FeedState | None:
    """The stored state of the feed at ``url``, or None for a feed never polled."""
    try:
        row = con.execute(f"SELECT {_COLUMNS} FROM feeds WHERE url = ?", [url]).fetchone()
    except duckdb.Error as exc:
        raise QueryRefused(first_line(exc)) from None
    return FeedState(*row) if row else None


def save_feed(con: duckdb.DuckDBPyConnection, state: FeedState) -> None:
    """Insert or replace one feed's row (one statement: atomic)."""
    marks = ", ".join("?" for _ in fields(FeedState))
    con.execute(f"INSERT OR REPLACE INTO feeds ({_COLUMNS}) VALUES ({marks})", list(astuple(state)))
