"""Plotly figures as pure functions: DataFrame in, Figure out. No data access, no Dash.

Text that came from articles (quotes, names) is HTML-escaped before it goes into hover labels, because
Plotly reads a few HTML tags in them; escaped, it shows the text as written.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.summary import METRIC_LABELS, NOT_REPORTED, format_amount, sources_text
from models.records import METRICS

__all__ = [
    "PALETTE",
    "LEADERSHIP",
    "company_colors",
    "hover_quote",
    "point_key",
    "parse_point_key",
    "comparison_figure",
    "timeline_figure",
    "message_figure",
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
    text = " ".join(quote.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    lines = textwrap.wrap(text, width) or [text]
    return "“" + "<br>".join(html.escape(line) for line in lines) + "”"


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


def _base_layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 48, "r": 16, "t": 56, "b": 40},
        font={"family": _FONT, "size": 12, "color": "#1f2933"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel={"align": "left", "font": {"family": _FONT, "size": 12}},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        dragmode=False,
    )
    return fig


def message_figure(message: str, height: int | None = None) -> go.Figure:
    """An empty figure that says why it is empty."""
    fig = go.Figure()
    fig.add_annotation(
        text=html.escape(message), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 15}
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig = _base_layout(fig, height or 320)
    if height is None:
        fig.update_layout(height=None)
    return fig


def _nice_ticks(top: float, unit: str | None) -> tuple[list[float], list[str]]:
    """Three readable ticks up to ``top`` with labels in the metric's own words ($1.5B, 120)."""
    if top <= 0 or not math.isfinite(top):
        return [0.0], ["0"]
    exp = 10 ** math.floor(math.log10(top))
    step = next(s * exp for s in (0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10) if top / (s * exp) <= 4)
    vals = [i * step for i in range(int(top // step) + 1)]
    base = (unit or "").split("/")[0]
    return vals, [format_amount(v, base) if v else "0" for v in vals]


def comparison_figure(summary: pd.DataFrame, colors: dict[str, str]) -> go.Figure:
    """Side-by-side bars per metric, one small panel per metric with its own scale.

    Money and head counts never share an axis, so a $4B valuation does not flatten a head count of 6.
    A metric a company has no figure for gets "not reported" where its bar would be.
    """
    companies = list(dict.fromkeys(summary["company"])) if len(summary) else []
    if not companies:
        return message_figure("Choose companies to compare")
    fig = make_subplots(
        rows=_ROWS,
        cols=_COLS,
        subplot_titles=[METRIC_LABELS[m] for m in METRICS],
        vertical_spacing=0.09,
        horizontal_spacing=0.08,
    )
    for i, metric in enumerate(METRICS):
        row, col = i // _COLS + 1, i % _COLS + 1
        part = summary[summary["metric"] == metric]
        reported = part[part["reported"]]
        top = float(reported["value"].max()) if len(reported) else 0.0
        unit = reported["unit"].iloc[0] if len(reported) else None
        for company in companies:
            r = part[part["company"] == company]
            if r.empty:
                continue
            r = r.iloc[0]
            if not r["reported"]:
                fig.add_trace(
                    go.Bar(
                        x=[company],
                        y=[0],
                        marker={"color": colors.get(company, PALETTE[0])},
                        name=company,
                        legendgroup=company,
                        showlegend=False,
                        text=[NOT_REPORTED],
                        textposition="outside",
                        textfont={"color": "#6b7280", "size": 11},
                        cliponaxis=False,
                        hovertemplate=f"<b>{html.escape(company)}</b><br>{METRIC_LABELS[metric]}: "
                        f"{NOT_REPORTED}<extra></extra>",
                    ),
                    row=row,
                    col=col,
                )
                continue
            detail = f"as of {r['date']}" if r["date"] else ""
            srcs = sources_text(int(r["n_sources"]), bool(r["disagree"]))
            if r["disagree"] and len(r["others"]):
                srcs += " (also: " + ", ".join(r["others"]) + ")"
            hover = (
                f"<b>{html.escape(company)}</b><br>{METRIC_LABELS[metric]}: <b>{html.escape(r['display'])}</b>"
                f"<br>{html.escape(detail)} · {html.escape(srcs)}<br>{hover_quote(r.get('quote'))}<extra></extra>"
            )
            label = r["display"] + (" ⚠" if r["disagree"] else "")
            fig.add_trace(
                go.Bar(
                    x=[company],
                    y=[float(r["value"])],
                    marker={"color": colors.get(company, PALETTE[0])},
                    name=company,
                    legendgroup=company,
                    showlegend=False,
                    text=[html.escape(label)],
                    textposition="outside",
                    cliponaxis=False,
                    customdata=[point_key("m", r["article_id"], r["row_no"])],
                    hovertemplate=hover,
                ),
                row=row,
                col=col,
            )
        vals, texts = _nice_ticks(top, unit)
        fig.update_yaxes(
            tickvals=vals,
            ticktext=texts,
            range=[0, (top or 1) * 1.3],
            gridcolor="#e5e7eb",
            zeroline=True,
            zerolinecolor="#9ca3af",
            row=row,
            col=col,
        )
        fig.update_xaxes(showticklabels=len(companies) <= 4, row=row, col=col)
    for company in companies:  # legend: one entry per company
        fig.add_trace(
            go.Bar(x=[None], y=[None], name=company, marker={"color": colors.get(company, PALETTE[0])},
                   legendgroup=company, showlegend=True, hoverinfo="skip"),
            row=1,
            col=1,
        )
    fig.update_annotations(font={"size": 13})
    fig.update_layout(barmode="group", bargap=0.35)
    return _base_layout(fig, COMPARISON_HEIGHT)


def timeline_figure(points: pd.DataFrame, events: pd.DataFrame, colors: dict[str, str]) -> go.Figure:
    """Every dated figure and leadership change on one time axis, a row per metric, a colour per company."""
    if points.empty and events.empty:
        return message_figure("No dated figures or leadership changes for these companies yet", height=TIMELINE_HEIGHT)
    rows = [METRIC_LABELS[m] for m in METRICS] + [LEADERSHIP]
    fig = go.Figure()
    companies = list(dict.fromkeys([*points.get("company", []), *events.get("company", [])]))
    ordered = [c for c in colors if c in companies] + [c for c in companies if c not in colors]
    for company in ordered:
        color = colors.get(company, PALETTE[0])
        p = points[points["company"] == company] if len(points) else points
        if len(p):
            hover = [
                f"<b>{html.escape(company)}</b> · {METRIC_LABELS.get(m, m)}<br><b>{html.escape(d)}</b> "
                f"({html.escape(str(a or _day(dt)))})<br>{hover_quote(q)}"
                for m, d, a, dt, q in zip(p["metric"], p["display"], p["as_of"], p["date"], p["quote"])
            ]
            fig.add_trace(
                go.Scatter(
                    x=pd.to_datetime(p["date"]),
                    y=[METRIC_LABELS.get(m, m) for m in p["metric"]],
                    mode="markers",
                    name=company,
                    legendgroup=company,
                    marker={"color": color, "size": 11, "line": {"width": 1, "color": "white"}, "opacity": 0.85},
                    customdata=[point_key("m", a, r) for a, r in zip(p["article_id"], p["row_no"])],
                    hovertext=hover,
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )
        e = events[events["company"] == company] if len(events) else events
        if len(e):
            hover = [
                f"<b>{html.escape(company)}</b> · {html.escape(_event_words(per, role, kind))}<br>"
                f"{html.escape(str(a or _day(dt)))}<br>{hover_quote(q)}"
                for per, role, kind, a, dt, q in zip(e["person"], e["role"], e["kind"], e["as_of"], e["date"], e["quote"])
            ]
            fig.add_trace(
                go.Scatter(
                    x=pd.to_datetime(e["date"]),
                    y=[LEADERSHIP] * len(e),
                    mode="markers",
                    name=company,
                    legendgroup=company,
                    showlegend=not len(p),
                    marker={"color": color, "size": 13, "symbol": "diamond", "line": {"width": 1, "color": "white"}},
                    customdata=[point_key("e", a, r) for a, r in zip(e["article_id"], e["row_no"])],
                    hovertext=hover,
                    hovertemplate="%{hovertext}<extra></extra>",
                )
            )
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(rows)), range=[-0.5, len(rows) - 0.5],
                     gridcolor="#eef0f3")
    fig.update_xaxes(type="date", gridcolor="#eef0f3")
    fig = _base_layout(fig, TIMELINE_HEIGHT)
    fig.update_layout(margin={"l": 130, "r": 16, "t": 40, "b": 40}, hovermode="closest")
    return fig


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
