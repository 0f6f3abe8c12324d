"""The plain-text block classifier: a page dump (text copied from a web page, boilerplate and
all) into the article's blocks (title, dek, byline, date, body, subhead, caption, credit) and
the dropped rest, each with character offsets into the decoded text.

How it decides, in order:
1. Lines (or paragraphs, for hard-wrapped text) become units with features: word counts,
   sentence ending, share of function words, boilerplate patterns, caption and credit cues,
   date and byline shapes, script, and outlet self-promotion (first/second person outside
   quotes plus promotional words).
2. Prose units form segments, broken by strong boilerplate (comment widgets, prompts, share
   lines, teasers) or by runs of short lines. The heaviest segment, and any segment of
   comparable weight, is the article; everything from its first to its last prose unit is the
   body region, where short lines followed by prose are sub-headings.
3. Before the body: the title (a headline-shaped line), the dek, bylines, date lines and
   captions. After it: contributor lines; the rest is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, Dropped
from .boilerplate import CAPTION_CUES, CONTRIBUTOR_LINE, CREDIT_START, match_boilerplate, promo_score
from .pagemeta import byline_names, date_line, follow_author, outlet_self_reference

FUNCTION_WORDS = frozenset(
    """a an the and or but if of in on at to for from by with as into onto over under about after
    before than that this these those there their they them he she his her him it its we our you
    your i me my is are was were be been being has have had do does did will would can could
    should may might must not no so such who whom whose which what when where why how all any
    some more most other also just only very said says while since until because though""".split()
)
# Reasons that end a prose segment: the page's furniture between or after articles.
STRONG_REASONS = frozenset({"comments", "subscribe/login", "related", "share/follow", "donate", "notifications",
                            "legal", "navigation", "non-Latin script", "promotion"})
WORD = re.compile(r"[^\W\d_][\w’'-]*")
OPEN_QUOTES = "\"“‘'«„"
SENTENCE_END = re.compile(r"[.!?…:;](?:[\"”’'»)\]]+)?$")


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    text: str
    words: int
    function_share: float
    sentence_end: bool
    reason: str | None = None  # set when the unit is dropped
    kind: str | None = None  # set when the unit is kept
    credit_at: int | None = None  # caption units: where a trailing credit starts
    date: str | None = None
    byline: str | None = None

    @property
    def prose(self) -> bool:
        """A paragraph of running text."""
        return self.words >= 8 and self.function_share >= 0.15 and (self.sentence_end or self.words >= 20)

    @property
    def short_sentence(self) -> bool:
        """A short line that still reads as a sentence ("“I’d rather stay home.”")."""
        return self.sentence_end and self.words >= 2 and (self.text[0] in OPEN_QUOTES or self.function_share > 0)

    @property
    def headline(self) -> bool:
        return 1 <= self.words <= 30 and not self.text.rstrip("”\"’' ").endswith((".", ",", ";", ":"))

    @property
    def free(self) -> bool:
        """Not yet claimed by a pre-label."""
        return self.reason is None and self.kind is None


@dataclass(slots=True)
class PageMeta:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)  # field -> the line it came from


@dataclass(slots=True)
class Cleaned:
    blocks: list[Block]
    dropped: list[Dropped]
    meta: PageMeta


def _units(text: str) -> list[Unit]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", text)]
    spans = [(s + len(text[s:e]) - len(text[s:e].lstrip()), e - (len(text[s:e]) - len(text[s:e].rstrip()))) for s, e in spans]
    spans = [(s, e) for s, e in spans if e > s]
    if _hard_wrapped(text, spans):
        spans = _join_wrapped(text, spans)
    units = []
    for s, e in spans:
        line = text[s:e]
        words = WORD.findall(line)
        share = sum(w.lower() in FUNCTION_WORDS for w in words) / len(words) if words else 0.0
        units.append(Unit(s, e, line, len(words), share, bool(SENTENCE_END.search(line))))
    return units


def _hard_wrapped(text: str, spans: list[tuple[int, int]]) -> bool:
    """Text broken at a fixed width: most lines end near the same column, mid-sentence."""
    lengths = sorted(e - s for s, e in spans)
    if len(lengths) < 8:
        return False
    width = lengths[int(len(lengths) * 0.9)]
    if not 40 <= width <= 100:
        return False
    near = sum(1 for s, e in spans if e - s >= 0.7 * width and not SENTENCE_END.search(text[s:e]))
    return near / len(spans) >= 0.4


def _join_wrapped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for s, e in spans:
        if joined and text[joined[-1][1]:s].count("\n") + text[joined[-1][1]:s].count("\r") - text[joined[-1][1]:s].count("\r\n") == 1:
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


def _non_latin(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(ord(c) > 0x24F for c in letters) / len(letters) > 0.5


def _prelabel(units: list[Unit], meta: PageMeta) -> None:
    """Labels a unit earns on its own: boilerplate, captions, credits, dates, contributor lines."""
    for u in units:
        line = " ".join(u.text.split())  # non-breaking and repeated spaces as one space
        if (outlet := outlet_self_reference(line)) and not meta.outlet:
            meta.outlet, meta.evidence["outlet"] = outlet, line
        if _non_latin(line):
            u.reason = "non-Latin script"
        elif CONTRIBUTOR_LINE.match(line):
            u.kind = "byline"
        elif (reason := match_boilerplate(line)):
            u.reason = reason
            if reason == "share/follow" and (name := follow_author(line)) and not meta.author:
                meta.author, meta.evidence["author"] = name, line
        elif (iso := date_line(line)):
            u.kind, u.date = "date", iso
        elif CREDIT_START.match(line):
            u.kind = "credit"
        elif CAPTION_CUES.search(line) and u.words <= 80:
            u.kind = "caption"
        if u.kind == "caption" or u.free:
            credit = CREDIT_START.search(u.text, 1)
            if credit and u.words <= 80:
                u.kind, u.credit_at = "caption", credit.start()
    _mark_repeated_captions(units)
    _mark_promotion(units)


def _mark_repeated_captions(units: list[Unit]) -> None:
    """A caption is often printed twice (image alt text, then caption): neighbouring repeats."""
    for a, b in zip(units, units[1:]):
        if a.words >= 3 and a.free and b.text.startswith(a.text.rstrip("…[]. ")[:60]):
            a.kind = "caption"
            if b.free or b.kind == "credit":
                b.kind = "caption"
                credit = CREDIT_START.search(b.text, 1)
                b.credit_at = credit.start() if credit else b.credit_at


def _mark_promotion(units: list[Unit]) -> None:
    """The outlet talking about itself to the reader (donation appeals, membership pitches)."""
    scores = [promo_score(u.text) for u in units]
    promo = [u.free and ((p >= 2 and w >= 1) or (w >= 2 and p >= 1)) for u, (p, w) in zip(units, scores)]
    for i, u in enumerate(units):
        if promo[i]:
            u.reason = "promotion"
    # A line between two promotional lines that still speaks to the reader is part of the pitch.
    for i in range(1, len(units) - 1):
        u = units[i]
        if u.free and scores[i][0] >= 1 and units[i - 1].reason in ("promotion", "donate") and units[i + 1].reason in ("promotion", "donate"):
            u.reason = "promotion"


def _segments(units: list[Unit]) -> list[list[int]]:
    """Runs of prose, broken by strong boilerplate or by three short lines in a row."""
    segments: list[list[int]] = []
    current: list[int] = []
    short_run = 0
    for i, u in enumerate(units):
        if u.reason in STRONG_REASONS:
            short_run += 2  # one furniture line inside an article (a link box) does not end it
        elif u.free and (u.prose or u.short_sentence):
            if short_run >= 3 and current:
                segments.append(current)
                current = []
            short_run = 0
            current.append(i)
            continue
        elif u.free or u.kind == "date":
            short_run += 1
        if short_run >= 3 and current:
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    return [s for s in segments if any(units[i].prose for i in s)]


def _mass(units: list[Unit], segment: list[int]) -> int:
    return sum(units[i].words for i in segment if units[i].prose)


def _body_range(units: list[Unit]) -> tuple[int, int] | None:
    segments = _segments(units)
    if not segments:
        return None
    heaviest = max(_mass(units, s) for s in segments)
    kept = [s for s in segments if _mass(units, s) >= max(40, 0.3 * heaviest) or _mass(units, s) == heaviest]
    first = next(i for i in kept[0] if units[i].prose)
    return first, kept[-1][-1]


def _label_header(units: list[Unit], end: int, meta: PageMeta) -> int:
    """Title, dek, byline, date and captions above the body. Returns where the body starts."""
    header = [i for i in range(end) if units[i].reason is None]
    for i in header:
        u = units[i]
        if u.free and u.words <= 8 and (names := byline_names(" ".join(u.text.split()))):
            u.kind, u.byline = "byline", names
    first_meta = next((i for i in header if units[i].kind in ("byline", "date")), end)
    candidates = [i for i in header if i < first_meta and units[i].free and units[i].headline and units[i].words >= 3]
    title = None
    if candidates:
        title = candidates[-1]
        if len(candidates) >= 2 and candidates[-2] == _previous(units, candidates[-1]):
            title = candidates[-2]  # headline then a short dek
        units[title].kind = "title"
    body_start = end
    if title is not None:
        nxt = title + 1
        while nxt < len(units) and units[nxt].reason is not None:
            nxt += 1
        if nxt == end and nxt < len(units) and units[nxt].words >= 8 and not units[nxt].sentence_end:
            body_start = end + 1  # a dek without a full stop, straight above the body
            units[nxt].kind = "dek"
    seen_meta = False
    for i in header:
        u = units[i]
        seen_meta |= u.kind in ("byline", "date")
        if not u.free:
            continue
        if title is not None and i > title and u.words >= 6 and not any(units[j].kind == "dek" for j in header if j < i) and not seen_meta:
            u.kind = "dek"
        elif title is not None and i > title and u.headline:
            u.kind = "caption"  # a headline-shaped line under the title: an image or video title
        else:
            u.reason = "page header" if title is None or i < title else "before the article"
    return body_start


def _previous(units: list[Unit], i: int) -> int | None:
    j = i - 1
    while j >= 0 and units[j].reason is not None:
        j -= 1
    return j if j >= 0 else None


def _label_body(units: list[Unit], start: int, end: int, meta: PageMeta) -> None:
    for i in range(start, end + 1):
        u = units[i]
        if not u.free:
            if u.kind == "date" and meta.published:
                u.kind, u.reason = None, "date line inside the article"
            continue
        nxt = next((units[j] for j in range(i + 1, end + 1) if units[j].reason is None), None)
        if u.prose or u.short_sentence or (u.words >= 3 and u.text[:1] in "•-–*·" and u.function_share > 0):
            u.kind = "body"
        elif u.headline and u.words <= 15 and nxt is not None and nxt.free and (nxt.prose or nxt.short_sentence):
            u.kind = "subhead"
        else:
            u.reason = "short line inside the article"


def classify_text(text: str) -> Cleaned:
    """Blocks and dropped lines of a plain-text page dump."""
    units = _units(text)
    meta = PageMeta()
    _prelabel(units, meta)
    body = _body_range(units)
    if body is None:
        body_start, body_end = len(units), len(units) - 1
        body_start = _label_header(units, len(units), meta)
    else:
        body_start = _label_header(units, body[0], meta)
        body_start = max(body_start, body[0])
        body_end = body[1]
        _label_body(units, body_start, body_end, meta)
    for u in units[body_end + 1:]:
        if u.free:
            u.reason = "after the article"
        elif u.kind in ("title", "dek", "subhead", "body", "date"):
            u.reason, u.kind = "after the article", None
    return _collect(units, meta)


def _collect(units: list[Unit], meta: PageMeta) -> Cleaned:
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    for u in units:
        if u.kind is None:
            dropped.append(Dropped(u.reason or "unclassified", u.start, u.end))
            continue
        if u.kind == "caption" and u.credit_at:
            cut = u.start + u.credit_at
            head = u.text[: u.credit_at].rstrip()
            blocks.append(Block("caption", u.start, u.start + len(head), head))
            blocks.append(Block("credit", cut, u.end, u.text[u.credit_at:]))
            continue
        blocks.append(Block(u.kind, u.start, u.end, u.text))
        if u.kind == "title" and not meta.title:
            meta.title = u.text
        elif u.kind == "date" and not meta.published:
            meta.published, meta.evidence["published"] = u.date, u.text
        elif u.kind == "byline" and u.byline and not meta.author:
            meta.author, meta.evidence["author"] = u.byline, u.text
    return Cleaned(blocks, dropped, meta)
