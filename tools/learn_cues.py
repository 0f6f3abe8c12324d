"""Learn the cue lexicon (resources/quotes/cues.tsv) from PolNeAR train (`make cues`).

Every paragraph of PolNeAR train is parsed with newsprism's own pipeline; each token that stands
in one of the attribution frames (see quotes.attribution) is an observation, counted as a cue
when it lies inside an annotated Cue span. Only the train split is read.

    .venv/bin/python tools/learn_cues.py [--polnear ../shared/data/quotes/polnear/data]
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc

from newsprism.evaluation.polnear import PolnearDoc, read_split
from newsprism.nlp.pipeline import load_pipeline
from newsprism.quotes.attribution import frames
from newsprism.quotes.cues import FIELDS, learn
from newsprism.quotes.run import parse_paragraphs

OUT = Path(__file__).resolve().parents[1] / "src/newsprism/resources/quotes/cues.tsv"


def token_frames(doc: Doc) -> Iterator[tuple[int, str, str]]:
    """(token index, lemma, frame) for every token standing in an attribution frame."""
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma.isalpha():
            for frame in dict(frames(token)):
                yield token.i, lemma, frame


def observations(docs: list[PolnearDoc], nlp) -> Iterator[tuple[str, str, bool]]:
    for doc, parsed in zip(docs, parse_paragraphs(nlp, (d.text for d in docs))):
        cue_chars = {i for g in doc.attributions for a, b in g.cue for i in range(a, b)}
        for offset, para in parsed:
            for i, lemma, frame in token_frames(para):
                yield lemma, frame, offset + para[i].idx in cue_chars


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=Path("../shared/data/quotes/polnear/data"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    docs = read_split(args.polnear / "train")
    rows = learn(observations(docs, load_pipeline(None)))
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Cue lexicon learned from PolNeAR train by tools/learn_cues.py; cue = times an annotated cue, seen = times in this frame\n")
        writer = csv.DictWriter(fh, FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} rows from {len(docs)} train articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
