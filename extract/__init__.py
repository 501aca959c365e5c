"""Rule-based extraction of startup health metrics from news text.

One pure function, `extract_article`, turns an article's clean text into typed `Metric` and `Event`
records, each traced to the figure and sentence it came from. No I/O, no clock: relative dates resolve
against the ``published`` date passed in. Modules:

* `extract.numbers`    money amounts, counts of people, number words, hedges (``parse_amount``, ...)
* `extract.dates`      date expressions resolved against the publication date (``find_dates``)
* `extract.sentences`  sentence and clause spans (``split_sentences``, ``clause_bounds``)
* `extract.companies`  names in the text: startups, other organisations, people, aliases (``find_names``)
* `extract.metrics`    figures classified into the eight metrics and attributed (``extract_figures``)
* `extract.evaluate`   scoring against gold rows (``evaluate``, ``format_report``)
* `extract._regex`     case-insensitive patterns run fast on lower-cased text (``Folded``)

Speed: cue words are found in one pass over the article and only the sentences that hold them are
parsed; alternations are written so that the regex engine can skip ahead (first-letter groups, no
leading ``\\b`` or case classes where it matters). tests/test_extract_units.py checks that each fast
pattern says the same as the plain one it replaces.

>>> from datetime import date
>>> x = extract_article("Acme AI, the robotics start-up, has raised $5m at a $40m valuation.",
...                     published=date(2024, 5, 2))
>>> [(m.company, m.metric, m.value, m.unit, m.surface) for m in x.metrics]
[('Acme AI', 'funding_raised', 5000000.0, 'USD', '$5m'), ('Acme AI', 'valuation', 40000000.0, 'USD', '$40m')]
>>> x.metrics[0].as_of.label
'2024-05'
"""

from __future__ import annotations

import datetime

from extract.companies import find_names
from extract.metrics import MAX_TEXT, extract_figures
from models.records import Extraction

__all__ = ["EXTRACTOR_VERSION", "extract_article"]

#: bump when the rules change (stored with every row; the pipeline re-extracts older versions)
EXTRACTOR_VERSION = "0.4.0"


def extract_article(text: str, *, published: datetime.date | None, title: str | None = None) -> Extraction:
    """Typed metrics and leadership events of one article; offsets index into ``text``.

    ``title`` is accepted for callers that have one; figures are read from ``text`` only (a title
    repeats body figures). Only the first 300,000 characters are read. Never raises on text: anything
    unexpected yields an empty extraction.
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
