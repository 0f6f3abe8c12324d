"""NER and parsing scores on gold-tokenised corpora (DocBin files from tools/model/prepare.py),
shared by bench/model_eval.py and the quality-gate tests."""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import Example


def references(nlp, source) -> list[Doc]:
    """The gold documents of `source`: a DocBin file, or the docs themselves."""
    return list(DocBin().from_disk(source).get_docs(nlp.vocab) if isinstance(source, Path) else source)


def f1(tp: int, fp: int, fn: int) -> float:
    return round(200 * tp / (2 * tp + fp + fn), 1) if tp else 0.0


def examples(nlp, source) -> list[Example]:
    out = []
    for ref in references(nlp, source):
        pred = Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref])
        out.append(Example(pred, ref))
    return out


NER_LABELS = ("PERSON", "ORG", "LOC")  # what the gold sets mark; NORP from the rules is not scored
NAME_SMALL_WORDS = {"of", "the", "and", "for", "al", "el", "de", "-", "'s", "’s", "&"}
PRONOUNS = {"i", "we", "he", "she", "it", "they", "you", "us", "them", "him", "her", "our", "their", "his", "its"}


def names_only(doc):
    """re3d marks mentions, not only names ("he", "hospitals", "all parties"): keep the gold spans
    that are names — every word capitalised, after an optional leading "the"."""
    def is_name(span) -> bool:
        words = [t for t in span if t.is_alpha]
        if words and words[0].lower_ == "the" and len(words) > 1:
            words = words[1:]
        return bool(words) and words[0].text[:1].isupper() and words[0].lower_ not in PRONOUNS and all(
            t.text[:1].isupper() or t.lower_ in NAME_SMALL_WORDS for t in words)

    doc.ents = [e for e in doc.ents if is_name(e)]
    return doc


def _untyped_f(exs: list[Example]) -> float:
    """F1 of entity spans ignoring their type: boundaries only (where corpora type a country as ORG
    when it acts and as LOC when it is a place, this separates finding a name from typing it)."""
    tp = fp = fn = 0
    for e in exs:
        gold = {(x.start_char, x.end_char) for x in e.reference.ents}
        pred = {(x.start_char, x.end_char) for x in e.predicted.ents}
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    return f1(tp, fp, fn)


def ner_scores(nlp, source, reference_filter=None) -> dict:
    """Entity P/R/F over PERSON, ORG and LOC, with the rule layer and without it (statistical NER alone)."""
    from spacy.scorer import Scorer

    out = {}
    for name, disabled in (("with_rules", []), ("statistical", [p for p in ("newsprism_entity_rules",) if p in nlp.pipe_names])):
        exs = examples(nlp, source)
        if reference_filter:
            exs = [Example(e.predicted, reference_filter(e.reference)) for e in exs]
        with nlp.select_pipes(disable=disabled):
            predicted = list(nlp.pipe((e.predicted for e in exs), batch_size=16))
        for doc in predicted:
            doc.ents = [e for e in doc.ents if e.label_ in NER_LABELS]
        scores = Scorer.score_spans([Example(p, e.reference) for p, e in zip(predicted, exs)], "ents",
                                    has_annotation=lambda doc: doc.has_annotation("ENT_IOB"))
        untyped = _untyped_f([Example(p, e.reference) for p, e in zip(predicted, exs)])
        out[name] = {"f": round(scores["ents_f"] * 100, 1), "p": round(scores["ents_p"] * 100, 1),
                     "r": round(scores["ents_r"] * 100, 1), "untyped_f": untyped,
                     "per_type": {k: {m: round(v * 100, 1) for m, v in d.items()} for k, d in scores["ents_per_type"].items()}}
    return out


def parse_scores(nlp, source) -> dict:
    scores = nlp.evaluate(examples(nlp, source))
    keep = ("dep_uas", "dep_las", "sents_f", "tag_acc", "pos_acc", "morph_acc", "lemma_acc")
    return {k: round(scores[k] * 100, 2) for k in keep if scores.get(k) is not None}


def mention_scores(nlp, source, reference_filter=None) -> dict:
    """P/R/F over PERSON, ORG and LOC of the name mentions newsprism reports (`nlp.pipeline.add_sentences`
    with the actor list: the pipeline's entities, trimmed, plus the listed names, surnames and
    repeats it missed), each gold document read as one article from its raw text (newsprism's own
    tokens, not the gold ones); spans compared by character offsets, typed and untyped."""
    from ..entities.actors import actor_list
    from ..entities.mentions import ListedNames
    from ..nlp.pipeline import add_sentences
    from .articles import plain_article

    refs = references(nlp, source)
    if reference_filter:
        refs = [reference_filter(r) for r in refs]
    texts = [r.text.replace("\n", " ") for r in refs]  # one block per document
    articles = add_sentences((plain_article(str(i), t) for i, t in enumerate(texts)), nlp, listed=ListedNames(actor_list().names()))
    tp = fp = fn = utp = 0
    per_type: dict[str, list[int]] = {label: [0, 0, 0] for label in NER_LABELS}
    for ref, article in zip(refs, articles):
        gold = {(e.start_char, e.end_char): e.label_ for e in ref.ents if e.label_ in NER_LABELS}
        pred = {(m.start, m.end): m.label for m in article.mentions if m.label in NER_LABELS}
        utp += len(gold.keys() & pred.keys())
        for span, label in gold.items():
            hit = pred.get(span) == label
            tp, fn = tp + hit, fn + (not hit)
            per_type[label][0 if hit else 2] += 1
        for span, label in pred.items():
            if gold.get(span) != label:
                fp += 1
                per_type[label][1] += 1
    n_gold, n_pred = tp + fn, tp + fp
    return {"f": f1(tp, fp, fn), "p": round(100 * tp / n_pred, 1) if n_pred else 0.0, "r": round(100 * tp / n_gold, 1) if n_gold else 0.0,
            "untyped_f": f1(utp, n_pred - utp, n_gold - utp), "per_type": {k: f1(*v) for k, v in per_type.items()}}
