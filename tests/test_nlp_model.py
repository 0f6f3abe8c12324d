"""newsprism's own English pipeline: loads offline, holds its quality floors, reads news."""
from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache

import pytest
from conftest import ROOT, shared
from newsprism.evaluation.ner import names_only, ner_scores, parse_scores
from newsprism.nlp import model

# Regression floors for the shipped model, a little under what bench/model_eval.py measured
# (UNER-EWT NER F1 60.2, re3d names-only 48.0, LAS 81.22, gold-token sentence F1 76.45).
# They are not the project's targets (NER 80/75, LAS 85/82): docs/MODEL.md says what is missing.
# Retraining must not go below them.
FLOORS = {"uner_ewt_ner_f": 59.0, "re3d_ner_f": 46.5, "ud_ewt_las": 80.5, "ud_ewt_sents_f": 75.0}


@lru_cache(maxsize=1)
def _nlp():
    return model.load_default()


def _prepare():
    spec = importlib.util.spec_from_file_location("prepare", ROOT / "tools" / "model" / "prepare.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["prepare"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_model_is_shipped_and_loads_offline() -> None:
    assert model.is_available()
    nlp = _nlp()
    for component in ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "newsprism_quote_bounds", "parser", "ner",
                      "newsprism_entity_rules"):
        assert component in nlp.pipe_names
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    size = sum(f.stat().st_size for f in (ROOT / "src/newsprism/resources/model").iterdir()) / 2**20
    assert size <= 60


def test_model_quality_floors_on_held_out_data() -> None:
    shared("ner", "ud-ewt")
    prep = _prepare()
    vocab = _nlp().vocab
    ewt_docs = [prep.to_doc(vocab, g) for g in prep.group(prep.ewt("test"))]
    ner = ner_scores(_nlp(), ewt_docs)["with_rules"]
    assert ner["f"] >= FLOORS["uner_ewt_ner_f"], ner
    parse = parse_scores(_nlp(), ewt_docs)
    assert parse["dep_las"] >= FLOORS["ud_ewt_las"] and parse["sents_f"] >= FLOORS["ud_ewt_sents_f"], parse
    re3d_docs = []
    for f in sorted((shared("ner", "extra", "re3d") / "CONLL-format/data-by-source/conll").glob("*/*.conll")):
        if prep.re3d_split(f"{f.parent.name}/{f.name}") == "test":
            re3d_docs += [prep.to_doc(vocab, g) for g in prep.group(list(prep.read_iob(f)))]
    re3d = ner_scores(_nlp(), re3d_docs, names_only)["with_rules"]
    assert re3d["f"] >= FLOORS["re3d_ner_f"], re3d


@pytest.mark.parametrize("text,expected", [
    ("Russian President Vladimir Putin, left, shakes hands with Syrian President Bashar al-Assad during their meeting "
     "in the Black Sea resort of Sochi, Russia, on May 17, 2018.",
     {("Russian", "NORP"), ("Vladimir Putin", "PERSON"), ("Syrian", "NORP"), ("Bashar al-Assad", "PERSON"), ("Russia", "LOC")}),
    ("Turkish Foreign Minister Mevlut Cavusoglu said this month he hoped Ankara and Moscow could find a solution for Idlib.",
     {("Turkish", "NORP"), ("Mevlut Cavusoglu", "PERSON"), ("Ankara", "LOC"), ("Moscow", "LOC")}),
    ("At the U.S. State Department, spokeswoman Heather Nauert said there were indications that Syrian forces were "
     "preparing an offensive on Idlib.", {("Heather Nauert", "PERSON"), ("Syrian", "NORP")}),
    ("It comes as Russia’s Defence Ministry confirmed four of its jets struck targets in Idlib with airstrikes which the "
     "UK-based Syrian Observatory for Human Rights said killed 13 civilians but no fighters.",
     {("Russia", "LOC"), ("Defence Ministry", "ORG"), ("Syrian Observatory for Human Rights", "ORG")}),
    ("Humanitarian adviser to the United Nations Jan Egeland said on Thursday that Turkey, Russia, and Iran had all agreed.",
     {("United Nations", "ORG"), ("Jan Egeland", "PERSON"), ("Turkey", "LOC"), ("Russia", "LOC"), ("Iran", "LOC")}),
])
def test_model_reads_demo_sentences(text: str, expected: set[tuple[str, str]]) -> None:
    """Sentences of the demo pages: the names a reader would mark, with their types."""
    doc = _nlp()(text)
    assert expected <= {(e.text, e.label_) for e in doc.ents}


def test_model_parses_and_lemmatises_a_demo_sentence() -> None:
    doc = _nlp()("Syrian government forces are preparing a phased offensive in the northwestern province of Idlib.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.text == "preparing" and root.lemma_ == "prepare"
    assert {t.text for t in root.children if t.dep_ == "nsubj"} == {"forces"}
    assert {t.text for t in root.children if t.dep_ == "obj"} == {"offensive"}


@pytest.mark.parametrize("text", [
    # UD English-EWT test sentences (weblog text) on which the parser alone broke before the mark.
    "Let aggressive (American) leaders and soldiers know that we are capable of protecting the city 's security and "
    "safety, and ask them to lift their hands from the city.\" The clerics demanded talks with local US commanders.",
    "Reuters reported that \"Sunni clerics in the town issued a 'Declaration by the people of Fallujah' condemning the "
    "deaths of the security guards and police, announcing three days of mourning, and calling for a general strike "
    "today.\" It read, \"The people of Fallujah condemn the massacre.\"",
])
def test_closing_quotation_mark_stays_with_its_sentence(text: str) -> None:
    sentences = [s.text for s in _nlp()(text).sents]
    assert len(sentences) == 2, sentences
    assert sentences[0].endswith('."') and sentences[1][0].isalpha(), sentences
