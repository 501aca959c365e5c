"""A seeded generator of news-like startup articles (.txt, .md, .html) for benchmarks and scale tests.

The same seed gives the same corpus byte for byte. Companies, people and investors are invented from
syllables; figures are random but plausible. Articles are written one at a time (memory stays flat).

    python bench/corpus.py OUT_DIR --n 20000 --seed 7 [--html-share 0.2] [--md-share 0.2]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = "ka lo ri ven tor mi sa qua zen dra fel no ix ar bel cor dun ept gal hyr jun kel".split()
SUFFIXES = ["AI", "Labs", "Robotics", "Health", "Systems", "Energy", "Pay", "Bio", ""]
FIRST = "Maya Tomas Ines Karl Priya Omar Lena Hugo Aiko Felix Sara Jonas Nadia Pavel Rosa Idris".split()
LAST = "Okafor Lindqvist Moreau Tanaka Brennan Castillo Varga Haddad Novak Fischer Quinn Ito".split()
INVESTORS = ["Northwind Capital", "Greyfield Partners", "Bluepeak Ventures", "Harbor Lane", "Ostrava Fund"]
CITIES = ["Lisbon", "Austin", "Toronto", "Berlin", "Singapore", "Nairobi", "Denver", "Leeds"]

FILLER = [
    "The company, founded in {year}, sells software that helps {customers} manage their operations.",
    "Its chief executive, {person}, said the market for its products had grown faster than expected.",
    "Analysts said the sector had cooled after a period of rapid expansion and generous funding.",
    "Rivals have struggled to turn early interest into steady sales, according to industry observers.",
    "The startup is based in {city} and has offices in three other countries.",
    "{company} declined to comment on its plans for the rest of the year.",
    "Customers include several large retailers and a number of regional banks, the company said.",
    "The product launched publicly last spring after a long private test with selected customers.",
    "Investors have become more cautious about companies that spend heavily before earning revenue.",
    "A spokesperson said the team remained focused on building products that customers pay for.",
    "The market it targets is crowded, with dozens of competitors offering similar tools.",
    "Some employees said morale had suffered during a turbulent year for the business.",
]

FIGURES = [
    "{company} has raised ${m} million in a Series {series} round led by {investor}.",
    "The round values {company} at ${b} billion, up from its previous valuation.",
    "The startup was valued at ${m2} million after the deal closed in {month}.",
    "{company} is spending roughly ${burn} million a month, according to people familiar with its finances.",
    "The company cut about {lay} jobs on {weekday}, or {pct}% of its staff of {head} employees.",
    "{company} now employs more than {head} people across its offices.",
    "Revenue reached ${rev} million in {ryear}, the company said.",
    "Two senior executives, including the head of sales, left the company in {month}.",
    "{person} stepped down as chief executive in {month} and was replaced on an interim basis.",
    "The company had sought a valuation of ${b2} billion in talks with investors earlier this year.",
    "In total, {company} has raised more than ${tot} million since it was founded.",
    "Its annualised revenue was about ${rev} million as of {month} {ryear}.",
]

MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday".split()

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Ledger Example</title>
<meta property="article:published_time" content="{published}T08:00:00+00:00">
<link rel="canonical" href="https://news.example/{slug}">
<script type="application/ld+json">{ld}</script></head>
<body><div class="cookie-banner"><p>We share data with our {partners} partners.</p><button>Accept</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/tech">Tech</a></li></ul></nav>
<div class="ticker">INDEX {tick1} +{tick2}%</div></header>
<main><article><h1>{title}</h1><p class="byline">By {author}</p>
{paragraphs}
</article>
<aside class="sidebar"><h3>Most read</h3><ul><li>Chipmaker posts ${side1} billion profit</li>
<li>Fund closes at ${side2} million</li></ul></aside></main>
<footer><p>&copy; {pubyear} The Ledger Example. {footer_n} offices worldwide.</p></footer>
<script>var ads = [{ads}]; window.track({tick1});</script></body></html>
"""


@dataclass(frozen=True)
class GeneratedArticle:
    name: str  # file name with extension
    content: str


def _company(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    suffix = rng.choice(SUFFIXES)
    return f"{word} {suffix}".strip()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _sentence(rng: random.Random, template: str, company: str, published: date) -> str:
    head = rng.randint(80, 4000)
    return template.format(
        company=company,
        person=_person(rng),
        investor=rng.choice(INVESTORS),
        city=rng.choice(CITIES),
        customers=rng.choice(["small businesses", "hospitals", "logistics firms", "schools"]),
        year=published.year - rng.randint(2, 9),
        m=rng.randint(5, 400),
        m2=rng.randint(50, 900),
        b=f"{rng.randint(1, 20)}.{rng.randint(0, 9)}",
        b2=rng.randint(2, 30),
        series=rng.choice("ABCDE"),
        burn=rng.randint(1, 40),
        lay=rng.randint(10, max(11, head // 4)),
        pct=rng.randint(5, 30),
        head=f"{head:,}",
        rev=rng.randint(2, 800),
        ryear=published.year - rng.randint(0, 1),
        tot=rng.randint(100, 2000),
        month=rng.choice(MONTHS),
        weekday=rng.choice(WEEKDAYS),
    )


def generate(n: int, seed: int = 7, html_share: float = 0.2, md_share: float = 0.2) -> Iterator[GeneratedArticle]:
    """Yield ``n`` articles; about ``html_share`` are HTML pages and ``md_share`` Markdown."""
    rng = random.Random(seed)
    start = date(2019, 1, 1)
    for i in range(n):
        company = _company(rng)
        published = start + timedelta(days=rng.randint(0, 2500))
        paragraphs = []
        for _ in range(rng.randint(6, 10)):
            sentences = [_sentence(rng, rng.choice(FILLER), company, published) for _ in range(rng.randint(2, 4))]
            if rng.random() < 0.6:
                sentences.insert(rng.randint(0, len(sentences)), _sentence(rng, rng.choice(FIGURES), company, published))
            paragraphs.append(" ".join(sentences))
        title = f"{company} {rng.choice(['raises new funding', 'cuts jobs', 'loses its chief executive', 'reports growth'])}"
        kind = rng.random()
        if kind < html_share:
            ld = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": published.isoformat()})
            content = HTML_PAGE.format(
                title=title,
                published=published.isoformat(),
                slug=f"a{i}",
                ld=ld,
                partners=rng.randint(50, 900),
                tick1=rng.randint(1000, 40000),
                tick2=rng.randint(1, 9),
                author=_person(rng),
                paragraphs="\n".join(f"<p>{p}</p>" for p in paragraphs),
                side1=rng.randint(2, 90),
                side2=rng.randint(10, 900),
                pubyear=published.year,
                footer_n=rng.randint(5, 60),
                ads=",".join(str(rng.randint(1, 999)) for _ in range(5)),
            )
            yield GeneratedArticle(f"a{i:07d}.html", content)
        elif kind < html_share + md_share:
            front = f'---\ntitle: "{title}"\ndate: {published.isoformat()}\nurl: https://news.example/a{i}\n---\n\n'
            yield GeneratedArticle(f"a{i:07d}.md", front + f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n")
        else:
            yield GeneratedArticle(f"a{i:07d}.txt", f" date {published.isoformat()}\n{title}\n\n" + "\n\n".join(paragraphs) + "\n")


def write_corpus(out: Path, n: int, seed: int = 7, html_share: float = 0.2, md_share: float = 0.2, per_dir: int = 1000) -> int:
    """Write the corpus under ``out`` in sub-folders of ``per_dir`` files; returns the bytes written."""
    total = 0
    for i, art in enumerate(generate(n, seed, html_share, md_share)):
        sub = out / f"{i // per_dir:04d}"
        if i % per_dir == 0:
            sub.mkdir(parents=True, exist_ok=True)
        data = art.content.encode("utf-8")
        (sub / art.name).write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--html-share", type=float, default=0.2)
    ap.add_argument("--md-share", type=float, default=0.2)
    a = ap.parse_args()
    size = write_corpus(a.out, a.n, a.seed, a.html_share, a.md_share)
    print(f"{a.n} articles, {size / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
