"""Bad input, end to end: the real `startup-health ingest` in a subprocess on a folder that mixes good articles
with every kind of broken file. Each bad file gets one line naming it and its problem, every good article is
stored, the exit code is 1, and the warehouse's earlier contents are untouched (full tables compared).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import SEEDS
from extract.reading import DEFAULT_MAX_BYTES
from reliability_support import TABLES, needs_extractor, run_ingest, snapshot, table_rows

pytestmark = needs_extractor
MB = 1024 * 1024
LINE = re.compile(r"^(error|skipped|warning) +(.+?): (.+)$")


@dataclass(frozen=True)
class Case:
    name: str  # path relative to the input folder
    kind: str | None  # the line's first word: error | skipped | warning; None when no line is expected
    message: str | None  # a regular expression the line's problem must match
    stored: bool  # the article must be in the warehouse afterwards


GOOD_TXT = " date 2024-03-05\nKestrelwood Robotics raised $12 million in a Series A round on Tuesday.\n"
GOOD_MD = (
    "---\ntitle: Vellora Bio funding\ndate: 2024-04-09\nurl: https://news.example/vellora\n---\n"
    "Vellora Bio raised $30 million from Harbor Ventures, the company said on Monday.\n"
)
GOOD_HTML = (
    "<html><head><title>Graztonia Foods</title><meta property='article:published_time' content='2024-05-14'>"
    "</head><body><article><h1>Graztonia Foods</h1><p>Graztonia Foods raised $8 million in seed funding "
    "on Wednesday, its founder said.</p></article></body></html>"
)
# An article buried in scripts, iframes, inline handlers and a style sheet: only the story may be stored.
SCRIPTS_HTML = (
    "<html><head><script>document.write('<p>injected</p>')</script><style>p{color:red}</style></head><body>"
    + "<script src='https://tracker.example/t.js'></script><iframe src='https://ads.example/'></iframe>" * 30
    + "<article><p>Holtara Energy raised $21 million on Thursday, it said.</p>"
    "<script>alert('xss-in-body')</script><iframe srcdoc='<p>framed</p>'></iframe>"
    "<p onclick=\"alert('handler')\">The money will fund a new plant.</p></article>"
    + "<script>var x = '$999 million';</script>" * 30
    + "</body></html>"
)


def unreadable_file(path: Path) -> str:
    """A file that exists but whose bytes cannot be read; returns what is simulated (for the test's record).

    As an ordinary user a file with mode 000 is unreadable. Root reads such a file anyway, so as root the path
    is a symbolic link to /proc/self/mem, a regular file whose read() fails with EIO (an I/O error, as a bad
    disk sector or a vanished network share gives).
    """
    if os.geteuid() != 0:
        path.write_text("Ulvex Labs raised $5 million.\n")
        path.chmod(0)
        return "permission denied (mode 000)"
    os.symlink("/proc/self/mem", path)
    return "I/O error on read"


def build_input(folder: Path) -> list[Case]:
    """Write the mixed folder; returns what should happen to each entry."""
    sub = folder / "sub"
    sub.mkdir(parents=True)
    cases: list[Case] = []

    def add(name: str, kind: str | None, message: str | None, stored: bool, data: bytes | str | None = None) -> None:
        if data is not None:
            p = folder / name
            p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(Case(name, kind, message, stored))

    # good articles, in each format and in the encodings the reader must decode correctly
    add("good.txt", None, None, True, GOOD_TXT)
    add("good.md", None, None, True, GOOD_MD)
    add("good.html", None, None, True, GOOD_HTML)
    add("latin1.txt", None, None, True,
        "Café Múnchen Systems raised £5 million, the company’s chief said.\n".replace("’", "'").encode("latin-1"))
    add("utf16_bom.txt", None, None, True, "Zorbi Étoile Labs raised €7 million in a seed round.\n".encode("utf-16"))
    add("scripts.html", None, None, True, SCRIPTS_HTML)
    # readable articles with a flaw: stored, with one warning line and no date
    add("impossible_date.txt", "warning", r"published date '2024-02-30' is not a real date; left empty", True,
        " date 2024-02-30\nQuillmarr Analytics raised $3 million on Monday.\n")
    add("future_date.md", "warning", r"published date 2999-01-01 is in the future .*; left empty", True,
        "---\ntitle: Future\ndate: 2999-01-01\n---\nBrindlora Health raised $4 million on Monday.\n")
    # a "billion laughs" YAML alias bomb: a few hundred bytes that print as 9**8 items (this used to hang)
    bomb = ["---", 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
    bomb += ["title: Laughs", "date: *l8", "---", "Jorvium Health raised $6 million on Monday."]
    add("alias_bomb_date.md", "warning", r"published date is not understood \(a list, not a date or text\); left empty",
        True, "\n".join(bomb) + "\n")
    # bad files: one error line each, nothing stored
    add("empty.txt", "error", r"file is empty", False, b"")
    add("whitespace.txt", "error", r"file has only whitespace", False, " \n\t\r\n   \n\u00a0\n")
    add("image.txt", "error", r"binary content \(PNG image\), not text", False,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 4)
    add("invalid_utf8.txt", "error", r"undecodable text: too many control characters for UTF-8, UTF-16 or Latin-1 text", False, b"\x81\x8d\x8f\x90\x9d\xc3(" * 200)
    add("bom_invalid_utf8.txt", "error", r"starts with a UTF-8 byte order mark but is not valid UTF-8 \(at byte offset 22\)", False,
        b"\xef\xbb\xbfPimora Labs raised \xff\xfe$2 million.")
    add("utf16_odd_bytes.txt", "error", r"starts with a UTF-16 byte order mark but is not valid UTF-16 \(at byte offset \d+\)", False,
        "Sarnium AI raised $9 million.".encode("utf-16") + b"\x00\xd8")  # an unpaired surrogate at the end
    # 50 MB of real text: the reader refuses it by its size before reading it
    with open(folder / "huge.txt", "wb") as fh:
        line = b"Daxly Logistics raised $1 million and hired 3 engineers.\n"
        fh.write(line * (50 * MB // len(line) + 1))
    limit = f"{DEFAULT_MAX_BYTES // MB} MB"
    add("huge.txt", "error", rf"file is 50\.0 MB, over the {limit} limit", False)
    add("no_body.html", "error", r"no article body found in the HTML", False,
        "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        "<footer>© 2024 Example</footer></body></html>")
    add("scripts_only.html", "error", r"no article body found in the HTML", False,
        "<html><body>" + "<script>document.write('Oxbrent raised $5 million')</script>"
        "<iframe src='https://x.example/'></iframe><noscript><img src='p.gif'></noscript>" * 50 + "</body></html>")
    add("bad_front_matter.md", "error", r"front matter is not valid YAML \(line \d+\)", False,
        "---\ntitle: [unclosed\ndate: 2024-01-01\n---\nLumara Foods raised $1 million.\n")
    add("unclosed_front_matter.md", "error", r"front matter is not closed \(no '---' line after it\)", False,
        "---\ntitle: Never closed\ndate: 2024-01-01\nLumara Foods raised $1 million.\n")
    add("list_front_matter.md", "error", r"front matter is not a mapping of keys to values \(it is a list\)", False,
        "---\n- just\n- a list\n---\nLumara Foods raised $1 million.\n")
    add("huge_number_front_matter.md", "error", r"front matter is not valid YAML \(a number too long to read\)", False,
        "---\ntitle: Big\ndate: " + "9" * 5000 + "\n---\nLumara Foods raised $1 million.\n")
    # things that are not files at all
    os.symlink("..", sub / "loop")  # sub/loop -> the input folder itself
    add("sub/loop", "skipped", r"folder already read as .* \(symlink loop or duplicate\)", False)
    os.symlink("gone.txt", folder / "dangling.txt")
    add("dangling.txt", "error", r"broken symbolic link", False)
    unreadable_file(folder / "unreadable.txt")
    add("unreadable.txt", "error", r"cannot read file: (permission denied|Input/output error)", False)
    os.mkfifo(folder / "fifo.txt")  # opening a FIFO for reading would block the ingest forever
    add("fifo.txt", "error", r"not a regular file", False)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.txt"))
    sock.close()
    add("socket.txt", "error", r"not a regular file", False)
    # not an article: reported as skipped, not an error
    add("notes.pdf", "skipped", r"unsupported file type \.pdf", False, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    return cases


@pytest.fixture(scope="module")
def prefilled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse holding the seed articles, written by a first ingest; copied for each test."""
    tmp = tmp_path_factory.mktemp("prefill")
    db = tmp / "w.duckdb"
    done = run_ingest(SEEDS, db=db, cwd=tmp)
    assert done.returncode == 0, done.stderr
    assert len(table_rows(db, "articles")) == 2 and table_rows(db, "metric_rows")
    return db


@pytest.mark.parametrize("workers", [1, 2])
def test_bad_files_are_named_good_ones_stored_earlier_contents_intact(
    prefilled: Path, tmp_path: Path, workers: int
) -> None:
    db = tmp_path / "w.duckdb"
    shutil.copy(prefilled, db)
    before = snapshot(db)
    folder = tmp_path / "in"
    cases = build_input(folder)
    missing = tmp_path / "does-not-exist"

    done = run_ingest(folder, missing, db=db, cwd=tmp_path, workers=workers)

    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    # one line per problem, naming the file
    lines = done.stderr.splitlines()
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), f"lines not of the form 'kind PATH: problem': {[ln for ln, m in zip(lines, parsed) if not m]}"
    by_path = Counter(m[2] for m in parsed if m)
    expected = {str(folder / c.name): c for c in cases if c.kind} | {
        str(missing): Case("missing", "error", r"no such file or directory", False)
    }
    assert set(by_path) == set(expected), f"unexpected: {set(by_path) - set(expected)}; silent: {set(expected) - set(by_path)}"
    assert all(n == 1 for n in by_path.values()), f"more than one line for a file: {by_path}"
    for m in parsed:
        assert m is not None
        case = expected[m[2]]
        assert m[1] == case.kind and re.fullmatch(case.message or "", m[3]), f"{m[0]!r} expected {case}"
    good = [c for c in cases if c.stored]
    errors = sum(1 for c in expected.values() if c.kind == "error")
    skipped = sum(1 for c in expected.values() if c.kind == "skipped")
    assert done.stdout.startswith(
        f"{len(good)} articles read: {len(good)} new, 0 replaced, 0 unchanged; {skipped} skipped, {errors} failed;"
    ), done.stdout

    # the warehouse opens; every earlier row is still there, unchanged; the only new articles are the good ones
    after = snapshot(db)
    for table in TABLES:
        lost = Counter(before[table]) - Counter(after[table])
        assert not lost, f"{table}: earlier rows changed or lost: {list(lost)[:3]}"
    arts = {r[1]: r for r in after["articles"]}  # path -> row (article_id, path, title, url, published, ...)
    new_paths = set(arts) - {r[1] for r in before["articles"]}
    assert new_paths == {str(folder / c.name) for c in good}
    old_ids = {r[0] for r in before["articles"]}
    new_metric_ids = {r[0] for r in after["metric_rows"]} - old_ids
    assert new_metric_ids <= {arts[p][0] for p in new_paths}  # no rows of anything else

    def text(name: str) -> str:
        return arts[str(folder / name)][7]

    assert "Café Múnchen Systems raised £5 million" in text("latin1.txt")
    assert text("utf16_bom.txt") == "Zorbi Étoile Labs raised €7 million in a seed round."
    assert "Holtara Energy raised $21 million" in text("scripts.html")
    assert "The money will fund a new plant." in text("scripts.html")
    for leaked in ("alert", "<script", "iframe", "document.write", "$999", "injected", "framed", "color:red"):
        assert leaked not in text("scripts.html")
    assert arts[str(folder / "impossible_date.txt")][4] is None
    assert arts[str(folder / "future_date.md")][4] is None
    assert str(arts[str(folder / "good.md")][4]) == "2024-04-09"
    assert arts[str(folder / "good.md")][3] == "https://news.example/vellora"
