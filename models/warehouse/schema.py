"""The warehouse's schema: its tables and views, its version, and the upgrades from older versions.

A file records its schema version in ``schema_info``; one written by a newer version, or by an older one
that cannot be upgraded, is refused with a message saying so (``check_version``). ``ensure_schema`` creates
the tables and views, or upgrades an older schema, in one transaction.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from models.warehouse.errors import SchemaMismatch
from models.warehouse.feeds import FEEDS_DDL
from models.warehouse.groups import GROUPS_DDL, STORIES_VIEW
from models.warehouse.reconcile import kept_or_live

__all__ = [
    "SCHEMA_VERSION",
    "TABLE_DDL",
    "VIEW_DDL",
    "DDL",
    "MIGRATIONS",
    "check_version",
    "ensure_schema",
    "dataset_dir",
    "DERIVED_TABLES",
]

SCHEMA_VERSION = 7

#: table -> its CREATE TABLE statement (columns documented in the README's schema section)
TABLE_DDL: dict[str, str] = {
    "schema_info": """CREATE TABLE IF NOT EXISTS schema_info (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL)""",
    "articles": """CREATE TABLE IF NOT EXISTS articles (
        article_id VARCHAR PRIMARY KEY,
        path VARCHAR NOT NULL,
        title VARCHAR,
        url VARCHAR,
        published DATE,
        format VARCHAR NOT NULL,
        chars INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        extractor_version VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL)""",
    "companies": """CREATE TABLE IF NOT EXISTS companies (
        company_id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        first_seen TIMESTAMP NOT NULL)""",
    "company_aliases": """CREATE TABLE IF NOT EXISTS company_aliases (
        alias VARCHAR PRIMARY KEY,
        company_id VARCHAR NOT NULL)""",
    "metric_rows": """CREATE TABLE IF NOT EXISTS metric_rows (
        article_id VARCHAR NOT NULL,
        row_no INTEGER NOT NULL,
        company_id VARCHAR NOT NULL,
        metric VARCHAR NOT NULL,
        value DOUBLE NOT NULL,
        unit VARCHAR NOT NULL,
        qualifier VARCHAR NOT NULL,
        as_of VARCHAR,
        as_of_start DATE,
        as_of_end DATE,
        as_of_precision VARCHAR,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        surface VARCHAR NOT NULL,
        quote VARCHAR NOT NULL,
        quote_start INTEGER NOT NULL,
        confidence DOUBLE NOT NULL,
        extractor_version VARCHAR NOT NULL,
        PRIMARY KEY (article_id, row_no))""",
    "event_rows": """CREATE TABLE IF NOT EXISTS event_rows (
        article_id VARCHAR NOT NULL,
        row_no INTEGER NOT NULL,
        company_id VARCHAR NOT NULL,
        person VARCHAR,
        role VARCHAR,
        kind VARCHAR NOT NULL,
        as_of VARCHAR,
        as_of_start DATE,
        as_of_end DATE,
        as_of_precision VARCHAR,
        char_start INTEGER NOT NULL,
        char_end INTEGER NOT NULL,
        quote VARCHAR NOT NULL,
        quote_start INTEGER NOT NULL,
        confidence DOUBLE NOT NULL,
        extractor_version VARCHAR NOT NULL,
        PRIMARY KEY (article_id, row_no))""",
    "article_groups": GROUPS_DDL,
    "feeds": FEEDS_DDL,
    # -- kept up to date at ingest (``upkeep.py``): the reconciled facts and health scores of every company --
    "stored_fact_sources": """CREATE TABLE IF NOT EXISTS stored_fact_sources (
        fact_id VARCHAR NOT NULL,
        company VARCHAR NOT NULL,
        company_id VARCHAR NOT NULL,
        metric VARCHAR NOT NULL,
        fact_basis VARCHAR,
        period VARCHAR,
        period_start DATE,
        period_end DATE,
        value DOUBLE NOT NULL,
        unit VARCHAR NOT NULL,
        qualifier VARCHAR NOT NULL,
        basis VARCHAR,
        as_of VARCHAR,
        published DATE,
        article_id VARCHAR NOT NULL,
        row_no INTEGER NOT NULL,
        article_path VARCHAR NOT NULL,
        quote VARCHAR NOT NULL,
        surface VARCHAR NOT NULL,
        confidence DOUBLE NOT NULL,
        story_id VARCHAR NOT NULL)""",
    "stored_facts": """CREATE TABLE IF NOT EXISTS stored_facts (
        fact_id VARCHAR NOT NULL,
        company VARCHAR NOT NULL,
        company_id VARCHAR NOT NULL,
        metric VARCHAR NOT NULL,
        basis VARCHAR,
        period VARCHAR,
        period_start DATE,
        period_end DATE,
        value DOUBLE NOT NULL,
        unit VARCHAR NOT NULL,
        qualifier VARCHAR NOT NULL,
        low DOUBLE NOT NULL,
        high DOUBLE NOT NULL,
        n_sources BIGINT NOT NULL,
        n_articles BIGINT NOT NULL,
        n_rows BIGINT NOT NULL,
        first_published DATE,
        last_published DATE,
        confidence DOUBLE NOT NULL,
        conflict BOOLEAN NOT NULL,
        preferred BOOLEAN NOT NULL,
        conflicting_values VARCHAR,
        conflicting_facts VARCHAR,
        article_id VARCHAR NOT NULL,
        row_no INTEGER NOT NULL,
        quote VARCHAR NOT NULL)""",
    "company_scores": """CREATE TABLE IF NOT EXISTS company_scores (
        company_id VARCHAR NOT NULL,
        company VARCHAR NOT NULL,
        score DOUBLE,
        confidence DOUBLE NOT NULL,
        known_signals INTEGER NOT NULL,
        reference_date DATE)""",
    "score_signals": """CREATE TABLE IF NOT EXISTS score_signals (
        company_id VARCHAR NOT NULL,
        signal_no INTEGER NOT NULL,
        signal VARCHAR NOT NULL,
        weight DOUBLE NOT NULL,
        subscore DOUBLE,
        contribution DOUBLE,
        summary VARCHAR NOT NULL,
        flags VARCHAR NOT NULL,
        inputs VARCHAR NOT NULL,
        n_evidence INTEGER NOT NULL)""",
    "score_evidence": """CREATE TABLE IF NOT EXISTS score_evidence (
        company_id VARCHAR NOT NULL,
        signal VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        what VARCHAR NOT NULL,
        quote VARCHAR,
        article_id VARCHAR NOT NULL,
        row_no INTEGER NOT NULL,
        article_path VARCHAR,
        published DATE,
        fact_id VARCHAR)""",
    "company_flows": """CREATE TABLE IF NOT EXISTS company_flows (
        company_id VARCHAR NOT NULL,
        metric VARCHAR NOT NULL,
        value DOUBLE NOT NULL,
        unit VARCHAR NOT NULL,
        qualifier VARCHAR NOT NULL,
        ref DATE,
        reports INTEGER NOT NULL,
        counted VARCHAR[] NOT NULL)""",
    "facts_pending": """CREATE TABLE IF NOT EXISTS facts_pending (
        company_id VARCHAR NOT NULL)""",
    # the rows the side-by-side figures are chosen from (``kept_figures``)
    "figure_rows": """CREATE TABLE IF NOT EXISTS figure_rows (
        company_id VARCHAR NOT NULL,
        metric VARCHAR NOT NULL,
        value DOUBLE NOT NULL,
        unit VARCHAR NOT NULL,
        qualifier VARCHAR NOT NULL,
        as_of VARCHAR,
        as_of_start DATE,
        as_of_end DATE,
        published DATE,
        article_id VARCHAR NOT NULL,
        row_no INTEGER NOT NULL,
        story_id VARCHAR NOT NULL,
        quote VARCHAR,
        n_agree BIGINT)""",
}
# the reports a kept flow counts, copied from stored_facts and stored_fact_sources: a few thousand rows that
# the side-by-side figures read whole, rather than a few of a million (``kept_flows``)
TABLE_DDL["flow_facts"] = TABLE_DDL["stored_facts"].replace(
    "stored_facts (", "flow_facts (\n        position INTEGER NOT NULL,", 1
)
TABLE_DDL["flow_fact_sources"] = TABLE_DDL["stored_fact_sources"].replace(
    "stored_fact_sources (", "flow_fact_sources (", 1
)
#: view -> its CREATE OR REPLACE VIEW statement; the reconciled facts' views are plain SQL too
VIEW_DDL: dict[str, str] = {
    "article_stories": STORIES_VIEW,
    "metrics": """CREATE OR REPLACE VIEW metrics AS
        SELECT c.name AS company, m.metric, m.value, m.unit, m.qualifier,
               m.as_of, m.as_of_start, m.as_of_end, m.as_of_precision,
               a.path AS article_path, a.url AS article_url, a.title AS article_title, a.published,
               m.quote, m.surface, m.char_start, m.char_end, m.quote_start,
               m.confidence, m.extractor_version, m.article_id, m.company_id, m.row_no,
               coalesce(g.story_id, m.article_id) AS story_id
        FROM metric_rows m
        JOIN articles a USING (article_id)
        JOIN companies c USING (company_id)
        LEFT JOIN article_groups g USING (article_id)""",
    "events": """CREATE OR REPLACE VIEW events AS
        SELECT c.name AS company, e.person, e.role, e.kind,
               e.as_of, e.as_of_start, e.as_of_end, e.as_of_precision,
               a.path AS article_path, a.url AS article_url, a.published,
               e.quote, e.char_start, e.char_end, e.quote_start,
               e.confidence, e.extractor_version, e.article_id, e.company_id, e.row_no,
               coalesce(g.story_id, e.article_id) AS story_id
        FROM event_rows e
        JOIN articles a USING (article_id)
        JOIN companies c USING (company_id)
        LEFT JOIN article_groups g USING (article_id)""",
    "fact_sources": f"CREATE OR REPLACE VIEW fact_sources AS {kept_or_live('fact_sources')}",
    "facts": f"CREATE OR REPLACE VIEW facts AS {kept_or_live('facts')}",
}
#: the tables kept up to date at ingest (a Parquet-backed warehouse keeps them in its DuckDB file too)
DERIVED_TABLES = ("stored_fact_sources", "stored_facts", "company_scores", "score_signals", "score_evidence",
                  "company_flows", "flow_facts", "flow_fact_sources", "facts_pending", "figure_rows")
#: every statement that creates the schema, tables first
DDL: list[str] = [*TABLE_DDL.values(), *VIEW_DDL.values()]

#: every company's kept answers due (an upgrade that changes what is kept)
_ALL_PENDING = (
    "INSERT INTO facts_pending SELECT company_id FROM companies "
    "WHERE company_id NOT IN (SELECT company_id FROM facts_pending)"
)
#: Upgrades from an older schema version: version -> statements that lift it to version + 1. The tables and
#: views are then created as for a new file (``ensure_schema``).
MIGRATIONS: dict[int, list[str]] = {
    1: [GROUPS_DDL],  # version 2: independent stories (the views are recreated by every upgrade)
    2: [FEEDS_DDL],  # version 3: the feeds `follow` polls
    # version 4: facts and scores kept at ingest; every company's are due (the next ingest computes them)
    3: [
        "DROP VIEW IF EXISTS facts",
        "DROP VIEW IF EXISTS fact_sources",
        TABLE_DDL["facts_pending"],
        _ALL_PENDING,
    ],
    # version 5: departures' and layoffs' 12-month flows kept too; every company's kept answers are due
    4: [
        TABLE_DDL["company_flows"],
        _ALL_PENDING,
    ],
    # version 6: the reports the flows count copied beside them
    5: [
        TABLE_DDL["flow_facts"],
        TABLE_DDL["flow_fact_sources"],
        _ALL_PENDING,
    ],
    # version 7: the rows the side-by-side figures are chosen from, kept too
    6: [
        TABLE_DDL["figure_rows"],
        _ALL_PENDING,
    ],
}


def check_version(con: duckdb.DuckDBPyConnection, path: Path) -> int | None:
    """The file's schema version (None for a new, empty file); raises SchemaMismatch for one this program
    cannot read. ``path`` names the file in the messages."""
    try:  # the usual case first: one cheap query (information_schema costs ~10 ms a connection)
        row = con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()
    except duckdb.CatalogException:
        pass  # no schema_info table: the checks below say what the file is
    else:
        version = int(row[0]) if row else 0
        if version == SCHEMA_VERSION:
            return version
    has_info = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_info'"
    ).fetchone()
    if not has_info or has_info[0] == 0:
        has_any = con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
        if has_any and has_any[0]:
            raise SchemaMismatch(f"{path}: this DuckDB file is not a startup-health warehouse (no schema_info table)")
        return None
    row = con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else 0
    if version > SCHEMA_VERSION:
        raise SchemaMismatch(
            f"{path}: written by a newer startup-health (schema version {version}; this one knows "
            f"{SCHEMA_VERSION}). Upgrade startup-health to read it."
        )
    if version < SCHEMA_VERSION and any(v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)):
        raise SchemaMismatch(
            f"{path}: schema version {version} is too old to upgrade; re-ingest the articles into a "
            f"new warehouse file"
        )
    return version


def ensure_schema(con: duckdb.DuckDBPyConnection, path: Path) -> int | None:
    """Create the tables and views, or upgrade an older schema, in one transaction (on a writable ``con``);
    the version the file had before (None for a new file)."""
    version = check_version(con, path)
    con.execute("BEGIN TRANSACTION")
    try:
        if version is not None and version < SCHEMA_VERSION:
            for v in range(version, SCHEMA_VERSION):
                for stmt in MIGRATIONS[v]:
                    con.execute(stmt)
        for stmt in DDL:
            con.execute(stmt)
        con.execute("INSERT OR REPLACE INTO schema_info VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return version


def dataset_dir(con: duckdb.DuckDBPyConnection) -> Path | None:
    """The Parquet dataset a warehouse reads in place (``schema_info``'s ``dataset``), or None for an ordinary
    warehouse file."""
    try:
        row = con.execute("SELECT value FROM schema_info WHERE key = 'dataset'").fetchone()
    except duckdb.Error:  # no schema_info yet: a new, empty file
        return None
    return Path(row[0]) if row else None
