"""Benchmark of web-archive input: WARC records per second per core through the prefilter and extraction,
and the share of pages the prefilter skips. Prints figures.

    python bench/bench_warc.py [--n 20000] [--startup-share 0.3] [--seed 7] [--work /tmp/sh-warc]

The WARC (gzip per record, like CC-NEWS) is generated: ``--startup-share`` of the pages are startup news
(bench/corpus.py's HTML pages), the rest general news written from small template pools (weather, sport,
local politics, culture, science, transport), some of which mention money, staff or leadership as real
news does; 2 % of the records are PDFs and 2 % HTTP 404 answers. So the share skipped is a property of this
mix, not a measurement of CC-NEWS. Reported:

- one core: records/s read + prefilter + extraction, and the same without the prefilter;
- the share of HTML pages the prefilter skipped, and how many of those the extractor would have taken a
  figure or event from anyway (its misses);
- ``startup-health ingest FILE.warc.gz`` end to end with 1 and 2 worker processes (the file is cut into
  byte ranges shared by the workers).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402

TOPICS = {
    "weather": [
        "Heavy rain is expected across {city} on {day}, with winds easing by the evening.",
        "Forecasters said temperatures would climb to {n} degrees by the weekend.",
        "Flood warnings remain in place along the river, the agency said.",
        "Commuters were advised to allow extra time for journeys on {day}.",
    ],
    "sport": [
        "{city} beat their rivals {n}-{m} on {day} to move up the table.",
        "The team's coach praised a disciplined second half.",
        "A crowd of {k} watched the match in driving rain.",
        "The club said its captain would miss the next {m} games with a knee injury.",
        "The manager was sacked on {day} after a run of poor results, the club's board said.",
    ],
    "politics": [
        "The council in {city} voted on {day} to extend the cycle lane network.",
        "Residents packed the town hall meeting, which ran late into the evening.",
        "The plan will cost about £{n} million over {m} years, officials said.",
        "Opposition members said the consultation had been too short.",
        "The mayor said she would not stand for re-election.",
    ],
    "culture": [
        "The orchestra opens its season in {city} with Mahler under a guest conductor.",
        "Critics praised the new production's staging and its young cast.",
        "The festival runs until {day} and most evenings are sold out.",
        "A retrospective of the painter's late work fills four rooms of the gallery.",
    ],
    "science": [
        "Researchers in {city} have described a new species of beetle found in leaf litter.",
        "The findings were published in a peer-reviewed journal on {day}.",
        "The survey covered {k} square kilometres of forest over two summers.",
        "The researchers said more fieldwork was needed to confirm the results.",
    ],
    "transport": [
        "The new tram line in {city} opened to passengers on {day}.",
        "Trains will run every {m} minutes at peak times, the operator said.",
        "Roadworks on the ring road are due to finish next month.",
        "The airport expects record passenger numbers this summer.",
    ],
}
CITIES = ["Leeds", "Porto", "Graz", "Utrecht", "Malmo", "Quebec", "Perth", "Cork"]
DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday".split()
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | City Courier</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav><article><h1>{title}</h1>{paras}</article>"
    "<footer>City Courier</footer></body></html>"
)


def general_page(rng: random.Random) -> str:
    topic = rng.choice(list(TOPICS))
    pool = TOPICS[topic]
    fill = {"city": rng.choice(CITIES), "day": rng.choice(DAYS), "n": rng.randint(2, 40), "m": rng.randint(2, 9),
            "k": f"{rng.randint(2, 60) * 1000:,}"}  # fmt: skip
    paras = []
    for _ in range(rng.randint(4, 8)):
        sentences = rng.sample(pool, k=min(len(pool), rng.randint(2, 3)))
        paras.append("<p>" + " ".join(s.format(**fill) for s in sentences) + "</p>")
    return PAGE.format(title=f"{topic.title()} news from {fill['city']}", paras="".join(paras))


def write_warc(path: Path, n: int, startup_share: float, seed: int) -> dict[str, int]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    startup = (a.content for a in generate(n, seed, html_share=1.0, md_share=0.0))
    counts = {"startup": 0, "general": 0, "pdf": 0, "404": 0}
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(n):
            r = rng.random()
            status, ctype = "200 OK", "text/html; charset=utf-8"
            if r < 0.02:
                body, ctype, kind = b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(2000)), "application/pdf", "pdf"
            elif r < 0.04:
                body, status, kind = b"<html><body><h1>Not found</h1></body></html>", "404 Not Found", "404"
            elif r < 0.04 + startup_share * 0.96:
                body, kind = next(startup).encode(), "startup"
            else:
                body, kind = general_page(rng).encode(), "general"
            counts[kind] += 1
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(f"https://news.example/{kind}/{i}", "response", payload=io.BytesIO(body),
                                       http_headers=headers, warc_headers_dict={"WARC-Date": "2024-03-14T10:00:00Z"})  # fmt: skip
            w.write_record(rec)
    return counts


def one_core(path: Path, prefilter: bool) -> dict[str, float]:
    from datetime import date

    from extract import extract_article
    from extract.reading import Skipped
    from startup_health.prefilter import passes
    from startup_health.warc import iter_warc

    records = pages = skipped = missed = 0
    started = time.process_time()
    dropped = []
    for item in iter_warc(path, today=date(2025, 1, 1)):
        records += 1
        if isinstance(item, Skipped):
            continue
        pages += 1
        if prefilter and not passes(item.text):
            skipped += 1
            dropped.append(item)
            continue
        extract_article(item.text, published=item.published, title=item.title)
    cpu = time.process_time() - started
    for item in dropped:  # outside the timing: would the extractor have found anything?
        x = extract_article(item.text, published=item.published, title=item.title)
        missed += bool(x.metrics or x.events)
    return {"records": records, "pages": pages, "skipped": skipped, "missed": missed, "cpu_s": cpu}


def ingest(path: Path, db: Path, workers: int) -> tuple[float, float]:
    """Wall time and CPU time (the ingest and its worker processes) of one ``startup-health ingest``."""
    import resource

    for suffix in ("", ".wal", ".ingest.lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "startup_health", "ingest", str(path), "--db", str(db), "-q",
                    "--workers", str(workers)], cwd=ROOT, check=False, capture_output=True)  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--startup-share", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", type=Path, default=Path("/tmp/sh-warc"))
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    a.work.mkdir(parents=True)
    warc = a.work / "news.warc.gz"
    counts = write_warc(warc, a.n, a.startup_share, a.seed)
    print(f"generated {a.n} response records, {warc.stat().st_size / 1e6:.1f} MB gzip: {counts}")
    with_pf, without_pf = one_core(warc, True), one_core(warc, False)
    for label, r in (("with the prefilter", with_pf), ("without the prefilter", without_pf)):
        print(f"one core, {label}: {r['records'] / r['cpu_s']:,.0f} records/s ({r['cpu_s']:.1f} s CPU for "
              f"{r['records']} records, {r['pages']} HTML pages)")  # fmt: skip
    share = with_pf["skipped"] / with_pf["pages"]
    print(f"prefilter skipped {with_pf['skipped']} of {with_pf['pages']} HTML pages ({share:.1%}); "
          f"the extractor finds a figure or event in {with_pf['missed']} of the skipped pages")
    print(f"load average before the ingests: {os.getloadavg()[0]:.1f} (other processes share the 2 cores)")
    for workers in (1, 2):
        wall, cpu = ingest(warc, a.work / "w.duckdb", workers)
        print(f"startup-health ingest, {workers} worker process{'es' if workers > 1 else ''}: {wall:.1f} s wall "
              f"({a.n / wall:,.0f} records/s), {cpu:.1f} s CPU ({a.n / cpu:,.0f} records per CPU-second); "
              "database writes and grouping included")


if __name__ == "__main__":
    main()
