"""Shared fixtures: paths to the test data copied into the repository (no ../shared needed)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"
DEVSET = DATA / "devset"


def read_gold(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def seed_gold() -> list[dict[str, str]]:
    return read_gold(DATA / "seed_gold.csv")
