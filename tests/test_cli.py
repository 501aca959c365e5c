"""The `startup-health` command on temporary warehouses: ingest twice, query, export, summary, bad arguments."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DATA, ROOT, SEEDS, read_gold
from models.records import Extraction, Metric
from models.warehouse import Warehouse
from startup_health.cli import cli


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "w.duckdb"
    code, out, err = run("ingest", str(SEEDS), "--db", str(db), "-q")
    assert code == 0, err
    return db


def test_ingest_seeds_then_again_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    code, out, _ = run("ingest", str(SEEDS), "--db", str(db), "-q")
    assert code == 0
    assert out.startswith("2 articles read: 2 new, 0 replaced, 0 unchanged; 0 skipped, 0 failed;")
    before = Warehouse(db).query("SELECT * FROM metrics ORDER BY article_id, row_no").rows
    assert len(before) == len(read_gold(DATA / "seed_gold.csv"))
    code, out, _ = run("ingest", str(SEEDS), "--db", str(db), "-q")
    assert code == 0
    assert out.startswith("2 articles read: 0 new, 0 replaced, 2 unchanged;")
    assert Warehouse(db).query("SELECT * FROM metrics ORDER BY article_id, row_no").rows == before


def test_changed_article_replaces_its_old_rows(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    art = folder / "a.txt"
    art.write_text(" date 2024-05-02\nZentrix Robotics raised $40 million in a Series B round on Tuesday.\n")
    db = tmp_path / "w.duckdb"
    assert run("ingest", str(folder), "--db", str(db), "-q")[0] == 0
    art.write_text(" date 2024-05-02\nZentrix Robotics raised $45 million in a Series B round on Tuesday.\n")
    code, out, _ = run("ingest", str(folder), "--db", str(db), "-q")
    assert code == 0 and "0 new, 1 replaced" in out
    wh = Warehouse(db)
    assert wh.query("SELECT count(*) FROM articles").rows == [(1,)]
    assert wh.query("SELECT metric, value FROM metrics").rows == [("funding_raised", 45e6)]


def test_bad_files_are_named_the_rest_stored_exit_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(next(SEEDS.glob("004_*.txt")), folder / "good.txt")
    (folder / "empty.txt").write_text("")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    db = tmp_path / "w.duckdb"
    code, out, err = run("ingest", str(folder), str(tmp_path / "missing"), "--db", str(db), "-q")
    assert code == 1
    assert f"error   {folder / 'empty.txt'}: file is empty" in err
    assert f"skipped {folder / 'notes.pdf'}: unsupported file type .pdf" in err
    assert f"error   {tmp_path / 'missing'}:" in err
    assert "1 articles read: 1 new" in out
    assert Warehouse(db).query("SELECT path FROM articles").rows == [(str(folder / "good.txt"),)]


def test_query_formats(seeded: Path) -> None:
    sql = "SELECT company, metric, value FROM metrics WHERE metric = 'burn_rate' ORDER BY as_of"
    code, out, _ = run("query", sql, "--db", str(seeded))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["company", "metric", "value"]
    assert "Stability AI  burn_rate  8,000,000" in lines[2]
    assert lines[-1] == "(2 rows)"
    code, out, _ = run("query", sql, "--db", str(seeded), "--format", "csv")
    assert list(csv.reader(io.StringIO(out)))[1] == ["Stability AI", "burn_rate", "8000000.0"]
    code, out, _ = run("query", sql, "--db", str(seeded), "--format", "json")
    assert json.loads(out)[0] == {"company": "Stability AI", "metric": "burn_rate", "value": 8000000.0}


def test_query_is_read_only_and_errors_are_one_line(seeded: Path, tmp_path: Path) -> None:
    code, _, err = run("query", "DELETE FROM articles", "--db", str(seeded))
    assert code == 1 and "only SELECT queries are allowed here, not DELETE" in err and "Traceback" not in err
    code, _, err = run("query", "DELETE FROM articles", "--db", str(seeded), "--allow-files")
    assert code == 1 and "read-only" in err and "Traceback" not in err
    assert Warehouse(seeded).query("SELECT count(*) FROM articles").rows == [(2,)]
    code, _, err = run("query", "SELECT nope FROM metrics", "--db", str(seeded))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "nope" in err
    code, _, err = run("query", "SELECT 1", "--db", str(tmp_path / "absent.duckdb"))
    assert code == 1 and "no warehouse here yet" in err


def test_query_writes_files_only_when_allowed(seeded: Path, tmp_path: Path) -> None:
    """By default `query` is the SQL page's sandbox: no file written or read; --allow-files does both."""
    out = tmp_path / "x.csv"
    code, _, err = run("query", f"COPY (SELECT 1 AS one) TO '{out}'", "--db", str(seeded))
    assert code == 1 and "not COPY" in err and not out.exists() and str(tmp_path) not in err
    code, _, err = run("query", "SELECT * FROM read_text('/etc/hostname')", "--db", str(seeded))
    assert code == 1 and "read_text is not allowed" in err
    code, _, _ = run("query", f"COPY (SELECT 1 AS one) TO '{out}'", "--db", str(seeded), "--allow-files")
    assert code == 0 and out.read_text().split() == ["one", "1"]
    code, text, _ = run("query", f"SELECT * FROM read_csv('{out}')", "--db", str(seeded), "--allow-files")
    assert code == 0 and "(1 row)" in text


def test_query_says_when_rows_are_left_out(seeded: Path) -> None:
    code, out, err = run("query", "SELECT * FROM range(5000)", "--db", str(seeded), "--format", "csv",
                         env={"STARTUP_HEALTH_SQL_MAX_ROWS": "30"})
    assert code == 0 and len(out.splitlines()) == 31  # header and 30 rows
    assert "showing the first 30 rows" in err and "export --sql" in err


def test_export_neutralises_formulas_and_keeps_numbers(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    wh = Warehouse(db)
    wh.ensure_schema()
    from models.records import Article

    text = '=HYPERLINK("http://evil.example","x") said Kestrel Labs cut 40 jobs.'
    start = text.index("40")
    art = Article("0123456789abcdef", "evil.txt", text, published=None)
    m = Metric("Kestrel Labs", "layoffs", 40, "persons", "exact", start, start + 2, text, 0, surface="40")
    wh.write_batch([(art, Extraction(metrics=(m,), companies={"Kestrel Labs": frozenset()}))], "t")
    out = tmp_path / "m.csv"
    code, _, _ = run("export", "--db", str(db), "-o", str(out))
    assert code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["quote"].startswith("'=HYPERLINK(")
    assert rows[0]["value"] == "40.0" and rows[0]["company"] == "Kestrel Labs"
    code, stdout, _ = run("export", "--db", str(db), "--sql", "SELECT -3 AS n, '-3 jobs' AS t")
    assert stdout.splitlines() == ["n,t", "-3,'-3 jobs"]


def test_export_table_parquet_and_bad_names(seeded: Path, tmp_path: Path) -> None:
    code, out, _ = run("export", "--db", str(seeded), "--table", "companies")
    assert code == 0 and out.splitlines()[0] == "company_id,name,first_seen"
    code, _, err = run("export", "--db", str(seeded), "--table", "nope")
    assert code == 1 and "no table or view named 'nope'" in err
    pq = tmp_path / "m.parquet"
    code, _, _ = run("export", "--db", str(seeded), "--format", "parquet", "-o", str(pq))
    assert code == 0
    import pyarrow.parquet as parquet

    assert parquet.read_table(pq).num_rows == len(read_gold(DATA / "seed_gold.csv"))


def test_summary_side_by_side(seeded: Path) -> None:
    code, out, _ = run("summary", "--db", str(seeded))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("  ")[0] == "metric" and "Stability AI" in lines[0] and "Inflection AI" in lines[0]
    burn = next(line for line in lines if line.startswith("burn_rate"))
    # seed 004 rewrites seed 000: two articles, one story, so one source (README "Independent stories")
    assert "$8M / month (1 source in 2 articles)" in burn
    funding = next(line for line in lines if line.startswith("funding_raised"))
    assert "~$1.5B (1 source)" in funding and "not reported" in funding  # Stability: no funding figure


def test_summary_of_an_unknown_company_is_an_error_naming_the_closest(seeded: Path) -> None:
    for names in ["Nobody", "Inflection,Nobody Inc"]:
        code, out, err = run("summary", "--db", str(seeded), "--companies", names)
        unknown = names.split(",")[-1]
        assert code == 1 and out == ""
        assert err.strip().splitlines() == [
            f"Error: {unknown}: no such company in the warehouse (closest: Stability AI, Inflection AI)"
        ] or err.strip().splitlines() == [
            f"Error: {unknown}: no such company in the warehouse (closest: Inflection AI, Stability AI)"
        ]
    code, _, err = run("summary", "--db", str(seeded), "--companies", "Stabilty AI")  # a typo
    assert code == 1 and "(closest: Stability AI, " in err
    code, _, err = run("score", "--db", str(seeded), "--companies", "Inflection AI,Stabilty AI")
    assert code == 1 and err.strip().splitlines() == [
        "Error: Stabilty AI: no such company in the warehouse (closest: Stability AI, Inflection AI)"]


def test_settings_come_from_the_environment(seeded: Path) -> None:
    code, out, _ = run("summary", env={"STARTUP_HEALTH_DB": str(seeded), "STARTUP_HEALTH_COMPANIES": "Inflection"})
    assert code == 0 and out.splitlines()[0].split() == ["metric", "Inflection"]


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],
        ["query"],
        ["query", "SELECT 1", "--format", "xml"],
        ["export", "--sql", "SELECT 1", "--table", "metrics"],
        ["nonsense"],
    ],
)
def test_bad_arguments_exit_2(args: list[str]) -> None:
    code, _, err = run(*args)
    assert code == 2 and ("Usage:" in err or "Error" in err)


def test_duckdb_client_reads_the_metrics_view(seeded: Path) -> None:
    code = (
        "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True);"
        "print(con.execute(\"SELECT count(*) FROM metrics WHERE company = 'Stability AI'\").fetchone()[0])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(seeded)], capture_output=True, text=True, check=True)
    gold = [r for r in read_gold(DATA / "seed_gold.csv") if r["company"] == "Stability AI"]
    assert int(out.stdout) == len(gold)


def test_console_script_runs_as_a_module(seeded: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "startup_health", "query", "SELECT count(*) AS n FROM articles", "--db", str(seeded),
         "--format", "csv"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    assert out.stdout.splitlines() == ["n", "2"]
