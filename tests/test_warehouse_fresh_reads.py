"""A reader never gets an older warehouse than the file on disk.

DuckDB's Python client shares one database instance between the connections a process opens on one path
while any of them is open. An ingest folds its log into a copy that replaces the file (a new inode), so a
connection that joins an instance opened before the fold reads the old file: with the dashboard's callbacks
overlapping, such an instance could stay alive through a whole ingest and the answers, cached under the new
file version, missed the companies it added (a CI failure of tests/test_dashboard_concurrency.py)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from models.warehouse import Warehouse
from models.warehouse import checkpoint
from models.warehouse.connection import file_version
from tests.dashboard_fixtures import DEVSET_ARTICLES, REPO, SEED_LIKE, SEEDS, write_articles

COMPANIES = "SELECT DISTINCT company FROM metrics ORDER BY 1"


def _ingest(paths: list[Path], db: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "startup_health", "ingest", *map(str, paths), "--db", str(db), "-q"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def test_a_reader_opened_after_an_ingest_sees_it_while_an_older_reader_is_open(tmp_path: Path) -> None:
    db = write_articles(tmp_path / "w.duckdb", SEED_LIKE[:1])  # its commit waits in the log, as an ingest's does
    wh = Warehouse(db)
    before = {r[0] for r in wh.query(COMPANIES).rows}
    version_before = file_version(db)

    with wh.connect() as held:  # a long answer of another callback, opened before the fold
        assert {r[0] for r in held.execute(COMPANIES).fetchall()} == before
        assert checkpoint.fold(db)  # the end of that ingest: a folded copy replaces the file
        _ingest([DEVSET_ARTICLES / "dv12.txt"], db)  # the next ingest writes the new file, not the held one
        assert file_version(db) != version_before
        answer: list[set[str]] = []
        reader = threading.Thread(target=lambda: answer.append({r[0] for r in wh.query(COMPANIES).rows}))
        reader.start()
        time.sleep(0.5)
        still_waiting = reader.is_alive()  # a new question waits for the old instance to close ...
    reader.join(30)
    after = {r[0] for r in Warehouse(db).query(COMPANIES).rows}
    assert after > before, (before, after)  # the devset article adds companies
    assert answer == [after]  # ... and then reads the file as it is now, not the one the held connection had
    assert still_waiting


def test_readers_of_one_unchanged_file_share_and_do_not_wait(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    _ingest(sorted(SEEDS.iterdir()), db)
    wh = Warehouse(db)
    with wh.connect() as held:
        n = held.execute("SELECT count(*) FROM metrics").fetchone()[0]
        started = time.monotonic()
        answer: list[int] = []
        reader = threading.Thread(target=lambda: answer.append(wh.query("SELECT count(*) FROM metrics").rows[0][0]))
        reader.start()
        reader.join(10)
        assert answer == [n] and time.monotonic() - started < 5
        with wh.connect() as nested:  # the same thread asking again inside its own connection never waits
            assert nested.execute("SELECT count(*) FROM metrics").fetchone()[0] == n


def test_file_version_changes_with_each_commit_and_fold(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert file_version(db) is None
    seeds = sorted(SEEDS.iterdir())
    _ingest(seeds[:1], db)
    first = file_version(db)
    _ingest(seeds[1:], db)
    assert first is not None and file_version(db) not in (None, first)
