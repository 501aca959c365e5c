"""The news-style corpus of issue 10 (tests/data/news/): every folder passes scripts/check_corpus.py.

Integrity only; no extractor. Scores are printed by scripts/score_corpus.py and gated in
tests/test_news_scores.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "tests" / "data" / "news"
FOLDERS = sorted(p for split in ("tune", "holdout") for p in (NEWS / split).glob("*") if p.is_dir())


@pytest.mark.parametrize("folder", FOLDERS, ids=[f"{p.parent.name}/{p.name}" for p in FOLDERS])
def test_folder_is_well_formed(folder: Path) -> None:
    problems = load_script("check_corpus").check_folder(folder)
    assert not problems, "\n".join(problems)


def test_article_names_are_unique_across_the_corpus() -> None:
    seen: dict[str, Path] = {}
    for folder in FOLDERS:
        for p in folder.iterdir():
            if p.suffix in (".txt", ".md", ".html"):
                assert p.name not in seen, f"{p} and {seen[p.name]} share a name"
                seen[p.name] = p


def test_checker_catches_a_bad_row(tmp_path: Path) -> None:
    (tmp_path / "x1.txt").write_text(" date 2024-01-02\nAcme raised $5 million.\n", encoding="utf-8")
    (tmp_path / "gold.csv").write_text(
        "article,company,metric,value,unit,qualifier,period_or_asof,evidence\n"
        "x1.txt,Acme,funding_raised,5000000,USD,exact,2024-01,raised $6 million\n"
        "x1.txt,Acme,layoffs,5,USD,exact,2024-01,raised $5 million\n",
        encoding="utf-8",
    )
    (tmp_path / "manifest.csv").write_text(
        "article,style,region,multi_startup,truncated,traps,tags\nx1.txt,wire,us,0,0,0,no_such_tag\n", encoding="utf-8"
    )
    problems = load_script("check_corpus").check_folder(tmp_path)
    assert any("raised $6 million" in p for p in problems)
    assert any("does not fit layoffs" in p for p in problems)
    assert any("no_such_tag" in p for p in problems)
