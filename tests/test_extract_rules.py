"""Hand-written sentences about invented companies, one rule each, with the rows the guidelines call for.

None of these sentences comes from the seeds, the devset or the other test sets.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract import extract_article

PUB = date(2024, 6, 13)

# (text, company, metric, value, unit, qualifier)
POSITIVE = [
    ("Acme raises $1.2B at $12B valuation", "Acme", "funding_raised", 1.2e9, "USD", "exact"),
    ("Acme raises $1.2B at $12B valuation", "Acme", "valuation", 12e9, "USD", "exact"),
    ("Acme to cut 300 jobs", "Acme", "layoffs", 300, "persons", "exact"),
    ("Acme's CEO quits", "Acme", "departed_talent", 1, "persons", "exact"),
    ("Acme raised 5m euros from angels.", "Acme", "funding_raised", 5e6, "EUR", "exact"),
    ("Acme slashed 15 percent of its workforce, or about 60 employees.", "Acme", "layoffs", 60, "persons", "approx"),
    ("Acme has laid off roughly 10% of its 500-strong workforce.", "Acme", "layoffs", 50, "persons", "approx"),
    ("Acme has laid off roughly 10% of its 500-strong workforce.", "Acme", "headcount", 500, "persons", "exact"),
    ("Acme closed a $50 million Series C led by Northwind Capital, bringing its total funding to $120 million.",
     "Acme", "funding_raised", 120e6, "USD", "exact"),
    ("The startup Acme is burning $3 million per month.", "Acme", "burn_rate", 3e6, "USD/month", "exact"),
    ("Acme's expenses came to $96 million last year.", "Acme", "burn_rate", 8e6, "USD/month", "exact"),
    ("Acme burned through more than $30 million in the first quarter.", "Acme", "burn_rate", 10e6, "USD/month",
     "at_least"),
    ("Acme's annual recurring revenue (ARR) hit $100 million.", "Acme", "revenue", 100e6, "USD", "exact"),
    ("Acme, which employs 250 people, said it would move.", "Acme", "headcount", 250, "persons", "exact"),
    ("Acme CEO Jane Doe is leaving the company.", "Acme", "departed_talent", 1, "persons", "exact"),
    ("Acme is in talks to raise funding at a valuation of $5 billion, Bloomberg reported.", "Acme",
     "valuation_target", 5e9, "USD", "exact"),
    ("Acme's valuation was slashed to $1 billion from $3 billion.", "Acme", "valuation", 3e9, "USD", "exact"),
    ("Acme will cut 200 jobs, or 10% of its workforce.", "Acme", "layoffs", 200, "persons", "exact"),
    ("Two of Acme's co-founders have departed.", "Acme", "departed_talent", 2, "persons", "exact"),
    ("Acme lost $50 million last year on revenue of $10 million.", "Acme", "revenue", 10e6, "USD", "exact"),
    ("Quorvia, the delivery start-up, shut down on Friday. All of its 120 employees were told their roles would be "
     "eliminated.", "Quorvia", "layoffs", 120, "persons", "exact"),
    ("Quorvia, the delivery start-up, is closing. All of its roughly 80 staff were told that their jobs would end in "
     "May.", "Quorvia", "layoffs", 80, "persons", "approx"),
    ("Google invested $300 million in Acme for a 10% stake.", "Acme", "funding_raised", 300e6, "USD", "exact"),
    ("Acme's head of sales and its CFO have both left.", "Acme", "departed_talent", 2, "persons", "exact"),
    ("Acme is burning through cash at a rate of $2 million a month.", "Acme", "burn_rate", 2e6, "USD/month", "exact"),
    ("Acme has 1.2 million users and 300 employees.", "Acme", "headcount", 300, "persons", "exact"),
    ("Acme is shutting down, putting its 80 employees out of work.", "Acme", "layoffs", 80, "persons", "exact"),
    ("Acme raised €40m, or about $43m, from European funds.", "Acme", "funding_raised", 43e6, "USD", "approx"),
    ("Acme is cutting between 500 and 700 jobs.", "Acme", "layoffs", 500, "persons", "range_low"),
    ("Acme is cutting between 500 and 700 jobs.", "Acme", "layoffs", 700, "persons", "range_high"),
    ("Acme raised $10m in January. Meanwhile, rival Beta Labs raised $30m.", "Beta Labs", "funding_raised", 30e6,
     "USD", "exact"),
    ("Acme's investors include BigCo, which put $25 million into the company in 2022.", "Acme", "funding_raised",
     25e6, "USD", "exact"),
    ("Acme, valued at $3 billion in 2021, raised $200 million.", "Acme", "valuation", 3e9, "USD", "exact"),
    ("Acme generates about $1 million a month in revenue.", "Acme", "revenue", 1e6, "USD", "approx"),
    ("Acme is spending an estimated $9 million a month on computing, staff and offices.", "Acme", "burn_rate", 9e6,
     "USD/month", "approx"),
]  # fmt: skip

# sentences that must give no metric rows at all
NEGATIVE = [
    "Acme has 4 million users and 2,000 paying customers.",
    "Acme's app has been downloaded 10 million times.",
    "A subscription to Acme costs $9.99 a month.",
    "Acme, the AI startup, is in talks to be acquired by BigCo for $2 billion.",
    "BigCo agreed to buy Acme for $500 million.",
    "Acme raised $300 million in debt financing from Big Bank.",
    "Acme expects revenue to reach $50 million next year.",
    "Acme denied reports that it had raised $40 million.",
    "Acme could be worth $3 billion if the deal goes through.",
    "Acme plans to hire 100 new engineers this year.",
    "Acme trains its models on 20,000 GPUs.",
    "Acme was founded in 2019 and has offices in 12 cities.",
    "Acme's market share rose to 12% in 2023.",
    "Acme spends about $12 million a year on cloud computing.",
    "Acme's chief executive earned a salary of $450,000 last year.",
]


@pytest.mark.parametrize(("text", "company", "metric", "value", "unit", "qualifier"), POSITIVE)
def test_rule(text: str, company: str, metric: str, value: float, unit: str, qualifier: str) -> None:
    x = extract_article(text, published=PUB)
    got = [(m.company, m.metric, m.value, m.unit, m.qualifier) for m in x.metrics]
    hits = [
        g for g in got
        if g[0] == company and g[1] == metric and abs(g[2] - value) <= 0.02 * value and g[3] == unit
    ]  # fmt: skip
    assert hits, f"{text}\n  got {got}"
    assert hits[0][4] == qualifier, f"{text}\n  got {got}"


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_rows(text: str) -> None:
    x = extract_article(text, published=PUB)
    assert x.metrics == (), [(m.company, m.metric, m.value) for m in x.metrics]


def test_leaving_another_company_is_not_a_departure() -> None:
    x = extract_article(
        "Acme, the robotics startup, was founded by Jane Doe, who left Google in 2019. It raised $5 million.",
        published=PUB,
    )
    assert [m.metric for m in x.metrics] == ["funding_raised"]


def test_incumbent_relative_clause_is_not_the_startups() -> None:
    x = extract_article(
        "Lumora, the lighting start-up, raised $20 million. Verity Systems, the lighting giant, which reported "
        "revenue of $4.2 billion last year, held talks about acquiring Lumora.",
        published=PUB,
    )
    assert [(m.company, m.metric, m.value) for m in x.metrics] == [("Lumora", "funding_raised", 20e6)]


def test_title_case_headline_does_not_make_names() -> None:
    x = extract_article(
        "Acme Raises $20 Million To Expand Into Europe\n\n"
        "Acme, the Paris-based delivery startup, said on Monday it had raised $20 million. Acme employs 120 people.",
        published=PUB,
    )
    assert {m.company for m in x.metrics} == {"Acme"}
    assert sorted((m.metric, m.value) for m in x.metrics) == [("funding_raised", 20e6), ("headcount", 120)]


EVENT_CASES = [
    # (text, {(person, kind)} expected exactly)
    ("Quorvia AI, which has been backed by investors including Harbor Lane and Tessel Grove, does not have a "
     "permanent replacement for the CEO role but has appointed its COO Maya Okafor and CTO Karl Varga as interim "
     "co-CEOs.", {("Maya Okafor", "interim"), ("Karl Varga", "interim")}),
    ("Quorvia AI, backed by investors including former Google chief executive Eric Schmidt and Tessel Grove, has "
     "appointed COO Maya Okafor as interim CEO.", {("Maya Okafor", "interim")}),
    ("Quorvia AI, backed by Northwind Capital and Greyfield Partners, named COO Maya Okafor interim chief "
     "executive; Okafor was previously its head of operations.", {("Maya Okafor", "interim")}),
    ("Quorvia AI said chief executive Jonas Novak resigned, and Novak's resignation takes effect in May.",
     {("Jonas Novak", "resigned")}),
]


@pytest.mark.parametrize("text,expected", EVENT_CASES, ids=[f"ev{i}" for i in range(len(EVENT_CASES))])
def test_events_name_people_once(text: str, expected: set[tuple[str, str]]) -> None:
    """Leadership events name people only (never a backer in an "investors including" list), one per person."""
    events = extract_article(text, published=PUB).events
    got = [(e.person, e.kind) for e in events]
    assert len(got) == len(set(got)), got
    assert set(got) == expected


def test_incumbent_figures_alone_are_not_a_startups() -> None:
    """Revenue of tens of billions (or a six-figure headcount) is an established company's figure."""
    assert extract_article("Brantholm Group reported revenue of $31 billion for the year.", published=PUB).metrics == ()
    assert extract_article("Brantholm Group, which employs 180,000 people, said so.", published=PUB).metrics == ()
    big = extract_article("Quorvia AI, the chip start-up, was valued at $40 billion in May.", published=PUB).metrics
    assert [(m.metric, m.value) for m in big] == [("valuation", 40e9)]
    mixed = extract_article("Quorvia AI, the chip start-up, raised $2 billion in May on revenue of $12 billion.",
                            published=PUB).metrics
    assert {m.metric for m in mixed} == {"funding_raised", "revenue"}
