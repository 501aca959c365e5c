"""Helpers for the tests of fetch, follow and WARC input: news pages and feeds written here, served locally."""

from __future__ import annotations

from html import escape
from xml.sax.saxutils import escape as xml_escape

STORY = (
    "Quillfern Robotics, the warehouse automation start-up, has raised $42 million in a Series B round led "
    "by Northgate Ventures, the company said on Tuesday. The round values Quillfern Robotics at $310 million. "
    "The company employs about 180 people and plans to open an office in Lyon, chief executive Mara Ellison said."
)
OTHER = (
    "Tessaline Health, a diagnostics start-up, is cutting 60 jobs, or about a fifth of its staff, after a "
    "planned funding round stalled, the company told employees on Monday."
)


def article_page(title: str, body: str, *, published: str | None = "2024-05-14", canonical: str | None = None) -> str:
    """A news page with its story in <article>, a navigation bar and a footer."""
    meta = f'<meta property="article:published_time" content="{published}T08:00:00Z">' if published else ""
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    paras = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)} | Daily Ledger</title>"
        f"{meta}{link}</head><body><nav><a href='/'>Home</a> <a href='/tech'>Tech</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paras}</article>"
        f"<footer>Copyright Daily Ledger. Subscribe for $1 a month.</footer></body></html>"
    )


def rss(items: list[tuple[str, str, str | None]], *, base: str = "") -> str:
    """An RSS 2.0 feed of (title, link, RFC 822 date or None) items."""
    out = []
    for title, link, when in items:
        date_el = f"<pubDate>{when}</pubDate>" if when else ""
        out.append(f"<item><title>{xml_escape(title)}</title><link>{xml_escape(link)}</link>{date_el}</item>")
    xml_base = f' xml:base="{xml_escape(base)}"' if base else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"{xml_base}><channel><title>Daily Ledger</title>'
        f"<link>https://ledger.example/</link><description>news</description>{''.join(out)}</channel></rss>"
    )
