"""The web-archive prefilter never drops an article the extractor takes a figure or an event from."""

from __future__ import annotations

import csv

import pytest

from conftest import DATA, ROOT
from extract import extract_article
from extract.reading import Skipped, iter_articles
from startup_health.prefilter import passes

#: every corpus the project has, holdout sets included (only pass/fail of the prefilter is looked at)
CORPORA = [ROOT / "seeds", DATA / "devset" / "articles", DATA / "own", DATA / "news"]


def test_every_article_with_a_figure_or_an_event_passes() -> None:
    seen = with_figures = 0
    for a in iter_articles(CORPORA):
        if isinstance(a, Skipped):
            continue
        seen += 1
        x = extract_article(a.text, published=a.published, title=a.title)
        if x.metrics or x.events:
            with_figures += 1
            assert passes(a.text), f"{a.path}: dropped, yet the extractor finds {len(x.metrics)} figures"
    assert seen >= 40 and with_figures >= 40


def test_every_golden_sentence_with_a_figure_passes() -> None:
    with open(DATA / "golden_sentences.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    checked = 0
    for r in rows:
        x = extract_article(r["text"], published=None)
        if x.metrics or x.events:
            checked += 1
            assert passes(r["text"]), r["text"]
    assert checked >= 200


@pytest.mark.parametrize(
    "text",
    [
        "Heavy rain is expected across the region on Thursday, forecasters said.",
        "The orchestra opens its season with Mahler, under its new conductor.",
        "A new bridge over the river opened to cyclists and walkers at the weekend.",
    ],
)
def test_stories_without_money_staff_or_leadership_are_dropped(text: str) -> None:
    assert not passes(text)
    assert not extract_article(text, published=None).metrics


@pytest.mark.parametrize(
    "text",
    [
        "Acme raised €4m from angels.",
        "Zorbi is laying off 40 employees.",
        "Its founder and chief executive stepped down on Monday.",
        "Two co-founders left for Microsoft.",
    ],
)
def test_stories_with_a_cue_pass(text: str) -> None:
    assert passes(text)
