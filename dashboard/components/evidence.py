"""The evidence panel: the sentence a clicked figure came from, with the figure marked, and its article."""

from __future__ import annotations

from typing import Any

from dash import ALL, Dash, Input, Output, ctx, html, no_update

from dashboard import ids
from dashboard.data import DashboardData
from dashboard.figures import parse_point_key
from dashboard.summary import METRIC_LABELS
from models.warehouse import WarehouseError

_PROMPT = "Click a figure, a bar, a point on the timeline or a row of the table to see where it came from."


def layout() -> html.Section:
    return html.Section(
        className="panel evidence-panel",
        children=[
            html.H2("Evidence"),
            html.Div(id=ids.EVIDENCE_DETAIL, children=html.P(_PROMPT, className="hint"), **{"aria-live": "polite"}),
        ],
    )


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
        Input(ids.COMPARISON, "clickData"),
        Input(ids.TIMELINE, "clickData"),
        Input(ids.GRID, "cellClicked"),
        Input({"type": ids.CARD, "index": ALL}, "n_clicks"),
        prevent_initial_call=True,
    )
    def show_evidence(bar: Any, point: Any, cell: Any, _cards: Any) -> Any:
        trigger = ctx.triggered_id
        key: Any = None
        if trigger == ids.COMPARISON:
            key = _custom(bar)
        elif trigger == ids.TIMELINE:
            key = _custom(point)
        elif trigger == ids.GRID and isinstance(cell, dict):
            row_id = cell.get("rowId")
            key = f"m:{row_id}" if isinstance(row_id, str) else None
        elif isinstance(trigger, dict) and trigger.get("type") == ids.CARD:
            if not any(t.get("value") for t in ctx.triggered):  # cards re-rendered, not clicked
                return no_update
            key = trigger.get("index")
        parsed = parse_point_key(key)
        if parsed is None:
            return no_update
        kind, article_id, row_no = parsed
        try:
            row = data.metric_detail(article_id, row_no) if kind == "m" else data.event_detail(article_id, row_no)
        except WarehouseError as exc:
            return html.P(str(exc), className="alert alert-error")
        if row is None:
            return html.P("That figure is no longer in the warehouse.", className="hint")
        return evidence_card(row, kind)


def _custom(click: Any) -> Any:
    try:
        return click["points"][0]["customdata"]
    except (KeyError, IndexError, TypeError):
        return None
