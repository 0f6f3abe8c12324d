"""Entity rules on top of the statistical NER: the project's own lists, and Arabic name particles.

Lists (resources/entities/*.tsv, versioned; users add rows, or pass their own files as
`extra_lists`, same columns): countries and capitals (LOC), nationalities (NORP), international
organisations and armed groups (ORG). A list match is added where the model found nothing, and
replaces model entities it contains: a longer name ("Syrian Observatory" inside "Syrian Observatory
for Human Rights"), or the same words with the list's type ("Russian" NORP, not LOC); it never
cuts through a model entity. Matching ignores case, but every word of a
match must be capitalised in the text (so "turkey" the bird and "the union" stay out), and a list
name written in capitals ("UN", "PKK") must match exactly.

Ministries: "Defence Ministry", "Ministry of Foreign Affairs", "Interior Ministry" are ORG.
Titles: office titles at the start of a PERSON entity ("Foreign Minister Sergei Lavrov",
"spokeswoman Heather Nauert", "Mr Sejari") are trimmed off; the name alone is the entity. An
entity of another type that ends in a title and a name ("Syrian President Bashar al-Assad" read
as one ORG) becomes the PERSON it names; the words before the title keep their own entities.

Particles: a PERSON entity is extended over an Arabic particle and the name it introduces
("Abu", "Umm", "bin", "ibn" before it; "al-", "el-", "a-" and the next capitalised word after it).
"""
from __future__ import annotations

from collections.abc import Container
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..entities.names import acronym, is_acronym
from ..resources import tsv_rows
from .headline import lowercase_words

LISTS = (("places.tsv", "LOC"), ("nationalities.tsv", "NORP"), ("region_demonyms.tsv", "NORP"), ("organisations.tsv", "ORG"))
SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "al", "el", "a", "bin", "ibn", "wal", "fi", "li", "-", "'s", "’s"})
LEADING_PARTICLES = frozenset({"abu", "umm", "bin", "ibn", "bint"})
JOINING_PARTICLES = frozenset({"al", "el", "a", "ad", "ash", "as", "at", "az", "ar", "an"})
TITLES = frozenset("""mr mrs ms miss dr prof sir president vice prime minister foreign defence defense interior
    secretary general gen col colonel maj major lt lieutenant capt captain sgt sergeant commander chief king
    queen prince sheikh emir ambassador envoy spokesman spokeswoman spokesperson senator rep representative
    governor mayor judge justice pope cardinal rev reverend imam ayatollah deputy state chairman chairwoman
    director official adviser advisor minister's""".split())
ORG_HEADS = frozenset("""ministry ministries department office council army forces force command committee agency
    service services guard police court bank party front brigade brigades movement coalition union government
    administration corps navy staff authority commission directorate secretariat embassy assembly parliament
    motors electric dynamics mills corporation corp company inc ltd group holdings airlines airways industries
    university college institute foundation society association network""".split())
MINISTRY_FIELDS = ["defence", "defense", "foreign", "interior", "health", "finance", "justice", "education",
                   "information", "economy", "energy", "oil", "reconciliation", "religious", "endowments", "trade"]
MINISTRY_PATTERNS = [
    [{"LOWER": {"IN": MINISTRY_FIELDS}, "IS_TITLE": True}, {"LOWER": {"IN": ["ministry", "department"]}, "IS_TITLE": True}],
    [{"LOWER": "ministry", "IS_TITLE": True}, {"LOWER": "of"}, {"IS_TITLE": True, "OP": "+"},
     {"LOWER": {"IN": ["and", "&"]}, "OP": "?"}, {"IS_TITLE": True, "OP": "*"}],
]



class EntityRules:
    def __init__(self, nlp: Language, extra_lists: list[str]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.ministries = Matcher(nlp.vocab)
        self.ministries.add("ORG", MINISTRY_PATTERNS, greedy="LONGEST")
        self.exact: dict[str, str] = {}  # lower-cased name -> exact form, for names in capitals
        folder = resources.files("newsprism.resources").joinpath("entities")
        sources = [(folder.joinpath(f), label) for f, label in LISTS]
        sources += [(Path(p), label) for p in extra_lists for f, label in LISTS if Path(p).name == f]
        for path, label in sources:
            names = [row["name"] for row in tsv_rows(path) if row.get("name")]
            for name in names:
                if name.isupper():
                    self.exact[name.lower()] = name
            self.matcher.add(label, list(nlp.tokenizer.pipe(names)))

    def _acceptable(self, span: Span) -> bool:
        exact = self.exact.get(span.text.lower())
        if exact is not None:
            return span.text == exact
        return all(t.text[:1].isupper() or t.lower_ in SMALL_WORDS or not t.text[:1].isalpha() for t in span)

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, s, e, label=label) for label, s, e in self.matcher(doc, as_spans=False)]
        found = [s for s in found if self._acceptable(s)] + list(self.ministries(doc, as_spans=True))
        found = filter_spans(found)
        ents = list(doc.ents)
        for name, acronym in _defined_acronyms(doc):  # "General Motors (GM)": both are a name, whatever the model saw
            for span in (name, acronym):
                overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
                if all(span.start - (doc[e.start].lower_ == "the") <= e.start and e.end <= span.end for e in overlapping):  # parts
                    ents = [e for e in ents if e not in overlapping] + [span]
        for span in found:
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            if not overlapping:
                ents.append(span)
            elif all(span.start <= e.start and e.end <= span.end for e in overlapping):
                ents = [e for e in ents if e not in overlapping] + [span]  # a longer name, or the list's type
        ents = [_person_after_title(doc, e) or e if e.label_ != "PERSON" else e for e in ents]
        nationalities = {s.start for s in found if s.label_ == "NORP"}
        places = {s.start: s.end for s in found if s.label_ == "LOC"}  # "U.S. President Barack Obama"
        ents = [Span(doc, e.start, e.end, label="ORG") if e.label_ == "PERSON" and doc[e.start].lower_.rstrip(".") in TITLES
                and any(t.lower_ in ORG_HEADS for t in e) else e for e in ents]  # "General Motors" read as a titled person
        people = [_with_particles(doc, _without_title(doc, e, nationalities, places)) if e.label_ == "PERSON" else e for e in ents]
        kept = [e for e in people if e is not None]
        # list entities (a nationality) that a split entity no longer covers come back
        kept += [s for s in found if s.label_ in ("NORP", "LOC") and not any(e.start < s.end and s.start < e.end for e in kept)]
        doc.ents = filter_spans(kept)
        return doc


def _defined_acronyms(doc: Doc) -> list[tuple[Span, Span]]:
    """Names defined with their acronym: capitalised words whose initials (entities.names.acronym)
    spell the capitals in the parentheses after them ("General Motors (GM)", "Syrian Observatory
    for Human Rights (SOHR)")."""
    out = []
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or not is_acronym(doc[i + 1].text) or "." in doc[i + 1].text:
            continue
        start = i  # back over capitalised words and the small words between them
        while start > 0 and (doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha or doc[start - 1].lower_ in SMALL_WORDS):
            start -= 1
        starts = [j for j in range(start, i) if acronym(doc[j].text) and acronym(doc[j:i].text) == doc[i + 1].text]
        if starts:
            out.append((Span(doc, starts[0], i, label="ORG"), Span(doc, i + 1, i + 2, label="ORG")))
    return out


def _person_after_title(doc: Doc, ent: Span) -> Span | None:
    """The PERSON at the end of "<...> <title> <Name>", or None."""
    titles = [i for i in range(ent.start, ent.end - 1) if doc[i].lower_.rstrip(".") in TITLES]
    if not titles or any(t.lower_ in ORG_HEADS for t in ent):  # "Ministry of Foreign Affairs" is an organisation
        return None
    name_start = titles[-1] + 1
    common = lowercase_words()
    name = doc[name_start:ent.end]
    # a name: capitalised words (and particles) that are not common nouns written with a capital
    if all(t.text[:1].isupper() or t.lower_ in JOINING_PARTICLES or t.text == "-" for t in name) \
            and not any(t.lower_ in common for t in name if t.lower_ not in JOINING_PARTICLES):
        return Span(doc, name_start, ent.end, label="PERSON")
    return None


def _without_title(doc: Doc, ent: Span, nationalities: Container[int] = frozenset(),
                   places: dict[int, int] | None = None) -> Span | None:
    """The name without the titles before it ("Turkish Foreign Minister Mevlut Cavusoglu")."""
    start = ent.start
    places = places or {}
    while start < ent.end - 1:
        if doc[start].lower_.rstrip(".") in TITLES or start in nationalities and doc[start + 1].lower_.rstrip(".") in TITLES:
            start += 1
        elif start in places and places[start] < ent.end - 1 and doc[places[start]].lower_.rstrip(".") in TITLES:
            start = places[start]  # a country before a title: "U.S. President …"
        else:
            break
    if start == ent.start:
        return ent
    if doc[start].lower_.rstrip(".") in TITLES:  # "Foreign Minister" alone: a title, not a name
        return None
    return Span(doc, start, ent.end, label=ent.label_) if doc[start].text[:1].isupper() else None


def _with_particles(doc: Doc, ent: Span | None) -> Span | None:
    if ent is None:
        return None
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].lower_ in LEADING_PARTICLES and doc[start - 1].text[:1].isupper():
        start -= 1
    # "al-Assad" is tokenised al / - / Assad
    if end + 2 < len(doc) and doc[end].lower_ in JOINING_PARTICLES and doc[end + 1].text in ("-", "‑") \
            and doc[end + 2].text[:1].isupper() and not doc[end + 2].ent_type_:
        end += 3
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


@Language.factory("newsprism_entity_rules", default_config={"extra_lists": []})
def make_entity_rules(nlp: Language, name: str, extra_lists: list[str]) -> EntityRules:
    return EntityRules(nlp, extra_lists)
