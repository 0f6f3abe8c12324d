"""Displacement figures on the IDETECT + IDMC excerpts (../shared/data/displacement).

For each excerpt the main displacement claim newsprism finds is compared with the labelled
figure (exact), reporting term and reporting unit. `--show` lists every disagreement; the labels
are noisy, and docs/quality.md lists the ones judged to be label errors.
Usage: python bench/displacement.py [--show]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsprism.evaluation.displacement import figure, is_right, main_displacement_claim, read_excerpts, score

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "displacement"
RESULTS = Path(__file__).resolve().parent / "results" / "displacement.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    excerpts = read_excerpts(args.data)
    if args.show:
        for ex in excerpts:
            claim = main_displacement_claim(ex.text)
            if not all(is_right(claim, ex)):
                got = (claim.text, figure(claim), claim.term, claim.reporting_unit) if claim else None
                print(f"{ex.dataset}:{ex.row} gold=({ex.figure}, {ex.term}, {ex.unit}) got={got} | {ex.text[:220]!r}")
    results = {name: s.summary() for name, s in score(excerpts).items()}
    print(json.dumps(results, indent=1))
    if not args.no_save:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
