"""A cheap test run on web-archive pages before full extraction: could this story hold a figure at all?

Most pages of a news crawl are about sport, politics or the weather. Extraction looks for money, counts of
people and leadership changes; a page that mentions none of them cannot give a figure or an event, so it
is skipped before the extractor (which first finds every name in the text, the costly part) sees it.

A page passes when its text has any of:

* **money**: a currency sign or code, or "million", "billion", "bn", "mn", "trillion", "crore", "lakh",
  or a number with an "m", "bn" or "k" suffix;
* **a count of people**: a word for staff (employees, staff, workforce, jobs, roles, layoffs, headcount,
  team, executives, founders, ...) together with a number in figures or words anywhere in the text;
* **a leadership change**: a verb of leaving or appointing (resign, step down, quit, depart, left,
  appointed, named, hired, poached, interim, replaced, ...) together with a role (chief executive, CEO,
  founder, president, chair, director, head of, officer, ...).

The test is deliberately loose: a page it lets through costs one extraction, a page it wrongly drops costs
a figure. `tests/test_prefilter.py` checks that every article of the project's corpora from which the
extractor takes a figure or an event passes, and the benchmark counts the dropped pages that would have
given one (none in its run).

>>> passes("Rain is forecast for the weekend across the north.")
False
>>> passes("Acme raised $5m."), passes("The chief executive resigned on Friday.")
(True, True)
>>> passes("The team won 3-1 on Saturday.")  # a count word and a number: let through
True
"""

from __future__ import annotations

import re

__all__ = ["passes"]

_MONEY = re.compile(
    r"[$€£¥₹]|\b(?:usd|eur|gbp|inr|million|billion|trillion|bn|mn|crore|lakh)\b|\d(?:m|bn|k)\b"
)
_PEOPLE = re.compile(
    r"employ|staff|workforce|workers|\bjobs?\b|\broles\b|positions|\bposts\b|layoff|laid off|lay\w* off|redundan"
    r"|headcount|\bteam|executives|\bleaders|founders|researchers|engineers|academics|scientists|talent"
    r"|personnel|\bhires|\bheads\b|\bpeople\b|\bcut\b|\bcuts\b|managers|directors|officers|\bmembers"
)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|hundred|thousand|dozen|half|third|quarter|several|dozens|hundreds|thousands|percent|per cent)\b"
)
_LEAD = re.compile(
    r"resign|step\w* (?:down|aside)|\bquit|\bleft\b|\bleav|depart|\bexit|last day|appoint|interim|\bnamed\b"
    r"|\bhire|poach|lured|replac|takes over|took over|oust|walked out|\blost\b|\blos(?:es|ing)\b|fired|sacked"
)
_ROLE = re.compile(
    r"chief|\bceo|\bcto|\bcoo|\bcfo|founder|president|\bchair|director|\bhead of|officer|executive|\bboss"
    r"|leader|manag|partner|\bvp\b|board"
)


def passes(text: str) -> bool:
    """True when ``text`` could hold a figure or a leadership change (see the module)."""
    low = text.lower()
    if _MONEY.search(low):
        return True
    if _PEOPLE.search(low) and _NUMBER.search(low):
        return True
    return bool(_LEAD.search(low) and _ROLE.search(low))
