"""Framing: the words each outlet uses for the story's referents, and in whose voice.

Two sources of terms:
  lexicon  resources/compare/framing.tsv (armed opposition, government side, operation, civilians),
           user-extendable; each use is tied to the actor it is attached to when the text puts them
           together ("Hay’at Tahrir al-Sham terrorists", "dictator Bashar al-Assad").
  text     words the articles themselves put on an actor: role words and appositions found with its
           mentions ("Turkish foreign minister"), the modifiers before a group's name ("the
           al-Qaeda affiliated Hayat Tahrir al-Sham", "the so-called National Liberation Front") and
           the plural noun after it ("HTS commanders").
Voice: own (the outlet's words), quote (inside a direct quote, with the speaker), reported
(inside reported speech), scare (a term in scare quotes: the outlet keeps its distance).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..ingest.textblocks import FUNCTION_WORDS
from ..model import Article, Entity, FramingUse, Span
from ..nlp.quotations import find_quotations
from ..phrases import phrase_pattern
from ..resources import tsv_rows

TEXT_BLOCKS = frozenset({"title", "dek", "body", "subhead"})
QUOTE_MARKS = re.compile("[\"“”„«»‘’']")
NOT_ACTORS = frozenset({"place", "country", "nationality"})
GROUP_TYPES = frozenset({"armed_group", "government", "organisation", "international_organisation"})
NAMED_AS = {"armed_group": "armed opposition", "government": "government side"}  # a term that is the actor's name
ADJACENT = 3  # characters between a term and the name it qualifies: a space, a hyphen, an apostrophe
PLURAL_NOUN = re.compile(r"^[a-z][a-z-]{2,}(?:ers|ists|ants|ents|ans|ites|ies|ors|men|ees|als|ics)$")
MODIFIERS = re.compile(r"\b(?:the|a|an)\s+((?:[\w’'-]+\s+){1,3})$", re.I)
MODIFIER_WORD = re.compile(r"^(?:[\w’']+-[\w’'-]+|[a-z]+(?:ed|ist|ic|ian|al|ive|ous|ant|ent|ary|ite))$")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "mr.", "mrs.", "ms.", "dr."})


@dataclass(frozen=True, slots=True)
class Lexicon:
    forms: dict[str, tuple[str, str, str]]  # lowercased form -> (referent, term, tone)
    pattern: re.Pattern[str]


@lru_cache(maxsize=8)
def lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    rows = tsv_rows(resources.files("newsprism.resources.compare").joinpath("framing.tsv"))
    for path in extra:
        rows += tsv_rows(path)
    forms: dict[str, tuple[str, str, str]] = {}
    for row in rows:  # later rows (the user's) override earlier ones
        for form in row["forms"].split("|"):
            if form.strip():
                forms[form.strip().lower()] = (row["referent"].strip(), row["term"].strip(), row["tone"].strip())
    return Lexicon(forms, phrase_pattern(forms, re.I))


class _Voices:
    """Who speaks at each offset of one article: direct quotations, scare quotes, reported speech.
    Quotation marks are paired one block at a time, and only in the blocks a term is found in."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.blocks = [b for b in article.blocks if b.kind in TEXT_BLOCKS]
        self.starts = [b.start for b in self.blocks]
        self.quotations: dict[int, list[tuple[int, int, str]]] = {}  # block index -> (start, end, kind)
        self.reported = [(part.start, part.end, quote.speaker_name or quote.speaker)
                         for quote in article.quotes for part in quote.parts]

    def _in_block(self, offset: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return []
        if i not in self.quotations:
            block = self.blocks[i]
            found = find_quotations(self.article.source_text, [block]) if QUOTE_MARKS.search(block.text) else []
            self.quotations[i] = [(q.start, q.end, q.kind) for q in found]
        return self.quotations[i]

    def of(self, start: int, end: int) -> tuple[str, str | None]:
        quotations = self._in_block(start)
        for s, e, kind in quotations:
            if kind == "scare" and s <= start and end <= e:
                return "scare", None
        for s, e, kind in quotations:
            if kind != "scare" and s <= start and end <= e:
                return "quote", next((who for ps, pe, who in self.reported if ps < e and s < pe), None)
        for s, e, who in self.reported:
            if s <= start and end <= e:
                return "reported", who
        return "own", None


class _Names:
    """The article's mentions that belong to actors, sorted, to find the name next to a term."""

    def __init__(self, article: Article, entity_of: dict[int, Entity]) -> None:
        self.mentions = sorted(((m.start, m.end, i) for i, m in enumerate(article.mentions)), key=lambda t: t[0])
        self.starts = [m[0] for m in self.mentions]
        self.entity_of = entity_of
        self.text = article.source_text

    def inside(self, start: int, end: int) -> Entity | None | bool:
        """The entity of a mention containing [start, end); False when none does."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.mentions[i][0] <= start and end <= self.mentions[i][1]:
            return self.entity_of.get(self.mentions[i][2])
        return False

    def next_to(self, start: int, end: int) -> Entity | None:
        """The actor named just before or just after [start, end)."""
        i = bisect.bisect_left(self.starts, end)
        if i < len(self.mentions) and 0 <= self.mentions[i][0] - end <= ADJACENT and self._gap(end, self.mentions[i][0]):
            found = self.entity_of.get(self.mentions[i][2])
            if found and found.type not in NOT_ACTORS:
                return found
        j = bisect.bisect_left(self.starts, start) - 1
        if j >= 0 and 0 <= start - self.mentions[j][1] <= ADJACENT and self._gap(self.mentions[j][1], start):
            found = self.entity_of.get(self.mentions[j][2])
            if found and found.type not in NOT_ACTORS:
                return found
        return None

    def _gap(self, a: int, b: int) -> bool:
        return all(c in " -’'s" for c in self.text[a:b])


def _inside_unknown_name(text: str, at: int) -> bool:
    """A capitalised term right after another capitalised word that is not a sentence's start."""
    if not text[at:at + 1].isupper():
        return False
    before = re.search(r"([\w’'-]+)([^\w]*)$", text[max(0, at - 40):at])
    return bool(before and before.group(1)[:1].isupper() and not re.search(r"[.!?:]", before.group(2)))


def _sentence(article: Article, starts: list[int], offset: int) -> Span:
    i = bisect.bisect_right(starts, offset) - 1
    if 0 <= i < len(article.sentences) and article.sentences[i].start <= offset < article.sentences[i].end:
        return article.sentences[i]
    return Span(offset, offset)


def framing_uses(article: Article, mention_entity: dict[int, Entity], lex: Lexicon) -> list[FramingUse]:
    """Every lexicon term and text descriptor in `article`, with its voice and attached actor;
    `mention_entity` gives the entity of each of its mentions (by index)."""
    starts = [s.start for s in article.sentences]
    voices = _Voices(article)
    names = _Names(article, mention_entity)
    uses: list[FramingUse] = []
    for block in article.blocks:
        if block.kind not in TEXT_BLOCKS:
            continue
        for m in lex.pattern.finditer(block.text):
            start, end = block.start + m.start(), block.start + m.end()
            referent, term, tone = lex.forms[" ".join(m.group(0).lower().split())]
            holder = names.inside(start, end)
            if holder is not False and not (holder is not None and NAMED_AS.get(holder.type) == referent):
                continue  # part of a name: "Free Syrian Army", "National Liberation Front"
            if holder is False and _inside_unknown_name(block.text, m.start()):
                continue  # “Syrian Army of the North”, a name no mention covers
            entity = names.next_to(start, end)
            voice, speaker = voices.of(start, end)
            uses.append(FramingUse(referent, term, m.group(0), article.id, start, end, voice, speaker,
                                   entity.id if entity else None, "lexicon", tone, _sentence(article, starts, start)))
    uses += _text_terms(article, mention_entity, voices, lex, starts)
    return sorted(uses, key=lambda u: u.start)


def _text_terms(article: Article, mention_entity: dict[int, Entity], voices: _Voices, lex: Lexicon,
                starts: list[int]) -> list[FramingUse]:
    """Descriptors the articles put on actors, beyond the lexicon."""
    out = []
    text = article.source_text

    def add(entity: Entity, words: str, start: int, end: int) -> None:
        term = " ".join(words.split())
        if not term or term.lower() in lex.forms or term.lower() in FUNCTION_WORDS:
            return
        voice, speaker = voices.of(start, end)
        out.append(FramingUse(entity.name, term, text[start:end], article.id, start, end, voice, speaker, entity.id,
                              "text", "", _sentence(article, starts, start)))

    for i, m in enumerate(article.mentions):
        entity = mention_entity.get(i)
        if entity is None or entity.type in NOT_ACTORS:
            continue
        if m.descriptor and m.descriptor not in m.text and m.descriptor.lower() not in HONORIFICS:
            found = text.rfind(m.descriptor, max(0, m.start - 200), m.end + 200)
            if found >= 0:
                add(entity, m.descriptor, found, found + len(m.descriptor))
        if entity.type not in GROUP_TYPES:
            continue
        before = MODIFIERS.search(text[max(m.sentence.start, m.start - 60):m.start])
        if before:
            words = before.group(1).split()
            if all(w.lower() not in FUNCTION_WORDS and MODIFIER_WORD.match(w) for w in words):
                phrase = before.group(1).rstrip()
                start = m.start - len(before.group(1))
                add(entity, phrase, start, start + len(phrase))
        after = re.match(r"[ ]([a-z][\w-]+)", text[m.end:m.end + 40])
        if after and PLURAL_NOUN.match(after.group(1)):
            add(entity, after.group(1), m.end + 1, m.end + 1 + len(after.group(1)))
    return out


def framing(articles: Iterable[Article], entities: Sequence[Entity], lex: Lexicon) -> list[FramingUse]:
    by_article: dict[str, dict[int, Entity]] = {}
    for e in entities:
        for r in e.mentions:
            by_article.setdefault(r.article_id, {})[r.mention] = e
    out: list[FramingUse] = []
    for article in articles:
        out += framing_uses(article, by_article.get(article.id, {}), lex)
    return out
