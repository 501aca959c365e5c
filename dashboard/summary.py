"""What the dashboard says about a company: the figure it shows per metric, and how it words it.

Pure functions over DataFrames, no I/O. ``summarise`` picks, per company and metric, the latest figure
(by the date it refers to, then the date it was published), counts the articles that back the same value
(within 2 %), and flags the metric when other sources give a different value for the same period.
``format_value`` writes a figure the way a reader expects it: ``$8M / month``, ``~$1.5B``, ``6+``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np
import pandas as pd

from models.records import METRICS

__all__ = [
    "METRIC_LABELS",
    "MONEY_METRICS",
    "COUNT_METRICS",
    "AGREE_TOLERANCE",
    "NOT_REPORTED",
    "SUMMARY_COLUMNS",
    "format_value",
    "format_amount",
    "figure_interval",
    "summarise",
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
#: Two figures within this relative distance are the same figure.
AGREE_TOLERANCE = 0.02
#: What a figure the news never gave is called. Never 0.
NOT_REPORTED = "not reported"
#: An undated figure is taken to describe the weeks before its article was published.
UNDATED_WINDOW = timedelta(days=30)
#: How many disagreeing values a summary lists (most-cited first).
MAX_OTHERS = 5

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))

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
]


def _number(x: float) -> str:
    """A short number: at most two decimals, no trailing zeros.

    >>> _number(8.0), _number(1.5), _number(1.234), _number(12.0)
    ('8', '1.5', '1.23', '12')
    """
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text or "0"


def format_amount(value: float, unit: str) -> str:
    """The figure alone, without its qualifier.

    >>> format_amount(8_000_000, "USD/month"), format_amount(1.5e9, "USD"), format_amount(2.3e8, "EUR")
    ('$8M / month', '$1.5B', '€230M')
    >>> format_amount(1200, "persons"), format_amount(450_000, "GBP")
    ('1,200', '£450K')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NOT_REPORTED
    base, _, per = (unit or "").partition("/")
    if base in _SYMBOLS:
        sign = "-" if value < 0 else ""
        mag = abs(value)
        for scale, suffix in _SCALES:
            if mag >= scale:
                text = f"{sign}{_SYMBOLS[base]}{_number(mag / scale)}{suffix}"
                break
        else:
            text = f"{sign}{_SYMBOLS[base]}{_number(mag)}"
        return f"{text} / {per}" if per else text
    if float(value).is_integer():
        return f"{int(value):,}"
    return _number(float(value))


def format_value(value: float, unit: str, qualifier: str = "exact", high: float | None = None) -> str:
    """A figure worded with its qualifier; ``high`` is the top of a range whose bottom is ``value``.

    >>> format_value(8e6, "USD/month", "approx"), format_value(6, "persons", "at_least")
    ('~$8M / month', '6+')
    >>> format_value(1.5e9, "USD", "exact"), format_value(5e6, "USD", "at_most")
    ('$1.5B', 'up to $5M')
    >>> format_value(1e9, "USD", "range_low", high=2e9)
    '$1B–$2B'
    """
    amount = format_amount(value, unit)
    if amount == NOT_REPORTED:
        return amount
    if qualifier == "approx":
        return f"~{amount}"
    if qualifier in ("at_least", "range_low"):
        if high is not None:
            return f"{amount}–{format_amount(high, unit)}"
        return _plus(amount)
    if qualifier in ("at_most", "range_high"):
        return f"up to {amount}"
    return amount


def _plus(amount: str) -> str:
    """'6' -> '6+'; '$8M / month' -> '$8M+ / month'."""
    head, sep, tail = amount.partition(" / ")
    return f"{head}+{sep}{tail}"


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


@dataclass(frozen=True, slots=True)
class _Pick:
    index: Any
    n_sources: int


def _periods(g: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Start and end of the time each row describes; undated rows describe the weeks before publication."""
    published = pd.to_datetime(g["published"])
    start = pd.to_datetime(g["as_of_start"]).fillna(published - UNDATED_WINDOW)
    end = pd.to_datetime(g["as_of_end"]).fillna(published)
    return start, end


def _support(g: pd.DataFrame, pos: int) -> int:
    """Distinct articles giving the same value (within the tolerance, same unit) as row ``pos``."""
    values = g["value"].to_numpy(dtype=float)
    v = values[pos]
    scale = np.maximum(np.abs(values), abs(v))
    same = (g["unit"].to_numpy() == g["unit"].iloc[pos]) & (
        (scale == 0) | (np.abs(values - v) <= AGREE_TOLERANCE * scale)
    )
    return int(pd.unique(g["article_id"].to_numpy()[same]).size)


def _pick_latest(g: pd.DataFrame) -> _Pick:
    """The row shown for one company and metric, with the number of articles backing its value.

    Latest by the date the figure refers to (the publication date when it has none), then by publication
    date; among figures as recent as each other, the one more articles back, then the larger.
    """
    published = pd.to_datetime(g["published"]).to_numpy()
    when = pd.to_datetime(g["as_of_start"]).fillna(pd.to_datetime(g["published"])).to_numpy()
    order = pd.DataFrame({"when": when, "published": published, "pos": np.arange(len(g))}).sort_values(
        ["when", "published"], ascending=False, na_position="last", kind="stable"
    )
    top = order.iloc[0]
    same_when = order["when"].isna() if pd.isna(top["when"]) else order["when"] == top["when"]
    same_pub = order["published"].isna() if pd.isna(top["published"]) else order["published"] == top["published"]
    tied = [int(p) for p in order.loc[same_when & same_pub, "pos"]]
    values = g["value"].to_numpy(dtype=float)
    supports = {p: _support(g, p) for p in tied}
    best = max(tied, key=lambda p: (supports[p], values[p], -p))
    return _Pick(g.index[best], supports[best])


def summarise(rows: pd.DataFrame, companies: Sequence[str]) -> pd.DataFrame:
    """One row per (company, metric), in the order given and in ``METRICS`` order.

    ``rows`` needs the columns company, metric, value, unit, qualifier, as_of, as_of_start, as_of_end,
    published, article_id, row_no (a slice of the ``metrics`` view). A metric with no row is
    ``reported=False`` and displays "not reported".
    """
    out: list[dict[str, Any]] = []
    groups = {key: g for key, g in rows.groupby(["company", "metric"], sort=False)} if len(rows) else {}
    for company in companies:
        for metric in METRICS:
            g = groups.get((company, metric))
            if g is None or g.empty:
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
                    }
                )
                continue
            out.append(_summarise_one(company, metric, g))
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)


def _summarise_one(company: str, metric: str, g: pd.DataFrame) -> dict[str, Any]:
    pick = _pick_latest(g)
    row = g.loc[pick.index]
    value, unit, qualifier = float(row["value"]), str(row["unit"]), str(row["qualifier"])
    # the other end of a range given in the same article
    high = None
    partner_idx = None
    if qualifier in ("range_low", "range_high"):
        other_q = "range_high" if qualifier == "range_low" else "range_low"
        partner = g[(g["article_id"] == row["article_id"]) & (g["qualifier"] == other_q) & (g["unit"] == unit)]
        if not partner.empty:
            partner_idx = partner.index[0]
            pv = float(partner.iloc[0]["value"])
            value, high = (value, pv) if qualifier == "range_low" else (pv, value)
            qualifier = "range_low"
    display = format_value(value, unit, qualifier, high=high)
    # disagreement: another figure for an overlapping period that cannot be the same figure
    start, end = _periods(g)
    s0, e0 = start.loc[pick.index], end.loc[pick.index]
    if high is not None:
        lo, hi = value * (1 - AGREE_TOLERANCE), high * (1 + AGREE_TOLERANCE)
    else:
        lo, hi = figure_interval(value, qualifier)
    quals = g["qualifier"].to_numpy().astype(str)
    vals = g["value"].to_numpy(dtype=float)
    los = vals * (1 - AGREE_TOLERANCE)
    his = vals * (1 + AGREE_TOLERANCE)
    los, his = np.minimum(los, his), np.maximum(los, his)
    open_top = np.isin(quals, ("at_least", "range_low"))
    open_bottom = np.isin(quals, ("at_most", "range_high"))
    his = np.where(open_top, np.inf, his)
    los = np.where(open_bottom, -np.inf, los)
    same_article_range = (g["article_id"].to_numpy() == row["article_id"]) & np.isin(
        quals, ("range_low", "range_high")
    )
    # a figure with no date at all (none in the text, none for the article) may be about any period
    undated = (start.isna() | end.isna()).to_numpy()
    if pd.isna(s0) or pd.isna(e0):
        overlap = np.ones(len(g), dtype=bool)
    else:
        overlap = undated | ((start <= e0).to_numpy() & (end >= s0).to_numpy())
    conflict = (
        (g.index != pick.index)
        & (g.index != partner_idx)
        & (g["unit"].to_numpy() == unit)
        & ~same_article_range
        & overlap
        & ((his < lo) | (los > hi))
    )
    ranked: list[str] = []
    if conflict.any():
        seen = pd.DataFrame(
            {"v": vals[conflict], "q": quals[conflict], "a": g["article_id"].to_numpy()[conflict]}
        )
        counts = seen.groupby(["v", "q"], sort=True)["a"].nunique()
        counts = counts.sort_values(ascending=False, kind="stable")
        for v, q in counts.index:
            text = format_value(float(v), unit, str(q))
            if text not in ranked:
                ranked.append(text)
            if len(ranked) >= MAX_OTHERS:
                break
    date = row["as_of"] if isinstance(row["as_of"], str) and row["as_of"] else None
    published = row["published"]
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
        "date": date or (pd.Timestamp(published).date().isoformat() if not pd.isna(published) else None),
        "n_sources": pick.n_sources,
        "disagree": bool(conflict.any()),
        "others": ranked,
        "article_id": str(row["article_id"]),
        "row_no": int(row["row_no"]),
    }
