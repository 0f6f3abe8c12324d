"""Train lower-cased word vectors on the unlabelled text of ../shared/data/bulk (word2vec, CBOW)
and write them in the word2vec text format that `spacy init vectors` reads.

Tokens come from spaCy's English tokenizer, so they match what the pipeline sees; the table keeps
the --rows most frequent words (the model size budget is 60 MB in all).
Run: .venv/bin/python tools/model/vectors.py [--rows 40000] [--dim 128]
"""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import spacy
from gensim.models import Word2Vec

ROOT = Path(__file__).resolve().parents[2]
BULK = ROOT.parent / "shared" / "data" / "bulk" / "article-bias-10k.jsonl.gz"


def sentences(tokenizer) -> list[list[str]]:
    out: list[list[str]] = []
    with gzip.open(BULK, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    for doc in tokenizer.pipe(texts, batch_size=256):
        tokens = [t.lower_ for t in doc if not t.is_space]
        for i in range(0, len(tokens), 1000):  # word2vec windows never need more context than this
            out.append(tokens[i:i + 1000])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=40000)
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "model" / "vectors.txt")
    args = parser.parse_args()
    nlp = spacy.blank("en")
    corpus = sentences(nlp.tokenizer)
    print(f"{sum(len(s) for s in corpus)} tokens")
    model = Word2Vec(corpus, vector_size=args.dim, window=5, min_count=3, workers=2, epochs=args.epochs, sg=0, seed=2018)
    words = model.wv.index_to_key[: args.rows]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {args.dim}\n")
        for word in words:
            fh.write(word + " " + " ".join(f"{x:.4f}" for x in model.wv[word]) + "\n")
    print(f"{len(words)} vectors of {args.dim} dimensions -> {args.out}")


if __name__ == "__main__":
    main()
