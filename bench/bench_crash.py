"""Kill a real `startup-health ingest` hundreds of times at aimed moments; count the files DuckDB refuses. Prints
figures (the reproduction of the README's "A DuckDB checkpoint killed half-way").

    python bench/bench_crash.py [--kills 300] [--seed 1] [--rerun-every 10] [--work /tmp/sh-crash]

The corpus is the crash test's: 510 generated articles, ingested in batches of 500. Each kill picks the next
moment in turn and SIGKILLs the whole process group:

- ``commit``: 0 to 40 ms after DuckDB's write-ahead log passes 256 KB (the first batch's commit);
- ``ckpt``: 0 to 0.8 ms after a file being checkpointed (the warehouse itself before the fix, the copy
  ``<db>.checkpoint-*`` after it) has reached 3.4 MB with its log beside it: the end of a checkpoint, when
  DuckDB rewrites its metadata block in place;
- ``fold``: 0 to 150 ms after a copy ``<db>.checkpoint-*`` appears (copy, checkpoint and renames; none
  before the fix);
- ``random``: 0 to 5 s after the start.

After each kill the file is opened read-only by DuckDB itself, and every article it holds is checked against
a clean reference ingest (its metric row count), with no orphan rows; every ``--rerun-every`` kills a re-run
must complete it to 510 articles. Point ``--tree`` at another checkout to measure its code.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

MOMENTS = ("commit", "ckpt", "fold", "random")
_PER_ARTICLE = (
    "SELECT a.article_id, count(m.row_no) FROM articles a LEFT JOIN metric_rows m USING (article_id) GROUP BY 1"
)
_ORPHANS = "SELECT count(*) FROM metric_rows WHERE article_id NOT IN (SELECT article_id FROM articles)"


def start(tree: Path, corpus: Path, db: Path, workers: int) -> subprocess.Popen[str]:
    """`startup-health ingest` of ``tree``'s code, in its own process group."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STARTUP_HEALTH_")}
    env.update(PYTHONPATH=str(tree), STARTUP_HEALTH_BATCH_SIZE="500")
    cmd = [sys.executable, "-m", "startup_health", "ingest", str(corpus), "--db", str(db), "-q", "--workers", str(workers)]
    return subprocess.Popen(cmd, cwd=db.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)  # fmt: skip


def aim(moment: str, db: Path, proc: subprocess.Popen[str], rnd: random.Random) -> bool:
    """Wait for ``moment`` of the run, then a random delay; False if the run ended first."""
    if moment == "random":
        time.sleep(rnd.uniform(0, 5.0))
        return True
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        copies = [p for p in db.parent.glob(f"{db.name}.checkpoint-*") if p.suffix != ".wal"]
        if moment == "commit" and wal.exists() and wal.stat().st_size > 256 * 1024:
            time.sleep(rnd.uniform(0, 0.040))
            return True
        if moment == "fold" and copies:
            time.sleep(rnd.uniform(0, 0.150))
            return True
        if moment == "ckpt" and any(_checkpointing(f) for f in [db, *copies]):
            time.sleep(rnd.uniform(0, 0.0008))
            return True
        time.sleep(0.0002)
    return False


def _checkpointing(f: Path) -> bool:
    try:
        return f.stat().st_size > 3_400_000 and Path(f"{f}.wal").exists()
    except FileNotFoundError:
        return False


def check(db: Path, ref: dict[str, int]) -> str:
    """'ok', 'not whole' or 'corrupt: ...' for the file a kill left (opened by DuckDB itself, read-only)."""
    if not db.exists():
        return "ok"
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        return f"corrupt: {str(exc).splitlines()[0][:160]}"
    try:
        got = dict(con.execute(_PER_ARTICLE).fetchall())
        orphans = con.execute(_ORPHANS).fetchone()[0]
    except duckdb.CatalogException:
        return "ok"  # killed before the schema was written
    except duckdb.Error as exc:
        return f"corrupt: {str(exc).splitlines()[0][:160]}"
    finally:
        con.close()
    whole = not orphans and len(got) in (0, 500, 510) and all(ref.get(a) == n for a, n in got.items())
    return "ok" if whole else f"not whole: {len(got)} articles, {orphans} orphan rows"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rerun-every", type=int, default=10)
    ap.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose code runs the ingests")
    ap.add_argument("--work", type=Path, default=Path("/tmp/sh-crash"))
    a = ap.parse_args()
    from reliability_support import make_corpus

    a.work.mkdir(parents=True, exist_ok=True)
    corpus = a.work / "corpus"
    if not corpus.exists():
        make_corpus(corpus, 510, seed=20261122)
    ref_db = a.work / "ref.duckdb"
    if not ref_db.exists():
        start(a.tree, corpus, ref_db, 1).communicate()
    con = duckdb.connect(str(ref_db), read_only=True)
    ref = dict(con.execute(_PER_ARTICLE).fetchall())
    con.close()
    rnd = random.Random(a.seed)
    figures = {m: {"kills": 0, "missed": 0, "refused": 0, "not_whole": 0} for m in MOMENTS}
    reruns = [0, 0]  # done, failed
    for i in range(a.kills):
        one_kill(i, a, corpus, ref, rnd, figures, reruns)
    print(json.dumps({"figures": figures, "reruns": reruns[0], "reruns_failed": reruns[1]}, indent=1))


def one_kill(i: int, a: argparse.Namespace, corpus: Path, ref: dict[str, int], rnd: random.Random,
             figures: dict[str, dict[str, int]], reruns: list[int]) -> None:  # fmt: skip
    """Start an ingest into a fresh file, kill it at the next moment, check the file (and re-run it)."""
    moment = MOMENTS[i % len(MOMENTS)]
    for old in a.work.glob("w*.duckdb*"):
        old.unlink()
    db = a.work / f"w{i}.duckdb"  # a new name each time: no DuckDB instance cached for the path
    workers = rnd.choice([1, 2])
    proc = start(a.tree, corpus, db, workers)
    found = aim(moment, db, proc, rnd)
    running = proc.poll() is None
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()
    if not (found and running):
        figures[moment]["missed"] += 1
        return
    figures[moment]["kills"] += 1
    result = check(db, ref)
    if result.startswith("corrupt"):
        figures[moment]["refused"] += 1
    elif result != "ok":
        figures[moment]["not_whole"] += 1
    elif a.rerun_every and i % a.rerun_every == 0:
        out, _ = start(a.tree, corpus, db, workers).communicate()
        reruns[0] += 1
        reruns[1] += "510 articles read" not in out or check(db, ref) != "ok"
    print(f"{i} {moment} workers={workers}: {result}", flush=True)


if __name__ == "__main__":
    main()
