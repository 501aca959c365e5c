"""Every example sentence of the people cue tables (layoffs, headcount, departed talent) gives its metric.

The tables are data (extract/cues/*.toml); each entry carries an example that shows the phrasing it
teaches. Here each example is run through the extractor: it must give a row of the table's metric for
Acme, the startup every example is about.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract import extract_article
from extract.lexicon import load_table

TABLES = ("layoffs", "headcount", "departed_talent")
POSITIONS = ("before", "after", "later", "named", "named_noun", "named_object")
CASES = [(t, pos, e["example"]) for t in TABLES for pos in POSITIONS for e in load_table(t).get(pos, [])]


@pytest.mark.parametrize("table,position,example", CASES, ids=[f"{t}-{p}-{i}" for i, (t, p, _) in enumerate(CASES)])
def test_example_gives_its_metric(table: str, position: str, example: str) -> None:
    x = extract_article(example, published=date(2024, 5, 2))
    got = [(m.company, m.metric, m.value) for m in x.metrics]
    assert any(m.company == "Acme" and m.metric == table for m in x.metrics), f"{example!r} gave {got}"


def test_every_entry_has_an_example() -> None:
    for t in TABLES:
        for pos in POSITIONS:
            for e in load_table(t).get(pos, []):
                assert e.get("example", "").strip(), f"{t}.toml [{pos}] {e['cue']!r} has no example"


# Constructions seen in published news (issue 10), each held by a sentence written for this test (new names,
# new numbers): the sentence must give exactly these (metric, value) rows for Acme, and no other people row.
HELD = [
    # a layoff verb before the count wins over where the people worked ("worldwide", "across teams")
    ("Acme, the courier start-up, had already laid off 140 workers worldwide by June.", {("layoffs", 140)}),
    ("Acme, the cab start-up, said it will be laying off around 180 employees across its software teams.", {("layoffs", 180)}),
    # a reduced passive right after the noun
    ("Acme, the scooter start-up, said there were 42 employees let go last month.", {("layoffs", 42)}),
    # pushed out: asked or forced to leave or resign
    ("Acme, the voice start-up, has asked more than 115 employees to leave, mostly from its Pune team.", {("layoffs", 115)}),
    ("Acme, the edtech start-up, forced 310 staff to resign in May.", {("layoffs", 310)}),
    ("Acme, the AI start-up, asked 230 employees to return to the office.", set()),
    # the whole after the part: "N employees out of the M"
    ("Acme, the tutoring start-up, is laying off about 7 per cent or 412 employees out of the 5,800.",
     {("layoffs", 412), ("headcount", 5800)}),
    # counts listed before one noun share it and the verb before the list
    ("Acme, the fintech start-up, laid off 260 and 120 employees in two rounds.", {("layoffs", 260), ("layoffs", 120)}),
    # a workforce cut by a number of people (no noun after the number)
    ("Acme, the neobank start-up, is reducing its workforce by around 160, or 12% of its staff.", {("layoffs", 160)}),
    ("Acme, the neobank start-up, cut its headcount by 25% this year.", set()),
    ("Acme, the neobank start-up, plans to trim its headcount by 45.", set()),
    # a running total after a cut
    ("Acme, the online tutoring firm, has also fired 370 people more, bringing its total to 1,040.",
     {("layoffs", 370), ("layoffs", 1040)}),
    # rank-and-file talent can be laid off; leaders are told as departures
    ("Acme, the tutoring start-up, had laid off 80 full-time academics in May.", {("layoffs", 80)}),
    ("Acme, the AI start-up, fired two executives in May.", set()),
    # the industry, or many companies together, is no startup's count
    ("Acme, the payroll start-up, said more than 18,000 employees of U.S. tech companies were laid off in May.", set()),
    ("Acme, the payroll start-up, said some 2,900 people were laid off across 37 fintech companies in May.", set()),
    ("Acme, the payroll start-up, noted that 6,100 employees in fintech were laid off last year.", set()),
    ("Acme, the payroll start-up, noted that Indian edtech startups have laid off more than 5,700 employees this year.", set()),
    ("Acme, the payroll start-up, said over 13,000 employees have lost their jobs in the sector so far.", set()),
    ("Around 27,000 people have already lost their jobs this year.", set()),
    # a shutdown that leaves the staff without jobs
    ("Acme, the food start-up, closed down in June, leaving more than 85 employees without jobs.",
     {("headcount", 85), ("layoffs", 85)}),
    # the staff a cut leads to (and the staff of another time) is no base for a share of staff
    ("Last week, Acme, the agritech start-up, laid off a third of its workforce in a restructuring that will see the "
     "company's headcount cut to 512, down from over 900 it had last year.", {("headcount", 512), ("headcount", 900)}),
    # a share restated after a dash or in brackets; "of all employees"
    ("Acme, the delivery start-up, told staff it would lay off at least 14 percent of all employees - more than 4,300 people.",
     {("layoffs", 4300)}),
    ("Acme, the delivery start-up, cut 10% of its staff (about 220 employees) in May.", {("layoffs", 220)}),
    # a fact box in brackets after the name
    ("Acme (more than 9,000 employees, 210 million euros of turnover in 2021) says it wants to be more efficient.",
     {("headcount", 9000)}),
    # nouns that are cuts by themselves
    ("Acme, the grocery start-up, said the restructuring will result in 2,400 redundancies.", {("layoffs", 2400)}),
    ("Acme, the grocery start-up, expects 300 job cuts next year.", set()),
    ("Acme, the HR start-up, has parted ways with 150 staff.", {("layoffs", 150)}),
    # a count that says what the cut of the sentence before amounts to
    ("Acme, the fashion rental start-up, slashed 10% of its employees on January 9th. This was around 37 people.",
     {("layoffs", 37)}),
    ("Acme, the fashion rental start-up, raised $10m in May. This was around 37 people.", set()),
    ("Last month, Acme, the edtech firm, fired 10 per cent of its workforce, which was around 640 employees.", {("layoffs", 640)}),
    # a sub-team is no headcount of the company
    ("Acme, the robotics start-up, runs a 120-person team in Nairobi and a 30-strong engineering team in Lagos.",
     {("headcount", 120)}),
    ("Acme, a 90-person legal tech start-up, is looking for a buyer for its software.", {("headcount", 90)}),
    # departures: an appositive the writer did not close; "announced she would step down"
    ("Last week, Jane Roe, co-founder of Acme quit to focus on two new ventures.", {("departed_talent", 1)}),
    ("Jane Roe, formerly of Bigco, has left Acme, the robotics start-up.", {("departed_talent", 1)}),
    ("Last week, Jane Roe, the founder of Acme, a start-up that runs shared homes, announced she would step down as "
     "chief executive.", {("departed_talent", 1)}),
    # roles (not names) let go by their company or hired away by another
    ("Acme, the AI start-up, also parted ways with its Chief People Officer and Chief Communications Officer in 2025.",
     {("departed_talent", 2)}),
    ("After Bigco hired Acme's CEO and CTO, leadership of the coding start-up passed to an interim executive.",
     {("departed_talent", 2)}),
    ("Acme, the AI start-up, hired its CFO from a bank last year.", set()),
    # named people listed with their titles between them
    ("These exits at Acme, the AI start-up, followed 2024, when CTO Jane Roe, Chief Research Officer John Doe, and "
     "Mary Major all stepped down.", {("departed_talent", 3)}),
    ("Acme, the furniture start-up, said co-founder Jane Roe had stepped away from the business before its listing.",
     {("departed_talent", 1)}),
    # hires told with where the people come from; livelier verbs of leaving for a rival
    ("The talent war grew as Bigco recruited at least seven prominent researchers from industry leader Acme, the AI "
     "start-up.", {("departed_talent", 7)}),
    ("The wave of exits peaked in mid-2025, when at least seven Acme researchers bolted for Bigco.", {("departed_talent", 7)}),
    ("Acme, the AI start-up, hired 50 engineers in Lagos.", set()),
    # "March 2023 layoffs" is a date; "100-odd"; a part of the staff after the share is no restatement
    ("Acme, the payments start-up, published its March 2023 layoffs report.", set()),
    ("Acme, the developer platform, said it would be cutting around 25% of its 100-odd workforce.",
     {("headcount", 100), ("layoffs", 25)}),
    ("Acme, the HR start-up, was set to lay off 10% of its 1,300 strong workforce, 600 of which work in its Dublin office.",
     {("headcount", 1300), ("layoffs", 130)}),
    # "employee strength of"; a modal before the cut
    ("Acme, the food delivery start-up, which has an employee strength of 6,000, operates in 500 cities.",
     {("headcount", 6000)}),
    ("According to earlier reports, Acme, the delivery start-up, may begin firing more than 250 workers in January.", set()),
    # more verbs of cutting: "pruned", "relieved ... of their duties"
    ("Acme, the payments start-up, pruned approximately 300 staff in May.", {("layoffs", 300)}),
    ("Acme, the health start-up, relieved 50 of its staff from their duties.", {("layoffs", 50)}),
    # the staff that will remain after a cut (not the cut restated); "a workforce that numbers"; "we're 99 today"
    ("Acme, the grocery start-up, is laying off 18% of its workforce; roughly 510 people will remain on the payroll.",
     {("headcount", 510)}),
    ("Acme, the spend-management start-up, is letting go of around 140 people, roughly 14% of a workforce that numbers "
     "about 1,000.", {("layoffs", 140), ("headcount", 1000)}),
    ("Acme, the Austin start-up, grew fast, its founder said: we're 99 today.", {("headcount", 99)}),
    ("Acme, the battery start-up, cuts 90 of 600 jobs in Ohio.", {("layoffs", 90), ("headcount", 600)}),
    # a company the article gives no evidence about is the one its executives leave
    ("This week, Acme CFO Jane Roe left the web3 company less than a year after taking the job.", {("departed_talent", 1)}),
    # acqui-hires: the destination is the company joined, not a startup named after "along with"
    ("Jane Roe, the other co-founder, is also joining Bigco along with some other Acme employees.", {("departed_talent", 1)}),
    ("The deal will also see Acme co-founder Jane Roe return to Bigco along with some other researchers.",
     {("departed_talent", 1)}),
]
PEOPLE_METRICS = ("layoffs", "headcount", "departed_talent")


def test_gapped_list_of_cuts() -> None:
    x = extract_article("Acme, the delivery start-up, let go 380 workers; in recent weeks, Bolt fired 2,000 workers, Zest "
                        "let go 1,500, Qubit 1,100 and Nimbo 420.", published=date(2024, 5, 2))
    got = sorted((m.company, m.value) for m in x.metrics if m.metric == "layoffs")
    assert got == [("Acme", 380.0), ("Bolt", 2000.0), ("Nimbo", 420.0), ("Qubit", 1100.0), ("Zest", 1500.0)], got


def test_gapped_list_with_commas() -> None:
    x = extract_article("Acme, the neobank start-up, said layoffs were spreading; for instance, Bolt laid off 400; Zest, "
                        "approximately 300; and Nimbo, 50, while according to figures collected by Qubit, at least 20,000 people "
                        "were fired.",
                        published=date(2024, 5, 2))
    got = sorted((m.company, m.value) for m in x.metrics if m.metric == "layoffs")
    assert got == [("Bolt", 400.0), ("Nimbo", 50.0), ("Zest", 300.0)], got


def test_two_people_sharing_a_surname_and_a_headline_corrected() -> None:
    x = extract_article("Jane Roe resigned after receiving agenda of board meet on Bigco probe\n"
                        "Jane Roe, the embattled co-founder of payments unicorn Acme, has resigned, days after the start-up "
                        "terminated the services of her husband and the company's head of controls, John Jain Roe. In a "
                        "statement, Acme said Roe's resignation came minutes after the agenda arrived.",
                        published=date(2024, 5, 2))
    got = sorted((m.company, m.value) for m in x.metrics if m.metric == "departed_talent")
    assert got == [("Acme", 1.0), ("Acme", 1.0)], got


def test_respectively_pairs_counts() -> None:
    x = extract_article("Acme and Bolt, the fintech start-ups, have laid off 260 and 120 employees, respectively.",
                        published=date(2024, 5, 2))
    assert sorted((m.company, m.value) for m in x.metrics) == [("Acme", 260.0), ("Bolt", 120.0)]


@pytest.mark.parametrize("sentence,want", HELD, ids=[f"held-{i}" for i in range(len(HELD))])
def test_held_construction(sentence: str, want: set[tuple[str, int]]) -> None:
    x = extract_article(sentence, published=date(2024, 5, 2))
    got = {(m.metric, round(m.value)) for m in x.metrics if m.metric in PEOPLE_METRICS}
    assert got == want and all(m.company == "Acme" for m in x.metrics if m.metric in PEOPLE_METRICS), (
        f"{sentence!r} gave {[(m.company, m.metric, m.value) for m in x.metrics]}")
