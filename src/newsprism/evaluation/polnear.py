"""PolNeAR (brat standoff: Source / Cue / Content) reading and attribution scoring.

Each article has one text file and one `.ann` file per annotator; where several annotators did
one article, the first annotator file in name order is the gold. Discontinuous spans ("0 5;9 12")
keep their fragments.

Scores, micro-averaged over a set of documents:
  cue, source  exact match: a predicted span counts when a gold span of that role has the same
               extent (first start, last end), whitespace and edge punctuation trimmed on both.
  content      token overlap: precision and recall over the word tokens inside predicted and gold
               content spans (PolNeAR is univocal, so a token has at most one role).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

TOKEN = re.compile(r"\w+", re.UNICODE)
EDGE = " \t\n\xa0,.;:\"'“”‘’"


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    cue: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]  # empty when the annotator marked no source
    content: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    name: str
    publisher: str
    text: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    """What a tagger says about one attribution; spans are character offsets into the text."""
    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[tuple[int, int], ...]


def _fragments(field_text: str) -> tuple[tuple[int, int], ...]:
    out = []
    for part in field_text.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_ann(text: str, ann: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            spans[parts[0]] = (label, _fragments(where))
        elif parts[0].startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for rel in relations:
        get = lambda role: spans[rel[role]][1] if role in rel and rel[role] in spans else ()  # noqa: E731
        if get("Cue"):
            out.append(GoldAttribution(get("Cue"), get("Source"), get("Content")))
    return tuple(out)


def read_split(folder: Path) -> list[PolnearDoc]:
    """The documents of one PolNeAR compartment folder (holding text/ and attributions/)."""
    by_article: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        by_article.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for name, ann in sorted(by_article.items()):
        text_path = folder / "text" / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        docs.append(PolnearDoc(name, name.split("_", 1)[0], text, read_ann(text, ann.read_text(encoding="utf-8"))))
    return docs


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def _extent(text: str, fragments: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    frags = list(fragments)
    if not frags:
        return None
    start, end = trim(text, frags[0][0], frags[-1][1])
    return (start, end) if end > start else (frags[0][0], frags[-1][1])  # a cue that is only ":"


def _tokens(text: str, fragments: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for a, b in fragments:
        out.update(m.start() + a for m in TOKEN.finditer(text[a:b]))
    return out


@dataclass(slots=True)
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, predicted: set, gold: set) -> None:
        self.tp += len(predicted & gold)
        self.pred += len(predicted)
        self.gold += len(gold)

    def prf(self) -> tuple[float, float, float]:
        p = 100 * self.tp / self.pred if self.pred else 0.0
        r = 100 * self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class AttributionScores:
    cue: Counts = field(default_factory=Counts)
    source: Counts = field(default_factory=Counts)
    content: Counts = field(default_factory=Counts)

    def add(self, doc: PolnearDoc, predicted: Iterable[Predicted]) -> None:
        pred = list(predicted)
        text = doc.text
        self.cue.add({_extent(text, [p.cue]) for p in pred}, {_extent(text, g.cue) for g in doc.attributions})
        self.source.add({trim(text, *p.source) for p in pred if p.source},
                        {_extent(text, g.source) for g in doc.attributions if g.source})
        self.content.add(set().union(*(_tokens(text, p.content) for p in pred)) if pred else set(),
                         set().union(*(_tokens(text, g.content) for g in doc.attributions)) if doc.attributions else set())

    def row(self) -> dict[str, float]:
        out = {}
        for name in ("cue", "source", "content"):
            p, r, f = getattr(self, name).prf()
            out |= {f"{name}_p": round(p, 2), f"{name}_r": round(r, 2), f"{name}_f1": round(f, 2)}
        return out


def score(docs: Iterable[PolnearDoc], predict) -> dict[str, dict[str, float]]:
    """{"all": row, publisher: row, ...} for a `predict(doc) -> Iterable[Predicted]`."""
    overall = AttributionScores()
    per: dict[str, AttributionScores] = defaultdict(AttributionScores)
    for doc in docs:
        pred = list(predict(doc))
        overall.add(doc, pred)
        per[doc.publisher].add(doc, pred)
    return {"all": overall.row()} | {k: per[k].row() for k in sorted(per)}
