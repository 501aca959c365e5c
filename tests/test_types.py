"""The core (records, companies, export, health model, warehouse, extraction, settings) type-checks clean with mypy."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT

#: the files checked; imports outside them are followed silently (their errors are not reported here)
CORE = [
    "models/records.py",
    "models/companies.py",
    "models/export.py",
    "models/health.py",
    "models/flows.py",
    "models/wording.py",
    "startup_health/summary.py",
    "models/warehouse/",
    "extract/",
    "startup_health/settings.py",
    "startup_health/pages.py",
    "startup_health/fetch.py",
    "startup_health/rawstore.py",
    "startup_health/news.py",
    "startup_health/feeds.py",
    "startup_health/follow.py",
    "startup_health/warc.py",
    "startup_health/prefilter.py",
    "models/stories.py",
]


def test_core_type_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    api = pytest.importorskip("mypy.api", reason="mypy not installed (pip install -e '.[test]')")
    monkeypatch.chdir(ROOT)
    stdout, stderr, status = api.run(
        [
            "--ignore-missing-imports",
            "--follow-imports=silent",
            "--cache-dir",
            str(tmp_path / "mypy_cache"),
            *CORE,
        ]
    )
    assert status == 0, f"mypy found problems:\n{stdout}{stderr}"
    assert "Success: no issues found" in stdout
