"""`startup-health summary`: the companies side by side, worded as the dashboard words them.

Pure: the warehouse's answers in (``Warehouse.company_figures`` for the latest figures, ``models.flows``
for the flows), rows and text out. Stocks (funding, valuation, burn, headcount, revenue) are the latest
figure; flows (departed talent, layoffs) the sum over each company's 12-month window, each person or event
once ("7+ in 12 months"). The table, the CSV and the JSON hold the same rows.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

from models.flows import Flow
from models.records import METRICS
from models.wording import NOT_REPORTED, format_value

__all__ = ["SUMMARY_FIELDS", "summary_rows", "cell_text", "closest_names", "unknown_names_message"]

#: The columns of `summary --format csv` (and the keys of each JSON row).
SUMMARY_FIELDS = ["company", "metric", "figure", "value", "unit", "qualifier", "period", "sources", "articles",
                  "disagree", "quote"]


def summary_rows(
    names: Sequence[str],
    figures: Mapping[str, Mapping[str, Mapping[str, Any]]],
    flows: Mapping[str, Mapping[str, Flow]],
) -> list[dict[str, Any]]:
    """One row per company and metric, companies in the order given, metrics in ``METRICS`` order."""
    out = []
    for name in names:
        for metric in METRICS:
            fl = flows.get(name, {}).get(metric)
            f = figures.get(name, {}).get(metric)
            if fl is not None and fl.counted:
                newest = fl.newest
                out.append({"company": name, "metric": metric,
                            "figure": f"{format_value(fl.value, fl.unit, fl.qualifier)} {fl.span}",
                            "value": fl.value, "unit": fl.unit, "qualifier": fl.qualifier, "period": fl.window,
                            "sources": len(fl.counted), "articles": _articles(fl), "disagree": False,
                            "quote": newest.quote if newest else None})
            elif f:
                out.append({"company": name, "metric": metric,
                            "figure": format_value(f["value"], f["unit"], f["qualifier"]), "value": f["value"],
                            "unit": f["unit"], "qualifier": f["qualifier"], "period": f["as_of"],
                            "sources": f["sources"], "articles": f.get("articles", f["sources"]),
                            "disagree": bool(f.get("conflicting")), "quote": f["quote"]})
            else:
                out.append({"company": name, "metric": metric, "figure": NOT_REPORTED, "value": None, "unit": None,
                            "qualifier": None, "period": None, "sources": 0, "articles": 0, "disagree": False,
                            "quote": None})
    return out


def _articles(fl: Flow) -> int:
    """The articles behind a flow's counted reports (copies of a story included)."""
    return len({s.article_id for f in fl.counted for s in f.sources} or {f.article_id for f in fl.counted})


def cell_text(row: Mapping[str, Any], flow: bool) -> str:
    """A table cell: '$8M / month (1 source)', '7+ in 12 months (12 months to 2024-03-26, 2 reports)'.

    >>> cell_text({"figure": "7+ in 12 months", "period": "12 months to 2024-03-26", "sources": 2}, True)
    '7+ in 12 months (12 months to 2024-03-26, 2 reports)'
    >>> cell_text({"figure": "~$1.5B", "sources": 1, "disagree": True}, False)
    '~$1.5B (1 source, sources disagree)'
    """
    if row["figure"] == NOT_REPORTED:
        return NOT_REPORTED
    n = int(row["sources"])
    if flow:
        return f"{row['figure']} ({row['period']}, {n} report{'s' if n != 1 else ''})"
    text = f"{row['figure']} ({n} source{'s' if n != 1 else ''}"
    if int(row.get("articles") or n) > n:  # copies of one story count once (README "Independent stories")
        text += f" in {row['articles']} articles"
    return text + (", sources disagree)" if row.get("disagree") else ")")


def closest_names(name: str, known: Sequence[str], n: int = 3) -> list[str]:
    """The names of ``known`` most like ``name`` (by difflib's ratio, ignoring case), best first.

    >>> closest_names("Stabilty", ["Inflection AI", "Stability AI", "Acme"])[0]
    'Stability AI'
    """
    def ratio(k: str) -> float:
        return difflib.SequenceMatcher(None, name.casefold(), k.casefold()).ratio()

    return sorted(known, key=lambda k: (-ratio(k), k))[:n]


def unknown_names_message(unknown: Sequence[str], known: Sequence[str]) -> str:
    """One line for names the warehouse does not know, with the closest names it has.

    >>> unknown_names_message(["Nobody"], ["Stability AI"])
    'Nobody: no such company in the warehouse (closest: Stability AI)'
    >>> unknown_names_message(["X"], [])
    'X: no such company in the warehouse (it holds no company yet)'
    """
    parts = []
    for name in unknown:
        near = closest_names(name, known)
        tail = f"closest: {', '.join(near)}" if near else "it holds no company yet"
        parts.append(f"{name}: no such company in the warehouse ({tail})")
    return "; ".join(parts)
