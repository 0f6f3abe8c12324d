"""Wall time and peak memory of `newsprism analyze` on the 10,000 articles of
../shared/data/bulk/article-bias-10k.jsonl.gz, against the cleaning stage alone, in one run.

Each job runs in its own process, so peak RSS (ru_maxrss) is that job's own.
  analyze    the CLI, all outputs (story.json, report.html, newsprism.db)
  rerun      the same command again on the same store: every article reused, nothing re-analysed
  clean      read + clean only (ingest.readers + ingest.clean), no sentences, no outputs

Run: .venv/bin/python bench/bulk_analyze.py [--data FILE] [--limit N]
Writes bench/results/bulk_analyze.json (bulk_analyze_<model>.json with --model).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLEAN_ONLY = """
import sys
from pathlib import Path
from newsprism.errors import InputRejected
from newsprism.ingest.clean import clean
from newsprism.ingest.readers import read_file
from newsprism.model import Rejection
from newsprism.settings import Settings
settings = Settings()
kept = rejected = words = 0
for item in read_file(Path(sys.argv[1]), settings):
    if isinstance(item, Rejection):
        rejected += 1
        continue
    try:
        words += clean(item, {}, settings).word_count()
        kept += 1
    except InputRejected:
        rejected += 1
print(kept, rejected, words)
"""


# A fresh process per job runs it and reports that job's own peak RSS (ru_maxrss of its child).
WRAPPER = (
    "import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:]).returncode; "
    "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(rc)"
)


def timed(cmd: list[str]) -> dict:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{cmd[:3]} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    lines = proc.stderr.strip().splitlines()
    peak_kb = int(lines[-1].split()[1])
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak_kb / 1024, 1),
            "stdout": proc.stdout.strip()[-300:], "stderr": "\n".join(lines[:-1])[-400:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/bulk/article-bias-10k.jsonl.gz")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N records")
    parser.add_argument("--model", default=None, help="passed to --model (default: newsprism's own pipeline)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsprism-bench-"))
    data = args.data
    if args.limit:
        import gzip

        data = work / "sample.jsonl"
        with gzip.open(args.data, "rt", encoding="utf-8") as src, data.open("w", encoding="utf-8") as dst:
            for n, line in enumerate(src):
                if n >= args.limit:
                    break
                dst.write(line)
    cli = [str(Path(sys.executable).parent / "newsprism")]
    model_args = ["--model", args.model] if args.model else []
    try:
        analyze = timed(cli + ["analyze", str(data), "-o", str(work / "out"), "--no-progress", *model_args])
        sizes = {p.name: round(p.stat().st_size / 2**20, 1) for p in (work / "out").iterdir()}
        rerun = timed(cli + ["analyze", str(data), "-o", str(work / "out"), "--no-progress", *model_args])
        cleaning = timed([sys.executable, "-c", CLEAN_ONLY, str(data)])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    kept, rejected, words = (int(x) for x in cleaning["stdout"].split()[-3:])
    results = {
        "input": str(args.data), "limit": args.limit or None, "model": args.model or "newsprism default", "cpu_count": os.cpu_count(),
        "articles_kept": kept, "rejected": rejected, "words": words,
        "analyze": analyze, "rerun_same_store": rerun, "clean_only": cleaning, "output_mb": sizes,
        "clean_share_of_analyze": round(cleaning["seconds"] / analyze["seconds"], 3),
        "analyze_words_per_second": round(words / analyze["seconds"]),
        "clean_words_per_second": round(words / cleaning["seconds"]),
    }
    print(json.dumps(results, indent=1))
    out = ROOT / "bench/results" / (f"bulk_analyze_{args.model}.json" if args.model else "bulk_analyze.json")
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
