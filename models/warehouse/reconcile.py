"""Reconciled facts: the SQL behind the ``facts`` and ``fact_sources`` views, and the reads that build
``models.facts`` records from it (README "Reconciled facts").

A *fact* is a cluster of metric rows about one company, metric and unit, for compatible periods, whose
values agree within a small tolerance. The SQL is written once with slots, @KNOWN_BY@, @WITHOUT@ and
@COMPANIES@: the views fill them with "everything", and ``facts_on`` with parameters for "what was known on
date D" (articles published by D; undated articles only when D is NULL), "without these articles" (what an
ingest changed) and "these companies". No macros, so the views are plain SQL that any DuckDB client and a
Parquet-backed warehouse can run.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import duckdb

from models.facts import Fact, LeadershipEvent, Source
from models.warehouse.errors import QueryRefused, first_line

__all__ = [
    "facts_sql",
    "EVERYTHING",
    "kept_or_live",
    "mark_pending",
    "kept_current",
    "store_facts",
    "kept_facts",
    "facts_on",
    "events_on",
]


def _agree_sql(a: str, qa: str, b: str, qb: str) -> str:
    """SQL: two values are the same figure, within 2 % (5 % when either is approximate)."""
    return (
        f"(abs({a} - {b}) <= (CASE WHEN {qa} = 'approx' OR {qb} = 'approx' THEN 0.05 ELSE 0.02 END)"
        f" * greatest(abs({a}), abs({b})))"
    )


def _bucket_sql(v: str) -> str:
    """SQL: a value's bucket for finding the values it may agree with (``_agree_sql``): sign and log scale.

    Two finite values within 5 % of each other have the same sign, and the ratio of their magnitudes is at
    most 1 / 0.95 < 1.06, so their buckets are equal or neighbours. 0 has its own bucket; values that are not
    finite numbers get NULL (and are compared with everything: see ``matches``).
    """
    return (
        f"(CASE WHEN NOT isfinite({v}) THEN NULL WHEN {v} = 0 THEN 0"
        f" ELSE sign({v}) * (100000 + floor(ln(abs({v})) / ln(1.06))) END)"
    )


def _consistent_sql(a: str, qa: str, b: str, qb: str) -> str:
    """SQL: a bound does not disagree with a value on its side of it ("more than 500" and 600)."""
    return (
        f"(({qa} IN ('at_least', 'range_low') AND {b} >= {a}) OR ({qa} IN ('at_most', 'range_high') AND {b} <= {a})"
        f" OR ({qb} IN ('at_least', 'range_low') AND {a} >= {b}) OR ({qb} IN ('at_most', 'range_high') AND {a} <= {b}))"
    )


#: Words just before a figure that make it a cumulative total ("bringing its total to", "a total of").
_TOTAL_BEFORE = r"\b(total(ling|ing|led|s)?|cumulative(ly)?|altogether|overall|aggregate)\b(\s+\S+){0,4}\s*$"
#: ... or just after it ("in total", "to date", "so far", "since its founding").
_TOTAL_AFTER = (
    r"^[^.;:]{0,30}\b(in total|to date|so far|altogether|in all|all told|cumulatively"
    r"|since (its |it was )?(founding|founded|inception|launch|start))\b"
)
#: "has raised", "had raised about": a cumulative amount unless a round is named next.
_HAS_RAISED = r"\b(has|had|have)\s+(now\s+|so far\s+|previously\s+|already\s+)?raised\s+(\S+\s+){0,2}$"
_ROUND_AFTER = r"^[^.;,]{0,30}\b(round|series [a-z]\b|seed|tranche|extension|in (a|an|its|the|new|fresh)\b)"
_ROUND_BEFORE = r"\b(round|series [a-z]|seed|tranche)\b[^.;]{0,25}$"
_RAISED_BEFORE = r"\b(raises|raised|raising|raise|secures|secured|closes|closed|lands|landed|bags|bagged)\s+(\S+\s+){0,2}$"


def _basis_sql(metric: str, before: str, after: str) -> str:
    """SQL: 'total', 'round' or NULL from the words around the figure; only where the text says so.

    Funding figures can be either; layoffs and departures can only be marked as totals.
    """
    b, a = f"lower({before})", f"lower({after})"
    return f"""(CASE
          WHEN {metric} NOT IN ('funding_raised', 'layoffs', 'departed_talent') THEN NULL
          WHEN regexp_matches({b}, '{_TOTAL_BEFORE}') OR regexp_matches({a}, '{_TOTAL_AFTER}')
            OR ({metric} = 'funding_raised' AND regexp_matches({b}, '{_HAS_RAISED}')
                AND NOT regexp_matches({a}, '{_ROUND_AFTER}'))
            THEN 'total'
          WHEN {metric} = 'funding_raised' AND (regexp_matches({a}, '{_ROUND_AFTER}')
               OR regexp_matches({b}, '{_ROUND_BEFORE}') OR regexp_matches({b}, '{_RAISED_BEFORE}'))
            THEN 'round'
          ELSE NULL END)"""


_FACT_SOURCES_SQL = """
        WITH base AS (
            SELECT m.company_id, c.name AS company, m.metric, m.value, m.unit, m.qualifier,
                   m.as_of, m.as_of_start, m.as_of_end, m.article_id, m.row_no, a.published,
                   a.path AS article_path, m.quote, m.surface, m.confidence,
                   coalesce(g.story_id, m.article_id) AS story_id,
                   @BASIS@ AS basis,
                   (m.as_of_start IS NOT NULL
                    AND (m.metric = 'revenue' OR m.as_of_precision IN ('day', 'month'))) AS anchor
            FROM metric_rows m JOIN articles a USING (article_id) JOIN companies c USING (company_id)
                 LEFT JOIN article_groups g USING (article_id)
            WHERE (@KNOWN_BY@ IS NULL OR a.published <= @KNOWN_BY@)
              AND m.article_id NOT IN (SELECT unnest(@WITHOUT@))
              AND @COMPANIES@
        ), ordered AS (
            SELECT *, max(as_of_end) OVER (
                       PARTITION BY company_id, metric, unit ORDER BY as_of_start, as_of_end DESC, article_id, row_no
                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
            FROM base WHERE anchor AND metric <> 'revenue'
        ), anchors AS (
            -- day and month figures: overlapping dates are one period (2024-03-22 lies in 2024-03)
            SELECT * EXCLUDE (prev_end), sum(CASE WHEN as_of_start > prev_end THEN 1 ELSE 0 END) OVER (
                       PARTITION BY company_id, metric, unit ORDER BY as_of_start, as_of_end DESC, article_id, row_no
                       ROWS UNBOUNDED PRECEDING) AS grp
            FROM ordered
            UNION ALL BY NAME
            -- revenue is a flow: only the very same period is the same period
            SELECT *, dense_rank() OVER (PARTITION BY company_id, metric, unit ORDER BY as_of_start, as_of_end) AS grp
            FROM base WHERE anchor AND metric = 'revenue'
        ), groups AS (
            SELECT company_id, metric, unit, grp, min(as_of_start) AS g_start, max(as_of_end) AS g_end,
                   arg_max(as_of, as_of_end - as_of_start) AS g_label
            FROM anchors GROUP BY ALL
        ), loose AS (
            SELECT * FROM base WHERE NOT anchor
        ), candidates AS (
            -- the dated periods an undated figure may join: each distinct value reported in each period
            SELECT DISTINCT an.company_id, an.metric, an.unit, coalesce(an.basis = 'total', false) AS is_total,
                   an.value, CASE WHEN an.qualifier = 'approx' THEN 'approx' ELSE '' END AS qualifier,
                   an.grp, g.g_start, g.g_end, @BUCKET(an.value)@ AS bucket
            FROM anchors an JOIN groups g USING (company_id, metric, unit, grp)
        ), probes AS (
            -- each distinct undated value to place (many rows repeat one)
            SELECT DISTINCT company_id, metric, unit, coalesce(basis = 'total', false) AS is_total, value,
                   CASE WHEN qualifier = 'approx' THEN 'approx' ELSE '' END AS qualifier, as_of_start, as_of_end
            FROM loose
        ), matches AS (
            -- two finite values that agree (within 5 % at most) have one sign and logarithms less than
            -- ln(1/0.95) apart, so they lie in the same or neighbouring buckets of width ln(1.06): a probe
            -- looks in three buckets instead of comparing itself with every figure of its metric
            SELECT l.*, an.grp, an.g_start, an.g_end
            FROM (SELECT *, @BUCKET(value)@ + step AS bucket FROM probes, (VALUES (-1), (0), (1)) s(step)
                  WHERE isfinite(value) AND as_of_start IS NOT NULL) l
            JOIN candidates an USING (company_id, metric, unit, is_total, bucket)
            WHERE isfinite(an.value) AND @AGREE_LOOSE@
            UNION ALL BY NAME
            -- an undated probe can join any period: of each value, only its latest period can win
            SELECT l.*, an.grp, NULL AS g_start, an.g_end
            FROM (SELECT *, @BUCKET(value)@ + step AS bucket FROM probes, (VALUES (-1), (0), (1)) s(step)
                  WHERE isfinite(value) AND as_of_start IS NULL) l
            JOIN (SELECT company_id, metric, unit, is_total, value, qualifier, bucket,
                         arg_max(grp, (g_end, -grp)) AS grp, max(g_end) AS g_end
                  FROM candidates WHERE isfinite(value) GROUP BY ALL) an
                 USING (company_id, metric, unit, is_total, bucket)
            WHERE @AGREE_LOOSE@
            UNION ALL BY NAME
            -- a value that is not a finite number is compared with every figure, as the rule above says
            SELECT l.*, an.grp, an.g_start, an.g_end
            FROM probes l JOIN (SELECT * FROM candidates WHERE NOT isfinite(value)) an
                 USING (company_id, metric, unit, is_total)
            WHERE @AGREE_LOOSE@
            UNION ALL BY NAME
            SELECT l.*, an.grp, an.g_start, an.g_end
            FROM (SELECT * FROM probes WHERE NOT isfinite(value)) l JOIN (SELECT * FROM candidates WHERE isfinite(value)) an
                 USING (company_id, metric, unit, is_total)
            WHERE @AGREE_LOOSE@
        ), placements AS (
            -- an undated (or quarter, year, span) figure joins the latest dated period within it that reports
            -- the same value (of two ending on the same day, the one starting first); otherwise it keeps a
            -- period of its own
            SELECT company_id, metric, unit, is_total, value, qualifier, as_of_start, as_of_end,
                   arg_max(grp, (g_end, -grp)) AS grp
            FROM matches
            WHERE as_of_start IS NULL OR (g_start >= as_of_start AND g_end <= as_of_end)
            GROUP BY ALL
        ), attached AS (
            SELECT l.article_id, l.row_no, p.grp
            FROM loose l JOIN placements p
                 ON p.company_id = l.company_id AND p.metric = l.metric AND p.unit = l.unit
                 AND p.is_total = coalesce(l.basis = 'total', false) AND p.value = l.value
                 AND p.qualifier = CASE WHEN l.qualifier = 'approx' THEN 'approx' ELSE '' END
                 AND p.as_of_start IS NOT DISTINCT FROM l.as_of_start AND p.as_of_end IS NOT DISTINCT FROM l.as_of_end
        ), placed AS (
            SELECT an.* EXCLUDE (grp), g.g_start AS period_start, g.g_end AS period_end, g.g_label AS period
            FROM anchors an JOIN groups g USING (company_id, metric, unit, grp)
            UNION ALL BY NAME
            SELECT l.*, coalesce(g.g_start, l.as_of_start) AS period_start,
                   coalesce(g.g_end, l.as_of_end) AS period_end,
                   CASE WHEN g.grp IS NULL THEN l.as_of ELSE g.g_label END AS period
            FROM loose l LEFT JOIN attached t USING (article_id, row_no)
            LEFT JOIN groups g ON g.company_id = l.company_id AND g.metric = l.metric AND g.unit = l.unit
                 AND g.grp = t.grp
        ), lagged AS (
            SELECT *, coalesce(basis = 'total', false) AS is_total,
                   lag(value) OVER w AS prev_value, lag(qualifier) OVER w AS prev_q
            FROM placed
            WINDOW w AS (PARTITION BY company_id, metric, unit, coalesce(basis = 'total', false),
                         period_start, period_end ORDER BY value, article_id, row_no)
        ), clustered AS (
            -- values sorted within a period; a gap wider than the tolerance starts a new figure
            SELECT *, sum(CASE WHEN prev_value IS NULL OR @AGREE_PREV@ THEN 0 ELSE 1 END) OVER (
                       PARTITION BY company_id, metric, unit, is_total, period_start, period_end
                       ORDER BY value, article_id, row_no ROWS UNBOUNDED PRECEDING) AS cluster
            FROM lagged
        ), keyed AS (
            SELECT *, company_id || ':' || metric || ':' || min(article_id || '#' || row_no) OVER f AS fact_id,
                   CASE WHEN is_total THEN 'total' WHEN bool_or(basis = 'round') OVER f THEN 'round' END AS fact_basis
            FROM clustered
            WINDOW f AS (PARTITION BY company_id, metric, unit, is_total, period_start, period_end, cluster)
        )
        SELECT fact_id, company, company_id, metric, fact_basis, period, period_start, period_end,
               value, unit, qualifier, basis, as_of, published, article_id, row_no, article_path, quote, surface,
               confidence, story_id
        FROM keyed"""

_FACTS_SQL = """
        WITH s AS (@FACT_SOURCES@
        ), vals AS (
            SELECT fact_id, value, count(DISTINCT story_id) AS n, bool_or(qualifier = 'exact') AS has_exact,
                   mode(qualifier ORDER BY article_id, row_no) AS q, max(confidence) AS conf, max(published) AS pub
            FROM s GROUP BY fact_id, value
        ), best AS (
            -- the best-supported value: most independent stories, then an exact figure, then confidence, then the newest
            SELECT fact_id, value, CASE WHEN has_exact THEN 'exact' ELSE q END AS qualifier
            FROM (SELECT *, row_number() OVER (PARTITION BY fact_id
                      ORDER BY n DESC, has_exact DESC, conf DESC, pub DESC NULLS LAST, value DESC) AS r FROM vals)
            WHERE r = 1
        ), top AS (
            SELECT s.fact_id, arg_min(s.quote, s.article_id || '#' || s.row_no) AS quote,
                   min(s.article_id || '#' || s.row_no) AS ref
            FROM s JOIN best b ON s.fact_id = b.fact_id AND s.value = b.value
            GROUP BY s.fact_id
        ), f AS (
            SELECT s.fact_id, any_value(company) AS company, any_value(company_id) AS company_id,
                   any_value(metric) AS metric, any_value(fact_basis) AS basis, any_value(period) AS period,
                   any_value(period_start) AS period_start, any_value(period_end) AS period_end,
                   any_value(b.value) AS value, any_value(unit) AS unit, any_value(b.qualifier) AS qualifier,
                   min(s.value) AS low, max(s.value) AS high,
                   count(DISTINCT story_id) AS n_sources, count(DISTINCT article_id) AS n_articles,
                   count(*) AS n_rows,
                   min(published) AS first_published, max(published) AS last_published,
                   max(confidence) AS confidence, list(DISTINCT article_id) AS articles,
                   printf('%s %s %s (%d source%s)', CAST(any_value(b.value) AS VARCHAR), any_value(unit),
                          any_value(b.qualifier), count(DISTINCT story_id),
                          CASE WHEN count(DISTINCT story_id) = 1 THEN '' ELSE 's' END) AS label
            FROM s JOIN best b USING (fact_id)
            GROUP BY s.fact_id
        ), pairs AS (
            -- two facts of one period disagree when no article reports both and their values do not fit
            SELECT f.fact_id, g.fact_id AS other_id, g.label AS other_label, g.n_sources AS other_n,
                   (g.n_sources > f.n_sources
                    OR (g.n_sources = f.n_sources AND coalesce(g.last_published, DATE '0001-01-01')
                                                     > coalesce(f.last_published, DATE '0001-01-01'))
                    OR (g.n_sources = f.n_sources AND g.last_published IS NOT DISTINCT FROM f.last_published
                        AND g.fact_id < f.fact_id)) AS beats
            FROM f JOIN f AS g ON f.company_id = g.company_id AND f.metric = g.metric AND f.unit = g.unit
                 AND f.period_start IS NOT DISTINCT FROM g.period_start
                 AND f.period_end IS NOT DISTINCT FROM g.period_end
                 AND coalesce(f.basis = 'total', false) = coalesce(g.basis = 'total', false)
                 AND f.fact_id <> g.fact_id
                 AND NOT list_has_any(f.articles, g.articles)
                 AND NOT @CONSISTENT@
                 -- two funding figures more than twice apart are two raises (a company raises often), not
                 -- a disagreement about one
                 AND NOT (f.metric = 'funding_raised' AND greatest(f.value, g.value) > 2 * least(f.value, g.value))
        ), conflicts AS (
            -- the other facts, most sources first: one sorted list per fact gives both strings
            SELECT fact_id, bool_or(beats) AS beaten,
                   list_sort(list({'n': -other_n, 'id': other_id, 'label': other_label})) AS others
            FROM pairs GROUP BY fact_id
        )
        SELECT f.fact_id, f.company, f.company_id, f.metric, f.basis, f.period, f.period_start, f.period_end,
               f.value, f.unit, f.qualifier, f.low, f.high, f.n_sources, f.n_articles, f.n_rows,
               f.first_published, f.last_published, f.confidence,
               c.fact_id IS NOT NULL AS conflict,
               NOT coalesce(c.beaten, false) AS preferred,
               array_to_string(list_transform(c.others, lambda o: o.label), '; ') AS conflicting_values,
               array_to_string(list_transform(c.others, lambda o: o.id), ' ') AS conflicting_facts,
               split_part(t.ref, '#', 1) AS article_id, CAST(split_part(t.ref, '#', 2) AS INTEGER) AS row_no,
               t.quote
        FROM f LEFT JOIN conflicts c USING (fact_id) JOIN top t USING (fact_id)"""


def facts_sql(which: str, known_by: str, without: str, companies: str = "true") -> str:
    """The SQL of ``fact_sources`` or ``facts`` with its slots filled (``companies``: a condition on
    ``m.company_id``; facts never span companies, so filtering first is exact and much cheaper)."""
    off = "(m.char_start - m.quote_start)"
    basis = _basis_sql(
        "m.metric",
        f"substring(m.quote, greatest({off} - 60, 0) + 1, least(greatest({off}, 0), 60))",
        "substring(m.quote, m.char_end - m.quote_start + 1, 60)",
    )
    src = (
        _FACT_SOURCES_SQL.replace("@BASIS@", basis)
        .replace("@AGREE_LOOSE@", _agree_sql("an.value", "an.qualifier", "l.value", "l.qualifier"))
        .replace("@BUCKET(an.value)@", _bucket_sql("an.value"))
        .replace("@BUCKET(value)@", _bucket_sql("value"))
        .replace("@AGREE_PREV@", _agree_sql("prev_value", "prev_q", "value", "qualifier"))
    )
    if which == "facts_of_table":  # the facts of fact sources already stored in the table named by ``companies``
        return _FACTS_SQL.replace("@FACT_SOURCES@", f"SELECT * FROM {companies}").replace(
            "@CONSISTENT@", _consistent_sql("f.value", "f.qualifier", "g.value", "g.qualifier")
        )
    sql = src if which == "fact_sources" else _FACTS_SQL.replace("@FACT_SOURCES@", src).replace(
        "@CONSISTENT@", _consistent_sql("f.value", "f.qualifier", "g.value", "g.qualifier")
    )
    return sql.replace("@KNOWN_BY@", known_by).replace("@WITHOUT@", without).replace("@COMPANIES@", companies)


#: the slots' values for the views: everything known, nothing left out
EVERYTHING = ("CAST(NULL AS DATE)", "CAST([] AS VARCHAR[])")
#: ... and for ``facts_on``: known on $d, without the articles $w
_PARAMS = ("CAST($d AS DATE)", "CAST($w AS VARCHAR[])")


def _known_on(
    company_ids: Sequence[str] | None, as_of: date | None, without: Sequence[str], alias: str
) -> tuple[dict[str, Any], str]:
    """Query parameters ($d, $w, $ids) and the company condition on table ``alias`` for "known on as_of".

    The condition goes in the first step of a query, below every window and aggregate."""
    params: dict[str, Any] = {"d": as_of, "w": list(without)}
    if company_ids is None:
        return params, "true"
    params["ids"] = sorted(set(company_ids))
    return params, f"{alias}.company_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))"


#: where ``facts_on`` keeps the fact sources of one call (a temporary table of its own connection)
_SOURCES_TABLE = "temp.main.chosen_fact_sources"
#: the columns of a fact's sources that ``Source`` records hold, in their order
_SOURCE_COLUMNS = "fact_id, article_id, row_no, value, qualifier, basis, as_of, published, article_path, quote, surface"
#: the order of ``facts_on``'s facts and of each fact's sources
_FACT_ORDER = "company_id, metric, period_start NULLS FIRST, value, fact_id"
_SOURCE_ORDER = "published NULLS LAST, article_id, row_no"
#: the companies whose kept facts are due to be recomputed (``upkeep.py``)
_PENDING = "(SELECT company_id FROM facts_pending)"


def kept_or_live(which: str) -> str:
    """The SQL of the ``fact_sources`` or ``facts`` view: the kept rows (``stored_fact_sources``,
    ``stored_facts``) of every company whose rows have not changed since, and the live reconciliation of the
    companies in ``facts_pending`` (none, outside an ingest). Either way the view is the reconciliation of
    the rows stored now."""
    live = facts_sql(which, *EVERYTHING, f"m.company_id IN {_PENDING}")
    return (
        f"SELECT * FROM stored_{which} WHERE company_id NOT IN {_PENDING}\n"
        f"        UNION ALL BY NAME SELECT * FROM ({live}) AS live"
    )


def mark_pending(con: duckdb.DuckDBPyConnection, company_ids: Sequence[str]) -> None:
    """Note that these companies' kept facts and scores are due to be recomputed."""
    con.execute(
        "INSERT INTO facts_pending SELECT DISTINCT id FROM unnest(CAST($ids AS VARCHAR[])) AS t(id) "
        "WHERE id NOT IN (SELECT company_id FROM facts_pending)",
        {"ids": list(company_ids)},
    )


def kept_current(con: duckdb.DuckDBPyConnection, company_ids: Sequence[str] | None) -> bool:
    """Whether the kept facts of these companies (of all, for None) are up to date: none is pending. False on
    a file of an older schema, which keeps none."""
    try:
        if company_ids is None:
            row = con.execute("SELECT count(*) FROM facts_pending").fetchone()
        else:
            row = con.execute(
                "SELECT count(*) FROM facts_pending WHERE company_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))",
                {"ids": list(company_ids)},
            ).fetchone()
    except duckdb.CatalogException:
        return False
    return row is not None and row[0] == 0


def store_facts(con: duckdb.DuckDBPyConnection, company_ids: Sequence[str]) -> None:
    """Recompute and keep these companies' facts and fact sources (inside the caller's transaction)."""
    params = {"ids": sorted(set(company_ids))}
    chosen = "company_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))"
    for table in ("stored_fact_sources", "stored_facts"):
        con.execute(f"DELETE FROM {table} WHERE {chosen}", params)
    con.execute(
        f"INSERT INTO stored_fact_sources BY NAME {facts_sql('fact_sources', *EVERYTHING, 'm.' + chosen)}", params
    )
    of_chosen = f"(SELECT * FROM stored_fact_sources WHERE {chosen})"
    con.execute(f"INSERT INTO stored_facts BY NAME {facts_sql('facts_of_table', '', '', of_chosen)}", params)


def facts_on(
    con: duckdb.DuckDBPyConnection, company_ids: Sequence[str] | None, as_of: date | None, without: Sequence[str]
) -> list[Fact]:
    """The reconciled facts known on ``as_of`` (articles published by then; all articles, undated ones
    included, when None), leaving out the articles ``without``, each with its sources.

    Everything known, of companies whose rows have not changed since their facts were kept: read from the
    kept tables. Otherwise reconciled now: the chosen companies' rows are filtered in the first step (facts
    never span companies, so this is exact), read and reconciled once into a temporary table, which the facts
    and their sources are then read from."""
    if company_ids is not None and not company_ids:
        return []
    try:
        if as_of is None and not without and kept_current(con, company_ids):
            return kept_facts(con, company_ids)
        return _live_facts(con, company_ids, as_of, without)
    except duckdb.Error as exc:
        raise QueryRefused(first_line(exc)) from None


def kept_facts(
    con: duckdb.DuckDBPyConnection,
    company_ids: Sequence[str] | None,
    facts_table: str = "stored_facts",
    sources_table: str = "stored_fact_sources",
) -> list[Fact]:
    """The kept facts of these companies (all, for None), with their sources, as ``facts_on`` orders them
    (from a copy of the kept tables' rows when named: ``flow_facts``, ``flow_fact_sources``)."""
    where, params = "", {}
    if company_ids is not None:
        where, params = "WHERE company_id IN (SELECT unnest(CAST($ids AS VARCHAR[])))", {"ids": list(company_ids)}
    facts = _fetch_dicts(con.execute(f"SELECT * FROM {facts_table} {where} ORDER BY {_FACT_ORDER}", params))
    srows = con.execute(
        f"SELECT {_SOURCE_COLUMNS} FROM {sources_table} {where} ORDER BY {_SOURCE_ORDER}", params
    ).fetchall()
    return _records(facts, srows)


def _live_facts(
    con: duckdb.DuckDBPyConnection, company_ids: Sequence[str] | None, as_of: date | None, without: Sequence[str]
) -> list[Fact]:
    params, chosen = _known_on(company_ids, as_of, without, "m")
    con.execute(f"DROP TABLE IF EXISTS {_SOURCES_TABLE}")
    con.execute(
        f"CREATE TEMP TABLE {_SOURCES_TABLE.rsplit('.', 1)[-1]} AS {facts_sql('fact_sources', *_PARAMS, chosen)}",
        params,
    )
    facts = _fetch_dicts(con.execute(
        f"SELECT * FROM ({facts_sql('facts_of_table', '', '', _SOURCES_TABLE)}) ORDER BY {_FACT_ORDER}"
    ))
    srows = con.execute(f"SELECT {_SOURCE_COLUMNS} FROM {_SOURCES_TABLE} ORDER BY {_SOURCE_ORDER}").fetchall()
    con.execute(f"DROP TABLE IF EXISTS {_SOURCES_TABLE}")
    return _records(facts, srows)


def _fetch_dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _records(facts: list[dict[str, Any]], srows: list[tuple[Any, ...]]) -> list[Fact]:
    """Fact records from the rows of a facts query and of its sources."""
    sources: dict[str, list[Source]] = {}
    for fid, *rest in srows:
        sources.setdefault(fid, []).append(Source(*rest))
    return [_fact(r, sources.get(r["fact_id"], ())) for r in facts]


def _fact(r: dict[str, Any], sources: Sequence[Source]) -> Fact:
    """A row of the ``facts`` query as a record, with its sources."""
    return Fact(
        fact_id=r["fact_id"],
        company=r["company"],
        company_id=r["company_id"],
        metric=r["metric"],
        value=r["value"],
        unit=r["unit"],
        qualifier=r["qualifier"],
        basis=r["basis"],
        period=r["period"],
        period_start=r["period_start"],
        period_end=r["period_end"],
        n_sources=r["n_sources"],
        n_articles=r["n_articles"],
        first_published=r["first_published"],
        last_published=r["last_published"],
        conflict=r["conflict"],
        preferred=r["preferred"],
        conflicting_values=r["conflicting_values"],
        conflicting_facts=tuple((r["conflicting_facts"] or "").split()),
        quote=r["quote"],
        article_id=r["article_id"],
        row_no=r["row_no"],
        sources=tuple(sources),
    )


#: leadership events known on $d, without the articles $w, for the companies in @COMPANIES@, oldest first
_EVENTS_SQL = """
    SELECT e.company_id, e.kind, e.person, e.role, e.as_of, e.as_of_end, a.published, e.article_id,
           e.row_no, a.path, e.quote
    FROM event_rows e JOIN articles a USING (article_id)
    WHERE (CAST($d AS DATE) IS NULL OR a.published <= CAST($d AS DATE))
      AND e.article_id NOT IN (SELECT unnest(CAST($w AS VARCHAR[]))) AND @COMPANIES@
    ORDER BY coalesce(e.as_of_end, a.published) NULLS FIRST, e.article_id, e.row_no"""


def events_on(
    con: duckdb.DuckDBPyConnection, company_ids: Sequence[str] | None, as_of: date | None, without: Sequence[str]
) -> list[LeadershipEvent]:
    """Leadership events known on ``as_of`` (same rule as ``facts_on``), oldest first."""
    if company_ids is not None and not company_ids:
        return []
    params, chosen = _known_on(company_ids, as_of, without, "e")
    try:
        rows = con.execute(_EVENTS_SQL.replace("@COMPANIES@", chosen), params).fetchall()
    except duckdb.Error as exc:
        raise QueryRefused(first_line(exc)) from None
    return [LeadershipEvent(*r) for r in rows]
