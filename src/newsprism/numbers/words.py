"""Numbers written as digits or words: "2.5", "1,800", "twenty-four", "three million", "a dozen"."""
from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000,
          "billion": 1_000_000_000, "trillion": 1_000_000_000_000}  # lakh and crore: South Asian English
SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
COUNTING_WORDS = {"a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "a pair of": 2, "a single": 1, "single": 1,
                  "half a": 0.5, "a half": 0.5, "a": 1, "an": 1}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_SMALL = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_SCALE = "|".join(SCALES)
# A number in words: "twenty-four", "two hundred and fifty thousand", "three million".
WORD_NUMBER = rf"(?:half[- ]a[- ](?:{_SCALE})|(?:{_SMALL})(?:[- ](?:{_SMALL}))?(?:[- ](?:and[- ])?(?:{_SMALL}|{_SCALE}))*|(?:a|one)[- ](?:{_SCALE})(?:[- ](?:and[- ])?(?:{_SMALL}|{_SCALE}))*)"
DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3}|, 000)+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)|\d+)(?:\.\d+)?"
DIGIT_WITH_SCALE = rf"{DIGIT_NUMBER}(?:(?:[ \u00a0]{{1,3}}|-)?(?:{_SCALE})s?|(?:k|m|mn|bn)\b)?"
NUMBER = rf"(?:{DIGIT_WITH_SCALE}|{WORD_NUMBER})"

_WORD_RE = re.compile(r"[a-z]+")


def parse_number(text: str) -> float | None:
    """The value of a number in digits and/or words; None when it is not one."""
    t = text.lower().strip().replace("\u2009", "").replace("\u00a0", " ")
    m = re.fullmatch(rf"({DIGIT_NUMBER})\s*-?\s*([a-z]+)?", t)
    if m:
        value = float(re.sub(r"[,\s\u00a0\u202f]", "", m.group(1)))
        scale = m.group(2)
        if scale:
            factor = SCALES.get(scale.rstrip("s")) or SCALE_ABBREVIATIONS.get(scale)
            if factor is None:
                return None
            value *= factor
        return value
    if t in COUNTING_WORDS:
        return float(COUNTING_WORDS[t])
    half = re.fullmatch(r"half[- ]a[- ]([a-z]+)", t)
    if half:
        return SCALES[half.group(1)] / 2 if half.group(1) in SCALES else None
    total, current, seen = 0.0, 0.0, False
    for word in _WORD_RE.findall(t):
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ("a",):
            current += 1
        elif word in SCALES:
            scale = SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def format_number(value: float) -> str:
    """2.0 -> "2", 2.5 -> "2.5" (for ISO durations and display)."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
