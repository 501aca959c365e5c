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
from collections.abc import Iterator
from dataclasses import dataclass

from extract._regex import Folded, at_word_start, by_first_letter, split_top, ungrouped

__all__ = [
    "Amount",
    "Count",
    "parse_amount",
    "may_hold_money",
    "parse_count",
    "find_money",
    "find_counts",
    "hedge_before",
    "WORD_NUMBERS",
]

# inline patterns, compiled once (hot paths)
_RX0 = re.compile((r"\s+"))
_RX1 = re.compile((r"\d{1,3},\d{1,2}"))

WORD_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip

_SCALES: dict[str, float] = {
    "trillion": 1e12, "tn": 1e12, "tr": 1e12, "t": 1e12, "trn": 1e12,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "billions": 1e9,
    "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "mil": 1e6, "mio": 1e6, "mrd": 1e9, "millions": 1e6,
    "crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5,
    "milhões": 1e6, "milhão": 1e6, "millones": 1e6, "millón": 1e6, "bilhões": 1e9, "bilhão": 1e9,
    "milliards": 1e9, "milliard": 1e9, "mil millones": 1e9, "miliar": 1e9, "triliun": 1e12, "juta": 1e6,
    "thousand": 1e3, "k": 1e3,
}  # fmt: skip
#: currency signs and codes written before a figure (lower case), by ISO code. Signs that share "$"
#: with other dollars are listed so that "S$10m" is never read as US dollars.
_CURRENCY_SIGNS: dict[str, str] = {
    "us$": "USD", "$us": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD", "us dollars": "USD",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "stg": "GBP",
    "rs.": "INR", "rs": "INR", "inr": "INR", "₹": "INR",
    "₦": "NGN", "ngn": "NGN", "n": "NGN", "ksh": "KES", "kes": "KES", "kshs": "KES",
    "r$": "BRL", "brl": "BRL", "s$": "SGD", "sgd": "SGD", "a$": "AUD", "aud": "AUD", "au$": "AUD",
    "c$": "CAD", "cad": "CAD", "ca$": "CAD", "hk$": "HKD", "hkd": "HKD", "nz$": "NZD", "nzd": "NZD",
    "mx$": "MXN", "mxn": "MXN", "rp": "IDR", "idr": "IDR", "¥": "JPY", "jpy": "JPY", "cny": "CNY",
    "rmb": "CNY", "rm": "MYR", "myr": "MYR", "chf": "CHF", "sek": "SEK", "nok": "NOK", "dkk": "DKK",
    "zar": "ZAR", "r": "ZAR", "egp": "EGP", "e£": "EGP", "aed": "AED", "sar": "SAR", "cop": "COP",
    "clp": "CLP", "ars": "ARS", "pen": "PEN", "ghs": "GHS", "gh₵": "GHS", "₵": "GHS", "try": "TRY",
    "₺": "TRY", "pkr": "PKR", "bdt": "BDT", "৳": "BDT", "vnd": "VND", "php": "PHP", "₱": "PHP",
    "thb": "THB", "฿": "THB", "krw": "KRW", "₩": "KRW", "ils": "ILS", "₪": "ILS", "pln": "PLN",
    "zł": "PLN", "uah": "UAH", "rub": "RUB", "ugx": "UGX", "ush": "UGX", "tzs": "TZS", "tsh": "TZS", "tshs": "TZS", "rwf": "RWF", "xof": "XOF",
    "mad": "MAD", "etb": "ETB", "qar": "QAR", "kwd": "KWD", "twd": "TWD", "nt$": "TWD",
}  # fmt: skip
#: currency words written after a figure ("1.5 billion dollars", "40 crore rupees")
_CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "u.s. dollars": "USD", "usd": "USD",
    "euros": "EUR", "euro": "EUR", "eur": "EUR", "pounds": "GBP", "pound": "GBP", "pounds sterling": "GBP",
    "gbp": "GBP", "sterling": "GBP", "rupees": "INR", "rupee": "INR", "inr": "INR", "naira": "NGN",
    "shillings": "KES", "kenyan shillings": "KES", "reais": "BRL", "reals": "BRL", "real": "BRL",
    "pesos": "MXN", "mexican pesos": "MXN", "colombian pesos": "COP", "chilean pesos": "CLP",
    "argentine pesos": "ARS", "rand": "ZAR", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY",
    "ringgit": "MYR", "rupiah": "IDR", "dirhams": "AED", "dirham": "AED", "riyals": "SAR",
    "riyal": "SAR", "francs": "CHF", "kronor": "SEK", "kroner": "NOK", "cedis": "GHS", "won": "KRW",
    "lira": "TRY", "baht": "THB", "dong": "VND", "zloty": "PLN", "shekels": "ILS", "shekel": "ILS", "nis": "ILS",
}  # fmt: skip
#: the currencies that are units of the warehouse; other amounts are recognised (so that "Rs 250 crore
#: ($30 million)" keeps the dollars and "S$10m" is not read as dollars) but never stored
STORED_CURRENCIES = frozenset({"USD", "EUR", "GBP"})

# a digit figure: 1,234,567.89 or 1.3 or 600, or Indian grouping 1,20,000 (bounded repetition)
_DIGITS = (
    r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,4})?(?!\d)|\d{1,2}(?:,\d\d){1,4},\d{3}(?!\d)"
    r"|\d{1,3},\d{1,2}(?=[ \u00a0](?:billions?|millions?|trillions?|bn|mn|bln|mln|millones|millón|milhões|milhão|milliards?|miliar"
    r"|mio|mrd|bilhões|bilhão)(?![\w]))"  # "1,7 billion", "2,1 millones", "11,5 Mio.": a decimal comma
    r"|\d{1,15}(?:\.\d{1,6})?(?!\d)"
)
_WORDNUM = (
    r"(?:half\s+a|a\s+quarter\s+of\s+a|three\s+quarters\s+of\s+a|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|a\s+few|hundreds\s+of)"
)
_SCALE = (
    r"trillion|billions|billion|millions|million|thousand|crores|crore|lakhs|lakh|lac|mil millones|milliards|milliard|miliar|triliun|juta"
    r"|milhões|milhão|millones|millón|bilhões|bilhão|bln|mln|mio|trn|bn|tn|mn|cr|m|b|k"
)
_SIGN = (
    r"(?<![a-z])(?:u\.s\.\s?\$|us\$|\$us|au\$|ca\$|hk\$|nz\$|mx\$|nt\$|[rsac]\$)|\$|€|£|₹|₦|¥|₱|₵|₩|₪|৳|฿|₺|e£|gh₵|zł"
    r"|(?<![a-z])(?:usd|eur|gbp|stg|inr|rs\.?|ngn|kes|kshs?|brl|sgd|aud|cad|hkd|nzd|mxn|idr|rp|jpy|cny|rmb|myr|chf|sek"
    r"|nok|dkk|zar|egp|aed|sar|cop|clp|ars|pen|ghs|try|pkr|bdt|vnd|php|thb|krw|ils|pln|uah|rub|ugx|ush|tzs|tshs?|rwf|xof|mad"
    r"|etb|qar|kwd|twd)(?![a-z])|(?<![a-z])(?:n|r|rm)(?=\d[\d,.]*\s?(?:trillion|billion|million|bn|mn|m|b)\b)"
)
_CWORD = (
    r"(?:u\.s\.\s|us\s|us-|kenyan\s|mexican\s|colombian\s|chilean\s|argentine\s)?(?:dollars?|euros?|pounds(?:\ssterling)?"
    r"|sterling|rupees?|naira|shillings|reais|reals?|pesos|rand|yuan|renminbi|yen|ringgit|rupiah|dirhams?|riyals?"
    r"|francs|kronor|kroner|cedis|won|lira|baht|dong|zloty|shekels?|nis|usd|eur|gbp|inr)\b"
)
_SCALE_WORD = (
    r"trillion|billions|billion|millions|million|thousand|crores|crore|lakhs|lakh|mil millones|milliards|milliard|miliar|triliun|juta"
    r"|milhões|milhão|millones|millón|bilhões|bilhão|mio|mrd"
)

# matched on lower-cased text (same offsets): money with a sign or code before the figure, or a scale
# word after a bare figure ("8 million", "1.5 billion dollars", "20 millions of dollars", "5m euros")
_MONEY_LOW = re.compile(by_first_letter(
    rf"""
    (?P<sign>{_SIGN})\s?(?P<num>{_DIGITS})
        (?:[ \u00a0-]?(?P<scale>{_SCALE})\b)?(?:[ \u00a0](?P<cword1>{_CWORD}))?
    | (?<![\w$€£₹.,])(?P<num6>\d{{1,3}}|a|one)[ \u00a0]thousand[ \u00a0](?P<num6b>\d{{1,3}})[ \u00a0]millions?\b
        (?:[ \u00a0](?:of[ \u00a0])?(?P<cword6>{_CWORD}))?
    | (?<![\w$€£₹.,])(?P<num2>{_DIGITS}|{_WORDNUM})
        (?:[ \u00a0-](?P<scale2>{_SCALE_WORD})\b(?:\.?[ \u00a0](?:of[ \u00a0]|de[ \u00a0]|d['’])?(?P<cword>{_CWORD}))?
          |[ \u00a0]?(?P<scale3>bn|mn|m|k|cr)[ \u00a0](?P<cword3>{_CWORD})
          |(?<=\d)[ \u00a0](?P<cword4>{_CWORD}))
    | (?:(?<=[-–])|(?<=to\s)|(?<=and\s))(?P<num5>{_DIGITS})[ \u00a0]?(?P<scale5>bn|mn|m|b|k|cr|tn)\b
    """),
    re.VERBOSE,
)  # (word lists grouped by first letter, here and below: the same matches, found faster)
#: the same matches without groups, searched faster; the match's groups come from _MONEY_LOW where it starts
_MONEY_FIND = re.compile(by_first_letter(ungrouped(_MONEY_LOW.pattern)), re.VERBOSE)
#: the same pattern for text whose lower case changes length (a few non-ASCII letters)
MONEY_RE = re.compile(_MONEY_LOW.pattern, re.VERBOSE | re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:to|-|–|and|or)\s*")
_RANGE_SCALE = re.compile(r"\s*(?:to|-|–|and|or)\s*(?:" + _SIGN + r")?\s?[\d.,]{1,20}[ \u00a0-]?(" + _SCALE + r")\b")
#: people nouns that a count can measure
PERSON_NOUNS = (
    r"employees|employee|staff(?:ers)?|people|workers|jobs|roles|positions|posts|executives"
    r"|leaders|researchers|academics|co-?founders|founders|engineers|managers|directors|members"
    r"|officers|scientists|talent|personnel|persons|hires|vice-presidents|workforce|heads"
)
_COUNT_WORDS = (
    r"half\s+a\s+dozen|a\s+dozen|two\s+dozen|three\s+dozen|dozen"
    + "".join(f"|{t}-(?:one|two|three|four|five|six|seven|eight|nine)" for t in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"))
    + r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    r"|a\s+hundred|hundreds|thousands|dozens|several|a\s+handful|handful|both"
)
# "1.200 employees", "3 000 persons" (a thousands point or space, as translated copies and European outlets
# write them): only before a people noun, and a plain space only after a hedge or verb ("approximately 3 000")
_PEOPLE_NEXT = r"(?=\s+(?:employees|people|staff|workers|persons|collaborators|professionals)\b)"
_SPACED_AFTER = ("mately", "about", "around", "roughly", "nearly", "almost", "over", "than", "employs", "has", "of", "with")
_GROUPED_PEOPLE = (
    r"\d{1,3}(?:[.\u00a0\u202f]\d{3}){1,2}" + _PEOPLE_NEXT
    + r"|(?:" + "|".join(f"(?<={w} )" for w in _SPACED_AFTER) + r")\d{1,3}(?: \d{3}){1,2}" + _PEOPLE_NEXT
)
#: "10k employees", "2.5k staff": thousands written with a k, only before a people noun
_K_PEOPLE = r"\d{1,3}(?:\.\d)?k" + _PEOPLE_NEXT
#: what may follow a count (and what may not: a percentage)
_COUNT_END = r"(?=[\s,)\-–.;:]|$)(?!\s*(?:percent|per\s+cent|pc\b|percentage))"
COUNT_RE = re.compile(
    rf"(?<![\w$€£.,])(?P<num>\d{{1,3}}(?:,\d{{3}}){{1,3}}(?!\d)|{_GROUPED_PEOPLE}|{_K_PEOPLE}|\d{{1,6}}(?![\d.,]\d)|{_COUNT_WORDS}){_COUNT_END}",
    re.IGNORECASE,
)



def _ascii_count_pattern() -> str:
    """``COUNT_RE`` (lower case, no groups) for ASCII text, where ``\\d`` is [0-9], written so that every branch opens
    with a plain character (a digit, or a number word's first letter) and the engine can skip ahead to those: the
    look-behinds go after that character, and branches that open alike keep their order (the same matches)."""
    head = r"[\w$€£.,]"  # (no such character before a count)
    alts = []
    for c in "0123456789":  # the digit branches of COUNT_RE, after their first digit
        after = "|".join(f"(?<={w} {c})" for w in _SPACED_AFTER)
        alts.append(rf"{c}(?<!{head}{c})(?:[0-9]{{0,2}}(?:,[0-9]{{3}}){{1,3}}(?![0-9])|[0-9]{{0,2}}(?:[.\u00a0\u202f][0-9]{{3}}){{1,2}}"
                    rf"{_PEOPLE_NEXT}|(?:{after})[0-9]{{0,2}}(?: [0-9]{{3}}){{1,2}}{_PEOPLE_NEXT}|[0-9]{{0,2}}(?:\.[0-9])?k{_PEOPLE_NEXT}"
                    rf"|[0-9]{{0,5}}(?![0-9.,][0-9]))")
    words: dict[str, list[str]] = {}
    for w in split_top(_COUNT_WORDS):
        words.setdefault(w[0], []).append(w[1:])
    alts += [f"{c}(?<!{head}{c})(?:{'|'.join(rest)})" for c, rest in words.items()]
    return f"(?:{'|'.join(alts)}){_COUNT_END}"


#: the same, faster (extract._regex); "num" is the whole match
_COUNT_FOLDED = Folded(ungrouped(COUNT_RE.pattern), ascii_pattern=_ascii_count_pattern())

_HEDGES: tuple[tuple[str, str], ...] = (
    ("a little over", "at_least"), ("a little more than", "at_least"), ("just over", "at_least"),
    ("more than", "at_least"), ("greater than", "at_least"), ("at least", "at_least"), ("upwards of", "at_least"),
    ("in excess of", "at_least"), ("over", "at_least"), ("north of", "at_least"),
    ("just under", "at_most"), ("just below", "at_most"), ("less than", "at_most"),
    ("fewer than", "at_most"), ("as much as", "at_most"), ("as many as", "at_most"),
    ("up to", "at_most"), ("no more than", "at_most"), ("under", "at_most"), ("below", "at_most"),
    ("nearly", "at_most"), ("almost", "at_most"), ("close to", "approx"), ("closer to", "approx"), ("near", "approx"), ("something like", "approx"), ("about", "approx"),
    ("around", "approx"), ("roughly", "approx"), ("some", "approx"), ("approximately", "approx"),
    ("an estimated", "approx"), ("estimated", "approx"), ("estimate of", "approx"),
    ("circa", "approx"), ("or so", "approx"), ("approx.", "approx"), ("c.", "approx"),
    # a threshold passed: "revenue passed $20m", "surpassed the valuation of $1bn", "crossed the $100m mark"
    ("surpassed", "at_least"), ("passed", "at_least"), ("crossed", "at_least"), ("topped", "at_least"),
    ("exceeded", "at_least"), ("surpassing", "at_least"), ("crossing", "at_least"), ("topping", "at_least"),
    ("exceeds", "at_least"), ("exceeding", "at_least"), ("surpasses", "at_least"), ("passes", "at_least"),
    ("surpassed the valuation of", "at_least"), ("surpassed a valuation of", "at_least"),
)  # fmt: skip


def _hedge_alternatives() -> str:
    r"""``\b(?:h1|h2|...)`` for the hedges, grouped by first letter in their order with the ``\b`` after that
    letter as a look-behind (the same matches; the engine skips ahead to the possible first letters)."""
    groups: dict[str, list[str]] = {}
    for h, _ in _HEDGES:
        groups.setdefault(h[0], []).append(re.escape(h[1:]).replace(r"\ ", r"\s+"))
    return "|".join(f"{re.escape(c)}(?<!\\w{re.escape(c)})(?:{'|'.join(rest)})" for c, rest in groups.items())


#: words that may stand between a hedge and its figure ("more than a reported $5m")
_HEDGE_FILLERS = ("a", "an", "the", "of", "just", "only", "another", "a further", "further", "reported", "staggering")
_HEDGE_RE = re.compile(
    r"(?:" + _hedge_alternatives()
    + r")\s+(?:(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _HEDGE_FILLERS) + r")\s+){0,3}$",
)  # matched against lower-cased text
#: the last words of the hedges and fillers: a _HEDGE_RE match runs to the end of the text, a hedge or filler then
#: blanks (\s: str.isspace), so the text ends in blanks, and before them in one of these
_HEDGE_LAST = tuple(sorted({h.split()[-1] for h, _ in _HEDGES} | {w.split()[-1] for w in _HEDGE_FILLERS}))
_HEDGE_MAP = {h: q for h, q in _HEDGES}
_ROSE_UP = re.compile(r"\b(?:shot|shoots|shooting|went|goes|going|gone|rose|risen|climbed|jumped|soared|moved|ramped|scaled|stepped|built|grew|grown|ticked|crept|headed)\s*$")


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class Amount:
    """A money amount found in text: value in base units, currency, and where it is."""

    start: int
    end: int
    value: float
    currency: str  # ISO code: USD, EUR, GBP (stored) or another (recognised, never stored)
    explicit: bool  # a currency sign or word was written (else money only by context)


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class Count:
    start: int
    end: int
    value: float | None  # None for vague quantities ("several", "dozens")


def _num(s: str) -> float | None:
    s = " ".join(s.strip().lower().split())  # (the spaces in it made one: _RX0.sub(" ", s) on stripped text, faster)
    if s in ("a", "one"):
        return 1.0
    if s == "half a":
        return 0.5
    if s in ("a quarter of a", "three quarters of a"):
        return 0.25 if s[0] == "a" else 0.75  # "a quarter of a billion dollars"
    if s == "a few":
        return None
    if s in WORD_NUMBERS:
        return float(WORD_NUMBERS[s])
    if _RX1.fullmatch(s):
        s = s.replace(",", ".")  # a decimal comma ("1,7 billion")
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


def _currency_of_word(word: str) -> str:
    w = _RX0.sub(" ", word.lower())
    if w in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[w]
    return _CURRENCY_WORDS.get(w.split(" ")[-1], "USD")


def _amount_from_match(m: re.Match[str]) -> Amount | None:
    if m.group("num") is not None:
        value = _num(m.group("num"))
        scale = (m.group("scale") or "").lower()
        sign = m.group("sign").strip().lower().replace(" ", "")
        cur = _CURRENCY_SIGNS.get(sign, "USD")
        if m.group("cword1") and cur == "USD" and sign == "$":
            cur = _currency_of_word(m.group("cword1"))
        explicit = True
    elif m.group("num6") is not None:  # "3 thousand 100 million dollars" (translated "3 mil 100 millones"): 3,100 million
        thousands = 1.0 if m.group("num6") in ("a", "one") else float(m.group("num6"))
        value, scale = (thousands * 1000 + float(m.group("num6b"))) * 1e6, ""
        cur = _currency_of_word(m.group("cword6")) if m.group("cword6") else "USD"
        explicit = m.group("cword6") is not None
    elif m.group("num5") is not None:  # "$5-6bn": the second end of a range (currency from the first)
        value, scale, cur, explicit = _num(m.group("num5")), m.group("scale5").lower(), "USD", False
    else:
        if m.group("cword4") and not m.group("num2")[:1].isdigit():
            return None  # "two dollars": a price in words, not a figure
        value = _num(m.group("num2"))
        scale = (m.group("scale2") or m.group("scale3") or "").lower()
        cword = m.group("cword") or m.group("cword3") or m.group("cword4")
        cur = _currency_of_word(cword) if cword else "USD"
        explicit = cword is not None
    if value is None:
        return None
    if scale in _PLURAL_SCALES and _THOUSANDS_DOT.fullmatch(m.group("num") or m.group("num2") or ""):
        value *= 1000  # "US$2.450 millions" (translated "millones"): a thousands point, 2,450 million
    if scale:
        value = round(value * _SCALES[scale], 4)  # ("$4.1 million" is 4,100,000, not 4,099,999.9999999995)
    return Amount(m.start(), m.end(), value, cur, explicit)


_PLURAL_SCALES = frozenset(("millions", "millones", "milhões"))
_THOUSANDS_DOT = re.compile(r"\d{1,3}\.\d{3}")


_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")  # (the same as \d on ASCII text, where it is faster: no Unicode look-up)
#: words an amount without digits needs ("half a billion dollars", "two million")
_WORDY = ("illion", "thousand", "crore", "lakh", "milh", "millon", "milliard", "bilh", "miliar", "triliun", "juta")
#: how far before its first digit a money match can start ("u.s.$ 5m") and end after it
_BEFORE, _AFTER = 8, 60


def _matches(rx: re.Pattern[str], low: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(low)`` (``rx`` is _MONEY_LOW; _MONEY_FIND searches), faster: when no amount can be written without digits, every match holds a
    digit and starts at most a few characters before it, so the search starts there and stops soon after
    (the big money pattern cannot skip ahead on its own). Lookbehinds still see the text before ``pos``."""
    if any(w in low for w in _WORDY):
        yield from _matches_wordy(rx, low)
        return
    pos, n = 0, len(low)
    digit = _ASCII_DIGIT if low.isascii() else _DIGIT
    while pos < n:
        d = digit.search(low, pos)
        if d is None:
            return
        hi = min(n, d.end() + _AFTER)
        f = _MONEY_FIND.search(low, max(pos, d.start() - _BEFORE), hi)  # (where rx.search would find one)
        if f is None:
            pos = d.end()
            while pos < n and low[pos].isdigit():
                pos += 1
            continue
        m = rx.match(low, f.start()) or rx.match(low, f.start(), hi)  # the whole match, were it cut short by the window's end
        assert m is not None
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


#: first words of the number words a money amount can open with (``_WORDNUM``) where such an amount can start:
#: after no character the pattern's lookbehind forbids, and before what can follow them there (a space, a
#: hyphen, or a scale "bn", "mn", "m", "k", "cr")
_WORDNUM_HEADS = (
    "half", "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundreds",
)  # fmt: skip
_WORD_START = re.compile("(?:" + at_word_start(_WORDNUM_HEADS, r"[\w$€£₹.,]") + r")(?=[\s\-bmkc])")
#: a digit figure with its sign, scale and currency words is well under this many characters after its first digit
_AFTER_WORDY = 100


def _after_a_word(scales: str) -> str:
    """``(?<=[a-z][ \u00a0-])(?:s1|s2|...)``, the look-behind after each first letter (the engine skips ahead to those)."""
    groups: dict[str, list[str]] = {}
    for w in split_top(scales):
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(f"{c}(?<=[a-z][ \u00a0-]{c})(?:{'|'.join(rest)})" for c, rest in groups.items())


#: what an amount in words holds (a cheap test before trying each number word): after its number words, which end
#: in a letter, a scale word with a space or hyphen between ("two million", "half a billion", "a thousand 100
#: millions"), or a short scale and a currency word ("a m dollars", _MONEY_LOW's "scale3"). No other branch of the
#: money pattern opens with a number word: none of the signs and codes opens like one, and the rest open with digits.
_WORDY_SCALE = re.compile(_after_a_word(_SCALE_WORD))
_WORDY_CURRENCY = re.compile(rf"(?:bn|mn|m|k|cr)[ \u00a0](?:{_CWORD})")


def _matches_wordy(rx: re.Pattern[str], low: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(low)`` for text that may hold amounts in words ("half a billion dollars"). Every match
    starts with a number word or at most ``_BEFORE`` characters before a digit, so only those places are
    tried: number words one by one, each digit's neighbourhood with one bounded search whose match is then
    taken again on the whole text (the first match start found is the leftmost one)."""
    may_open = _WORDY_SCALE.search(low) is not None or _WORDY_CURRENCY.search(low) is not None
    words = [m.start() for m in _WORD_START.finditer(low)] if may_open else []  # (else no number word opens one)
    pos, n, wi = 0, len(low), 0
    digit = _ASCII_DIGIT if low.isascii() else _DIGIT
    while pos < n:
        d = digit.search(low, pos)
        lo = n if d is None else max(pos, d.start() - _BEFORE)
        m = None
        while m is None and wi < len(words) and words[wi] < lo:
            if words[wi] >= pos and _MONEY_FIND.match(low, words[wi]):  # (most number words open no amount)
                m = rx.match(low, words[wi])
            wi += 1
        if m is None and d is not None:
            found = _MONEY_FIND.search(low, lo, min(n, d.end() + _AFTER_WORDY))  # (where rx.search would find one)
            if found is not None and found.start() <= d.start():  # else a later word or digit starts the next one
                m = rx.match(low, found.start())
        if m is None:
            if d is None:
                return
            pos = d.end()
            while pos < n and low[pos].isdigit():
                pos += 1
            continue
        yield m
        pos = m.end()


#: a digit or one of _WORDY: lower-case text without any holds no amount (see `_matches`)
_MAY_HOLD = re.compile(r"\d|" + "|".join(_WORDY))


def may_hold_money(text: str) -> bool:
    """False when ``find_money(text)`` is surely empty, found cheaply: ``_matches`` finds amounts only from a digit,
    or from a number word in text that holds one of _WORDY. (Text whose lower case changes length is read by the
    case-insensitive pattern: not ruled out.)"""
    if text.isascii():  # (its lower case has its length and its digits: the digits are looked for in it as it is,
        # first; a search for one class skips ahead, where the pattern of a class and words tries every position)
        if _ASCII_DIGIT.search(text) is not None:
            return True
        low = text.lower()
        return any(w in low for w in _WORDY)
    low = text.lower()
    if len(low) != len(text):
        return True
    return _MAY_HOLD.search(low) is not None  # (\d and [0-9] find the same in a lower case that is ASCII)


def find_money(text: str) -> list[Amount]:
    """All money amounts (explicit or bare "8 million") in ``text``.

    >>> [(a.value, a.currency, a.explicit) for a in find_money("raised $6bn, then 8 million a month")]
    [(6000000000.0, 'USD', True), (8000000.0, 'USD', False)]
    >>> [a.value for a in find_money("between $15 to $20 billion")]
    [15000000000.0, 20000000000.0]
    """
    # case-insensitive matching, done as case-sensitive matching of lower-cased text (same offsets and
    # groups, since every group is read case-insensitively) from near each digit; text whose lower case
    # changes length keeps the IGNORECASE pattern
    low = text.lower()
    if len(low) == len(text):
        return _amounts(_matches(_MONEY_LOW, low), _RANGE_SCALE, low)
    return _amounts(MONEY_RE.finditer(text), _RANGE_SCALE_CI, text)


def find_money_plain(text: str) -> list[Amount]:
    """`find_money` done the slow, obvious way (one case-insensitive scan); tests compare the two."""
    return _amounts(MONEY_RE.finditer(text), _RANGE_SCALE_CI, text)


def _amounts(found: Iterator[re.Match[str]], scale_rx: re.Pattern[str], look: str) -> list[Amount]:
    out: list[Amount] = []
    for m in found:
        a = _amount_from_match(m)
        if a is None:
            continue
        # "$15 to $20 billion": the first figure borrows the second one's scale
        if m.group("num") is not None and not m.group("scale") and a.value < 1000:
            nxt = scale_rx.match(look[m.end() : m.end() + 40])  # (not "€250,000 to €1 million")
            if nxt:
                a = Amount(a.start, a.end, a.value * _SCALES[nxt.group(1).lower()], a.currency, True)
        # "Rs 200-250 crore": the second figure of a range takes the first one's currency
        after_amount = bool(out) and _RANGE_GAP.fullmatch(look[out[-1].end : a.start]) is not None
        if m.group("num5") is not None and not after_amount:
            continue  # "-3k" alone is no amount: only the second end of a range ("$5-6bn")
        if not a.explicit and after_amount and out[-1].explicit:
            a = Amount(a.start, a.end, a.value, out[-1].currency, True)
        if a.explicit and out and not out[-1].explicit and _AND_GAP.fullmatch(look, out[-1].end, a.start):
            b = out[-1]  # "5.1 billions and 2.9 billions of dollars": the first shares the second's currency
            out[-1] = Amount(b.start, b.end, b.value, a.currency, True)
        out.append(a)
    return out


_AND_GAP = re.compile(r",?\s+and\s+")


_RANGE_SCALE_CI = re.compile(_RANGE_SCALE.pattern, re.IGNORECASE)

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
    s = " ".join(s.strip().lower().split())  # (as _RX0.sub(" ", s): str.split splits where \s matches)
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
    tens, _, unit = s.partition("-")
    if unit and tens in WORD_NUMBERS and unit in WORD_NUMBERS and WORD_NUMBERS[tens] in (20, 30, 40, 50, 60, 70, 80, 90) and WORD_NUMBERS[unit] < 10:
        return float(WORD_NUMBERS[tens] + WORD_NUMBERS[unit])  # "Twenty-six people"
    if s.endswith("k") and _COUNT_DIGITS.fullmatch(s[:-1]):
        return float(s[:-1]) * 1000  # "10k employees"
    if _GROUPED_DIGITS.fullmatch(s):
        return float(re.sub(r"[.\u00a0\u202f ]", "", s))  # "1.200 employees", "3 000 persons": thousands
    if _COUNT_DIGITS.fullmatch(s):
        return float(s.replace(",", ""))
    return None


_GROUPED_DIGITS = re.compile(r"\d{1,3}(?:[.\u00a0\u202f ]\d{3}){1,2}")


def find_counts(text: str) -> list[Count]:
    """Number-like tokens that could count people (digits or words); caller checks the noun.

    >>> [(text[c.start:c.end], c.value) for text in ["three of the five"] for c in find_counts(text)]
    [('three', 3.0), ('five', 5.0)]
    """
    out = []
    for m in _COUNT_FOLDED.finditer(text):
        out.append(Count(m.start(), m.end(), parse_count(m.group())))
    return out


def hedge_before(left: str) -> str:
    """The qualifier implied by the words just before a figure ("more than" -> at_least).

    >>> hedge_before("raised more than "), hedge_before("valued at about "), hedge_before("cut ")
    ('at_least', 'approx', 'exact')
    >>> hedge_before("had raised just under "), hedge_before("a reported estimate of ")
    ('at_most', 'approx')
    >>> hedge_before("trades well below the "), hedge_before("valued at below ")  # a figure compared with: exact
    ('exact', 'at_most')
    """
    low = left[-60:].lower()
    if not low[-1:].isspace() or not low.rstrip().endswith(_HEDGE_LAST):
        return "exact"  # (no match can end the text: a cheap test before the pattern, which tries every hedge's place)
    m = _HEDGE_RE.search(low)
    if not m:
        return "exact"
    words = " ".join(m.group(0).strip().lower().split())  # (as _RX0.sub(" ", ...): str.split splits where \s matches)
    if words.startswith("up to") and _ROSE_UP.search(low, 0, m.start()):
        return "exact"  # "its valuation shot up to $3.1bn": a verb of rising, not a ceiling
    if words.endswith(" the") and words.startswith(_COMPARATIVES):
        return "exact"  # "well below the $2.2 billion at which it raised": a figure compared with, itself exact
    for h, q in _HEDGES:
        if words.startswith(h):
            return q
    return "exact"

_COMPARATIVES = ("less than", "more than", "fewer than", "below", "above", "under", "over", "greater than", "lower than", "higher than")
#: hedges before a count ("about", "more than", "another")
HEDGES_EARLY = r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|approximately|a further|another)\s+)*"
#: a count of people right after a verb: "dismissed 159 people", "let go of about half" (the verb is the layoff, not
#: a denial)
NUMBER_NEXT = re.compile(r"\s+(?:of\s+)?" + HEDGES_EARLY + r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens|hundreds|half|a third|a quarter)\b)")
