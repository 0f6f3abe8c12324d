"""Quantities in running text: "around 2.5 million", "2.5 to 3.3 million", "more than half",
"hundreds", "a dozen", "13", "1.8m", "63 per cent". Each with its span, a value or a low/high
range, and the qualifier that bounds it ("at least" -> the value is a lower bound)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .words import NUMBER, parse_number

# qualifier -> how the stated figure bounds the real one
QUALIFIERS: dict[str, str] = {
    "around": "approximate", "about": "approximate", "some": "approximate", "roughly": "approximate",
    "approximately": "approximate", "an estimated": "approximate", "estimated": "approximate", "nearly": "at_most",
    "almost": "at_most", "close to": "at_most", "just under": "at_most", "up to": "at_most", "as many as": "at_most",
    "fewer than": "below", "less than": "below", "under": "below", "at most": "at_most", "no more than": "at_most",
    "more than": "above", "over": "above", "at least": "at_least", "upwards of": "above", "just over": "above",
    "well over": "above", "in excess of": "above", "exactly": "exact", "only": "exact", "a total of": "exact",
    "an additional": "additional", "another": "additional", "a further": "additional", "some other": "additional",
}
_QUAL = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
VAGUE: dict[str, tuple[float, float | None]] = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999), "millions": (2_000_000, None),
}
FRACTIONS: dict[str, float] = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3,
    "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "one-quarter": 0.25,
    "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1,
    "the majority": 0.5, "most": 0.5,
}
_FRACTION = "|".join(sorted((re.escape(f) for f in FRACTIONS if f not in ("most",)), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_RANGE_SEP = r"(?:\s*(?:-|–|—|to|and)\s*)"
_CURRENCY = r"(?:[$£€]|US\$|USD\s?|EUR\s?|GBP\s?)"

QUANTITY_RE = re.compile(
    rf"(?<![\w.,/$£€-])(?:(?P<qual>{_QUAL})\s+)?(?:between\s+)?"
    rf"(?:(?P<fraction>{_FRACTION})(?!\s+an?\s+(?:million|billion|thousand|hundred|dozen)\b)(?=\s+(?:of\s+)?(?:the|its|all|their|those|these|a|an|an\s+estimated)?\b)"
    rf"|(?P<vague>{_VAGUE})(?=\s+(?:of\s+)?\w)"
    rf"|(?P<cur>{_CURRENCY})?(?P<low>{NUMBER})(?:{_RANGE_SEP}(?P<cur2>{_CURRENCY})?(?P<high>{NUMBER}))?"
    rf"(?P<percent>\s*(?:%|per\s*cent|percent))?)"
    rf"(?![\w-]*\d)(?!(?<=[^\W\d])\w)",  # not inside a word: "Ten" in "Tenggara"
    re.IGNORECASE,
)
_SCALE_WORD = re.compile(r"\b(hundred|thousand|million|billion|trillion|m|bn|k)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float | None  # single figure (None for ranges and vague amounts)
    low: float | None
    high: float | None
    qualifier: str | None  # the words: "around", "more than"
    bound: str  # exact | approximate | above | at_least | below | at_most | range | vague | additional
    unit: str | None  # percent | share | currency code | None (a count)


def _scaled_low(low_text: str, high_text: str) -> str:
    """"2.5 to 3.3 million": the scale word of the high end applies to a bare low end."""
    if _SCALE_WORD.search(low_text) or not _SCALE_WORD.search(high_text):
        return low_text
    return low_text + " " + _SCALE_WORD.search(high_text).group(1)


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    end = len(text) if end is None else end
    found: list[Quantity] = []
    for m in QUANTITY_RE.finditer(text, start, end):
        qual = (m.group("qual") or "").lower() or None
        bound = QUALIFIERS.get(qual, "exact") if qual else "exact"
        unit: str | None = None
        value = low = high = None
        if m.group("fraction"):
            share = FRACTIONS[m.group("fraction").lower()]
            value, low, high, unit = share, share, share, "share"
        elif m.group("vague"):
            low, high = VAGUE[m.group("vague").lower()]
            bound = "vague" if not qual else bound
        else:
            low_text, high_text = m.group("low"), m.group("high")
            if low_text.lower() in ("a", "an"):
                continue
            if high_text:
                low = parse_number(_scaled_low(low_text, high_text))
                high = parse_number(high_text)
                if low is None or high is None or high <= low:
                    continue
                if "and" in text[m.end("low"):m.start("high")] and not re.search(r"between\s+$", text[max(0, m.start() - 10):m.start("low")], re.IGNORECASE):
                    # "13 and 45" is two figures, not a range, unless after "between": the first here, the second after it
                    low = high = value = parse_number(low_text)
                    qs = m.start("qual") if m.group("qual") else m.start()
                    found.append(Quantity(qs, m.end("low"), text[qs:m.end("low")], value, low, high, qual, bound, None))
                    second = parse_number(high_text)
                    if second is not None:
                        found.append(Quantity(m.start("high"), m.end(), text[m.start("high"):m.end()], second, second, second, None,
                                              "exact", "percent" if m.group("percent") else None))
                    continue
                else:
                    bound = "range"
            if not high_text:
                value = parse_number(low_text)
                if value is None:
                    continue
                low = high = value
            if m.group("percent"):
                unit = "percent"
            elif m.group("cur") or m.group("cur2"):
                unit = (m.group("cur") or m.group("cur2")).strip().replace("$", "USD").replace("£", "GBP").replace("€", "EUR").replace("USUSD", "USD")
        qs = m.start("qual") if m.group("qual") else (m.start("fraction") if m.group("fraction") else m.start())
        found.append(Quantity(qs, m.end(), text[qs:m.end()], value, low, high, qual, bound, unit))
    return found
