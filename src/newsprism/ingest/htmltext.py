"""HTML to visible text, keeping for every visible character the span of HTML it came from.

The visible text is what a reader sees: script/style removed, entities decoded, whitespace
collapsed as a browser does, block elements on their own lines (paragraphs separated by a blank
line, as in a page dump). It is the `source_text` of an HTML article; `to_html_span` maps any
span of it back into the decoded HTML.
"""
from __future__ import annotations

import html
from array import array
from dataclasses import dataclass
from html.parser import HTMLParser

HTML_SPACE = frozenset(" \t\n\r\f")  # what HTML collapses; a no-break space stays
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select", "button"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
BLOCK_TAGS = frozenset(
    """address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer form
    h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody td tfoot th thead
    title tr ul caption legend""".split()
)


@dataclass(frozen=True, slots=True)
class Projection:
    text: str
    starts: array  # for each character of text: start offset in the HTML
    ends: array  # ... and end offset

    def to_html_span(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            return (self.starts[start], self.starts[start]) if start < len(self.text) else (0, 0)
        return self.starts[start], self.ends[end - 1]


class _Projector(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
        self.chars: list[str] = []
        self.starts = array("l")
        self.ends = array("l")
        self.skip_depth = 0
        self.pending_break = 0  # newlines owed before the next visible character
        self.pre_depth = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, start: int, width: int | None) -> None:
        """Append visible characters; width None: each maps to one source char from start."""
        for i, ch in enumerate(text):
            if ch in HTML_SPACE and not self.pre_depth:
                if self.chars and not self.pending_break and self.chars[-1] != " " and self.chars[-1] != "\n":
                    self._push(" ", start + (i if width is None else 0), width)
                continue
            if self.pending_break and self.chars:
                while self.chars and self.chars[-1] == " ":
                    self.chars.pop(), self.starts.pop(), self.ends.pop()
                for _ in range(self.pending_break):
                    self._push("\n", start + (i if width is None else 0), 0)
            self.pending_break = 0
            self._push(ch, start + (i if width is None else 0), width)

    def _push(self, ch: str, start: int, width: int | None) -> None:
        self.chars.append(ch)
        self.starts.append(start)
        self.ends.append(start + (1 if width is None else width))

    def _break(self, lines: int) -> None:
        self.pending_break = max(self.pending_break, lines)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in SKIP_TAGS and tag not in VOID_TAGS:
            self.skip_depth += 1
        elif tag == "br":
            self._break(1)
        elif tag in BLOCK_TAGS:
            self._break(2)
        if tag == "pre":
            self.pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self._break(1)
        elif tag in BLOCK_TAGS:
            self._break(2)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        elif tag in BLOCK_TAGS:
            self._break(2)
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self._emit(data, self._pos(), None)

    def _entity(self, raw: str) -> None:
        if self.skip_depth:
            return
        start = self._pos()
        width = len(raw) + (1 if self.source.startswith(";", start + len(raw)) else 0)
        self._emit(html.unescape(self.source[start:start + width]), start, width)

    def handle_entityref(self, name: str) -> None:
        self._entity("&" + name)

    def handle_charref(self, name: str) -> None:
        self._entity("&#" + name)


def project(source: str) -> Projection:
    parser = _Projector(source)
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was read
        pass
    while parser.chars and parser.chars[-1].isspace():
        parser.chars.pop(), parser.starts.pop(), parser.ends.pop()
    return Projection("".join(parser.chars), parser.starts, parser.ends)


class Locator:
    """Finds extracted paragraphs (whitespace normalised) in the visible text, in reading order."""

    def __init__(self, text: str) -> None:
        self.text = text
        compact: list[str] = []
        index = array("l")
        previous_space = True
        for i, ch in enumerate(text):
            if ch.isspace():
                if not previous_space:
                    compact.append(" ")
                    index.append(i)
                previous_space = True
            else:
                compact.append(ch)
                index.append(i)
                previous_space = False
        self.compact = "".join(compact)
        self.index = index
        self.cursor = 0

    def find(self, paragraph: str) -> tuple[int, int] | None:
        needle = " ".join(paragraph.split())
        if not needle:
            return None
        at = self.compact.find(needle, self.cursor)
        if at < 0:
            at = self.compact.find(needle)
        if at >= 0:
            end = at + len(needle)
        else:  # the extractor changed the middle: anchor both ends
            head, tail = needle[:60], needle[-60:]
            at = self.compact.find(head, self.cursor)
            if at < 0:
                return None
            tail_at = self.compact.find(tail, at)
            if tail_at < 0 or tail_at - at > 3 * len(needle):
                return None
            end = tail_at + len(tail)
        self.cursor = end
        return self.index[at], self.index[end - 1] + 1

