"""Rebuild src/newsprism/resources/outlets.csv: domain -> outlet name.

Seeded from the (source, url) pairs of ../shared/data/bulk/article-bias-10k.jsonl.gz plus a
hand-kept list of international outlets. Names are cleaned of the corpus' suffixes
("CNN (Web News)" -> "CNN"). Run: .venv/bin/python tools/build_outlets.py
"""
from __future__ import annotations

import collections
import gzip
import json
import re
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared/data/bulk/article-bias-10k.jsonl.gz"
OUT = ROOT / "src/newsprism/resources/outlets.csv"
HAND = {
    "breitbart.com": "Breitbart", "syriadirect.org": "Syria Direct", "haaretz.com": "Haaretz",
    "independent.co.uk": "The Independent", "reuters.com": "Reuters", "apnews.com": "Associated Press",
    "ap.org": "Associated Press", "afp.com": "AFP", "bbc.co.uk": "BBC News", "bbc.com": "BBC News",
    "theguardian.com": "The Guardian", "aljazeera.com": "Al Jazeera", "rt.com": "RT", "sputniknews.com": "Sputnik",
    "tass.com": "TASS", "france24.com": "France 24", "dw.com": "Deutsche Welle", "timesofisrael.com": "The Times of Israel",
    "jpost.com": "The Jerusalem Post", "middleeasteye.net": "Middle East Eye", "dailysabah.com": "Daily Sabah",
    "aa.com.tr": "Anadolu Agency", "sana.sy": "SANA", "presstv.ir": "Press TV", "thenationalnews.com": "The National",
    "arabnews.com": "Arab News", "telegraph.co.uk": "The Telegraph", "thetimes.co.uk": "The Times",
    "ft.com": "Financial Times", "economist.com": "The Economist", "washingtonpost.com": "The Washington Post",
    "latimes.com": "Los Angeles Times", "nbcnews.com": "NBC News", "msnbc.com": "MSNBC", "euronews.com": "Euronews",
    "southfront.org": "South Front", "almasdarnews.com": "Al-Masdar News", "enabbaladi.net": "Enab Baladi",
    "syriahr.com": "Syrian Observatory for Human Rights", "news.un.org": "UN News", "reliefweb.int": "ReliefWeb",
    "foxnews.com": "Fox News", "insider.foxnews.com": "Fox News", "nytimes.com": "The New York Times",
}


def clean(name: str) -> str:
    name = re.sub(r"\s*\((web news|online news|opinion)\)|\s*-\s*(news|opinion)$|\s+online news$", "", name, flags=re.I)
    return name.strip()


def main() -> None:
    seen: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    with gzip.open(BULK, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            domain = urlparse(record["url"]).netloc.lower().removeprefix("www.")
            if domain:
                seen[domain][clean(record["source"])] += 1
    table = {d: names.most_common(1)[0][0] for d, names in seen.items()}
    table.update(HAND)
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# domain -> outlet name; seeded by tools/build_outlets.py, extend freely\n")
        fh.write("domain,name\n")
        for domain in sorted(table):
            fh.write(f"{domain},\"{table[domain]}\"\n")
    print(f"{len(table)} domains -> {OUT}")


if __name__ == "__main__":
    main()
