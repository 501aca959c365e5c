"""`startup-health follow`: feeds served by a local HTTP server, polled once or on a schedule."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from conftest import ROOT
from models.warehouse import Warehouse
from startup_health.cli import cli
from startup_health.feeds import FeedError, parse_feed
from startup_health.follow import parse_every, run_rounds
from web_support import OTHER, STORY, article_page, rss

FAST = {"STARTUP_HEALTH_FETCH_DELAY_S": "0", "STARTUP_HEALTH_FETCH_TIMEOUT_S": "3"}
HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml"
THIRD = "Corvane Labs, a battery recycling start-up, has raised $18 million in seed funding, the company said on Friday."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=FAST, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def serve_site(server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request("/news/quillfern").respond_with_data(article_page("Quillfern raises $42 million", STORY), content_type=HTML)
    server.expect_request("/news/tessaline").respond_with_data(
        article_page("Tessaline Health cuts 60 jobs", OTHER, published=None), content_type=HTML
    )
    server.expect_request("/news/corvane").respond_with_data(article_page("Corvane raises $18 million", THIRD), content_type=HTML)


def test_parse_feed_resolves_relative_links_and_drops_duplicates() -> None:
    body = rss(
        [
            ("Quillfern", "/news/quillfern", "Tue, 14 May 2024 08:00:00 GMT"),
            ("Tessaline", "tessaline", "Mon, 20 May 2024 09:00:00 GMT"),
            ("Quillfern again", "https://ledger.example/news/quillfern#comments", None),
            ("Not a page", "mailto:desk@ledger.example", None),
        ]
    ).encode()
    feed = parse_feed(body, url="https://ledger.example/news/rss.xml")
    assert [(e.link, e.published) for e in feed.entries] == [
        ("https://ledger.example/news/quillfern", date(2024, 5, 14)),
        ("https://ledger.example/news/tessaline", date(2024, 5, 20)),
    ]
    assert feed.title == "Daily Ledger" and feed.problem is None
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body><p>a page, not a feed</p></body></html>", url="https://ledger.example/")


def test_follow_once_fetches_the_entries_and_keeps_the_feed_state(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve_site(httpserver)
    feed = rss([("Q", "/news/quillfern", "Tue, 14 May 2024 08:00:00 GMT"),
                ("T", "tessaline", "Mon, 20 May 2024 09:00:00 GMT"),
                ("Q again", "/news/quillfern", None)])  # fmt: skip

    def answer(req: Request) -> Response:
        if req.headers.get("If-None-Match") == '"f1"':
            return Response(status=304, headers={"ETag": '"f1"'})
        return Response(feed, content_type=RSS, headers={"ETag": '"f1"'})

    httpserver.expect_request("/news/rss.xml").respond_with_handler(answer)
    db = tmp_path / "w.duckdb"
    feed_url = httpserver.url_for("/news/rss.xml")
    code, out, err = run("follow", feed_url, "--once", "--db", str(db))
    assert code == 0, err
    assert "2 pages read, 0 not modified; 2 new" in out and "What the new articles changed:" in out
    wh = Warehouse(db)
    got = wh.query("SELECT url, published FROM articles ORDER BY url").rows
    # Tessaline's page states no date: the feed entry's date is used
    assert got == [(httpserver.url_for("/news/quillfern"), date(2024, 5, 14)),
                   (httpserver.url_for("/news/tessaline"), date(2024, 5, 20))]  # fmt: skip
    state = wh.query("SELECT url, title, etag, last_entry, entries_seen, articles, errors, last_error FROM feeds").rows
    assert state == [(feed_url, "Daily Ledger", '"f1"', httpserver.url_for("/news/quillfern"), 2, 2, 0, None)]
    # the second round: the feed has not changed (304), nothing is fetched again
    code, out, _ = run("follow", feed_url, "--once", "--db", str(db))
    assert code == 0 and out.startswith("0 pages read, 0 not modified; 0 new")
    pages = [r.path for r, _ in httpserver.log if r.path.startswith("/news/") and r.path != "/news/rss.xml"]
    assert sorted(pages) == ["/news/quillfern", "/news/tessaline"]


def test_only_new_entries_are_fetched_when_the_feed_grows(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve_site(httpserver)
    items = [("Q", "/news/quillfern", None)]
    httpserver.expect_request("/rss").respond_with_handler(lambda req: Response(rss(items), content_type=RSS))
    db = tmp_path / "w.duckdb"
    assert run("follow", httpserver.url_for("/rss"), "--once", "--db", str(db))[0] == 0
    items.insert(0, ("C", "/news/corvane", None))
    code, out, _ = run("follow", httpserver.url_for("/rss"), "--once", "--db", str(db))
    assert code == 0 and out.startswith("1 pages read, 0 not modified; 1 new")
    assert [r.path for r, _ in httpserver.log].count("/news/quillfern") == 1
    wh = Warehouse(db)
    assert wh.query("SELECT last_entry, entries_seen, articles FROM feeds").rows == [
        (httpserver.url_for("/news/corvane"), 2, 2)
    ]


def test_broken_feeds_are_named_and_counted_nothing_lost(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve_site(httpserver)
    broken = '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken & Co</title>' \
             '<item><title>Q</title><link>/news/quillfern</link></item><item><title>T'  # fmt: skip
    httpserver.expect_request("/broken.xml").respond_with_data(broken, content_type=RSS)
    httpserver.expect_request("/page").respond_with_data("<html><body><p>hello</p></body></html>", content_type="text/xml")
    httpserver.expect_request("/pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    db = tmp_path / "w.duckdb"
    urls = [httpserver.url_for(p) for p in ("/broken.xml", "/page", "/pdf", "/gone")]
    code, out, err = run("follow", *urls, "--once", "--db", str(db))
    assert code == 1
    assert f"warning {urls[0]}: the feed is not well-formed XML (" in err and "1 entry read anyway" in err
    assert f"error   {urls[1]}: not an RSS or Atom feed (no entries)" in err
    assert f"error   {urls[2]}: not a feed (content type application/pdf)" in err
    assert f"error   {urls[3]}: HTTP 404 Not Found" in err
    wh = Warehouse(db)
    assert wh.query("SELECT url FROM articles").rows == [(httpserver.url_for("/news/quillfern"),)]
    errors = dict(wh.query("SELECT url, errors FROM feeds").rows)
    assert errors == {urls[0]: 0, urls[1]: 1, urls[2]: 1, urls[3]: 1}
    assert run("follow", *urls[1:], "--once", "--db", str(db))[0] == 1
    assert dict(wh.query("SELECT url, errors FROM feeds").rows)[urls[3]] == 2  # failures in a row
    assert wh.query("SELECT last_error FROM feeds WHERE url = ?", [urls[3]]).rows == [("HTTP 404 Not Found",)]


def test_rounds_run_on_schedule() -> None:
    clock = [0.0]
    slept: list[float] = []

    def one() -> float:
        clock[0] += 2.0  # each round takes 2 s
        return clock[0]

    def sleep(s: float) -> None:
        slept.append(s)
        clock[0] += s

    seen: list[float] = []
    assert run_rounds(one, every_s=10, on_round=seen.append, rounds=3, sleep=sleep, clock=lambda: clock[0]) == 3
    assert seen == [2.0, 12.0, 22.0] and slept == [8.0, 8.0]
    assert parse_every("15m") == 900
    with pytest.raises(ValueError):
        parse_every("soon")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_follow_stops_cleanly_on_a_signal(httpserver: HTTPServer, tmp_path: Path, sig: int) -> None:
    serve_site(httpserver)
    httpserver.expect_request("/rss").respond_with_data(rss([("Q", "/news/quillfern", None)]), content_type=RSS)
    db = tmp_path / "w.duckdb"
    env = {**os.environ, **FAST, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "startup_health", "follow", httpserver.url_for("/rss"), "--every", "1s", "--db", str(db)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and [r.path for r, _ in httpserver.log].count("/rss") < 2:
            time.sleep(0.1)  # wait for the second round to have started
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped" in err and "1 new" in out
    wh = Warehouse(db)
    assert wh.query("SELECT count(*) FROM articles").rows == [(1,)]
    assert wh.query("SELECT errors FROM feeds").rows == [(0,)]


def test_fetch_stops_cleanly_on_ctrl_c_after_the_page_under_way(httpserver: HTTPServer, tmp_path: Path) -> None:
    serve_site(httpserver)
    started: list[float] = []

    def slow(req: Request) -> Response:  # the second page takes a second: Ctrl-C arrives meanwhile
        started.append(time.monotonic())
        time.sleep(1.0)
        return Response(article_page("Corvane raises $18 million", THIRD), content_type=HTML)

    httpserver.expect_request("/slow/corvane").respond_with_handler(slow)
    db = tmp_path / "w.duckdb"
    urls = [httpserver.url_for(p) for p in ("/news/quillfern", "/slow/corvane", "/news/tessaline")]
    env = {**os.environ, **FAST, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "startup_health", "fetch", *urls, "--db", str(db)], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not started and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "stopped: every page stored so far is whole" in err and "Traceback" not in err
    # the page under way was finished and stored; the one after it was never asked for
    stored = {r[0] for r in Warehouse(db).query("SELECT url FROM articles").rows}
    assert stored == {urls[0], urls[1]}
    assert "/news/tessaline" not in [r.path for r, _ in httpserver.log]
