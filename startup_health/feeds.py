"""RSS and Atom feeds (read with feedparser): the entries a feed lists, with absolute links. Pure: no I/O.

    feed = parse_feed(body, url="https://news.example/rss.xml", content_type="application/rss+xml")
    [e.link for e in feed.entries]

* Links are made absolute against the feed's own address (and any ``xml:base``), so a feed of relative
  links works; fragments are dropped; an entry listed twice (the same link) is kept once, first wins.
* A publication date is the entry's ``published`` (else ``updated``) date, as a calendar date.
* A feed that is not well-formed XML is read as far as feedparser's lenient parser gets: its entries are
  kept, and ``problem`` says what is wrong. A body that yields no entry and is not a feed at all raises
  `FeedError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.sax import SAXException

import feedparser

__all__ = ["Entry", "Feed", "FeedError", "parse_feed"]


class FeedError(ValueError):
    """A body that is not a feed; ``str(err)`` is the one-line problem (the caller adds the address)."""


@dataclass(frozen=True, slots=True)
class Entry:
    link: str  # absolute, without fragment
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[Entry, ...]
    problem: str | None = None  # the feed is broken but was read: what is wrong


def _date(entry: dict) -> date | None:  # type: ignore[type-arg]
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _link(entry: dict, base: str) -> str | None:  # type: ignore[type-arg]
    raw = entry.get("link") or next((l.get("href") for l in entry.get("links", []) if l.get("href")), None)
    if not isinstance(raw, str) or not raw.strip():
        return None
    link = urldefrag(urljoin(base, raw.strip()))[0]
    return link if urlsplit(link).scheme in ("http", "https") else None


def parse_feed(body: bytes, *, url: str, content_type: str | None = None) -> Feed:
    """The entries of one RSS or Atom feed (see the module)."""
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    problem = None
    exc = parsed.get("bozo_exception")
    if parsed.get("bozo") and isinstance(exc, SAXException):  # not a mere charset or content-type remark
        problem = f"the feed is not well-formed XML ({str(exc).splitlines()[0] or type(exc).__name__})"
    seen: dict[str, Entry] = {}
    for e in parsed.entries:
        link = _link(e, url)
        if link and link not in seen:
            title = " ".join(str(e.get("title", "")).split()) or None
            seen[link] = Entry(link, title, _date(e))
    if not seen and not parsed.get("version"):
        raise FeedError(problem or "not an RSS or Atom feed (no entries)")
    title = " ".join(str(parsed.feed.get("title", "")).split()) or None
    if problem and seen:
        problem += f"; {len(seen)} entr{'y' if len(seen) == 1 else 'ies'} read anyway"
    return Feed(title, tuple(seen.values()), problem)
