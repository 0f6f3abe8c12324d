"""Cross-document entity linking on MEANTIME (NewsReader, CC BY 4.0): B-cubed over gold name mentions.

Each of the four topic folders of `intra_cross-doc_annotation` (Airbus, Apple, GM, stock market;
30 Wikinews articles each) is one story. Gold: the named mentions (syntactic_type NAM) of entities
(PER, ORG, LOC) whose REFERS_TO target carries a cross-document instance id; two mentions corefer
when they share it. A system mention is matched to a gold one by overlapping characters; a gold
mention the system did not find is its own singleton. B-cubed precision and recall are averaged
over gold mentions (Bagga and Baldwin, 1998).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

TYPES = frozenset({"PER", "ORG", "LOC"})


@dataclass(frozen=True, slots=True)
class GoldMention:
    doc: str
    start: int
    end: int
    text: str
    instance: str


@dataclass(frozen=True, slots=True)
class Doc:
    name: str
    text: str  # tokens joined by spaces, sentences by newlines
    mentions: tuple[GoldMention, ...]


def read_doc(path: Path) -> Doc:
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    length, sentence = 0, None
    for token in root.iter("token"):
        if sentence is not None and token.get("sentence") != sentence:
            parts.append("\n")
            length += 1
        elif parts:
            parts.append(" ")
            length += 1
        sentence = token.get("sentence")
        word = token.text or ""
        offsets[token.get("t_id")] = (length, length + len(word))
        parts.append(word)
        length += len(word)
    text = "".join(parts)
    markables = root.find("Markables")
    spans: dict[str, tuple[int, int]] = {}
    names: set[str] = set()
    instances: dict[str, tuple[str, str]] = {}  # entity m_id -> (instance id, type)
    for node in markables if markables is not None else ():
        if node.tag == "ENTITY_MENTION":
            anchors = [offsets[a.get("t_id")] for a in node.findall("token_anchor") if a.get("t_id") in offsets]
            if anchors:
                spans[node.get("m_id")] = (anchors[0][0], anchors[-1][1])
                if node.get("syntactic_type") == "NAM":
                    names.add(node.get("m_id"))
        elif node.tag == "ENTITY" and node.get("instance_id"):
            instances[node.get("m_id")] = (node.get("instance_id"), node.get("ent_type", ""))
    gold = []
    relations = root.find("Relations")
    for rel in relations.findall("REFERS_TO") if relations is not None else ():
        target = rel.find("target")
        if target is None or target.get("m_id") not in instances:
            continue
        instance, kind = instances[target.get("m_id")]
        if kind not in TYPES:
            continue
        for source in rel.findall("source"):
            m = source.get("m_id")
            if m in names and m in spans:
                s, e = spans[m]
                gold.append(GoldMention(path.stem, s, e, text[s:e], instance))
    return Doc(path.stem, text, tuple(sorted(gold, key=lambda g: g.start)))


def read_corpus(folder: Path) -> dict[str, list[Doc]]:
    """Topic -> its documents."""
    return {sub.name: [read_doc(p) for p in sorted(sub.glob("*.xml"))] for sub in sorted(folder.iterdir()) if sub.is_dir()}


def b_cubed(gold: dict[tuple[str, int, int], str], system: dict[tuple[str, int, int], str]) -> tuple[float, float, float]:
    """B-cubed P, R, F1 over the gold mentions; `system` maps a mention to its cluster (missing: singleton)."""
    by_gold: dict[str, set] = defaultdict(set)
    by_system: dict[str, set] = defaultdict(set)
    for mention, cluster in gold.items():
        by_gold[cluster].add(mention)
        by_system[system.get(mention, f"singleton:{mention}")].add(mention)
    precision = recall = 0.0
    for mention, cluster in gold.items():
        g = by_gold[cluster]
        s = by_system[system.get(mention, f"singleton:{mention}")]
        common = len(g & s)
        precision += common / len(s)
        recall += common / len(g)
    n = len(gold) or 1
    p, r = precision / n, recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_clusters(docs: Iterable[Doc]) -> dict[tuple[str, int, int], str]:
    return {(m.doc, m.start, m.end): m.instance for d in docs for m in d.mentions}
