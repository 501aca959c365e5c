"""``dashboard.app.serve`` prints the address first, then answers there (what ``startup-health serve`` runs)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

from tests.dashboard_fixtures import REPO, SEED_LIKE, write_articles


def test_serve_prints_the_address_and_answers_there(tmp_path: Path) -> None:
    db = write_articles(tmp_path / "w.duckdb", SEED_LIKE)
    code = (
        "from dashboard.app import serve; from startup_health.settings import Settings; "
        f"serve(Settings(db={str(db)!r}, host='127.0.0.1', port=0))"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.fullmatch(r"Dashboard: (http://127\.0\.0\.1:(\d+)/)\n", line)
        assert match, line
        with urllib.request.urlopen(match.group(1), timeout=30) as resp:
            page = resp.read().decode()
        assert resp.status == 200 and "<title>startup-health</title>" in page
        with urllib.request.urlopen(match.group(1) + "download/metrics.csv", timeout=30) as resp:
            csv_text = resp.read().decode()
        assert csv_text.startswith("company,metric,value,") and csv_text.count("\n") == 10
    finally:
        proc.terminate()
        proc.wait(10)
