"""Facts about the data that newsprism's docs and settings rest on, recomputed.

  language   the lowest English function-word share among the 10,000 bulk articles (the floor in
             Settings.min_language_score must stay under it), and how many are detected as English
  btc        entities of the NER-only training documents that are Twitter handles (contain "@")
  re3d       entities of the held-out re3d split that are not names (pronouns, common nouns)

Needs build/model/corpus from tools/model/prepare.py.
Run: .venv/bin/python bench/data_audit.py   (writes bench/results/data_audit.json)
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from newsprism.evaluation.ner import names_only
from newsprism.ingest.language import detect

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "data" / "bulk" / "article-bias-10k.jsonl.gz"
CORPUS = ROOT / "build" / "model" / "corpus"


def main() -> None:
    with gzip.open(BULK, "rt", encoding="utf-8") as fh:
        detected = [detect(json.loads(line)["text"]) for line in fh]
    vocab = spacy.blank("en").vocab
    ner_only = [d for d in DocBin().from_disk(CORPUS / "train.spacy").get_docs(vocab) if not d.has_annotation("DEP")]
    ents = [e for d in ner_only for e in d.ents]
    re3d = list(DocBin().from_disk(CORPUS / "re3d-test.spacy").get_docs(vocab))
    gold = sum(len(d.ents) for d in re3d)
    names = sum(len(names_only(d).ents) for d in re3d)
    results = {
        "bulk_articles": len(detected), "bulk_detected_english": sum(lang == "en" for lang, _ in detected),
        "bulk_lowest_english_share": round(min(score for _, score in detected), 3),
        "ner_only_train_entities": len(ents), "ner_only_train_entities_with_at_sign": sum("@" in e.text for e in ents),
        "re3d_test_entities": gold, "re3d_test_entities_not_names": gold - names,
    }
    print(json.dumps(results, indent=1))
    (ROOT / "bench" / "results" / "data_audit.json").write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
