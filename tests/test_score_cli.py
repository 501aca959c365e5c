"""`startup-health score` and `startup-health changes` on hand-made warehouses, and the change list that
ends `ingest`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEEDS
from facts_support import Evt, Fig, new_warehouse, put
from startup_health.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    wh = new_warehouse(tmp_path / "w.duckdb")
    put(wh, "jan", date(2024, 1, 10), [
        Fig("Acme AI", "valuation", 1e9, "Acme AI was valued at $1 billion.", "$1 billion", as_of="2024-01"),
        Fig("Acme AI", "headcount", 400, "Acme AI employs 400 people.", "400", as_of="2024-01"),
        Fig("Globex", "burn_rate", 5e6, "Globex burns $5 million a month.", "$5 million a month", as_of="2024-01"),
        Fig("Globex", "funding_raised", 90e6, "Globex has raised $90 million to date.", "$90 million",
            as_of="2024-01"),
    ])
    put(wh, "may", date(2024, 5, 2), [
        Fig("Acme AI", "valuation", 600e6, "Acme AI is now valued at $600 million.", "$600 million", as_of="2024-05"),
        Fig("Acme AI", "layoffs", 40, "Acme AI cut 40 jobs on Tuesday.", "40", as_of="2024-04-30"),
        Fig("Acme AI", "departed_talent", 1, "Acme AI's chief executive resigned.", "chief executive",
            as_of="2024-05"),
    ], events=[Evt("Acme AI", "resigned", "Acme AI's chief executive resigned.", "Jo Bloggs", "chief executive",
                   "2024-05")])
    return tmp_path / "w.duckdb"


def test_score_prints_each_signal_with_its_contribution_and_quotes(db: Path) -> None:
    code, out, err = run("score", "--db", str(db), "--companies", "Acme AI,Globex")
    assert code == 0, err
    # Acme AI: valuation 1B -> 600M is a 40 % fall: 100 - 200 x 0.4 = 20 (x 20)
    #          departures: a chief executive = 3 persons: 100 - 30 = 70 (x 20)
    #          layoffs 40 of 400 = 10 %: 100 - 20 = 80 (x 15); leadership: 1 exit: 60 (x 10)
    #          (400 + 1400 + 1200 + 600) / 65 = 55.4
    assert "Acme AI: 55.4 / 100 (confidence 65%)" in out
    assert "a down round" in out and "[down_round" in out
    assert "\u201cAcme AI is now valued at $600 million.\u201d (may.txt, 2024-05-02)" in out
    # Globex: $90M total / $5M a month = 18 months -> 50
    assert "Globex: 50.0 / 100 (confidence 20%)" in out and "(estimate)" in out


def test_score_as_of_uses_only_older_articles(db: Path) -> None:
    code, out, _ = run("score", "--db", str(db), "--companies", "Acme AI", "--as-of", "2024-02-01", "--no-quotes")
    assert code == 0
    assert "Acme AI: no score" in out and "articles published by 2024-02-01" in out
    assert "\u201c" not in out


def test_score_json(db: Path) -> None:
    code, out, _ = run("score", "--db", str(db), "--companies", "Globex", "--format", "json")
    assert code == 0
    [row] = json.loads(out)
    assert row["company"] == "Globex" and row["score"] == pytest.approx(50.0)
    burn = next(s for s in row["signals"] if s["signal"] == "burn")
    assert burn["contribution"] == 50.0 and burn["weight"] == 20
    assert {e["quote"] for e in burn["evidence"]} == {"Globex burns $5 million a month.",
                                                      "Globex has raised $90 million to date."}


def test_score_unknown_company_and_bad_date(db: Path) -> None:
    code, _, err = run("score", "--db", str(db), "--companies", "Nobody")
    assert code == 1 and "Nobody: no such company" in err
    code, _, err = run("score", "--db", str(db), "--as-of", "March")
    assert code == 2 and "'March' is not a date" in err
    code, _, err = run("score", "--db", str(db.parent / "none.duckdb"))
    assert code == 1 and "no warehouse here yet" in err


def test_changes_since_lists_new_facts_and_moved_signals_with_sources(db: Path) -> None:
    code, out, err = run("changes", "--since", "2024-02-01", "--db", str(db))
    assert code == 0, err
    assert "Acme AI: new figure: valuation: $600M (2024-05, 1 source)" in out
    assert "Acme AI: signal: Valuation trend: missing (latest valuation $1B (2024-01, 1 source); no earlier one" in out
    assert "a down round) [down_round]" in out
    assert "Acme AI: new figure: layoffs: 40 (2024-04-30, 1 source)" in out
    assert "(may.txt, 2024-05-02)" in out
    assert "Globex" not in out  # nothing about Globex since February
    code, out, _ = run("changes", "--since", "2024-06-01", "--db", str(db))
    assert out.strip() == "no changes"


def test_ingest_ends_with_what_the_new_articles_changed(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    code, out, err = run("ingest", str(SEEDS), "--db", str(db), "-q")
    assert code == 0, err
    assert out.startswith("2 articles read: 2 new")
    assert "What the new articles changed:" in out and "Stability AI: new figure: burn_rate" in out
    code, out, _ = run("ingest", str(SEEDS), "--db", str(db), "-q")
    assert "changed" not in out.splitlines()[-1] or "0 new" in out
    assert "What the new articles changed" not in out


# -- the changes module, pure ------------------------------------------------------------------------

from models.facts import Fact, Source  # noqa: E402
from models.health import score_company  # noqa: E402
from startup_health.changes import diff, format_changes  # noqa: E402


def _fact(fid: str, value: float, sources: list[tuple[str, int]], *, conflict: bool = False,
          others: str | None = None, metric: str = "layoffs") -> Fact:
    srcs = tuple(Source(a, r, value, "exact", None, "2024-03", date(2024, 3, 1 + i), f"{a}.txt", f"quote {a}")
                 for i, (a, r) in enumerate(sources))
    return Fact(fid, "Acme", "acme", metric, value, "persons", period="2024-03", period_end=date(2024, 3, 31),
                n_sources=len({a for a, _ in sources}), last_published=srcs[-1].published, conflict=conflict,
                conflicting_values=others, sources=srcs)


def test_diff_new_moved_disputed_and_more_sources() -> None:
    before = [_fact("f1", 100, [("a", 0)]), _fact("f2", 50, [("b", 0)]), _fact("f3", 10, [("c", 0)])]
    after = [
        _fact("f1", 100, [("a", 0), ("d", 0)]),  # one more source
        _fact("f2", 55, [("b", 0), ("e", 1)]),  # the best-supported value moved
        _fact("f3", 10, [("c", 0)], conflict=True, others="30.0 persons exact (1 source)"),  # disputed now
        _fact("f4", 30, [("f", 2)], conflict=True, others="10.0 persons exact (1 source)"),  # new, disagreeing
        _fact("f5", 7, [("g", 0)]),  # new
    ]
    kinds = {(c.kind, c.after.split(" ")[0]) for c in diff(before, after, {}, {})}
    assert kinds == {("more sources", "100"), ("moved", "55"), ("now disputed", "10"), ("new figure", "30"),
                     ("new figure", "7")}
    changes = diff(before, after, {}, {})
    new30 = next(c for c in changes if c.after.startswith("30"))
    assert "disagrees with 10.0 persons exact (1 source)" in new30.after
    assert new30.quote == "quote f" and new30.source == "f.txt, 2024-03-01"
    assert diff(after, after, {}, {}) == [c for c in diff(after, after, {}, {}) if c.kind == "now disputed"]


def test_diff_signals_and_score_moves_and_wording() -> None:
    before_f = [_fact("f1", 100, [("a", 0)])]
    after_f = before_f + [_fact("f2", 400, [("b", 0)], metric="headcount")]
    b = score_company("Acme", before_f, [], date(2024, 3, 31))
    a = score_company("Acme", after_f, [], date(2024, 3, 31))
    changes = diff(before_f, after_f, {"Acme": b}, {"Acme": a})
    # layoffs 100 with no headcount: 50; with a headcount of 400: 100 - 200 x 0.25 = 50 -> the same score,
    # but the signal's wording moved and the headcount is a new figure
    assert [c.kind for c in changes] == ["signal", "new figure"]
    assert changes[0].before == "50 (laid off 100 (2024-03, 1 source); headcount unknown)"
    assert changes[0].after.startswith("50 (laid off 100 (2024-03, 1 source) of a headcount of 400")
    assert changes[1].after == "400 (2024-03, 1 source)" and changes[1].source == "b.txt, 2024-03-01"
    c = score_company("Acme", before_f + [_fact("f3", 1000, [("c", 0)], metric="headcount")], [], date(2024, 3, 31))
    moved = diff(before_f, before_f, {"Acme": b}, {"Acme": c})
    assert moved[0].line() == "Acme: score: health score: 50.0 (confidence 15%) -> 80.0 (confidence 15%)"
    text = format_changes(changes)
    assert "\u201cquote b\u201d (b.txt, 2024-03-01)" in text
    assert format_changes([]) == "no changes"
    assert "... and" in format_changes(changes, limit=1)
