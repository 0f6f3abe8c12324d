"""Rebuild src/newsprism/resources/lowercase_words.txt: words that news text writes in lower case
when they are not the first word of a sentence (at least 95% of at least 20 such uses in the
10,000 articles of ../shared/data/bulk). Headlines in Title Case or capitals are re-cased with it.
Also common_words.txt: words written in lower case in at least a quarter of such uses ("centre",
"orange", "nice"), which a capitalised place name of the same spelling may only be by context.
Run: .venv/bin/python tools/build_truecase.py
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "data" / "bulk" / "article-bias-10k.jsonl.gz"
OUT = ROOT / "src" / "newsprism" / "resources" / "lowercase_words.txt"
COMMON = ROOT / "src" / "newsprism" / "resources" / "common_words.txt"
COMMON_SHARE = 0.25
SENTENCE_START = re.compile(r"(^|[.!?:;\"“‘(\n]\s*)([A-Za-z]+)")


def main() -> None:
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    with gzip.open(BULK, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            starts = {m.start(2) for m in SENTENCE_START.finditer(text)}
            for m in re.finditer(r"\b[A-Za-z][a-z]+\b|\b[a-z]+\b", text):
                if m.start() in starts:
                    continue
                word = m.group(0)
                (capital if word[0].isupper() else lower)[word.lower()] += 1
    words = sorted(w for w, n in lower.items() if n + capital[w] >= 20 and n / (n + capital[w]) >= 0.95)
    OUT.write_text("# Built by tools/build_truecase.py from ../shared/data/bulk: words news writes in lower case.\n"
                   + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")
    common = sorted(w for w, n in lower.items() if n + capital[w] >= 20 and n / (n + capital[w]) >= COMMON_SHARE)
    COMMON.write_text("# Built by tools/build_truecase.py from ../shared/data/bulk: words news writes in lower case at least "
                      f"{COMMON_SHARE:.0%} of the time.\n" + "\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(common)} words -> {COMMON}")


if __name__ == "__main__":
    main()
