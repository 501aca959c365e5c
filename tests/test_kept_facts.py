"""Facts and scores kept at ingest equal the live reconciliation of the rows stored now: on the benchmark's
generated data, after batches that add, replace and rename, while an ingest is half-way, after a crash, and
after the upgrade of a warehouse written before they were kept."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from bench.bench_dashboard import build
from conftest import ROOT, SEEDS
from facts_support import Evt, Fig, new_warehouse, put
from models.flows import Flow, company_flows
from models.health import score_companies
from models.records import Article, Extraction, Metric
from models.warehouse import SCHEMA_VERSION, QueryRefused, Warehouse
from models.warehouse.kept_figures import FIGURE_ROWS_SQL
from models.warehouse.reconcile import EVERYTHING, facts_sql
from startup_health import pipeline

#: forces the live reconciliation with the same meaning as "everything" (leaving out an article that is not there)
LIVE = ("no-such-article",)


def differences(wh: Warehouse) -> dict[str, tuple[int, int]]:
    """view -> (rows only in the view, rows only in the live SQL), compared as multisets, every column."""
    out = {}
    with wh.connect() as con:
        for view in ("fact_sources", "facts"):
            live = facts_sql(view, *EVERYTHING)
            a = con.execute(f"SELECT count(*) FROM (SELECT * FROM {view} EXCEPT ALL SELECT * FROM ({live}))").fetchone()
            b = con.execute(f"SELECT count(*) FROM (SELECT * FROM ({live}) EXCEPT ALL SELECT * FROM {view})").fetchone()
            out[view] = (a[0] if a else -1, b[0] if b else -1)
    return out


def pending(wh: Warehouse) -> list[str]:
    return [r[0] for r in wh.query("SELECT company_id FROM facts_pending ORDER BY 1").rows]


def assert_kept_equals_live(wh: Warehouse, names: list[str]) -> None:
    assert pending(wh) == []
    assert differences(wh) == {"fact_sources": (0, 0), "facts": (0, 0)}
    with wh.connect() as con:  # the kept tables alone (the views add nothing when nothing is pending)
        kept = con.execute("SELECT count(*) FROM stored_facts").fetchone()
        live = con.execute(f"SELECT count(*) FROM ({facts_sql('facts', *EVERYTHING)})").fetchone()
    assert kept == live
    assert wh.facts(None) == wh.facts(None, without=LIVE)  # records, sources and order
    assert wh.scores(names) == score_companies(wh, names, without=LIVE)
    assert kept_flows(wh, names) == live_flows(wh, names)
    assert figure_differences(wh) == (0, 0)


def figure_differences(wh: Warehouse) -> tuple[int, int]:
    """(rows only in ``figure_rows``, rows only in its SQL run now), every company, as multisets."""
    with wh.connect() as con:
        ids = {"ids": [r[0] for r in con.execute("SELECT company_id FROM companies").fetchall()]}
        a = con.execute(f"SELECT count(*) FROM (SELECT * FROM figure_rows EXCEPT ALL ({FIGURE_ROWS_SQL}))", ids)
        only_kept = (a.fetchone() or (-1,))[0]
        b = con.execute(f"SELECT count(*) FROM (({FIGURE_ROWS_SQL}) EXCEPT ALL SELECT * FROM figure_rows)", ids)
        return only_kept, (b.fetchone() or (-1,))[0]


def kept_flows(wh: Warehouse, names: list[str]) -> dict[str, dict[str, tuple[object, ...]]]:
    return {n: {m: _flow(fl) for m, fl in by.items()} for n, by in wh.flows(names).items()}


def live_flows(wh: Warehouse, names: list[str]) -> dict[str, dict[str, tuple[object, ...]]]:
    """The flows computed now from the live facts, as much of them as is kept: all but the reports left out."""
    ids = wh.resolve_companies(names)
    flows = company_flows(ids, wh.facts(sorted(set(ids.values())), without=LIVE),
                          wh.events_for(sorted(set(ids.values()))))
    return {n: {m: _flow(fl) for m, fl in by.items()} for n, by in flows.items()}


def _flow(fl: Flow) -> tuple[object, ...]:
    return (fl.metric, fl.value, fl.unit, fl.qualifier, fl.ref, fl.window, fl.counted)


@pytest.fixture(scope="module")
def bench_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's generator (bench/bench_dashboard.py), small: 3,000 articles, 30,000 metric rows."""
    path = tmp_path_factory.mktemp("bench") / "bench.duckdb"
    build(path, 3_000, 10, 60)
    return path


def test_kept_facts_and_scores_equal_the_live_ones_on_the_benchmark_data(bench_db: Path) -> None:
    wh = Warehouse(bench_db)
    names = [r[0] for r in wh.query("SELECT name FROM companies ORDER BY name").rows]
    counts = wh.query("SELECT (SELECT count(*) FROM stored_facts), (SELECT count(*) FROM stored_fact_sources), "
                      "(SELECT count(*) FROM company_scores), (SELECT count(*) FROM metric_rows)").rows[0]
    assert counts[0] > 1000 and counts[1] == counts[3] == 30_000 and counts[2] == len(names) == 60
    flows = wh.query("SELECT count(*), count(DISTINCT company_id), sum(len(counted) > 0) FROM company_flows").rows
    assert flows[0][0] > 60 and flows[0][1] == 60 and flows[0][2] > 30  # both flow metrics of most companies
    figures = wh.query("SELECT count(*), count(DISTINCT company_id), count(n_agree) FROM figure_rows").rows
    assert 1_000 < figures[0][0] < 30_000 and figures[0][1] == 60 and figures[0][2] >= 60 * 8
    assert_kept_equals_live(wh, names)
    best = wh.query("SELECT company FROM company_scores WHERE score IS NOT NULL ORDER BY score DESC LIMIT 1").rows
    assert best and wh.scores([best[0][0]])[best[0][0]] is not None


def test_every_batch_keeps_the_companies_it_touched(tmp_path: Path) -> None:
    wh = new_warehouse(tmp_path / "w.duckdb")
    put(wh, "a1", date(2024, 3, 1), [Fig("Acme", "funding_raised", 20e6, "Acme raised $20 million.", "$20 million",
                                         as_of="2024-03")])
    put(wh, "b1", date(2024, 3, 2), [Fig("Beta", "layoffs", 50, "Beta laid off 50 people.", "50", as_of="2024-03")],
        [Evt("Beta", "resigned", "Beta's chief executive Jo Smith resigned.", "Jo Smith", "chief executive",
             "2024-03-02")])
    names = ["Acme", "Acme Robotics", "Beta"]
    assert_kept_equals_live(wh, names)
    # the same path with another text replaces the article: Acme's old figure goes, a conflict appears
    put(wh, "a1", date(2024, 4, 1), [Fig("Acme", "funding_raised", 25e6, "Acme raised $25 million.", "$25 million",
                                         as_of="2024-03")])
    put(wh, "a2", date(2024, 4, 2), [Fig("Acme", "funding_raised", 23e6, "Acme got $23 million.", "$23 million",
                                         as_of="2024-03")])
    # a longer name renames the company everywhere its facts name it
    put(wh, "a3", date(2024, 4, 3), [Fig("Acme Robotics", "headcount", 80, "Acme Robotics has 80 staff.", "80")],
        aliases={"Acme Robotics": frozenset({"Acme"})})
    assert_kept_equals_live(wh, names)
    assert {r[0] for r in wh.query("SELECT DISTINCT company FROM stored_facts").rows} == {"Acme Robotics", "Beta"}
    assert wh.query("SELECT count(*) FROM stored_facts WHERE conflict").rows == [(2,)]


def test_facts_are_right_while_an_ingest_is_half_way(tmp_path: Path) -> None:
    """Batches written without their refresh (as ``ingest`` writes them) leave the companies pending; every read
    reconciles those live until ``refresh_facts``."""
    wh = new_warehouse(tmp_path / "w.duckdb")
    put(wh, "a1", date(2024, 3, 1), [Fig("Acme", "burn_rate", 2e6, "Acme burns $2 million a month.", "$2 million")])
    before = wh.scores(["Acme"])
    text = "Acme burns $9 million a month."
    art = Article(article_id="f" * 16, path="a2.txt", text=text, title="a2", published=date(2024, 6, 1))
    metric = Metric(company="Acme", metric="burn_rate", value=9e6, unit="USD/month", qualifier="exact",
                    char_start=11, char_end=21, sentence=text, sentence_start=0, surface="$9 million")
    wh.write_batch([(art, Extraction((metric,), (), {}))], "test", refresh_facts=False)
    assert pending(wh) == ["acme"]
    assert differences(wh) == {"fact_sources": (0, 0), "facts": (0, 0)}  # the view reconciles Acme live
    assert wh.facts(["acme"]) == wh.facts(["acme"], without=LIVE)
    half_way = wh.scores(["Acme"])
    assert half_way == score_companies(wh, ["Acme"], without=LIVE) and half_way != before
    assert wh.query("SELECT count(*) FROM stored_fact_sources").rows == [(1,)]  # the kept rows are the old ones
    assert wh.refresh_facts() == 1
    assert_kept_equals_live(wh, ["Acme"])
    assert wh.scores(["Acme"]) == half_way


def test_an_ingest_that_died_is_finished_by_the_next(tmp_path: Path) -> None:
    """A process killed between its batches and its refresh leaves companies pending; the next ``ingest``,
    even with nothing new to store, brings them up to date."""
    db = tmp_path / "w.duckdb"
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Acme AI raised $20 million in a Series A round on March 4, 2024.", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from models.warehouse import Warehouse
        from startup_health import pipeline
        Warehouse.refresh_facts = lambda self, everything=False: os._exit(3)  # dies before its refresh
        pipeline.ingest([Path({str(news)!r})], Warehouse({str(db)!r}))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    wh = Warehouse(db)
    assert pending(wh) == ["acme"] and wh.query("SELECT count(*) FROM stored_facts").rows == [(0,)]
    assert differences(wh) == {"fact_sources": (0, 0), "facts": (0, 0)}
    report = pipeline.ingest([news], wh)
    assert report.new == 0 and report.unchanged == 1
    assert_kept_equals_live(wh, ["Acme AI"])


def test_a_warehouse_from_before_is_upgraded_and_its_facts_kept(tmp_path: Path) -> None:
    """A file of the schema before (facts as live views, nothing kept) is read as before; the next ingest
    upgrades it."""
    wh = new_warehouse(tmp_path / "w.duckdb")
    put(wh, "a1", date(2024, 3, 1), [Fig("Acme", "valuation", 1e9, "Acme is valued at $1 billion.", "$1 billion")])
    put(wh, "a2", date(2024, 5, 1), [Fig("Acme", "valuation", 6e8, "Acme is now valued at $600 million.",
                                         "$600 million")])
    expected = score_companies(wh, ["Acme"], without=LIVE)
    with wh.connect(read_only=False) as con:  # back to the schema before, as an older startup-health left it
        con.execute("DROP VIEW facts")
        con.execute("DROP VIEW fact_sources")
        for table in ("stored_fact_sources", "stored_facts", "company_scores", "score_signals", "score_evidence",
                      "company_flows", "facts_pending"):
            con.execute(f"DROP TABLE {table}")
        for view in ("fact_sources", "facts"):
            con.execute(f"CREATE OR REPLACE VIEW {view} AS {facts_sql(view, *EVERYTHING)}")
        con.execute("UPDATE schema_info SET value = '3' WHERE key = 'schema_version'")  # the last one without
    old = Warehouse(wh.path)
    assert old.scores(["Acme"]) == expected and old.facts(None) == old.facts(None, without=LIVE)
    with pytest.raises(QueryRefused, match="stored_facts"):
        old.query("SELECT * FROM stored_facts")
    old.ensure_schema()
    assert pending(old) == ["acme"]
    assert old.refresh_facts() == 1
    assert_kept_equals_live(old, ["Acme"])
    assert old.scores(["Acme"]) == expected
    assert old.query("SELECT value FROM schema_info WHERE key = 'schema_version'").rows == [(str(SCHEMA_VERSION),)]


def test_story_groups_found_after_the_batches_are_kept_too(tmp_path: Path) -> None:
    """``ingest`` groups copies after writing its batches (the seeds: 004 rewrites 000); the stories that
    changes in the facts' sources are kept as well, and so is forgetting them."""
    wh = Warehouse(tmp_path / "w.duckdb")
    pipeline.ingest([SEEDS], wh)
    groups = wh.query("SELECT article_id FROM article_groups ORDER BY 1").rows
    assert len(groups) == 2
    assert_kept_equals_live(wh, ["Stability AI", "Inflection AI"])
    stories = "SELECT count(DISTINCT story_id) FROM stored_fact_sources WHERE company_id = 'stability'"
    assert wh.query(stories).rows == [(1,)]  # Stability AI's rows come from both articles: one story
    wh.replace_groups([g[0] for g in groups], [])  # forgetting the story: two again
    assert pending(wh) == ["inflection", "stability"]  # the companies of both articles' rows
    assert differences(wh) == {"fact_sources": (0, 0), "facts": (0, 0)}
    wh.refresh_facts()
    assert_kept_equals_live(wh, ["Stability AI", "Inflection AI"])
    assert wh.query(stories).rows == [(2,)]


def test_a_warehouse_without_figure_rows_answers_live_and_keeps_them_at_its_next_ingest(tmp_path: Path) -> None:
    """A file of schema version 6 (no ``figure_rows``) gives the dashboard the same rows, computed live; the
    upgrade makes every company due, and the refresh keeps them."""
    wh = new_warehouse(tmp_path / "w.duckdb")
    put(wh, "a1", date(2024, 3, 1), [Fig("Acme", "valuation", 1e9, "Acme is valued at $1 billion.", "$1 billion")])
    put(wh, "a2", date(2024, 5, 1), [Fig("Acme", "valuation", 6e8, "Acme is now valued at $600 million.",
                                         "$600 million"), Fig("Acme", "headcount", 80, "Acme has 80 staff.", "80")])
    expected, _ = wh.figure_rows_and_flows(["Acme"])
    assert len(expected) == 2 and expected["n_agree"].notna().all()  # the older valuation cannot matter
    with wh.connect(read_only=False) as con:  # as version 6 left it
        con.execute("DROP TABLE figure_rows")
        con.execute("UPDATE schema_info SET value = '6' WHERE key = 'schema_version'")
    old = Warehouse(wh.path)
    assert_frame_equal(old.figure_rows_and_flows(["Acme"])[0], expected)
    old.ensure_schema()
    assert pending(old) == ["acme"]
    assert_frame_equal(old.figure_rows_and_flows(["Acme"])[0], expected)  # pending: computed live
    assert old.refresh_facts() == 1
    assert_kept_equals_live(old, ["Acme"])
    assert_frame_equal(old.figure_rows_and_flows(["Acme"])[0], expected)
