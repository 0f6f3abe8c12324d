"""Cross-document entity linking, B-cubed on MEANTIME (newsprism.evaluation.meantime).

Each topic (30 Wikinews articles) is one story: language pipeline, mentions (with the story's names
found across its articles), linking as in the main job. Reported per topic and pooled over all gold
name mentions. A gold mention ("U.S. President Barack Obama") is matched to the system mention
holding its head, its last word.
Usage: python bench/entities_meantime.py [--no-save]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsprism.entities.actors import actor_list
from newsprism.entities.link import link_entities
from newsprism.entities.mentions import ListedNames, story_mentions
from newsprism.evaluation.articles import plain_article
from newsprism.evaluation.meantime import b_cubed, gold_clusters, read_corpus
from newsprism.geo.gazetteer import default_gazetteer
from newsprism.nlp.pipeline import SENTENCE_KINDS, add_sentences, load_pipeline

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "entities-events" / "meantime" / "intra_cross-doc_annotation"
RESULTS = Path(__file__).resolve().parent / "results" / "entities_meantime.json"


def system_clusters(docs) -> dict[tuple[str, int, int], str]:
    nlp = load_pipeline(None)
    actors = actor_list()
    articles = story_mentions(list(add_sentences((plain_article(d.name, d.text) for d in docs), nlp, listed=ListedNames(actors.names()))),
                              SENTENCE_KINDS)
    entities, _ = link_entities(articles, actors, default_gazetteer())
    spans = {}
    by_id = {a.id: a for a in articles}
    for e in entities:
        for ref in e.mentions:
            m = by_id[ref.article_id].mentions[ref.mention]
            spans[(ref.article_id, m.start, m.end)] = e.id
    out = {}
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    for (doc, s, t), c in spans.items():
        by_doc.setdefault(doc, []).append((s, t, c))
    for d in docs:
        for g in d.mentions:
            overlapping = [(s, t, c) for s, t, c in by_doc.get(d.name, []) if s < g.end and g.start < t]
            if overlapping:  # the system mention holding the gold mention's head (its last word), else the widest overlap
                head = d.text.rstrip()[:g.end].rstrip(" .,;:'’\"”")
                last = len(head) - 1
                best = max(overlapping, key=lambda x: (x[0] <= last < x[1], min(x[1], g.end) - max(x[0], g.start)))
                out[(d.name, g.start, g.end)] = best[2]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    results, all_gold, all_system = {}, {}, {}
    for topic, docs in read_corpus(DATA).items():
        gold = gold_clusters(docs)
        system = system_clusters(docs)
        p, r, f = b_cubed(gold, system)
        results[topic] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold_mentions": len(gold),
                          "found": len(system)}
        all_gold.update({(topic,) + k: v for k, v in gold.items()})
        all_system.update({(topic,) + k: v for k, v in system.items()})
        print(topic, results[topic])
    p, r, f = b_cubed(all_gold, all_system)
    results["pooled"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold_mentions": len(all_gold)}
    print("pooled", results["pooled"])
    if not args.no_save:
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
