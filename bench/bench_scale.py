"""Benchmark of the Dask engine against the local engine on a generated corpus. Prints figures, writes JSON.

    python bench/bench_scale.py [--n 100000] [--small 25000] [--seed 7] [--work /tmp/sh-scale]

Reports, on the corpus of bench/corpus.py (article files: 60% .txt, 20% .md, 20% .html):
- articles per second of the local engine (`startup-health ingest`, one process, one DuckDB file),
  of the Dask engine with 1 worker and with 2 workers (LocalCluster, one thread per worker process);
  the cluster's start-up is timed apart, since a real cluster outlives one ingest;
- peak resident memory of each Dask worker process (psutil, sampled every 0.2 s, and the process's own
  maximum RSS), on the full corpus and on its first ``--small`` articles, to show it does not grow with
  the corpus; the local engine's peak RSS for comparison;
- that the Parquet-backed warehouse holds the same metrics as the local one (row count and a checksum);
- the time of `compact`, and the server-side time of every dashboard callback on the Parquet-backed
  warehouse (median, 95th percentile), measured with bench/bench_dashboard.py's own harness.
The machine's load average is printed beside each run: other processes on it slow every figure down.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402

CHECKSUM = (
    "SELECT count(*), sum(hash(article_id, row_no, company, metric, value, unit, qualifier, as_of, char_start, "
    "quote, published)) FROM metrics"
)


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def make_corpus(work: Path, n: int, seed: int) -> Path:
    corpus = work / f"corpus-{n}-{seed}"
    done = corpus / ".complete"
    if not done.exists():
        t = time.perf_counter()
        size = write_corpus(corpus, n, seed=seed, per_dir=1000)
        done.write_text(str(size))
        print(f"corpus: {n} articles, {size / 1e6:.0f} MB written in {time.perf_counter() - t:.0f} s", flush=True)
    return corpus


def subset(corpus: Path, n: int) -> list[Path]:
    """The first ``n`` articles of the corpus, as its first folders of 1000."""
    return sorted(p for p in corpus.iterdir() if p.is_dir())[: max(1, n // 1000)]


def local_run(paths: list[Path], db: Path) -> dict[str, Any]:
    """The local engine (`startup_health.pipeline.ingest`, what `startup-health ingest` runs) in a fresh
    subprocess: wall time, CPU time and its peak RSS."""
    for p in (db, Path(str(db) + ".wal")):
        p.unlink(missing_ok=True)
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu0 = ru.ru_maxrss, ru.ru_utime + ru.ru_stime
    t = time.perf_counter()
    code = (
        "import sys; from pathlib import Path; from models.warehouse import Warehouse; "
        "from startup_health.pipeline import ingest; "
        "r = ingest([Path(p) for p in sys.argv[2:]], Warehouse(sys.argv[1])); print(r.read, r.new, len(r.failed))"
    )
    subprocess.run([sys.executable, "-c", code, str(db), *map(str, paths)], cwd=ROOT, check=True)
    wall = time.perf_counter() - t
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = ru.ru_maxrss, ru.ru_utime + ru.ru_stime - cpu0
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": (peak if peak > before else float("nan")) / 1024}


class Sampler:
    """Peak RSS of a set of processes, sampled in a thread."""

    def __init__(self, pids: list[int], every_s: float = 0.2) -> None:
        import psutil

        self.procs = {pid: psutil.Process(pid) for pid in pids}
        self.peak = {pid: 0 for pid in pids}
        self.every_s = every_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid, proc in self.procs.items():
                try:
                    self.peak[pid] = max(self.peak[pid], proc.memory_info().rss)
                except Exception:  # noqa: BLE001 - a process that ended
                    pass
            self._stop.wait(self.every_s)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def dask_run(paths: list[Path], work: Path, workers: int, tag: str) -> dict[str, Any]:
    """The Dask engine on a fresh LocalCluster; cluster start-up timed apart."""
    import shutil

    from dask.distributed import Client, LocalCluster

    from models.warehouse import Warehouse
    from startup_health.scale import ingest_dask

    ds, db = work / f"{tag}.parquet", work / f"{tag}.duckdb"
    shutil.rmtree(ds, ignore_errors=True)
    for p in (db, Path(str(db) + ".wal")):
        p.unlink(missing_ok=True)
    t = time.perf_counter()
    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster, Client(cluster) as client:
        client.run(lambda: __import__("extract").extract_article("warm-up", published=None))
        start = time.perf_counter() - t
        pids = list(client.run(os.getpid).values())
        wh = Warehouse(db)
        import psutil

        procs = [psutil.Process(p) for p in pids]
        me = resource.getrusage(resource.RUSAGE_SELF)
        cpu0 = sum(sum(p.cpu_times()[:2]) for p in procs) + me.ru_utime + me.ru_stime
        with Sampler(pids) as sampler:
            t = time.perf_counter()
            report = ingest_dask(paths, ds, warehouse=wh, client=client)
            wall = time.perf_counter() - t
        me = resource.getrusage(resource.RUSAGE_SELF)
        worker_cpu = sum(sum(p.cpu_times()[:2]) for p in procs)
        cpu = worker_cpu + me.ru_utime + me.ru_stime - cpu0
        own_peak = list(client.run(_maxrss_mb).values())
    files = sum(1 for _ in ds.rglob("*.parquet"))
    size = sum(p.stat().st_size for p in ds.rglob("*.parquet"))
    return {
        "workers": workers,
        "cluster_start_s": start,
        "wall_s": wall,
        "articles": report.read,
        "failed": len(report.failed),
        "metrics": report.metrics,
        "articles_per_s": report.read / wall,
        "cpu_s_workers_and_client": cpu,
        "cpu_ms_per_article": 1000 * cpu / max(report.read, 1),
        "peak_rss_mb_sampled": sorted(v / 2**20 for v in sampler.peak.values()),
        "peak_rss_mb_maxrss": sorted(own_peak),
        "dataset_files": files,
        "dataset_mb": size / 1e6,
        "db": str(db),
        "load_after": load(),
    }


def dashboard_times(db: Path, runs: int = 20) -> dict[str, Any]:
    """Server-side time of every Dash callback on the Parquet-backed warehouse, with the dashboard's own
    benchmark (bench/bench_dashboard.py: each callback POSTed through Flask's test client, answer cache
    emptied before each call). The seeds are added first: that benchmark opens on their two companies."""
    import random
    import statistics

    from models.warehouse import Warehouse
    from startup_health.scale import ingest_dask

    wh = Warehouse(db)
    dataset = wh.dataset_dir()
    if dataset and len(wh.resolve_companies(["Stability AI", "Inflection AI"])) < 2:
        ingest_dask([ROOT / "seeds"], dataset, warehouse=wh, workers=1)
    try:
        from bench.bench_dashboard import create_app, percentile, time_callbacks
        from startup_health.settings import Settings
    except ImportError as exc:
        return {"note": f"dashboard benchmark not importable: {exc}"}
    app = create_app(Settings(db=db))
    times = time_callbacks(app, runs, random.Random(3))
    out: dict[str, Any] = {}
    for name, got in times.items():
        wall, cpu = got if isinstance(got, tuple) else (got, [])  # (wall times, CPU times) or wall times
        out[name] = {
            "median_ms": round(statistics.median(wall) * 1000, 1),
            "p95_ms": round(percentile(wall, 0.95) * 1000, 1),
            "max_ms": round(max(wall) * 1000, 1),
        } | ({"cpu_median_ms": round(statistics.median(cpu) * 1000, 1)} if cpu else {})
    return out | {"runs": runs, "load": load()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--small", type=int, default=25_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=Path("/tmp/sh-scale"))
    ap.add_argument("--skip-local", action="store_true")
    ap.add_argument("--skip-small", action="store_true")
    ap.add_argument("--dashboard-only", type=Path, metavar="DB", help="only time the dashboard on this warehouse")
    a = ap.parse_args()
    if a.dashboard_only:
        print(json.dumps(dashboard_times(a.dashboard_only), indent=1, default=str))
        return
    a.work.mkdir(parents=True, exist_ok=True)
    corpus = make_corpus(a.work, a.n, a.seed)
    full = sorted(p for p in corpus.iterdir() if p.is_dir())
    out: dict[str, Any] = {"n": a.n, "small": a.small, "cpus": os.cpu_count(), "load_before": load()}

    from models.warehouse import Warehouse, compact_dataset

    if not a.skip_local:
        print(f"local engine, {a.n} articles (load {load()}) ...", flush=True)
        r = local_run(full, a.work / "local.duckdb")
        r["articles_per_s"] = a.n / r["wall_s"]
        r["cpu_ms_per_article"] = 1000 * r["cpu_s"] / a.n
        r["checksum"] = Warehouse(a.work / "local.duckdb").query(CHECKSUM).rows[0]
        out["local"] = r
        print(f"  {r['articles_per_s']:.0f} articles/s, peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
    results = a.work / f"results-{int(time.time())}.json"

    def save() -> None:
        results.write_text(json.dumps(out, indent=1, default=str))

    save()
    for workers in (1, 2):
        print(f"dask, {workers} worker(s), {a.n} articles (load {load()}) ...", flush=True)
        r = dask_run(full, a.work, workers, f"dask{workers}")
        r["checksum"] = Warehouse(r["db"]).query(CHECKSUM).rows[0]
        out[f"dask{workers}"] = r
        save()
        print(f"  {r['articles_per_s']:.0f} articles/s, worker peak RSS {r['peak_rss_mb_sampled']} MB", flush=True)
    if not a.skip_small:
        print(f"dask, 2 workers, first {a.small} articles (load {load()}) ...", flush=True)
        r = dask_run(subset(corpus, a.small), a.work, 2, "dask2-small")
        out["dask2_small"] = r
        save()
        print(f"  {r['articles_per_s']:.0f} articles/s, worker peak RSS {r['peak_rss_mb_sampled']} MB", flush=True)

    out["speedup_2_over_1"] = out["dask2"]["articles_per_s"] / out["dask1"]["articles_per_s"]
    if "local" in out:
        out["same_metrics_as_local"] = out["local"]["checksum"] == out["dask2"]["checksum"] == out["dask1"]["checksum"]
    t = time.perf_counter()
    rep = compact_dataset(a.work / "dask2.parquet")
    Warehouse(out["dask2"]["db"]).attach_parquet(a.work / "dask2.parquet")
    out["compact"] = {"s": time.perf_counter() - t, "months": rep.months, "parts": rep.parts,
                      "files_after": sum(1 for _ in (a.work / "dask2.parquet").rglob("*.parquet"))}
    save()
    try:
        out["dashboard"] = dashboard_times(Path(out["dask2"]["db"]))
    except Exception as exc:  # noqa: BLE001 - the dashboard's harness is another engineer's moving target
        out["dashboard"] = {"error": f"{type(exc).__name__}: {exc}"}
    out["load_after"] = load()
    save()
    print(json.dumps(out, indent=1, default=str))


if __name__ == "__main__":
    main()
