"""Independent stories: copies and rewrites are grouped, different stories about the same round are not,
and every sources count follows. The pairs below were written for this test; the corpus test uses the
news corpus's reworded copies (each rewrites the wire story before it, by the same writer)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from conftest import DATA, ROOT
from extract import extract_article
from extract.reading import Skipped, iter_articles
from models.companies import company_key
from models.stories import Figure, compare, fingerprint, stories
from models.warehouse import SCHEMA_VERSION, Warehouse
from startup_health.cli import cli

ORIGINAL = """ date 2024-06-11
Brackenridge Analytics raises $36 million to take its grid forecasting software to Europe

Brackenridge Analytics, the Denver start-up that forecasts demand on electricity grids, has raised $36 million in a Series B round led by Ostrava Capital, the company said on Tuesday. The round values Brackenridge Analytics at $240 million, according to a person familiar with the deal.

Existing investors Falconer Ventures and Pinewick also took part. The company raised a $9 million seed round in 2021 and now employs 85 people, most of them engineers in Denver and Toronto.

Chief executive Ilse Marchetti said the money would pay for an office in Rotterdam and for hiring 40 people over the next 18 months. Utilities in 14 states use its software.
"""

REWORDED = """ date 2024-06-12
Grid-forecasting firm Brackenridge bags $36M Series B

Denver-based Brackenridge Analytics has secured $36 million in Series B funding, with Ostrava Capital leading the round and Falconer Ventures and Pinewick returning. The deal puts the company's valuation at $240 million, a source said.

The start-up, whose software predicts electricity demand for utilities in 14 states, plans to open a Rotterdam office and add 40 staff over 18 months, CEO Ilse Marchetti said. Brackenridge Analytics has 85 employees and raised a $9 million seed round in 2021.
"""

SYNDICATED = """ date 2024-06-11
Brackenridge Analytics raises $36 million to take its grid forecasting software to Europe

(Reprinted with permission.) Brackenridge Analytics, the Denver start-up that forecasts demand on electricity grids, has raised $36 million in a Series B round led by Ostrava Capital, the company said on Tuesday. The round values Brackenridge Analytics at $240 million, according to a person familiar with the deal.

Existing investors Falconer Ventures and Pinewick also took part. The company raised a $9 million seed round in 2021 and now employs 85 people, most of them engineers in Denver and Toronto.

Chief executive Ilse Marchetti said the money would pay for an office in Rotterdam and for hiring 40 people over the next 18 months.
"""

INDEPENDENT = """ date 2024-06-11
Ostrava Capital bets on grid software as Brackenridge closes Series B

Brackenridge Analytics has closed a $36 million Series B led by Ostrava Capital at a $240 million valuation, as investors pile into software that helps utilities cope with volatile renewable supply.

The company's annual recurring revenue reached $14 million last year, up from $6 million, co-founder Tomas Reyna said in an interview, and it now counts 120 utility and trading customers. Its closest rival, Voltcast, raised $50 million in March.

Reyna said the company would stay focused on North America for now, despite interest from European grid operators.
"""

OTHER_ROUND = """ date 2024-06-13
Harlow Robotics raises $36 million at a $240 million valuation

Harlow Robotics, a maker of warehouse picking arms, has raised $36 million at a $240 million valuation in a round led by Kestrel Partners, the company said on Thursday.
"""


def _print(name: str, text: str):  # a fingerprint as the pipeline makes it: the extractor's figures
    body = text.split("\n", 1)[1]
    published = date.fromisoformat(text.split()[1])
    x = extract_article(body, published=published)
    figs = [Figure(company_key(m.company), m.metric, m.value) for m in x.metrics]
    return fingerprint(name, body, published, figs)


def test_a_reworded_copy_and_a_reprint_are_grouped_an_independent_story_is_not() -> None:
    o, r, s, i = (_print(n, t) for n, t in [("o", ORIGINAL), ("r", REWORDED), ("s", SYNDICATED), ("i", INDEPENDENT)])
    rewrite = compare(o, r)
    assert rewrite is not None and (rewrite.earlier, rewrite.later, rewrite.kind) == ("o", "r", "rewrite")
    copy = compare(o, s)
    assert copy is not None and copy.kind == "copy" and copy.score >= 0.5
    # same round, same amount, valuation and lead investor, but each tells something the other does not
    assert compare(o, i) is None and compare(r, i) is None and compare(s, i) is None
    groups = stories([o, r, s, i], [m for m in (rewrite, copy) if m])
    assert groups == {"o": "o", "r": "o", "s": "o"}


def test_the_earlier_article_is_the_original_and_the_window_is_two_weeks() -> None:
    o = _print("o", ORIGINAL)
    early = _print("r", REWORDED.replace("2024-06-12", "2024-06-01"))  # the same facts, ten days earlier
    m = compare(o, early)
    assert m is not None and (m.earlier, m.later) == ("r", "o")
    late = _print("r", REWORDED.replace("2024-06-12", "2024-07-30"))  # seven weeks after: another story
    assert compare(o, late) is None


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_groups_copies_and_sources_count_stories(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in [("a_original", ORIGINAL), ("b_reworded", REWORDED), ("c_reprint", SYNDICATED),
                       ("d_independent", INDEPENDENT), ("e_other_company", OTHER_ROUND)]:  # fmt: skip
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    code, out, _ = run("ingest", str(folder), "--db", str(db), "-q")
    assert code == 0 and "; 2 of the new articles are copies of another story (a source counted once)" in out
    wh = Warehouse(db)
    kinds = dict(wh.query("SELECT a.path, s.kind FROM article_stories s JOIN articles a USING (article_id)").rows)
    assert {Path(p).stem: k for p, k in kinds.items()} == {
        "a_original": "original", "b_reworded": "rewrite", "c_reprint": "copy",
        "d_independent": "original", "e_other_company": "original",
    }  # fmt: skip
    # the $36M round: four articles, two independent stories (original + its copies, and the independent one)
    rows = wh.query(
        "SELECT n_sources, n_articles FROM facts WHERE company = 'Brackenridge Analytics' AND metric = 'funding_raised' "
        "AND value = 36e6"
    ).rows
    assert rows == [(2, 4)]
    # the evidence still lists every copy
    quotes = wh.query(
        "SELECT count(DISTINCT s.article_id) FROM fact_sources s WHERE company = 'Brackenridge Analytics' AND value = 36e6"
    ).rows
    assert quotes == [(4,)]
    code, out, _ = run("summary", "--db", str(db), "--companies", "Brackenridge Analytics")
    funding = next(line for line in out.splitlines() if line.startswith("funding_raised"))
    assert "(2 sources in 4 articles)" in funding


def test_the_seeds_are_one_story_in_two_articles(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert run("ingest", str(ROOT / "seeds"), "--db", str(db), "-q")[0] == 0
    wh = Warehouse(db)
    rows = wh.query("SELECT count(*), count(DISTINCT story_id) FROM article_stories").rows
    assert rows == [(2, 1)]
    code, out, _ = run("summary", "--db", str(db))
    for metric in ("burn_rate", "valuation_target"):
        line = next(line for line in out.splitlines() if line.startswith(metric))
        assert "(1 source in 2 articles)" in line


def test_a_fetched_reprint_joins_the_story_ingested_from_a_file(tmp_path: Path, httpserver) -> None:
    from web_support import article_page

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "original.txt").write_text(ORIGINAL, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert run("ingest", str(folder), "--db", str(db), "-q")[0] == 0
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    body = REWORDED.split("\n", 2)[2]
    httpserver.expect_request("/bb").respond_with_data(
        article_page("Brackenridge bags $36M", body, published="2024-06-12"), content_type="text/html"
    )
    result = CliRunner().invoke(cli, ["fetch", httpserver.url_for("/bb"), "--db", str(db)],
                                env={"STARTUP_HEALTH_FETCH_DELAY_S": "0"})  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "1 of the new articles is a copy of another story" in result.stdout
    assert Warehouse(db).query("SELECT count(DISTINCT story_id) FROM article_stories").rows == [(1,)]


# -- measured on the project's corpora ------------------------------------------------------------------

#: rewrites known by name: the seeds, and reworded copies of the news corpus (tune) of the wire or business
#: story before them by the same writer
REWRITES = {
    frozenset(p)
    for p in [
        ("000_6c7e4e44c158f597.txt", "004_fdbb7e7136dc40c3.txt"),
        ("na001.txt", "na002.md"),
        ("nb001.txt", "nb002.md"),
        ("nb009.txt", "nb010.md"),
        ("nb017.txt", "nb027.txt"),
        ("nc001.txt", "nc002.md"),
        ("nc008.txt", "nc013.md"),
    ]
}


#: tune writers asked for the reworded style only, not for copies of stories in their own set
_RESTYLED_ONLY = frozenset(
    "i j k l m n o p q r s ae af ag ah ai aj ak al an ao aq ar as at au av aw ax ay az ba bb bc"
    " bd be bf bg bh bi bj bk bl bm bn bo bp bq br bs".split()
)


def _corpus_prints() -> tuple[dict, list[tuple[str, str]], dict[str, tuple[str, str]]]:
    """Prints of every article, the candidate pairs ingest would compare, and each news article's
    (writer, style) from the manifests."""
    import csv

    news = DATA / "news" / "tune"
    paths = [ROOT / "seeds", DATA / "devset" / "articles", DATA / "own" / "tune", news]
    prints, about, values = {}, {}, {}
    for a in iter_articles(paths):
        if isinstance(a, Skipped):
            continue
        x = extract_article(a.text, published=a.published, title=a.title)
        name = Path(a.path).name
        figs = [Figure(company_key(m.company), m.metric, m.value) for m in x.metrics]
        companies = {company_key(e.company) for e in x.events}
        prints[name] = fingerprint(name, a.text, a.published, figs, companies)
        about[name] = prints[name].companies
        values[name] = {f.value for f in figs if f.value >= 100}
    pairs = [(a, b) for a, b in itertools.combinations(sorted(prints), 2)
             if about[a] & about[b] or len(values[a] & values[b]) >= 2]  # fmt: skip
    manifest = {}
    for m in news.glob("*/manifest.csv"):
        with open(m, newline="", encoding="utf-8") as fh:
            manifest.update({r["article"]: (m.parent.name, r["style"]) for r in csv.DictReader(fh)})
    return prints, pairs, manifest


def test_corpus_rewrites_are_grouped_and_nothing_else_is() -> None:
    prints, pairs, manifest = _corpus_prints()
    matches = [m for a, b in pairs if (m := compare(prints[a], prints[b]))]
    story = stories(list(prints.values()), matches)
    members: dict[str, set[str]] = {}
    for aid, sid in story.items():
        members.setdefault(sid, set()).add(aid)
    grouped = {frozenset(p) for group in members.values() for p in itertools.combinations(sorted(group), 2)}
    assert len(pairs) >= 40
    assert REWRITES <= grouped
    # every pair in one story is a reworded or translated copy by the same writer (or the seeds); two
    # machine translations of one announcement, published the same day, are one story too (one source:
    # the company's statement), whoever translated them
    for pair in grouped - REWRITES:
        (wa, sa), (wb, sb) = (manifest.get(n, ("?", "?")) for n in sorted(pair))
        same_writer_copy = wa == wb and bool({"reworded", "translated"} & {sa, sb})
        two_translations = sa == sb == "translated" and prints[min(pair)].published == prints[max(pair)].published
        # a headline brief that adds nothing to a fuller report of the same event, written by another writer
        # days apart, is that report's story too (the corpus now covers some real events more than once)
        brief_of_report = "brief" in (sa, sb)
        assert same_writer_copy or two_translations or brief_of_report, sorted(pair)
    # and most reworded copies are found (some rewrite a story the corpus does not hold). Only the writers whose
    # brief asked for reworded copies of stories in their own set (a-h, x-z) count here: the writers of the
    # second stage of 2026-12-03 (i-s, ae-ao) were asked for the reworded style alone, and reworded stories the
    # corpus does not hold
    reworded = {n for n, (writer, style) in manifest.items()
                if style == "reworded" and n in prints and writer not in _RESTYLED_ONLY}
    found = {n for pair in grouped for n in pair} & reworded
    assert len(found) >= 0.75 * len(reworded), sorted(reworded - found)


def test_a_version_1_warehouse_is_upgraded_and_keeps_its_articles(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    assert run("ingest", str(ROOT / "seeds"), "--db", str(db), "-q")[0] == 0
    wh = Warehouse(db)
    with wh.connect(read_only=False) as con:  # what a version-1 file looks like: no article_groups
        con.execute("DROP TABLE article_groups")
        con.execute("DROP TABLE feeds")
        con.execute("UPDATE schema_info SET value = '1' WHERE key = 'schema_version'")
    before = wh.query("SELECT article_id, text FROM articles ORDER BY 1").rows
    code, out, _ = run("ingest", str(ROOT / "seeds"), "--db", str(db), "-q")
    assert code == 0 and "2 unchanged" in out
    assert wh.query("SELECT value FROM schema_info WHERE key = 'schema_version'").rows == [(str(SCHEMA_VERSION),)]
    assert wh.query("SELECT count(*) FROM feeds").rows == [(0,)]
    assert wh.query("SELECT article_id, text FROM articles ORDER BY 1").rows == before
    # the upgrade groups what the file already held
    assert wh.query("SELECT count(*), count(DISTINCT story_id) FROM article_groups").rows == [(2, 1)]
