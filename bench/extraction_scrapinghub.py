"""Main-text extraction on the 181 pages of the scrapinghub article-extraction-benchmark.

Three systems in one run, scored with the benchmark's own metric (newsprism.evaluation.extraction):
  trafilatura        trafilatura.extract(html) alone, comments excluded
  newsprism-html     newsprism's HTML path (trafilatura + located blocks + boilerplate filter + fallback)
  newsprism-text     newsprism's plain-text block classifier on the page's visible text, i.e. on a
                     page dump as the demo corpus has them (the harder task: no markup at all)

Run: .venv/bin/python bench/extraction_scrapinghub.py [--data ../shared/data/extraction/scrapinghub]
Writes bench/results/extraction_scrapinghub.json.
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import trafilatura

from newsprism.evaluation.extraction import score
from newsprism.ingest.language import detect
from newsprism.ingest.htmlclean import clean_html
from newsprism.ingest.htmltext import project
from newsprism.ingest.textblocks import classify_text
from newsprism.model import TEXT_KINDS

ROOT = Path(__file__).resolve().parents[1]


def body(blocks) -> str:
    return "\n".join(b.text for b in blocks if b.kind in TEXT_KINDS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/extraction/scrapinghub")
    args = parser.parse_args()
    gold = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    systems = {"trafilatura": [], "newsprism-html": [], "newsprism-text": []}
    english: list[bool] = []  # gold text in English: newsprism's target language
    seconds = dict.fromkeys(systems, 0.0)
    unlocated = paragraphs = fallbacks = 0
    for key, item in sorted(gold.items()):
        html = gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        truth = item["articleBody"]
        english.append(detect(truth)[0] == "en")
        t = time.perf_counter()
        systems["trafilatura"].append((truth, trafilatura.extract(html, include_comments=False) or ""))
        seconds["trafilatura"] += time.perf_counter() - t
        t = time.perf_counter()
        result = clean_html(html)
        systems["newsprism-html"].append((truth, body(result.cleaned.blocks)))
        seconds["newsprism-html"] += time.perf_counter() - t
        unlocated += result.unlocated
        paragraphs += result.unlocated + sum(b.kind in TEXT_KINDS for b in result.cleaned.blocks)
        fallbacks += result.extractor != "trafilatura"
        t = time.perf_counter()
        systems["newsprism-text"].append((truth, body(classify_text(project(html).text).blocks)))
        seconds["newsprism-text"] += time.perf_counter() - t
    results = {}
    print(f"{'system':<16} {'F1':>6} {'prec':>6} {'recall':>6} | English pages: {'F1':>6} {'prec':>6} {'recall':>6} | s/page")
    print(f"{'':<16} {len(gold):>20} pages | {sum(english):>14} pages")
    for name, pairs in systems.items():
        s = score(pairs)
        e = score(p for p, en in zip(pairs, english) if en)
        results[name] = {"f1": round(s.f1, 4), "precision": round(s.precision, 4), "recall": round(s.recall, 4),
                         "english_f1": round(e.f1, 4), "english_precision": round(e.precision, 4),
                         "english_recall": round(e.recall, 4), "english_pages": e.pages,
                         "seconds_per_page": round(seconds[name] / len(gold), 4)}
        print(f"{name:<16} {s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} | {'':14} {e.f1:6.3f} {e.precision:6.3f} {e.recall:6.3f} | {seconds[name] / len(gold):.3f}")
    results["newsprism-html"]["paragraphs_not_located"] = unlocated
    results["newsprism-html"]["paragraphs"] = paragraphs
    results["newsprism-html"]["pages_on_fallback"] = fallbacks
    print(f"newsprism-html: {unlocated} of {paragraphs} extracted paragraphs not located in the visible text; "
          f"{fallbacks} page(s) on the text-classifier fallback")
    out = ROOT / "bench/results/extraction_scrapinghub.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
