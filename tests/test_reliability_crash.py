"""Crashes: SIGKILL a real `startup-health ingest` at random moments while it loads a generated corpus.

After each kill the warehouse must open; every article in it must be whole (its article row and exactly the
metric and event rows a clean reference ingest of the same corpus stored for it), with no orphan rows; every
batch whose commit had finished must be there; and a re-run must complete it to exactly the reference's
contents, with nothing doubled.

The moments are seeded (``SEED``): two spread over the length of a clean run, and three aimed at moments random
ones miss: a few milliseconds into the first batch's commit (a window of ~10 ms), just after that commit while
the second batch is read and written, and into the folding of DuckDB's write-ahead log into the file at the
end of the run (``models.warehouse.checkpoint``: a DuckDB checkpoint of the file in place, killed at the wrong
millisecond, left a file DuckDB refused). Half the kills use ``--workers 2``; the whole process group is
killed, as an out-of-memory killer or a closed terminal would. The steps of the fold that take microseconds
are stopped one by one in ``test_a_fold_stopped_at_any_step_loses_no_commit``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pytest

from conftest import SEEDS
from models.warehouse import Warehouse, checkpoint
from reliability_support import (
    TABLES,
    cli_env,
    duplicates,
    make_corpus,
    needs_extractor,
    run_ingest,
    start_ingest,
)

pytestmark = needs_extractor
SEED = 20261122
BATCH = 500  # articles per ingest transaction (STARTUP_HEALTH_BATCH_SIZE)
ARTICLES = 510  # more than one batch of 500, so a kill can fall between two committed batches
RANDOM_KILLS = 2
BATCH_LOG_BYTES = 256 * 1024


def contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table without its clock columns; empty tables when the file or the schema was never made."""
    if not db.exists():
        return {t: [] for t in TABLES}
    wh = Warehouse(db, lock_wait_s=10)
    columns = wh.table_columns()  # opens the file read-only: raises if it is corrupt
    out = {}
    for t in TABLES:
        cols = [c for c, _ in columns.get(t, []) if c not in ("ingested_at", "first_seen")]
        rows = wh.query(f'SELECT {", ".join(cols)} FROM "{t}"').rows if cols else []
        out[t] = sorted(rows, key=repr)
    return out


def by_article(rows: list[tuple[Any, ...]]) -> dict[str, list[tuple[Any, ...]]]:
    groups: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for r in rows:
        groups[r[0]].append(r)
    return groups


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus(folder, ARTICLES, seed=SEED)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, list[Any]], float]:
    """The contents a clean ingest of the corpus stores, and how long that ingest took."""
    tmp = tmp_path_factory.mktemp("reference")
    t0 = time.perf_counter()
    done = run_ingest(corpus, db=tmp / "ref.duckdb", cwd=tmp, batch_size=str(BATCH))
    elapsed = time.perf_counter() - t0
    assert done.returncode == 0, done.stderr
    ref = contents(tmp / "ref.duckdb")
    assert len(ref["articles"]) == ARTICLES
    assert len(ref["metric_rows"]) >= ARTICLES, "the corpus should give the extractor figures to find"
    return ref, elapsed


def check_whole_articles(got: dict[str, list[Any]], ref: dict[str, list[Any]]) -> None:
    """Every stored article is exactly as in the reference, with all its rows; no row without its article."""
    ref_articles = {r[0]: r for r in ref["articles"]}
    stored = {r[0]: r for r in got["articles"]}
    assert len(stored) == len(got["articles"]), "an article stored twice"
    for aid, row in stored.items():
        assert row == ref_articles.get(aid), f"article {aid} differs from the reference"
    for table in ("metric_rows", "event_rows"):
        mine, theirs = by_article(got[table]), by_article(ref[table])
        orphans = set(mine) - set(stored)
        assert not orphans, f"{table}: rows of articles that are not stored: {sorted(orphans)[:3]}"
        for aid in stored:
            assert mine.get(aid, []) == theirs.get(aid, []), f"{table}: article {aid} is not whole"
    used = {r[2] for r in got["metric_rows"]} | {r[2] for r in got["event_rows"]}
    assert used <= {r[0] for r in got["companies"]}, "a row names a company that is not stored"
    assert set(got["company_aliases"]) <= set(ref["company_aliases"])


def kill_group(proc: Any) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate(timeout=30)


def locked(db: Path) -> bool:
    """Whether a process holds a POSIX lock on the warehouse file: DuckDB holds one while a connection is open
    (Linux: read from /proc/locks, which lists each lock with its file's inode)."""
    try:
        inode = db.stat().st_ino
    except FileNotFoundError:
        return False
    return any(line.split()[5].endswith(f":{inode}") for line in Path("/proc/locks").read_text().splitlines()
               if len(line.split()) > 5 and "POSIX" in line)  # fmt: skip


def wait_for(db: Path, proc: Any, limit_s: float, moment: str) -> bool:
    """Poll until ``moment`` of the run; False if the run ends or the time is up first.

    ``commit``: the first batch's commit is being written. Commits go to DuckDB's write-ahead log
    (``<db>.wal``), which passes 256 KB only then (~600 KB for 500 of these articles; the schema check
    writes ~70 KB). ``committed``: that commit is done and its connection closed (the log is that big and
    nobody holds DuckDB's lock on the file: the second batch is being read). ``fold``: the log is being folded
    into the file at the end of the run, through a checkpointed copy ``<db>.checkpoint-*`` that then replaces
    the file (``models.warehouse.checkpoint``; about 0.1 s here).
    """
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline and proc.poll() is None:
        if moment == "fold":
            if any(db.parent.glob(f"{db.name}.checkpoint-*")):
                return True
        else:
            try:
                big = wal.stat().st_size > BATCH_LOG_BYTES
            except FileNotFoundError:
                big = False
            if big and (moment == "commit" or not locked(db)):
                return True
        time.sleep(0.0005)
    return False


#: the aimed kills: moment polled for -> (longest delay after it, articles whose commit had surely finished)
AIMED = {"commit": (0.015, 0), "committed": (0.005, BATCH), "fold": (0.08, ARTICLES)}


@pytest.mark.slow
def test_sigkill_leaves_whole_articles_and_a_rerun_completes(
    corpus: Path, reference: tuple[dict[str, list[Any]], float], tmp_path: Path
) -> None:
    ref, clean_s = reference
    rnd = random.Random(SEED)
    # stratified: one moment in each slice of a clean run's length, so early and late kills both happen
    span = 0.95 * clean_s
    plan: list[tuple[str, float]] = [("", span * (k + rnd.random()) / RANDOM_KILLS) for k in range(RANDOM_KILLS)]
    # aimed: a few milliseconds into the first batch's commit, just after that commit (while the second batch
    # is read and written), and into the folding of the log into the file at the end of the run
    plan += [(moment, rnd.uniform(0.0, AIMED[moment][0])) for moment in AIMED]
    states: list[tuple[str, int, bool]] = []  # for the failure message
    for round_no, (moment, delay) in enumerate(plan):
        how = f"{delay:.3f} s after {moment}" if moment else f"at {delay:.3f} s"
        db = tmp_path / f"crash{round_no}.duckdb"
        workers = 2 if round_no % 2 == 0 else 1
        proc = start_ingest(corpus, db=db, cwd=tmp_path, workers=workers, batch_size=str(BATCH))
        found = wait_for(db, proc, clean_s * 4 + 10, moment) if moment else True
        time.sleep(delay)
        was_running = proc.poll() is None
        kill_group(proc)
        if moment:
            assert found and was_running, f"round {round_no}: the kill {how} missed the write"
        states.append((how, workers, was_running))

        got = contents(db)  # the warehouse opens after the kill
        check_whole_articles(got, ref)
        committed = AIMED[moment][1] if moment else 0
        assert len(got["articles"]) >= committed, f"round {round_no} ({how}): a committed batch was lost"

        rerun = run_ingest(corpus, db=db, cwd=tmp_path, workers=workers, batch_size=str(BATCH))
        assert rerun.returncode == 0, f"round {round_no} ({how}): {rerun.stderr}"
        stored_before = len(got["articles"])
        assert rerun.stdout.startswith(
            f"{ARTICLES} articles read: {ARTICLES - stored_before} new, 0 replaced, {stored_before} unchanged;"
        ), rerun.stdout
        final = contents(db)
        for table in TABLES:
            assert not duplicates(final[table]), f"{table}: duplicated rows after the re-run"
            assert final[table] == ref[table], f"round {round_no}: {table} differs from the reference after re-run"
        left = [*tmp_path.glob(f"{db.name}.checkpoint-*"), *tmp_path.glob(f"{db.name}.wal*")]
        assert not left, f"round {round_no}: left behind after the re-run: {left}"
    assert sum(running for _, _, running in states) >= 4, f"too few kills interrupted a run: {states}"


class Killed(Exception):
    """Stands for a SIGKILL at one step of ``checkpoint.fold``."""


@pytest.mark.parametrize("step", [1, 2, 3])
def test_a_fold_stopped_at_any_step_loses_no_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: int) -> None:
    """``fold`` stopped after the checkpointed copy is made (1), after the log is set aside (2), after the copy
    replaced the file (3): a reader sees every commit, DuckDB itself opens the file, the next fold finishes."""
    db = tmp_path / "w.duckdb"
    wh = Warehouse(db)
    wh.ensure_schema()
    with wh.connect(read_only=False) as con:
        con.execute("INSERT INTO schema_info VALUES ('note', 'committed')")
    assert checkpoint.wal_path(db).exists(), "a writable connection should leave its commits in the log"
    calls = []

    def fsync_then_die(path: Path) -> None:  # fold calls _fsync once after each step
        calls.append(path)
        if len(calls) == step:
            raise Killed

    monkeypatch.setattr(checkpoint, "_fsync", fsync_then_die)
    with pytest.raises(Killed):
        wh.checkpoint()
    monkeypatch.undo()
    con = duckdb.connect(str(db), read_only=True)  # DuckDB opens what the kill left, with no help of ours
    con.close()
    note = "SELECT value FROM schema_info WHERE key = 'note'"
    assert wh.query(note).rows == [("committed",)]  # a reader first finishes a fold stopped after step 2
    wh.checkpoint()
    assert wh.query(note).rows == [("committed",)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"]


@pytest.mark.parametrize("size", [0, 8192])
def test_a_warehouse_file_left_unfinished_by_a_crash_is_started_afresh(tmp_path: Path, size: int) -> None:
    """DuckDB creates the warehouse file, then writes three 4 KB headers one by one: a kill between those steps
    leaves 0, 4 or 8 KB (the windows are microseconds, too short to aim a kill at, so the test makes such
    files: the empty one and the one with two headers). A reader finds no warehouse yet; the next ingest starts it afresh instead of failing for ever."""
    fresh = tmp_path / "fresh.duckdb"
    with Warehouse(fresh).connect(read_only=False):
        pass  # a new, empty DuckDB file: its three headers
    db = tmp_path / "w.duckdb"
    db.write_bytes(fresh.read_bytes()[:size])
    asked = subprocess.run(
        [sys.executable, "-m", "startup_health", "query", "SELECT 1", "--db", str(db)],
        cwd=tmp_path, env=cli_env(), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert asked.returncode == 1 and "no warehouse here yet" in asked.stderr, asked.stderr
    done = run_ingest(SEEDS, db=db, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2 articles read: 2 new"), done.stdout
    assert len(contents(db)["articles"]) == 2


def test_a_small_file_that_is_not_a_warehouse_is_left_alone(tmp_path: Path) -> None:
    """Only DuckDB's own unfinished file is replaced: a small file of something else given as --db is kept."""
    db = tmp_path / "notes.txt"
    db.write_text("my notes, not a warehouse\n")
    done = run_ingest(SEEDS, db=db, cwd=tmp_path)
    assert done.returncode == 1 and "not a valid DuckDB database file" in done.stderr, done.stderr
    assert db.read_text() == "my notes, not a warehouse\n"
