"""The bar at the top: name, page links, the whole-warehouse download; and the status line under it."""

from __future__ import annotations

from dash import Dash, Input, Output, dcc, html

from dashboard import ids
from dashboard.components.sql_page import on_sql_page


def layout(download_all_href: str) -> html.Header:
    return html.Header(
        className="topbar",
        children=[
            html.Div(
                className="brand",
                children=[
                    html.Span("startup-health", className="brand-name"),
                    html.Span("How healthy is each startup, and why do we believe it?", className="brand-tag"),
                ],
            ),
            html.Nav(
                className="nav",
                children=[
                    dcc.Link("Compare", href="/", id=ids.NAV_COMPARE, className="nav-link"),
                    dcc.Link("SQL", href="/sql", id=ids.NAV_SQL, className="nav-link"),
                    html.A(
                        "All metrics (CSV)",
                        id=ids.ALL_DOWNLOAD,
                        href=download_all_href,
                        download="metrics.csv",
                        className="nav-link nav-download",
                    ),
                ],
            ),
        ],
    )


def register(app: Dash) -> None:
    """Show one page or the other, from the URL's path (the rest of the page keeps its state)."""

    @app.callback(
        Output(ids.PAGE_COMPARE, "hidden"),
        Output(ids.PAGE_SQL, "hidden"),
        Output(ids.NAV_COMPARE, "className"),
        Output(ids.NAV_SQL, "className"),
        Input(ids.URL, "pathname"),
    )
    def route(pathname: str | None) -> tuple[bool, bool, str, str]:
        on_sql = on_sql_page(pathname)
        return on_sql, not on_sql, "nav-link" + ("" if on_sql else " active"), "nav-link" + (" active" if on_sql else "")
