"""The dashboard: ``create_app(settings)`` builds the Dash app, ``serve(settings)`` runs it.

    from dashboard.app import create_app, serve
    serve(Settings(db="warehouse.duckdb"))      # prints "Dashboard: http://127.0.0.1:8050/"
"""

from __future__ import annotations

import logging
from pathlib import Path

from dash import Dash

from dashboard import data as data_module
from dashboard import layout
from dashboard.components import charts, downloads, evidence, grid, header, picker, scorecards, sql_page
from dashboard.components import score as health_score
from models.warehouse import Warehouse
from startup_health.settings import Settings

__all__ = ["create_app", "serve"]

ASSETS = Path(__file__).resolve().parent / "assets"


def create_app(settings: Settings | None = None) -> Dash:
    """A Dash app over ``settings.db``. The file may be missing or empty: the page then says how to fill it."""
    settings = settings or Settings()
    data = data_module.DashboardData(
        Warehouse(settings.db, lock_wait_s=settings.lock_wait_s),
        sql_limits=settings.sql_limits(),
    )
    app = Dash(
        __name__,
        title="startup-health",
        update_title=None,
        assets_folder=str(ASSETS),
        serve_locally=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    prefix = app.config.requests_pathname_prefix or "/"
    # a function: Dash builds the page per visit, starting from the warehouse version of that moment
    app.layout = lambda: layout.build(settings, prefix, data.version_token())
    header.register(app)
    picker.register(app, data, settings.companies)
    scorecards.register(app, data)
    health_score.register(app, data)
    charts.register(app, data)
    evidence.register(app, data)
    grid.register(app, data)
    sql_page.register(app, data)
    downloads.register(app.server, data, prefix)
    app.server.config["DASHBOARD_DATA"] = data  # for tests and the benchmark
    return app


def serve(settings: Settings | None = None) -> None:
    """Serve the dashboard until interrupted, printing its address first."""
    from werkzeug.serving import make_server

    settings = settings or Settings()
    app = create_app(settings)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server(settings.host, settings.port, app.server, threaded=True)
    host = settings.host if ":" not in settings.host else f"[{settings.host}]"
    print(f"Dashboard: http://{host}:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
