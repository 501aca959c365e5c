"""The Dask engine on a LocalCluster of two workers: the same metrics as the local engine, row for row.

One cluster and one generated corpus serve the whole module (starting a cluster costs seconds).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from bench.corpus import write_corpus
from conftest import DEVSET, SEEDS
from extract.jsonl import iter_jsonl, jsonl_ranges
from models.warehouse import QueryRefused, SqlNotAllowed, Warehouse
from startup_health.cli import cli
from startup_health.pipeline import ingest
from startup_health.scale import Partition, ingest_dask, plan_partitions

distributed = pytest.importorskip("dask.distributed")

ALL = "SELECT * FROM metrics ORDER BY article_id, row_no"
EVENTS = "SELECT * FROM events ORDER BY article_id, row_no"
N_GENERATED = 30


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated articles (txt, md, html), the seeds and the devset articles; names differ across them."""
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root / "generated", N_GENERATED, seed=11, per_dir=20)
    shutil.copytree(SEEDS, root / "seeds")
    shutil.copytree(DEVSET / "articles", root / "devset")
    return root


@pytest.fixture(scope="module")
def local(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Warehouse:
    wh = Warehouse(tmp_path_factory.mktemp("local") / "local.duckdb")
    report = ingest([corpus], wh)
    assert report.ok and report.new == report.read > N_GENERATED
    return wh


def test_dask_metrics_equal_the_local_engine_row_for_row(client: object, corpus: Path, local: Warehouse,
                                                         tmp_path: Path) -> None:
    wh = Warehouse(tmp_path / "dask.duckdb")
    report = ingest_dask([corpus], tmp_path / "ds", warehouse=wh, client=client, files_per_part=7)
    expected = local.query(ALL)
    assert report.ok and report.read == report.new == local.query("SELECT count(*) FROM articles").rows[0][0]
    assert report.metrics == len(expected.rows) > 100
    got = wh.query(ALL)
    assert got.columns == expected.columns
    assert got.rows == expected.rows
    assert wh.query(EVENTS).rows == local.query(EVENTS).rows
    for view in ("facts", "fact_sources"):  # the health layer's views run unchanged on the dataset
        if view in local.table_columns():
            assert wh.query(f"SELECT count(*) FROM {view}").rows == local.query(f"SELECT count(*) FROM {view}").rows
    # hive layout: one folder per published month, named part files
    months = sorted(p.name for p in (tmp_path / "ds" / "metrics").iterdir())
    assert months and all(m.startswith("published_month=") for m in months)
    assert all(f.name.startswith("part-") for f in (tmp_path / "ds" / "metrics" / months[0]).glob("*.parquet"))


def test_rerun_writes_nothing_and_compact_keeps_one_copy(client: object, corpus: Path, local: Warehouse,
                                                         tmp_path: Path) -> None:
    ds, wh = tmp_path / "ds", Warehouse(tmp_path / "dask.duckdb")
    ingest_dask([corpus], ds, warehouse=wh, client=client, files_per_part=9)
    files = {p: p.stat().st_mtime_ns for p in ds.rglob("*.parquet")}
    again = ingest_dask([corpus], ds, warehouse=wh, client=client, files_per_part=9)
    assert (again.new, again.unchanged, again.metrics) == (0, again.read, 0)
    assert {p: p.stat().st_mtime_ns for p in ds.rglob("*.parquet")} == files
    # other partition boundaries store the same articles again under other part names ...
    ingest_dask([corpus], ds, warehouse=wh, client=client, files_per_part=4)
    assert len(wh.query(ALL).rows) > len(local.query(ALL).rows)
    # ... which compact folds away, one file per month and folder
    code = CliRunner().invoke(cli, ["compact", "--db", str(wh.path)], catch_exceptions=False)
    assert code.exit_code == 0 and "duplicate copies dropped" in code.stdout
    assert wh.query(ALL).rows == local.query(ALL).rows
    assert all(len(list(m.glob("*.parquet"))) == 1 for m in (ds / "articles").iterdir())
    # and a re-run after compaction still writes nothing
    third = ingest_dask([corpus], ds, warehouse=wh, client=client, files_per_part=9)
    assert third.new == 0 and wh.query(ALL).rows == local.query(ALL).rows


def _rows(local: Warehouse) -> list[dict[str, object]]:
    res = local.query("SELECT text, published, url, title FROM articles ORDER BY article_id")
    return [dict(zip(res.columns, r)) for r in res.rows]


def test_jsonl_and_parquet_rows_give_the_same_metrics(client: object, local: Warehouse, tmp_path: Path) -> None:
    rows = _rows(local)
    src = tmp_path / "in"
    src.mkdir()
    with open(src / "news.jsonl", "w", encoding="utf-8") as fh:
        for r in rows[: len(rows) // 2]:
            fh.write(json.dumps(r, default=str) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"url": "https://example.test/no-text"}) + "\n")
    pq.write_table(pa.Table.from_pylist(rows[len(rows) // 2 :]), src / "news.parquet", row_group_size=5)
    wh = Warehouse(tmp_path / "rows.duckdb")
    report = ingest_dask([src], tmp_path / "ds", warehouse=wh, client=client, jsonl_bytes=20_000, parquet_rows=6)
    assert report.new == len(rows)
    assert sorted(s.reason for s in report.failed) == ["line is not valid JSON (Expecting property name enclosed "
                                                       "in double quotes)", "row has no text"]
    cols = "* EXCLUDE (article_path)"  # a row's path is FILE@BYTE or FILE#ROW, not the article file
    assert wh.query(ALL.replace("*", cols)).rows == local.query(ALL.replace("*", cols)).rows
    paths = [p for (p,) in wh.query("SELECT path FROM articles").rows]
    assert any("news.jsonl@" in p for p in paths) and any("news.parquet#" in p for p in paths)


def test_jsonl_byte_ranges_read_every_line_once(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": f"Article {i} " + "x" * (i * 7 % 50)}) for i in range(40)]
    f.write_text("\n".join(lines) + "\n\n")
    for size in (1, 13, 64, 100, 10_000):
        texts = [a.text for s, e in jsonl_ranges(f, size) for a in iter_jsonl(f, s, e)]
        assert texts == [json.loads(x)["text"].strip() for x in lines], size


def test_partitions_stream_files_and_rows(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 25, seed=1, per_dir=10)
    (tmp_path / "c" / "rows.jsonl").write_text('{"text": "a"}\n' * 10)
    (tmp_path / "c" / "notes.csv").write_text("a,b\n")
    parts = list(plan_partitions([tmp_path / "c"], files_per_part=10, jsonl_bytes=50))
    kinds = [p.kind if isinstance(p, Partition) else "skipped" for p in parts]
    assert kinds.count("files") == 3 and kinds.count("jsonl") == 3 and kinds.count("skipped") == 1


def test_untrusted_sql_reads_the_dataset_and_nothing_else(client: object, tmp_path: Path) -> None:
    """The warehouse's views read the dataset in the sandbox; a query may not name its files, nor any other."""
    wh = Warehouse(tmp_path / "dask.duckdb")
    ingest_dask([SEEDS], tmp_path / "ds", warehouse=wh, client=client)
    assert wh.run_untrusted("SELECT count(*) FROM metrics").rows[0][0] > 0
    for hostile, message in (
        (f"SELECT count(*) FROM read_parquet('{tmp_path}/ds/metrics/*/*.parquet')", "read_parquet is not allowed"),
        (f"SELECT count(*) FROM '{tmp_path}/ds/metrics/*/*.parquet'", "reading files is not allowed"),
        ("SELECT * FROM read_csv('/etc/passwd')", "read_csv is not allowed"),
        (f"SELECT * FROM read_csv('{tmp_path}/ds/../../../../etc/passwd')", "read_csv is not allowed"),
        ("SELECT * FROM glob('/etc/*')", "glob is not allowed"),
        ("SELECT current_setting('allowed_directories')", "current_setting is not allowed"),
    ):
        with pytest.raises(SqlNotAllowed, match=message) as refused:
            wh.run_untrusted(hostile)
        assert str(tmp_path) not in str(refused.value)
    with pytest.raises(QueryRefused):
        wh.run_untrusted("SELECT current_setting('allowed_directories'); SET allowed_directories = ['/']")


def test_cli_ingest_with_a_scheduler_address_then_query(client: object, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "broken.txt").write_bytes(b"")  # a failed article is reported, the rest stored
    db = tmp_path / "w.duckdb"
    address = client.scheduler.address  # type: ignore[attr-defined]
    res = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--engine", "dask", "--scheduler", address,
                                   "-q"], catch_exceptions=False)
    assert res.exit_code == 1, res.output
    assert "error   " in res.stderr and "broken.txt: file is empty" in res.stderr
    assert res.stdout.startswith("2 articles read: 2 new, 0 unchanged; 0 skipped, 1 failed;")
    assert (tmp_path / "w.parquet" / "articles").is_dir()
    out = CliRunner().invoke(cli, ["query", "SELECT count(DISTINCT article_id) FROM metrics", "--db", str(db),
                                   "--format", "csv"], catch_exceptions=False)
    assert out.stdout.splitlines()[-1] == "2"
    res = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(db), "-q"])  # the local engine says no
    assert res.exit_code == 1 and "add --engine dask" in res.stderr
    bad = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "x.duckdb"), "--scheduler", address])
    assert bad.exit_code == 2
    local = tmp_path / "local.duckdb"  # a warehouse the local engine filled is not turned into views
    assert ingest([SEEDS], Warehouse(local)).ok
    res = CliRunner().invoke(cli, ["ingest", str(SEEDS), "--db", str(local), "--engine", "dask", "--scheduler",
                                   address, "-q"])
    assert res.exit_code == 1 and "holds articles stored by the local engine" in res.stderr
    assert not (tmp_path / "local.parquet" / "articles").exists()
    res = CliRunner().invoke(cli, ["compact", "--db", str(local)])
    assert res.exit_code == 1 and "reads no Parquet dataset" in res.stderr


def test_a_killed_worker_loses_nothing(client: object, corpus: Path, local: Warehouse, tmp_path: Path) -> None:
    pids = list(client.run(os.getpid).values())  # type: ignore[attr-defined]
    killed = threading.Event()

    def kill_one(n: int) -> None:  # after the first partition is back, kill a worker mid-run
        if not killed.is_set():
            killed.set()
            os.kill(pids[0], signal.SIGKILL)

    wh = Warehouse(tmp_path / "dask.duckdb")
    report = ingest_dask([corpus], tmp_path / "ds", warehouse=wh, client=client, files_per_part=5, progress=kill_one)
    assert killed.is_set() and report.ok
    assert wh.query(ALL).rows == local.query(ALL).rows
