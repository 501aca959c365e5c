"""Stage 1, figures: money amounts, counts of people and shares of a workforce in one sentence.

Offsets are relative to the sentence text given; callers add the sentence start.

>>> [(m.values, m.currency, m.qualifier) for m in money_in("raised about $80 million (roughly £63m) and $5-6bn")]
[((80000000.0,), 'USD', 'approx'), ((5000000000.0, 6000000000.0), 'USD', 'range')]
>>> [(s[c.start:c.end], c.value, c.noun, c.noun_class, c.of_base) for s in ["three of its 11 co-founders left"] for c in counts_in(s)]
[('three', 3.0, 'co-founders', 'talent', 11.0), ('11', 11.0, 'co-founders', 'talent', None)]
>>> [(p.fraction, p.base) for p in percents_in("cut 20% of its 450 employees")]
[(0.2, 450.0)]
"""

from __future__ import annotations

import re

from extract.lexicon import PERSON_NOUNS
from extract.mentions import Count, Money, Percent
from extract.numbers import Amount, find_counts, find_money, hedge_before, parse_count
from extract.numbers import Count as RawCount

__all__ = ["money_in", "counts_in", "percents_in", "MAX_FIGURES"]

# inline patterns, compiled once (hot paths)
_RX0 = re.compile((r"\s*(\S+)"))
_RX1 = re.compile((r"\s*to\s+[\d.]+\s*(?:million|billion)\s+[a-z]"))
_RX2 = re.compile((r"\s*(?:to|-|–)\s*"))
_RX3 = re.compile((r"\s+"))
_RX4 = re.compile((r"\bbetween\s+(?:\w+\s+)?$"))
_RX5 = re.compile((r"\s+and\s+"))
_RX6 = re.compile((r"\bbetween\s+$"))

MAX_FIGURES = 40

_HEDGE_WORDS = (
    r"(?:(?:about|around|roughly|some|nearly|almost|approximately|an estimated|close to|more than|over|"
    r"at least|just over|just under|a little over|less than|fewer than|under|up to|as many as|"
    r"as much as|only|another|a further|a total of|the remaining|its remaining|remaining|all)\s+)*"
)
# a bare amount ("8 million") is money only when no other noun follows it
_BARE_OK = frozenset(("a", "an", "per", "valuation", "each", "every", "monthly", "annually", "in", "to", "", "of"))
_CONVERSION_GAP = re.compile(
    r"(?:\s+(?:a|per|each|every)\s+(?:month|year|quarter))?"  # "Rs 20 crore a month (about $2.4 million)"
    r"\s*(?:\(|,\s*or\s*|,\s*|\s-\s|\s–\s|/\s*)\s*(?:(?:that is to say|that is|i\.e\.|or|so|equal to|equivalent to|worth|which is)\s+)?"
    r"(?:about|roughly|around|approximately|some|or|c\.|approx\.?|nearly|almost|over|more than|equivalent to|worth|approx|~|≈)?\s*"
)
_RANGE_GAP = re.compile(r"\s*(?:to|-|–|and)\s*")
_PLUS_RIGHT = re.compile(r"^(?:\+|-plus\b|\s?plus\b|\s(?:or|and) more\b)", re.I)

# every person noun of extract/cues/persons.toml, in a fixed order (the regex alternation must not depend on
# the order of a set, which changes from one process to the next)
_NOUN_ALT = "|".join(f"(?:{PERSON_NOUNS[k]})" for k in ("job", "employee", "talent") if k in PERSON_NOUNS)
_FUNCTION = (
    r"(?!(?:that|its|the|a|an|of|and|or|to|in|on|at|by|for|from|with|who|which|his|her|their|it|was|were|is"
    r"|are|had|has|have|be|been|will|would|said|says|than|as|more|million|millions|billion|billions|thousand|thousands|lakh"
    r"|lakhs|crore|crores|percent)\b)"  # ("128 million people" is a population, not a count of staff)
)
_NOUN_AFTER = re.compile(
    r"^(?:\+|-plus)?(?:\s+(?:(?:its|their|more|other|senior|key|full-time|part-time|top|further|existing|permanent|remaining|original"
    r"|(?:and|or)(?=\s+(?:full-time|part-time|contractual|contract|permanent|temporary|senior|junior|junior-level|mid-level)\b)"
    r"|new|former|corporate|tech|technology|engineering|product|sales|support|customer|" + _FUNCTION + r"[a-z]+(?:-[a-z]+)?)\s+){0,3}?"
    r"(?P<noun>" + _NOUN_ALT + r"))\b"
)
_NUMWORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|dozen)"
_OF_AFTER = re.compile(
    r"^\s+of\s+(?P<det>the(?:\s+(?:company|start-?up|firm|business)['’]s)?|its|their|our|my|his|her|(?:[A-Z][\w\-]*+\s){0,2}[A-Z][\w\-]*['’]s)\s+(?:(?:then|current|existing|global|entire)\s+)?"  # ("of its then 430 employees")
    + _HEDGE_WORDS
    + r"(?:(?P<m>\d{1,3}(?:\.\d{3})+(?!\d)|\d[\d,]*|" + _NUMWORDS + r")\s+)?(?:" + _FUNCTION + r"(?:[a-z]+(?:-[a-z]+)?)\s+){0,3}?(?P<noun>"
    + _NOUN_ALT
    + r")\b"
)
# the whole after a part: "424 employees out of the 5,900", "30 staff out of its 120"
_OUT_OF_AFTER = re.compile(r"\s+out of\s+(?:(?:the|its|their|our|a total of|a workforce of|a staff of)\s+)?" + _HEDGE_WORDS + r"(?P<m>\d[\d,]*)\b")
# "cuts 90 of 600 jobs": the whole right after "of", with no determiner
_OF_NUMBER_AFTER = re.compile(r"^\s+of\s+(?P<m>\d{1,3}(?:\.\d{3})+(?!\d)|\d[\d,]*|" + _NUMWORDS + r")\s+(?:[a-z\-]+\s+){0,2}?(?P<noun>" + _NOUN_ALT + r")\b")
_PLUS_COUNT = re.compile(r"(?<![\w$€£.,+])(?:\d{1,3}(?:,\d{3})+|\d{1,6})(?=\+(?:\s|$|[,.;:)]))")
_CLASS_RX = {k: re.compile(rf"^(?:{v})$") for k, v in PERSON_NOUNS.items()}
_GROWTH_FROM = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|just\s+)?$", re.I)
_GROWTH_TO = re.compile(
    r"(?:\s+(?:people|employees|staff|workers|members|employees)?)?(?:\s+(?:in|at|by|during)\s+[\w\s,]{1,20}?)?\s+to\s+"
    r"(?:(?:more than|over|about|around|roughly|nearly|almost|just over|some)\s+)?",
    re.I,
)
_PERCENT = re.compile(
    r"(?P<hedge>(?:more than|about|around|roughly|nearly|almost|over|some|just over|just under|less than|close to)\s)?"
    r"(?P<frac>half|a third|one[ \-]third|a quarter|one[ \-]quarter|a fifth|one[ \-]fifth|a tenth|one[ \-]tenth|two-thirds|two thirds"
    r"|three-quarters|three quarters|(?P<pct>\d{1,2}(?:\.\d{1,2})?)\s?(?:%|per ?cent|percent|pc\b)"
    r"|(?P<wpct>five|ten|fifteen|twenty|twenty-five|thirty|forty|fifty|sixty|seventy|eighty|ninety)\s(?:per ?cent|percent))"
    r"(?:\s+of\s+(?P<them>them|those|these)\b|\s+(?:of|from)\s+(?:(?P<det>its|the|their|our|all(?: of (?:its|the|their))?|the company['’]s|[A-Z][\w\-]*['’]s)\s+)?(?:(?:total|global|entire|overall|current|full-time|remaining|[\w\-]+)\s){0,2}?"
    r"(?:(?P<hedge2>" + _HEDGE_WORDS + r")(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?:-(?:person|strong|member|employee|odd)|\s+[\w\-]+){0,2}?\s*)?"
    r"(?P<noun>workforce|staff|employees|headcount|workers|people|team|personnel|collaborators|jobs|roles|positions))?",
    re.I,
)
#: _PERCENT in lower case, for lower-cased ASCII text (there the same matches as re.I, found about three times faster)
_PERCENT_LOW = re.compile(_PERCENT.pattern.lower().replace("(?p<", "(?P<"))
# the workforce named before the share: "cut its workforce by a third", "reduce headcount by 20%"
_BY_SHARE = re.compile(
    r"\b(?:workforce|headcount|head count|staff|staffing|team|payroll|employees|jobs|roles)\s+by\s+(?:(?:about|around|roughly|some|nearly"
    r"|almost|more than|over|just over|just under|less than|close to)\s+)?$",
    re.I,
)
_FRAC_VALUE = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25, "one quarter": 0.25,
               "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1, "one tenth": 0.1, "two-thirds": 2 / 3,
               "two thirds": 2 / 3, "three-quarters": 0.75, "three quarters": 0.75}  # fmt: skip


# ---- money -------------------------------------------------------------------------------------


def _kept_amounts(s: str) -> list[Amount]:
    """Amounts, without bare numbers that count something else ("8 million users")."""
    out = []
    for a in find_money(s)[:MAX_FIGURES]:
        if not a.explicit:
            nxt = _RX0.match(s[a.end : a.end + 30])
            w = nxt.group(1).lower().strip(".,;)") if nxt else ""
            if w not in _BARE_OK:
                continue
            if w == "to" and _RX1.match(s[a.end :]):
                continue
        out.append(a)
    return out


def _merge_conversions(s: str, amounts: list[Amount]) -> list[tuple[Amount, tuple[int, int] | None]]:
    """"$80 million (roughly £63m)", "Rs 250 crore ($30 million)": one figure, kept in US dollars when
    given, else in the first currency; the other currency's span is remembered."""
    out: list[tuple[Amount, tuple[int, int] | None]] = []
    for a in amounts:
        if out and a.currency != out[-1][0].currency and _CONVERSION_GAP.fullmatch(s[out[-1][0].end : a.start]):
            prev, _ = out[-1]
            if a.currency == "USD":
                out[-1] = (a, (prev.start, prev.end))
            else:
                out[-1] = (prev, (a.start, a.end))
            continue
        out.append((a, None))
    return out


def _qualifier(s: str, start: int, end: int) -> str:
    q = hedge_before(s[max(0, start - 40) : start])
    if q == "exact" and _PLUS_RIGHT.match(s[end : end + 10]):
        return "at_least"
    return q


#: "cut its monthly burn from $5m to $2m", "revenue grew from $10m to $25m": two figures, the old and the new, no range
CHANGE_FROM = re.compile(
    r"\b(?:cut|cuts|cutting|reduc\w+|lower\w*|slash\w*|trimm?\w*|fell|fall\w*|dropp?\w*|declin\w+|shr[aiu]nk\w*|rose|ris\w+"
    r"|grew|grow\w*|climb\w*|jump\w*|increas\w+|doubl\w+|tripl\w+|soar\w*|surg\w+|brought down|bringing down|went|gone"
    r"|balloon\w*|swell\w*|swollen|widen\w*|narrow\w*|expand\w*|mov\w+|slid\w*|plung\w+|plummet\w*|tumbl\w+)\b"
    r"[^.;]{0,50}\bfrom\s+(?:(?:about|around|roughly|some|nearly|almost|more than|over|approximately)\s+)?$",
    re.I,
)


def money_in(s: str) -> list[Money]:
    """The money figures of one sentence: conversions merged, ranges joined."""
    merged = _merge_conversions(s, _kept_amounts(s))
    out: list[Money] = []
    i = 0
    while i < len(merged):
        a, other = merged[i]
        if i + 1 < len(merged):
            b, other_b = merged[i + 1]
            gap = s[a.end : b.start]
            if b.currency == a.currency and _RANGE_GAP.fullmatch(gap) and (
                "and" not in gap or _RX4.search(s[max(0, a.start - 30) : a.start])
            ) and not (gap.strip() == "to" and CHANGE_FROM.search(s, max(0, a.start - 90), a.start)):
                out.append(Money(a.start, b.end, (a.value, b.value), a.currency, ((a.start, a.end), (b.start, b.end)),
                                 "range", True, other or other_b))  # fmt: skip
                i += 2
                continue
        start = min(a.start, other[0]) if other else a.start
        end = max(a.end, other[1]) if other else a.end
        q = _qualifier(s, start, end) if other is None or other[0] > a.start else _qualifier(s, a.start, a.end)
        out.append(Money(start, end, (a.value,), a.currency, ((a.start, a.end),), q, a.explicit, other))
        i += 1
    if "respectively" in s:
        out = _elided(s, out)
    return out


_ELIDED_BEFORE = re.compile(r"(?<![\w.,$])(?:US\$|\$)?(\d+(?:\.\d+)?)(?:\s*,\s*|\s+and\s+)$")
_LEAD_NUMBER = re.compile(r"(?:US\$|\$|USD\s?|US\$\s)?(\d+(?:\.\d+)?)\s*(?:millions?|billions?|bn|mn|m|b)\b")


def _elided(s: str, found: list[Money]) -> list[Money]:
    """"raised 55 and 50 million dollars, respectively": the first amount borrows the second's scale.

    >>> [m.values for m in money_in("Acme and Zorbo have raised 55 and 50 million dollars, respectively.")]
    [(55000000.0,), (50000000.0,)]
    """
    out: list[Money] = []
    for m in found:
        lead = _LEAD_NUMBER.match(s, m.start)
        if not m.is_range and lead is not None and float(lead.group(1)):
            scale = m.values[0] / float(lead.group(1))
            extra: list[Money] = []
            end = m.start
            while (b := _ELIDED_BEFORE.search(s, max(0, end - 30), end)) is not None:
                v = float(b.group(1)) * scale
                extra.insert(0, Money(b.start(1), b.end(1), (v,), m.currency, ((b.start(1), b.end(1)),), "exact", m.explicit))
                end = b.start()
            out.extend(extra)
        out.append(m)
    return out


# ---- counts of people --------------------------------------------------------------------------


def _noun_class(noun: str) -> str | None:
    """employee, job or talent: which metrics a person noun can count."""
    for k in ("job", "employee", "talent"):
        if _CLASS_RX[k].match(noun):
            return k
    return None


def counts_in(s: str, skip: list[tuple[int, int]] | None = None) -> list[Count]:
    """Counts of people in one sentence, each with its noun ("300 employees", "three of its 11 co-founders")."""
    skip = skip or []
    found = find_counts(s)
    if "+" in s:  # "150+ people" (numbers.find_counts wants a space or punctuation after a number)
        plus = [RawCount(m.start(), m.end(), parse_count(m.group(0))) for m in _PLUS_COUNT.finditer(s)]
        found = sorted(found + plus, key=lambda c: c.start)
    # (most sentences have no money figure to step around: no test per count then)
    raw = [c for c in found if not any(x <= c.start < y for x, y in skip)][:MAX_FIGURES] if skip else found[:MAX_FIGURES]
    out: list[Count] = []
    i = 0
    while i < len(raw):
        c = raw[i]
        high = None
        j = i + 1
        if j < len(raw) and _is_year(s, raw[j]):
            j += 1  # "from 35 people in 2022 to 140"
        if _GROWTH_FROM.search(s[max(0, c.start - 12) : c.start]) and j < len(raw) and _GROWTH_TO.fullmatch(s[c.end : raw[j].start]):
            # "grew from 90 to more than 210 employees": two headcounts, the first takes the second's noun
            nxt = _count_with_noun(s, raw[j].start, raw[j].end, raw[j].value, None)
            first = _count_with_noun(s, c.start, c.end, c.value, None)
            if first.noun is None and nxt.noun is not None:
                first = Count(first.start, first.end, first.value, first.qualifier, nxt.noun, nxt.noun_class, nxt.noun_end)
            out.append(first)
            i += 1
            continue
        if i + 1 < len(raw) and c.value is not None and raw[i + 1].value is not None and not _is_year(s, c):
            gap = s[c.end : raw[i + 1].start]
            if _RX2.fullmatch(gap) or (
                _RX5.fullmatch(gap) and _RX6.search(s[max(0, c.start - 12) : c.start])
            ):
                nx = raw[i + 1]
                high = (nx.start, nx.end, float(nx.value or 0))
                i += 1
        out.append(_count_with_noun(s, c.start, c.end, c.value, high))
        i += 1
    return _share_nouns(s, out)


_COORD = re.compile(r",?\s+(?:and|or)\s+|,\s+")


def _share_nouns(s: str, counts: list[Count]) -> list[Count]:
    """Counts listed before one noun take it: "laid off 260 and 2,000 employees", "80, 45 and 30 engineers"."""
    for k in range(len(counts) - 2, -1, -1):
        c, nxt = counts[k], counts[k + 1]
        if c.noun is None and nxt.noun is not None and c.value is not None and c.high is None and not _is_year(s, c) \
                and _COORD.fullmatch(s[c.end : nxt.start]):  # fmt: skip
            counts[k] = Count(c.start, c.end, c.value, c.qualifier, nxt.noun, nxt.noun_class, c.end, nxt.of_base)
    return counts


def _is_year(s: str, c: object) -> bool:
    """A bare number that is a year (1900-2100, no thousands comma)."""
    v = getattr(c, "value", None)
    return v is not None and 1900 <= v <= 2100 and "," not in s[getattr(c, "start") : getattr(c, "end")]


def _count_with_noun(s: str, start: int, end: int, value: float | None, high: tuple[int, int, float] | None) -> Count:
    """A count with the person noun after it, its hedge and the base of "N of its M"."""
    base = high[1] if high else end
    after = s[base:]
    noun, noun_end, of_base = None, base, None
    of_m = _OF_AFTER.match(after) or _OF_NUMBER_AFTER.match(after)
    low = after[:100].lower()  # title-case headlines: "Lays Off All 70-Plus Staff"
    m = _NOUN_AFTER.match(low if len(low) == len(after[:100]) else after)
    if of_m:
        noun, noun_end = of_m.group("noun").lower(), base + of_m.end()
        if of_m.group("m"):
            of_base = parse_count(of_m.group("m"))  # (also "its 1.100 collaborators": a thousands point)
    elif m:
        noun, noun_end = m.group("noun").lower(), base + m.end()
        out_of = _OUT_OF_AFTER.match(s, noun_end)
        if out_of:
            of_base = parse_count(out_of.group("m"))  # "424 employees out of the 5,900"
    q = hedge_before(s[max(0, start - 60) : start])
    if q == "exact" and _PLUS_RIGHT.match(s[end : end + 10]):
        q = "at_least"
    elif q == "exact" and s.startswith(("-odd", " odd", "-ish", " or so"), end):
        q = "approx"  # "its 100-odd workforce"
    return Count(start, end, value, q, noun, _noun_class(noun) if noun else None, noun_end, of_base, high)


# ---- shares of a workforce ----------------------------------------------------------------------


#: a bare share restated as a count of people: "has let go of 30%, or 240 people"
_RESTATED_RIGHT = re.compile(
    r",?\s+or\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?[\d,]+(?:\s+(?:people|employees|staff|workers|jobs|roles|positions)\b"
    r"|,\s+of\s+(?:its|the|their)\s)")  # (also "6 per cent, or 380, of its 6,300 employees")


def percents_in(s: str) -> list[Percent]:
    """Shares of a workforce: "20% of its staff", "a third of employees", "10% of its 450 employees", "12% of
    them" (the staff just named; read as a layoff only with a layoff verb), "cut its workforce by a third"."""
    out: list[Percent] = []
    low = s.lower()
    if "%" not in s and "cent" not in low and not any(w in low for w in ("half", "third", "quarter", "fifth", "tenth")):
        return out
    for m in _PERCENT_LOW.finditer(low) if s.isascii() else _PERCENT.finditer(s):
        frac = m.group("frac").lower().replace("one-", "one ")
        val = float(m.group("pct")) / 100 if m.group("pct") else _FRAC_VALUE.get(_RX3.sub(" ", frac))
        words = parse_count(m.group("wpct")) if m.group("wpct") else None
        if words is not None:  # "ten percent of its workforce" (translated copies spell the number out)
            val = words / 100
        if val is None or not (m.group("noun") or m.group("them") or _BY_SHARE.search(s, max(0, m.start() - 60), m.start())
                               or _RESTATED_RIGHT.match(s, m.end())):
            continue
        base = float(m.group("n").replace(",", "")) if m.group("n") else None
        q = hedge_before((m.group("hedge") or "") + " ")
        out.append(Percent(m.start("frac"), m.end("frac"), val, q, base))
    return out
