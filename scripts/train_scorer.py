"""Train the company scorer (extract/rerank.py) on the tune articles and write its weights.

    python scripts/train_scorer.py [FOLDER ...] [--out PATH] [--check FOLDER ...]

FOLDER: tune folders, each with a gold.csv (default: every folder under tests/data/news/tune). Holdout
folders are refused: the holdout must stay blind.

For every figure the rules read, the gold rows of its article with the same metric and value tell which
company it belongs to; each candidate company (extract.rerank.candidates) is one example, labelled by
whether it is that company. A logistic regression (scikit-learn, deterministic: lbfgs, fixed C) learns the
weights. The margin by which another company must outscore the rules' choice is chosen on
leave-one-writer-out predictions (each writer's folder scored by a model trained on the others), so it
is set on articles the model did not see. ``--check`` prints, for other folders, how many figures the model
moves to the right and to a wrong company (counts only).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract import read_claims  # noqa: E402
from extract.document import build_document  # noqa: E402
from extract.evaluate import same_company, same_value  # noqa: E402
from extract.reading import read_article  # noqa: E402
from extract.rerank import FEATURES, MODEL_PATH, _Article, candidates  # noqa: E402

SUFFIXES = (".txt", ".md", ".html")
C = 0.5
MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6)


def examples(folder: Path) -> list[tuple[list[list[float]], list[int]]]:
    """One group per figure with a gold answer: (features of each candidate, 1 if it is the gold company)."""
    with (folder / "gold.csv").open(newline="", encoding="utf-8") as fh:
        gold = list(csv.DictReader(fh))
    out = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES):
        rows = [g for g in gold if g["article"] == path.name]
        a = read_article(path)
        doc = build_document(a.text, a.published, a.title)
        r = read_claims(doc)
        art = _Article(doc, r.names, r.discourse)
        for c in r.claims:
            if c.table or not c.company:
                continue
            values = [c.value] + ([c.alt[1]] if c.alt else [])
            match = [g for g in rows if g["metric"] == c.metric and any(same_value(float(g["value"]), v) for v in values)]
            if not match:
                continue
            cands = candidates(art, c)
            labels = [int(any(same_company(cd.key, g["company"]) for g in match)) for cd in cands]
            if len(cands) > 1 and any(labels):
                out.append(([cd.features for cd in cands], labels))
    return out


def fit(groups):
    from sklearn.linear_model import LogisticRegression

    X = [x for feats, _ in groups for x in feats]
    y = [v for _, labels in groups for v in labels]
    m = LogisticRegression(C=C, max_iter=5000, solver="lbfgs")
    m.fit(X, y)
    return m


def outcomes(model, groups, margin: float) -> tuple[int, int, int]:
    """(figures moved to the right company, moved away from the right one, moved between wrong ones)."""
    fixed = broken = other = 0
    for feats, labels in groups:
        p = model.predict_proba(feats)[:, 1]
        best = int(p.argmax())
        if best != 0 and p[best] - p[0] > margin:
            if labels[best] and not labels[0]:
                fixed += 1
            elif labels[0]:
                broken += 1
            else:
                other += 1
    return fixed, broken, other


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--check", nargs="*", type=Path, default=[])
    args = ap.parse_args(argv)
    folders = args.folders or sorted(p for p in (ROOT / "tests/data/news/tune").iterdir() if p.is_dir())
    for f in folders + args.check:
        if "holdout" in f.resolve().parts:
            print(f"error: {f}: the holdout is blind; train and check on tune folders only", file=sys.stderr)
            return 2
    data = {f: examples(f) for f in folders}
    # the margin, from leave-one-writer-out predictions
    totals = {m: [0, 0, 0] for m in MARGINS}
    for f in folders:
        model = fit([g for o, gs in data.items() if o != f for g in gs])
        for m in MARGINS:
            for i, n in enumerate(outcomes(model, data[f], m)):
                totals[m][i] += n
    for m in MARGINS:
        print(f"margin {m:.2f}: out-of-writer moves: right {totals[m][0]}, wrong {totals[m][1]}, wrong-to-wrong {totals[m][2]}")
    margin = max(MARGINS, key=lambda m: (totals[m][0] - totals[m][1], m))
    groups = [g for gs in data.values() for g in gs]
    model = fit(groups)
    n_fig = len(groups)
    right = sum(labels[0] for _, labels in groups)
    print(f"{n_fig} figures with several candidates; the rules' choice is right for {right}; margin {margin}")
    for f in args.check:
        print(f"check {f}: moves right/wrong/wrong-to-wrong {outcomes(model, examples(f), margin)}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "about": "extract/rerank.py company scorer, written by scripts/train_scorer.py; logistic regression",
        "trained_on": [str(f.relative_to(ROOT)) if f.is_absolute() else str(f) for f in folders],
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "bias": round(float(model.intercept_[0]), 6),
        "margin": margin,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
