"""Turn a saved HTML news page into the clean text of its story, plus title, date and URL.

The story is taken from the page's ``<article>`` element when it has one with real text (fast, and it
keeps the headline and the byline); otherwise trafilatura's boilerplate removal is used. Inside the
story, navigation, asides, consent banners, tickers, promos, footers, scripts, styles, iframes, forms and
hidden elements are dropped. Blocks (paragraphs, headings, list items) become lines separated by one
blank line; whitespace inside a block is collapsed to single spaces.

Nothing here does I/O: no file reads, no network fetches, no clock.

>>> page = clean_html('<html><head><title>T | Site</title></head><body><nav>Home</nav>'
...                   '<article><h1>Big news</h1><p>Acme raised  $5m.</p>'
...                   '<aside>Other story: $9m</aside></article></body></html>')
>>> page.text
'Big news\\n\\nAcme raised $5m.'
>>> page.title
'Big news'
"""

from __future__ import annotations

import json
from copy import deepcopy
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

import lxml.etree
import lxml.html

__all__ = ["CleanPage", "clean_html", "parse_date_text"]

#: An ``<article>`` with at least this many characters of clean text is trusted as the story.
MIN_ARTICLE_CHARS = 200


@dataclass(frozen=True, slots=True)
class CleanPage:
    """The story of one HTML page. ``warnings`` says what was found but not trusted (a bad date)."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------- dates

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:$|T)")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def parse_date_text(value: str) -> tuple[date | None, str | None]:
    """Read a publication date written as text; return ``(date, None)`` or ``(None, problem)``.

    The calendar date is taken as written: a time and a UTC offset after it are ignored (the local
    date of publication), never converted.

    >>> parse_date_text("2024-03-22T07:45:00+00:00")
    (datetime.date(2024, 3, 22), None)
    >>> parse_date_text("22 March 2024")
    (datetime.date(2024, 3, 22), None)
    >>> parse_date_text("2024-02-30")
    (None, "published date '2024-02-30' is not a real date")
    >>> parse_date_text("soon")
    (None, "published date 'soon' is not understood")
    """
    raw = value.strip()
    shown = raw if len(raw) <= 40 else raw[:37] + "..."
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(raw):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif m := _COMPACT.match(raw):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif (m := _DAY_MONTH_YEAR.search(raw)) and m[2].lower() in _MONTHS:
        parts = (int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    elif (m := _MONTH_DAY_YEAR.search(raw)) and m[1].lower() in _MONTHS:
        parts = (int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    if parts is None:
        return None, f"published date {shown!r} is not understood"
    try:
        return date(*parts), None
    except ValueError:
        return None, f"published date {shown!r} is not a real date"


# ------------------------------------------------------------------------------------------ cleaning

_DROP_TAGS = {
    "script", "style", "noscript", "template", "iframe", "frame", "object", "embed", "svg", "canvas",
    "nav", "aside", "footer", "form", "button", "input", "select", "textarea", "figure", "dialog",
    "video", "audio", "picture", "img", "map", "link", "meta",
}  # fmt: skip
_DROP_ROLES = {"navigation", "complementary", "dialog", "alertdialog", "banner", "contentinfo", "search"}
# Class or id words that mark boilerplate. Long words match inside a token ("cookieBar"); short words
# only as a whole part of a token split on "-" and "_" ("cs-ad", "ad-slot", not "header" or "add").
_BOILER_SUBSTRINGS = (
    "cookie", "consent", "gdpr", "newsletter", "advert", "sponsor", "paywall", "outbrain", "taboola",
    "subscribe", "subscription", "breadcrumb", "signup", "sign-up",
)  # fmt: skip
_BOILER_PARTS = {
    "ad", "ads", "adslot", "cmp", "promo", "promotion", "related", "share", "sharing", "social", "sidebar",
    "rail", "ticker", "comments", "comment", "tags", "sr", "sronly", "recirc", "popup", "modal", "toolbar",
    "trending", "mostread",
}  # fmt: skip
_PART_SPLIT = re.compile(r"[-_\s]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
    "section", "header", "article", "main", "table", "tr", "thead", "tbody", "tfoot", "caption",
    "figcaption", "hr", "address", "details", "summary", "center", "body", "html", "hgroup",
}  # fmt: skip
_CELL_TAGS = {"td", "th"}
_SPACES = re.compile(r"\s+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def _is_boilerplate(el: lxml.html.HtmlElement) -> bool:
    tag = el.tag
    if tag in _DROP_TAGS:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden", "").lower() == "true":
        return True
    if el.get("role", "").lower() in _DROP_ROLES:
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
    if not marks.strip():
        return False
    if any(word in marks for word in _BOILER_SUBSTRINGS):
        return True
    return any(part in _BOILER_PARTS for part in _PART_SPLIT.split(marks))


def _strip_boilerplate(root: lxml.html.HtmlElement) -> None:
    """Drop boilerplate descendants of ``root`` (keeping the text that follows each one)."""
    doomed = [
        el
        for el in root.iterdescendants()
        if not isinstance(el.tag, str) or _is_boilerplate(el)  # comments and processing instructions too
    ]
    for el in doomed:  # an element inside one already dropped is dropped from the detached copy: harmless
        if el.getparent() is not None:
            el.drop_tree()


def _render(root: lxml.html.HtmlElement) -> str:
    """Text of ``root``: one block per paragraph, heading or list item, blank lines between blocks."""
    blocks: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if not buffer:
            return
        lines = (_SPACES.sub(" ", line).strip() for line in "".join(buffer).split("\n"))
        block = "\n".join(line for line in lines if line)
        buffer.clear()
        if block:
            blocks.append(block)

    def walk(el: lxml.etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        is_block = tag in _BLOCK_TAGS
        if is_block:
            flush()
            if tag == "li":
                buffer.append("- ")  # a list item reads "- item", as in Markdown (a roundup's entries)
        elif tag == "br":
            buffer.append("\n")
        elif tag in _CELL_TAGS:
            buffer.append(" | ")  # a table row reads "| cell | cell" (extract.tables reads it by its columns)
        if tag and el.text:
            buffer.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buffer.append(child.tail)
        if is_block:
            flush()

    walk(root)
    flush()
    return "\n\n".join(blocks)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _story_from_article(doc: lxml.html.HtmlElement) -> tuple[str, lxml.html.HtmlElement | None]:
    """The longest clean ``<article>`` (or ``itemprop=articleBody``) text, and its element."""
    best_text, best_el = "", None
    for el in doc.xpath("//article | //*[@itemprop='articleBody']"):
        if any(a.tag == "article" for a in el.iterancestors()):
            continue  # a nested article is covered by its outer one
        copy = deepcopy(el)
        _strip_boilerplate(copy)
        text = _render(copy)
        if len(text) > len(best_text):
            best_text, best_el = text, el
    return best_text, best_el


def _story_from_trafilatura(html: str) -> str:
    import trafilatura  # imported lazily: only pages without a usable <article> need it

    extracted = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        favor_precision=True,
        fast=True,  # no baseline fallback: it returns navigation text for pages without a story
        with_metadata=False,
    )
    if not extracted:
        return ""
    lines = (_SPACES.sub(" ", line).strip() for line in extracted.split("\n"))
    return "\n\n".join(line for line in lines if line)


# ------------------------------------------------------------------------------------------ metadata


def _meta(doc: lxml.html.HtmlElement, *keys: str) -> str | None:
    """Content of the first ``<meta>`` whose property, name or itemprop is one of ``keys``."""
    wanted = {k.lower() for k in keys}
    found: dict[str, str] = {}
    for el in doc.iter("meta"):
        content = el.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = (el.get(attr) or "").strip().lower()
            if key in wanted and key not in found:
                found[key] = content.strip()
    for key in keys:
        if key.lower() in found:
            return found[key.lower()]
    return None


def _json_ld_objects(doc: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in doc.xpath("//script[@type]"):
        if script.get("type", "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[0:0] = item
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, (list, dict)):
                    stack.insert(0, graph)


def _is_article_type(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k in {"BlogPosting", "Report"}) for k in kinds)


def _date_candidates(doc: lxml.html.HtmlElement, story: lxml.html.HtmlElement | None) -> Iterator[str]:
    """Publication dates the page states, most trusted first."""
    for keys in (
        ("article:published_time", "og:article:published_time"),
        ("date", "pubdate", "publishdate", "publish-date", "dc.date.issued", "dcterms.issued", "dc.date"),
        ("datePublished",),
    ):
        if value := _meta(doc, *keys):
            yield value
    if story is not None:
        times = story.xpath(".//time[@datetime]")
        times.sort(key=lambda t: 0 if (t.get("itemprop") == "datePublished" or t.get("pubdate") is not None) else 1)
        for t in times[:1]:
            yield t.get("datetime")
    objects = list(_json_ld_objects(doc))
    for obj in sorted(objects, key=lambda o: 0 if _is_article_type(o) else 1):
        value = obj.get("datePublished")
        if isinstance(value, str) and value.strip():
            yield value
            break


def _published(doc: lxml.html.HtmlElement, story: lxml.html.HtmlElement | None) -> tuple[date | None, list[str]]:
    problems: list[str] = []
    for value in _date_candidates(doc, story):
        found, problem = parse_date_text(value)
        if found is not None:
            return found, problems
        if problem:
            problems.append(problem)
    return None, problems


def _text_of(el: lxml.html.HtmlElement) -> str:
    return _SPACES.sub(" ", el.text_content()).strip()


def _title(doc: lxml.html.HtmlElement, story: lxml.html.HtmlElement | None) -> str | None:
    if value := _meta(doc, "og:title", "twitter:title"):
        return _SPACES.sub(" ", value).strip() or None
    for scope in ([story] if story is not None else []) + [doc]:
        for h1 in scope.iter("h1"):
            if text := _text_of(h1):
                return text
    for el in doc.iter("title"):
        if text := _text_of(el):
            return text
    return None


def _url(doc: lxml.html.HtmlElement) -> str | None:
    candidates = [
        el.get("href") or "" for el in doc.iter("link") if "canonical" in (el.get("rel") or "").lower().split()
    ]
    candidates.append(_meta(doc, "og:url") or "")
    for value in candidates:
        value = value.strip()
        if value.lower().startswith(("http://", "https://")):
            return value
    return None


# -------------------------------------------------------------------------------------------- public


def clean_html(html: str) -> CleanPage:
    """The story of an HTML page as clean text, with its title, publication date and canonical URL.

    Never fetches anything and never raises for odd markup: a page without a story gives empty text.
    """
    doc = _parse(html)
    if doc is None:
        return CleanPage(text="")
    text, story = _story_from_article(doc)
    if len(text) < MIN_ARTICLE_CHARS:
        fallback = _story_from_trafilatura(html)
        if len(fallback) > len(text):
            text, story = fallback, None
    published, problems = _published(doc, story)
    return CleanPage(
        text=text,
        title=_title(doc, story),
        published=published,
        url=_url(doc),
        warnings=tuple(problems),
    )
