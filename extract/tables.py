"""Stage 2 for tables: funding roundups and deal boxes written as tables.

Trade outlets list a week's rounds as a table ("| Date | Name | Sector | Round Size | Round Type |") and
put a deal's key figures in a two-column box ("| Amount raised | ₹130 Cr (~$14M) |"). Sentence rules read
neither: the company and its figure sit in different cells and the header says what each column is. A
Markdown table (or an HTML table, which `extract.html` renders as ``| cell | cell |`` lines) is read here:

* a table with a company column gives, for each row, that company's figure of each money column whose
  header names a metric (round size, amount, valuation ...); a row whose round type says debt, grant or
  acquisition gives no funding;
* a two-column box of labels and values gives the figures of the startup the article is about.

>>> from extract.document import build_document
>>> t = ("Deals of the week\\n\\n| Name | Round Size | Round Type |\\n|---|---|---|\\n"
...      "| Tijora Health | $60 Mn | Series C |\\n| Lendwise | $25 Mn | Debt |\\n")
>>> [(c.company, c.metric, c.value) for c in table_claims(build_document(t), lambda pos: None)]
[('Tijora Health', 'funding_raised', 60000000.0)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extract.document import Document
from extract.figures import money_in
from extract.numbers import STORED_CURRENCIES
from extract.relations import Claim

__all__ = ["table_claims", "table_lines"]

_ROW = re.compile(r"^[ \t]*\|(.*)\|?[ \t]*$", re.M)
_RULE_CELL = re.compile(r"^\s*:?-{2,}:?\s*$")
_MARKUP = re.compile(r"[*_`]+|\[([^\]]*)\]\([^)]*\)")

#: header words that say what a column holds (matched on the lower-case header cell)
_NAME_HEAD = re.compile(r"\b(?:name|startup|start-up|company|brand|firm|venture|business)\b")
_COLUMN_METRIC = (
    ("valuation", re.compile(r"\b(?:valuation|post-money|valued|value)\b")),
    ("revenue", re.compile(r"\b(?:revenue|arr|sales|turnover)\b")),
    ("funding_raised", re.compile(r"\b(?:amount|round size|size|funding|raised|investment|deal size|deal value|cheque)\b")),
)
_TYPE_HEAD = re.compile(r"\b(?:round|type|stage|series|instrument)\b")
_NOT_EQUITY = re.compile(r"\b(?:debt|loan|credit|grant|acquisition|acquired|m&a|ipo|secondary|buyback|esop)\b", re.I)
#: labels of a two-column deal box
_LABEL_METRIC = (
    ("valuation", re.compile(r"\b(?:post-money|valuation|valued at)\b")),
    ("revenue", re.compile(r"\b(?:arr|annual recurring revenue|revenue|run-rate)\b")),
    ("funding_raised", re.compile(r"\b(?:amount raised|round size|amount|raised|funding|investment|total funding)\b")),
)
_NOT_A_NAME = re.compile(r"^(?:undisclosed|n/?a|–|-|—|total|others?)$", re.I)


@dataclass(slots=True)
class _Cell:
    text: str
    start: int
    end: int


def table_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that are table rows (``| a | b |``), for the sentence reader to skip."""
    return [(m.start(), m.end()) for m in _ROW.finditer(text) if m.group(0).count("|") >= 3]


def _tables(text: str) -> Iterator[list[list[_Cell]]]:
    """Each table: its rows of cells (rule rows dropped), rows only blank lines apart."""
    rows: list[list[_Cell]] = []
    last_end = -1
    for m in _ROW.finditer(text):
        if m.group(0).count("|") < 3:
            continue
        if rows and text[last_end:m.start()].strip():
            yield rows
            rows = []
        cells, pos = [], m.start(1)
        for part in m.group(1).split("|"):
            lead = len(part) - len(part.lstrip())
            cells.append(_Cell(_MARKUP.sub(r"\1", part).strip(), pos + lead, pos + len(part.rstrip())))
            pos += len(part) + 1
        while cells and not cells[-1].text:
            cells.pop()
        if cells and not all(_RULE_CELL.match(c.text) for c in cells):
            rows.append(cells)
        last_end = m.end()
    if rows:
        yield rows


def _money_claim(doc: Document, company: str, metric: str, cell: _Cell) -> Claim | None:
    figures = money_in(cell.text)
    if not figures:
        return None
    f = figures[0]
    if f.currency not in STORED_CURRENCIES or f.is_range:
        return None
    a, b = cell.start + f.parts[0][0], cell.start + f.parts[0][1]
    return Claim(company, metric, float(f.values[0]), f.currency, f.qualifier, a, b, doc.sentence_at(a), table=True)


def _listing(doc: Document, rows: list[list[_Cell]], name_col: int) -> list[Claim]:
    """A table with a company column: each row's figures, by what the header says each column holds."""
    header = [c.text.lower() for c in rows[0]]
    metric_cols = {}
    for i, h in enumerate(header):
        for metric, rx in _COLUMN_METRIC:
            if i != name_col and rx.search(h):
                metric_cols[i] = metric
                break
    type_cols = [i for i, h in enumerate(header) if i != name_col and i not in metric_cols and _TYPE_HEAD.search(h)]
    out: list[Claim] = []
    for row in rows[1:]:
        if name_col >= len(row) or not row[name_col].text or _NOT_A_NAME.match(row[name_col].text):
            continue
        company = row[name_col].text
        not_equity = any(i < len(row) and _NOT_EQUITY.search(row[i].text) for i in type_cols)
        for i, metric in metric_cols.items():
            if i >= len(row) or (metric == "funding_raised" and not_equity):
                continue
            c = _money_claim(doc, company, metric, row[i])
            if c is not None:
                out.append(c)
    return out


def _box(doc: Document, rows: list[list[_Cell]], owner: Callable[[int], str | None]) -> list[Claim]:
    """A two-column box of labels and values: the figures of the startup the article is about."""
    out: list[Claim] = []
    for row in rows:
        if len(row) != 2:
            continue
        label = row[0].text.lower()
        for metric, rx in _LABEL_METRIC:
            if rx.search(label):
                company = owner(row[0].start)
                c = _money_claim(doc, company, metric, row[1]) if company else None
                if c is not None:
                    out.append(c)
                break
    return out


def table_claims(doc: Document, owner: Callable[[int], str | None]) -> list[Claim]:
    """Claims of every table of the article; ``owner(pos)`` names the startup in focus at ``pos``."""
    out: list[Claim] = []
    if "|" not in doc.text:
        return out
    for rows in _tables(doc.text):
        if len(rows) < 2:
            continue
        header = [c.text.lower() for c in rows[0]]
        name_col = next((i for i, h in enumerate(header) if _NAME_HEAD.search(h)), None)
        if name_col is not None:
            out += _listing(doc, rows, name_col)
        elif all(len(r) == 2 for r in rows):
            out += _box(doc, rows, owner)
    return out
