"""Package the trained attribution tagger into src/newsprism/resources/attribution/: its config and
weights as one gzip blob without the vocab (the word vectors are those of newsprism's own pipeline,
shared at load time), and the vectors' shape and name, checked when it is loaded.

Run: .venv/bin/python tools/attribution/package.py build/attribution/train/model-best
"""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "src" / "newsprism" / "resources" / "attribution"
LIMIT_MB = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trained", type=Path)
    parser.add_argument("--version", default="0.1.0")
    args = parser.parse_args()
    nlp = spacy.load(args.trained)
    nlp.meta.update({"name": "newsprism_attribution", "version": args.version, "license": "CC BY-SA 4.0",
                     "description": "newsprism's attribution tagger (CUE/SOURCE/CONTENT), trained on PolNeAR train"})
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "__init__.py").write_text('"""The attribution tagger\'s weights (tools/attribution/package.py)."""\n')
    (TARGET / "config.cfg").write_text(nlp.config.to_str(), encoding="utf-8")
    (TARGET / "pipeline.bin.gz").write_bytes(gzip.compress(nlp.to_bytes(exclude=["vocab", "tokenizer"]), compresslevel=9))
    rows, width = nlp.vocab.vectors.shape
    (TARGET / "vectors.txt").write_text(f"{rows} {width} {nlp.vocab.vectors.name}\n", encoding="utf-8")
    (TARGET / "meta.json").write_text(json.dumps(nlp.meta, indent=1, default=str), encoding="utf-8")
    size = sum(p.stat().st_size for p in TARGET.iterdir() if p.is_file()) / 2**20
    print(f"packaged {args.trained} -> {TARGET} ({size:.1f} MB)")
    if size > LIMIT_MB:
        raise SystemExit(f"the packaged tagger is {size:.1f} MB, over the {LIMIT_MB} MB budget")


if __name__ == "__main__":
    main()
