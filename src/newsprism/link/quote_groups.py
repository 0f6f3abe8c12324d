"""The same words quoted by several outlets: quote groups with a word-level diff of each variant.

Only words inside quotation marks are compared (an indirect paraphrase has no wording to
compare). Two quotations from different articles are the same utterance when the shorter one's
words, in order, make up at least MATCH_SHARE of it inside the longer one, over at least
MIN_WORDS words, or when a short quotation (a phrase like "a festering abscess") appears
word for word in the other. Members are compared with the group's reference wording, the longest
one: what a member leaves out, adds or changes, and who it says spoke.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from ..model import Article, Quote, QuoteGroup, QuoteRef

WORD = re.compile(r"[\w’'-]+")
INNER = re.compile(r"[“\"‘«]([^“”\"‘’«»]{3,}?)[”\"’»]")
OPENING = "“\"‘'«„"
MATCH_SHARE = 0.6
MIN_WORDS = 4
MIN_PHRASE = 2


def quoted_text(article: Article, quote: Quote) -> str:
    """The words of `quote` that stand inside quotation marks, fragments joined with " … "."""
    text = article.source_text
    pieces = []
    for part in quote.parts:
        if part.start and text[part.start - 1] in OPENING:
            pieces.append(text[part.start:part.end])
        else:
            pieces.extend(m.group(1) for m in INNER.finditer(text, part.start, part.end))
    return " … ".join(p.strip() for p in pieces if p.strip())


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def same_utterance(a: list[str], b: list[str]) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_PHRASE:
        return False
    matched = sum(block.size for block in SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks())
    if len(short) < MIN_WORDS:
        return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))
    return matched >= MIN_WORDS and matched >= MATCH_SHARE * len(short)


def diff(reference: list[str], words: list[str]) -> tuple[tuple[str, str, str], ...]:
    ops = SequenceMatcher(None, reference, words, autojunk=False).get_opcodes()
    return tuple((op, " ".join(reference[i1:i2]), " ".join(words[j1:j2])) for op, i1, i2, j1, j2 in ops)


def group_quotes(articles: Sequence[Article]) -> list[QuoteGroup]:
    items: list[tuple[Article, int, Quote, str, list[str]]] = []
    for article in articles:
        for i, quote in enumerate(article.quotes):
            if quote.mode == "indirect":
                continue
            wording = quoted_text(article, quote)
            words = _words(wording)
            if len(words) >= MIN_PHRASE:
                items.append((article, i, quote, wording, words))
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x in range(len(items)):
        for y in range(x + 1, len(items)):
            if items[x][0].id != items[y][0].id and same_utterance(items[x][4], items[y][4]):
                parent[find(x)] = find(y)
    clusters: dict[int, list[int]] = {}
    for x in range(len(items)):
        clusters.setdefault(find(x), []).append(x)
    groups = []
    for members in clusters.values():
        if len({items[m][0].id for m in members}) < 2:
            continue
        members.sort(key=lambda m: (items[m][0].outlet or "", items[m][2].start))
        ref = max(members, key=lambda m: len(items[m][4]))
        reference = items[ref][4]
        refs = []
        for m in members:
            article, index, quote, wording, words = items[m]
            refs.append(QuoteRef(article.id, article.outlet, index, wording, quote.speaker, quote.speaker_name,
                                 quote.speaker_kind, quote.start, quote.end, quote.sentence, diff(reference, words)))
        speakers = tuple(dict.fromkeys(r.speaker_name or r.speaker or "unknown" for r in refs))
        identical = all(items[m][4] == reference for m in members)
        groups.append(QuoteGroup("", items[ref][3], speakers, len(speakers) == 1,
                                 "identical" if identical else "variants", tuple(refs)))
    groups.sort(key=lambda g: (-len({r.article_id for r in g.members}), g.reference))
    return [QuoteGroup(f"q{n}", g.reference, g.speakers, g.same_speaker, g.status, g.members) for n, g in enumerate(groups, 1)]
