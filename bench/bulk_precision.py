"""What two rules that fire on ordinary news do there, on the bulk articles (../shared/data/bulk).

  seams   glued-word repairs of the figures stage (numbers/glue.py) on the first N articles:
          every seam found, with the word it split, to read for false splits.
  labels  punctuation attributions (quotes/labels.py) on the paragraphs of the first N articles
          that hold a colon in their first 60 characters or a dash near their end: every speaker
          label and dash attribution taken, to read for fields and titles taken as speakers.
  addresses  "Town, Division" read as places (entities.mentions.pattern_places) in the first N
          articles: how many, and a sample to read for names that are not places.
  places  the place mentions the finder of places of standing (entities.mentions.standing_places)
          adds to the language pipeline's on the first N articles: the pipeline run with and without
          it, the added mentions counted by name, to read for people and products taken as places.
Prints counts and the items; writes nothing. There is no gold here: the figures are read by eye.
Usage: python bench/bulk_precision.py [--seam-docs 3000] [--label-docs 1500] [--address-docs 1500]
                                     [--place-docs 300] [--show 60]
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import Counter
from pathlib import Path
from unittest.mock import patch

from newsprism.entities import mentions
from newsprism.entities.actors import actor_list
from newsprism.entities.mentions import ADDRESS, ListedNames, pattern_places
from newsprism.evaluation.articles import plain_article
from newsprism.nlp.pipeline import add_sentences, load_pipeline
from newsprism.numbers.claims import lexicon_words
from newsprism.numbers.glue import repair
from newsprism.quotes import cues
from newsprism.quotes.attribution import find_attributions

BULK = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bulk" / "article-bias-10k.jsonl.gz"


def texts(n: int) -> list[str]:
    with gzip.open(BULK, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for _, line in zip(range(n), fh)]


def seams(n: int) -> Counter[str]:
    found: Counter[str] = Counter()
    for text in texts(n):
        repaired = repair(text, lexicon_words())
        for s in repaired.seams if repaired else ():
            a, b = s, s
            while a and text[a - 1].isalnum():
                a -= 1
            while b < len(text) and text[b].isalnum():
                b += 1
            found[text[a:s] + "|" + text[s:b]] += 1
    return found


def labels(n: int) -> tuple[int, list[str]]:
    paragraphs = [p for t in texts(n) for p in t.split("\n")
                  if p.strip() and (":" in p[:60] or any(d in p[-40:] for d in "―—"))]
    nlp, lexicon = load_pipeline(None), cues.load()
    taken = []
    for doc in nlp.pipe(paragraphs, batch_size=32):
        for a in find_attributions(doc, lexicon):
            if a.frame == "label":
                taken.append(f"{doc.text[a.source[0]:a.source[1]]!r} {doc.text[a.cue[0]:a.cue[1]]} "
                             f"{doc.text[a.content[0][0]:a.content[0][1]][:60]!r}")
    return len(paragraphs), taken


def addresses(n: int) -> list[str]:
    found = []
    for text in texts(n):
        spans = {s for s, _ in pattern_places(text)}
        found += [text[m.start():m.end()] for m in ADDRESS.finditer(text) if m.start("place") in spans]
    return found


def places(n: int) -> tuple[int, Counter[str]]:
    """(LOC mentions without the finder, names of the LOC mentions it adds)."""
    nlp, listed = load_pipeline(None), ListedNames(actor_list().names())
    articles = [plain_article(f"{i:020d}", t) for i, t in enumerate(texts(n))]

    def loc_mentions() -> set[tuple[str, int, int, str]]:
        return {(a.id, m.start, m.end, m.text) for a in add_sentences(articles, nlp, listed=listed)
                for m in a.mentions if m.label == "LOC"}

    with_finder = loc_mentions()
    with patch.object(mentions, "standing_places", lambda text: []):
        without = loc_mentions()
    return len(without), Counter(name for *_, name in with_finder - without)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seam-docs", type=int, default=3000)
    parser.add_argument("--label-docs", type=int, default=1500)
    parser.add_argument("--address-docs", type=int, default=1500)
    parser.add_argument("--place-docs", type=int, default=300)
    parser.add_argument("--show", type=int, default=60)
    args = parser.parse_args()
    found = seams(args.seam_docs)
    print(f"seams in {args.seam_docs} articles: {sum(found.values())}", found.most_common(args.show))
    paragraphs, taken = labels(args.label_docs)
    print(f"labels in {paragraphs} paragraphs of {args.label_docs} articles: {len(taken)}")
    for line in taken[:args.show]:
        print("  ", line)
    found_addresses = addresses(args.address_docs)
    print(f"addresses in {args.address_docs} articles: {len(found_addresses)}")
    for line in random.Random(0).sample(found_addresses, min(args.show, len(found_addresses))):
        print("  ", line)
    before, added = places(args.place_docs)
    print(f"places of standing added in {args.place_docs} articles: {sum(added.values())} to {before} place mentions",
          added.most_common(args.show))


if __name__ == "__main__":
    main()
