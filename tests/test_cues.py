"""Every entry of every cue table (extract/cues/*.toml) does what its table says, on its own example.

The cue tables are the extractor's vocabulary kept as data (issue 10: "one reviewable table per metric,
each entry with an example sentence in the tests"). For each entry:

* a metric table (funding_raised.toml, valuation.toml, layoffs.toml, ...): the example gives that metric
  from a figure in it (for departed_talent's ``named`` and ``named_noun`` entries, from a named person);
* ``not_a_metric.toml``: the example gives no metric from its money figure;
* ``modality.toml``: the example gives exactly ``expect`` (a metric name, or "none" for no metric);
* ``persons.toml``: each ``[[example]]`` gives its ``metric``, and each noun class has an example.

Every entry must have an example, and the entry's own cue must occur in it (else the example would
prove nothing about the entry). A failure here means the extractor does not do what the table says:
fix the extractor (or the table), never the test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from extract import extract_article
from extract.figures import counts_in, money_in
from extract.lexicon import CUE_DIR, TABLES, load_table
from models.records import METRICS

PUBLISHED = date(2024, 6, 14)
MODALITY_WHERE = ("left", "clause", "right", "sentence")
MODALITY_KINDS = ("denied", "hypothetical", "sought", "conditional", "achieved", "projected", "planned", "reported")
MONEY_UNITS = ("USD", "EUR", "GBP", "USD/month")


@dataclass(frozen=True)
class Entry:
    table: str  # file stem: funding_raised, not_a_metric, modality, persons ...
    metric: str  # the table's metric ("none" for not_a_metric)
    position: str  # before | after | later | named | named_noun | cue | example
    index: int  # 1-based, within its position
    cue: str
    example: str
    expect: str = ""  # modality: what the example must give
    where: str = ""  # modality: left | clause | right | sentence

    @property
    def id(self) -> str:
        return f"{self.table}:{self.position}{self.index}:{self.cue[:40]}"


def table_files() -> list[str]:
    return sorted(p.stem for p in Path(CUE_DIR).glob("*.toml"))


def positions(table: str) -> list[str]:
    """The arrays of entries of a table ([[before]], [[named_object]], [[cue]], [[example]] ...)."""
    return [k for k, v in load_table(table).items() if isinstance(v, list) and v and all(isinstance(e, dict) for e in v)]


def entries() -> list[Entry]:
    """Every entry of every table, whatever its position (new positions are picked up here)."""
    out: list[Entry] = []
    for table in table_files():
        data = load_table(table)
        metric = data.get("metric", "none")
        for position in positions(table):
            for i, e in enumerate(data[position], 1):
                if position == "example":  # persons.toml: a sentence and the metric it gives
                    out.append(Entry(table, e.get("metric", ""), position, i, "", e.get("sentence", "")))
                else:
                    out.append(Entry(table, metric, position, i, e.get("cue", ""), e.get("example", ""),
                                     e.get("expect", ""), e.get("where", "")))  # fmt: skip
    return out


ENTRIES = entries()
METRIC_ENTRIES = [e for e in ENTRIES if e.table not in ("not_a_metric", "modality", "persons")]
NONE_ENTRIES = [e for e in ENTRIES if e.table == "not_a_metric"]
MODALITY_ENTRIES = [e for e in ENTRIES if e.table == "modality"]
PERSONS_EXAMPLES = [e for e in ENTRIES if e.table == "persons"]


def _ids(es: list[Entry]) -> list[str]:
    return [e.id for e in es]


def _extract(sentence: str) -> list[tuple[str, float, str, int, int]]:
    x = extract_article(sentence, published=PUBLISHED)
    return [(m.metric, m.value, m.unit, m.char_start, m.char_end) for m in x.metrics]


def _figure_ends(low: str) -> list[int]:
    return [m.end for m in money_in(low)] + [c.noun_end or c.end for c in counts_in(low)] + [c.end for c in counts_in(low)]


def _cue_occurs(e: Entry) -> bool:
    """The entry's own pattern matches its example (lower case, at word boundaries as lexicon.py does).

    A pattern anchored with ``^`` is read on the text right after a figure, as the lexicon reads it.
    """
    low = e.example.lower()
    head = "" if e.position in ("after", "later") or e.where == "right" else r"(?<![\w\-])"
    rx = re.compile(rf"{head}(?:{e.cue})(?![\w])")
    if "^" in e.cue.replace("[^", ""):
        return any(rx.search(low[end:]) for end in _figure_ends(low))
    return rx.search(low) is not None


# ---- the tables themselves ------------------------------------------------------------------------


def test_every_table_is_loaded_by_the_extractor() -> None:
    """A table the lexicon does not read would be reviewed and tested, yet do nothing."""
    assert set(table_files()) == set(TABLES)


def test_every_position_is_read_by_the_extractor() -> None:
    """An array of entries no module of extract/ names would be reviewed and tested, yet do nothing."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (Path(CUE_DIR).parent).glob("*.py"))
    for table in table_files():
        for position in positions(table):
            assert f'"{position}"' in source, f"{table}.toml: [[{position}]] is read by no module of extract/"


def test_tables_name_known_metrics() -> None:
    for table in table_files():
        metric = load_table(table).get("metric", "none")
        assert metric in METRICS or metric == "none", (table, metric)
        if table not in ("not_a_metric", "modality", "persons"):
            assert metric == table, f"{table}.toml says metric = {metric!r}"


def test_the_tables_have_entries() -> None:
    assert len(METRIC_ENTRIES) >= 30 and len(NONE_ENTRIES) >= 5 and len(MODALITY_ENTRIES) >= 5
    assert PERSONS_EXAMPLES


@pytest.mark.parametrize("e", ENTRIES, ids=_ids(ENTRIES))
def test_entry_has_an_example_showing_its_cue(e: Entry) -> None:
    assert e.example.strip(), f"{e.table}.toml: entry {e.position} #{e.index} ({e.cue!r}) has no example"
    if e.cue:
        re.compile(e.cue)
        assert _cue_occurs(e), f"the cue {e.cue!r} does not occur in its example {e.example!r}"
    if e.table == "modality":
        assert e.expect in METRICS or e.expect == "none", f"expect = {e.expect!r}"
        assert e.where in MODALITY_WHERE, f"where = {e.where!r}"
    if e.table == "persons":
        assert e.metric in METRICS, f"metric = {e.metric!r}"


def test_modality_kinds_are_known() -> None:
    for e in load_table("modality")["cue"]:
        assert e["kind"] in MODALITY_KINDS, e


# ---- each entry on its example --------------------------------------------------------------------


@pytest.mark.parametrize("e", METRIC_ENTRIES, ids=_ids(METRIC_ENTRIES))
def test_metric_entry_gives_its_metric(e: Entry) -> None:
    got = _extract(e.example)
    assert any(m[0] == e.metric for m in got), f"{e.example!r}: expected {e.metric}, got {got}"


@pytest.mark.parametrize("e", NONE_ENTRIES, ids=_ids(NONE_ENTRIES))
def test_not_a_metric_entry_gives_no_metric_from_its_figure(e: Entry) -> None:
    figures = [(m.start, m.end) for m in money_in(e.example)]
    assert figures, f"no money figure in {e.example!r}"
    got = _extract(e.example)
    from_figure = [m for m in got if any(m[3] < b and a < m[4] for a, b in figures)]
    assert not from_figure, f"{e.example!r}: expected no metric from {figures}, got {from_figure}"


@pytest.mark.parametrize("e", MODALITY_ENTRIES, ids=_ids(MODALITY_ENTRIES))
def test_modality_entry_gives_what_it_expects(e: Entry) -> None:
    got = _extract(e.example)
    want = set() if e.expect == "none" else {e.expect}
    assert {m[0] for m in got} == want, f"{e.example!r}: expected {e.expect}, got {got}"


@pytest.mark.parametrize("e", PERSONS_EXAMPLES, ids=_ids(PERSONS_EXAMPLES))
def test_persons_example_gives_its_metric(e: Entry) -> None:
    got = _extract(e.example)
    assert any(m[0] == e.metric and m[2] == "persons" for m in got), f"{e.example!r}: expected {e.metric}, got {got}"


@pytest.mark.parametrize("noun_class", sorted(load_table("persons")["nouns"]))
def test_every_person_noun_class_has_an_example(noun_class: str) -> None:
    """Each noun class of persons.toml is shown by an [[example]] whose sentence uses one of its nouns."""
    rx = re.compile(rf"(?<![\w\-])(?:{load_table('persons')['nouns'][noun_class]})(?![\w\-])")
    shown = [e.example for e in PERSONS_EXAMPLES if rx.search(e.example.lower())]
    assert shown, f"persons.toml: no [[example]] uses a {noun_class} noun"
