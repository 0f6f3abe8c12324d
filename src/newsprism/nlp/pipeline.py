"""Loading the language pipeline, and the sentence stage that runs on it.

Without `--model`, newsprism's own English pipeline (resources/model, trained by `make model`) is
used, or the rule-based sentencizer where no model is packaged; `--model rules` asks for the
sentencizer alone. Any installed spaCy pipeline (package name or path) is loaded offline.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import spacy
from spacy.language import Language

from ..entities.mentions import ListedNames, block_mentions, missed_mentions
from ..errors import ModelError
from ..model import Article, Span
from ..quotes.extract import article_quotes, quotations_only
from ..quotes.settings import QuoteSettings
from .headline import recase
from .sentences import SentenceIndex

# Block kinds whose text is split into sentences.
SENTENCE_KINDS = frozenset({"title", "dek", "body", "subhead", "caption"})
# Kinds written in headline style: re-cased (same length) before the model reads them.
HEADLINE_KINDS = frozenset({"title", "dek", "subhead"})
RULES_NAME = "rules:sentencizer"


def load_pipeline(name: str | None) -> Language:
    """The spaCy pipeline `name` (package or path); None: newsprism's own; "rules": sentencizer only."""
    from . import model

    if name is None and model.is_available():
        return model.load_default()
    if name is None or name in (RULES_NAME, "rules"):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
    if not any(nlp.has_pipe(p) for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    return nlp


def pipeline_id(nlp: Language, tagger: Language | None = None) -> str:
    """Names the pipeline (and the attribution tagger, when one runs) in each stored article's fingerprint."""
    meta = nlp.meta
    if not nlp.pipe_names or nlp.pipe_names == ["sentencizer"] and meta.get("name") == "pipeline":
        return RULES_NAME
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
    return name + (f"+{tagger.meta.get('name')}-{tagger.meta.get('version')}" if tagger is not None else "")


# Documents per batch: 16 is the fastest and stays under 1 GB (bench/batch_size.py).
BATCH_SIZE = 16


def add_sentences(articles: Iterable[Article], nlp: Language, batch_size: int = BATCH_SIZE,
                  quotes: QuoteSettings | None = None, listed: ListedNames | None = None) -> Iterator[Article]:
    """Each article with `sentences` (spans into its source_text, within text blocks), the name
    `mentions` the pipeline finds (and the `listed` names it missed) and, when `quotes` is given, its `quotes` read off the same parses."""
    for article in articles:
        blocks = [b for b in article.blocks if b.kind in SENTENCE_KINDS]
        spans: list[Span] = []
        texts = (recase(b.text) if b.kind in HEADLINE_KINDS else b.text for b in blocks)
        parsed = []
        for block, doc in zip(blocks, nlp.pipe(texts, batch_size=batch_size)):
            parsed.append((block, doc))
            for sent in doc.sents:
                text = sent.text
                if text.strip():
                    lead = len(text) - len(text.lstrip())
                    trail = len(text) - len(text.rstrip())
                    spans.append(Span(block.start + sent.start_char + lead, block.start + sent.end_char - trail))
        sentence_index = SentenceIndex(spans)
        mentions = [m for block, doc in parsed for m in block_mentions(doc, block, sentence_index)]
        if listed is not None:
            mentions = missed_mentions(article.source_text, blocks, mentions, listed, sentence_index)
        article = replace(article, sentences=tuple(spans), mentions=tuple(mentions))
        if quotes is not None:
            found = article_quotes(article, parsed, quotes.lexicon, quotes.types, quotes.tagger) if nlp.has_pipe("parser") \
                else quotations_only(article)
            article = replace(article, quotes=found)
        yield article
