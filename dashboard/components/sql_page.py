"""The SQL page: ad hoc questions to the warehouse, typed by a user and so run untrusted.

One SELECT over the warehouse's tables and views, run in the warehouse's sandbox
(``Warehouse.run_untrusted``: no files, no machine settings, limits on time, memory, rows and answer size);
every refusal or limit is a message on the page saying which.
"""

from __future__ import annotations

from typing import Any

import dash_ag_grid as dag
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.data import EXAMPLE_QUERIES, DashboardData
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
                                 "enableCellTextSelection": True},
                style={"height": "560px", "width": "100%"},
            ),
        ],
    )


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
        State(ids.SQL_TEXT, "value"),
        prevent_initial_call=True,
    )
    def run(n: int, sql: str | None) -> tuple[Any, Any, Any, str, str]:
        answer = data.run_sql(sql or "")
        run_no = f"run {n}"  # tells one answer from the next when both say the same
        if not answer.ok:
            return [], [], answer.message, "sql-message alert alert-error", run_no
        # field names may hold dots or spaces; AG Grid would read those as paths, so index by position
        fields = [f"c{i}" for i in range(len(answer.columns))]
        column_defs = [{"field": f, "headerName": c, "headerTooltip": c} for f, c in zip(fields, answer.columns)]
        rows = [{f: r[c] for f, c in zip(fields, answer.columns)} for r in answer.rows]
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
