"""The dashboard in a real browser: headless Debian Chromium driven by Playwright, app on a free loopback port.

Most tests use a warehouse the real pipeline built from ``seeds/`` (``python -m startup_health ingest``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from models.warehouse import Warehouse
from tests.dashboard_fixtures import (
    CHROMIUM,
    FORMULA_QUOTE,
    HOSTILE,
    SEED_LIKE,
    SEEDS,
    XSS_QUOTE,
    ServedApp,
    launch_browser,
    run_ingest,
    serve,
    write_articles,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
expect: Any = None
try:  # imported lazily so collection works where playwright is missing
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover
    pass

TIMEOUT = 20_000
BOTH = ["Stability AI", "Inflection AI"]


# -- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch_browser()


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    done = run_ingest([SEEDS], db)
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="module")
def app(seeds_db: Path) -> Iterator[ServedApp]:
    served = serve(seeds_db, sql_timeout_s=1.5, sql_max_rows=200)
    yield served
    served.close()


class Page:
    """A fresh browser context and page that records console errors and page errors."""

    def __init__(self, browser: Any, width: int = 1280, height: int = 900) -> None:
        self.context = browser.new_context(accept_downloads=True, viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def pg(browser: Any) -> Iterator[Page]:
    p = Page(browser)
    yield p
    p.close()


# -- helpers ----------------------------------------------------------------------------------------


def open_compare(page: Any, url: str) -> None:
    """Load the page and wait until the figures, both charts and the table are drawn."""
    page.goto(url)
    page.wait_for_function(
        """() => ['comparison-chart', 'timeline-chart'].every(id => {
                const gd = document.querySelector('#' + id + ' .js-plotly-plot');
                return gd && gd._fullData && gd._fullData.some(t => t.customdata && t.customdata.length);
            })""",
        timeout=TIMEOUT,
    )
    page.wait_for_function(
        """() => { const c = [...document.querySelectorAll(
                       '#evidence-grid .ag-row [col-id=company], #evidence-grid .ag-row [col-id=card]')];
                   return c.length > 0 && c.every(x => x.textContent.trim()); }""",
        timeout=TIMEOUT,
    )


def figure(page: Any, company: str, metric: str) -> Any:
    return page.locator(f'#scorecards td[data-company="{company}"][data-metric="{metric}"] .figure')


def grid_rows(page: Any, grid: str = "evidence-grid") -> list[dict[str, str]]:
    """The rows the grid shows, in order, as {column id: text} (textContent: AG Grid skips painting
    off-screen grids, and innerText is empty for what is not painted)."""
    return page.evaluate(
        """(id) => {
            const rows = {};
            for (const r of document.querySelectorAll('#' + id + ' .ag-row[row-index]')) {
                const i = Number(r.getAttribute('row-index'));
                rows[i] = rows[i] || {};
                for (const c of r.querySelectorAll('.ag-cell[col-id]')) rows[i][c.getAttribute('col-id')] = c.textContent.trim();
            }
            return Object.keys(rows).map(Number).sort((a, b) => a - b).map(i => rows[i]);
        }""",
        grid,
    )


def chart_traces(page: Any, graph: str) -> list[dict[str, Any]]:
    return page.evaluate(
        """(id) => document.querySelector('#' + id + ' .js-plotly-plot')._fullData.map(t => ({
            name: t.name, type: t.type, x: Array.from(t.x || []), text: Array.from(t.text || []),
            customdata: Array.from(t.customdata || [])}))""",
        graph,
    )


def point_position(page: Any, graph: str, company: str, contains: str) -> tuple[float, float]:
    """Screen position of the point (or middle of the bar) of ``company`` whose label contains ``contains``."""
    page.locator(f"#{graph}").scroll_into_view_if_needed()
    pos = page.evaluate(
        """([id, company, needle]) => {
            const gd = document.querySelector('#' + id + ' .js-plotly-plot');
            for (const t of gd._fullData) {
                if (t.name !== company || !t.customdata) continue;
                const labels = t.hovertext || t.text || [];
                for (let i = 0; i < t.customdata.length; i++) {
                    const label = String(labels[i] || '') + ' ' + String((t.text || [])[i] || '');
                    if (!label.includes(needle)) continue;
                    const xa = gd._fullLayout[t.xaxis.replace('x', 'xaxis')];
                    const ya = gd._fullLayout[t.yaxis.replace('y', 'yaxis')];
                    const yv = t.type === 'bar' ? t.y[i] / 2 : t.y[i];
                    const box = gd.getBoundingClientRect();
                    return [box.left + xa._offset + xa.d2p(t.x[i]), box.top + ya._offset + ya.d2p(yv)];
                }
            }
            return null;
        }""",
        [graph, company, contains],
    )
    assert pos, f"no point of {company} with {contains!r} in {graph}"
    return pos[0], pos[1]


def in_quote(shown: str, quote: str) -> bool:
    """Whether a quote cell's text is that sentence, or a part of it cut with "…" at either end."""
    return bool(shown) and shown.strip("…") in quote and (shown == quote or "…" in shown)


def download(page: Any, locator: Any, to: Path) -> list[dict[str, str]]:
    with page.expect_download(timeout=TIMEOUT) as dl:
        locator.click()
    path = to / dl.value.suggested_filename
    dl.value.save_as(path)
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def pick_option(page: Any, name: str) -> None:
    page.locator("#companies").click()
    page.get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")


# -- the main view ----------------------------------------------------------------------------------


def test_main_view_shows_both_companies_and_the_seed_figures(pg: Page, app: ServedApp) -> None:
    page = pg.page
    open_compare(page, app.url)
    assert "companies=Stability+AI,Inflection+AI" in page.url  # the choice is in the URL
    heads = page.locator("#scorecards thead th.company-col")
    expect(heads).to_have_text(BOTH)
    expect(figure(page, "Stability AI", "burn_rate")).to_have_text("$8M / month")
    expect(figure(page, "Inflection AI", "funding_raised")).to_have_text(re.compile(r"^~?\$1\.5B$"))
    burn_meta = page.locator('#scorecards td[data-company="Stability AI"][data-metric="burn_rate"] .meta')
    # the seeds are one story in two articles (004 rewrites 000): one source
    expect(burn_meta).to_contain_text("1 source")
    expect(burn_meta).not_to_contain_text("2 sources")
    expect(figure(page, "Inflection AI", "burn_rate")).to_have_text("not reported")
    expect(figure(page, "Stability AI", "revenue")).to_have_text("not reported")
    names = {t["name"] for t in chart_traces(page, "comparison-chart")}
    assert names == set(BOTH)
    assert {t["name"] for t in chart_traces(page, "timeline-chart")} <= set(BOTH)
    assert {r["company"] for r in grid_rows(page)} == set(BOTH)
    assert pg.errors == []


def test_changing_the_picker_updates_url_charts_and_table(pg: Page, app: ServedApp) -> None:
    page = pg.page
    open_compare(page, app.url)
    pick_option(page, "Inflection AI")  # take it out
    expect(page).to_have_url(re.compile(r"\?companies=Stability\+AI$"), timeout=TIMEOUT)
    expect(page.locator("#scorecards thead th.company-col")).to_have_text(["Stability AI"])
    page.wait_for_function(
        """() => { const gd = document.querySelector('#comparison-chart .js-plotly-plot');
                   return gd && gd._fullData.every(t => t.name === 'Stability AI'); }""",
        timeout=TIMEOUT,
    )
    page.wait_for_function(
        """() => { const cells = [...document.querySelectorAll('#evidence-grid .ag-row [col-id=company]')];
                   return cells.length > 0 && cells.every(c => c.textContent.trim() === 'Stability AI'); }""",
        timeout=TIMEOUT,
    )
    page.wait_for_function(
        """() => { const gd = document.querySelector('#timeline-chart .js-plotly-plot');
                   return gd && gd._fullData.length > 0 && gd._fullData.every(t => t.name === 'Stability AI'); }""",
        timeout=TIMEOUT,
    )
    pick_option(page, "Inflection AI")  # and back
    expect(page.locator("#scorecards thead th.company-col")).to_have_text(["Stability AI", "Inflection AI"])
    page.wait_for_function(
        """() => [...document.querySelectorAll('#evidence-grid .ag-row [col-id=company]')]
                   .some(c => c.textContent.trim() === 'Inflection AI')""",
        timeout=TIMEOUT,
    )
    # a shared link opens the same view
    page.goto(app.url + "?companies=Inflection%20AI,Stability%20AI")
    expect(page.locator("#scorecards thead th.company-col")).to_have_text(["Inflection AI", "Stability AI"],
                                                                             timeout=TIMEOUT)
    assert pg.errors == []


def test_hover_shows_value_date_quote_and_click_shows_evidence(pg: Page, app: ServedApp) -> None:
    page = pg.page
    open_compare(page, app.url)
    x, y = point_position(page, "comparison-chart", "Stability AI", "$8M / month")
    page.mouse.move(x, y)
    hover = page.locator("#comparison-chart .hoverlayer .hovertext")
    expect(hover).to_contain_text("$8M / month", timeout=TIMEOUT)
    expect(hover).to_contain_text("2024-03")
    expect(hover).to_contain_text("8 million a month")
    page.mouse.click(x, y)
    card = page.locator("#evidence-detail .evidence-card")
    expect(card).to_contain_text("Monthly burn", timeout=TIMEOUT)
    expect(card.locator("mark")).to_contain_text("8 million")
    expect(card.locator("blockquote")).to_contain_text("a month")
    expect(card).to_contain_text("seeds/004_fdbb7e7136dc40c3.txt")

    # a point on the timeline
    x, y = point_position(page, "timeline-chart", "Stability AI", "~$8M / month")
    page.mouse.move(x, y)
    expect(page.locator("#timeline-chart .hoverlayer .hovertext")).to_contain_text("2023-10", timeout=TIMEOUT)
    page.mouse.click(x, y)
    expect(card.locator("blockquote")).to_contain_text("$8 million a month", timeout=TIMEOUT)
    expect(card).to_contain_text("seeds/000_6c7e4e44c158f597.txt")

    # a figure in the side-by-side table
    page.locator('#scorecards td[data-company="Inflection AI"][data-metric="funding_raised"] button').click()
    expect(card.locator("mark")).to_contain_text("1.5 billion", timeout=TIMEOUT)
    assert pg.errors == []


def test_csv_downloads_hold_exactly_what_the_table_shows(
    pg: Page, app: ServedApp, seeds_db: Path, tmp_path: Path
) -> None:
    stored = Warehouse(seeds_db).query(
        "SELECT company, value FROM metrics WHERE metric = 'departed_talent' ORDER BY value DESC"
    ).rows
    n_rows = Warehouse(seeds_db).query("SELECT count(*) FROM metrics").rows[0][0]
    page = pg.page
    open_compare(page, app.url)
    button = page.locator("#evidence-download")
    shown = grid_rows(page)
    got = download(page, button, tmp_path)
    assert len(got) == len(shown) == n_rows >= 9
    assert [(r["company"], r["metric"], r["qualifier"], r["as_of"]) for r in got] == [
        (r["company"], r["metric"], r["qualifier"], r["as_of"]) for r in shown
    ]
    # a cell shows the part of the sentence around the figure ("…" where it is cut); the CSV all of it
    assert all(in_quote(r["quote"], g["quote"]) for r, g in zip(shown, got))

    # filter and sort in the grid: the download follows
    page.evaluate(
        """() => dash_ag_grid.getApi('evidence-grid').setFilterModel(
               {metric: {filterType: 'text', type: 'equals', filter: 'departed_talent'}})"""
    )
    page.evaluate(
        """() => dash_ag_grid.getApi('evidence-grid').applyColumnState(
               {state: [{colId: 'figure', sort: 'desc'}], defaultState: {sort: null}})"""
    )
    page.wait_for_function(
        """() => { const c = [...document.querySelectorAll('#evidence-grid .ag-row [col-id=metric]')];
                   return c.length === %d && c.every(x => x.textContent.trim() === 'departed_talent'); }"""
        % len(stored),
        timeout=TIMEOUT,
    )
    shown = grid_rows(page)
    got = download(page, button, tmp_path)
    assert [float(r["value"]) for r in got] == [v for _, v in stored]  # sorted by value, largest first
    assert sorted(r["company"] for r in got) == sorted(c for c, _ in stored)
    assert [r["company"] for r in shown] == [r["company"] for r in got]
    assert all(in_quote(r["quote"], g["quote"]) for r, g in zip(shown, got))
    assert shown[0]["figure"] == "6+"  # the seeds' "more than half a dozen"

    everything = download(page, page.locator("#all-metrics-download"), tmp_path)
    assert len(everything) == n_rows and "article_path" in everything[0]
    assert pg.errors == []


# -- the SQL page -----------------------------------------------------------------------------------

HOSTILE_SQL = [
    ("SELECT * FROM read_csv('/etc/passwd')", "Query refused: the table function read_csv"),
    ("COPY (SELECT * FROM metrics) TO '/tmp/startup-health-browser-pwned.csv'", "Query refused: only SELECT"),
    ("ATTACH '/tmp/startup-health-browser.duckdb' AS x", "Query refused: only SELECT"),
    ("INSTALL httpfs", "Query refused: only SELECT queries are allowed here, not INSTALL"),
    ("LOAD httpfs", "Query refused: only SELECT"),
    ("SET enable_external_access = true", "Query refused: only SELECT"),
    ("PRAGMA database_list", "Query refused: only SELECT"),
    ("SELECT 1; SELECT 2", "Query refused: one statement at a time"),
    ("SELECT * FROM duckdb_settings()", "Query refused: the table function duckdb_settings"),
    ("SELECT string_agg(text, '') FROM articles, range(60000)", "Query stopped: it needed more than the"),
    ("SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b", "Query stopped:"),
    ("SELEC 1", "Syntax error at or near"),
]


def run_sql(page: Any, sql: str) -> Any:
    """Type and run a query; the message once the answer to this run has come (after the answer the page
    opens on, so that one cannot arrive after ours)."""
    message = page.locator("#sql-message")
    expect(message).to_have_attribute("title", re.compile(r"^run \d+$"), timeout=TIMEOUT)
    runs = page.evaluate("() => document.querySelectorAll('#sql-run').length && "
                         "Number(document.getElementById('sql-message').title.replace('run ', '') || 0)")
    page.locator("#sql-text").fill(sql)
    page.locator("#sql-run").click()
    expect(message).to_have_attribute("title", f"run {runs + 1}", timeout=TIMEOUT)
    return message


def test_sql_page_answers_and_refuses(pg: Page, app: ServedApp, tmp_path: Path) -> None:
    page = pg.page
    page.goto(app.url)
    page.locator("#nav-sql").click()
    expect(page).to_have_url(re.compile(r"/sql"))
    expect(page.locator("#page-sql")).to_be_visible()
    expect(page.locator("#page-compare")).to_be_hidden()

    msg = run_sql(page, "SELECT company, metric, value FROM metrics WHERE metric = 'burn_rate' ORDER BY value")
    expect(msg).to_have_text("2 rows")
    expect(page.locator("#sql-grid .ag-header-cell-text")).to_have_text(["company", "metric", "value"])
    expect(page.locator("#sql-grid .ag-row")).to_have_count(2)
    assert {v for r in grid_rows(page, "sql-grid") for k, v in r.items() if k.endswith("c0")} == {"Stability AI"}
    got = download(page, page.locator("#sql-download-button"), tmp_path)
    assert [r["company"] for r in got] == ["Stability AI", "Stability AI"]

    for sql, message in HOSTILE_SQL:
        msg = run_sql(page, sql)
        expect(msg).to_contain_text(message)
        expect(msg).to_have_class(re.compile("alert-error"))
        assert "Traceback" not in msg.inner_text()
    assert not Path("/tmp/startup-health-browser-pwned.csv").exists()

    msg = run_sql(page, "SELECT * FROM range(10000000)")
    expect(msg).to_contain_text("first 200 rows")
    msg = run_sql(page, "SELECT count(*) AS n FROM metrics")  # still answering
    expect(msg).to_have_text("1 row")

    page.get_by_role("button", name="Leadership changes").click()
    expect(page.locator("#sql-text")).to_have_value(re.compile("FROM events"))
    assert pg.errors == []


# -- hostile articles, empty warehouses, small screens -------------------------------------------


def test_article_text_is_never_html(browser: Any, tmp_path: Path) -> None:
    db = write_articles(tmp_path / "hostile.duckdb", [*SEED_LIKE, HOSTILE])
    served = serve(db)
    p = Page(browser)
    try:
        page = p.page
        open_compare(page, served.url + "?companies=Acme%20Rockets,Stability%20AI")
        quote = page.locator('#evidence-grid .ag-row [col-id=quote]', has_text="<script>")
        expect(quote).to_have_count(1, timeout=TIMEOUT)
        expect(quote).to_contain_text("<script>window.__xss_script = 1</script>")
        expect(quote).to_contain_text('<img src=x onerror="window.__xss_img = 1">')
        expect(quote.locator("mark")).to_have_text("$3 million")
        # hover and click the bar whose quote is hostile
        x, y = point_position(page, "comparison-chart", "Acme Rockets", "$3M")
        page.mouse.move(x, y)
        expect(page.locator("#comparison-chart .hoverlayer")).to_contain_text("<script>", timeout=TIMEOUT)
        page.mouse.click(x, y)
        card = page.locator("#evidence-detail .evidence-card")
        expect(card.locator("blockquote")).to_have_text(XSS_QUOTE, timeout=TIMEOUT)
        expect(card).to_contain_text('<b onmouseover="window.__xss_title=1">Acme</b> news')
        page.locator('#evidence-grid .ag-row [col-id=article]').first.hover()
        page.wait_for_timeout(300)
        flags = page.evaluate(
            "() => [window.__xss_script, window.__xss_img, window.__xss_title, window.__xss_link]"
        )
        assert flags == [None, None, None, None]
        assert page.locator("#page-compare script, #page-compare img").count() == 0
        assert page.locator('a[href^="javascript"]').count() == 0
        assert p.errors == []
        # the export of the hostile rows is neutralised
        got = download(page, page.locator("#evidence-download"), tmp_path)
        assert "'" + FORMULA_QUOTE in [r["quote"] for r in got]
    finally:
        p.close()
        served.close()


def test_empty_warehouse_shows_how_to_add_articles_then_new_articles_appear(browser: Any, tmp_path: Path) -> None:
    db = tmp_path / "later.duckdb"
    served = serve(db)
    p = Page(browser)
    try:
        page = p.page
        page.goto(served.url)
        help_box = page.locator("#empty-help")
        expect(help_box).to_contain_text("No articles in the warehouse yet", timeout=TIMEOUT)
        expect(help_box).to_contain_text(f"startup-health ingest seeds/ --db {db}")
        expect(page.locator("#compare-body")).to_be_hidden()
        write_articles(db, SEED_LIKE)  # no restart
        page.reload()
        expect(figure(page, "Stability AI", "burn_rate")).to_have_text("$8M / month", timeout=TIMEOUT)
        expect(help_box).to_have_count(0)
        assert p.errors == []
    finally:
        p.close()
        served.close()


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_page_fits_the_screen(browser: Any, app: ServedApp, width: int, height: int) -> None:
    p = Page(browser, width, height)
    try:
        page = p.page
        open_compare(page, app.url)
        expect(figure(page, "Stability AI", "burn_rate")).to_have_text("$8M / month")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"page is {overflow}px wider than a {width}px screen"
        for sel in ["#companies", "#scorecards", "#comparison-chart", "#timeline-chart", "#evidence-grid"]:
            box = page.locator(sel).bounding_box()
            assert box and box["width"] <= width and box["x"] >= 0, sel
        assert p.errors == []
    finally:
        p.close()


def test_screenshot_script_writes_the_main_view(browser: Any, tmp_path: Path) -> None:
    from dashboard.screenshot import readme_screenshot

    out = tmp_path / "docs" / "shot.png"
    text = readme_screenshot(out, browser=browser)
    assert out.stat().st_size > 20_000
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # the paths a user of the project sees after `bash start.sh`, none of this machine's
    assert "seeds/000_6c7e4e44c158f597.txt" in text and "Warehouse: warehouse.duckdb" in text
    assert str(SEEDS.parent) not in text and "/tmp/" not in text
