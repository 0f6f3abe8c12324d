"""Accuracy, speed and load time of a spaCy pipeline (default: newsprism's own), in one run.

  NER      precision/recall/F1 per type (PERSON, ORG, LOC) on UNER-EWT test and on the held-out
           re3d split, gold tokenisation (build/model/corpus/*-test.spacy from tools/model/prepare.py);
           and of the name mentions newsprism reports (the pipeline's entities with the mention
           stage's additions, from the raw text)
  parser   UAS/LAS on UD English-EWT test, gold tokens; spaCy's scorer leaves punctuation out
  sents    sentence-boundary F1 on the raw text of UD-EWT test (the pipeline's own tokenizer),
           boundaries compared as character offsets
  speed    words/s of the full pipeline on bulk articles, one process, one thread, against the bare
           tokenizer + rule sentencizer in the same run
  load     seconds to load the pipeline
  memory   peak RSS of a fresh process that streams --stream-docs bulk articles through the pipeline

Run: .venv/bin/python bench/model_eval.py [--model NAME|PATH] [--speed-docs 500]
Writes bench/results/model_eval.json.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: the speed figure is per core

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from newsprism.evaluation.ner import mention_scores, names_only, ner_scores, parse_scores  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "build" / "model" / "corpus"
BULK = ROOT.parent / "shared" / "data" / "bulk" / "article-bias-10k.jsonl.gz"


def load(name: str | None):
    from newsprism.nlp.pipeline import load_pipeline

    start = time.perf_counter()
    nlp = load_pipeline(name)  # None: newsprism's own
    return nlp, time.perf_counter() - start


def raw_sentence_f1(nlp, path: Path) -> float:
    tp = fp = fn = 0
    for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
        gold = {s.start_char for s in ref.sents}
        pred = {s.start_char for s in nlp(ref.text).sents}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p, r = tp / (tp + fp), tp / (tp + fn)
    return round(200 * p * r / (p + r), 2)


def speed(nlp, n_docs: int) -> dict:
    with gzip.open(BULK, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(n_docs), fh)]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.blank("en")
    bare.add_pipe("sentencizer")
    start = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=16):
        pass
    bare_s = time.perf_counter() - start
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    full_s = time.perf_counter() - start
    return {"docs": n_docs, "words": words, "pipeline_words_per_s": round(words / full_s),
            "tokenizer_words_per_s": round(words / bare_s), "ratio_pipeline_to_tokenizer": round(bare_s / full_s, 4)}


STREAM = """
import gzip, json, resource, sys, time
from newsprism.nlp.pipeline import load_pipeline
nlp = load_pipeline(None if sys.argv[1] == "-" else sys.argv[1])
def texts():
    with gzip.open(sys.argv[2], "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= int(sys.argv[3]):
                break
            yield json.loads(line)["text"]
start = time.perf_counter()
words = sum(len(doc) for doc in nlp.pipe(texts(), batch_size=16))
print(json.dumps({"docs": int(sys.argv[3]), "tokens": words, "seconds": round(time.perf_counter() - start, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def stream_memory(name: str | None, n_docs: int) -> dict:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", STREAM, name or "-", str(BULK), str(n_docs)], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="spaCy pipeline name or path (default: newsprism's own)")
    parser.add_argument("--speed-docs", type=int, default=500)
    parser.add_argument("--stream-docs", type=int, default=0, help="also measure peak memory streaming N bulk articles (10000: all)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "model_eval.json")
    args = parser.parse_args()
    nlp, load_s = load(args.model)
    results = {
        "model": args.model or "newsprism default", "pipeline": nlp.pipe_names, "load_seconds": round(load_s, 3),
        "ner_uner_ewt_test": ner_scores(nlp, CORPUS / "ewt-test.spacy"),
        "ner_re3d_test": ner_scores(nlp, CORPUS / "re3d-test.spacy"),
        "ner_re3d_test_names_only": ner_scores(nlp, CORPUS / "re3d-test.spacy", names_only),
        "mentions_uner_ewt_test": mention_scores(nlp, CORPUS / "ewt-test.spacy"),
        "mentions_re3d_test_names_only": mention_scores(nlp, CORPUS / "re3d-test.spacy", names_only),
        "ud_ewt_test": parse_scores(nlp, CORPUS / "ewt-test.spacy"),
        "sentence_f1_raw_text": raw_sentence_f1(nlp, CORPUS / "ewt-test.spacy"),
        "speed": speed(nlp, args.speed_docs),
    }
    if args.stream_docs:
        results["stream"] = stream_memory(args.model, args.stream_docs)
    print(json.dumps(results, indent=1))
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
