"""HTML pages: main text and metadata through trafilatura, located in the page's visible text.

Every extracted paragraph is found again in the visible text (see htmltext), so blocks carry
offsets into `source_text` and into the decoded HTML. newsprism then drops lines its own
boilerplate patterns recognise, and falls back to its plain-text block classifier on the
visible text when trafilatura finds no article.
"""
from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml import etree

from ..model import Block, Dropped
from .boilerplate import match_boilerplate
from .htmltext import Locator, Projection, project
from .pagemeta import parse_date
from .textblocks import Cleaned, PageMeta, classify_text

# trafilatura XML element -> block kind
SEPARATING_TAGS = frozenset({"lb", "cell", "row", "item", "p", "head", "list", "quote"})
KIND_OF_TAG = {"p": "body", "item": "body", "quote": "body", "row": "body", "code": "body", "head": "subhead"}


@dataclass(frozen=True, slots=True)
class HtmlCleaned:
    cleaned: Cleaned
    projection: Projection
    unlocated: int  # extracted paragraphs that could not be found in the visible text
    extractor: str  # "trafilatura" or "newsprism-text" (fallback)


def _paragraphs(container: etree._Element) -> list[tuple[str, str]]:
    """(kind, text) of each paragraph-like element in reading order, loose text included."""
    out: list[tuple[str, str]] = []

    def add(kind: str, text: str | None) -> None:
        text = " ".join((text or "").split())
        if text:
            out.append((kind, text))

    def walk(el: etree._Element) -> None:
        add("body", el.text)
        for child in el:
            if child.tag in KIND_OF_TAG:
                add(KIND_OF_TAG[child.tag], _text_of(child))
            else:  # a container (div, list, table): its parts are paragraphs of their own
                walk(child)
            add("body", child.tail)

    walk(container)
    return out


def _text_of(el: etree._Element) -> str:
    """An element's text with a space wherever the page breaks a line or a table cell."""
    parts = [el.text or ""]
    for child in el:
        parts.append(" " if child.tag in SEPARATING_TAGS else "")
        parts.append(_text_of(child))
        parts.append(" " if child.tag in SEPARATING_TAGS else "")
        parts.append(child.tail or "")
    return "".join(parts)


def _trafilatura(source: str, url: str | None) -> tuple[etree._Element | None, dict[str, str]]:
    xml = trafilatura.extract(
        source, url=url, output_format="xml", with_metadata=True, include_comments=False,
        include_tables=True, include_images=False, include_formatting=False, include_links=False,
    )
    if not xml:
        return None, {}
    doc = etree.fromstring(xml.encode("utf-8"))
    meta = {k: v for k, v in doc.attrib.items() if v}
    return doc.find("main"), meta


def _similar(a: str, b: str) -> bool:
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    return a in b or b in a


def clean_html(source: str, url: str | None = None, min_words: int = 25) -> HtmlCleaned:
    projection = project(source)
    main, tmeta = _trafilatura(source, url)
    paragraphs = _paragraphs(main) if main is not None else []
    if sum(len(t) for _, t in paragraphs) < 6 * min_words:  # characters: word counts mean nothing in CJK
        return HtmlCleaned(classify_text(projection.text), projection, 0, "newsprism-text")
    locator = Locator(projection.text)
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    unlocated = 0
    title = tmeta.get("title")
    if paragraphs and paragraphs[0][0] == "subhead" and title and _similar(paragraphs[0][1], title):
        paragraphs[0] = ("title", paragraphs[0][1])  # the page's own headline (h1)
    elif title and (span := Locator(projection.text).find(title)):
        blocks.append(Block("title", span[0], span[1], projection.text[span[0]:span[1]]))
    for kind, text in paragraphs:
        span = locator.find(text)
        if span is None:
            unlocated += 1
            continue
        visible = projection.text[span[0]:span[1]]
        if (reason := match_boilerplate(" ".join(visible.split()))):
            dropped.append(Dropped(reason, *span))
        else:
            blocks.append(Block(kind, span[0], span[1], visible))
    meta = PageMeta(
        title=title,
        author=tmeta.get("author"),
        published=parse_date(tmeta.get("date", "")),
        outlet=tmeta.get("sitename"),
        evidence={k: f"trafilatura:{v}" for k, v in tmeta.items() if k in ("title", "author", "date", "sitename")},
    )
    return HtmlCleaned(Cleaned(blocks, dropped, meta), projection, unlocated, "trafilatura")
