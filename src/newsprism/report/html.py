"""report.html: one self-contained file (CSS and JS inline, no network request), all text escaped.

Rendering prepares plain view-models here (segments of text with their highlight), so that the
template only loops and prints; Jinja's autoescape escapes every value.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from jinja2.environment import TemplateStream

from ..model import Article, Block, Story
from ..pipeline import RunSummary


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    passage: str | None  # id of the shared passage this text belongs to


def _environment() -> Environment:
    return Environment(loader=PackageLoader("newsprism.report", "templates"), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


def _segments(block: Block, marks: list[tuple[int, int, str]]) -> list[Segment]:
    """The block's text cut at the shared passages that overlap it."""
    out: list[Segment] = []
    pos = block.start
    for start, end, mark_id in sorted(marks):
        start, end = max(start, block.start), min(end, block.end)
        if end <= start or start < pos:
            continue
        if start > pos:
            out.append(Segment(block.text[pos - block.start:start - block.start], None))
        out.append(Segment(block.text[start - block.start:end - block.start], mark_id))
        pos = end
    if pos < block.end:
        out.append(Segment(block.text[pos - block.start:], None))
    return out


def _article_view(article: Article, index: int, marks: list[tuple[int, int, str]]) -> dict:
    return {
        "anchor": f"a{index}",
        "article": article,
        "label": article.outlet or Path(article.source).name,
        "blocks": [{"kind": b.kind, "segments": _segments(b, marks)} for b in article.blocks],
        "dropped": [{"reason": d.reason, "text": article.source_text[d.start:d.end]} for d in article.dropped],
        "words": article.word_count(),
    }


def render_report(story: Story, summary: RunSummary | None = None, shingle_words: int = 8) -> TemplateStream:
    index = {a.id: i for i, a in enumerate(story.articles)}
    marks: dict[str, list[tuple[int, int, str]]] = {a.id: [] for a in story.articles}
    pairs = []
    for n, pair in enumerate(story.duplicates):
        passages = []
        for m, p in enumerate(pair.passages):
            mark_id = f"p{n}-{m}"
            marks[pair.a].append((p.a_start, p.a_end, mark_id))
            marks[pair.b].append((p.b_start, p.b_end, mark_id))
            passages.append({"id": mark_id, "text": p.text, "words": len(p.text.split())})
        pairs.append({"a": story.articles[index[pair.a]], "b": story.articles[index[pair.b]],
                      "a_anchor": f"a{index[pair.a]}", "b_anchor": f"a{index[pair.b]}",
                      "score": pair.score, "jaccard": pair.jaccard, "passages": passages})
    views = (_article_view(a, i, marks[a.id]) for i, a in enumerate(story.articles))  # one at a time
    template = _environment().get_template("report.html.j2")
    return template.stream(story=story, articles=views, article_count=len(story.articles), pairs=pairs,
                           summary=summary, rejections=story.rejections, generator=story.generator,
                           shingle_words=shingle_words)


def write_report(story: Story, path: Path, summary: RunSummary | None = None, shingle_words: int = 8) -> None:
    tmp = path.with_suffix(".html.tmp")
    render_report(story, summary, shingle_words).dump(str(tmp), encoding="utf-8")
    tmp.replace(path)
