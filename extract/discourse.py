"""Stage 3, discourse: which startup a figure is about.

The headline sets the first focus; a sentence whose subject is another startup moves it (a paragraph
led by another startup, a roundup's next item); investors, incumbents and products never take it.
Inside a sentence a figure belongs to the startup that governs it ("X raised $5m", "X's 300
employees", "invested $5m in X", "the $6bn that X disclosed"); without one, a pronoun or a definite
description ("it", "the company", "the Austin-based firm", "the maker of Pi") points to the startup in
focus, or to the startup the description fits. A figure whose subject is an investor, an incumbent or
a whole sector ("climate startups drew $4bn") belongs to no startup.

>>> from extract.document import build_document
>>> from extract.names import find_names
>>> t = ("Acme raises $5m\\n\\nAcme, a Lagos-based fintech, raised $5m. Zorbo, an Austin-based start-up, "
...      "raised $3m.\\n\\nThe Lagos-based firm will hire 20 people. It also cut 10 jobs.")
>>> doc = build_document(t)
>>> d = Discourse.build(doc, find_names(doc))
>>> d.owner(doc.sentence_at(t.index("20 people")), t.index("20 people"), t.index("20 people") + 2)
'Acme'
>>> d.owner(doc.sentence_at(t.index("10 jobs")), t.index("10 jobs"), t.index("10 jobs") + 2)
'Acme'
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from extract._regex import grouped
from extract.document import Document, Sentence
from extract.mentions import Name
from extract.names import NameIndex
from extract.sentences import CLAUSE_BREAK

__all__ = ["Discourse"]

# inline patterns, compiled once (hot paths)
_RX0 = re.compile((r"\b(?:it(?!['’]s\b)|its|the (?:start-?up|company|firm))\b"), re.I)  # (not "It's Monday": it is)

#: the verbs of raising a round, present and past: the one list both verb-gap patterns below read
_RAISE_VERBS = "raised|closed|secured|landed|bagged|snagged|nabbed|picked up|pulled in|raises|closes|secures|lands|bags"
#: a name, its verb of raising, the figure: "Zentro closed $40m", "X has raised a further $10m"
_VERB_GAP = re.compile(
    rf"\s(?:has\s|had\s|also\s|just\s|recently\s)?(?:{_RAISE_VERBS})\s(?:a\s|an\s|its\s|another\s|a further\s|a fresh\s|fresh\s)?"
    r"(?:about\s|around\s|roughly\s|nearly\s|over\s|more than\s)?"
)
# a mention after a preposition or "former", or inside an appositive, is not the subject
_ASIDE_LEFT = re.compile(  # (not the end of a modifier: "Pitango-backed Greenhive fires")
    r"\b(?<!-)(?:with|by|from|to|for|of|into|including|former|and|at|in|on|like|than|versus|vs|unlike|as|over"
    r"|against|behind|after|before|alongside|joined|joining|join|backed|owns|own|ex)\s+(?:[a-z\-]+\s+|[A-Z][\w\-]*['’]s\s+){0,3}$"
)
#: a name's verb right before its figure: "Lablink hits a $4bn valuation", "Zorbo has raised about $3m" (also in its
#: relative clause: "companies like Foodics, which raised a total of $198m"); the same as _VERB_GAP with the verbs of
#: reaching a value too, for an organisation nothing types
#: the words between a verb and its figure: "raised a total of about ", "hits a "
_FIGURE_LEAD = r"(?:a\s+|an\s+|its\s+|another\s+|a\s+further\s+|a\s+fresh\s+|a\s+total\s+of\s+)?(?:(?:about|around|roughly|nearly|over|more\s+than|almost|some)\s+)?"
_NAME_VERB_FIGURE = re.compile(
    rf"(?:,\s(?:which|that)\s+|\s)(?:has\s|had\s|also\s|just\s|now\s|then\s|recently\s)?(?:{_RAISE_VERBS}|hits|hit|reached|reaches|crossed"
    r"|crosses|topped|tops|is valued at|was valued at|is worth|was worth)"
    rf"\s{_FIGURE_LEAD}"
)
_APPOSITIVE = re.compile(r",\s(?:the|a|an|which|who|whose|that)\b[^,;]*,")
# a figure inside another organisation's relative clause: "Bigco, which reported revenue of $61bn"
_REL_CLAUSE = re.compile(r"^(?:['’]s)?,\s(?:(?:the|a|an)\s[^,;]{0,50},\s)?(?:which|who)\s[^,;()]*$|^['’]s\s+$")
_REL_INVEST = re.compile(r"\binvest|\b(?:put|poured|pumped|ploughed|backed)\b|\bthat\b|\bthe (?:start-?up|company|firm)\b|\bits?\b")
_OTHER_OWNS = re.compile(
    r"^(?:['’]s)?,?\s+(?:also\s+|itself\s+)?(?!(?:has|had|have)\s+(?:also\s+)?(?:led|co-led|backed|invested|participated|joined|funded|put|poured)\b)"
    r"(?:(?:reported|posted|generated|earned|booked|employs|employed|is valued"
    r"|was valued|spends|spent|made|has|had|closed|raised|manages|oversees)\b[^,;$€£]{0,40}"
    r"|(?:has|had)\s+(?!(?:also\s+)?(?:led|co-led|backed|invested|participated|joined|funded|put|poured)\b)[^,;]{0,30})$"
)
_OTHERS_POSSESSIVE = re.compile(
    r"^['’]s\s+(?:[\w\-]+\s+){0,2}?(?:market value|market cap\w*|valuation|revenue|revenues|sales|stock|shares|share price"
    r"|fund|funds|profit|profits|workforce|headcount|staff|employees)\b"
)
#: the name, then its description holding the figure: "Tallykit, the accounting app now valued at £1.4bn"
_DESCRIBED_VALUE = re.compile(r",\s(?:the|a|an)\s[^,;()]{0,60}?\b(?:now\s|currently\s|last\s|once\s|since\s)?(?:valued|worth)\s(?:at\s(?:about\s|around\s|roughly\s|some\s|nearly\s|more\sthan\s|over\s)?)?")
_TIGHT = re.compile(r"^(?:['’]s)?\s*(?:,\s(?:a|an|the)\s[^,]{0,60}?\b(?:that|which)\s|,\s(?:which|that)\s|['’]s\s)")
_RIGHT_LINK = re.compile(
    r"^\W*(?:that|which|of)\s(?:[\w\-'’]++\s){0,4}$|^\s+of\s+$|^\s+(?:for|from|at)\s+$"
    r"|^\s+(?:[\w\-]++\s+){0,2}?(?:employees|staff|workers|people|engineers|jobs|roles|positions)\s+(?:of|at)\s+$"  # "300 employees of Acme"
    r"|^\s+(?:[\w\-]+\s+){0,3}?(?:round|investment|funding|financing|raise|deal|bet|cheque|check|stake|series [a-z])\s+(?:in|into|for|of)\s+(?:the\s+)?"
    r"(?:[A-Z][a-z]+\s+)?(?:[a-z][\w\-]*\s+){0,3}$",  # ("a $260m Series C for Paris AI accounting firm Balanceo")
    re.I,
)
_RAISED_AFTER = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:already\s+)?(?:raised|secured|landed|pulled\s+in|picked\s+up|took\s+in|brought\s+in|bagged)\b")
_CUT_FROM = re.compile(
    r"\s+(?:employees|people|staff|workers|jobs|roles)?\s*(?:were|was|have been|had been|are being)\s+(?:dismissed|laid off|let go|fired|cut"
    r"|axed|made redundant)\s+(?:from|at|by)\s+(?:the\s+)?$")
#: what may stand between a subject and its verb: an appositive or relative clause set off by commas, "itself"
_SUBJECT_ASIDE = re.compile(r",\s(?:which|who|the|a|an|one)\b[^,;()]{0,90},|\s+itself(?=\s)")


def _past_aside(t: str, at: int, end: int) -> int:
    """Where the verb may start after a subject ending at ``at``: past ", which is India's largest ...,"."""
    m = _SUBJECT_ASIDE.match(t, at, end)
    return m.end() if m is not None else at


def _cut_from(gap: str) -> bool:
    """The text between a count and a name says the count was cut from that company: "about 200 employees were
    dismissed from Bigsoft" (a cheap test of how it ends first)."""
    return gap.endswith(("from ", "at ", "by ", "the ")) and _CUT_FROM.match(gap) is not None


_INTO = re.compile(r"^\s+(?:in|into)\s+(?:[\w\-’']+,?\s+){0,4}$")
_INVEST_BEFORE = re.compile(r"\b(?:invest|put|pour|pump|plough|inject|contribution|stake|backing|cheque|check\b|bet\b)")
# a whole sector or group as the subject: "Indian edtech startups raised $2.4bn", "funding to African startups"
_SECTOR = re.compile(
    r"(?:^|[,;]\s|\b(?:and|but|while|said|says|say|that|reported|estimated|estimates)\s)(?:the\s)?(?:[\w\-’'().]+(?:,\d{3})*\s){0,4}?(?:[Ss]tart-?ups|companies|firms|players|ventures|unicorns"
    r"|businesses|fintechs|the (?:sector|industry|ecosystem|region|segment|space))\b"
    r"|\b(?:funding|investment|investments|capital|money|vc funding|venture funding|venture capital|deal value|deals)\s"
    r"(?:to|for|in|into|going to|raised by|flowing to)\s(?:[\w\-]++\s){0,3}?(?:start-?ups|companies|firms|sector|industry|\w+tech)\b"
    r"|\b(?:start-?up|venture|vc|tech|fintech)\s+(?:funding|investment|deals?|financing)\b"
    r"|\b(?:total value of|in circulation|market for|market size|size of the market|global market)\b"

    # "Israel's cyber sector raised close to $4bn", "seed funding fell 41% to $18.7m this week"
    r"|\b(?:sector|industry|ecosystem)\s+(?:has\s+|had\s+|have\s+)?(?:raised|drew|drawn|attracted|pulled in|took in|taken in|received|secured)\b"
    r"|\b(?:seed|early-stage|late-stage|growth-stage|pre-seed)\s+(?:funding|investment|rounds?|deals?)\s+(?:fell|rose|dropped|declined|jumped"
    r"|climbed|grew|totall?ed|reached|came|stood|hit|slumped|surged)\b"
    # a clause about funding in general: "Funding fell by 60% in the quarter to $2.4bn", "Total funding in the final week came to
    # $860m", "Fresh fundraising this year may not cross $9bn"
    r"|^\W*(?:(?:in|by|for)\s[\w\s\-]{1,25}?,\s)?(?:overall,\s)?(?:(?!(?:its|their|his|her|our)\s)[\w\-]++\s){0,3}?(?:funding|fundraising|investment|investments|capital)"
    r"\s+(?:in\s[\w\s\-’']{1,30}?\s|this\syear\s|last\syear\s)?(?:fell|rose|dropped|dipped|slid|shrank|declined|jumped|climbed|grew|totall?ed|reached|came|stood|stands|hit"
    r"|slumped|surged|may|might|could|will|would|was|is)\b"
    # a group of companies raising right before the figure: "as four startups raised $3.7m", "startups in Oman raised"
    r"|\b(?:start-?ups|companies|firms|ventures|fintechs|businesses)(?:\s+(?:in|from)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})?\s+"
    r"(?:(?:together|collectively|jointly|combined|also|have|had)\s+){0,2}(?:raised|secured|drew|attracted|received|pulled\s+in|took\s+in"
    r"|bagged|garnered|netted|mopped\s+up)\s+(?:(?:a\s+total\s+of|a\s+combined|about|around|roughly|over|more\s+than|nearly|almost|just)\s+)?$"
    # a place's total: "The continent secured a total of $412m"; a count of deals: "48 funding deals (totalling €620m"
    r"|\bthe\s+(?:continent|country|nation|region)\s+(?:has\s+|had\s+|also\s+)?(?:secured|raised|attracted|drew|received|recorded|pulled\s+in"
    r"|took\s+in)\b|\b(?:deals|rounds|transactions)\s*[(,]\s*(?:totall?ing|worth|amounting\s+to|valued\s+at)\s+$"
    # a period as the subject: "while the entire year of 2020 ended up with €1.7 billion in funding"
    r"|\bthe\s+(?:(?:entire|whole|full|first|second|third|fourth|last|past|previous)\s+)?(?:year|quarter|half|half-year|month)"
    r"(?:\s+(?:of\s+)?\d{4})?\s+(?:has\s+|had\s+)?(?:ended|closed|finished|wrapped)(?:\s+up)?\s+with\s+(?:(?:about|around|roughly|over|more\s+than|nearly|almost|just)\s+)?$",
    re.I,
)
# "... around 400 fintech companies, and these captured $500m": the group just named
_THESE_RAISED = re.compile(
    r"\b(?:these|those)\s(?:companies\s|start-?ups\s|firms\s)?(?:captured|raised|drew|attracted|received|secured|took in|pulled in)\b"
)
# "Venture investors put roughly $4bn into U.S. climate startups": the figure goes to a whole group
_INTO_GROUP = re.compile(
    r"(?:[A-Z]{3}\s)?\S+(?:\s(?:million|billion|trillion|bn|mn|m|crore))?\s+(?:into|in|to)\s+(?:(?:[\w\-]+|[A-Z]\.(?:[A-Z]\.)+)\s+){0,5}?"
    r"(?:start-?ups|companies|firms|fintechs|ventures|businesses|(?:security|defence|defense|climate|health|ai|deep) tech)\b",
    re.I,
)
#: one of these is in every text _SECTOR finds (a cheap pre-test)
_SECTOR_KEYS = ("start", "compan", "firms", "players", "ventures", "unicorns", "businesses", "fintechs", "investors", "vcs", "sector",
                "industry", "ecosystem", "seed",
                "capitalists", "the sector", "the industry", "the ecosystem", "the region", "the segment", "the space",
                "funding", "fundrais", "investment", "capital", "money", "deal", "total value", "circulation", "market",
                "continent", "country", "nation", "rounds", "transactions", "ended", "closed with", "closed up", "finished", "wrapped")
_SECTOR_KEY = re.compile(grouped(list(_SECTOR_KEYS)))  # (one search for any of them)
_DEFINITE = re.compile(  # ("++": a word then a space; a shorter word is never followed by one: nothing to try again)
    r"\b(?:the|this)\s((?:(?!(?:the|of|a|an|in|for)\s)[\w\-’'&]++\s){0,4}?)(?:start-?up|company|firm|maker|developer|unicorn|business|lab|platform|app|marketplace"
    r"|neobank|lender|provider|operator|outfit|\w+tech|fintech|edtech|retailer|brand|chain|scale-?up|group)\b(?:\s+of\s+([A-Z][\w\-]*))?",
    re.I,
)
#: _DEFINITE as a lower-case pattern, matched on ``Document.low`` where the text is ASCII (the same matches, faster
#: than re.I; group text comes back lower-cased, as `Discourse._fits` reads it anyway)
_DEFINITE_LOW = re.compile(_DEFINITE.pattern.lower())
_WE = re.compile(r"(?:^|[\s“\"])(?:[Ww]e|[Oo]ur|[Ww]e['’](?:ve|re|d))\b")
#: "you" in an interviewer's question is the interviewee's company: "FS: You raised $120 million in total ..."
_YOU = re.compile(r"(?:^|[\s“\"*:])(?:[Yy]ou|[Yy]our|[Yy]ou['’](?:ve|re|d))\b")
#: a speaker label opening a paragraph: "**FS:** ...", "Q: ...", "Jane Roe: ..."
_SPEAKER = re.compile(r"[*_]{0,2}(?:Q|[A-Z][\w.’'\-]*(?:\s[A-Z][\w.’'\-]*){0,3})[*_]{0,2}:[*_]{0,2}\s")
_WE_INVEST = re.compile(r"\b[Ww]e\s(?:\w++\s)?(?:led|co-led|invested|backed|wrote|put|participated|funded|doubled|seeded|bet|gave|give|handed|lent)\b")
_LISTED = re.compile(
    r"\b(?:including|such as|along with|alongside|like|from|by|with|and|as well as|plus)\s+(?:[a-z\-]+\s+|[A-Z][\w\-]*['’]s\s+){0,2}$"
)
_VALUING = re.compile(
    r"\bvalu(?:ing|es|ed|e)\s+(?P<obj>the\s[\w\-’'\s]{1,40}?|it|them|[A-Z][\w.\-&]*(?:\s[A-Z][\w.\-&]*){0,3})(?:,\s(?:the|a|an)\s[^,;]{3,60},)?\s+(?:at\s+)?"
    r"(?:(?:about|around|roughly|some|nearly|almost|more than|over|just over|just under|a little over|less than|up to|as much as)\s+)?$"
)
_INVEST_INTO = re.compile(r"\b(?:invest\w*|put|puts|putting|pour\w*|pump\w*|inject\w*|plough\w*)\b[^.;]{0,50}?\b(?:in|into)\s+(?:the\s+)?$")
#: a verb after an organisation that opens a sentence: it does something (not "says", "reported": a source)
_ORG_VERB = re.compile(
    r"\s(?:(?:now|also|still|then|reportedly|recently|is|was|has|had|have|will|would|could|is\s+now)\s+){0,2}"
    r"(?!says|said|reported|reports|wrote|writes|notes|noted|told|tells|adds|added|estimates|estimated|calculated)"
    r"(?:[a-z]+(?:ed|ing)|is|was|has|had|will|would|could|plans|aims|expects|wants|hopes|seeks|raises|closes|gets|cuts"
    r"|lays|sheds|employs|makes|earns|posts|books|burns|spends|loses|files|shuts|becomes|remains|runs|operates|counts)\b"
)
#: what may come before an investor that opens its paragraph: a bullet, a place modifier ("- Dakar-based ")
_THE_GIANT = re.compile(r"\bthe\s+(?:[\w\-]+\s+){0,3}?(?:giant|behemoth|conglomerate|tech major)\b")
#: a founder speaking of the company's own acts: "In April I let go of 17 of them", "I had to lay off 20 people"
I_DID = re.compile(r"(?:^|[\s“\"])I\s+(?:had\s+to\s+|have\s+|also\s+|then\s+)?(?:let|laid|lay|cut|fired|raised|closed|hired)\b")
_FOUNDER_OF = re.compile(
    r"\b(?:founder|co-?founder|chief executive|ceo|managing director|boss)(?:\s+and\s+(?:[\w\-]+\s+){1,3}?)?\s+(?:of|at)\s+(?:the\s+)?(?:[\w\-,]+\s+){0,6}?$", re.I)
#: a described name and a relative clause before the figure: "(Naijacoin), another Lagos crypto firm that cut 25% ..."
_REL_APPOS = re.compile(r",\s(?:a|an|another|the|one)\s[^,;.]{0,60}?\s(?:that|which|who)\s(?:[a-z]+\s){0,3}(?:[$€£]|us\$)?")
#: a possessive appositive before a figure's verb: "(Penga, Kvalt)'s Stockholm rival, pulled in "
_POSS_APPOSITIVE = re.compile(r"['’]s?\s[^,;.]{1,40},\s(?:[a-z]+\s){1,4}")
#: a person introduced with a company: "Sam Whitfield of Sprigwell"
_OF_PERSON_LEFT = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\s+(?:of|at|from)\s+$")
#: the speaker says which company they run now: "Now I run Quarry Robotics", "I'm the CEO of Acme"
_I_RUN = re.compile(r"\bI(?:['’]m|\s+am)?\s+(?:now\s+|currently\s+)?(?:run|lead|head|the\s+(?:founder|co-founder|ceo|chief executive)\s+(?:of|at))\s+$")
_CHIEF_RIGHT = re.compile(r"(?:['’]s)?\s+(?:co-?founder|founder|ceo|chief executive)\b")
_LEAD_IN = re.compile(r"[-*•\s]*(?:\d{1,2}[.)]\s+)?(?:[\w\-]+-based\s+|the\s+)?$")
#: an investor's own business, not a startup's round ("closed its second fund", "assets under management")
_INVESTOR_OWN = re.compile(
    r"\b(?:its|a|the|their) (?:\w+ ){0,2}(?:fund|funds|vehicle)\b|\b(?:first|final|second) close\b"
    r"|\bassets under management\b|\baum\b|\blimited partners\b"
)
#: a name right after these is no subject ("led by Coatue", "backers including Tiger", "Spotify founder X's")
_NAMED_ASIDE = re.compile(
    r"\b(?:by|from|with|including|like|such as|and|of|former)\s+(?:(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*['’]s\s+)?"
    r"(?:[A-Z][\w\-&.]*(?:\s+[A-Z][\w\-&.]*){0,3}(?:,\s+|,?\s+and\s+)){0,4}$"
)
_OF_LEFT = re.compile(
    r"\b(?:office|offices|family|families|arm|unit|subsidiary|parent|fund|owner|owners|shareholders?|investors?|backers?"
    r"|promoters?|chairman|chairwoman)\s+of\s+(?:[a-z\-]+\s+){0,3}$"
)
#: what may come before the name that opens a paragraph about it: "🇨🇱 **X.**", "Rival X", "Meanwhile, rival X"
_LEAD_WORDS = re.compile(
    r"[\W_]*(?:(?:[Tt]he\s+)?(?:[Rr]ival|[Cc]ompetitor|[Ff]ellow|[Mm]eanwhile|[Ee]lsewhere|[Ss]imilarly|[Ll]ikewise|[Aa]lso|[Aa]nd|[Bb]ut"
    r"|[Ss]tart-?up|[Ff]intech|[Ee]dtech|[Uu]nicorn|[Nn]eobank|Take|Consider|Meet)[\W_]+){0,2}"
)
#: after an organisation's possessive, its own parts and figures: "Acme's Indian entity reported", "Acme's revenue"
_OWN_THINGS = re.compile(
    r"['’]s\s+(?:[A-Za-z\-]+\s+){0,2}?(?:entity|unit|arm|subsidiary|division|business|operations|revenue|losses|layoffs|staff"
    r"|employees|workforce|founders?|co-founders?|valuation|funding|headcount)\b"
)
#: a clause's subject acting on its own figure: "X to lay off", "X has raised", "X cut"
_ORG_ACTS = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+|also\s+|now\s+|reportedly\s+|is\s+|was\s+|will\s+|to\s+)*(?:lay(?:s|ing)?\s+off|laid\s+off|cut|cuts|cutting"
    r"|raise[sd]?|raising|employ(?:s|ed)|shed|sheds|slash(?:es|ed)?|axe[sd]?|fire[sd]?|closed|secured|bagged|landed|grabbed|picked\s+up"
    r"|pulled\s+in|nabbed|snagged|scored|netted|collected|received|obtained|mopped\s+up|raked\s+in|took\s+in|drew\s+in|got|completed)\b"
)
#: a clause's organisation subject followed by its verb: "while Byju's has gone ahead with the largest job cut"
_ORG_SUBJECT_VERB = re.compile(r"\s+(?:has|had|is|was|will|would|also|now|then|later|recently|says|said|announced|confirmed)\b")
#: a short phrase fronted before the sentence's subject: "On Oct. 2, ", "Last week, ", "In a statement, "
_FRONTED = re.compile(r"[\W_]*(?:[A-Z][\w.]*)(?:\s+[\w.]+){0,4},\s+")
#: a lower-case verb right after the subject (not "and", "or", a preposition)
_SUBJECT_VERB = re.compile(r"\s+(?!(?:and|or|of|in|to|for|with|from|by|on|at|as|is\s+a|was\s+a)\b)[a-z]{3,}")
#: "it" in a later clause takes the figure: "... when it announced a ", "..., saying it had raised "
_IT_TAKES = re.compile(
    rf"\b(?:when|after|as|because|since|that|before|once|and|saying|says|said)\s+it\s+(?:has\s+|had\s+|also\s+|just\s+|then\s+|now\s+)?"
    rf"(?:{_RAISE_VERBS}|announced|unveiled|disclosed|revealed|confirmed|employs|employed|has|had|laid\s+off|lays\s+off|cut|cuts|let\s+go\s+of)"
    rf"\s+{_FIGURE_LEAD}$"
)
_CLAUSE_OPEN = re.compile(r"[\W_]*(?:(?:while|whereas|and|but|as|since|after|when)\s+)?")
_DESC_SUBJECT_NEXT = re.compile(r",|\s+(?:has|had|have|is|was|will|would|also|then|[a-z]+ed)\b")
_STARTUP_SCENE = re.compile(r"\bthe start-?up (?:funding|rounds|ecosystem|scene|sector|world|market|investment|deals?|economy)\b", re.I)
#: a descriptor opening the paragraph before its company's name: "India-headquartered budget hotel chain OYO"
#: between a possessive startup and a valuing clause about its round: "Acme's $250 million raise, which valued"
_ROUND_WHICH = re.compile(r"['’]s?\s+(?:[^,;.]{0,40}?\s)?(?:raise|round|funding|financing|investment|deal|series\s+[a-h])\b[^;.]{0,40}?,?\s*(?:which|that)\s+(?:\w+\s+){0,2}"
                          r"|['’]s\s+(?:[\w\-]+\s+){0,2}(?:fund-?raise|raise|round|funding|financing)\b[^;]{0,160}?\s(?:and|which|that)\s+(?:\w+\s+){0,2}")  # ("Acme's previous fundraise, a Series C in March, brought in $70 million ... and valued")
#: a kind noun right after a name makes it a modifier: "The DIY marketplace launched ..."
_MODIFIED_KIND = re.compile(r"\s(?:marketplace|start-?up|company|firm|platform|app|lender|fintech|neobank|retailer|maker|chain|group)\b")
#: a sentence whose subject is "it" or "they" before its first name: "In March it bought its smaller competitor X"
_IT_DID = re.compile(r"[\W_]*(?:(?:In|On|At|By|Last|This|Earlier|Later|Then|Since|After)\b[^,.;:]{0,25}?,?\s)?(?:it|they)\s+(?:also\s+|then\s+|later\s+)?(?!is\b|was\b|are\b|were\b)[a-z]+(?:ed|ought|ught|ook|on|ew)\b")
#: a sentence opened by "Its closest rival, X, ...": X (set off by commas) is its subject
_ITS_RIVAL = re.compile(r"[\W_]*(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w\-]+\s+){0,3}(?:rival|competitor|peer|challenger|neighbour|neighbor)s?,\s+")
#: a paragraph's heading-like lead that ends with a company: "Another exit at Acme.", "Deep dive: trouble at Acme"
_HEADING_AT = re.compile(r"[\W_]*(?:[A-Za-z][\w\-]*:?\s+){1,5}(?:at|for|inside|of|(?:came|comes|come)\s+from)\s+")  # ("The largest cut came from Acme.")
_HEADING_END = re.compile(r"[\W_]*$")
_LEAD_DESC = re.compile(
    r"(?:[A-Z][\w\-]*\s+)?(?:[a-z][\w\-]*\s+){0,4}(?:start-?up|company|firm|chain|platform|marketplace|app|fintech|\w+tech"
    r"|lender|neobank|unicorn|operator|maker|retailer|developer|provider)\s+"
)
_BYLINE = re.compile(r"\s*(?:[Bb]y|BY|[Rr]eporting by|[Ww]ritten by|[Ee]dited by)\s")
_GENERIC = frozenset("the a an its their start-up startup company firm business new same".split())


@dataclass
class Discourse:
    """The startup in focus at each sentence, and the owner of a figure."""

    doc: Document
    names: NameIndex
    focus_before: list[str | None] = field(default_factory=list)
    #: the organisation (not known as a startup) that opens each sentence as its subject, if any
    org_subject: dict[int, str] = field(default_factory=dict)
    #: sentences whose figures are a whole sector's (filled as figures are assigned, in reading order)
    sector_sentences: set[int] = field(default_factory=set)
    #: the appositives of each sentence read so far (", the Lagos-based firm,"): spans in the text
    _appositives: dict[int, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    #: where the clause holding a figure starts, by (sentence index, figure offset): asked several times per figure
    _clause_starts: dict[tuple[int, int], int] = field(default_factory=dict, repr=False)
    #: whether a preposition or the like comes right before a mention, by its start: asked for each figure after it
    _asides_left: dict[int, bool] = field(default_factory=dict, repr=False)
    #: the kind of the last money figure read (sentence index, metric, months per period), for "That figure is now ..."
    last_money: tuple[int, str, float] | None = None
    #: the startup the article is about (the headline's, else the most salient)
    main: str | None = None
    #: whose "we" and "our" the article quotes (`speaker`), worked out when first asked ("" = not yet)
    _speaker: str | None = ""

    @classmethod
    def build(cls, doc: Document, names: NameIndex) -> Discourse:
        d = cls(doc, names)
        focus = d.main = d._headline_focus()
        kept = focus  # the startup in focus before a paragraph about an investor ("" focus) began
        bars = "|" in doc.text  # (else no table row: a cheap test for every sentence)
        starts, at = names._starts, 0  # (the sentences in order: a sentence's mentions start where the last one's end)
        for s in doc.sentences:
            if s.leads_paragraph and (focus == "" or focus in d.org_subject.values() and names.kind(focus) != "startup"):
                focus = kept  # that paragraph is over (about an investor, or a sentence opened by a big company)
            d.focus_before.append(focus)
            if bars and doc.text.startswith("|", s.start):
                continue  # a table row ("| Amount raised | $14m |") moves no focus
            at = bisect_left(starts, s.start, at)
            end = bisect_left(starts, s.end, at)
            subject = d._subject(s, names.mentions[at:end])
            at = end
            if subject is not None:
                if (subject == "" or names.kind(subject) != "startup") and focus and names.kind(focus) == "startup":
                    kept = focus
                focus = subject
        return d

    @property
    def speaker(self) -> str | None:
        """The company the article's speaker is introduced with ("Elena Varga, co-founder and chief executive of
        Tidewell"), when it introduces only one so; found once, when a "we", "our" or "I" first needs it."""
        if self._speaker == "":
            self._speaker = self._speakers_company()
        return self._speaker

    def _speakers_company(self) -> str | None:
        """The company a person is introduced with as its founder or chief ("co-founder and chief executive of
        Tidewell", "Tidewell's founder", "Tidewell CEO Elena Varga"), when the article introduces only one so."""
        t = self.doc.text
        own = [n for n in self.names.mentions if n.is_startup or (n.kind == "org" and self._neutral_org(n))]
        runs = {n.key for n in own if _I_RUN.search(t, max(0, n.start - 40), n.start)}
        if len(runs) == 1:
            return runs.pop()  # "I sold my first company, Pollenly, in 2023. Now I run Quarry Robotics."
        found = {n.key for n in own if _FOUNDER_OF.search(t, max(0, n.start - 70), n.start) or _CHIEF_RIGHT.match(t, n.end)}
        return found.pop() if len(found) == 1 else None

    def _headline_focus(self) -> str | None:
        """The headline's first startup (or organisation nothing says is an investor or incumbent)."""
        for s in self.doc.sentences:
            if not s.headline:
                break
            for n in self.names.between(s.start, s.end):
                if n.is_startup or (n.kind == "org" and self._neutral_org(n) and self.names.entities[n.key].count >= 2):
                    return n.key
        return self.names.startups[0] if self.names.startups else None

    def _subject(self, s: Sentence, mentions: list[Name]) -> str | None:
        """The startup a sentence is about (``mentions``: the ones in it): its first startup mention that is not an
        aside; for the first sentence of a paragraph also a startup named after a preposition ("cuts came at Copia,
        a ...") or an organisation nothing says is an investor or incumbent ("Sendy was one of the first to go")."""
        if mentions and mentions[0].start - s.start <= 4 and not mentions[0].is_startup and self._speaker_label(s, mentions[0]):
            mentions = mentions[1:]  # "**FounderStory:** How is ...": the interviewer's label is no subject
        if not mentions:  # only a definite description can name the subject ("The Lagos-based firm ...")
            if not self.doc.low.startswith("the ", s.start):
                return None
            desc = self._definite_at(s)
            return self._fits(desc.group(1) or "", desc.group(2), s.start) if desc is not None else None
        first = mentions[0]
        if first.is_startup and _ITS_RIVAL.fullmatch(self.doc.text, s.start, first.start) and self.doc.text.startswith(",", first.end):
            return first.key  # "Its closest rival, Owoflow, said it would ...": the rival set off by commas is the subject
        if _IT_DID.match(self.doc.text, s.start, first.start):
            return None  # "In March it bought its smaller competitor Belegblitz": "it" stays the subject, the name is an object
        for i, n in enumerate(mentions):
            if n.is_startup and not self._aside(s, n, -1):
                if n.possessive:  # "Moniepoint's closest competitor, OPay, raised ...": the appositive is the subject
                    for m in mentions[i + 1 : i + 3]:
                        if m.is_startup and m.start - n.end < 70 and self.doc.text.startswith(", ", m.start - 2) \
                                and self.doc.text.startswith(",", m.end):
                            return m.key
                return n.key
        if not s.leads_paragraph:  # "Swiggy is preparing for an IPO ...": a sentence opened by a company the story returns to
            for n in mentions[:1]:
                e = self.names.entities.get(n.key)
                if (n.kind == "org" and n.start - s.start <= 4 and not n.possessive and e is not None and e.count >= 2
                        and not (n.key.isupper() and len(n.key) <= 4) and self._neutral_org(n)
                        and _ORG_VERB.match(self.doc.text, n.end, s.end)):
                    self.org_subject[s.index] = n.key
                    return n.key
        if s.leads_paragraph:
            t = self.doc.text
            first = mentions[0]
            if (first.kind in ("investor", "incumbent") and _LEAD_IN.match(t, s.start, first.start) and not first.possessive
                    and (first.kind == "incumbent" or _INVESTOR_OWN.search(self.doc.low, first.end, s.end))):
                return ""  # "Dakar-based Baobab Partners held a first close of its fund", "Bigco reported quarterly revenue
                # of ...": a paragraph about an investor or a big company (no startup named in its first sentence)
            for n in mentions:
                at_start = (n.start - s.start <= 4 or _LEAD_WORDS.fullmatch(t, s.start, n.start) is not None
                            or _LEAD_DESC.fullmatch(t, s.start, n.start) is not None) \
                    and (not n.possessive or (n.kind == "org" and _OWN_THINGS.match(t, n.end, n.end + 50) is not None)) \
                    and not _BYLINE.match(t, s.start)  # fmt: skip
                # (an organisation's possessive may open its paragraph: "Elsewhere, Acme's Indian entity reported ...")
                # "cuts came at Copia, a rural e-commerce company", but not "backers including X, along with Y"
                listed = _LISTED.search(t[max(s.start, n.start - 40) : n.start]) is not None or _OF_LEFT.search(
                    t, max(s.start, n.start - 40), n.start) is not None  # "the family office of the company X"
                if (n.is_startup and not listed) or (n.kind == "org" and at_start and self._neutral_org(n) and not _MODIFIED_KIND.match(t, n.end)):
                    return n.key
                if (n.kind == "org" and s.end - s.start <= 70 and _HEADING_AT.fullmatch(t, s.start, n.start)
                        and _HEADING_END.fullmatch(t, n.end, s.end) and self._no_backer(n)):
                    return n.key  # "Another exit at Billetera Sur.": a lead that is a heading about the company
        desc = self._definite_at(s)
        if desc is not None:  # "The Lagos-based firm will hire ...": the startup the description fits
            return self._fits(desc.group(1) or "", desc.group(2), s.start)
        return None

    def _section_speaker(self, s: Sentence, focus: str) -> bool:
        """A person introduced with ``focus`` ("Sam Whitfield of Sprigwell", "Sprigwell's Sam Whitfield") in the
        paragraph's lead or the one before it: the "we" of the quotes that follow is that company's."""
        t = self.doc.text
        lo = next((x.start for x in reversed(self.doc.sentences[: s.index + 1]) if x.leads_paragraph and x.index < s.index), s.start)
        return any(n.key == focus and (_OF_PERSON_LEFT.search(t, max(0, n.start - 40), n.start) or _CHIEF_RIGHT.match(t, n.end))
                   for n in self.names.between(max(0, lo - 300), s.start))

    def _speaker_label(self, s: Sentence, n: Name) -> bool:
        """``n`` is the speaker label opening its sentence ("**FS:** ...", "Acme: ...")."""
        if ":" not in self.doc.text[s.start : min(s.end, s.start + 50)]:
            return False
        m = _SPEAKER.match(self.doc.text, s.start, min(s.end, s.start + 50))
        return m is not None and s.start <= n.start < m.end()

    def _in_interview(self, s: Sentence) -> bool:
        """The sentence's paragraph opens with a speaker label (a question-and-answer interview)."""
        i = s.index
        while i > 0 and not self.doc.sentences[i].leads_paragraph:
            i -= 1
        p = self.doc.sentences[i]
        return _SPEAKER.match(self.doc.text, p.start, min(p.end, p.start + 50)) is not None

    def _definite_at(self, s: Sentence) -> re.Match[str] | None:
        """A definite description opening the sentence ("The Lagos-based firm ...")."""
        if self.doc.text[s.start] not in "tT":
            return None  # ("the" or "this" first)
        end = min(s.end, s.start + 80)
        if self.doc.text[s.start : end].isascii():  # (ASCII: the lower-case pattern finds there just what re.I finds)
            return _DEFINITE_LOW.match(self.doc.low, s.start, end)
        return _DEFINITE.match(self.doc.text, s.start, end)

    def _no_backer(self, n: Name) -> bool:
        """Nothing says the organisation is an investor or an incumbent (a preposition before it may count against it)."""
        e = self.names.entities.get(n.key)
        return e is not None and not e.evidence.get("investor") and not e.evidence.get("incumbent")

    def _neutral_org(self, n: Name) -> bool:
        e = self.names.entities.get(n.key)
        return e is not None and not e.evidence.get("against") and not e.evidence.get("investor") and not e.evidence.get("incumbent")

    def focus_at(self, s: Sentence) -> str | None:
        f = self.focus_before[s.index] if s.index < len(self.focus_before) else None
        return f or None  # "" (a paragraph about an investor) is no startup

    def _cleared(self, s: Sentence) -> bool:
        """The paragraph is about an investor or incumbent: "it" there is not the story's startup."""
        return s.index < len(self.focus_before) and self.focus_before[s.index] == ""

    def _clause_start(self, s: Sentence, pos: int) -> int:
        start = self._clause_starts.get((s.index, pos))
        if start is None:
            start = s.start
            for m in CLAUSE_BREAK.finditer(self.doc.text, s.start, pos):
                start = m.end()
            self._clause_starts[s.index, pos] = start
        return start

    def _aside(self, s: Sentence, n: Name, pos: int) -> bool:
        """A mention after a preposition or inside an appositive is not the subject of a figure at ``pos``."""
        t = self.doc.text
        left = self._asides_left.get(n.start)
        if left is None:  # (the same answer for every figure the mention is tested against: found once)
            left = self._asides_left[n.start] = _ASIDE_LEFT.search(t[max(s.start, n.start - 25) : n.start]) is not None
        if left:
            return True
        spans = self._appositives.get(s.index)
        if spans is None:  # (found once per sentence)
            spans = self._appositives[s.index] = [ap.span() for ap in _APPOSITIVE.finditer(t, s.start, s.end)]
        for a, b in spans:
            if a < n.start < b and not (a < pos < b):
                return True
        return False

    def owner(self, s: Sentence, pos: int, end: int) -> str | None:
        """The startup a figure at ``text[pos:end]`` in sentence ``s`` belongs to, or None."""
        t = self.doc.text
        mentions = self.names.between(s.start, s.end)
        before = [n for n in mentions if n.end <= pos and n.kind not in ("place", "nationality", "person")]
        if t.startswith(" (", pos - 2) and before and before[-1].end == pos - 2 and before[-1].kind in ("startup", "org"):
            return before[-1].key  # "Tallypay ($42m), Farmlink ($3.1m)": the name the bracket follows
        if before and not before[-1].is_startup and self._others_figure(before[-1], pos):
            return None
        if before and self._possessive_subject(s, before, pos):
            return None
        linked = self._right_link(mentions, pos, end)
        if linked is not None:
            return linked
        valued = self._valued_object(s, mentions, pos) or self._invested_in(before, pos)
        if valued is not None:
            return valued
        startups = [n for n in before if n.is_startup]
        org = self._org_subject(s, before, pos)
        if org is not None and not any(n.start >= self._clause_start(s, pos) for n in startups):
            return org or None  # ("": a bank's or an investor's own figure, no startup's)
        if startups:
            cstart = self._clause_start(s, pos)
            if cstart > startups[-1].end and self._sector_clause(cstart, pos):
                return None  # "Sarraf raised $8m, while the Egyptian emerging companies collected about $330m": the scene's
            return self._left_owner(s, startups, pos)
        if before and before[-1].kind == "org" and not before[-1].possessive and _NAME_VERB_FIGURE.fullmatch(t, before[-1].end, pos) \
                and self._neutral_org(before[-1]):
            return before[-1].key  # "... as Lablink hits a $4 billion valuation": the name right before its verb and figure
        if before and self._it_subject(s, before[0], pos) and not any(not self._aside(s, m, pos) for m in before[1:]):
            return before[0].key  # "Velora set a new record when it announced a €310m round": "it" is the sentence's subject
        return self._no_name_owner(s, pos)

    def _it_subject(self, s: Sentence, n: Name, pos: int) -> bool:
        """The organisation nothing types that opens the sentence as its subject, and "it" then takes the figure in a
        later clause of the same sentence: "On Oct. 2, Velora set a record when it announced a €310m round"."""
        t = self.doc.text
        if n.kind != "org" or n.possessive or pos - n.end > 160 or not self._neutral_org(n):
            return False
        if not (_LEAD_WORDS.fullmatch(t, s.start, n.start) or _FRONTED.fullmatch(t, s.start, n.start)):
            return False
        return _SUBJECT_VERB.match(t, n.end) is not None and _IT_TAKES.search(t, n.end, pos) is not None

    def _org_subject(self, s: Sentence, before: list[Name], pos: int) -> str | None:
        """An organisation nothing types that opens the figure's clause as its subject: "Meta to lay off
        10,000 workers", "..., while Byju's has gone ahead with the largest job cut affecting 2,500 people";
        "" when the subject is a big company or an organisation with evidence against a startup (", and Bigco
        announced that 1,800 employees would be let go": no startup's figure)."""
        t = self.doc.text
        cstart = self._clause_start(s, pos)
        head = [n for n in before if n.start >= cstart]
        if not head or head[0].kind not in ("org", "incumbent"):  # (an investor "had led the Series A of $30m": the startup's)
            return None
        n = head[0]
        if (not n.possessive and (_LEAD_WORDS.fullmatch(t, cstart, n.start) or _LEAD_DESC.fullmatch(t, cstart, n.start))
                and _ORG_ACTS.match(t, _past_aside(t, n.end, pos), pos)) or (
                _CLAUSE_OPEN.fullmatch(t, cstart, n.start) and _ORG_SUBJECT_VERB.match(t, n.end)):
            return n.key if n.kind == "org" and self._neutral_org(n) else ""
        return None

    def _valued_object(self, s: Sentence, mentions: list[Name], pos: int) -> str | None:
        """"valuing the Paris-based company at $13.7bn", "values Acme at $2bn": the object is the owner."""
        t = self.doc.text
        lo = max(s.start, pos - 120)
        m = _VALUING.search(t, lo, pos) if t.find("valu", lo, pos) >= 0 else None  # (the pattern wants "valu": a cheap test first)
        if m is None:
            return None
        obj = m.group("obj")
        named = [n for n in mentions if m.start("obj") <= n.start < m.end("obj")]
        if named:
            return named[0].key if named[0].kind in ("startup", "org") else None
        owner = self._round_owner(s, mentions, m.start())
        if owner is not None and (obj.lower().startswith("the ") or obj in ("it", "them")):
            return owner  # "QuickDash's $250 million raise, which valued the grocery company at $1.6 billion"
        if obj.lower().startswith("the "):
            desc = _DEFINITE.match(obj)
            fit = self._fits(desc.group(1) or "", desc.group(2), pos) if desc else None
            if fit is None:  # "Acme raised $18m, and the round valued the company at $90m": the sentence's startup
                subjects = [n for n in mentions if n.end <= m.start() and n.is_startup and not n.possessive and not self._aside(s, n, pos)]
                fit = subjects[0].key if subjects else None
            focus = self.focus_at(s)
            if fit is None and focus is not None and focus not in self.names.startups and any(
                    n.key == focus for n in mentions if n.end <= m.start()):  # (the organisation in focus does the valuing)
                named = [n for n in self.names.between(0, m.start()) if n.is_startup]  # "Kiln Global is likely to value the
                return named[-1].key if named else focus  # company at $400m": not the investor in focus, the startup last named
            return fit or focus
        if obj in ("it", "them"):  # "a round led by A and B that valued it at $12bn": the sentence's startup
            t = self.doc.text
            subjects = [n for n in mentions if n.end <= m.start() and n.is_startup
                        and not _NAMED_ASIDE.search(t, max(s.start, n.start - 90), n.start)]
            return subjects[-1].key if subjects else self.focus_at(s)
        return None

    def _round_owner(self, s: Sentence, mentions: list[Name], at: int) -> str | None:
        """The startup whose round the valuing clause at ``at`` is about: "Acme's $250 million raise, which ..."."""
        for n in reversed(mentions):
            if n.end <= at and n.possessive and n.is_startup and _ROUND_WHICH.fullmatch(self.doc.text, n.end, at):
                return n.key
        return None

    def _invested_in(self, before: list[Name], pos: int) -> str | None:
        """"SoftBank was in talks to put $1B into Nubank at a valuation of $10B": the company invested in."""
        t = self.doc.text
        for n in reversed(before):
            if pos - n.end >= 80:
                break  # (the mentions come nearest first: none further back is close enough)
            if n.is_startup and _INVEST_INTO.search(t, max(0, n.start - 70), n.start):
                return n.key
        return None

    def _others_figure(self, n: Name, pos: int) -> bool:
        """"Bigco, which reported revenue of $61bn", "Bigco's $2bn fund", "Bigco, its parent, has 900 staff"."""
        gap = self.doc.text[n.end : pos]
        if _REL_CLAUSE.match(gap) and not _REL_INVEST.search(gap):
            return True
        if n.kind in ("investor", "incumbent") and _OTHERS_POSSESSIVE.match(gap):
            return True  # "Nubank's market value on the NYSE is north of $50bn"
        return n.kind in ("investor", "incumbent") and _OTHER_OWNS.match(gap) is not None and not _REL_INVEST.search(gap)

    def _possessive_subject(self, s: Sentence, before: list[Name], pos: int) -> bool:
        """"For scale: Nubank's market value on the NYSE is north of $50bn": an investor's or incumbent's own
        figure, told with a possessive at the head of the figure's clause."""
        cstart = self._clause_start(s, pos)
        head = [n for n in before if n.start >= cstart]
        n = head[0] if head else None
        return (n is not None and n.kind in ("investor", "incumbent") and n.possessive
                and _OTHERS_POSSESSIVE.match(self.doc.text[n.end : n.end + 60]) is not None)

    def _right_link(self, mentions: list[Name], pos: int, end: int) -> str | None:
        """"the $6bn that X disclosed", "of X's 1,900 employees", "invested $5m in X", "poached 12 from X"."""
        t = self.doc.text
        near = self.names.between(end, min(end + 61, mentions[-1].start + 1)) if len(mentions) > 8 else mentions
        for n in near:  # (in a long sentence only the names just after the figure are looked up)
            if n.kind == "org" and end <= n.start <= end + 60 and _cut_from(t[end : n.start]):
                return n.key  # "about 200 employees were dismissed from Bigsoft": the company named after the cut
            if n.start - end <= 2 and t[end : n.start].isspace() and (n.is_startup or (n.kind == "org" and self._neutral_org(n))) \
                    and _RAISED_AFTER.match(t, n.end):
                return n.key  # "the $100 million Clubhouse raised in a previous round": the raise's subject after its object
            if n.is_startup and end <= n.start <= end + 60:
                gap = t[end : n.start]
                if _RIGHT_LINK.search(gap) or _cut_from(gap):
                    return n.key
                if _INTO.match(gap) and _INVEST_BEFORE.search(t, max(0, pos - 120), pos):
                    return n.key
        return None

    def _left_owner(self, s: Sentence, startups: list[Name], pos: int) -> str:
        t = self.doc.text
        near = startups[-1]
        if near.possessive and len(startups) >= 2 and t[startups[-2].end : near.start] == ", " and _POSS_APPOSITIVE.match(t, near.end, pos):
            return startups[-2].key  # "Penga, Kvalt's Stockholm rival, pulled in $250 million": the subject, not the rival
        gap = t[near.end : pos]
        if len(gap) < 3 or _TIGHT.match(gap) or _VERB_GAP.fullmatch(gap) or _DESCRIBED_VALUE.fullmatch(gap) or _REL_APPOS.fullmatch(gap):
            return near.key  # (also "after rival Zentro closed $40m": the name is the verb's subject, after a preposition or not)
        cstart = self._clause_start(s, pos)
        inclause = [n for n in startups if n.start >= cstart and not self._aside(s, n, pos)]
        if inclause:
            return inclause[-1].key
        subjects = [n for n in startups if not self._aside(s, n, pos)]
        first = (subjects or startups)[0]
        return self._appositive_after(first, startups) or first.key

    def _appositive_after(self, n: Name, startups: list[Name]) -> str | None:
        """"Acme's bigger Lagos rival, Beta, cut 90 staff and ...": the startup set off by commas after a possessive
        description is the subject."""
        if not n.possessive:
            return None
        t = self.doc.text
        for m in startups:
            if n.end < m.start < n.end + 70 and t.startswith(", ", m.start - 2) and t.startswith(",", m.end) \
                    and "," not in t[n.end : m.start - 2]:
                return m.key
        return None

    def _sector_clause(self, cstart: int, pos: int) -> bool:
        """The figure's clause is about many companies or a whole sector ("while startups in Egypt collected")."""
        low = self.doc.low[cstart:pos]
        if any(n.kind not in ("place", "nationality") for n in self.names.between(cstart, pos)):
            return False  # ("with participation from Broom Ventures, at a $140m valuation": a name, no sector)
        return _SECTOR_KEY.search(low) is not None and _SECTOR.search(self.doc.text, cstart, pos) is not None and not _RX0.search(self.doc.text, cstart, pos)

    def _no_name_owner(self, s: Sentence, pos: int) -> str | None:
        """No startup named before the figure: a sector, a description, or the startup in focus."""
        t = self.doc.text
        cstart = self._clause_start(s, pos)
        left = t[cstart:pos]
        low = self.doc.low[cstart:pos]
        own = _RX0.search(left) if not _STARTUP_SCENE.search(left) else None  # (not "the startup funding rounds")
        if own is None and left[:4] in ("The ", "the ", "This", "this"):
            own = _DEFINITE.match(left)  # "The Colombian hardware supply company, one of the best-funded startups in the country, laid off"
            own = own if own is not None and _DESC_SUBJECT_NEXT.match(left, own.end()) and not any(ch.isdigit() for ch in own.group()) else None
            # (the description is the clause's subject: an aside or its verb follows; not "The UK insurtech sector", not "The
            # country counts around 300 fintech companies")
        if not own and ((_SECTOR_KEY.search(low) and _SECTOR.search(left)) or _INTO_GROUP.match(t, pos, min(s.end, pos + 100))
                        or ("these " in low or "those " in low) and _THESE_RAISED.search(low)):
            self.sector_sentences.add(s.index)
            return None
        prev = s.index - 1
        if prev in self.sector_sentences and not own and self.doc.sentences[prev].paragraph == s.paragraph and not self.names.between(s.start, s.end):
            self.sector_sentences.add(s.index)  # "Startups raised $412m ... Stripping out debt, equity funding came to $261m."
            return None
        head = self.doc.low[cstart:pos]  # (the figure's clause: "what caught our attention ...: the company said" is the writer's)
        if "i " in head and I_DID.search(t, cstart, pos) and not _WE_INVEST.search(t[s.start : pos]):
            return self.speaker or self.focus_at(s) or self.main  # "In April I let go of 17 people": the founder in focus
        if ("we" in head or "our" in head) and _WE.search(t[cstart:pos]) and self.main is not None and not _WE_INVEST.search(t[s.start : pos]):
            # "We closed $12 million": the interviewee's company; else the article's startup, or the one in focus when the
            # headline names none (a show, a blog)
            focus = self.focus_at(s)
            if self.speaker is None and focus and focus != self.main and self._section_speaker(s, focus):
                return focus  # "Sam Whitfield of Sprigwell says ...": a roundup of founders, each section its own "we"
            return self.speaker or (self.main if self.main in self.names.startups else None) or focus or self.main
        if ("you" in head) and _YOU.search(t[s.start : pos]) and self.main is not None and self._in_interview(s):
            return self.speaker or self.main  # "FS: You raised $120 million in total": the interviewer asks about the interviewee's company
        desc = _DEFINITE.search(left)
        if desc is not None:
            fit = self._fits(desc.group(1) or "", desc.group(2), pos)
            if fit is not None:
                return fit
        if ("giant" in low or "behemoth" in low or "conglomerate" in low or "tech major" in low) and _THE_GIANT.search(low):
            return None  # "The e-commerce giant decided to let go of 1,100 employees": a big company, not the startup in focus
        if self._cleared(s) and s.index not in self.org_subject:
            return None
        focus = self.org_subject.get(s.index) or self.focus_at(s)
        if focus is not None and focus not in self.names.startups:
            named = [n for n in self.names.between(s.start, pos) if n.kind == "org" and self._neutral_org(n) and not self._aside(s, n, pos)]
            if named and named[-1].key != focus:
                return named[-1].key  # "... the data Acme shared: the company said ...": no startup in focus, the name just read
        return focus or (self.names.startups[0] if self.names.startups else None)

    def _newly_placed(self, want: set[str], pos: int) -> str | None:
        """"... the contest with Pylon Code, Corvane's rival. The New York-based startup raised ...": a description
        placing the company elsewhere than the startup in focus is the other startup named just before."""
        placed = {w for w in want if w.endswith("-based")}
        if not placed:
            return None
        s = self.doc.sentence_at(pos)
        focus = self.focus_at(s)
        e = self.names.entities.get(focus) if focus else None
        if e is None or not any(w.endswith("-based") for w in e.descriptors) or e.descriptors & placed:
            return None  # the focus is not placed elsewhere
        lo = self.doc.sentences[s.index - 1].start if s.index else s.start
        for n in reversed(self.names.between(lo, pos)):
            other = self.names.entities.get(n.key)
            if n.is_startup and n.key != focus and other is not None and not any(
                    w.endswith("-based") and w not in placed for w in other.descriptors):
                return n.key
        return None

    def _fresh_focus(self, want: set[str], pos: int) -> str | None:
        """"Its closest rival, Owoflow, said ... The Lagos-based credit startup raised ...": a startup that became the
        focus in the sentence before, not yet described at all, is the one the description introduces."""
        s = self.doc.sentence_at(pos)
        if s.index < 2:
            return None
        focus = self.focus_at(s)
        e = self.names.entities.get(focus) if focus else None
        if e is None or e.kind != "startup" or e.descriptors or self.focus_before[s.index - 1] == focus:
            return None
        prev = self.doc.sentences[s.index - 1]
        return focus if any(n.key == focus for n in self.names.between(prev.start, prev.end)) else None

    def _fits(self, words: str, of_name: str | None, pos: int) -> str | None:
        """The startup a definite description fits: "the Austin-based firm", "the maker of Pi"."""
        want = {w.lower().strip(",.") for w in words.split()} - _GENERIC
        if of_name:
            want.add(of_name.lower())
        if not want:
            return None
        placed = self._newly_placed(want, pos)
        if placed is not None:
            return placed
        fresh = self._fresh_focus(want, pos)
        if fresh is not None:
            return fresh
        best: tuple[int, str] | None = None
        for key in self.names.startups:
            e = self.names.entities[key]
            if want & e.descriptors:
                last = max((n.start for n in self.names.mentions if n.key == key and n.start < pos), default=-1)
                if last >= 0 and (best is None or last > best[0]):
                    best = (last, key)
        return best[1] if best else None
