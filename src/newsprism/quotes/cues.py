"""The cue lexicon: which words, in which syntactic frame, introduce what someone said or thought.

resources/quotes/cues.tsv holds one row per (lemma, frame) with how often that pairing was an
annotated cue in PolNeAR train and how often it occurred at all; `tools/learn_cues.py` rebuilds
it (`make cues`). A pairing is accepted when its precision on train reaches MIN_PRECISION over
at least MIN_COUNT occurrences. Users extend the lexicon with a TSV of their own rows
(`Settings.cue_lexicon`); a row of theirs wins over the shipped one.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

MIN_PRECISION = 0.4
MIN_COUNT = 2
FIELDS = ("lemma", "frame", "cue", "seen")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    accepted: frozenset[tuple[str, str]]
    lemmas: frozenset[str]

    @classmethod
    def of(cls, accepted: Iterable[tuple[str, str]]) -> CueLexicon:
        pairs = frozenset(accepted)
        return cls(pairs, frozenset(lemma for lemma, _ in pairs))

    def knows(self, lemma: str) -> bool:
        return lemma in self.lemmas

    def accepts(self, lemma: str, frame: str) -> bool:
        return (lemma, frame) in self.accepted


def learn(observations: Iterable[tuple[str, str, bool]]) -> list[dict[str, str | int]]:
    """Rows for cues.tsv from (lemma, frame, was an annotated cue) observations."""
    seen: Counter[tuple[str, str]] = Counter()
    cue: Counter[tuple[str, str]] = Counter()
    for lemma, frame, is_cue in observations:
        seen[lemma, frame] += 1
        cue[lemma, frame] += is_cue
    return [{"lemma": lemma, "frame": frame, "cue": cue[lemma, frame], "seen": n}
            for (lemma, frame), n in sorted(seen.items()) if cue[lemma, frame]]


def _rows(lines: Iterable[str]) -> dict[tuple[str, str], tuple[int, int]]:
    out = {}
    for row in csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"):
        out[row["lemma"].strip().lower(), row["frame"].strip()] = (int(row["cue"]), int(row["seen"]))
    return out


def load(extra: Path | None = None) -> CueLexicon:
    """The shipped lexicon, with the rows of `extra` (same columns) over it: a user's row is taken
    as written (cue/seen at or above MIN_PRECISION adds the pairing, below it removes it)."""
    text = resources.files("newsprism.resources").joinpath("quotes/cues.tsv").read_text(encoding="utf-8")
    accepted = {key for key, (c, n) in _rows(text.splitlines()).items() if n >= MIN_COUNT and c / n >= MIN_PRECISION}
    if extra is not None:
        for key, (c, n) in _rows(extra.read_text(encoding="utf-8").splitlines()).items():
            (accepted.add if n and c / n >= MIN_PRECISION else accepted.discard)(key)
    return CueLexicon.of(accepted)
