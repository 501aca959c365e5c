"""The README documents every warehouse column and every CLI command, and nothing that does not exist."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from models.warehouse import Warehouse
from startup_health.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def documented_schema() -> dict[str, list[tuple[str, str]]]:
    block = README.split("<!-- schema:start -->")[1].split("<!-- schema:end -->")[0]
    out: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in block.splitlines():
        m = re.match(r"### (?:table|view) `(\w+)`", line)
        if m:
            current = m.group(1)
            out[current] = []
            continue
        m = re.match(r"\| `(\w+)` \| (\w+(?:\[\])?) \|", line)
        if m and current:
            out[current].append((m.group(1), m.group(2)))
    return out


def test_readme_schema_matches_the_warehouse(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path / "w.duckdb")
    wh.ensure_schema()
    assert documented_schema() == wh.table_columns()


def test_every_cli_command_is_in_the_readme() -> None:
    commands = set(cli.commands)
    documented = set(re.findall(r"`startup-health (\w+)", README))
    assert commands <= documented, f"undocumented: {commands - documented}"
    assert documented <= commands, f"documented but missing: {documented - commands}"


def test_every_setting_is_in_the_readme() -> None:
    from startup_health.settings import Settings

    for name in Settings.model_fields:
        assert f"STARTUP_HEALTH_{name.upper()}" in README, name
