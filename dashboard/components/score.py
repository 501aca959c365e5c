"""Each chosen company's health score with its breakdown, under the side-by-side figures.

Per company: the score (0-100) and its confidence, then one row per signal with its sub-score, weight and the
points it adds, what the news says, and the quotes behind it. A signal the news gave no input for says
"missing"; it lowers the confidence, not the score. The formula is ``models.health`` (README, "Health score").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import Dash, Input, Output, html

from dashboard import ids
from dashboard.components.empty import problem
from dashboard.data import DashboardData
from dashboard.figures import company_colors
from models.health import Score, breakdown
from models.warehouse import WarehouseError

#: Component ids of this panel (kept here so the panel stays self-contained).
HEALTH = "health-scores"
#: Quotes listed under one signal; a company in thousands of articles would otherwise send thousands.
MAX_QUOTES = 25

_FLAG_WORDS = {
    "down_round": "down round",
    "failed_raise": "failed raise",
    "estimate": "estimate",
    "conflict": "sources disagree",
    "date_unknown": "includes undated reports",
    "headcount_unknown": "headcount unknown",
    "interim": "interim leaders",
}


def layout() -> html.Section:
    return html.Section(
        className="panel health-panel",
        children=[
            html.H2("Health score"),
            html.P(
                "0 (alarming) to 100 (nothing wrong in the news). Each signal's points add up to the score; "
                "signals the news gave no input for are missing and lower the confidence, not the score.",
                className="hint",
            ),
            html.Div(id=HEALTH, className="health-cards"),
        ],
    )


def score_cards(scores: Sequence[Score], colors: dict[str, str]) -> list[Any] | html.P:
    """One card per company: pure, from ``models.health.Score`` records."""
    if not scores:
        return html.P("Choose companies to compare.", className="hint")
    return [_card(s, colors.get(s.company)) for s in scores]


def _card(score: Score, color: str | None) -> html.Article:
    rows = breakdown(score)
    known = sum(1 for r in rows if r["status"] == "known")
    value = "no score" if score.value is None else f"{score.value:.1f}"
    head = html.Div(
        className="health-head",
        children=[
            html.H3([html.Span(className="swatch", style={"background": color}), score.company]),
            html.Span(value, className="health-value"),
            html.Span(" / 100", className="meta"),
            html.Div(
                f"confidence {score.confidence:.0%} · {known} of {len(rows)} signals known"
                + (f" · 12 months to {score.reference_date}" if score.reference_date else ""),
                className="meta",
            ),
        ],
    )
    table = html.Table(
        className="scorecard-table health-table",
        children=[
            html.Thead(html.Tr([html.Th("Signal (click for what the news says)", scope="col"),
                                html.Th("Sub-score", scope="col"), html.Th("Weight", scope="col"),
                                html.Th("Points", scope="col")])),
            html.Tbody([_row(r) for r in rows]),
        ],
    )
    return html.Article(className="health-card", **{"data-company": score.company},
                        children=[head, html.Div(className="table-scroll", children=table)])


def _row(r: dict[str, Any]) -> html.Tr:
    """One signal: its label opens what the news says and the quotes behind it."""
    missing = r["status"] == "missing"
    badges = [html.Span(_FLAG_WORDS.get(f, f), className="badge")
              for f in filter(None, (f.strip() for f in r["flags"].split(",")))]
    detail: list[Any] = [html.Div(r["summary"], className="health-summary")]
    if r["evidence"] and not missing:
        shown = r["evidence"][:MAX_QUOTES]
        items = [
            html.Li([html.Q(e["quote"]), html.Span(
                f" {e['article_path'] or e['article_id']}" + (f", {e['published']}" if e["published"] else ""),
                className="meta")])
            for e in shown
        ]
        if r["evidence_total"] > len(shown):
            more = r["evidence_total"] - len(shown)
            items.append(html.Li(f"and {more:,} more quote{'s' if more != 1 else ''} "
                                 "(`startup-health score` lists them all)", className="meta"))
        detail.append(html.Ul(className="health-quotes", children=items))
    label = html.Details(
        className="health-detail",
        children=[html.Summary([html.Span(r["label"], className="health-label"), *badges]), *detail],
    )
    return html.Tr(
        className="health-row missing" if missing else "health-row",
        **{"data-signal": r["signal"]},
        children=[
            html.Th(label, scope="row"),
            html.Td("missing" if missing else f"{r['subscore']:.0f}"),
            html.Td(f"{r['weight']:.0f}"),
            html.Td("-" if r["contribution"] is None else f"{r['contribution']:.1f}"),
        ],
    )


def register(app: Dash, data: DashboardData) -> None:
    @app.callback(Output(HEALTH, "children"), Input(ids.SELECTION, "data"), Input(ids.VERSION, "data"))
    def show_scores(companies: list[str] | None, _version: Any) -> Any:
        names = tuple(companies or [])
        if not names:
            return html.P("Choose companies to compare.", className="hint")
        try:
            scores = data.health(names, MAX_QUOTES)
        except WarehouseError as exc:
            return problem(str(exc))
        return score_cards([s for s in scores.values() if s is not None], company_colors(list(names)))
