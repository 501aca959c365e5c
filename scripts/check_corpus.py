"""Check a folder of test articles: gold.csv and manifest.csv against the corpus rules.

Usage: python scripts/check_corpus.py FOLDER [FOLDER ...]    (exit 1 and one line per problem)

The rules are those of tests/data/news/README.md: the devset's gold format, evidence copied verbatim
from the annotated text, the manifest's vocabularies. Needs only the standard library and models.records.
"""

from __future__ import annotations

import csv
import html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.records import METRICS, QUALIFIERS  # noqa: E402

GOLD_COLUMNS = ["article", "company", "metric", "value", "unit", "qualifier", "period_or_asof", "evidence"]
MANIFEST_COLUMNS = ["article", "style", "region", "multi_startup", "truncated", "traps", "tags"]
GOLD_UNITS = ("USD", "EUR", "GBP", "USD/month", "persons")
STYLES = frozenset(
    "wire business tech newsletter blog press_release reworded translated interview roundup brief".split()
)
REGIONS = frozenset("us uk europe india africa latam sea mena china global".split())
TAGS = frozenset(
    """headline_adjective nationality_place product_name investor_subject sector_statistic
    definite_description maker_of pronoun paragraph_focus respectively
    target_talks target_offer_pitch conditional_deal achieved_earlier denial projection
    depart_everyday poached acquihire n_of_m_gone founders_joined leave_of_absence
    jobs_as_roles pct_of_base_elsewhere staff_remaining growth_from_to layoff_and_headcount_one_sentence
    funding_verb_variant cash_injection price_on_company total_to_date
    slug_title headline_other_currency projection_vs_actual undated dates_in_text
    foreign_currency shorthand_amount""".split()
)
ARTICLE_SUFFIXES = (".txt", ".md", ".html")
_PERIOD = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-\d{2}/\d{4}-\d{2})$")
_COUNT_UNITS = {"departed_talent", "layoffs", "headcount"}


def annotated_text(path: Path) -> str:
    """The part of an article file whose figures are annotated (independent of extract.reading)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".txt":
        lines = raw.split("\n")
        return "\n".join(lines[1:] if lines and lines[0].startswith(" date ") else lines)
    if path.suffix == ".md":
        parts = raw.split("---", 2)
        if raw.startswith("---") and len(parts) == 3:
            title = re.search(r"^title:\s*(.*)$", parts[1], re.M)
            return (title.group(1).strip("'\" ") + "\n" if title else "") + parts[2]
        return raw
    m = re.search(r"<article[^>]*>(.*?)</article>", raw, re.S | re.I)
    if not m:
        return ""
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", m.group(1), flags=re.S | re.I)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def _norm_ws(s: str) -> str:
    return " ".join(s.split())


def check_folder(folder: Path) -> list[str]:
    """Every problem with one folder's articles, gold.csv and manifest.csv, one line each."""
    problems: list[str] = []
    files = {p.name: p for p in sorted(folder.iterdir()) if p.suffix in ARTICLE_SUFFIXES}
    if not files:
        return [f"{folder}: no articles"]
    texts = {name: _norm_ws(annotated_text(p)) for name, p in files.items()}
    for name, t in texts.items():
        if not t.strip():
            problems.append(f"{folder / name}: nothing to annotate (for .html: no <article>)")
    gold_path = folder / "gold.csv"
    annotated: set[str] = set()
    if not gold_path.exists():
        problems.append(f"{gold_path}: missing")
    else:
        with gold_path.open(newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            if header != GOLD_COLUMNS:
                problems.append(f"{gold_path}: header {header} is not {GOLD_COLUMNS}")
            for i, row in enumerate(reader, 2):
                problems += _check_gold_row(f"{gold_path}:{i}", row, files, texts)
                if row:
                    annotated.add(row[0])
    man_path = folder / "manifest.csv"
    listed: set[str] = set()
    if not man_path.exists():
        problems.append(f"{man_path}: missing")
    else:
        with man_path.open(newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            if header != MANIFEST_COLUMNS:
                problems.append(f"{man_path}: header {header} is not {MANIFEST_COLUMNS}")
            for i, row in enumerate(reader, 2):
                problems += _check_manifest_row(f"{man_path}:{i}", row, files)
                if row:
                    listed.add(row[0])
    for name in files:
        if name not in listed:
            problems.append(f"{folder / name}: not in manifest.csv")
    # an article with no gold row is allowed only when the manifest says it is a trap or truncated item
    return problems


def _check_gold_row(where: str, row: list[str], files: dict[str, Path], texts: dict[str, str]) -> list[str]:
    if len(row) != len(GOLD_COLUMNS):
        return [f"{where}: {len(row)} columns, expected {len(GOLD_COLUMNS)}"]
    art, company, metric, value, unit, qualifier, period, evidence = row
    out = []
    if art not in files:
        return [f"{where}: unknown article {art!r}"]
    if not company.strip() or company != company.strip():
        out.append(f"{where}: company {company!r}")
    if metric not in METRICS:
        out.append(f"{where}: metric {metric!r}")
    if unit not in GOLD_UNITS:
        out.append(f"{where}: unit {unit!r}")
    elif (metric in _COUNT_UNITS) != (unit == "persons") or (metric == "burn_rate") != (unit == "USD/month"):
        out.append(f"{where}: unit {unit!r} does not fit {metric}")
    if qualifier not in QUALIFIERS:
        out.append(f"{where}: qualifier {qualifier!r}")
    try:
        if not float(value) > 0 or "," in value or "e" in value.lower():
            out.append(f"{where}: value {value!r} (a plain positive number)")
    except ValueError:
        out.append(f"{where}: value {value!r} is not a number")
    if period and not _PERIOD.match(period):
        out.append(f"{where}: period_or_asof {period!r}")
    if not evidence or _norm_ws(evidence) not in texts[art]:
        out.append(f"{where}: evidence {evidence!r} is not in the annotated text of {art}")
    elif not re.search(r"\d|one|two|three|four|five|six|seven|eight|nine|ten|dozen|half|hundred|eleven|twelve"
                       r"|twenty|thirty|forty|fifty|[A-Z][a-z]+", evidence, re.I):
        out.append(f"{where}: evidence {evidence!r} holds no figure or name")
    return out


def _check_manifest_row(where: str, row: list[str], files: dict[str, Path]) -> list[str]:
    if len(row) != len(MANIFEST_COLUMNS):
        return [f"{where}: {len(row)} columns, expected {len(MANIFEST_COLUMNS)}"]
    art, style, region, multi, trunc, traps, tags = row
    out = []
    if art not in files:
        out.append(f"{where}: unknown article {art!r}")
    if style not in STYLES:
        out.append(f"{where}: style {style!r}")
    if region not in REGIONS:
        out.append(f"{where}: region {region!r}")
    for col, v in (("multi_startup", multi), ("truncated", trunc), ("traps", traps)):
        if v not in ("0", "1"):
            out.append(f"{where}: {col} {v!r} (0 or 1)")
    bad = [t for t in tags.split() if t not in TAGS]
    if bad:
        out.append(f"{where}: unknown tags {bad}")
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    problems: list[str] = []
    for a in argv:
        problems += check_folder(Path(a))
    for p in problems:
        print(p)
    if not problems:
        print(f"ok: {', '.join(argv)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
