"""Company names: one key per company, whatever name variant an article uses."""

from __future__ import annotations

import re

__all__ = ["company_key"]

# Words that a company name may carry or drop without becoming another company.
_SUFFIXES = frozenset(
    """ai inc inc. incorporated corp corp. corporation co co. company ltd ltd. limited llc plc gmbh ag sa
    s.a. labs lab technologies technology holdings group""".split()
)
_PUNCT = re.compile(r"[^\w&'+.\- ]+")
_SPACES = re.compile(r"\s+")


def company_key(name: str) -> str:
    """The key that joins name variants of one company: lower case, corporate suffixes dropped.

    >>> company_key("Inflection AI") == company_key("Inflection") == "inflection"
    True
    >>> company_key("xAI")
    'xai'
    >>> company_key("Acme Labs, Inc.")
    'acme'
    >>> company_key("AI")
    'ai'
    """
    words = _SPACES.sub(" ", _PUNCT.sub(" ", name.replace("\u2019", "'"))).strip().lower().split(" ")
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1].strip(",") in _SUFFIXES:
        words = words[:-1]
    return " ".join(w.strip(",") for w in words)
