"""Package the trained attribution tagger into src/newsprism/resources/attribution/: its config and
weights as one gzip blob without the vocab (the word vectors are those of newsprism's own pipeline,
shared at load time), and the vectors' shape and name, checked when it is loaded.

Run: .venv/bin/python tools/attribution/package.py build/attribution/train/model-best
"""
from __future__ import annotations

import importlib.util
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "src" / "newsprism" / "resources" / "attribution"
LIMIT_MB = 10


def main() -> None:
    packaging = _model_packaging()
    nlp, args = packaging.trained_pipeline(packaging.command_line(__doc__), "newsprism_attribution",
                                           "newsprism's attribution tagger (CUE/SOURCE/CONTENT), trained on PolNeAR train")
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "__init__.py").write_text('"""The attribution tagger\'s weights (tools/attribution/package.py)."""\n')
    rows, width = nlp.vocab.vectors.shape
    (TARGET / "vectors.txt").write_text(f"{rows} {width} {nlp.vocab.vectors.name}\n", encoding="utf-8")
    size = packaging.write_package(nlp, TARGET, ["vocab", "tokenizer"], LIMIT_MB)
    print(f"packaged {args.trained} -> {TARGET} ({size:.1f} MB)")


def _model_packaging():
    """tools/model/package.py, which writes the main pipeline's package the same way."""
    spec = importlib.util.spec_from_file_location("model_package", ROOT / "tools" / "model" / "package.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    main()
