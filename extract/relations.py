"""Stage 2, relations: which metric a money figure is, with what modality, from the cue tables.

For each money figure of a sentence, the cue nearest to it decides the metric (``extract/cues/*.toml``):
one right after it ("$5m Series A"), else the last one before it in its clause ("has raised $5m"),
else one later in the clause ("$6bn that it disclosed"). ``modality.toml`` then says whether the
figure happened: a valuation in talks is a target, an amount sought, a denied or hypothetical figure is
not stored. The owner comes from the discourse model (stage 3).

>>> from datetime import date
>>> from extract import extract_article
>>> x = extract_article("Acme, a payments start-up, is in talks to raise $200m at a $2bn valuation.",
...                     published=date(2024, 5, 2))
>>> [(m.metric, m.value) for m in x.metrics]
[('valuation_target', 2000000000.0)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.discourse import Discourse
from extract.document import Document, Sentence
from extract.figures import CHANGE_FROM, money_in
from extract.lexicon import MODALITY, MONEY, Cue
from extract.mentions import Money
from extract.names import LABEL_PREFIX
from extract.numbers import STORED_CURRENCIES, parse_count
from extract.sentences import CLAUSE_BREAK

__all__ = ["Claim", "View", "money_claims", "MIN_MONEY"]

# inline patterns, compiled once (hot paths)
_RX0 = re.compile((r"\s+of\s+(?:the|its|their)\s+"))
_RX1 = re.compile((r"\b(?:promised|pledged|committed|offered|planned)\b"))
_RX2 = re.compile((r"(?<!-)\b(?:debt|loans?|credit (?:line|facility)|bankruptcy|bonds?|borrow\w*)\b(?!-)"))  # (not "a home-loan platform")
_RX3 = re.compile((r"\blenders?\b[^.;]{0,30}?\b(?:provid\w+|lend\w*|extend\w*|gave|giving|offer\w*)\s+"
                   r"(?!(?:\w+\s+)?(?:raised|raises|secured|closed|landed|bagged|picked up)\b)(?:\w+\s+){0,2}$"))  # (not "lender Kwacha Lend raised")
_RX4 = re.compile((r"\binvest"))
_RX5 = re.compile((r"\b(?:debt|loans?|credit)\b"))
_RX6 = re.compile((r"\band\b|,"))
_RX7 = re.compile((r"\b(?:valuation|value|revenue|sales)\b"))
_RX8 = re.compile((r"\bquarterly\b"))

#: amounts below this are prices and per-user figures, not company figures (revenue can be tiny: "less
#: than $1,000 in revenue" of a failing start-up)
MIN_MONEY = 10_000
MIN_REVENUE = 100

_PERIOD = re.compile(
    r"^[^.;]{0,40}?(?:\b|(?=/))(?P<p>a month|per month|each month|every month|monthly|/month|/mo\b|/yr\b|/year|a week|per week|each week"
    r"|every week|weekly|a year|per year|per annum|"
    r"annually|each year|a quarter|per quarter|quarterly|for (?:that|the|this) year|in (?:that|the) year)\b"
    r"(?! (?:of (?:runway|cash|funding|money)|ago|or so|and a half)\b)(?! (?:earlier|later|before|after)(?:[,.;)]|$))",  # (not "a year of runway", "a year ago")
)
_MONTHLY_LEFT = re.compile(
    r"\bmonthly\s+(?:(?:cash|net|operating|running|gross)\s+)*(?:burn|burning|spending|expenses|costs|outgoings|outflows?)\b|\bburn(?:s|ing)? rate\b"
)
_YEARLY_LEFT = re.compile(r"\b(?:annual|yearly|full-year)\b|\bfor\s+(?:the\s+)?(?:year|(?:fiscal\s+)?(?:19|20)\d\d)\b")
_QUARTER_RIGHT = re.compile(
    r"^[^.;]{0,30}?\b(?:in|during|over)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|latest|past)\s+quarter|q[1-4]\b|three months)"
)
_HALF_RIGHT = re.compile(r"^[^.;]{0,30}?\b(?:in|during|over)\s+the\s+(?:(?:first|second)\s+half|six months)")
_YEAR_RIGHT = re.compile(
    r"^[^.;]{0,30}?\b(?:last year|this year|in (?:fiscal )?(?:19|20)\d\d|over the (?:past|last) (?:year|twelve months|12 months)|in fy\d\d)"
)
_SPAN_RIGHT = re.compile(
    r"^[^.;]{0,30}?\b(?:in|during|over)\s+(?:the\s+|its\s+)?(?:same\s+|past\s+|last\s+|first\s+|previous\s+)?"
    r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)\s+(?P<u>months|years)\b"
)
_SPEND_PLAN = re.compile(r"\b(?:would|will|plans? to|to)\s+spend\s+\S*\s*$")
_SPEND_ON = re.compile(r"^[^.;,]{0,30}?\b(?:a|per|each) (?:month|year|quarter)\s+on\s+([^.;]*)")
_PER_PERIOD = re.compile(r"^\s?(?:a|per) (?:month|year)\b(?! later| earlier| ago| before| after)")
_PART_OF = re.compile(r"(?<!\bon top )(?<!\bin excess )(?<!\bin addition )\bof\s+(?:the|its|their)\s+$")  # (not "on top of the $1bn it secured")
#: hedge words between a change word and its figure ("has come down to about $4m", "from nearly $1bn")
_HEDGES = r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|just over|just under|less than)\s+)*"
_INHERIT = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell|grew|increased|decreased|compared with|compared to|versus|against|jumped|surged)\s+)?"
    r"\bfrom\s+(?:a\s+(?:peak|high|low)\s+of\s+)?(?:(?:about|around|roughly|some|nearly|almost|more than|over|just over|just under|less than|as much as|up to)\s+)*$"
    r"|\b(?:including|along with|as well as|plus|against|versus|vs\.?|compared with|compared to)\s+(?:(?:about|around|roughly|some|nearly|almost|more than|over|another|just)\s+)*$"
    r"|\b(?:(?:a|one|two)[ -](?:third|quarter|half|fifth|tenth)s?|half|double|twice|triple|a fraction)\s+(?:of\s+)?the\s+$"
    # the same quantity later: "burn, which hit $7m in 2022, has come down to about $4m"
    r"|\b(?:has|have|had)\s+(?:since\s+)?(?:come|came|gone|fallen|dropped|risen|climbed|shrunk|grown)\s+(?:down\s+|back\s+|up\s+)?to\s+"
    + _HEDGES + "$"
)
_VAL_AT = re.compile(r"\bvaluation\b[^$€£₹;]{0,50}\bat\s+(?:\w+\s+){0,2}$")
_WORTH_SUBJECT = re.compile(r"(?:\b(?:it|company|start-?up|firm|business),?|[A-Z][\w\-]*)\s$")
_ALLOTTED = re.compile(r"\b(?:allot(?:ted|s)?|issued)\b[^.;]{0,120}$")
_TO_RAISE = re.compile(
    r"\b(?:to raise|(?:is|are|was|were|to be|been) (?:currently |now |also |reportedly )?raising|(?:will|would) (?:commit|pledge)|clos(?:ed|ing|es) in on|seeking|seek|sought|wanted|hoped|hoping|aims?|plans?|target\w*|looking for|asking for|in talks for"
    r"|approached for|asked for|sounded out (?:about|for|on)|pitching for|pitched for|lobbying for|about (?:putting|investing|injecting)"
    r"|(?:talks|conversations|negotiations?|discussions?|negotiating|negotiates)\s+(?:for|over|about|on|to (?:raise|secure|close|lead|land|get)))\s+(?:\w+\s+){0,6}$"
)
# "Larkspur Ventures, the Boston investor that manages about $4bn": an investor's money under management
_MANAGES = re.compile(r"\b(?:that|which|who)\s+(?:now\s+)?(?:manages|oversees|runs|controls)\s+(?:[\w\-]+\s+){0,3}$")
#: a roundup's list of names with their rounds in brackets: "Tallypay ($42m), Farmlink ($3.1m)"
_NAME_PAREN = re.compile(r"(?:^|[\s,:;])[A-Z][\w\-.]*(?:\s[A-Z][\w\-.]*){0,2}\s\($")
_RAISED_LIST = re.compile(r"\b(?:raised|raise|raising|funding|funded|rounds|deals|backed)\b")
_HEADLINE_RAISING = re.compile(r"(?<!after )(?<!since )(?<!by )(?<!from )(?<!been )(?<!having )(?<!days of )(?<!day of )(?<!weeks of )(?<!week of )"
                               r"(?<!months of )(?<!month of )\braising\s+(?:[\w\-]+\s+){0,3}$")
_TICKET = re.compile(r"^\s+into\s+(?:the|its|a|an|(?:[A-Z][\w\-.]*+\s){0,2}[A-Z][\w\-.]*['’]s)\s+(?:[\w\-]++\s+){0,2}?(?:round|fund|funding|raise|deal)\b")
#: a fund's size: "closed its $120 million debut fund", "a $350 million fourth fund"
_FUND_SIZE = re.compile(r"\s+(?:(?!(?:from|by|of|in|into|the|its|their|a|an|to|for|with|and)\b)[\w\-]+\s+){0,2}?(?:fund|funds|vehicle)\b")
_OWN_FUNDS = re.compile(
    r"\s(?:[\w\-]++\s){0,2}?(?:for|across)\s(?:its|their|a|two|three|four|several|new)\s(?:[\w\-]++\s){0,4}?(?:funds?|vehicles?)\b"
    r"|\s(?:in|of)\s(?:equity\sand\sdebt|debt\sand\sequity)\b"  # a total that mixes debt in is no equity raised
)
_INVESTOR_SPEND = re.compile(r"^\s+(?:in|into)\s+(\S+(?:\s+\S+){0,3})")
_INVEST_TARGET = re.compile(
    r"(?:(?:the|a|an|its|this|that|another)\s+(?:[\w\-]+\s+){0,3}?(?:company|start-?up|firm|business|round|deal|funding|venture"
    r"|maker|developer|group|app|application|platform|marketplace|service|\w*tech|neobank|lender|unicorn|provider|operator"
    r"|retailer|brand|lab)\b|it\b|them\b|[A-Z])"
)
_WE = re.compile(r"\b(?:[Oo]ur|[Ww]e|[Ww]e've|[Ww]e're)\b")
_MIXED_WHOLE = re.compile(r"\s*(?:\([^)]{0,60}\))?,?\s+(?:of which|including|comprising|made up of|split between|split into)\s")
_LABEL = re.compile(
    r"[ \t*_•\-]*[A-Za-z][\w \-/()’']{1,40}:[ \t*_]*(?:(?:about|around|roughly|some|nearly|almost|over|more than|under|less than"
    r"|just over|just under|approximately|an estimated|est\.|c\.|~)\s*)?$"
)
_ELLIPSIS = re.compile(r"(?:^|[,;])\W*(?:and\s+|with\s+)?(?:one|another|the other|the (?:first|second|third|last|latter|former))\s+(?:of|for|worth|at)\s+$")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def says_respectively(s: str) -> bool:
    """``_RESPECTIVELY.search(s)``, ruled out first by a substring test on ASCII text (exact there, and cheaper)."""
    return (not s.isascii() or "respectively" in s.lower()) and _RESPECTIVELY.search(s) is not None


_AND_PAIR = re.compile(r",?\s+and\s+|,\s+")  # figures shared out in order: "$90m and $60m(, respectively)"
_AND_LIST = re.compile(
    r"(?:\s+(?:in|by|during|last|this)\s+(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:19|20)\d\d)(?:\s+(?:19|20)\d\d)?)?,?\s+and\s+(?:another\s+|a further\s+)?|,\s+"
)  # "raised $4m and $2.5m", "raised $25m in March and $55m in August"
_BOTH = re.compile(r"\bboth\s+(?:\w+\s+){0,3}$")
_EACH_VALUED = re.compile(r"\beach\s+(?:(?:valued|worth|raised|secured|closed|landed)\s+)(?:\w+\s+){0,2}$")  # "A and B, each valued above $8bn"
#: two startups as one subject, then a raise and its figure: "Challenger bank A and fashion retailer B, also based in
#: Amsterdam, raised more than €100 million" (a round is no joint venture: each raised it)
_JOINT_LEFT = re.compile(r"[\W_]*(?:[A-Z][\w\-]*\s+)?(?:[a-z][\w\-]*\s+){0,4}")
_JOINT_AND = re.compile(r"\s+and\s+(?:[a-z][\w\-]*\s+){0,4}")
_JOINT_RAISED = re.compile(
    r"(?:,[^,;]{1,60},)?\s+(?:have\s+|had\s+|also\s+|each\s+)*(?:raised|secured|closed|landed|bagged|picked\s+up|pulled\s+in)\s+"
    r"(?:(?:more\s+than|over|about|around|nearly|roughly|some|almost|just\s+over|upwards\s+of)\s+)?"
)


@dataclass(slots=True)  # not frozen: built by the thousand (frozen ones build four times slower)
class Claim:
    """A figure read as one metric of one company (before dates and de-duplication)."""

    company: str
    metric: str
    value: float
    unit: str
    qualifier: str
    start: int
    end: int
    sentence: Sentence
    projected: bool = False
    person: str | None = None  # departures: who (each person counts once per article)
    alt: tuple[str, float] | None = None  # the same amount in another currency ("€1.7bn (about $2bn)")
    table: bool = False  # read from a table row (the text often tells the same figure again)


@dataclass
class View:
    """One sentence under study: its text, lower-cased text and clause breaks."""

    doc: Document
    sentence: Sentence
    s: str
    low: str
    _breaks: list[tuple[int, int]] | None = None
    _money: list[Money] | None = None
    #: quotation marks read so far in the paragraph: (its start, up to, straight marks, whether the last curly one opens)
    _quotes: tuple[int, int, int, bool] | None = None

    @classmethod
    def of(cls, doc: Document, sentence: Sentence) -> View:
        return cls(doc, sentence, doc.text[sentence.start : sentence.end], doc.low[sentence.start : sentence.end])

    @property
    def money(self) -> list[Money]:
        """The sentence's money figures (found once)."""
        if self._money is None:
            self._money = money_in(self.s)
        return self._money

    def clause(self, rel: int) -> tuple[int, int]:
        """Bounds (relative) of the clause holding offset ``rel``."""
        if self._breaks is None:
            self._breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(self.s)]
        start, end = 0, len(self.s)
        for a, b in self._breaks:
            if b <= rel:
                start = b
            elif a >= rel:
                end = a
                break
        return start, end

    def in_quotes(self, rel: int) -> bool:
        t = self.doc.text
        pos = self.sentence.start + rel
        a = t.rfind("\n", 0, pos) + 1  # (the paragraph so far, counted in place)
        q = self._quotes
        if q is not None and q[0] == a and q[1] <= pos:  # (figures come in order: count on from the last one)
            start, straight, opened = q[1], q[2], q[3]
        else:
            start, straight, opened = a, 0, False
        straight += t.count('"', start, pos)
        # curly marks do not nest: the last one before the figure says (an opening mark left unclosed, as in "“well ahead of
        # the competition, said its CEO. ... “New York is our fastest growing market,” he said", ends at the next one)
        o, c = t.rfind("“", start, pos), t.rfind("”", start, pos)
        if o != c:  # (both -1: no curly mark since the last figure, the answer stands)
            opened = o > c
        self._quotes = (a, pos, straight, opened)
        return opened or straight % 2 == 1


# ---- classification ------------------------------------------------------------------------------


_SPEECH_WORDS = frozenset("said says say saying told tells added adds wrote writes noted notes stated explained according claimed claims "
                          "insisted argued announced tweeted posted quipped joked".split())


def _scare_quoted(s: str, f: Money) -> bool:
    """A few words of the writer's sentence quoted from a source, not a quote of speech: 'raised a $15M Series A at a
    valuation "north of $100M."' (the quote opens after an ordinary word, close before the figure, and closes soon after)."""
    q = max(s.rfind("“", 0, f.start), s.rfind('"', 0, f.start))
    if q < 1 or f.start - q > 40 or s[q - 1] != " ":
        return False
    close = s.find("”" if s[q] == "“" else '"', f.end)
    if close < 0 or close - f.end > 40:
        return False
    words = s[:q].split()  # (s[q - 1] is a space: the word before the quote is the last of these)
    return bool(words) and words[-1].isalpha() and words[-1].islower() and words[-1] not in _SPEECH_WORDS


def _blocked(v: View, f: Money) -> bool:
    """Figures a sentence does not assert: quoted (unless the company speaks of itself), denied, hypothetical."""
    ca, cb = v.clause(f.start)
    if v.in_quotes(f.start) and not _WE.search(v.s[ca:cb]) and not _scare_quoted(v.s, f):
        return True
    if MODALITY.first("denied", "clause", v.low[ca:cb]):
        return True
    if MODALITY.first("conditional", "left", v.low[max(ca, f.start - 60) : f.start]) is not None:
        return False  # "a round that could value the company at up to $80m": a valuation sought, read as such
    return MODALITY.first("hypothetical", "left", v.low[max(ca, f.start - 80) : f.start]) is not None


def _cue_for(v: View, f: Money, lo: int, next_start: int) -> Cue | None:
    """The cue nearest the figure: right after it, else before it in its clause, else later in it."""
    low = v.low
    after = f.end + 1 if low.startswith(")", f.end) else f.end  # "KES 650 million ($5 million) in debt financing"
    cue = MONEY.right_after(low[after : after + 50])
    if cue is not None:
        return cue
    pair = _PAIRED_FIGURE.match(low, after) if low.startswith(" and ", after) else None
    if pair is not None and (cue := MONEY.right_after(low[pair.end() : pair.end() + 50])) is not None:
        return cue  # "their €823 and €672 million Series C rounds": the pair shares the cue after the second
    left = low[lo : f.start]
    if left.endswith("(") and _NAME_PAREN.search(v.s, max(0, f.start - 40), f.start) and _RAISED_LIST.search(low):
        return Cue("funding_raised", "before", "name (", "")  # "startups that raised: Tallypay ($42m), Farmlink ($3.1m)"
    if "valuation" in left and _VAL_AT.search(left):  # (the pattern wants the word: a cheap test first)
        return Cue("valuation", "before", "valuation at", "")  # "put its valuation after the round at $580m"
    cue = MONEY.nearest_before(left)
    if cue is not None and cue.table == "valuation" and left[cue.start : cue.end].endswith("worth"):
        if not _WORTH_SUBJECT.search(v.s[lo : lo + cue.start]):
            return Cue("none", "before", "worth", "")  # "the rescue is worth $9.5bn": a deal's worth
    if cue is not None:
        return cue
    _, cb = v.clause(f.start)
    right = low[f.end : min(cb, next_start)]
    if _RX0.fullmatch(right):
        # "$20m of the $50m ... actually arrived": what happens to the part is said after the whole
        right = _RX1.sub(" ", low[f.end : cb])
    return MONEY.first_later(right)


#: " and " and the second figure of a pair ("$8 and $12 million"), up to its end
_PAIRED_FIGURE = re.compile(r" and (?:[$€£]|us\$|usd |eur )\s?\d[\d.,]*(?:\s?(?:million|billion|mn|bn|m|b)\b)?")
_FIGURE_NEXT = re.compile(r"\s+(?:(?:Funds|Funding|Money|Cash|Capital|New Funds|Fresh Funds|Investment)\s+(?:at|At)\s+(?:an?\s+)?)?(?:[$€£¥₹]|US\$|USD\b|\d)")  # (also "Seeks Funds at $1 Billion")


def _valuation_modality(v: View, f: Money, ca: int) -> str:
    """valuation or valuation_target: a 'sought' or 'conditional' cue in the clause before the figure,
    unless an 'achieved' cue lies between it and the figure or follows the figure."""
    left = v.low[ca : f.start]
    sought = MODALITY.find("sought", "left", left)
    for _ in range(3):  # a capitalised cue word inside the sentence is a name: "led by Target Global at $400m"
        at = ca + sought.start() if sought is not None else 0
        if sought is None or at == 0 or not v.s[at].isupper() or v.s.startswith(("I'", "I’"), at) or (
                v.sentence.headline and _FIGURE_NEXT.match(v.s, ca + sought.end())):
            break  # (a Title Case headline's verb before its figure, "Moonshot Targets £7.9 Billion Valuation", is a cue)
        left = left[: sought.start()] + " " * (sought.end() - sought.start()) + left[sought.end() :]
        sought = MODALITY.find("sought", "left", left)
    sought = sought or MODALITY.find("conditional", "left", left)
    if sought is None:
        return "valuation"
    achieved = MODALITY.find("achieved", "left", left[sought.end() :])
    _, cb = v.clause(f.start)
    if achieved is not None or MODALITY.first("achieved", "right", v.low[f.end : cb]) is not None:
        return "valuation"
    return "valuation_target"


def _funding_allowed(v: View, f: Money, left: str) -> bool:
    """Not an amount sought or promised on a condition, a debt, one investor's ticket into a round, or an
    investor's own spending."""
    s = v.s
    if v.sentence.headline and "raising" in left and _HEADLINE_RAISING.search(left):
        return False  # "Acme raising at least $2 bln in funding round - sources": a headline's "is raising", sought
    sought = _TO_RAISE.search(left)
    if sought and not (sought.group(0).startswith("to raise") and _ALLOTTED.search(left, 0, sought.start())):
        return False  # (but "allotted 4,500 shares ... to raise INR 54 Cr": a filing of money raised)
    if MODALITY.first("conditional", "left", left[-60:]) or MODALITY.first("conditional", "sentence", v.low):
        return False
    if _RX2.search(left[-40:].rsplit(",", 1)[-1]) or _RX3.search(left) or _MANAGES.search(left[-50:]):
        return False
    if _TICKET.match(s[f.end : f.end + 50]) or _OWN_FUNDS.match(v.low, f.end) or _FUND_SIZE.match(v.low, f.end):
        return False  # one investor's ticket; "raised about $6 billion for its newest set of funds": an investor's own
    inv = _INVESTOR_SPEND.match(s[f.end : f.end + 60])
    if inv and _RX4.search(left + v.low[f.end : f.end + 12]) and not _INVEST_TARGET.match(inv.group(1)):
        return False  # "invest $300m in health services": the investor's own plans
    return not _PER_PERIOD.match(v.low[f.end : f.end + 20])


def _burn_divisor(v: View, f: Money, ca: int, cb: int, cue: Cue) -> float | None:
    """Months per stated period of a spending figure; None when no period is stated."""
    low, left = v.low, v.low[ca : f.start]
    if "spend" in left and _SPEND_PLAN.search(left):  # (the pattern wants the word: a cheap test first)
        return None  # a spending plan is not the burn
    m = _SPEND_ON.match(low[f.end : cb])
    if m and not _RX6.search(m.group(1)):
        return None  # spending on one thing ("$12m a year on cloud computing") is a cost
    per = _PERIOD.match(low[f.end : cb])
    if per is None and f.other is not None and f.other[1] < f.parts[0][0]:  # "Rs 20 crore a month ($2.4m)"
        per = _PERIOD.match(low[f.other[1] : f.parts[0][0]])
    p = per.group("p") if per else ""
    if p and "month" not in p and _MONTHLY_LEFT.search(left) and per is not None and per.start("p") > 12:
        p = "month"  # "with a monthly burn near $2m, it has a year's runway": the cue says monthly; the period is another's
    if not p and _MONTHLY_LEFT.search(left):
        p = "month"
    if not p and cue.position == "after" and "month" in cue.pattern:
        p = "month"
    if not p:
        rest = low[f.end : cb]
        span = _SPAN_RIGHT.match(rest) if "burn" in left else None
        if span is not None:  # "burned through $108 million over the same nine months", "over its last two years" (a burn
            # cue only: "a project consumed $2.5 million of processing over four months" is no company's burn)
            n = parse_count(span.group("n")) or 0
            return n * (12 if span.group("u") == "years" else 1) or None
        p = ("year" if _YEARLY_LEFT.search(left) or _YEAR_RIGHT.match(rest) else
             "quarter" if _RX8.search(left) or _QUARTER_RIGHT.match(rest) else
             "half" if _HALF_RIGHT.match(rest) else "")  # fmt: skip
    if not p:
        return None
    if "week" in p:
        return 12 / 52  # "$1 million a week": about 4.3 million a month
    return 12.0 if ("year" in p or "yr" in p or "annum" in p or "annual" in p) else 6.0 if "half" in p else 3.0 if "quarter" in p else 1.0


def _metric_of(v: View, f: Money, lo: int, next_start: int, last: tuple[str, float] | None) -> tuple[str, float] | None:
    """(metric, divisor) of one money figure, or None when it is no metric."""
    ca, cb = v.clause(f.start)
    left = v.low[lo : f.start]
    part_of = left.rstrip().endswith(("the", "its", "their")) and _PART_OF.search(left)  # (how its match ends: a cheap test first)
    if part_of and not _RX7.search(left) and not (last is not None and _INHERIT.search(left)):
        return None  # "$20m of the $50m": the whole is context for the part
    if _MIXED_WHOLE.match(v.low, f.end) and _RX5.search(v.low[f.end : cb]):
        return None  # "$190m, of which $170m were capital and $20m venture debt": the parts carry the rows
    cue = _cue_for(v, f, lo, next_start)
    if last is not None and cue is not None and cue.position in ("after", "later") and cue.table != last[0] and _FROM_LEFT.search(left):
        return last  # "its valuation dropped to $300m from $1bn in a down round": the change's other end, whatever follows
    if cue is None and _MONTHLY_RIGHT.match(v.low, f.end) and _asked_burn(v):
        cue = Cue("burn_rate", "before", "asked about burn", "")  # "What is your burn now?" / "Roughly $350,000 a month."
    if cue is None and last is not None and _INHERIT.search(left):
        return last  # "up from $16m", "including $4m": same kind as the figure before
    if cue is None or cue.table == "none":
        return None
    metric = cue.table
    if metric == "valuation":
        metric = _valuation_modality(v, f, ca)
    elif metric == "valuation_target" and cue.position == "before" and MODALITY.first("achieved", "right", v.low[f.end : cb]) is not None:
        metric = "valuation"  # "30% below the $6 billion it was valued by private investors": reached, not sought
    elif metric == "funding_raised" and not _funding_allowed(v, f, v.low[ca : f.start]):
        return None
    if metric == "burn_rate":
        div = _burn_divisor(v, f, min(ca, lo), cb, cue)  # (from a label's start: "Monthly burn: $1.1m")
        return None if div is None else (metric, div)
    return metric, 1.0


_FROM_LEFT = re.compile(r"\b(?:up|down)?\s*from\s+" + _HEDGES + "$")
_MONTHLY_RIGHT = re.compile(r"\s(?:a|per|each|every) month\b")
_BURN_QUESTION = re.compile(r"\b(?:burn|burning|burn rate|cash burn|spending|spend)\b[^?\n]{0,80}\?")


def _asked_burn(v: View) -> bool:
    """The figure answers an interview question about burn: the paragraph before the answer's asks it."""
    doc, st = v.doc, v.sentence
    para_start = st.start
    for s in reversed(doc.sentences[: st.index + 1]):
        if s.paragraph != st.paragraph:
            break
        para_start = s.start
    before = doc.low[max(0, para_start - 200) : para_start].rstrip(" *_\n")
    question = before[before.rfind("\n") + 1 :]
    return question.endswith("?") and _BURN_QUESTION.search(question) is not None


def _projected(v: View, f: Money) -> bool:
    ca, _ = v.clause(f.start)
    return MODALITY.first("projected", "left", v.low[ca : f.start]) is not None


# ---- owners and claims ---------------------------------------------------------------------------


def _startups_before(v: View, d: Discourse, end: int, sentence=None) -> list[str]:
    """Distinct startups (or organisations nothing says are investors) named in a sentence before ``end``."""
    sent = sentence or v.sentence
    out: list[str] = []
    for n in d.names.between(sent.start, min(sent.end, sent.start + end)):
        if (n.is_startup or (n.kind == "org" and d._neutral_org(n))) and n.key not in out:
            out.append(n.key)
    return out


def _coordinated(v: View, figures: list[Money]) -> list[list[int]]:
    """Groups of figures written as a list: "$4 million and $2.5 million", "$8m, $5m and $2m"."""
    groups: list[list[int]] = []
    for k, f in enumerate(figures):
        if k and _AND_PAIR.fullmatch(v.s[figures[k - 1].end : f.start]) and f.currency == figures[k - 1].currency:
            groups[-1].append(k)
        else:
            groups.append([k])
    return [g for g in groups if len(g) >= 2]


def _pairs(v: View, d: Discourse, figures: list[Money]) -> dict[int, list[str]]:
    """Figures shared out among companies: "A and B raised $90m and $60m(, respectively)" pairs them in
    order (with the names of the sentence before when this one only says "the two"); "A and B both raised
    $180m", and two startups as one subject of a raise ("A and B raised $100m"), give the figure to each."""
    out: dict[int, list[str]] = {}
    resp = says_respectively(v.s)
    for group in _coordinated(v, figures):
        names = _startups_before(v, d, figures[group[0]].start)
        back = v.sentence.index - 1
        while resp and len(names) < len(group) and back >= 0 and back >= v.sentence.index - 3:
            prev = v.doc.sentences[back]  # "The two fintechs raised ... respectively": named earlier
            names = _startups_before(v, d, prev.end - prev.start, prev)
            back -= 1
        if len(names) >= len(group) and (resp or len(names) == len(group)):
            for k, key in zip(group, names[-len(group) :]):
                out[k] = [key]
    for k, f in enumerate(figures):
        before = v.low[max(0, f.start - 40) : f.start]
        # (the word first: a cheap test) "A and B both raised $180m"; "A, B and C are each valued above $8 billion"
        most = 2 if "both" in before and _BOTH.search(before) else 5 if "each" in before and _EACH_VALUED.search(before) else 0
        if k not in out and most:
            names = _startups_before(v, d, f.start)
            if 2 <= len(names) <= most:
                out[k] = names
        elif k not in out and " and " in v.s[: f.start]:
            joint = _joint_subject(v, d, f)
            if joint is not None:
                out[k] = joint
    return out


def _joint_subject(v: View, d: Discourse, f: Money) -> list[str] | None:
    """The two startups that open the sentence as one subject of the raise of ``f``, if they do."""
    sa = v.sentence.start
    named = [n for n in d.names.between(sa, sa + f.start) if n.kind not in ("place", "nationality")]
    if len(named) < 2 or not all(n.is_startup or (n.kind == "org" and d._neutral_org(n)) for n in named[:2]) or named[0].key == named[1].key:
        return None
    a, b = named[:2]  # (any other name is in the aside between the second and its verb: checked last)
    t = v.doc.text
    if a.possessive or b.possessive or not (_JOINT_LEFT.fullmatch(t, sa, a.start) and _JOINT_AND.fullmatch(t, a.end, b.start)):
        return None
    return [a.key, b.key] if _JOINT_RAISED.fullmatch(t, b.end, sa + f.start) else None


def _claims_of(v: View, f: Money, company: str, metric: str, div: float, projected: bool) -> list[Claim]:
    sa = v.sentence.start
    unit = f.currency if metric != "burn_rate" else f"{f.currency}/month"
    quals = ["range_low", "range_high"] if f.is_range else [f.qualifier]
    out = []
    alt = None
    if f.other is not None and not f.is_range:
        other = [x for x in money_in(v.s[f.other[0] : f.other[1]])]
        if other:
            alt = (other[0].currency, other[0].values[0] / div)
    floor = MIN_REVENUE if metric == "revenue" else MIN_MONEY
    for (a, b), value, q in zip(f.parts, f.values, quals):
        if value < floor:
            continue
        out.append(Claim(company, metric, value / div, unit, q, sa + a, sa + b, v.sentence, projected, alt=alt))
    return out


_AT_GAP = re.compile(r"\s+at\s+(?:(?:about|around|roughly|nearly|almost|more than|over|just over|just under|a|an)\s+)?")
_TO_GAP = re.compile(r"(?:\s+(?:in|at|by|during|at the end of)\s+[\w ]{1,20}?)?,?\s+to\s+(?:(?:about|around|roughly|nearly|almost|more than|over|just over|just under|less than|under)\s+)?")


#: from one bracketed figure to the name before the next: "), and German IoT tech company Tado"
_BRACKET_NEXT = re.compile(r"\),?\s+(?:and\s+)?(?:[\w\-’'&.]+\s+){0,6}?[\w\-’'&.]+")


def _bracketed(s: str, f: Money) -> bool:
    """A figure in brackets after a name: "Lendix ($13.5 million)"."""
    return s.endswith(" (", 0, f.start) and s.startswith(")", f.end)


def money_claims(v: View, d: Discourse) -> list[Claim]:
    """Every metric claim made by the money figures of one sentence."""
    figures = v.money
    if not figures:
        return []
    paired = _pairs(v, d, figures)
    out: list[Claim] = []
    last: tuple[str, float] | None = None
    last_owners: list[str | None] | None = None
    for k, f in enumerate(figures):
        prev_end = figures[k - 1].end if k else 0
        next_start = figures[k + 1].start if k + 1 < len(figures) else len(v.s)
        if _blocked(v, f):
            continue
        ca, _ = v.clause(f.start)
        label = _deal_label(v, d, f) if not k else None
        if label is not None:  # "2. **Gridvolt, $85M, energy software:** ...": a roundup item's round
            out.extend(_claims_of(v, f, label, "funding_raised", 1.0, False))
            last, last_owners = ("funding_raised", 1.0), [label]
            continue
        if k and last is not None and last[0] == "funding_raised" and _AT_GAP.fullmatch(v.s, prev_end, f.start):
            got: tuple[str, float] | None = (_valuation_modality(v, f, ca), 1.0)  # "raised $200m at $1.5bn": the price
        elif k and last is not None and (_AND_LIST.fullmatch(v.s[prev_end : f.start]) or (
                _TO_GAP.fullmatch(v.s, prev_end, f.start) and CHANGE_FROM.search(v.s, max(0, figures[k - 1].start - 90), figures[k - 1].start))):
            got = last  # "raised $4m and $2.5m", "cut its burn from $5m to $2m": the same kind
        elif k and last is not None and _bracketed(v.s, figures[k - 1]) and _bracketed(v.s, f) and _BRACKET_NEXT.fullmatch(v.s, prev_end, f.start - 2):
            got = last  # "investments included startup A (€31 million) and p2p-lender B ($13.5 million)": a list of rounds
        else:
            lo = 0 if not k and _LABEL.match(v.s, 0, f.start) else max(ca, prev_end)  # "Total raised: $75m"
            got = _metric_of(v, f, lo, next_start, last)
            if got is None and not k:
                got = _same_as_before(v, d, f, ca)
            if got is None and _ELLIPSIS.search(v.low[max(ca, prev_end) : f.start]):
                # "two more investments, one of $150m in X and another of $200m in Y": the noun is before the clause
                got = last or _metric_of(v, f, prev_end, next_start, last)
        if got is None:
            continue
        inherited = bool(k) and last is not None and got == last and _INHERIT.search(v.low[max(ca, prev_end) : f.start]) is not None
        last = got
        owners: list[str | None]
        if paired.get(k):
            owners = list(paired[k])
        elif inherited and last_owners is not None:
            owners = last_owners  # "African startups raised $2.2bn, down from $2.9bn": the same owner (none)
        else:
            owners = [d.owner(v.sentence, v.sentence.start + f.start, v.sentence.start + f.end)]
        last_owners = owners
        if f.currency not in STORED_CURRENCIES:
            continue
        for company in owners:
            if company is not None:
                out.extend(_claims_of(v, f, company, got[0], got[1], _projected(v, f)))
    if last is not None:
        d.last_money = (v.sentence.index, last[0], last[1])
    return out


#: a roundup item's label: the startup's name opening the line (after a list number or markup), then its round
_DEAL_LABEL_GAP = re.compile(r"(?:\*\*|__)?(?:,\s|\s\(|\s[-–—]\s)(?:US)?$")
_DEAL_LABEL_RIGHT = re.compile(r"\s?(?:,|\)|:|\*\*|\s[-–—]\s)")


def _deal_label(v: View, d: Discourse, f: Money) -> str | None:
    """The startup whose round a label states: "2. **Gridvolt, $85M, energy software:**", "Acme ($12M, Series A):"."""
    sa = v.sentence.start
    t = v.doc.text
    if f.is_range or f.start > 80 or not v.s.endswith((", ", " (", "- ", "– ", "— ", ", US", " (US"), 0, f.start) \
            or not LABEL_PREFIX.search(t, max(0, sa - 40), sa):
        return None  # (a label opens its line: the sentence starts it, after markup or a list number at most)
    names = [n for n in d.names.between(sa, sa + f.start) if n.kind in ("startup", "org")]
    if len(names) != 1:
        return None
    n = names[0]  # (the list number may have been split off as a sentence of its own: the line decides)
    if not (LABEL_PREFIX.search(t, max(0, n.start - 40), n.start) and _DEAL_LABEL_GAP.fullmatch(v.s, n.end - sa, f.start)
            and _DEAL_LABEL_RIGHT.match(v.s, f.end)):
        return None
    return n.key if n.is_startup or d._neutral_org(n) else None


#: a figure that restates the quantity of the sentence before: "That figure is now about $4m a month", "Today it's closer to $1.2m"
_SAME_FIGURE = re.compile(
    r"^(?:that|the|this) (?:figure|number|amount|total|rate|sum)\b[^,;]{0,30}$"
    r"|^(?:today|now),? (?:it|that)(?:['’]s| is| was| stands at| sits at)\b[^,;]{0,30}$"
    r"|^(?:it|that)(?:['’]s| is) now\b[^,;]{0,30}$"
)


def _same_as_before(v: View, d: Discourse, f: Money, ca: int) -> tuple[str, float] | None:
    """The metric of the figure the sentence before gave, when this one restates it."""
    prev = d.last_money
    if prev is None or prev[0] != v.sentence.index - 1 or prev[1] not in ("burn_rate", "revenue", "valuation"):
        return None
    if _SAME_FIGURE.match(v.low[ca : f.start]) is None:
        return None
    if prev[1] != "burn_rate":
        return prev[1], 1.0
    div = _burn_divisor(v, f, ca, v.clause(f.start)[1], Cue("burn_rate", "before", "that figure", ""))
    return ("burn_rate", div) if div is not None else ("burn_rate", prev[2])

