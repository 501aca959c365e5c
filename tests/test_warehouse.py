"""The warehouse module on a real DuckDB file: schema, idempotent writes, reads, untrusted SQL."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from models.records import Article, Event, Extraction, Metric, Period
from models.warehouse import (
    SCHEMA_VERSION,
    QueryRefused,
    SchemaMismatch,
    Warehouse,
    WarehouseBusy,
    WarehouseMissing,
    SqlLimitHit,
    SqlNotAllowed,
    SqlSyntaxError,
    ingest_lock,
)
from models.warehouse.sandbox import check_select

TEXT = "Acme AI raised $5 million. Acme's CEO Jo Bloggs resigned on Friday."


def article(text: str = TEXT, path: str = "a.txt") -> Article:
    import hashlib

    return Article(
        article_id=hashlib.sha256(text.encode()).hexdigest()[:16],
        path=path,
        text=text,
        title="t",
        published=date(2024, 3, 1),
    )


def extraction(text: str = TEXT, company: str = "Acme AI") -> Extraction:
    start = text.index("$5 million")
    events = () if "resigned" not in text else (
        Event(
            company="Acme",
            person="Jo Bloggs",
            role="CEO",
            kind="resigned",
            char_start=text.index("resigned"),
            char_end=text.index("resigned") + 8,
            sentence=text[text.index("Acme's") :],
            sentence_start=text.index("Acme's"),
            as_of=Period.day(date(2024, 3, 1)),
        ),
    )
    return Extraction(
        metrics=(
            Metric(
                company=company,
                metric="funding_raised",
                value=5e6,
                unit="USD",
                qualifier="exact",
                char_start=start,
                char_end=start + len("$5 million"),
                sentence=text[: text.index(".") + 1],
                sentence_start=0,
                as_of=Period.month(2024, 3),
                surface="$5 million",
            ),
        ),
        events=events,
        companies={"Acme AI": frozenset({"Acme"})},
    )


@pytest.fixture
def wh(tmp_path: Path) -> Warehouse:
    w = Warehouse(tmp_path / "w.duckdb", lock_wait_s=2)
    w.ensure_schema()
    return w


def test_write_and_read_back_through_views(wh: Warehouse) -> None:
    res = wh.write_batch([(article(), extraction())], "test-1")
    assert (len(res.new), res.metrics, res.events) == (1, 1, 1)
    rows = wh.query("SELECT company, metric, value, unit, as_of, surface, quote, char_start FROM metrics").rows
    assert rows == [("Acme AI", "funding_raised", 5e6, "USD", "2024-03", "$5 million", "Acme AI raised $5 million.", 15)]
    ev = wh.query("SELECT company, person, kind, as_of FROM events").rows
    assert ev == [("Acme AI", "Jo Bloggs", "resigned", "2024-03-01")]  # "Acme" is an alias of "Acme AI"
    text = wh.query("SELECT text FROM articles").rows[0][0]
    start, end = wh.query("SELECT char_start, char_end FROM metrics").rows[0]
    assert text[start:end] == "$5 million"


def test_same_article_twice_leaves_one_copy(wh: Warehouse) -> None:
    wh.write_batch([(article(), extraction())], "v")
    wh.write_batch([(article(), extraction())], "v")
    assert wh.query("SELECT count(*) FROM articles").rows == [(1,)]
    assert wh.query("SELECT count(*) FROM metrics").rows == [(1,)]


def test_changed_article_at_same_path_replaces_its_rows(wh: Warehouse) -> None:
    wh.write_batch([(article(), extraction())], "v")
    new_text = "Acme AI raised $5 million, it said. Nothing else."
    res = wh.write_batch([(article(new_text), extraction(new_text))], "v")
    assert res.replaced and not res.new
    assert wh.query("SELECT count(*) FROM articles").rows == [(1,)]
    assert wh.query("SELECT quote FROM metrics").rows == [("Acme AI raised $5 million, it said.",)]
    assert wh.query("SELECT count(*) FROM events").rows == [(0,)]


def test_aliases_join_companies_across_articles(wh: Warehouse) -> None:
    t2 = "Acme raised $5 million more."
    e2 = Extraction(
        metrics=(Metric("Acme", "funding_raised", 5e6, "USD", "exact", 12, 22, t2, 0, surface="$5 million"),),
        companies={"Acme": frozenset()},
    )
    wh.write_batch([(article(t2, "b.txt"), e2)], "v")
    wh.write_batch([(article(), extraction())], "v")
    assert wh.query("SELECT DISTINCT company FROM metrics").rows == [("Acme AI",)]
    figs = wh.company_figures(["acme ai", "Nope Corp"])
    assert list(figs) == ["acme ai"]
    f = figs["acme ai"]["funding_raised"]
    assert (f["value"], f["sources"], f["conflicting"]) == (5e6, 2, False)


def test_failed_batch_leaves_nothing_half_written(wh: Warehouse) -> None:
    wh.write_batch([(article(), extraction())], "v")
    bad = article("Other text.", "c.txt")
    broken = Extraction(metrics=(Metric("X", "layoffs", 3, "persons", "exact", 0, 1, "O", 0),))
    # A second article with the same id in one batch violates the primary key: the whole batch must roll back.
    with pytest.raises(Exception):
        wh.write_batch([(bad, broken), (bad, broken)], "v")
    assert wh.query("SELECT path FROM articles").rows == [("a.txt",)]
    assert wh.query("SELECT count(*) FROM metric_rows").rows == [(1,)]


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WarehouseMissing, match="no warehouse here yet"):
        Warehouse(tmp_path / "none.duckdb").query("SELECT 1")


def test_newer_schema_is_refused(wh: Warehouse) -> None:
    with wh.connect(read_only=False) as con:
        con.execute("UPDATE schema_info SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    with pytest.raises(SchemaMismatch, match="newer startup-health"):
        wh.query("SELECT 1")


def test_older_unknown_schema_is_refused(wh: Warehouse) -> None:
    with wh.connect(read_only=False) as con:
        con.execute("UPDATE schema_info SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(SchemaMismatch, match="too old"):
        wh.ensure_schema()


def test_foreign_duckdb_file_is_refused(tmp_path: Path) -> None:
    w = Warehouse(tmp_path / "other.duckdb")
    with w.connect(read_only=False) as con:
        con.execute("CREATE TABLE t (x INT)")
    with pytest.raises(SchemaMismatch, match="not a startup-health warehouse"):
        w.query("SELECT 1")


@pytest.mark.parametrize(
    "sql, message",
    [
        ("SELECT 1; SELECT 2", "one statement"),
        ("COPY metrics TO '/tmp/x.csv'", "not COPY"),
        ("ATTACH '/tmp/x.db'", "not ATTACH"),
        ("INSTALL httpfs", "not INSTALL"),
        ("LOAD httpfs", "not LOAD"),
        ("SET enable_external_access = true", "not SET"),
        ("PRAGMA version", "not PRAGMA"),
        ("DELETE FROM articles", "not DELETE"),
        ("", "empty"),
    ],
)
def test_untrusted_sql_refusals(wh: Warehouse, sql: str, message: str) -> None:
    with pytest.raises(SqlNotAllowed, match=f"^Query refused: .*{message}"):
        wh.run_untrusted(sql)


def test_untrusted_sql_has_no_file_access_time_limit_and_row_cap(wh: Warehouse) -> None:
    with pytest.raises(SqlNotAllowed, match="read_csv is not allowed"):
        wh.run_untrusted("SELECT * FROM read_csv('/etc/passwd')")
    with pytest.raises(SqlSyntaxError, match="^Syntax error at or near"):
        wh.run_untrusted("SELEC 1")
    with pytest.raises(SqlLimitHit, match="longer than the 0.5 s time limit"):
        wh.run_untrusted("SELECT sum(range) FROM range(100000000000)", timeout_s=0.5)
    res = wh.run_untrusted("SELECT * FROM range(10000000)", max_rows=50)
    assert len(res.rows) == 50 and res.truncated and res.cut_by == "rows"
    ok = wh.run_untrusted("SELECT 41 + 1 AS answer -- a trailing comment")
    assert (ok.columns, ok.rows, ok.truncated) == (["answer"], [(42,)], False)


def test_check_select_keeps_the_statement() -> None:
    assert check_select("  select 1 ;", {"metrics"}) == "select 1"


def test_ingest_lock_keeps_a_second_loader_out(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    code = (
        "import sys, time; sys.path.insert(0, %r)\n"
        "from models.warehouse import ingest_lock\n"
        "with ingest_lock(__import__('pathlib').Path(%r), wait_s=5):\n"
        "    print('locked', flush=True); time.sleep(3)\n"
    ) % (str(Path(__file__).parents[1]), str(db))
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout and holder.stdout.readline().strip() == "locked"
        with pytest.raises(WarehouseBusy, match="another ingest"):
            with ingest_lock(db, wait_s=0.3):
                pass
        with ingest_lock(db, wait_s=10):  # waits for the holder to finish, then gets it
            pass
    finally:
        holder.wait(10)


def test_reader_retries_while_another_process_writes(wh: Warehouse) -> None:
    wh.write_batch([(article(), extraction())], "v")
    code = (
        "import duckdb, time, sys\n"
        "con = duckdb.connect(%r); print('open', flush=True); time.sleep(1.0); con.close()\n"
    ) % str(wh.path)
    writer = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout and writer.stdout.readline().strip() == "open"
        assert wh.query("SELECT count(*) FROM articles").rows == [(1,)]  # waited for the writer to let go
    finally:
        writer.wait(10)
