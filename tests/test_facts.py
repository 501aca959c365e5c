"""The ``facts`` and ``fact_sources`` views on a real DuckDB file, from hand-made rows: merging the same
figure across articles, conflicts kept apart, rounds versus totals, history and "what was known on date D"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from facts_support import Evt, Fig, new_warehouse, put
from models.facts import Fact, history
from models.health import known_funding
from models.warehouse import Warehouse


@pytest.fixture
def wh(tmp_path: Path) -> Warehouse:
    return new_warehouse(tmp_path / "w.duckdb")


def facts_of(wh: Warehouse, metric: str, **kw: object) -> list[Fact]:
    return [f for f in wh.facts(**kw) if f.metric == metric]  # type: ignore[arg-type]


# -- merging -----------------------------------------------------------------------------------------


def test_the_same_figure_in_three_articles_is_one_fact_with_every_source(wh: Warehouse) -> None:
    a = put(wh, "a", date(2024, 3, 1), [Fig("Acme AI", "burn_rate", 8e6, "Acme AI burns $8 million a month.",
                                            "$8 million a month", as_of="2024-03")])
    b = put(wh, "b", date(2024, 3, 9), [Fig("Acme", "burn_rate", 8.1e6, "Acme spends about $8.1 million a month.",
                                            "$8.1 million a month", "approx", as_of="2024-03")])
    c = put(wh, "c", date(2024, 3, 20), [Fig("Acme AI", "burn_rate", 8e6, "On March 4 Acme AI burned $8m a month.",
                                             "$8m a month", as_of="2024-03-04")])
    [f] = facts_of(wh, "burn_rate")
    assert (f.value, f.unit, f.qualifier, f.n_sources, f.period) == (8e6, "USD/month", "exact", 3, "2024-03")
    assert (f.first_published, f.last_published) == (date(2024, 3, 1), date(2024, 3, 20))
    assert not f.conflict and f.preferred
    assert {s.article_id for s in f.sources} == {a, b, c}
    assert {s.quote for s in f.sources} >= {"Acme spends about $8.1 million a month."}
    # every quote is reachable in SQL too
    rows = wh.query("SELECT article_id, quote FROM fact_sources WHERE fact_id = ?", [f.fact_id]).rows
    assert len(rows) == 3


def test_the_best_supported_value_wins_within_a_fact(wh: Warehouse) -> None:
    put(wh, "a", date(2024, 1, 5), [Fig("Acme", "headcount", 200, "Acme has 200 staff.", "200", as_of="2024-01")])
    put(wh, "b", date(2024, 1, 6), [Fig("Acme", "headcount", 202, "Acme employs 202 people.", "202", as_of="2024-01")])
    put(wh, "c", date(2024, 1, 7), [Fig("Acme", "headcount", 200, "Acme, with 200 staff, grows.", "200",
                                        as_of="2024-01")])
    [f] = facts_of(wh, "headcount")
    assert (f.value, f.n_sources) == (200, 3)
    assert wh.query("SELECT low, high, n_rows FROM facts").rows == [(200.0, 202.0, 3)]


def test_different_months_are_different_facts_and_an_undated_repeat_joins_the_latest(wh: Warehouse) -> None:
    put(wh, "a", date(2023, 10, 20), [Fig("Acme", "burn_rate", 8e6, "Acme burned $8M a month in October.", "$8M",
                                          as_of="2023-10")])
    put(wh, "b", date(2024, 3, 26), [Fig("Acme", "burn_rate", 8e6, "Acme burns $8M a month.", "$8M", as_of="2024-03"),
                                     Fig("Acme", "valuation_target", 4e9, "Acme sought a $4B valuation.", "$4B")])
    put(wh, "c", None, [Fig("Acme", "burn_rate", 8e6, "Acme was burning $8M a month.", "$8M"),
                        Fig("Acme", "valuation_target", 4e9, "It failed to raise at a $4B valuation.", "$4B")])
    burns = facts_of(wh, "burn_rate")
    assert [(f.period, f.n_sources) for f in burns] == [("2023-10", 1), ("2024-03", 2)]
    [target] = facts_of(wh, "valuation_target")  # both undated: one figure, two sources
    assert (target.period, target.n_sources, target.last_published) == (None, 2, date(2024, 3, 26))


def test_revenue_for_a_quarter_and_for_the_year_are_not_merged_nor_in_conflict(wh: Warehouse) -> None:
    put(wh, "a", date(2024, 5, 1), [Fig("Acme", "revenue", 5e6, "Acme made $5M in the first quarter.", "$5M",
                                        as_of="2024-01/2024-03")])
    put(wh, "b", date(2025, 1, 9), [Fig("Acme", "revenue", 30e6, "Acme made $30M in 2024.", "$30M", as_of="2024")])
    facts = facts_of(wh, "revenue")
    assert [(f.period, f.value, f.conflict) for f in facts] == [("2024-01/2024-03", 5e6, False), ("2024", 30e6, False)]


# -- conflicts ---------------------------------------------------------------------------------------


def test_230m_versus_240m_raised_is_a_conflict_with_both_values_and_their_sources(wh: Warehouse) -> None:
    a = put(wh, "a", date(2024, 3, 1), [Fig("Acme", "funding_raised", 230e6, "Acme raised $230M in a Series C.",
                                            "$230M", as_of="2024-03")])
    b = put(wh, "b", date(2024, 3, 2), [Fig("Acme", "funding_raised", 240e6, "Acme raised $240M in a Series C.",
                                            "$240M", as_of="2024-03")])
    c = put(wh, "c", date(2024, 3, 3), [Fig("Acme", "funding_raised", 230e6, "Acme's $230M Series C closed.",
                                            "$230M", as_of="2024-03")])
    f230, f240 = facts_of(wh, "funding_raised")
    assert (f230.value, f240.value) == (230e6, 240e6)  # never averaged
    assert f230.conflict and f240.conflict
    assert f230.conflicting_facts == (f240.fact_id,) and f240.conflicting_facts == (f230.fact_id,)
    assert f230.conflicting_values == "240000000.0 USD exact (1 source)"
    assert f230.preferred and not f240.preferred  # two sources against one
    assert {s.article_id for s in f230.sources} == {a, c} and {s.article_id for s in f240.sources} == {b}
    assert f230.basis == f240.basis == "round"


def test_layoffs_of_600_versus_1000_are_kept_apart(wh: Warehouse) -> None:
    put(wh, "a", date(2024, 2, 28), [Fig("Acme", "layoffs", 600, "Acme cut 600 jobs on Tuesday.", "600",
                                         as_of="2024-02-27")])
    put(wh, "b", date(2024, 3, 1), [Fig("Acme", "layoffs", 1000, "Acme laid off about 1,000 people in February.",
                                        "1,000", "approx", as_of="2024-02")])
    f600, f1000 = facts_of(wh, "layoffs")
    assert (f600.value, f1000.value) == (600, 1000)
    assert f600.conflict and f1000.conflict and f600.period == f1000.period == "2024-02"
    assert f1000.preferred and not f600.preferred  # one source each: the newer report is preferred


def test_two_figures_in_one_article_are_not_a_disagreement(wh: Warehouse) -> None:
    put(wh, "a", date(2024, 3, 26), [
        Fig("Acme", "departed_talent", 1, "Acme's chief executive stepped down.", "chief executive", as_of="2024-03"),
        Fig("Acme", "departed_talent", 6, "Acme has lost more than half a dozen key talent.", "half a dozen",
            "at_least", as_of="2024-03"),
    ])
    facts = facts_of(wh, "departed_talent")
    assert [(f.value, f.conflict) for f in facts] == [(1, False), (6, False)]


def test_a_bound_does_not_disagree_with_a_value_on_its_side(wh: Warehouse) -> None:
    put(wh, "a", date(2024, 3, 1), [Fig("Acme", "headcount", 500, "Acme has more than 500 staff.", "500",
                                        "at_least", as_of="2024-03")])
    put(wh, "b", date(2024, 3, 2), [Fig("Acme", "headcount", 620, "Acme has 620 staff.", "620", as_of="2024-03")])
    put(wh, "c", date(2024, 3, 3), [Fig("Acme", "headcount", 450, "Acme has 450 staff.", "450", as_of="2024-03")])
    by_value = {f.value: f for f in facts_of(wh, "headcount")}
    assert not by_value[500].conflicting_facts or by_value[620].fact_id not in by_value[500].conflicting_facts
    assert by_value[450].conflict and by_value[620].conflict  # 450 and 620 disagree; 450 < "more than 500" too
    assert by_value[500].conflicting_facts == (by_value[450].fact_id,)


# -- rounds versus totals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "surface", "basis"),
    [
        ("Acme raised $1.3 billion in a round led by Microsoft.", "$1.3 billion", "round"),
        ("Acme raised $1.3 billion, bringing its total to $1.525 billion.", "$1.525 billion", "total"),
        ("Acme raised $1.3 billion, bringing its total to $1.525 billion.", "$1.3 billion", "round"),
        ("Acme has raised more than $120 million in total.", "$120 million", "total"),
        ("Acme, a startup that had raised about $1.5 billion, lost two founders.", "$1.5 billion", "total"),
        ("Acme has raised $225 million to date.", "$225 million", "total"),
        ("The $102 million Series B closed in May.", "$102 million", "round"),
        ("Acme has raised $40 million in a Series B.", "$40 million", "round"),
        ("Its investors include a $10 million fund.", "$10 million", None),
    ],
)
def test_the_text_says_whether_a_funding_figure_is_a_round_or_a_total(
    wh: Warehouse, sentence: str, surface: str, basis: str | None
) -> None:
    put(wh, "a", date(2024, 3, 1), [Fig("Acme", "funding_raised", 1e6, sentence, surface, as_of="2024-03")])
    assert wh.query("SELECT basis, fact_basis FROM fact_sources").rows == [(basis, basis)]


def test_a_total_and_its_rounds_are_neither_in_conflict_nor_added_up(wh: Warehouse) -> None:
    put(wh, "a", date(2023, 6, 1), [Fig("Acme", "funding_raised", 225e6, "Acme raised $225 million in a Series A.",
                                        "$225 million", as_of="2023-06")])
    put(wh, "b", date(2024, 6, 30), [
        Fig("Acme", "funding_raised", 1.3e9, "Acme raised $1.3 billion, bringing its total to $1.525 billion.",
            "$1.3 billion", as_of="2024-06"),
        Fig("Acme", "funding_raised", 1.525e9, "Acme raised $1.3 billion, bringing its total to $1.525 billion.",
            "$1.525 billion", as_of="2024-06"),
    ])
    facts = facts_of(wh, "funding_raised")
    assert [(f.value, f.basis, f.conflict) for f in facts] == [
        (225e6, "round", False), (1.3e9, "round", False), (1.525e9, "total", False)]
    est = known_funding(facts)
    assert est is not None and est.amount == 1.525e9 and est.how == "latest stated total"


def test_a_round_after_the_last_stated_total_is_added_to_it(wh: Warehouse) -> None:
    put(wh, "a", date(2023, 6, 1), [Fig("Acme", "funding_raised", 300e6, "Acme has raised $300 million to date.",
                                        "$300 million", as_of="2023-06")])
    put(wh, "b", date(2024, 2, 1), [Fig("Acme", "funding_raised", 50e6, "Acme raised $50 million in a Series D.",
                                        "$50 million", as_of="2024-02")])
    est = known_funding(facts_of(wh, "funding_raised"))
    assert est is not None and est.amount == 350e6


# -- history and what was known on a date ------------------------------------------------------------


def test_history_by_date_and_what_was_known_on_a_date(wh: Warehouse) -> None:
    put(wh, "a", date(2023, 1, 10), [Fig("Acme", "valuation", 1e9, "Acme is valued at $1 billion.", "$1 billion",
                                         as_of="2023-01")])
    put(wh, "b", date(2024, 1, 10), [Fig("Acme", "valuation", 700e6, "Acme is now valued at $700 million.",
                                         "$700 million", as_of="2024-01")])
    put(wh, "c", None, [Fig("Acme", "valuation", 2e9, "Acme was once valued at $2 billion.", "$2 billion")])
    ids = list(wh.resolve_companies(["Acme"]).values())
    series = wh.metric_history(ids, "valuation")
    assert [(f.period, f.value) for f in series] == [("2023-01", 1e9), ("2024-01", 700e6), (None, 2e9)]
    # known on 2023-06-30: only the first article (the undated one is left out whenever a date is given)
    assert [f.value for f in wh.metric_history(ids, "valuation", as_of=date(2023, 6, 30))] == [1e9]
    assert [f.value for f in wh.metric_history(ids, "valuation", as_of=date(2024, 1, 10))] == [1e9, 700e6]
    assert wh.latest_published() == date(2024, 1, 10)
    assert wh.latest_published(date(2023, 12, 31)) == date(2023, 1, 10)


def test_facts_without_some_articles(wh: Warehouse) -> None:
    put(wh, "a", date(2024, 1, 1), [Fig("Acme", "headcount", 100, "Acme has 100 staff.", "100", as_of="2024-01")])
    b = put(wh, "b", date(2024, 1, 2), [Fig("Acme", "headcount", 100, "Acme employs 100.", "100", as_of="2024-01")])
    assert [f.n_sources for f in wh.facts()] == [2]
    assert [f.n_sources for f in wh.facts(without=[b])] == [1]


def test_events_known_on_a_date(wh: Warehouse) -> None:
    put(wh, "a", date(2024, 3, 22), events=[Evt("Acme", "resigned", "Acme CEO Jo Bloggs resigned.", "Jo Bloggs",
                                                "chief executive", "2024-03-22")])
    put(wh, "b", None, events=[Evt("Acme", "interim", "Al Smith is interim CEO.", "Al Smith", "chief executive")])
    assert [e.kind for e in wh.events_for()] == ["interim", "resigned"]  # undated first
    assert [e.kind for e in wh.events_for(as_of=date(2024, 3, 31))] == ["resigned"]
    assert wh.events_for(as_of=date(2024, 3, 1)) == []


def test_history_is_pure_and_sorted() -> None:
    f = lambda i, m, d: Fact(i, "A", "a", m, 1.0, "USD", period_end=d)  # noqa: E731
    facts = [f("x", "valuation", date(2024, 1, 1)), f("y", "valuation", None), f("z", "valuation", date(2023, 1, 1)),
             f("w", "revenue", None)]
    assert [x.fact_id for x in history(facts)] == ["w", "z", "x", "y"]
    assert [x.fact_id for x in history(facts, "revenue")] == ["w"]


def test_funding_figures_more_than_twice_apart_are_two_raises_not_a_disagreement(wh: Warehouse) -> None:
    put(wh, "a", date(2023, 6, 1), [Fig("Acme", "funding_raised", 225e6, "Acme raised $225 million.",
                                        "$225 million", as_of="2023-06")])
    put(wh, "b", date(2023, 6, 20), [Fig("Acme", "funding_raised", 1.3e9, "Acme raised $1.3 billion.",
                                         "$1.3 billion", as_of="2023-06")])
    assert [(f.value, f.conflict, f.preferred) for f in facts_of(wh, "funding_raised")] == [
        (225e6, False, True), (1.3e9, False, True)]
