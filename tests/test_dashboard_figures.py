"""Figures are pure DataFrame -> Figure functions: checked here without a browser."""

from __future__ import annotations

import doctest

import pandas as pd
import plotly.graph_objects as go

import dashboard.figures as figures_module
from dashboard.figures import (
    LEADERSHIP,
    comparison_figure,
    comparison_height,
    company_colors,
    hover_quote,
    message_figure,
    parse_point_key,
    reported_metrics,
    timeline_figure,
    timeline_left_out,
)
from dashboard.summary import METRIC_LABELS, NOT_REPORTED, summarise
from models.records import METRICS
from tests.test_dashboard_summary import SEEDS

BOTH = ["Stability AI", "Inflection AI"]


def summary() -> pd.DataFrame:
    s = summarise(SEEDS, BOTH)
    s["quote"] = ["<script>alert(1)</script> burns $8M" if m == "burn_rate" else "q" for m in s["metric"]]
    return s


def test_doctests() -> None:
    assert doctest.testmod(figures_module).failed == 0


#: The metrics the seeds give a figure for (for one company or both), in the page's order.
SEED_METRICS = ["funding_raised", "valuation_target", "burn_rate", "departed_talent"]


def test_comparison_one_panel_per_reported_metric_each_with_its_own_scale() -> None:
    fig = go.Figure(comparison_figure(summary(), company_colors(BOTH)))
    titles = [a.text for a in fig.layout.annotations]
    assert titles == [METRIC_LABELS[m] for m in SEED_METRICS]  # no empty panels for what nobody reported
    yaxes = [k for k in fig.layout.to_plotly_json() if k.startswith("yaxis")]
    assert len(yaxes) == len(SEED_METRICS)
    assert fig.layout.height == comparison_height(4) == 2 * 190 + 90
    ranges = {fig.layout[k].range[1] for k in yaxes}
    assert len(ranges) > 2  # money and head counts are not squeezed onto one axis


def test_comparison_bars_show_figures_and_not_reported() -> None:
    fig = go.Figure(comparison_figure(summary(), company_colors(BOTH)))
    bars = [t for t in fig.data if t.type == "bar" and t.x and t.x[0] is not None]
    assert len(bars) == len(BOTH) * len(SEED_METRICS)
    burn = next(t for t in bars if t.x[0] == "Stability AI" and t.customdata is not None and "$8M" in t.text[0])
    assert burn.y[0] == 8e6 and burn.text[0] == "$8M / month"
    assert parse_point_key(burn.customdata[0])[0] == "m"
    assert "&lt;script&gt;" in burn.hovertemplate and "<script>" not in burn.hovertemplate
    missing = [t for t in bars if t.text[0] == NOT_REPORTED]
    # Stability AI's funding, Inflection AI's valuation sought and burn
    assert len(missing) == 3 and all(t.y[0] == 0 and t.customdata is None for t in missing)
    assert {t.marker.color for t in bars if t.x[0] == "Stability AI"} == {"#0072B2"}
    legend = [t.name for t in fig.data if t.showlegend]
    assert legend == BOTH


def test_disagreement_marked_on_the_bar() -> None:
    fig = go.Figure(comparison_figure(summary(), company_colors(BOTH)))
    talent = next(t for t in fig.data if t.type == "bar" and t.x[0] == "Stability AI" and t.text and "⚠" in t.text[0])
    assert "sources disagree" in talent.hovertemplate and "6+" in talent.hovertemplate


def test_comparison_of_nothing_says_so() -> None:
    fig = go.Figure(comparison_figure(summarise(SEEDS, []), {}))
    assert "Choose companies" in fig.layout.annotations[0].text
    # a company the news gave no figure for: no panels of zeros, one sentence
    fig = go.Figure(comparison_figure(summarise(SEEDS, ["Nobody"]), {}))
    assert not fig.data and "none of these figures" in fig.layout.annotations[0].text


def test_not_reported_metrics_in_one_line() -> None:
    from dashboard.components.scorecards import not_reported_line

    assert reported_metrics(summary()) == (SEED_METRICS, ["valuation", "layoffs", "headcount", "revenue"])
    assert not_reported_line(summary()) == "Not reported for these companies: Latest valuation, Layoffs, Headcount, Revenue."


def test_timeline_rows_colours_and_hover() -> None:
    points = pd.DataFrame(
        {
            "company": ["Stability AI", "Inflection AI"],
            "metric": ["burn_rate", "funding_raised"],
            "display": ["$8M / month", "~$1.5B"],
            "as_of": ["2024-03", None],
            "date": pd.to_datetime(["2024-03-01", "2024-03-22"]),
            "quote": ["It burns <b>8 million</b> a month.", "Raised about $1.5 billion."],
            "article_id": ["a", "b"],
            "row_no": [1, 4],
        }
    )
    events = pd.DataFrame(
        {
            "company": ["Stability AI"],
            "person": ["Emad Mostaque"],
            "role": ["CEO"],
            "kind": ["resigned"],
            "as_of": ["2024-03-22"],
            "date": pd.to_datetime(["2024-03-22"]),
            "quote": ["Mostaque resigned."],
            "article_id": ["a"],
            "row_no": [0],
        }
    )
    colors = company_colors(BOTH)
    fig = go.Figure(timeline_figure(points, events, colors))
    assert [t.name for t in fig.data] == ["Stability AI", "Stability AI", "Inflection AI"]
    assert [t.marker.color for t in fig.data] == [colors["Stability AI"]] * 2 + [colors["Inflection AI"]]
    rows = list(fig.layout.yaxis.ticktext)
    # a row per metric with a dated figure, and the leadership changes
    assert rows == [LEADERSHIP, METRIC_LABELS["burn_rate"], METRIC_LABELS["funding_raised"]]
    assert list(fig.layout.yaxis.tickvals) == [0, 1, 2]
    # each company at its own height in a row: Stability AI above the row's line, Inflection AI below
    assert fig.data[1].y[0] == 0 + 0.15 and fig.data[1].customdata[0] == "e:a:0"
    assert fig.data[0].y[0] == rows.index(METRIC_LABELS["burn_rate"]) + 0.15
    assert fig.data[2].y[0] == rows.index(METRIC_LABELS["funding_raised"]) - 0.15
    assert fig.data[0].customdata[0] == "m:a:1"
    hover = fig.data[0].hovertext[0]
    assert "$8M / month" in hover and "2024-03" in hover and "&lt;b&gt;8 million&lt;/b&gt;" in hover
    assert "Emad Mostaque (CEO) resigned" in fig.data[1].hovertext[0]


def test_timeline_items_of_one_company_row_and_month_share_one_marker_listing_all() -> None:
    events = pd.DataFrame(
        {
            "company": ["Stability AI"] * 4,
            "person": ["Emad Mostaque", "Shan Shan Wong", "Christian Laforte", "Emad Mostaque"],
            "role": ["founder", "ceo", "ceo", "ceo"],
            "kind": ["resigned", "interim", "interim", "resigned"],
            "as_of": ["2023-10", "2023-10", "2023-10-20", "2024-03"],
            "date": pd.to_datetime(["2023-10-01", "2023-10-01", "2023-10-20", "2024-03-01"]),
            "quote": ["q1", "q2", "q3", "q4"],
            "article_id": ["a", "a", "b", "c"],
            "row_no": [0, 1, 0, 0],
        }
    )
    fig = go.Figure(timeline_figure(pd.DataFrame(columns=["company"]), events, company_colors(BOTH)))
    (trace,) = fig.data
    assert list(trace.x) == ["2023-10-01", "2024-03-01"]  # three changes of 2023-10 in one marker
    assert list(trace.customdata) == ["e:a:0 e:a:1 e:b:0", "e:c:0"]
    hover = trace.hovertext[0]
    assert "3 in 2023-10" in hover
    for words in ["Emad Mostaque (founder) resigned", "Shan Shan Wong (ceo) interim appointment",
                  "Christian Laforte (ceo) interim appointment"]:
        assert words in hover
    assert list(trace.marker.size) == [13 + 6, 13]
    # more than the hover lists: it says so, and the click still holds every one
    many = pd.concat([events.iloc[[0]]] * 9, ignore_index=True).assign(row_no=range(9))
    (trace,) = go.Figure(timeline_figure(pd.DataFrame(columns=["company"]), many, {})).data
    assert "and 3 more" in trace.hovertext[0] and len(trace.customdata[0].split()) == 9


def test_timeline_of_nothing_says_so() -> None:
    empty = pd.DataFrame(columns=["company"])
    assert "No dated figures" in go.Figure(timeline_figure(empty, empty, {})).layout.annotations[0].text


def test_hover_quote_escapes_shortens_and_wraps() -> None:
    text = hover_quote("<img src=x onerror=alert(1)> " + "word " * 200)
    assert "<img" not in text and "&lt;img" in text
    assert text.count("<br>") >= 3 and len(text) < 450
    assert hover_quote(None) == ""
    assert go.Figure(message_figure("a <b>")).layout.annotations[0].text == "a &lt;b&gt;"


def test_timeline_says_what_a_cap_left_out() -> None:
    points = pd.DataFrame({"company": ["A"] * 2, "metric": ["layoffs"] * 2, "display": ["1", "2"],
                           "as_of": [None, None], "date": pd.to_datetime(["2024-01-01", "2024-02-01"]),
                           "quote": ["q", "q"], "article_id": ["a", "b"], "row_no": [0, 0], "n_dated": [7, 7]})
    events = pd.DataFrame(columns=["company", "n_dated"])
    assert timeline_left_out(points, events) == 5
    fig = go.Figure(timeline_figure(points, events, company_colors(["A"]), note="5 <older> left out"))
    assert fig.layout.annotations[0].text == "5 &lt;older&gt; left out"


def test_company_names_are_escaped_in_legends_and_axes() -> None:
    evil = "<b onmouseover=alert(1)>Evil</b> Inc"
    s = summarise(SEEDS.assign(company=SEEDS["company"].replace("Inflection AI", evil)), ["Stability AI", evil])
    s["quote"] = None
    fig = comparison_figure(s, company_colors(["Stability AI", evil]))
    texts = [t.get("name", "") for t in fig["data"]] + [x for t in fig["data"] for x in t.get("x", []) if x]
    assert not any("<b" in t for t in texts)
    assert "&lt;b onmouseover=alert(1)&gt;Evil&lt;/b&gt; Inc" in texts
