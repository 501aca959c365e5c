"""What a new user trips over at a glance (issue 12), in headless Chromium on the seeds.

Each test repeats what a user did and saw go wrong: the SQL grid after an earlier answer, points hidden
under others on the timeline, a stale quote after clearing the picker, empty chart panels, the evidence
table's cells, the SQL page's first view and the page on a phone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.dashboard_fixtures import CHROMIUM, SEEDS, ServedApp, launch_browser, run_ingest, serve
from tests.test_dashboard_browser import TIMEOUT, Page, grid_rows, open_compare, run_sql

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)"),
]
expect: Any = None
try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover
    pass


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


@pytest.fixture
def pg(browser: Any) -> Iterator[Page]:
    p = Page(browser)
    yield p
    p.close()


def sql_cells(page: Any) -> list[list[str]]:
    """The SQL grid's rows as lists of cell texts, in column order."""
    return page.evaluate(
        """() => {
            const order = [...document.querySelectorAll('#sql-grid .ag-header-cell[col-id]')]
                .map(h => h.getAttribute('col-id'));
            const rows = {};
            for (const r of document.querySelectorAll('#sql-grid .ag-center-cols-container .ag-row[row-index]')) {
                const cells = {};
                for (const c of r.querySelectorAll('.ag-cell[col-id]')) cells[c.getAttribute('col-id')] = c.textContent.trim();
                rows[Number(r.getAttribute('row-index'))] = order.map(k => cells[k] ?? null);
            }
            return Object.keys(rows).map(Number).sort((a, b) => a - b).map(i => rows[i]);
        }"""
    )


# -- 3: the SQL grid rebuilds its columns for every answer ------------------------------------------


def test_sql_grid_rebuilds_columns_and_types_for_every_answer(pg: Page, app: ServedApp, seeds_db: Path) -> None:
    page = pg.page
    page.goto(app.url + "sql")
    expect(page.locator("#page-sql")).to_be_visible(timeout=TIMEOUT)

    run_sql(page, "SELECT 1 AS a, 2 AS b")
    expect(page.locator("#sql-grid .ag-header-cell-text")).to_have_text(["a", "b"], timeout=TIMEOUT)
    page.wait_for_function("() => document.querySelectorAll('#sql-grid .ag-row').length === 1", timeout=TIMEOUT)
    assert sql_cells(page) == [["1", "2"]]

    run_sql(page, "SELECT 'x' AS a, 'y' AS b")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#sql-grid .ag-row .ag-cell')].some(c => c.textContent.trim() === 'x')",
        timeout=TIMEOUT,
    )
    assert sql_cells(page) == [["x", "y"]]

    # the example buttons, each run, then a query of our own over the same column positions
    for name, needle in [("Companies by number of figures", "AS figures"),
                         ("Figures per company, newest first", "published DESC"),
                         ("Monthly burn, highest first", "usd_per_month")]:
        page.get_by_role("button", name=name).click()
        expect(page.locator("#sql-text")).to_have_value(re.compile(needle), timeout=TIMEOUT)
        before = page.locator("#sql-message").get_attribute("title")
        page.locator("#sql-run").click()
        expect(page.locator("#sql-message")).not_to_have_attribute("title", before or "", timeout=TIMEOUT)
        expect(page.locator("#sql-message")).to_have_text(re.compile(r"^\d+ rows?$"))
    msg = run_sql(page, "SELECT company, metric, value FROM metrics ORDER BY company, metric, value")
    expect(msg).to_have_text("9 rows")
    expect(page.locator("#sql-grid .ag-header-cell-text")).to_have_text(["company", "metric", "value"])
    from models.warehouse import Warehouse

    stored = Warehouse(seeds_db).query(
        "SELECT company, metric, value FROM metrics ORDER BY company, metric, value"
    ).rows
    page.wait_for_function("() => document.querySelectorAll('#sql-grid .ag-center-cols-container .ag-row').length === 9",
                           timeout=TIMEOUT)
    cells = sql_cells(page)
    assert [c[:2] for c in cells] == [[c, m] for c, m, _ in stored]
    assert [float(c[2].replace(",", "")) for c in cells] == [v for _, _, v in stored]
    assert not any("Invalid" in x for row in cells for x in row)
    assert pg.errors == []


# -- 6: clearing the picker clears the evidence -----------------------------------------------------


def test_clearing_the_picker_clears_the_evidence(pg: Page, app: ServedApp) -> None:
    page = pg.page
    open_compare(page, app.url)
    page.locator('#scorecards td[data-company="Inflection AI"][data-metric="funding_raised"] button').click()
    card = page.locator("#evidence-detail .evidence-card")
    expect(card.locator("mark")).to_contain_text("1.5 billion", timeout=TIMEOUT)
    # taking out the other company keeps it: the evidence is still about a chosen company
    page.locator("#companies").click()
    page.get_by_role("option", name="Stability AI", exact=True).click()
    page.keyboard.press("Escape")
    expect(page.locator("#scorecards thead th.company-col")).to_have_text(["Inflection AI"], timeout=TIMEOUT)
    expect(card).to_have_count(1)
    # clearing the picker: no company, no quote
    page.locator(".picker .dash-dropdown-clear").click()
    expect(page.locator("#scorecards")).to_contain_text("Choose companies", timeout=TIMEOUT)
    expect(card).to_have_count(0, timeout=TIMEOUT)
    expect(page.locator("#evidence-detail")).to_contain_text("Click a figure")
    assert pg.errors == []


# -- 8: the evidence table's cells ------------------------------------------------------------------


def header_layout(page: Any) -> list[dict[str, Any]]:
    """Per header: the label's and the filter button's horizontal extent."""
    return page.evaluate(
        """() => [...document.querySelectorAll('#evidence-grid .ag-header-cell[col-id]')].map(h => {
            const label = h.querySelector('.ag-header-cell-text').getBoundingClientRect();
            const icon = h.querySelector('.ag-header-cell-filter-button, .ag-header-icon.ag-filter-icon, [ref=eFilterButton]');
            const ib = icon ? icon.getBoundingClientRect() : null;
            return {col: h.getAttribute('col-id'), label: [label.left, label.right],
                    icon: ib && ib.width ? [ib.left, ib.right] : null};
        })"""
    )


@pytest.mark.parametrize("width", [1280, 1400])
def test_evidence_table_cells_show_what_they_hold(browser: Any, app: ServedApp, width: int) -> None:
    p = Page(browser, width, 1000)
    try:
        page = p.page
        open_compare(page, app.url)
        page.locator("#evidence-grid").scroll_into_view_if_needed()
        # every header's filter icon sits after its label, the Value header's too
        heads = header_layout(page)
        assert {h["col"] for h in heads} >= {"company", "figure", "quote", "article"}
        for h in heads:
            assert h["icon"] is not None, h
            assert h["icon"][0] >= h["label"][1] - 1, f"filter icon of {h['col']} sits before its label"
        checks = page.evaluate(
            """() => [...document.querySelectorAll('#evidence-grid .ag-center-cols-container .ag-row')].map(r => {
                const q = r.querySelector('[col-id=quote]'), a = r.querySelector('[col-id=article]');
                const qb = q.getBoundingClientRect(), m = q.querySelector('mark');
                const mb = m ? m.getBoundingClientRect() : null;
                const path = a.querySelector('.article-path'), title = a.querySelector('.article-title');
                return {
                    mark: m ? m.textContent : null,
                    markInView: !!mb && mb.top >= qb.top - 1 && mb.bottom <= qb.bottom + 1 && mb.width > 0
                                && mb.right <= qb.right + 1,
                    quote: q.textContent,
                    articleFits: a.scrollHeight <= a.clientHeight + 1 && a.scrollWidth <= a.clientWidth + 1,
                    titleText: title ? title.textContent : null, titleTip: title ? title.title : null,
                    path: path ? path.textContent : null,
                    texts: [...a.querySelectorAll('.article-title, .article-path')].map(x => x.textContent),
                };
            })"""
        )
        assert len(checks) == 9
        for c in checks:
            assert c["mark"], c
            assert c["markInView"], f"highlighted figure out of view: {c['quote']}"
            assert c["articleFits"], c
            assert c["titleTip"] == c["titleText"]  # a title cut at two lines is whole in its tooltip
            assert len(c["texts"]) == len(set(c["texts"])), f"path shown twice: {c['texts']}"
        # the seeds' second article has no title: its path once, and nothing else
        untitled = [c for c in checks if c["titleText"] and c["titleText"].endswith("004_fdbb7e7136dc40c3.txt")]
        assert untitled and all(c["path"] is None for c in untitled)
        # the long quote of the 8-million burn is cut before the figure, not after
        cut = [c for c in checks if c["mark"] == "8 million" and c["quote"].startswith("…")]
        assert cut, [c["quote"] for c in checks]
        assert p.errors == []
    finally:
        p.close()


# -- 9: the SQL page's first view; the page on a phone ----------------------------------------------


def test_sql_page_opens_on_an_answer(pg: Page, app: ServedApp) -> None:
    page = pg.page
    page.goto(app.url + "sql")
    msg = page.locator("#sql-message")
    expect(msg).to_have_text(re.compile(r"^\d+ rows?$"), timeout=TIMEOUT)
    expect(page.locator("#sql-grid .ag-header-cell-text")).to_have_text(
        ["company", "metric", "value", "unit", "qualifier", "as_of", "published"])
    expect(page.locator("#sql-grid .ag-center-cols-container .ag-row")).to_have_count(9)
    assert "No Rows" not in page.locator("#sql-grid").inner_text()
    # from the compare page too, and an answer stays when switching back and forth
    page.goto(app.url)
    page.locator("#nav-sql").click()
    expect(msg).to_have_text("9 rows", timeout=TIMEOUT)
    run_sql(page, "SELECT 42 AS answer")
    page.locator("#nav-compare").click()
    page.locator("#nav-sql").click()
    expect(page.locator("#sql-grid .ag-header-cell-text")).to_have_text(["answer"])
    assert pg.errors == []


def test_phone_layout_charts_inside_their_cards_and_evidence_as_cards(browser: Any, app: ServedApp) -> None:
    p = Page(browser, 390, 844)
    try:
        page = p.page
        open_compare(page, app.url)
        outside = page.evaluate(
            """() => { const out = [];
                for (const id of ['comparison-chart', 'timeline-chart']) {
                    const card = document.getElementById(id).closest('.panel').getBoundingClientRect();
                    for (const el of document.querySelectorAll('#' + id + ' svg *')) {
                        const b = el.getBoundingClientRect();
                        if (!b.width || !b.height) continue;
                        if (b.left < card.left - 1 || b.right > card.right + 1) out.push(id + ' ' + el.tagName);
                    }
                }
                return out; }"""
        )
        assert outside == []
        grid = page.locator("#evidence-grid")
        grid.scroll_into_view_if_needed()
        expect(grid.locator(".evidence-row-card")).to_have_count(9, timeout=TIMEOUT)
        box = grid.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
        width = page.evaluate(
            "() => document.querySelector('#evidence-grid .ag-center-cols-viewport').scrollWidth"
        )
        assert width <= box["width"], f"the table needs {width}px of sideways scrolling"
        first = grid.locator(".evidence-row-card").first
        expect(first).to_contain_text("Inflection AI")
        expect(first.locator("mark")).to_have_count(1)
        # the cards are the same rows: the CSV download still holds what the table holds
        with page.expect_download(timeout=TIMEOUT) as dl:
            page.locator("#evidence-download").click()
        assert len(Path(dl.value.path()).read_text(encoding="utf-8").strip().splitlines()) == 10
        assert p.errors == []
    finally:
        p.close()


# -- 4: every point of the timeline can be reached ---------------------------------------------------


def marker_positions(page: Any) -> list[dict[str, Any]]:
    """Every timeline marker's screen position, company and point keys."""
    return page.evaluate(
        """() => { const gd = document.querySelector('#timeline-chart .js-plotly-plot'); const out = [];
            const box = gd.getBoundingClientRect(), xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            for (const t of gd._fullData) for (let i = 0; i < (t.customdata || []).length; i++)
                out.push({company: t.name, keys: String(t.customdata[i]), hover: String(t.hovertext[i]),
                          x: box.left + xa._offset + xa.d2p(xa.d2c(t.x[i])), y: box.top + ya._offset + ya.d2p(t.y[i])});
            return out; }"""
    )


def test_timeline_points_of_one_month_are_all_reachable(pg: Page, app: ServedApp, seeds_db: Path) -> None:
    from models.warehouse import Warehouse

    wh = Warehouse(seeds_db)
    dated = "WHERE coalesce(as_of_start, published) IS NOT NULL"
    stored = {f"m:{a}:{r}" for a, r in wh.query(f"SELECT article_id, row_no FROM metrics {dated}").rows}
    stored |= {f"e:{a}:{r}" for a, r in wh.query(f"SELECT article_id, row_no FROM events {dated}").rows}
    undated = wh.query("SELECT count(*) FROM metrics WHERE coalesce(as_of_start, published) IS NULL").rows[0][0]
    undated += wh.query("SELECT count(*) FROM events WHERE coalesce(as_of_start, published) IS NULL").rows[0][0]
    assert undated > 0  # seed 000 has no publication date, and some of its figures no date in the text
    page = pg.page
    open_compare(page, app.url)
    page.locator("#timeline-chart").scroll_into_view_if_needed()
    markers = marker_positions(page)
    keys = [k for m in markers for k in m["keys"].split()]
    assert sorted(keys) == sorted(stored)  # every dated figure and change of the seeds is on the chart, once
    # and the undated ones are counted under it, never silently dropped
    expect(page.locator("#timeline-chart")).to_contain_text(f"{undated} undated items are not on the time axis")
    for i, a in enumerate(markers):
        for b in markers[i + 1:]:
            apart = ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5
            assert apart >= 8, f"{a['company']} {a['keys']} hides under {b['company']} {b['keys']}"
    # Stability AI's three changes of 2024-03 (seed 004): one diamond, all three in its hover and in the evidence
    (three,) = [m for m in markers if m["company"] == "Stability AI" and len(m["keys"].split()) == 3]
    page.mouse.move(three["x"], three["y"])
    hover = page.locator("#timeline-chart .hoverlayer .hovertext")
    for name in ["Emad Mostaque", "Shan Shan Wong", "Christian Laforte"]:
        expect(hover).to_contain_text(name, timeout=TIMEOUT)
    page.mouse.click(three["x"], three["y"])
    cards = page.locator("#evidence-detail .evidence-card")
    expect(cards).to_have_count(3, timeout=TIMEOUT)
    expect(page.locator("#evidence-detail")).to_contain_text("3 items at this point")
    # (two companies' markers of one row and month sitting side by side is checked by the distance test
    # above; since seed 000 is undated the seeds hold no such pair, `company_offsets` has its own doctest)
    assert pg.errors == []


# -- 7: the comparison shows what was reported and lists the rest in one line -------------------------


def test_comparison_charts_only_reported_metrics(pg: Page, app: ServedApp) -> None:
    page = pg.page
    open_compare(page, app.url)
    titles = page.evaluate(
        """() => document.querySelector('#comparison-chart .js-plotly-plot').layout.annotations.map(a => a.text)"""
    )
    assert titles == ["Funding raised", "Valuation sought", "Monthly burn", "Departed talent"]
    expect(page.locator("#comparison-note")).to_have_text(
        "Not reported for these companies: Latest valuation, Layoffs, Headcount, Revenue.")
    # no panel is left without a bar of a reported figure
    bars = page.evaluate(
        """() => document.querySelector('#comparison-chart .js-plotly-plot')._fullData
                 .filter(t => t.type === 'bar' && t.customdata).map(t => t.yaxis)"""
    )
    assert sorted(set(bars)) == ["y", "y2", "y3", "y4"]
    box = page.locator("#comparison-chart").bounding_box()
    assert box and box["height"] <= 2 * 190 + 90 + 2  # two rows of panels, not four
    assert pg.errors == []


# -- 1: flows summed over a window; the page, the chart and `summary` agree --------------------------------


def test_departures_are_summed_over_12_months_and_agree_everywhere(pg: Page, app: ServedApp, seeds_db: Path) -> None:
    import csv
    import io

    from tests.dashboard_fixtures import run_cli

    page = pg.page
    open_compare(page, app.url)
    cell = page.locator('#scorecards td[data-company="Stability AI"][data-metric="departed_talent"]')
    # the chief executive (reported by both articles, counted once) + "more than half a dozen" = 7, at least
    expect(cell.locator(".figure")).to_have_text("7+ in 12 months")
    expect(cell.locator(".meta")).to_contain_text("12 months to 2024-03-26")
    expect(cell.locator(".meta")).to_contain_text("2 reports")
    cell.locator("button").click()
    cards = page.locator("#evidence-detail .evidence-card")
    # the chief executive's exit is told by both seed articles (one story): both sentences are its evidence
    expect(cards).to_have_count(3, timeout=TIMEOUT)
    assert sorted(cards.locator("mark").all_text_contents()) == ["half a dozen", "stepped down", "steps down"]
    bar = page.evaluate(
        """() => document.querySelector('#comparison-chart .js-plotly-plot')._fullData
                 .filter(t => t.type === 'bar' && t.name === 'Stability AI' && t.customdata)
                 .map(t => [Array.from(t.y)[0], Array.from(t.text)[0]])"""
    )
    assert [7, "7+ in 12 months"] in bar
    # `startup-health summary`, as a table and as CSV, says what the page says, figure for figure
    shown = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#scorecards td[data-company]')].map(
                 td => [td.dataset.company + '|' + td.dataset.metric, td.querySelector('.figure').textContent]))"""
    )
    done = run_cli(["summary", "--db", str(seeds_db), "--format", "csv"])
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {f"{r['company']}|{r['metric']}": r["figure"] for r in rows} == shown
    table = run_cli(["summary", "--db", str(seeds_db)]).stdout
    assert "7+ in 12 months (12 months to 2024-03-26, 2 reports)" in table
    assert pg.errors == []
