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

# Plain substrings of the lower-cased text: Python finds each with one fast scan in C, so the whole test
# costs a few dozen microseconds (a regular expression of the same alternatives cost 0.18 ms a page).
_MONEY = ("$", "€", "£", "¥", "₹", "usd", "eur", "gbp", "inr", "million", "billion", "trillion", "crore", "lakh")
_MONEY_SUFFIX = re.compile(r"\d(?:m|bn|mn|k)\b")  # "$5m" has a "$" anyway; "5bn" alone needs this
_PEOPLE = (
    "employ", "staff", "workforce", "workers", "job", "roles", "position", "posts", "layoff", "laid off",
    "lay off", "laying off", "redundan", "headcount", "team", "executives", "leaders", "founder", "researchers",
    "engineers", "academics", "scientists", "talent", "personnel", "hires", "heads", "people", "cut",
    "managers", "directors", "officers", "members",
)  # fmt: skip
_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozen", "half", "third", "quarter", "several",
    "percent", "per cent",
)  # fmt: skip
_DIGIT = re.compile(r"\d")
_LEAD = (
    "resign", "step down", "steps down", "stepped down", "stepping down", "step aside", "stepped aside",
    "steps aside", "quit", "left", "leav", "depart", "exit", "last day", "appoint", "interim", "named", "hire",
    "poach", "lured", "replac", "takes over", "took over", "oust", "walked out", "lost", "loses", "losing",
    "fired", "sacked",
)  # fmt: skip
_ROLE = (
    "chief", "ceo", "cto", "coo", "cfo", "founder", "president", "chair", "director", "head of", "officer",
    "executive", "boss", "leader", "manag", "partner", "vp", "board",
)  # fmt: skip


def _any(words: tuple[str, ...], text: str) -> bool:
    return any(w in text for w in words)


def passes(text: str) -> bool:
    """True when ``text`` could hold a figure or a leadership change (see the module)."""
    low = text.lower()
    if _any(_MONEY, low) or _MONEY_SUFFIX.search(low):
        return True
    if _any(_PEOPLE, low) and (_DIGIT.search(low) or _any(_NUMBER_WORDS, low)):
        return True
    return _any(_LEAD, low) and _any(_ROLE, low)
