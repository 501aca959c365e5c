"""The cheap forms of two tests in extract.names give the same answers as the patterns they stand for."""

from __future__ import annotations

import itertools
import random

from extract import names as N


def test_bullet_lead_is_the_search_it_replaces() -> None:
    alphabet = ["\n", " ", "\t", "-", "*", "•", "1", "12", ".", ")", "_", "a", "A", "3.", "►"]
    rnd = random.Random(5)
    lefts = ["".join(c) for k in range(5) for c in itertools.product(alphabet, repeat=k)]
    lefts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(5, 12))) for _ in range(20000)]
    for left in lefts:
        old = ("\n" in left or left[:1] in N._BULLET_FIRST or left[:1].isdecimal()) and N._BULLET_LEAD.search(left) is not None
        assert N._bullet_lead(left) == old, repr(left)


def test_needs_full_names_ascii_is_the_class_test_it_replaces() -> None:
    rnd = random.Random(3)
    texts = ["".join(rnd.choice("aZ09 .xQ-1b") for _ in range(rnd.randint(0, 12))) for _ in range(50000)]
    texts += ["xAI raised", "1Password", "n8n", "99minutos", "Acme raised $5m in 2024", "Q3 2024", "iPhone"]
    for text in texts:
        classes = text.encode().translate(N._CLASSES)
        old = b"aA" in classes or b"0A" in classes or (b"0a" in classes and N._DIGIT_NAME.search(text) is not None)
        assert N._needs_full_names(text) == old, text
