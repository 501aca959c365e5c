"""Split clean article text into sentences with character offsets, and sentences into clauses.

>>> t = "Shares fell 3.5% on Jan. 31. The U.S. unit cut jobs! It said so."
>>> [t[s:e] for s, e in split_sentences(t)]
['Shares fell 3.5% on Jan. 31.', 'The U.S. unit cut jobs!', 'It said so.']
>>> u = "Headline here\\n\\nBody starts. Ends"
>>> [u[s:e] for s, e in split_sentences(u)]
['Headline here', 'Body starts.', 'Ends']
"""

from __future__ import annotations

import re

from extract._regex import SPACES

__all__ = ["split_sentences", "clause_bounds", "is_soft_wrap", "CLAUSE_BREAK"]

_ABBREV = frozenset(
    "mr mrs ms dr prof st jr sr inc ltd co corp vs etc jan feb mar apr jun jul aug sep sept oct nov"
    " dec no gov sen rep gen col lt u.s u.k e.g i.e approx est dept univ fig ft mio mrd".split()
)
# candidate boundary: sentence punctuation (+closing quotes/brackets) then space, or a line break (the last of a
# run: a blank line ends the sentence at its second break just the same), or a period with no space where a page read
# as text lost its paragraph break ("the terms of the loan.Byju's has"). Written to start with one character class,
# which lets the engine skip ahead; the same as r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s)|\n(?!\n)|(?<=[a-z]{3})\.(?=[A-Z][a-z]{2})"
# (tests/test_extract_units.py checks it on random texts); possessive quantifiers: no backtracking
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)(?!\n)|(?<![.!?].)[.!?]*+[\"'”’)\]]*+(?=\s)|(?<=[a-z]{3}\.)(?=[A-Z][a-z]{2}))")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]{0,12})\.$")
#: _WORD_BEFORE read backwards: the reversed text opens with the period, then the word, whose longest form (up to its
#: first letter) is the match _WORD_BEFORE finds; one anchored match instead of a search from every position
_WORD_BEFORE_REVERSED = re.compile(r"\.([A-Za-z.]{0,12}[A-Za-z])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences in ``text``; whitespace is trimmed off each span."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        last = text[end - 1]
        if last == "." and end - start <= 6 and text[start:end].strip()[:-1].isdigit():
            continue  # "1. Acme reported ...": a list item's number opens its sentence
        if last == "\n":  # (a line break is a match of its own: every other match ends in punctuation or a quote)
            if end >= 2 and (text[end - 2].isalnum() or text[end - 2] in ",;-") and (
                    text[end : end + 1].islower() or (text[end : end + 1] not in ("\n", "") and is_soft_wrap(text, end - 1))):
                continue  # a hard-wrapped line that the sentence goes on after (is_soft_wrap)
        else:
            if last == "." and text[m.start()] == "." and text[m.start() - 1 : m.start()].isalpha() and _abbreviation_before(text, start, end):
                continue  # "Mr. Roe", "J. Roe", "U.S. unit" (but "raised $5m. It" ends a sentence)
            # next visible character must not be lower-case (a continuing sentence)
            j = end
            while j < n and text[j] in " \t":
                j += 1
            if j < n and text[j].islower():
                continue
        a, b = start, end  # (_push written out: it runs for every sentence)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        start = end
    _push(text, start, n, spans)
    return spans


def _abbreviation_before(text: str, start: int, end: int) -> bool:
    """The period that ends at ``end`` closes an abbreviation, an initial or a dotted word, not the sentence."""
    sp = text.rfind(" ", end - 15 if end - 15 > start else start, end - 1)  # (the window _WORD_BEFORE reads)
    if sp >= 0 and text[end - 1] == ".":  # (most sentences end so: " word.")
        word = text[sp + 1 : end - 1]
        if len(word) >= 2 and word.isascii() and word.isalpha():
            # the word _WORD_BEFORE reads (a space before it, no digit: no unit); a longer word is none of them
            return len(word) <= _ABBREV_MAX and word.lower() in _ABBREV
    if not _may_abbreviate(text, start, end):
        return False
    w = _WORD_BEFORE_REVERSED.match(text[max(start, end - 15) : end][::-1])
    if w is None:
        return False
    word = w.group(1)[::-1].lower()  # (w.end(): the length of the word and its period)
    unit = end - w.end() - 1 >= 0 and text[end - w.end() - 1].isdigit()
    if len(word) == 1 and word.isalpha() and text.endswith(_ROUND_LETTER, max(start, end - w.end() - 7), end - w.end()):
        return False  # "... led by Dunelo's $21 million Series A. Meanwhile": a round's letter, no initial
    return not unit and (word in _ABBREV or (len(word) == 1 and word.isalpha()) or "." in word)


#: the words a round's letter follows ("Series A", "series-B", "Round C")
_ROUND_LETTER = ("Series ", "series ", "Series-", "series-", "Round ", "round ")


#: the longest word ``split_sentences`` reads as an abbreviation
_ABBREV_MAX = max(map(len, _ABBREV))


def _may_abbreviate(text: str, start: int, end: int) -> bool:
    """False when the period ending at ``end`` closes no abbreviation (a cheap test before _WORD_BEFORE): the
    text does not end in a period, or the word before it is a run of more than _ABBREV_MAX ASCII letters with
    no period in the window _WORD_BEFORE reads (no abbreviation, no initial, no dotted word)."""
    if text[end - 1] != ".":
        return False  # '."': _WORD_BEFORE wants the period last
    a = end - 2 - _ABBREV_MAX
    if a < start:
        return True
    letters = text[a : end - 1]
    return not (letters.isascii() and letters.isalpha()) or text.find(".", max(start, end - 15), end - 1) >= 0


_WRAPPED_SET = frozenset("The In At A An On For By As But And With From To Of".split())
_WRAPPED_WORDS = tuple(_WRAPPED_SET)


def is_soft_wrap(text: str, nl: int) -> bool:
    r"""A newline inside a sentence: the line before ends in a word or comma, the next starts lower-case.

    >>> is_soft_wrap("said it is in\nearly talks", 13), is_soft_wrap("Headline\n\nbody", 8)
    (True, False)
    """
    before = text[nl - 1 : nl]
    after = text[nl + 1 : nl + 2]
    if not before or not (before.isalnum() or before in ",;-"):
        return False
    if after.islower():
        return True
    if after in "$€£" and before.isalpha():
        return True  # "the company has raised more than\n$4 billion": a figure wrapped onto the next line
    # a line holding one small word only: the page wrapped right after it ("The\nmobile ...", "In\nDecember, ...")
    return after.isalnum() and text.startswith(_WRAPPED_WORDS, text.rfind("\n", 0, nl) + 1) and text[text.rfind("\n", 0, nl) + 1 : nl] in _WRAPPED_SET


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# clause breaks: semicolons, colons, dashes, ", but", ", while", ", saying", "while losing" ...
# (the same matches as r";|:\s|\s[-–—]\s|,\s(?=(?:but|...)\b)|\s(?=while\s)|\s(?=and\s+(?:was|...)\b)", written to
# start with one character class of explicit characters, which lets the engine skip ahead: extract._regex.SPACES)
_CLAUSE = re.compile(
    rf"[;:,{SPACES}](?:(?<=;)|(?<=:)\s|(?<=,)\s(?=(?:but|while|whereas|saying|although|though|with|and\s+(?:the|its|it|a|an|in|(?:[A-Z][\w\-&.]*\s+){{1,4}}(?:said|announced|confirmed|reported|disclosed|added))"
    r"|when|after|before|or)\b)|(?<=\s)(?=[-–—wa])(?:[-–—]\s|(?=while\s)|(?=and\s+(?:was|is|had|has|lost|losing)\b)))",
)  # ((?=[-–—wa]): the first characters of the three breaks after a space, tested once; most spaces are none)


#: where one clause of a sentence ends and the next begins
CLAUSE_BREAK = _CLAUSE


def clause_bounds(sentence: str, pos: int) -> tuple[int, int]:
    """The clause of ``sentence`` that contains offset ``pos`` (offsets relative to the sentence).

    >>> s = "It raised $5m, but lost $30m; shares fell."
    >>> a, b = clause_bounds(s, s.index("$30m"))
    >>> s[a:b]
    'but lost $30m'
    """
    start, end = 0, len(sentence)
    for m in _CLAUSE.finditer(sentence):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end
