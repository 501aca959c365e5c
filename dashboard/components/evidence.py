"""The evidence panel: the sentence a clicked figure came from, with the figure marked, and its article."""

from __future__ import annotations

from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.figures import parse_point_keys
from dashboard.summary import METRIC_LABELS
from models.warehouse import WarehouseError

#: Cards shown at once for a point that stands for several items (a timeline marker, a sum of departures).
MAX_CARDS = 20
_PROMPT = "Click a figure, a bar, a point on the timeline or a row of the table to see where it came from."


def layout() -> html.Section:
    return html.Section(
        className="panel evidence-panel",
        children=[
            html.H2("Evidence"),
            html.Div(id=ids.EVIDENCE_DETAIL, children=prompt(), **{"aria-live": "polite"}),
            dcc.Store(id=ids.EVIDENCE_SHOWN, data=[]),
        ],
    )


def prompt() -> html.P:
    return html.P(_PROMPT, className="hint")


def evidence_card(row: dict[str, Any], kind: str) -> html.Div:
    """Everything we know about one figure (kind "m") or leadership change (kind "e"); all as text."""
    if kind == "m":
        title = f"{row['company']} · {METRIC_LABELS.get(row['metric'], row['metric'])}: {row['figure']}"
        facts = [("qualifier", row.get("qualifier")), ("date", row.get("as_of")), ("published", row.get("published"))]
    else:
        who = row.get("person") or "someone"
        title = f"{row['company']} · {who}" + (f" ({row['role']})" if row.get("role") else "") + f": {row['kind']}"
        facts = [("date", row.get("as_of")), ("published", row.get("published"))]
    article = row.get("article_title") or row.get("article_path") or "article"
    link: Any
    if row.get("article_url"):
        link = html.A(article, href=row["article_url"], target="_blank", rel="noopener noreferrer nofollow")
    else:
        link = html.Span(article)
    return html.Div(
        className="evidence-card",
        children=[
            html.H3(title, className="evidence-title"),
            html.Blockquote(
                className="evidence-quote",
                children=[row.get("before") or "", html.Mark(row["mark"]) if row.get("mark") else "", row.get("after") or ""],
            ),
            html.Dl(
                className="evidence-facts",
                children=[x for k, v in facts if v for x in (html.Dt(k), html.Dd(str(v)))],
            ),
            html.P(["Source: ", link, html.Br(), html.Code(row.get("article_path") or "", className="path")],
                   className="evidence-source"),
        ],
    )


def register(app: Dash, data: DashboardData) -> None:
    # Bring the evidence into view when it changes and is off-screen (a click far down the page).
    app.clientside_callback(
        """
        function(children) {
            var el = document.getElementById('%s');
            if (el) {
                var box = el.getBoundingClientRect();
                if (box.bottom < 0 || box.top > window.innerHeight) { el.scrollIntoView({block: 'nearest'}); }
            }
            return window.dash_clientside.no_update;
        }
        """ % ids.EVIDENCE_DETAIL,
        Output(ids.EVIDENCE_DETAIL, "title"),
        Input(ids.EVIDENCE_DETAIL, "children"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.EVIDENCE_DETAIL, "children"),
        Output(ids.EVIDENCE_SHOWN, "data"),
        Input(ids.COMPARISON, "clickData"),
        Input(ids.TIMELINE, "clickData"),
        Input(ids.GRID, "cellClicked"),
        Input({"type": ids.CARD, "index": ALL}, "n_clicks"),
        Input(ids.SELECTION, "data"),
        State(ids.EVIDENCE_SHOWN, "data"),
        prevent_initial_call=True,
    )
    def show_evidence(bar: Any, point: Any, cell: Any, _cards: Any, companies: Any, shown: Any) -> Any:
        # evidence of a company no longer chosen goes, whatever triggered this call: a new choice of
        # companies also re-renders the figures, and Dash keeps only the answer of the newest call
        stale = bool(shown) and not set(shown) <= set(companies or [])
        clear = (prompt(), []) if stale else (no_update, no_update)
        trigger = ctx.triggered_id
        if isinstance(trigger, dict) and not any(t.get("value") for t in ctx.triggered):
            return clear  # figure buttons re-rendered, not clicked
        keys = parse_point_keys(_clicked(trigger, bar, point, cell))
        if not keys:
            return clear
        try:
            rows = [(k, data.metric_detail(a, r) if k == "m" else data.event_detail(a, r))
                    for k, a, r in keys[:MAX_CARDS]]
        except WarehouseError as exc:
            return html.P(str(exc), className="alert alert-error"), []
        found = [(k, row) for k, row in rows if row is not None]
        if not found:
            return html.P("That figure is no longer in the warehouse.", className="hint"), []
        cards = [evidence_card(row, k) for k, row in found]
        if len(keys) > 1:
            more = f" (the first {MAX_CARDS})" if len(keys) > MAX_CARDS else ""
            cards.insert(0, html.P(f"{len(keys)} items at this point{more}:", className="hint evidence-count"))
        return html.Div(cards), sorted({str(row["company"]) for _, row in found})


def _clicked(trigger: Any, bar: Any, point: Any, cell: Any) -> Any:
    """The point key(s) of what was clicked: a bar, a timeline point, a table row or a figure."""
    if trigger == ids.COMPARISON:
        return _custom(bar)
    if trigger == ids.TIMELINE:
        return _custom(point)
    if trigger == ids.GRID and isinstance(cell, dict):
        row_id = cell.get("rowId")
        return f"m:{row_id}" if isinstance(row_id, str) else None
    if isinstance(trigger, dict) and trigger.get("type") == ids.CARD:
        return trigger.get("index")
    return None


def _custom(click: Any) -> Any:
    try:
        return click["points"][0]["customdata"]
    except (KeyError, IndexError, TypeError):
        return None
