"""What changed: the facts and signals that appeared or moved between two states of the news.

Two states are compared: the facts and scores *before* (as known on a date, or without some articles) and
*after* (everything). ``diff`` is pure; ``changes_since`` and ``changes_from_articles`` read the two states
from a warehouse; ``format_changes`` words the result for the terminal.

Facts are matched across the two states by their sources (a fact after that shares a metric row with a
fact before is the same fact), so a figure that gains a source, or changes value, is recognised as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.facts import Fact
from models.health import Score, Signal, describe, score_all, score_companies
from models.warehouse import Warehouse

__all__ = ["Change", "diff", "changes_since", "changes_from_articles", "format_changes"]


@dataclass(frozen=True, slots=True)
class Change:
    company: str
    kind: str  # new figure | more sources | moved | now disputed | signal | score
    subject: str  # a metric or a signal label
    before: str | None
    after: str
    quote: str = ""
    source: str = ""  # article path (and date) of the quote

    def line(self) -> str:
        head = f"{self.company}: {self.kind}: {self.subject}: "
        head += f"{self.before} -> {self.after}" if self.before is not None else self.after
        return head


def _keys(f: Fact) -> set[tuple[str, int]]:
    return {(s.article_id, s.row_no) for s in f.sources} or {(f.article_id, f.row_no)}


def _newest_source(f: Fact, old: set[tuple[str, int]]) -> tuple[str, str]:
    fresh = [s for s in f.sources if (s.article_id, s.row_no) not in old] or list(f.sources)
    if not fresh:
        return f.quote, f.article_id
    s = max(fresh, key=lambda s: (s.published is not None, s.published or date.min))
    return s.quote, s.article_path + (f", {s.published}" if s.published else "")


def _fact_changes(before: Sequence[Fact], after: Sequence[Fact]) -> list[Change]:
    owner: dict[tuple[str, int], Fact] = {}
    for f in before:
        for k in _keys(f):
            owner[k] = f
    old = set(owner)
    out = []
    for f in after:
        keys = _keys(f)
        if keys <= old and not f.conflict:
            continue  # nothing new behind this fact
        matches = {owner[k].fact_id: owner[k] for k in keys if k in owner}
        quote, src = _newest_source(f, old)
        if not matches:
            text = describe(f)
            if f.conflict:
                text += f"; disagrees with {f.conflicting_values}"
            out.append(Change(f.company, "new figure", f.metric, None, text, quote, src))
            continue
        prev = max(matches.values(), key=lambda p: p.n_sources)
        if abs(prev.value - f.value) > 1e-9 * max(abs(f.value), 1.0):
            out.append(Change(f.company, "moved", f.metric, describe(prev), describe(f), quote, src))
        elif f.conflict and not prev.conflict:
            out.append(Change(f.company, "now disputed", f.metric, describe(prev),
                              f"{describe(f)}; another article says {f.conflicting_values}", quote, src))
        elif f.n_sources > prev.n_sources:
            out.append(Change(f.company, "more sources", f.metric, describe(prev), describe(f), quote, src))
    return out


def _signal_key(s: Signal) -> tuple[object, ...]:
    return (None if s.subscore is None else round(s.subscore, 1), s.summary, s.flags)


def _signal_changes(before: Score | None, after: Score, old_articles: set[str]) -> list[Change]:
    out = []
    prev = {s.name: s for s in before.signals} if before else {}
    for s in after.signals:
        p = prev.get(s.name)
        if p is not None and _signal_key(p) == _signal_key(s):
            continue
        if p is None and not s.known and not s.evidence:
            continue
        fresh = [e for e in s.evidence if e.article_id not in old_articles] or list(s.evidence)
        e = fresh[-1] if fresh else None
        sub = lambda x: "missing" if x is None or x.subscore is None else f"{x.subscore:.0f}"  # noqa: E731
        was = None if p is None else f"{sub(p)} ({p.summary})"
        flags = f" [{', '.join(s.flags)}]" if s.flags else ""
        out.append(Change(after.company, "signal", s.label, was, f"{sub(s)} ({s.summary}){flags}",
                          e.quote if e else "",
                          (e.article_path + (f", {e.published}" if e.published else "")) if e else ""))
    if before is None or before.value != after.value or before.confidence != after.confidence:
        fmt = lambda sc: "no score" if sc is None or sc.value is None else (  # noqa: E731
            f"{sc.value:.1f} (confidence {sc.confidence:.0%})")
        if not (before is None and after.value is None):
            out.append(Change(after.company, "score", "health score", None if before is None else fmt(before),
                              fmt(after)))
    return out


def diff(
    before_facts: Sequence[Fact],
    after_facts: Sequence[Fact],
    before_scores: dict[str, Score | None],
    after_scores: dict[str, Score | None],
) -> list[Change]:
    """Every fact and signal that appeared or moved from ``before`` to ``after``, company by company."""
    old_articles = {s.article_id for f in before_facts for s in f.sources}
    changes = _fact_changes(before_facts, after_facts)
    for name, sc in after_scores.items():
        if sc is not None:
            changes += _signal_changes(before_scores.get(name), sc, old_articles)
    order = {n: i for i, n in enumerate(after_scores)}
    kinds = ["score", "signal", "new figure", "moved", "now disputed", "more sources"]
    return sorted(changes, key=lambda c: (order.get(c.company, len(order)), c.company, kinds.index(c.kind)))


def _names_touched(before: Sequence[Fact], after: Sequence[Fact]) -> list[str]:
    old = {(s.article_id, s.row_no) for f in before for s in f.sources}
    return sorted({f.company for f in after if _keys(f) - old})


def changes_since(wh: Warehouse, since: date, names: Sequence[str] | None = None) -> list[Change]:
    """What the articles published after ``since`` (and the undated ones) changed."""
    ids = sorted(set(wh.resolve_companies(list(names)).values())) if names else None
    before = wh.facts(ids, as_of=since)
    after = wh.facts(ids)
    touched = list(names) if names else _names_touched(before, after)
    return diff(before, after, score_companies(wh, touched, as_of=since), score_companies(wh, touched))


def changes_from_articles(wh: Warehouse, article_ids: Sequence[str]) -> list[Change]:
    """What the given (newly ingested) articles changed, against the warehouse without them."""
    if not article_ids:
        return []
    ids = wh.companies_in(article_ids)  # only these companies can have changed
    if not ids:
        return []
    before = wh.facts(ids, without=article_ids)
    after = wh.facts(ids)
    events_before = wh.events_for(ids, without=article_ids)
    events_after = wh.events_for(ids)
    names = {f.company: f.company_id for f in after}
    with_facts = set(names.values())
    names.update({cid: cid for cid in ids if cid not in with_facts})  # events only: named by key
    order = sorted(names)
    after_scores = score_all(names, after, events_after, order=order)
    # the same window ends before as after, so only the new articles make a difference
    refs = {names[n]: s.reference_date for n, s in after_scores.items() if s is not None}
    return diff(before, after, score_all(names, before, events_before, order=order, refs=refs), after_scores)


def format_changes(changes: Sequence[Change], *, limit: int | None = None, quotes: bool = True) -> str:
    """One line per change with its source quote under it; at most ``limit`` changes."""
    if not changes:
        return "no changes"
    shown = list(changes if limit is None else changes[:limit])
    out = []
    for c in shown:
        out.append(c.line())
        if quotes and c.quote:
            q = " ".join(c.quote.split())
            q = q if len(q) <= 160 else q[:159] + "\u2026"
            out.append(f"    \u201c{q}\u201d ({c.source})")
    if limit is not None and len(changes) > limit:
        out.append(f"... and {len(changes) - limit} more (see `startup-health changes --since DATE`)")
    return "\n".join(out)
