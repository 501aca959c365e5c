"""Benchmark of the dashboard on a synthetic warehouse (a script, not a timed test).

    python bench/bench_dashboard.py                       # 100,000 articles, 1,000,000 metric rows
    python bench/bench_dashboard.py --articles 10000 --rows-per-article 10 --runs 20

Builds (once; reused while the parameters match) a warehouse in bench/out/ through ``Warehouse.write_batch``,
stored in company order by ``Warehouse.optimize`` as a big ingest leaves it, then reports:

* the server-side time of every Dash callback: each one is POSTed to ``/_dash-update-component`` through
  Flask's test client, so routing, the callback, the warehouse query and JSON encoding are all counted. Every
  call starts from an empty answer cache (the worst case: a warehouse that just changed); median and 95th
  percentile over varied inputs (company pairs drawn by coverage, grid pages, sorts, filters, clicks);
* the time to first render: headless Chromium loads the page until the scorecards, both charts and the first
  grid page are drawn (fresh browser context each time);
* the streamed download of the whole ``metrics`` view: time, size and the server's peak memory growth;
* the hostile-SQL table (``tests/hostile_sql.py``) through the SQL page, then four heavy statements at once:
  the server's peak memory and its worker processes'.

Goal: every callback's 95th percentile under 150 ms on 100,000 articles / 1,000,000 metric rows.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import logging
import os
import platform
import random
import resource
import statistics
import sys
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from dashboard import ids  # noqa: E402
from dashboard.app import create_app  # noqa: E402
from models.records import METRICS, Article, Event, Extraction, Metric, Period  # noqa: E402
from models.warehouse import Warehouse  # noqa: E402
from startup_health.settings import Settings  # noqa: E402

OUT = REPO / "bench" / "out"
UNITS = {m: ("USD/month" if m == "burn_rate" else "USD") for m in ("funding_raised", "valuation", "valuation_target",
                                                                     "burn_rate", "revenue")}
SCALE = {"funding_raised": 5e7, "valuation": 1e9, "valuation_target": 2e9, "burn_rate": 5e6, "revenue": 1e8,
         "departed_talent": 5, "layoffs": 200, "headcount": 800}
QUALIFIERS = ["exact"] * 6 + ["approx"] * 3 + ["at_least", "at_most"]
WORDS = ("said the company in a statement that was shared with investors and staff on a call this week "
         "according to people familiar with the matter who asked not to be named").split()


# -- the synthetic warehouse ------------------------------------------------------------------------


def company_names(n: int) -> list[str]:
    """The two default companies first (the best covered, the worst case for their view), then others."""
    names = ["Stability AI", "Inflection AI"]
    syllables = ["ra", "vo", "lin", "ter", "qua", "zen", "mo", "pi", "sol", "dex", "ka", "nu", "fi", "ro", "tal"]
    rng = random.Random(7)
    while len(names) < n:
        name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).capitalize()
        name += rng.choice(["", " AI", " Labs", " Robotics", " Health", " Pay", " Bio"])
        if name not in names:
            names.append(name)
    return names


def build(path: Path, n_articles: int, rows_per_article: int, n_companies: int, seed: int = 1) -> None:
    """Write the synthetic warehouse in batches through the project's own writer."""
    rng = random.Random(seed)
    names = company_names(n_companies)
    weights = [1 / (k + 1) ** 0.8 for k in range(n_companies)]  # a few companies make most of the news
    values: dict[tuple[str, str], list[float]] = {}  # each company reports a few values per metric, repeatedly
    wh = Warehouse(path, lock_wait_s=120)
    wh.ensure_schema()
    start = date(2015, 1, 1)
    batch: list[tuple[Article, Extraction]] = []
    t0 = time.monotonic()
    for a in range(n_articles):
        company = rng.choices(names, weights)[0]
        published = start + timedelta(days=rng.randrange(3650))
        text_parts = [f"{company} news {a}.", ""]
        metrics: list[Metric] = []
        pos = len(text_parts[0]) + 1
        for r in range(rows_per_article):
            metric = rng.choice(METRICS)
            pool = values.setdefault((company, metric), [])
            if len(pool) < 4 or rng.random() < 0.3:
                pool.append(round(SCALE[metric] * rng.lognormvariate(0, 1), -3 if metric in UNITS else 0) or 1)
            value = rng.choice(pool)
            surface = f"{value:,.0f}"
            filler = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16)))
            sentence = f"{company} reported {metric.replace('_', ' ')} of {surface} {filler}."
            at = sentence.index(surface)
            as_of = None
            if rng.random() < 0.7:
                d = published - timedelta(days=rng.randrange(0, 400))
                as_of = Period.month(d.year, d.month) if rng.random() < 0.8 else Period.year(d.year)
            metrics.append(
                Metric(company=company, metric=metric, value=float(value), unit=UNITS.get(metric, "persons"),
                       qualifier=rng.choice(QUALIFIERS), char_start=pos + at, char_end=pos + at + len(surface),
                       sentence=sentence, sentence_start=pos, as_of=as_of, surface=surface,
                       confidence=round(rng.uniform(0.5, 1.0), 2))
            )
            text_parts.append(sentence)
            pos += len(sentence) + 1
        events: list[Event] = []
        if rng.random() < 0.25:
            sentence = f"Chief executive Person {a} of {company} resigned."
            events.append(Event(company=company, person=f"Person {a}", role="CEO",
                                kind=rng.choice(["resigned", "departed", "appointed", "interim", "hired_away"]),
                                char_start=pos, char_end=pos + len(sentence), sentence=sentence, sentence_start=pos,
                                as_of=Period.day(published)))
            text_parts.append(sentence)
        text = text_parts[0] + "\n" + "\n".join(text_parts[2:])
        aid = hashlib.sha256(f"{seed}:{a}".encode()).hexdigest()[:16]
        article = Article(article_id=aid, path=f"synthetic/{a:06d}.txt", text=text, title=f"{company}: update {a}",
                          published=published, url=f"https://news.example/{a}")
        batch.append((article, Extraction(metrics=tuple(metrics), events=tuple(events),
                                          companies={company: frozenset()})))
        if len(batch) >= 5000:
            wh.write_batch(batch, "bench", refresh_facts=False)  # as an ingest writes: facts kept at its end
            batch = []
            print(f"  {a + 1:,} articles written ({time.monotonic() - t0:.0f} s)", flush=True)
    if batch:
        wh.write_batch(batch, "bench", refresh_facts=False)
    t1 = time.monotonic()
    n = wh.refresh_facts()
    print(f"  facts and scores of {n:,} companies kept (Warehouse.refresh_facts) in {time.monotonic() - t1:.1f} s",
          flush=True)


def warehouse_for(args: argparse.Namespace) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"bench_{args.articles}x{args.rows_per_article}_{args.companies}.duckdb"
    if not path.exists():
        print(f"building {path.name}: {args.articles:,} articles x {args.rows_per_article} metric rows, "
              f"{args.companies:,} companies", flush=True)
        t = time.monotonic()
        tmp = path.with_suffix(".building")
        for p in (tmp, Path(str(tmp) + ".wal")):
            p.unlink(missing_ok=True)
        build(tmp, args.articles, args.rows_per_article, args.companies)
        t_opt = time.monotonic()
        Warehouse(tmp, lock_wait_s=120).optimize()  # one big write, as after a big ingest
        print(f"  stored in company order (Warehouse.optimize) in {time.monotonic() - t_opt:.1f} s", flush=True)
        tmp.rename(path)
        print(f"built in {time.monotonic() - t:.0f} s, {path.stat().st_size / 1e6:.0f} MB", flush=True)
    elif not in_company_order(path):  # built before Warehouse.optimize existed
        t = time.monotonic()
        Warehouse(path, lock_wait_s=120).optimize()
        print(f"{path.name}: stored in company order (Warehouse.optimize) in {time.monotonic() - t:.1f} s", flush=True)
    wh = Warehouse(path, lock_wait_s=120)
    wh.ensure_schema()  # built by an older schema: its facts and scores are due
    t = time.monotonic()
    n = wh.refresh_facts()
    if n:
        print(f"{path.name}: facts and scores of {n:,} companies kept (Warehouse.refresh_facts) in "
              f"{time.monotonic() - t:.1f} s", flush=True)
    return path


def in_company_order(path: Path) -> bool:
    """Whether metric_rows is stored in company order (as ``Warehouse.optimize`` leaves it)."""
    res = Warehouse(path).query(
        "SELECT coalesce(bool_and(prev IS NULL OR company_id >= prev), true) FROM "
        "(SELECT company_id, lag(company_id) OVER (ORDER BY rowid) AS prev FROM metric_rows)"
    )
    return bool(res.rows[0][0])


# -- callback timing -------------------------------------------------------------------------------


class Caller:
    """POSTs callbacks the way the browser does, through the Flask test client."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.client = app.server.test_client()
        self.data = app.server.config["DASHBOARD_DATA"]
        self.cpu: list[float] = []

    def body(self, first_output: str, inputs: dict[str, Any], state: dict[str, Any] | None = None) -> dict[str, Any]:
        key = next(k for k in self.app.callback_map if k.lstrip(".").startswith(first_output))
        spec = self.app.callback_map[key]

        def fill(items: list[dict[str, Any]], values: dict[str, Any]) -> list[Any]:
            out: list[Any] = []
            for i in items:
                if isinstance(i["id"], dict):  # pattern-matching input (ALL): one matching component
                    wanted = values.get(i["property"], [])
                    out.append([{"id": w["id"], "property": i["property"], "value": w["value"]} for w in wanted])
                else:
                    out.append({"id": i["id"], "property": i["property"],
                                "value": values.get(f"{i['id']}.{i['property']}")})
            return out

        outputs = []
        for o in key.strip(".").split("..."):
            cid, _, prop = o.rpartition(".")
            outputs.append({"id": json.loads(cid) if cid.startswith("{") else cid, "property": prop.split("@")[0]})
        return {
            "output": key,
            "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": fill(spec["inputs"], inputs),
            "state": fill(spec.get("state", []), state or {}),
            "changedPropIds": [next(iter(inputs))] if inputs else [],
        }

    def call(self, body: dict[str, Any], cold: bool = True) -> tuple[float, Any]:
        """Wall time of one callback request (and its CPU time, all threads of this process, in self.cpu)."""
        if cold:
            self.data.clear_cache()
        c = time.process_time()
        t = time.perf_counter()
        resp = self.client.post("/_dash-update-component", json=body)
        elapsed = time.perf_counter() - t
        self.cpu.append(time.process_time() - c)
        if resp.status_code not in (200, 204):
            raise RuntimeError(f"{resp.status_code}: {resp.get_data(as_text=True)[:500]}")
        return elapsed, resp.get_json(silent=True)


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def time_callbacks(app: Any, runs: int, rng: random.Random) -> dict[str, tuple[list[float], list[float]]]:
    c = Caller(app)
    companies = c.data.companies()
    names = list(companies["company"])
    weights = [max(float(n), 1.0) for n in companies["n_metrics"]]

    def pair() -> list[str]:
        a = rng.choices(names, weights)[0]
        b = rng.choices(names, weights)[0]
        while b == a:
            b = rng.choice(names)
        return [a, b]

    pairs = [["Stability AI", "Inflection AI"]] + [pair() for _ in range(runs - 1)]
    times: dict[str, tuple[list[float], list[float]]] = {}

    def measure(name: str, make: Callable[[int], dict[str, Any]], cold: bool = True) -> None:
        c.cpu.clear()
        wall = [c.call(make(i), cold)[0] for i in range(runs)]
        times[name] = (wall, list(c.cpu))

    measure("route (page switch)", lambda i: c.body(f"{ids.PAGE_COMPARE}.hidden", {f"{ids.URL}.pathname": "/sql" if i % 2 else "/"}))
    measure("watch_warehouse (version poll)", lambda i: c.body(f"{ids.VERSION}.data", {f"{ids.REFRESH}.n_intervals": i}, {f"{ids.VERSION}.data": None}))
    measure("sync (picker, URL, company list)", lambda i: c.body(
        f"{ids.COMPANIES}.options",
        {f"{ids.URL}.search": "?companies=" + ",".join(pairs[i]), f"{ids.COMPANIES}.value": [], f"{ids.VERSION}.data": [i]},
        {f"{ids.SELECTION}.data": None}))
    measure("show_figures (scorecards + comparison chart)", lambda i: c.body(
        f"{ids.SCORECARDS}.children", {f"{ids.SELECTION}.data": pairs[i], f"{ids.VERSION}.data": [i]}))
    measure("show_timeline (timeline chart)", lambda i: c.body(
        f"{ids.TIMELINE}.figure", {f"{ids.SELECTION}.data": pairs[i], f"{ids.VERSION}.data": [i]}))

    measure("rows (evidence grid)", lambda i: c.body(
        f"{ids.GRID}.rowData", {f"{ids.SELECTION}.data": pairs[i], f"{ids.VERSION}.data": [i]}))
    shown = [[r["id"] for r in c.data.evidence(p)[0]] for p in pairs]
    measure("download (evidence table CSV)", lambda i: c.body(
        f"{ids.GRID_CSV}.data", {f"{ids.GRID_VIEW}.data": {"n": 1, "ids": shown[i], "companies": pairs[i]}}))
    if any(k.lstrip(".").startswith("health-scores.") for k in app.callback_map):
        measure("show_scores (health score panel)", lambda i: c.body(
            "health-scores.children", {f"{ids.SELECTION}.data": pairs[i], f"{ids.VERSION}.data": [i]}))
    # clicks: the evidence behind the figure each pair shows first
    keys = []
    for p in pairs:
        s = c.data.summary(p)
        r = s[s["reported"]].iloc[0]
        keys.append(f"m:{r['article_id']}:{int(r['row_no'])}")
    measure("show_evidence (click -> quote)", lambda i: c.body(
        f"{ids.EVIDENCE_DETAIL}.children",
        {f"{ids.COMPARISON}.clickData": {"points": [{"customdata": keys[i]}]}}) | {"changedPropIds": [f"{ids.COMPARISON}.clickData"]})
    examples = __import__("dashboard.data", fromlist=["EXAMPLE_QUERIES"]).EXAMPLE_QUERIES
    measure("run (SQL page, example queries)", lambda i: c.body(
        f"{ids.SQL_GRID}.columnDefs", {f"{ids.SQL_RUN}.n_clicks": i + 1}, {f"{ids.SQL_TEXT}.value": examples[i % len(examples)][1]}))
    measure("download (SQL page CSV)", lambda i: c.body(
        f"{ids.SQL_DOWNLOAD}.data", {f"{ids.SQL_DOWNLOAD_BUTTON}.n_clicks": i + 1}, {f"{ids.SQL_TEXT}.value": examples[0][1]}))
    measure("use_example (SQL page)", lambda i: c.body(
        f"{ids.SQL_TEXT}.value",
        {"n_clicks": [{"id": {"type": ids.SQL_EXAMPLES, "index": i % len(examples)}, "value": 1}]})
        | {"changedPropIds": [json.dumps({"index": i % len(examples), "type": ids.SQL_EXAMPLES}, separators=(",", ":")) + ".n_clicks"]})
    # the same answers again, from the cache (what most requests of a session see)
    def figures_body(i: int) -> dict[str, Any]:
        return c.body(f"{ids.SCORECARDS}.children", {f"{ids.SELECTION}.data": pairs[i], f"{ids.VERSION}.data": [i]})

    c.data.clear_cache()
    for i in range(runs):
        c.call(figures_body(i), cold=False)
    measure("show_figures, cached", figures_body, cold=False)
    return times


# -- hostile SQL -----------------------------------------------------------------------------------


def time_hostile(app: Any) -> dict[str, float]:
    """The hostile-SQL table (tests/hostile_sql.py) through the SQL page's callback, then its four heavy
    statements at once: the peak resident memory of this process (the server) and of its worker processes."""
    import psutil

    from tests.hostile_sql import FOUR_AT_ONCE, HOSTILE

    c = Caller(app)
    me = psutil.Process()
    peaks = {"start": me.memory_info().rss / 2**20, "server": 0.0, "worker": 0.0, "slowest": 0.0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peaks["server"] = max(peaks["server"], me.memory_info().rss / 2**20)
            for child in me.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    peaks["worker"] = max(peaks["worker"], child.memory_info().rss / 2**20)
            time.sleep(0.02)

    def run(i: int, sql: str) -> None:
        t = time.perf_counter()
        c.call(c.body(f"{ids.SQL_GRID}.columnDefs", {f"{ids.SQL_RUN}.n_clicks": i}, {f"{ids.SQL_TEXT}.value": sql}))
        peaks["slowest"] = max(peaks["slowest"], time.perf_counter() - t)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    for i, h in enumerate(HOSTILE, 1):
        run(i, h.sql)
    together = [threading.Thread(target=run, args=(1000 + i, sql)) for i, sql in enumerate(FOUR_AT_ONCE)]
    for t in together:
        t.start()
    for t in together:
        t.join()
    stop.set()
    watcher.join()
    return peaks


# -- first render ----------------------------------------------------------------------------------


def time_first_render(db: Path, repeats: int) -> list[float]:
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = create_app(Settings(db=db))
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    server.daemon_threads = False  # server_close() then waits for requests still running (DuckDB in them)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/"
    out = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"])
            for _ in range(repeats):
                app.server.config["DASHBOARD_DATA"].clear_cache()
                ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                page = ctx.new_page()
                t = time.perf_counter()
                page.goto(url)
                page.wait_for_selector("#scorecards td.reported", timeout=60_000)
                page.wait_for_selector("#comparison-chart g.trace.bars", state="attached", timeout=60_000)
                page.wait_for_selector("#timeline-chart g.trace.scatter", state="attached", timeout=60_000)
                page.wait_for_selector("#evidence-grid .ag-row", timeout=60_000)
                out.append(time.perf_counter() - t)
                ctx.close()
            browser.close()
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()
    return out


def time_full_download(app: Any) -> tuple[float, int, float]:
    client = app.server.test_client()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    resp = client.get("/download/metrics.csv", buffered=False)
    size = 0
    for piece in resp.response:
        size += len(piece)
    elapsed = time.perf_counter() - t
    grew = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    return elapsed, size, grew


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--rows-per-article", type=int, default=10)
    ap.add_argument("--companies", type=int, default=2_000)
    ap.add_argument("--runs", type=int, default=40, help="calls per callback")
    ap.add_argument("--renders", type=int, default=5, help="page loads for the time to first render")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-download", action="store_true")
    ap.add_argument("--no-hostile", action="store_true", help="skip the hostile-SQL run")
    ap.add_argument("--build-only", action="store_true", help="build the warehouse and stop")
    args = ap.parse_args(argv)

    db = warehouse_for(args)
    if args.build_only:
        return 0
    wh = Warehouse(db)
    counts = wh.query("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM metric_rows), "
                      "(SELECT count(*) FROM event_rows), (SELECT count(*) FROM companies)").rows[0]
    top = wh.query("SELECT company, count(*) FROM metrics WHERE company IN ('Stability AI', 'Inflection AI') "
                   "GROUP BY ALL ORDER BY 2 DESC").rows
    print(f"\nwarehouse: {counts[0]:,} articles, {counts[1]:,} metric rows, {counts[2]:,} events, "
          f"{counts[3]:,} companies; {db.stat().st_size / 1e6:.0f} MB")
    print("default companies: " + ", ".join(f"{c} {n:,} rows" for c, n in top))
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f} at start")

    app = create_app(Settings(db=db))
    times = time_callbacks(app, args.runs, random.Random(3))
    print(f"\nserver-side time per callback ({args.runs} calls each, answer cache emptied before each call "
          "unless marked cached)")
    print("(wall: elapsed time of the request; CPU: CPU time this process spent on it, DuckDB's threads included)")
    print(f"{'callback':48} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'CPU median':>11} {'CPU p95':>8}")
    worst = 0.0
    for name, (xs, cpu) in times.items():
        med, p95 = statistics.median(xs) * 1000, percentile(xs, 0.95) * 1000
        if "cached" not in name:
            worst = max(worst, p95)
        print(f"{name:48} {med:10.1f} {p95:8.1f} {max(xs) * 1000:8.1f} {statistics.median(cpu) * 1000:11.1f} "
              f"{percentile(cpu, 0.95) * 1000:8.1f}")
    print(f"worst p95: {worst:.0f} ms (goal: under 150 ms) -> {'met' if worst < 150 else 'NOT met'}")

    if not args.no_hostile:
        p = time_hostile(app)
        print(f"\nhostile SQL (tests/hostile_sql.py, then four at once) through the SQL page: server "
              f"{p['start']:.0f} MB at start, peak {p['server']:.0f} MB (+{p['server'] - p['start']:.0f} MB); largest "
              f"worker process {p['worker']:.0f} MB; slowest answer {p['slowest']:.1f} s")
    if not args.no_download:
        secs, size, grew = time_full_download(app)
        print(f"\nwhole metrics view as CSV (streamed): {size / 1e6:.0f} MB in {secs:.1f} s; "
              f"peak memory grew {grew:.0f} MB")
    if not args.no_browser:
        renders = time_first_render(db, args.renders)
        print(f"\ntime to first render (Chromium, 1280x900, empty answer cache; scorecards, both charts and "
              f"the first grid page drawn): median {statistics.median(renders):.2f} s, "
              f"max {max(renders):.2f} s over {len(renders)} loads")
    print(f"load average {os.getloadavg()[0]:.2f} at end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
