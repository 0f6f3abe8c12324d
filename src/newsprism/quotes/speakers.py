"""Who is speaking: a quote's source resolved within its article, and what kind of voice it is.

Resolution, in order: a person named in the source span, widened to the fullest form of that
name in the article ("Lavrov" -> "Sergei Lavrov"); an organisation or a country named there; a
pronoun ("he", "she", "they", a relative "who") taken to the speaker of the quote just before it
or else the nearest fitting name before the cue; a document ("the leaflet", "a statement"); any
other description ("the official", "a source close to Damascus") stays an anonymous source with
its description. Nothing is resolved across articles here.

The type (government, opposition, un_ngo, monitor, civilian, media, expert, armed_group,
anonymous, other) comes from resources/quotes/speaker_types.tsv matched against how the article
names and describes the speaker, including the title or appositive at the name's first full
mention ("Russian Foreign Minister Sergei Lavrov"), then from the entity lists' organisation type.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..nlp.entity_rules import ORG_HEADS, TITLES
from ..nlp.headline import lowercase_words

PERSON_PRONOUNS = frozenset({"he", "she", "i", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "we", "it"})
RELATIVES = frozenset({"who", "which", "that"})
# Words naming a document that can "say" something: the leaflet read, a statement saying …
DOCUMENT_NOUNS = frozenset("""leaflet leaflets flyer flyers statement statements report reports letter message text
    document documents tweet post video communique declaration memo study survey poll polls data figures""".split())
ORG_TYPES = {"armed_group": "armed_group", "government": "government", "state_armed_force": "government",
             "international_organisation": "un_ngo", "ngo": "un_ngo", "monitor": "monitor"}
WORD = re.compile(r"[\w.'’-]+")
ORG_WORDS = ORG_HEADS | {"the", "un", "syrian", "russian", "turkish"}
PREVIOUS_QUOTE_REACH = 800  # characters: how far back "he said" may take the last quote's speaker


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    label: str  # PERSON | ORG | LOC | GPE | NORP | ...
    text: str
    subject: bool = False  # the subject of its clause (more likely the one a later "he" means)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    kind: str  # person | organisation | country | document | anonymous | unknown
    type: str
    resolved_by: str  # name | surname | pronoun | description | none


@dataclass(frozen=True, slots=True)
class SpeakerTypes:
    rows: tuple[tuple[re.Pattern[str], str], ...]
    organisations: dict[str, str]  # lowercased list name -> type

    def classify(self, *descriptions: str | None) -> str | None:
        text = " ".join(d for d in descriptions if d)
        for pattern, kind in self.rows:
            if pattern.search(text):
                return kind
        return None


def _pattern(term: str) -> re.Pattern[str]:
    flags = 0 if term.isupper() else re.IGNORECASE
    return re.compile(r"(?<![\w.])" + re.escape(term) + r"(?![\w])", flags)


@lru_cache(maxsize=4)
def load_types(extra: Path | None = None) -> SpeakerTypes:
    def rows(text: str) -> list[tuple[re.Pattern[str], str]]:
        lines = (line for line in text.splitlines() if line.strip() and not line.startswith("#"))
        return [(_pattern(r["term"].strip()), r["type"].strip()) for r in csv.DictReader(lines, delimiter="\t")]

    shipped = resources.files("newsprism.resources")
    table = (rows(extra.read_text(encoding="utf-8")) if extra else []) + rows(
        shipped.joinpath("quotes/speaker_types.tsv").read_text(encoding="utf-8"))
    orgs: dict[str, str] = {}
    lines = shipped.joinpath("entities/organisations.tsv").read_text(encoding="utf-8").splitlines()
    for r in csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"):
        if r["type"] in ORG_TYPES:
            orgs[r["name"].lower()] = ORG_TYPES[r["type"]]
    return SpeakerTypes(tuple(table), orgs)


def _inside(m: Mention, start: int, end: int) -> bool:
    return start <= m.start and m.end <= end


def fullest_name(person: Mention, mentions: Sequence[Mention]) -> Mention:
    """The longest PERSON mention in the article that ends with `person`'s last name."""
    last = person.text.split()[-1].lower() if person.text.split() else ""
    best = person
    for m in mentions:
        if m.label == "PERSON" and m.text.split() and m.text.split()[-1].lower() == last and len(m.text) > len(best.text):
            best = m
    return best


def describe(name: Mention, text: str) -> str:
    """Title words before a name's mention and an appositive after it ("Russian Foreign Minister",
    ", a resident of Idlib")."""
    before = text[max(0, name.start - 60):name.start]
    before = re.split(r"[.;:!?\n\"“”]", before)[-1]
    after = text[name.end:name.end + 80]
    appositive = after[2:].split(",")[0] if after.startswith(", ") else ""
    return f"{before} {appositive}"


@dataclass(frozen=True, slots=True)
class Previous:
    """The last quote's speaker, for pronouns."""
    speaker: Speaker
    end: int


def _person_mentions(mentions: Sequence[Mention], types: SpeakerTypes) -> list[Mention]:
    """PERSON mentions that are names: not a lone title ("Minister") nor an organisation the
    statistical model mistook for a person ("the UN")."""
    out = []
    for m in mentions:
        words = m.text.split()
        if m.label != "PERSON" or not words or all(w.lower().strip(".") in TITLES for w in words):
            continue
        bare = re.sub(r"^the\s+", "", m.text, flags=re.I)
        if bare != m.text or bare.isupper() or bare.lower() in types.organisations:
            continue
        if len(words) == 1 and words[0].lower() in lowercase_words():  # "Smoke rises over …" is not a person
            continue
        out.append(m)
    return out


def _named_head(words: str) -> str | None:
    """A name at the start of a speaker span the model did not tag ("Panos Moumtzis, the UN’s …")."""
    head = re.match(r"((?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+)(?=\s*(?:,|$))", words)
    if head and not any(w.lower().strip(".") in TITLES or w.lower() in ORG_WORDS for w in head.group(1).split()):
        return head.group(1)
    return None


def resolve(text: str, speaker_span: tuple[int, int] | None, cue_start: int, mentions: Sequence[Mention],
            previous: Previous | None, types: SpeakerTypes, antecedent: tuple[int, int] | None = None,
            introduced: Speaker | None = None) -> Speaker:
    """Who spoke. `previous`: the last quote's speaker; `introduced`: the last anonymous source the
    article introduced ("a source close to Damascus"), for a later "the official"."""
    if speaker_span is None:
        return Speaker(None, "unknown", "other", "none")
    start, end = antecedent or speaker_span
    words = text[start:end].strip()
    lowered = words.lower()
    if lowered in PERSON_PRONOUNS or lowered in RELATIVES or lowered in GROUP_PRONOUNS:
        return _pronoun(lowered, cue_start, mentions, previous, text, types)
    people = _person_mentions(mentions, types)
    inside = [m for m in people if _inside(m, start, end)]
    if not inside and re.fullmatch(r"[A-Z][\w’'-]+", words):  # a surname the model missed: "Nauert told"
        inside = [m for m in people if m.text.split()[-1] == words][:1]
    if not inside and (head := _named_head(words)):
        inside = [Mention(start, start + len(head), "PERSON", head)]
    if inside:
        person = min(inside, key=lambda m: m.start)  # the name the span starts with, not one in its appositive
        full = fullest_name(person, people)
        kind = types.classify(words) or types.classify(describe(full, text))
        return Speaker(full.text, "person", kind or "other", "name" if full.text == person.text and person.text in words else "surname")
    orgs = [m for m in mentions if _inside(m, start, end) and (m.label == "ORG" or m.label == "PERSON" and m not in people)]
    if orgs and re.match(r"(?:an?|one|another)\s", lowered):  # "a rebel commander with the FSA": a person, described
        return Speaker(words, "anonymous", types.classify(words) or "anonymous", "description")
    if orgs:
        org = max(orgs, key=lambda m: len(m.text))
        kind = types.classify(words) or types.organisations.get(org.text.lower())
        return Speaker(org.text, "organisation", kind or "other", "name")
    place = next((m for m in mentions if _inside(m, start, end) and m.label in ("GPE", "LOC")), None)
    if place is not None and (len(lowered.split()) <= 3 or place.start == start):
        return Speaker(place.text, "country", "government", "name")
    if set(WORD.findall(lowered)) & DOCUMENT_NOUNS:
        return Speaker(words, "document", types.classify(words) or "other", "description")
    if re.fullmatch(r"the\s+[a-z-]+", lowered):  # "the official", "the farmer": someone already introduced
        return _definite(words, cue_start, people, introduced, types)
    return Speaker(words, "anonymous", types.classify(words) or "anonymous", "description")


def _definite(words: str, cue_start: int, people: Sequence[Mention], introduced: Speaker | None,
              types: SpeakerTypes) -> Speaker:
    """"the official" after "a source close to Damascus" said something is that source; "the farmer"
    when only one person has been named so far is that person; otherwise an anonymous description."""
    if introduced is not None:
        return Speaker(introduced.name, "anonymous", introduced.type, "description")
    named = {fullest_name(m, people).text for m in people if m.end <= cue_start and len(m.text.split()) > 1}
    if len(named) == 1:
        return Speaker(named.pop(), "person", types.classify(words) or "other", "description")
    return Speaker(words, "anonymous", types.classify(words) or "anonymous", "description")


def _pronoun(word: str, cue_start: int, mentions: Sequence[Mention], previous: Previous | None, text: str,
             types: SpeakerTypes) -> Speaker:
    """The speaker of the quote just before, unless a fitting name was mentioned after it."""
    labels = ("PERSON",) if word in PERSON_PRONOUNS else ("ORG", "GPE", "NORP")
    pool = _person_mentions(mentions, types) if word in PERSON_PRONOUNS else mentions
    before = [m for m in pool if m.end <= cue_start and m.label in labels and cue_start - m.end <= PREVIOUS_QUOTE_REACH]
    wants = ("person", "anonymous") if word in PERSON_PRONOUNS else ("organisation", "country", "anonymous", "person")
    usable = previous is not None and cue_start - previous.end <= PREVIOUS_QUOTE_REACH and previous.speaker.kind in wants \
        and bool(previous.speaker.name) and previous.speaker.name.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS
    if usable:  # a name mentioned since the last quote takes over only as a subject ("Cavusoglu said …")
        before = [m for m in before if m.end > previous.end and m.subject]  # type: ignore[union-attr]
        if not before:
            return Speaker(previous.speaker.name, previous.speaker.kind, previous.speaker.type, "pronoun")  # type: ignore[union-attr]
    if before:
        subjects = [m for m in before if m.subject]
        m = subjects[-1] if subjects and before[-1].start - subjects[-1].end < 200 else before[-1]
        if m.label == "PERSON":
            full = fullest_name(m, pool)
            return Speaker(full.text, "person", types.classify(describe(full, text)) or "other", "pronoun")
        kind = "organisation" if m.label == "ORG" else "country"
        return Speaker(m.text, kind, types.classify(m.text) or types.organisations.get(m.text.lower()) or "other", "pronoun")
    return Speaker(None, "unknown", "other", "none")
