"""Wire copy: which articles carry a news agency's copy, and which articles are not independent of
one another (one agency's copy, or most of one text shared), so that two copies of one Reuters story
count as one confirmation, not two.

Evidence, strongest first, each kept with its words:
  outlet    the outlet name says so: "Haaretz (Reuters copy)", "Reuters"
  byline    a byline: "By Reuters", "Additional reporting by Reuters", "Associated Press writer …"
  dateline  the agency's dateline opening the body: "AMMAN (Reuters) -"
  signoff   Reuters' house sign-off: "(Reporting by …; Editing by …)"
  cites     the body uses the agency's reporting: "told Reuters", "Reuters reported"
A photo credit ("Photo via AP") is not evidence: the picture is the agency's, not the text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..model import Article, DuplicatePair, SourceFamily, WireCredit
from ..phrases import phrase_pattern
from ..resources import tsv_rows

COPY_EVIDENCE = frozenset({"outlet", "byline", "dateline", "signoff"})
PHOTO = re.compile(r"\b(photo|photograph|picture|image|video)s?\b", re.I)
SIGNOFF = re.compile(r"\(?(?:additional )?reporting by [^)\n]{2,200}?(?:;|\band\b)\s*(?:writing|editing) by [^)\n]{2,200}?(?:\)|$)", re.I)
DATELINE_WINDOW = 80


@dataclass(frozen=True, slots=True)
class Agencies:
    names: dict[str, str]  # alias -> agency
    pattern: re.Pattern[str]

    def find(self, text: str) -> Iterable[tuple[str, re.Match[str]]]:
        for m in self.pattern.finditer(text):
            yield self.names[m.group(0)], m


@lru_cache(maxsize=8)
def agencies(extra: tuple[Path, ...] = ()) -> Agencies:
    rows = tsv_rows(resources.files("newsprism.resources.compare").joinpath("agencies.tsv"))
    for path in extra:
        rows += tsv_rows(path)
    names = {alias.strip(): row["agency"].strip() for row in rows for alias in row["aliases"].split("|") if alias.strip()}
    return Agencies(names, phrase_pattern(names))


def wire_credits(article: Article, known: Agencies) -> list[WireCredit]:
    """Each piece of evidence that `article` is, or uses, an agency's copy."""
    found: list[WireCredit] = []

    def add(agency: str, how: str, evidence: str, start: int | None, end: int | None) -> None:
        if not any(c.agency == agency and c.how == how for c in found):
            found.append(WireCredit(article.id, agency, how, " ".join(evidence.split()), start, end))

    for agency, _ in known.find(article.outlet or ""):
        add(agency, "outlet", article.outlet or "", None, None)
    for agency, _ in known.find(article.author or ""):
        add(agency, "byline", article.author or "", None, None)
    body_seen = False
    for block in article.blocks:
        if block.kind == "byline" and not PHOTO.search(block.text):
            for agency, _ in known.find(block.text):
                add(agency, "byline", block.text, block.start, block.end)
        elif block.kind == "body":
            if not body_seen:  # "AMMAN (Reuters) -": an agency in brackets at the body's start
                body_seen = True
                for agency, m in known.find(block.text[:DATELINE_WINDOW]):
                    if block.text[max(0, m.start() - 1):m.start()] == "(":
                        add(agency, "dateline", block.text[:m.end() + 1], block.start, block.start + m.end() + 1)
            sign = SIGNOFF.search(block.text)
            if sign:
                add("Reuters", "signoff", sign.group(0), block.start + sign.start(), block.start + sign.end())
    for quote in article.quotes:
        if quote.medium:
            for agency, _ in known.find(quote.medium):
                if quote.cue_start is not None and quote.cue_end is not None:
                    add(agency, "cites", article.source_text[quote.cue_start:quote.cue_end] + " " + quote.medium,
                        quote.cue_start, quote.cue_end)
    return found


class _Union:
    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def source_families(articles: Sequence[Article], duplicates: Iterable[DuplicatePair], credits: Iterable[WireCredit],
                    min_shared: float) -> list[SourceFamily]:
    """Every article in exactly one family; families of one article are independent sources."""
    union = _Union([a.id for a in articles])
    label = {a.id: a.label() for a in articles}
    reasons: dict[str, list[str]] = {}
    copies: dict[str, list[WireCredit]] = {}
    for c in credits:
        if c.how in COPY_EVIDENCE:
            copies.setdefault(c.agency, []).append(c)
    for agency, found in copies.items():
        ids = list(dict.fromkeys(c.article_id for c in found))
        for other in ids[1:]:
            union.join(ids[0], other)
        if len(ids) > 1:
            reasons.setdefault(ids[0], []).append(
                f"{agency} copy: " + ", ".join(f"{label[c.article_id]} ({c.how})" for c in found))
    for pair in duplicates:
        if pair.score >= min_shared and pair.a in union.parent and pair.b in union.parent:
            union.join(pair.a, pair.b)
            reasons.setdefault(pair.a, []).append(
                f"{label[pair.a]} and {label[pair.b]} share {pair.score:.0%} of the shorter text")
    members: dict[str, list[str]] = {}
    for a in articles:
        members.setdefault(union.find(a.id), []).append(a.id)
    families = []
    for n, ids in enumerate(members.values()):
        why = [r for i in ids for r in reasons.get(i, [])]
        families.append(SourceFamily(f"src-{n}", tuple(ids), tuple(dict.fromkeys(why))))
    return families


def family_of(families: Iterable[SourceFamily]) -> dict[str, str]:
    """article id -> family id."""
    return {a: f.id for f in families for a in f.article_ids}
