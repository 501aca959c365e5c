"""`follow`: poll RSS and Atom feeds and fetch their new entries, round after round.

    report = follow_round(feed_urls, warehouse, fetcher, store)      # one round: every feed once
    run_rounds(lambda: follow_round(...), every_s=900, on_round=print_it)   # until Ctrl-C or SIGTERM

A round reads each feed politely (conditional GET: a feed that has not changed costs a 304), lists its
entries, and fetches those whose address was never fetched (the raw store knows every address fetched),
each with the entry's date as the publication date when the page states none. Each feed's state (ETag,
Last-Modified, newest entry, counts, failures in a row and the last error) is saved in the ``feeds``
table after its entries are stored, so a round stopped half-way leaves each feed either done or to be
read again, and every article stored whole.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from typing import Any

from models.warehouse import Warehouse, ingest_lock
from models.warehouse.feeds import FeedState
from startup_health.feeds import FeedError, parse_feed
from startup_health.fetch import FEED_TYPES, FetchError, Fetcher
from startup_health.news import NewsReport, fetch_pages
from startup_health.rawstore import RawStore

__all__ = ["follow_round", "run_rounds", "parse_every", "stop_on_signals", "StopFlag", "FEED_ACCEPT"]

#: content types taken as feeds (some servers send RSS as text/plain)
FEED_ACCEPT = FEED_TYPES | {"text/plain"}


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def parse_every(text: str) -> float:
    """Seconds from '15m', '30s', '2h' or a plain number of seconds; ValueError for anything else.

    >>> parse_every("15m"), parse_every("90"), parse_every("2h"), parse_every("1.5m")
    (900.0, 90.0, 7200.0, 90.0)
    """
    raw = text.strip().lower()
    scale = {"s": 1.0, "m": 60.0, "h": 3600.0}.get(raw[-1:], None)
    number = raw[:-1] if scale else raw
    try:
        value = float(number) * (scale or 1.0)
    except ValueError:
        raise ValueError(f"{text!r} is not a duration like 15m, 30s or 2h") from None
    if not value >= 1:
        raise ValueError(f"{text!r}: the interval must be at least 1 second")
    return value


def _state(warehouse: Warehouse, url: str) -> FeedState:
    found = warehouse.feed_state(url)
    if found is not None:
        return found
    return FeedState(url, None, None, None, None, 0, 0, _now(), None, None, 0, None)


def _save(warehouse: Warehouse, state: FeedState) -> None:
    with ingest_lock(warehouse.path, wait_s=warehouse.lock_wait_s):
        warehouse.save_feed(state)


def _poll_one(
    url: str, warehouse: Warehouse, fetcher: Fetcher, store: RawStore, report: NewsReport, today: date,
    stop: Callable[[], bool],
) -> None:  # fmt: skip
    state = _state(warehouse, url)
    state.last_polled = _now()
    try:
        got = fetcher.get(url, accept=FEED_ACCEPT, etag=state.etag, last_modified=state.last_modified)
        if got.not_modified:
            state.errors, state.last_error, state.last_ok = 0, None, state.last_polled
            _save(warehouse, state)
            return
        feed = parse_feed(got.body, url=got.final_url, content_type=got.content_type)
    except (FetchError, FeedError) as err:
        line = str(err) if isinstance(err, FetchError) else f"{url}: {err}"
        report.failed.append(line)
        state.errors += 1
        state.last_error = line.split(": ", 1)[-1]
        _save(warehouse, state)
        return
    if feed.problem:
        report.warnings.append(f"{url}: {feed.problem}")
    new = [e for e in feed.entries if store.record(e.link) is None]
    before = report.new + report.replaced + report.unchanged
    fetch_pages([e.link for e in new], warehouse, fetcher, store, hints={e.link: e.published for e in new if e.published},
                today=today, report=report, stop=stop)  # fmt: skip
    if stop() and any(store.record(e.link) is None for e in new):
        return  # stopped half-way through the entries: the feed is read again next time
    state.title = feed.title or state.title
    state.etag, state.last_modified = got.etag, got.last_modified
    state.last_entry = feed.entries[0].link if feed.entries else state.last_entry
    state.entries_seen = len(feed.entries)
    state.articles += report.new + report.replaced + report.unchanged - before
    state.errors, state.last_error, state.last_ok = 0, None, state.last_polled
    _save(warehouse, state)


def follow_round(
    feed_urls: Iterable[str],
    warehouse: Warehouse,
    fetcher: Fetcher,
    store: RawStore,
    *,
    today: date | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> NewsReport:
    """Read every feed once and store the articles of its new entries (see the module); when ``stop()``
    becomes true, return after the page being stored."""
    report = NewsReport()
    with ingest_lock(warehouse.path, wait_s=warehouse.lock_wait_s):
        warehouse.ensure_schema()
    for url in dict.fromkeys(feed_urls):
        if stop():
            break
        _poll_one(url, warehouse, fetcher, store, report, today or date.today(), stop)
    return report


def run_rounds(
    one_round: Callable[[], Any],
    *,
    every_s: float,
    on_round: Callable[[Any], None],
    rounds: int | None = None,
    stop: Callable[[], bool] = lambda: False,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Run ``one_round`` every ``every_s`` seconds (from the start of one to the start of the next), passing
    each result to ``on_round``, ``rounds`` times or until ``stop()``; returns the rounds completed."""
    done = 0
    while (rounds is None or done < rounds) and not stop():
        started = clock()
        on_round(one_round())
        done += 1
        if (rounds is not None and done >= rounds) or stop():
            break
        sleep(max(0.0, started + every_s - clock()))
    return done


class StopFlag:
    """Set by Ctrl-C or SIGTERM (see `stop_on_signals`); the work stops at the next safe point."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def __call__(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> None:
        """Sleep up to ``seconds``, waking at once when a stop is asked for."""
        self._event.wait(max(0.0, seconds))


@contextmanager
def stop_on_signals() -> Iterator[StopFlag]:
    """Within the block, Ctrl-C (SIGINT) and SIGTERM (``systemctl stop``, ``kill``) only set a flag, which
    the work checks between pages, feeds and rounds: a signal never interrupts a write half-way (raising
    at an arbitrary point would, and DuckDB turns it into "Query interrupted")."""
    flag = StopFlag()
    previous = {}
    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda signum, frame: flag.set())
    except ValueError:  # not the main thread: leave signals alone
        pass
    try:
        yield flag
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
