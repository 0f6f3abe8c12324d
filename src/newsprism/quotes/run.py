"""Running the attribution finder over whole texts: paragraphs parsed in batches, offsets shifted
back into each text."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from .attribution import Attribution, find_attributions
from .cues import CueLexicon
from .tagger import combine, group, tag

PARAGRAPH = re.compile(r"[^\n]+")


def parse_paragraphs(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[list[tuple[int, Doc]]]:
    """For each text, its non-empty lines as (offset, parsed Doc), in order."""
    current: list[tuple[int, Doc]] = []
    index = 0

    def paragraphs() -> Iterator[tuple[str, tuple[int, int]]]:
        for i, text in enumerate(texts):
            yield "", (i, -1)  # marks the start of text i, so texts with no paragraph still yield
            for m in PARAGRAPH.finditer(text):
                yield m.group(), (i, m.start())

    for doc, (i, offset) in nlp.pipe(paragraphs(), as_tuples=True, batch_size=batch_size):
        if offset < 0:
            if i:
                yield current
            current, index = [], i
            continue
        current.append((offset, doc))
    if index or current:
        yield current


def shifted(found: Attribution, offset: int) -> Attribution:
    move = lambda span: (span[0] + offset, span[1] + offset)  # noqa: E731
    return replace(found, cue=move(found.cue), source=move(found.source) if found.source else None,
                   content=tuple(map(move, found.content)), medium=move(found.medium) if found.medium else None,
                   antecedent=move(found.antecedent) if found.antecedent else None)


def attributions_in(parsed: Iterable[tuple[int, Doc]], lexicon: CueLexicon, tagger: Language | None = None) -> list[Attribution]:
    """Every paragraph's attributions, in text offsets: the cue lexicon's frames, and with a
    `tagger` the attribution tagger's too (quotes.tagger.combine)."""
    parsed = list(parsed)
    if tagger is None:
        return [shifted(a, offset) for offset, doc in parsed for a in find_attributions(doc, lexicon)]
    tagged = tag(tagger, [doc for _, doc in parsed])
    return [shifted(a, offset) for (offset, doc), spans in zip(parsed, tagged)
            for a in combine(find_attributions(doc, lexicon), group(doc, spans))]
