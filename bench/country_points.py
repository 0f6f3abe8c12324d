"""Where to put a country: the share of toponyms placed within 161 km on the dev splits of
GeoWebNews (GeoNames' points) and GeoVirus (Wikipedia's), with each country at its largest
polygon's centroid, at the CIA World Factbook point REST Countries gives, or at points between
them (tools/build_geo_lists.py ships the halfway point). Toponyms placed at some other point
(towns, divisions) count as they are. Needs countryinfo (`make geo-lists` installs it).
Usage: python bench/country_points.py [--split dev|test]
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from geo_toponyms import DATA, predictions

from newsprism.evaluation.geo import km, read_geovirus, read_geowebnews

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from build_geo_lists import _centre, _countryinfo  # noqa: E402

WEIGHTS = [w / 10 for w in range(11)]  # of the centroid; 0.5 is what newsprism ships


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="dev", choices=["dev", "test"])
    args = parser.parse_args()
    info = _countryinfo()
    table = ROOT / "src" / "newsprism" / "resources" / "geo" / "countries.tsv"
    rows = [r for r in csv.DictReader((line for line in table.open(encoding="utf-8") if not line.startswith("#")), delimiter="\t")]
    shipped = {(round(float(r["lat"]), 4), round(float(r["lon"]), 4)): r["iso"] for r in rows}
    hits: Counter[tuple[str, float]] = Counter()
    totals: Counter[str] = Counter()
    for corpus, docs in (("GeoWebNews", read_geowebnews(DATA / "GeoWebNews.xml")), ("GeoVirus", read_geovirus(DATA / "GeoVirus.xml"))):
        docs = [d for d in docs if d.split == args.split]
        predicted = predictions(docs, demonyms=corpus == "GeoWebNews")
        for d in docs:
            found = {(p.start, p.end): p for p in predicted[d.name]}
            for t in d.toponyms:
                p = found.get((t.start, t.end))
                if p is None or t.lat is None:
                    continue
                totals[corpus] += 1
                iso = shipped.get((round(p.lat, 4), round(p.lon, 4))) if p.lat is not None else None
                centre = _centre(info[iso]) if iso in info else None
                factbook = info[iso].get("latlng") if iso in info else None
                for w in WEIGHTS:
                    if centre and factbook:
                        lat, lon = w * centre[0] + (1 - w) * factbook[0], w * centre[1] + (1 - w) * factbook[1]
                    else:
                        lat, lon = p.lat, p.lon
                    hits[corpus, w] += lat is not None and km(t.lat, t.lon, lat, lon) <= 161
    print(f"{args.split}: share within 161 km, by the weight of the centroid (0: Factbook point, 1: centroid)")
    for corpus in ("GeoWebNews", "GeoVirus", "both"):
        n = sum(totals.values()) if corpus == "both" else totals[corpus]
        line = "  ".join(f"{w:.1f}: {100 * (hits['GeoWebNews', w] + hits['GeoVirus', w] if corpus == 'both' else hits[corpus, w]) / n:5.1f}"
                         for w in WEIGHTS)
        print(f"{corpus:10} ({n}) {line}")


if __name__ == "__main__":
    main()
