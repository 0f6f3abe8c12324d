"""Name mentions of one parsed block: the language pipeline's entities, tidied, with the role words
the text puts next to them ("Turkish Foreign Minister Mevlut Cavusoglu", "Mustafa Sejari, a rebel
commander"); the names it missed that the article or the story names elsewhere."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..geo.gazetteer import DIVISIONS, default_gazetteer
from ..geo.geocode import DIRECTIONS, FEATURE_WORDS, core
from ..model import Article, Block, Mention
from ..nlp.entity_rules import TITLES
from ..nlp.headline import common_words, lowercase_words
from ..nlp.sentences import SentenceIndex
from .names import key

LABELS = frozenset({"PERSON", "ORG", "LOC", "GPE", "NORP", "FAC"})
LABEL_MAP = {"GPE": "LOC", "FAC": "LOC"}
POSSESSIVE = ("'s", "’s", "'", "’")
# a lower-case feature word right after a place name the model ended before it: "Washington state"
DIVISION_WORD_AFTER = re.compile(r"[ \t]+(?:state|province|governorate|district)\b")
LOWER_CASE_LEAD = re.compile(r"(?!(?:state|province|governorate|city|town|village|region|district) of)[a-z][a-z -]*? of (?=[A-Z])")
WORD_BEFORE = re.compile(r"(?<![\w’'.-])(?!(?:The|THE|A|An|AN)\b)[A-Z][\w’'-]*[ \t]+$")
DIVISION_WORD_BEFORE = re.compile(r"\b(?:state|province|governorate)[ \t]+of[ \t]+$")
MAX_DESCRIPTOR_WORDS = 8
# lower-case words that belong to a place's name or say what kind of place it is ("Idlib countryside")
KEPT_AFTER_PLACE = frozenset(FEATURE_WORDS) | {"county", "river", "lake", "island", "islands", "sea"}


def _trimmed(ent: SpacySpan) -> tuple[int, int] | None:
    """Character offsets (in the doc) of the name without a leading article or trailing possessive."""
    tokens = list(ent)
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens.pop(0)
    while tokens and (tokens[-1].text in POSSESSIVE or tokens[-1].is_punct and tokens[-1].text != "."):
        tokens.pop()
    if ent.label_ in ("GPE", "LOC", "NORP"):  # "Central American [migrants]", "British [farms]": the name, not its noun
        while len(tokens) > 1 and tokens[-1].is_lower and tokens[-1].is_alpha and tokens[-1].lower_ not in KEPT_AFTER_PLACE:
            tokens.pop()
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = ent.doc.text[start:end]
    for suffix in POSSESSIVE[:2]:
        if text.endswith(suffix):
            end -= len(suffix)
    if text.endswith(".") and not (len(text) > 1 and text[-2].isupper() and "." in text[:-1]):
        end -= 1  # a sentence's full stop, not the last dot of "U.N."
    if not any(c.isupper() for c in ent.doc.text[start:end]):
        return None  # "civilians", "insurgent militias": not names
    return start, end


def _before(ent: SpacySpan) -> str | None:
    """Titles and modifiers just before a name: "Turkish Foreign Minister"."""
    doc, i = ent.doc, ent.start - 1
    while i >= 0:
        t = doc[i]
        if t.lower_.rstrip(".") in TITLES or t.ent_type_ == "NORP" or (
                t.dep_ in ("compound", "amod") and t.head.i >= ent.start and t.head.i < ent.end and not t.ent_type_):
            i -= 1
            continue
        break
    words = doc[i + 1:ent.start]
    return words.text if len(words) and any(w.lower_.rstrip(".") in TITLES or w.pos_ == "NOUN" for w in words) else None


def _apposition(ent: SpacySpan) -> str | None:
    """An apposition after a name: "Mustafa Sejari, a rebel commander"."""
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i >= ent.end and not child.ent_type_:
            words = child.doc[child.left_edge.i:child.right_edge.i + 1]
            if len(words) <= MAX_DESCRIPTOR_WORDS and not any(t.is_quote for t in words):
                return words.text
    return None


def block_mentions(doc: Doc, block: Block, sentences: SentenceIndex) -> list[Mention]:
    """The mentions of `block` parsed as `doc` (a re-cased headline reads the same length), in
    article offsets."""
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        trimmed = _trimmed(ent)
        if trimmed is None:
            continue
        if ent.label_ in ("GPE", "LOC") and (lead := LOWER_CASE_LEAD.match(block.text, trimmed[0], trimmed[1])):
            trimmed = (lead.end(), trimmed[1])  # "vicinity of [Ouagadougou]", "outskirts of [Aleppo]"
        if ent.label_ in ("GPE", "LOC") and (feature := DIVISION_WORD_AFTER.match(block.text, trimmed[1])):
            trimmed = (trimmed[0], feature.end())  # "a Washington state farm": the state, not the capital
        elif ent.label_ in ("GPE", "LOC") and (feature := DIVISION_WORD_BEFORE.search(block.text, max(0, trimmed[0] - 20), trimmed[0])):
            trimmed = (feature.start(), trimmed[1])  # "the state of Washington"
        elif ent.label_ in ("GPE", "LOC") and (word := WORD_BEFORE.search(block.text, max(0, trimmed[0] - 20), trimmed[0])) \
                and key(block.text[word.start():trimmed[1]]) in _standing_keys()[0]:
            trimmed = (word.start(), trimmed[1])  # "NEW [JERSEY]", "South [Sudan]": the model cut a place's name
        descriptor = _before(ent) or _apposition(ent) if ent.label_ == "PERSON" else None
        parts = _address_parts(block.text, *trimmed) if ent.label_ in ("GPE", "LOC") else [trimmed]
        for a, b in parts:  # "Sofia, Bulgaria" read as one name: the city and the country
            found.append(Mention(a + block.start, b + block.start, block.text[a:b], LABEL_MAP.get(ent.label_, ent.label_),
                                 sentences.at(a + block.start), descriptor))
    return found


def _address_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A place name the model read with its division or country ("Sofia, Bulgaria", "Tacoma,
    Wash.") as its two places; any other name whole."""
    comma = text.rfind(", ", start, end)
    if comma <= start:
        return [(start, end)]
    if _is_region(text[comma + 2:end], countries=True):
        if not _is_own_name(text[start:end]):  # "Washington, D.C." is one name
            return [(start, comma), (comma + 2, end)]
    return [(start, end)]



PARTICLE = r"(?:al|a|el|an|ad|ash|as|at|az|ar|ath)"
APOSTROPHE = "['’‘ʼ`]?"


def _alias_pattern(alias: str) -> str:
    """A pattern for an alias that tolerates the article's spellings and apostrophes."""
    words = [w for w in re.split(r"[\s\-]+", alias) if w]
    parts = []
    for w in words:
        if w.lower() in ("al", "a", "el", "an", "ash", "as", "at", "ad", "ar", "az"):
            parts.append(PARTICLE)
        else:
            parts.append(APOSTROPHE.join(re.escape(c) for c in w.replace("'", "").replace("’", "")))
    return r"[\s\-]+".join(parts)


class ListedNames:
    """Finds the actor list's names in text, however the article writes the Arabic article
    ("Hay’at Tahrir a-Sham" for "Hay'at Tahrir al-Sham"), where the model found no entity."""

    def __init__(self, names: list[str]) -> None:
        words = sorted({n for n in names if not n.replace(".", "").isupper()}, key=len, reverse=True)
        acronyms = sorted({n for n in names if n.replace(".", "").isupper() and len(n) > 1}, key=len, reverse=True)
        self.words = re.compile(r"(?<![\w’'])(?:" + "|".join(_alias_pattern(n) for n in words) + r")(?![\w’'-])", re.I) if words else None
        self.acronyms = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in acronyms) + r")(?![\w])") if acronyms else None

    def find(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for pattern in (self.words, self.acronyms):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                first = m.group(0).lstrip("'’")
                if first[:1].isupper() or first[:2].lower() in ("al", "el") and any(c.isupper() for c in first):
                    spans.append((m.start(), m.end()))
        return spans


NAME_WORD = r"(?!(?:The|This|That|These|Those|A|An|Its|Their)\b)(?:(?:al|a|el|an|ash|as|at|ad|ar|az|Al|El)-)?[A-Z][\w’'-]+"
# "the town of a-Tamanah", "the al-Ghab plain", "the Bab al-Hawa crossing": places the model often misses
PLACE_PATTERNS = (
    re.compile(rf"\b(?:town|village|city|province|district|governorate|suburb|neighbou?rhood|region) of ({NAME_WORD}(?: {NAME_WORD}){{0,2}})"),
    re.compile(rf"\b({NAME_WORD}(?: {NAME_WORD}){{0,2}} (?:plain|valley|crossing|border crossing|camp|mountains|desert))\b"),
)


# a dateline opening a paragraph: "WASHINGTON (Reuters) -", "COLUMBUS, Ohio (AP) —", "ALLENDALE, N.J. --"
DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
                      r"\s*(?:\([^)]{0,30}\))?\s*(?:—|–|--?)")
NOT_DATELINES = frozenset("UPDATE UPDATED BREAKING EXCLUSIVE WATCH ANALYSIS OPINION EDITORIAL LIVE VIDEO PHOTOS CORRECTION "
                          "NOTE REVIEW COMMENT INTERVIEW EXPLAINER FACT CHECK SPONSORED AD".split())


# an address: "Parkland, Florida,", "Fresno, Calif.", "Donington Park, Leicestershire." (the second a division)
ADDRESS = re.compile(rf"(?<![\w’'-])(?P<place>{NAME_WORD}(?: {NAME_WORD}){{0,2}}), "
                     rf"(?P<region>[A-Z]\.(?:[A-Z]\.)+|{NAME_WORD}(?: {NAME_WORD})?)(?P<dot>\.)?(?=[,;:)!?\s]|$)", re.M)


def pattern_places(text: str) -> list[tuple[int, int]]:
    """Places written as "the town of X", "the X plain", the place of a dateline, and a town
    followed by its division after a comma ("Parkland, Florida,")."""
    found = [(m.start(1), m.end(1)) for pattern in PLACE_PATTERNS for m in pattern.finditer(text)]
    dateline = DATELINE.match(text)
    if dateline and not set(dateline.group("place").split()) & NOT_DATELINES:
        found += [(dateline.start(g), dateline.end(g)) for g in ("place", "region") if dateline.group(g)]
    for m in ADDRESS.finditer(text):
        if m.group("place").split()[0].lower().rstrip(".") in TITLES:
            continue  # "President Obama, Washington,"
        region = m.group("region")
        if m.group("dot") and region + "." in _abbreviations():
            spans = [(m.start("place"), m.end("place")), (m.start("region"), m.end("dot"))]  # "Fresno, Calif."
        elif (m.group("dot") or text[m.end():m.end() + 1] in ",;:)!?\n" or m.end() == len(text)) \
                and _is_region(region):  # not "Lamar Smith, Texas Republican"
            spans = [(m.start("place"), m.end("place")), (m.start("region"), m.end("region"))]
        else:
            continue
        if _is_own_name(text[spans[0][0]:spans[1][1]]):
            spans = [(spans[0][0], spans[1][1])]  # "Washington, D.C." is one place's name
        found += spans
    return sorted(set(found))


def _is_own_name(name: str) -> bool:
    return any(key(p.name) == key(name) for p in default_gazetteer().exact(name))


def _abbreviations() -> set[str]:
    """Divisions as datelines abbreviate them ("Calif.", "N.J."): resources/geo/abbreviations.tsv."""
    return default_gazetteer().abbreviations


# a run of capitalised words, with the particles place names hold: "The Hague", "Rio de Janeiro"
NAME_RUN = re.compile(r"(?<![\w’'.&-])[A-Z][\w’'-]*(?: (?:(?:of|de|del|da|do|upon|on|the) )?(?:[dl]['’])?[A-Z][\w’'-]*)*")
LEADING_ARTICLE = re.compile(r"(?:The|A|An) (?=[A-Z])")
DIRECTION_WORD = re.compile(DIRECTIONS, re.I)  # "the West" alone is no place of standing
POSSESSIVE_END = re.compile(r"[’']s?$")


def standing_places(text: str) -> list[tuple[int, int]]:
    """Whole runs of capitalised words that name a country, a continent, a first-level division or
    a city of 100,000 ("Khayelitsha", "Almaty", "Leicestershire"), where the model may miss them;
    not part of a longer name ("Dallas Mavericks" is no run of "Dallas"), nor a common word ("Nice",
    "Reading")."""
    keys, countries = _standing_keys()
    common = common_words()
    out = []
    for m in NAME_RUN.finditer(text):
        name = POSSESSIVE_END.sub("", m.group())
        start = m.start()
        if article := LEADING_ARTICLE.match(name):  # "The Arizona senator": the name without its article
            name, start = name[article.end():], start + article.end()
        k = key(name)
        if k in keys and (len(name) > 3 or k in countries) and not all(w in common or DIRECTION_WORD.fullmatch(w) for w in k.split()):
            out.append((start, start + len(name)))
    return out


@lru_cache(maxsize=1)
def _standing_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Keys of the own names of continents, countries, divisions and cities of 100,000; and of every
    name of a country ("US", "UK")."""
    gazetteer = default_gazetteer()
    own = {key(p.name) for places in gazetteer.by_key.values() for p in places if p.feature in ("country", "continent", "province")}
    cities = {key(name) for (name,) in gazetteer.db.execute("SELECT name FROM places WHERE population >= 100000")}
    countries = {k for k, places in gazetteer.by_key.items() if any(p.feature == "country" for p in places)}
    return frozenset(k for k in own | cities | countries if k), frozenset(countries)


def _is_region(name: str, countries: bool = False) -> bool:
    """A first- or second-level division (and, with `countries`, a country) by its name or a
    dateline abbreviation ("Calif.", "Oaxaca State")."""
    features = ("country", *DIVISIONS) if countries else DIVISIONS
    return name in _abbreviations() or any(p.feature in features for p in default_gazetteer().exact(core(name)[0] or name))


_CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][\w’'.&-]*")
_WORD_CHAR = re.compile(r"[\w’'-]")


class NameFinder:
    """Where a set of names (as written, case-sensitive) occur as whole words in a text: each
    capitalised word is looked up among the names that begin with it, the longest first. As fast
    with fifty thousand names as with five, where one regular expression of them all is not."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        for name in sorted(set(names), key=len, reverse=True):
            first = _CAPITALISED.match(name)
            if first:
                self.by_first.setdefault(first.group(0).rstrip(".’'"), []).append(name)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        covered = 0
        for m in _CAPITALISED.finditer(text):
            if m.start() < covered:
                continue
            for name in self.by_first.get(m.group(0).rstrip(".’'"), ()):
                end = m.start() + len(name)
                if text.startswith(name, m.start()) and not (end < len(text) and _WORD_CHAR.match(text, end)):
                    out.append((m.start(), end, name))
                    covered = end
                    break
        return out


CALENDAR_WORDS = frozenset("january february march april may june july august september october november december "
                           "monday tuesday wednesday thursday friday saturday sunday".split())


def _surnames(found: Iterable[Mention]) -> set[str]:
    """The last names of the people named in full ("Jobs" of "Steve Jobs")."""
    return {words[-1] for m in found if m.label == "PERSON" and len(words := m.text.split()) > 1
            and len(words[-1]) > 2 and words[-1][:1].isupper()}


def _repeatable(found: list[Mention]) -> dict[str, str]:
    """Names the model found once in the article, with their most frequent label, to be found
    wherever else the article writes them ("Chrysler", "Fiat" where the model missed a repeat); not
    one-word names that are also common words or dates ("Jobs", "May")."""
    labels: dict[str, Counter[str]] = {}
    for m in found:
        words = m.text.split()
        if m.label not in ("PERSON", "ORG", "LOC") or len(m.text) < 2 or not m.text[:1].isupper():
            continue
        if len(words) == 1 and (m.text.lower() in lowercase_words() or m.text.lower() in CALENDAR_WORDS):
            continue
        labels.setdefault(m.text, Counter())[m.label] += 1
    # a two-letter name ("GM", "UN") only in capitals, found at least twice, and not a pronoun or a
    # preposition in an ALL-CAPS page ("WE", "IT", "IN"; "US" is the country far more often)
    return {text: counts.most_common(1)[0][0] for text, counts in labels.items()
            if len(text) > 2 or text.isupper() and counts.total() >= 2 and (text == "US" or text.lower() not in STOP_WORDS)}


def missed_mentions(text: str, blocks: list[Block], found: list[Mention], names: ListedNames,
                    sentences: SentenceIndex) -> list[Mention]:
    """Mentions of listed names (ORG), of places written as "the town of X" or "the X plain" (LOC),
    of the surnames of people named in full in the article ("Jobs" after "Steve Jobs", which
    the model reads as a common noun), and repeats of the names the model found elsewhere in the
    article, inside `blocks`, where they overlap no mention already found."""
    taken = sorted((m.start, m.end) for m in found)
    extra = []
    surnames = _surnames(found)
    surname_re = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(surnames, key=len, reverse=True)))) if surnames else None
    repeated = _repeatable(found)
    repeated_finder = NameFinder(repeated) if repeated else None
    people = {w for m in found if m.label == "PERSON" for w in m.text.split()}
    places: set[tuple[int, int]] = set()  # what the place patterns say, in article offsets
    for block in blocks:
        patterned = pattern_places(block.text)
        places.update((block.start + s, block.start + e) for s, e in patterned)
        spans = [(s, e, "ORG") for s, e in names.find(block.text)] + [(s, e, "LOC") for s, e in patterned]
        spans += [(s, e, "LOC") for s, e in standing_places(block.text) if not set(block.text[s:e].split()) & people]
        if surname_re is not None:
            spans += [(m.start(), m.end(), "PERSON") for m in surname_re.finditer(block.text)]
        if repeated_finder is not None:
            spans += [(s, e, repeated[name]) for s, e, name in repeated_finder.find(block.text)]
        for s, e, label in spans:
            start, end = block.start + s, block.start + e
            if not any(a < end and start < b for a, b in taken):
                extra.append(Mention(start, end, text[start:end], label, sentences.at(start)))
                taken.append((start, end))
    # a dateline's or an address's place the model read as an organisation or a person ("COLUMBUS (AP) —")
    found = [replace(m, label="LOC") if m.label in ("ORG", "PERSON") and (m.start, m.end) in places else m for m in found]
    return sorted(found + extra, key=lambda m: m.start)


def story_mentions(articles: Sequence[Article], kinds: frozenset[str]) -> list[Article]:
    """The articles of a story, each with the repeats of names the model found in the others
    ("Fiat" tagged in one outlet's article, missed in another's) and of the surnames of people
    they name in full ("Jobs" where that article never writes "Steve Jobs"), inside blocks of
    `kinds`, where they overlap no mention already found. An article with none is returned as is."""
    found = [m for a in articles for m in a.mentions]
    names = _repeatable(found)
    for surname in _surnames(found):
        names.setdefault(surname, "PERSON")
    if not names:
        return list(articles)
    finder = NameFinder(names)
    out = []
    for article in articles:
        taken = [(m.start, m.end) for m in article.mentions]
        sentences = SentenceIndex(article.sentences)
        extra = []
        for block in (b for b in article.blocks if b.kind in kinds):
            for s, e, name in finder.find(block.text):
                start, end = block.start + s, block.start + e
                if not any(a < end and start < b for a, b in taken):
                    extra.append(Mention(start, end, name, names[name], sentences.at(start)))
                    taken.append((start, end))
        out.append(replace(article, mentions=tuple(sorted(article.mentions + tuple(extra), key=lambda m: m.start))) if extra else article)
    return out
