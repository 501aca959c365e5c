"""The ingest pipeline: parallel workers give the same warehouse as one process; outcomes are counted."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DEVSET, SEEDS
from models.warehouse import Warehouse
from startup_health.pipeline import ingest

ROWS = (
    "SELECT article_id, row_no, company, metric, value, unit, qualifier, as_of, char_start, char_end, quote "
    "FROM metrics ORDER BY article_id, row_no"
)


def test_two_workers_store_exactly_what_one_does(tmp_path: Path) -> None:
    one, two = Warehouse(tmp_path / "one.duckdb"), Warehouse(tmp_path / "two.duckdb")
    r1 = ingest([SEEDS, DEVSET / "articles"], one, workers=1)
    r2 = ingest([SEEDS, DEVSET / "articles"], two, workers=2, batch_size=5)
    assert (r1.read, r1.new, r1.metrics) == (r2.read, r2.new, r2.metrics) == (22, 22, r1.metrics)
    assert one.query(ROWS).rows == two.query(ROWS).rows
    assert one.query("SELECT * FROM company_aliases ORDER BY alias").rows == two.query(
        "SELECT * FROM company_aliases ORDER BY alias").rows


def test_report_counts_each_kind_of_outcome(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for f in SEEDS.iterdir():
        shutil.copy(f, folder / f.name)
    shutil.copy(next(SEEDS.glob("000_*")), folder / "copy_of_000.txt")  # same text, another path
    (folder / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "notes.csv").write_text("a,b\n")
    (folder / "future.md").write_text("---\ntitle: t\ndate: 2999-01-01\n---\nKestrel Labs raised $5 million.\n")
    wh = Warehouse(tmp_path / "w.duckdb")
    r = ingest([folder], wh, workers=2, batch_size=2)
    assert (r.read, r.new, r.unchanged) == (4, 3, 1)
    assert [s.path for s in r.failed] == [str(folder / "bad.txt")]
    assert [s.path for s in r.skipped] == [str(folder / "notes.csv")]
    assert len(r.warnings) == 1 and "future" in r.warnings[0]
    assert wh.query("SELECT count(*) FROM articles WHERE published IS NULL AND path LIKE '%future.md'").rows == [(1,)]
    again = ingest([folder], wh)
    assert (again.new, again.replaced, again.unchanged, again.metrics) == (0, 0, 4, 0)
