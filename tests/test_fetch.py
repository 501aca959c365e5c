"""`startup-health fetch` and the polite fetcher, against pages served by a local HTTP server.

Each case says what a server does and what the documented behaviour is; the warehouse is checked to hold
exactly what it should (nothing lost, nothing half-written)."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from models.warehouse import Warehouse
from startup_health.cli import cli
from startup_health.fetch import DEFAULT_USER_AGENT, FetchError, Fetcher, Politeness
from startup_health.pages import HTML_TYPES
from web_support import OTHER, STORY, article_page

FAST = {"STARTUP_HEALTH_FETCH_DELAY_S": "0", "STARTUP_HEALTH_FETCH_TIMEOUT_S": "2"}
HTML = "text/html; charset=utf-8"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env={**FAST, **(env or {})}, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def no_robots(server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data("not here", status=404)


def everything(db: Path) -> dict[str, list[tuple]]:
    wh = Warehouse(db)
    return {t: wh.query(f"SELECT * FROM {t} ORDER BY ALL").rows for t in ("articles", "metric_rows", "event_rows")}


def test_fetch_stores_the_article_with_its_url_and_keeps_the_raw_page(httpserver: HTTPServer, tmp_path: Path) -> None:
    no_robots(httpserver)
    page = article_page("Quillfern Robotics raises $42 million", STORY)
    httpserver.expect_request("/tech/quillfern").respond_with_data(page, content_type=HTML, headers={"ETag": '"v1"'})
    url = httpserver.url_for("/tech/quillfern")
    db = tmp_path / "w.duckdb"
    code, out, err = run("fetch", url, "--db", str(db))
    assert code == 0, err
    assert out.startswith("1 pages read, 0 not modified; 1 new, 0 replaced, 0 unchanged; 0 failed;")
    wh = Warehouse(db)
    rows = wh.query("SELECT path, url, title, published, format FROM articles").rows
    assert rows == [(url, url, "Quillfern Robotics raises $42 million", __import__("datetime").date(2024, 5, 14), "html")]
    got = wh.query("SELECT company, metric, value FROM metrics ORDER BY metric").rows
    assert ("Quillfern Robotics", "funding_raised", 42e6) in got and ("Quillfern Robotics", "valuation", 310e6) in got
    kept = list((tmp_path / "w.pages" / "raw").glob("*/*.html.gz"))
    assert len(kept) == 1 and gzip.decompress(kept[0].read_bytes()) == page.encode()
    # the request named the project in its User-Agent
    ua = [req.headers.get("User-Agent") for req, _ in httpserver.log if req.path == "/tech/quillfern"]
    assert ua == [DEFAULT_USER_AGENT] and ua[0].startswith("startup-health/")


def test_second_fetch_is_conditional_and_a_304_changes_nothing(httpserver: HTTPServer, tmp_path: Path) -> None:
    no_robots(httpserver)
    page = article_page("Quillfern Robotics raises $42 million", STORY)

    def answer(req: Request) -> Response:
        if req.headers.get("If-None-Match") == '"v1"' and req.headers.get("If-Modified-Since"):
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(page, content_type=HTML, headers={"ETag": '"v1"', "Last-Modified": "Tue, 14 May 2024 08:00:00 GMT"})

    httpserver.expect_request("/q").respond_with_handler(answer)
    db = tmp_path / "w.duckdb"
    assert run("fetch", httpserver.url_for("/q"), "--db", str(db))[0] == 0
    before = everything(db)
    code, out, _ = run("fetch", httpserver.url_for("/q"), "--db", str(db))
    assert code == 0 and out.startswith("0 pages read, 1 not modified; 0 new")
    assert everything(db) == before
    statuses = [resp.status_code for req, resp in httpserver.log if req.path == "/q"]
    assert statuses == [200, 304]


def test_offline_rereads_the_kept_pages_without_the_network(httpserver: HTTPServer, tmp_path: Path) -> None:
    no_robots(httpserver)
    httpserver.expect_request("/q").respond_with_data(article_page("Q", STORY), content_type=HTML)
    db = tmp_path / "w.duckdb"
    url = httpserver.url_for("/q")
    assert run("fetch", url, "--db", str(db))[0] == 0
    before = everything(db)
    httpserver.clear()  # the server now answers nothing: any request would fail
    db.unlink()
    code, out, err = run("fetch", "--offline", "--db", str(db))
    assert code == 0, err
    assert "1 new" in out
    after = everything(db)
    drop_time = lambda rows: [r[:-1] for r in rows]  # noqa: E731 - ingested_at differs
    assert drop_time(after["articles"]) == drop_time(before["articles"])
    assert after["metric_rows"] == before["metric_rows"]
    assert httpserver.log == []
    code, _, err = run("fetch", "--offline", "http://never.example/x", "--db", str(db))
    assert code == 1 and "http://never.example/x: no page kept for this address; fetch it first" in err


def test_robots_txt_disallowing_a_path_is_obeyed(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n\nUser-agent: startup-health\nDisallow: /members/\n", content_type="text/plain"
    )
    httpserver.expect_request("/news/a").respond_with_data(article_page("A", STORY), content_type=HTML)
    httpserver.expect_request("/members/b").respond_with_data(article_page("B", OTHER), content_type=HTML)
    httpserver.expect_request("/private/c").respond_with_data(article_page("C", OTHER), content_type=HTML)
    db = tmp_path / "w.duckdb"
    urls = [httpserver.url_for(p) for p in ("/news/a", "/members/b", "/private/c")]
    code, out, err = run("fetch", *urls, "--db", str(db))
    assert code == 1
    # rules for our own name win over the '*' group (RFC 9309): /members/ is out, /private/ is not
    assert f"error   {urls[1]}: disallowed by robots.txt" in err
    assert "1 failed" in out
    assert sorted(r.path for r, _ in httpserver.log) == ["/news/a", "/private/c", "/robots.txt"]


def test_robots_txt_that_cannot_be_read_stops_the_site(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("busy", status=503)
    httpserver.expect_request("/a").respond_with_data(article_page("A", STORY), content_type=HTML)
    code, _, err = run("fetch", httpserver.url_for("/a"), "--db", str(tmp_path / "w.duckdb"))
    assert code == 1
    assert f"{httpserver.url_for('/a')}: robots.txt cannot be read (HTTP 503); not fetched" in err
    assert [r.path for r, _ in httpserver.log] == ["/robots.txt"]


def test_redirects_are_followed_and_a_loop_is_named(httpserver: HTTPServer, tmp_path: Path) -> None:
    no_robots(httpserver)
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(article_page("New", STORY), content_type=HTML)
    httpserver.expect_request("/loop-a").respond_with_data("", status=302, headers={"Location": "/loop-b"})
    httpserver.expect_request("/loop-b").respond_with_data("", status=302, headers={"Location": "/loop-a"})
    db = tmp_path / "w.duckdb"
    old, loop = httpserver.url_for("/old"), httpserver.url_for("/loop-a")
    code, out, err = run("fetch", old, loop, "--db", str(db))
    assert code == 1
    assert f"{loop}: redirect loop ({loop} -> {httpserver.url_for('/loop-b')} -> {loop})" in err
    assert Warehouse(db).query("SELECT url FROM articles").rows == [(httpserver.url_for("/new"),)]


def test_too_many_redirects(httpserver: HTTPServer) -> None:
    no_robots(httpserver)
    for i in range(4):
        httpserver.expect_request(f"/r{i}").respond_with_data("", status=307, headers={"Location": f"/r{i + 1}"})
    with Fetcher(Politeness(delay_s=0, max_redirects=2)) as f, pytest.raises(FetchError) as err:
        f.get(httpserver.url_for("/r0"))
    assert str(err.value) == f"{httpserver.url_for('/r0')}: more than 2 redirects (last to {httpserver.url_for('/r3')})"
    assert '/r3' not in [r.path for r, _ in httpserver.log]


def test_a_slow_server_is_cut_off_at_the_time_limit() -> None:
    # a server of its own, answering in threads: its slow answers must not hold up the other tests' server
    server = HTTPServer(threaded=True)
    server.start()
    try:
        no_robots(server)

        def trickle(req: Request) -> Response:
            def body():  # 40 bytes a tenth of a second for 3 s: each read is quick, the whole page is not
                for _ in range(30):
                    yield b"<p>" + b"x" * 36 + b"</p>"
                    time.sleep(0.1)

            return Response(body(), content_type=HTML)

        def stall(req: Request) -> Response:  # answers only after 3 s
            time.sleep(3.0)
            return Response("late", content_type=HTML)

        server.expect_request("/trickle").respond_with_handler(trickle)
        server.expect_request("/stall").respond_with_handler(stall)
        with Fetcher(Politeness(delay_s=0, timeout_s=0.5)) as f:
            for path in ("/trickle", "/stall"):
                started = time.monotonic()
                with pytest.raises(FetchError) as err:
                    f.get(server.url_for(path))
                assert str(err.value) == f"{server.url_for(path)}: timed out after 0.5 s"
                assert time.monotonic() - started < 2.5  # well before either server would have finished (3 s)
    finally:
        server.clear()
        server.stop()


def test_a_50_mb_page_is_refused(httpserver: HTTPServer, tmp_path: Path) -> None:
    no_robots(httpserver)
    big = b"<html><body><article><p>" + b"a" * (50 * 1024 * 1024) + b"</p></article></body></html>"
    httpserver.expect_request("/declared").respond_with_data(big, content_type=HTML)

    def chunked(req: Request) -> Response:  # no Content-Length: the body is cut off while it is read
        return Response((big[i : i + 65536] for i in range(0, len(big), 65536)), content_type=HTML)

    httpserver.expect_request("/chunked").respond_with_handler(chunked)
    db = tmp_path / "w.duckdb"
    code, _, err = run("fetch", httpserver.url_for("/declared"), httpserver.url_for("/chunked"), "--db", str(db))
    assert code == 1
    assert f"{httpserver.url_for('/declared')}: page is 50.0 MB, over the 5.0 MB limit" in err
    assert f"{httpserver.url_for('/chunked')}: page is over the 5.0 MB limit (cut off)" in err


def test_wrong_content_types_and_http_errors_are_named(httpserver: HTTPServer, tmp_path: Path) -> None:
    no_robots(httpserver)
    httpserver.expect_request("/paper.pdf").respond_with_data(b"%PDF-1.7 ...", content_type="application/pdf")
    httpserver.expect_request("/data").respond_with_data('{"a": 1}', content_type="application/json")
    httpserver.expect_request("/gone").respond_with_data("nope", status=404)
    httpserver.expect_request("/nav").respond_with_data(
        "<html><body><nav>Home</nav><footer>About</footer></body></html>", content_type=HTML
    )
    db = tmp_path / "w.duckdb"
    paths = ["/paper.pdf", "/data", "/gone", "/nav"]
    code, out, err = run("fetch", *[httpserver.url_for(p) for p in paths], "ftp://files.example/a", "--db", str(db))
    assert code == 1
    u = httpserver.url_for
    assert f"{u('/paper.pdf')}: not an HTML page (content type application/pdf)" in err
    assert f"{u('/data')}: not an HTML page (content type application/json)" in err
    assert f"{u('/gone')}: HTTP 404 Not Found" in err
    assert f"{u('/nav')}: no article body found in the HTML" in err
    assert "ftp://files.example/a: not an http(s) address" in err
    assert len([line for line in err.splitlines() if line.startswith("error")]) == 5
    assert "5 failed" in out


def test_failures_lose_nothing_already_stored(httpserver: HTTPServer, tmp_path: Path) -> None:
    from conftest import SEEDS

    db = tmp_path / "w.duckdb"
    assert run("ingest", str(SEEDS), "--db", str(db), "-q")[0] == 0
    before = everything(db)
    no_robots(httpserver)
    httpserver.expect_request("/gone").respond_with_data("nope", status=500)
    httpserver.expect_request("/good").respond_with_data(article_page("Good", OTHER), content_type=HTML)
    code, _, _ = run("fetch", httpserver.url_for("/gone"), httpserver.url_for("/good"), "--db", str(db))
    assert code == 1
    after = everything(db)
    assert set(before["articles"]) <= set(after["articles"]) and len(after["articles"]) == 3
    assert set(before["metric_rows"]) <= set(after["metric_rows"])


def test_one_request_at_a_time_with_a_delay_per_host(httpserver: HTTPServer) -> None:
    no_robots(httpserver)
    seen: list[float] = []

    def timed(req: Request) -> Response:
        seen.append(time.monotonic())
        return Response(article_page("T", STORY), content_type=HTML)

    httpserver.expect_request("/t").respond_with_handler(timed)
    with Fetcher(Politeness(delay_s=0.3)) as f:
        for _ in range(3):
            assert f.get(httpserver.url_for("/t"), accept=HTML_TYPES).status == 200
    gaps = [b - a for a, b in zip(seen, seen[1:])]
    assert len(gaps) == 2 and all(g >= 0.29 for g in gaps), gaps


def test_crawl_delay_longer_than_ours_is_used(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nCrawl-delay: 0.4\n")
    seen: list[float] = []

    def timed(req: Request) -> Response:
        seen.append(time.monotonic())
        return Response("<html><body>x</body></html>", content_type=HTML)

    httpserver.expect_request("/t").respond_with_handler(timed)
    with Fetcher(Politeness(delay_s=0.05)) as f:
        f.get(httpserver.url_for("/t"))
        f.get(httpserver.url_for("/t"))
    assert seen[1] - seen[0] >= 0.39


def test_fetch_refuses_a_warehouse_that_reads_a_parquet_dataset(tmp_path: Path) -> None:
    from startup_health.scale import ingest_dask  # noqa: F401 - the engine that makes such a warehouse

    wh = Warehouse(tmp_path / "w.duckdb")
    (tmp_path / "ds").mkdir()
    wh.attach_parquet(tmp_path / "ds")
    for cmd in (["fetch", "http://news.example/a"], ["follow", "http://news.example/rss", "--once"]):
        code, _, err = run(*cmd, "--db", str(wh.path))
        assert code == 1 and "reads a Parquet dataset of the Dask engine" in err
