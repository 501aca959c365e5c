"""An undated figure reads "undated" in the side-by-side table, never "as of nan" (pandas keeps a missing
date as NaN, which is truthy): found by opening the served seeds in Chromium as a new user."""

from __future__ import annotations

import math

from dashboard.components.scorecards import _cell


def test_an_undated_figure_says_undated_not_nan() -> None:
    row = {"reported": True, "flow": False, "date": math.nan, "n_sources": 1, "display": "~$1.5B",
           "disagree": False, "others": [], "article_id": "a1", "row_no": 0, "keys": "m:a1:0", "window": None}
    text = str(_cell(row, "Inflection AI", "funding_raised").to_plotly_json())
    assert "undated" in text and "nan" not in text.replace("funding", "")
