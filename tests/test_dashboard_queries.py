"""The dashboard's faster questions give the rows the plain ones gave: on the benchmark's generated data
(bench/bench_dashboard.py, small, stored in company order as a big ingest leaves it, plus undated articles),
the timeline, the undated count, the evidence table and its CSV equal what the queries over the ``metrics``
and ``events`` views answered before they read the tables by company and ranked only the newest rows.

The reference queries below are those the dashboard ran before (issue 11's performance work), verbatim.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from bench.bench_dashboard import build
from dashboard.data import _EVIDENCE_SQL, EVIDENCE_CSV_COLUMNS, EVIDENCE_ORDER, DashboardData
from models.export import iter_csv
from models.records import Article, Event, Extraction, Metric, Period
from models.warehouse import Warehouse

#: the timeline's query before: every row of the chosen companies ranked in full over the views
OLD_TIMELINE_SQL = """WITH m AS (
     SELECT 'm' AS kind, company, metric, value, unit, qualifier, NULL AS person, NULL AS role,
            NULL AS event, as_of, coalesce(as_of_start, published) AS date, quote, article_id,
            row_no,
            row_number() OVER (PARTITION BY company, metric
                ORDER BY coalesce(as_of_start, published) DESC NULLS LAST, article_id, row_no) AS rn,
            count(coalesce(as_of_start, published)) OVER (PARTITION BY company, metric) AS n_dated
     FROM metrics WHERE company IN (SELECT unnest($companies))
   ), e AS (
     SELECT 'e' AS kind, company, NULL AS metric, NULL AS value, NULL AS unit, NULL AS qualifier,
            person, role, kind AS event, as_of, coalesce(as_of_start, published) AS date, quote,
            article_id, row_no,
            row_number() OVER (PARTITION BY company
                ORDER BY coalesce(as_of_start, published) DESC NULLS LAST, article_id, row_no) AS rn,
            count(coalesce(as_of_start, published)) OVER (PARTITION BY company) AS n_dated
     FROM events WHERE company IN (SELECT unnest($companies))
   )
   SELECT * FROM (SELECT * FROM m UNION ALL SELECT * FROM e)
   WHERE rn <= $cap AND date IS NOT NULL
   ORDER BY date, company"""

OLD_UNDATED_SQL = """SELECT (SELECT count(*) FROM metrics WHERE company IN (SELECT unnest($c))
                 AND coalesce(as_of_start, published) IS NULL)
        + (SELECT count(*) FROM events WHERE company IN (SELECT unnest($c))
                 AND coalesce(as_of_start, published) IS NULL) AS n"""

OLD_EVIDENCE_SQL = f"""WITH f AS (
      SELECT company, metric, value, unit, qualifier, as_of, as_of_start, published, quote,
             char_start - quote_start AS hl_start, char_end - quote_start AS hl_end,
             article_title, article_url, article_path, article_id, row_no
      FROM metrics WHERE company IN (SELECT unnest($1)))
    SELECT * EXCLUDE (as_of_start) REPLACE (CAST(published AS VARCHAR) AS published) FROM (
      SELECT *, (SELECT count(*) FROM f) AS total FROM f
      ORDER BY coalesce(as_of_start, published) DESC NULLS LAST, published DESC NULLS LAST,
               article_id, row_no
      LIMIT $2)
    ORDER BY {EVIDENCE_ORDER}"""

#: the evidence CSV's lookup before: every metrics row of the articles named, whatever its company
OLD_CSV_SQL = """SELECT article_id, row_no, company, metric, value, unit, qualifier, as_of,
                        CAST(published AS VARCHAR) AS published, quote, surface, article_title, article_url,
                        article_path
                 FROM metrics WHERE article_id IN (SELECT unnest(?))"""


#: the rows the side-by-side figures were chosen from before ``figure_rows`` kept them, over the views
OLD_SUMMARY_SQL = """
WITH r AS (
    SELECT company, metric, value, unit, qualifier, as_of, as_of_start, as_of_end, published, article_id, row_no,
           story_id, quote, coalesce(as_of_start, published) AS w,
           coalesce(as_of_start, CAST(published - to_days(CAST($days AS INTEGER)) AS DATE)) AS p_start,
           coalesce(as_of_end, published) AS p_end
    FROM metrics WHERE company IN (SELECT unnest($companies))
),
top_w AS (SELECT company, metric, max(w) AS w FROM r GROUP BY ALL),
top AS (
    SELECT r.company, r.metric, t.w, max(r.published) AS pub
    FROM r JOIN top_w t ON r.company = t.company AND r.metric = t.metric AND r.w IS NOT DISTINCT FROM t.w
    GROUP BY ALL
),
c AS (
    SELECT r.company, r.metric, r.unit, r.value, r.article_id, r.row_no, r.p_start, r.p_end
    FROM r JOIN top t ON r.company = t.company AND r.metric = t.metric
                     AND r.w IS NOT DISTINCT FROM t.w AND r.published IS NOT DISTINCT FROM t.pub
),
span AS (
    SELECT company, metric, min(p_start) AS s, max(p_end) AS e, bool_or(p_start IS NULL OR p_end IS NULL) AS open
    FROM c GROUP BY ALL
),
agree AS (
    SELECT c.article_id, c.row_no, count(DISTINCT r.story_id) AS n_agree
    FROM c JOIN r ON r.company = c.company AND r.metric = c.metric AND r.unit = c.unit
                 AND abs(r.value - c.value) <= $tol * greatest(abs(r.value), abs(c.value))
    GROUP BY ALL
)
SELECT r.company, r.metric, r.value, r.unit, r.qualifier, r.as_of, r.as_of_start, r.as_of_end, r.published,
       r.article_id, r.row_no, r.story_id, CASE WHEN agree.n_agree IS NOT NULL THEN r.quote END AS quote, agree.n_agree
FROM r
JOIN span USING (company, metric)
LEFT JOIN agree ON agree.article_id = r.article_id AND agree.row_no = r.row_no
WHERE agree.n_agree IS NOT NULL
   OR span.open OR r.p_start IS NULL OR r.p_end IS NULL
   OR (r.p_start <= span.e AND r.p_end >= span.s)
   OR EXISTS (SELECT 1 FROM c WHERE c.company = r.company AND c.metric = r.metric AND c.article_id = r.article_id)
"""


def add_undated(path: Path, names: list[str]) -> None:
    """Articles without a date about some of the companies, half their figures undated too, and an undated
    leadership change: rows whose place in time only the article could give."""
    wh = Warehouse(path)
    batch = []
    for i, company in enumerate(names):
        sentence = f"{company} reported head count of 12 people."
        metrics = tuple(
            Metric(company=company, metric=metric, value=12.0 + k, unit="persons" if metric == "headcount" else "USD",
                   qualifier="exact", char_start=0, char_end=2, sentence=sentence, sentence_start=0,
                   as_of=Period.month(2020, 1 + k) if k % 2 else None, surface="12", confidence=0.9)
            for k, metric in enumerate(("headcount", "revenue", "headcount", "funding_raised"))
        )
        events = (Event(company=company, person=f"Undated {i}", role="CEO", kind="resigned", char_start=0, char_end=2,
                        sentence=sentence, sentence_start=0, as_of=None),)
        article = Article(article_id=f"undated{i:03d}", path=f"undated/{i}.txt", text=sentence, title=None,
                          published=None, url=None)
        batch.append((article, Extraction(metrics=metrics, events=events, companies={company: frozenset()})))
    wh.write_batch(batch, "test")


@pytest.fixture(scope="module")
def bench_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's generator, small (3,000 articles, 30,000 metric rows, 60 companies), in company order,
    with undated articles about five companies."""
    path = tmp_path_factory.mktemp("bench") / "bench.duckdb"
    build(path, 3_000, 10, 60)
    wh = Warehouse(path)
    names = [r[0] for r in wh.query("SELECT name FROM companies ORDER BY name").rows]
    add_undated(path, names[::12])
    wh.optimize()
    return path


def choices(wh: Warehouse) -> list[list[str]]:
    """Company choices: the two best covered, random pairs and threes, one company, an unknown name, none."""
    names = [r[0] for r in wh.query("SELECT c.name FROM companies c JOIN metric_rows USING (company_id) "
                                    "GROUP BY ALL ORDER BY count(*) DESC, 1").rows]
    rng = random.Random(11)
    return ([names[:2], names[-2:], [names[0]], ["No Such Company"], [], names[:1] + ["No Such Company"]]
            + [rng.sample(names, 2) for _ in range(8)] + [rng.sample(names, 3) for _ in range(4)])


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys).reset_index(drop=True) if len(frame) else frame.reset_index(drop=True)


@pytest.mark.parametrize("cap", [100, 7, 1])
def test_timeline_and_undated_equal_the_queries_over_the_views(bench_db: Path, cap: int) -> None:
    wh = Warehouse(bench_db)
    data = DashboardData(wh, timeline_cap=cap)
    for chosen in choices(wh):
        old = wh.query_df(OLD_TIMELINE_SQL, {"companies": chosen, "cap": cap})
        points, events = data.timeline(chosen)
        old_points = old[old["kind"] == "m"].drop(columns=["kind", "person", "role", "event", "rn"])
        old_events = old[old["kind"] == "e"].drop(columns=["kind", "metric", "value", "unit", "qualifier", "rn"])
        old_events = old_events.rename(columns={"event": "kind"})
        assert list(points.columns) == [*old_points.columns, "display"]
        assert list(events.columns) == list(old_events.columns)
        keys = ["company", "article_id", "row_no"]
        pd.testing.assert_frame_equal(_sorted(points.drop(columns="display"), keys), _sorted(old_points, keys),
                                      check_dtype=False)
        pd.testing.assert_frame_equal(_sorted(events, keys), _sorted(old_events, keys), check_dtype=False)
        assert list(points["date"]) == sorted(points["date"])  # oldest first
        old_undated = int(wh.query_df(OLD_UNDATED_SQL, {"c": chosen})["n"].iloc[0])
        assert data.undated(chosen) == old_undated


def test_the_undated_rows_are_counted_and_left_off_the_time_axis(bench_db: Path) -> None:
    wh = Warehouse(bench_db)
    chosen = [r[0] for r in wh.query("SELECT DISTINCT c.name FROM metric_rows JOIN companies c USING (company_id) "
                                     "WHERE article_id LIKE 'undated%' ORDER BY 1").rows]
    assert len(chosen) == 5
    data = DashboardData(wh, timeline_cap=100_000)
    assert data.undated(chosen) == 5 * (2 + 1)  # two undated figures and one change per undated article
    points, events = data.timeline(chosen)
    from_undated = points[points["article_id"].str.startswith("undated")]
    assert len(from_undated) == 5 * 2 and from_undated["as_of"].notna().all()  # dated by their own text
    assert not events["article_id"].str.startswith("undated").any()


@pytest.mark.parametrize("cap", [1_000, 40, 1])
def test_evidence_equals_the_query_over_the_view(bench_db: Path, cap: int) -> None:
    wh = Warehouse(bench_db)
    data = DashboardData(wh)
    for chosen in choices(wh):
        if not chosen:
            assert data.evidence(chosen, cap) == ([], 0)
            continue
        old = wh.query_df(OLD_EVIDENCE_SQL, [chosen, cap])
        new = wh.query_df(_EVIDENCE_SQL, {"companies": chosen, "cap": cap})
        pd.testing.assert_frame_equal(new, old, check_dtype=False)  # the same rows in the same order
        rows, total = data.evidence(chosen, cap)
        assert total == (int(old["total"].iloc[0]) if len(old) else 0)
        assert [r["id"] for r in rows] == [f"{a}:{n}" for a, n in zip(old["article_id"], old["row_no"])]


def test_evidence_picks_the_undated_rows_last(bench_db: Path) -> None:
    wh = Warehouse(bench_db)
    chosen = [r[0] for r in wh.query("SELECT DISTINCT c.name FROM metric_rows JOIN companies c USING (company_id) "
                                     "WHERE article_id LIKE 'undated%' ORDER BY 1 LIMIT 1").rows]
    rows, total = DashboardData(wh).evidence(chosen, 100_000)
    assert len(rows) == total
    old = wh.query_df(OLD_EVIDENCE_SQL, [chosen, total - 1])  # all but the last row: an undated one
    assert [r["id"] for r in DashboardData(wh).evidence(chosen, total - 1)[0]] == [
        f"{a}:{n}" for a, n in zip(old["article_id"], old["row_no"])]


def old_csv(wh: Warehouse, row_ids: list[str]) -> str:
    keys = [(a, int(n)) for a, _, n in (i.rpartition(":") for i in row_ids) if a and n.isdigit()]
    res = wh.query(OLD_CSV_SQL, [sorted({a for a, _ in keys})]) if keys else None
    found = {(r[0], int(r[1])): r[2:] for r in res.rows} if res else {}
    return "".join(iter_csv(EVIDENCE_CSV_COLUMNS, [[found[k] for k in keys if k in found]]))


def test_evidence_csv_equals_the_lookup_over_the_view_whatever_companies_are_named(bench_db: Path) -> None:
    wh = Warehouse(bench_db)
    data = DashboardData(wh)
    rng = random.Random(5)
    for chosen in choices(wh)[:10]:
        shown = [r["id"] for r in data.evidence(chosen)[0]]
        others = [r["id"] for r in data.evidence(choices(wh)[1])[0]][:5]
        mixed = rng.sample(shown, min(len(shown), 50)) + others + ["bogus", "x:y", "nope:3"] + shown[:2]
        for ids in (shown, shown[::-1], mixed, []):
            want = old_csv(wh, ids)
            assert data.evidence_csv(ids, chosen) == want  # the companies the table shows
            assert data.evidence_csv(ids) == want  # none named
            assert data.evidence_csv(ids, ["No Such Company"]) == want  # named wrong: found all the same
    assert old_csv(wh, []) == data.evidence_csv([]) and data.evidence_csv([]).count("\n") == 1


def test_the_figures_are_checked_on_a_warehouse_in_company_order(bench_db: Path) -> None:
    """The faster questions read the tables by company; the fixture stores them as a big ingest leaves them."""
    rows = Warehouse(bench_db).query(
        "SELECT bool_and(prev IS NULL OR company_id >= prev) FROM "
        "(SELECT company_id, lag(company_id) OVER (ORDER BY rowid) AS prev FROM metric_rows)").rows
    assert rows == [(True,)]
    assert date(2015, 1, 1) <= Warehouse(bench_db).latest_published() <= date(2025, 12, 31)


def test_kept_figure_rows_equal_the_query_over_the_views(bench_db: Path) -> None:
    """``figure_rows`` (kept at ingest; what the side-by-side figures are chosen from) holds, for any choice of
    companies, the rows the query over the ``metrics`` view sent before."""
    wh = Warehouse(bench_db)
    assert wh.query("SELECT count(*) FROM facts_pending").rows == [(0,)]  # every company's rows kept
    keys = ["company", "metric", "article_id", "row_no"]
    for chosen in choices(wh):
        old = wh.query_df(OLD_SUMMARY_SQL, {"companies": chosen, "tol": 0.02, "days": 30})
        kept, _ = wh.figure_rows_and_flows(chosen)
        assert list(kept.columns) == list(old.columns)
        pd.testing.assert_frame_equal(_sorted(kept, keys), _sorted(old, keys), check_dtype=False)
