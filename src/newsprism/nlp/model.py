"""newsprism's own English pipeline, shipped in resources/model (see docs/MODEL.md).

Stored as its config, its tokenizer and one gzip-compressed `nlp.to_bytes()` blob, so loading
needs no download, no network and no temporary files.
"""
from __future__ import annotations

import gzip
from importlib import resources

from spacy import util
from spacy.language import Language
from spacy.vocab import Vocab
from thinc.api import Config

PACKAGE = "newsprism.resources.model"


def is_available(package: str = PACKAGE) -> bool:
    try:
        return resources.files(package).joinpath("pipeline.bin.gz").is_file()
    except ModuleNotFoundError:
        return False


def load_packaged(package: str, exclude: list[str], vocab: Vocab | bool = True) -> Language:
    """A pipeline packaged as config.cfg + pipeline.bin.gz (tools/model/package.py) in `package`,
    its weights read less `exclude`; over `vocab` when one is given."""
    files = resources.files(package)
    config = Config().from_str(files.joinpath("config.cfg").read_text(encoding="utf-8"))
    nlp = util.load_model_from_config(config, vocab=vocab, auto_fill=False, validate=False)
    nlp.from_bytes(gzip.decompress(files.joinpath("pipeline.bin.gz").read_bytes()), exclude=exclude)
    return nlp


def load_tokenizer(nlp: Language) -> None:
    """newsprism's own tokenizer rules into `nlp`'s tokenizer (over its vocab)."""
    nlp.tokenizer.from_bytes(resources.files(PACKAGE).joinpath("tokenizer.bin").read_bytes(), exclude=["vocab"])


def load_default() -> Language:
    nlp = load_packaged(PACKAGE, ["tokenizer"])
    load_tokenizer(nlp)
    from . import boundaries, entity_rules  # noqa: F401  (register the factories)

    nlp.add_pipe("newsprism_quote_bounds", before="parser")
    nlp.add_pipe("newsprism_entity_rules", after="ner")
    return nlp
