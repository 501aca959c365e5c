"""Side by side, per company: the figure shown for each metric, how many sources back it, and whether
sources disagree. A figure the news never gave says "not reported", never 0."""

from __future__ import annotations

from typing import Any

import pandas as pd
from dash import Dash, Input, Output, html

from dashboard import ids
from dashboard.components.empty import problem
from dashboard.data import DashboardData
from dashboard.figures import (
    comparison_figure,
    comparison_height,
    company_colors,
    message_figure,
    reported_metrics,
)
from dashboard.summary import METRIC_LABELS, NOT_REPORTED, sources_text
from models.records import METRICS
from models.warehouse import WarehouseError


def layout() -> html.Section:
    return html.Section(
        className="panel",
        children=[
            html.H2("Figures side by side"),
            html.P(
                "The latest figure the news gave for each metric; departures and layoffs added up over each "
                "company's last 12 months of news. Click a figure to see the sentences it came from.",
                className="hint",
            ),
            html.Div(id=ids.SCORECARDS, className="scorecards"),
        ],
    )


def scorecard_table(summary: pd.DataFrame, colors: dict[str, str]) -> html.Table | html.P:
    """Metrics down, companies across; every cell a figure with its sources, or "not reported"."""
    companies = list(dict.fromkeys(summary["company"])) if len(summary) else []
    if not companies:
        return html.P("Choose companies to compare.", className="hint")
    cells = {(r["company"], r["metric"]): r for r in summary.to_dict("records")}
    head = html.Thead(
        html.Tr(
            [html.Th("Metric", scope="col")]
            + [
                html.Th(
                    [html.Span(className="swatch", style={"background": colors.get(c)}), c],
                    scope="col",
                    className="company-col",
                )
                for c in companies
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [html.Th(METRIC_LABELS[m], scope="row")] + [_cell(cells.get((c, m)), c, m) for c in companies]
            )
            for m in METRICS
        ]
    )
    return html.Div(className="table-scroll", children=html.Table(className="scorecard-table", children=[head, body]))


def _cell(r: dict[str, Any] | None, company: str, metric: str) -> html.Td:
    attrs = {"data-company": company, "data-metric": metric}
    if r is None or not r["reported"]:
        return html.Td(html.Span(NOT_REPORTED, className="figure not-reported"), className="cell", **attrs)
    if r.get("flow"):  # a sum over a window: which window, and how many reports it adds up
        n = int(r["n_sources"])
        meta = [str(r["window"]), f"{n} report{'s' if n != 1 else ''}, each person or event once"]
    else:
        meta = [f"as of {r['date']}" if pd.notna(r["date"]) and r["date"] else "undated", sources_text(int(r["n_sources"]), False)]
    children: list[Any] = [
        html.Span(r["display"], className="figure"),
        html.Span(" · ".join(m for m in meta if m), className="meta"),
    ]
    if r["disagree"]:
        also = ", ".join(r["others"])
        children.append(html.Span(f"sources disagree (also {also})" if also else "sources disagree", className="badge"))
    key = r.get("keys") or f"m:{r['article_id']}:{int(r['row_no'])}"
    return html.Td(
        html.Button(children, id={"type": ids.CARD, "index": key}, className="cell-button", title="Show the evidence"),
        className="cell reported" + (" disagree" if r["disagree"] else ""),
        **attrs,
    )


def not_reported_line(summary: pd.DataFrame) -> str:
    """The metrics none of the companies has a figure for, in one line ("" when each has one).

    >>> not_reported_line(pd.DataFrame({"metric": METRICS,
    ...                                 "reported": [m not in ("layoffs", "revenue") for m in METRICS]}))
    'Not reported for these companies: Layoffs, Revenue.'
    """
    _, missing = reported_metrics(summary)
    return f"Not reported for these companies: {', '.join(METRIC_LABELS[m] for m in missing)}." if missing else ""


def register(app: Dash, data: DashboardData) -> None:
    @app.callback(
        Output(ids.SCORECARDS, "children"),
        Output(ids.COMPARISON, "figure"),
        Output(ids.COMPARISON, "style"),
        Output(ids.COMPARISON_NOTE, "children"),
        Input(ids.SELECTION, "data"),
        Input(ids.VERSION, "data"),
    )
    def show_figures(companies: list[str] | None, _version: Any) -> tuple[Any, ...]:
        companies = list(companies or [])
        small = {"height": f"{comparison_height(0)}px"}
        if not companies:
            return (html.P("Choose companies to compare.", className="hint"),
                    message_figure("Choose companies to compare"), small, "")
        try:
            summary = data.summary(companies)
        except WarehouseError as exc:
            return problem(str(exc)), message_figure("The warehouse could not be read"), small, ""
        colors = company_colors(companies)
        shown, _ = reported_metrics(summary)
        return (scorecard_table(summary, colors), comparison_figure(summary, colors),
                {"height": f"{comparison_height(len(shown))}px"}, not_reported_line(summary))
