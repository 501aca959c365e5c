"""Departures' and layoffs' 12-month flows kept at ingest (``models.flows``: each company's reports summed over
the 12 months to its newest article, each person once, totals never added to their parts), as rows of
``company_flows``; and back into ``Flow`` records for the side-by-side figures and ``summary``.

A kept flow holds the reports it counts, oldest first: what the figures and ``summary`` show. Their facts
and sources are copied beside it (``flow_facts``, ``flow_fact_sources``: a few thousand rows in all, which a
question reads whole and fast, where finding them among a million kept rows would read far more). The reports it leaves out, and why, are in the flow computed
live (``models.flows.company_flows``), which the health score, computed at ingest from the facts, uses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from models.facts import Fact, LeadershipEvent
from models.flows import Flow, Part, company_flows
from models.warehouse.reconcile import kept_facts

__all__ = ["store_flows", "read_flows"]

_CHOSEN = "company_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))"
_COLUMNS = ("company_id", "metric", "value", "unit", "qualifier", "ref", "reports", "counted")


#: the counted reports of the chosen companies' flows, with their place in the flow, from the kept facts
_COPY_FACTS_SQL = f"""
    INSERT INTO flow_facts BY NAME
    SELECT f.*, c.position FROM (
        SELECT company_id, unnest(counted) AS fact_id, generate_subscripts(counted, 1) AS position
        FROM company_flows WHERE {_CHOSEN}) AS c
    JOIN stored_facts f USING (company_id, fact_id)"""
_COPY_SOURCES_SQL = f"""
    INSERT INTO flow_fact_sources BY NAME
    SELECT s.* FROM stored_fact_sources s
    WHERE s.{_CHOSEN} AND s.fact_id IN (SELECT unnest(counted) FROM company_flows WHERE {_CHOSEN})"""


def store_flows(
    con: duckdb.DuckDBPyConnection,
    names: Mapping[str, str],
    facts: Sequence[Fact],
    events: Sequence[LeadershipEvent],
) -> None:
    """Compute and keep the flows of the companies ``names`` (company_id -> name) from their facts and events,
    and copy the reports they count beside them (inside the caller's transaction, after ``store_facts``)."""
    params = {"ids": sorted(names)}
    for table in ("company_flows", "flow_facts", "flow_fact_sources"):
        con.execute(f"DELETE FROM {table} WHERE {_CHOSEN}", params)
    rows: list[tuple[Any, ...]] = []
    for cid, by_metric in company_flows({cid: cid for cid in names}, facts, events).items():
        for metric, fl in by_metric.items():
            counted = [f.fact_id for f in fl.counted]
            rows.append((cid, metric, fl.value, fl.unit, fl.qualifier, fl.ref, len(fl.parts), counted))
    if rows:
        con.executemany(f"INSERT INTO company_flows ({', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        con.execute(_COPY_FACTS_SQL, params)
        con.execute(_COPY_SOURCES_SQL, params)


def read_flows(con: duckdb.DuckDBPyConnection, ids: Mapping[str, str]) -> dict[str, dict[str, Flow]]:
    """name -> metric -> the kept flow of company ``ids[name]``, with its counted reports."""
    params = {"ids": sorted(set(ids.values()))}
    rows = con.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM company_flows WHERE {_CHOSEN} ORDER BY company_id, metric", params
    ).fetchall()
    facts = {f.fact_id: f for f in kept_facts(con, params["ids"], "flow_facts", "flow_fact_sources")}
    by_id: dict[str, dict[str, Flow]] = {}
    for cid, metric, value, unit, qualifier, ref, _reports, counted in rows:
        parts = tuple(Part(facts[fid], True) for fid in counted if fid in facts)
        by_id.setdefault(cid, {})[metric] = Flow(metric, value, unit, qualifier, ref, parts)
    return {name: by_id.get(cid, {}) for name, cid in ids.items()}
