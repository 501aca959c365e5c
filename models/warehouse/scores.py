"""Health scores kept at ingest: every company's ``models.health`` score, its signals and the quotes behind
them, as rows of ``company_scores``, ``score_signals`` and ``score_evidence``; and back into ``Score`` records.

The score of everything known (no ``as_of``) depends only on a company's facts and events, so it is computed
when they change (``upkeep.refresh``) rather than on every request. The rows hold the whole record: read back,
a score equals the one computed from the facts and events now.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from models.facts import Fact, LeadershipEvent
from models.health import Evidence, Score, Signal, score_all

__all__ = ["store_scores", "read_scores"]

_CHOSEN = "company_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))"
_TABLES = ("company_scores", "score_signals", "score_evidence")


def store_scores(
    con: duckdb.DuckDBPyConnection,
    names: Mapping[str, str],
    facts: Sequence[Fact],
    events: Sequence[LeadershipEvent],
) -> None:
    """Score the companies ``names`` (company_id -> name) from their facts and events (everything known);
    keep the rows (inside the caller's transaction). Every company gets a row, a score or not."""
    params = {"ids": sorted(names)}
    scores = score_all({cid: cid for cid in names}, facts, events)
    for table in _TABLES:
        con.execute(f"DELETE FROM {table} WHERE {_CHOSEN}", params)
    for table, rows in zip(_TABLES, _rows(scores, names)):
        if rows["company_id"]:
            con.register("score_rows", pa.table(rows))
            try:
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM score_rows")
            finally:
                con.unregister("score_rows")


def _rows(scores: Mapping[str, Score | None], names: Mapping[str, str]) -> list[dict[str, list[Any]]]:
    """Columns of the three tables for these scores (company_id -> Score)."""
    head: dict[str, list[Any]] = {k: [] for k in ("company_id", "company", "score", "confidence", "known_signals",
                                                  "reference_date")}
    sig: dict[str, list[Any]] = {k: [] for k in ("company_id", "signal_no", "signal", "weight", "subscore",
                                                 "contribution", "summary", "flags", "inputs", "n_evidence")}
    ev: dict[str, list[Any]] = {k: [] for k in ("company_id", "signal", "position", "what", "quote", "article_id",
                                                "row_no", "article_path", "published", "fact_id")}
    for cid, sc in scores.items():
        if sc is None:
            continue
        for k, v in zip(head, (cid, names[cid], sc.value, sc.confidence, sum(s.known for s in sc.signals),
                               sc.reference_date)):
            head[k].append(v)
        for no, s in enumerate(sc.signals):
            for k, v in zip(sig, (cid, no, s.name, s.weight, s.subscore, sc.contribution(s), s.summary,
                                  ", ".join(s.flags), json.dumps(dict(s.inputs)), len(s.evidence))):
                sig[k].append(v)
            for pos, e in enumerate(s.evidence):
                for k, v in zip(ev, (cid, s.name, pos, e.what, e.quote, e.article_id, e.row_no, e.article_path,
                                     e.published, e.fact_id)):
                    ev[k].append(v)
    return [head, sig, ev]


def read_scores(
    con: duckdb.DuckDBPyConnection, ids: Mapping[str, str], max_evidence: int | None = None
) -> dict[str, Score | None]:
    """name -> the kept Score of company ``ids[name]`` (None for a company without a row), named as asked;
    with at most ``max_evidence`` quotes per signal (``Signal.evidence_total`` then says how many there are)."""
    params: dict[str, Any] = {"ids": sorted(set(ids.values())), "max": max_evidence}
    refs = dict(con.execute(
        f"SELECT company_id, reference_date FROM company_scores WHERE {_CHOSEN}", {"ids": params["ids"]}
    ).fetchall())
    evidence: dict[tuple[str, str], list[Evidence]] = {}
    for cid, signal, *rest in con.execute(
        "SELECT company_id, signal, what, quote, article_id, row_no, article_path, published, fact_id "
        f"FROM score_evidence WHERE {_CHOSEN} AND ($max IS NULL OR position < $max) "
        "ORDER BY company_id, signal, position",
        params,
    ).fetchall():
        evidence.setdefault((cid, signal), []).append(Evidence(*rest))
    signals: dict[str, list[Signal]] = {}
    for cid, name, sub, summary, flags, inputs, total in con.execute(
        "SELECT company_id, signal, subscore, summary, flags, inputs, n_evidence "
        f"FROM score_signals WHERE {_CHOSEN} ORDER BY company_id, signal_no",
        {"ids": params["ids"]},
    ).fetchall():
        shown = tuple(evidence.get((cid, name), ()))
        signals.setdefault(cid, []).append(Signal(
            name, sub, summary, json.loads(inputs), shown, tuple(flags.split(", ")) if flags else (),
            None if len(shown) == total else total,
        ))
    return {
        name: Score(name, tuple(signals.get(cid, ())), refs[cid], None) if cid in refs else None
        for name, cid in ids.items()
    }
