"""Flows (people who left, jobs cut) summed over a window, each person once, "at least" kept; founders and
chief executives leaving are leadership changes wherever they were extracted (issue 12, points 1 and 2).
Hand-made facts, values worked out by hand in the comments."""

from __future__ import annotations

import doctest
from datetime import date

import models.flows as flows_module
from models.facts import Fact, LeadershipEvent, Source
from models.flows import flow, flows, leadership_exits
from models.health import leadership_signal

REF = date(2024, 3, 26)


def fact(value: float, end: date | None, quote: str, surface: str, *, fid: str, qualifier: str = "exact",
         metric: str = "departed_talent", basis: str | None = None, article: str = "a1") -> Fact:
    src = Source(article, 0, value, qualifier, basis, None, end, f"{article}.txt", quote, surface)
    return Fact(fid, "Acme", "acme", metric, value, "persons", qualifier, basis, end.isoformat()[:7] if end else None,
                end.replace(day=1) if end else None, end, 1, end, end, quote=quote, article_id=article,
                sources=(src,))


def event(kind: str, person: str | None, role: str, when: date, article: str = "e1") -> LeadershipEvent:
    return LeadershipEvent("acme", kind, person, role, None, when, when, article, 0, f"{article}.txt", "q")


CEO_OCT = fact(1, date(2023, 10, 31), "Acme founder and chief executive Jo Bloggs has stepped down.", "stepped down",
               fid="ceo-oct")
SIX = fact(6, date(2023, 10, 31), "Acme, which has lost more than half a dozen key talent, said Bloggs is leaving.",
           "half a dozen", fid="six", qualifier="at_least")
CEO_MAR = fact(1, date(2024, 3, 31), "CEO Jo Bloggs steps down.", "steps down", fid="ceo-mar", article="a2")
OLD = fact(4, date(2022, 6, 30), "Four engineers left Acme.", "Four", fid="old")
BLOGGS = event("resigned", "Jo Bloggs", "ceo", date(2024, 3, 22))


def test_doctests() -> None:
    assert doctest.testmod(flows_module).failed == 0


def test_departures_are_summed_over_the_window_each_person_once_at_least_kept() -> None:
    got = flow([CEO_OCT, SIX, CEO_MAR, OLD], "departed_talent", REF, [BLOGGS])
    assert got is not None
    # the chief executive once (his newest report, March) + "more than half a dozen" = 1 + 6 = 7, at least
    assert got.value == 7 and got.qualifier == "at_least"
    assert [f.fact_id for f in got.counted] == ["six", "ceo-mar"]
    why = {p.fact.fact_id: p.why for p in got.parts if not p.counted}
    assert why == {"ceo-oct": "Jo Bloggs again: counted once", "old": "before the 12 months to 2024-03-26"}
    assert got.window == "12 months to 2024-03-26" and got.span == "in 12 months"
    # without the events table nothing says the two reports are one person: 1 + 6 + 1 = 8
    assert flow([CEO_OCT, SIX, CEO_MAR], "departed_talent", REF).value == 8


def test_no_dated_article_counts_every_report() -> None:
    got = flow([OLD, SIX], "departed_talent", None)
    assert got is not None and got.value == 10 and got.window == "no dated article" and got.span == "in all reports"


def test_a_stated_total_is_not_added_to_its_parts() -> None:
    parts = fact(360, date(2024, 2, 15), "Acme cut 360 jobs.", "360", fid="p", metric="layoffs")
    total = fact(500, date(2024, 3, 15), "Acme has cut 500 jobs in total.", "500", fid="t", metric="layoffs",
                 basis="total")
    more = fact(200, date(2024, 3, 1), "Acme cut another 200.", "200", fid="q", metric="layoffs")
    assert flow([parts, total], "layoffs", REF).value == 500  # the total (500), not 860
    assert flow([parts, more, total], "layoffs", REF).value == 560  # the parts (360 + 200) are more than 500
    assert set(flows([parts, total, SIX], REF)) == {"layoffs", "departed_talent"}


def test_founders_leaving_are_leadership_changes_from_a_departure_figure() -> None:
    two = fact(2, date(2023, 10, 31), "Inflection AI announced that two of its co-founders had joined Microsoft.",
               "two", fid="two", article="inf")
    (x,) = leadership_exits([], [two], REF)
    assert (x.who, x.count, x.fact) == ("2 co-founders", 2, two)
    s = leadership_signal([], REF, [two])
    assert s.subscore == 100 - 40 * 2 and s.inputs == {"exits": 2, "interim": False}
    assert "2 co-founders left" in s.summary and s.evidence[0].quote.startswith("Inflection AI announced")
    # the extractor also gives an event per person who left, from the same article: still two, not four
    events = [event("hired_away", None, "co-founder", date(2023, 10, 31), "inf"),
              event("hired_away", "Karén Simonyan", "co-founder", date(2023, 10, 31), "inf")]
    assert sum(x.count for x in leadership_exits(events, [two], REF)) == 2
    unnamed = [event("hired_away", None, "co-founder", date(2023, 10, 31), "inf")] * 2
    assert sum(x.count for x in leadership_exits(unnamed, [two], REF)) == 2
    # the same unnamed exit told by two articles is one
    retold = [event("resigned", None, "ceo", date(2023, 10, 31), art) for art in ("x", "y")]
    assert sum(x.count for x in leadership_exits(retold, [], REF)) == 1
    # a departure figure naming a person who has an event counts once, through the event
    assert [x.who for x in leadership_exits([BLOGGS], [CEO_OCT, CEO_MAR], REF)] == ["Jo Bloggs"]
    # "more than half a dozen key talent" is not about founders or chiefs, however near "Bloggs" stands
    assert leadership_exits([], [SIX], REF) == []
    # older than the window: not counted
    assert leadership_exits([], [two], date(2025, 3, 1)) == []
