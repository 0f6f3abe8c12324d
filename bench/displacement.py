"""Displacement figures on the IDETECT + IDMC excerpts (../shared/data/displacement).

For each excerpt the first displacement claim newsprism finds is compared with the labelled
figure (exact), reporting term and reporting unit. Disagreements are listed with --show; the
labels are noisy, see docs/quality.md for the ones judged to be label errors.
Usage: python bench/displacement.py [--show]
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from newsprism.dates.timex import find_times
from newsprism.evaluation.displacement import DisplacementScores, normalise_term, read_excerpts
from newsprism.model import Span
from newsprism.numbers.claims import HOUSEHOLD_NOUNS, PEOPLE_NOUNS, find_claims

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "displacement"
RESULTS = Path(__file__).resolve().parent / "results" / "displacement.json"
DISPLACEMENT_KINDS = ("displaced", "refugees")
COUNTED = {n.lower() for n in PEOPLE_NOUNS} | HOUSEHOLD_NOUNS


def sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text):
        spans.append(Span(start, m.start()))
        start = m.end()
    spans.append(Span(start, len(text)))
    return spans


def figure(claim) -> float | None:
    """The claim's figure; for a range, its high end (the labelling convention of this set)."""
    return claim.value if claim.value is not None else claim.high


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    per_set: dict[str, DisplacementScores] = {}
    everything = DisplacementScores()
    for ex in read_excerpts(args.data):
        claims = find_claims(ex.text, sentences(ex.text), find_times(ex.text))
        displacement = [c for c in claims if c.kind in DISPLACEMENT_KINDS and c.unit != "share"]
        claim = next((c for c in displacement if c.counted in COUNTED), displacement[0] if displacement else None)
        for scores in (per_set.setdefault(ex.dataset, DisplacementScores()), everything):
            scores.excerpts += 1
            scores.found += claim is not None
            if ex.figure is not None:
                scores.with_figure += 1
                scores.figure_ok += bool(claim and figure(claim) is not None and abs(figure(claim) - ex.figure) < 0.5)
            scores.term_ok += bool(claim and normalise_term(claim.term or "") == normalise_term(ex.term))
            scores.unit_ok += bool(claim and (claim.reporting_unit or "") == ex.unit.strip().lower())
        if args.show and not (claim and figure(claim) == ex.figure and normalise_term(claim.term or "") == normalise_term(ex.term)
                              and claim.reporting_unit == ex.unit.lower()):
            got = (claim.text, claim.value, claim.term, claim.reporting_unit) if claim else None
            print(f"{ex.dataset}:{ex.row} gold=({ex.figure}, {ex.term}, {ex.unit}) got={got} | {ex.text[:220]!r}")
    results = {name: s.summary() for name, s in sorted(per_set.items())} | {"all": everything.summary()}
    print(json.dumps(results, indent=1))
    if not args.no_save:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
