"""Main-text extraction score as the scrapinghub article-extraction-benchmark defines it:
multisets of 4-word shingles (\\w+ tokens, case kept), TP/FP/FN normalised per page so long
pages weigh no more than short ones, precision and recall averaged over pages, F1 of the means."""
from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float
    pages: int


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    g, p = _shingles(gold), _shingles(predicted)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(pairs: Iterable[tuple[str, str]]) -> Score:
    """Score (gold, predicted) body texts."""
    counts = [page_counts(g, p) for g, p in pairs]

    def ratio(a: float, b: float, other: float) -> float:
        if b == other == 0:
            return 1.0
        return 0.0 if a == b == 0 else a / (a + b)

    precision = statistics.mean(ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(counts))
