"""The page's state survives the warehouse poll (issue 12): callbacks called as the browser calls them.

The page polls the warehouse's version every 10 s; a version the browser cannot hold exactly made every
poll look like a new warehouse, and a new warehouse put the default companies back into a picker the user
had just cleared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dashboard import ids
from tests.dashboard_fixtures import SEED_LIKE, serve, write_articles


def body(app: Any, first_output: str, inputs: dict[str, Any], state: dict[str, Any] | None = None,
         changed: str | None = None) -> dict[str, Any]:
    """What the browser POSTs to /_dash-update-component for the callback with that first output."""
    key = next(k for k in app.callback_map if k.lstrip(".").startswith(first_output))
    spec = app.callback_map[key]

    def fill(items: list[dict[str, Any]], values: dict[str, Any]) -> list[Any]:
        return [[] if isinstance(i["id"], dict) else
                {"id": i["id"], "property": i["property"], "value": values.get(f"{i['id']}.{i['property']}")}
                for i in items]

    outputs = []
    for o in key.strip(".").split("..."):
        cid, _, prop = o.rpartition(".")
        outputs.append({"id": cid, "property": prop})
    trigger = changed or next(iter(inputs))
    return {"output": key, "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": fill(spec["inputs"], inputs), "state": fill(spec.get("state", []), state or {}),
            "changedPropIds": [trigger]}


def as_the_browser_holds_it(value: Any) -> Any:
    """A JSON value after a round trip through JavaScript: every number is a double."""
    return json.loads(json.dumps(value), parse_int=lambda s: int(float(s)) if abs(float(s)) > 2**53 else int(s))


@pytest.fixture
def client(tmp_path: Path) -> Any:
    served = serve(write_articles(tmp_path / "w.duckdb", SEED_LIKE))
    yield served.app, served.app.server.test_client()
    served.close()


def test_the_version_poll_sees_no_change_when_nothing_changed(client: Any) -> None:
    app, c = client
    page = c.get("/")
    assert page.status_code == 200
    version = app.server.config["DASHBOARD_DATA"].version_token()
    held = as_the_browser_holds_it(version)
    res = c.post("/_dash-update-component",
                 json=body(app, f"{ids.VERSION}.data", {f"{ids.REFRESH}.n_intervals": 1}, {f"{ids.VERSION}.data": held}))
    # no update, so nothing on the page re-renders
    assert res.status_code == 204 or res.get_json()["response"] == {}, res.get_data(as_text=True)


def test_a_new_warehouse_version_keeps_a_cleared_picker_empty(client: Any) -> None:
    app, c = client
    res = c.post("/_dash-update-component", json=body(
        app, f"{ids.COMPANIES}.options",
        {f"{ids.URL}.search": "", f"{ids.COMPANIES}.value": [], f"{ids.VERSION}.data": "1-2"},
        {f"{ids.SELECTION}.data": []}, changed=f"{ids.VERSION}.data"))
    assert res.status_code == 200
    answer = res.get_json()["response"]
    assert answer[ids.COMPANIES]["value"] == []
    assert ids.SELECTION not in answer  # unchanged: still none
    # ... and a chosen pair stays that pair
    res = c.post("/_dash-update-component", json=body(
        app, f"{ids.COMPANIES}.options",
        {f"{ids.URL}.search": "?companies=Inflection+AI", f"{ids.COMPANIES}.value": ["Inflection AI"],
         f"{ids.VERSION}.data": "1-3"},
        {f"{ids.SELECTION}.data": ["Inflection AI"]}, changed=f"{ids.VERSION}.data"))
    assert res.get_json()["response"][ids.COMPANIES]["value"] == ["Inflection AI"]


def test_the_phone_layout_hides_exactly_the_wide_columns() -> None:
    """dashboard/assets/phone.js swaps the grid's columns for the card column; its list must be the grid's."""
    import re

    from dashboard.components.grid import COLUMN_DEFS, WIDE_COLUMNS

    script = (Path(__file__).resolve().parents[1] / "dashboard" / "assets" / "phone.js").read_text(encoding="utf-8")
    listed = re.search(r"var WIDE = \[([^\]]*)\]", script)
    assert listed, "phone.js names the wide columns"
    assert re.findall(r'"(\w+)"', listed.group(1)) == WIDE_COLUMNS
    card = [c for c in COLUMN_DEFS if c.get("colId") == "card"]
    assert len(card) == 1 and card[0]["hide"] is True  # hidden until a phone shows it


def test_doctests_of_the_components() -> None:
    import doctest

    from dashboard.components import scorecards, sql_page

    for module in (scorecards, sql_page):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_one_question_asked_twice_at_once_is_computed_once(tmp_path: Path) -> None:
    """Callbacks of one page load ask the warehouse the same question at once (the figures and the health
    score both need the companies' facts): the second waits for the first's answer instead of asking again."""
    import threading
    import time

    from dashboard.data import DashboardData
    from models.warehouse import Warehouse

    data = DashboardData(Warehouse(write_articles(tmp_path / "w.duckdb", SEED_LIKE)))
    calls: list[int] = []

    def slow() -> str:
        calls.append(1)
        time.sleep(0.3)
        return "answer"

    got: list[str] = []
    threads = [threading.Thread(target=lambda: got.append(data._cached(("q",), slow))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == ["answer"] * 3 and len(calls) == 1
    # another question is not held up by it, and a failed computation is not kept
    assert data._cached(("other",), lambda: "x") == "x"

    def broken() -> str:
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        data._cached(("bad",), broken)
    assert data._cached(("bad",), lambda: "fine") == "fine"
