"""Rows of whole articles as Arrow columns: the shape both engines store (the local engine's ``write_batch``
and the Parquet engine's ``build_tables``), and the company-name resolution they share. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pyarrow as pa

from models.companies import company_key
from models.records import Article, Event, Extraction, Metric, Period

__all__ = [
    "ARTICLE_SCHEMA",
    "METRIC_SCHEMA",
    "EVENT_SCHEMA",
    "COMPANY_SCHEMA",
    "ALIAS_SCHEMA",
    "columns",
    "append_article",
    "append_metric",
    "append_event",
    "resolver",
]

ARTICLE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("path", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("published", pa.date32()),
        ("format", pa.string()),
        ("chars", pa.int32()),
        ("text", pa.string()),
        ("extractor_version", pa.string()),
        ("ingested_at", pa.timestamp("us")),
    ]
)
_PERIOD_FIELDS = [
    ("as_of", pa.string()),
    ("as_of_start", pa.date32()),
    ("as_of_end", pa.date32()),
    ("as_of_precision", pa.string()),
]
METRIC_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("row_no", pa.int32()),
        ("company_id", pa.string()),
        ("metric", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("qualifier", pa.string()),
        *_PERIOD_FIELDS,
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("surface", pa.string()),
        ("quote", pa.string()),
        ("quote_start", pa.int32()),
        ("confidence", pa.float64()),
        ("extractor_version", pa.string()),
    ]
)
EVENT_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("row_no", pa.int32()),
        ("company_id", pa.string()),
        ("person", pa.string()),
        ("role", pa.string()),
        ("kind", pa.string()),
        *_PERIOD_FIELDS,
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("quote", pa.string()),
        ("quote_start", pa.int32()),
        ("confidence", pa.float64()),
        ("extractor_version", pa.string()),
    ]
)
COMPANY_SCHEMA = pa.schema([("company_id", pa.string()), ("name", pa.string()), ("first_seen", pa.timestamp("us"))])
ALIAS_SCHEMA = pa.schema([("alias", pa.string()), ("company_id", pa.string())])


def columns(schema: pa.Schema) -> dict[str, list[Any]]:
    """Empty column lists for the rows of one table."""
    return {k: [] for k in schema.names}


def _period(cols: dict[str, list[Any]], p: Period | None) -> None:
    cols["as_of"].append(p.label if p else None)
    cols["as_of_start"].append(p.start if p else None)
    cols["as_of_end"].append(p.end if p else None)
    cols["as_of_precision"].append(p.precision if p else None)


def append_article(cols: dict[str, list[Any]], a: Article, version: str, now: datetime) -> None:
    for k, v in (
        ("article_id", a.article_id),
        ("path", a.path),
        ("title", a.title),
        ("url", a.url),
        ("published", a.published),
        ("format", a.fmt),
        ("chars", len(a.text)),
        ("text", a.text),
        ("extractor_version", version),
        ("ingested_at", now),
    ):
        cols[k].append(v)


def append_metric(cols: dict[str, list[Any]], aid: str, no: int, cid: str, m: Metric, version: str) -> None:
    for k, v in (
        ("article_id", aid),
        ("row_no", no),
        ("company_id", cid),
        ("metric", m.metric),
        ("value", float(m.value)),
        ("unit", m.unit),
        ("qualifier", m.qualifier),
        ("char_start", m.char_start),
        ("char_end", m.char_end),
        ("surface", m.surface),
        ("quote", m.sentence),
        ("quote_start", m.sentence_start),
        ("confidence", m.confidence),
        ("extractor_version", version),
    ):
        cols[k].append(v)
    _period(cols, m.as_of)


def append_event(cols: dict[str, list[Any]], aid: str, no: int, cid: str, e: Event, version: str) -> None:
    for k, v in (
        ("article_id", aid),
        ("row_no", no),
        ("company_id", cid),
        ("person", e.person),
        ("role", e.role),
        ("kind", e.kind),
        ("char_start", e.char_start),
        ("char_end", e.char_end),
        ("quote", e.sentence),
        ("quote_start", e.sentence_start),
        ("confidence", e.confidence),
        ("extractor_version", version),
    ):
        cols[k].append(v)
    _period(cols, e.as_of)


def _extends(a: str, b: str) -> bool:
    """Whether one company key is the other's first words ("acme" and "acme robotics").

    >>> _extends("acme robotics", "acme"), _extends("vellex analytics", "vellex health")
    (True, False)
    """
    x, y = a.split(), b.split()
    n = min(len(x), len(y))
    return x[:n] == y[:n]


def resolver(
    extraction: Extraction, aliases: dict[str, str], names: dict[str, str], new_aliases: dict[str, str]
) -> Callable[[str], str]:
    """A function from a company name in this article to its company_id, learning aliases as it goes."""
    local: dict[str, str] = {}
    groups = [(canon, {canon, *others}) for canon, others in extraction.companies.items()]

    def resolve(name: str) -> str:
        if name in local:
            return local[name]
        variants = next((g for c, g in groups if name in g), {name})
        canon = max(variants, key=len)
        # a known alias joins this article's company to a stored one when it is the full name, or when one
        # name extends the other ("Acme" stored, now "Acme Robotics"): a short name two companies share
        # ("Vellex" for "Vellex Health" and "Vellex Analytics") never merges them
        key = company_key(canon)
        cid = aliases.get(canon) or next(
            (aliases[v] for v in sorted(variants) if v in aliases and _extends(key, aliases[v])), None) or key
        for v in variants:
            if v not in aliases:
                aliases[v] = cid
                new_aliases[v] = cid
            local[v] = cid
        if len(canon) > len(names.get(cid, "")):
            names[cid] = canon
        return cid

    return resolve

