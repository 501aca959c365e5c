"""The dashboard keeps answering while ``startup-health ingest`` writes into the same warehouse file, and the
ingest never fails because the dashboard is open. New articles show up without restarting the server."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard import ids
from models.warehouse import Warehouse
from tests.dashboard_fixtures import DEVSET_ARTICLES, REPO, SEEDS, ServedApp, run_ingest, serve

pytestmark = pytest.mark.slow
BOTH = ["Stability AI", "Inflection AI"]


def callback_body(app: Any, first_output: str, inputs: dict[str, Any], state: dict[str, Any] | None = None) -> bytes:
    """The JSON the browser would POST to /_dash-update-component for the callback with that first output."""
    key = next(k for k in app.callback_map if k.lstrip(".").startswith(first_output))
    spec = app.callback_map[key]

    def ids_of(items: list[dict[str, Any]], values: dict[str, Any]) -> list[dict[str, Any]]:
        return [{"id": i["id"], "property": i["property"], "value": values.get(f"{i['id']}.{i['property']}")}
                for i in items]

    outputs = [{"id": o.split(".")[0], "property": o.split(".")[1]}
               for o in key.strip(".").split("...")]
    body = {
        "output": key,
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": ids_of(spec["inputs"], inputs),
        "state": ids_of(spec.get("state", []), state or {}),
        "changedPropIds": [next(iter(inputs))],
    }
    return json.dumps(body).encode()


def post(url: str, body: bytes) -> tuple[int, Any]:
    req = urllib.request.Request(url + "_dash-update-component", data=body,
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=60) as resp:
        return resp.status, json.loads(resp.read())


def get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=60) as resp:
        return resp.status, resp.read()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[ServedApp, Path]]:
    db = tmp_path / "live.duckdb"
    done = run_ingest([SEEDS], db)
    assert done.returncode == 0, done.stderr
    app = serve(db)
    yield app, db
    app.close()


def test_dashboard_answers_while_ingest_writes(served: tuple[ServedApp, Path]) -> None:
    app, db = served
    dash_app = app.app
    figures = callback_body(dash_app, f"{ids.SCORECARDS}.children",
                            {f"{ids.SELECTION}.data": BOTH, f"{ids.VERSION}.data": None})
    grid_body = callback_body(dash_app, f"{ids.GRID}.rowData",
                              {f"{ids.SELECTION}.data": BOTH, f"{ids.VERSION}.data": None})

    def sync_body(version: Any) -> bytes:
        return callback_body(dash_app, f"{ids.COMPANIES}.options",
                             {f"{ids.URL}.search": "", f"{ids.COMPANIES}.value": [], f"{ids.VERSION}.data": version},
                             {f"{ids.SELECTION}.data": None})

    failures: list[str] = []
    counts = {"requests": 0}
    stop = threading.Event()

    def hammer(kind: int) -> None:
        while not stop.is_set():
            try:
                if kind == 0:
                    status, answer = post(app.url, figures)
                    ok = "not reported" in json.dumps(answer) and "$8M / month" in json.dumps(answer)
                elif kind == 1:
                    status, answer = post(app.url, grid_body)
                    ok = len(answer["response"][ids.GRID]["rowData"]) >= 9
                else:
                    status, answer = post(app.url, sync_body([time.monotonic()]))
                    ok = "Stability AI" in json.dumps(answer["response"][ids.COMPANIES]["options"])
                    s2, page = get(app.url)
                    s3, csv_text = get(app.url + "download/metrics.csv")
                    ok = ok and s2 == 200 and s3 == 200 and b"burn_rate" in csv_text
                    status = max(status, s2, s3)
                if status != 200 or not ok:
                    failures.append(f"{kind}: {status} {str(answer)[:300]}")
            except Exception as exc:  # noqa: BLE001 - every failure is reported below
                failures.append(f"{kind}: {type(exc).__name__}: {exc}")
            counts["requests"] += 1

    threads = [threading.Thread(target=hammer, args=(k,), daemon=True) for k in (0, 1, 2)]
    for t in threads:
        t.start()
    try:
        articles = sorted(DEVSET_ARTICLES.iterdir())
        groups = [articles[i::3] for i in range(3)]  # three ingests, one after another, while we read
        for group in groups:
            started = time.monotonic()
            done = subprocess.run(
                [sys.executable, "-m", "startup_health", "ingest", *map(str, group), "--db", str(db), "-q"],
                cwd=REPO, capture_output=True, text=True, timeout=300,
            )
            assert done.returncode == 0, done.stderr
            assert time.monotonic() - started < 120
    finally:
        stop.set()
        for t in threads:
            t.join(60)
    assert failures == [], failures[:5]
    assert counts["requests"] >= 10

    # the new companies are there, without a restart
    _, answer = post(app.url, sync_body(["after"]))
    names = {o["value"] for o in answer["response"][ids.COMPANIES]["options"]}
    stored = {r[0] for r in Warehouse(db).query("SELECT DISTINCT company FROM metrics").rows}
    assert names >= stored and len(stored) > 2, (names, stored)
    newcomers = sorted(stored - set(BOTH))[:2]
    _, answer = post(app.url, callback_body(dash_app, f"{ids.SCORECARDS}.children",
                                            {f"{ids.SELECTION}.data": newcomers, f"{ids.VERSION}.data": 1}))
    text = json.dumps(answer)
    assert all(json.dumps(n)[1:-1] in text for n in newcomers)
