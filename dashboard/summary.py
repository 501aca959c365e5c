"""What the dashboard says about a company: the figure it shows per metric, and how it words it.

Pure functions over DataFrames, no I/O. ``summarise`` picks, per company and metric, the latest figure
(by the date it refers to, then the date it was published), counts the articles that back the same value
(within 2 %), and flags the metric when other sources give a different value for the same period.
``format_value`` writes a figure the way a reader expects it: ``$8M / month``, ``~$1.5B``, ``6+``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from models.figures import AGREE_TOLERANCE, UNDATED_WINDOW
from models.flows import Flow
from models.records import METRICS
from models.wording import NOT_REPORTED, format_amount, format_value

__all__ = [
    "METRIC_LABELS",
    "MONEY_METRICS",
    "COUNT_METRICS",
    "AGREE_TOLERANCE",
    "NOT_REPORTED",
    "UNDATED_WINDOW",
    "SUMMARY_COLUMNS",
    "format_value",
    "format_amount",
    "figure_interval",
    "summarise",
    "with_flows",
    "records",
    "sources_text",
]

METRIC_LABELS: dict[str, str] = {
    "funding_raised": "Funding raised",
    "valuation": "Latest valuation",
    "valuation_target": "Valuation sought",
    "burn_rate": "Monthly burn",
    "departed_talent": "Departed talent",
    "layoffs": "Layoffs",
    "headcount": "Headcount",
    "revenue": "Revenue",
}
MONEY_METRICS: tuple[str, ...] = ("funding_raised", "valuation", "valuation_target", "burn_rate", "revenue")
COUNT_METRICS: tuple[str, ...] = ("departed_talent", "layoffs", "headcount")
#: How many disagreeing values a summary lists (most-cited first).
MAX_OTHERS = 5


SUMMARY_COLUMNS = [
    "company",
    "metric",
    "label",
    "reported",
    "value",
    "unit",
    "qualifier",
    "display",
    "as_of",
    "date",
    "n_sources",
    "disagree",
    "others",
    "article_id",
    "row_no",
    "keys",  # the point keys of the rows behind the figure ("m:article:row ..."): one, or a flow's parts
    "flow",  # a sum over a window (departures, layoffs), not a latest figure
    "window",  # a flow's window: "12 months to 2024-03-26"
]


def figure_interval(value: float, qualifier: str) -> tuple[float, float]:
    """The values a figure allows, with the agreement tolerance: 'more than 6' allows 6 and up.

    >>> figure_interval(100, "exact")
    (98.0, 102.0)
    >>> figure_interval(6, "at_least")[1]
    inf
    """
    lo, hi = sorted((value * (1 - AGREE_TOLERANCE), value * (1 + AGREE_TOLERANCE)))
    if qualifier in ("at_least", "range_low"):
        return lo, math.inf
    if qualifier in ("at_most", "range_high"):
        return -math.inf, hi
    return lo, hi


def _agrees(a: float, b: float) -> bool:
    scale = max(abs(a), abs(b))
    return scale == 0 or abs(a - b) <= AGREE_TOLERANCE * scale


def sources_text(n_sources: int, disagree: bool) -> str:
    """'2 sources', '1 source · sources disagree'."""
    if n_sources <= 0:
        return ""
    text = f"{n_sources} source" + ("" if n_sources == 1 else "s")
    return text + (" · sources disagree" if disagree else "")


class _Rows:
    """The columns ``summarise`` reads, as plain numpy arrays (pandas per-group operations cost more than
    the whole decision)."""

    def __init__(self, rows: pd.DataFrame) -> None:
        def dates(col: str) -> np.ndarray:
            return pd.to_datetime(rows[col]).to_numpy(dtype="datetime64[ns]")

        self.company = rows["company"].to_numpy(dtype=object)
        self.metric = rows["metric"].to_numpy(dtype=object)
        self.value = rows["value"].to_numpy(dtype=float)
        self.unit = rows["unit"].to_numpy(dtype=object)
        self.qualifier = rows["qualifier"].to_numpy(dtype=object)
        self.as_of = rows["as_of"].to_numpy(dtype=object)
        self.article = rows["article_id"].to_numpy(dtype=object)
        #: the independent story of each row's article (``article_stories``): what a source is
        self.story = rows["story_id"].to_numpy(dtype=object) if "story_id" in rows.columns else self.article
        self.row_no = rows["row_no"].to_numpy()
        self.published = dates("published")
        start, end = dates("as_of_start"), dates("as_of_end")
        #: the date a figure refers to, for "latest": its period's start, else its article's date
        self.when = np.where(np.isnat(start), self.published, start)
        #: the time it describes; an undated figure describes the weeks before its article was published
        self.start = np.where(np.isnat(start), self.published - np.timedelta64(UNDATED_WINDOW), start)
        self.end = np.where(np.isnat(end), self.published, end)
        self.n_agree = rows["n_agree"].to_numpy(dtype=float) if "n_agree" in rows.columns else None

    def groups(self) -> dict[tuple[str, str], np.ndarray]:
        out: dict[tuple[str, str], list[int]] = {}
        for i, key in enumerate(zip(self.company, self.metric)):
            out.setdefault(key, []).append(i)
        return {k: np.asarray(v) for k, v in out.items()}


def _support(r: _Rows, idx: np.ndarray, p: int) -> int:
    """Distinct independent stories giving the same value (within the tolerance, same unit) as row ``p``.

    A row may bring this count along (``n_agree``, counted by the warehouse over rows not passed in).
    """
    if r.n_agree is not None and not np.isnan(r.n_agree[p]):
        return int(r.n_agree[p])
    values = r.value[idx]
    scale = np.maximum(np.abs(values), abs(r.value[p]))
    same = (r.unit[idx] == r.unit[p]) & ((scale == 0) | (np.abs(values - r.value[p]) <= AGREE_TOLERANCE * scale))
    return len(set(r.story[idx][same]))


def _latest(dates: np.ndarray) -> np.ndarray:
    """Which of ``dates`` are the latest (all the missing ones when none is known)."""
    known = ~np.isnat(dates)
    if not known.any():
        return ~known
    return known & (dates == dates[known].max())


def _pick_latest(r: _Rows, idx: np.ndarray) -> tuple[int, int]:
    """The row shown for one company and metric, and the number of articles backing its value.

    Latest by the date the figure refers to (the publication date when it has none), then by publication
    date; among figures as recent as each other, the one more articles back, then the larger.
    """
    tied = idx[_latest(r.when[idx])]
    tied = tied[_latest(r.published[tied])]
    supports = {int(p): _support(r, idx, int(p)) for p in tied}
    best = max(supports, key=lambda p: (supports[p], r.value[p], -p))
    return best, supports[best]


def summarise(rows: pd.DataFrame, companies: Sequence[str]) -> pd.DataFrame:
    """One row per (company, metric), in the order given and in ``METRICS`` order.

    ``rows`` needs the columns company, metric, value, unit, qualifier, as_of, as_of_start, as_of_end,
    published, article_id, row_no (a slice of the ``metrics`` view). A metric with no row is
    ``reported=False`` and displays "not reported".
    """
    out: list[dict[str, Any]] = []
    r = _Rows(rows) if len(rows) else None
    groups = r.groups() if r is not None else {}
    for company in companies:
        for metric in METRICS:
            idx = groups.get((company, metric))
            if r is None or idx is None:
                out.append(
                    {
                        "company": company,
                        "metric": metric,
                        "label": METRIC_LABELS[metric],
                        "reported": False,
                        "value": math.nan,
                        "unit": None,
                        "qualifier": None,
                        "display": NOT_REPORTED,
                        "as_of": None,
                        "date": None,
                        "n_sources": 0,
                        "disagree": False,
                        "others": [],
                        "article_id": None,
                        "row_no": None,
                        "keys": None,
                        "flow": False,
                        "window": None,
                    }
                )
                continue
            out.append(_summarise_one(company, metric, r, idx))
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)


def _summarise_one(company: str, metric: str, r: _Rows, idx: np.ndarray) -> dict[str, Any]:
    p, n_sources = _pick_latest(r, idx)
    value, unit, qualifier = float(r.value[p]), str(r.unit[p]), str(r.qualifier[p])
    article = r.article[p]
    quals = r.qualifier[idx].astype(str)
    # the other end of a range given in the same article
    high = None
    partner = -1
    if qualifier in ("range_low", "range_high"):
        other_q = "range_high" if qualifier == "range_low" else "range_low"
        match = idx[(r.article[idx] == article) & (quals == other_q) & (r.unit[idx] == unit)]
        if len(match):
            partner = int(match[0])
            pv = float(r.value[partner])
            value, high = (value, pv) if qualifier == "range_low" else (pv, value)
            qualifier = "range_low"
    display = format_value(value, unit, qualifier, high=high)
    # disagreement: another figure for an overlapping period that cannot be the same figure
    if high is not None:
        lo, hi = value * (1 - AGREE_TOLERANCE), high * (1 + AGREE_TOLERANCE)
    else:
        lo, hi = figure_interval(value, qualifier)
    vals = r.value[idx]
    los = np.minimum(vals * (1 - AGREE_TOLERANCE), vals * (1 + AGREE_TOLERANCE))
    his = np.maximum(vals * (1 - AGREE_TOLERANCE), vals * (1 + AGREE_TOLERANCE))
    his = np.where(np.isin(quals, ("at_least", "range_low")), np.inf, his)
    los = np.where(np.isin(quals, ("at_most", "range_high")), -np.inf, los)
    same_article_range = (r.article[idx] == article) & np.isin(quals, ("range_low", "range_high"))
    start, end = r.start[idx], r.end[idx]
    s0, e0 = r.start[p], r.end[p]
    # a figure with no date at all (none in the text, none for the article) may be about any period
    if np.isnat(s0) or np.isnat(e0):
        overlap = np.ones(len(idx), dtype=bool)
    else:
        overlap = np.isnat(start) | np.isnat(end) | ((start <= e0) & (end >= s0))
    conflict = (
        (idx != p)
        & (idx != partner)
        & (r.unit[idx] == unit)
        & ~same_article_range
        & overlap
        & ((his < lo) | (los > hi))
    )
    ranked: list[str] = []
    if conflict.any():
        counts: dict[tuple[float, str], set[Any]] = {}
        for v, q, a in zip(vals[conflict], quals[conflict], r.article[idx][conflict], strict=True):
            counts.setdefault((float(v), str(q)), set()).add(a)
        for v, q in sorted(counts, key=lambda k: (-len(counts[k]), k)):
            text = format_value(v, unit, q)
            if text not in ranked:
                ranked.append(text)
            if len(ranked) >= MAX_OTHERS:
                break
    as_of = r.as_of[p]
    date = as_of if isinstance(as_of, str) and as_of else None
    published = r.published[p]
    return {
        "company": company,
        "metric": metric,
        "label": METRIC_LABELS[metric],
        "reported": True,
        "value": value,
        "unit": unit,
        "qualifier": qualifier,
        "display": display,
        "as_of": date,
        "date": date or (str(published.astype("datetime64[D]")) if not np.isnat(published) else None),
        "n_sources": n_sources,
        "disagree": bool(conflict.any()),
        "others": ranked,
        "article_id": str(article),
        "row_no": int(r.row_no[p]),
        "keys": f"m:{article}:{int(r.row_no[p])}",
        "flow": False,
        "window": None,
    }


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows as dicts, as ``DataFrame.to_dict("records")`` gives them, built column by column (to_dict
    takes a text column's cells one by one, which cost as much as the query behind a timeline).

    >>> records(pd.DataFrame({"a": ["x", "y"], "n": [1, 2]}))
    [{'a': 'x', 'n': 1}, {'a': 'y', 'n': 2}]
    """
    columns = list(frame.columns)
    return [dict(zip(columns, row)) for row in zip(*(frame[c].tolist() for c in columns))]


def with_flows(summary: pd.DataFrame, flows_by_company: dict[str, dict[str, Flow]]) -> pd.DataFrame:
    """The summary with each flow metric (``models.flows.FLOW_METRICS``) as its sum over the window rather
    than its latest figure: "7+ in 12 months", the window, the number of reports counted, and the keys of
    every row behind them (the evidence of a click). Other rows keep their one key.

    Works on plain records and builds the frame once, as ``summarise`` does (cell by cell in pandas this
    cost more than the query behind it).
    """
    records = summary.to_dict("records")
    changed = False
    for r in records:
        fl = flows_by_company.get(r["company"], {}).get(r["metric"])
        if fl is not None and fl.counted:
            _flow_record(r, fl)
            changed = True
    if not changed:
        return summary.copy()
    columns = {c: [r[c] for r in records] for c in summary.columns}
    return pd.DataFrame({c: pd.Series(v, index=summary.index, dtype=summary[c].dtype) for c, v in columns.items()})


def _flow_record(r: dict[str, Any], fl: Flow) -> None:
    """Turn a summary record into its flow's: the sum, its window, the reports counted and their keys."""
    newest = fl.newest
    assert newest is not None
    sources = [(s.article_id, s.row_no) for f in fl.counted for s in (f.sources or ())]
    sources = sources or [(f.article_id, f.row_no) for f in fl.counted]
    r.update(
        keys=" ".join(dict.fromkeys(f"m:{a}:{n}" for a, n in sources)), window=fl.window, flow=True,
        value=fl.value, unit=fl.unit, qualifier=fl.qualifier, as_of=None, date=fl.window,
        article_id=newest.article_id, row_no=newest.row_no,
        display=f"{format_value(fl.value, fl.unit, fl.qualifier)} {fl.span}",
        reported=True, n_sources=len(fl.counted), disagree=False, others=[],
    )
    if "quote" in r:
        r["quote"] = newest.quote
