"""Attributions made by punctuation, not by a verb:
- a speaker label opening a paragraph: transcripts ("PENCE: Well, look, …") and headlines
  ("Pat Caddell: Democrat Voters Worried About …"), the colon being the cue;
- a dash after a quotation that ends its paragraph, then a name ("“… our greatest shame.” ― Sonya
  Herridge"), the dash being the cue.
The source must look like a name: capitalised words, or a transcript's capitals. Labels that are
not speakers ("Note:", "UPDATE:", "Photo:", "Related:"), datelines ("NEW DELHI:") and topics
("Syria: rebels agree …") are not.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from ..nlp.quotations import Quotation

_NAME_WORD = r"(?:[A-Z][\w.'’-]*|al-[\w'’-]+|of|the|de|van|von|bin)"
# at most five words before the colon, and no sentence before them
_LABEL = re.compile(rf"\A\s*[\"“]?(?P<src>[A-Z][\w.'’-]*(?:[ \t]+{_NAME_WORD}){{0,4}})[ \t]*(?P<cue>:)[ \t]+(?P<content>\S)")
_DASH = re.compile(r"[^\S\n]*(?P<cue>[―—–]|--?)[^\S\n]*(?P<src>[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4})\s*\Z")
NOT_SPEAKERS = frozenset(
    "note notes update updated correction clarification editor editors photo photos picture pictures image images "
    "video videos watch listen read related more see source sources credit credits caption warning disclaimer "
    "advertisement subscribe share tags topics filed follow contact email date time location where when what why "
    "how price tickets reporting writing editing breaking exclusive opinion analysis live latest explainer timeline "
    "background summary transcript full text highlights spoiler alert trigger editorial podcast review obituary factbox "
    "quiz recap preview poll report reports file now pictured new just interactive "
    "one two three four five six seven eight nine ten eleven twelve first second third fourth fifth sixth seventh "
    "eighth ninth tenth last next".split())
_MONTHS = frozenset("january february march april may june july august september october november december".split())


def is_dateline_place(name: str) -> bool:
    """A country, a first-level division or a city of 100,000 people: "NEW DELHI:" opens a
    dateline, "WALLACE:" (a town of 3,000) a transcript's line."""
    # imported late: only a paragraph that opens with a label asks
    from ..geo.gazetteer import default_gazetteer
    from ..geo.geocode import of_standing

    return any(of_standing(p) for p in default_gazetteer().exact(name))


def _speaker_like(name: str, is_place: Callable[[str], bool]) -> bool:
    first = name.split()[0].lower().rstrip(".")
    return first not in NOT_SPEAKERS and first not in _MONTHS and not is_place(name)


def speaker_labels(doc: Doc, quotations: list[Quotation],
                   is_place: Callable[[str], bool] = lambda name: False) -> list[tuple[int, int, int, int, int, int]]:
    """(cue start, cue end, source start, source end, content start, content end) of each
    punctuation attribution of the paragraph `doc` (character offsets into doc.text). A label that
    `is_place` is a dateline ("NEW DELHI: …") or a topic ("Syria: rebels agree …"), not a speaker."""
    text = doc.text
    out = []
    m = _LABEL.match(text)
    if m and _speaker_like(m.group("src"), is_place):
        end = len(text.rstrip())
        if text[end - 1:end] in "”\"" and text.lstrip()[:1] in "“\"":
            end -= 1  # a transcript line quoted whole: "“PENCE: … .”"
        out.append((m.start("cue"), m.end("cue"), m.start("src"), m.end("src"), m.start("content"), end))
    for q in quotations:
        d = _DASH.match(text, q.end) if q.closed else None
        if d and _speaker_like(d.group("src"), is_place):
            src_end = d.end("src") - (1 if re.search(r"\w{3}\.\Z", d.group("src")) else 0)  # "Carla Sanchez." ends a sentence
            out.append((d.start("cue"), d.end("cue"), d.start("src"), src_end, q.content_start, q.content_end))
    return out
