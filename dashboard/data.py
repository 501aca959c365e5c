"""The questions the dashboard asks the warehouse. Callbacks call this module; it is the only one with SQL.

Every answer comes from a short-lived read-only connection (``models.warehouse.Warehouse``), so an ingest
running into the same file only ever waits a moment for us and we for it. Answers are cached per version of
the warehouse file (its size and modification time, which change whenever an ingest commits), so new
articles show up on the next request without a restart and repeated questions cost nothing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from dashboard.summary import (
    METRIC_LABELS,
    format_value,
    records,
    summarise,
    with_flows,
)
from models.export import iter_csv
from models.records import METRICS
from models.warehouse import Limits, QueryRefused, QueryResult, Warehouse, WarehouseError, WarehouseMissing
from models.warehouse.connection import file_version

__all__ = [
    "EVIDENCE_CSV_COLUMNS",
    "EVIDENCE_ORDER",
    "EXAMPLE_QUERIES",
    "SqlAnswer",
    "DashboardData",
    "split_quote",
    "quote_window",
    "safe_url",
    "parse_companies",
    "format_companies",
]

#: Columns of the evidence CSV, in order: what the table shows, with the raw value and the article's parts.
EVIDENCE_CSV_COLUMNS = [
    "company",
    "metric",
    "value",
    "unit",
    "qualifier",
    "as_of",
    "published",
    "quote",
    "surface",
    "article_title",
    "article_url",
    "article_path",
]
_METRIC_ORDER = "list_position([" + ", ".join(f"'{m}'" for m in METRICS) + "], metric)"
#: The evidence table's own order: company, metric (in the order shown), newest first.
EVIDENCE_ORDER = (
    f"company, {_METRIC_ORDER}, coalesce(as_of_start, published) DESC NULLS LAST, "
    "published DESC NULLS LAST, article_id, row_no"
)

EXAMPLE_QUERIES: list[tuple[str, str]] = [
    (
        "Figures per company, newest first",
        "SELECT company, metric, value, unit, qualifier, as_of, published\n"
        "FROM metrics\nORDER BY company, metric, published DESC\nLIMIT 100",
    ),
    (
        "Companies by number of figures",
        "SELECT company, count(*) AS figures, count(DISTINCT article_id) AS articles\n"
        "FROM metrics\nGROUP BY company\nORDER BY figures DESC",
    ),
    (
        "Monthly burn, highest first",
        "SELECT company, value AS usd_per_month, as_of, quote\nFROM metrics\n"
        "WHERE metric = 'burn_rate'\nORDER BY value DESC",
    ),
    (
        "Leadership changes",
        "SELECT company, person, role, kind, as_of, published, quote\nFROM events\n"
        "ORDER BY published DESC",
    ),
    (
        "Articles and what they gave",
        "SELECT a.title, a.published, count(m.row_no) AS figures\nFROM articles a\n"
        "LEFT JOIN metrics m USING (article_id)\nGROUP BY ALL\nORDER BY a.published DESC",
    ),
]


# -- pure helpers ----------------------------------------------------------------------------------


def parse_companies(search: str | None) -> list[str] | None:
    """Companies from a URL query string ``?companies=A,B``; None when the URL names none.

    >>> parse_companies("?companies=Stability%20AI,Inflection%20AI")
    ['Stability AI', 'Inflection AI']
    >>> parse_companies("") is None
    True
    """
    from urllib.parse import parse_qs

    if not search:
        return None
    values = parse_qs(search.lstrip("?")).get("companies")
    if not values:
        return None
    names: list[str] = []
    for v in values:
        for name in v.split(","):
            name = name.strip()
            if name and name not in names:
                names.append(name)
    return names or None


def format_companies(companies: Sequence[str]) -> str:
    """The URL query string for a choice of companies.

    >>> format_companies(["Stability AI", "Inflection AI"])
    '?companies=Stability+AI,Inflection+AI'
    """
    from urllib.parse import quote_plus

    return "?companies=" + ",".join(quote_plus(c) for c in companies)


def safe_url(url: Any) -> str | None:
    """The article's URL if it is a web address; anything else (``javascript:``...) is dropped.

    >>> safe_url("https://example.com/a"), safe_url("javascript:alert(1)"), safe_url(None)
    ('https://example.com/a', None, None)
    """
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def split_quote(quote: Any, start: Any, end: Any) -> tuple[str, str, str]:
    """The sentence cut around the figure: (before, figure, after). Bad offsets give no highlight.

    >>> split_quote("It burns $8M a month.", 9, 12)
    ('It burns ', '$8M', ' a month.')
    >>> split_quote("Short.", 3, 99)
    ('Short.', '', '')
    """
    text = quote if isinstance(quote, str) else ""
    try:
        s, e = int(start), int(end)
    except (TypeError, ValueError):
        return text, "", ""
    if not 0 <= s <= e <= len(text):
        return text, "", ""
    return text[:s], text[s:e], text[e:]


def quote_window(before: str, mark: str, after: str, lead: int = 70, total: int = 190) -> tuple[str, str]:
    """The parts of a sentence a short cell shows around its figure: at most ``lead`` characters before
    it and ``total`` in all, cut at spaces and marked "…", so the figure is always in view.

    >>> quote_window("A long lead-in that goes on and on, then it says ", "$8M", " a month.", lead=20)
    ('…on, then it says ', ' a month.')
    >>> quote_window("Short ", "$1", " and the rest of it", total=16)
    ('Short ', ' and the…')
    """
    if len(before) > lead:
        cut = before[len(before) - lead:]
        space = -1 if before[len(before) - lead - 1] == " " else cut.find(" ")  # drop a word cut in two
        before = "…" + (cut[space + 1:] if space < len(cut) - 1 else cut)
    room = max(total - len(before) - len(mark), 0)
    if len(after) > room:
        cut = after[:room]
        space = len(cut) if after[room] == " " else cut.rfind(" ")
        after = (cut[:space] if space > 0 else cut).rstrip(" ,;:") + "…"
    return before, after


_MISS = object()  # what ``_hit`` returns when the cache does not hold the answer


# -- the data source -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SqlAnswer:
    """What the SQL page shows: a table, or a message saying why there is none."""

    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    message: str = ""
    ok: bool = True
    truncated: bool = False


class DashboardData:
    """Answers for the dashboard's callbacks, from one warehouse file."""

    def __init__(
        self,
        warehouse: Warehouse,
        *,
        sql_limits: Limits | None = None,
        sql_timeout_s: float | None = None,
        sql_max_rows: int | None = None,
        cache_entries: int = 256,
        timeline_cap: int = 100,
        csv_chunk_rows: int = 20_000,
    ) -> None:
        self.warehouse = warehouse
        overrides = {"timeout_s": sql_timeout_s, "max_rows": sql_max_rows}
        self.sql_limits = replace(sql_limits or Limits(), **{k: v for k, v in overrides.items() if v is not None})
        self.timeline_cap = timeline_cap
        self.csv_chunk_rows = csv_chunk_rows
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._cache_entries = cache_entries
        self._lock = threading.Lock()
        self._computing: dict[tuple[Any, ...], threading.Lock] = {}

    # -- caching -------------------------------------------------------------------------------

    def version(self) -> tuple[int, ...] | None:
        """Changes whenever an ingest commits or folds: inode, size and mtime of the file and of its
        write-ahead log (``connection.file_version``)."""
        return file_version(self.warehouse.path)

    def version_token(self) -> str | None:
        """``version`` as text, for the page to hold: nanosecond times are past what a browser's numbers
        keep exactly (2**53), so as numbers every poll would look like a new version."""
        v = self.version()
        return None if v is None else "-".join(map(str, v))

    def _cached(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        full = (self.version(), *key)
        hit = self._hit(full)
        if hit is not _MISS:
            return hit
        # one computation per question at a time: the page asks for the same inputs from two callbacks at
        # once (the figures' flows and the health score), and the second waits for the first's answer
        with self._lock:
            gate = self._computing.setdefault(full, threading.Lock())
        with gate:
            hit = self._hit(full)
            if hit is not _MISS:
                return hit
            try:
                value = compute()
                if self.version() == full[0]:  # do not keep an answer the file changed under
                    with self._lock:
                        self._cache[full] = value
                        while len(self._cache) > self._cache_entries:
                            self._cache.popitem(last=False)
            finally:
                with self._lock:
                    self._computing.pop(full, None)
        return value

    def _hit(self, full: tuple[Any, ...]) -> Any:
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]
        return _MISS

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    # -- companies -----------------------------------------------------------------------------

    def companies(self) -> pd.DataFrame:
        """Every company in the warehouse with its number of figures and events, most covered first.

        An empty frame when there is no warehouse file yet.
        """

        def compute() -> pd.DataFrame:
            try:
                return self.warehouse.query_df(
                    """SELECT c.name AS company, coalesce(m.n, 0) AS n_metrics, coalesce(e.n, 0) AS n_events
                       FROM companies c
                       LEFT JOIN (SELECT company_id, count(*) AS n FROM metric_rows GROUP BY ALL) m
                            USING (company_id)
                       LEFT JOIN (SELECT company_id, count(*) AS n FROM event_rows GROUP BY ALL) e
                            USING (company_id)
                       WHERE coalesce(m.n, 0) + coalesce(e.n, 0) > 0
                       ORDER BY n_metrics DESC, n_events DESC, company"""
                )
            except WarehouseMissing:
                return pd.DataFrame({"company": [], "n_metrics": [], "n_events": []})
            except QueryRefused:
                # a file with no tables yet (ensure_schema not run): nothing to show
                return pd.DataFrame({"company": [], "n_metrics": [], "n_events": []})

        return self._cached(("companies",), compute)

    def company_names(self) -> list[str]:
        return [str(c) for c in self.companies()["company"]]

    # -- per-company figures -------------------------------------------------------------------

    def summary(self, companies: Sequence[str]) -> pd.DataFrame:
        """``dashboard.summary.summarise`` of the chosen companies, with the quote of each figure shown.

        ``summarise`` gets only the rows that can change its result, kept at ingest for every company
        (``models.warehouse.kept_figures``), so a company with tens of thousands of figures costs little more
        than one with ten: the rows as recent as the most recent of their company and metric (among which
        ``summarise`` picks), each with the number of articles agreeing with it (``n_agree``, what
        ``summarise`` would count) and its quote; the rows whose period overlaps theirs (which may disagree);
        the rows of the same articles (the other end of a range). ``tests/test_dashboard_data.py`` checks the
        result equals ``summarise`` of every row. The rows and the flows are read on one connection.
        """
        key = tuple(companies)

        def compute() -> pd.DataFrame:
            if not key:
                return with_flows(summarise(pd.DataFrame(columns=_SUMMARY_INPUT), []).assign(quote=None), {})
            rows, flows = self.warehouse.figure_rows_and_flows(key)
            out = summarise(rows, key)
            chosen = rows[rows["quote"].notna()]
            quotes = {(a, int(r)): q for a, r, q in zip(chosen["article_id"], chosen["row_no"], chosen["quote"])}
            out["quote"] = [
                quotes.get((a, int(r))) if isinstance(a, str) else None
                for a, r in zip(out["article_id"], out["row_no"].fillna(-1))
            ]
            return with_flows(out, flows)

        return self._cached(("summary", key), compute)

    def undated(self, companies: Sequence[str]) -> int:
        """How many figures and leadership changes of the chosen companies have no date at all (neither the
        text nor the article says when): the time axis cannot place them."""
        return self._timeline_answer(companies)[2]

    def timeline(self, companies: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Figures and leadership changes of the chosen companies that have a date, oldest first.

        At most ``timeline_cap`` figures per company and metric, and as many changes per company (the
        newest), so the chart stays light on any warehouse; ``n_dated`` says how many there are in all.
        """
        points, events, _ = self._timeline_answer(companies)
        return points, events

    def _timeline_answer(self, companies: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame, int]:
        """``timeline`` and ``undated``, asked on one connection and cached together (the chart shows both)."""
        key = tuple(companies)

        def compute() -> tuple[pd.DataFrame, pd.DataFrame, int]:
            params = {"companies": list(key)}
            both, undated = self.warehouse.query_dfs(
                [(_TIMELINE_SQL, {**params, "cap": self.timeline_cap}), (_UNDATED_SQL, params)]
            )
            points = both[both["kind"] == "m"].drop(columns=["kind", "person", "role", "event", "rn"])
            events = both[both["kind"] == "e"].drop(columns=["kind", "metric", "value", "unit", "qualifier", "rn"])
            events = events.rename(columns={"event": "kind"})
            points = points.assign(
                display=[
                    format_value(float(v), u, q)
                    for v, u, q in zip(points["value"].tolist(), points["unit"].tolist(), points["qualifier"].tolist())
                ]
            )
            n = int(undated["n"].iloc[0]) if len(undated) else 0
            return points.reset_index(drop=True), events.reset_index(drop=True), n

        return self._cached(("timeline", key), compute)

    # -- health score ----------------------------------------------------------------------------

    def health(self, companies: Sequence[str], max_quotes: int | None = None) -> dict[str, Any]:
        """The health scores of the chosen companies (name -> Score, None for a name the warehouse lacks), with
        at most ``max_quotes`` quotes per signal, cached per warehouse version like every other answer. The
        warehouse keeps every company's score up to date at ingest (``Warehouse.scores``)."""
        key = tuple(companies)
        return self._cached(
            ("health", key, max_quotes), lambda: self.warehouse.scores(list(key), max_quotes) if key else {}
        )

    # -- evidence --------------------------------------------------------------------------------

    def evidence(self, companies: Sequence[str], cap: int = 1_000) -> tuple[list[dict[str, Any]], int]:
        """The evidence table's rows for these companies, and how many rows they have in all.

        At most ``cap`` rows (the most recent), so the page stays light for companies with tens of
        thousands of figures; the grid sorts, filters and pages them in the browser.
        """
        key = tuple(companies)

        def compute() -> tuple[list[dict[str, Any]], int]:
            if not key:
                return [], 0
            df = self.warehouse.query_df(_EVIDENCE_SQL, {"companies": list(key), "cap": int(cap)})
            if df.empty:
                return [], 0
            total = int(df["total"].iloc[0])
            return [_grid_row(r) for r in records(df)], total

        return self._cached(("evidence", key, cap), compute)

    def metric_detail(self, article_id: str, row_no: int) -> dict[str, Any] | None:
        df = self.warehouse.query_df(
            """SELECT company, metric, value, unit, qualifier, as_of, CAST(published AS VARCHAR) AS published,
                      quote, char_start - quote_start AS hl_start, char_end - quote_start AS hl_end,
                      article_title, article_url, article_path, article_id, row_no
               FROM metrics WHERE article_id = ? AND row_no = ?""",
            [article_id, int(row_no)],
        )
        return _grid_row(df.to_dict("records")[0]) if len(df) else None

    def event_detail(self, article_id: str, row_no: int) -> dict[str, Any] | None:
        df = self.warehouse.query_df(
            """SELECT e.company, e.person, e.role, e.kind, e.as_of, CAST(e.published AS VARCHAR) AS published,
                      e.quote, e.char_start - e.quote_start AS hl_start, e.char_end - e.quote_start AS hl_end,
                      a.title AS article_title, e.article_url, e.article_path, e.article_id, e.row_no
               FROM events e LEFT JOIN articles a USING (article_id)
               WHERE e.article_id = ? AND e.row_no = ?""",
            [article_id, int(row_no)],
        )
        if not len(df):
            return None
        r = {k: _plain(v) for k, v in df.to_dict("records")[0].items()}
        r["before"], r["mark"], r["after"] = split_quote(r.pop("quote"), r.pop("hl_start"), r.pop("hl_end"))
        r["article_url"] = safe_url(r.get("article_url"))
        return r

    # -- CSV -------------------------------------------------------------------------------------

    def evidence_csv(self, row_ids: Sequence[str], companies: Sequence[str] = ()) -> str:
        """CSV of the metric rows with these ids ("article_id:row_no"), in this order: what the table shows.

        ``companies`` (the companies the table shows) only narrow where the rows are looked for: the rows
        are read from those companies' part of the table, and any id not found there from the whole table.
        The table holds at most a few thousand rows, so the CSV is built whole; the whole ``metrics`` view
        streams (``iter_metrics_csv``).
        """
        keys: list[tuple[str, int]] = []
        for rid in row_ids:
            article_id, _, row_no = str(rid).rpartition(":")
            if article_id and row_no.isdigit():
                keys.append((article_id, int(row_no)))
        found: dict[tuple[str, int], tuple[Any, ...]] = {}
        if keys and companies:
            params = {"a": [a for a, _ in keys], "r": [r for _, r in keys], "companies": list(companies)}
            found = {(r[0], int(r[1])): r[2:] for r in self.warehouse.query(_CSV_CHOSEN_SQL, params).rows}
        missing = sorted({a for a in (k[0] for k in keys if k not in found)})
        if missing:
            res = self.warehouse.query(_CSV_ARTICLES_SQL, {"a": missing})
            found.update({(r[0], int(r[1])): r[2:] for r in res.rows if (r[0], int(r[1])) not in found})
        rows = [found[k] for k in keys if k in found]
        return "".join(iter_csv(EVIDENCE_CSV_COLUMNS, [rows]))

    def iter_metrics_csv(self) -> Iterator[str]:
        """CSV of the whole ``metrics`` view, streamed: chunks in (article_id, row_no) order."""
        columns = self._view_columns("metrics")
        select = ", ".join(f'"{c}"' for c in columns)

        def batches() -> Iterator[list[tuple[Any, ...]]]:
            last: tuple[str, int] | None = None
            ia, ir = columns.index("article_id"), columns.index("row_no")
            while True:
                if last is None:
                    sql, params = (f"SELECT {select} FROM metrics ORDER BY article_id, row_no LIMIT ?", [])
                else:
                    sql = (
                        f"SELECT {select} FROM metrics WHERE article_id > ? OR (article_id = ? AND row_no > ?) "
                        "ORDER BY article_id, row_no LIMIT ?"
                    )
                    params = [last[0], last[0], last[1]]
                rows = self.warehouse.query(sql, [*params, self.csv_chunk_rows]).rows
                if not rows:
                    return
                yield rows
                if len(rows) < self.csv_chunk_rows:
                    return
                last = (rows[-1][ia], rows[-1][ir])

        return iter_csv(columns, batches())

    def _view_columns(self, view: str) -> list[str]:
        def compute() -> list[str]:
            res = self.warehouse.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [view],
            )
            return [r[0] for r in res.rows]

        return self._cached(("columns", view), compute)

    # -- SQL page --------------------------------------------------------------------------------

    def run_sql(self, sql: str) -> SqlAnswer:
        """Run SQL typed by a user in the warehouse's sandbox: refusals, syntax errors and limits come back
        as a message saying which."""
        try:
            res = self.warehouse.run_untrusted(sql, self.sql_limits)
        except WarehouseError as exc:  # the sandbox's messages, no file yet, another program's file...
            return SqlAnswer(message=str(exc), ok=False)
        columns = _unique_columns(res.columns)
        rows = [{c: _plain(v) for c, v in zip(columns, row)} for row in res.rows]
        counted = f"{len(rows):,} row" + ("" if len(rows) == 1 else "s")
        message = sql_note(len(rows), res, self.sql_limits) or counted
        return SqlAnswer(columns=columns, rows=rows, message=message, truncated=res.truncated or res.shortened > 0)

    def sql_csv(self, sql: str) -> tuple[str, str | None]:
        """CSV of a typed query's answer, cut to the page's limits like the page, and the note saying how
        (None when nothing was cut). Raises WarehouseError (QueryRefused for the sandbox's refusals)."""
        res = self.warehouse.run_untrusted(sql, self.sql_limits)
        content = "".join(iter_csv(_unique_columns(res.columns), [res.rows]))
        return content, sql_note(len(res.rows), res, self.sql_limits)


def sql_note(n: int, res: QueryResult, limits: Limits) -> str | None:
    """What the SQL page says about an answer the sandbox cut: rows left out, cells shortened; None if neither.

    >>> sql_note(2, QueryResult(["a"], [], truncated=True, cut_by="rows"), Limits(max_rows=2))[:40]
    'Showing the first 2 rows: the result has'
    """
    parts = []
    if res.cut_by == "bytes":
        parts.append(
            f"Showing the first {n:,} rows: the result has more, and the page stops at "
            f"{limits.max_bytes:,} characters. Add a LIMIT or an aggregate to see what you need."
        )
    elif res.truncated:
        parts.append(
            f"Showing the first {n:,} rows: the result has more, and the page stops at {limits.max_rows:,}. "
            "Add a LIMIT or an aggregate to see what you need."
        )
    if res.shortened:
        parts.append(
            f"{res.shortened:,} cell{'s' if res.shortened != 1 else ''} longer than {limits.max_cell_chars:,} "
            "characters shortened (they end in …)."
        )
    return " ".join(parts) or None


_SUMMARY_INPUT = [
    "company",
    "metric",
    "value",
    "unit",
    "qualifier",
    "as_of",
    "as_of_start",
    "as_of_end",
    "published",
    "article_id",
    "row_no",
]


#: The chosen companies' rows ($companies: names as in ``companies.name``), filtered on the stored company_id:
#: the tables are kept in company order (``Warehouse.optimize``), so a scan reads only these companies'
#: row groups, and no join runs over other companies' rows.
_CHOSEN = (
    "company_id IN (SELECT company_id FROM companies WHERE name IN (SELECT unnest(CAST($companies AS VARCHAR[]))))"
)

#: The timeline's items (``DashboardData.timeline``): per company and metric the $cap newest dated figures,
#: per company the $cap newest dated leadership changes, each with how many dated ones there are in all
#: (``n_dated``), oldest first. Ranking every row by (date, article, row) costs more than the rest of the
#: question, so the $cap-th newest date of each group is found first (``cut``: the $cap largest dates, kept
#: by the aggregate without sorting), and only the rows from that date on are ranked in full: those are
#: exactly the rows a full ranking puts first. The quotes are read for the items picked only.
_TIMELINE_SQL = f"""
WITH m AS (
    SELECT m.company_id, m.metric, m.value, m.unit, m.qualifier, m.as_of,
           coalesce(m.as_of_start, a.published) AS date, m.article_id, m.row_no
    FROM metric_rows m JOIN articles a USING (article_id)
    WHERE m.{_CHOSEN}
), cut AS (
    SELECT company_id, metric, count(date) AS n_dated, list_min(max(date, greatest($cap, 1))) AS since
    FROM m GROUP BY ALL
), ranked AS (
    SELECT m.*, cut.n_dated,
           row_number() OVER (PARTITION BY company_id, metric
                              ORDER BY date DESC NULLS LAST, article_id, row_no) AS rn
    FROM m JOIN cut USING (company_id, metric)
    WHERE m.date >= cut.since
), shown AS (
    SELECT * FROM ranked WHERE rn <= $cap
), quotes AS (
    SELECT q.article_id, q.row_no, q.quote FROM metric_rows q SEMI JOIN shown USING (article_id, row_no)
    WHERE q.{_CHOSEN}
), e AS (
    SELECT e.company_id, e.person, e.role, e.kind AS event, e.as_of, coalesce(e.as_of_start, a.published) AS date,
           e.quote, e.article_id, e.row_no
    FROM event_rows e JOIN articles a USING (article_id)
    WHERE e.{_CHOSEN}
), e_ranked AS (
    SELECT *,
           row_number() OVER (PARTITION BY company_id ORDER BY date DESC NULLS LAST, article_id, row_no) AS rn,
           count(date) OVER (PARTITION BY company_id) AS n_dated
    FROM e
)
SELECT * FROM (
    SELECT 'm' AS kind, c.name AS company, s.metric, s.value, s.unit, s.qualifier, NULL AS person, NULL AS role,
           NULL AS event, s.as_of, s.date, q.quote, s.article_id, s.row_no, s.rn, s.n_dated
    FROM shown s JOIN companies c USING (company_id) JOIN quotes q USING (article_id, row_no)
    UNION ALL
    SELECT 'e', c.name, NULL, NULL, NULL, NULL, e.person, e.role, e.event, e.as_of, e.date, e.quote,
           e.article_id, e.row_no, e.rn, e.n_dated
    FROM e_ranked e JOIN companies c USING (company_id)
    WHERE e.rn <= $cap AND e.date IS NOT NULL
)
ORDER BY date, company"""

#: How many figures and leadership changes of the chosen companies have no date at all (``undated``): no
#: date of their own and an undated article.
_UNDATED_SQL = f"""
SELECT (SELECT count(*) FROM metric_rows m JOIN articles a USING (article_id)
        WHERE m.{_CHOSEN} AND m.as_of_start IS NULL AND a.published IS NULL)
     + (SELECT count(*) FROM event_rows e JOIN articles a USING (article_id)
        WHERE e.{_CHOSEN} AND e.as_of_start IS NULL AND a.published IS NULL) AS n"""


#: The evidence table's rows (``DashboardData.evidence``): the chosen companies' $cap most recent figures, in
#: the table's order, each with ``total``, how many figures they have in all. As in ``_TIMELINE_SQL``, the
#: $cap-th most recent date is found first (``cut``) and only the rows from that date on (all rows when
#: fewer than $cap have a date) are sorted; the quotes and articles are read for the rows picked only.
_EVIDENCE_SQL = f"""
WITH m AS (
    SELECT m.article_id, m.row_no, a.published, coalesce(m.as_of_start, a.published) AS w
    FROM metric_rows m JOIN articles a USING (article_id)
    WHERE m.{_CHOSEN}
), cut AS (
    SELECT count(*) AS total, CASE WHEN count(w) >= $cap THEN list_min(max(w, greatest($cap, 1))) END AS since
    FROM m
), picked AS (
    SELECT m.article_id, m.row_no, cut.total FROM m, cut
    WHERE cut.since IS NULL OR m.w >= cut.since
    ORDER BY m.w DESC NULLS LAST, m.published DESC NULLS LAST, m.article_id, m.row_no
    LIMIT $cap
), f AS (
    SELECT c.name AS company, r.metric, r.value, r.unit, r.qualifier, r.as_of, r.as_of_start, a.published,
           r.quote, r.char_start - r.quote_start AS hl_start, r.char_end - r.quote_start AS hl_end,
           a.title AS article_title, a.url AS article_url, a.path AS article_path, r.article_id, r.row_no,
           p.total
    FROM picked p
    JOIN metric_rows r ON r.article_id = p.article_id AND r.row_no = p.row_no
    JOIN articles a ON a.article_id = r.article_id
    JOIN companies c ON c.company_id = r.company_id
    WHERE r.{_CHOSEN}
)
SELECT * EXCLUDE (as_of_start) REPLACE (CAST(published AS VARCHAR) AS published) FROM f
ORDER BY {EVIDENCE_ORDER}"""

#: The evidence CSV's columns (``EVIDENCE_CSV_COLUMNS``) after the row's key (article_id, row_no), of a
#: metric_rows row ``m`` joined to its article ``a`` and company ``c``.
_CSV_COLUMNS_SQL = (
    "m.article_id, m.row_no, c.name AS company, m.metric, m.value, m.unit, m.qualifier, m.as_of, "
    "CAST(a.published AS VARCHAR) AS published, m.quote, m.surface, a.title AS article_title, "
    "a.url AS article_url, a.path AS article_path"
)
#: The rows with the keys ($a, $r: article ids and row numbers, in pairs) among the chosen companies' rows.
_CSV_CHOSEN_SQL = f"""
WITH k AS (SELECT unnest(CAST($a AS VARCHAR[])) AS article_id, unnest(CAST($r AS INTEGER[])) AS row_no)
SELECT {_CSV_COLUMNS_SQL}
FROM metric_rows m SEMI JOIN k USING (article_id, row_no)
JOIN articles a USING (article_id) JOIN companies c USING (company_id)
WHERE m.{_CHOSEN}"""
#: Every row of the articles $a, whatever their company.
_CSV_ARTICLES_SQL = f"""
SELECT {_CSV_COLUMNS_SQL}
FROM metric_rows m JOIN articles a USING (article_id) JOIN companies c USING (company_id)
WHERE m.article_id IN (SELECT unnest(CAST($a AS VARCHAR[])))"""


def _plain(v: Any) -> Any:
    """A JSON-friendly cell: NaN/NaT to None, dates and other objects to text."""
    if v is None:
        return None
    if isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return None if v != v else v
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "item"):
        try:
            return _plain(v.item())
        except (TypeError, ValueError):
            pass
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def _unique_columns(columns: Sequence[str]) -> list[str]:
    """Column names made unique (``SELECT 1, 1`` has two columns called "1")."""
    seen: dict[str, int] = {}
    out = []
    for c in columns:
        name = str(c)
        if name in seen:
            seen[name] += 1
            name = f"{name}_{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def _grid_row(r: dict[str, Any]) -> dict[str, Any]:
    """One row as the evidence grid and the evidence panel want it."""
    row = {k: _plain(v) for k, v in r.items() if k != "total"}
    row["figure"] = format_value(row["value"], row["unit"], row["qualifier"])
    row["before"], row["mark"], row["after"] = split_quote(row["quote"], row.pop("hl_start"), row.pop("hl_end"))
    # the table's cells show a window of the sentence around the figure; the evidence panel all of it
    row["q_before"], row["q_after"] = quote_window(row["before"], row["mark"], row["after"])
    row["metric_label"] = METRIC_LABELS.get(row["metric"], row["metric"])
    row["article_url"] = safe_url(row.get("article_url"))
    row["id"] = f"{row['article_id']}:{row['row_no']}"
    return row
