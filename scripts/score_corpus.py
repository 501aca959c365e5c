"""Score the extractor on folders of test articles (each with a gold.csv), like `startup-health eval`
but without a warehouse, on several folders at once.

    python scripts/score_corpus.py FOLDER... [--quiet] [--details] [--per-folder]

--quiet      only the score table (use it for the blind holdout: misses and extras would reveal it)
--details    every miss and extra (never on the holdout)
--per-folder one overall line per folder as well

Folders under tests/data/news/holdout are always scored --quiet.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import extract_article  # noqa: E402
from extract.evaluate import Report, evaluate, format_report  # noqa: E402
from extract.reading import read_article  # noqa: E402

SUFFIXES = (".txt", ".md", ".html")


def _value_text(v: float) -> str:
    v = round(float(v), 2)
    return str(int(v)) if v == int(v) else f"{v:.2f}"


def predict(folder: Path) -> list[dict[str, str]]:
    rows = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES):
        a = read_article(path)
        x = extract_article(a.text, published=a.published, title=a.title)
        for m in x.metrics:
            rows.append({"article": path.name, "company": m.company, "metric": m.metric, "value": _value_text(m.value),
                         "unit": m.unit, "qualifier": m.qualifier,
                         "period_or_asof": m.as_of.label if m.as_of else "", "evidence": m.surface})  # fmt: skip
    return rows


def gold(folder: Path) -> list[dict[str, str]]:
    with (folder / "gold.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def score(folders: list[Path]) -> tuple[Report, dict[Path, Report]]:
    all_gold, all_pred, each = [], [], {}
    for f in folders:
        g, p = gold(f), predict(f)
        each[f] = evaluate(g, p)
        all_gold += g
        all_pred += p
    return evaluate(all_gold, all_pred), each


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--per-folder", action="store_true")
    args = ap.parse_args(argv)
    quiet = args.quiet or any("holdout" in f.resolve().parts for f in args.folders)
    report, each = score(args.folders)
    text = format_report(report)
    if quiet or not args.details:
        text = text.split("\n\nmisses")[0]
    print(text)
    if args.per_folder:
        for f, r in each.items():
            o = r.overall
            print(f"  {f}: P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f} (tp {o.tp} fp {o.fp} fn {o.fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
