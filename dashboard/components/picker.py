"""The company picker. Its choice lives in the URL (``?companies=A,B``) so a view can be shared."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.components.empty import empty_help, problem
from dashboard.data import DashboardData, format_companies, parse_companies
from models.warehouse import WarehouseError

#: How often the page looks for a newer warehouse (an ingest that committed meanwhile).
REFRESH_MS = 10_000


def layout(version: str | None = None) -> html.Section:
    return html.Section(
        className="panel picker",
        children=[
            html.Label("Companies", htmlFor=ids.COMPANIES, className="picker-label"),
            dcc.Dropdown(
                id=ids.COMPANIES,
                multi=True,
                placeholder="Choose two or more companies…",
                options=[],
                value=[],
                className="picker-dropdown",
            ),
            html.Div(id=ids.COMPANIES_HINT, className="hint", role="status"),
            dcc.Interval(id=ids.REFRESH, interval=REFRESH_MS),
            dcc.Store(id=ids.VERSION, data=version),
            dcc.Store(id=ids.SELECTION),
        ],
    )


def choose(
    known: Sequence[str], requested: Sequence[str] | None, defaults: Sequence[str]
) -> tuple[list[str], list[str]]:
    """The companies to show and the requested names the warehouse does not know.

    Without a request: the default companies that exist, topped up to two with the best-covered ones.

    >>> choose(["A", "B", "C"], ["C", "X"], ["A", "B"])
    (['C'], ['X'])
    >>> choose(["A", "B", "C"], None, ["B", "Z"])
    (['B', 'A'], [])
    """
    if requested:
        lookup = {k.casefold(): k for k in known}
        chosen = [lookup[r.casefold()] for r in requested if r.casefold() in lookup]
        missing = [r for r in requested if r.casefold() not in lookup]
        return list(dict.fromkeys(chosen)), missing
    chosen = [d for d in defaults if d in known]
    for k in known:
        if len(chosen) >= 2:
            break
        if k not in chosen:
            chosen.append(k)
    return chosen, []


def register(app: Dash, data: DashboardData, defaults: Sequence[str]) -> None:
    @app.callback(
        Output(ids.VERSION, "data"),
        Input(ids.REFRESH, "n_intervals"),
        State(ids.VERSION, "data"),
        prevent_initial_call=True,  # the page starts with the version it was built from
    )
    def watch_warehouse(_: Any, shown: Any) -> Any:
        """The warehouse's version, written only when an ingest changed it."""
        version = data.version_token()
        return no_update if version == shown else version

    @app.callback(
        Output(ids.COMPANIES, "options"),
        Output(ids.COMPANIES, "value"),
        Output(ids.URL, "search"),
        Output(ids.SELECTION, "data"),
        Output(ids.COMPANIES_HINT, "children"),
        Output(ids.STATUS, "children"),
        Output(ids.COMPARE_BODY, "hidden"),
        Output(ids.NAV_COMPARE, "href"),
        Input(ids.URL, "search"),
        Input(ids.COMPANIES, "value"),
        Input(ids.VERSION, "data"),
        State(ids.SELECTION, "data"),
    )
    def sync(search: str | None, picked: list[str] | None, _version: Any, shown: Any) -> tuple[Any, ...]:
        """Keep picker, URL and selection in step; refresh the list of companies."""
        try:
            companies = data.companies()
        except WarehouseError as exc:
            return [], [], no_update, [], "", problem(str(exc)), True, "/"
        known = [str(c) for c in companies["company"]]
        if not known:
            return [], [], no_update, [], "", empty_help(data.warehouse.path), True, "/"
        options = [{"label": c, "value": c} for c in known]
        missing: list[str] = []
        if ctx.triggered_id == ids.COMPANIES:
            chosen = [c for c in (picked or []) if c in known]
        elif ctx.triggered_id == ids.VERSION and shown is not None:  # new articles: keep the user's choice
            chosen = [c for c in shown if c in known]
        else:
            chosen, missing = choose(known, parse_companies(search), defaults)
            if not chosen and missing:  # a shared link to companies this warehouse lacks
                chosen, _ = choose(known, None, defaults)
        query = format_companies(chosen) if chosen else ""
        hint = []
        if missing:
            hint.append(html.Span("Not in this warehouse: " + ", ".join(missing) + ". ", className="warn"))
        if len(chosen) < 2:
            hint.append(html.Span("Choose two or more companies to compare them side by side."))
        return (
            options,
            chosen,
            no_update if query == (search or "") else query,
            no_update if chosen == shown else chosen,
            hint,
            None,
            False,
            "/" + query,
        )
