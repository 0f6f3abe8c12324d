"""The entity rules on top of the statistical NER: lists, capitalisation, particles, user lists."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Span

import newsprism.nlp.entity_rules  # noqa: F401  (registers the factory)


def _nlp(extra: list[str] | None = None):
    nlp = spacy.blank("en")
    nlp.add_pipe("newsprism_entity_rules", config={"extra_lists": extra or []})
    return nlp


def test_entity_rules_lists_on_real_sentences() -> None:
    # sentences of the demo pages (Syria Direct, Haaretz/Reuters)
    doc = _nlp()("Turkey, which already hosts more than 3.5 million Syrian refugees, appears determined to prevent "
                 "a Syrian government attack. A major offensive risks forcing another 700,000 Syrians from their homes, "
                 "the United Nations said.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Turkey", "LOC"), ("Syrian", "NORP"), ("Syrian", "NORP"), ("Syrians", "NORP"), ("United Nations", "ORG")]


def test_entity_rules_need_capitals_and_exact_acronyms() -> None:
    doc = _nlp()("we ate turkey at the un-named cafe; the us said nothing. The UN and the U.S. did.")
    assert [(e.text, e.label_) for e in doc.ents] == [("UN", "ORG"), ("U.S.", "LOC")]


def test_entity_rules_keep_model_entities_and_extend_them() -> None:
    nlp = _nlp()
    doc = nlp.make_doc("Syrian Observatory for Human Rights chief Rami Abdel Rahman met Bashar al-Assad and Abu Ali in Damascus.")
    # what a model might find: the monitor, and the people without their particles
    doc.ents = [Span(doc, 0, 5, label="ORG"), Span(doc, 6, 9, label="PERSON"), Span(doc, 10, 11, label="PERSON"),
                Span(doc, 16, 17, label="PERSON")]
    doc = nlp.get_pipe("newsprism_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Syrian Observatory for Human Rights", "ORG"), ("Rami Abdel Rahman", "PERSON"), ("Bashar al-Assad", "PERSON"),
        ("Abu Ali", "PERSON"), ("Damascus", "LOC")]


def test_entity_rules_user_lists_extend_the_shipped_ones(tmp_path: Path) -> None:
    extra = tmp_path / "organisations.tsv"
    extra.write_text("name\ttype\nHay'at Tahrir al-Sham\tarmed_group\nSyria Direct\tmedia\n", encoding="utf-8")
    doc = _nlp([str(extra)])("Hay'at Tahrir al-Sham controls Idlib, a rebel commander told Syria Direct.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Hay'at Tahrir al-Sham", "ORG"), ("Syria Direct", "ORG")]


def test_entity_rules_ministries_and_titles() -> None:
    nlp = _nlp()
    doc = nlp.make_doc("Foreign Minister Sergei Lavrov said Russia’s Defence Ministry and the Ministry of Foreign Affairs agreed.")
    doc.ents = [Span(doc, 0, 4, label="PERSON")]  # a model that took the title in
    doc = nlp.get_pipe("newsprism_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Sergei Lavrov", "PERSON"), ("Russia", "LOC"), ("Defence Ministry", "ORG"), ("Ministry of Foreign Affairs", "ORG")]


def test_entity_rules_title_and_name_read_as_one_organisation() -> None:
    nlp = _nlp()
    doc = nlp.make_doc("Turkish Foreign Minister Mevlut Cavusoglu met Syrian President Bashar al-Assad.")
    doc.ents = [Span(doc, 0, 5, label="ORG"), Span(doc, 6, 12, label="ORG")]
    doc = nlp.get_pipe("newsprism_entity_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Turkish", "NORP"), ("Mevlut Cavusoglu", "PERSON"), ("Syrian", "NORP"), ("Bashar al-Assad", "PERSON")]


def test_title_words_in_organisation_names_and_defined_acronyms() -> None:
    from newsprism.nlp.pipeline import load_pipeline

    nlp = load_pipeline(None)  # the model reads "General Motors"; the rules must not make "Motors" a person
    ents = lambda text: [(e.text, e.label_) for e in nlp(text).ents]  # noqa: E731
    assert ("General Motors", "ORG") in ents("General Motors said on Tuesday it would cut 5,000 jobs.")
    assert not any(label == "PERSON" for _, label in ents("The UN General Assembly voted on the resolution."))
    found = ents("General Motors ( GM ) and Chrysler have both begun to offer buyouts.")
    assert ("General Motors", "ORG") in found and ("GM", "ORG") in found
    found = ents("The Syrian Observatory for Human Rights (SOHR) said 13 civilians were killed.")
    assert ("Syrian Observatory for Human Rights", "ORG") in found and ("SOHR", "ORG") in found
    assert ents("Foreign Minister Sergei Lavrov spoke.") == [("Sergei Lavrov", "PERSON")]  # no "Minister" alone
    assert ents("U.S. President Barack Obama said the plan would work.") == [("U.S.", "LOC"), ("Barack Obama", "PERSON")]
