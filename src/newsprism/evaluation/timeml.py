"""TimeML (TempEval-3 / TBAQ) reading and TIMEX3 scoring.

A document is its TEXT element as plain text, its creation time (DCT) and the gold TIMEX3 spans
as character offsets into that text. Scoring follows TempEval-3: strict match (same extent),
relaxed match (extents overlap), and the `type` and `value` attributes judged on relaxed
matches, reported both as accuracy over the matched pairs and as F1 (TempEval-3's "value F1").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: str  # ISO date, YYYY-MM-DD
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = (dct_el.get("value") or "")[:10] if dct_el is not None else ""
    text_el = root.find("TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(el: ET.Element) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            start = sum(map(len, parts))
            walk(child)
            if child.tag == "TIMEX3":
                end = sum(map(len, parts))
                text = "".join(parts)[start:end]
                timexes.append(GoldTimex(start, end, text, child.get("type", ""), child.get("value", "")))
            if child.tail:
                parts.append(child.tail)

    if text_el is not None:
        walk(text_el)
    return TimeMLDoc(path.stem, "".join(parts), dct, tuple(timexes))


def read_corpus(folder: Path) -> list[TimeMLDoc]:
    return [read_timeml(p) for p in sorted(folder.glob("*.tml"))]


@dataclass(slots=True)
class TimexScores:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, gold text, context)
    spurious: list[tuple[str, str, str]] = field(default_factory=list)
    wrong_values: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # (doc, text, gold, predicted, context)

    def __add__(self, other: TimexScores) -> TimexScores:
        """The counts of both (two parts of a corpus scored as one)."""
        return TimexScores(self.gold + other.gold, self.predicted + other.predicted, self.strict + other.strict,
                           self.relaxed + other.relaxed, self.type_ok + other.type_ok, self.value_ok + other.value_ok,
                           self.misses + other.misses, self.spurious + other.spurious, self.wrong_values + other.wrong_values)

    @staticmethod
    def _f1(hit: int, gold: int, pred: int) -> float:
        p = hit / pred if pred else 0.0
        r = hit / gold if gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, float | int]:
        return {
            "gold": self.gold, "predicted": self.predicted,
            "strict_f1": round(100 * self._f1(self.strict, self.gold, self.predicted), 2),
            "relaxed_precision": round(100 * self.relaxed / self.predicted, 2) if self.predicted else 0.0,
            "relaxed_recall": round(100 * self.relaxed / self.gold, 2) if self.gold else 0.0,
            "relaxed_f1": round(100 * self._f1(self.relaxed, self.gold, self.predicted), 2),
            "type_accuracy": round(100 * self.type_ok / self.relaxed, 2) if self.relaxed else 0.0,
            "value_accuracy": round(100 * self.value_ok / self.relaxed, 2) if self.relaxed else 0.0,
            "type_f1": round(100 * self._f1(self.type_ok, self.gold, self.predicted), 2),
            "value_f1": round(100 * self._f1(self.value_ok, self.gold, self.predicted), 2),
        }


def _context(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[max(0, start - 40):start] + "[" + text[start:end] + "]" + text[end:end + 40])


def score_document(doc: TimeMLDoc, predicted: list[tuple[int, int, str, str]], scores: TimexScores) -> None:
    """Add one document's counts. `predicted` holds (start, end, type, value) tuples."""
    scores.gold += len(doc.timexes)
    scores.predicted += len(predicted)
    used: set[int] = set()
    for g in doc.timexes:
        match = None
        for i, (s, e, _t, _v) in enumerate(predicted):
            if i not in used and s < g.end and g.start < e:
                match = i
                break
        if match is None:
            scores.misses.append((doc.name, g.text, _context(doc.text, g.start, g.end)))
            continue
        used.add(match)
        s, e, t, v = predicted[match]
        scores.relaxed += 1
        scores.strict += (s, e) == (g.start, g.end)
        scores.type_ok += t == g.type
        if v == g.value:
            scores.value_ok += 1
        else:
            scores.wrong_values.append((doc.name, doc.text[s:e], g.value, v, _context(doc.text, s, e)))
    for i, (s, e, _t, _v) in enumerate(predicted):
        if i not in used:
            scores.spurious.append((doc.name, doc.text[s:e], _context(doc.text, s, e)))


def score_corpus(folder: Path, tag) -> TimexScores:
    """Score a tagger over a TimeML folder. `tag(text, dct)` returns (start, end, type, value) tuples."""
    scores = TimexScores()
    for doc in read_corpus(folder):
        score_document(doc, tag(doc.text, doc.dct), scores)
    return scores
