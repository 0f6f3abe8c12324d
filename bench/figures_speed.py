"""What numbers and dates cost: the figures stage against the language pipeline, one run.

Bulk articles (../shared/data/bulk) become one-block articles; the default pipeline adds their
sentences (timed), then `add_times_and_claims` adds time expressions and numeric claims (timed).
Reports both times, the ratio (target: figures add at most 10%), and how much was found.
Usage: python bench/figures_speed.py [--docs 500] [--model rules]
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from newsprism.figures import add_times_and_claims
from newsprism.model import Article, Block
from newsprism.nlp.pipeline import add_sentences, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "data" / "bulk" / "article-bias-10k.jsonl.gz"
RESULTS = ROOT / "bench" / "results" / "figures_speed.json"


def articles(n: int) -> list[Article]:
    out = []
    with gzip.open(BULK, "rt", encoding="utf-8") as fh:
        for i, line in zip(range(n), fh):
            row = json.loads(line)
            text = row["text"]
            out.append(Article(f"{i:020d}", f"bulk:{i}", "jsonl-text", "utf-8", text, None, "bench", row.get("source"),
                               row.get("title"), None, (row.get("date") or "")[:10] or None, None, "en",
                               (Block("body", 0, len(text), text),)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    docs = articles(args.docs)
    nlp = load_pipeline(args.model)
    start = time.perf_counter()
    with_sentences = list(add_sentences(docs, nlp))
    pipeline_s = time.perf_counter() - start
    start = time.perf_counter()
    done = [add_times_and_claims(a) for a in with_sentences]
    figures_s = time.perf_counter() - start
    words = sum(len(a.source_text.split()) for a in docs)
    result = {
        "docs": len(docs), "words": words, "pipeline": args.model or "default",
        "language_pipeline_s": round(pipeline_s, 2), "figures_s": round(figures_s, 2),
        "figures_share_of_pipeline": round(figures_s / pipeline_s, 4),
        "times": sum(len(a.times) for a in done), "resolved_times": sum(1 for a in done for t in a.times if t.value),
        "claims": sum(len(a.claims) for a in done),
        "claims_by_kind": dict(sorted(__import__("collections").Counter(c.kind for a in done for c in a.claims).items())),
    }
    print(json.dumps(result, indent=1))
    if args.model is None:
        RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
