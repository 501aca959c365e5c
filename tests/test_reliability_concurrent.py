"""Concurrent use: two real `startup-health ingest` runs on one warehouse at once.

The second run either waits for the first and then completes, or, with a short ``STARTUP_HEALTH_LOCK_WAIT_S``,
stops with exit code 1 and one line naming the process it waited for. Either way the final contents equal a
reference ingest of the same articles, with nothing lost or doubled.

To make "at once" certain rather than likely, the first run is frozen with SIGSTOP as soon as it holds the
ingest lock (its pid appears in the lock file) and thawed with SIGCONT when the second run has been seen
waiting or giving up.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from reliability_support import (
    TABLES,
    duplicates,
    make_corpus,
    needs_extractor,
    run_ingest,
    snapshot,
    start_ingest,
)

pytestmark = needs_extractor

A_ARTICLES, B_ARTICLES = 80, 40


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("corpora")
    make_corpus(root / "a", A_ARTICLES, seed=1)
    make_corpus(root / "b", B_ARTICLES, seed=2)
    return root / "a", root / "b"


@pytest.fixture(scope="module")
def references(corpora: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Contents of clean, one-at-a-time ingests: A alone, and A followed by A and B."""
    a, b = corpora
    tmp = tmp_path_factory.mktemp("refs")
    assert run_ingest(a, db=tmp / "w.duckdb", cwd=tmp).returncode == 0
    refs = {"a": snapshot(tmp / "w.duckdb", with_clock=False)}
    assert run_ingest(a, b, db=tmp / "w.duckdb", cwd=tmp).returncode == 0
    refs["ab"] = snapshot(tmp / "w.duckdb", with_clock=False)
    return refs


def wait_until_locked(db: Path, proc: subprocess.Popen[str], limit_s: float = 60) -> None:
    """Wait until ``proc`` holds the ingest lock: it writes its pid into the lock file once it has it."""
    lock = Path(str(db) + ".ingest.lock")
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if lock.exists() and lock.read_text().strip() == str(proc.pid):
            return
        assert proc.poll() is None, f"the first ingest ended before it took the lock: {proc.communicate()}"
        time.sleep(0.005)
    raise AssertionError("the first ingest never took the lock")


def assert_same_as(db: Path, ref: dict[str, list[Any]]) -> None:
    got = snapshot(db, with_clock=False)
    for table in TABLES:
        assert not duplicates(got[table]), f"{table}: rows doubled"
        assert got[table] == ref[table], f"{table} differs from the one-at-a-time reference"


def test_second_ingest_waits_for_the_first_then_completes(
    corpora: tuple[Path, Path], references: dict[str, Any], tmp_path: Path
) -> None:
    a, b = corpora
    db = tmp_path / "w.duckdb"
    first = start_ingest(a, db=db, cwd=tmp_path)
    second = None
    try:
        wait_until_locked(db, first)
        first.send_signal(signal.SIGSTOP)  # frozen while holding the lock
        second = start_ingest(a, b, db=db, cwd=tmp_path)  # default wait: 30 s
        time.sleep(1.5)
        assert second.poll() is None, f"the second ingest did not wait: {second.communicate()}"
    finally:
        first.send_signal(signal.SIGCONT)
    out1, err1 = first.communicate(timeout=120)
    assert second is not None
    out2, err2 = second.communicate(timeout=120)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert out1.startswith(f"{A_ARTICLES} articles read: {A_ARTICLES} new, 0 replaced, 0 unchanged;"), out1
    assert out2.startswith(
        f"{A_ARTICLES + B_ARTICLES} articles read: {B_ARTICLES} new, 0 replaced, {A_ARTICLES} unchanged;"
    ), out2
    assert_same_as(db, references["ab"])


def test_second_ingest_with_a_short_wait_stops_with_a_clear_message(
    corpora: tuple[Path, Path], references: dict[str, Any], tmp_path: Path
) -> None:
    a, b = corpora
    db = tmp_path / "w.duckdb"
    first = start_ingest(a, db=db, cwd=tmp_path)
    try:
        wait_until_locked(db, first)
        first.send_signal(signal.SIGSTOP)
        t0 = time.perf_counter()
        second = run_ingest(a, b, db=db, cwd=tmp_path, timeout=60, lock_wait_s="0.3")
        waited = time.perf_counter() - t0
    finally:
        first.send_signal(signal.SIGCONT)
    out1, err1 = first.communicate(timeout=120)
    assert second.returncode == 1
    assert second.stderr.splitlines() == [
        f"Error: {db}: another ingest (pid {first.pid}) is writing this warehouse; waited 0.3 s. "
        "Try again when it has finished."
    ]
    assert second.stdout == ""
    assert 0.3 <= waited < 15, f"the wait was not bounded by the setting: {waited:.1f} s"
    assert first.returncode == 0, err1
    assert_same_as(db, references["a"])  # the refused run wrote nothing; the first run's work is whole


def test_two_ingests_of_the_same_articles_at_once_store_them_once(
    corpora: tuple[Path, Path], references: dict[str, Any], tmp_path: Path
) -> None:
    """Started together with no freezing: whichever wins, one stores everything and the other finds it there."""
    a, _ = corpora
    db = tmp_path / "w.duckdb"
    procs = [start_ingest(a, db=db, cwd=tmp_path, workers=w) for w in (1, 2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    summaries = sorted(out.splitlines()[0].split(";")[0] for out, _ in outs)  # the summary line comes first
    assert summaries == [
        f"{A_ARTICLES} articles read: 0 new, 0 replaced, {A_ARTICLES} unchanged",
        f"{A_ARTICLES} articles read: {A_ARTICLES} new, 0 replaced, 0 unchanged",
    ]
    assert_same_as(db, references["a"])
    assert not os.path.exists(str(db) + ".wal")
