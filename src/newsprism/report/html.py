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
from . import compare, entities


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    marks: tuple[str, ...]  # ids of the highlightable items (passages, figures, quotes, dates) this text is part of


def _environment() -> Environment:
    return Environment(loader=PackageLoader("newsprism.report", "templates"), autoescape=select_autoescape(default=True),
                       trim_blocks=True, lstrip_blocks=True)


def _segments(block: Block, marks: list[tuple[int, int, str]]) -> list[Segment]:
    """The block's text cut at every edge of the marks that overlap it; each piece lists the marks
    covering it, so overlapping items (a quote inside a shared passage) each highlight in full."""
    inside = [(max(s, block.start), min(e, block.end), m) for s, e, m in marks if s < block.end and e > block.start and e > s]
    edges = sorted({block.start, block.end} | {s for s, _, _ in inside} | {e for _, e, _ in inside})
    out: list[Segment] = []
    for a, b in zip(edges, edges[1:]):
        covering = tuple(sorted(m for s, e, m in inside if s <= a and b <= e))
        text = block.text[a - block.start:b - block.start]
        if out and out[-1].marks == covering:
            out[-1] = Segment(out[-1].text + text, covering)
        else:
            out.append(Segment(text, covering))
    return out


def _article_view(article: Article, index: int, marks: list[tuple[int, int, str]]) -> dict:
    return {
        "anchor": f"a{index}",
        "article": article,
        "label": article.label(),
        "blocks": [{"kind": b.kind, "segments": _segments(b, marks)} for b in article.blocks],
        "dropped": [{"reason": d.reason, "text": article.source_text[d.start:d.end]} for d in article.dropped],
        "words": article.word_count(),
    }


# Rows shown in the report's ledger and timeline; story.json and the store hold them all.
MAX_GROUPS = 200
MAX_TIMELINE = 500
STATUS_ORDER = {"conflict": 0, "compatible": 1, "agree": 2, "related": 3, "single": 4}


def _sentence_text(article: Article, start: int, end: int) -> str:
    return " ".join(article.source_text[start:end].split())


def _ledger(story: Story, index: dict[str, int], marks: dict[str, list[tuple[int, int, str]]]) -> list[dict]:
    groups = sorted(story.claim_groups, key=lambda g: (STATUS_ORDER.get(g.status, 9), g.kind, g.scope))[:MAX_GROUPS]
    rows = []
    for n, g in enumerate(groups):
        members = []
        for m, ref in enumerate(g.members):
            mark_id = f"c{n}-{m}"
            marks[ref.article_id].append((ref.start, ref.end, mark_id))
            article = story.articles[index[ref.article_id]]
            members.append({"id": mark_id, "outlet": article.label(), "text": ref.text,
                            "via": ref.via, "source": ref.source, "counted": ref.counted,
                            "range": _range(ref.low, ref.high),
                            "sentence": _sentence_text(article, ref.sentence.start, ref.sentence.end)})
        rows.append({"group": g, "members": members})
    return rows


def _range(low: float | None, high: float | None) -> str:
    def fmt(x: float) -> str:
        return f"{x / 1e6:.3g}M" if x >= 1e6 else f"{x:,.0f}"
    if low is None:
        return ""
    if high is None:
        return f"≥ {fmt(low)}"
    return fmt(low) if low == high else f"{fmt(low)}–{fmt(high)}"


def _timeline(story: Story, index: dict[str, int], marks: dict[str, list[tuple[int, int, str]]]) -> list[dict]:
    rows = []
    for n, e in enumerate(story.timeline[:MAX_TIMELINE]):
        mark_id = f"t{n}"
        marks[e.article_id].append((e.start, e.end, mark_id))
        article = story.articles[index[e.article_id]]
        rows.append({"id": mark_id, "entry": e, "outlet": article.label(),
                     "sentence": _sentence_text(article, e.sentence.start, e.sentence.end)})
    return rows


SPEAKER_TYPES = ("government", "opposition", "armed_group", "un_ngo", "monitor", "civilian", "media", "expert",
                 "anonymous", "other")
TYPE_LABELS = {"un_ngo": "UN & NGOs", "armed_group": "armed groups", "other": "other / unknown"}
MAX_QUOTE_GROUPS = 200
MAX_QUOTE_MEMBERS = 12
LAZY_TEXTS = 200  # above this many articles, texts are laid out on demand (each in a <template>)  # renderings shown per quote group; story.json has all


def _sourcing(story: Story) -> dict:
    """Per outlet: quotes, and the share of its quoted words given to each type of speaker."""
    rows = []
    used: set[str] = set()
    for i, a in enumerate(story.articles):
        words: dict[str, int] = {}
        speakers: dict[str, int] = {}
        for q in a.quotes:
            words[q.speaker_type] = words.get(q.speaker_type, 0) + len(q.text.split())
            name = q.speaker_name or q.speaker or "unknown"
            speakers[name] = speakers.get(name, 0) + 1
        total = sum(words.values())
        used |= set(words)
        rows.append({"anchor": f"a{i}", "outlet": a.label(), "quotes": len(a.quotes),
                     "direct": sum(q.mode != "indirect" for q in a.quotes), "words": total,
                     "shares": {t: round(100 * n / total) for t, n in words.items()} if total else {},
                     "speakers": sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))})
    columns = [(t, TYPE_LABELS.get(t, t)) for t in SPEAKER_TYPES if t in used]
    return {"rows": rows, "columns": columns}


def _quote_groups(story: Story, index: dict[str, int], marks: dict[str, list[tuple[int, int, str]]]) -> list[dict]:
    rows = []
    for n, g in enumerate(story.quote_groups[:MAX_QUOTE_GROUPS]):
        members = []
        for m, ref in enumerate(g.members[:MAX_QUOTE_MEMBERS]):
            mark_id = f"g{n}-{m}"
            marks[ref.article_id].append((ref.start, ref.end, mark_id))
            article = story.articles[index[ref.article_id]]
            members.append({"id": mark_id, "outlet": article.label(), "ref": ref,
                            "speaker": ref.speaker_name or ref.speaker or "no speaker found",
                            "changes": [d for d in ref.diff if d[0] != "equal"], "diff": ref.diff})
        rows.append({"group": g, "members": members, "more": len(g.members) - len(members)})
    return rows


def render_report(story: Story, summary: RunSummary | None = None, shingle_words: int = 8,
                  lazy_after: int = LAZY_TEXTS) -> TemplateStream:
    index = {a.id: i for i, a in enumerate(story.articles)}
    marks: dict[str, list[tuple[int, int, str]]] = {a.id: [] for a in story.articles}
    ledger = _ledger(story, index, marks)
    timeline = _timeline(story, index, marks)
    quote_groups = _quote_groups(story, index, marks)
    entity_rows = entities.entity_rows(story, index, marks)
    equation_rows = entities.equation_rows(story, index, marks)
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
    overview = {"summary": compare.summary_view(story, index, marks), "coverage": compare.coverage_view(story, index, marks),
                "omissions": compare.omissions_view(story, index), "wire": compare.wire_view(story, index, marks)}
    framing = compare.framing_view(story, index, marks)
    views = (_article_view(a, i, marks[a.id]) for i, a in enumerate(story.articles))  # one at a time
    template = _environment().get_template("report.html.j2")
    return template.stream(story=story, articles=views, article_count=len(story.articles), pairs=pairs,
                           summary=summary, rejections=story.rejections, generator=story.generator,
                           shingle_words=shingle_words, ledger=ledger, timeline=timeline,
                           groups_total=len(story.claim_groups), timeline_total=len(story.timeline),
                           sourcing=_sourcing(story), quote_groups=quote_groups, quote_groups_total=len(story.quote_groups),
                           entity_rows=entity_rows, entities_total=sum(e.type != "nationality" for e in story.entities),
                           equation_rows=equation_rows, place_map=entities.place_map(story, entity_rows),
                           entity_label=entities.label, overview=overview, framing=framing,
                           lazy_texts=len(story.articles) > lazy_after)


def write_report(story: Story, path: Path, summary: RunSummary | None = None, shingle_words: int = 8,
                 lazy_after: int = LAZY_TEXTS) -> None:
    tmp = path.with_suffix(".html.tmp")
    render_report(story, summary, shingle_words, lazy_after).dump(str(tmp), encoding="utf-8")
    tmp.replace(path)
