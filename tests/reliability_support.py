"""Helpers shared by the reliability tests: run the real CLI in a subprocess, snapshot a warehouse, make a corpus.

The CLI runs as ``python -m startup_health`` with the repository on ``PYTHONPATH`` and a scratch folder as its
working directory, so no ``.env`` file and no ``STARTUP_HEALTH_*`` variable of the caller changes its settings.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import extract
from conftest import ROOT
from models.warehouse import Warehouse

#: The end-to-end tests need the extractor; like the golden tests, they skip while it is not written yet.
needs_extractor = pytest.mark.skipif(
    not hasattr(extract, "extract_article"), reason="extract.extract_article not available yet"
)

#: Every table of the warehouse and the columns that identify a row's content. ``ingested_at`` and
#: ``first_seen`` are wall-clock times, so they are left out when comparing two separate ingests.
TABLES = ("schema_info", "articles", "companies", "company_aliases", "metric_rows", "event_rows")
CLOCK_COLUMNS = {"articles": "ingested_at", "companies": "first_seen"}


def cli_env(**settings: str) -> dict[str, str]:
    """The environment of a CLI subprocess: the caller's, minus its STARTUP_HEALTH_* settings, plus ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STARTUP_HEALTH_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONUNBUFFERED"] = "1"
    env.update({f"STARTUP_HEALTH_{k.upper()}": v for k, v in settings.items()})
    return env


def ingest_cmd(*paths: Path | str, db: Path, workers: int = 1) -> list[str]:
    return [sys.executable, "-m", "startup_health", "ingest", *map(str, paths), "--db", str(db), "-q",
            "--workers", str(workers)]  # fmt: skip


def run_ingest(
    *paths: Path | str, db: Path, cwd: Path, workers: int = 1, timeout: float = 120, **settings: str
) -> subprocess.CompletedProcess[str]:
    """Run ``startup-health ingest`` to completion in a subprocess."""
    return subprocess.run(
        ingest_cmd(*paths, db=db, workers=workers), cwd=cwd, env=cli_env(**settings), capture_output=True,
        text=True, timeout=timeout,
    )  # fmt: skip


def start_ingest(*paths: Path | str, db: Path, cwd: Path, workers: int = 1, **settings: str) -> subprocess.Popen[str]:
    """Start ``startup-health ingest`` in its own process group (so a kill reaches its worker processes too)."""
    return subprocess.Popen(
        ingest_cmd(*paths, db=db, workers=workers), cwd=cwd, env=cli_env(**settings), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


def table_rows(db: Path, table: str, *, with_clock: bool = True) -> list[tuple[Any, ...]]:
    """All rows of one table, sorted, read through a fresh read-only connection (so the file must open)."""
    wh = Warehouse(db, lock_wait_s=10)
    cols = [c for c, _ in wh.table_columns()[table]]
    if not with_clock and table in CLOCK_COLUMNS:
        cols.remove(CLOCK_COLUMNS[table])
    select = ", ".join(f'"{c}"' for c in cols)
    return sorted(wh.query(f'SELECT {select} FROM "{table}"').rows, key=repr)


def snapshot(db: Path, *, with_clock: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Full contents of every table."""
    return {t: table_rows(db, t, with_clock=with_clock) for t in TABLES}


def duplicates(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [r for r, n in Counter(rows).items() if n > 1]


# -- a generated corpus of fictional companies ------------------------------------------------------

_FIRST = ["Zentr", "Quill", "Brindl", "Korv", "Marr", "Teal", "Oxbr", "Vell", "Pim", "Sarn", "Ulv", "Dax",
          "Fenw", "Graz", "Holt", "Ibr", "Jorv", "Lum"]  # fmt: skip
_END = ["ix", "wood", "ora", "ent", "ia", "ex", "ly", "ara", "ton", "ium"]
_KIND = ["Robotics", "Labs", "Analytics", "Health", "Energy", "Systems", "Bio", "Logistics", "Foods", "AI"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip


def company_names(rnd: random.Random, n: int) -> list[str]:
    """``n`` fictional names with distinct first words: the articles also call a company by its first word
    ("The round values Marrly at ..."), and two companies sharing it ("Marrly AI", "Marrly Foods") would make
    that short name ambiguous, so which company it joins would depend on the order articles are stored in
    (a crash test compares a re-run with a reference, so its corpus must not hold such a name)."""
    names: dict[str, str] = {}
    while len(names) < n:
        first = f"{rnd.choice(_FIRST)}{rnd.choice(_END)}"
        names.setdefault(first, f"{first} {rnd.choice(_KIND)}")
    return sorted(names.values())


def article_text(rnd: random.Random, company: str, serial: int) -> str:
    """A short news item about a fictional company with a few figures; ``serial`` makes every text unique."""
    year = rnd.choice([2022, 2023, 2024])
    month = rnd.randrange(1, 13)
    day = rnd.randrange(1, 29)
    short = company.split()[0]
    sentences = [
        f"{company} raised ${rnd.randrange(2, 400)} million in a Series {rnd.choice('ABCD')} round "
        f"led by {rnd.choice(['Northwind', 'Bluepine', 'Harbor'])} Ventures on Tuesday.",
        f"The round values {short} at ${rnd.randrange(1, 9)}.{rnd.randrange(10)} billion, people familiar said.",
        f"{short} has about {rnd.randrange(40, 3000):,} employees and said it would cut "
        f"{rnd.randrange(5, 200)} jobs.",
        f"The company burns roughly ${rnd.randrange(1, 30)} million a month, according to filing no. {serial}.",
        f"Revenue reached ${rnd.randrange(1, 90)} million in {_MONTHS[month - 1]} {year}.",
    ]
    rnd.shuffle(sentences)
    title = f"{company} news item {serial}"
    return f" date {year}-{month:02d}-{day:02d}\n{title}\n\n" + " ".join(sentences[: rnd.randrange(2, 6)]) + "\n"


def make_corpus(folder: Path, n: int, *, seed: int, companies: int = 40) -> list[Path]:
    """Write ``n`` small .txt articles about fictional companies into ``folder`` (in sub-folders of 100)."""
    rnd = random.Random(seed)
    names = company_names(rnd, companies)
    paths = []
    for i in range(n):
        sub = folder / f"part{i // 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"item{i:04d}.txt"
        p.write_text(article_text(rnd, rnd.choice(names), i), encoding="utf-8")
        paths.append(p)
    return paths
