"""The coverage matrix: the story's facts (figures, quotes, actors, dates) against its articles, each
cell reported / reported differently / not reported; and the omissions it shows, per article.

A fact's weight is the number of independent sources (families, see wire.py) that carry it, so two
copies of one agency story confirm a fact once.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model import (
    Article,
    CoverageCell,
    Fact,
    Mention,
    MentionRef,
    Omission,
    SourceFamily,
    Span,
    Story,
)

MAX_FIGURES = 60
MAX_QUOTES = 60
MAX_ACTORS = 40
MAX_DATES = 20
FIGURE_TOLERANCE = 0.2  # figures within 20% of each other are the same figure told differently
ACTOR_TYPES = frozenset({"person", "organisation", "armed_group", "government", "country", "international_organisation"})


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] * (1 + FIGURE_TOLERANCE) and b[0] <= a[1] * (1 + FIGURE_TOLERANCE)


def _figure_facts(story: Story) -> list[Fact]:
    facts = []
    for g in story.claim_groups:
        spans = [(m.low or 0.0, m.high if m.high is not None else float("inf")) for m in g.members]
        cells: dict[str, CoverageCell] = {}
        for i, m in enumerate(g.members):
            if m.article_id in cells:
                continue
            agreeing = sum(_overlaps(spans[i], s) for j, s in enumerate(spans) if j != i)
            differs = g.status == "conflict" and agreeing < (len(spans) - 1) / 2
            note = m.text + (f" {m.counted}" if m.counted else "") + (f" (according to {m.source})" if m.source else "")
            cells[m.article_id] = CoverageCell(m.article_id, "different" if differs else "reported", note,
                                               m.start, m.end, m.sentence)
        label = g.kind.replace("_", " ") + f" ({g.scope}" + (f", {g.period}" if g.period else "") + ")"
        facts.append(Fact(f"fig-{g.id}", "figure", label, g.id, tuple(cells.values()), 0, g.status))
    return facts


def speaker_key(name: str) -> str:
    """Who is quoted, without the words that do not change who: "one of the leaflets" = "leaflets"."""
    words = [w for w in re.findall(r"\w+", name.lower()) if w not in ("one", "of", "the", "a", "an")]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


def _quote_facts(story: Story) -> list[Fact]:
    facts = []
    for g in story.quote_groups:
        speakers = Counter(speaker_key(m.speaker_name or m.speaker or "") for m in g.members)
        usual = speakers.most_common(1)[0][0]
        usual_name = next(m.speaker_name or m.speaker or "" for m in g.members
                          if speaker_key(m.speaker_name or m.speaker or "") == usual)
        cells: dict[str, CoverageCell] = {}
        for m in g.members:
            if m.article_id in cells:
                continue
            changes = [d for d in m.diff if d[0] != "equal"]
            speaker = m.speaker_name or m.speaker or ""
            why = []
            if changes:
                why.append(f"{len(changes)} wording change(s)")
            if speaker_key(speaker) != usual:
                why.append(f"attributed to {speaker or 'no one'}, not {usual_name}")
            note = f"{speaker or 'no speaker'}" + (": " + "; ".join(why) if why else "")
            cells[m.article_id] = CoverageCell(m.article_id, "different" if why else "reported", note, m.start, m.end,
                                               m.sentence)
        label = f"“{_clip(g.reference)}” — " + " / ".join(g.speakers)
        facts.append(Fact(f"quo-{g.id}", "quote", label, g.id, tuple(cells.values()), 0, g.status))
    return facts


def _actor_facts(story: Story) -> list[Fact]:
    articles = {a.id: a for a in story.articles}
    facts = []
    for e in story.entities:
        if e.type not in ACTOR_TYPES:
            continue
        cells: dict[str, CoverageCell] = {}
        for article_id, mentions in _mentions_by_article(articles, e.mentions).items():
            names = Counter(m.text for m in mentions)
            first = mentions[0]
            note = ", ".join(n for n, _ in names.most_common(3)) + f" ({len(mentions)}×)"
            cells[article_id] = CoverageCell(article_id, "reported", note, first.start, first.end, first.sentence)
        if len(cells) > 1:
            facts.append(Fact(f"act-{e.id}", "actor", f"{e.name} ({e.type.replace('_', ' ')})", e.id,
                              tuple(cells.values()), 0, "reported"))
    return facts


def _mentions_by_article(articles: dict[str, Article], refs: Sequence[MentionRef]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for ref in refs:
        out.setdefault(ref.article_id, []).append(articles[ref.article_id].mentions[ref.mention])
    return out


def _date_facts(story: Story) -> list[Fact]:
    by_value: dict[str, dict[str, CoverageCell]] = {}
    for e in story.timeline:
        if e.precision != "day":
            continue
        cells = by_value.setdefault(e.value, {})
        if e.article_id not in cells:
            cells[e.article_id] = CoverageCell(e.article_id, "reported", f"“{e.text}”", e.start, e.end, e.sentence)
    return [Fact(f"date-{value}", "date", value, value, tuple(cells.values()), 0, "reported")
            for value, cells in sorted(by_value.items()) if len(cells) > 1]


def _clip(text: str, words: int = 14) -> str:
    w = text.split()
    return " ".join(w) if len(w) <= words else " ".join(w[:words]) + " …"


def coverage(story: Story, families: Sequence[SourceFamily]) -> list[Fact]:
    """The matrix rows, most widely carried first (by independent sources, then articles)."""
    family = {a: f.id for f in families for a in f.article_ids}
    order = {a.id: i for i, a in enumerate(story.articles)}
    chosen: list[Fact] = []
    for facts, cap in ((_figure_facts(story), MAX_FIGURES), (_quote_facts(story), MAX_QUOTES),
                       (_actor_facts(story), MAX_ACTORS), (_date_facts(story), MAX_DATES)):
        weighed = []
        for f in facts:
            cells = tuple(sorted(f.cells, key=lambda c: order[c.article_id]))
            weighed.append(Fact(f.id, f.kind, f.label, f.ref, cells, len({family[c.article_id] for c in cells}), f.status))
        weighed.sort(key=lambda f: (-f.independent, -len(f.cells), f.label))
        chosen += weighed[:cap]
    return sorted(chosen, key=lambda f: (-f.independent, -len(f.cells), ("figure", "quote", "actor", "date").index(f.kind)))


def omissions(articles: Sequence[Article], facts: Sequence[Fact]) -> list[Omission]:
    """Facts carried by more than half of the articles, from at least two independent sources, that an
    article leaves out."""
    out = []
    for f in facts:
        carried = {c.article_id for c in f.cells}
        if len(carried) * 2 <= len(articles) or f.independent < 2:
            continue
        out += [Omission(a.id, f.id, len(carried), f.independent) for a in articles if a.id not in carried]
    return out


def sentence_of(article: Article, span: Span) -> str:
    return " ".join(article.source_text[span.start:span.end].split())
