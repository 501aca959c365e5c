"""The evidence table: the metric rows behind what is shown, with sort, filter and paging.

For the chosen companies the grid holds their most recent figures (at most ``EVIDENCE_CAP``; the note
above the table says when there are more) and sorts, filters and pages them in the browser. "Download
table (CSV)" asks the grid for the rows it shows, in its order, and the server writes exactly those rows
with the formula-safe CSV writer.
"""

from __future__ import annotations

from typing import Any

import dash_ag_grid as dag
from dash import Dash, Input, Output, State, dcc, html, no_update

from dashboard import ids
from dashboard.components.empty import problem
from dashboard.data import DashboardData
from models.warehouse import WarehouseError

PAGE_SIZE = 20
EVIDENCE_CAP = 1_000

_TEXT = {"filter": "agTextColumnFilter", "filterParams": {"buttons": ["reset"], "debounceMs": 250}}
_NUMBER = {"filter": "agNumberColumnFilter", "filterParams": {"buttons": ["reset"], "debounceMs": 250}}

COLUMN_DEFS: list[dict[str, Any]] = [
    {"field": "company", "headerName": "Company", "width": 125, **_TEXT},
    {"field": "metric", "headerName": "Metric", "width": 135, **_TEXT},
    # sorts and filters on the value in base units; shows it the way the rest of the page words it. Cells
    # are right-aligned, the header is not: a right-aligned header puts its filter icon on the left, where
    # it reads as a column of its own.
    {"field": "value", "colId": "figure", "headerName": "Value", "width": 125, "cellClass": "ag-right-aligned-cell",
     "valueFormatter": {"function": "params.data ? params.data.figure : ''"},
     "headerTooltip": "Sorts and filters on the value in base units (USD, persons)", **_NUMBER},
    {"field": "qualifier", "headerName": "Qualifier", "width": 110, **_TEXT},
    {"field": "as_of", "headerName": "Date", "width": 95, **_TEXT},
    {"field": "published", "headerName": "Published", "width": 112, **_TEXT},
    {"field": "quote", "headerName": "Quote", "cellRenderer": "QuoteCell", "minWidth": 260, "flex": 2.6,
     "cellClass": "quote-cell-wrap", **_TEXT},
    {"field": "article_title", "colId": "article", "headerName": "Article", "cellRenderer": "ArticleCell",
     "minWidth": 210, "flex": 1.4, **_TEXT},
    # a phone's column (dashboard/assets/phone.js shows it instead of the others below 600 px): the figure,
    # the sentence around it and the article as one card
    {"field": "quote", "colId": "card", "headerName": "Figures and their sentences", "cellRenderer": "EvidenceCard",
     "flex": 1, "minWidth": 200, "autoHeight": True, "hide": True, "cellClass": "evidence-card-cell", **_TEXT},
]
#: The columns a phone does not show (the card column holds what they say).
WIDE_COLUMNS = [c.get("colId", c["field"]) for c in COLUMN_DEFS if c.get("colId") != "card"]


def layout() -> html.Section:
    return html.Section(
        className="panel grid-panel",
        children=[
            html.Div(
                className="panel-head",
                children=[
                    html.H2("Evidence table"),
                    html.Button("Download table (CSV)", id=ids.GRID_DOWNLOAD, className="button", n_clicks=0),
                ],
            ),
            html.P(
                "The metric rows behind the figures above. Sort and filter in the column headers; the download "
                "holds exactly the rows the table holds, in its order.",
                className="hint",
            ),
            html.Div(id=ids.GRID_NOTE, className="hint", role="status"),
            dag.AgGrid(
                id=ids.GRID,
                rowData=[],
                columnDefs=COLUMN_DEFS,
                defaultColDef={"sortable": True, "resizable": True},
                getRowId="params.data.id",
                dashGridOptions={
                    "pagination": True,
                    "paginationPageSize": PAGE_SIZE,
                    "paginationPageSizeSelector": False,
                    "rowHeight": 66,
                    "tooltipShowDelay": 400,
                    "animateRows": False,
                },
                style={"height": "640px", "width": "100%"},
            ),
            dcc.Store(id=ids.GRID_VIEW),
            dcc.Download(id=ids.GRID_CSV),
        ],
    )


def register(app: Dash, data: DashboardData) -> None:
    @app.callback(
        Output(ids.GRID, "rowData"),
        Output(ids.GRID_NOTE, "children"),
        Input(ids.SELECTION, "data"),
        Input(ids.VERSION, "data"),
    )
    def rows(companies: list[str] | None, _version: Any) -> tuple[Any, Any]:
        companies = list(companies or [])
        if not companies:
            return [], ""
        try:
            shown, total = data.evidence(companies, EVIDENCE_CAP)
        except WarehouseError as exc:
            return [], problem(str(exc))
        if total > len(shown):
            note = (
                f"Showing the {len(shown):,} most recent of {total:,} figures for these companies. "
                "The SQL page and “All metrics (CSV)” have every row."
            )
        else:
            note = f"{total:,} figure" + ("" if total == 1 else "s")
        return shown, note

    # The rows the grid shows, after its filters and sort, in its order: only their ids go to the server, with
    # the companies chosen (where the server looks for those rows first).
    app.clientside_callback(
        """
        function(n, companies) {
            if (!n) { return window.dash_clientside.no_update; }
            var api = window.dash_ag_grid && window.dash_ag_grid.getApi('%s');
            var ids = [];
            if (api) { api.forEachNodeAfterFilterAndSort(function (node) { if (node.data) ids.push(node.data.id); }); }
            return {n: n, ids: ids, companies: companies || []};
        }
        """ % ids.GRID,
        Output(ids.GRID_VIEW, "data"),
        Input(ids.GRID_DOWNLOAD, "n_clicks"),
        State(ids.SELECTION, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.GRID_CSV, "data"),
        Input(ids.GRID_VIEW, "data"),
        prevent_initial_call=True,
    )
    def download(view: dict[str, Any] | None) -> Any:
        if not isinstance(view, dict) or not isinstance(view.get("ids"), list):
            return no_update
        companies = view.get("companies")
        chosen = [str(c) for c in companies] if isinstance(companies, list) else []
        try:
            content = data.evidence_csv([str(i) for i in view["ids"][: EVIDENCE_CAP + 1]], chosen)
        except WarehouseError:
            return no_update
        return {"content": content, "filename": "evidence.csv", "type": "text/csv"}
