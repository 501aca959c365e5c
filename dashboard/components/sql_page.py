"""The SQL page: ad hoc questions to the warehouse, typed by a user and so run untrusted.

One SELECT over the warehouse's tables and views, run in the warehouse's sandbox
(``Warehouse.run_untrusted``: no files, no machine settings, limits on time, memory, rows and answer size);
every refusal or limit is a message on the page saying which.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_ag_grid as dag
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.data import EXAMPLE_QUERIES, DashboardData, SqlAnswer
from models.warehouse import Limits, WarehouseError


def layout(limits: Limits) -> html.Section:
    def codes(names: list[str]) -> list[Any]:
        out: list[Any] = []
        for i, name in enumerate(names):
            out += [", " if 0 < i < len(names) - 1 else " and " if i else "", html.Code(name)]
        return out

    return html.Section(
        className="panel sql-panel",
        children=[
            html.H2("Ask the warehouse in SQL"),
            html.P(
                [
                    "One SELECT at a time over the views ",
                    *codes(["metrics", "events", "facts", "fact_sources"]),
                    " and the tables ",
                    *codes(["articles", "companies", "company_aliases", "metric_rows", "event_rows"]),
                    f". Read-only, no files; queries stop after {limits.timeout_s:g} s or {limits.memory_mb:,} MB of "
                    f"memory and show at most {limits.max_rows:,} rows and {limits.max_bytes:,} characters.",
                ],
                className="hint",
            ),
            html.Div(
                className="examples",
                children=[html.Span("Start from: ", className="examples-label")]
                + [
                    html.Button(title, id={"type": ids.SQL_EXAMPLES, "index": i}, className="chip", n_clicks=0)
                    for i, (title, _) in enumerate(EXAMPLE_QUERIES)
                ],
            ),
            dcc.Textarea(
                id=ids.SQL_TEXT,
                value=EXAMPLE_QUERIES[0][1],
                className="sql-text",
                spellCheck="false",
                title="SQL query",
            ),
            html.Div(
                className="sql-actions",
                children=[
                    html.Button("Run query", id=ids.SQL_RUN, className="button primary", n_clicks=0),
                    html.Button("Download result (CSV)", id=ids.SQL_DOWNLOAD_BUTTON, className="button", n_clicks=0),
                    dcc.Download(id=ids.SQL_DOWNLOAD),
                ],
            ),
            dcc.Loading(html.Div(id=ids.SQL_MESSAGE, className="sql-message", role="status"), type="dot"),
            dag.AgGrid(
                id=ids.SQL_GRID,
                rowData=[],
                columnDefs=[],
                defaultColDef={"sortable": True, "filter": True, "resizable": True, "minWidth": 110},
                dashGridOptions={"pagination": True, "paginationPageSize": 25,
                                 "paginationPageSizeSelector": False, "animateRows": False,
                                 "enableCellTextSelection": True,
                                 "noRowsOverlayComponent": "MessageOverlay",
                                 "noRowsOverlayComponentParams": {
                                     "message": "No rows to show: run a query, or change it if it found nothing."}},
                style={"height": "560px", "width": "100%"},
            ),
        ],
    )


def cell_type(values: Sequence[Any]) -> str:
    """AG Grid's data type for a column of JSON values: stated, never inferred from the first row.

    >>> cell_type([1, 2.5, None]), cell_type(["x", 1]), cell_type([True, None]), cell_type([None])
    ('number', 'text', 'boolean', 'text')
    """
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "number"
    return "text"


def grid_columns(answer: SqlAnswer, run: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Column definitions and rows for one answer, with field names no earlier answer used.

    AG Grid keeps a column's state (its data type among it) across answers while its field stays the same,
    so a text answer after a number one showed "Invalid Number"; fields named per run start afresh.
    Field names are by position: a column's name may hold dots or spaces, which AG Grid reads as paths.
    """
    fields = [f"{run}c{i}" for i in range(len(answer.columns))]
    rows = [{f: r[c] for f, c in zip(fields, answer.columns)} for r in answer.rows]
    defs = []
    for f, c in zip(fields, answer.columns):
        kind = cell_type([r[c] for r in answer.rows])
        col: dict[str, Any] = {"field": f, "headerName": c, "headerTooltip": c, "cellDataType": kind}
        if kind == "number":  # right-aligned cells; the header stays as the others, filter icon and all
            col["cellClass"] = "ag-right-aligned-cell"
        defs.append(col)
    return defs, rows


def on_sql_page(pathname: str | None) -> bool:
    """Whether the URL's path is the SQL page's (the same rule ``header.route`` shows the page by).

    >>> on_sql_page("/sql"), on_sql_page("/prefix/sql/"), on_sql_page("/")
    (True, True, False)
    """
    return (pathname or "/").rstrip("/").endswith("/sql")


def register(app: Dash, data: DashboardData) -> None:
    @app.callback(
        Output(ids.SQL_TEXT, "value"),
        Input({"type": ids.SQL_EXAMPLES, "index": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def use_example(_clicks: list[int]) -> Any:
        trigger = ctx.triggered_id
        if not isinstance(trigger, dict) or not any(t.get("value") for t in ctx.triggered):
            return no_update
        return EXAMPLE_QUERIES[int(trigger["index"])][1]

    @app.callback(
        Output(ids.SQL_GRID, "columnDefs"),
        Output(ids.SQL_GRID, "rowData"),
        Output(ids.SQL_MESSAGE, "children"),
        Output(ids.SQL_MESSAGE, "className"),
        Output(ids.SQL_MESSAGE, "title"),
        Input(ids.SQL_RUN, "n_clicks"),
        Input(ids.URL, "pathname"),
        State(ids.SQL_TEXT, "value"),
        State(ids.SQL_MESSAGE, "title"),
    )
    def run(n: int | None, pathname: str | None, sql: str | None, last: str | None) -> tuple[Any, Any, Any, str, str]:
        # the first time the page is shown it answers the query already in the box, rather than showing an
        # empty grid under a query nobody ran; later page switches leave the answer as it is
        if ctx.triggered_id != ids.SQL_RUN and (last or not on_sql_page(pathname)):
            return no_update, no_update, no_update, no_update, no_update
        n = n or 0
        answer = data.run_sql(sql or "")
        run_no = f"run {n}"  # tells one answer from the next when both say the same
        if not answer.ok:
            return [], [], answer.message, "sql-message alert alert-error", run_no
        column_defs, rows = grid_columns(answer, f"r{n}")
        css = "sql-message alert alert-warn" if answer.truncated else "sql-message alert alert-ok"
        return column_defs, rows, answer.message, css, run_no

    @app.callback(
        Output(ids.SQL_DOWNLOAD, "data"),
        Output(ids.SQL_MESSAGE, "children", allow_duplicate=True),
        Output(ids.SQL_MESSAGE, "className", allow_duplicate=True),
        Input(ids.SQL_DOWNLOAD_BUTTON, "n_clicks"),
        State(ids.SQL_TEXT, "value"),
        prevent_initial_call=True,
    )
    def download(_n: int, sql: str | None) -> tuple[Any, Any, Any]:
        try:
            content, note = data.sql_csv(sql or "")
        except WarehouseError as exc:
            return no_update, str(exc), "sql-message alert alert-error"
        file = {"content": content, "filename": "query.csv", "type": "text/csv"}
        if note:
            return file, f"The CSV holds what the page shows. {note}", "sql-message alert alert-warn"
        return file, no_update, no_update
