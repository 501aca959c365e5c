"""Group newly stored articles with the stories they copy: reads candidates from the warehouse, lets
`models.stories` decide, and rewrites the groups concerned in one transaction.

Called by every way news comes in (``ingest`` with either engine, ``fetch``, ``follow``) for the articles
it stored, under the ingest lock. Candidates are articles about a company the new article reports a figure
or an event about, or that report two figures of the same values, published at most ``WINDOW_DAYS`` apart (or undated), the ``MAX_CANDIDATES`` nearest in
time: so the work per new article is bounded however large the warehouse grows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.stories import WINDOW_DAYS, Figure, Match, Print, compare, fingerprint, stories
from models.warehouse import Warehouse

__all__ = ["GroupReport", "group_articles", "MAX_CANDIDATES"]

#: articles a new one is compared with, at most (the nearest in publication date)
MAX_CANDIDATES = 200
#: new articles compared per warehouse read (bounds memory on a big ingest)
CHUNK = 2000


@dataclass
class GroupReport:
    copies: int = 0  # of the articles looked at, how many are copies or rewrites of another story
    compared: int = 0  # pairs compared


def _prints(inputs: object) -> dict[str, Print]:
    out = {}
    for aid, (published, text) in inputs.articles.items():  # type: ignore[attr-defined]
        figs = [Figure(c, m, v) for c, m, v in inputs.figures.get(aid, [])]  # type: ignore[attr-defined]
        companies = inputs.companies.get(aid, set())  # type: ignore[attr-defined]
        out[aid] = fingerprint(aid, text, published, figs, companies)
    return out


Row = tuple[str, str, str, str | None, float | None]


def _rows(story: dict[str, str], matches: Sequence[Match]) -> list[Row]:
    """article_groups rows: each member, its story, and the best match that makes it a copy."""
    best: dict[str, Match] = {}
    for m in matches:
        cur = best.get(m.later)
        if cur is None or m.strength > cur.strength:
            best[m.later] = m
    rows: list[Row] = []
    for aid, sid in story.items():
        found = best.get(aid)
        if aid == sid or found is None:
            rows.append((aid, sid, "original", None, None))
        else:
            rows.append((aid, sid, found.kind, found.earlier, round(found.score, 4)))
    return rows


def group_articles(warehouse: Warehouse, article_ids: Sequence[str]) -> GroupReport:
    """Compare each of ``article_ids`` with its candidates and store the stories they form."""
    report = GroupReport()
    ids = list(dict.fromkeys(article_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        inputs = warehouse.story_inputs(chunk, WINDOW_DAYS, MAX_CANDIDATES)
        if not inputs.pairs:
            continue
        prints = _prints(inputs)
        seen: set[frozenset[str]] = set()
        matches: list[Match] = []
        for a, b in inputs.pairs:
            key = frozenset((a, b))
            if key in seen or a not in prints or b not in prints:
                continue
            seen.add(key)
            if (m := compare(prints[a], prints[b])) is not None:
                matches.append(m)
        report.compared += len(seen)
        old = [Match(copy_of or sid, aid, kind, score or 0.0) for aid, sid, kind, copy_of, score in inputs.groups if kind != "original"]
        if not matches:
            continue
        story = stories(list(prints.values()), old + matches)
        rows = _rows(story, old + matches)
        warehouse.replace_groups({r[0] for r in inputs.groups} | set(story), rows)
        report.copies += sum(1 for r in rows if r[2] != "original" and r[0] in set(chunk))
    return report
