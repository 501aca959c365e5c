"""Warehouses for the dashboard tests, and the browser/server fixtures they share.

``write_articles`` builds a warehouse straight from records (fast, no extractor involved);
``SEED_LIKE`` mirrors what the seeds yield, for unit tests that must not depend on the extractor;
``HOSTILE`` is an article whose quotes try HTML injection and a spreadsheet formula.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from models.records import Article, Event, Extraction, Metric, Period
from models.warehouse import Warehouse

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
DEVSET_ARTICLES = REPO / "tests" / "data" / "devset" / "articles"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]


@dataclass(frozen=True)
class Fig:
    """A figure to put in a test article: the sentence and the figure's text in it."""

    company: str
    metric: str
    value: float
    unit: str
    qualifier: str
    sentence: str
    surface: str
    as_of: Period | None = None


@dataclass(frozen=True)
class Change:
    company: str
    person: str
    role: str
    kind: str
    sentence: str
    as_of: Period | None = None


@dataclass(frozen=True)
class Story:
    path: str
    published: date | None
    title: str
    figures: Sequence[Fig] = ()
    changes: Sequence[Change] = ()
    url: str | None = None


def build_records(story: Story) -> tuple[Article, Extraction]:
    """An article whose text is its sentences, with metrics and events pointing into it."""
    text = story.title + "\n\n"
    metrics: list[Metric] = []
    events: list[Event] = []
    placed: dict[str, int] = {}
    for item in [*story.figures, *story.changes]:
        sentence = item.sentence
        if sentence not in placed:
            placed[sentence] = len(text)
            text += sentence + "\n"
        start = placed[sentence]
        if isinstance(item, Fig):
            at = sentence.index(item.surface)
            metrics.append(
                Metric(
                    company=item.company,
                    metric=item.metric,
                    value=item.value,
                    unit=item.unit,
                    qualifier=item.qualifier,
                    char_start=start + at,
                    char_end=start + at + len(item.surface),
                    sentence=sentence,
                    sentence_start=start,
                    as_of=item.as_of,
                    surface=item.surface,
                )
            )
        else:
            events.append(
                Event(
                    company=item.company,
                    person=item.person,
                    role=item.role,
                    kind=item.kind,
                    char_start=start,
                    char_end=start + len(sentence),
                    sentence=sentence,
                    sentence_start=start,
                    as_of=item.as_of,
                )
            )
    aid = hashlib.sha256(text.encode()).hexdigest()[:16]
    article = Article(
        article_id=aid, path=story.path, text=text, title=story.title, published=story.published, url=story.url
    )
    companies = {c: frozenset() for c in {*(m.company for m in metrics), *(e.company for e in events)}}
    return article, Extraction(metrics=tuple(metrics), events=tuple(events), companies=companies)


def write_articles(db: Path, stories: Sequence[Story]) -> Path:
    wh = Warehouse(db)
    wh.ensure_schema()
    wh.write_batch([build_records(s) for s in stories], "test")
    return db


_TC = "TechCrunch: Stability AI CEO resigns"
SEED_LIKE: list[Story] = [
    Story(
        path="seeds/000_6c7e4e44c158f597.txt",
        published=date(2024, 3, 22),
        title=_TC,
        url="https://techcrunch.example/2024/03/22/stability-ai-ceo-resigns/",
        figures=[
            Fig("Stability AI", "departed_talent", 1, "persons", "exact",
                "Emad Mostaque has stepped down from the top role.", "has stepped down from the top role"),
            Fig("Stability AI", "departed_talent", 6, "persons", "at_least",
                "Stability AI has lost more than half a dozen key talent in recent quarters.",
                "more than half a dozen key talent"),
            Fig("Stability AI", "burn_rate", 8e6, "USD/month", "approx",
                "The startup was burning about $8 million a month as of October 2023.",
                "$8 million a month", Period.month(2023, 10)),
            Fig("Stability AI", "valuation_target", 4e9, "USD", "exact",
                "It failed to raise new funds at a $4 billion valuation.", "$4 billion valuation"),
            Fig("Inflection AI", "funding_raised", 1.5e9, "USD", "approx",
                "Inflection AI had raised about $1.5 billion.", "about $1.5 billion"),
            Fig("Inflection AI", "departed_talent", 2, "persons", "exact",
                "Microsoft hired two of its co-founders.", "two of its co-founders"),
        ],
        changes=[
            Change("Stability AI", "Emad Mostaque", "CEO", "resigned",
                   "Emad Mostaque has stepped down from the top role.", Period.day(date(2024, 3, 22))),
            Change("Stability AI", "Shan Shan Wong", "interim co-CEO", "interim",
                   "Shan Shan Wong and Christian Laforte were appointed interim co-CEOs."),
        ],
    ),
    Story(
        path="seeds/004_fdbb7e7136dc40c3.txt",
        published=date(2024, 3, 26),
        title="Stability AI at a crossroads",
        figures=[
            Fig("Stability AI", "departed_talent", 1, "persons", "exact",
                "CEO Emad Mostaque steps down.", "CEO Emad Mostaque steps down", Period.month(2024, 3)),
            Fig("Stability AI", "burn_rate", 8e6, "USD/month", "exact",
                "Expenditure reaches a staggering 8 million a month.", "8 million a month", Period.month(2024, 3)),
            Fig("Stability AI", "valuation_target", 4e9, "USD", "exact",
                "Efforts to secure new funding at a 4 billion valuation fell short.", "4 billion valuation"),
        ],
    ),
]

XSS_QUOTE = (
    'Acme Rockets <script>window.__xss_script = 1</script> raised $3 million '
    '<img src=x onerror="window.__xss_img = 1"> in its seed round.'
)
FORMULA_QUOTE = '=HYPERLINK("http://evil.example","click") Acme Rockets cut 40 jobs.'
HOSTILE = Story(
    path="hostile/acme.html",
    published=date(2024, 5, 2),
    title='<b onmouseover="window.__xss_title=1">Acme</b> news',
    url="javascript:window.__xss_link=1",
    figures=[
        Fig("Acme Rockets", "funding_raised", 3e6, "USD", "exact", XSS_QUOTE, "$3 million"),
        Fig("Acme Rockets", "layoffs", 40, "persons", "exact", FORMULA_QUOTE, "40 jobs"),
    ],
)


def run_ingest(paths: Sequence[Path], db: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -m startup_health ingest PATH... --db DB`` in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "startup_health", "ingest", *map(str, paths), "--db", str(db)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def run_cli(args: Sequence[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m startup_health ARGS...`` in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "startup_health", *args], cwd=REPO, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


class ServedApp:
    """A Dash app served by werkzeug on a free loopback port, in a daemon thread."""

    def __init__(self, app: Any) -> None:
        from werkzeug.serving import make_server

        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        self.app = app
        self.server = make_server("127.0.0.1", 0, app.server, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/"

    def close(self) -> None:
        self.server.shutdown()
        self.thread.join(5)


def serve(db: Path, **settings: Any) -> ServedApp:
    from dashboard.app import create_app
    from startup_health.settings import Settings

    return ServedApp(create_app(Settings(db=db, **settings)))


def launch_browser() -> Iterator[Any]:
    """A session's headless Debian Chromium driven by Playwright (never ``playwright install``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
