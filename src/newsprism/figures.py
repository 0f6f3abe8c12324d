"""The numbers-and-dates stage: each article with its time expressions and numeric claims."""
from __future__ import annotations

from dataclasses import replace

from .dates.timex import find_times, parse_anchor
from .model import Article, Span, TimeExpr
from .numbers.claims import find_claims

# Blocks whose time expressions count: the running text and the headline and standfirst.
TIME_KINDS = frozenset({"title", "dek", "body", "subhead"})


def add_times_and_claims(article: Article) -> Article:
    """Time expressions resolved against the publication date (relative ones keep value None when
    it is unknown) and numeric claims, sentence by sentence."""
    anchor = parse_anchor(article.published)
    times: list[TimeExpr] = []
    for block in article.blocks:
        if block.kind in TIME_KINDS:
            times.extend(find_times(article.source_text, anchor, block.start, block.end))
    blocks = [b for b in article.blocks if b.kind in TIME_KINDS]
    sentences = tuple(s for s in article.sentences if any(b.start <= s.start < b.end for b in blocks)) \
        if article.sentences else tuple(Span(b.start, b.end) for b in blocks)
    claims = find_claims(article.source_text, sentences, times)
    return replace(article, times=tuple(times), claims=tuple(claims))
