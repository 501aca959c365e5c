"""Numbers as written in news text: money amounts, counts of people, number words and hedges.

Every finder returns spans into the text it was given, so callers can keep provenance.

>>> parse_amount("$1.3bn")
(1300000000.0, 'USD')
>>> parse_amount("US$650M")
(650000000.0, 'USD')
>>> parse_amount("1.5 billion dollars")
(1500000000.0, 'USD')
>>> parse_amount("€385 million")
(385000000.0, 'EUR')
>>> parse_amount("£63m")
(63000000.0, 'GBP')
>>> parse_amount("$600,000")
(600000.0, 'USD')
>>> parse_amount("half a billion dollars")
(500000000.0, 'USD')
>>> parse_amount("a dozen") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract._regex import Folded

__all__ = [
    "Amount",
    "Count",
    "parse_amount",
    "parse_count",
    "find_money",
    "find_counts",
    "hedge_before",
    "WORD_NUMBERS",
]

WORD_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip

_SCALES: dict[str, float] = {
    "trillion": 1e12, "tn": 1e12, "tr": 1e12, "t": 1e12,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "mil": 1e6,
    "thousand": 1e3, "k": 1e3,
}  # fmt: skip
_CURRENCY_SIGNS = {"us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP",
                   "gbp": "GBP"}  # fmt: skip
_CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
                   "pounds": "GBP", "pound": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP"}  # fmt: skip

# a digit figure: 1,234,567.89 or 1.3 or 600 (bounded repetition: no catastrophic backtracking)
_DIGITS = r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,4})?(?!\d)|\d{1,15}(?:\.\d{1,6})?(?!\d)"
_WORDNUM = (
    r"(?:half\s+a|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty"
    r"|a\s+few)"
)
_SCALE = r"trillion|billion|million|thousand|bln|mln|bn|tn|mn|m|b|k"

MONEY_RE = re.compile(
    rf"""
    (?P<sign>US\$|\$|€|£|\b(?:USD|EUR|GBP)\s?)(?P<num>{_DIGITS})
        (?:[ \u00a0]?(?P<scale>{_SCALE})\b)?
    | (?<![\w$€£.,])(?P<num2>{_DIGITS}|{_WORDNUM})(?:[ \u00a0](?P<scale2>trillion|billion|million|thousand)
        (?:[ \u00a0](?P<cword>dollars|euros|pounds|usd|eur|gbp)\b)?|(?P<scale3>bn|m|k)[ \u00a0](?P<cword3>dollars|euros|pounds|usd|eur|gbp)\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)

# the same pattern, case-sensitive, for lower-cased text (much faster: see find_money)
_MONEY_LOW = re.compile(MONEY_RE.pattern.lower().replace("(?p<", "(?P<"), re.VERBOSE)
_RANGE_SCALE = re.compile(r"\s*(?:to|-|–|and)\s*(?:us\$|\$|€|£)?\s?[\d.,]{1,20}\s?(" + _SCALE + r")\b")

#: people nouns that a count can measure
PERSON_NOUNS = (
    r"employees|employee|staff(?:ers)?|people|workers|jobs|roles|positions|posts|executives"
    r"|leaders|researchers|academics|co-?founders|founders|engineers|managers|directors|members"
    r"|officers|scientists|talent|personnel|persons|hires|vice-presidents|workforce|heads"
)
_COUNT_WORDS = (
    r"half\s+a\s+dozen|a\s+dozen|two\s+dozen|three\s+dozen|dozen"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    r"|a\s+hundred|hundreds|thousands|dozens|several|a\s+handful|handful|both"
)
COUNT_RE = re.compile(
    rf"(?<![\w$€£.,])(?P<num>\d{{1,3}}(?:,\d{{3}}){{1,3}}(?!\d)|\d{{1,6}}(?![\d.,]\d)|{_COUNT_WORDS})"
    rf"(?=[\s,)\-–.;:]|$)(?!\s*(?:percent|per\s+cent|pc\b|percentage))",
    re.IGNORECASE,
)

_COUNT_FOLDED = Folded(COUNT_RE.pattern)  # the same, faster (extract._regex)

_HEDGES: tuple[tuple[str, str], ...] = (
    ("a little over", "at_least"), ("a little more than", "at_least"), ("just over", "at_least"),
    ("more than", "at_least"), ("at least", "at_least"), ("upwards of", "at_least"),
    ("in excess of", "at_least"), ("over", "at_least"), ("north of", "at_least"),
    ("just under", "at_most"), ("just below", "at_most"), ("less than", "at_most"),
    ("fewer than", "at_most"), ("as much as", "at_most"), ("as many as", "at_most"),
    ("up to", "at_most"), ("no more than", "at_most"), ("under", "at_most"), ("below", "at_most"),
    ("nearly", "at_most"), ("almost", "at_most"), ("close to", "approx"), ("about", "approx"),
    ("around", "approx"), ("roughly", "approx"), ("some", "approx"), ("approximately", "approx"),
    ("an estimated", "approx"), ("estimated", "approx"), ("estimate of", "approx"),
    ("circa", "approx"), ("or so", "approx"), ("approx.", "approx"), ("c.", "approx"),
)  # fmt: skip
_HEDGE_RE = re.compile(
    r"(?:\b(?:"
    + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h, _ in _HEDGES)
    + r"))\s+(?:(?:a|an|the|of|just|only|another|a\s+further|further|reported|staggering)\s+){0,3}$",
)  # matched against lower-cased text
_HEDGE_MAP = {h: q for h, q in _HEDGES}


@dataclass(frozen=True, slots=True)
class Amount:
    """A money amount found in text: value in base units, currency, and where it is."""

    start: int
    end: int
    value: float
    currency: str  # USD | EUR | GBP
    explicit: bool  # a currency sign or word was written (else money only by context)


@dataclass(frozen=True, slots=True)
class Count:
    start: int
    end: int
    value: float | None  # None for vague quantities ("several", "dozens")


def _num(s: str) -> float | None:
    s = s.strip().lower()
    s = re.sub(r"\s+", " ", s)
    if s in ("a", "one"):
        return 1.0
    if s == "half a":
        return 0.5
    if s == "a few":
        return None
    if s in WORD_NUMBERS:
        return float(WORD_NUMBERS[s])
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def parse_amount(text: str) -> tuple[float, str] | None:
    """Parse one money amount: (value in base units, currency), or None.

    >>> parse_amount("$4 billion")
    (4000000000.0, 'USD')
    >>> parse_amount("8 million")  # money only by context: USD assumed
    (8000000.0, 'USD')
    >>> parse_amount("two dollars") is None
    True
    """
    m = MONEY_RE.search(text)
    if not m:
        return None
    a = _amount_from_match(m)
    return (a.value, a.currency) if a else None


def _amount_from_match(m: re.Match[str]) -> Amount | None:
    if m.group("num") is not None:
        value = _num(m.group("num"))
        scale = (m.group("scale") or "").lower()
        cur = _CURRENCY_SIGNS.get(m.group("sign").strip().lower(), "USD")
        explicit = True
    else:
        value = _num(m.group("num2"))
        scale = (m.group("scale2") or m.group("scale3")).lower()
        cword = m.group("cword") or m.group("cword3")
        cur = _CURRENCY_WORDS[cword.lower()] if cword else "USD"
        explicit = cword is not None
    if value is None:
        return None
    if scale:
        value *= _SCALES[scale]
    return Amount(m.start(), m.end(), value, cur, explicit)


def find_money(text: str) -> list[Amount]:
    """All money amounts (explicit or bare "8 million") in ``text``.

    >>> [(a.value, a.currency, a.explicit) for a in find_money("raised $6bn, then 8 million a month")]
    [(6000000000.0, 'USD', True), (8000000.0, 'USD', False)]
    >>> [a.value for a in find_money("between $15 to $20 billion")]
    [15000000000.0, 20000000000.0]
    """
    out: list[Amount] = []
    # case-insensitive matching, done as case-sensitive matching of lower-cased text (same offsets and
    # groups, since every group is read case-insensitively); text whose lower case changes length keeps
    # the IGNORECASE pattern
    low = text.lower()
    if len(low) == len(text):
        found, scale_rx, look = _MONEY_LOW.finditer(low), _RANGE_SCALE, low
    else:
        found, scale_rx, look = MONEY_RE.finditer(text), re.compile(_RANGE_SCALE.pattern, re.IGNORECASE), text
    for m in found:
        a = _amount_from_match(m)
        if a is None:
            continue
        # "$15 to $20 billion": the first figure borrows the second one's scale
        if m.group("num") is not None and not m.group("scale"):
            nxt = scale_rx.match(look[m.end() : m.end() + 40])
            if nxt:
                a = Amount(a.start, a.end, a.value * _SCALES[nxt.group(1).lower()], a.currency, True)
        out.append(a)
    return out


#: a count in digits: 1900, 1,900 or 2.5 (never a sign, exponent, "inf" or "nan")
_COUNT_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def parse_count(s: str) -> float | None:
    """A count of things written in digits or words.

    >>> parse_count("half a dozen"), parse_count("two dozen"), parse_count("1,900"), parse_count("Four")
    (6.0, 24.0, 1900.0, 4.0)
    >>> parse_count("several") is None and parse_count("dozens") is None
    True
    >>> [parse_count(x) for x in ("inf", "nan", "1e999", "-5", "1,90")]
    [None, None, None, None, None]
    """
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s in ("half a dozen",):
        return 6.0
    if s in ("a dozen", "dozen"):
        return 12.0
    if s.endswith(" dozen"):
        head = WORD_NUMBERS.get(s[: -len(" dozen")])
        return float(head * 12) if head else None
    if s == "a hundred":
        return 100.0
    if s in ("hundreds", "thousands", "dozens", "several", "a handful", "handful"):
        return None
    if s == "both":
        return 2.0
    if s in WORD_NUMBERS:
        return float(WORD_NUMBERS[s])
    if _COUNT_DIGITS.fullmatch(s):
        return float(s.replace(",", ""))
    return None


def find_counts(text: str) -> list[Count]:
    """Number-like tokens that could count people (digits or words); caller checks the noun.

    >>> [(text[c.start:c.end], c.value) for text in ["three of the five"] for c in find_counts(text)]
    [('three', 3.0), ('five', 5.0)]
    """
    out = []
    for m in _COUNT_FOLDED.finditer(text):
        out.append(Count(m.start("num"), m.end("num"), parse_count(m.group("num"))))
    return out


def hedge_before(left: str) -> str:
    """The qualifier implied by the words just before a figure ("more than" -> at_least).

    >>> hedge_before("raised more than "), hedge_before("valued at about "), hedge_before("cut ")
    ('at_least', 'approx', 'exact')
    >>> hedge_before("had raised just under "), hedge_before("a reported estimate of ")
    ('at_most', 'approx')
    """
    m = _HEDGE_RE.search(left[-60:].lower())
    if not m:
        return "exact"
    words = re.sub(r"\s+", " ", m.group(0).strip().lower())
    for h, q in _HEDGES:
        if words.startswith(h):
            return q
    return "exact"
