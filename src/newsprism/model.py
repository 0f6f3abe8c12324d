"""Typed, serialisable records that flow between stages.

Every item carries `start`/`end` character offsets into its article's `source_text`
(the decoded original input), so that anything can be shown in its sentence.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

BlockKind = Literal["title", "dek", "byline", "date", "body", "subhead", "caption", "credit"]
BLOCK_KINDS: tuple[str, ...] = ("title", "dek", "byline", "date", "body", "subhead", "caption", "credit")
# Kinds that make up the article's running text.
TEXT_KINDS: frozenset[str] = frozenset({"body", "subhead"})
SourceFormat = Literal["txt", "html", "jsonl-text", "jsonl-html"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article-sized input: decoded text plus whatever metadata came with it."""

    source: str  # path, or path:line for JSONL
    source_text: str  # decoded original text (HTML markup included for HTML inputs)
    format: SourceFormat
    encoding: str
    hints: dict[str, str] = field(default_factory=dict)  # url/outlet/title/published/author given by the input


@dataclass(frozen=True, slots=True)
class Block:
    kind: str
    start: int
    end: int
    text: str  # always equal to the article's source_text[start:end]
    html_start: int | None = None  # HTML inputs: the block's span in the decoded HTML
    html_end: int | None = None


@dataclass(frozen=True, slots=True)
class Dropped:
    """A line or block of the page that is not part of the article, and why."""

    reason: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MetaConflict:
    field: str
    page: str
    manifest: str


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # content hash of source_text
    source: str
    format: str
    encoding: str
    source_text: str  # decoded text (for HTML: its visible text, see ingest.htmltext)
    raw_html: str | None  # decoded HTML, for HTML inputs
    extractor: str  # "newsprism-text" or "trafilatura"
    outlet: str | None
    title: str | None
    author: str | None
    published: str | None  # ISO date
    url: str | None
    language: str
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...] = ()
    meta_sources: dict[str, str] = field(default_factory=dict)  # field -> page | manifest | input
    meta_conflicts: tuple[MetaConflict, ...] = ()
    sentences: tuple[Span, ...] = ()

    @property
    def body_text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.kind in TEXT_KINDS)

    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks if b.kind in TEXT_KINDS)


@dataclass(frozen=True, slots=True)
class Rejection:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class SharedPassage:
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    text: str  # as it reads in article a


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    a: str  # article ids, a < b
    b: str
    score: float  # share of the shorter article's text found in the other (0..1)
    jaccard: float
    passages: tuple[SharedPassage, ...]


@dataclass(frozen=True, slots=True)
class Story:
    articles: tuple[Article, ...]
    rejections: tuple[Rejection, ...]
    duplicates: tuple[DuplicatePair, ...]
    generator: dict[str, Any] = field(default_factory=dict)

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_dict(record: Any) -> Any:
    """A record as plain JSON-ready values (lists, dicts, strings, numbers, None)."""
    return _plain(asdict(record))
