"""Benchmark of reading, HTML cleaning, extraction and ingest on a generated corpus. Prints figures.

    python bench/bench_ingest.py [--n 20000] [--seed 7] [--work /tmp/sh-bench]

Reports, on the generated corpus (bench/corpus.py, 20% HTML and 20% Markdown by default):
- phase by phase on one core: reading text files, cleaning HTML pages, extraction, database writes;
  each phase's share of the single-core total;
- articles per second of extraction alone on one core, for text and HTML articles;
- the whole `startup-health ingest` with 1 and 2 worker processes: wall time, articles/s, speed-up;
- peak memory (maximum resident set) of the ingest with the full corpus and with a quarter of it.
Every ingest runs in a fresh subprocess so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402


def phases(corpus: Path, db: Path) -> dict[str, float]:
    """Time each phase on one core, in this process."""
    from extract import EXTRACTOR_VERSION, extract_article
    from extract.reading import Skipped, iter_files, read_or_skip
    from models.warehouse import Warehouse, iter_chunks
    from startup_health.settings import Settings

    files = [f for f in iter_files([corpus]) if isinstance(f, Path)]
    text_files = [f for f in files if f.suffix != ".html"]
    html_files = [f for f in files if f.suffix == ".html"]

    t = time.perf_counter()
    text_articles = [read_or_skip(f) for f in text_files]
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    html_articles = [read_or_skip(f) for f in html_files]
    t_html = time.perf_counter() - t
    text_articles = [a for a in text_articles if not isinstance(a, Skipped)]
    html_articles = [a for a in html_articles if not isinstance(a, Skipped)]
    articles = text_articles + html_articles

    t = time.perf_counter()
    extractions = [extract_article(a.text, published=a.published, title=a.title) for a in text_articles]
    t_extract_text = time.perf_counter() - t
    t = time.perf_counter()
    extractions += [extract_article(a.text, published=a.published, title=a.title) for a in html_articles]
    t_extract_html = time.perf_counter() - t

    wh = Warehouse(db)
    wh.ensure_schema()
    t = time.perf_counter()
    for chunk in iter_chunks(list(zip(articles, extractions)), Settings().batch_size):
        wh.write_batch(chunk, EXTRACTOR_VERSION, refresh_facts=False)  # as `ingest` writes its batches
    t_write = time.perf_counter() - t
    t = time.perf_counter()
    wh.refresh_facts()  # ... and keeps the facts, scores and flows of the companies touched, once at its end
    t_facts = time.perf_counter() - t
    metrics = wh.query("SELECT count(*) FROM metric_rows").rows[0][0]
    return {
        "files_text": len(text_files),
        "files_html": len(html_files),
        "metrics": metrics,
        "read_text_s": t_read,
        "clean_html_s": t_html,
        "extract_text_s": t_extract_text,
        "extract_html_s": t_extract_html,
        "write_s": t_write,
        "facts_s": t_facts,
    }


def ingest_run(corpus: Path, db: Path, workers: int) -> dict[str, float]:
    """One `startup-health ingest` in a subprocess: wall time and its peak RSS."""
    if db.exists():
        db.unlink()
    code = (
        "import resource, sys, time, json\n"
        "from pathlib import Path\n"
        "from models.warehouse import Warehouse\n"
        "from startup_health.pipeline import ingest\n"
        "t = time.perf_counter()\n"
        "r = ingest([Path(sys.argv[1])], Warehouse(Path(sys.argv[2])), workers=int(sys.argv[3]))\n"
        "wall = time.perf_counter() - t\n"
        "ru_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "ru_kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps({'wall_s': wall, 'read': r.read, 'new': r.new, 'metrics': r.metrics,"
        " 'failed': len(r.failed), 'peak_parent_mb': ru_self / 1024, 'peak_worker_mb': ru_kids / 1024}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(corpus), str(db), str(workers)],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=Path("/tmp/sh-bench"))
    a = ap.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    corpus = a.work / f"corpus-{a.n}-{a.seed}"
    small = a.work / f"corpus-{a.n // 4}-{a.seed}"
    for folder, n in ((corpus, a.n), (small, a.n // 4)):
        if not folder.exists():
            t = time.perf_counter()
            size = write_corpus(folder, n, a.seed)
            print(f"generated {n} articles ({size / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")

    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}")
    p = phases(corpus, a.work / "phases.duckdb")
    total = (p["read_text_s"] + p["clean_html_s"] + p["extract_text_s"] + p["extract_html_s"] + p["write_s"]
             + p["facts_s"])
    n_text, n_html = p["files_text"], p["files_html"]
    print(f"\n== one core, phase by phase ({n_text} text/markdown + {n_html} HTML articles, {p['metrics']} metrics)")
    for name, key in (
        ("reading text/markdown", "read_text_s"),
        ("reading + cleaning HTML", "clean_html_s"),
        ("extraction (text)", "extract_text_s"),
        ("extraction (HTML)", "extract_html_s"),
        ("database writes", "write_s"),
        ("facts, scores, flows kept", "facts_s"),
    ):
        print(f"  {name:26s} {p[key]:7.2f} s  {100 * p[key] / total:5.1f}%")
    print(f"  extraction alone: {n_text / p['extract_text_s']:,.0f} text articles/s, "
          f"{n_html / p['extract_html_s']:,.0f} HTML articles/s (one core)")
    print(f"  HTML pages read+cleaned+extracted: {n_html / (p['clean_html_s'] + p['extract_html_s']):,.0f} pages/s (one core)")
    print(f"  text articles read+extracted: {n_text / (p['read_text_s'] + p['extract_text_s']):,.0f} articles/s (one core)")

    print("\n== startup-health ingest (fresh warehouse, subprocess)")
    runs = {}
    for workers in (1, 2):
        r = ingest_run(corpus, a.work / f"ingest{workers}.duckdb", workers)
        runs[workers] = r
        print(f"  {workers} worker(s): {r['read']} articles in {r['wall_s']:.1f} s = {r['read'] / r['wall_s']:,.0f} articles/s; "
              f"{r['metrics']} metrics; peak RSS parent {r['peak_parent_mb']:.0f} MB, largest worker {r['peak_worker_mb']:.0f} MB")
    print(f"  speed-up 2 workers / 1: {runs[1]['wall_s'] / runs[2]['wall_s']:.2f}x")
    q = ingest_run(small, a.work / "small.duckdb", 2)
    print(f"  memory flatness, 2 workers: {a.n // 4} articles peak parent {q['peak_parent_mb']:.0f} MB / worker "
          f"{q['peak_worker_mb']:.0f} MB; {a.n} articles {runs[2]['peak_parent_mb']:.0f} MB / {runs[2]['peak_worker_mb']:.0f} MB")
    text_only = a.work / f"corpus-text-{a.n}-{a.seed}"
    if not text_only.exists():
        write_corpus(text_only, a.n, a.seed, html_share=0.0, md_share=0.0)
    r = ingest_run(text_only, a.work / "text.duckdb", 2)
    print(f"  {a.n} text articles into the warehouse, 2 workers: {r['wall_s']:.1f} s ({r['read'] / r['wall_s']:,.0f} articles/s)")


if __name__ == "__main__":
    main()
