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

from dashboard.summary import METRIC_LABELS, NOT_REPORTED, format_amount, records, sources_text
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
    "comparison_height",
    "reported_metrics",
    "timeline_figure",
    "timeline_markers",
    "company_offsets",
    "timeline_left_out",
    "message_figure",
    "Figure",
]

#: Colour-blind-safe colours (Okabe-Ito), one per company in the order chosen.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
LEADERSHIP = "Leadership changes"
_FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
_COLS = 2
COMPARISON_HEIGHT = 190 * math.ceil(len(METRICS) / _COLS) + 90  # every metric shown: the page's first paint
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


def reported_metrics(summary: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The metrics at least one of the companies has a figure for (in ``METRICS`` order), and the others.

    >>> reported_metrics(pd.DataFrame({"metric": ["burn_rate", "revenue", "burn_rate"],
    ...                                "reported": [False, False, True]}))[0]
    ['burn_rate']
    """
    if not len(summary):
        return [], list(METRICS)
    have = set(summary.loc[summary["reported"].astype(bool), "metric"])
    return [m for m in METRICS if m in have], [m for m in METRICS if m not in have]


_COMPARISON_MARGIN = {"l": 48, "r": 16, "t": 64, "b": 40}


def comparison_height(n_metrics: int) -> int:
    """Pixels for a comparison of ``n_metrics`` panels, two to a row.

    >>> comparison_height(8), comparison_height(3), comparison_height(0)
    (850, 470, 280)
    """
    return 190 * max(math.ceil(n_metrics / _COLS), 1) + 90


def comparison_figure(summary: pd.DataFrame, colors: dict[str, str]) -> Figure:
    """Side-by-side bars per metric, one small panel per metric with its own scale.

    Money and head counts never share an axis, so a $4B valuation does not flatten a head count of 6.
    Only the metrics some company has a figure for get a panel (the page lists the others in one line);
    in a panel, a company with no figure gets "not reported" where its bar would be, never a 0 figure.
    """
    records = summary.to_dict("records") if len(summary) else []
    companies = list(dict.fromkeys(r["company"] for r in records))
    if not companies:
        return message_figure("Choose companies to compare")
    shown, _ = reported_metrics(summary)
    if not shown:
        return message_figure("The news gave none of these figures for these companies", comparison_height(0))
    cells = {(r["company"], r["metric"]): r for r in records}
    rows, height = math.ceil(len(shown) / _COLS), comparison_height(len(shown))
    plot = height - _COMPARISON_MARGIN["t"] - _COMPARISON_MARGIN["b"]  # pixels of the panels and gaps
    xdom, ydom = _domains(_COLS, 0.08), list(reversed(_domains(rows, 64 / plot)))
    data: list[dict[str, Any]] = []
    layout = _layout(height, barmode="group", bargap=0.35, annotations=[], margin=dict(_COMPARISON_MARGIN),
                     legend={"orientation": "h", "yanchor": "bottom", "y": 1 + 26 / plot, "xanchor": "left", "x": 0})
    for i, metric in enumerate(shown):
        n = "" if i == 0 else str(i + 1)
        reported = [cells[(c, metric)] for c in companies if cells.get((c, metric), {}).get("reported")]
        top = max((float(r["value"]) for r in reported), default=0.0)
        for company in companies:
            if (company, metric) in cells:
                data.append(_bar(cells[(company, metric)], n, colors.get(company, PALETTE[0])))
        xd, yd = xdom[i % _COLS], ydom[i // _COLS]
        vals, texts = _nice_ticks(top, reported[0]["unit"])
        layout[f"xaxis{n}"] = {"domain": xd, "anchor": f"y{n}", "showticklabels": len(companies) <= 4,
                               "type": "category", "fixedrange": True}
        layout[f"yaxis{n}"] = {"domain": yd, "anchor": f"x{n}", "tickvals": vals, "ticktext": texts,
                               "range": [0, (top or 1) * 1.3], "gridcolor": "#e5e7eb", "zeroline": True,
                               "zerolinecolor": "#9ca3af", "fixedrange": True}
        layout["annotations"].append(
            {"text": METRIC_LABELS[metric], "showarrow": False, "xref": "paper", "yref": "paper",
             "x": sum(xd) / 2, "y": yd[1], "xanchor": "center", "yanchor": "bottom", "font": {"size": 13}}
        )
    for company in companies:  # the legend: one entry per company
        data.append({"type": "bar", "x": [None], "y": [None], "name": html.escape(company), "legendgroup": company,
                     "showlegend": True, "hoverinfo": "skip", "marker": {"color": colors.get(company, PALETTE[0])}})
    return {"data": data, "layout": layout}


def _bar(r: dict[str, Any], n: str, color: str) -> dict[str, Any]:
    """One company's bar in one metric's panel (axes ``x{n}``/``y{n}``)."""
    company, metric = r["company"], r["metric"]
    trace: dict[str, Any] = {
        "type": "bar", "x": [html.escape(company)], "xaxis": f"x{n}", "yaxis": f"y{n}", "name": html.escape(company),
        "legendgroup": company, "showlegend": False, "marker": {"color": color}, "textposition": "outside",
        "cliponaxis": False,
    }
    if not r["reported"]:
        trace.update(
            y=[0],
            text=[NOT_REPORTED],
            textfont={"color": "#6b7280", "size": 11},
            hovertemplate=f"<b>{html.escape(company)}</b><br>{METRIC_LABELS[metric]}: {NOT_REPORTED}<extra></extra>",
        )
        return trace
    detail = f"as of {r['date']}" if pd.notna(r["date"]) and r["date"] else "undated"  # (pandas keeps a missing date as NaN)
    srcs = sources_text(int(r["n_sources"]), bool(r["disagree"]))
    if r.get("flow"):
        n = int(r["n_sources"])
        detail, srcs = f"the {r['window']}", f"{n} report{'s' if n != 1 else ''} added up"
    if r["disagree"] and len(r["others"]):
        srcs += " (also: " + ", ".join(r["others"]) + ")"
    trace.update(
        y=[float(r["value"])],
        text=[html.escape(r["display"] + (" ⚠" if r["disagree"] else ""))],
        customdata=[r.get("keys") or point_key("m", r["article_id"], r["row_no"])],
        hovertemplate=(
            f"<b>{html.escape(company)}</b><br>{METRIC_LABELS[metric]}: <b>{html.escape(r['display'])}"
            f"</b><br>{html.escape(detail)} · {html.escape(srcs)}<br>{hover_quote(r.get('quote'))}"
            "<extra></extra>"
        ),
    )
    return trace


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


#: Items a timeline marker lists in its hover label (all of them open in the evidence panel on a click).
HOVER_ITEMS = 6


def company_offsets(companies: Sequence[str]) -> dict[str, float]:
    """Each company's vertical offset within a timeline row, so points of one month never hide each other.

    >>> company_offsets(["A"]), company_offsets(["A", "B"])
    ({'A': 0.0}, {'A': 0.15, 'B': -0.15})
    """
    n = len(companies)
    span = min(0.6, 0.3 * (n - 1))
    return {c: round(span / 2 - (span * i / (n - 1) if n > 1 else 0), 4) for i, c in enumerate(companies)}


def timeline_markers(items: pd.DataFrame, row_of: Any, words: Any) -> list[dict[str, Any]]:
    """One marker per company, timeline row and month: its items, oldest first, all listed.

    ``items`` has company, date, as_of, quote, article_id, row_no and ``point`` ("m" or "e"); ``row_of``
    names an item's row and ``words`` says what it is ("$8M / month", "Emad Mostaque (CEO) resigned").
    Returns dicts with company, row, day (of the marker: its oldest item's), keys (every item's point key)
    and lines (the hover label's lines).
    """
    if items.empty:
        return []
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    rows = [dict(r, day=_day(r["date"])) for r in records(items)]  # plain dicts: pandas per group
    for r in sorted((r for r in rows if r["day"]), key=lambda r: (r["day"], str(r["article_id"]), r["row_no"])):
        groups.setdefault((r["company"], row_of(r), r["day"][:7]), []).append(r)
    out = []
    for (company, row, _), recs in groups.items():
        lines = [f"<b>{html.escape(str(words(r)))}</b> ({html.escape(_when(r))})<br>{hover_quote(r['quote'])}"
                 for r in recs[:HOVER_ITEMS]]
        if len(recs) > HOVER_ITEMS:
            lines.append(f"and {len(recs) - HOVER_ITEMS} more: click for all")
        out.append({"company": company, "row": row, "day": recs[0]["day"], "n": len(recs), "lines": lines,
                    "keys": " ".join(point_key(r["point"], r["article_id"], r["row_no"]) for r in recs)})
    return out


def _when(r: dict[str, Any]) -> str:
    a = r.get("as_of")
    return str(a) if isinstance(a, str) and a else r["day"]


def timeline_figure(
    points: pd.DataFrame, events: pd.DataFrame, colors: dict[str, str], note: str | None = None
) -> Figure:
    """Every dated figure and leadership change on one time axis, a row per metric, a colour per company.

    Each company sits at its own height within a row, and a company's items of one row and month share one
    marker that lists them all (hover) and opens them all (click), so no point hides another.
    ``note`` is a line under the chart (e.g. that older points were left out).
    """
    if points.empty and events.empty:
        return message_figure("No dated figures or leadership changes for these companies yet", height=TIMELINE_HEIGHT)
    companies = list(dict.fromkeys([*points.get("company", []), *events.get("company", [])]))
    ordered = [c for c in colors if c in companies] + [c for c in companies if c not in colors]
    offset = company_offsets(ordered)
    markers = timeline_markers(points.assign(point="m"), lambda r: METRIC_LABELS.get(r["metric"], r["metric"]),
                               lambda r: r["display"])
    changes = timeline_markers(events.assign(point="e"), lambda r: LEADERSHIP,
                               lambda r: _event_words(r["person"], r["role"], r["kind"]))
    used = {m["row"] for m in markers + changes}  # a row per metric some company has a dated figure for
    rows = [r for r in [*(METRIC_LABELS[m] for m in METRICS), LEADERSHIP] if r in used]
    level = {label: len(rows) - 1 - i for i, label in enumerate(rows)}  # the first row at the top
    data: list[dict[str, Any]] = []
    for company in ordered:
        for group, symbol, size in ((markers, "circle", 11), (changes, "diamond", 13)):
            mine = [m for m in group if m["company"] == company]
            if mine:
                data.append(_timeline_trace(company, mine, level, offset[company], colors, symbol, size,
                                            legend=not any(t["legendgroup"] == company for t in data)))
    layout = _layout(
        TIMELINE_HEIGHT,
        margin={"l": 130, "r": 16, "t": 40, "b": 40},
        hovermode="closest",
        xaxis={"type": "date", "gridcolor": "#eef0f3"},
        yaxis={"tickvals": list(range(len(rows))), "ticktext": list(reversed(rows)), "range": [-0.5, len(rows) - 0.5],
               "showgrid": False, "zeroline": False, "fixedrange": True},
        shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y,
                 "line": {"color": "#eef0f3", "width": 1}, "layer": "below"} for y in range(len(rows))],
    )
    if note:
        layout["margin"]["b"] = 64
        layout["annotations"] = [{"text": html.escape(note), "showarrow": False, "xref": "paper", "yref": "paper",
                                  "x": 0, "y": -0.16, "xanchor": "left", "yanchor": "top",
                                  "font": {"size": 11, "color": "#616e7c"}}]
    return {"data": data, "layout": layout}


def _timeline_trace(company: str, markers: list[dict[str, Any]], level: dict[str, int], offset: float,
                    colors: dict[str, str], symbol: str, size: int, legend: bool) -> dict[str, Any]:
    """One company's markers of one kind (figures: circles; leadership changes: diamonds)."""
    name = html.escape(company)
    return {
        "type": "scatter",
        "mode": "markers",
        "name": name,
        "legendgroup": company,
        "showlegend": legend,
        "x": [m["day"] for m in markers],
        "y": [level[m["row"]] + offset for m in markers],
        "marker": {"color": colors.get(company, PALETTE[0]), "symbol": symbol, "opacity": 0.9,
                   "size": [size + 3 * min(m["n"] - 1, 3) for m in markers], "line": {"width": 1, "color": "white"}},
        "customdata": [m["keys"] for m in markers],
        "hovertext": [
            f"<b>{name}</b> · {html.escape(m['row'])}"
            + (f" · {m['n']} in {m['day'][:7]}" if m["n"] > 1 else "") + "<br>" + "<br>".join(m["lines"])
            for m in markers
        ],
        "hovertemplate": "%{hovertext}<extra></extra>",
    }


def _day(value: Any) -> str:
    if isinstance(value, pd.Timestamp):  # what a date column holds (NaT is no Timestamp)
        return value.date().isoformat()
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
