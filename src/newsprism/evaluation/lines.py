"""Line-level scoring of the plain-text block classifier against hand labels.

Labels file (TSV): file, line (1-based), kind — one of the block kinds, or "drop". A line's
predicted kind is the kind of the first block that starts on it, else "drop".
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..model import Block


@dataclass(frozen=True, slots=True)
class LineScore:
    file: str
    body_precision: float
    body_recall: float
    kind_accuracy: float
    lines: int
    errors: tuple[tuple[int, str, str], ...]  # (line, gold, predicted)


def read_labels(path: Path) -> dict[str, dict[int, str]]:
    labels: dict[str, dict[int, str]] = defaultdict(dict)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"):
            labels[row["file"]][int(row["line"])] = row["kind"]
    return dict(labels)


def predicted_kinds(text: str, blocks: list[Block] | tuple[Block, ...]) -> dict[int, str]:
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    kinds: dict[int, str] = {}
    import bisect

    for block in blocks:
        line = bisect.bisect_right(line_starts, block.start)
        kinds.setdefault(line, block.kind)
    return kinds


def score_file(name: str, text: str, blocks: list[Block] | tuple[Block, ...], gold: dict[int, str]) -> LineScore:
    predicted = predicted_kinds(text, blocks)
    tp = fp = fn = correct = 0
    errors = []
    for line, kind in sorted(gold.items()):
        guess = predicted.get(line, "drop")
        correct += guess == kind
        if guess != kind:
            errors.append((line, kind, guess))
        tp += guess == "body" and kind == "body"
        fp += guess == "body" and kind != "body"
        fn += guess != "body" and kind == "body"
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return LineScore(name, precision, recall, correct / len(gold), len(gold), tuple(errors))
