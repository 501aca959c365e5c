"""Floors on the extractor's scores on the news-style corpus (tests/data/news/), so a change that loses
ground on news nobody on the team wrote fails here. The floors sit a little under the figures measured when
they were set (README, "How well it extracts"); raise them when the extractor gets better, never lower them
to make a change pass.

The blind holdout is scored with its figure only: a failure names the score, never an article or a row
(reading the holdout's misses would turn it into tuning data).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "tests" / "data" / "news"

#: measured 2026-12-04 (third stage): tune (writers a-s, x-z, ae-ao, aq-at: 628 articles) F1 0.904 (0.906 on the 584 of
#: the second stage, unchanged); holdout unchanged.
#: measured 2026-12-03 (second stage): tune (writers a-s, x-z, ae-ao: 584 articles) F1 0.906; blind holdout
#: (writers t-w and aa-ad: 149 articles) F1 0.876 (t-w alone 0.847, aa-ad 0.913). The tune floor is under the first
#: stage's 0.92 because the tune set grew by twenty-one writers whose articles the rules had not seen (their blind
#: scores: 0.70-0.91), not because the extractor lost ground: on the first stage's writers it went from 0.930 to 0.933.
TUNE_MIN_F1 = 0.90
HOLDOUT_MIN_F1 = 0.86


@pytest.mark.parametrize("split,floor", [("tune", TUNE_MIN_F1), ("holdout", HOLDOUT_MIN_F1)])
def test_news_corpus_f1_stays_above_its_floor(split: str, floor: float) -> None:
    folders = sorted(p for p in (NEWS / split).iterdir() if p.is_dir())
    assert folders, f"no folders under {NEWS / split}"
    report, _ = load_script("score_corpus").score(folders)
    f1 = report.overall.f1
    assert f1 >= floor, f"{split}: F1 {f1:.3f} is under its floor {floor}"
