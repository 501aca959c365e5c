"""A small learned scorer that checks the company the rules chose for each figure.

The rules of `extract.discourse` pick one owner per figure. This module lists the other companies the
figure could belong to (the names of its sentence and of the sentence before, the startup in focus, the
article's main startup), describes each (company, figure) pair by a few dozen plain features (where
the name sits against the figure, its kind, whether it is in focus or in the headline, whether the
rules chose it...), and scores the pairs with a logistic regression trained by
``scripts/train_scorer.py`` on the tune articles (weights in ``extract/data/company_scorer.json``).
A figure moves to another company only when that company outscores the rules' choice by the model's
margin, so the rules stay in charge where the model is unsure.

Pure functions; the model file is read once.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.discourse import Discourse
from extract.document import Document, Sentence
from extract.mentions import Name
from extract.names import NameIndex, common_words
from extract.relations import Claim

__all__ = ["Candidate", "candidates", "rerank", "load_model", "MODEL_PATH", "FEATURES"]

MODEL_PATH = Path(__file__).with_name("data") / "company_scorer.json"

#: the kinds a candidate may have (a product or an unknown organisation may still be a startup)
_KINDS = ("startup", "org", "investor", "incumbent", "product")
_GROUP = {"funding_raised": "money", "valuation": "money", "valuation_target": "money", "burn_rate": "money",
          "revenue": "money", "layoffs": "count", "headcount": "count", "departed_talent": "people"}
_PREP_LEFT = re.compile(
    r"\b(?:with|by|from|to|for|of|into|including|former|and|at|in|on|like|than|versus|vs|unlike|as|over|against|behind"
    r"|after|before|alongside|joined|joining|join|backed|led|acquired|bought|rival|competitor|peer|parent)\s+(?:the\s+)?$",
    re.I,
)
_RAISE_GAP = re.compile(
    r"^(?:['’]s)?\s+(?:\w+\s+){0,3}?(?:raised|raises|raising|closed|closes|secured|secures|landed|lands|bagged|bags|snagged|nabbed"
    r"|picked up|pulled in|brought in|got|gets|received|receives|valued|valuing|values|is worth|was worth|employs|employed|had|has"
    r"|cut|cuts|laid off|lays off|let go|shed|sheds|axed|slashed|burns|burned|burning|generated|reported|posted|made|makes|hit|reached)\b[^,;]{0,40}$",
    re.I,
)
_RIGHT_OF = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:in|into|at|from|of|for|by)\s+(?:the\s+)?$", re.I)
_LEAVE_LEFT = re.compile(r"\b(?:left|leaves|leaving|quit|quits|exited|exits|departed|departs|from|former|ex-|resigned from)\s+(?:the\s+)?$", re.I)
_JOIN_LEFT = re.compile(r"\b(?:join|joins|joined|joining|to|hired by|poached by|for|at)\s+(?:the\s+)?$", re.I)
_BREAK = re.compile(r"[;:]|,\s+(?:while|but|whereas|and|which|who)\b|\s(?:while|whereas)\s")
_PRONOUN = re.compile(r"\b(?:it|its|the (?:start-?up|company|firm|business|platform|app|lender|group))\b", re.I)

#: feature names, in the order of the model's weights
FEATURES = (
    "rule", "main", "focus", "headline", "top_startup", "in_sentence", "in_prev", "in_paragraph",
    "left_nearest", "right_nearest", "left_dist", "right_dist", "sentence_first", "opens_sentence",
    "possessive", "after_preposition", "count_log", "share",
    *(f"kind_{k}" for k in _KINDS),
    "rule_no_name", "focus_no_name", "main_no_name", "rule_pronoun", "focus_pronoun",
    *(f"{g}_{f}" for g in ("count", "people") for f in ("left_nearest", "right_nearest", "main", "rule")),
    "rule_not_startup", "startup_in_sentence_other",
    "orgs_between", "clause_break", "raise_gap", "right_of", "leave_left", "join_left", "tight_left",
    *(f"people_{f}" for f in ("leave_left", "join_left")),
    *(f"evidence_{k}" for k in ("startup", "against", "investor", "incumbent", "product")),
    "descriptors", "first_frac", "common_word", "all_caps", "multiword",
)


@dataclass(slots=True)
class Candidate:
    key: str
    features: list[float]


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    bias: float
    margin: float

    def score(self, x: list[float]) -> float:
        """How well the company fits the figure (a ranking score: only differences between candidates count)."""
        return self.bias + sum(w * v for w, v in zip(self.weights, x))


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> Model | None:
    """The committed model, or None when there is none (the rules' choice then stands)."""
    p = Path(path)
    if not p.exists():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        return None  # trained on another feature set: retrain (scripts/train_scorer.py)
    return Model(tuple(float(w) for w in data["weights"]), float(data["bias"]), float(data["margin"]))


class _Article:
    """What the features need of one article, computed once."""

    def __init__(self, doc: Document, names: NameIndex, d: Discourse):
        self.doc, self.names, self.d = doc, names, d
        self.orgs = [n for n in names.mentions if n.kind in _KINDS]
        self.headline = {n.key for s in doc.sentences if s.headline for n in names.between(s.start, s.end) if n.kind in _KINDS}
        total = sum(e.count for e in names.entities.values() if e.kind in _KINDS) or 1
        self.total = total
        self.top = names.startups[0] if names.startups else None
        self._by_sentence: dict[int, list[Name]] = {}

    def in_sentence(self, s: Sentence) -> list[Name]:
        got = self._by_sentence.get(s.index)
        if got is None:
            got = self._by_sentence[s.index] = [n for n in self.names.between(s.start, s.end) if n.kind in _KINDS]
        return got


def candidates(art: _Article, c: Claim) -> list[Candidate]:
    """The companies claim ``c`` could belong to, each with its features (the rules' choice first)."""
    doc, d, s = art.doc, art.d, c.sentence
    here = art.in_sentence(s)
    prev = art.in_sentence(doc.sentences[s.index - 1]) if s.index else []
    focus = d.focus_at(s)
    keys = [c.company]
    for k in [n.key for n in here] + [focus, d.main] + [n.key for n in prev]:
        if k and k not in keys:
            keys.append(k)
    left = [n for n in here if n.end <= c.start]
    right = [n for n in here if n.start >= c.end]
    para_start = next((x.start for x in reversed(doc.sentences[: s.index + 1]) if x.leads_paragraph), s.start)
    in_para = {n.key for n in art.names.between(para_start, s.start) if n.kind in _KINDS}
    clause_left = doc.text[max(s.start, c.start - 80) : c.start]
    pronoun = _PRONOUN.search(clause_left) is not None
    group = _GROUP.get(c.metric, "money")
    startups_here = {n.key for n in here if n.kind == "startup"}
    out = []
    for k in keys:
        out.append(Candidate(k, _features(art, c, k, here, prev, left, right, in_para, focus, pronoun, group, startups_here)))
    return out


def _features(art: _Article, c: Claim, k: str, here: list[Name], prev: list[Name], left: list[Name], right: list[Name],
              in_para: set[str], focus: str | None, pronoun: bool, group: str, startups_here: set[str]) -> list[float]:
    doc, names, d, s = art.doc, art.names, art.d, c.sentence
    mine = [n for n in here if n.key == k]
    mine_left = [n for n in mine if n.end <= c.start]
    mine_right = [n for n in mine if n.start >= c.end]
    near = mine_left[-1] if mine_left else (mine_right[0] if mine_right else None)
    e = names.entities.get(k)
    kind = e.kind if e is not None else "org"
    rule, main, foc = float(k == c.company), float(k == d.main), float(k == focus)
    no_name = float(not here)
    x = [
        rule, main, foc, float(k in art.headline), float(k == art.top), float(bool(mine)),
        float(any(n.key == k for n in prev)), float(k in in_para),
        float(bool(left) and left[-1].key == k), float(bool(right) and right[0].key == k),
        math.log1p(c.start - mine_left[-1].end) / 6 if mine_left else 1.0,
        math.log1p(mine_right[0].start - c.end) / 6 if mine_right else 1.0,
        float(bool(here) and here[0].key == k), float(bool(mine) and mine[0].start - s.start <= 4),
        float(near is not None and near.possessive),
        float(near is not None and _PREP_LEFT.search(doc.text, max(s.start, near.start - 25), near.start) is not None),
        math.log1p(e.count if e is not None else 0) / 3, (e.count if e is not None else 0) / art.total,
        *(float(kind == t) for t in _KINDS),
        rule * no_name, foc * no_name, main * no_name, rule * pronoun, foc * pronoun,
    ]
    for g in ("count", "people"):
        on = float(group == g)
        x += [on * x[8], on * x[9], on * main, on * rule]
    x += [rule * float(kind != "startup"), float(bool(startups_here - {k}))]
    t = doc.text
    if mine_left:
        a = mine_left[-1].end
        gap = t[a : c.start]
        between = sum(1 for n in here if a <= n.start < c.start)
        x += [math.log1p(between), float(_BREAK.search(gap) is not None), float(len(gap) < 90 and _RAISE_GAP.match(gap) is not None)]
    else:
        x += [0.0, 1.0, 0.0]
    x.append(float(bool(mine_right) and mine_right[0].start - c.end < 40 and _RIGHT_OF.match(t, c.end, mine_right[0].start) is not None))
    lo = near.start if near is not None else 0
    leave = float(near is not None and _LEAVE_LEFT.search(t, max(s.start, lo - 25), lo) is not None)
    join = float(near is not None and _JOIN_LEFT.search(t, max(s.start, lo - 25), lo) is not None)
    x += [leave, join, float(bool(mine_left) and c.start - mine_left[-1].end < 4)]
    people = float(group == "people")
    x += [people * leave, people * join]
    ev = e.evidence if e is not None else {}
    x += [math.log1p(max(0, ev.get(k, 0))) for k in ("startup", "against", "investor", "incumbent", "product")]
    x += [math.log1p(len(e.descriptors)) if e is not None else 0.0, (e.first / len(t)) if e is not None and t else 1.0,
          float(k.lower() in common_words()), float(k.isupper()), float(" " in k)]
    return x


def rerank(doc: Document, names: NameIndex, d: Discourse, claims: list[Claim], model: Model | None = None) -> list[Claim]:
    """Claims with the company moved where the model is surer of another one than of the rules' choice."""
    model = model or load_model()
    if model is None or not claims:
        return claims
    art = _Article(doc, names, d)
    for c in claims:
        if c.table or not c.company:
            continue
        cands = candidates(art, c)
        if len(cands) < 2:
            continue
        scores = [model.score(cd.features) for cd in cands]
        best = max(range(len(cands)), key=scores.__getitem__)
        if best != 0 and scores[best] - scores[0] > model.margin:
            c.company = cands[best].key
    return claims
