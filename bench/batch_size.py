"""Speed and peak memory of newsprism's pipeline by batch size (documents per nlp.pipe batch).

Each batch size runs in a fresh process, one thread: words/s over the first --docs bulk articles,
and that process's peak RSS. Explains nlp/pipeline.py's BATCH_SIZE.
Run: .venv/bin/python bench/batch_size.py [--docs 400] [--sizes 8 16 64]
Writes bench/results/batch_size.json.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "data" / "bulk" / "article-bias-10k.jsonl.gz"
JOB = """
import gzip, json, resource, sys, time
from newsprism.nlp.pipeline import load_pipeline
nlp = load_pipeline(None)
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as fh:
    texts = [json.loads(line)["text"] for _, line in zip(range(int(sys.argv[2])), fh)]
words = sum(len(t.split()) for t in texts)
start = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
seconds = time.perf_counter() - start
print(json.dumps({"batch_size": int(sys.argv[3]), "words_per_s": round(words / seconds),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--sizes", type=int, nargs="+", default=[8, 16, 64])
    args = parser.parse_args()
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    results = []
    for size in args.sizes:
        out = subprocess.run([sys.executable, "-c", JOB, str(BULK), str(args.docs), str(size)],
                             capture_output=True, text=True, check=True, env=env).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        print(results[-1])
    path = ROOT / "bench" / "results" / "batch_size.json"
    path.write_text(json.dumps({"docs": args.docs, "results": results}, indent=1) + "\n")


if __name__ == "__main__":
    main()
