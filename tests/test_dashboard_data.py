"""Data access of the dashboard, on small warehouses written straight from records (no browser)."""

from __future__ import annotations

import csv
import doctest
import io
import time
from datetime import date
from pathlib import Path

import pytest

import dashboard.data as data_module
from dashboard.data import DashboardData, grid_query
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
    row = burn.iloc[0]
    assert row["quote"][int(row["hl_start"]) : int(row["hl_end"])] == "$8 million a month"


def test_evidence_page_paging_sort_filter(data: DashboardData) -> None:
    rows, total = data.evidence_page(BOTH, 0, 100)
    assert total == 9 and len(rows) == 9
    assert [r["company"] for r in rows[:7]] == ["Inflection AI"] * 2 + ["Stability AI"] * 5  # default order
    first, total = data.evidence_page(BOTH, 0, 4)
    rest, _ = data.evidence_page(BOTH, 4, 8)
    last, _ = data.evidence_page(BOTH, 8, 12)
    assert total == 9 and [r["id"] for r in first + rest + last] == [r["id"] for r in rows]

    by_value, _ = data.evidence_page(BOTH, 0, 100, None, [{"colId": "figure", "sort": "desc"}])
    assert by_value[0]["figure"] == "$4B" and by_value[-1]["figure"] == "1"

    burn, n = data.evidence_page(BOTH, 0, 100, {"metric": {"filterType": "text", "type": "contains", "filter": "BURN"}})
    assert n == 2 and {r["figure"] for r in burn} == {"$8M / month", "~$8M / month"}
    mark = burn[0]
    assert mark["before"] + mark["mark"] + mark["after"] == mark["quote"]
    assert "million a month" in mark["mark"]

    big, n = data.evidence_page(
        BOTH, 0, 100, {"figure": {"filterType": "number", "type": "greaterThan", "filter": 1_000_000}}
    )
    assert n == 5
    either, n = data.evidence_page(
        BOTH,
        0,
        100,
        {"metric": {"filterType": "text", "operator": "OR", "conditions": [
            {"filterType": "text", "type": "equals", "filter": "burn_rate"},
            {"filterType": "text", "type": "startsWith", "filter": "funding"}]}},
    )
    assert n == 3


def test_grid_state_never_reaches_sql_as_text() -> None:
    evil = "x'); DROP TABLE articles; --"
    q = grid_query(
        [evil],
        {evil: {"type": "contains", "filter": "a"}, "company": {"filterType": "text", "type": evil, "filter": "b"},
         "quote": {"filterType": "text", "type": "contains", "filter": evil}},
        [{"colId": evil, "sort": "asc"}, {"colId": "company", "sort": "desc; DROP"}],
    )
    assert evil not in q.where and evil not in q.order and "DROP" not in q.order
    assert evil in q.params[-1]


def test_evidence_csv_matches_grid_and_neutralises_formulas(tmp_path: Path) -> None:
    db = write_articles(tmp_path / "h.duckdb", [*SEED_LIKE, HOSTILE])
    data = DashboardData(Warehouse(db), csv_chunk_rows=2)  # several chunks
    rows, _ = data.evidence_page(["Acme Rockets", *BOTH], 0, 100, None, [{"colId": "published", "sort": "asc"}])
    got = parse("".join(data.iter_evidence_csv(["Acme Rockets", *BOTH], None, [{"colId": "published", "sort": "asc"}])))
    assert [(r["company"], r["metric"], r["quote"].lstrip("'")) for r in got] == [
        (r["company"], r["metric"], r["quote"]) for r in rows
    ]
    formula = next(r for r in got if "HYPERLINK" in r["quote"])
    assert formula["quote"] == "'" + FORMULA_QUOTE  # neutralised: a spreadsheet shows it as text
    assert next(r for r in got if r["metric"] == "funding_raised" and r["company"] == "Acme Rockets")["quote"] == XSS_QUOTE
    hostile = next(r for r in got if r["company"] == "Acme Rockets")
    assert hostile["article_url"] == "javascript:window.__xss_link=1"  # data as stored; never a link in the page
    assert rows[-1]["article_url"] is None


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
    ("SELECT * FROM read_csv('/etc/passwd')", "file system operations are disabled"),
    ("SELECT * FROM read_text('/etc/hostname')", "disabled"),
    ("COPY (SELECT 1) TO '/tmp/startup-health-pwned.csv'", "only SELECT"),
    ("ATTACH '/tmp/startup-health-other.duckdb' AS other", "only SELECT"),
    ("INSTALL httpfs", "only SELECT"),
    ("LOAD httpfs", "only SELECT"),
    ("SET enable_external_access = true", "only SELECT"),
    ("PRAGMA database_list", "only SELECT"),
    ("SELECT 1; SELECT 2", "one statement at a time"),
    ("SELECT 1; DROP TABLE articles", "one statement at a time"),
    ("DELETE FROM articles", "only SELECT"),
    ("SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b", "ran longer than"),
    ("", "empty"),
    ("SELEKT nothing", "could not be parsed"),
]


@pytest.mark.parametrize(("sql", "message"), HOSTILE_SQL)
def test_sql_page_refuses_hostile_statements(data: DashboardData, sql: str, message: str) -> None:
    started = time.monotonic()
    answer = data.run_sql(sql)
    assert not answer.ok and message in answer.message
    assert answer.message.startswith("Query refused:") and "Traceback" not in answer.message
    assert time.monotonic() - started < 5
    assert not Path("/tmp/startup-health-pwned.csv").exists()
    assert data.run_sql("SELECT count(*) AS n FROM metrics").rows == [{"n": 11}]  # still answers


def test_sql_page_caps_rows(data: DashboardData) -> None:
    answer = data.run_sql("SELECT * FROM range(10000000)")
    assert answer.ok and answer.truncated and len(answer.rows) == 50
    assert "first 50 rows" in answer.message


def test_sql_csv_is_neutralised(data: DashboardData) -> None:
    got = parse("".join(data.iter_sql_csv("SELECT quote FROM metrics WHERE metric = 'layoffs'")))
    assert got == [{"quote": "'" + FORMULA_QUOTE}]
