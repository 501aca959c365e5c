"""Date expressions in a sentence, resolved against the article's publication date.

>>> pub = date(2024, 3, 23)
>>> [(s[a:b], p.label) for s in ["raised $1m in October 2022 and $2m last month"]
...  for a, b, p in find_dates(s, pub)]
[('October 2022', '2022-10'), ('last month', '2024-02')]
>>> [p.label for _, _, p in find_dates("Bloomberg reported in November", pub)]
['2023-11']
>>> [p.label for _, _, p in find_dates("the company said late on Friday", pub)]
['2024-03-22']
>>> [p.label for _, _, p in find_dates("$76.7m in the second quarter of 2022", None)]
['2022-04/2022-06']
>>> [p.label for _, _, p in find_dates("revenue for the year to March 2022", None)]
['2021-04/2022-03']
>>> [p.label for _, _, p in find_dates("12,500 employees at the end of June", date(2019, 11, 22))]
['2019-06-30']
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from extract._regex import by_first_letter, grouped, ungrouped
from models.records import Period

__all__ = ["find_dates", "date_near", "month_period"]

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
_DAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_YEAR = r"(?:19|20)\d\d"

_DATE_RE = re.compile(by_first_letter(
    rf"""
      (?P<ytm>(?:[Yy]ear|[Tt]welve\ months|12\ months)\ (?:to|ended|ending)\ (?:(?:on|in)\ )?(?P<ytm_mon>{_MON})(?:\ \d{{1,2}})?,?\ (?P<ytm_y>{_YEAR})?)
    | (?P<fy>[Ff]iscal\ year\ (?:that\ )?(?:ended|ending|ends|to)\ (?:on\ |in\ )?(?P<fy_mon>{_MON})(?:\ \d{{1,2}})?(?:,?\ (?P<fy_y>{_YEAR}))?)
    | (?P<q>(?P<q_ord>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)\ quarter(?:\ of\ (?:(?P<q_y>{_YEAR})|(?P<q_rel>this\ year|last\ year|that\ year)))?|\bQ(?P<q_n>[1-4])\ ?(?P<q_y2>{_YEAR})?)
    | (?P<half>(?P<h_ord>[Ff]irst|[Ss]econd)\ (?:half|six\ months)(?:\ of\ (?:(?P<h_y>{_YEAR})|(?P<h_rel>this\ year|last\ year|that\ year)))?)
    | (?P<eom>[Ee]nd\ of\ (?P<eom_mon>{_MON})(?:\ (?P<eom_y>{_YEAR}))?)
    | (?P<dm>(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\ (?P<dm_mon>{_MON})(?:,?\ (?P<dm_y>{_YEAR}))?)
    | (?P<md>(?P<md_mon>{_MON})\ (?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,\ (?P<md_y>{_YEAR}))?)
    | (?P<my>(?P<my_rel>[Ll]ast\ |[Tt]his\ |[Ee]arly\ |[Ll]ate\ |[Mm]id-)?(?P<my_mon>{_MON})(?:\ (?P<my_y>{_YEAR}))?\b)
    | (?P<rel>(?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier\ this|[Ll]ater\ this|[Ee]arlier\ last|[Pp]revious|[Tt]he\ previous|[Tt]he\ following)\ (?:month|year|week|quarter)|[Aa]\ year\ (?:earlier|ago|before)|(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[2-5])\ years\ ago|[Yy]esterday|[Tt]oday)
    | (?P<wd>(?:[Oo]n\ |[Ll]ast\ |[Tt]his\ |[Ll]ate\ on\ |[Oo]n\ the\ )?(?P<wd_day>{_DAY}))
    | (?P<yr>(?:[Ii]n|[Ss]ince|[Oo]f|[Bb]y|[Dd]uring|[Ff]or|[Ll]ate|[Ee]arly|[Mm]id-)?\ ?(?P<yr_y>{_YEAR})\b(?!\ (?:employees|people|staff|workers|jobs|roles|positions|engineers|members|persons|customers|users)\b))
    """, cased=True),
    re.VERBOSE,
)  # (word lists grouped by first letter: the same matches, found faster)

#: the same matches without groups, tried faster
_DATE_FIND = re.compile(by_first_letter(ungrouped(_DATE_RE.pattern), cased=True), re.VERBOSE)


@lru_cache(maxsize=4096)
def month_of(year: int, month: int) -> Period:
    """``Period.month(year, month)``, made once per month: a frozen value, equal to a new one (most figures are
    dated to a few months; calendar.monthrange and the frozen class's set-up are the slow part). An invalid month
    raises as before (exceptions are not cached)."""
    return Period.month(year, month)


def month_period(d: date) -> Period:
    return month_of(d.year, d.month)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _month_year(mon: int, year: str | None, pub: date | None, rel: str = "") -> int | None:
    if year:
        return int(year)
    if pub is None:
        return None
    rel = rel.strip().lower()
    if rel == "last":
        return pub.year - 1 if mon >= pub.month else pub.year
    if rel == "this":
        return pub.year
    # a bare month in news copy is the latest such month not after publication
    return pub.year if mon <= pub.month else pub.year - 1


def _rel_year(rel: str | None, explicit: str | None, pub: date | None) -> int | None:
    if explicit:
        return int(explicit)
    if pub is None:
        return None
    if rel and rel.lower().startswith("last"):
        return pub.year - 1
    return pub.year


def _period(m: re.Match[str], pub: date | None) -> Period | None:
    g = m.group
    if g("ytm") or g("fy"):
        mon = MONTHS[(g("ytm_mon") or g("fy_mon")).lower().rstrip(".")]
        y = g("ytm_y") or g("fy_y")
        year = int(y) if y else (None if pub is None else (pub.year if mon <= pub.month else pub.year - 1))
        if year is None:
            return None
        sy, sm = _shift_month(year, mon, -11)
        return Period.span(month_of(sy, sm), month_of(year, mon))
    if g("q"):
        n = _ORD[g("q_ord").lower()] if g("q_ord") else int(g("q_n"))
        year = _rel_year(g("q_rel"), g("q_y") or g("q_y2"), pub)
        return Period.quarter(year, n) if year else None
    if g("half"):
        year = _rel_year(g("h_rel"), g("h_y"), pub)
        if not year:
            return None
        first = 1 if g("h_ord").lower() == "first" else 7
        return Period.span(month_of(year, first), month_of(year, first + 5))
    if g("eom"):
        mon = MONTHS[g("eom_mon").lower().rstrip(".")]
        year = _month_year(mon, g("eom_y"), pub)
        return Period.day(date(year, mon, calendar.monthrange(year, mon)[1])) if year else None
    if g("dm") or g("md"):
        mon = MONTHS[(g("dm_mon") or g("md_mon")).lower().rstrip(".")]
        day = int(g("dm_d") or g("md_d"))
        year = _month_year(mon, g("dm_y") or g("md_y"), pub)
        if year is None or not 1 <= day <= calendar.monthrange(year, mon)[1]:
            return None
        return Period.day(date(year, mon, day))
    if g("my"):
        word = g("my_mon")
        if word == "May" and not g("my_y") and not g("my_rel"):
            pass  # "in May" is a month; lower-case "may" is a verb (the regex is case-insensitive)
        if word[0].islower():
            return None
        mon = MONTHS[word.lower().rstrip(".")]
        year = _month_year(mon, g("my_y"), pub, g("my_rel") or "")
        return month_of(year, mon) if year else None
    if g("rel"):
        return _relative_period(g("rel").lower(), pub) if pub is not None else None
    if g("wd"):
        return _weekday_period(g("wd").lower(), g("wd_day").lower(), pub) if pub is not None else None
    if g("yr"):
        return Period.year(int(g("yr_y")))
    return None


def _relative_period(r: str, pub: date) -> Period:
    """"last month", "this quarter", "a year ago", "today" against the publication date."""
    if r in ("today",):
        return Period.day(pub)
    if r == "yesterday":
        return Period.day(pub - timedelta(days=1))
    if r.endswith("month"):
        k = -1 if ("last" in r or "previous" in r) else (1 if ("next" in r or "following" in r) else 0)
        y, mo = _shift_month(pub.year, pub.month, k)
        return month_of(y, mo)
    if r.endswith("week"):
        d = pub - timedelta(days=7) if ("last" in r or "previous" in r) else pub
        return month_of(d.year, d.month)
    if r.endswith("quarter"):
        q = (pub.month - 1) // 3 + 1
        y, q2 = (pub.year, q - 1) if "last" in r or "previous" in r else (pub.year, q)
        if q2 == 0:
            y, q2 = y - 1, 4
        return Period.quarter(y, q2)
    # year
    k = -1 if ("last" in r or "earlier" in r or "ago" in r or "before" in r or "previous" in r) else 0
    if r.endswith("years ago"):
        n = r.split()[0]  # "two years ago", "3 years ago"
        k = -(int(n) if n.isdigit() else ("two", "three", "four", "five").index(n) + 2)
    if "next" in r or "following" in r:
        k = 1
    if r == "earlier this year" or r == "later this year":
        k = 0
    return Period.year(pub.year + k)


def _weekday_period(phrase: str, day: str, pub: date) -> Period:
    """"on Tuesday", "last Friday", "this Monday": the day in the week of the publication or the one before."""
    wd = _DAYS[day]
    back = (pub.weekday() - wd) % 7 or 7
    if back == 7 and not phrase.startswith("last"):
        back = 0 if phrase.startswith("this") else 7
    return Period.day(pub - timedelta(days=back))


# every date expression starts at one of these words: try the full pattern only there
_STARTS = re.compile(
    r"\b(?:[A-Z]|\d|last|this|next|earlier|later|previous|the|a\b|yesterday|today|first|second|third|fourth"
    r"|end|fiscal|year|twelve|in|since|of|by|during|for|late|early|mid|on|two|three|four|five)"
)


# the word every date expression contains; a match is tried from up to four words before it
_CORE_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr"
    "|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4]|quarter|half"
    "|six months|month|years ago|year|week|Today|today|Yesterday|yesterday|19\\d\\d|20\\d\\d"
)


def _by_first_letter(alternatives: str) -> str:
    """``a1|a2|...`` regrouped by first character, keeping their order within a group: the same matches
    (two branches that start differently never match at the same place), found faster.

    >>> _by_first_letter("Jan|Feb|June|Jun")
    'J(?:an|une|un)|F(?:eb)'
    """
    groups: dict[str, list[str]] = {}
    for a in alternatives.split("|"):
        groups.setdefault(a[0], []).append(a[1:])
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items())


def _at_word_start(alternatives: str) -> str:
    """``\\b(?:a1|a2|...)`` for alternatives that open with a word character, grouped by first character (as
    `_by_first_letter`) with the look-behind that ``\\b`` is put after that character, so that the engine can skip
    ahead to the possible first characters (extract._regex.at_word_start): the same matches."""
    groups: dict[str, list[str]] = {}
    for a in alternatives.split("|"):
        groups.setdefault(a[0], []).append(a[1:])
    return "|".join(f"{c}(?<!\\w{c})(?:{'|'.join(rest)})" for c, rest in groups.items())


_CORE = re.compile(rf"(?:{_at_word_start(_CORE_WORDS)})\b")


def _iter_dates(text: str):
    pos = 0
    for core in _CORE.finditer(text):
        if core.start() < pos:
            continue
        lo = max(pos, core.start() - 40)
        found = None
        for a in _STARTS.finditer(text, lo, core.start() + 1):
            st = a.start()
            # (the groups are read only from the match kept; " 2022", a year after the space the year pattern may open
            # with, is found from its first digit just the same: no other pattern opens with a space)
            m = _DATE_FIND.match(text, st)
            if m is not None and m.end() > core.start():
                found = _DATE_RE.match(text, m.start())
                break
        if found is not None:
            pos = found.end()
            yield found


_THAT_YEAR = re.compile(r"\b(?:that|the same) year\b")
_ORIGIN = re.compile(
    r"\b(?:since|founded|launched|set up|started|established|created)\s+(?:it was founded\s+)?"
    r"(?:by\s+(?:[A-Z][\w\-.]*\s+){1,3}(?:(?:and|&)\s+(?:[A-Z][\w\-.]*\s+){1,3})?)?(?:in\s+)?(?:early\s+|late\s+)?$"
)  # (also "founded by Jane Roe and John Doe in 2015")


#: one of these is in every text _ORIGIN finds (a cheap pre-test: the pattern opens with \b and tries every position)
_ORIGIN_WORDS = ("since", "founded", "launched", "set up", "started", "established", "created")
#: one search for any of them (the same answer as ``any(w in left for w in _ORIGIN_WORDS)``, faster)
_ORIGIN_KEY = re.compile(grouped(list(_ORIGIN_WORDS)))


#: years told against a year named before them in the sentence, not against the publication
_ANAPHORIC_YEARS = {"the following year": 1, "the previous year": -1, "a year earlier": -1, "a year before": -1}


def find_dates(
    text: str, published: date | None, context_year: int | None = None
) -> list[tuple[int, int, Period]]:
    """All resolvable date expressions in ``text``: (start, end, Period).

    Dates of origin ("founded in 2015", "since 2019") are left out: they date the company, not a figure.
    A bare month takes the year of an explicit year earlier in ``text`` ("In March 2020, weeks after
    raising in January"), else ``context_year`` when the text says "that year" or there is no publication
    date, else the publication.

    >>> [p.label for _, _, p in find_dates("In March 2020, weeks after raising $75m in January", date(2023, 12, 21))]
    ['2020-03', '2020-01']
    >>> find_dates("raised $5m since it was founded in 2015", None)
    []
    """
    out: list[tuple[int, int, Period]] = []
    year_seen: int | None = None
    that_year = context_year if "year" in text and _THAT_YEAR.search(text) else None
    for m in _iter_dates(text):
        if m.group("my") and m.group("my_mon")[0].islower():
            continue
        if m.group("my") and m.group("my_mon").rstrip(".").lower() in ("mar", "may", "jun", "jan") and (
            m.group("my_mon") in ("Mar", "Jun", "Jan") and not m.group("my_y")
        ):
            continue
        if m.group("yr"):
            # "2,400" is not a year; digits glued to other digits are not years
            s, e = m.start("yr_y"), m.end("yr_y")
            if (s > 0 and text[s - 1] in ",.$€£") or (e < len(text) and text[e : e + 1] in (",", ".")
                                                     and text[e + 1 : e + 2].isdigit()):
                continue
        left = text[max(0, m.start() - 70) : m.start() + (1 if text[m.start() : m.start() + 1] == " " else 0)]
        if _ORIGIN_KEY.search(left) and _ORIGIN.search(left):
            continue
        if m.group(0).lstrip().lower().startswith("since"):
            continue
        try:
            p = _period(m, published)
            if m.group("my") and not m.group("my_y") and not m.group("my_rel"):
                ref = year_seen or that_year or (context_year if published is None else None)
                if ref is not None:
                    p = month_of(ref, MONTHS[m.group("my_mon").lower().rstrip(".")])
            if p is not None and published is not None and p.start.year == published.year - 1 and _future_month(m, text):
                p = month_of(published.year, p.start.month) if p.precision == "month" else _next_year(p)
            rel = (m.group("rel") or "").lower()
            if year_seen is not None and rel in _ANAPHORIC_YEARS:  # "in 2021 ..., and the following year": 2022
                p = Period.year(year_seen + _ANAPHORIC_YEARS[rel])
        except (ValueError, KeyError):
            p = None
        if p is not None:
            if m.group("yr") or (m.group("my") and m.group("my_y")) or (m.group("dm") and m.group("dm_y")):
                year_seen = p.start.year
            s = m.start()
            while s < m.end() and text[s] == " ":
                s += 1
            out.append((s, m.end(), p))
    return out


#: a future verb shortly before a month written without its year: "all 85 will lose their jobs in December"
_FUTURE_LEFT = re.compile(r"\b(?:will|would|shall|(?:is|are) (?:set|due|expected|scheduled) to|plans? to|expects? to|(?:is|are) to)\b[^.;]{0,50}$")


def _future_month(m: re.Match[str], text: str) -> bool:
    """A month named without a year ("December", "the end of December", "December 15") in a future clause: the
    coming such month, not the last one."""
    bare = (m.group("my") and not m.group("my_y") and not m.group("my_rel")) or (m.group("eom") and not m.group("eom_y")) or (
        (m.group("dm") or m.group("md")) and not (m.group("dm_y") or m.group("md_y")))
    return bool(bare) and _FUTURE_LEFT.search(text, max(0, m.start() - 60), m.start()) is not None


def _next_year(p: Period) -> Period:
    """The same day a year later (a day: "December 15", "the end of December")."""
    d = p.start
    return Period.day(date(d.year + 1, d.month, 28 if (d.month, d.day) == (2, 29) else d.day))


def date_near(text: str, pos: int, published: date | None, lo: int = 0, hi: int | None = None) -> Period | None:
    """The date expression in ``text[lo:hi]`` nearest to ``pos`` (right side preferred on ties)."""
    hi = len(text) if hi is None else hi
    best = None
    best_d = None
    for s, e, p in find_dates(text[lo:hi], published):
        s += lo
        e += lo
        d = (s - pos) if s >= pos else (pos - e) + 1
        if best_d is None or d < best_d:
            best, best_d = p, d
    return best
