"""Geocoding a place name offline, in the context of the story it comes from.

A name is first reduced to its core ("northern Idlib province" → "Idlib", a province); the feature
words say what kind of place it is (province, region, crossing, camp, town…). Candidates are the
gazetteer's entries with the same key, else another transliteration of it (same consonant
skeleton, and close once vowels are ignored). The story's context decides between them: places in
the countries the story names come first, then their neighbours; then a matching feature, then
population (a first-level division weighs as a city of 300,000; a national capital called by its
name weighs more, a place found only by one of its alternate names less). A name with no
candidate, or with only far-off candidates of no standing (a village of that name on another
continent), stays unresolved, with the reason: no point beats a wrong point.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..entities.names import fold, key, similar
from ..model import Geo
from .gazetteer import DIVISIONS, Gazetteer, Place

DIRECTIONS = r"(?:north|south|east|west|northern|southern|eastern|western|central|north-?western|north-?eastern|" \
             r"south-?western|south-?eastern|northwest|northeast|southwest|southeast|upper|lower|greater|rural|downtown)"
FEATURE_WORDS = {
    "province": "province", "governorate": "province", "state": "province", "region": "region", "district": "province",
    "countryside": "region", "plain": "region", "plains": "region", "valley": "region", "mountains": "region",
    "mountain": "region", "desert": "region", "area": "region", "crossing": "crossing", "border crossing": "crossing",
    "camp": "camp", "city": "city", "town": "town", "village": "village", "airport": "place", "base": "place",
    "airbase": "place", "dam": "place",
}
LEADING = re.compile(rf"^(?:the\s+)?(?:{DIRECTIONS}\s+)+", re.I)
FEATURE_OF = re.compile(r"^(?:the\s+)?(province|governorate|state|city|town|village|region|district)\s+of\s+", re.I)
FEATURE_AFTER = re.compile(r"\s+(" + "|".join(sorted(FEATURE_WORDS, key=len, reverse=True)) + r")$", re.I)
MIN_VARIANT_SIMILARITY = 0.85
SETTLEMENTS = frozenset({"city", "town", "village", "settlement"})
# A candidate outside the story's countries and their neighbours must be at least this populous.
FAR_POPULATION = 100_000
# A first-level division (no population in the lists) weighs as a city of this size: "California"
# is the state, not the town of 11,857 in Missouri; "Aleppo", "Hama" and "New York" are the cities.
PROVINCE_POPULATION = 300_000
# A place found by one of its alternate names, not its own, weighs as one this many times (log10) smaller.
ALTERNATE_PENALTY = 1.5
# A national capital (a city of at least CAPITAL_POPULATION called by the capital's name) weighs this much more.
CAPITAL_BONUS = 2.5
CAPITAL_POPULATION = 100_000
# A town in a division the story names weighs this much more (log10 of population), where no
# division or country has the name.
DIVISION_BONUS = 2.0


@dataclass(frozen=True, slots=True)
class Context:
    """Where the story is: countries named (with weights) and their neighbours, and the divisions
    it names, as (country, GeoNames admin1 code): "Parkland" in a story that names Florida."""

    countries: Counter[str]
    neighbours: frozenset[str]
    divisions: frozenset[tuple[str, str]] = frozenset()

    @staticmethod
    def of(countries: Counter[str], gazetteer: Gazetteer) -> "Context":
        near: set[str] = set()
        for iso in countries:
            country = gazetteer.country(iso)
            if country:
                near |= country.neighbours
        return Context(countries, frozenset(near - set(countries)))


def core(name: str) -> tuple[str, str | None]:
    """The name without direction words and feature words, and the feature those words name."""
    text = name.strip()
    feature = None
    m = FEATURE_OF.match(text)
    if m:
        feature, text = FEATURE_WORDS.get(m.group(1).lower(), "place"), text[m.end():]
    text = LEADING.sub("", text)
    m = FEATURE_AFTER.search(text)
    if m and m.start() > 0:
        feature, text = FEATURE_WORDS[m.group(1).lower()], text[:m.start()]
    text = re.sub(r"^(?:the\s+)", "", text, flags=re.I)
    return text.strip(" -"), feature


def _score(place: Place, how: str, feature: str | None, context: Context, likeness: float = 1.0, own_name: bool = True,
           capital: bool = False, towns_only: bool = False) -> float:
    if how == "exact":
        score = math.log10((PROVINCE_POPULATION if place.feature in DIVISIONS else place.population) + 10)
    else:
        score = 30 * (likeness - MIN_VARIANT_SIMILARITY) + (2.5 if place.feature in DIVISIONS else 0.0)
    if capital:
        score += CAPITAL_BONUS  # "Washington" in the news is the capital before the state
    elif not own_name:
        score -= ALTERNATE_PENALTY  # GeoNames also lists Columbus, Ohio under "Franklin": not what a reporter means
    if place.feature in ("country", "continent"):
        score += 8
    total = sum(context.countries.values()) or 1
    if place.country in context.countries:
        score += 3 + 3 * context.countries[place.country] / total
    elif place.country in context.neighbours:
        score += 1.5
    if feature and (place.feature == feature or feature in SETTLEMENTS and place.feature in SETTLEMENTS):
        score += 5
    if towns_only and place.admin1 and (place.country, place.admin1) in context.divisions:
        score += DIVISION_BONUS  # "Parkland" in a story that names Florida; not a town "California" over the state
    return score


def of_standing(place: Place) -> bool:
    """A continent, a country, a division or a city of FAR_POPULATION: a place known beyond its region."""
    return place.feature in ("continent", "country", *DIVISIONS) or place.population >= FAR_POPULATION


def _acceptable(place: Place, context: Context) -> bool:
    near = place.country in context.countries or place.country in context.neighbours
    return near or of_standing(place) or not context.countries


def _geo(place: Place, feature: str | None, how: str, reason: str) -> Geo:
    kind = feature if place.feature == "settlement" and feature in ("city", "town", "village") else place.feature
    return Geo(kind, place.geonameid, place.name, place.country, place.lat, place.lon, how, reason)


def is_own_name(name: str, gazetteer: Gazetteer) -> bool:
    """A name with a direction or a feature word in it that is a place's own name, a country, a
    continent, a division or a city of 100,000 ("South Carolina", "North Korea", "East Jerusalem",
    "Cape Town"), not a part or a kind of the place it names ("northern Syria", "Idlib province").
    A village called "Middle East" does not make it one."""
    if not (LEADING.match(name) or FEATURE_AFTER.search(name) or FEATURE_OF.match(name)):
        return False
    return any(of_standing(p) or p.feature == "region" for p in gazetteer.exact(_without_article(name)))


def direction(name: str) -> str:
    """The direction a place name leads with, one word per direction ("eastern" and "East" → "east"), or ""."""
    m = LEADING.match(name.strip())
    if not m:
        return ""
    words = re.sub(r"^the\s+", "", m.group(0).strip().lower()).replace("-", "").split()
    return " ".join(re.sub(r"ern$", "", w) for w in words)


def _without_article(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.I).strip(" -")


def geocode(names: list[str], context: Context, gazetteer: Gazetteer) -> Geo:
    """The place the names (one entity's spellings) refer to, or an unresolved Geo saying why."""
    for name in names:  # a region of several countries ("the Middle East", "Central America")
        region = next((p for p in gazetteer.exact(name) if p.feature == "region"), None)
        if region is not None:
            return Geo("region", None, region.name, None, region.lat, region.lon, "derived",
                       "a region of several countries, placed at their mean point")
    feature = None
    cores: list[str] = []
    named = [n for n in names if is_own_name(n, gazetteer)]  # "South Carolina", "North Korea", "West Bank"
    part = not named and all(LEADING.match(n) for n in names)  # "northern Syria": a part of Syria, not Syria
    for name in names:
        if name in named:
            cores.append(_without_article(name))
            continue
        c, f = core(name)
        whole = re.sub(r"^the\s+", "", LEADING.sub("", name.strip()), flags=re.I).strip(" -")
        if f == "city" and whole != c and any(key(p.name) == key(whole) for p in gazetteer.exact(whole)):
            c = whole  # "Kansas City", "Quebec City": "City" is part of the name
        feature = feature or f
        if c and c not in cores:
            cores.append(c)
    if feature in ("region", "crossing", "camp", "place") and not any(gazetteer.exact(c + " " + feature) for c in cores):
        around = next((p for c in cores for p in gazetteer.exact(c) if of_standing(p) and p.country in context.countries), None)
        if feature == "region" and around is not None:  # "the Houston region", "Idlib countryside": the area around it
            return Geo("region", around.geonameid, around.name, around.country, around.lat, around.lon, "derived",
                       f"the area around {around.name}")
        # a plain, a crossing, a camp: the gazetteer's populated places are not it
        return Geo(feature, reason=f"a {feature}: not among the gazetteer's populated places")
    candidates: list[tuple[Place, str, float]] = []
    own: set[tuple[int | None, str]] = set()  # candidates found by their own name
    capitals: set[tuple[int | None, str]] = set()  # … and by a national capital's name
    for c in cores:
        short = len(c) <= 4 and c.replace(".", "").isupper()  # "UK", "U.S.": a country or a division, not a village
        found = [p for p in gazetteer.exact(c) if not short or p.feature in ("country", *DIVISIONS)]
        candidates += [(p, "exact", 1.0) for p in found]
        own |= {(p.geonameid, p.name) for p in found if key(p.name) in (key(c), key(c + " City"))}  # "New York" City
        capitals |= {(p.geonameid, p.name) for p in found if p.feature in SETTLEMENTS and p.population >= CAPITAL_POPULATION
                     and (p.country, key(c)) in gazetteer.capitals}
    if not candidates:  # another transliteration, only in the story's countries
        for c in cores:
            k = key(c)
            for other, p in gazetteer.variants(c):
                if len(k) >= 4 and k[0] == other[0] and p.country in context.countries:
                    likeness = min(similar(k, other), SequenceMatcher(None, k, other).ratio())
                    if likeness >= MIN_VARIANT_SIMILARITY:
                        candidates.append((p, "variant", likeness))
    if not candidates:
        return Geo(feature or "place", reason="not in the gazetteer")
    towns_only = not any(p.feature in ("country", "continent", *DIVISIONS) for p, _, _ in candidates)
    ranked = [(p, how) for p, how, _ in sorted(candidates, key=lambda c: -_score(
        c[0], c[1], feature, context, c[2], c[1] != "exact" or (c[0].geonameid, c[0].name) in own
        or c[0].feature in ("country", *DIVISIONS),  # their other names come from newsprism's own lists ("Calif.")
        (c[0].geonameid, c[0].name) in capitals, towns_only))]
    best, how = ranked[0]
    stripped = not named and any(LEADING.match(n) for n in names)
    if stripped and best.feature in DIVISIONS and context.countries and best.country not in context.countries \
            and best.country not in context.neighbours:
        # "North Eastern Province" (Kenya) is not Fiji's Eastern division, "West Midlands" not Zimbabwe's Midlands
        return Geo(feature or "place", reason=f"{fold(cores[0])!r} with a direction word: the only division of that name is far from the story")
    if not _acceptable(best, context):
        places = len({p.geonameid for p, _, _ in candidates})
        return Geo(feature or "place", reason=f"{places} gazetteer place(s) called {fold(cores[0])!r}, none in or near the story's countries")
    runner = next((p for p, _ in ranked[1:] if p.country != best.country), None)
    reason = f"{how} match in {best.country}"
    if runner is not None:
        reason += f", chosen over {runner.name} ({runner.country}) by the story's context" if best.country in context.countries \
            else f", chosen over {runner.name} ({runner.country})"
    if towns_only and (best.country, best.admin1) in context.divisions:
        reason += ", in a division the story names"
    if part and best.feature in ("country", "continent", *DIVISIONS):  # "northern Syria", "East Africa"
        return Geo("region", best.geonameid, best.name, best.country, best.lat, best.lon, "derived", f"a part of {best.name}")
    return _geo(best, feature, how, reason)
