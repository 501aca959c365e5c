"""Show how the extractor reads one article: names and their kinds, the focus at each sentence, the
figures found and the metrics they became (a development aid).

    python scripts/explain_article.py PATH [--all]   (--all: every sentence, not only those with figures)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extract import _sentence_claims  # noqa: E402
from extract.discourse import Discourse  # noqa: E402
from extract.document import build_document  # noqa: E402
from extract.figures import counts_in, money_in  # noqa: E402
from extract.names import find_names  # noqa: E402
from extract.people import PeopleState  # noqa: E402
from extract.reading import read_article  # noqa: E402
from extract.relations import View  # noqa: E402


def main(argv: list[str]) -> int:
    a = read_article(argv[0])
    doc = build_document(a.text, a.published, a.title)
    names = find_names(doc)
    print(f"published {a.published}  title {a.title!r}")
    print("startups:", names.startups)
    for k, e in sorted(names.entities.items(), key=lambda kv: kv[1].first):
        print(f"  {k!r:40} {e.kind:11} n={e.count} ev={e.evidence} desc={sorted(e.descriptors)} aliases={sorted(e.aliases)}")
    print("people:", sorted(names.people))
    d = Discourse.build(doc, names)
    st = PeopleState()
    for s in doc.sentences:
        v = View.of(doc, s)
        money, counts = money_in(v.s), counts_in(v.s)
        claims, fr = _sentence_claims(v, d, st)
        if not (money or counts or claims) and "--all" not in argv:
            continue
        tag = "H" if s.headline else ("P" if s.leads_paragraph else " ")
        print(f"\n[{s.index}{tag}] focus={d.focus_at(s)!r}  {v.s[:300]}")
        for m in money:
            print(f"    money {v.s[m.start:m.end]!r} {m.values} {m.currency} {m.qualifier}")
        for c in counts:
            print(f"    count {v.s[c.start:c.end]!r} noun={c.noun} cls={c.noun_class} base={c.of_base}")
        for c in claims:
            print(f"    => {c.company} {c.metric} {c.value} {c.unit} {c.qualifier} {'(projected)' if c.projected else ''}")
        for f in fr:
            print(f"    => pending fraction {f.company} {f.fraction}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
