"""Property-based tests (hypothesis) of the number parsers and of the whole extractor on hostile text.

Properties: nothing raises; every offset lies inside the text; the text at a figure's offsets is its
``surface``; the figure lies inside its stored sentence, and that sentence is the text at its offsets.

``extract_article`` catches every exception and returns an empty extraction (one bad article must not stop a
batch), so "never raises" is also checked one level down, on the stages it runs (`build_document`, then
`find_names` and the rest of `extract._extract`): there a crash would otherwise pass silently as "no
figures found".
"""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, target
from hypothesis import strategies as st

import extract
from extract.numbers import find_counts, find_money, hedge_before, parse_amount, parse_count
from models.records import QUALIFIERS, Extraction

PROPS = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
# ISO codes: USD, EUR and GBP are stored; other currencies are recognised (never stored) so that a
# conversion in brackets keeps the dollars and "S$10m" is not read as US dollars
CURRENCIES = {"USD", "EUR", "GBP"} | set(__import__("extract.numbers", fromlist=["x"])._CURRENCY_SIGNS.values())
SCALES = (1.0, 1e3, 1e6, 1e9, 1e12)

needs_extractor = pytest.mark.skipif(
    not hasattr(extract, "extract_article"), reason="extract.extract_article not available yet"
)

# Pieces of news text about money, people and dates, glued together at random (also without spaces).
FRAGMENTS = [
    "$", "US$", "€", "£", "USD ", "EUR", "GBP ", "1", "12", "250", "1,000", "12,500,000", "1.5", "0.75", "3.", ",",
    ".", " ", " ", " ", "\n", "\n\n", "(", ")", "[", "]", "-", "–", "—", "%", "'", "\"", "“", "”", "’s",
    "million", "billion", "trillion", "thousand", "bn", "m", "mn", "k", "bln", "mln", " dollars", " euros",
    " pounds", "half a", "a dozen", "dozens of", "twenty", "forty", "several", "hundreds of", "a few",
    "Acme AI", "Kestrel Labs", "Vellora Bio", "Inc.", "Ltd", "The company", "It", "Jo Bloggs", "CEO",
    " raised ", " has raised ", " valued at ", " at a valuation of ", " is seeking ", " in talks to raise ",
    " cut ", " laid off ", " jobs", " employees", " staff", " workers", " left", " resigned", " stepped down",
    " hired ", " burns ", " a month", " per month", " revenue of ", " annual revenue", " sales of ",
    " about ", " more than ", " nearly ", " up to ", " between ", " and ", " to ", " or ", " from ",
    " in March 2024", " last month", " in the second quarter of 2023", " Q3 2022", " on Friday", " 2019",
    " Series B", " seed round", " led by ", " said.", ". ", "; ", ": ", ", ",
]  # fmt: skip
fragment_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=60).map("".join)

# Sentences shaped like the news the extractor reads, with figures of any shape in the slots.
digits = st.one_of(
    st.integers(0, 10**15).map(str),
    st.integers(0, 10**12).map("{:,}".format),
    st.tuples(st.integers(0, 999), st.integers(0, 9999)).map(lambda t: f"{t[0]}.{t[1]}"),
    st.text(alphabet="0123456789,.", min_size=1, max_size=12),
)
money = st.tuples(
    st.sampled_from(["$", "US$", "€", "£", "USD ", "", "about $", "more than €", "nearly £", "between $"]),
    digits,
    st.sampled_from(["", " million", " billion", "m", "bn", "k", " trillion", " thousand", " million dollars"]),
    st.sampled_from(["", " to $3 billion", " and $40m", "-$2bn", " or so"]),
).map("".join)
count = st.tuples(st.sampled_from(["", "about ", "more than ", "nearly "]), digits | st.sampled_from(
    ["a dozen", "half a dozen", "twenty", "hundreds of", "several", "two dozen"])).map("".join)
company = st.sampled_from(["Acme AI", "Kestrel Labs", "Vellora Bio Inc.", "The company", "It", "Jo Bloggs"]) | (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).map(str.capitalize))
clause = st.one_of(
    st.tuples(st.sampled_from([" raised ", " has raised ", " closed a ", " was valued at ", " is in talks to raise ",
                               " burns ", " reported revenue of ", " spent ", " lost "]), money,
              st.sampled_from(["", " in a Series B round", " a month", " a year", " at a valuation of $2bn",
                               " in March 2024", " last quarter", " led by Harbor Ventures"])),
    st.tuples(st.sampled_from([" cut ", " laid off ", " has ", " employs ", " lost ", " hired "]), count,
              st.sampled_from([" jobs", " employees", " staff", " engineers", " people", " percent of staff"])),
    st.tuples(st.just("'s chief executive "), st.sampled_from(["Jo Bloggs", "Ann Lee"]),
              st.sampled_from([" resigned", " stepped down on Friday", " left for Google", " was appointed"])),
).map("".join)
sentence = st.tuples(company, clause, st.sampled_from([".", "!", "", ".\n", ";", " (", "”"])).map("".join)
news_text = st.lists(st.tuples(sentence, st.sampled_from([" ", "\n", "\n\n", "", " "]) | st.text(max_size=3)),
                     min_size=1, max_size=8).map(lambda parts: "".join(a + b for a, b in parts))
any_text = st.one_of(st.text(max_size=400), fragment_text, news_text,
                     st.binary(max_size=300).map(lambda b: b.decode("latin-1")))
published = st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
titles = st.none() | st.text(max_size=60) | fragment_text


# -- the number parsers ----------------------------------------------------------------------------


@PROPS
@given(any_text)
def test_parse_amount_is_none_or_a_finite_amount(text: str) -> None:
    got = parse_amount(text)
    if got is not None:
        value, currency = got
        assert math.isfinite(value) and value >= 0 and currency in CURRENCIES


@PROPS
@given(any_text)
def test_find_money_spans_lie_in_the_text_and_parse_back(text: str) -> None:
    for a in find_money(text):
        assert 0 <= a.start < a.end <= len(text)
        assert math.isfinite(a.value) and a.value >= 0 and a.currency in CURRENCIES
        again = parse_amount(text[a.start : a.end])
        assert again is not None, f"{text[a.start:a.end]!r} found in {text!r} but does not parse alone"
        # the same amount, or one that borrowed the scale of the next figure ("$15 to $20 billion")
        assert again[1] == a.currency and any(math.isclose(again[0] * s, a.value) for s in SCALES)


@PROPS
@given(any_text)
def test_parse_count_is_none_or_a_finite_count(text: str) -> None:
    value = parse_count(text)
    assert value is None or (math.isfinite(value) and value >= 0)


@pytest.mark.parametrize("text", ["inf", "NaN", "-infinity", "1e999", "-5"])
def test_parse_count_refuses_float_literals(text: str) -> None:
    value = parse_count(text)
    assert value is None or (math.isfinite(value) and value >= 0)


@PROPS
@given(any_text)
def test_find_counts_spans_lie_in_the_text(text: str) -> None:
    for c in find_counts(text):
        assert 0 <= c.start < c.end <= len(text)
        assert c.value is None or (math.isfinite(c.value) and c.value >= 0)


@PROPS
@given(any_text)
def test_hedge_before_names_a_qualifier(text: str) -> None:
    assert hedge_before(text) in QUALIFIERS


# -- the whole extractor ---------------------------------------------------------------------------


def check_provenance(text: str, x: Extraction) -> None:
    assert isinstance(x, Extraction)
    n = len(text)
    for m in x.metrics:
        assert 0 <= m.char_start <= m.char_end <= n
        assert text[m.char_start : m.char_end] == m.surface
        s0, s1 = m.sentence_start, m.sentence_start + len(m.sentence)
        assert 0 <= s0 <= s1 <= n and text[s0:s1] == m.sentence
        assert s0 <= m.char_start and m.char_end <= s1, f"{m.surface!r} outside its sentence {m.sentence!r}"
        assert math.isfinite(m.value) and m.value >= 0
        assert m.as_of is None or m.as_of.start <= m.as_of.end
        assert m.company in x.companies or any(m.company in v for v in x.companies.values())
    for e in x.events:
        assert 0 <= e.char_start <= e.char_end <= n
        s0, s1 = e.sentence_start, e.sentence_start + len(e.sentence)
        assert 0 <= s0 <= s1 <= n and text[s0:s1] == e.sentence
        assert s0 <= e.char_start and e.char_end <= s1
        assert e.as_of is None or e.as_of.start <= e.as_of.end


@needs_extractor
@PROPS
@given(any_text, published, titles)
def test_extract_article_offsets_lie_inside_text_and_sentence(text: str, pub: date | None, title: str | None) -> None:
    check_provenance(text, extract.extract_article(text, published=pub, title=title))


@needs_extractor
@PROPS
@given(any_text, published, titles)
def test_extractor_steps_never_raise(text: str, pub: date | None, title: str | None) -> None:
    from extract.document import build_document
    from extract.names import find_names

    doc = build_document(text, pub, title)
    names = find_names(doc)
    for n in names.mentions:  # stage 1 offsets are offsets into the text
        assert 0 <= n.start < n.end <= len(text)
    if text.strip():  # extract_article returns early on blank text; _extract is what runs otherwise
        check_provenance(text, extract._extract(doc))


@needs_extractor
@settings(max_examples=100, deadline=None, database=None)
@given(news_text)
def test_news_shaped_text_does_yield_figures(text: str) -> None:
    """The properties above are not vacuous: news-shaped text gives the extractor figures to check."""
    x = extract.extract_article(text, published=date(2024, 5, 1))
    check_provenance(text, x)
    target(float(len(x.metrics)), label="metrics found")
    FOUND.append(len(x.metrics))


FOUND: list[int] = []


@needs_extractor
def test_news_shaped_text_found_figures() -> None:
    if not FOUND:
        pytest.skip("runs after test_news_shaped_text_does_yield_figures")
    assert sum(1 for n in FOUND if n) >= len(FOUND) // 4, f"figures in only {sum(map(bool, FOUND))} of {len(FOUND)}"
