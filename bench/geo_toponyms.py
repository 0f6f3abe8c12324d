"""Toponym recognition and resolution on GeoWebNews and GeoVirus (newsprism.evaluation.geo).

Each article goes through the same stages as newsprism's main job (language pipeline, mentions,
entity linking, geocoding in the article's own context); predicted toponyms are the mentions of
place and country entities, and, for GeoWebNews only (GeoVirus annotates no demonyms),
nationalities linked to a country; each span less the lower-case direction and feature words
around the name, which neither corpus includes ("southern [California]", "[Nyanza] province").
Usage: python bench/geo_toponyms.py [--split dev|test|all] [--limit N] [--no-save]
"""
from __future__ import annotations

import argparse
import json
import re
import time
from importlib import resources
from pathlib import Path

from newsprism.entities.actors import actor_list
from newsprism.entities.link import link_entities
from newsprism.entities.mentions import ListedNames, story_mentions
from newsprism.evaluation.articles import plain_article
from newsprism.evaluation.geo import GeoDoc, Predicted, read_geovirus, read_geowebnews, score
from newsprism.geo.gazetteer import default_gazetteer
from newsprism.nlp.pipeline import SENTENCE_KINDS, add_sentences, load_pipeline

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geo"
RESULTS = Path(__file__).resolve().parent / "results" / "geo_toponyms.json"


# Both corpora mark the toponym without the words around it that newsprism keeps in a mention:
# "southern [California]", "[Nyanza] province", "the village of [Bariyarpur]"
_MODIFIER_BEFORE = re.compile(r"(?:the\s+)?(?:(?:north|south|east|west|central|upper|lower|greater)(?:ern|-?(?:east|west)(?:ern)?)?\s+"
                              r"|(?:city|town|village|province|governorate|region|district|state)\s+of\s+)+")
_FEATURE_AFTER = re.compile(r"\s+(?:province|governorate|region|state|county|city|district|town|village|area|airport)$")


def toponym_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The mention's span less the lower-case direction and feature words around its name."""
    m = _MODIFIER_BEFORE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    f = _FEATURE_AFTER.search(text, start, end)
    if f and f.start() > start:
        end = f.start()
    return start, end


def predictions(docs: list[GeoDoc], demonyms: bool = True) -> dict[str, list[Predicted]]:
    """newsprism's places, countries and (with `demonyms`, as GeoWebNews annotates them; GeoVirus
    never does) nationalities, each mention with its entity's point."""
    nlp = load_pipeline(None)
    actors = actor_list()
    listed = ListedNames(actors.names())
    gazetteer = default_gazetteer()
    outlines = json.loads(resources.files("newsprism.resources").joinpath("geo", "outlines.json").read_text(encoding="utf-8"))
    out = {}
    for article in add_sentences((plain_article(d.name, d.text) for d in docs), nlp, listed=listed):
        article = story_mentions([article], SENTENCE_KINDS)[0]  # each article is its own story
        entities, _ = link_entities([article], actors, gazetteer)
        by_country = {e.country: e for e in entities if e.type == "country" and e.geo}
        found = []
        for e in entities:
            geo = e.geo
            if e.type == "nationality" and not demonyms:
                continue
            if e.type == "nationality" and geo is None:  # "Europeans" carry their region's point; "Syrians" take Syria's
                geo = by_country[e.country].geo if e.country in by_country else \
                    (country.place if e.country and (country := gazetteer.country(e.country)) else None)
                if geo is None and not e.country:
                    continue
            elif e.type not in ("place", "country", "nationality"):
                continue
            country = geo.country if geo is not None and geo.feature == "country" else None
            outline = tuple(tuple(map(tuple, ring)) for ring in outlines.get(country or "", ()))
            for ref in e.mentions:
                m = article.mentions[ref.mention]
                start, end = toponym_span(article.source_text, m.start, m.end)
                found.append(Predicted(start, end, getattr(geo, "lat", None), getattr(geo, "lon", None), getattr(geo, "geonameid", None),
                                       outline))
        out[article.id] = found
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="all", choices=["dev", "test", "all"])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    results = {}
    started = time.perf_counter()
    for corpus, docs in (("GeoWebNews", read_geowebnews(DATA / "GeoWebNews.xml")), ("GeoVirus", read_geovirus(DATA / "GeoVirus.xml"))):
        if args.limit:
            docs = docs[:args.limit]
        predicted = predictions(docs, demonyms=corpus == "GeoWebNews")
        for split in ("dev", "test", "all"):
            if args.split not in ("all", split):
                continue
            chosen = [d for d in docs if split == "all" or d.split == split]
            row = score(chosen, lambda d: predicted[d.name])
            results[f"{corpus} {split}"] = row
            print(f"{corpus:10} {split:4}  P {row['precision']:6.2f}  R {row['recall']:6.2f}  F1 {row['f1']:6.2f}  "
                  f"within 161 km {row['resolved_within_161km']:6.2f}%  same entry or within 161 km "
                  f"{row['resolved_same_entry_or_161km']:6.2f}%  right place {row['resolved_right_place']:6.2f}% "
                  f"of {row['scored_for_resolution']}")
    print(f"{time.perf_counter() - started:.0f} s")
    if not args.no_save:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
