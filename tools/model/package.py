"""Package a trained pipeline into src/newsprism/resources/model/: its config and its weights as one
gzip-compressed blob (nlp.to_bytes), plus meta.json. newsprism.nlp.model loads it with no download.

`--ner PATH` puts the named-entity recogniser of another trained pipeline (configs/newsprism-ner.cfg)
in place of the main pipeline's, with its own copy of its encoder: it reads the same tokens and
word vectors but not the parser's encoding.

Run: .venv/bin/python tools/model/package.py build/model/train/model-best [--ner build/model/ner/model-best]
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


def write_package(nlp, target: Path, exclude: list[str], limit_mb: float) -> float:
    """Write the pipeline's config, its weights (less `exclude`) as one gzip blob and its meta into
    `target`; the size in MB, checked against `limit_mb`."""
    target.mkdir(parents=True, exist_ok=True)
    (target / "config.cfg").write_text(nlp.config.to_str(), encoding="utf-8")
    (target / "pipeline.bin.gz").write_bytes(gzip.compress(nlp.to_bytes(exclude=exclude), compresslevel=9))
    (target / "meta.json").write_text(json.dumps(nlp.meta, indent=1, default=str), encoding="utf-8")
    size = sum(p.stat().st_size for p in target.iterdir() if p.is_file()) / 2**20
    if size > limit_mb:
        raise SystemExit(f"the package in {target} is {size:.1f} MB, over the {limit_mb} MB budget")
    return size


def command_line(usage: str) -> argparse.ArgumentParser:
    """A packaging tool's command line (`usage`: its docstring); `trained_pipeline` adds the common options."""
    return argparse.ArgumentParser(description=usage, formatter_class=argparse.RawDescriptionHelpFormatter)


def trained_pipeline(parser: argparse.ArgumentParser, name: str, description: str) -> tuple[spacy.language.Language, argparse.Namespace]:
    """The trained pipeline named on the command line `parser` reads, with its meta set for
    packaging, and the parsed arguments."""
    parser.add_argument("trained", type=Path)
    parser.add_argument("--version", default="0.1.0")
    args = parser.parse_args()
    nlp = spacy.load(args.trained)
    nlp.meta.update({"name": name, "version": args.version, "license": "CC BY-SA 4.0", "description": description})
    return nlp, args


def swap_ner(nlp: spacy.language.Language, trained_ner: Path) -> None:
    """Replace `nlp`'s "ner" by the one of the pipeline at `trained_ner`, its encoder copied into it."""
    source = spacy.load(trained_ner)
    if source.vocab.vectors.name != nlp.vocab.vectors.name:
        raise SystemExit(f"{trained_ner} was trained with other word vectors ({source.vocab.vectors.name})")
    source.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    before = nlp.pipe_names[nlp.pipe_names.index("ner") - 1]
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=source, after=before)


def main() -> None:
    parser = command_line(__doc__)
    parser.add_argument("--ner", type=Path, help="a trained pipeline whose NER replaces the main one's")
    nlp, args = trained_pipeline(parser, "newsprism", "newsprism's English news pipeline, trained from ../shared/data (docs/MODEL.md)")
    if args.ner:
        swap_ner(nlp, args.ner)
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "tokenizer.bin").write_bytes(nlp.tokenizer.to_bytes(exclude=["vocab"]))  # the vocab is in the blob
    size = write_package(nlp, TARGET, ["tokenizer"], LIMIT_MB)
    print(f"packaged {args.trained} -> {TARGET} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
