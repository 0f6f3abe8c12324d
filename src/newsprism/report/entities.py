"""Report views of the story's entities: who is named how by which outlet, the actors an outlet
equates, and the map of places (inline SVG over country outlines shipped with newsprism, no tiles)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..model import Entity, Story

MAX_ENTITIES = 80
MAP_WIDTH = 640
MIN_SPAN = 4.0  # degrees: a map of one town still shows its region
PAD = 1.0
FOCUS_DEGREES = 8.0


def entity_rows(story: Story, index: dict[str, int], marks: dict[str, list[tuple[int, int, str]]]) -> list[dict]:
    """The most-mentioned entities (not nationalities), each with how every outlet names it."""
    rows = []
    shown = [e for e in story.entities if e.type != "nationality"][:MAX_ENTITIES]
    for n, e in enumerate(shown):
        per_outlet: dict[int, dict] = {}
        for ref in e.mentions:
            i = index[ref.article_id]
            m = story.articles[i].mentions[ref.mention]
            cell = per_outlet.get(i)
            if cell is None:
                mark_id = f"e{n}-{i}"
                marks[ref.article_id].append((m.start, m.end, mark_id))
                cell = per_outlet[i] = {"outlet": story.articles[i].label(), "mark": mark_id, "names": {}}
            cell["names"][m.text] = cell["names"].get(m.text, 0) + 1
        rows.append({"entity": e, "outlets": [per_outlet[i] for i in sorted(per_outlet)], "mentions": len(e.mentions)})
    return rows


def equation_rows(story: Story, index: dict[str, int], marks: dict[str, list[tuple[int, int, str]]]) -> list[dict]:
    """For each pair of related actors some outlet ties together: every outlet's stance, with its sentence."""
    by_id = {e.id: e for e in story.entities}
    pairs: dict[tuple[str, str], list] = {}
    for q in story.equations:
        pairs.setdefault((q.a, q.b), []).append(q)
    rows = []
    for n, ((a, b), found) in enumerate(pairs.items()):
        outlets = []
        for i, article in enumerate(story.articles):
            names_a = any(r.article_id == article.id for r in by_id[a].mentions)
            names_b = any(r.article_id == article.id for r in by_id[b].mentions)
            mine = [q for q in found if q.article_id == article.id]
            stance = mine[0].how if mine else ("names both apart" if names_a and names_b else
                                                f"names only {by_id[a].name}" if names_a else
                                                f"names only {by_id[b].name}" if names_b else "names neither")
            mark_id = None
            if mine:
                mark_id = f"q{n}-{i}"
                marks[article.id].append((mine[0].sentence.start, mine[0].sentence.end, mark_id))
            outlets.append({"outlet": story.articles[i].label(), "stance": stance, "cue": mine[0].cue if mine else None,
                            "mark": mark_id, "sentence": article.source_text[mine[0].sentence.start:mine[0].sentence.end] if mine else None})
        rows.append({"a": by_id[a], "b": by_id[b], "outlets": outlets})
    return rows


@lru_cache(maxsize=1)
def _outlines() -> dict[str, list[list[list[float]]]]:
    text = resources.files("newsprism.resources").joinpath("geo", "outlines.json").read_text(encoding="utf-8")
    return json.loads(text)


def place_map(story: Story, rows: list[dict]) -> dict:
    """An SVG map (equirectangular) of the resolved places, the areas with no point of their own
    ("northern Syria", "the Middle East") and the places left unresolved."""
    shown = {r["entity"].id: r for r in rows}
    located = [e for e in story.entities if e.geo and e.geo.lat is not None and e.type in ("place", "country")
               and e.geo.matched != "derived"]  # "northern Syria" has no point of its own
    unresolved = [e for e in story.entities if e.type == "place" and e.geo and e.geo.lat is None]
    areas = [e for e in story.entities if e.type == "place" and e.geo and e.geo.matched == "derived"]  # listed, not drawn
    places = [e for e in located if e.type == "place"] or located
    if not places:
        return {"svg": None, "unresolved": unresolved, "off_map": [], "areas": areas}
    # the map centres on the place with the most mentions around it; far-off places (a capital
    # abroad) are listed instead. (The median latitude and the median longitude taken apart can
    # point at a spot no place is near: Washington State and Washington, D.C.)
    near = lambda a, b: abs(a.geo.lat - b.geo.lat) <= FOCUS_DEGREES and abs(a.geo.lon - b.geo.lon) <= FOCUS_DEGREES  # noqa: E731
    busiest = sorted(places, key=lambda e: -len(e.mentions))[:200]
    centre = max(busiest, key=lambda c: sum(len(e.mentions) for e in places if near(c, e)))
    focus = [e for e in places if near(centre, e)]
    lats = [e.geo.lat for e in focus]
    lons = [e.geo.lon for e in focus]
    south, north, west, east = min(lats) - PAD, max(lats) + PAD, min(lons) - PAD, max(lons) + PAD
    if north - south < MIN_SPAN:
        mid = (north + south) / 2
        south, north = mid - MIN_SPAN / 2, mid + MIN_SPAN / 2
    if east - west < MIN_SPAN:
        mid = (east + west) / 2
        west, east = mid - MIN_SPAN / 2, mid + MIN_SPAN / 2
    scale = MAP_WIDTH / (east - west)
    height = round((north - south) * scale)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return round((lon - west) * scale, 1), round((north - lat) * scale, 1)

    shapes = []
    for iso, rings in _outlines().items():
        for ring in rings:
            if any(west - 5 <= lon <= east + 5 and south - 5 <= lat <= north + 5 for lon, lat in ring):
                shapes.append({"iso": iso, "d": "M" + " L".join("%s,%s" % xy(lon, lat) for lon, lat in ring) + " Z"})
    points = []
    for e in located:
        if not (south <= e.geo.lat <= north and west <= e.geo.lon <= east):
            continue
        x, y = xy(e.geo.lon, e.geo.lat)
        row = shown.get(e.id)
        points.append({"entity": e, "x": x, "y": y, "mark": row["outlets"][0]["mark"] if row else None,
                       "r": 3 + min(6, len(e.mentions))})
    drawn = {p["entity"].id for p in points}
    off_map = [e for e in located if e.id not in drawn]
    return {"svg": {"width": MAP_WIDTH, "height": height, "shapes": shapes, "points": points}, "unresolved": unresolved,
            "off_map": off_map, "areas": areas}


def label(e: Entity) -> str:
    return "name of unknown kind" if e.type == "other" else e.type.replace("_", " ")
