"""The clean stage: RawDocument (+ manifest metadata) -> Article, or InputRejected."""
from __future__ import annotations

import hashlib

from ..errors import InputRejected
from ..model import TEXT_KINDS, Article, Block, RawDocument
from ..settings import Settings
from . import language
from .htmlclean import clean_html
from .meta import merge
from .textblocks import classify_text


def content_id(text: str) -> str:
    """Stable article id: a hash of the decoded source text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def clean(raw: RawDocument, manifest_meta: dict[str, str], settings: Settings) -> Article:
    if not raw.source_text.strip():
        raise InputRejected(raw.source, "empty document")
    html_spans: dict[int, tuple[int, int]] = {}
    if raw.format in ("html", "jsonl-html"):
        result = clean_html(raw.source_text, raw.hints.get("url") or manifest_meta.get("url"), settings.min_words)
        cleaned, text, fmt_note = result.cleaned, result.projection.text, result.extractor
        html_spans = {i: result.projection.to_html_span(b.start, b.end) for i, b in enumerate(cleaned.blocks)}
    else:
        cleaned, text, fmt_note = classify_text(raw.source_text), raw.source_text, "newsprism-text"
    body = "\n".join(b.text for b in cleaned.blocks if b.kind in TEXT_KINDS)
    words = len(body.split())
    if words < settings.min_words:
        # No English prose found: say so if the page is in another language.
        page_lang, page_score = language.detect(text)
        if (page_lang != settings.language and page_score >= settings.min_language_score) or page_lang.startswith("und-"):
            raise InputRejected(raw.source, f"not English (detected {page_lang}, function-word share {page_score:.2f})")
        sample = " ".join(text.split())[:60]
        raise InputRejected(raw.source, f"no article text found ({words} words of running text; page begins {sample!r})")
    lang, score = language.detect(body)
    if lang != settings.language or score < settings.min_language_score:
        raise InputRejected(raw.source, f"not English (detected {lang}, function-word share {score:.2f})")
    values, sources, conflicts = merge(cleaned.meta, raw.hints, manifest_meta, body)
    return Article(
        id=content_id(raw.source_text),
        source=raw.source,
        format=raw.format,
        encoding=raw.encoding,
        source_text=text,
        raw_html=raw.source_text if html_spans or raw.format in ("html", "jsonl-html") else None,
        extractor=fmt_note,
        outlet=values["outlet"],
        title=values["title"],
        author=values["author"],
        published=values["published"],
        url=values["url"],
        language=lang,
        blocks=tuple(_with_html_span(b, html_spans.get(i)) for i, b in enumerate(cleaned.blocks)),
        dropped=tuple(cleaned.dropped),
        meta_sources=sources,
        meta_conflicts=tuple(conflicts),
    )


def _with_html_span(block: Block, span: tuple[int, int] | None) -> Block:
    if span is None:
        return block
    return Block(block.kind, block.start, block.end, block.text, span[0], span[1])
