"""Report views of the comparison: the summary, common ground, the coverage matrix, omissions, wire
copy and framing. Each item registers a mark on the sentence or words it rests on, so that its
*show* button highlights them in the article's text."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import Fact, FramingUse, Story

Marks = dict[str, list[tuple[int, int, str]]]
MAX_OUTLETS = 30  # matrix and framing columns; the rest are counted in "other outlets"
MAX_FRAMING_TERMS = 25  # per referent
MAX_TEXT_REFERENTS = 20
VOICES = (("own", "own words"), ("quote", "quote"), ("reported", "reported speech"), ("scare", "scare quotes"))
REFERENTS = ("armed opposition", "government side", "operation", "civilians")


def outlets(story: Story) -> list[str]:
    """Outlet columns: the outlets with the most articles first, at most MAX_OUTLETS."""
    counts = Counter(a.label() for a in story.articles)
    order = {label: i for i, label in reversed(list(enumerate(a.label() for a in story.articles)))}
    return sorted(counts, key=lambda o: (-counts[o], order[o]))[:MAX_OUTLETS]


def summary_view(story: Story, index: dict[str, int], marks: Marks) -> list[dict]:
    rows = []
    for n, p in enumerate(story.comparison.summary):
        sources = []
        for i, s in enumerate(p.sources):
            mark = f"s{n}-{i}"
            marks[s.article_id].append((s.start, s.end, mark))
            sources.append({"mark": mark, "outlet": story.articles[index[s.article_id]].label(), "text": s.text,
                            "detail": s.detail})
        rows.append({"point": p, "sources": sources,
                     "support": sorted({story.articles[index[a]].label() for a in p.support})})
    return rows


def _cell_marks(story: Story, facts: Sequence[Fact], index: dict[str, int], marks: Marks, columns: list[str]) -> list[dict]:
    """Matrix rows: per outlet column, the status and a mark on the first article's words."""
    rows = []
    for n, f in enumerate(facts):
        cells: dict[str, dict] = {}
        for c in f.cells:
            outlet = story.articles[index[c.article_id]].label()
            if outlet in cells:
                cells[outlet]["count"] += 1
                continue
            mark = f"m{n}-{len(cells)}"
            marks[c.article_id].append((c.start, c.end, mark))
            cells[outlet] = {"status": c.status, "note": c.note, "mark": mark, "count": 1}
        rows.append({"fact": f, "cells": [cells.get(o) for o in columns], "outlets": len(cells)})
    return rows


def coverage_view(story: Story, index: dict[str, int], marks: Marks) -> dict:
    columns = outlets(story)
    rows = _cell_marks(story, story.comparison.facts, index, marks, columns)
    everyone = {a.label() for a in story.articles}
    common = [r for r in rows if r["outlets"] == len(everyone) > 1
              and all(c and c["status"] == "reported" for c in r["cells"]) and r["fact"].status != "conflict"]
    return {"columns": columns, "rows": rows, "common": common, "hidden_outlets": len(everyone) - len(columns)}


def omissions_view(story: Story, index: dict[str, int]) -> list[dict]:
    facts = {f.id: f for f in story.comparison.facts}
    per: dict[str, list[dict]] = {}
    for o in story.comparison.omissions:
        article = story.articles[index[o.article_id]]
        per.setdefault(article.label(), []).append({"fact": facts[o.fact], "reported_by": o.reported_by,
                                                    "independent": o.independent, "anchor": f"a{index[o.article_id]}"})
    return [{"outlet": outlet, "missing": missing} for outlet, missing in per.items()]


def wire_view(story: Story, index: dict[str, int], marks: Marks) -> dict:
    credits = []
    for n, c in enumerate(story.comparison.wire):
        mark = None
        if c.start is not None and c.end is not None:
            mark = f"w{n}"
            marks[c.article_id].append((c.start, c.end, mark))
        credits.append({"credit": c, "outlet": story.articles[index[c.article_id]].label(), "mark": mark})
    families = [{"family": f, "outlets": [story.articles[index[a]].label() for a in f.article_ids],
                 "anchors": [f"a{index[a]}" for a in f.article_ids]}
                for f in story.comparison.families if len(f.article_ids) > 1]
    return {"credits": credits, "families": families, "independent": len(story.comparison.families),
            "articles": len(story.articles)}


def framing_view(story: Story, index: dict[str, int], marks: Marks) -> dict:
    """Per referent, the terms used for it: per outlet, counts by voice, each voice one click from its
    first use; then the words attached to named actors."""
    columns = outlets(story)
    names = {e.id: e.name for e in story.entities}
    label_of = {a.id: a.label() for a in story.articles}
    by_referent: dict[str, dict[str, list[FramingUse]]] = {}
    for u in story.comparison.framing:
        by_referent.setdefault(u.referent, {}).setdefault(u.term, []).append(u)
    lexicon_referents = [r for r in REFERENTS if r in by_referent] + sorted(
        r for r in by_referent if r not in REFERENTS and any(u.origin == "lexicon" for t in by_referent[r].values() for u in t))
    text_referents = sorted((r for r in by_referent if r not in lexicon_referents),
                            key=lambda r: -sum(len(v) for v in by_referent[r].values()))[:MAX_TEXT_REFERENTS]
    counter = iter(range(1_000_000))

    def table(referent: str) -> dict:
        terms = sorted(by_referent[referent].items(), key=lambda kv: -len(kv[1]))[:MAX_FRAMING_TERMS]
        rows = []
        for term, uses in terms:
            by_outlet: dict[str, list[FramingUse]] = {}
            for u in uses:
                by_outlet.setdefault(label_of[u.article_id], []).append(u)
            cells: list[dict | None] = []
            for outlet in columns:
                mine = by_outlet.get(outlet)
                if not mine:
                    cells.append(None)
                    continue
                voices = []
                for voice, label in VOICES:
                    of_voice = [u for u in mine if u.voice == voice]
                    if of_voice:
                        first = of_voice[0]
                        mark = f"f{next(counter)}"
                        marks[first.article_id].append((first.start, first.end, mark))
                        voices.append({"voice": voice, "label": label, "count": len(of_voice), "mark": mark,
                                       "speakers": sorted({u.speaker for u in of_voice if u.speaker})})
                cells.append({"total": len(mine), "voices": voices})
            attached = Counter(names[u.entity] for u in uses if u.entity in names)
            rows.append({"term": term, "tone": uses[0].tone, "cells": cells, "total": len(uses),
                         "attached": attached.most_common(4)})
        return {"referent": referent, "rows": rows}

    return {"columns": columns, "lexicon": [table(r) for r in lexicon_referents], "text": [table(r) for r in text_referents]}
