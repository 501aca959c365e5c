"""Plotly figures as pure functions: DataFrame in, Figure out. No data access, no Dash.

Text that came from articles (quotes, company names) is HTML-escaped before it goes into hover labels,
legends and axis labels, because Plotly reads a few HTML tags in them; escaped, it shows the text as written.

Figures are built as plain Plotly JSON (dicts): ``plotly.graph_objects`` validates every property as it is
set, which costs more than the query behind a chart. The tests validate each figure with ``go.Figure``.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from dashboard.summary import METRIC_LABELS, NOT_REPORTED, format_amount, sources_text
from models.records import METRICS

__all__ = [
    "PALETTE",
    "LEADERSHIP",
    "company_colors",
    "hover_quote",
    "point_key",
    "parse_point_key",
    "parse_point_keys",
    "comparison_figure",
    "timeline_figure",
    "timeline_left_out",
    "message_figure",
    "Figure",
]

#: Colour-blind-safe colours (Okabe-Ito), one per company in the order chosen.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
LEADERSHIP = "Leadership changes"
_FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
_COLS = 2
_ROWS = math.ceil(len(METRICS) / _COLS)
COMPARISON_HEIGHT = 190 * _ROWS + 90
TIMELINE_HEIGHT = 460


def company_colors(companies: Sequence[str]) -> dict[str, str]:
    """One colour per company, stable for a given choice.

    >>> company_colors(["A", "B"])
    {'A': '#0072B2', 'B': '#E69F00'}
    """
    return {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(companies)}


def hover_quote(quote: Any, width: int = 60, limit: int = 300) -> str:
    """A quote ready for a hover label: escaped, shortened, wrapped.

    >>> hover_quote("<script>x</script> raised $3M")
    '“&lt;script&gt;x&lt;/script&gt; raised $3M”'
    """
    if not isinstance(quote, str) or not quote:
        return ""
    words = quote.split()
    text = " ".join(words)
    if len(text) > limit:
        words = text[: limit - 1].rstrip().split()
        words[-1] += "…"
    lines: list[str] = []
    line = ""
    for word in words:  # greedy wrap (textwrap is ten times slower, and a chart may hold thousands)
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "“" + "<br>".join(html.escape(part) for part in lines) + "”"


def point_key(kind: str, article_id: Any, row_no: Any) -> str:
    """What a clicked point carries: which row of ``metrics`` ("m") or ``events`` ("e") it shows.

    >>> point_key("m", "abc", 3)
    'm:abc:3'
    """
    return f"{kind}:{article_id}:{int(row_no)}"


def parse_point_key(key: Any) -> tuple[str, str, int] | None:
    """The (kind, article_id, row_no) a point carries, or None for anything else.

    >>> parse_point_key("m:abc:3")
    ('m', 'abc', 3)
    """
    if not isinstance(key, str):
        return None
    kind, _, rest = key.partition(":")
    article_id, _, row_no = rest.rpartition(":")
    if kind not in ("m", "e") or not article_id:
        return None
    try:
        return kind, article_id, int(row_no)
    except ValueError:
        return None


def parse_point_keys(keys: Any) -> list[tuple[str, str, int]]:
    """The rows a point stands for: one key, or several separated by spaces (a timeline marker holding a
    month's items, a figure summed from several reports). Malformed keys are left out.

    >>> parse_point_keys("m:abc:3 e:def:0 nonsense")
    [('m', 'abc', 3), ('e', 'def', 0)]
    """
    if not isinstance(keys, str):
        return []
    return [k for k in map(parse_point_key, keys.split()) if k is not None]


Figure = dict[str, Any]  # a Plotly figure as JSON: {"data": [...], "layout": {...}}; dcc.Graph takes it as is


def _layout(height: int | None, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "margin": {"l": 48, "r": 16, "t": 56, "b": 40},
        "font": {"family": _FONT, "size": 12, "color": "#1f2933"},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "hoverlabel": {"align": "left", "font": {"family": _FONT, "size": 12}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        "dragmode": False,
    }
    if height:
        layout["height"] = height
    layout.update(extra)
    return layout


def message_figure(message: str, height: int | None = None) -> Figure:
    """An empty figure that says why it is empty."""
    return {
        "data": [],
        "layout": _layout(
            height,
            annotations=[{"text": html.escape(message), "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper",
                          "yref": "paper", "font": {"size": 15}}],
            xaxis={"visible": False},
            yaxis={"visible": False},
        ),
    }


def _nice_ticks(top: float, unit: str | None) -> tuple[list[float], list[str]]:
    """A few readable ticks up to ``top``, labelled in the metric's own words ($1.5B, 120).

    >>> _nice_ticks(8e6, "USD/month")
    ([0, 2000000, 4000000, 6000000, 8000000], ['0', '$2M', '$4M', '$6M', '$8M'])
    """
    if top <= 0 or not math.isfinite(top):
        return [0.0], ["0"]
    exp = 10 ** math.floor(math.log10(top))
    step = next(s * exp for s in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10) if top / (s * exp) <= 4)
    vals = [i * step for i in range(int(top // step) + 1)]
    base = (unit or "").split("/")[0]
    return vals, [format_amount(v, base) if v else "0" for v in vals]


def _domains(n: int, gap: float) -> list[list[float]]:
    """``n`` equal spans of [0, 1] with ``gap`` between them."""
    size = (1 - gap * (n - 1)) / n
    return [[round(i * (size + gap), 4), round(i * (size + gap) + size, 4)] for i in range(n)]


def comparison_figure(summary: pd.DataFrame, colors: dict[str, str]) -> Figure:
    """Side-by-side bars per metric, one small panel per metric with its own scale.

    Money and head counts never share an axis, so a $4B valuation does not flatten a head count of 6.
    A metric a company has no figure for gets "not reported" where its bar would be, never a 0 figure.
    """
    records = summary.to_dict("records") if len(summary) else []
    companies = list(dict.fromkeys(r["company"] for r in records))
    if not companies:
        return message_figure("Choose companies to compare")
    cells = {(r["company"], r["metric"]): r for r in records}
    xdom, ydom = _domains(_COLS, 0.08), list(reversed(_domains(_ROWS, 0.1)))
    data: list[dict[str, Any]] = []
    layout = _layout(COMPARISON_HEIGHT, barmode="group", bargap=0.35, annotations=[])
    for i, metric in enumerate(METRICS):
        n = "" if i == 0 else str(i + 1)
        row, col = i // _COLS, i % _COLS
        reported = [cells[(c, metric)] for c in companies if cells.get((c, metric), {}).get("reported")]
        top = max((float(r["value"]) for r in reported), default=0.0)
        unit = reported[0]["unit"] if reported else None
        for company in companies:
            r = cells.get((company, metric))
            if r is None:
                continue
            color = colors.get(company, PALETTE[0])
            trace: dict[str, Any] = {
                "type": "bar",
                "x": [html.escape(company)],
                "xaxis": f"x{n}",
                "yaxis": f"y{n}",
                "name": html.escape(company),
                "legendgroup": company,
                "showlegend": False,
                "marker": {"color": color},
                "textposition": "outside",
                "cliponaxis": False,
            }
            if not r["reported"]:
                trace.update(
                    y=[0],
                    text=[NOT_REPORTED],
                    textfont={"color": "#6b7280", "size": 11},
                    hovertemplate=f"<b>{html.escape(company)}</b><br>{METRIC_LABELS[metric]}: {NOT_REPORTED}"
                    "<extra></extra>",
                )
            else:
                detail = f"as of {r['date']}" if r["date"] else "undated"
                srcs = sources_text(int(r["n_sources"]), bool(r["disagree"]))
                if r["disagree"] and len(r["others"]):
                    srcs += " (also: " + ", ".join(r["others"]) + ")"
                trace.update(
                    y=[float(r["value"])],
                    text=[html.escape(r["display"] + (" ⚠" if r["disagree"] else ""))],
                    customdata=[point_key("m", r["article_id"], r["row_no"])],
                    hovertemplate=(
                        f"<b>{html.escape(company)}</b><br>{METRIC_LABELS[metric]}: <b>{html.escape(r['display'])}"
                        f"</b><br>{html.escape(detail)} · {html.escape(srcs)}<br>{hover_quote(r.get('quote'))}"
                        "<extra></extra>"
                    ),
                )
            data.append(trace)
        vals, texts = _nice_ticks(top, unit)
        layout[f"xaxis{n}"] = {"domain": xdom[col], "anchor": f"y{n}", "showticklabels": len(companies) <= 4,
                               "type": "category", "fixedrange": True}
        layout[f"yaxis{n}"] = {"domain": ydom[row], "anchor": f"x{n}", "tickvals": vals, "ticktext": texts,
                               "range": [0, (top or 1) * 1.3], "gridcolor": "#e5e7eb", "zeroline": True,
                               "zerolinecolor": "#9ca3af", "fixedrange": True}
        layout["annotations"].append(
            {"text": METRIC_LABELS[metric], "showarrow": False, "xref": "paper", "yref": "paper",
             "x": sum(xdom[col]) / 2, "y": ydom[row][1], "xanchor": "center", "yanchor": "bottom",
             "font": {"size": 13}}
        )
    for company in companies:  # the legend: one entry per company
        data.append({"type": "bar", "x": [None], "y": [None], "name": html.escape(company), "legendgroup": company,
                     "showlegend": True, "hoverinfo": "skip", "marker": {"color": colors.get(company, PALETTE[0])}})
    return {"data": data, "layout": layout}


def timeline_left_out(points: pd.DataFrame, events: pd.DataFrame) -> int:
    """How many dated figures and changes a capped timeline leaves out (``n_dated`` against rows shown).

    >>> timeline_left_out(pd.DataFrame({"company": ["A", "A"], "metric": ["m", "m"], "n_dated": [5, 5]}),
    ...                   pd.DataFrame({"company": [], "n_dated": []}))
    3
    """
    left = 0
    for frame, keys in ((points, ["company", "metric"]), (events, ["company"])):
        if len(frame) and "n_dated" in frame.columns:
            per = frame.groupby(keys, sort=False)["n_dated"].agg(["first", "size"])
            left += int((per["first"] - per["size"]).clip(lower=0).sum())
    return left


def timeline_figure(
    points: pd.DataFrame, events: pd.DataFrame, colors: dict[str, str], note: str | None = None
) -> Figure:
    """Every dated figure and leadership change on one time axis, a row per metric, a colour per company.

    ``note`` is a line under the chart (e.g. that older points were left out).
    """
    if points.empty and events.empty:
        return message_figure("No dated figures or leadership changes for these companies yet", height=TIMELINE_HEIGHT)
    rows = [METRIC_LABELS[m] for m in METRICS] + [LEADERSHIP]
    data: list[dict[str, Any]] = []
    companies = list(dict.fromkeys([*points.get("company", []), *events.get("company", [])]))
    ordered = [c for c in colors if c in companies] + [c for c in companies if c not in colors]
    by_company_p = {c: g for c, g in points.groupby("company", sort=False)} if len(points) else {}
    by_company_e = {c: g for c, g in events.groupby("company", sort=False)} if len(events) else {}
    for company in ordered:
        color = colors.get(company, PALETTE[0])
        p = by_company_p.get(company)
        if p is not None and len(p):
            days = [_day(d) for d in p["date"]]
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": html.escape(company),
                    "legendgroup": company,
                    "x": days,
                    "y": [METRIC_LABELS.get(m, m) for m in p["metric"]],
                    "marker": {"color": color, "size": 11, "line": {"width": 1, "color": "white"}, "opacity": 0.85},
                    "customdata": [point_key("m", a, r) for a, r in zip(p["article_id"], p["row_no"])],
                    "hovertext": [
                        f"<b>{html.escape(company)}</b> · {METRIC_LABELS.get(m, m)}<br><b>{html.escape(d)}</b> "
                        f"({html.escape(str(a if isinstance(a, str) and a else day))})<br>{hover_quote(q)}"
                        for m, d, a, day, q in zip(p["metric"], p["display"], p["as_of"], days, p["quote"])
                    ],
                    "hovertemplate": "%{hovertext}<extra></extra>",
                }
            )
        e = by_company_e.get(company)
        if e is not None and len(e):
            days = [_day(d) for d in e["date"]]
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "name": html.escape(company),
                    "legendgroup": company,
                    "showlegend": p is None or not len(p),
                    "x": days,
                    "y": [LEADERSHIP] * len(e),
                    "marker": {"color": color, "size": 13, "symbol": "diamond",
                               "line": {"width": 1, "color": "white"}},
                    "customdata": [point_key("e", a, r) for a, r in zip(e["article_id"], e["row_no"])],
                    "hovertext": [
                        f"<b>{html.escape(company)}</b> · {html.escape(_event_words(per, role, kind))}<br>"
                        f"{html.escape(str(a if isinstance(a, str) and a else day))}<br>{hover_quote(q)}"
                        for per, role, kind, a, day, q in zip(e["person"], e["role"], e["kind"], e["as_of"], days,
                                                                e["quote"])
                    ],
                    "hovertemplate": "%{hovertext}<extra></extra>",
                }
            )
    layout = _layout(
        TIMELINE_HEIGHT,
        margin={"l": 130, "r": 16, "t": 40, "b": 40},
        hovermode="closest",
        xaxis={"type": "date", "gridcolor": "#eef0f3"},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": list(reversed(rows)),
               "range": [-0.5, len(rows) - 0.5], "gridcolor": "#eef0f3", "fixedrange": True},
    )
    if note:
        layout["margin"]["b"] = 64
        layout["annotations"] = [{"text": html.escape(note), "showarrow": False, "xref": "paper", "yref": "paper",
                                  "x": 0, "y": -0.16, "xanchor": "left", "yanchor": "top",
                                  "font": {"size": 11, "color": "#616e7c"}}]
    return {"data": data, "layout": layout}


def _day(value: Any) -> str:
    try:
        return pd.Timestamp(value).date().isoformat()
    except (TypeError, ValueError):
        return ""


def _event_words(person: Any, role: Any, kind: Any) -> str:
    """'Emad Mostaque (CEO) resigned'."""
    who = person if isinstance(person, str) and person else "someone"
    if isinstance(role, str) and role:
        who += f" ({role})"
    verb = {
        "resigned": "resigned",
        "departed": "left",
        "appointed": "appointed",
        "interim": "interim appointment",
        "hired_away": "hired away",
    }.get(str(kind), str(kind))
    return f"{who} {verb}"
