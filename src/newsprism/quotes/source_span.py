"""The words of a source as a reader names it: the whole noun phrase, no dateline, no time phrase.

Both finders (the cue lexicon's frames and the attribution tagger) can stop short of a title
("[Michael Flynn]" of "Retired Lt. Gen. Michael Flynn") or run past the speaker ("[Sanders on
Tuesday]", "[WASHINGTON -- President Obama]", "[after the senator]"). `tidy` fixes the edges of
a source span, in character offsets into the paragraph's text.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..nlp.entity_rules import TITLES
from ..nlp.headline import lowercase_words

if TYPE_CHECKING:  # attribution applies `tidy` to what it finds
    from .attribution import Attribution

_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "on Tuesday", "in April", "in 2015", "this month", "last week": when, not who
TIME_AFTER = re.compile(rf"\s+(?:(?:on\s+)?(?:{_DAYS})|(?:in|on)\s+(?:(?:late|early|mid-?)\s*)?(?:{_MONTHS}|\d{{4}})(?:\s+\d{{4}})?"
                        r"|(?:this|last|earlier this|later this)\s+(?:week|month|year))$")
# "WASHINGTON -- President Obama", "BRUSSELS - European leaders": a dateline before the speaker
DATELINE_BEFORE = re.compile(r"[A-Z][A-Z.,' ]+\s+(?:--?|—|–)\s+(?=\S)")
# "after the senator", "three days after the Security Council": the speaker is what follows
MAX_TITLE_WORDS = 6
PREPOSITION_BEFORE = re.compile(r"(?:(?:\S+\s+)?(?:days?|weeks?|months?|hours?|minutes?|years?|moments?|shortly|just|soon|long)\s+)*"
                                r"(?:after|before)\s+(?=\S)", re.I)


def tidy(doc: Doc, a: Attribution) -> Attribution:
    """`a` with its source's edges fixed (offsets into doc.text). Both finders return their
    attributions through it (attribution.find_attributions, tagger.group)."""
    if a.source is None:
        return a
    start, end = _whole_phrase(doc, *a.source)
    text = doc.text
    if (m := DATELINE_BEFORE.match(text, start, end)) or (m := PREPOSITION_BEFORE.match(text, start, end)):
        start = m.end()
    if (m := TIME_AFTER.search(text, start, end)) and m.start() > start and not _has_verb(doc, start, m.start()):
        end = m.start()  # "Sanders on Tuesday", not "a poll released last week" (a clause's own time)
    if text.count("(", start, end) > text.count(")", start, end) and ")" in text[end:end + 3]:
        end = text.index(")", end) + 1  # "Rep. Elijah E. Cummings (D-Md.)"
    return replace(a, source=(start, end)) if (start, end) != a.source and end > start else a


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _whole_phrase(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A name widened leftwards to its titles and capitalised modifiers ("Lt. Gen. Michael Flynn",
    "German Chancellor Angela Merkel", "Charlotte Mayor Jennifer Roberts"); not to a common word
    opening the sentence ("Yesterday Obama said")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not all(t.text[:1].isupper() or t.is_punct for t in span):
        return start, end
    first = span.start
    while first > max(0, span.start - MAX_TITLE_WORDS):
        token = doc[first - 1]
        word = token.lower_.rstrip(".")
        opening = first - 1 == 0 or doc[first - 2].text in (".", "!", "?", "“", '"', "\n")  # capitalised by position
        if token.is_punct:
            break
        if not (word in TITLES or token.text[:1].isupper() and not (opening and word in lowercase_words())):
            break
        first -= 1
    return doc[first].idx, end
