"""Canonical entities across a story's articles: one entity per actor or place, every mention kept.

Mentions are first given the class the text supports (a "person" the gazetteer knows as a town in
the story's country is a place; "UN" tagged as a person is the organisation). Names are then joined
when they are the same under transliteration (names.key, or the same consonant skeleton and close,
unless the gazetteer knows them as different places: "Niger" and "Nigeria"),
an acronym and its expansion ("Hayat Tahrir al-Sham (HTS)", "United Nations" / "U.N."), a part of
a longer name of the same class ("Tahrir al-Sham"), a surname and the one full name ending in it
("Sejari" / "Mustafa Sejari"), or aliases in the actor list. Two names the actor list keeps apart
(the Nusra Front and HTS) are never joined; where an outlet equates them, an `Equation` records the
sentence. A nationality written for the state ("Russian jets", "Turkish officials") counts as a
mention of the country; other uses stay a nationality entity linked to its country.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from ..geo.gazetteer import DIVISIONS, Gazetteer, Place
from ..geo.geocode import LEADING, Context, core, direction, geocode, is_own_name, of_standing
from ..model import Alias, Article, Entity, Equation, Geo, Mention, MentionRef, Span
from ..nlp.entity_rules import TITLES
from ..nlp.headline import lowercase_words
from ..resources import tsv_rows
from .actors import ActorList
from .names import acronym, fold, is_acronym, key, similar, skeleton

PLACE_PREFIXES = frozenset("""khan kafr kfar kufr jisr tal tell tel deir dayr ain ayn maarat maaret marat jabal jebel
    wadi bab ras qalaat qalat beit bayt bir sheikh""".split())
STATE_NOUNS = frozenset("""government governments forces force army military troops jets warplanes aircraft planes
    officials official president ministry minister authorities navy regime state embassy diplomats diplomat leader
    leadership delegation air-force warships soldiers police""".split())
GOVERNMENT_WORDS = frozenset("""government regime ministry army forces military navy police kremlin parliament
    cabinet department presidency""".split())
MEDIA_WORDS = frozenset("""news times post agency tv television radio channel press journal herald tribune
    guardian telegraph reuters""".split())
CORPORATE = frozenset("company co corp corporation inc incorporated llc ltd limited plc group spa ag sa nv holdings".split())
EQUATING = re.compile(r"\b(formerly(?: known as)?|previously known as|also known as|a\.?k\.?a\.?|now (?:called|known as)|"
                      r"rebranded|renamed|referring to|which used to be|once known as)\b", re.I)
RELATING = re.compile(r"\b(spearheaded by|led by|dominated by|affiliate|offshoot|successor|predecessor|split from|"
                      r"former(?: Syrian)? affiliate|linked to|allied with)\b", re.I)


@dataclass(slots=True)
class _Name:
    """One distinct (class, key) name of the story, with its mentions."""

    cls: str  # PERSON | ORG | LOC | NORP
    key: str
    spellings: Counter[str] = field(default_factory=Counter)
    refs: list[tuple[int, int]] = field(default_factory=list)  # (article number, mention index)
    actor: str | None = None
    descriptors: list[str] = field(default_factory=list)


class _Sets:
    """Union-find over names; a set holds at most one actor of the list."""

    def __init__(self, names: list[_Name]) -> None:
        self.parent = list(range(len(names)))
        self.actor = [n.actor for n in names]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.actor[ra] and self.actor[rb] and self.actor[ra] != self.actor[rb]:
            return False
        self.parent[rb] = ra
        self.actor[ra] = self.actor[ra] or self.actor[rb]
        return True


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    path = resources.files("newsprism.resources").joinpath("entities", "nationalities.tsv")
    return {row["name"].lower(): row["country"] for row in tsv_rows(path)}


@lru_cache(maxsize=1)
def _region_demonyms() -> dict[str, str]:
    path = resources.files("newsprism.resources").joinpath("entities", "region_demonyms.tsv")
    return {row["name"].lower(): row["region"] for row in tsv_rows(path)}


def _area(region: str, gazetteer: Gazetteer) -> Geo | None:
    """The continent or region of several countries a region demonym refers to, as a derived point."""
    p = next((p for p in gazetteer.exact(region) if p.feature in ("continent", "region")), None)
    return p and Geo(p.feature, p.geonameid, p.name, None, p.lat, p.lon, "derived", f"the people of {p.name}")


LANGUAGES = frozenset("english french german spanish arabic russian chinese mandarin italian portuguese japanese turkish "
                      "persian farsi hebrew kurdish dutch greek korean hindi urdu polish ukrainian swedish".split())
LANGUAGE_BEFORE = re.compile(r"\b(?:in|of|speak|speaks|spoke|speaking|learn|learning|learned|plus|translated|translation|"
                             r"fluent|subtitles|subtitled)\s+$", re.I)
LANGUAGE_VERBS = frozenset("is was will would remains has had provides became becomes".split())


def _is_language(text: str, m: Mention) -> bool:
    """A demonym that names a language here: after "in", "of", "speaks"… with no noun after it ("the
    status of English in the EU", not "in Russian airspace"), or standing alone (before a full stop,
    a bracket, or a verb: "English will remain")."""
    if m.text.lower() not in LANGUAGES:
        return False
    after = text[m.end:m.end + 20]
    if LANGUAGE_BEFORE.search(text[max(0, m.start - 16):m.start]) and _next_word(text, m.end) in STOP_WORDS | {""}:
        return True
    if re.search(r"\bthe\s+$", text[max(0, m.start - 5):m.start], re.I):
        return False  # "the Chinese, meanwhile, said": the people or the state
    return bool(re.match(r"\s*(?:[.,;:)!?]|$)", after)) or _next_word(text, m.end) in LANGUAGE_VERBS


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[\s-]*([A-Za-z-]+)", text[end:end + 30])
    return m.group(1).lower() if m else ""


def _class(text: str, label: str, actors: ActorList, places: set[str], surnames: set[str], gazetteer: Gazetteer) -> str | None:
    """The class the mention's words support, or None for a mention that is not a name."""
    words = fold(text).split()
    if not words or len(words) == 1 and words[0] in STOP_WORDS and not (
            text.replace(".", "").isupper() and gazetteer.by_key.get(key(text))):  # "us", but "US" and "U.S." are the country
        return None
    if actors.find(text):
        return "ORG"
    if label in ("ORG", "LOC") and key(text) in surnames:
        return "PERSON"  # "Al-Adnan’s" read as an organisation, where "Khaled al-Adnan" is named
    if label == "PERSON":
        if all(w in TITLES for w in words) or len(words) == 1 and words[0] in lowercase_words() and key(text) not in surnames:
            return None  # "Jobs" is a name where the story names Steve Jobs
        k = key(text)
        if words[0] in PLACE_PREFIXES and len(words) > 1 or k in places or (
                len(words) <= 2 and any(p.feature in ("country", *DIVISIONS) for p in gazetteer.by_key.get(k, ()))):
            return "LOC"
    if label == "LOC" and words[-1] in GOVERNMENT_WORDS | {"army"}:
        return "ORG"
    if label == "ORG" and any(p.feature == "country" for p in gazetteer.by_key.get(key(text), ())):
        return "LOC"  # "The United States has seen two cases": the country acting, one entity with "the U.S."
    if label == "ORG" and (len(words) > 1 or text in gazetteer.abbreviations) \
            and any(p.feature == "province" and key(p.name) == key(text) or text in gazetteer.abbreviations
                    for p in gazetteer.by_key.get(key(text), ())):
        return "LOC"  # "New South Wales (NSW)", "North Carolina": a division, not an organisation ("Texas" may be a team)
    return label


def _type(cls: str, name: str, actor_type: str | None, actors: ActorList, gazetteer: Gazetteer) -> str:
    if actor_type:
        return actor_type
    if cls == "PERSON":
        return "person"
    if cls == "NORP":
        return "nationality"
    if cls == "LOC":
        return "country" if any(p.feature == "country" for p in gazetteer.by_key.get(key(name), ())) else "place"
    words = set(fold(name).split())
    listed = actors.org_type(name)
    if listed:
        return listed
    if words & GOVERNMENT_WORDS:
        return "government"
    if words & MEDIA_WORDS:
        return "media"
    return "organisation"


def _collect(articles: Sequence[Article], actors: ActorList, gazetteer: Gazetteer) -> tuple[list[_Name], dict[tuple[int, int], str]]:
    """Distinct names, and the state-meaning nationality mentions (ref -> ISO3 country)."""
    people = _used_as_people(articles, gazetteer)
    full_surnames = surnames_in(articles)
    places, called_places = _used_as_places(articles, gazetteer, people, full_surnames)
    surnames = full_surnames | people
    demonyms = _demonyms()
    names: dict[tuple[str, str], _Name] = {}
    state_uses: dict[tuple[int, int], str] = {}
    for ai, article in enumerate(articles):
        for mi, m in enumerate(article.mentions):
            cls = "LOC" if m.label == "ORG" and key(m.text) in called_places and not actors.find(m.text) \
                else _class(m.text, m.label, actors, places, surnames, gazetteer)
            if cls is None:
                continue
            if cls == "NORP" and _is_language(article.source_text, m):
                continue  # "in English", "English is an official EU language": the language, not England
            if cls == "NORP" and _next_word(article.source_text, m.end) in STATE_NOUNS and m.text.lower() in demonyms:
                state_uses[(ai, mi)] = demonyms[m.text.lower()]
                continue
            actor = actors.find(m.text)
            k = ("actor:" + actor.id) if actor else _org_key(m.text) if cls == "ORG" else key(m.text)
            if not k:
                continue
            name = names.setdefault((cls, k), _Name(cls, k, actor=actor.id if actor else None))
            name.spellings[m.text] += 1
            name.refs.append((ai, mi))
            if m.descriptor:
                name.descriptors.append(m.descriptor)
    _short_names_of_organisations(names, gazetteer)
    return _one_class_per_name(names), state_uses


PLACE_WORDS_FIRST = frozenset("fort mount mt lake port camp cape point saint st san santa glen isle".split())
IN_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|into|across|around|throughout|towards?)\s+(?:the\s+)?$", re.I)
PLACE_NAME_ENDS = re.compile(r"\s(?:County|Parish|Province|Island|Islands|Peninsula|Governorate)$")


def surnames_in(articles: Sequence[Article]) -> set[str]:
    """Keys of the last words of people named in full ("Jackson" of "Andrew Jackson")."""
    return {key(m.text).split()[-1] for a in articles for m in a.mentions if m.label == "PERSON" and len(key(m.text).split()) > 1}


FEATURE_OF_BEFORE = re.compile(r"(?:\b(?:town|village|city|district|province|county|suburb|neighbou?rhood|region|residents?|natives?)"
                               r"|, \d{1,3},)\s+of\s+$", re.I)
# words that make the name beside them a person's: "President Trump", "Chief Oyegun"; "Noma said", "said Noma"
PERSON_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|President|Senator|Sen|Rep|Governor|Gov|Mayor|Judge|Chief|"
                                 r"Pope|Cardinal|Imam|Ayatollah|Actress|Actor|Coach|Sheikh)\.?\s+$")
SPEECH_AFTER = re.compile(r"[’']?s?\s+(?:said|says|told|tweeted|wrote|added|accused|argued|claimed|insisted|explained|"
                          r"stated|posted|noted|recalled|admitted|denied|replied|asked)\b")
SPEECH_BEFORE = re.compile(r"[,”\"]\s*(?:said|says|added|explained|asked|wrote|tweeted)\s+$")


def _used_as_places(articles: Sequence[Article], gazetteer: Gazetteer, people: set[str],
                    full_surnames: set[str]) -> tuple[set[str], set[str]]:
    """Keys of the names the text uses as places, and of those among them that words before them
    call places ("the town of Kasba Bonli", "the eastern province of Anhui", "Mark Kitsmore, 54, of
    Tyler"), whatever the model read. A name read as a place somewhere is one wherever it is read as
    a person, unless the text has it speak; so is a name the gazetteer knows that the model read as
    a person and that is written where a place goes ("in Khayelitsha", "at Schiphol") in at least
    half of its uses: not "Kelly", written once after "in" and thirty times as a person."""
    places = {key(m.text) for a in articles for m in a.mentions if m.label == "LOC"} - people
    called = {key(m.text) for a in articles for m in a.mentions
              if m.label in ("LOC", "PERSON", "ORG") and FEATURE_OF_BEFORE.search(a.source_text, max(0, m.start - 24), m.start)}
    read_as_person: Counter[str] = Counter()
    placed_as_person: Counter[str] = Counter()
    for a in articles:
        for m in a.mentions:
            if m.label == "PERSON" and len(m.text.split()) <= 3:
                read_as_person[key(m.text)] += 1
                placed_as_person[key(m.text)] += bool(IN_PLACE_BEFORE.search(a.source_text, max(0, m.start - 16), m.start))
    placed = {k for k, n in placed_as_person.items() if n and 2 * n >= read_as_person[k] and k not in full_surnames
              and gazetteer.exact(k)}
    return places | called | placed, called


def _used_as_people(articles: Sequence[Article], gazetteer: Gazetteer) -> set[str]:
    """Keys of names read as places or people that the text uses as a person's ("Noma said", "“…,”
    said Noma", "President Trump") and that name no place of standing: a capital or a country may
    speak ("Moscow said"), a village of that name elsewhere does not."""
    found: set[str] = set()
    for a in articles:
        text = a.source_text
        for m in a.mentions:
            if m.label not in ("LOC", "PERSON"):
                continue
            k = key(m.text)
            # "Chrysler said" is a company as often as a person: only a name read as a place counts with it
            if k in found or not (PERSON_TITLE_BEFORE.search(text, max(0, m.start - 16), m.start)
                                  or m.label == "LOC" and SPEECH_AFTER.match(text, m.end)  # not "Students in Parkland said"
                                  and not LOCATIVE_BEFORE.search(text, max(0, m.start - 24), m.start)
                                  or SPEECH_BEFORE.search(text, max(0, m.start - 16), m.start)):
                continue
            words = m.text.split()
            if len(words) <= 2 and fold(words[0]) not in PLACE_PREFIXES | PLACE_WORDS_FIRST \
                    and not any(of_standing(p) or p.feature == "region" for p in gazetteer.exact(m.text)):
                found.add(k)  # not "Fort Hood said", nor "The New York Times says"
    return found


def _short_names_of_organisations(names: dict[tuple[str, str], _Name], gazetteer: Gazetteer) -> None:
    """A one-word "place" that begins an organisation's name in the story, and is no country,
    division or city of 100,000, is that organisation's short name: "Ford" beside "Ford Motor"."""
    first_words = {k.split()[0] for cls, k in names if cls == "ORG" and len(k.split()) > 1}
    for (cls, k), n in list(names.items()):
        if cls != "LOC" or n.actor or " " in k or k not in first_words:
            continue
        if any(of_standing(p) for p in gazetteer.exact(k)):
            continue
        del names[(cls, k)]
        n.cls = "ORG"
        if ("ORG", k) in names:
            _absorb(names[("ORG", k)], n)
        else:
            names[("ORG", k)] = n


def _one_class_per_name(names: dict[tuple[str, str], _Name]) -> list[_Name]:
    """A name the model reads in different classes across the story ("Boeing" an organisation 27
    times, a place 8 times) takes the class it has at least twice as often as any other."""
    by_key: dict[str, list[_Name]] = defaultdict(list)
    for (cls, k), n in names.items():
        if cls in ("PERSON", "ORG", "LOC") and not n.actor:
            by_key[k if cls == "ORG" else _org_key(k)].append(n)  # "Chrysler Group" read as a place is still Chrysler
    for group in by_key.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda n: -len(n.refs))
        major = group[0]
        if len(major.refs) < 2 * len(group[1].refs):
            continue
        for minor in group[1:]:
            _absorb(major, minor)
            del names[(minor.cls, minor.key)]
    return list(names.values())


def _absorb(into: _Name, other: _Name) -> None:
    """`other`'s spellings, mentions and descriptors become `into`'s."""
    into.spellings.update(other.spellings)
    into.refs = sorted(into.refs + other.refs)
    into.descriptors += other.descriptors


def _org_key(text: str) -> str:
    """An organisation's key without its legal form: "Ford Motor Company", "Chrysler LLC"."""
    words = key(text).split()
    while len(words) > 1 and words[-1] in CORPORATE:
        words.pop()
    if len(words) > 1 and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]  # "Ford Motors" is "Ford Motor"
    return " ".join(words)


def _acronym_definitions(articles: Sequence[Article]) -> list[tuple[str, str]]:
    """(name, acronym) pairs written as "Name (ACR)"."""
    pairs = []
    for article in articles:
        for m in article.mentions:
            after = re.match(r"\s*\(\s*([A-Z][A-Za-z.]{1,7})\s*\)", article.source_text[m.end:m.end + 14])
            if after and is_acronym(after.group(1)):
                pairs.append((m.text, after.group(1).replace(".", "")))
    return pairs


def _different_places(a: str, b: str, gazetteer: Gazetteer) -> bool:
    """Both names are in the gazetteer, and no entry answers to both: "Niger" and "Nigeria", "Tunis"
    and "Tunisia" read alike but are different places ("Homs" and "Hums" share an entry)."""
    def entries(name: str) -> set[tuple[int | None, str, str]]:
        return {(p.geonameid, p.country, p.feature) for p in gazetteer.exact(name)}

    first, second = entries(a), entries(b)
    return bool(first) and bool(second) and not first & second


def _join_names(names: list[_Name], articles: Sequence[Article], gazetteer: Gazetteer) -> _Sets:
    sets = _Sets(names)
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        for spelling in n.spellings:
            by_key[(n.cls, key(spelling))].append(i)
            if n.cls == "ORG" and is_acronym(spelling.replace(".", "")):
                by_key[("ACR", spelling.replace(".", "").upper())].append(i)
    # acronyms: defined in the text, or the initials of a longer name in the story
    for name, short in _acronym_definitions(articles):
        for i in by_key.get(("ORG", key(name)), []):
            for j in by_key.get(("ACR", short), []):
                sets.join(i, j)
    for i, n in enumerate(names):
        if n.cls == "ORG":
            for spelling in n.spellings:
                if len(spelling.split()) >= 2:
                    for j in by_key.get(("ACR", acronym(spelling)), []):
                        sets.join(i, j)
    # transliterations of the same words
    by_skeleton: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        for spelling in n.spellings:
            by_skeleton[(n.cls, skeleton(spelling))].append(i)
    for group in by_skeleton.values():
        for a in group:
            for b in group:
                first, second = next(iter(names[a].spellings)), next(iter(names[b].spellings))
                if a < b and similar(key(first), key(second)) >= 0.9 and not (
                        names[a].cls == "LOC" and _different_places(first, second, gazetteer)):
                    sets.join(a, b)
    # the people of one country or region, however written ("Syrian" and "Syrians", "European" and "Europeans")
    by_people: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        if n.cls == "NORP":
            for spelling in n.spellings:
                if whose := _demonyms().get(spelling.lower()) or _region_demonyms().get(spelling.lower()):
                    by_people[whose].append(i)
    for group in by_people.values():
        for j in group[1:]:
            sets.join(group[0], j)
    # places written with a direction ("East Ghouta", "eastern Ghouta"); not "northern Syria" and Syria
    by_core: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        if n.cls == "LOC":
            for spelling in n.spellings:
                bare, _ = core(spelling)
                if bare != spelling and not is_own_name(spelling, gazetteer):  # not "North" and "South Carolina"
                    by_core[(direction(spelling), key(bare))].append(i)  # not "West Africa" and "Central Africa"
    for group in by_core.values():
        for j in group[1:]:
            sets.join(group[0], j)
    # a part of one longer name of the same class; a surname of one full name
    by_word: dict[tuple[str, str], list[int]] = defaultdict(list)  # (class, word) -> names with that word
    for j, other in enumerate(names):
        if not other.key.startswith("actor:"):
            for word in set(other.key.split()):
                by_word[(other.cls, word)].append(j)
    for i, n in enumerate(names):
        words = n.key.split()
        if n.key.startswith("actor:") or not words:
            continue
        longer = [j for j in by_word.get((n.cls, words[0]), ()) if j != i
                  and len(names[j].key.split()) > len(words) and _part_of(words, names[j].key.split(), n.cls)]
        roots = {sets.find(j) for j in longer}
        if len(roots) == 1:
            sets.join(longer[0], i)
        elif len(roots) > 1:  # "Apple": "Apple Computer" or "Apple Corps"? the one it shares most articles with
            seen = {a for a, _ in n.refs}
            shared = Counter()
            for j in longer:
                shared[sets.find(j)] += len(seen & {a for a, _ in names[j].refs})
            (best, top), (_, second) = shared.most_common(2)
            if top >= 2 and top >= 2 * second:
                sets.join(best, i)
    return sets


def _part_of(words: list[str], longer: list[str], cls: str) -> bool:
    if cls == "PERSON":
        return len(words) == 1 and longer[-1] == words[0]
    if cls == "ORG" and len(words) == 1:
        return longer[0] == words[0]  # "Ford" / "Ford Motor"
    if cls in ("ORG", "LOC") and len(words) >= 2:
        n = len(words)
        return any(longer[k:k + n] == words for k in range(len(longer) - n + 1))
    return False


def _canonical(spellings: Counter[str]) -> str:
    return max(spellings, key=lambda s: (len(key(s).split()), spellings[s], len(s)))


def link_entities(articles: Sequence[Article], actors: ActorList, gazetteer: Gazetteer) -> tuple[tuple[Entity, ...], tuple[Equation, ...]]:
    names, state_uses = _collect(articles, actors, gazetteer)
    sets = _join_names(names, articles, gazetteer)
    groups: dict[int, list[_Name]] = defaultdict(list)
    for i, n in enumerate(names):
        groups[sets.find(i)].append(n)
    iso3 = {c.iso3: c.iso for c in gazetteer.countries.values()}
    built: list[dict] = []
    for members in groups.values():
        spellings: Counter[str] = Counter()
        for n in members:
            spellings.update(n.spellings)
        actor_id = next((n.actor for n in members if n.actor), None)
        actor = actors.actors.get(actor_id) if actor_id else None
        name = actor.name if actor else _canonical(spellings)
        cls = members[0].cls
        built.append({"name": name, "cls": cls, "actor": actor, "members": members,
                      "type": _type(cls, name, actor.type if actor else None, actors, gazetteer),
                      "refs": sorted(r for n in members for r in n.refs)})
    _add_state_uses(built, state_uses, iso3, gazetteer)
    for b in built:
        if b["type"] == "country" and (division := _division_not_country(b, built, iso3, gazetteer)):
            b["type"], b["division"] = "place", division
    context = _story_context(built, iso3, gazetteer)
    geos = [_geo(b, context, gazetteer) for b in built]
    # the divisions the story's places resolve to ("Florida") then count for its towns ("Parkland")
    divisions = frozenset(code for g in geos
                          if g and g.feature == "province" and (code := gazetteer.division_code(g.country, g.name)))
    if divisions:  # only places depend on them: countries and the rest keep their first answer
        context = replace(context, divisions=divisions)
        geos = [_geo(b, context, gazetteer) if b["type"] == "place" else g for b, g in zip(built, geos)]
    for i, division in _divisions_after_towns(built, geos, articles, gazetteer).items():
        built[i]["division"], built[i]["division_reason"] = division, "the division of the town written before it"
        geos[i] = _geo(built[i], context, gazetteer)
    for b, geo in zip(built, geos):
        b["geo"] = geo
        if b["type"] == "place" and not _placed(b, articles):
            b["type"], b["geo"] = "other", None
        if b["type"] == "nationality":
            demonym = next(iter(b["members"][0].spellings)).lower()
            b["country"] = iso3.get(_demonyms().get(demonym, ""))
            if (region := _region_demonyms().get(demonym)) and (area := _area(region, gazetteer)):
                b["geo"] = area  # "Europeans", "Central American migrants": the people of a continent or a region
        elif b["type"] == "country":
            b["country"] = b["geo"].country if b["geo"] else None
    built = _merge_same_place(built)
    built.sort(key=lambda b: (-len(b["refs"]), b["name"]))
    ids = {id(b): _entity_id(b, articles) for b in built}
    by_actor = {b["actor"].id: ids[id(b)] for b in built if b["actor"]}
    by_country = {b["country"]: ids[id(b)] for b in built if b["type"] == "country" and b.get("country")}
    entities = []
    for b in built:
        relations = tuple((rel, by_actor.get(t) or by_country.get(t) or t) for rel, t in (b["actor"].relations if b["actor"] else ()))
        entities.append(Entity(
            ids[id(b)], b["name"], b["type"], _aliases(b, articles), tuple(MentionRef(articles[a].id, m) for a, m in b["refs"]),
            tuple(dict.fromkeys(d for n in b["members"] for d in n.descriptors)), b["actor"].id if b["actor"] else None,
            relations, b.get("country"), b["geo"]))
    return tuple(entities), tuple(_equations(entities, articles, actors))


def _entity_id(b: dict, articles: Sequence[Article]) -> str:
    """Stable across runs over the same articles; distinct within a story (the first mention differs)."""
    first = b["refs"][0] if b["refs"] else (0, -1)
    seed = f"{b['type']}|{b['name']}|{articles[first[0]].id}|{first[1]}"
    return "ent-" + hashlib.sha1(seed.encode()).hexdigest()[:12]


LOCATIVE_BEFORE = re.compile(r"\b(?:in|on|at|from|to|near|across|outside|inside|into|around|toward|towards|of|through|via|"
                             r"throughout|between|off|along|within)\s+(?:the\s+)?$", re.I)


def _placed(b: dict, articles: Sequence[Article]) -> bool:
    """Whether a "place" the model found is one: the gazetteer knows it, a feature word says what
    kind of place it is ("the al-Ghab plain"), or the text uses it as a place somewhere ("in
    Bywater", "on Royal Street", "from Oahu"). Else it is a name of unknown kind ("Brexit",
    "Tamiflu", "Eurostar", a surname read as a place), not an unresolved place."""
    geo = b["geo"]
    if geo is None or geo.lat is not None or geo.feature != "place":
        return True
    if any(LEADING.match(s) or PLACE_NAME_ENDS.search(s) for n in b["members"] for s in n.spellings):
        return True  # "Eastern Kalamoun", "Pike County": a direction or a feature in the name says it is somewhere
    for ai, mi in b["refs"]:
        m = articles[ai].mentions[mi]
        if LOCATIVE_BEFORE.search(articles[ai].source_text[max(0, m.start - 24):m.start]):
            return True
    return False


def _story_context(built: list[dict], iso3: dict[str, str], gazetteer: Gazetteer) -> Context:
    """Where the story is: the countries it names and its nationalities' countries, and the
    countries of the places it names that only one country has as a division or a city of 100,000
    ("Texas", "Houston": the story is American), each by mentions."""
    named: Counter[str] = Counter()
    for b in built:
        if b["type"] == "country":
            named[_country_of(b, gazetteer)] += len(b["refs"])
        elif b["type"] == "nationality":
            iso = iso3.get(_demonyms().get(next(iter(b["members"][0].spellings)).lower(), ""))
            if iso:
                named[iso] += len(b["refs"])
    named.pop("", None)
    placed: Counter[str] = Counter()
    parts: Counter[str] = Counter()  # from names with a direction word: "West Midlands" is not Zimbabwe's Midlands
    for b in built:
        if b["type"] != "place":
            continue
        spellings = {s for n in b["members"] for s in n.spellings}
        salient = {p.country for c in {core(s)[0] for s in spellings} for p in gazetteer.exact(c)
                   if p.feature in DIVISIONS or p.population >= 100_000}
        if len(salient) == 1:
            directional = all(direction(s) and not is_own_name(s, gazetteer) for s in spellings)
            (parts if directional else placed)[salient.pop()] += len(b["refs"])
    known = named + placed
    # a part of a place ("northern Idlib") says where the story is only where nothing else does, or agrees
    for iso, n in parts.items():
        if not known or iso in known:
            placed[iso] += n
    return Context.of(named + placed, gazetteer)


def _country_of(b: dict, gazetteer: Gazetteer) -> str:
    if b.get("iso"):  # a country the story names only through its nationality ("Russian troops")
        return b["iso"]
    for spelling in (s for n in b["members"] for s in n.spellings):
        for p in gazetteer.by_key.get(key(spelling), ()):
            if p.feature == "country":
                return p.country
    return ""


def _add_state_uses(built: list[dict], state_uses: dict[tuple[int, int], str], iso3: dict[str, str], gazetteer: Gazetteer) -> None:
    """Nationalities meaning the state join their country's entity (created when the story never names it)."""
    countries = {_country_of(b, gazetteer): b for b in built if b["type"] == "country"}
    for ref, country3 in state_uses.items():
        iso = iso3.get(country3)
        if not iso:
            continue
        target = countries.get(iso)
        if target is None:
            country = gazetteer.country(iso)
            target = {"name": country.place.name if country else iso, "cls": "LOC", "actor": None, "members": [],
                      "type": "country", "refs": [], "iso": iso}
            countries[iso] = target
            built.append(target)
        target["refs"] = sorted(target["refs"] + [ref])


def _division_not_country(b: dict, built: list[dict], iso3: dict[str, str], gazetteer: Gazetteer) -> Place | None:
    """The division a country's name means where it is also a division's name elsewhere: "Georgia"
    in a story whose other places are American and where nothing else points to Georgia the
    country (no "Tbilisi", no "Georgian")."""
    iso = _country_of(b, gazetteer)
    divisions = [p for n in b["members"] for s in n.spellings for p in gazetteer.exact(s)
                 if p.feature == "province" and p.country != iso]
    if not divisions:
        return None
    others = _story_context([x for x in built if x is not b], iso3, gazetteer).countries
    best = max(divisions, key=lambda p: others[p.country])
    return best if others[best.country] > 0 and others[iso] == 0 else None


def _divisions_after_towns(built: list[dict], geos: list[Geo | None], articles: Sequence[Article],
                           gazetteer: Gazetteer) -> dict[int, Place]:
    """Places written after a town and a comma that name the town's division ("Tacoma, Washington":
    the state, not the capital), by the entity's position in `built`."""
    towns: dict[tuple[int, int], Place] = {}  # (article, end of a town's mention) -> the town
    for b, g in zip(built, geos):
        if b["type"] == "place" and g and g.geonameid and g.feature not in ("province", "country", "region"):
            town = next((p for p in gazetteer.exact(g.name or "") if p.geonameid == g.geonameid and p.admin1), None)
            if town:
                towns.update({(a, articles[a].mentions[m].end): town for a, m in b["refs"]})
    out: dict[int, Place] = {}
    for i, (b, g) in enumerate(zip(built, geos)):
        if b["type"] != "place" or b.get("division") or (g and g.feature == "province"):
            continue
        for a, m in b["refs"]:
            start = articles[a].mentions[m].start
            town = towns.get((a, start - 2)) if articles[a].source_text[start - 2:start] == ", " else None
            division = town and next((p for s in b["members"][0].spellings for p in gazetteer.exact(s) if p.feature == "province"
                                      and (p.country, p.admin1) == (town.country, town.admin1)), None)
            if division:
                out[i] = division
                break
    return out


def _geo(b: dict, context: Context, gazetteer: Gazetteer) -> Geo | None:
    if b.get("division"):
        p = b["division"]
        return Geo("province", p.geonameid, p.name, p.country, p.lat, p.lon, "exact", b.get("division_reason") or
                   f"a division of {p.country}, where the story's other places are, not the country of that name")
    if b["type"] == "country":
        iso = _country_of(b, gazetteer)
        country = gazetteer.country(iso) if iso else None
        if country:
            p = country.place
            return Geo("country", p.geonameid, p.name, p.country, p.lat, p.lon, "exact", "a country")
        return None
    if b["type"] != "place":
        return None
    spellings = Counter(s for n in b["members"] for s in n.spellings.elements())
    return geocode([s for s, _ in spellings.most_common()], context, gazetteer)


def _merge_same_place(built: list[dict]) -> list[dict]:
    """Places (and countries: "U.S.", "United States") that geocode to the same gazetteer entry are
    one: the same GeoNames id, or, for a division the lists give no id ("Hama province", "the
    province of Idlib"), the same division."""
    kept: dict[object, dict] = {}
    out = []
    for b in built:
        geo = b.get("geo")
        gid = None
        if geo and b["type"] in ("place", "country") and geo.feature != "region" and geo.lat is not None:
            gid = geo.geonameid or ((geo.feature, geo.country, geo.name) if geo.feature in DIVISIONS else None)
        if gid and gid in kept:
            first = kept[gid]
            first["members"] = first["members"] + b["members"]
            first["refs"] = sorted(first["refs"] + b["refs"])
            if len(b["refs"]) > len(first["refs"]) - len(b["refs"]) and not first["actor"]:
                first["name"] = b["name"]
            if b["type"] == "country" and first["type"] == "place":  # the country, whatever else was read as a place of it
                first["type"], first["name"], first["geo"] = "country", b["name"], b["geo"]
            continue
        if gid:
            kept[gid] = b
        out.append(b)
    return out


def _aliases(b: dict, articles: Sequence[Article]) -> tuple[Alias, ...]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for a, m in b["refs"]:
        article = articles[a]
        counts[article.mentions[m].text][article.outlet or article.source] += 1
    return tuple(Alias(name, dict(c)) for name, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())))


def _equations(entities: Sequence[Entity], articles: Sequence[Article], actors: ActorList) -> list[Equation]:
    """Sentences that tie together two actors the list keeps apart but relates (Nusra Front, HTS)."""
    listed = [e for e in entities if e.actor]
    pairs = [(a, b) for a in listed for b in listed if a.id < b.id and actors.related(a.actor, b.actor)]
    by_article: dict[str, Article] = {a.id: a for a in articles}
    out = []
    for a, b in pairs:
        # sentence -> the spans of either actor's mentions in it, and which actors those are
        sentences: dict[tuple[str, int, int], list[tuple[int, int, str]]] = defaultdict(list)
        for e in (a, b):
            for ref in e.mentions:
                m = by_article[ref.article_id].mentions[ref.mention]
                sentences[(ref.article_id, m.sentence.start, m.sentence.end)].append((m.start, m.end, e.id))
        for (article_id, s, t), spans in sentences.items():
            if len({eid for _, _, eid in spans}) < 2:
                continue
            spans.sort()
            text = by_article[article_id].source_text
            between = text[spans[0][1]:spans[-1][0]]
            equating = EQUATING.search(between) or EQUATING.search(text[s:t]) or re.search(r"\(", between)
            relating = RELATING.search(text[s:t])
            if relating:
                how, cue = "relates", relating.group(0)
            elif equating:
                how, cue = "equates", equating.group(0)
            else:
                continue
            article = by_article[article_id]
            out.append(Equation(a.id, b.id, article_id, article.outlet, how, cue, Span(s, t)))
    return out
