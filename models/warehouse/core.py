"""``Warehouse``: the one public entry to a warehouse file. It opens short-lived connections and hands them
to the module of each role:

=================  ==============================================================================
``connection``     opening the file (retried while another process holds it), the ingest lock
``checkpoint``     folding DuckDB's write-ahead log into the file through a copy, so a kill never tears it
``schema``         tables, views, schema version and migrations
``writes``         whole articles in one transaction; rewriting the big tables in company order
``reads``          the CLI's and the dashboard's questions (trusted SQL)
``reconcile``      reconciled facts: the SQL behind ``facts`` / ``fact_sources`` and their records
``upkeep``         facts, scores (``scores``), flows (``kept_flows``) and the rows of the side-by-side
                   figures (``kept_figures``) kept up to date at ingest
``dataset``        the Parquet dataset the Dask engine writes, and the views that read it in place
``sandbox``        SQL typed by a user: checked from its parse, run in a worker process within limits
=================  ==============================================================================
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from models.facts import Fact, LeadershipEvent, history
from models.flows import Flow, company_flows
from models.health import Score, score_all
from models.records import Article, Extraction
from models.warehouse import (
    checkpoint,
    dataset,
    feeds,
    groups,
    kept_figures,
    kept_flows,
    reads,
    reconcile,
    sandbox,
    schema,
    scores,
    upkeep,
    writes,
)
from models.warehouse.connection import fresh_instance, open_connection, prepare_file
from models.warehouse.errors import BatchResult, QueryRefused, QueryResult, first_line
from models.warehouse.sandbox import Limits

__all__ = ["Warehouse"]

Params = Sequence[Any] | dict[str, Any] | None


class Warehouse:
    """A warehouse file. Cheap to create: it opens no connection until asked a question."""

    def __init__(self, path: Path | str, *, lock_wait_s: float = 30.0) -> None:
        self.path = Path(path)
        self.lock_wait_s = lock_wait_s

    # -- connections -------------------------------------------------------------------------

    @contextlib.contextmanager
    def connect(self, *, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection, retried while another process holds the file. For the project's own SQL
        and the CLI user's: SQL typed into the dashboard runs in the sandbox (``run_untrusted``).

        A writable one leaves its commits in DuckDB's write-ahead log, folded into the file (``checkpoint``)
        once the log passes ``checkpoint.FOLD_BYTES``; ``checkpoint()`` folds it at once."""
        prepare_file(self.path, read_only)
        with fresh_instance(self.path, self.lock_wait_s):
            con = open_connection(self.path, read_only=read_only, config={}, lock_wait_s=self.lock_wait_s)
            try:
                if read_only:
                    schema.check_version(con, self.path)
                yield con
            finally:
                con.close()
        if not read_only:
            checkpoint.fold_if_big(self.path)

    def checkpoint(self) -> bool:
        """Fold the write-ahead log that writes left into the warehouse file, so readers need not replay it;
        through a copy that replaces the file, so a kill at any moment leaves a whole warehouse
        (``models.warehouse.checkpoint``). Under the ingest lock. False when there was no log."""
        return checkpoint.fold(self.path)

    def ensure_schema(self) -> int | None:
        """Create the tables and views, or upgrade an older schema in one transaction; the version the file
        had before (None for a new file)."""
        with self.connect(read_only=False) as con:
            return schema.ensure_schema(con, self.path)

    # -- writes ------------------------------------------------------------------------------

    def known_articles(self) -> dict[str, tuple[str, str]]:
        """article_id -> (path, extractor_version) of every stored article."""
        if not self.path.exists():
            return {}
        with self.connect() as con:
            if schema.check_version(con, self.path) is None:
                return {}
            return reads.known_articles(con)

    def write_batch(
        self, items: Sequence[tuple[Article, Extraction]], extractor_version: str, *, refresh_facts: bool = True
    ) -> BatchResult:
        """Store whole articles with their metrics and events, all in one transaction (``writes.write_batch``);
        the touched companies' kept facts and scores too, unless ``refresh_facts`` is False (then
        ``refresh_facts()`` later)."""
        if not items:
            return BatchResult()
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        with self.connect(read_only=False) as con:
            return writes.write_batch(con, items, extractor_version, now, refresh_facts)

    def refresh_facts(self, everything: bool = False) -> int:
        """Recompute the kept facts and scores of the companies whose rows changed since (of every company,
        with ``everything``), a transaction per group of companies; how many companies (``upkeep``)."""
        with self.connect(read_only=False) as con:
            if schema.check_version(con, self.path) is None:
                return 0
            n = upkeep.refresh_pending(con, everything)
        self.checkpoint()  # the end of a load: the file holds everything again
        return n

    def story_inputs(self, article_ids: Sequence[str], days: int, max_candidates: int) -> groups.StoryInputs:
        """What ``startup_health.grouping`` compares for ``article_ids`` (see ``models.warehouse.groups``)."""
        with self.connect() as con:
            return groups.story_inputs(con, article_ids, days, max_candidates)

    def replace_groups(self, members: Any, rows: Sequence[tuple[Any, ...]]) -> None:
        """Forget the story groups of ``members`` and store ``rows`` of ``article_groups``, in one transaction."""
        with self.connect(read_only=False) as con:
            groups.replace_groups(con, members, rows)

    def feed_state(self, url: str) -> feeds.FeedState | None:
        """The stored state of the feed at ``url`` (``feeds`` table), or None for one never polled."""
        with self.connect() as con:
            return feeds.feed_state(con, url)

    def save_feed(self, state: feeds.FeedState) -> None:
        """Insert or replace one feed's row of ``feeds``."""
        with self.connect(read_only=False) as con:
            feeds.save_feed(con, state)

    def optimize(self) -> dict[str, int]:
        """Rewrite ``metric_rows`` and ``event_rows`` in company order, in one transaction; table -> rows
        (``writes.optimize``). Holds the write lock meanwhile (seconds for a million rows);
        ``startup_health.pipeline.ingest`` calls it after a big ingest, under its ingest lock."""
        with self.connect(read_only=False) as con:
            done = writes.optimize(con)
        self.checkpoint()  # write the new order out now, not on a reader's every open
        return done

    # -- reads -------------------------------------------------------------------------------

    def query(self, sql: str, params: Params = None) -> QueryResult:
        """Run trusted SQL (the project's own, or the CLI user's) on a read-only connection."""
        with self.connect() as con:
            cur = reads.execute(con, sql, params)
            if cur.description is None:
                return QueryResult([], [])
            return QueryResult([d[0] for d in cur.description], cur.fetchall())

    def query_df(self, sql: str, params: Params = None) -> Any:
        """Like ``query`` but returns a pandas DataFrame."""
        with self.connect() as con:
            return reads.execute(con, sql, params).df()

    def iter_batches(
        self, sql: str, params: Params = None, batch_rows: int = 10_000
    ) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
        """Stream a result in batches of rows (for large CSV downloads), holding the file only meanwhile."""
        with self.connect() as con:
            cur = reads.execute(con, sql, params)
            cols = [d[0] for d in cur.description or []]
            while True:
                rows = cur.fetchmany(batch_rows)
                if not rows:
                    break
                yield cols, rows

    def run_untrusted(self, sql: str, limits: Limits | None = None, **overrides: Any) -> QueryResult:
        """Run one SELECT typed by a user in the sandbox (``models.warehouse.sandbox``): checked against its
        rules first, then run read-only in a worker process within ``limits`` (``overrides`` replace single
        ones: ``max_rows=50``)."""
        return sandbox.run_untrusted(self.path, sql, limits or Limits(), self.lock_wait_s, **overrides)

    def resolve_companies(self, names: Sequence[str]) -> dict[str, str]:
        """name as typed -> company_id, for the names the warehouse knows (by alias or by key)."""
        if not names:
            return {}
        with self.connect() as con:
            return reads.resolve_names(con, names)

    def company_figures(self, names: Sequence[str]) -> dict[str, dict[str, dict[str, Any]]]:
        """For each named company found, metric -> its latest figure, the sources backing that value
        (articles within 2% of it), and whether another value was reported for the same period."""
        ids = self.resolve_companies(names)
        if not ids:
            return {}
        with self.connect() as con:
            by_id = reads.company_figures(con, list(ids.values()))
        return {name: by_id.get(cid, {}) for name, cid in ids.items()}

    def export_parquet(self, sql: str, out: Path) -> int:
        """Write a query's result to a Parquet file; returns the row count."""
        import pyarrow.parquet as pq

        with self.connect() as con:
            tbl = reads.to_arrow(con, sql)
        pq.write_table(tbl, out)
        return tbl.num_rows

    def table_columns(self) -> dict[str, list[tuple[str, str]]]:
        """table or view name -> [(column, type)], for documentation checks and the SQL page."""
        with self.connect() as con:
            return reads.table_columns(con)

    def companies_in(self, article_ids: Sequence[str]) -> list[str]:
        """The company_ids that the given articles report a figure or a leadership change about."""
        with self.connect() as con:
            return reads.companies_in(con, article_ids)

    def latest_published(self, as_of: date | None = None) -> date | None:
        """The newest publication date in the warehouse (not after ``as_of``): "now" for the news we hold."""
        with self.connect() as con:
            return reads.latest_published(con, as_of)

    # -- reconciled facts (health-signals layer; see models/facts.py) ------------------------------

    def facts(
        self, company_ids: Sequence[str] | None = None, as_of: date | None = None, without: Sequence[str] = ()
    ) -> list[Fact]:
        """The reconciled facts known on ``as_of`` (articles published by then; all articles, undated ones
        included, when None), leaving out the articles ``without``, each with its sources."""
        with self.connect() as con:
            return reconcile.facts_on(con, company_ids, as_of, without)

    def events_for(
        self, company_ids: Sequence[str] | None = None, as_of: date | None = None, without: Sequence[str] = ()
    ) -> list[LeadershipEvent]:
        """Leadership events known on ``as_of`` (same rule as ``facts``), oldest first."""
        with self.connect() as con:
            return reconcile.events_on(con, company_ids, as_of, without)

    def metric_history(
        self, company_ids: Sequence[str], metric: str | None = None, as_of: date | None = None
    ) -> list[Fact]:
        """Each company's figures as a time series by the date they refer to, as known on ``as_of``."""
        return history(self.facts(company_ids, as_of), metric)

    def score_inputs(
        self, names: Sequence[str] | None, as_of: date | None = None, without: Sequence[str] = ()
    ) -> tuple[dict[str, str], list[Fact], list[LeadershipEvent]]:
        """What ``models.health.score_companies`` reads, on one connection: name -> company_id of the names
        found (every company's name when ``names`` is None), and their ``facts`` and ``events_for``."""
        with self.connect() as con:
            if names is None:
                facts = reconcile.facts_on(con, None, as_of, without)
                events = reconcile.events_on(con, None, as_of, without)
                return {f.company: f.company_id for f in facts}, facts, events
            ids = reads.resolve_names(con, names)
            if not ids:
                return ids, [], []
            wanted = sorted(set(ids.values()))
            return ids, reconcile.facts_on(con, wanted, as_of, without), reconcile.events_on(con, wanted, as_of, without)

    def scores(self, names: Sequence[str], max_evidence: int | None = None) -> dict[str, Score | None]:
        """name -> the company's health score on everything known (None for a name the warehouse lacks), in the
        order asked: kept at ingest (``scores.read_scores``, at most ``max_evidence`` quotes per signal), or
        computed now for a company whose rows changed since (during an ingest)."""
        with self.connect() as con:
            ids = reads.resolve_names(con, names)
            wanted = sorted(set(ids.values()))
            if not reconcile.kept_current(con, wanted):
                facts, events = reconcile.facts_on(con, wanted, None, ()), reconcile.events_on(con, wanted, None, ())
                return score_all(ids, facts, events, None, order=list(names))
            try:
                kept = scores.read_scores(con, ids, max_evidence)
            except duckdb.Error as exc:
                raise QueryRefused(first_line(exc)) from None
        return {n: kept.get(n) for n in names}

    def flows(self, names: Sequence[str]) -> dict[str, dict[str, Flow]]:
        """name -> metric -> the company's 12-month flow of departures and layoffs (``models.flows``), for the
        names the warehouse knows: kept at ingest (``kept_flows``, the counted reports), or computed now for
        a company whose rows changed since (during an ingest)."""
        with self.connect() as con:
            return _flows_on(con, names)

    def figure_rows_and_flows(self, names: Sequence[str]) -> tuple[Any, dict[str, dict[str, Flow]]]:
        """What the side-by-side figures are chosen from, on one connection (opening one costs more than most
        questions): the rows of the companies named (``kept_figures.read_figure_rows``: a DataFrame, kept
        at ingest or computed now for a company that changed since) and their ``flows``."""
        with self.connect() as con:
            try:
                rows = kept_figures.read_figure_rows(con, names)
            except duckdb.Error as exc:
                raise QueryRefused(first_line(exc)) from None
            return rows, _flows_on(con, names)

    def query_dfs(self, queries: Sequence[tuple[str, Params]]) -> list[Any]:
        """Several trusted queries on one read-only connection, each as a pandas DataFrame."""
        with self.connect() as con:
            return [reads.execute(con, sql, params).df() for sql, params in queries]

    # -- a warehouse over a Parquet dataset (the Dask engine's system of record) ---------------------

    def dataset_dir(self) -> Path | None:
        """The Parquet dataset this warehouse reads in place, or None for an ordinary warehouse file."""
        if not self.path.exists():
            return None
        with self.connect() as con:
            return schema.dataset_dir(con)

    def attach_parquet(self, dataset_root: Path | str) -> None:
        """Make this warehouse read a Parquet dataset in place (``dataset.attach_parquet``). Call again after
        new months appear (``ingest`` and ``compact`` do)."""
        root = Path(dataset_root).resolve()
        with self.connect(read_only=False) as con:
            dataset.attach_parquet(con, self.path, root)


def _flows_on(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> dict[str, dict[str, Flow]]:
    """``Warehouse.flows`` on an open connection."""
    ids = reads.resolve_names(con, names)
    wanted = sorted(set(ids.values()))
    try:
        if not reconcile.kept_current(con, wanted):
            facts, events = reconcile.facts_on(con, wanted, None, ()), reconcile.events_on(con, wanted, None, ())
            return company_flows(ids, facts, events)
        return kept_flows.read_flows(con, ids)
    except duckdb.Error as exc:
        raise QueryRefused(first_line(exc)) from None
