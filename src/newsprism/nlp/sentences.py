"""Finding the sentence an offset falls in."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..model import Span


class SentenceIndex:
    def __init__(self, sentences: Sequence[Span]) -> None:
        self.sentences = sentences
        self.starts = [s.start for s in sentences]

    def at(self, offset: int) -> Span:
        """The sentence holding `offset`; an empty span there when none does."""
        i = bisect_right(self.starts, offset) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i].start <= offset < max(self.sentences[i].end, offset + 1):
            return self.sentences[i]
        return Span(offset, offset)
