"""What the page says when the warehouse has nothing to show yet, or cannot be read."""

from __future__ import annotations

from pathlib import Path

from dash import html


def empty_help(db: Path) -> html.Section:
    """How to add articles: shown instead of an error when the warehouse is empty or missing."""
    return html.Section(
        className="panel empty-help",
        id="empty-help",
        children=[
            html.H2("No articles in the warehouse yet"),
            html.P(
                [
                    "The dashboard reads ",
                    html.Code(str(db)),
                    ". Add articles (plain text, Markdown, HTML, JSON Lines or Parquet) with the loader, then "
                    "reload this page; the server does not need a restart:",
                ]
            ),
            html.Pre(html.Code(f"startup-health ingest seeds/ --db {db}")),
            html.P("Articles about any company work; the figures are traced back to the sentences they came from."),
        ],
    )


def problem(message: str) -> html.Div:
    """A warehouse problem worded for the reader, in place of a traceback."""
    return html.Div(className="alert alert-error", role="alert", children=message)
