"""What quotes cost: attribution and speaker resolution against the language pipeline, one run.

Bulk articles (../shared/data/bulk) become articles with one block per paragraph; the default
pipeline parses every block (timed), then the quote stage reads the same parses (timed), as
nlp.pipeline.add_sentences does: once with the attribution tagger (the default) and once with the
cue lexicon's frames alone (`--attribution rules`). Reports the times and their ratios to the
language pipeline (target: quotes add at most 15%), and how much was found.
Usage: python bench/quotes_speed.py [--docs 500]
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.evaluation.articles import plain_article
from newsprism.model import Article, Block, Span
from newsprism.nlp.pipeline import load_pipeline
from newsprism.quotes.extract import article_quotes
from newsprism.quotes.settings import QuoteSettings

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "data" / "bulk" / "article-bias-10k.jsonl.gz"
RESULTS = ROOT / "bench" / "results" / "quotes_speed.json"


def articles(n: int) -> list[Article]:
    with gzip.open(BULK, "rt", encoding="utf-8") as fh:
        return [plain_article(f"{i:020d}", json.loads(line)["text"]) for i, line in zip(range(n), fh)]


def parse(nlp: Language, article: Article) -> tuple[list[tuple[Block, Doc]], tuple[Span, ...]]:
    """Every block parsed, and the sentences, as nlp.pipeline.add_sentences reads them."""
    parsed = list(zip(article.blocks, nlp.pipe((b.text for b in article.blocks), batch_size=16)))
    return parsed, tuple(Span(b.start + s.start_char, b.start + s.end_char) for b, d in parsed for s in d.sents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=500)
    args = parser.parse_args()
    docs = articles(args.docs)
    nlp = load_pipeline(None)
    settings = QuoteSettings.load(tagger_vocab=nlp.vocab, use_tagger=True)
    parse_s = quotes_s = rules_s = 0.0
    found, found_rules = [], []
    for article in docs:
        start = time.perf_counter()
        parsed, sentences = parse(nlp, article)
        parse_s += time.perf_counter() - start
        article = replace(article, sentences=sentences)
        start = time.perf_counter()
        found.append(article_quotes(article, parsed, settings.lexicon, settings.types, settings.tagger))
        quotes_s += time.perf_counter() - start
        start = time.perf_counter()
        found_rules.append(article_quotes(article, parsed, settings.lexicon, settings.types))
        rules_s += time.perf_counter() - start
    result = {
        "docs": len(docs), "words": sum(len(a.source_text.split()) for a in docs),
        "language_pipeline_s": round(parse_s, 2), "quotes_s": round(quotes_s, 2),
        "quotes_share_of_pipeline": round(quotes_s / parse_s, 4),
        "rules_only_quotes_s": round(rules_s, 2), "rules_only_share_of_pipeline": round(rules_s / parse_s, 4),
        "rules_only_quotes": sum(map(len, found_rules)),
        "quotes": sum(map(len, found)), "direct": sum(q.mode != "indirect" for qs in found for q in qs),
        "speaker_types": dict(sorted(Counter(q.speaker_type for qs in found for q in qs).items())),
    }
    print(json.dumps(result, indent=1))
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
