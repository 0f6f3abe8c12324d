"""newsprism's own English pipeline, shipped in resources/model (see docs/MODEL.md).

Stored as its config, its tokenizer and one gzip-compressed `nlp.to_bytes()` blob, so loading
needs no download, no network and no temporary files.
"""
from __future__ import annotations

import gzip
from importlib import resources

from spacy import util
from spacy.language import Language
from thinc.api import Config

PACKAGE = "newsprism.resources.model"


def is_available() -> bool:
    try:
        return resources.files(PACKAGE).joinpath("pipeline.bin.gz").is_file()
    except ModuleNotFoundError:
        return False


def load_default() -> Language:
    files = resources.files(PACKAGE)
    config = Config().from_str(files.joinpath("config.cfg").read_text(encoding="utf-8"))
    nlp = util.load_model_from_config(config, auto_fill=False, validate=False)
    nlp.from_bytes(gzip.decompress(files.joinpath("pipeline.bin.gz").read_bytes()), exclude=["tokenizer"])
    nlp.tokenizer.from_bytes(files.joinpath("tokenizer.bin").read_bytes(), exclude=["vocab"])
    from . import entity_rules  # noqa: F401  (registers the factory)

    nlp.add_pipe("newsprism_entity_rules", after="ner")
    return nlp
