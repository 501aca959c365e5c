"""Extraction of startup health metrics from news text, in three stages.

One pure function, `extract_article`, turns an article's clean text into typed `Metric` and `Event`
records, each traced to the figure and sentence it came from. No I/O, no clock: relative dates resolve
against the ``published`` date passed in.

1. **Mentions** (`extract.document`, `extract.names`, `extract.figures`): sentences and the headline;
   names typed startup / investor / incumbent / product / place / nationality / person from the
   grammar around them; money (any currency, ranges, conversions), counts of people with their noun,
   shares of a workforce, dates.
2. **Relations** (`extract.relations`, `extract.counts`, `extract.people`): which metric each figure is,
   from the cue tables in ``extract/cues/*.toml`` (one reviewable table per metric, every entry with an
   example sentence that ``tests/test_cues.py`` runs), and whether it happened (talks, denials,
   projections, conditions: ``modality.toml``).
3. **Discourse** (`extract.discourse`): which startup each figure belongs to: the startup that governs
   it in its sentence, else the one in focus (the headline sets it; a sentence about another startup
   moves it; "it", "the company", "the Austin-based firm" follow it); "respectively" pairs figures with
   names; shares of staff find their headcount elsewhere in the article (`extract.assemble`).

Other modules: `extract.numbers` (amounts and counts as written), `extract.dates`, `extract.sentences`,
`extract.lexicon` (loads the cue tables), `extract.evaluate` (scoring against gold rows),
`extract.reading` / `extract.html` (files to clean text: the I/O edge).

>>> from datetime import date
>>> x = extract_article("Acme AI, the robotics start-up, has raised $5m at a $40m valuation.",
...                     published=date(2024, 5, 2))
>>> [(m.company, m.metric, m.value, m.unit, m.surface) for m in x.metrics]
[('Acme AI', 'funding_raised', 5000000.0, 'USD', '$5m'), ('Acme AI', 'valuation', 40000000.0, 'USD', '$40m')]
>>> x.metrics[0].as_of.label
'2024-05'
"""

from __future__ import annotations

import datetime
import gc
import re

import ahocorasick
from bisect import bisect_right

from extract._regex import at_word_start
from extract.assemble import DateFinder, date_claims, dedupe, drop_incumbents, drop_rounded_headlines, drop_mixed_totals, drop_outliers, drop_share_restatements, resolve_fractions, to_metrics
from extract.counts import Fraction, count_claims
from extract.discourse import Discourse
from extract.document import MAX_TEXT, Document, Sentence, build_document
from extract.flags import restore, strip_flags
from extract.lexicon import MODALITY
from extract.names import find_names
from extract.numbers import may_hold_money
from extract.people import PeopleState, people_claims
from extract.relations import Claim, View, money_claims
from extract.tables import table_claims, table_lines
from models.records import Event, Extraction

__all__ = ["EXTRACTOR_VERSION", "extract_article", "MAX_TEXT"]

#: bump when the rules change (stored with every row; the pipeline re-extracts older versions)
EXTRACTOR_VERSION = "0.7.0"

# cheap gates, found in one pass over the article: which sentences can hold a money figure (m), a count of
# people (c: a people noun or verb), or a leadership change (l). One Aho-Corasick automaton (pyahocorasick) finds
# every cue word in a single pass, several times faster than a regular expression of alternatives.
_MONEY_WORDS = (
    "million billion trillion crore lakh bn mn cr usd eur gbp inr rs ksh kes ngn brl zar"
    " millon millón milhão milhões bilh milliard miliar triliun juta mln bln mio mrd dollar pound sterling rupee naira"
).split() + list("$€£₹₦¥₱")
_LEAD_WORDS = [
    "resign", "quit", "step", "left", "leav", "depart", "exit", "last day", "appoint", "interim", "named", "hire", "poach",
    "lured", "replace", "oust", "walked out", "walked away", "jumped ship", "moved to", "decamped", "join", "gone", "takes over",
    # acqui-hires from the buyer's side, returns to a former employer, the top job given up, notice handed in
    "hiring", "rehir", "rejoin", "brought over", "brings over", "bringing over", "snapped up", "snaps up", "return", "went back",
    "moved back", "gave up", "give up", "gives up", "handed in", "hands in", "put in", "puts in", "parted ways", "fired", "sacked", "pushed out",
    "forced out", "dismiss", "move to", "moving to", "moving over", "make way", "making way", "step back", "retir", "across to",
    "day-to-day", "reins", "passed the", "passes the", "jumped from", "non-executive", "adviser", "advisor", "no longer", "lost", "loses", "moved on", "moving on",
]
_COUNT_WORDS = (
    "employ staff people person workers workforce job roles positions posts team headcount personnel layoff redundan cut slash"
    " shed axe fired engineers researchers executives founders co-founders cofounders leaders scientists managers"
    " directors members talent hires collaborators colleagues co-workers coworkers professionals lost loses losing % payroll terminat dismiss"
    " designers developers salespeople teachers tutors educators instructors officers vps vice"
).split() + ["laid off", "lay off", "lays off", "let go", "per cent", "percent", "we are", "we were", "we're", "we’re"]


#: letters from the most to the least used in English: the automaton tries the letters that may come next in the order
#: they were added (one by one), so the cue words are added in this order of their letters (common letters found sooner)
_LETTER_ORDER = "etaoinshrdlcumwfgypbvkjxqz"


def _letter_ranks(word: str) -> list[int]:
    return [_LETTER_ORDER.find(ch) % (len(_LETTER_ORDER) + 1) for ch in word]  # (other characters last)


def _automaton() -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    # first a word no text has (a space, then NUL): the space, the most common character, is then the first letter the
    # automaton tries from its start state, not one it tries them all for; its kind "" opens no gate (see _gates)
    a.add_word(" \x00", ("", 2, False))
    kinds: dict[str, str] = {}
    for kind, words in (("m", _MONEY_WORDS), ("l", _LEAD_WORDS), ("c", _COUNT_WORDS)):
        for w in words:
            kinds[w] = kinds.get(w, "") + kind  # a word in two lists ("lost") opens both gates
    for w in sorted(kinds, key=_letter_ranks):  # (the order changes no match, only how fast they are found)
        a.add_word(w, (kinds[w], len(w), w[0].isalpha()))
    a.make_automaton()
    return a


_GATE_WORDS = _automaton()
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty dozen half hundred both third quarter fifth"
).split()
# a digit, or a number word (the same as r"\d|\b(?:one|two|...)\b"; one search each lets the engine skip ahead)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(f"(?:{at_word_start(_NUMBER_WORDS)})\\b")
#: ASCII bytes with every digit made "0", the other characters of \w (letters, "_") kept and the rest made a space
_WORDS_OF = bytes(48 if 48 <= c <= 57 else c if (c < 128 and chr(c).isalpha()) or c == 95 else 32 for c in range(256))
_NUMBER_WORD_BYTES = frozenset(w.encode() for w in _NUMBER_WORDS)


def _has_number(low: str) -> bool:
    """``_DIGIT.search(low) or _NUMBER_WORD.search(low)``. ASCII text (most): its bytes with the digits made "0" and
    split into its words (the runs of \\w), one of which a number word must be; faster than the two scans."""
    if low.isascii():
        words = low.encode().translate(_WORDS_OF)
        return b"0" in words or not _NUMBER_WORD_BYTES.isdisjoint(words.split())
    return _DIGIT.search(low) is not None or _NUMBER_WORD.search(low) is not None


_REPORT_THAT = re.compile(r"\b(?:reported|reports?)\b[^.]{0,80}\bthat\b")
_THE_DEAL = re.compile(r"\bthe (?:deal|round|report|reports|talks|fundraising|figure)\b")


def extract_article(text: str, *, published: datetime.date | None, title: str | None = None) -> Extraction:
    """Typed metrics and leadership events of one article; offsets index into ``text``.

    ``title`` (front matter or page title) helps find the headline's company; figures are read from
    ``text`` only. Only the first 300,000 characters are read. Never raises on text: anything
    unexpected yields an empty extraction.
    """
    if not isinstance(text, str) or not text.strip():
        return Extraction()
    # a very long text builds a hundred thousand small objects at once: the cycle collector, walking every object of
    # a large process each time, would cost more than the reading (extraction makes no cycles worth collecting)
    pause = len(text) > _LONG_TEXT and gc.isenabled()
    if pause:
        gc.disable()
    try:
        bare, cuts = strip_flags(text)  # "Tarifa 🇨🇴 raised": read as "Tarifa raised", quoted as written
        x = _extract(build_document(bare, published, strip_flags(title)[0] if title else title))
        return restore(x, text, cuts)
    except Exception:  # noqa: BLE001 - a bad article must not stop a batch
        return Extraction()
    finally:
        if pause:
            gc.enable()


_LONG_TEXT = 50_000


def _echoes_denial(doc: Document, prev: Sentence | None, s: Sentence) -> bool:
    """"X denied reports that ... . Outlets had reported that the deal valued it at $9bn.\""""
    if prev is None or doc.low.find("report", s.start, s.end) == -1:
        return False
    low = doc.low[s.start : s.end]
    return bool(_REPORT_THAT.search(low) and _THE_DEAL.search(low) and MODALITY.first("denied", "clause", doc.low[prev.start : prev.end]))


def _gates(doc: Document) -> dict[int, str]:
    """Sentence index -> the kinds of cue it holds ("m", "c", "l"), from one pass over the article (a word
    counts where it starts a word: "rs" in "years" is no rupee sign)."""
    starts = doc.starts
    low = doc.low
    out: dict[int, str] = {}
    # hits come in the order of their ends, most in the sentence of the hit before: kept with its bounds [lo, hi),
    # a bisect only for a start outside them (the sentence bisect_right gives is the one whose bounds hold the start)
    i, lo, hi = -1, -1, -1
    for end, (kind, n, alpha) in _GATE_WORDS.iter(low):
        start = end - n + 1
        if alpha and start and low[start - 1].isalpha():
            continue
        if not lo <= start < hi:
            i = bisect_right(starts, start) - 1
            if i < 0:
                continue  # (before the first sentence: lo, hi kept, so the next hit is looked up again)
            lo, hi = starts[i], starts[i + 1] if i + 1 < len(starts) else len(low)
        got = out.get(i, "")
        if kind not in got:
            out[i] = got + kind  # (kind may be two letters: "cl"; the stand-in word's "" is in every string)
    return out


def _sentence_claims(v: View, d: Discourse, st: PeopleState, kinds: str = "mcl") -> tuple[list[Claim], list[Fraction]]:
    low = v.low
    claims: list[Claim] = []
    fractions: list[Fraction] = []
    if "m" in kinds and may_hold_money(v.s):
        claims += money_claims(v, d)
    else:
        v._money = []  # no money word, or no digit ("crowded"): no money figure for the count reader to step around
    counted: list[Claim] = []
    if ("c" in kinds or "l" in kinds) and _has_number(low):
        counted, fractions = count_claims(v, d)
        claims += counted
    if "l" in kinds:
        at = [c.start for c in counted if c.metric == "departed_talent"]
        claims += people_claims(v, d, st, at)
    return claims, fractions


#: a line that links to another story ("Related: ...", "Also read: ...", "READ MORE |")
_LINK_LINE = re.compile(r"[ \t*_>•-]*(?:Related|RELATED|Also [Rr]ead|ALSO READ|Read [Aa]lso|Read [Mm]ore|READ MORE|See [Aa]lso|Recommended|More from)\s*[:|—–]")


def _extract(doc: Document) -> Extraction:
    names = find_names(doc)
    d = Discourse.build(doc, names)
    dates = DateFinder(doc)
    st = PeopleState()
    claims: list[Claim] = []
    fractions: list[Fraction] = []
    prev = None
    rows = table_lines(doc.text) if "|" in doc.text else []
    for i, kinds in sorted(_gates(doc).items()):
        s = doc.sentences[i]
        prev = doc.sentences[i - 1] if i else None
        if rows and any(a <= s.start < b for a, b in rows):
            continue  # a table row: read by its columns (extract.tables)
        if _LINK_LINE.match(doc.text, doc.text.rfind("\n", 0, s.start) + 1):
            continue  # "Related: Acme lands $15m Series A": a link to another story, page furniture
        if s.end - s.start >= 6 and not _echoes_denial(doc, prev, s):
            got, fr = _sentence_claims(View.of(doc, s), d, st, kinds)
            claims += got
            fractions += fr
    if rows:
        claims += table_claims(doc, lambda pos: d.focus_at(doc.sentence_at(pos)) or d.main)
    dated = date_claims(doc, dates, claims)
    dated = drop_outliers(drop_mixed_totals(doc, drop_incumbents(drop_rounded_headlines(doc.text, dedupe(resolve_fractions(dated, fractions, dates))))))
    dated = drop_share_restatements(doc.text, dated)
    metrics = to_metrics(doc, dated)
    events = [_dated_event(e, doc, dates) for e in st.events]
    used = {m.company for m in metrics} | {e.company for e in events}
    companies = {k: frozenset(a for a in (names.entities[k].aliases if k in names.entities else ()) if a != k) for k in used}
    return Extraction(tuple(metrics), tuple(events), companies)


def _dated_event(e: Event, doc: Document, dates: DateFinder) -> Event:
    s = doc.sentence_at(e.char_start)
    probe = Claim(e.company, "departed_talent", 1.0, "persons", "exact", e.char_start, e.char_end, s)
    as_of, _ = dates.for_claim(probe)
    conf = 0.9
    return Event(e.company, e.person, e.role, e.kind, e.char_start, e.char_end, e.sentence, e.sentence_start, as_of, conf)
