"""Compare predicted metric rows with gold rows: per-metric and overall precision, recall and F1.

Rows are dicts with the columns of ``seed_gold.csv``:
``article, company, metric, value, unit, qualifier, period_or_asof, evidence``.

A prediction matches a gold row when article, metric and unit are equal, the companies are the same
(case-insensitive, alias-aware: one name is a prefix of the other once corporate suffixes are dropped)
and the value is within 2 %. Each gold row is matched at most once, so a figure predicted twice in one
article counts once as a hit and once as an extra.

>>> gold = [{"article": "a.txt", "company": "Stability AI", "metric": "layoffs", "value": "20",
...          "unit": "persons"}]
>>> pred = [{"article": "a.txt", "company": "Stability", "metric": "layoffs", "value": 20.3,
...          "unit": "persons"}, {"article": "a.txt", "company": "Stability", "metric": "layoffs",
...          "value": 20, "unit": "persons"}]
>>> r = evaluate(gold, pred)
>>> (r.overall.tp, r.overall.fp, r.overall.fn)
(1, 1, 0)
>>> round(r.overall.f1, 3)
0.667
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from models.records import METRICS

__all__ = ["Score", "Report", "evaluate", "format_report", "same_company", "same_value"]

_SUFFIX = re.compile(
    r"(?:[\s,]+(?:ai|inc\.?|incorporated|labs?|ltd\.?|limited|llc|plc|corp\.?|corporation|co\.?"
    r"|company|group|holdings|technologies|global|gmbh|sa|ag))+$",
    re.IGNORECASE,
)
VALUE_TOLERANCE = 0.02


def _norm_company(name: str) -> str:
    """Lower-case, drop corporate suffixes, curly apostrophes and extra spaces.

    >>> _norm_company("Scale AI, Inc.")
    'scale'
    >>> _norm_company("Byju’s")
    "byju's"
    """
    s = " ".join(str(name).replace("’", "'").split()).strip()
    s = _SUFFIX.sub("", s).strip().lower()
    return s or " ".join(str(name).split()).lower()


def same_company(a: str, b: str) -> bool:
    """One name is a (word) prefix of the other after dropping suffixes.

    >>> same_company("Inflection AI", "inflection")
    True
    >>> same_company("Bird", "Bird Global")
    True
    >>> same_company("OpenAI", "xAI")
    False
    >>> same_company("Fast", "Fastly")
    False
    """
    x, y = _norm_company(a), _norm_company(b)
    if x == y:
        return True
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return long_.startswith(short) and not long_[len(short)].isalnum()


def same_value(gold: float, pred: float) -> bool:
    """Within 2 % of the gold value.

    >>> same_value(12750000, 12500000)
    True
    >>> same_value(200, 196)
    True
    >>> same_value(200, 195)
    False
    """
    if gold == 0:
        return pred == 0
    return abs(pred - gold) <= VALUE_TOLERANCE * abs(gold) + 1e-9


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    overall: Score = field(default_factory=Score)
    per_metric: dict[str, Score] = field(default_factory=dict)
    #: gold rows that no prediction matched
    misses: list[dict] = field(default_factory=list)
    #: predicted rows that matched no gold row
    extras: list[dict] = field(default_factory=list)
    #: (gold, predicted) pairs that matched
    matches: list[tuple[dict, dict]] = field(default_factory=list)


def _f(row: Mapping, key: str) -> str:
    v = row.get(key)
    return "" if v is None else str(v).strip()


def _value(row: Mapping) -> float | None:
    try:
        return float(str(row.get("value")).replace(",", ""))
    except (TypeError, ValueError):
        return None


def evaluate(gold_rows: Iterable[Mapping], predicted_rows: Iterable[Mapping]) -> Report:
    """Match predictions to gold rows greedily (closest value first) and score them."""
    gold = [dict(r) for r in gold_rows]
    pred = [dict(r) for r in predicted_rows]
    report = Report(per_metric={m: Score() for m in METRICS})
    used = [False] * len(gold)
    by_key: dict[tuple[str, str, str], list[int]] = {}
    for i, g in enumerate(gold):
        by_key.setdefault((_f(g, "article"), _f(g, "metric"), _f(g, "unit")), []).append(i)

    # candidate pairs, best (smallest relative error) first, so one wrong guess cannot steal a row
    pairs: list[tuple[float, int, int]] = []
    for j, p in enumerate(pred):
        pv = _value(p)
        if pv is None:
            continue
        for i in by_key.get((_f(p, "article"), _f(p, "metric"), _f(p, "unit")), []):
            gv = _value(gold[i])
            if gv is None or not same_value(gv, pv):
                continue
            if not same_company(_f(gold[i], "company"), _f(p, "company")):
                continue
            pairs.append((abs(pv - gv) / (abs(gv) or 1.0), j, i))
    pairs.sort()
    matched_pred: set[int] = set()
    for _, j, i in pairs:
        if used[i] or j in matched_pred:
            continue
        used[i] = True
        matched_pred.add(j)
        report.matches.append((gold[i], pred[j]))

    for i, g in enumerate(gold):
        score = report.per_metric.setdefault(_f(g, "metric"), Score())
        if used[i]:
            score.tp += 1
            report.overall.tp += 1
        else:
            score.fn += 1
            report.overall.fn += 1
            report.misses.append(g)
    for j, p in enumerate(pred):
        if j in matched_pred:
            continue
        report.per_metric.setdefault(_f(p, "metric"), Score()).fp += 1
        report.overall.fp += 1
        report.extras.append(p)
    return report


def _row_text(r: Mapping) -> str:
    ev = _f(r, "evidence")
    q = _f(r, "qualifier")
    per = _f(r, "period_or_asof")
    bits = [_f(r, "article"), _f(r, "company"), _f(r, "metric"), _f(r, "value"), _f(r, "unit")]
    if q:
        bits.append(q)
    if per:
        bits.append(per)
    s = " | ".join(bits)
    return f"{s} | {ev!r}" if ev else s


def format_report(report: Report) -> str:
    """A plain-text table of the scores followed by every miss and every extra."""
    lines = [f"{'metric':<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]

    def row(name: str, s: Score) -> str:
        return (
            f"{name:<18} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} "
            f"{s.tp:>4} {s.fp:>4} {s.fn:>4}"
        )

    for name in list(METRICS) + sorted(set(report.per_metric) - set(METRICS)):
        s = report.per_metric.get(name)
        if s is not None and (s.tp or s.fp or s.fn):
            lines.append(row(name, s))
    lines.append(row("overall", report.overall))
    lines.append("")
    lines.append(f"misses ({len(report.misses)}):")
    lines.extend("  - " + _row_text(r) for r in report.misses)
    lines.append(f"extras ({len(report.extras)}):")
    lines.extend("  + " + _row_text(r) for r in report.extras)
    return "\n".join(lines)
