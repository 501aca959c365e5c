"""Hand-made articles for the facts, health and score tests: one call per article, rows written with
``Warehouse.write_batch`` exactly as the pipeline writes them (no extractor involved)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from models.records import Article, Event, Extraction, Metric, Period
from models.warehouse import Warehouse

__all__ = ["Fig", "Evt", "put", "period", "new_warehouse"]


@dataclass(frozen=True)
class Fig:
    """One figure: ``surface`` must occur in ``sentence``; the value is in base units."""

    company: str
    metric: str
    value: float
    sentence: str
    surface: str
    qualifier: str = "exact"
    as_of: str | None = None  # "2024", "2024-03", "2024-03-22" or "2024-01/2024-03"
    unit: str | None = None


@dataclass(frozen=True)
class Evt:
    company: str
    kind: str
    sentence: str
    person: str | None = None
    role: str | None = None
    as_of: str | None = None


def period(label: str | None) -> Period | None:
    """'2024' | '2024-03' | '2024-03-22' | '2024-01/2024-03' -> Period.

    >>> period("2024-03").label, period("2024-01/2024-03").precision
    ('2024-03', 'span')
    """
    if not label:
        return None
    if "/" in label:
        a, b = label.split("/")
        return Period.span(period(a), period(b))  # type: ignore[arg-type]
    parts = [int(p) for p in label.split("-")]
    if len(parts) == 1:
        return Period.year(parts[0])
    if len(parts) == 2:
        return Period.month(parts[0], parts[1])
    return Period.day(date(*parts))


_UNITS = {"burn_rate": "USD/month", "departed_talent": "persons", "layoffs": "persons", "headcount": "persons"}


def put(
    wh: Warehouse,
    name: str,
    published: date | None,
    figures: list[Fig] = (),  # type: ignore[assignment]
    events: list[Evt] = (),  # type: ignore[assignment]
    aliases: dict[str, frozenset[str]] | None = None,
) -> str:
    """Store one article made of the figures' and events' sentences; returns its article_id."""
    sentences: list[str] = []
    for s in [f.sentence for f in figures] + [e.sentence for e in events]:
        if s not in sentences:
            sentences.append(s)
    text = " ".join(sentences) + f" [{name}]"
    starts = {s: text.index(s) for s in sentences}
    metrics = []
    for f in figures:
        s0 = starts[f.sentence]
        c0 = s0 + f.sentence.index(f.surface)
        metrics.append(
            Metric(
                company=f.company,
                metric=f.metric,
                value=float(f.value),
                unit=f.unit or _UNITS.get(f.metric, "USD"),
                qualifier=f.qualifier,
                char_start=c0,
                char_end=c0 + len(f.surface),
                sentence=f.sentence,
                sentence_start=s0,
                as_of=period(f.as_of),
                surface=f.surface,
            )
        )
    evts = []
    for e in events:
        s0 = starts[e.sentence]
        evts.append(
            Event(
                company=e.company,
                person=e.person,
                role=e.role,
                kind=e.kind,
                char_start=s0,
                char_end=s0 + len(e.sentence),
                sentence=e.sentence,
                sentence_start=s0,
                as_of=period(e.as_of),
            )
        )
    article = Article(
        article_id=hashlib.sha256(text.encode()).hexdigest()[:16],
        path=f"{name}.txt",
        text=text,
        title=name,
        published=published,
    )
    wh.write_batch([(article, Extraction(tuple(metrics), tuple(evts), aliases or {}))], "test")
    return article.article_id


def new_warehouse(path: Path) -> Warehouse:
    wh = Warehouse(path, lock_wait_s=2)
    wh.ensure_schema()
    return wh
