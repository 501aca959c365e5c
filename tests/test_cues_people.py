"""Every example sentence of the people cue tables (layoffs, headcount, departed talent) gives its metric.

The tables are data (extract/cues/*.toml); each entry carries an example that shows the phrasing it
teaches. Here each example is run through the extractor: it must give a row of the table's metric for
Acme, the startup every example is about.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract import extract_article
from extract.lexicon import load_table

TABLES = ("layoffs", "headcount", "departed_talent")
POSITIONS = ("before", "after", "later", "named", "named_noun", "named_object")
CASES = [(t, pos, e["example"]) for t in TABLES for pos in POSITIONS for e in load_table(t).get(pos, [])]


@pytest.mark.parametrize("table,position,example", CASES, ids=[f"{t}-{p}-{i}" for i, (t, p, _) in enumerate(CASES)])
def test_example_gives_its_metric(table: str, position: str, example: str) -> None:
    x = extract_article(example, published=date(2024, 5, 2))
    got = [(m.company, m.metric, m.value) for m in x.metrics]
    assert any(m.company == "Acme" and m.metric == table for m in x.metrics), f"{example!r} gave {got}"


def test_every_entry_has_an_example() -> None:
    for t in TABLES:
        for pos in POSITIONS:
            for e in load_table(t).get(pos, []):
                assert e.get("example", "").strip(), f"{t}.toml [{pos}] {e['cue']!r} has no example"
