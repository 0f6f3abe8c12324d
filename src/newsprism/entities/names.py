"""Name keys that survive transliteration: the same actor or place written by different outlets.

`fold` undoes typography (diacritics, apostrophes and hamzas, hyphens, case); `key` also drops the
Arabic article in all its spellings (al-, a-, el-, an-, ash-…) and a leading "the", and maps
spelling families onto one form (Jebat/Jabha → jabhat, Hay'at → hayat); `skeleton` keeps the
consonants only ("Sheikhoun" and "Shaykhun" both read "skn"), for finding candidates that a
closer comparison then confirms (`similar`).
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

APOSTROPHES = "'’‘`´ʼʻʿʾ′"
ARTICLES = frozenset({"al", "el", "a", "an", "ad", "ash", "as", "at", "az", "ar", "ath", "adh", "the", "ul"})
# spelling families of common Arabic words in names
FAMILIES = {
    "jebat": "jabhat", "jabha": "jabhat", "jabhet": "jabhat", "jebhat": "jabhat",
    "hayat": "hayat", "hayaat": "hayat", "haiat": "hayat", "hayet": "hayat",
    "sheikh": "shaykh", "sheik": "shaykh", "shaikh": "shaykh", "shekh": "shaykh",
    "mohammad": "muhammad", "mohammed": "muhammad", "mohamed": "muhammad", "muhammed": "muhammad", "mohamad": "muhammad",
    "abdul": "abd", "abdel": "abd", "abdal": "abd", "abdol": "abd",
    "qaida": "qaeda", "qaeda": "qaeda", "qa'ida": "qaeda", "kaida": "qaeda",
    "nusrah": "nusra", "nosra": "nusra",
    "hussein": "husayn", "husain": "husayn", "hossein": "husayn",
    "sham": "sham", "shaam": "sham",
}
WORD = re.compile(r"[a-z0-9]+")
DOTTED_INITIAL = re.compile(r"(?<![A-Za-z])([A-Za-z])\.(?=[A-Za-z](?![a-z]))")  # U.N., U.S.


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics, no apostrophes; hyphens and dots as spaces."""
    decomposed = unicodedata.normalize("NFKD", DOTTED_INITIAL.sub(r"\1", text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = "".join("" if c in APOSTROPHES else c for c in plain).lower()
    return " ".join(WORD.findall(plain))


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The comparison key: folded, without articles, spelling families merged."""
    words = [FAMILIES.get(w, w) for w in fold(text).split() if w not in ARTICLES]
    return " ".join(w for w in words if w)


def _word_skeleton(word: str) -> str:
    if word.isdigit():
        return word
    consonants = re.sub(r"[aeiouyhw]", "", word)
    return re.sub(r"(.)\1+", r"\1", consonants) or word[:1]


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Consonants of each word of the key, doubled letters once: a coarse index for transliterations."""
    return " ".join(_word_skeleton(w) for w in key(text).split())


def similar(a: str, b: str) -> float:
    """How alike two keys read once vowels are reduced to one (0..1)."""
    squash = lambda s: re.sub(r"[aeiouy]+", "a", re.sub(r"(.)\1+", r"\1", s.replace("h", "")))  # noqa: E731
    return SequenceMatcher(None, squash(a), squash(b)).ratio()


def acronym(text: str) -> str:
    """Initials of the name's content words: "Hayat Tahrir al-Sham" → "HTS", "United Nations" → "UN"."""
    words = [w for w in re.split(r"[\s\-]+", text) if w]
    initials = [w[0] for w in words if w[:1].isalpha() and w.lower().strip(APOSTROPHES) not in ARTICLES
                and w.lower() not in ("of", "for", "and", "de", "du", "des", "la", "le")]
    return "".join(initials).upper()


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
