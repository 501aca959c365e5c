"""The catalogue of the news corpus: how many articles hold each construction of issue 10.

Usage:
    python scripts/corpus_catalogue.py           print the catalogue (Markdown)
    python scripts/corpus_catalogue.py --write   also write it into docs/extraction.md between the markers
    python scripts/corpus_catalogue.py --check   exit 1 when docs/extraction.md is out of date

Reads only the ``manifest.csv`` of each folder of ``tests/data/news/{tune,holdout}/`` and the tag, style
and region vocabularies of ``tests/data/news/README.md``. It prints counts only: never an article name,
never a line of an article, so it is safe to run on the blind holdout. Needs only the standard library.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "tests" / "data" / "news"
DOC = ROOT / "docs" / "extraction.md"
SPLITS = ("tune", "holdout")
START, END = "<!-- catalogue:start -->", "<!-- catalogue:end -->"


@dataclass
class Counts:
    """What the manifests of one split say, counted (no article names kept)."""

    articles: int = 0
    multi_startup: int = 0
    truncated: int = 0
    traps: int = 0
    tags: Counter[str] = field(default_factory=Counter)
    styles: Counter[str] = field(default_factory=Counter)
    regions: Counter[str] = field(default_factory=Counter)


def vocabulary(readme: Path = NEWS / "README.md") -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(group, tag) pairs of the README's construction tags in its order; the styles; the regions."""
    text = readme.read_text(encoding="utf-8")
    section = text.split("Construction tags", 1)[1].split("\n\n", 2)[1]
    tags: list[tuple[str, str]] = []
    for item in re.split(r"\n- ", "\n" + section.strip()):
        if not item.strip():
            continue
        group, _, rest = item.partition(":")
        tags += [(group.strip(), t) for t in re.findall(r"`([a-z_]+)`", rest)]

    def column(name: str) -> list[str]:
        m = re.search(rf"^\| `{name}` \|(.*)\|\s*$", text, re.M)
        return re.findall(r"`([a-z_]+)`", m.group(1)) if m else []

    return tags, column("style"), column("region")


def count(split: str, news: Path = NEWS) -> Counts:
    c = Counts()
    for manifest in sorted((news / split).glob("*/manifest.csv")):
        with manifest.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                c.articles += 1
                c.multi_startup += row.get("multi_startup", "").strip() == "1"
                c.truncated += row.get("truncated", "").strip() == "1"
                c.traps += row.get("traps", "").strip() == "1"
                c.tags.update(set((row.get("tags") or "").split()))
                c.styles[(row.get("style") or "").strip()] += 1
                c.regions[(row.get("region") or "").strip()] += 1
    return c


def _row(label: str, values: list[int]) -> str:
    return f"| {label} | " + " | ".join(str(v) for v in values) + " |"


def render(news: Path = NEWS, readme: Path | None = None) -> str:
    """The catalogue as Markdown: one table of constructions, one of totals."""
    tags, styles, regions = vocabulary(readme or news / "README.md")
    per = [count(s, news) for s in SPLITS]
    known = {t for _, t in tags}
    lines = [
        "Articles of `tests/data/news/` holding each construction (tags of `tests/data/news/README.md`), "
        "counted from the manifests by `python scripts/corpus_catalogue.py --write`.",
        "",
        "| group | construction | tune | holdout | all |",
        "|---|---|---:|---:|---:|",
    ]
    for group, tag in tags:
        n = [c.tags[tag] for c in per]
        lines.append(f"| {group} | `{tag}` | " + " | ".join(str(v) for v in [*n, sum(n)]) + " |")
    unknown = [sum(v for t, v in c.tags.items() if t not in known) for c in per]
    if any(unknown):
        lines.append("| (other) | tags not in the README | " + " | ".join(str(v) for v in [*unknown, sum(unknown)]) + " |")
    lines += ["", "| articles | tune | holdout | all |", "|---|---:|---:|---:|"]
    totals = [
        ("articles", [c.articles for c in per]),
        ("about several startups (`multi_startup`)", [c.multi_startup for c in per]),
        ("truncated openings or headline-only (`truncated`)", [c.truncated for c in per]),
        ("with traps (`traps`)", [c.traps for c in per]),
    ]
    totals += [(f"style `{s}`", [c.styles[s] for c in per]) for s in styles]
    totals += [(f"region `{r}`", [c.regions[r] for c in per]) for r in regions]
    other_style = [sum(v for k, v in c.styles.items() if k not in styles) for c in per]
    other_region = [sum(v for k, v in c.regions.items() if k not in regions) for c in per]
    if any(other_style):
        totals.append(("style not in the README", other_style))
    if any(other_region):
        totals.append(("region not in the README", other_region))
    lines += [_row(label, [*n, sum(n)]) for label, n in totals]
    return "\n".join(lines) + "\n"


def splice(doc_text: str, table: str) -> str:
    """``doc_text`` with the text between the markers replaced by ``table``."""
    if START not in doc_text or END not in doc_text:
        raise ValueError(f"markers {START} and {END} not found")
    head, rest = doc_text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}{END}{tail}"


def documented(doc_text: str) -> str:
    """The catalogue as it stands in the document (between the markers)."""
    return doc_text.split(START, 1)[1].split(END, 1)[0].lstrip("\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help=f"update {DOC.relative_to(ROOT)} between the markers")
    ap.add_argument("--check", action="store_true", help=f"exit 1 when {DOC.relative_to(ROOT)} is out of date")
    args = ap.parse_args(argv)
    table = render()
    if args.check:
        ok = documented(DOC.read_text(encoding="utf-8")) == table
        print("catalogue up to date" if ok else "catalogue out of date: run python scripts/corpus_catalogue.py --write")
        return 0 if ok else 1
    print(table, end="")
    if args.write:
        DOC.write_text(splice(DOC.read_text(encoding="utf-8"), table), encoding="utf-8")
        print(f"written to {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
