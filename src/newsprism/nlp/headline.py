"""Headline capitals: Title Case and ALL-CAPS words mislead a model trained on running text.

`recase` lower-cases, in headline-styled text only, the words that news writes in lower case
mid-sentence (resources/lowercase_words.txt, built from the bulk corpus by
tools/build_truecase.py). It never changes the length of the text, so every offset the model
returns on the re-cased text holds for the original.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def lowercase_words() -> frozenset[str]:
    return _word_list("lowercase_words.txt")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words news writes in lower case at least a quarter of the time ("centre", "nice"): a
    capitalised one is a name only by context (tools/build_truecase.py)."""
    return _word_list("common_words.txt")


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("newsprism.resources").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_headline_styled(text: str) -> bool:
    """Most words capitalised (Title Case), or some words in capitals."""
    words = [w for w in WORD.findall(text) if len(w) > 3]
    if len(words) < 3:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    shouting = sum(w.isupper() for w in words)
    return capitalised / len(words) >= 0.6 or shouting >= 1


def recase(text: str) -> str:
    """`text` with headline capitals undone where the word is a common lower-case word; same length."""
    if not is_headline_styled(text):
        return text
    common = lowercase_words()

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if not word[0].isupper() or word.lower() not in common:
            return word
        if m.start() == 0:  # the first word keeps its capital: CLASH -> Clash
            return word[0] + word[1:].lower() if word.isupper() else word
        return word.lower()

    return WORD.sub(fix, text)
