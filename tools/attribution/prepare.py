"""Build the training corpora of newsprism's attribution tagger from PolNeAR train.

Every token of an article gets at most one role (PolNeAR is univocal): CUE, SOURCE or CONTENT,
written as entity spans of a spaCy DocBin, one Doc per article, tokenised by newsprism's own
pipeline. Discontinuous gold spans keep their fragments, each as a span of the role.

PolNeAR dev is the evaluation set (bench/quotes_polnear.py) and is never read here; the model is
selected on a held-out tenth of train, chosen by a stable hash of the article name.

It also writes the shipped pipeline to build/attribution/base: the tagger is initialised with its
word vectors (configs/attribution-en.cfg), which it shares at run time.

Run: .venv/bin/python tools/attribution/prepare.py [--out build/attribution/corpus]
"""
from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from spacy.tokens import DocBin, Span
from spacy.util import filter_spans

from newsprism.evaluation.polnear import read_split, trim
from newsprism.nlp.model import load_default

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "quotes" / "polnear" / "data"
ROLES = (("cue", "CUE"), ("source", "SOURCE"), ("content", "CONTENT"))
HELD_OUT_PERCENT = 10


def held_out(name: str) -> bool:
    return int(hashlib.sha1(name.encode()).hexdigest(), 16) % 100 < HELD_OUT_PERCENT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA / "train")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "attribution" / "corpus")
    args = parser.parse_args()
    nlp = load_default()
    tokenizer = nlp.tokenizer
    bins = {"train": DocBin(), "heldout": DocBin()}
    dropped = spans_total = 0
    for doc_gold in read_split(args.data):
        doc = tokenizer(doc_gold.text)
        spans: list[Span] = []
        for attribution in doc_gold.attributions:
            for role, label in ROLES:
                for start, end in getattr(attribution, role):
                    start, end = trim(doc_gold.text, start, end)
                    span = doc.char_span(start, end, label=label, alignment_mode="expand") if end > start else None
                    spans_total += 1
                    if span is None or not span.text.strip():
                        dropped += 1
                        continue
                    spans.append(span)
        kept = filter_spans(spans)
        dropped += len(spans) - len(kept)
        doc.ents = kept
        bins["heldout" if held_out(doc_gold.name) else "train"].add(doc)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in [n for n in nlp.pipe_names if n.startswith("newsprism_")]:
        nlp.remove_pipe(name)  # the base only lends its vectors; spaCy alone must be able to load it
    nlp.to_disk(args.out.parent / "base")
    for name, docbin in bins.items():
        docbin.to_disk(args.out / f"{name}.spacy")
        print(f"{name}: {len(docbin)} articles")
    print(f"{spans_total} gold spans, {dropped} not representable (empty or overlapping another)")


if __name__ == "__main__":
    main()
