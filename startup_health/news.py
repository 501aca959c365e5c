"""News from the web into the warehouse: pages fetched (`fetch`), and pages re-read from the raw store.

    report = fetch_pages(urls, warehouse, fetcher, store)     # polite GETs, raw pages kept, articles stored
    report = reread_pages(warehouse, store)                    # the same from the kept pages, no network

Each page is one transaction in the warehouse (its article, metrics and events, or nothing), taken under
the ingest lock only while it is written, so a long, polite run never keeps another ingest out for long and
a Ctrl-C between two pages leaves every stored page whole. A page's raw body is kept before its article is
written, and the address's record (ETag, Last-Modified) is saved after, so a crash at any point costs at
most one more download.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from extract import EXTRACTOR_VERSION
from extract.reading import Skipped
from models.warehouse import Warehouse, ingest_lock
from startup_health.fetch import Fetched, FetchError, Fetcher
from startup_health.grouping import group_articles
from startup_health.pages import HTML_TYPES, PageError, page_article
from startup_health.pipeline import extract_one
from startup_health.rawstore import PageRecord, RawStore

__all__ = ["NewsReport", "fetch_pages", "reread_pages"]


@dataclass
class NewsReport:
    """What a `fetch_pages` or `reread_pages` run did, page by page."""

    fetched: int = 0  # pages downloaded (HTTP 200)
    not_modified: int = 0  # HTTP 304: the page has not changed since the last fetch
    new: int = 0  # articles stored for the first time
    replaced: int = 0  # a changed page at a known address, or a newer extractor
    unchanged: int = 0  # the same article text as already stored
    metrics: int = 0
    events: int = 0
    failed: list[str] = field(default_factory=list)  # "URL: problem"
    warnings: list[str] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    copies: int = 0  # of the articles stored, copies or rewrites of another story (counted once as sources)

    @property
    def ok(self) -> bool:
        return not self.failed


class _Writer:
    """Writes one article at a time, under the ingest lock only meanwhile."""

    def __init__(self, warehouse: Warehouse, report: NewsReport) -> None:
        self.warehouse, self.report = warehouse, report
        self._known: dict[str, str] | None = None
        self.wrote = False

    def known(self) -> dict[str, str]:
        if self._known is None:
            with ingest_lock(self.warehouse.path, wait_s=self.warehouse.lock_wait_s):
                self.warehouse.ensure_schema()
            self._known = {aid: v for aid, (_, v) in self.warehouse.known_articles().items()}
        return self._known

    def store(self, url: str, body: bytes, content_type: str | None, hint: date | None, today: date) -> str | None:
        """Read, extract and store one page; its article id, or None when it held no article."""
        try:
            article = page_article(
                body, url=url, content_type=content_type, fallback_date=hint, today=today, warnings=self.report.warnings
            )
        except PageError as err:
            self.report.failed.append(f"{url}: {err}")
            return None
        if self.known().get(article.article_id) == EXTRACTOR_VERSION:
            self.report.unchanged += 1
            return article.article_id
        outcome = extract_one(article)
        if isinstance(outcome, Skipped):
            self.report.failed.append(f"{url}: {outcome.reason}")
            return None
        with ingest_lock(self.warehouse.path, wait_s=self.warehouse.lock_wait_s):
            result = self.warehouse.write_batch([outcome], EXTRACTOR_VERSION)
            self.wrote = True
            self.report.copies += group_articles(self.warehouse, result.new + result.replaced).copies
        self.known()[article.article_id] = EXTRACTOR_VERSION
        self.report.new += len(result.new)
        self.report.replaced += len(result.replaced)
        self.report.metrics += result.metrics
        self.report.events += result.events
        self.report.new_ids += result.new + result.replaced
        return article.article_id


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def fetch_pages(
    urls: Iterable[str],
    warehouse: Warehouse,
    fetcher: Fetcher,
    store: RawStore,
    *,
    hints: dict[str, date] | None = None,
    today: date | None = None,
    report: NewsReport | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> NewsReport:
    """Fetch each address once (politely, conditionally), keep its raw page and store its article.

    ``hints`` gives a publication date per address for pages that state none (a feed entry's date).
    Failures are collected as ``"URL: problem"`` lines; nothing raises for one bad page. When ``stop()``
    becomes true (Ctrl-C, SIGTERM), returns before the next address.
    """
    report = report if report is not None else NewsReport()
    writer = _Writer(warehouse, report)
    today = today or date.today()
    for url in dict.fromkeys(urls):
        if stop():
            break
        before = store.record(url)
        try:
            got = fetcher.get(
                url,
                accept=HTML_TYPES,
                etag=before.etag if before else None,
                last_modified=before.last_modified if before else None,
            )
        except FetchError as err:
            report.failed.append(str(err))
            continue
        if got.not_modified and before is not None:
            report.not_modified += 1
            continue
        _store_fetched(got, before, (hints or {}).get(url), today, store, writer)
    if writer.wrote:  # fold the write-ahead log into the file, so readers need not replay it
        with ingest_lock(warehouse.path, wait_s=warehouse.lock_wait_s):
            warehouse.checkpoint()
    return report


def _store_fetched(
    got: Fetched, before: PageRecord | None, hint: date | None, today: date, store: RawStore, writer: _Writer
) -> None:
    writer.report.fetched += 1
    sha = store.put(got.body)
    article_id = writer.store(got.final_url, got.body, got.content_type, hint, today)
    store.save(
        PageRecord(
            url=got.url,
            final_url=got.final_url,
            sha256=sha,
            content_type=got.content_type,
            etag=got.etag,
            last_modified=got.last_modified,
            fetched_at=_now(),
            published_hint=hint.isoformat() if hint else (before.published_hint if before else None),
            article_id=article_id,
        )
    )


def reread_pages(
    warehouse: Warehouse, store: RawStore, urls: Iterable[str] | None = None, *, today: date | None = None
) -> NewsReport:
    """Read the kept pages again (every address, or those given) and store their articles: no network.

    Used after the extractor changed, or to rebuild a warehouse from its raw pages."""
    report = NewsReport()
    writer = _Writer(warehouse, report)
    today = today or date.today()
    if urls is None:
        pairs: list[tuple[str, PageRecord | None]] = [(r.url, r) for r in store.records()]
    else:
        pairs = [(u, store.record(u)) for u in dict.fromkeys(urls)]
    for given, rec in pairs:
        if rec is None:
            report.failed.append(f"{given}: no page kept for this address; fetch it first")
            continue
        try:
            body = store.get(rec.sha256)
        except OSError as err:
            report.failed.append(f"{rec.url}: kept page cannot be read ({err.strerror or type(err).__name__})")
            continue
        hint = date.fromisoformat(rec.published_hint) if rec.published_hint else None
        report.fetched += 1
        writer.store(rec.final_url, body, rec.content_type, hint, today)
    return report
