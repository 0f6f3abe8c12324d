"""The quote stage: an article's attributions as Quote records, with speakers resolved.

Runs where the language pipeline's parses of the article's blocks are at hand (see
nlp.pipeline.add_language). Direct quotations are found over the whole article, so a quotation
running over several paragraphs is one; an attribution whose content touches one takes all of
it; a direct quotation nobody claimed continues the attribution just before it (within the
previous two blocks) or, failing that, stays a quote with no known speaker. Without a parser
(`--model rules`) only direct quotations are reported, with no cue and no speaker.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article, Block, Quote, Span
from ..nlp.quotations import Quotation, find_quotations
from ..nlp.sentences import SentenceIndex
from .attribution import SUBJECTS, Attribution, find_attributions
from .cues import CueLexicon
from .run import shifted
from .speakers import Mention, Previous, Speaker, SpeakerTypes, resolve
from .tagger import combine, group, tag

QUOTE_KINDS = frozenset({"title", "dek", "body", "subhead"})
CONTINUATION_BLOCKS = 2
# Cues PolNeAR counts (evidence, not a source's words) that a reader of quotes does not want:
# "Its fate now appears to rest on …", "There seemed to be no escape".
NOT_SPEECH = frozenset({"seem", "appear"})
# A tagged attribution outside quotation marks needs this many words of content to be reported.
MIN_TAGGED_WORDS = 3


def _covered(parts: Sequence[tuple[int, int]], q: Quotation) -> bool:
    return any(a < q.content_end and q.content_start < b for a, b in parts)


def _absorb(parts: tuple[tuple[int, int], ...], q: Quotation) -> tuple[tuple[int, int], ...]:
    """The parts with those inside quotation `q` replaced by its whole content."""
    kept = [(a, b) for a, b in parts if not (a < q.content_end and q.content_start < b)]
    return tuple(sorted(kept + [(q.content_start, q.content_end)]))


def article_quotes(article: Article, parsed: Sequence[tuple[Block, Doc]], lexicon: CueLexicon,
                   types: SpeakerTypes, tagger: Language | None = None) -> tuple[Quote, ...]:
    text = article.source_text
    blocks = [b for b, _ in parsed if b.kind in QUOTE_KINDS]
    block_index = {b.start: i for i, b in enumerate(blocks)}
    quotations = [q for q in find_quotations(text, blocks) if q.kind == "direct"]
    mentions = [Mention(b.start + e.start_char, b.start + e.end_char, e.label_, e.text, e.root.dep_ in SUBJECTS)
                for b, doc in parsed for e in doc.ents]
    found: list[tuple[int, Attribution]] = []  # (block number, attribution in article offsets)
    quoting = [(block, doc) for block, doc in parsed if block.kind in QUOTE_KINDS and doc.has_annotation("DEP")]
    tagged = tag(tagger, [doc for _, doc in quoting], [b.text for b, _ in quoting]) if tagger is not None else [None] * len(quoting)
    for (block, doc), spans in zip(quoting, tagged):
        local = [_moved(q, -block.start) for q in quotations if block.start <= q.start < block.end]
        attributions = [a for a in find_attributions(doc, lexicon, local) if _wanted(doc, a)]
        if spans is not None:
            attributions = combine(attributions, [a for a in group(doc, spans) if _wanted(doc, a)])
        found.extend((block_index[block.start], shifted(a, block.start)) for a in attributions)
    # an attribution inside someone's quoted words ("“… We call upon you to join …”") is theirs, not the article's
    # (an unclosed quotation runs to its paragraph's end and may swallow its own attribution: not that one)
    found = [(n, a) for n, a in found if not any(q.closed and q.content_start <= a.cue[0] < q.content_end for q in quotations)]
    for q in quotations:
        hits = [i for i, (_, a) in enumerate(found) if _covered(a.content, q)]
        for i in hits:
            n, a = found[i]
            found[i] = (n, replace(a, content=_absorb(a.content, q)))
        if hits:
            continue
        q_block = _block_of(blocks, q.start)
        if q_block < len(blocks) and blocks[q_block].kind != "body":  # a quoted headline: whoever says it below
            words = _words(text[q.content_start:q.content_end])
            origin = next((a for _, a in found if words and words <= _words(" ".join(text[x:y] for x, y in a.content))), None)
            found.append((q_block, replace(origin, content=((q.content_start, q.content_end),), frame="headline") if origin
                          else _unattributed(q)))
            continue
        before = [i for i, (n, a) in enumerate(found) if a.cue[1] <= q.start and q_block - n <= CONTINUATION_BLOCKS]
        # "“…,” he said, speaking because he was not authorized to. “…”": the quotation goes on the last quoted speaker's words
        quoting = [i for i in before if any(_covered(found[i][1].content, other) for other in quotations if other.end <= q.start)]
        if before:
            i = (quoting or before)[-1]
            n, a = found[i]
            found[i] = (n, replace(a, content=tuple(sorted(a.content + ((q.content_start, q.content_end),)))))
        else:
            found.append((q_block, _unattributed(q)))
    found.sort(key=lambda item: item[1].content[0])
    sentence_at = SentenceIndex(article.sentences).at
    out: list[Quote] = []
    previous: Previous | None = None
    introduced: Speaker | None = None  # the last anonymous source introduced as "a …"
    for _, a in found:
        speaker = resolve(text, a.source, a.cue[0], mentions, previous, types, a.antecedent, introduced)
        if not _nested(a, found):  # one named inside someone else's words is not whom a later "he" refers to
            if speaker.name:
                previous = Previous(speaker, max(a.cue[1], a.content[-1][1]))
            if speaker.kind == "anonymous" and re.match(r"(?:an?|one)\s", (speaker.name or "").lower()):
                introduced = speaker
        parts = tuple(Span(x, y) for x, y in a.content)
        in_quotes = [any(q.content_start <= p.start and p.end <= q.content_end for q in quotations) for p in parts]
        mode = "direct" if all(in_quotes) else "mixed" if any(in_quotes) or _has_quotation(parts, quotations) else "indirect"
        cue = a.cue if a.frame not in ("unattributed",) else None
        out.append(Quote(
            parts[0].start, parts[-1].end, " … ".join(text[p.start:p.end] for p in parts), parts, mode,
            text[cue[0]:cue[1]] if cue else None, cue[0] if cue else None, cue[1] if cue else None,
            text[a.source[0]:a.source[1]] if a.source else None, a.source[0] if a.source else None,
            a.source[1] if a.source else None, speaker.name, speaker.kind, speaker.type, speaker.resolved_by,
            text[a.medium[0]:a.medium[1]] if a.medium else None,
            sentence_at(cue[0] if cue else parts[0].start)))
    return tuple(_headline_speakers(out, blocks))


def _headline_speakers(quotes: list[Quote], blocks: Sequence[Block]) -> list[Quote]:
    """A headline quote given to a description ("…, rebel commander says") takes the name of whoever
    says the same words in the body ("Mustafa Sejari, a commander in the FSA, told …")."""
    heads = {i for i, b in enumerate(blocks) if b.kind != "body"}
    body = [q for q in quotes if _block_of(blocks, q.start) not in heads and q.speaker_kind == "person"]
    out = []
    for q in quotes:
        if _block_of(blocks, q.start) in heads and q.speaker_kind in ("anonymous", "unknown"):
            words = _words(q.text)
            same = next((b for b in body if words and words <= _words(b.text)), None)
            if same is not None:
                q = replace(q, speaker_name=same.speaker_name, speaker_kind=same.speaker_kind,
                            speaker_type=q.speaker_type if q.speaker_type not in ("anonymous", "other") else same.speaker_type,
                            resolved_by="description")
        out.append(q)
    return out


def _nested(a: Attribution, found: Sequence[tuple[int, Attribution]]) -> bool:
    """The attribution's cue lies within the extent of another's content ("… no directive from Turkey indicating …")."""
    return any(b is not a and b.content[0][0] <= a.cue[0] < b.content[-1][1] for _, b in found)


def _unattributed(q: Quotation) -> Attribution:
    return Attribution((q.start, q.start), None, ((q.content_start, q.content_end),), "unattributed", -1)


def _moved(q: Quotation, by: int) -> Quotation:
    return replace(q, start=q.start + by, end=q.end + by, content_start=q.content_start + by, content_end=q.content_end + by)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _wanted(doc: Doc, a: Attribution) -> bool:
    """Drop evidentials, attributions to nobody that are not in quotation marks, and tagged ones
    whose unquoted content is a word or two."""
    if doc[a.cue_token].lemma_.lower() in NOT_SPEECH:
        return False
    text = doc.text  # built from the tokens at each access: once here
    if a.source is not None and not text[a.source[0]:a.source[1]].strip():
        return False
    quoted = any(text[x - 1:x] in "“\"‘'«" for x, _ in a.content if x)
    if a.source is None and not quoted:
        return False
    if a.frame == "tagged" and not quoted and sum(len(text[x:y].split()) for x, y in a.content) < MIN_TAGGED_WORDS:
        return False  # "Turkey, which has backed the rebels": a stance, not something said
    return True


def _has_quotation(parts: Sequence[Span], quotations: Sequence[Quotation]) -> bool:
    return any(p.start <= q.content_start and q.content_end <= p.end for p in parts for q in quotations)


def _block_of(blocks: Sequence[Block], at: int) -> int:
    for i, b in enumerate(blocks):
        if b.start <= at < b.end:
            return i
    return len(blocks)


def quotations_only(article: Article) -> tuple[Quote, ...]:
    """Without a parse: the article's direct quotations, with no cue and no speaker."""
    blocks = [b for b in article.blocks if b.kind in QUOTE_KINDS]
    sentence_at = SentenceIndex(article.sentences).at
    text = article.source_text
    return tuple(
        Quote(q.content_start, q.content_end, text[q.content_start:q.content_end], (Span(q.content_start, q.content_end),),
              "direct", None, None, None, None, None, None, None, "unknown", "other", "none", None,
              sentence_at(q.content_start))
        for q in find_quotations(text, blocks) if q.kind == "direct")
