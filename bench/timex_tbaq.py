"""TIMEX3 recognition and normalisation on TBAQ-cleaned (TempEval-3 training data).

TimeBank was used to write and tune the rules; AQUAINT is scored as well and reported
separately, and the two together ("TBAQ", the whole corpus). Usage: python bench/timex_tbaq.py [--show misses|spurious|values] [--part TimeBank]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsprism.dates.timex import find_times, parse_anchor
from newsprism.evaluation.timeml import TimexScores, score_corpus

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "time" / "TBAQ-cleaned"
RESULTS = Path(__file__).resolve().parent / "results" / "timex_tbaq.json"


def newsprism_tags(text: str, dct: str) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.type, t.value or "") for t in find_times(text, parse_anchor(dct))]


def score_part(folder: Path) -> TimexScores:
    return score_corpus(folder, newsprism_tags)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--part", choices=["TimeBank", "AQUAINT"], action="append")
    parser.add_argument("--show", choices=["misses", "spurious", "values"])
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    results = {}
    total = TimexScores()
    for part in args.part or ["TimeBank", "AQUAINT"]:
        scores = score_part(args.data / part)
        total += scores
        results[part] = scores.summary()
        print(part, json.dumps(results[part]))
        if args.show:
            items = {"misses": scores.misses, "spurious": scores.spurious, "values": scores.wrong_values}[args.show]
            for item in items:
                print("  ", *item, sep=" | ")
    if not args.part:
        results["TBAQ"] = total.summary()  # the whole corpus, the measure
        print("TBAQ", json.dumps(results["TBAQ"]))
    if not args.no_save and not args.part:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
