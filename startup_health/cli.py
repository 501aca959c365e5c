"""The `startup-health` command: a thin shell over the pipeline, the warehouse and the dashboard.

Errors a user can cause become one line on stderr and exit code 1 (or 2 for bad usage), never a traceback.
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from models.export import write_csv
from models.records import METRICS
from models.warehouse import QueryResult, Warehouse, WarehouseError
from startup_health.settings import Settings

__all__ = ["main", "cli"]

_DB_HELP = "warehouse file (default: $STARTUP_HEALTH_DB or warehouse.duckdb)"


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings()


def _warehouse(ctx: click.Context, db: Path | None) -> Warehouse:
    s = _settings(ctx)
    return Warehouse(db or s.db, lock_wait_s=s.lock_wait_s)


def _fail(message: str) -> None:
    raise click.ClickException(message)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="startup-health")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Startup health tracker: news articles in, traced metrics out."""
    try:
        ctx.obj = Settings()
    except Exception as exc:  # a bad environment variable or .env line
        _fail(f"settings: {exc}")


# -- ingest ----------------------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--workers", type=click.IntRange(min=1), default=None, help="extraction processes (default 1)")
@click.option("--quiet", "-q", is_flag=True, help="no progress bar")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine into the DuckDB file; dask: a Dask cluster into a Parquet dataset")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786); default: a local cluster")
@click.option("--dataset", type=click.Path(path_type=Path, file_okay=False),
              help="Parquet dataset the Dask engine writes (default: the --db file with suffix .parquet)")
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    db: Path | None,
    workers: int | None,
    quiet: bool,
    engine: str = "local",
    scheduler: str | None = None,
    dataset: Path | None = None,
) -> None:
    """Read articles (files or folders of .txt, .md, .html, and web archives .warc, .warc.gz) into the warehouse."""
    from tqdm import tqdm

    from startup_health.pipeline import ingest as run_ingest

    wh = _warehouse(ctx, db)
    if engine == "dask":
        _ingest_dask(ctx, paths, wh, workers, quiet, scheduler, dataset)
        return
    if scheduler or dataset:
        raise click.UsageError("--scheduler and --dataset go with --engine dask")
    if _reads_dataset(wh):
        _fail(f"{wh.path}: reads a Parquet dataset of the Dask engine; add --engine dask to ingest into it")
    bar = tqdm(desc="articles", unit=" files", disable=quiet or None, file=sys.stderr, leave=False)
    try:
        s = _settings(ctx)
        report = run_ingest(
            paths, wh, workers=workers or s.workers, batch_size=s.batch_size, progress=bar.update
        )
    except WarehouseError as exc:
        _fail(str(exc))
    finally:
        bar.close()
    _echo_problems(report)
    click.echo(
        f"{report.read} articles read: {report.new} new, {report.replaced} replaced, {report.unchanged} unchanged; "
        f"{len(report.skipped)} skipped, {len(report.failed)} failed; "
        f"{report.metrics} metrics and {report.events} events stored in {wh.path}" + _prefiltered(report)
    )
    _echo_ingest_changes(wh, report.new_ids)
    if not report.ok:
        ctx.exit(1)


def _reads_dataset(wh: Warehouse) -> bool:
    try:
        return wh.dataset_dir() is not None
    except WarehouseError:
        return False  # the local engine says what is wrong with the file


def _prefiltered(report: Any) -> str:
    """The end of an ingest summary: pages the prefilter skipped, and copies found (each only when any)."""
    out = ""
    if n := getattr(report, "prefiltered", 0):
        out += f"; {n} web-archive page{'s' if n != 1 else ''} skipped by the prefilter (no money, staff or leadership words)"
    if n := getattr(report, "copies", 0):
        out += f"; {n} of the new articles {'is a copy' if n == 1 else 'are copies'} of another story (a source counted once)"
    return out


#: `ingest` names at most this many skipped files or records one by one (a web archive skips thousands)
_MAX_SKIPPED_LINES = 100


def _echo_problems(report: Any) -> None:
    """One line on stderr per failed file and per warning, and per skipped file up to a limit, naming it."""
    for s in report.skipped[:_MAX_SKIPPED_LINES]:
        click.echo(f"skipped {s.path}: {s.reason}", err=True)
    if len(report.skipped) > _MAX_SKIPPED_LINES:
        click.echo(f"skipped {len(report.skipped) - _MAX_SKIPPED_LINES} more files or records (not articles)", err=True)
    for s in report.failed:
        click.echo(f"error   {s.path}: {s.reason}", err=True)
    for w in report.warnings:
        click.echo(f"warning {w}", err=True)


def _ingest_dask(
    ctx: click.Context,
    paths: tuple[Path, ...],
    wh: Warehouse,
    workers: int | None,
    quiet: bool,
    scheduler: str | None,
    dataset: Path | None,
) -> None:
    """`ingest --engine dask`: the Dask engine writes the Parquet dataset; the warehouse file reads it."""
    from tqdm import tqdm

    from startup_health.scale import default_dataset, ingest_dask

    try:
        root = dataset or wh.dataset_dir() or default_dataset(wh.path)
    except WarehouseError as exc:
        _fail(str(exc))
    bar = tqdm(desc="articles", unit=" articles", disable=quiet or None, file=sys.stderr, leave=False)
    try:
        report = ingest_dask(
            paths, root, warehouse=wh, scheduler=scheduler, workers=workers or 2, progress=bar.update
        )
    except (WarehouseError, OSError) as exc:
        _fail(str(exc))
    finally:
        bar.close()
    _echo_problems(report)
    click.echo(
        f"{report.read} articles read: {report.new} new, {report.unchanged} unchanged; "
        f"{len(report.skipped)} skipped, {len(report.failed)} failed; "
        f"{report.metrics} metrics and {report.events} events stored in {root}, read by {wh.path}"
        + _prefiltered(report)
    )
    if not report.ok:
        ctx.exit(1)


# -- news from the web -----------------------------------------------------------------------------


@cli.command()
@click.argument("urls", nargs=-1)
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--offline", is_flag=True, help="re-read the kept pages (every one, or the URLs given): no network")
@click.pass_context
def fetch(ctx: click.Context, urls: tuple[str, ...], db: Path | None, offline: bool) -> None:
    """Download web pages politely, keep them beside the warehouse and store their articles."""
    from startup_health.fetch import Fetcher
    from startup_health.follow import stop_on_signals
    from startup_health.news import NewsReport, fetch_pages, reread_pages
    from startup_health.rawstore import RawStore, default_store

    if not urls and not offline:
        raise click.UsageError("give one or more URLs (or --offline to re-read the kept pages)")
    wh = _warehouse(ctx, db)
    _refuse_dataset(wh, "fetch")
    store = RawStore(default_store(wh.path))
    report = NewsReport()
    with stop_on_signals() as stop:
        try:
            if offline:
                report = reread_pages(wh, store, list(urls) or None)
            else:
                with Fetcher(_settings(ctx).politeness(), sleep=stop.wait) as fetcher:
                    fetch_pages(urls, wh, fetcher, store, report=report, stop=stop)
        except WarehouseError as exc:
            _fail(str(exc))
    if stop():
        click.echo("stopped: every page stored so far is whole", err=True)
    _echo_news(report, wh, store.root)
    if stop():
        ctx.exit(130)
    if not report.ok:
        ctx.exit(1)


@cli.command()
@click.argument("feed_urls", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, help="time between two rounds: 15m, 30s, 2h, or seconds")
@click.option("--once", is_flag=True, help="one round, then stop (exit code 1 when anything failed)")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.pass_context
def follow(ctx: click.Context, feed_urls: tuple[str, ...], every: str, once: bool, db: Path | None) -> None:
    """Poll RSS and Atom feeds and store the articles of their new entries, round after round."""
    from startup_health.fetch import Fetcher
    from startup_health.follow import follow_round, parse_every, run_rounds, stop_on_signals
    from startup_health.rawstore import RawStore, default_store

    try:
        every_s = parse_every(every)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--every") from None
    wh = _warehouse(ctx, db)
    _refuse_dataset(wh, "follow")
    store = RawStore(default_store(wh.path))
    failed = False

    def show(report: Any) -> None:
        nonlocal failed
        failed = failed or not report.ok
        _echo_news(report, wh, store.root)

    with stop_on_signals() as stop, Fetcher(_settings(ctx).politeness(), sleep=stop.wait) as fetcher:
        try:
            run_rounds(lambda: follow_round(feed_urls, wh, fetcher, store, stop=stop), every_s=every_s,
                       on_round=show, rounds=1 if once else None, stop=stop, sleep=stop.wait)  # fmt: skip
        except WarehouseError as exc:
            _fail(str(exc))
    if stop():
        click.echo("stopped: every article and feed state stored so far is whole", err=True)
        return
    if once and failed:
        ctx.exit(1)


def _refuse_dataset(wh: Warehouse, command: str) -> None:
    if _reads_dataset(wh):
        _fail(f"{wh.path}: reads a Parquet dataset of the Dask engine; {command} into a warehouse file of its own (--db NEW.duckdb)")


def _echo_news(report: Any, wh: Warehouse, kept: Path) -> None:
    """The end of `fetch` and of each `follow` round: failures, a summary line, what changed."""
    for line in report.failed:
        click.echo(f"error   {line}", err=True)
    for w in report.warnings:
        click.echo(f"warning {w}", err=True)
    click.echo(
        f"{report.fetched} pages read, {report.not_modified} not modified; {report.new} new, "
        f"{report.replaced} replaced, {report.unchanged} unchanged; {len(report.failed)} failed; "
        f"{report.metrics} metrics and {report.events} events stored in {wh.path}; pages kept in {kept}"
        + _prefiltered(report)
    )
    _echo_ingest_changes(wh, report.new_ids)


@cli.command()
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--dataset", type=click.Path(path_type=Path, file_okay=False), help="default: the one the warehouse reads")
@click.pass_context
def compact(ctx: click.Context, db: Path | None, dataset: Path | None) -> None:
    """Fold a Parquet dataset's new parts into one file per month and table; refresh the warehouse's views."""
    from models.warehouse import compact_dataset, ingest_lock

    wh = _warehouse(ctx, db)
    try:
        root = dataset or wh.dataset_dir()
        if root is None:
            _fail(f"{wh.path}: reads no Parquet dataset; give --dataset DIR, or ingest with --engine dask first")
        assert root is not None
        if not root.is_dir():
            _fail(f"{root}: no such dataset folder")
        with ingest_lock(wh.path, wait_s=wh.lock_wait_s):
            rep = compact_dataset(root)
            wh.attach_parquet(root)
            wh.refresh_facts()
    except WarehouseError as exc:
        _fail(str(exc))
    click.echo(
        f"{rep.parts} parts folded into {rep.months} month files; {rep.articles} articles kept, "
        f"{rep.duplicates} duplicate copies dropped; {wh.path} reads {root}"
    )


# -- query / export --------------------------------------------------------------------------------


def _print_result(res: QueryResult, fmt: str) -> None:
    if fmt == "csv":
        write_csv(sys.stdout, res.columns, [res.rows])
    elif fmt == "json":
        rows = [dict(zip(res.columns, r)) for r in res.rows]
        click.echo(json.dumps(rows, default=str, ensure_ascii=False, indent=1))
    else:
        click.echo(_table(res.columns, res.rows))


def _table(columns: Sequence[str], rows: Sequence[Sequence[Any]], max_width: int = 60) -> str:
    def cell(v: Any) -> str:
        s = "" if v is None else (f"{v:,.0f}" if isinstance(v, float) and v.is_integer() else str(v))
        s = s.replace("\n", " ")
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    body = [[cell(v) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in body]) for i, c in enumerate(columns)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in body]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


@cli.command()
@click.argument("sql")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--allow-files", is_flag=True,
              help="trusted SQL: DuckDB may read and write files (COPY ... TO, read_csv); no sandbox limits")
@click.pass_context
def query(ctx: click.Context, sql: str, db: Path | None, fmt: str, allow_files: bool) -> None:
    """Run SQL on the warehouse: in the sandbox of the dashboard's SQL page, unless --allow-files."""
    wh = _warehouse(ctx, db)
    limits = _settings(ctx).sql_limits()
    try:
        res = wh.query(sql) if allow_files else wh.run_untrusted(sql, limits)
    except WarehouseError as exc:
        _fail(str(exc))
    _print_result(res, fmt)
    if res.cut_by == "rows":
        click.echo(f"showing the first {len(res.rows):,} rows: the answer has more (STARTUP_HEALTH_SQL_MAX_ROWS is "
                   f"{limits.max_rows:,}); `startup-health export --sql` writes all of it", err=True)
    elif res.cut_by == "bytes":
        click.echo(f"showing the first {len(res.rows):,} rows: the answer has more than STARTUP_HEALTH_SQL_MAX_BYTES "
                   f"({limits.max_bytes:,} characters); `startup-health export --sql` writes all of it", err=True)
    if res.shortened:
        click.echo(f"{res.shortened:,} cells longer than {limits.max_cell_chars:,} characters shortened (they end "
                   "in …)", err=True)


@cli.command()
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--sql", help="a query whose result to export")
@click.option("--table", "table", help="a table or view to export whole (default: metrics)")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="file (default: stdout)")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True)
@click.pass_context
def export(
    ctx: click.Context, db: Path | None, sql: str | None, table: str | None, output: Path | None, fmt: str
) -> None:
    """Export a table, view or query as formula-safe CSV (or Parquet)."""
    if sql and table:
        raise click.UsageError("give --sql or --table, not both")
    wh = _warehouse(ctx, db)
    try:
        if not sql:
            name = table or "metrics"
            known = wh.table_columns()
            if name not in known:
                _fail(f"no table or view named {name!r}; there are: {', '.join(sorted(known))}")
            sql = f'SELECT * FROM "{name}"'
        if fmt == "parquet":
            if output is None:
                raise click.UsageError("--format parquet needs -o FILE")
            n = wh.export_parquet(sql, output)
            click.echo(f"{n} rows written to {output}", err=True)
            return
        batches = wh.iter_batches(sql)
        first = next(batches, None)
        columns = first[0] if first else wh.query(f"SELECT * FROM ({sql}) LIMIT 0").columns
        if output is None:
            write_csv(sys.stdout, columns, _chain(first, batches))
        else:
            with open(output, "w", newline="", encoding="utf-8") as fh:
                write_csv(fh, columns, _chain(first, batches))
    except WarehouseError as exc:
        _fail(str(exc))


def _chain(first: Any, batches: Any) -> Any:
    if first:
        yield first[1]
    for _, rows in batches:
        yield rows


# -- summary ---------------------------------------------------------------------------------------


@cli.command()
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--companies", help="comma-separated names (default: the settings' two companies)")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.pass_context
def summary(ctx: click.Context, db: Path | None, companies: str | None, fmt: str) -> None:
    """The companies side by side, one row per metric: the latest figure (departures and layoffs: the sum
    over the last 12 months of each company's news) and its number of sources."""
    from startup_health.summary import SUMMARY_FIELDS, summary_rows

    names = [c.strip() for c in companies.split(",") if c.strip()] if companies else _settings(ctx).companies
    wh = _warehouse(ctx, db)
    try:
        _known_or_fail(wh, names)
        figures = wh.company_figures(names)
        flows = wh.flows(names)
    except WarehouseError as exc:
        _fail(str(exc))
    rows = summary_rows(names, figures, flows)
    if fmt == "csv":
        write_csv(sys.stdout, SUMMARY_FIELDS, [[tuple(r[k] for k in SUMMARY_FIELDS) for r in rows]])
    elif fmt == "json":
        click.echo(json.dumps(rows, default=str, ensure_ascii=False, indent=1))
    else:
        click.echo(format_summary(names, rows))


def _known_or_fail(wh: Warehouse, names: Sequence[str]) -> dict[str, str]:
    """name -> company_id; a name the warehouse does not know stops the command: exit 1, one line naming
    it and the closest names the warehouse has."""
    from startup_health.summary import unknown_names_message

    ids = wh.resolve_companies(names)
    unknown = [n for n in names if n not in ids]
    if unknown:
        known = [r[0] for r in wh.query("SELECT name FROM companies ORDER BY name").rows]
        _fail(unknown_names_message(unknown, known))
    return ids


def format_summary(names: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    """``startup_health.summary.summary_rows`` as a table: metrics down, companies across."""
    from models.flows import FLOW_METRICS
    from startup_health.summary import cell_text

    cells = {(r["company"], r["metric"]): r for r in rows}
    table = [[metric, *(cell_text(cells[(n, metric)], metric in FLOW_METRICS) for n in names)] for metric in METRICS]
    return _table(["metric", *names], table, max_width=60).rsplit("\n", 1)[0]


# -- eval ------------------------------------------------------------------------------------------


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--min-f1", type=float, default=None, help="exit 1 when overall F1 is below this")
def evaluate_cmd(gold: Path, paths: tuple[Path, ...], min_f1: float | None) -> None:
    """Ingest PATHS into a temporary warehouse and score it against a gold CSV."""
    from extract.evaluate import evaluate, format_report
    from startup_health.pipeline import ingest as run_ingest

    with open(gold, newline="", encoding="utf-8") as fh:
        gold_rows = list(csv.DictReader(fh))
    with tempfile.TemporaryDirectory() as tmp:
        wh = Warehouse(Path(tmp) / "eval.duckdb")
        report = run_ingest(paths, wh)
        for s in report.failed:
            click.echo(f"error   {s.path}: {s.reason}", err=True)
        res = wh.query(
            "SELECT article_path, company, metric, value, unit, qualifier, as_of, surface FROM metrics "
            "ORDER BY article_path, char_start"
        )
    predicted = [
        {
            "article": Path(p).name,
            "company": c,
            "metric": m,
            "value": v,
            "unit": u,
            "qualifier": q,
            "period_or_asof": a or "",
            "evidence": s,
        }
        for p, c, m, v, u, q, a, s in res.rows
    ]
    result = evaluate(gold_rows, predicted)
    click.echo(format_report(result))
    if min_f1 is not None and result.overall.f1 < min_f1:
        raise click.ClickException(f"overall F1 {result.overall.f1:.3f} is below {min_f1}")


# -- serve -----------------------------------------------------------------------------------------


@cli.command()
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--host", default=None, help="address to listen on (default 127.0.0.1)")
@click.option("--port", type=click.IntRange(0, 65535), default=None, help="port (default 8050)")
@click.pass_context
def serve(ctx: click.Context, db: Path | None, host: str | None, port: int | None) -> None:
    """Serve the dashboard."""
    from dashboard.app import serve as serve_dashboard

    s = _settings(ctx)
    update = {k: v for k, v in (("db", db), ("host", host), ("port", port)) if v is not None}
    serve_dashboard(s.model_copy(update=update))


# -- score / changes (health-signals layer) --------------------------------------------------------


def _parse_date(value: str | None, option: str) -> Any:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2024-03-31", param_hint=option) from None


@cli.command()
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--companies", help="comma-separated names (default: the settings' two companies)")
@click.option("--as-of", "as_of", metavar="DATE", help="only articles published by DATE (YYYY-MM-DD)")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--no-quotes", is_flag=True, help="leave out the quotes under each signal")
@click.pass_context
def score(
    ctx: click.Context, db: Path | None, companies: str | None, as_of: str | None, fmt: str, no_quotes: bool
) -> None:
    """Health scores (0-100) with each signal's contribution and its evidence."""
    from models.health import breakdown, format_scores, score_companies

    names = [c.strip() for c in companies.split(",") if c.strip()] if companies else _settings(ctx).companies
    when = _parse_date(as_of, "--as-of")
    try:
        _known_or_fail(_warehouse(ctx, db), names)
        scores = score_companies(_warehouse(ctx, db), names, when)
    except WarehouseError as exc:
        _fail(str(exc))
    found = [s for s in scores.values() if s is not None]
    missing = [n for n, s in scores.items() if s is None]
    if fmt == "json":
        rows = [
            {"company": s.company, "score": s.value, "confidence": s.confidence, "as_of": when,
             "window_end": s.reference_date, "signals": breakdown(s)}
            for s in found
        ]
        click.echo(json.dumps(rows, default=str, ensure_ascii=False, indent=1))
    elif found:
        click.echo(format_scores(found, evidence=not no_quotes))
    for n in missing:
        click.echo(f"{n}: no such company in the warehouse", err=True)
    if not found:
        ctx.exit(1)


@cli.command()
@click.option("--since", required=True, metavar="DATE", help="list what articles published after DATE changed")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), help=_DB_HELP)
@click.option("--companies", help="comma-separated names (default: every company)")
@click.option("--no-quotes", is_flag=True, help="leave out the source quote under each change")
@click.pass_context
def changes(ctx: click.Context, since: str, db: Path | None, companies: str | None, no_quotes: bool) -> None:
    """Facts and signals that appeared or moved since a date, each with its source."""
    from startup_health.changes import changes_since, format_changes

    when = _parse_date(since, "--since")
    names = [c.strip() for c in companies.split(",") if c.strip()] if companies else None
    try:
        found = changes_since(_warehouse(ctx, db), when, names)
    except WarehouseError as exc:
        _fail(str(exc))
    click.echo(format_changes(found, quotes=not no_quotes))


#: Above this many new articles, `ingest` does not list what they changed (it costs seconds per thousand).
_CHANGES_MAX_ARTICLES = 2000


def _echo_ingest_changes(wh: Warehouse, new_ids: Sequence[str], limit: int = 40) -> None:
    """End of `ingest`: what the new articles changed (never fails the ingest)."""
    if not new_ids:
        return
    if len(new_ids) > _CHANGES_MAX_ARTICLES:
        click.echo(
            f"{len(new_ids)} new articles: too many to list what each changed here; "
            "`startup-health changes --since DATE` lists it by publication date."
        )
        return
    from startup_health.changes import changes_from_articles, format_changes

    try:
        found = changes_from_articles(wh, new_ids)
    except WarehouseError as exc:
        click.echo(f"warning could not list what changed: {exc}", err=True)
        return
    click.echo("What the new articles changed:" if found else "The new articles changed no fact or signal.")
    if found:
        click.echo(format_changes(found, limit=limit))


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="startup-health")


if __name__ == "__main__":
    main()
