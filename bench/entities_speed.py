"""What entities cost: mentions, linking and geocoding against the language pipeline, one run.

Bulk articles (../shared/data/bulk) become articles with one block per paragraph; the default
pipeline parses every block (timed); mentions are read off the same parses with the actor list's
names (timed); then all the articles are one story: the names found in one article looked for in
the others, linked, places geocoded (timed; the
gazetteer's index is built beforehand, once per machine, and its opening is reported apart).
Target: mentions + linking + geocoding add at most 20% to the language pipeline.
Usage: python bench/entities_speed.py [--docs 500]
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import replace

from quotes_speed import ROOT, articles, parse

from newsprism.entities.actors import actor_list
from newsprism.entities.link import link_entities
from newsprism.entities.mentions import ListedNames, block_mentions, missed_mentions, story_mentions
from newsprism.geo import gazetteer as gazetteer_module
from newsprism.nlp.pipeline import SENTENCE_KINDS, load_pipeline
from newsprism.nlp.sentences import SentenceIndex

RESULTS = ROOT / "bench" / "results" / "entities_speed.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=500)
    args = parser.parse_args()
    docs = articles(args.docs)
    nlp = load_pipeline(None)
    gazetteer_module.default_gazetteer()  # the index exists before timing
    gazetteer_module.default_gazetteer.cache_clear()
    start = time.perf_counter()
    gazetteer = gazetteer_module.default_gazetteer()
    open_s = time.perf_counter() - start
    actors = actor_list()
    listed = ListedNames(actors.names())
    parse_s = mentions_s = 0.0
    done = []
    for article in docs:
        start = time.perf_counter()
        parsed, sentences = parse(nlp, article)
        parse_s += time.perf_counter() - start
        start = time.perf_counter()
        index = SentenceIndex(sentences)
        found = [m for b, d in parsed for m in block_mentions(d, b, index)]
        found = missed_mentions(article.source_text, list(article.blocks), found, listed, index)
        done.append(replace(article, sentences=sentences, mentions=tuple(found)))
        mentions_s += time.perf_counter() - start
    start = time.perf_counter()
    done = story_mentions(done, SENTENCE_KINDS)
    story_s = time.perf_counter() - start
    start = time.perf_counter()
    entities, equations = link_entities(done, actors, gazetteer)
    link_s = time.perf_counter() - start
    types = Counter(e.type for e in entities)
    places = [e for e in entities if e.type == "place"]
    result = {
        "docs": len(docs), "words": sum(len(a.source_text.split()) for a in docs),
        "language_pipeline_s": round(parse_s, 2), "mentions_s": round(mentions_s, 2),
        "story_mentions_s": round(story_s, 2), "link_and_geocode_s": round(link_s, 2), "gazetteer_open_s": round(open_s, 2),
        "entities_share_of_pipeline": round((mentions_s + story_s + link_s) / parse_s, 4),
        "mentions": sum(len(a.mentions) for a in done), "entities": len(entities), "types": dict(sorted(types.items())),
        "places_resolved": sum(1 for e in places if e.geo and e.geo.lat is not None), "places": len(places),
        "equations": len(equations),
    }
    print(json.dumps(result, indent=1))
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
