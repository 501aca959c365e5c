"""Stage 2, relations for named people: departures counted from names and roles, and leadership events.

"Jane Roe resigned", "Roe's departure", "co-founders A and B joined Bigco", "the company's CFO and COO
quit" each count the people named (each person once per article); a leave of absence is no departure.
Every departure and appointment also becomes an `Event` with the person, the role and the kind.

>>> from datetime import date
>>> from extract import extract_article
>>> x = extract_article("Acme, the AI start-up, said chief scientist Jane Roe and co-founder John Doe have "
...                     "left to join Bigco.", published=date(2024, 5, 2))
>>> [(m.metric, m.value) for m in x.metrics], sorted(e.person for e in x.events)
([('departed_talent', 1.0), ('departed_talent', 1.0)], ['Jane Roe', 'John Doe'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract._regex import Folded
from extract.discourse import Discourse
from extract.lexicon import MODALITY, NAMED_DEPARTURE, NAMED_DEPARTURE_NOUN
from extract.mentions import Name
from extract.names import INVESTOR_SUFFIX, SUFFIX_RE
from extract.relations import Claim, View
from models.records import Event

__all__ = ["PeopleState", "people_claims"]

# between a person's name and the verb it governs: an appositive or relative clause, and a few words
_SUBJECT_GAP = re.compile(
    r"^(?:['’]s)?,?\s*(?:,\s[^,;]{1,160},\s*)?(?:[a-z]+\s){0,3}$|^,\s(?:who|which)\b[^,.;:]{0,80}$"
)
_ROLE_NP = (
    r"(?:the|its|their|[A-Z][\w\-]*['’]s)(?:\s+company['’]s)?\s+(?:former\s+|then\s+)?(?:chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer"
    r"|chief\s+executive|chief\s+scientist|head\s+of\s+[A-Za-z]+(?:\s+[a-z]+)?|general\s+counsel|president"
    r"|co-founder|founder|[a-z]+\s+director|director\s+of\s+[a-z]+|vice-president\s+of\s+[a-z]+|C[EFTOMPR]O"
    r"|(?:finance|technology|marketing|product|operating|legal|people|commercial|sales|revenue|science|research)\s+chief)"
)
_ROLE_BARE = (
    r"(?:chief\s+[a-z]+(?:\s+[a-z]+)?\s+officer|chief\s+executive|chief\s+scientist|head\s+of\s+[A-Za-z]+(?:\s+[a-z]+)?"
    r"|general\s+counsel|president|co-founder|founder|C[EFTOMPR]O)"
)
_ROLE_DEPART = re.compile(
    rf"(?P<seq>{_ROLE_NP}(?:(?:,\s+|\s+and\s+|,\s+and\s+)(?:{_ROLE_NP}|{_ROLE_BARE}))*)\s+(?:(?:has|had|have|also|then|both|later|now)\s+)*"
    r"(?P<v>resigned|resigns|left|leaves|quit|quits|departed|departs|stepped down|steps down|exited|exits|walked out"
    r"|(?:was|were|has been|have been) (?:poached|hired away|lured away|ousted|fired|pushed out)|(?:is|are) (?:stepping down|leaving))\b"
    rf"|\b(?:lost|loses|losing)\s+(?P<seq2>{_ROLE_NP})\s+to\b"
)
_TOP_ROLE = re.compile(r"^role:(?:co-founder|founder|chief executive|ceo|president)$")
_APPOINT = re.compile(
    r"\b(?:appoint\w*|named|names|hires|hired|has hired|picks|picked|replaces|replaced|takes over|will take over|promoted|taps|tapped|elevated)\b",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(?:chief executive|ceo|co-ceos?|co-chief executives?|chief operating officer|chief technology officer"
    r"|chief financial officer|chief scientist|coo|cto|cfo|president|chairman|founder|co-founder|cofounder|head of [a-z]+)\b",
    re.IGNORECASE,
)
_LEAVE = re.compile(r"\b(?:leave of absence|sabbatical|extended leave|medical leave|parental leave|on leave|taking (?:a |some )?time off|temporarily)\b", re.I)
_BACKER_LIST = re.compile(
    r"\b(?:investors|backers|shareholders|funds|firms|investment firms|venture firms|lenders)\s+(?:including|such as|like|led by)\s+"
    r"((?:(?:[A-Z][\w&.\-]*(?:['’]s)?|of|and|&|the|former)(?:\s|,\s)?)+)"
)
_NOT_PERSON_RIGHT = re.compile(r"^(?:['’]s)?\s+(?:founders?|co-founders?|ceo|chief|boss|employees|staff|investors|board)\b")
_JOIN_RE = Folded(r"\bjoin\w*|to lead\b|hired by\b|moved to\b|decamped to\b|poached\b|lured\b")


@dataclass
class PeopleState:
    """What one article has counted so far: people who left (once each) and events."""

    departed: set[str] = field(default_factory=set)
    event_keys: set[tuple[str, str]] = field(default_factory=set)
    events: list[Event] = field(default_factory=list)


def _looks_like_person(name: str) -> bool:
    toks = name.split()
    return 2 <= len(toks) <= 3 and all(re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-Z][a-z]+)?", x) for x in toks)


def _people_in(v: View, d: Discourse) -> list[Name]:
    sa, t = v.sentence.start, v.doc.text
    lists = [(sa + x.start(1), sa + x.end(1)) for x in _BACKER_LIST.finditer(v.s)]
    first_words = {k.split()[0] for k in d.names.startups}
    out = []
    for n in d.names.between(sa, sa + len(v.s)):
        person = n.kind == "person" or (n.kind == "org" and _looks_like_person(n.surface) and n.surface.split()[0] not in first_words)
        if (person and not _NOT_PERSON_RIGHT.match(t[n.end : n.end + 30]) and not INVESTOR_SUFFIX.search(n.surface)
                and not SUFFIX_RE.match(n.surface.split()[-1]) and not any(a <= n.start < b for a, b in lists)):  # fmt: skip
            out.append(n)
    return out


def _subject_of(v: View, people: list[Name], vpos: int, noun: bool) -> Name | None:
    t = v.doc.text
    if noun:  # "Roe's departure", "the departure of Jane Roe"
        poss = [p for p in people if p.end <= vpos and re.match(r"^['’]s\s(?:own\s|sudden\s|abrupt\s)?$", t[p.end : vpos])]
        if poss:
            return poss[-1]
        aft = [p for p in people if p.start >= vpos and re.match(r"^\S+\s+(?:from|of)\s+(?:[\w\-]+\s+){0,4}$", t[vpos : p.start])]
        return aft[0] if aft else None
    for p in reversed([p for p in people if p.end <= vpos]):
        if _SUBJECT_GAP.match(t[p.end : vpos]):
            return p
    return None


def _coordinated(v: View, people: list[Name], person: Name) -> list[Name]:
    """"Jane Doe and John Roe left": everyone coordinated with the subject left too."""
    t = v.doc.text
    group = [person]
    earlier = [p for p in people if p.end <= person.start]
    while earlier and re.fullmatch(r",?\s+(?:and\s+)?|,\s+", t[earlier[-1].end : group[0].start]):
        group.insert(0, earlier.pop())
    return group


def _event_kind(text: str) -> str:
    if re.search(r"resign|step", text, re.I):
        return "resigned"
    return "hired_away" if _JOIN_RE.search(text) else "departed"


def _named_departures(v: View, d: Discourse, st: PeopleState, counted_at: list[int]) -> list[Claim]:
    sa, t = v.sentence.start, v.doc.text
    people = _people_in(v, d)
    out: list[Claim] = []
    hits = [(m, False) for m in NAMED_DEPARTURE.finditer(v.low)] + [(m, True) for m in NAMED_DEPARTURE_NOUN.finditer(v.low)]
    for m, noun in sorted(hits, key=lambda h: h[0].start()):
        vpos = sa + m.start()
        if any(c < vpos for c in counted_at):
            continue  # the names enumerate a group already counted
        if not noun and m.group(0) == "left" and re.search(r"\b(?:is|was|were|are|be|been|what|nothing|have|has)\s+$", v.low[: m.start()]):
            continue
        person = _subject_of(v, people, vpos, noun)
        if person is None or (v.in_quotes(m.start()) and not noun and "last day" not in m.group(0)):
            continue
        if _LEAVE.search(v.s[m.start() : m.start() + 60]) or _LEAVE.search(v.s[max(0, m.start() - 30) : m.start()]):
            continue  # a leave of absence is not a departure
        out.extend(_count_group(v, d, st, _coordinated(v, people, person), m, vpos))
    return out


def _destination_is_other(v: View, d: Discourse, end: int) -> bool:
    """"who left Google in 2019": leaving another organisation is not a departure from this one."""
    sa = v.sentence.start
    nxt = [n for n in d.names.between(sa + end, sa + end + 3)]
    return bool(nxt) and nxt[0].kind not in ("startup", "person") and not _looks_like_person(nxt[0].surface)


def _count_group(v: View, d: Discourse, st: PeopleState, group: list[Name], m: re.Match[str], vpos: int) -> list[Claim]:
    sa = v.sentence.start
    verb = m.group(0)
    if verb.startswith(("left", "quit", "exited", "departed", "resigned")) and _destination_is_other(v, d, m.end()):
        return []
    company = _company_left(v, d, m.end()) or d.owner(v.sentence, group[0].start, group[0].end)
    if company is None:
        return []
    role = _ROLE.search(v.s)
    kind = _event_kind(v.s[m.start() :]) if not re.search(r"resign|step", verb) else "resigned"
    out = []
    for who in group:
        key = who.surface.split()[-1].lower()
        if key in st.departed:
            continue
        st.departed.add(key)
        out.append(Claim(company, "departed_talent", 1.0, "persons", "exact", vpos, sa + m.end(), v.sentence, person=key))
        st.events.append(Event(company, who.surface, role.group(0).lower() if role else None, kind, vpos, sa + m.end(), v.s, sa))
    return out


def _company_left(v: View, d: Discourse, end: int) -> str | None:
    """"resigned from X", "left X", "stepped down as chief executive of X": the company named after the verb."""
    sa = v.sentence.start
    after = v.s[end:]
    for n in d.names.between(sa + end, sa + end + 60):
        if n.is_startup and re.match(r"^\s+(?:(?:as\s[\w\s\-]{0,40}?\s)?(?:of|from|at)\s|)(?:the\s)?$", v.doc.text[sa + end : n.start]):
            return n.key
    del after
    return None


def _role_departures(v: View, d: Discourse, st: PeopleState, counted_at: list[int]) -> list[Claim]:
    """Office-holders named only by role who leave together in one sentence: one row with their number."""
    sa = v.sentence.start
    rows: dict[str, list] = {}
    for rd in _ROLE_DEPART.finditer(v.s):
        vg = "v" if rd.group("v") else "seq2"
        vpos = sa + rd.start(vg)
        if any(c < vpos for c in counted_at) or _LEAVE.search(v.s[rd.start() : rd.end() + 40]):
            continue
        seq = rd.group("seq") or rd.group("seq2")
        roles = re.findall(_ROLE_NP, seq) + re.findall(r"(?:\band\s+|,\s+)" + _ROLE_BARE, seq)
        keys = ["role:" + re.sub(r"^\S+\s+(?:company['’]s\s+)?", "", r.lower()) for r in roles]
        new = [k for k in keys if k not in st.departed]
        if not new:
            continue
        st.departed.update(new)
        seq_start = sa + (rd.start("seq") if rd.group("seq") else rd.start("seq2"))
        pm = re.match(r"[A-Z][\w\-]*(?:\s[A-Z][\w\-]*)*['’]s?\s", seq)
        at = seq_start + pm.end() if pm else seq_start
        company = d.owner(v.sentence, at, at)
        if company is None:
            continue
        row = rows.setdefault(company, [0, vpos, sa + rd.end(vg), []])
        row[0] += len(new)
        row[3].extend(new)
    return [Claim(c, "departed_talent", float(n), "persons", "exact", vs, ve, v.sentence, person="|".join(keys))
            for c, (n, vs, ve, keys) in rows.items()]  # fmt: skip


def _appointments(v: View, d: Discourse, st: PeopleState) -> None:
    sa, t = v.sentence.start, v.doc.text
    interim = re.search(r"\binterim\b", v.s, re.I) is not None
    if not interim and not (_APPOINT.search(v.s) and _ROLE.search(v.s)):
        return
    company = d.owner(v.sentence, sa, sa)
    if company is None:
        return
    kind = "interim" if interim else "appointed"
    for p in _people_in(v, d):
        key = p.surface.split()[-1].lower()
        if key in st.departed or p.kind != "person" or (key, kind) in st.event_keys:
            continue
        ctx = t[max(sa, p.start - 60) : min(sa + len(v.s), p.end + 60)]
        if kind == "appointed" and not _APPOINT.search(ctx):
            continue
        st.event_keys.add((key, kind))
        role = _ROLE.search(ctx)
        st.events.append(Event(company, p.surface, role.group(0).lower() if role else None, kind, p.start, p.end, v.s, sa))


def people_claims(v: View, d: Discourse, st: PeopleState, counted_at: list[int]) -> list[Claim]:
    """Departures named in one sentence (people and roles), and its leadership events into ``st``."""
    if MODALITY.first("denied", "clause", v.low):
        return []
    out = _named_departures(v, d, st, counted_at) + _role_departures(v, d, st, counted_at)
    _appointments(v, d, st)
    return out
