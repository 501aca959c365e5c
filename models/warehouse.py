"""The one module that owns the DuckDB warehouse: schema, connections, writes, reads, untrusted SQL.

Nothing else in the project imports ``duckdb``.

Concurrency: DuckDB lets one process hold a file for writing and locks out every other process, readers
included. So nobody here holds a connection for long. Readers (the CLI, the dashboard) open a read-only
connection per question and close it; the loader opens its read-write connection once per batch of articles
and closes it at once, so its extraction work never holds the lock. Both sides retry for a bounded time when
the other side holds the file. Two loaders at once are kept apart by an advisory lock file held for a whole
ingest (``ingest_lock``).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from models.companies import company_key
from models.facts import Fact, LeadershipEvent, Source, history
from models.records import Article, Event, Extraction, Metric, Period

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
    "DATASET_SCHEMAS",
    "MONTH_FOLDERS",
    "UNKNOWN_MONTH",
    "FOLDED_LIST",
    "CompactReport",
    "build_tables",
    "compact_dataset",
    "month_of",
]

SCHEMA_VERSION = 1

# Exceptions
# WarehouseError
#  ├── WarehouseBusy      another process holds the file (or the ingest lock) for longer than we wait
#  ├── WarehouseMissing   no warehouse file at that path yet
#  ├── SchemaMismatch     the file was written by another schema version and cannot be upgraded
#  └── QueryRefused       SQL that is not allowed, too slow, or wrong; the message is for the user


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


_DDL = [
    """CREATE TABLE IF NOT EXISTS schema_info (
        key VARCHAR PRIMARY KEY,
        value VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS articles (
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
    """CREATE TABLE IF NOT EXISTS companies (
        company_id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        first_seen TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS company_aliases (
        alias VARCHAR PRIMARY KEY,
        company_id VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS metric_rows (
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
    """CREATE TABLE IF NOT EXISTS event_rows (
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
    """CREATE OR REPLACE VIEW metrics AS
        SELECT c.name AS company, m.metric, m.value, m.unit, m.qualifier,
               m.as_of, m.as_of_start, m.as_of_end, m.as_of_precision,
               a.path AS article_path, a.url AS article_url, a.title AS article_title, a.published,
               m.quote, m.surface, m.char_start, m.char_end, m.quote_start,
               m.confidence, m.extractor_version, m.article_id, m.company_id, m.row_no
        FROM metric_rows m
        JOIN articles a USING (article_id)
        JOIN companies c USING (company_id)""",
    """CREATE OR REPLACE VIEW events AS
        SELECT c.name AS company, e.person, e.role, e.kind,
               e.as_of, e.as_of_start, e.as_of_end, e.as_of_precision,
               a.path AS article_path, a.url AS article_url, a.published,
               e.quote, e.char_start, e.char_end, e.quote_start,
               e.confidence, e.extractor_version, e.article_id, e.company_id, e.row_no
        FROM event_rows e
        JOIN articles a USING (article_id)
        JOIN companies c USING (company_id)""",
]

# -- reconciled facts ------------------------------------------------------------------------------
# The health-signals layer (README "Reconciled facts"). A *fact* is a cluster of metric rows about one
# company, metric and unit, for compatible periods, whose values agree within a small tolerance. The SQL is
# written once with two slots, @KNOWN_BY@ and @WITHOUT@: the views fill them with "everything", and
# ``Warehouse.facts`` with parameters for "what was known on date D" (articles published by D; undated
# articles only when D is NULL) and "without these articles" (what an ingest changed). No macros, so the
# views are plain SQL that any DuckDB client and a Parquet-backed warehouse can run.


def _agree_sql(a: str, qa: str, b: str, qb: str) -> str:
    """SQL: two values are the same figure, within 2 % (5 % when either is approximate)."""
    return (
        f"(abs({a} - {b}) <= (CASE WHEN {qa} = 'approx' OR {qb} = 'approx' THEN 0.05 ELSE 0.02 END)"
        f" * greatest(abs({a}), abs({b})))"
    )


def _bucket_sql(v: str) -> str:
    """SQL: a value's bucket for finding the values it may agree with (``_agree_sql``): sign and log scale.

    Two finite values within 5 % of each other have the same sign, and the ratio of their magnitudes is at
    most 1 / 0.95 < 1.06, so their buckets are equal or neighbours. 0 has its own bucket; values that are not
    finite numbers get NULL (and are compared with everything: see ``matches``).
    """
    return (
        f"(CASE WHEN NOT isfinite({v}) THEN NULL WHEN {v} = 0 THEN 0"
        f" ELSE sign({v}) * (100000 + floor(ln(abs({v})) / ln(1.06))) END)"
    )


def _consistent_sql(a: str, qa: str, b: str, qb: str) -> str:
    """SQL: a bound does not disagree with a value on its side of it ("more than 500" and 600)."""
    return (
        f"(({qa} IN ('at_least', 'range_low') AND {b} >= {a}) OR ({qa} IN ('at_most', 'range_high') AND {b} <= {a})"
        f" OR ({qb} IN ('at_least', 'range_low') AND {a} >= {b}) OR ({qb} IN ('at_most', 'range_high') AND {a} <= {b}))"
    )


#: Words just before a figure that make it a cumulative total ("bringing its total to", "a total of").
_TOTAL_BEFORE = r"\b(total(ling|ing|led|s)?|cumulative(ly)?|altogether|overall|aggregate)\b(\s+\S+){0,4}\s*$"
#: ... or just after it ("in total", "to date", "so far", "since its founding").
_TOTAL_AFTER = (
    r"^[^.;:]{0,30}\b(in total|to date|so far|altogether|in all|all told|cumulatively"
    r"|since (its |it was )?(founding|founded|inception|launch|start))\b"
)
#: "has raised", "had raised about": a cumulative amount unless a round is named next.
_HAS_RAISED = r"\b(has|had|have)\s+(now\s+|so far\s+|previously\s+|already\s+)?raised\s+(\S+\s+){0,2}$"
_ROUND_AFTER = r"^[^.;,]{0,30}\b(round|series [a-z]\b|seed|tranche|extension|in (a|an|its|the|new|fresh)\b)"
_ROUND_BEFORE = r"\b(round|series [a-z]|seed|tranche)\b[^.;]{0,25}$"
_RAISED_BEFORE = r"\b(raises|raised|raising|raise|secures|secured|closes|closed|lands|landed|bags|bagged)\s+(\S+\s+){0,2}$"


def _basis_sql(metric: str, before: str, after: str) -> str:
    """SQL: 'total', 'round' or NULL from the words around the figure; only where the text says so.

    Funding figures can be either; layoffs and departures can only be marked as totals.
    """
    b, a = f"lower({before})", f"lower({after})"
    return f"""(CASE
          WHEN {metric} NOT IN ('funding_raised', 'layoffs', 'departed_talent') THEN NULL
          WHEN regexp_matches({b}, '{_TOTAL_BEFORE}') OR regexp_matches({a}, '{_TOTAL_AFTER}')
            OR ({metric} = 'funding_raised' AND regexp_matches({b}, '{_HAS_RAISED}')
                AND NOT regexp_matches({a}, '{_ROUND_AFTER}'))
            THEN 'total'
          WHEN {metric} = 'funding_raised' AND (regexp_matches({a}, '{_ROUND_AFTER}')
               OR regexp_matches({b}, '{_ROUND_BEFORE}') OR regexp_matches({b}, '{_RAISED_BEFORE}'))
            THEN 'round'
          ELSE NULL END)"""


_FACT_SOURCES_SQL = """
        WITH base AS (
            SELECT m.company_id, c.name AS company, m.metric, m.value, m.unit, m.qualifier,
                   m.as_of, m.as_of_start, m.as_of_end, m.article_id, m.row_no, a.published,
                   a.path AS article_path, m.quote, m.surface, m.confidence,
                   @BASIS@ AS basis,
                   (m.as_of_start IS NOT NULL
                    AND (m.metric = 'revenue' OR m.as_of_precision IN ('day', 'month'))) AS anchor
            FROM metric_rows m JOIN articles a USING (article_id) JOIN companies c USING (company_id)
            WHERE (@KNOWN_BY@ IS NULL OR a.published <= @KNOWN_BY@)
              AND m.article_id NOT IN (SELECT unnest(@WITHOUT@))
              AND @COMPANIES@
        ), ordered AS (
            SELECT *, max(as_of_end) OVER (
                       PARTITION BY company_id, metric, unit ORDER BY as_of_start, as_of_end DESC, article_id, row_no
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
            FROM base WHERE anchor AND metric <> 'revenue'
        ), anchors AS (
            -- day and month figures: overlapping dates are one period (2024-03-22 lies in 2024-03)
            SELECT * EXCLUDE (prev_end), sum(CASE WHEN as_of_start > prev_end THEN 1 ELSE 0 END) OVER (
                       PARTITION BY company_id, metric, unit ORDER BY as_of_start, as_of_end DESC, article_id, row_no
                       ROWS UNBOUNDED PRECEDING) AS grp
            FROM ordered
            UNION ALL BY NAME
            -- revenue is a flow: only the very same period is the same period
            SELECT *, dense_rank() OVER (PARTITION BY company_id, metric, unit ORDER BY as_of_start, as_of_end) AS grp
            FROM base WHERE anchor AND metric = 'revenue'
        ), groups AS (
            SELECT company_id, metric, unit, grp, min(as_of_start) AS g_start, max(as_of_end) AS g_end,
                   arg_max(as_of, as_of_end - as_of_start) AS g_label
            FROM anchors GROUP BY ALL
        ), loose AS (
            SELECT * FROM base WHERE NOT anchor
        ), candidates AS (
            -- the dated periods an undated figure may join: each distinct value reported in each period
            SELECT DISTINCT an.company_id, an.metric, an.unit, coalesce(an.basis = 'total', false) AS is_total,
                   an.value, CASE WHEN an.qualifier = 'approx' THEN 'approx' ELSE '' END AS qualifier,
                   an.grp, g.g_start, g.g_end, @BUCKET(an.value)@ AS bucket
            FROM anchors an JOIN groups g USING (company_id, metric, unit, grp)
        ), probes AS (
            -- each distinct undated value to place (many rows repeat one)
            SELECT DISTINCT company_id, metric, unit, coalesce(basis = 'total', false) AS is_total, value,
                   CASE WHEN qualifier = 'approx' THEN 'approx' ELSE '' END AS qualifier, as_of_start, as_of_end
            FROM loose
        ), matches AS (
            -- two finite values that agree (within 5 % at most) have one sign and logarithms less than
            -- ln(1/0.95) apart, so they lie in the same or neighbouring buckets of width ln(1.06): a probe
            -- looks in three buckets instead of comparing itself with every figure of its metric
            SELECT l.*, an.grp, an.g_start, an.g_end
            FROM (SELECT *, @BUCKET(value)@ + step AS bucket FROM probes, (VALUES (-1), (0), (1)) s(step)
                  WHERE isfinite(value) AND as_of_start IS NOT NULL) l
            JOIN candidates an USING (company_id, metric, unit, is_total, bucket)
            WHERE isfinite(an.value) AND @AGREE_LOOSE@
            UNION ALL BY NAME
            -- an undated probe can join any period: of each value, only its latest period can win
            SELECT l.*, an.grp, NULL AS g_start, an.g_end
            FROM (SELECT *, @BUCKET(value)@ + step AS bucket FROM probes, (VALUES (-1), (0), (1)) s(step)
                  WHERE isfinite(value) AND as_of_start IS NULL) l
            JOIN (SELECT company_id, metric, unit, is_total, value, qualifier, bucket,
                         arg_max(grp, (g_end, -grp)) AS grp, max(g_end) AS g_end
                  FROM candidates WHERE isfinite(value) GROUP BY ALL) an
                 USING (company_id, metric, unit, is_total, bucket)
            WHERE @AGREE_LOOSE@
            UNION ALL BY NAME
            -- a value that is not a finite number is compared with every figure, as the rule above says
            SELECT l.*, an.grp, an.g_start, an.g_end
            FROM probes l JOIN (SELECT * FROM candidates WHERE NOT isfinite(value)) an
                 USING (company_id, metric, unit, is_total)
            WHERE @AGREE_LOOSE@
            UNION ALL BY NAME
            SELECT l.*, an.grp, an.g_start, an.g_end
            FROM (SELECT * FROM probes WHERE NOT isfinite(value)) l JOIN (SELECT * FROM candidates WHERE isfinite(value)) an
                 USING (company_id, metric, unit, is_total)
            WHERE @AGREE_LOOSE@
        ), placements AS (
            -- an undated (or quarter, year, span) figure joins the latest dated period within it that reports
            -- the same value (of two ending on the same day, the one starting first); otherwise it keeps a
            -- period of its own
            SELECT company_id, metric, unit, is_total, value, qualifier, as_of_start, as_of_end,
                   arg_max(grp, (g_end, -grp)) AS grp
            FROM matches
            WHERE as_of_start IS NULL OR (g_start >= as_of_start AND g_end <= as_of_end)
            GROUP BY ALL
        ), attached AS (
            SELECT l.article_id, l.row_no, p.grp
            FROM loose l JOIN placements p
                 ON p.company_id = l.company_id AND p.metric = l.metric AND p.unit = l.unit
                 AND p.is_total = coalesce(l.basis = 'total', false) AND p.value = l.value
                 AND p.qualifier = CASE WHEN l.qualifier = 'approx' THEN 'approx' ELSE '' END
                 AND p.as_of_start IS NOT DISTINCT FROM l.as_of_start AND p.as_of_end IS NOT DISTINCT FROM l.as_of_end
        ), placed AS (
            SELECT an.* EXCLUDE (grp), g.g_start AS period_start, g.g_end AS period_end, g.g_label AS period
            FROM anchors an JOIN groups g USING (company_id, metric, unit, grp)
            UNION ALL BY NAME
            SELECT l.*, coalesce(g.g_start, l.as_of_start) AS period_start,
                   coalesce(g.g_end, l.as_of_end) AS period_end,
                   CASE WHEN g.grp IS NULL THEN l.as_of ELSE g.g_label END AS period
            FROM loose l LEFT JOIN attached t USING (article_id, row_no)
            LEFT JOIN groups g ON g.company_id = l.company_id AND g.metric = l.metric AND g.unit = l.unit
                 AND g.grp = t.grp
        ), lagged AS (
            SELECT *, coalesce(basis = 'total', false) AS is_total,
                   lag(value) OVER w AS prev_value, lag(qualifier) OVER w AS prev_q
            FROM placed
            WINDOW w AS (PARTITION BY company_id, metric, unit, coalesce(basis = 'total', false),
                         period_start, period_end ORDER BY value, article_id, row_no)
        ), clustered AS (
            -- values sorted within a period; a gap wider than the tolerance starts a new figure
            SELECT *, sum(CASE WHEN prev_value IS NULL OR @AGREE_PREV@ THEN 0 ELSE 1 END) OVER (
                       PARTITION BY company_id, metric, unit, is_total, period_start, period_end
                       ORDER BY value, article_id, row_no ROWS UNBOUNDED PRECEDING) AS cluster
            FROM lagged
        ), keyed AS (
            SELECT *, company_id || ':' || metric || ':' || min(article_id || '#' || row_no) OVER f AS fact_id,
                   CASE WHEN is_total THEN 'total' WHEN bool_or(basis = 'round') OVER f THEN 'round' END AS fact_basis
            FROM clustered
            WINDOW f AS (PARTITION BY company_id, metric, unit, is_total, period_start, period_end, cluster)
        )
        SELECT fact_id, company, company_id, metric, fact_basis, period, period_start, period_end,
               value, unit, qualifier, basis, as_of, published, article_id, row_no, article_path, quote, surface,
               confidence
        FROM keyed"""

_FACTS_SQL = """
        WITH s AS (@FACT_SOURCES@
        ), vals AS (
            SELECT fact_id, value, count(DISTINCT article_id) AS n, bool_or(qualifier = 'exact') AS has_exact,
                   mode(qualifier ORDER BY article_id, row_no) AS q, max(confidence) AS conf, max(published) AS pub
            FROM s GROUP BY fact_id, value
        ), best AS (
            -- the best-supported value: most articles, then an exact figure, then confidence, then the newest
            SELECT fact_id, value, CASE WHEN has_exact THEN 'exact' ELSE q END AS qualifier
            FROM (SELECT *, row_number() OVER (PARTITION BY fact_id
                      ORDER BY n DESC, has_exact DESC, conf DESC, pub DESC NULLS LAST, value DESC) AS r FROM vals)
            WHERE r = 1
        ), top AS (
            SELECT s.fact_id, arg_min(s.quote, s.article_id || '#' || s.row_no) AS quote,
                   min(s.article_id || '#' || s.row_no) AS ref
            FROM s JOIN best b ON s.fact_id = b.fact_id AND s.value = b.value
            GROUP BY s.fact_id
        ), f AS (
            SELECT s.fact_id, any_value(company) AS company, any_value(company_id) AS company_id,
                   any_value(metric) AS metric, any_value(fact_basis) AS basis, any_value(period) AS period,
                   any_value(period_start) AS period_start, any_value(period_end) AS period_end,
                   any_value(b.value) AS value, any_value(unit) AS unit, any_value(b.qualifier) AS qualifier,
                   min(s.value) AS low, max(s.value) AS high,
                   count(DISTINCT article_id) AS n_sources, count(*) AS n_rows,
                   min(published) AS first_published, max(published) AS last_published,
                   max(confidence) AS confidence, list(DISTINCT article_id) AS articles,
                   printf('%s %s %s (%d source%s)', CAST(any_value(b.value) AS VARCHAR), any_value(unit),
                          any_value(b.qualifier), count(DISTINCT article_id),
                          CASE WHEN count(DISTINCT article_id) = 1 THEN '' ELSE 's' END) AS label
            FROM s JOIN best b USING (fact_id)
            GROUP BY s.fact_id
        ), pairs AS (
            -- two facts of one period disagree when no article reports both and their values do not fit
            SELECT f.fact_id, g.fact_id AS other_id, g.label AS other_label, g.n_sources AS other_n,
                   (g.n_sources > f.n_sources
                    OR (g.n_sources = f.n_sources AND coalesce(g.last_published, DATE '0001-01-01')
                                                     > coalesce(f.last_published, DATE '0001-01-01'))
                    OR (g.n_sources = f.n_sources AND g.last_published IS NOT DISTINCT FROM f.last_published
                        AND g.fact_id < f.fact_id)) AS beats
            FROM f JOIN f AS g ON f.company_id = g.company_id AND f.metric = g.metric AND f.unit = g.unit
                 AND f.period_start IS NOT DISTINCT FROM g.period_start
                 AND f.period_end IS NOT DISTINCT FROM g.period_end
                 AND coalesce(f.basis = 'total', false) = coalesce(g.basis = 'total', false)
                 AND f.fact_id <> g.fact_id
                 AND NOT list_has_any(f.articles, g.articles)
                 AND NOT @CONSISTENT@
                 -- two funding figures more than twice apart are two raises (a company raises often), not
                 -- a disagreement about one
                 AND NOT (f.metric = 'funding_raised' AND greatest(f.value, g.value) > 2 * least(f.value, g.value))
        ), conflicts AS (
            -- the other facts, most sources first: one sorted list per fact gives both strings
            SELECT fact_id, bool_or(beats) AS beaten,
                   list_sort(list({'n': -other_n, 'id': other_id, 'label': other_label})) AS others
            FROM pairs GROUP BY fact_id
        )
        SELECT f.fact_id, f.company, f.company_id, f.metric, f.basis, f.period, f.period_start, f.period_end,
               f.value, f.unit, f.qualifier, f.low, f.high, f.n_sources, f.n_rows,
               f.first_published, f.last_published, f.confidence,
               c.fact_id IS NOT NULL AS conflict,
               NOT coalesce(c.beaten, false) AS preferred,
               array_to_string(list_transform(c.others, lambda o: o.label), '; ') AS conflicting_values,
               array_to_string(list_transform(c.others, lambda o: o.id), ' ') AS conflicting_facts,
               split_part(t.ref, '#', 1) AS article_id, CAST(split_part(t.ref, '#', 2) AS INTEGER) AS row_no,
               t.quote
        FROM f LEFT JOIN conflicts c USING (fact_id) JOIN top t USING (fact_id)"""


def _facts_sql(which: str, known_by: str, without: str, companies: str = "true") -> str:
    """The SQL of ``fact_sources`` or ``facts`` with its slots filled (``companies``: a condition on
    ``m.company_id``; facts never span companies, so filtering first is exact and much cheaper)."""
    off = "(m.char_start - m.quote_start)"
    basis = _basis_sql(
        "m.metric",
        f"substring(m.quote, greatest({off} - 60, 0) + 1, least(greatest({off}, 0), 60))",
        "substring(m.quote, m.char_end - m.quote_start + 1, 60)",
    )
    src = (
        _FACT_SOURCES_SQL.replace("@BASIS@", basis)
        .replace("@AGREE_LOOSE@", _agree_sql("an.value", "an.qualifier", "l.value", "l.qualifier"))
        .replace("@BUCKET(an.value)@", _bucket_sql("an.value"))
        .replace("@BUCKET(value)@", _bucket_sql("value"))
        .replace("@AGREE_PREV@", _agree_sql("prev_value", "prev_q", "value", "qualifier"))
    )
    if which == "facts_of_table":  # the facts of fact sources already stored in the table named by ``companies``
        return _FACTS_SQL.replace("@FACT_SOURCES@", f"SELECT * FROM {companies}").replace(
            "@CONSISTENT@", _consistent_sql("f.value", "f.qualifier", "g.value", "g.qualifier")
        )
    sql = src if which == "fact_sources" else _FACTS_SQL.replace("@FACT_SOURCES@", src).replace(
        "@CONSISTENT@", _consistent_sql("f.value", "f.qualifier", "g.value", "g.qualifier")
    )
    return sql.replace("@KNOWN_BY@", known_by).replace("@WITHOUT@", without).replace("@COMPANIES@", companies)


_EVERYTHING = ("CAST(NULL AS DATE)", "CAST([] AS VARCHAR[])")
_PARAMS = ("CAST($d AS DATE)", "CAST($w AS VARCHAR[])")


def _known_on(
    company_ids: Sequence[str] | None, as_of: date | None, without: Sequence[str], alias: str
) -> tuple[dict[str, Any], str]:
    """Query parameters ($d, $w, $ids) and the company condition on table ``alias`` for "known on as_of".

    The condition goes in the first step of a query, below every window and aggregate."""
    params: dict[str, Any] = {"d": as_of, "w": list(without)}
    if company_ids is None:
        return params, "true"
    params["ids"] = sorted(set(company_ids))
    return params, f"{alias}.company_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))"


#: where ``Warehouse.facts`` keeps the fact sources of one call (a temporary table of its own connection)
_SOURCES_TABLE = "temp.main.chosen_fact_sources"
_FACTS_DDL = [
    f"CREATE OR REPLACE VIEW fact_sources AS {_facts_sql('fact_sources', *_EVERYTHING)}",
    f"CREATE OR REPLACE VIEW facts AS {_facts_sql('facts', *_EVERYTHING)}",
]
_DDL += _FACTS_DDL

#: Upgrades from an older schema version: version -> statements that lift it to version + 1.
_MIGRATIONS: dict[int, list[str]] = {}

_STATEMENTS_ALLOWED = frozenset({"SELECT"})
_LOCK_WORDS = ("Could not set lock", "Conflicting lock", "database is locked")


def _is_lock_error(exc: BaseException) -> bool:
    return any(w in str(exc) for w in _LOCK_WORDS)


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    truncated: bool = False  # more rows existed than the cap allowed


@dataclass(slots=True)
class BatchResult:
    new: list[str] = field(default_factory=list)  # article ids stored for the first time
    replaced: list[str] = field(default_factory=list)  # ids that replaced an older version of the same path
    metrics: int = 0
    events: int = 0


@contextlib.contextmanager
def ingest_lock(db_path: Path, wait_s: float = 30.0, poll_s: float = 0.2) -> Iterator[None]:
    """Hold the advisory lock that keeps two loaders from writing one warehouse at once.

    Waits up to ``wait_s`` seconds for another loader to finish, then raises WarehouseBusy.
    """
    lock_path = Path(str(db_path) + ".ingest.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "another process"
                    raise WarehouseBusy(
                        f"{db_path}: another ingest (pid {holder}) is writing this warehouse; "
                        f"waited {wait_s:g} s. Try again when it has finished."
                    ) from None
                time.sleep(poll_s)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)  # closing releases the flock


class Warehouse:
    """A warehouse file. Cheap to create: it opens no connection until asked a question."""

    def __init__(self, path: Path | str, *, lock_wait_s: float = 30.0) -> None:
        self.path = Path(path)
        self.lock_wait_s = lock_wait_s

    # -- connections -------------------------------------------------------------------------

    @contextlib.contextmanager
    def connect(self, *, read_only: bool = True, untrusted: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection, retried while another process holds the file.

        ``untrusted`` closes every door SQL typed by a user could open: no file or network access, and the
        configuration locked so a statement cannot reopen them.
        """
        empty = _unfinished_file(self.path)
        if read_only and (empty or not self.path.exists()):
            raise WarehouseMissing(
                f"{self.path}: no warehouse here yet; run `startup-health ingest PATH` to create it"
            )
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if empty:  # holds nothing; DuckDB refuses to open it, so start afresh
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()
        config: dict[str, Any] = {}
        allowed = self._dataset_directories() if untrusted else []
        if untrusted and not allowed:
            config = {"enable_external_access": False, "lock_configuration": True}
        deadline = time.monotonic() + self.lock_wait_s
        delay = 0.01
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=read_only, config=config)
                break
            except duckdb.Error as exc:
                if not _is_lock_error(exc):
                    raise WarehouseError(f"{self.path}: cannot open the warehouse: {_first_line(exc)}") from None
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"{self.path}: another process holds the warehouse; waited {self.lock_wait_s:g} s"
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.25)
        try:
            if allowed:  # a Parquet-backed warehouse: its dataset stays readable, nothing else
                _restrict_to(con, allowed)
            if read_only:
                self._check_version(con)
            yield con
        finally:
            con.close()

    def _check_version(self, con: duckdb.DuckDBPyConnection) -> int | None:
        """The file's schema version; raises SchemaMismatch for one this program cannot read."""
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
                raise SchemaMismatch(
                    f"{self.path}: this DuckDB file is not a startup-health warehouse (no schema_info table)"
                )
            return None
        row = con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise SchemaMismatch(
                f"{self.path}: written by a newer startup-health (schema version {version}; this one knows "
                f"{SCHEMA_VERSION}). Upgrade startup-health to read it."
            )
        if version < SCHEMA_VERSION and any(v not in _MIGRATIONS for v in range(version, SCHEMA_VERSION)):
            raise SchemaMismatch(
                f"{self.path}: schema version {version} is too old to upgrade; re-ingest the articles into a "
                f"new warehouse file"
            )
        return version

    def ensure_schema(self) -> None:
        """Create the tables and views, or upgrade an older schema in one transaction."""
        with self.connect(read_only=False) as con:
            version = self._check_version(con)
            con.execute("BEGIN TRANSACTION")
            try:
                if version is not None and version < SCHEMA_VERSION:
                    for v in range(version, SCHEMA_VERSION):
                        for stmt in _MIGRATIONS[v]:
                            con.execute(stmt)
                for stmt in _DDL:
                    con.execute(stmt)
                con.execute(
                    "INSERT OR REPLACE INTO schema_info VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
                )
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    # -- writes ------------------------------------------------------------------------------

    def known_articles(self) -> dict[str, tuple[str, str]]:
        """article_id -> (path, extractor_version) of every stored article."""
        if not self.path.exists():
            return {}
        with self.connect() as con:
            if self._check_version(con) is None:
                return {}
            rows = con.execute("SELECT article_id, path, extractor_version FROM articles").fetchall()
        return {a: (p, v) for a, p, v in rows}

    def write_batch(
        self, items: Sequence[tuple[Article, Extraction]], extractor_version: str
    ) -> BatchResult:
        """Store whole articles with their metrics and events, all in one transaction.

        An article already stored under the same id, or an older text stored at the same path, is replaced:
        its old rows are deleted in the same transaction, so a crash leaves either the old or the new state.
        """
        result = BatchResult()
        if not items:
            return result
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        ids = [a.article_id for a, _ in items]
        paths = [a.path for a, _ in items]
        with self.connect(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                old = con.execute(
                    "SELECT article_id, path FROM articles WHERE article_id IN (SELECT unnest($ids)) "
                    "OR path IN (SELECT unnest($paths))",
                    {"ids": ids, "paths": paths},
                ).fetchall()
                old_ids = [r[0] for r in old]
                old_paths = {r[1] for r in old}
                if old_ids:
                    for table in ("metric_rows", "event_rows", "articles"):
                        con.execute(
                            f"DELETE FROM {table} WHERE article_id IN (SELECT unnest($ids))", {"ids": old_ids}
                        )
                names_in_batch = sorted(
                    {n for _, x in items for c, others in x.companies.items() for n in (c, *others)}
                    | {m.company for _, x in items for m in x.metrics}
                    | {e.company for _, x in items for e in x.events}
                )
                aliases = dict(
                    con.execute(
                        "SELECT alias, company_id FROM company_aliases WHERE alias IN (SELECT unnest($names))",
                        {"names": names_in_batch},
                    ).fetchall()
                )
                names: dict[str, str] = {}  # company_id -> best display name in this batch
                new_aliases: dict[str, str] = {}
                art_cols: dict[str, list[Any]] = {k: [] for k in _ARTICLE_COLS}
                met_cols: dict[str, list[Any]] = {k: [] for k in _METRIC_COLS}
                evt_cols: dict[str, list[Any]] = {k: [] for k in _EVENT_COLS}
                for article, extraction in items:
                    resolve = _resolver(extraction, aliases, names, new_aliases)
                    _append_article(art_cols, article, extractor_version, now)
                    for no, m in enumerate(extraction.metrics):
                        _append_metric(met_cols, article.article_id, no, resolve(m.company), m, extractor_version)
                    for no, e in enumerate(extraction.events):
                        _append_event(evt_cols, article.article_id, no, resolve(e.company), e, extractor_version)
                    if article.path in old_paths or article.article_id in old_ids:
                        result.replaced.append(article.article_id)
                    else:
                        result.new.append(article.article_id)
                _insert(con, "articles", art_cols, _ARTICLE_SCHEMA)
                _insert(con, "metric_rows", met_cols, _METRIC_SCHEMA)
                _insert(con, "event_rows", evt_cols, _EVENT_SCHEMA)
                if names:
                    comp = pa.table(
                        {
                            "company_id": list(names),
                            "name": list(names.values()),
                            "first_seen": [now] * len(names),
                        }
                    )
                    con.register("new_companies", comp)
                    con.execute(
                        """INSERT INTO companies SELECT company_id, name, first_seen FROM new_companies
                           ON CONFLICT (company_id) DO UPDATE SET name = CASE
                               WHEN length(excluded.name) > length(companies.name) THEN excluded.name
                               ELSE companies.name END"""
                    )
                    con.unregister("new_companies")
                if new_aliases:
                    al = pa.table({"alias": list(new_aliases), "company_id": list(new_aliases.values())})
                    con.register("new_aliases", al)
                    con.execute("INSERT OR IGNORE INTO company_aliases SELECT alias, company_id FROM new_aliases")
                    con.unregister("new_aliases")
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(duckdb.Error):
                    con.execute("ROLLBACK")
                raise
        result.metrics = len(met_cols["row_no"])
        result.events = len(evt_cols["row_no"])
        return result

    # -- reads -------------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> QueryResult:
        """Run trusted SQL (the project's own, or the CLI user's) on a read-only connection."""
        with self.connect() as con:
            try:
                cur = con.execute(sql, params) if params is not None else con.execute(sql)
            except duckdb.Error as exc:
                raise QueryRefused(_first_line(exc)) from None
            if cur.description is None:
                return QueryResult([], [])
            return QueryResult([d[0] for d in cur.description], cur.fetchall())

    def query_df(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """Like ``query`` but returns a pandas DataFrame."""
        with self.connect() as con:
            try:
                cur = con.execute(sql, params) if params is not None else con.execute(sql)
            except duckdb.Error as exc:
                raise QueryRefused(_first_line(exc)) from None
            return cur.df()

    def iter_batches(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None, batch_rows: int = 10_000
    ) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
        """Stream a result in batches of rows (for large CSV downloads), holding the file only meanwhile."""
        with self.connect() as con:
            try:
                cur = con.execute(sql, params) if params is not None else con.execute(sql)
            except duckdb.Error as exc:
                raise QueryRefused(_first_line(exc)) from None
            cols = [d[0] for d in cur.description or []]
            while True:
                rows = cur.fetchmany(batch_rows)
                if not rows:
                    break
                yield cols, rows

    def run_untrusted(self, sql: str, *, max_rows: int = 1000, timeout_s: float = 3.0) -> QueryResult:
        """Run one SELECT typed by a user: read-only, no file or network access, time-limited, row-capped."""
        statement = check_select(sql)
        wrapped = f"SELECT * FROM (\n{statement}\n) AS user_query LIMIT {int(max_rows) + 1}"
        with self.connect(untrusted=True) as con:
            timer = threading.Timer(timeout_s, con.interrupt)
            timer.start()
            try:
                cur = con.execute(wrapped)
                rows = cur.fetchall()
                cols = [d[0] for d in cur.description or []]
            except duckdb.Error as exc:
                if not timer.is_alive() or "INTERRUPT" in str(exc).upper():
                    raise QueryRefused(f"query stopped: it ran longer than the {timeout_s:g} s limit") from None
                raise QueryRefused(_first_line(exc)) from None
            finally:
                timer.cancel()
        return QueryResult(cols, rows[:max_rows], truncated=len(rows) > max_rows)

    def resolve_companies(self, names: Sequence[str]) -> dict[str, str]:
        """name as typed -> company_id, for the names the warehouse knows (by alias or by key)."""
        if not names:
            return {}
        res = self.query(
            "SELECT alias, company_id FROM company_aliases WHERE lower(alias) IN (SELECT lower(unnest($n))) "
            "UNION ALL SELECT name, company_id FROM companies "
            "UNION ALL SELECT company_id, company_id FROM companies",
            {"n": list(names)},
        )
        by_lower = {a.lower(): cid for a, cid in res.rows}
        out = {}
        for n in names:
            cid = by_lower.get(n.lower()) or by_lower.get(company_key(n))
            if cid:
                out[n] = cid
        return out

    def company_figures(self, names: Sequence[str]) -> dict[str, dict[str, dict[str, Any]]]:
        """For each named company found, metric -> its latest figure, the sources backing that value
        (articles within 2% of it), and whether another value was reported for the same period."""
        ids = self.resolve_companies(names)
        if not ids:
            return {}
        res = self.query(
            """
            WITH m AS (
                SELECT company_id, metric, value, unit, qualifier, as_of, article_id, published, quote,
                       row_number() OVER (PARTITION BY company_id, metric
                           ORDER BY coalesce(as_of_start, published) DESC NULLS LAST, published DESC NULLS LAST,
                                    confidence DESC, value DESC) AS rank
                FROM metric_rows JOIN articles USING (article_id)
                WHERE company_id IN (SELECT unnest($ids))
            ), latest AS (SELECT * FROM m WHERE rank = 1)
            SELECT l.company_id, l.metric, l.value, l.unit, l.qualifier, l.as_of, l.quote,
                   count(DISTINCT o.article_id) FILTER (
                       WHERE o.unit = l.unit AND abs(o.value - l.value) <= 0.02 * abs(l.value)) AS sources,
                   count(*) FILTER (
                       WHERE o.unit = l.unit AND o.as_of IS NOT DISTINCT FROM l.as_of
                         AND abs(o.value - l.value) > 0.02 * abs(l.value)
                         AND o.qualifier NOT IN ('range_low', 'range_high')) AS disagreeing
            FROM latest l JOIN m o USING (company_id, metric)
            GROUP BY ALL
            """,
            {"ids": sorted(set(ids.values()))},
        )
        by_id: dict[str, dict[str, dict[str, Any]]] = {}
        for cid, metric, value, unit, qual, as_of, quote, sources, disagreeing in res.rows:
            by_id.setdefault(cid, {})[metric] = {
                "value": value,
                "unit": unit,
                "qualifier": qual,
                "as_of": as_of,
                "quote": quote,
                "sources": sources,
                "conflicting": disagreeing > 0,
            }
        return {name: by_id.get(cid, {}) for name, cid in ids.items()}

    def export_parquet(self, sql: str, out: Path) -> int:
        """Write a query's result to a Parquet file; returns the row count."""
        import pyarrow.parquet as pq

        with self.connect() as con:
            try:
                tbl = con.cursor().sql(sql).to_arrow_table()  # a cursor: no pending result in the way
            except duckdb.Error as exc:
                raise QueryRefused(_first_line(exc)) from None
        pq.write_table(tbl, out)
        return tbl.num_rows

    def table_columns(self) -> dict[str, list[tuple[str, str]]]:
        """table or view name -> [(column, type)], for documentation checks and the SQL page."""
        res = self.query(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        )
        out: dict[str, list[tuple[str, str]]] = {}
        for t, c, ty in res.rows:
            out.setdefault(t, []).append((c, ty))
        return out

    # -- a warehouse over a Parquet dataset (the Dask engine's system of record) ---------------------

    def dataset_dir(self) -> Path | None:
        """The Parquet dataset this warehouse reads in place, or None for an ordinary warehouse file."""
        if not self.path.exists():
            return None
        with self.connect() as con:
            try:
                row = con.execute("SELECT value FROM schema_info WHERE key = 'dataset'").fetchone()
            except duckdb.Error:  # no schema_info yet: a new, empty file
                return None
        return Path(row[0]) if row else None

    def _dataset_directories(self) -> list[str]:
        found = self.dataset_dir()
        return [str(found).rstrip("/") + "/"] if found else []

    def attach_parquet(self, dataset: Path | str) -> None:
        """Make this warehouse read a Parquet dataset in place (see `write_parquet_part` for its layout).

        ``articles``, ``metric_rows``, ``event_rows``, ``companies`` and ``company_aliases`` become views
        over ``read_parquet`` of the dataset, so ``metrics``, ``events`` and every query work unchanged.
        Call again after new months appear (``ingest`` and ``compact`` do). Refuses a file that holds
        articles stored by the local engine.
        """
        root = Path(dataset).resolve()
        with self.connect(read_only=False) as con:
            version = self._check_version(con)
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(_DDL[0])  # schema_info
                kinds = dict(
                    con.execute(
                        "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'"
                    ).fetchall()
                )
                for name in _PARQUET_TABLES:
                    if kinds.get(name) == "BASE TABLE":
                        rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
                        if rows and rows[0]:
                            raise WarehouseError(
                                f"{self.path}: holds articles stored by the local engine; give the Parquet "
                                f"dataset a warehouse file of its own (--db NEW.duckdb)"
                            )
                for name in _PARQUET_TABLES:
                    if kinds.get(name) == "BASE TABLE":
                        con.execute(f'DROP TABLE "{name}"')
                for name, (folder, schema, partitioned, select) in _PARQUET_TABLES.items():
                    view = _parquet_view(root, folder, schema, partitioned, select)
                    con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {view}')
                for stmt in _DDL:
                    if stmt.lstrip().startswith("CREATE OR REPLACE VIEW"):
                        con.execute(stmt)
                if version is None:
                    con.execute(
                        "INSERT OR REPLACE INTO schema_info VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
                    )
                con.execute("INSERT OR REPLACE INTO schema_info VALUES ('dataset', ?)", [str(root)])
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(duckdb.Error):
                    con.execute("ROLLBACK")
                raise


    # -- reconciled facts (health-signals layer; see models/facts.py) ------------------------------

    def facts(
        self, company_ids: Sequence[str] | None = None, as_of: date | None = None, without: Sequence[str] = ()
    ) -> list[Fact]:
        """The reconciled facts known on ``as_of`` (articles published by then; all articles, undated ones
        included, when None), leaving out the articles ``without``, each with its sources."""
        with self.connect() as con:
            return self._facts_on(con, company_ids, as_of, without)

    def _facts_on(
        self,
        con: duckdb.DuckDBPyConnection,
        company_ids: Sequence[str] | None,
        as_of: date | None,
        without: Sequence[str],
    ) -> list[Fact]:
        """``facts`` on an open connection. The chosen companies' rows are filtered in the first step of the
        reconciliation (facts never span companies, so this is exact), and the rows are read and reconciled
        once: into a temporary table, which the facts and their sources are then read from."""
        if company_ids is not None and not company_ids:
            return []
        params, chosen = _known_on(company_ids, as_of, without, "m")
        try:
            con.execute(f"DROP TABLE IF EXISTS {_SOURCES_TABLE}")
            con.execute(
                f"CREATE TEMP TABLE {_SOURCES_TABLE.rsplit('.', 1)[-1]} AS "
                f"{_facts_sql('fact_sources', *_PARAMS, chosen)}",
                params,
            )
            frows = con.execute(
                f"SELECT * FROM ({_facts_sql('facts_of_table', '', '', _SOURCES_TABLE)}) "
                "ORDER BY company_id, metric, period_start NULLS FIRST, value"
            )
            fcols = [d[0] for d in frows.description or []]
            facts = [dict(zip(fcols, r)) for r in frows.fetchall()]
            srows = con.execute(
                "SELECT fact_id, article_id, row_no, value, qualifier, basis, as_of, published, article_path, "
                f"quote, surface FROM {_SOURCES_TABLE} ORDER BY published NULLS LAST, article_id, row_no"
            ).fetchall()
            con.execute(f"DROP TABLE IF EXISTS {_SOURCES_TABLE}")
        except duckdb.Error as exc:
            raise QueryRefused(_first_line(exc)) from None
        sources: dict[str, list[Source]] = {}
        for fid, *rest in srows:
            sources.setdefault(fid, []).append(Source(*rest))
        return [
            Fact(
                fact_id=r["fact_id"],
                company=r["company"],
                company_id=r["company_id"],
                metric=r["metric"],
                value=r["value"],
                unit=r["unit"],
                qualifier=r["qualifier"],
                basis=r["basis"],
                period=r["period"],
                period_start=r["period_start"],
                period_end=r["period_end"],
                n_sources=r["n_sources"],
                first_published=r["first_published"],
                last_published=r["last_published"],
                conflict=r["conflict"],
                preferred=r["preferred"],
                conflicting_values=r["conflicting_values"],
                conflicting_facts=tuple((r["conflicting_facts"] or "").split()),
                quote=r["quote"],
                article_id=r["article_id"],
                row_no=r["row_no"],
                sources=tuple(sources.get(r["fact_id"], ())),
            )
            for r in facts
        ]

    def events_for(
        self, company_ids: Sequence[str] | None = None, as_of: date | None = None, without: Sequence[str] = ()
    ) -> list[LeadershipEvent]:
        """Leadership events known on ``as_of`` (same rule as ``facts``), oldest first."""
        with self.connect() as con:
            return self._events_on(con, company_ids, as_of, without)

    def _events_on(
        self,
        con: duckdb.DuckDBPyConnection,
        company_ids: Sequence[str] | None,
        as_of: date | None,
        without: Sequence[str],
    ) -> list[LeadershipEvent]:
        if company_ids is not None and not company_ids:
            return []
        params, chosen = _known_on(company_ids, as_of, without, "e")
        try:
            rows = con.execute(
                "SELECT e.company_id, e.kind, e.person, e.role, e.as_of, e.as_of_end, a.published, e.article_id, "
                "e.row_no, a.path, e.quote FROM event_rows e JOIN articles a USING (article_id) "
                "WHERE (CAST($d AS DATE) IS NULL OR a.published <= CAST($d AS DATE)) "
                f"AND e.article_id NOT IN (SELECT unnest(CAST($w AS VARCHAR[]))) AND {chosen} "
                "ORDER BY coalesce(e.as_of_end, a.published) NULLS FIRST, e.article_id, e.row_no",
                params,
            ).fetchall()
        except duckdb.Error as exc:
            raise QueryRefused(_first_line(exc)) from None
        return [LeadershipEvent(*r) for r in rows]

    def metric_history(
        self, company_ids: Sequence[str], metric: str | None = None, as_of: date | None = None
    ) -> list[Fact]:
        """Each company's figures as a time series by the date they refer to, as known on ``as_of``."""
        return history(self.facts(company_ids, as_of), metric)

    def companies_in(self, article_ids: Sequence[str]) -> list[str]:
        """The company_ids that the given articles report a figure or a leadership change about."""
        res = self.query(
            "SELECT company_id FROM metric_rows WHERE article_id IN (SELECT unnest(CAST($a AS VARCHAR[]))) "
            "UNION SELECT company_id FROM event_rows WHERE article_id IN (SELECT unnest(CAST($a AS VARCHAR[]))) "
            "ORDER BY 1",
            {"a": list(article_ids)},
        )
        return [r[0] for r in res.rows]

    def latest_published(self, as_of: date | None = None) -> date | None:
        """The newest publication date in the warehouse (not after ``as_of``): "now" for the news we hold."""
        res = self.query(
            "SELECT max(published) FROM articles WHERE CAST($d AS DATE) IS NULL OR published <= CAST($d AS DATE)",
            {"d": as_of},
        )
        return res.rows[0][0] if res.rows else None

    # -- the inputs of a health score, on one connection ---------------------------------------------

    def score_inputs(
        self, names: Sequence[str] | None, as_of: date | None = None, without: Sequence[str] = ()
    ) -> tuple[dict[str, str], list[Fact], list[LeadershipEvent]]:
        """What ``models.health.score_companies`` reads, on one connection: name -> company_id of the names
        found (every company's name when ``names`` is None), and their ``facts`` and ``events_for``."""
        with self.connect() as con:
            if names is None:
                facts = self._facts_on(con, None, as_of, without)
                return {f.company: f.company_id for f in facts}, facts, self._events_on(con, None, as_of, without)
            try:
                rows = con.execute(
                    "SELECT alias, company_id FROM company_aliases WHERE lower(alias) IN (SELECT lower(unnest($n))) "
                    "UNION ALL SELECT name, company_id FROM companies "
                    "UNION ALL SELECT company_id, company_id FROM companies",
                    {"n": list(names)},
                ).fetchall() if names else []
            except duckdb.Error as exc:
                raise QueryRefused(_first_line(exc)) from None
            by_lower = {a.lower(): cid for a, cid in rows}
            ids = {}
            for n in names:
                cid = by_lower.get(n.lower()) or by_lower.get(company_key(n))
                if cid:
                    ids[n] = cid
            if not ids:
                return ids, [], []
            wanted = sorted(set(ids.values()))
            return ids, self._facts_on(con, wanted, as_of, without), self._events_on(con, wanted, as_of, without)

    # -- storage order -----------------------------------------------------------------------------

    def optimize(self) -> dict[str, int]:
        """Rewrite ``metric_rows`` and ``event_rows`` in company order, in one transaction; table -> rows.

        The loader appends rows in article order, so one company's rows lie all through a table and every
        question about a company reads all of it. Stored in (company_id, as_of_start, article_id, row_no)
        order, a company's rows share a few row groups, which DuckDB skips by their min/max. Each table is
        copied in that order into a new table of the same definition (columns, NOT NULLs, primary key), the
        old one dropped and the copy renamed, all in one transaction: a crash or an error leaves the old
        tables as they were. Tables of a Parquet-backed warehouse (views) are left alone. Holds the write
        lock meanwhile (seconds for a million rows); ``startup_health.pipeline.ingest`` calls it after a big
        ingest, under its ingest lock.
        """
        done: dict[str, int] = {}
        with self.connect(read_only=False) as con:
            kinds = dict(
                con.execute(
                    "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'"
                ).fetchall()
            )
            tables = [t for t in _CLUSTERED if kinds.get(t) == "BASE TABLE"]
            if not tables:
                return done
            con.execute("BEGIN TRANSACTION")
            try:
                for table in tables:
                    for stmt in _optimize_sql(table):
                        con.execute(stmt)
                    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
                    done[table] = int(row[0]) if row else 0
                con.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(duckdb.Error):
                    con.execute("ROLLBACK")
                raise
            con.execute("CHECKPOINT")  # write the new order out now, not on a reader's first open
        return done


#: tables that ``Warehouse.optimize`` stores in company order, and that order
_CLUSTERED = ("metric_rows", "event_rows")
_CLUSTER_ORDER = "company_id, as_of_start, article_id, row_no"


def _optimize_sql(table: str) -> list[str]:
    """The statements that rewrite one table in ``_CLUSTER_ORDER`` (inside ``optimize``'s transaction)."""
    ddl = next(d for d in _DDL if d.startswith(f"CREATE TABLE IF NOT EXISTS {table} ("))
    tmp = f"{table}__ordered"
    return [
        f"DROP TABLE IF EXISTS {tmp}",
        ddl.replace(f"CREATE TABLE IF NOT EXISTS {table} (", f"CREATE TABLE {tmp} (", 1),
        f"INSERT INTO {tmp} SELECT * FROM {table} ORDER BY {_CLUSTER_ORDER}",
        f"DROP TABLE {table}",
        f"ALTER TABLE {tmp} RENAME TO {table}",
    ]


def check_select(sql: str) -> str:
    """The single SELECT statement in ``sql``, or QueryRefused saying why not.

    Uses DuckDB's own parser, so comments and strings cannot hide a second statement.
    """
    if not sql or not sql.strip():
        raise QueryRefused("the query is empty")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused(f"SQL could not be parsed: {_first_line(exc)}") from None
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, please (found {len(statements)})")
    st = statements[0]
    kind = st.type.name
    if kind not in _STATEMENTS_ALLOWED:
        raise QueryRefused(f"only SELECT queries are allowed here, not {kind}")
    if getattr(st, "named_parameters", None):
        raise QueryRefused("query parameters ($name or ?) are not supported here")
    return st.query.strip().rstrip(";").strip()


def _unfinished_file(path: Path) -> bool:
    """A file DuckDB created but never finished: it writes three 4 KB headers one by one after creating the file,
    so a crash in between leaves 0, 4 or 8 KB that hold nothing and that DuckDB refuses to open."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEADERS_BYTES)
    except OSError:
        return False
    return len(head) == 0 or (len(head) < _HEADERS_BYTES and head[8:12] == b"DUCK")


_HEADERS_BYTES = 3 * 4096


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# -- bulk row building ---------------------------------------------------------------------------

_ARTICLE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("path", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("format", pa.string()),
        ("chars", pa.int32()),
        ("text", pa.string()),
        ("extractor_version", pa.string()),
        ("ingested_at", pa.timestamp("us")),
    ]
)
_PERIOD_FIELDS = [
    ("as_of", pa.string()),
    ("as_of_start", pa.date32()),
    ("as_of_end", pa.date32()),
    ("as_of_precision", pa.string()),
]
_METRIC_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("row_no", pa.int32()),
        ("company_id", pa.string()),
        ("metric", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("qualifier", pa.string()),
        *_PERIOD_FIELDS,
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("surface", pa.string()),
        ("quote", pa.string()),
        ("quote_start", pa.int32()),
        ("confidence", pa.float64()),
        ("extractor_version", pa.string()),
    ]
)
_EVENT_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("row_no", pa.int32()),
        ("company_id", pa.string()),
        ("person", pa.string()),
        ("role", pa.string()),
        ("kind", pa.string()),
        *_PERIOD_FIELDS,
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("quote", pa.string()),
        ("quote_start", pa.int32()),
        ("confidence", pa.float64()),
        ("extractor_version", pa.string()),
    ]
)
_ARTICLE_COLS = _ARTICLE_SCHEMA.names
_METRIC_COLS = _METRIC_SCHEMA.names
_EVENT_COLS = _EVENT_SCHEMA.names


def _period(cols: dict[str, list[Any]], p: Period | None) -> None:
    cols["as_of"].append(p.label if p else None)
    cols["as_of_start"].append(p.start if p else None)
    cols["as_of_end"].append(p.end if p else None)
    cols["as_of_precision"].append(p.precision if p else None)


def _append_article(cols: dict[str, list[Any]], a: Article, version: str, now: datetime) -> None:
    for k, v in (
        ("article_id", a.article_id),
        ("path", a.path),
        ("title", a.title),
        ("url", a.url),
        ("published", a.published),
        ("format", a.fmt),
        ("chars", len(a.text)),
        ("text", a.text),
        ("extractor_version", version),
        ("ingested_at", now),
    ):
        cols[k].append(v)


def _append_metric(cols: dict[str, list[Any]], aid: str, no: int, cid: str, m: Metric, version: str) -> None:
    for k, v in (
        ("article_id", aid),
        ("row_no", no),
        ("company_id", cid),
        ("metric", m.metric),
        ("value", float(m.value)),
        ("unit", m.unit),
        ("qualifier", m.qualifier),
        ("char_start", m.char_start),
        ("char_end", m.char_end),
        ("surface", m.surface),
        ("quote", m.sentence),
        ("quote_start", m.sentence_start),
        ("confidence", m.confidence),
        ("extractor_version", version),
    ):
        cols[k].append(v)
    _period(cols, m.as_of)


def _append_event(cols: dict[str, list[Any]], aid: str, no: int, cid: str, e: Event, version: str) -> None:
    for k, v in (
        ("article_id", aid),
        ("row_no", no),
        ("company_id", cid),
        ("person", e.person),
        ("role", e.role),
        ("kind", e.kind),
        ("char_start", e.char_start),
        ("char_end", e.char_end),
        ("quote", e.sentence),
        ("quote_start", e.sentence_start),
        ("confidence", e.confidence),
        ("extractor_version", version),
    ):
        cols[k].append(v)
    _period(cols, e.as_of)


def _resolver(
    extraction: Extraction, aliases: dict[str, str], names: dict[str, str], new_aliases: dict[str, str]
) -> Any:
    """A function from a company name in this article to its company_id, learning aliases as it goes."""
    local: dict[str, str] = {}
    groups = [(canon, {canon, *others}) for canon, others in extraction.companies.items()]

    def resolve(name: str) -> str:
        if name in local:
            return local[name]
        variants = next((g for c, g in groups if name in g), {name})
        canon = max(variants, key=len)
        cid = next((aliases[v] for v in variants if v in aliases), None) or company_key(canon)
        for v in variants:
            if v not in aliases:
                aliases[v] = cid
                new_aliases[v] = cid
            local[v] = cid
        if len(canon) > len(names.get(cid, "")):
            names[cid] = canon
        return cid

    return resolve


def _insert(con: duckdb.DuckDBPyConnection, table: str, cols: dict[str, list[Any]], schema: pa.Schema) -> None:
    if not cols[schema.names[0]]:
        return
    tbl = pa.table(cols, schema=schema)
    con.register("batch_rows", tbl)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM batch_rows")
    finally:
        con.unregister("batch_rows")


def iter_chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Split an iterable into lists of at most ``size`` items."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- the Parquet dataset: layout, rows per part, views, compaction ---------------------------------
#
# <dataset>/articles/published_month=YYYY-MM/part-<key>.parquet    (published_month=unknown when undated)
# <dataset>/metrics/published_month=YYYY-MM/part-<key>.parquet     rows of metric_rows
# <dataset>/events/published_month=YYYY-MM/part-<key>.parquet      rows of event_rows
# <dataset>/companies/part-<key>.parquet                           (company_id, name, first_seen) candidates
# <dataset>/company_aliases/part-<key>.parquet                     (alias, company_id) candidates
#
# A part holds whole articles; the same <key> names its files in every folder, and its articles file is
# written last, so it marks the part complete. `compact_dataset` folds a month's parts into one file per
# folder and lists the keys it folded in <dataset>/articles/published_month=M/_folded.txt.

_COMPANY_SCHEMA = pa.schema([("company_id", pa.string()), ("name", pa.string()), ("first_seen", pa.timestamp("us"))])
_ALIAS_SCHEMA = pa.schema([("alias", pa.string()), ("company_id", pa.string())])

#: warehouse table -> (dataset folder, Arrow schema, partitioned by month, SELECT over the files or None)
_PARQUET_TABLES: dict[str, tuple[str, pa.Schema, bool, str | None]] = {
    "articles": ("articles", _ARTICLE_SCHEMA, True, None),
    "metric_rows": ("metrics", _METRIC_SCHEMA, True, None),
    "event_rows": ("events", _EVENT_SCHEMA, True, None),
    # one row per company: the fullest name seen (ties: the first in sort order), its first appearance
    "companies": (
        "companies",
        _COMPANY_SCHEMA,
        False,
        "SELECT company_id, first(name ORDER BY length(name) DESC, name) AS name, min(first_seen) AS first_seen "
        "FROM {src} GROUP BY company_id",
    ),
    "company_aliases": ("company_aliases", _ALIAS_SCHEMA, False, "SELECT alias, min(company_id) AS company_id FROM {src} GROUP BY alias"),
}
#: dataset folder -> Arrow schema of its files
DATASET_SCHEMAS: dict[str, pa.Schema] = {folder: schema for folder, schema, _, _ in _PARQUET_TABLES.values()}
#: folders partitioned by published month
MONTH_FOLDERS: tuple[str, ...] = tuple(f for f, _, partitioned, _ in _PARQUET_TABLES.values() if partitioned)
#: the hive partition of articles with no publication date
UNKNOWN_MONTH = "unknown"
FOLDED_LIST = "_folded.txt"

_DUCK_TYPES = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.float64(): "DOUBLE",
    pa.date32(): "DATE",
    pa.timestamp("us"): "TIMESTAMP",
}


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _parquet_view(root: Path, folder: str, schema: pa.Schema, partitioned: bool, select: str | None) -> str:
    """The SELECT a view runs: the dataset's files, or no rows of the right types while there are none."""
    pattern = root / folder / ("*/*.parquet" if partitioned else "*.parquet")
    cols = ", ".join(f'"{c}"' for c in schema.names)
    if any(root.glob(f"{folder}/{'*/' if partitioned else ''}*.parquet")):
        src = f"read_parquet({_sql_text(str(pattern))}, hive_partitioning = {str(partitioned).lower()})"
    else:
        typed = ", ".join(f'NULL::{_DUCK_TYPES[f.type]} AS "{f.name}"' for f in schema)
        src = f"(SELECT {typed} WHERE false)"
    if select:
        return select.format(src=src)
    return f"SELECT {cols} FROM {src}"


def _restrict_to(con: duckdb.DuckDBPyConnection, directories: list[str]) -> None:
    """Close every door but reading ``directories`` (DuckDB takes this list only once the database is open)."""
    con.execute("SET allowed_directories = $dirs", {"dirs": directories})
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def month_of(published: Any) -> str:
    """The hive partition value of an article: ``YYYY-MM`` of its publication date, or ``unknown``."""
    return published.strftime("%Y-%m") if published else UNKNOWN_MONTH


def build_tables(
    items: Sequence[tuple[Article, Extraction]], extractor_version: str, now: datetime
) -> dict[str, pa.Table]:
    """Rows of whole articles as Arrow tables, one per dataset folder: the Parquet engine's `write_batch`.

    Columns and values are those `write_batch` stores. Company names are resolved within each article
    (as `write_batch` does for a company it has not met before), so a part does not depend on any other.
    """
    art: dict[str, list[Any]] = {k: [] for k in _ARTICLE_COLS}
    met: dict[str, list[Any]] = {k: [] for k in _METRIC_COLS}
    evt: dict[str, list[Any]] = {k: [] for k in _EVENT_COLS}
    comp: dict[str, list[Any]] = {k: [] for k in _COMPANY_SCHEMA.names}
    alias: dict[str, list[Any]] = {k: [] for k in _ALIAS_SCHEMA.names}
    for article, extraction in items:
        names: dict[str, str] = {}
        new_aliases: dict[str, str] = {}
        resolve = _resolver(extraction, {}, names, new_aliases)
        _append_article(art, article, extractor_version, now)
        for no, m in enumerate(extraction.metrics):
            _append_metric(met, article.article_id, no, resolve(m.company), m, extractor_version)
        for no, e in enumerate(extraction.events):
            _append_event(evt, article.article_id, no, resolve(e.company), e, extractor_version)
        for cid, name in names.items():
            comp["company_id"].append(cid)
            comp["name"].append(name)
            comp["first_seen"].append(now)
        for a, cid in new_aliases.items():
            alias["alias"].append(a)
            alias["company_id"].append(cid)
    return {
        "articles": pa.table(art, schema=_ARTICLE_SCHEMA),
        "metrics": pa.table(met, schema=_METRIC_SCHEMA),
        "events": pa.table(evt, schema=_EVENT_SCHEMA),
        "companies": pa.table(comp, schema=_COMPANY_SCHEMA),
        "company_aliases": pa.table(alias, schema=_ALIAS_SCHEMA),
    }


@dataclass
class CompactReport:
    months: int = 0  # month partitions folded
    parts: int = 0  # part files folded (articles folder)
    articles: int = 0  # articles kept in the folded months
    duplicates: int = 0  # article rows dropped: the same article stored by more than one part


def compact_dataset(dataset: Path | str) -> CompactReport:
    """Fold each month's parts into one file per folder, keeping each article once (its newest run).

    Safe to run while nobody writes the dataset; a run stopped half-way leaves duplicates (never gaps),
    which the next run removes.
    """
    root = Path(dataset)
    report = CompactReport()
    con = duckdb.connect()
    try:
        for month_dir in sorted(p for p in (root / "articles").glob("published_month=*") if p.is_dir()):
            month = month_dir.name
            stems = sorted(p.stem for p in month_dir.glob("*.parquet"))
            if len(stems) <= 1:
                continue
            new_stem = "compacted-" + hashlib.sha256("\n".join(stems).encode()).hexdigest()[:16]
            con.execute(
                "CREATE OR REPLACE TEMP TABLE chosen AS SELECT article_id, "
                "first(parse_filename(filename, true) ORDER BY ingested_at DESC, filename DESC) AS stem, "
                "count(*) AS copies FROM read_parquet($files, filename = true) GROUP BY article_id",
                {"files": [str(month_dir / f"{s}.parquet") for s in stems]},
            )
            kept, copies = con.execute("SELECT count(*), coalesce(sum(copies), 0) FROM chosen").fetchone() or (0, 0)
            written: list[tuple[Path, Path]] = []
            for folder in MONTH_FOLDERS:
                files = [root / folder / month / f"{s}.parquet" for s in stems]
                files = [f for f in files if f.exists()]
                if not files:
                    continue
                order = "t.article_id, t.row_no" if folder != "articles" else "t.article_id"
                cols = ", ".join(f't."{c}"' for c in DATASET_SCHEMAS[folder].names)
                tmp = root / folder / month / f".{new_stem}.parquet.tmp"
                con.execute(
                    f"COPY (SELECT {cols} FROM read_parquet($files, filename = true) t "
                    f"JOIN chosen c ON t.article_id = c.article_id AND parse_filename(t.filename, true) = c.stem "
                    f"ORDER BY {order}) TO {_sql_text(str(tmp))} (FORMAT parquet)",
                    {"files": [str(f) for f in files]},
                )
                written.append((tmp, root / folder / month / f"{new_stem}.parquet"))
            folded = [s for s in stems if s.startswith("part-")]
            with open(month_dir / FOLDED_LIST, "a", encoding="utf-8") as fh:
                fh.writelines(s.removeprefix("part-") + "\n" for s in folded)
                fh.flush()
                os.fsync(fh.fileno())
            for tmp, final in written:
                os.replace(tmp, final)
            for folder in MONTH_FOLDERS:
                for s in stems:
                    if s != new_stem:
                        (root / folder / month / f"{s}.parquet").unlink(missing_ok=True)
            report.months += 1
            report.parts += len(stems)
            report.articles += int(kept)
            report.duplicates += int(copies) - int(kept)
        for folder, key, cols in (
            ("companies", "company_id", "first(name ORDER BY length(name) DESC, name) AS name, min(first_seen) AS first_seen"),
            ("company_aliases", "alias", "min(company_id) AS company_id"),
        ):
            files = sorted((root / folder).glob("*.parquet"))
            if len(files) <= 1:
                continue
            stem = "compacted-" + hashlib.sha256("\n".join(f.stem for f in files).encode()).hexdigest()[:16]
            tmp = root / folder / f".{stem}.parquet.tmp"
            con.execute(
                f"COPY (SELECT {key}, {cols} FROM read_parquet($files) GROUP BY {key} ORDER BY {key}) "
                f"TO {_sql_text(str(tmp))} (FORMAT parquet)",
                {"files": [str(f) for f in files]},
            )
            os.replace(tmp, root / folder / f"{stem}.parquet")
            for f in files:
                if f.stem != stem:
                    f.unlink(missing_ok=True)
    finally:
        con.close()
    return report
