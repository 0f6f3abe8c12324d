"""Words run together where a line break was lost, as in text extracted from PDF reports:
"about 668,000 peoplewere evacuated", "at least140,000", "have already fledShirqat".

The figures stage reads a repaired copy of such text, with a space inserted at each seam, and maps
what it finds back to offsets in the source. Only three kinds of seam are repaired, each one that
ordinary prose does not produce:
- a qualifier or preposition glued to a figure ("least140,000", "Around1.6 million");
- a function word glued to a word the figures stage reads, a cue or a counted noun
  ("weredisplaced", "peoplewere", "damageto", "newdisplacements");
- such a word glued to a capitalised one ("fledShirqat", "inMosul").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from ..nlp.headline import lowercase_words

FUNCTION_WORDS = frozenset(
    "the an and or but of to in on at by for from with as into onto over under about after before between among "
    "through during without within against than that this these those there their they them he she it its we our "
    "you your his her who whom whose which what when where while were was is are be been being have has had do "
    "does did not no will would shall should can could may might must also still now already more most many some "
    "any all each other another new only just even very so such least around nearly almost".split())
# words that qualify or introduce a figure: "at least140,000", "Around1.6 million", "with14,593"
_BEFORE_FIGURE = frozenset("with least around about between some nearly almost over than to by of from and "
                           "approximately roughly only under another additional including estimated".split())
_FIGURE_GLUE = re.compile(r"(?<![^\W\d_])([A-Za-z]+)(?=\d)")
_LOWER_TOKEN = re.compile(r"(?<![^\W\d_])[a-z]{4,}(?![^\W\d_])")
_CAMEL = re.compile(r"(?<![^\W\d_])([a-z]{3,})(?=[A-Z][a-z]+(?![^\W\d_]))")


@dataclass(frozen=True, slots=True)
class Repaired:
    """`text` with a space inserted before each source offset in `seams` (sorted)."""

    text: str
    seams: tuple[int, ...]

    def to_view(self, offset: int, end: bool = False) -> int:
        """A source offset in the repaired text; an `end` offset at a seam stays before its space."""
        return offset + (bisect_left if end else bisect_right)(self.seams, offset)

    def to_source(self, offset: int) -> int:
        """A repaired-text offset in the source (an inserted space maps to its seam)."""
        spaces = [s + i for i, s in enumerate(self.seams)]  # where the inserted spaces stand in `text`
        return offset - bisect_left(spaces, offset)


def _split_point(token: str, lexicon: frozenset[str]) -> int | None:
    """Where a lower-case token splits into a function word and a word of the figures lexicon
    (four letters or more), in either order; None for a word news writes ("homeless", "sometimes")."""
    if token in lexicon or token in lowercase_words():
        return None
    for i in range(2, len(token) - 1):
        head, tail = token[:i], token[i:]
        if head in FUNCTION_WORDS and tail in lexicon and len(tail) >= 4:
            return i
        if tail in FUNCTION_WORDS and head in lexicon and len(head) >= 4:
            return i
    return None


def _seams(text: str, lexicon: frozenset[str]) -> Iterable[int]:
    for m in _FIGURE_GLUE.finditer(text):
        if m.group(1).lower() in _BEFORE_FIGURE:
            yield m.end()
    for m in _LOWER_TOKEN.finditer(text):
        i = _split_point(m.group(), lexicon)
        if i is not None:
            yield m.start() + i
    for m in _CAMEL.finditer(text):
        if m.group(1) in lexicon or m.group(1) in FUNCTION_WORDS:
            yield m.end()


def repair(text: str, lexicon: frozenset[str]) -> Repaired | None:
    """The text with its glued words separated, or None when nothing is glued (the usual case).
    `lexicon`: the lower-case words the caller reads (the figures stage's cues and counted nouns)."""
    seams = tuple(sorted(set(_seams(text, lexicon))))
    if not seams:
        return None
    parts, last = [], 0
    for s in seams:
        parts.append(text[last:s])
        last = s
    parts.append(text[last:])
    return Repaired(" ".join(parts), seams)
