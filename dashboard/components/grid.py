"""The evidence table: every metric row behind what is shown, paged, sorted and filtered in the warehouse.

The grid uses AG Grid's infinite row model: it asks for one page at a time with its sort and filter
models, and ``dashboard.data`` turns those into SQL. The CSV link always carries the grid's current
state, so the download holds exactly the rows the table holds.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import dash_ag_grid as dag
from dash import Dash, Input, Output, State, dcc, html, no_update

from dashboard import ids
from dashboard.data import DashboardData
from models.warehouse import WarehouseError

PAGE_SIZE = 20

_TEXT = {
    "filter": "agTextColumnFilter",
    "filterParams": {
        "filterOptions": ["contains", "notContains", "equals", "notEqual", "startsWith", "endsWith", "blank", "notBlank"],
        "maxNumConditions": 2,
        "buttons": ["reset"],
        "debounceMs": 300,
    },
}
_NUMBER = {
    "filter": "agNumberColumnFilter",
    "filterParams": {
        "filterOptions": ["equals", "notEqual", "lessThan", "lessThanOrEqual", "greaterThan",
                          "greaterThanOrEqual", "inRange", "blank", "notBlank"],
        "maxNumConditions": 2,
        "buttons": ["reset"],
        "debounceMs": 300,
    },
}

COLUMN_DEFS: list[dict[str, Any]] = [
    {"field": "company", "headerName": "Company", "width": 130, **_TEXT},
    {"field": "metric", "headerName": "Metric", "width": 140, **_TEXT},
    {"field": "figure", "colId": "figure", "headerName": "Value", "width": 120, "type": "rightAligned",
     "headerTooltip": "Filters and sorts on the value in base units (USD, persons)", **_NUMBER},
    {"field": "qualifier", "headerName": "Qualifier", "width": 105, **_TEXT},
    {"field": "as_of", "headerName": "Date", "width": 100, **_TEXT},
    {"field": "published", "headerName": "Published", "width": 115, **_TEXT},
    {"field": "quote", "headerName": "Quote", "cellRenderer": "QuoteCell", "minWidth": 280, "flex": 3,
     "cellClass": "quote-cell-wrap", **_TEXT},
    {"field": "article_title", "colId": "article", "headerName": "Article", "cellRenderer": "ArticleCell",
     "minWidth": 170, "flex": 1.3, **_TEXT},
]


def layout() -> html.Section:
    return html.Section(
        className="panel grid-panel",
        children=[
            html.Div(
                className="panel-head",
                children=[
                    html.H2("Evidence table"),
                    html.A("Download table (CSV)", id=ids.GRID_DOWNLOAD, href="", download="evidence.csv",
                           className="button"),
                ],
            ),
            html.P("The metric rows behind the figures above. Sort and filter in the column headers; "
                   "the download holds exactly the rows the table holds.", className="hint"),
            dag.AgGrid(
                id=ids.GRID,
                rowModelType="infinite",
                columnDefs=COLUMN_DEFS,
                defaultColDef={"sortable": True, "resizable": True, "suppressHeaderMenuButton": False},
                getRowId="params.data.id",
                dashGridOptions={
                    "pagination": True,
                    "paginationPageSize": PAGE_SIZE,
                    "paginationPageSizeSelector": False,
                    "cacheBlockSize": PAGE_SIZE,
                    "maxBlocksInCache": 50,
                    "rowHeight": 66,
                    "tooltipShowDelay": 400,
                    "animateRows": False,
                },
                style={"height": "640px", "width": "100%"},
            ),
            dcc.Store(id=ids.GRID_RESET),
        ],
    )


def download_href(prefix: str, companies: list[str], filter_model: Any, sort_model: Any) -> str:
    """The evidence CSV link for this grid state.

    >>> download_href("/", ["A"], {}, [])
    '/download/evidence.csv?state=%7B%22companies%22%3A+%5B%22A%22%5D%2C+%22filter%22%3A+%7B%7D%2C+%22sort%22%3A+%5B%5D%7D'
    """
    state = json.dumps({"companies": companies, "filter": filter_model or {}, "sort": sort_model or []})
    return f"{prefix}download/evidence.csv?" + urlencode({"state": state})


def register(app: Dash, data: DashboardData) -> None:
    prefix = app.config.requests_pathname_prefix or "/"

    # A new choice of companies (or a newer warehouse) empties the grid's cache; it then asks again.
    app.clientside_callback(
        """
        function(companies, version) {
            if (window.dash_ag_grid && window.dash_ag_grid.getApiAsync) {
                window.dash_ag_grid.getApiAsync('%s').then(function (api) {
                    api.purgeInfiniteCache();
                }).catch(function () {});
            }
            return [companies, version];
        }
        """ % ids.GRID,
        Output(ids.GRID_RESET, "data"),
        Input(ids.SELECTION, "data"),
        Input(ids.VERSION, "data"),
    )

    @app.callback(
        Output(ids.GRID, "getRowsResponse"),
        Output(ids.GRID_DOWNLOAD, "href"),
        Input(ids.GRID, "getRowsRequest"),
        State(ids.SELECTION, "data"),
        prevent_initial_call=True,
    )
    def rows(request: dict[str, Any] | None, companies: list[str] | None) -> tuple[Any, Any]:
        companies = list(companies or [])
        if not request:
            return no_update, download_href(prefix, companies, {}, [])
        filter_model, sort_model = request.get("filterModel") or {}, request.get("sortModel") or []
        href = download_href(prefix, companies, filter_model, sort_model)
        start, end = int(request.get("startRow") or 0), int(request.get("endRow") or PAGE_SIZE)
        try:
            page, total = data.evidence_page(companies, start, end, filter_model, sort_model)
        except WarehouseError:
            return {"rowData": [], "rowCount": 0}, href
        return {"rowData": page, "rowCount": total}, href
