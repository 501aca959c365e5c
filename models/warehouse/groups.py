"""Independent stories in the warehouse: the ``article_groups`` table and the ``article_stories`` view, the
candidates `startup_health.grouping` compares (``models.stories`` decides), and the rewrite of groups.

**One concept, one place**: an article's *story* is ``article_stories.story_id``: the id of the original
when the article is a copy or rewrite of it (``article_groups``), else the article's own id. Every
"sources" count (facts, ``summary``, the score, the dashboard) is ``count(DISTINCT story_id)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from models.warehouse.errors import QueryRefused, first_line
from models.warehouse.reconcile import mark_pending

__all__ = ["GROUPS_DDL", "STORIES_VIEW", "STORY_OF", "StoryInputs", "story_inputs", "replace_groups"]

#: one row per article that belongs to a story of two or more articles
GROUPS_DDL = """CREATE TABLE IF NOT EXISTS article_groups (
        article_id VARCHAR PRIMARY KEY,
        story_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        copy_of VARCHAR,
        score DOUBLE)"""
#: every article with its story
STORIES_VIEW = """CREATE OR REPLACE VIEW article_stories AS
        SELECT a.article_id, coalesce(g.story_id, a.article_id) AS story_id,
               coalesce(g.kind, 'original') AS kind, g.copy_of, g.score
        FROM articles a LEFT JOIN article_groups g USING (article_id)"""
#: SQL: the story of the article ``{a}`` when ``article_groups`` is joined as ``{g}``
STORY_OF = "coalesce({g}.story_id, {a}.article_id)"

#: each given article ($ids) and the articles it may copy or be copied by: they share a company with a
#: figure or an event, or report two figures of the same values (the extractor may name the company of a
#: reworded sentence differently), and were published at most $days apart (or one is undated); the $max
#: nearest in time
_CANDIDATES_SQL = """
    WITH about AS (
        SELECT DISTINCT article_id, company_id FROM metric_rows
        UNION SELECT DISTINCT article_id, company_id FROM event_rows
    ), mine AS (
        SELECT * FROM about WHERE article_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))
    ), my_values AS (
        SELECT DISTINCT article_id, value FROM metric_rows
        WHERE article_id IN (SELECT unnest(CAST($ids AS VARCHAR[]))) AND value >= 100
    ), same_values AS (
        SELECT n.article_id AS a, o.article_id AS b
        FROM my_values n JOIN (SELECT DISTINCT article_id, value FROM metric_rows) o
             ON o.value = n.value AND o.article_id <> n.article_id
        GROUP BY ALL HAVING count(*) >= 2
    ), pairs AS (
        SELECT DISTINCT n.article_id AS a, o.article_id AS b
        FROM mine n JOIN about o ON o.company_id = n.company_id AND o.article_id <> n.article_id
        UNION SELECT a, b FROM same_values
    )
    SELECT p.a, p.b
    FROM pairs p JOIN articles x ON x.article_id = p.a JOIN articles y ON y.article_id = p.b
    WHERE x.published IS NULL OR y.published IS NULL OR abs(date_diff('day', x.published, y.published)) <= $days
    QUALIFY row_number() OVER (PARTITION BY p.a
        ORDER BY abs(date_diff('day', x.published, y.published)) NULLS LAST, p.b) <= $max
    """
#: the stories any of $ids belongs to, with all their members
_MEMBERS_SQL = """
    SELECT article_id, story_id, kind, copy_of, score FROM article_groups
    WHERE story_id IN (SELECT story_id FROM article_groups WHERE article_id IN (SELECT unnest(CAST($ids AS VARCHAR[]))))
    """
#: the companies the articles $ids report a figure or an event about
_COMPANIES_OF_SQL = (
    "SELECT company_id FROM metric_rows WHERE article_id IN (SELECT unnest(CAST($ids AS VARCHAR[]))) "
    "UNION SELECT company_id FROM event_rows WHERE article_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))"
)
_TEXTS_SQL = "SELECT article_id, published, text FROM articles WHERE article_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))"
_FIGURES_SQL = (
    "SELECT article_id, company_id, metric, value FROM metric_rows "
    "WHERE article_id IN (SELECT unnest(CAST($ids AS VARCHAR[]))) ORDER BY article_id, row_no"
)
_EVENT_COMPANIES_SQL = (
    "SELECT DISTINCT article_id, company_id FROM event_rows WHERE article_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))"
)


@dataclass
class StoryInputs:
    """What grouping needs: candidate pairs, the articles involved, their figures, and existing groups."""

    pairs: list[tuple[str, str]] = field(default_factory=list)
    articles: dict[str, tuple[date | None, str]] = field(default_factory=dict)  # id -> (published, text)
    figures: dict[str, list[tuple[str, str, float]]] = field(default_factory=dict)  # id -> (company, metric, value)
    companies: dict[str, set[str]] = field(default_factory=dict)  # id -> companies of its figures and events
    groups: list[tuple[str, str, str, str | None, float | None]] = field(default_factory=list)  # article_groups rows


def story_inputs(
    con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], days: int, max_candidates: int
) -> StoryInputs:
    """The candidates of ``article_ids`` and everything needed to compare them (one read connection)."""
    out = StoryInputs()
    if not article_ids:
        return out
    try:
        ids = list(article_ids)
        out.pairs = [(a, b) for a, b in con.execute(_CANDIDATES_SQL, {"ids": ids, "days": days, "max": max_candidates}).fetchall()]
        if not out.pairs:
            return out
        involved = sorted({x for pair in out.pairs for x in pair})  # only articles with a candidate are read
        out.groups = [tuple(r) for r in con.execute(_MEMBERS_SQL, {"ids": involved}).fetchall()]  # type: ignore[misc]
        involved = sorted(set(involved) | {r[0] for r in out.groups})
        out.articles = {a: (p, t) for a, p, t in con.execute(_TEXTS_SQL, {"ids": involved}).fetchall()}
        for a, c, m, v in con.execute(_FIGURES_SQL, {"ids": involved}).fetchall():
            out.figures.setdefault(a, []).append((c, m, v))
            out.companies.setdefault(a, set()).add(c)
        for a, c in con.execute(_EVENT_COMPANIES_SQL, {"ids": involved}).fetchall():
            out.companies.setdefault(a, set()).add(c)
    except duckdb.Error as exc:
        raise QueryRefused(first_line(exc)) from None
    return out


def replace_groups(
    con: duckdb.DuckDBPyConnection, members: Iterable[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """In one transaction: forget the groups of ``members``, then store ``rows`` (article_groups rows). The
    companies of the articles concerned have their kept facts and scores due (their sources counts change)."""
    con.execute("BEGIN TRANSACTION")
    try:
        concerned = sorted(set(members) | {r[0] for r in rows})
        con.execute(
            "DELETE FROM article_groups WHERE article_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))",
            {"ids": sorted(set(members))},
        )
        if rows:
            con.executemany("INSERT INTO article_groups VALUES (?, ?, ?, ?, ?)", [list(r) for r in rows])
        mark_pending(con, [r[0] for r in con.execute(_COMPANIES_OF_SQL, {"ids": concerned}).fetchall()])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
