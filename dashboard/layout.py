"""The page: header, status line, the compare page and the SQL page. No warehouse access here (only the
file's version, from its size and time), so the first render never waits for the file; callbacks fill
it in."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.components import charts, evidence, grid, header, picker, scorecards, sql_page
from dashboard.components import score as health_score
from startup_health.settings import Settings


def build(settings: Settings, prefix: str = "/", version: str | None = None) -> html.Div:
    """The page; ``version`` is the warehouse version it starts from (``DashboardData.version_token``)."""
    return html.Div(
        className="shell",
        children=[
            dcc.Location(id=ids.URL, refresh=False),
            header.layout(f"{prefix}download/metrics.csv"),
            html.Div(id=ids.STATUS, className="status"),
            html.Main(
                id=ids.PAGE_COMPARE,
                className="page",
                children=[
                    picker.layout(version),
                    html.Div(
                        id=ids.COMPARE_BODY,
                        className="compare-body",
                        children=[
                            scorecards.layout(),
                            evidence.layout(),
                            health_score.layout(),
                            charts.layout(),
                            grid.layout(),
                        ],
                    ),
                ],
            ),
            html.Main(
                id=ids.PAGE_SQL,
                className="page",
                hidden=True,
                children=[sql_page.layout(settings.sql_limits())],
            ),
            html.Footer(
                className="footer",
                children=["Every figure is traced to the sentence it came from. Warehouse: ", html.Code(str(settings.db))],
            ),
        ],
    )
