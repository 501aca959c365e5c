"""What published pages hold around the story, and how their writers put figures, each in text of our own (new
names and numbers): what the extractor must read from it.

A case is added here when the extractor, run on openings of published pages (stored copies of real news, read
outside the repository and annotated by people who never read extract/), missed a figure or read one wrong. Page
furniture comes with the story when a page is read as text (breadcrumbs, picture credits, share buttons, bylines
with a time), and real writers name well-known companies without saying what they are. The expected rows were
worked out by hand from the annotation rules in tests/data/news/README.md, not copied from the program's output.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract import extract_article

PUBLISHED = date(2025, 3, 12)

# (id, text, expected rows as (company, metric, value)); rows not listed must not appear
CASES: list[tuple[str, str, set[tuple[str, str, float]]]] = [
    (
        "picture-credit-is-no-company",
        "Layoffs Reach Lending Startups\nHome > Business > Article\n\nLayoffs Reach Lending Startups\n\n"
        "Photo by:   Shutterpix\nShare it!\nDana Fuller By Dana Fuller | Staff Writer - Mon, 03/10/2025 - 09:12\n\n"
        "More lenders are trimming their payrolls this spring. One of them is Orvella, a Denver lending startup backed "
        "by Kiln Ventures and others. The startup was valued at about $300 million last year. The company has laid off "
        "close to 45 people, its chief executive said.",
        {("Orvella", "valuation", 3e8), ("Orvella", "layoffs", 45)},
    ),
    (
        "outlet-reaching-out-is-no-company",
        "Kestrova raises Rs 40 crore from angel networks\n\nKestrova, an electric bus-booking platform, has raised Rs 40 "
        "crore (about $4.8 million) in a pre-Series A round, according to a report.\n\nDealDiary has reached out to "
        "Kestrova on the details of the round and will update this story.\n\nThe round comes a year after the company "
        "raised $2 million in an angel round from a clutch of investors.",
        {("Kestrova", "funding_raised", 4.8e6), ("Kestrova", "funding_raised", 2e6)},
    ),
]


@pytest.mark.parametrize("case_id,text,expected", CASES, ids=[c[0] for c in CASES])
def test_published_page_construction(case_id: str, text: str, expected: set[tuple[str, str, float]]) -> None:
    got = {(m.company, m.metric, m.value) for m in extract_article(text, published=PUBLISHED).metrics}
    assert got == expected, f"{case_id}: missing {expected - got}, extra {got - expected}"
