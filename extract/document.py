"""An article's text cut into paragraphs and sentences, with its headline marked.

Built once per article; every later stage reads offsets into ``Document.text``.

>>> doc = build_document("Acme Raises $5M\\n\\nAcme, the start-up, raised $5m. It hired 10 people.\\nNew para.")
>>> [(doc.text[s.start:s.end], s.paragraph, s.headline) for s in doc.sentences]
[('Acme Raises $5M', 0, True), ('Acme, the start-up, raised $5m.', 1, False), ('It hired 10 people.', 1, False), ('New para.', 2, False)]
>>> doc.sentence_at(doc.text.index("hired")).index
2
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from extract.sentences import is_soft_wrap, split_sentences

__all__ = ["Sentence", "Document", "build_document", "MAX_TEXT", "MAX_SENTENCE"]

#: limits that keep the work linear on adversarial input (a news sentence is a few hundred characters)
MAX_TEXT = 300_000
MAX_SENTENCE = 2000

#: a line break with a line after it (not the end of the text, not a blank line)
_PARA_BREAK = re.compile(r"\n(?=[^\n])")
_HEADLINE_MAX = 240


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class Sentence:
    """One sentence: offsets into the article text, its paragraph, and whether it is the headline."""

    index: int
    start: int
    end: int
    paragraph: int
    headline: bool = False
    #: first sentence of its paragraph (a paragraph led by another company moves the focus)
    leads_paragraph: bool = False


@dataclass
class Document:
    """The text of one article (at most ``MAX_TEXT`` characters), its sentences and dates."""

    text: str
    low: str
    published: date | None
    title: str | None
    sentences: list[Sentence] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    @property
    def starts(self) -> list[int]:
        """Start offsets of the sentences, in order."""
        return self._starts

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence holding offset ``pos`` (the last one starting at or before it)."""
        i = max(0, bisect_right(self._starts, pos) - 1)
        return self.sentences[i]

    def snippet(self, s: Sentence) -> str:
        return self.text[s.start : s.end]


def _lower(s: str) -> str:
    """Lower case with the same length (so offsets still line up), else the text as it is."""
    low = s.lower()
    return low if len(low) == len(s) else s


def _paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs start: after every newline but a hard wrap inside a sentence."""
    return [0] + [m.end() for m in _PARA_BREAK.finditer(text) if not is_soft_wrap(text, m.start())]


def _is_headline_line(line: str) -> bool:
    """A short first line without closing punctuation reads as a headline."""
    s = line.strip()
    return 0 < len(s) <= _HEADLINE_MAX and not s.endswith((".", '."', ".”", ":", ";", ","))


def build_document(text: str, published: date | None = None, title: str | None = None) -> Document:
    """Cut ``text`` (clipped to ``MAX_TEXT``) into sentences; over-long sentences are clipped too."""
    text = text[:MAX_TEXT]
    doc = Document(text, _lower(text), published, title)
    para_starts = _paragraph_starts(text)
    first_line_end = text.find("\n")
    first_line = text if first_line_end < 0 else text[:first_line_end]
    headline_end = first_line_end if first_line_end >= 0 else len(text)
    has_headline = _is_headline_line(first_line) and (first_line_end >= 0 or len(text) <= _HEADLINE_MAX)
    sentences, starts = doc.sentences, doc._starts  # (built here in one pass: this runs for every sentence)
    last_para = -1
    for i, (sa, sb) in enumerate(split_sentences(text)):
        if sb - sa > MAX_SENTENCE:
            sb = sa + MAX_SENTENCE
        para = bisect_right(para_starts, sa) - 1
        sentences.append(Sentence(i, sa, sb, para, has_headline and sb <= headline_end, para != last_para))
        starts.append(sa)
        last_para = para
    return doc
