"""The attribution tagger: a small statistical model (trained on PolNeAR train, `make attribution`)
that marks each token of a paragraph as part of a CUE, a SOURCE or a CONTENT span, and the
grouping of those spans into attributions with the help of the paragraph's parse.

It finds what the cue lexicon's syntactic frames miss ("he reserved his passion for …", "the
report showed …") and takes PolNeAR's span conventions from the data. The weights live in
resources/attribution/ and share the word vectors of newsprism's own pipeline: `load_tagger` is
given that pipeline's vocab, or loads it when another pipeline does the parsing.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..nlp import model
from .attribution import SUBJECTS, Attribution, _medium, _source_span
from .source_span import tidy
from .speakers import RELATIVES

PACKAGE = "newsprism.resources.attribution"
BATCH_SIZE = 64
MAIN_CLAUSE = frozenset({"ROOT", "parataxis", "ccomp"})
CLOSING_QUOTES = frozenset("”’\"'»")


def is_available() -> bool:
    return model.is_available(PACKAGE)


def load_tagger(vocab: Vocab | None = None) -> Language | None:
    """The packaged tagger over `vocab` (which must hold newsprism's word vectors), or None when
    none is packaged. Without `vocab`, newsprism's own pipeline's vocab is loaded."""
    if not is_available():
        return None
    if vocab is None or (vocab.vectors.shape, vocab.vectors.name) != _vectors():
        vocab = model.load_default().vocab
    tagger = model.load_packaged(PACKAGE, ["vocab", "tokenizer"], vocab)
    model.load_tokenizer(tagger)  # it was trained on the tokens of newsprism's own tokenizer
    return tagger


def _vectors() -> tuple[tuple[int, int], str]:
    """The shape and name of the word vectors the tagger was trained with."""
    rows, width, name = resources.files(PACKAGE).joinpath("vectors.txt").read_text(encoding="utf-8").split()
    return (int(rows), int(width)), name


def tag(tagger: Language, docs: Sequence[Doc], texts: Sequence[str] | None = None) -> list[list[Span]]:
    """For each parsed doc, the tagger's spans, as Spans of that doc (its own entities untouched).
    The tagger reads each paragraph's text (`texts`, the docs' texts when they are at hand) tokenised
    afresh: no entities (it writes its own) and no sentence boundaries (its NER would not let a
    content span cross them; PolNeAR's do)."""
    texts = texts if texts is not None else [doc.text for doc in docs]
    out = []
    for doc, tagged in zip(docs, tagger.pipe(texts, batch_size=BATCH_SIZE)):
        # by characters: the same tokens with newsprism's own pipeline, the nearest ones with another
        spans = (doc.char_span(e.start_char, e.end_char, label=e.label_, alignment_mode="expand") for e in tagged.ents)
        out.append([trimmed for span in spans if span is not None and (trimmed := _trimmed(span)) is not None])
    return out


def _trimmed(span: Span) -> Span | None:
    """The span less the punctuation and spaces at its edges (a closing quote mark ends a content)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct
                           and not (span.label_ == "CONTENT" and doc[end - 1].text in CLOSING_QUOTES)):
        end -= 1
    return Span(doc, start, end, label=span.label_) if end > start else None


def _distance(a: Span, b: Span) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _governs(cue: Span, span: Span) -> bool:
    """A cue word is an ancestor of the span's first word attached outside it: "said [that …]",
    "according to [X]" (the first, not spaCy's span root, which a misattached conjunct can move)."""
    top = next((t for t in span if not span.start <= t.head.i < span.end), span.root)
    return any(t.is_ancestor(top) for t in cue)


def _with_names(span: Span) -> Span:
    """A source span widened to the names it cuts ("Yousef" of "al-Yousef")."""
    start, end = span.start, span.end
    for ent in span.doc.ents:
        if ent.start < end and start < ent.end:
            start, end = min(start, ent.start), max(end, ent.end)
    return Span(span.doc, start, end, label=span.label_)


def _source(cue: Span, candidates: Sequence[Span]) -> Span | None:
    """The cue's source among the SOURCE spans of its sentence: those inside its subject's subtree
    as one span ("a rebel commander with the FSA" + "in northern Hama"), else the nearest."""
    if not candidates:
        return None
    inside = [s for s in candidates if _in_subject(cue, s)]
    if inside:
        start, end = min(s.start for s in inside), max(s.end for s in inside)
        subject = _subject(cue)
        if not start <= subject.i < end:  # it must hold the subject's head, the name a speaker is found by
            start, end = min(start, subject.left_edge.i), max(end, subject.i + 1)
        return Span(cue.doc, start, end, label="SOURCE")
    return min(candidates, key=lambda s: _distance(cue, s))


def _subject(cue: Span) -> Token | None:
    return next((t for t in cue.root.children if t.dep_ in SUBJECTS), None)


def _in_subject(cue: Span, span: Span) -> bool:
    subject = _subject(cue)
    return subject is not None and subject.left_edge.i <= span.start and span.end <= subject.right_edge.i + 1


def group(doc: Doc, spans: Iterable[Span]) -> list[Attribution]:
    """Attributions from tagged spans (`doc` parsed). A SOURCE joins the nearest CUE of its sentence;
    a CONTENT span joins the cue of its sentence that governs it, else the nearest one there, else
    (content in a sentence of its own: "… he said. “…”") the nearest cue with a source in the
    paragraph, main-clause cues first, the one before it first. A cue that gets no content is dropped: nothing was said."""
    spans = sorted(spans, key=lambda s: s.start)
    cues = [s for s in spans if s.label_ == "CUE"]
    if not cues or not doc.has_annotation("DEP"):
        return []
    sentence = {s.start: doc[s.start].sent.start for s in spans}  # token -> its sentence's first token
    sources: dict[int, list[Span]] = {i: [] for i in range(len(cues))}
    contents: dict[int, list[Span]] = {i: [] for i in range(len(cues))}
    nearest = lambda pool, span: min(pool, key=lambda i: (_distance(cues[i], span), cues[i].start > span.start))  # noqa: E731
    for span in sorted((s for s in spans if s.label_ != "CUE"), key=lambda s: (s.label_ != "SOURCE", s.start)):  # sources first
        same = [i for i in range(len(cues)) if sentence[cues[i].start] == sentence[span.start]]
        if span.label_ == "SOURCE":
            pool = [i for i in same if _in_subject(cues[i], span)] or same
            if pool:
                sources[min(pool, key=lambda i: _distance(cues[i], span))].append(_with_names(span))
            continue
        ruling = [i for i in same if _governs(cues[i], span)]
        if ruling or same:
            contents[nearest(ruling or same, span)].append(span)
            continue
        pool = [i for i in range(len(cues)) if sources[i]]
        if pool:  # a sentence of its own goes on the words of a main clause's speaker, not "because he was not authorized to"
            contents[nearest([i for i in pool if cues[i].root.dep_ in MAIN_CLAUSE] or pool, span)].append(span)
    out = []
    for i, cue in enumerate(cues):
        if not contents[i]:
            continue
        source = _source(cue, sources[i])
        complement = next((t for t in cue.root.children if any(c.start <= t.i < c.end for c in contents[i])), None)
        antecedent = None
        if source is not None and source.text.lower() in RELATIVES and cue.root.dep_ == "acl:relcl":  # "Turkey, which …"
            antecedent = _source_span(cue.root.head, {cue.root.i})
        out.append(Attribution(
            (cue.start_char, cue.end_char),
            (source.start_char, source.end_char) if source is not None else None,
            tuple((c.start_char, c.end_char) for c in contents[i]),
            "tagged", cue.root.i, medium=_medium(cue.root, complement), antecedent=antecedent))
    return [tidy(doc, a) for a in out]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _spans(a: Attribution) -> list[tuple[int, int]]:
    return [a.cue] + ([a.source] if a.source else []) + list(a.content)


def _union(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Fragments covering both sets, overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for start, end in sorted([*a, *b]):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)


def combine(rules: Sequence[Attribution], tagged: Sequence[Attribution]) -> list[Attribution]:
    """One paragraph's attributions from both finders: the tagger's, then each rule-found one whose
    cue falls outside everything the tagger marked. Where both found a cue, its content is both
    contents and its source the rule-found one (the cue's grammatical subject) when there is one,
    unless the tagger's source holds it and more."""
    out = []
    for t in tagged:
        same = next((r for r in rules if _overlaps(r.cue, t.cue)), None)
        if same is not None:
            t = replace(t, content=_union(t.content, same.content))  # "“…,” he told …": the quotation the parse split off
            if same.source and not (t.source and t.source[0] <= same.source[0] and same.source[1] <= t.source[1]):
                t = replace(t, source=same.source, antecedent=same.antecedent)  # unless the tagger's holds it and more:
                # "Clinton campaign chairman John Podesta", where the parse split the title off the name
        out.append(t)
    out.extend(r for r in rules if not any(_overlaps(r.cue, s) for t in tagged for s in _spans(t)))
    return sorted(out, key=lambda a: a.cue)
