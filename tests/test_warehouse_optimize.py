"""``Warehouse.optimize``: the metric and event tables rewritten in company order keep every row, every
column and every constraint, the views answer the same, and the rewrite is one transaction (an error or a
crash half-way leaves the old tables)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from facts_support import Evt, Fig, new_warehouse, put
from models.warehouse import Warehouse

REPO = Path(__file__).resolve().parents[1]
TABLES = ("articles", "companies", "company_aliases", "metric_rows", "event_rows", "schema_info")


def fill(wh: Warehouse) -> None:
    """Articles about three companies, interleaved, so article order is not company order."""
    for i in range(12):
        company = ["Zeta Labs", "Acme AI", "Midco"][i % 3]
        put(
            wh,
            f"a{i:02d}",
            date(2024, 1 + i % 12, 1 + i) if i % 5 else None,
            [
                Fig(company, "headcount", 100 + i, f"{company} has {100 + i} staff.", f"{100 + i}",
                    as_of=f"2024-{1 + i % 12:02d}" if i % 4 else None),
                Fig(company, "burn_rate", 1e6 * (1 + i % 3), f"{company} burns ${1 + i % 3}M a month.",
                    f"${1 + i % 3}M", as_of="2024" if i % 2 else None),
            ],
            [Evt(company, "resigned", f"CEO Person{i} of {company} resigned.", f"Person{i}", "CEO")] if i % 2 else [],
        )


def snapshot(wh: Warehouse) -> dict[str, Any]:
    """Every row of every table (in key order), the columns and the constraints."""
    out: dict[str, Any] = {}
    for t in TABLES:
        out[t] = wh.query(f"SELECT * FROM {t} ORDER BY ALL").rows
    out["columns"] = wh.query(
        "SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default "
        "FROM information_schema.columns WHERE table_schema = 'main' ORDER BY ALL"
    ).rows
    out["constraints"] = wh.query(
        "SELECT table_name, constraint_type, constraint_column_names, constraint_text "
        "FROM duckdb_constraints() ORDER BY ALL"
    ).rows
    out["views"] = {v: wh.query(f"SELECT * FROM {v} ORDER BY ALL").rows for v in ("metrics", "events", "facts")}
    return out


def test_optimize_keeps_every_row_and_constraint_and_orders_by_company(tmp_path: Path) -> None:
    wh = new_warehouse(tmp_path / "w.duckdb")
    fill(wh)
    before = snapshot(wh)
    assert [r[0] for r in wh.query("SELECT company_id FROM metric_rows").rows] != sorted(
        r[0] for r in wh.query("SELECT company_id FROM metric_rows").rows
    )  # the loader's order is not company order
    done = wh.optimize()
    assert done == {"metric_rows": len(before["metric_rows"]), "event_rows": len(before["event_rows"])}
    after = snapshot(wh)
    assert after == before
    # stored (and so scanned) in company order now
    for table in ("metric_rows", "event_rows"):
        stored = wh.query(f"SELECT company_id, as_of_start, article_id, row_no FROM {table}").rows
        key = [(c, s is None, s, a, r) for c, s, a, r in stored]
        assert key == sorted(key)
    # the primary keys still hold, and the tables still take new articles
    with wh.connect(read_only=False) as con, pytest.raises(Exception, match="(?i)constraint|duplicate"):
        con.execute("INSERT INTO metric_rows SELECT * FROM metric_rows LIMIT 1")
    put(wh, "later", date(2025, 1, 1), [Fig("Acme AI", "headcount", 300, "Acme AI has 300 staff.", "300")])
    assert wh.query("SELECT count(*) FROM metric_rows").rows[0][0] == len(before["metric_rows"]) + 1
    assert wh.optimize()["metric_rows"] == len(before["metric_rows"]) + 1  # and can run again


def test_an_error_half_way_leaves_the_old_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import models.warehouse.writes as warehouse

    wh = new_warehouse(tmp_path / "w.duckdb")
    fill(wh)
    before = snapshot(wh)
    real = warehouse._optimize_sql

    def failing(table: str) -> list[str]:
        stmts = real(table)
        if table == "event_rows":  # metric_rows already swapped, event_rows dropped: then it fails
            return [*stmts[:4], "SELECT error('disk full')"]
        return stmts

    monkeypatch.setattr(warehouse, "_optimize_sql", failing)
    with pytest.raises(Exception, match="disk full"):
        wh.optimize()
    assert snapshot(wh) == before
    stored = [r[0] for r in wh.query("SELECT company_id FROM metric_rows").rows]
    assert stored != sorted(stored)  # the first table's rewrite was rolled back too


def test_a_crash_half_way_leaves_the_old_tables(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    wh = new_warehouse(db)
    fill(wh)
    before = snapshot(wh)
    # a process that dies (no rollback, no clean close) right after dropping the old event_rows
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(REPO)!r})
        import models.warehouse.writes as warehouse
        from models.warehouse import Warehouse
        real = warehouse._optimize_sql
        def dying(table):
            for i, stmt in enumerate(real(table)):
                yield stmt
                if table == "event_rows" and stmt.startswith("DROP TABLE event_rows"):
                    os._exit(3)
        warehouse._optimize_sql = dying
        Warehouse({str(db)!r}).optimize()
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    assert snapshot(Warehouse(db)) == before


@pytest.mark.parametrize(("added", "expected"), [(60_000, True), (50_000, False)])
def test_ingest_optimizes_after_a_big_run_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, added: int, expected: bool
) -> None:
    """``ingest`` calls ``optimize`` when a run added more than 50,000 metric rows and more than a fifth of
    the table (the write is faked to report that many rows; the table holds a few)."""
    from models.warehouse import BatchResult
    from startup_health import pipeline

    art = tmp_path / "news" / "a.txt"
    art.parent.mkdir()
    art.write_text("Acme AI raised $20 million in a Series A round on March 4, 2024.", encoding="utf-8")
    calls: list[str] = []
    real_write = Warehouse.write_batch

    def write(self: Warehouse, items: Any, version: str, **kw: Any) -> BatchResult:
        res = real_write(self, items, version, **kw)
        res.metrics = added if items else 0
        return res

    monkeypatch.setattr(Warehouse, "write_batch", write)
    monkeypatch.setattr(Warehouse, "optimize", lambda self: calls.append(str(self.path)) or {})
    wh = Warehouse(tmp_path / "w.duckdb")
    report = pipeline.ingest([art.parent], wh, workers=1)
    assert report.metrics == added
    assert calls == ([str(wh.path)] if expected else [])
