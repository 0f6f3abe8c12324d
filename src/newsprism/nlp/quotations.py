"""Direct quotations: every quote-mark style, paired per paragraph, with degradation per item.

Finds the spans an article puts between quotation marks and says what each is:
  direct   words reported as said or written ("“The camp cannot take any more,” he told …")
  scare    a short term the outlet holds at a distance (so-called “terror groups”, “de-escalation”)
Quotes split by their attribution ("…,” he said. “…") are two quotations here; joining them
to their speaker is the attribution stage's work. A quotation that runs over several paragraphs
(an opening mark at each paragraph start, no closing mark until the last) is one quotation. An
unclosed quotation ends at its paragraph and is flagged `closed=False`; it never costs the others.

Marks: “ ” „ « » ‘ ’ and straight " and '. An apostrophe inside or at the end of a word
(don’t, Assad’s, families’) is not a quotation mark unless it closes a single quote that is open.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..ingest.textblocks import FUNCTION_WORDS
from ..model import Block

OPENERS = {"“": "”", "„": "“", "«": "»", "‘": "’", '"': '"', "'": "'"}
DOUBLE = frozenset('“”„«»"')
SPEECH_CUES = re.compile(
    r"\b(said|says|say|told|tells|tell|telling|added|adds|warned|warns|wrote|writes|declared|declares|"
    r"stated|states|urged|urges|asked|asks|insisted|insists|explained|explains|remembered|recalled|"
    r"describ\w*|call\w*|read|reads|noted|notes|according|quoted|quoting|claimed|claims|announced|"
    r"commented|replied|answered|tweeted|posted|vowed|promised|admitted|argued|stressed|reported|reports|"
    r"report|saying|warning|adding|urging|insisting)\b",
    re.I,
)
DISTANCING = re.compile(r"\b(so-called|so called|dubbed|branded|labelled|labeled|termed|known as|self-styled|supposed)\s*$", re.I)
SENTENCE_END = re.compile(r"[.!?…][\"”’']?\s+(?=[\"“‘'A-Z])")
WORD = re.compile(r"[^\W\d_][\w’'-]*")
SENTENCE_PUNCT = re.compile(r"[.!?…][\]\)]*$")


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int  # the opening mark
    end: int  # after the closing mark (or the end of the paragraph when unclosed)
    content_start: int
    content_end: int
    kind: str  # "direct" or "scare"
    closed: bool


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "‘'":  # an apostrophe after a letter (don’t, Assad’s) opens nothing
        return not before.isalnum() and (after.isalnum() or after in "“\"")
    if ch == '"':
        return (not before.isalnum() or before in "(-—–") and not after.isspace()
    return True


def _is_closing(text: str, i: int, mark: str) -> bool:
    if text[i] != mark:
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in "’'":  # closes only before a space or punctuation (not inside "don’t")
        return not after.isalnum()
    return True


def _paragraph_quotes(text: str, offset: int) -> tuple[list[tuple[int, int, int, int, bool]], int | None]:
    """(start, end, content_start, content_end, closed) in one paragraph, and the start of a quote
    left open at its end (None when all are closed)."""
    found: list[tuple[int, int, int, int, bool]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in OPENERS and _is_opening(text, i):
            close = OPENERS[ch]
            j = i + 1
            while j < len(text) and not _is_closing(text, j, close):
                j += 1
            if j < len(text):
                found.append((offset + i, offset + j + 1, offset + i + 1, offset + j, True))
                i = j + 1
                continue
            if ch in DOUBLE or i == 0:
                return found, offset + i
        i += 1
    return found, None


def _sentence_before(text: str, start: int, floor: int) -> str:
    """The text of the sentence up to `start` (back to a sentence end, or `floor`)."""
    ends = list(SENTENCE_END.finditer(text, floor, start))
    return text[ends[-1].end() if ends else floor:start]


def _kind(text: str, start: int, end: int, content: str, floor: int, previous: Quotation | None) -> str:
    before = _sentence_before(text, start, floor)
    words = WORD.findall(content)
    if DISTANCING.search(before):
        return "scare"
    if previous is not None and re.fullmatch(r"\s*(and|or|,)\s*", text[previous.end:start]):
        return previous.kind  # “a terrorist nest” and “a festering abscess”: one cue for both
    name_like = bool(words) and sum(w[0].isupper() for w in words if w.lower() not in FUNCTION_WORDS) >= 0.6 * max(
        1, sum(w.lower() not in FUNCTION_WORDS for w in words))
    lead = before.split()
    after = " ".join(text[end:end + 60].split()[:6])
    if content.rstrip().endswith(",") or SPEECH_CUES.search(" ".join(after.split()[:1])):
        return "direct"  # “…,” he said: speech running into its attribution
    if name_like and len(words) <= 5:  # a name in quotes is held at a distance unless a cue is right there
        return "direct" if SPEECH_CUES.search(" ".join(lead[-3:])) else "scare"
    if SPEECH_CUES.search(" ".join(lead[-15:])) or SPEECH_CUES.search(after):
        return "direct"
    if len(words) > 5 or (not lead and content[:1].isupper() and SENTENCE_PUNCT.search(content)):
        return "direct"  # long, or a whole sentence of its own ("“I’d rather stay home.”")
    if len(words) >= 3 and any(w.lower() in FUNCTION_WORDS for w in words):
        return "direct"  # a fragment of a sentence ("do their utmost to avoid"), not a term
    return "scare"


def find_quotations(source_text: str, blocks: Iterable[Block]) -> list[Quotation]:
    """Quotations in the text blocks of an article, in reading order."""
    out: list[Quotation] = []
    pending: int | None = None  # start of a quotation still open at the previous paragraph's end
    pending_end = 0
    for block in blocks:
        if block.kind not in ("title", "dek", "body", "subhead"):
            continue
        text = block.text
        starts_with_quote = text[:1] in "“\"«„"
        if pending is not None and not starts_with_quote:
            out.append(Quotation(pending, pending_end, pending + 1, pending_end, "direct", False))
            pending = None
        if pending is not None and starts_with_quote:
            # a quotation continued over paragraphs: this paragraph's opening mark continues it
            first_close = _first_close(text, block.start)
            if first_close is None:
                pending_end = block.end
                continue
            out.append(Quotation(pending, first_close + 1, pending + 1, first_close, "direct", True))
            pending = None
            found, open_at = _paragraph_quotes(source_text[first_close + 1:block.end], first_close + 1)
        else:
            found, open_at = _paragraph_quotes(text, block.start)
        for start, end, cs, ce, closed in found:
            previous = out[-1] if out else None
            kind = _kind(source_text, start, end, source_text[cs:ce], block.start, previous)
            out.append(Quotation(start, end, cs, ce, kind, closed))
        if open_at is not None:
            pending, pending_end = open_at, block.end
    if pending is not None:
        out.append(Quotation(pending, pending_end, pending + 1, pending_end, "direct", False))
    return out


def _first_close(text: str, offset: int) -> int | None:
    """Offset of the first closing double mark after a paragraph's opening mark."""
    for i in range(1, len(text)):
        if text[i] in "”\"»" and (i + 1 == len(text) or not text[i + 1].isalnum()):
            return offset + i
    return None
