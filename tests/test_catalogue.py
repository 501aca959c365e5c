"""The corpus catalogue in docs/extraction.md is the one scripts/corpus_catalogue.py computes, and the
script prints counts only (it reads the blind holdout's manifests: never an article name)."""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "tests" / "data" / "news"


cat = load_script("corpus_catalogue")


def test_catalogue_in_the_doc_is_up_to_date() -> None:
    doc = (ROOT / "docs" / "extraction.md").read_text(encoding="utf-8")
    assert cat.START in doc and cat.END in doc
    assert cat.documented(doc) == cat.render(), "run: python scripts/corpus_catalogue.py --write"


def test_vocabulary_is_the_checkers() -> None:
    """The README lists read by the catalogue are the ones scripts/check_corpus.py enforces."""
    check = load_script("check_corpus")
    tags, styles, regions = cat.vocabulary()
    assert [t for _, t in tags] and len({t for _, t in tags}) == len(tags)
    assert {t for _, t in tags} == check.TAGS
    assert set(styles) == check.STYLES and set(regions) == check.REGIONS


def test_the_script_prints_no_article_name() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert cat.main([]) == 0
    printed = out.getvalue()
    names: set[str] = set()
    for manifest in NEWS.glob("*/*/manifest.csv"):
        with manifest.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                names |= {row["article"], Path(row["article"]).stem}
    assert names
    leaked = sum(1 for n in names if n in printed)
    assert leaked == 0, f"{leaked} article names printed"  # the names themselves are not shown here


def _manifest(folder: Path, rows: list[str]) -> None:
    folder.mkdir(parents=True)
    (folder / "manifest.csv").write_text(
        "article,style,region,multi_startup,truncated,traps,tags\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )


def test_counts_on_a_small_corpus(tmp_path: Path) -> None:
    _manifest(tmp_path / "tune" / "a", [
        "t1.txt,wire,us,1,0,1,respectively pronoun pronoun",
        "t2.md,brief,africa,0,1,0,slug_title",
    ])  # fmt: skip
    _manifest(tmp_path / "tune" / "b", ["t3.html,wire,uk,1,0,0,pronoun"])
    _manifest(tmp_path / "holdout" / "x", ["h1.txt,blog,us,0,0,1,respectively mystery_tag"])
    table = cat.render(tmp_path, NEWS / "README.md")
    lines = table.splitlines()
    assert "| which company | `respectively` | 1 | 1 | 2 |" in lines
    assert "| which company | `pronoun` | 2 | 0 | 2 |" in lines  # an article counts once per tag
    assert "| headlines | `slug_title` | 1 | 0 | 1 |" in lines
    assert "| which company | `maker_of` | 0 | 0 | 0 |" in lines
    assert "| (other) | tags not in the README | 0 | 1 | 1 |" in lines
    assert "| articles | 3 | 1 | 4 |" in lines
    assert "| about several startups (`multi_startup`) | 2 | 0 | 2 |" in lines
    assert "| truncated openings or headline-only (`truncated`) | 1 | 0 | 1 |" in lines
    assert "| with traps (`traps`) | 1 | 1 | 2 |" in lines
    assert "| style `wire` | 2 | 0 | 2 |" in lines
    assert "| region `us` | 1 | 1 | 2 |" in lines
    assert "t1" not in table and "h1" not in table


def test_splice_replaces_only_the_block() -> None:
    doc = f"# Title\n\nbefore\n{cat.START}\nold table\n{cat.END}\nafter\n"
    new = cat.splice(doc, "| a |\n")
    assert new == f"# Title\n\nbefore\n{cat.START}\n| a |\n{cat.END}\nafter\n"
    assert cat.documented(new) == "| a |\n"
    with pytest.raises(ValueError):
        cat.splice("no markers", "x")
