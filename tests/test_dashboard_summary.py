"""The per-company figures: which one is shown, how many sources back it, whether sources disagree."""

from __future__ import annotations

import doctest
import math
from datetime import date

import pandas as pd
import pytest

import dashboard.summary as summary_module
from dashboard.summary import NOT_REPORTED, format_value, sources_text, summarise
from models.records import METRICS

COLUMNS = ["company", "metric", "value", "unit", "qualifier", "as_of", "as_of_start", "as_of_end", "published",
           "article_id", "row_no"]


def rows(*items: tuple) -> pd.DataFrame:
    """Rows of the metrics view: (company, metric, value, unit, qualifier, as_of, start, end, published, article)."""
    out = []
    for i, it in enumerate(items):
        company, metric, value, unit, qualifier, as_of, start, end, published, article = it
        out.append([company, metric, value, unit, qualifier, as_of,
                    pd.Timestamp(start) if start else pd.NaT, pd.Timestamp(end) if end else pd.NaT,
                    pd.Timestamp(published) if published else pd.NaT, article, i])
    return pd.DataFrame(out, columns=COLUMNS)


def pick(df: pd.DataFrame, company: str, metric: str) -> dict:
    return df[(df["company"] == company) & (df["metric"] == metric)].iloc[0].to_dict()


SEEDS = rows(
    ("Stability AI", "departed_talent", 1, "persons", "exact", None, None, None, "2024-03-22", "a000"),
    ("Stability AI", "departed_talent", 6, "persons", "at_least", None, None, None, "2024-03-22", "a000"),
    ("Stability AI", "burn_rate", 8e6, "USD/month", "approx", "2023-10", "2023-10-01", "2023-10-31", "2024-03-22", "a000"),
    ("Stability AI", "valuation_target", 4e9, "USD", "exact", None, None, None, "2024-03-22", "a000"),
    ("Inflection AI", "funding_raised", 1.5e9, "USD", "approx", None, None, None, "2024-03-22", "a000"),
    ("Inflection AI", "departed_talent", 2, "persons", "exact", None, None, None, "2024-03-22", "a000"),
    ("Stability AI", "departed_talent", 1, "persons", "exact", "2024-03", "2024-03-01", "2024-03-31", "2024-03-26", "a004"),
    ("Stability AI", "burn_rate", 8e6, "USD/month", "exact", "2024-03", "2024-03-01", "2024-03-31", "2024-03-26", "a004"),
    ("Stability AI", "valuation_target", 4e9, "USD", "exact", None, None, None, "2024-03-26", "a004"),
)


def test_doctests() -> None:
    assert doctest.testmod(summary_module).failed == 0


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "expected"),
    [
        (8e6, "USD/month", "exact", "$8M / month"),
        (8e6, "USD/month", "approx", "~$8M / month"),
        (1.5e9, "USD", "exact", "$1.5B"),
        (1.5e9, "USD", "approx", "~$1.5B"),
        (2.3e8, "EUR", "exact", "€230M"),
        (450_000, "GBP", "exact", "£450K"),
        (950, "USD", "exact", "$950"),
        (6, "persons", "at_least", "6+"),
        (1200, "persons", "exact", "1,200"),
        (5e6, "USD", "at_most", "up to $5M"),
        (8e6, "USD/month", "at_least", "$8M+ / month"),
        (1.25e12, "USD", "exact", "$1.25T"),
        (math.nan, "USD", "exact", NOT_REPORTED),
    ],
)
def test_format_value(value: float, unit: str, qualifier: str, expected: str) -> None:
    assert format_value(value, unit, qualifier) == expected


def test_every_pair_gets_a_row_in_order_and_missing_is_not_reported_never_zero() -> None:
    out = summarise(SEEDS, ["Stability AI", "Inflection AI"])
    assert list(out["company"]) == ["Stability AI"] * len(METRICS) + ["Inflection AI"] * len(METRICS)
    assert list(out["metric"][: len(METRICS)]) == list(METRICS)
    missing = out[~out["reported"]]
    assert set(missing["display"]) == {NOT_REPORTED}
    assert missing["value"].isna().all()
    assert (missing["n_sources"] == 0).all()
    assert pick(out, "Inflection AI", "burn_rate")["display"] == NOT_REPORTED


def test_seed_figures() -> None:
    out = summarise(SEEDS, ["Stability AI", "Inflection AI"])
    burn = pick(out, "Stability AI", "burn_rate")
    assert burn["display"] == "$8M / month"  # the latest (March 2024) figure, which is exact
    assert burn["as_of"] == "2024-03"
    assert burn["n_sources"] == 2  # both articles say $8M a month
    assert not burn["disagree"]
    funding = pick(out, "Inflection AI", "funding_raised")
    assert funding["display"] == "~$1.5B" and funding["n_sources"] == 1
    target = pick(out, "Stability AI", "valuation_target")
    assert target["display"] == "$4B" and target["n_sources"] == 2 and target["date"] == "2024-03-26"


def test_disagreement_is_flagged_with_the_other_values() -> None:
    out = summarise(SEEDS, ["Stability AI"])
    talent = pick(out, "Stability AI", "departed_talent")
    assert talent["display"] == "1"
    assert talent["n_sources"] == 2
    assert talent["disagree"] and talent["others"] == ["6+"]
    assert sources_text(2, True) == "2 sources · sources disagree"


def test_latest_by_period_then_published() -> None:
    df = rows(
        ("A", "valuation", 1e9, "USD", "exact", "2022", "2022-01-01", "2022-12-31", "2024-05-01", "x"),
        ("A", "valuation", 2e9, "USD", "exact", "2023-06", "2023-06-01", "2023-06-30", "2023-07-01", "y"),
        ("A", "valuation", 3e9, "USD", "exact", "2023-06", "2023-06-01", "2023-06-30", "2023-08-01", "z"),
    )
    v = pick(summarise(df, ["A"]), "A", "valuation")
    assert v["display"] == "$3B"  # same period as y, published later
    assert v["disagree"] and v["others"] == ["$2B"]  # y is about the same month
    assert v["n_sources"] == 1


def test_values_within_two_percent_agree_and_other_periods_do_not_disagree() -> None:
    df = rows(
        ("A", "headcount", 100, "persons", "exact", "2024-01", "2024-01-01", "2024-01-31", "2024-02-01", "x"),
        ("A", "headcount", 101, "persons", "approx", "2024-01", "2024-01-01", "2024-01-31", "2024-02-03", "y"),
        ("A", "headcount", 60, "persons", "exact", "2021", "2021-01-01", "2021-12-31", "2022-01-05", "z"),
    )
    h = pick(summarise(df, ["A"]), "A", "headcount")
    assert h["display"] == "~101"
    assert h["n_sources"] == 2
    assert not h["disagree"]  # the 2021 figure is about another period


def test_at_least_compatible_with_a_larger_exact_figure() -> None:
    df = rows(
        ("A", "layoffs", 200, "persons", "exact", "2024-02", "2024-02-01", "2024-02-29", "2024-03-01", "x"),
        ("A", "layoffs", 150, "persons", "at_least", "2024-02", "2024-02-01", "2024-02-29", "2024-02-20", "y"),
    )
    lay = pick(summarise(df, ["A"]), "A", "layoffs")
    assert lay["display"] == "200" and not lay["disagree"]


def test_range_in_one_article_is_shown_as_a_range() -> None:
    df = rows(
        ("A", "revenue", 1e8, "USD", "range_low", "2023", "2023-01-01", "2023-12-31", "2024-01-10", "x"),
        ("A", "revenue", 2e8, "USD", "range_high", "2023", "2023-01-01", "2023-12-31", "2024-01-10", "x"),
    )
    rev = pick(summarise(df, ["A"]), "A", "revenue")
    assert rev["display"] == "$100M–$200M"
    assert not rev["disagree"]


def test_no_dates_at_all_still_compared() -> None:
    df = rows(
        ("A", "departed_talent", 1, "persons", "exact", None, None, None, None, "x"),
        ("A", "departed_talent", 6, "persons", "at_least", None, None, None, None, "x"),
    )
    d = pick(summarise(df, ["A"]), "A", "departed_talent")
    assert d["reported"] and d["date"] is None
    assert d["disagree"]


def test_empty_input_and_unknown_company() -> None:
    out = summarise(SEEDS.iloc[0:0], ["Nobody"])
    assert len(out) == len(METRICS) and not out["reported"].any()
    assert summarise(SEEDS, []).empty


def test_currencies_do_not_mix() -> None:
    df = rows(
        ("A", "funding_raised", 1e8, "EUR", "approx", None, None, None, "2024-01-10", "x"),
        ("A", "funding_raised", 1e8, "USD", "exact", None, None, None, "2024-01-09", "y"),
    )
    f = pick(summarise(df, ["A"]), "A", "funding_raised")
    assert f["display"] == "~€100M" and f["n_sources"] == 1 and not f["disagree"]


def test_published_dates_as_python_dates_work_too() -> None:
    df = SEEDS.assign(published=[date(2024, 3, 22)] * 6 + [date(2024, 3, 26)] * 3)
    assert pick(summarise(df, ["Stability AI"]), "Stability AI", "burn_rate")["n_sources"] == 2
