"""The two charts: per-metric comparison (filled with the scorecards) and the timeline."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, dcc, html

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.figures import (
    COMPARISON_HEIGHT,
    TIMELINE_HEIGHT,
    company_colors,
    message_figure,
    timeline_figure,
    timeline_left_out,
)
from models.warehouse import WarehouseError

_GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def layout() -> html.Div:
    return html.Div(
        className="charts",
        children=[
            html.Section(
                className="panel chart-panel",
                children=[
                    html.H2("Comparison by metric"),
                    html.P("Each metric on its own scale. Hover a bar for its quote; click it for the evidence.",
                           className="hint"),
                    dcc.Graph(id=ids.COMPARISON, config=_GRAPH_CONFIG, figure=message_figure("Loading…"),
                              style={"height": f"{COMPARISON_HEIGHT}px"}),
                    html.P(id=ids.COMPARISON_NOTE, className="hint chart-note"),
                ],
            ),
            html.Section(
                className="panel chart-panel",
                children=[
                    html.H2("Timeline"),
                    html.P("Every dated figure and leadership change, one colour per company.", className="hint"),
                    dcc.Graph(id=ids.TIMELINE, config=_GRAPH_CONFIG, figure=message_figure("Loading…"),
                              style={"height": f"{TIMELINE_HEIGHT}px"}),
                ],
            ),
        ],
    )


def register(app: Dash, data: DashboardData) -> None:
    @app.callback(
        Output(ids.TIMELINE, "figure"),
        Input(ids.SELECTION, "data"),
        Input(ids.VERSION, "data"),
    )
    def show_timeline(companies: list[str] | None, _version: Any) -> Any:
        companies = list(companies or [])
        if not companies:
            return message_figure("Choose companies to compare")
        try:
            points, events = data.timeline(companies)
        except WarehouseError:
            return message_figure("The warehouse could not be read")
        left = timeline_left_out(points, events)
        notes = []
        if left:
            notes.append(
                f"Showing the {data.timeline_cap} newest per company and metric; {left:,} older ones are on "
                "the SQL page and in “All metrics (CSV)”."
            )
        undated = data.undated(companies)
        if undated:
            # short, so that it fits a phone's width (the comparison and the CSV hold these items)
            notes.append(f"{undated:,} undated {'item is' if undated == 1 else 'items are'} not on the time axis.")
        note = "<br>".join(notes) or None
        return timeline_figure(points, events, company_colors(companies), note)
