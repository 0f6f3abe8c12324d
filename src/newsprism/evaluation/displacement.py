"""The displacement dev set (IDETECT test excerpts and IDMC labelled excerpts, xlsx) and its scorer.

Each row is one excerpt with the labelled figure, reporting term and reporting unit. The
workbooks are read with the standard library (an xlsx file is zipped XML).
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from ..dates.timex import find_times
from ..ingest.language import detect
from ..model import Claim, Span
from ..numbers.claims import HOUSEHOLD_NOUNS, HOUSING_NOUNS, PARTICIPLE_NOUNS, PEOPLE_NOUNS, find_claims

DISPLACEMENT_KINDS = ("displaced", "refugees")
COUNTED = {n.lower() for n in PEOPLE_NOUNS} | HOUSEHOLD_NOUNS | PARTICIPLE_NOUNS
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def read_xlsx(path: Path) -> list[dict[str, str]]:
    """The first sheet as a list of {header: value} rows."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            shared = ["".join(si.itertext()) for si in root.findall("m:si", _NS)]
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    table: list[dict[str, str]] = []
    for row in sheet.iter(f"{{{_NS['m']}}}row"):
        cells: dict[str, str] = {}
        for c in row.findall("m:c", _NS):
            column = re.sub(r"\d", "", c.get("r", ""))
            v = c.find("m:v", _NS)
            text = v.text or "" if v is not None else "".join(c.itertext())
            if c.get("t") == "s":
                text = shared[int(text)]
            cells[column] = text
        table.append(cells)
    if not table:
        return []
    header = table[0]
    return [{header[k]: v for k, v in r.items() if k in header} for r in table[1:]]


@dataclass(frozen=True, slots=True)
class Excerpt:
    dataset: str
    row: int
    text: str
    figure: float | None
    term: str
    unit: str


def _figure(value: str) -> float | None:
    try:
        return float(value.replace(",", ""))
    except ValueError:
        return None


def read_excerpts(folder: Path) -> list[Excerpt]:
    out: list[Excerpt] = []
    for i, r in enumerate(read_xlsx(folder / "IDETECT_test_dataset-NLP.xlsx"), 2):
        if r.get("excerpt"):
            out.append(Excerpt("idetect", i, r["excerpt"], _figure(r.get("Quantity", "")), r.get("Term", ""), r.get("Unit", "")))
    for i, r in enumerate(read_xlsx(folder / "IDMC_fully_labelled.xlsx"), 2):
        if r.get("Excerpt"):
            out.append(Excerpt("idmc", i, r["Excerpt"], _figure(r.get("Displacement figure", "")),
                               r.get("Reporting term", ""), r.get("Reporting unit", "")))
    return out


@dataclass(slots=True)
class DisplacementScores:
    excerpts: int = 0
    with_figure: int = 0
    figure_ok: int = 0
    term_ok: int = 0
    unit_ok: int = 0
    found: int = 0
    not_english: int = 0
    figure_in_text: int = 0  # excerpts whose labelled figure appears in the text as digits
    figure_in_text_ok: int = 0

    def summary(self) -> dict[str, float | int]:
        pct = lambda n, d: round(100 * n / d, 2) if d else 0.0  # noqa: E731
        return {"excerpts": self.excerpts, "with_figure": self.with_figure, "found": self.found,
                "figure_exact": pct(self.figure_ok, self.with_figure), "term": pct(self.term_ok, self.excerpts),
                "unit": pct(self.unit_ok, self.excerpts), "not_english": self.not_english,
                "figure_in_text": self.figure_in_text,
                "figure_exact_where_in_text": pct(self.figure_in_text_ok, self.figure_in_text)}


def normalise_term(term: str) -> str:
    return term.strip().lower()


def split_sentences(text: str) -> list[Span]:
    """Sentence spans for short excerpts (the scorer does not need the language pipeline)."""
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text):
        spans.append(Span(start, m.start()))
        start = m.end()
    spans.append(Span(start, len(text)))
    return spans


def figure(claim: Claim) -> float | None:
    """The claim's figure; for a range, its high end (the labelling convention of this set)."""
    return claim.value if claim.value is not None else claim.high


# a figure followed by a verb, a preposition or punctuation, not by a noun we do not know ("70 trees")
_BARE_FIGURE = re.compile(r"\s*(?:[,.;:)]|$|\w+(?:ing|ed)\b|(?:to|in|at|from|of|who|were|are|had|have|has|remain\w*|still|now)\b)")


def main_displacement_claim(text: str) -> Claim | None:
    """The excerpt's displacement figure: the first displacement count of people or households,
    a precise figure before a bare one followed by a verb ("175,500 staying in shelters") and both
    before a vague one; else the first that counts housing (IDMC uses destroyed homes as a proxy
    only where no one is counted; destroyed before damaged); else the first displacement count."""
    claims = find_claims(text, split_sentences(text), find_times(text))
    found = [c for c in claims if c.kind in DISPLACEMENT_KINDS and c.unit is None]  # counts, not shares or percentages

    def rank(claim: Claim) -> int:
        if claim.counted in COUNTED and claim.counted not in HOUSING_NOUNS:
            return 0 if claim.bound != "vague" else 2  # "hundreds of thousands" is nobody's figure
        if claim.counted is None and claim.bound != "vague" and _BARE_FIGURE.match(text, claim.end):
            return 1  # "at least 175,500 staying in shelters", "forced 17,000 to leave": people
        if claim.counted in HOUSING_NOUNS:
            return 3 if claim.term != "Partially Destroyed Housing" else 4  # a damaged home is still a home
        return 5

    return min(found, key=rank) if found else None  # the first of the best rank


def is_right(claim: Claim | None, ex: Excerpt) -> tuple[bool, bool, bool]:
    """(figure, term, unit) correct."""
    if claim is None:
        return False, False, False
    got = figure(claim)
    return (ex.figure is not None and got is not None and abs(got - ex.figure) < 0.5,
            normalise_term(claim.term or "") == normalise_term(ex.term),
            (claim.reporting_unit or "") == ex.unit.strip().lower())


def score(excerpts: list[Excerpt]) -> dict[str, DisplacementScores]:
    """Scores per dataset and for "all"."""
    per_set: dict[str, DisplacementScores] = {}
    everything = DisplacementScores()
    for ex in excerpts:
        claim = main_displacement_claim(ex.text)
        fig_ok, term_ok, unit_ok = is_right(claim, ex)
        english = detect(ex.text)[0] == "en"
        in_text = ex.figure is not None and str(int(ex.figure)) in re.sub(r"[,.\s]", "", ex.text)
        for s in (per_set.setdefault(ex.dataset, DisplacementScores()), everything):
            s.excerpts += 1
            s.found += claim is not None
            s.with_figure += ex.figure is not None
            s.figure_ok += fig_ok
            s.term_ok += term_ok
            s.unit_ok += unit_ok
            s.not_english += not english
            s.figure_in_text += in_text
            s.figure_in_text_ok += in_text and fig_ok
    return dict(sorted(per_set.items())) | {"all": everything}
