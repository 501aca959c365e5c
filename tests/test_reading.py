"""read_article and iter_articles: every format, every kind of bad file."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.reading import ReadError, Skipped, article_id_for, decode_text, iter_articles, read_article
from models.records import Article

DATA = Path(__file__).parent / "data"
DEVSET = DATA / "devset" / "articles"
SEEDS = Path(__file__).parent.parent / "seeds"
READING = DATA / "reading"
TODAY = date(2025, 9, 1)  # after every devset date; tests never depend on the real clock

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def read(path: Path, **kwargs: object) -> Article:
    return read_article(path, today=TODAY, **kwargs)  # type: ignore[arg-type]


def problem_of(path: Path, **kwargs: object) -> str:
    with pytest.raises(ReadError) as caught:
        read(path, **kwargs)
    err = caught.value
    assert str(err) == f"{path}: {err.problem}"
    assert "\n" not in str(err)
    return err.problem


# --------------------------------------------------------------------------------------------- .txt


def test_txt_with_date_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", " date 2024-03-23\n\nAcme quits\n\nAcme raised $5m.\n")
    article = read(path)
    assert article.text == "Acme quits\n\nAcme raised $5m."
    assert article.published == date(2024, 3, 23)
    assert article.title == "Acme quits"
    assert article.fmt == "txt"
    assert article.path == str(path)
    assert article.url is None
    assert article.article_id == hashlib.sha256(article.text.encode()).hexdigest()[:16]


def test_txt_date_prefix_without_leading_space_and_text_on_the_same_line(tmp_path: Path) -> None:
    article = read(write(tmp_path, "a.txt", "date 2023-01-05 Acme raised $5m.\nMore.\n"))
    assert article.text == "Acme raised $5m.\nMore."
    assert article.published == date(2023, 1, 5)


def test_txt_without_date_line_keeps_its_first_line(tmp_path: Path) -> None:
    article = read(write(tmp_path, "a.txt", "The date 2024-01-01 was chosen.\n\nBody."))
    assert article.published is None
    assert article.text == "The date 2024-01-01 was chosen.\n\nBody."


def test_long_first_line_is_not_a_title(tmp_path: Path) -> None:
    article = read(write(tmp_path, "a.txt", "\n\n" + "word " * 50 + "\n\nNext."))
    assert article.title is None
    assert read(write(tmp_path, "b.txt", "\n  Short title  \nBody")).title == "Short title"


def test_seed_004_date_and_text_on_one_line() -> None:
    article = read(SEEDS / "004_fdbb7e7136dc40c3.txt")
    assert article.published == date(2024, 3, 26)
    assert article.text.startswith("Stability AI, a frontrunner in the artificial intelligence sector, faces")
    assert "8 million a month" in article.text
    assert article.title is None  # the first line is a 500-character paragraph


def test_seed_000_has_no_date() -> None:
    article = read(SEEDS / "000_6c7e4e44c158f597.txt")
    assert article.published is None
    assert article.title == (
        "Stability AI CEO resigns because you’re ‘not going to beat centralized AI with more centralized AI’"
    )
    assert article.text.startswith("Stability AI CEO resigns")
    assert "had raised about $1.5 billion" in article.text


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("dv01.txt", date(2024, 3, 23)),
        ("dv04.txt", date(2024, 3, 26)),
        ("dv07.txt", None),
        ("dv08.txt", date(2024, 10, 3)),
        ("dv11.txt", date(2020, 7, 8)),
        ("dv12.txt", None),
        ("dv15.txt", date(2024, 1, 30)),
        ("dv16.txt", date(2023, 4, 28)),
        ("dv18.txt", None),
        ("dv20.txt", date(2024, 12, 18)),
        ("dv02.md", date(2023, 6, 30)),
        ("dv05.md", date(2024, 4, 3)),
        ("dv09.md", date(2025, 8, 14)),
        ("dv13.md", date(2022, 4, 6)),
        ("dv17.md", date(2023, 12, 21)),
        ("dv03.html", date(2024, 3, 22)),
        ("dv06.html", date(2024, 4, 18)),
        ("dv10.html", date(2019, 11, 22)),
        ("dv14.html", date(2023, 8, 4)),
        ("dv19.html", date(2025, 7, 17)),
    ],
)
def test_devset_dates(name: str, published: date | None) -> None:
    warnings: list[str] = []
    article = read(DEVSET / name, warnings=warnings)
    assert article.published == published
    assert warnings == []
    assert " date " not in article.text[:20]


def test_devset_txt_text_starts_with_the_headline() -> None:
    assert read(DEVSET / "dv01.txt").text.startswith(
        "Stability AI founder Emad Mostaque quits as chief executive after talent exodus\n\nBy Hannah Okafor"
    )
    assert read(DEVSET / "dv07.txt").text.startswith("Stability AI hires former Weta Digital boss")


# ---------------------------------------------------------------------------------------------- .md


def test_md_front_matter() -> None:
    article = read(DEVSET / "dv02.md")
    assert article.fmt == "md"
    assert article.title == "Inflection AI lands $1.3bn from Microsoft, Nvidia and tech billionaires"
    assert article.url == "https://www.circuitledger.example/2023/06/30/inflection-ai-lands-1-3bn"
    assert article.text.startswith("# Inflection AI lands $1.3bn from Microsoft, Nvidia and tech billionaires\n\n")
    assert "author:" not in article.text and "---" not in article.text[:5]


def test_md_with_string_date_source_key_and_markdown_suffix(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "x.markdown",
        '---\ntitle: Acme\ndate: "2024-05-06T10:00:00Z"\nsource: https://a.example/x\ntags: [a, b]\n---\nBody **bold**.\n',
    )
    article = read(path)
    assert (article.title, article.published, article.url, article.text) == (
        "Acme",
        date(2024, 5, 6),
        "https://a.example/x",
        "Acme\n\nBody **bold**.",  # a headline the body does not repeat opens the text
    )


def test_md_title_opens_the_text_unless_the_body_repeats_it_or_it_is_a_slug(tmp_path: Path) -> None:
    cases = {
        "a.md": ("---\ntitle: Zorbo in talks at $120 Mn valuation\n---\nZorbo said so.\n", "Zorbo in talks at $120 Mn valuation\n\nZorbo said so."),
        "b.md": ("---\ntitle: Zorbo raises $5m\n---\n# Zorbo raises $5m\n\nBody.\n", "# Zorbo raises $5m\n\nBody."),
        "c.md": ("---\ntitle: zorbo-raises-5m\n---\nBody.\n", "Body."),
    }
    for name, (raw, text) in cases.items():
        assert read(write(tmp_path, name, raw)).text == text, name


def test_md_datetime_value_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "x.md", "---\r\ndate: 2024-05-06 10:00:00\r\n---\r\n\r\n# Head\r\n\r\nBody.\r\n")
    article = read(path)
    assert article.published == date(2024, 5, 6)
    assert article.text == "# Head\n\nBody."
    assert article.title == "Head"  # no title key: the first heading


def test_md_without_front_matter(tmp_path: Path) -> None:
    article = read(write(tmp_path, "x.md", "# Plain\n\nJust text.\n"))
    assert (article.title, article.published, article.text) == ("Plain", None, "# Plain\n\nJust text.")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("---\ntitle: ok\ndate: [2024\n---\nBody\n", "front matter is not valid YAML (line 4)"),
        ("---\ntitle: a: b: c\n---\nBody\n", "front matter is not valid YAML (line 2)"),
        ("---\ntitle: ok\nBody without end\n", "front matter is not closed (no '---' line after it)"),
        ("---\n- a\n- b\n---\nBody\n", "front matter is not a mapping of keys to values (it is a list)"),
        ("---\ntitle: Only metadata\n---\n\n", "article body is empty"),
    ],
)
def test_md_bad_front_matter(tmp_path: Path, content: str, problem: str) -> None:
    assert problem_of(write(tmp_path, "bad.md", content)) == problem


def test_md_front_matter_never_builds_python_objects(tmp_path: Path) -> None:
    path = write(tmp_path, "evil.md", "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\nBody\n")
    assert problem_of(path).startswith("front matter is not valid YAML")


# -------------------------------------------------------------------------------------------- .html


def test_html_file(tmp_path: Path) -> None:
    article = read(DEVSET / "dv03.html")
    assert article.fmt == "html"
    assert article.url == "https://www.circuitledger.example/2024/03/22/microsoft-inflection-650m"
    assert "143" not in article.text
    assert "raised US$1.3 billion last June" in article.text


def test_htm_suffix_and_declared_charset(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="iso-8859-2"></head><body><article><p>'
        + "Zło\u017ce raised 5 mln z\u0142. " * 10
        + "</p></article></body></html>"
    )
    article = read(write(tmp_path, "pl.HTM", html.encode("iso-8859-2")))
    assert article.text.startswith("Zło\u017ce raised 5 mln z\u0142.")


def test_html_without_body_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.html", "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    assert problem_of(path) == "no article body found in the HTML"


# ---------------------------------------------------------------------------------------- decoding


def test_utf8_bom(tmp_path: Path) -> None:
    article = read(write(tmp_path, "bom.txt", "\ufeff date 2024-01-02\nCafé raised €5m.\n".encode("utf-8")))
    assert article.text == "Café raised €5m."
    assert article.published == date(2024, 1, 2)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    text = "Café raised €5m.\r\nSecond line."
    data = text.encode(codec) if codec == "utf-16" else ("\ufeff" + text).encode(codec)
    assert read(write(tmp_path, "u16.txt", data)).text == "Café raised €5m.\nSecond line."


def test_latin1_and_cp1252_fallback(tmp_path: Path) -> None:
    data = "Café Müller raised £5m \u201cquickly\u201d.".encode("cp1252")
    assert read(write(tmp_path, "l1.txt", data)).text == "Café Müller raised £5m \u201cquickly\u201d."
    assert read(write(tmp_path, "l2.txt", "Señor Ñandú".encode("latin-1"))).text == "Señor Ñandú"


def test_newlines_are_normalised(tmp_path: Path) -> None:
    assert read(write(tmp_path, "nl.txt", "a\r\nb\rc\n")).text == "a\nb\nc"


def test_same_text_same_id(tmp_path: Path) -> None:
    first = read(write(tmp_path, "one.txt", "Same text.\n"))
    second = read(write(tmp_path, "two.txt", "Same text.\r\n"))
    assert first.article_id == second.article_id == article_id_for("Same text.")
    assert read(first_path := tmp_path / "one.txt").article_id == first.article_id  # stable across re-reads
    assert first_path.exists()


# -------------------------------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b" \n\t\r\n  ", "file has only whitespace"),
        ("blank.md", "\ufeff\n\n".encode(), "file has only whitespace"),
        ("image.txt", PNG, "binary content (PNG image), not text"),
        ("doc.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary content (PDF document), not text"),
        ("nul.txt", b"text with a \x00 NUL", "binary content (NUL bytes), not text"),
        ("ctrl.txt", bytes(range(1, 32)) * 4 + b"some text", "undecodable text: too many control characters for UTF-8, UTF-16 or Latin-1 text"),
        ("badbom.txt", b"\xef\xbb\xbfok \xff\xfe then junk", "starts with a UTF-8 byte order mark but is not valid UTF-8 (at byte offset 6)"),
        ("odd16.txt", b"\xff\xfea\x00b", "starts with a UTF-16 byte order mark but is not valid UTF-16 (at byte offset 4)"),
        ("date.txt", b" date 2024-01-02\n\n  \n", "article body is empty"),
    ],
)  # fmt: skip
def test_bad_files(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    assert problem_of(write(tmp_path, name, content)) == problem


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "x" * 3000)
    assert problem_of(path, max_bytes=1024) == "file is 2.9 KB, over the 1 KB limit"
    assert read(path, max_bytes=3000).text == "x" * 3000


def test_size_limit_message_in_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse 50 MB file: no disk used
        handle.truncate(50 * 1024 * 1024)
    assert problem_of(path) == "file is 50.0 MB, over the 20 MB limit"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod does not stop root, so the open itself is made to fail as it would for another user.
    path = write(tmp_path, "secret.txt", "text")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    assert problem_of(path) == "cannot read file: permission denied"
    [skipped] = list(iter_articles([path], today=TODAY))
    assert skipped == Skipped(str(path), "cannot read file: permission denied", True)


def test_missing_file_and_unsupported_type(tmp_path: Path) -> None:
    assert problem_of(tmp_path / "nope.txt") == "no such file or directory"
    assert problem_of(write(tmp_path, "a.pdf", b"%PDF-")) == "unsupported file type .pdf"


def test_fifo_is_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert problem_of(fifo) == "not a regular file"  # would block forever if it were opened


# ------------------------------------------------------------------------------------------- dates


def test_impossible_date_is_dropped_and_reported(tmp_path: Path) -> None:
    warnings: list[str] = []
    path = write(tmp_path, "a.txt", " date 2024-02-30\nAcme raised $5m.")
    article = read(path, warnings=warnings)
    assert article.published is None
    assert article.text == "Acme raised $5m."  # the bad date line is still metadata
    assert warnings == [f"{path}: published date '2024-02-30' is not a real date; left empty"]


def test_impossible_yaml_date_is_dropped_and_reported(tmp_path: Path) -> None:
    warnings: list[str] = []
    path = write(tmp_path, "a.md", "---\ndate: 2024-02-30\n---\nBody.")
    assert read(path, warnings=warnings).published is None
    assert warnings == [f"{path}: published date '2024-02-30' is not a real date; left empty"]


def test_future_date(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", " date 2025-09-04\nBody.")
    warnings: list[str] = []
    assert read(path, warnings=warnings).published is None
    assert warnings == [f"{path}: published date 2025-09-04 is in the future (today is 2025-09-01); left empty"]
    assert read(write(tmp_path, "b.txt", " date 2025-09-03\nBody.")).published == date(2025, 9, 3)  # 2 days slack


def test_warnings_are_optional(tmp_path: Path) -> None:
    assert read(write(tmp_path, "a.txt", " date 2024-13-01\nBody.")).published is None


# ------------------------------------------------------------------------------------ iter_articles


def test_iter_articles_walks_sorted_and_reports_every_file(tmp_path: Path) -> None:
    write(tmp_path, "b/2.md", "---\ntitle: Two\n---\nTwo.")
    write(tmp_path, "b/1.txt", "One.")
    write(tmp_path, "a.TXT", "Zero.")
    write(tmp_path, "c/report.pdf", b"%PDF-1.4")
    write(tmp_path, "c/notes", b"no suffix")
    write(tmp_path, "c/empty.txt", b"")
    write(tmp_path, "c/bad.md", "---\ntitle: [\n---\nBody")
    write(tmp_path, "c/big.html", "<article>" + "<p>word</p>" * 300 + "</article>")
    write(tmp_path, ".hidden/x.txt", "Hidden.")
    write(tmp_path, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    results = list(iter_articles([tmp_path, tmp_path / "missing"], max_bytes=1024, today=TODAY))
    summary = [
        (Path(r.path).relative_to(tmp_path).as_posix(), r.text if isinstance(r, Article) else (r.reason, r.is_error))
        for r in results
    ]
    assert summary == [
        ("a.TXT", "Zero."),
        ("b/1.txt", "One."),
        ("b/2.md", "Two."),
        ("c/bad.md", ("front matter is not valid YAML (line 3)", True)),
        ("c/big.html", ("file is 3.2 KB, over the 1 KB limit", True)),
        ("c/empty.txt", ("file is empty", True)),
        ("c/notes", ("unsupported file type (no extension)", False)),
        ("c/report.pdf", ("unsupported file type .pdf", False)),
        ("missing", ("no such file or directory", True)),
    ]


def test_iter_articles_survives_a_symlink_loop(tmp_path: Path) -> None:
    write(tmp_path, "d/a.txt", "A.")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d", target_is_directory=True)
    (tmp_path / "d" / "self").symlink_to(tmp_path / "d" / "self")  # a link to itself: broken
    results = list(iter_articles([tmp_path / "d"], today=TODAY))
    assert results[0] == read(tmp_path / "d" / "a.txt")
    assert results[1] == Skipped(
        str(tmp_path / "d" / "loop"), f"folder already read as {tmp_path / 'd'} (symlink loop or duplicate)", False
    )
    assert results[2].is_error and results[2].path.endswith("self")  # type: ignore[union-attr]
    assert len(results) == 3


def test_iter_articles_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.reading as reading

    def boom(html: str) -> object:
        raise RuntimeError("parser exploded\nwith two lines")

    monkeypatch.setattr(reading, "clean_html", boom)
    path = write(tmp_path, "x.html", "<p>hi</p>")
    assert list(iter_articles([path], today=TODAY)) == [
        Skipped(str(path), "unexpected error: RuntimeError: parser exploded", True)
    ]


def test_iter_articles_collects_warnings(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", " date 2024-02-30\nBody.")
    warnings: list[str] = []
    [article] = list(iter_articles([path], today=TODAY, warnings=warnings))
    assert isinstance(article, Article) and article.published is None
    assert warnings == [f"{path}: published date '2024-02-30' is not a real date; left empty"]


def test_iter_articles_reads_the_devset_and_seeds() -> None:
    results = list(iter_articles([DEVSET, SEEDS], today=TODAY))
    assert [r for r in results if isinstance(r, Skipped)] == []
    assert len(results) == 22
    assert len({r.article_id for r in results if isinstance(r, Article)}) == 22


def test_fixture_files_exist() -> None:
    assert sorted(p.name for p in READING.iterdir()) == ["graph_jsonld.html", "no_article.html"]


def test_md_compact_integer_date(tmp_path: Path) -> None:
    assert read(write(tmp_path, "x.md", "---\ndate: 20240322\n---\nBody.")).published == date(2024, 3, 22)


# ------------------------------------------------------------------------------------------ properties

@given(st.binary(max_size=300))
def test_decode_text_only_raises_value_error(data: bytes) -> None:
    try:
        text = decode_text(data)
    except ValueError as err:
        assert "\n" not in str(err)
    else:
        assert "\r" not in text and "\x00" not in text


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff"), max_size=200))
def test_utf8_text_round_trips(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(text.encode("utf-16")) == text


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_iter_articles_never_raises_on_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    [result] = list(iter_articles([path], today=TODAY))
    if isinstance(result, Article):
        assert result.text and result.text == result.text.strip()
        assert result.article_id == article_id_for(result.text)
    else:
        assert result.is_error and "\n" not in result.reason
