"""Write extract/data/first_names.txt and extract/data/common_words.txt.

first_names.txt: given names ranked in the top 400 of at least one country in names-dataset (a person
with a common given name and a surname is told from "Kazi Haul" by the grammar around it, but a name
with no other evidence is a person). common_words.txt: the 20,000 most frequent English words in
wordfreq ("Separately, ..." at the start of a sentence is a word, not a company).

Needs the dev tools names-dataset and wordfreq (not runtime dependencies):

    pip install names-dataset wordfreq && python scripts/build_wordlists.py
"""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "extract" / "data"
MAX_RANK = 400
COMMON = 20_000


def first_names() -> list[str]:
    from names_dataset import NameDataset

    out = []
    for name, d in NameDataset().first_names.items():
        ranks = [v for v in (d.get("rank") or {}).values() if v]
        if ranks and min(ranks) <= MAX_RANK and re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ]{1,14}", name):
            out.append(name)
    return sorted(set(out))


def common_words() -> list[str]:
    from wordfreq import top_n_list

    return sorted({w for w in top_n_list("en", COMMON) if re.fullmatch(r"[a-z][a-z\-']*", w)})


def main() -> None:
    names = first_names()
    (DATA / "first_names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    words = common_words()
    (DATA / "common_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(names)} first names, {len(words)} common words -> {DATA}")


if __name__ == "__main__":
    main()
