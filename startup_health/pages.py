"""Web pages (fetched, or read from a web archive) as `Article` records: pure, no I/O.

A page arrives as bytes with an address and, sometimes, a charset from its ``Content-Type`` header. It is
decoded and cleaned by the same reader as a saved ``.html`` file (`extract.reading.decode_text`,
`extract.html.clean_html`), so a page fetched today and the same page saved by hand give the same
article (the same text, so the same ``article_id``).

* ``path`` and ``url`` are the address the page was read from (after redirects), so a newer version of a
  page replaces the older one in the warehouse, as a changed file at the same path does.
* ``published`` is the date the page states (meta tags, JSON-LD, ``<time>``); when it states none, the
  ``fallback_date`` the caller passes (a feed entry's date, a web archive record's capture date), else None.

>>> html = b'<html><head><title>T</title></head><body><article><h1>Acme raises $5m</h1>' \\
...        b'<p>Acme, the robotics start-up, has raised $5m from investors this week, it said.</p></article></body></html>'
>>> a = page_article(html, url="https://news.example/acme", today=date(2025, 1, 1))
>>> a.title, a.url, a.fmt, a.published
('Acme raises $5m', 'https://news.example/acme', 'html', None)
"""

from __future__ import annotations

import re
from datetime import date

from extract.html import clean_html
from extract.reading import FUTURE_SLACK, article_id_for, decode_text
from models.records import Article

__all__ = ["PageError", "HTML_TYPES", "page_article", "charset_of", "is_html_type"]

#: Content types read as HTML pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


class PageError(ValueError):
    """A page that holds no article; ``str(err)`` is the one-line problem (the caller adds the address)."""


def is_html_type(content_type: str | None) -> bool:
    """True for an HTML content type, whatever its parameters.

    >>> is_html_type("text/html; charset=utf-8"), is_html_type("application/pdf"), is_html_type(None)
    (True, False, False)
    """
    return bool(content_type) and content_type.split(";")[0].strip().lower() in HTML_TYPES  # type: ignore[union-attr]


def charset_of(content_type: str | None, body: bytes) -> str | None:
    """The charset the ``Content-Type`` header names, else one an HTML ``<meta>`` declares, else None.

    >>> charset_of("text/html; charset=ISO-8859-1", b""), charset_of(None, b'<meta charset="utf-8">')
    ('ISO-8859-1', 'utf-8')
    """
    if content_type and (m := _HEADER_CHARSET.search(content_type)):
        return m[1]
    if m2 := _META_CHARSET.search(body[:4096]):
        return m2[1].decode("ascii")
    return None


def page_article(
    body: bytes,
    *,
    url: str,
    content_type: str | None = None,
    fallback_date: date | None = None,
    today: date,
    warnings: list[str] | None = None,
) -> Article:
    """The article of one HTML page; raises `PageError` when the page holds none.

    Problems that leave the article readable (a date the page states that is not a real date, or in the
    future) are appended to ``warnings`` as ``"URL: problem"`` lines.
    """
    if not body:
        raise PageError("the page is empty")
    try:
        text = decode_text(body, declared=charset_of(content_type, body))
    except ValueError as err:
        raise PageError(str(err)) from None
    page = clean_html(text)
    if not page.text:
        raise PageError("no article body found in the HTML")
    problems = list(page.warnings)
    published = page.published or fallback_date
    if published is not None and published > today + FUTURE_SLACK:
        problems.append(
            f"published date {published.isoformat()} is in the future (today is {today.isoformat()}); left empty"
        )
        published = None
    if warnings is not None:
        warnings.extend(f"{url}: {p}" for p in problems)
    return Article(
        article_id=article_id_for(page.text),
        path=url,
        text=page.text,
        title=page.title,
        published=published,
        url=url,
        fmt="html",
    )
