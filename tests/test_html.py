"""clean_html: the story of a page, without its boilerplate, with title, date and URL."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from extract.html import CleanPage, clean_html, parse_date_text

DATA = Path(__file__).parent / "data"
DEVSET = DATA / "devset"
READING = DATA / "reading"


def squash(text: str) -> str:
    return " ".join(text.split())


def devset_page(name: str) -> CleanPage:
    return clean_html((DEVSET / "articles" / name).read_text(encoding="utf-8"))


def gold_evidence(name: str) -> list[str]:
    with (DEVSET / "gold.csv").open(newline="", encoding="utf-8") as handle:
        return [row["evidence"] for row in csv.DictReader(handle) if row["article"] == name]


HTML_FILES = ["dv03.html", "dv06.html", "dv10.html", "dv14.html", "dv19.html"]

# Boilerplate named in the devset README's traps, plus other page chrome, checked by hand in each file.
BOILERPLATE = {
    "dv03.html": [
        "143 advertising", "Accept all", "Reddit jumps 48%", "$34 a share", "314-billion-parameter",
        "250,000 readers", "Subscribe for $1", "09876543", "wordCount", "Related stories",
    ],
    "dv06.html": [
        "212 partners", "$2tn", "$90m raise", "£100m", "£299", "adSlots", "11223344", "Most read",
        "Your privacy", "Privacy settings",
    ],
    "dv10.html": [
        "DJIA", "27,766.29", "3,103.54", "$1.16 billion", "falls 11%", "$29", "250 Example Avenue",
        "at least 15 minutes", "uses cookies", "More from Tech",
    ],
    "dv14.html": [
        "uses cookies", "Synthesia raises $90m", "£146.5m", "£26m", "30% off", "10293847", "Layoff tracker",
        "Latest funding rounds",
    ],
    "dv19.html": [
        "48 purposes", "$2.4 billion", "$4 trillion", "up to $100 million", "55123", "Bayline Media",
        "Podcasts", "scrollDepth",
    ],
}  # fmt: skip

# Read by hand from each page's head.
EXPECTED_META = {
    "dv03.html": (
        "Microsoft to pay Inflection AI US$650M after hiring most of its staff",
        date(2024, 3, 22),
        "https://www.circuitledger.example/2024/03/22/microsoft-inflection-650m",
    ),
    "dv06.html": ("Stability AI cuts a tenth of its staff weeks after founder's exit", date(2024, 4, 18), None),
    "dv10.html": ("WeWork to cut about 2,400 jobs as SoftBank takes charge", date(2019, 11, 22), None),
    "dv14.html": (
        "Hopin founder Johnny Boufarhat steps down after fire sale of events business",
        date(2023, 8, 4),
        None,
    ),
    "dv19.html": ("Scale AI lays off 14% of staff a month after Meta's $14.3 billion deal", date(2025, 7, 17), None),
}


@pytest.mark.parametrize("name", HTML_FILES)
def test_every_gold_evidence_is_in_the_clean_text(name: str) -> None:
    text = squash(devset_page(name).text)
    evidence = gold_evidence(name)
    assert evidence, "the gold file has rows for every devset page"
    missing = [e for e in evidence if squash(e) not in text]
    assert missing == []


@pytest.mark.parametrize("name", HTML_FILES)
def test_no_boilerplate_in_the_clean_text(name: str) -> None:
    text = devset_page(name).text
    raw = (DEVSET / "articles" / name).read_text(encoding="utf-8")
    for needle in BOILERPLATE[name]:
        assert needle in raw.replace("&pound;", "£"), f"trap {needle!r} must be on the page for the test to mean anything"
        assert needle not in text, needle


@pytest.mark.parametrize("name", HTML_FILES)
def test_title_date_and_url(name: str) -> None:
    page = devset_page(name)
    assert (page.title, page.published, page.url) == EXPECTED_META[name]
    assert page.warnings == ()


def test_story_starts_with_the_headline_and_keeps_paragraphs_apart() -> None:
    page = devset_page("dv19.html")  # the <h1> sits in the article's own <header>
    assert page.text.startswith("Scale AI lays off 14% of staff a month after Meta's $14.3 billion deal\n\n")
    assert "\n\nBefore the cuts Scale had about 1,400 employees" in page.text
    assert "  " not in page.text and "\n\n\n" not in page.text


def test_dv06_date_comes_from_json_ld_only() -> None:
    raw = (DEVSET / "articles" / "dv06.html").read_text(encoding="utf-8")
    assert "published_time" not in raw and "<time" not in raw
    assert devset_page("dv06.html").published == date(2024, 4, 18)


def test_page_without_article_element_falls_back_to_trafilatura() -> None:
    page = clean_html((READING / "no_article.html").read_text(encoding="utf-8"))
    assert "has raised $12 million in a Series A round" in page.text
    assert "bringing in about $4 million in 2022." in page.text
    for needle in ("731 partners", "4,000 openings", "lays off 300", "$950 million", "99 Example Road"):
        assert needle not in page.text
    assert page.published == date(2023, 5, 9)  # <meta name="date">
    assert page.url == "https://wire.example/2023/05/09/acme-robotics"  # og:url
    assert page.title == "Acme Robotics raises $12 million Series A"  # no og:title: the <h1>


def test_boilerplate_inside_the_article_is_dropped_and_json_ld_graph_is_read() -> None:
    page = clean_html((READING / "graph_jsonld.html").read_text(encoding="utf-8"))
    assert page.text == (
        "Beta Labs cuts 40 jobs\n\n"
        "Beta Labs, the battery start-up, is laying off 40 people, about a quarter of its staff, as it "
        "struggles to raise new money.\n\n"
        "The company had 160 employees at the start of the year.\nIt last raised $30 million in 2021.\n\n"
        "What comes next\n\n"
        "- Closing the Austin lab\n\n"  # list items keep a marker (a roundup's entries read as in Markdown)
        "- Selling two pilot lines"
    )
    assert page.published == date(2022, 11, 30)  # local date as written, not converted to UTC
    assert page.url == "https://graph.example/beta-labs-cuts"
    assert page.title == "Beta Labs cuts 40 jobs"


ARTICLE = "<p>" + "Gamma raised $5 million from angels. " * 8 + "</p>"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<meta property="article:published_time" content="2021-01-02T23:30:00-05:00">', "", date(2021, 1, 2)),
        ('<meta name="date" content="2020/12/31">', "", date(2020, 12, 31)),
        ("", '<time datetime="2019-07-04">4 July</time>', date(2019, 7, 4)),
        (
            '<script type="application/ld+json">[{"@type": "Organization"}, '
            '{"@type": "BlogPosting", "datePublished": "2018-03-05"}]</script>',
            "",
            date(2018, 3, 5),
        ),
        ("", "", None),
    ],
)
def test_date_sources(head: str, body: str, expected: date | None) -> None:
    page = clean_html(f"<html><head>{head}</head><body><article>{body}{ARTICLE}</article></body></html>")
    assert page.published == expected


def test_meta_date_beats_json_ld() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2021-01-02">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-01-01"}</script>'
        f"</head><body><article>{ARTICLE}</article></body></html>"
    )
    assert clean_html(html).published == date(2021, 1, 2)


def test_impossible_date_is_reported_and_the_next_source_used() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2024-02-30T10:00:00Z">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-02-28"}</script>'
        f"</head><body><article>{ARTICLE}</article></body></html>"
    )
    page = clean_html(html)
    assert page.published == date(2024, 2, 28)
    assert page.warnings == ("published date '2024-02-30T10:00:00Z' is not a real date",)


def test_only_an_impossible_date_gives_none() -> None:
    html = f'<html><head><meta name="date" content="2023-13-01"></head><body><article>{ARTICLE}</article></body></html>'
    page = clean_html(html)
    assert page.published is None
    assert page.warnings == ("published date '2023-13-01' is not a real date",)


def test_relative_canonical_url_is_not_completed() -> None:
    html = f'<html><head><link rel="canonical" href="/a/b"></head><body><article>{ARTICLE}</article></body></html>'
    assert clean_html(html).url is None


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>", "\x00\x01", "<<<>>>"])
def test_pages_without_a_story_give_empty_text_not_an_exception(html: str) -> None:
    assert clean_html(html).text == ""


def test_xml_declaration_and_entities() -> None:
    html = (
        '<?xml version="1.0" encoding="utf-8"?><html><body><article><h1>Caf&eacute; &amp; co</h1>'
        + ARTICLE.replace("$5", "$5&nbsp;")
        + "</article></body></html>"
    )
    page = clean_html(html)
    assert page.text.startswith("Café & co\n\nGamma raised $5 million")


def test_scripts_styles_and_iframes_inside_the_article_are_dropped() -> None:
    html = (
        "<html><body><article><script>var x = 777;</script><style>.a{width:888px}</style>"
        '<iframe src="https://ads.example/999"></iframe>' + ARTICLE + "<!-- 555 comment -->"
        "<noscript>Enable JS 666</noscript></article></body></html>"
    )
    text = clean_html(html).text
    for needle in ("777", "888", "999", "555", "666"):
        assert needle not in text
    assert text == squash(ARTICLE[3:-4])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-22T07:45:00+00:00", date(2024, 3, 22)),
        ("2024-03-22", date(2024, 3, 22)),
        ("20240322", date(2024, 3, 22)),
        ("22 March 2024", date(2024, 3, 22)),
        ("March 22, 2024", date(2024, 3, 22)),
        ("Fri, 22 Mar 2024 07:45:00 GMT", date(2024, 3, 22)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2023-02-29", None),
        ("2024-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date_text(raw: str, expected: date | None) -> None:
    found, problem = parse_date_text(raw)
    assert found == expected
    assert (problem is None) == (expected is not None)
