"""Data access of the dashboard, on small warehouses written straight from records (no browser)."""

from __future__ import annotations

import csv
import doctest
import io
import random
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

import dashboard.data as data_module
from dashboard.data import DashboardData
from dashboard.summary import summarise
from models.records import METRICS, Period
from models.warehouse import Warehouse
from tests.dashboard_fixtures import (
    FORMULA_QUOTE,
    HOSTILE,
    SEED_LIKE,
    XSS_QUOTE,
    Fig,
    Story,
    build_records,
    write_articles,
)

BOTH = ["Stability AI", "Inflection AI"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "w.duckdb", [*SEED_LIKE, HOSTILE])


@pytest.fixture
def data(db: Path) -> DashboardData:
    return DashboardData(Warehouse(db), sql_timeout_s=1.0, sql_max_rows=50)


def parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_doctests() -> None:
    assert doctest.testmod(data_module).failed == 0


def test_companies_most_covered_first(data: DashboardData) -> None:
    df = data.companies()
    assert list(df["company"]) == ["Stability AI", "Acme Rockets", "Inflection AI"]
    assert dict(zip(df["company"], df["n_metrics"])) == {"Stability AI": 7, "Acme Rockets": 2, "Inflection AI": 2}


def test_missing_or_schemaless_warehouse_is_empty_not_an_error(tmp_path: Path) -> None:
    assert DashboardData(Warehouse(tmp_path / "none.duckdb")).companies().empty
    Warehouse(tmp_path / "fresh.duckdb").ensure_schema()
    assert DashboardData(Warehouse(tmp_path / "fresh.duckdb")).companies().empty


def test_summary_of_seed_like_warehouse(data: DashboardData) -> None:
    s = data.summary(BOTH)
    burn = s[(s["company"] == "Stability AI") & (s["metric"] == "burn_rate")].iloc[0]
    assert burn["display"] == "$8M / month" and burn["n_sources"] == 2
    assert burn["quote"] == "Expenditure reaches a staggering 8 million a month."
    funding = s[(s["company"] == "Inflection AI") & (s["metric"] == "funding_raised")].iloc[0]
    assert funding["display"] == "~$1.5B"


def test_timeline_has_dated_points_and_events(data: DashboardData) -> None:
    points, events = data.timeline(BOTH)
    assert set(points["company"]) == set(BOTH)
    assert points["date"].notna().all()
    assert {"Emad Mostaque", "Shan Shan Wong"} <= set(events["person"])
    burn = points[points["metric"] == "burn_rate"].sort_values("date")
    assert list(burn["display"]) == ["~$8M / month", "$8M / month"]
    assert "$8 million a month" in burn.iloc[0]["quote"]
    assert list(events.columns[:4]) == ["company", "person", "role", "kind"]
    assert set(events["kind"]) == {"resigned", "interim"}


def test_evidence_rows_in_table_order_with_marked_quotes(data: DashboardData) -> None:
    rows, total = data.evidence(BOTH)
    assert total == 9 and len(rows) == 9
    assert [r["company"] for r in rows] == ["Inflection AI"] * 2 + ["Stability AI"] * 7
    assert [r["metric"] for r in rows[2:]] == ["valuation_target"] * 2 + ["burn_rate"] * 2 + ["departed_talent"] * 3
    burn = rows[4]
    assert burn["figure"] == "$8M / month" and burn["as_of"] == "2024-03"  # newest first within a metric
    assert burn["before"] + burn["mark"] + burn["after"] == burn["quote"]
    assert burn["mark"] == "8 million a month"
    assert burn["id"] == f"{burn['article_id']}:{burn['row_no']}"
    assert rows[0]["article_url"].startswith("https://")
    assert data.evidence([]) == ([], 0)


def test_evidence_keeps_the_most_recent_when_capped(data: DashboardData) -> None:
    rows, total = data.evidence(BOTH, cap=3)
    assert total == 9 and len(rows) == 3
    assert all(r["as_of"] is None and r["published"] >= "2024-03-22" for r in rows)  # the newest figures


def test_evidence_csv_matches_grid_and_neutralises_formulas(data: DashboardData) -> None:
    rows, _ = data.evidence(["Acme Rockets", *BOTH])
    chosen = [rows[5]["id"], rows[0]["id"], rows[1]["id"], "nonsense", "x:y"]
    got = parse(data.evidence_csv(chosen))
    assert [(r["company"], r["metric"]) for r in got] == [
        (rows[5]["company"], rows[5]["metric"]),
        (rows[0]["company"], rows[0]["metric"]),
        (rows[1]["company"], rows[1]["metric"]),
    ]
    assert list(got[0]) == ["company", "metric", "value", "unit", "qualifier", "as_of", "published", "quote",
                            "surface", "article_title", "article_url", "article_path"]
    every = parse(data.evidence_csv([r["id"] for r in rows]))
    formula = next(r for r in every if "HYPERLINK" in r["quote"])
    assert formula["quote"] == "'" + FORMULA_QUOTE  # neutralised: a spreadsheet shows it as text
    xss = next(r for r in every if r["metric"] == "funding_raised" and r["company"] == "Acme Rockets")
    assert xss["quote"] == XSS_QUOTE
    assert xss["article_url"] == "javascript:window.__xss_link=1"  # data as stored; never a link in the page
    assert next(r for r in rows if r["company"] == "Acme Rockets")["article_url"] is None
    assert parse(data.evidence_csv([])) == []


def test_whole_metrics_csv_streams_in_chunks(tmp_path: Path) -> None:
    stories = [
        Story(path=f"bulk/{i}.txt", published=date(2024, 1, 1 + i % 28), title=f"t{i}",
              figures=[Fig(f"Co{i % 7}", "headcount", 10 + i, "persons", "exact", f"It has {10 + i} staff.", f"{10 + i} staff"),
                       Fig(f"Co{i % 7}", "layoffs", i + 1, "persons", "exact", f"It cut {i + 1} jobs now.", f"{i + 1} jobs")])
        for i in range(45)
    ]
    db = write_articles(tmp_path / "bulk.duckdb", stories)
    data = DashboardData(Warehouse(db), csv_chunk_rows=7)
    pieces = list(data.iter_metrics_csv())
    assert len(pieces) >= 1 + 90 // 7  # header, then one piece per chunk
    got = parse("".join(pieces))
    assert len(got) == 90
    assert len({(r["article_id"], r["row_no"]) for r in got}) == 90
    assert list(got[0]) == [c for c, _ in Warehouse(db).table_columns()["metrics"]]


def test_new_articles_show_without_a_new_data_object(db: Path, data: DashboardData) -> None:
    assert "Newco" not in data.company_names()
    time.sleep(0.01)
    Warehouse(db).write_batch(
        [build_records(
            Story(path="late/newco.txt", published=date(2024, 6, 1), title="Newco",
                  figures=[Fig("Newco", "headcount", 12, "persons", "exact", "Newco has 12 staff.", "12 staff")]))],
        "test",
    )
    assert "Newco" in data.company_names()


HOSTILE_SQL = [
    ("SELECT * FROM read_csv('/etc/passwd')", "Query refused: the table function read_csv is not allowed"),
    ("SELECT * FROM read_text('/etc/hostname')", "Query refused: the table function read_text is not allowed"),
    ("COPY (SELECT 1) TO '/tmp/startup-health-pwned.csv'", "Query refused: only SELECT queries are allowed here, not COPY"),
    ("ATTACH '/tmp/startup-health-other.duckdb' AS other", "Query refused: only SELECT queries are allowed here, not ATTACH"),
    ("INSTALL httpfs", "Query refused: only SELECT queries are allowed here, not INSTALL"),
    ("LOAD httpfs", "Query refused: only SELECT queries are allowed here, not LOAD"),
    ("SET enable_external_access = true", "Query refused: only SELECT queries are allowed here, not SET"),
    ("PRAGMA database_list", "Query refused: only SELECT queries are allowed here, not PRAGMA"),
    ("SELECT 1; SELECT 2", "Query refused: one statement at a time"),
    ("SELECT 1; DROP TABLE articles", "Query refused: one statement at a time"),
    ("DELETE FROM articles", "Query refused: only SELECT queries are allowed here, not DELETE"),
    ("SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b", "Query stopped: it ran longer than"),
    ("", "Query refused: the query is empty"),
    ("SELEKT nothing", "Syntax error at or near"),
]


@pytest.mark.parametrize(("sql", "message"), HOSTILE_SQL)
def test_sql_page_refuses_hostile_statements(data: DashboardData, sql: str, message: str) -> None:
    started = time.monotonic()
    answer = data.run_sql(sql)
    assert not answer.ok and answer.message.startswith(message), answer.message
    assert "Traceback" not in answer.message
    assert time.monotonic() - started < 5
    assert not Path("/tmp/startup-health-pwned.csv").exists()
    assert data.run_sql("SELECT count(*) AS n FROM metrics").rows == [{"n": 11}]  # still answers


def test_sql_page_caps_rows(data: DashboardData) -> None:
    answer = data.run_sql("SELECT * FROM range(10000000)")
    assert answer.ok and answer.truncated and len(answer.rows) == 50
    assert "first 50 rows" in answer.message


def test_sql_csv_is_neutralised(data: DashboardData) -> None:
    content, note = data.sql_csv("SELECT quote FROM metrics WHERE metric = 'layoffs'")
    assert parse(content) == [{"quote": "'" + FORMULA_QUOTE}] and note is None


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_summary_query_leaves_out_only_rows_that_cannot_matter(tmp_path: Path, seed: int) -> None:
    """The warehouse sends ``summarise`` a subset of the rows; the answer must be that of every row."""
    rng = random.Random(seed)
    companies = ["Alpha", "Beta", "Gamma"]
    stories = []
    for i in range(80):
        company = rng.choice(companies)
        published = date(2023, 1, 1) + timedelta(days=rng.randrange(500)) if rng.random() < 0.9 else None
        figures = []
        for j in range(rng.randint(1, 4)):
            metric = rng.choice(METRICS[:4] + ("headcount",))
            unit = {"headcount": "persons", "burn_rate": "USD/month"}.get(metric) or rng.choice(["USD", "USD", "EUR"])
            value = rng.choice([100, 101, 120, 200, 1000]) * (1 if unit == "persons" else 1e6)
            when = None
            r = rng.random()
            if r < 0.4:
                when = Period.month(2023 + rng.randrange(2), rng.randint(1, 12))
            elif r < 0.55:
                when = Period.year(2023 + rng.randrange(2))
            qualifier = rng.choice(["exact", "exact", "approx", "at_least", "at_most", "range_low", "range_high"])
            sentence = f"{company} figure {i} {j} is {value:,.0f} units."
            figures.append(Fig(company, metric, value, unit, qualifier, sentence, f"{value:,.0f}", when))
        stories.append(Story(path=f"r/{i}.txt", published=published, title=f"t{i}", figures=figures))
    db = write_articles(tmp_path / "random.duckdb", stories)
    data = DashboardData(Warehouse(db))
    every = Warehouse(db).query_df(
        "SELECT company, metric, value, unit, qualifier, as_of, as_of_start, as_of_end, published, article_id, "
        "row_no FROM metrics"
    )
    expected = summarise(every, companies)
    got = data.summary(companies).drop(columns=["quote"])
    assert_frame_equal(got, expected, check_dtype=False)
    sent, _ = Warehouse(db).figure_rows_and_flows(companies)
    assert len(sent) < len(every)  # some rows were indeed left out


def test_sql_page_on_a_missing_or_foreign_file_says_so(tmp_path: Path) -> None:
    missing = DashboardData(Warehouse(tmp_path / "none.duckdb")).run_sql("SELECT 1")
    assert not missing.ok and "no warehouse here yet" in missing.message
    foreign = tmp_path / "foreign.duckdb"
    with Warehouse(foreign).connect(read_only=False) as con:
        con.execute("CREATE TABLE other (x INTEGER)")
    answer = DashboardData(Warehouse(foreign)).run_sql("SELECT 1")
    assert not answer.ok and "not a startup-health warehouse" in answer.message
    assert DashboardData(Warehouse(foreign)).run_sql("SELECT 1").rows == []
