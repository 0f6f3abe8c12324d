"""Package a trained pipeline into src/newsprism/resources/model/: its config and its weights as one
gzip-compressed blob (nlp.to_bytes), plus meta.json. newsprism.nlp.model loads it with no download.

Run: .venv/bin/python tools/model/package.py build/model/train/model-best
"""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "src" / "newsprism" / "resources" / "model"
LIMIT_MB = 60


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trained", type=Path)
    parser.add_argument("--version", default="0.1.0")
    args = parser.parse_args()
    nlp = spacy.load(args.trained)
    nlp.meta.update({"name": "newsprism", "version": args.version, "license": "CC BY-SA 4.0",
                     "description": "newsprism's English news pipeline, trained from ../shared/data (docs/MODEL.md)"})
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "config.cfg").write_text(nlp.config.to_str(), encoding="utf-8")
    blob = gzip.compress(nlp.to_bytes(exclude=["tokenizer"]) , compresslevel=9)
    (TARGET / "pipeline.bin.gz").write_bytes(blob)
    (TARGET / "tokenizer.bin").write_bytes(nlp.tokenizer.to_bytes(exclude=["vocab"]))  # the vocab is in the blob
    (TARGET / "meta.json").write_text(json.dumps(nlp.meta, indent=1, default=str), encoding="utf-8")
    size = sum(p.stat().st_size for p in TARGET.iterdir()) / 2**20
    print(f"packaged {args.trained} -> {TARGET} ({size:.1f} MB)")
    if size > LIMIT_MB:
        raise SystemExit(f"the packaged model is {size:.1f} MB, over the {LIMIT_MB} MB budget")


if __name__ == "__main__":
    main()
