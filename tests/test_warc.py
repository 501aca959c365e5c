"""Web archives as input: a WARC written here (warcio) with HTML responses, a PDF, a 404, records that are not
responses, a page the prefilter drops and a truncated record; read whole and in slices, by both engines."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extract.reading import Skipped
from models.warehouse import Warehouse
from startup_health.cli import cli
from startup_health.warc import iter_warc
from web_support import OTHER, STORY, article_page

WEATHER = "Heavy rain is expected across the region on Thursday, with wind easing by the evening, forecasters said."
PAGES = [
    # (url, status, content type, body, capture date)
    ("https://ledger.example/quillfern", "200 OK", "text/html; charset=utf-8",
     article_page("Quillfern Robotics raises $42 million", STORY).encode(), "2024-05-14T10:00:00Z"),
    ("https://ledger.example/robots-paper.pdf", "200 OK", "application/pdf", b"%PDF-1.7 not a page", "2024-05-14T10:01:00Z"),
    ("https://ledger.example/missing", "404 Not Found", "text/html", b"<html><body>gone</body></html>", "2024-05-14T10:02:00Z"),
    ("https://ledger.example/weather", "200 OK", "text/html",
     article_page("Rain on Thursday", WEATHER * 3, published=None).encode(), "2024-05-15T06:00:00Z"),
    ("https://wire.example/tessaline", "200 OK", "text/html",
     article_page("Tessaline Health cuts 60 jobs", OTHER, published=None).encode(), "2024-05-20T09:30:00Z"),
]  # fmt: skip


def write_warc(path: Path, *, gz: bool, truncate: bool = True, pages: list | None = None) -> None:
    """Write the pages as response records (each after a request record), then a truncated response."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record(path.name, {"software": "tests"}))
    for url, status, ctype, body, when in pages or PAGES:
        req = w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                   warc_headers_dict={"WARC-Date": when})  # fmt: skip
        w.write_record(req)
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                   warc_headers_dict={"WARC-Date": when})  # fmt: skip
        w.write_record(rec)
    data = buf.getvalue()
    if truncate:
        last = io.BytesIO()
        w2 = WARCWriter(last, gzip=gz)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = article_page("Cut short", STORY).encode()
        w2.write_record(w2.create_warc_record("https://ledger.example/cut", "response", payload=io.BytesIO(body),
                                              http_headers=headers, warc_headers_dict={"WARC-Date": "2024-05-21T00:00:00Z"}))  # fmt: skip
        data += last.getvalue()[: len(last.getvalue()) // 2]
    path.write_bytes(data)


def outcomes(path: Path, start: int = 0, end: int | None = None) -> list:
    return list(iter_warc(path, start, end, today=date(2025, 1, 1)))


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_records_become_articles_or_named_skips(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    write_warc(path, gz=gz)
    got = outcomes(path)
    articles = [o for o in got if not isinstance(o, Skipped)]
    assert [(a.url, a.published, a.fmt) for a in articles] == [
        ("https://ledger.example/quillfern", date(2024, 5, 14), "warc"),  # the date the page states
        ("https://ledger.example/weather", date(2024, 5, 15), "warc"),  # none stated: the capture date
        ("https://wire.example/tessaline", date(2024, 5, 20), "warc"),
    ]
    assert all(a.path.startswith(f"{path}@") for a in articles)
    assert articles[0].title == "Quillfern Robotics raises $42 million" and "Series B" in articles[0].text
    skipped = [(o.reason, o.is_error) for o in got if isinstance(o, Skipped)]
    assert skipped[:2] == [
        ("not an HTML page (application/pdf) at https://ledger.example/robots-paper.pdf", False),
        ("HTTP 404 response for https://ledger.example/missing", False),
    ]
    # the last record is cut in half: named as truncated (with its address when its headers survived)
    assert len(skipped) == 3 and skipped[2][1] is True
    assert skipped[2][0] in {
        "truncated record for https://ledger.example/cut: the file ends inside it",
        "truncated record: the file ends inside it",
    }
    # the offset in a path is where the record starts: reading from there gives that record first
    first = outcomes(path, int(articles[1].path.rsplit("@", 1)[1]))
    assert first[0].url == "https://ledger.example/weather"


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("step", [97, 700, 4096])
def test_slices_share_a_file_without_losing_or_repeating_a_record(tmp_path: Path, gz: bool, step: int) -> None:
    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    write_warc(path, gz=gz)
    whole = [o.path for o in outcomes(path)]
    size = path.stat().st_size
    sliced = [o.path for s in range(0, size, step) for o in outcomes(path, s, min(s + step, size))]
    assert sliced == whole


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_reads_a_warc_and_reports_what_it_skipped(tmp_path: Path) -> None:
    path = tmp_path / "in" / "news.warc.gz"
    path.parent.mkdir()
    write_warc(path, gz=True)
    db = tmp_path / "w.duckdb"
    code, out, err = run("ingest", str(path.parent), "--db", str(db), "-q")
    assert code == 1  # the truncated record is an error; everything else is stored
    assert out.startswith("3 articles read: 2 new, 0 replaced, 0 unchanged; 2 skipped, 1 failed;")
    assert "; 1 web-archive page skipped by the prefilter (no money, staff or leadership words)" in out
    assert "not an HTML page (application/pdf) at https://ledger.example/robots-paper.pdf" in err
    assert "HTTP 404 response for https://ledger.example/missing" in err
    assert f"error   {path}@" in err and "truncated record" in err
    wh = Warehouse(db)
    rows = wh.query("SELECT url, published, format FROM articles ORDER BY url").rows
    assert rows == [
        ("https://ledger.example/quillfern", date(2024, 5, 14), "warc"),
        ("https://wire.example/tessaline", date(2024, 5, 20), "warc"),
    ]
    got = set(wh.query("SELECT company, metric, value FROM metrics").rows)
    assert {("Quillfern Robotics", "funding_raised", 42e6), ("Tessaline Health", "layoffs", 60.0)} <= got
    code, out, _ = run("ingest", str(path.parent), "--db", str(db), "-q")
    assert "0 new, 0 replaced, 2 unchanged" in out


@pytest.mark.slow
def test_local_and_dask_engines_store_the_same_metrics(tmp_path: Path) -> None:
    from startup_health.scale import ingest_dask

    folder = tmp_path / "in"
    folder.mkdir()
    # six editions of each page, each text its own (the same text twice is one article, kept once by the
    # local engine and once per partition by the Dask engine until `compact`: a documented difference)
    pages = [(f"{u}?edition={i}", s, c, b.replace(b"</h1>", f" (edition {i})</h1>".encode()), w)
             for i in range(6) for u, s, c, b, w in PAGES]  # fmt: skip
    write_warc(folder / "big.warc.gz", gz=True, pages=pages)
    write_warc(folder / "plain.warc", gz=False, truncate=False)
    local = Warehouse(tmp_path / "local.duckdb")
    from startup_health.pipeline import ingest

    rep_local = ingest([folder], local, workers=2)
    dask = Warehouse(tmp_path / "dask.duckdb")
    rep_dask = ingest_dask([folder], tmp_path / "dask.parquet", warehouse=dask, workers=2, warc_bytes=4096)
    assert (rep_local.read, rep_local.prefiltered) == (rep_dask.read, rep_dask.prefiltered) == (21, 7)  # 18 + 3 HTML pages; the weather page 7 times
    assert len(rep_local.failed) == len(rep_dask.failed) == 1
    sql = "SELECT article_path, company, metric, value, unit, qualifier, as_of, quote FROM metrics ORDER BY ALL"
    assert local.query(sql).rows == dask.query(sql).rows
    assert len(local.query(sql).rows) >= 20
    # the editions of one page are copies of one story, found by both engines
    stories = "SELECT count(*), count(DISTINCT story_id) FROM article_stories"
    assert local.query(stories).rows == dask.query(stories).rows == [(14, 2)]
    assert rep_local.copies == rep_dask.copies == 12
