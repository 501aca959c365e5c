"""Rule-based extraction of startup health metrics from news text.

>>> from datetime import date
>>> x = extract_article("Acme AI, the robotics start-up, has raised $5m at a $40m valuation.",
...                     published=date(2024, 5, 2))
>>> [(m.company, m.metric, m.value, m.unit, m.surface) for m in x.metrics]
[('Acme AI', 'funding_raised', 5000000.0, 'USD', '$5m'), ('Acme AI', 'valuation', 40000000.0, 'USD', '$40m')]
"""

from __future__ import annotations

import datetime

from extract.companies import find_names
from extract.metrics import MAX_TEXT, extract_figures
from models.records import Extraction

__all__ = ["EXTRACTOR_VERSION", "extract_article"]

EXTRACTOR_VERSION = "0.1.0"


def extract_article(text: str, *, published: datetime.date | None, title: str | None = None) -> Extraction:
    """Typed metrics and leadership events of one article; offsets index into ``text``.

    Never raises on text: anything unexpected yields an empty extraction.
    """
    if not isinstance(text, str) or not text.strip():
        return Extraction()
    try:
        names = find_names(text[:MAX_TEXT], title)
        metrics, events = extract_figures(text, published, names)
        used = {m.company for m in metrics} | {e.company for e in events}
        companies = {c: a for c, a in names.companies().items() if c in used}
        return Extraction(tuple(metrics), tuple(events), companies)
    except Exception:  # noqa: BLE001 - a bad article must not stop a batch
        return Extraction()
