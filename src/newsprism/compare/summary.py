"""A multi-source summary: a few sentences taken as they are from the articles, chosen for carrying
what several independent sources report, each with the articles that support it; then where the
outlets disagree (figures that differ, a quote attributed to different speakers), each side in its
own sentence. Nothing is written that is not a source's sentence.

Selection is greedy: a sentence scores the independent support of the facts it carries (figures,
quotes and dates count fully, actors a little), with a bonus for an article's opening sentences; a
fact counts once, so each new sentence adds something the others have not said.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import (
    Article,
    Fact,
    SourceFamily,
    Span,
    Story,
    SummaryPoint,
    SummarySource,
)
from .coverage import sentence_of

MAX_STATEMENTS = 5
MAX_DISAGREEMENTS = 4
KIND_WEIGHT = {"figure": 1.5, "quote": 1.0, "date": 1.0, "actor": 0.3}
LEAD_SENTENCES = 3
LEAD_BONUS = 1.0
MIN_WORDS, MAX_WORDS = 8, 60
SAME_SENTENCE = 0.5  # word overlap (Jaccard) above which two sentences say the same thing
WORD = re.compile(r"\w+")


def _sentence_facts(story: Story, facts: Sequence[Fact]) -> dict[tuple[str, int], set[str]]:
    """(article id, sentence start) -> ids of the facts the sentence carries."""
    by_entity = {e.id: e for e in story.entities}
    articles = {a.id: a for a in story.articles}
    out: dict[tuple[str, int], set[str]] = {}
    for f in facts:
        if f.kind == "actor":
            for ref in by_entity[f.ref].mentions:
                m = articles[ref.article_id].mentions[ref.mention]
                out.setdefault((ref.article_id, m.sentence.start), set()).add(f.id)
        else:
            for c in f.cells:
                out.setdefault((c.article_id, c.sentence.start), set()).add(f.id)
    return out


def _body_sentences(article: Article) -> list[tuple[int, Span]]:
    """(position among the body's sentences, span) of the sentences inside body blocks."""
    bodies = [b for b in article.blocks if b.kind == "body"]
    out = []
    for s in article.sentences:
        if any(b.start <= s.start and s.end <= b.end for b in bodies):
            out.append((len(out), s))
    return out


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def summarise(story: Story, facts: Sequence[Fact], families: Sequence[SourceFamily]) -> list[SummaryPoint]:
    family = {a: f.id for f in families for a in f.article_ids}
    fact_by_id = {f.id: f for f in facts}
    carriers = {f.id: {c.article_id for c in f.cells} for f in facts}
    in_sentence = _sentence_facts(story, facts)
    candidates = []
    for article in story.articles:
        for position, span in _body_sentences(article):
            text = sentence_of(article, span)
            if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
                continue
            carried = {f for f in in_sentence.get((article.id, span.start), set()) if fact_by_id[f].independent > 1}
            if carried:
                candidates.append((article, position, span, text, carried, _words(text)))
    used: set[str] = set()
    chosen: list[tuple[Article, Span, str, set[str], set[str]]] = []

    def gain(candidate: tuple) -> float:
        article, position, _, _, carried, words = candidate
        score = sum(KIND_WEIGHT[fact_by_id[f].kind] * fact_by_id[f].independent for f in carried - used)
        if not score:
            return 0.0
        if position < LEAD_SENTENCES:
            score += LEAD_BONUS
        if any(a.id == article.id for a, *_ in chosen):
            score *= 0.8  # spread the summary over its sources
        if any(len(words & seen) / len(words | seen) > SAME_SENTENCE for *_, seen in chosen):
            return 0.0
        return score

    while len(chosen) < MAX_STATEMENTS and candidates:
        best = max(candidates, key=gain)
        if gain(best) <= 0:
            break
        candidates.remove(best)
        article, _, span, text, carried, words = best
        chosen.append((article, span, text, carried, words))
        used |= carried
    points = []
    for article, span, text, carried, _ in chosen:
        strong = [f for f in carried if fact_by_id[f].kind != "actor"] or sorted(carried)
        support = sorted(set().union(*(carriers[f] for f in strong)) - {article.id})
        topic = "; ".join(fact_by_id[f].label for f in sorted(strong, key=lambda f: -fact_by_id[f].independent)[:3])
        points.append(SummaryPoint("statement", topic, (SummarySource(article.id, text, span.start, span.end),),
                                   tuple(support), len({family[a] for a in [article.id, *support]})))
    return points + _disagreements(story, facts, family)


def _disagreements(story: Story, facts: Sequence[Fact], family: dict[str, str]) -> list[SummaryPoint]:
    """Figures that differ between independent sources, and quotes put in different mouths."""
    articles = {a.id: a for a in story.articles}
    found = []
    for f in facts:
        if f.independent < 2 or f.kind not in ("figure", "quote"):
            continue
        if f.kind == "figure":
            values = {c.note.split(" (according to")[0] for c in f.cells}
            if f.status != "conflict" and len(values) < 2:
                continue
            topic = f"{f.label}: " + ("the figures conflict" if f.status == "conflict" else
                                       "the figures differ but can all be true" if f.status in ("compatible", "agree")
                                       else "the figures differ")
        else:
            if not any("attributed to" in c.note for c in f.cells):
                continue
            topic = f"{f.label}: attributed to different speakers"
        sides = tuple(SummarySource(c.article_id, sentence_of(articles[c.article_id], c.sentence), c.sentence.start,
                                    c.sentence.end, c.note) for c in f.cells)
        found.append((f.status == "conflict", f.independent, SummaryPoint("disagreement", topic, sides, (),
                                                                          len({family[c.article_id] for c in f.cells}))))
    found.sort(key=lambda t: (not t[0], -t[1]))
    return [p for _, _, p in found[:MAX_DISAGREEMENTS]]
