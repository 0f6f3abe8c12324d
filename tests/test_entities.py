"""Entities and places: transliteration keys, linking across the demo's outlets, the actor list's
separations, offline geocoding, the store, bad input, and the geoparsing floors."""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pytest
from conftest import DEMO, shared
from spacy.lang.en.stop_words import STOP_WORDS

from newsprism.api import run
from newsprism.entities.actors import actor_list
from newsprism.entities.link import _is_language, link_entities
from newsprism.entities.mentions import ListedNames, _trimmed, block_mentions, missed_mentions, pattern_places, standing_places
from newsprism.entities.names import acronym, key, skeleton
from newsprism.evaluation.articles import plain_article
from newsprism.evaluation.geo import inside
from newsprism.geo.gazetteer import default_gazetteer
from newsprism.geo.geocode import Context, geocode
from newsprism.model import Block, Entity, Mention, Span, Story
from newsprism.nlp.pipeline import load_pipeline
from newsprism.nlp.sentences import SentenceIndex
from newsprism.settings import Settings
from newsprism.store import StoreReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Story, Path]:
    out = tmp_path_factory.mktemp("entities")
    story, _ = run([DEMO], out)
    return story, out


def _entity_of(story: Story, spelling: str) -> Entity:
    found = [e for e in story.entities if any(a.name == spelling for a in e.aliases)]
    assert len(found) == 1, f"{spelling!r} in {len(found)} entities"
    return found[0]


def _story_of(tmp_path: Path, text: str) -> Story:
    """The story of one plain-text page holding `text`, through the whole job."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    page = tmp_path / "page.txt"
    page.write_text(text + "\n", encoding="utf-8")
    return run([page], tmp_path / "out")[0]


@pytest.mark.parametrize("a,b", [
    ("Khan Sheikhoun", "Khān Shaykhūn"), ("Jisr al-Shughour", "Jisr ash Shughūr"), ("Jebat Al-Nusra", "Jabhat a-Nusra"),
    ("Hay’at Tahrir a-Sham", "Hayat Tahrir al-Sham"), ("U.N.", "UN"), ("Maarat al-Numan", "Ma‘arrat an Nu‘mān"),
])
def test_transliterations_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_keys_and_acronyms() -> None:
    assert key("Hay’at Tahrir a-Sham") == key("Hayat Tahrir al-Sham")
    assert key("the U.S. State Department") == "us state department"
    assert acronym("Hayat Tahrir al-Sham") == "HTS"
    assert acronym("Syrian Observatory for Human Rights") == "SOHR"


def test_demo_every_spelling_lands_in_its_entity(demo) -> None:
    story, _ = demo
    hts = _entity_of(story, "Hayat Tahrir al-Sham")
    assert {"Hay’at Tahrir al-Sham", "Tahrir al-Sham", "HTS", "Hay’at Tahrir a-Sham"} <= {a.name for a in hts.aliases}
    assert hts.type == "armed_group"
    nusra = _entity_of(story, "Jebat Al-Nusra")
    assert {"Jabhat a-Nusra", "Nusra Front", "Al-Nusra"} <= {a.name for a in nusra.aliases}
    assert nusra.id != hts.id  # the actor list keeps them apart
    assert ("predecessor_of", hts.id) in nusra.relations
    assad = _entity_of(story, "Bashar al-Assad")
    assert {"Assad", "Bashar Assad"} <= {a.name for a in assad.aliases} and assad.type == "person"
    un = _entity_of(story, "United Nations")
    assert {"U.N.", "UN"} <= {a.name for a in un.aliases} and un.type == "international_organisation"
    assert _entity_of(story, "Sejari").name == "Mustafa Sejari"
    assert _entity_of(story, "Lavrov").name == "Sergei Lavrov"
    assert "Turkish foreign minister" in _entity_of(story, "Mevlut Cavusoglu").descriptors
    assert _entity_of(story, "FSA") == _entity_of(story, "Free Syrian Army")
    assert _entity_of(story, "Syrian Observatory") == _entity_of(story, "Syrian Observatory for Human Rights")
    # a division named with its feature word is the division named without it; a part of it is not it
    assert _entity_of(story, "province of Idlib") == _entity_of(story, "Idlib") != _entity_of(story, "northern Idlib")
    assert _entity_of(story, "Hama province") == _entity_of(story, "Hama")
    # "Russian jets" is Russia the state; aliases count mentions per outlet
    russia = _entity_of(story, "Russia")
    assert russia.type == "country" and "Russian" in {a.name for a in russia.aliases}
    assert sum(sum(a.outlets.values()) for a in russia.aliases) == len(russia.mentions)


def test_demo_nusra_hts_question_per_outlet(demo) -> None:
    story, _ = demo
    hts, nusra = _entity_of(story, "Hayat Tahrir al-Sham"), _entity_of(story, "Jebat Al-Nusra")
    stances = {(q.outlet, q.how) for q in story.equations if {q.a, q.b} == {hts.id, nusra.id}}
    assert ("Syria Direct", "equates") in stances  # "Jabhat a-Nusra … referring to … Hay’at Tahrir a-Sham (HTS)"
    assert ("unidentified pro-Kremlin site", "equates") in stances  # "(formerly Jebat Al-Nusra)"
    assert ("The Independent", "relates") in stances  # "spearheaded by … previously known as the Nusra Front"


GEONAMES = {"Khan Sheikhoun": 168325, "Maarat al-Numan": 167611, "Jisr al-Shughour": 169023, "a-Tamanah": None,
            "Damascus": 170654, "Armanaz": None}


def test_demo_places_on_the_map_or_listed(demo) -> None:
    story, _ = demo
    for spelling, geonameid in GEONAMES.items():
        geo = _entity_of(story, spelling).geo
        assert geo is not None and geo.country == "SY", spelling
        if geonameid:
            assert geo.geonameid == geonameid, spelling
    assert _entity_of(story, "Ankara").geo.country == "TR"
    # places GeoNames lacks stay unresolved, with the reason, never a wrong point
    for spelling in ("al-Latamenah", "Kafr Dariyan", "al-Ghab plain", "Hazarin"):
        geo = _entity_of(story, spelling).geo
        assert geo.lat is None and geo.reason, spelling
    assert _entity_of(story, "al-Ghab plain").geo.feature == "region"
    # every place entity is either placed or listed with why not
    for e in story.entities:
        if e.type in ("place", "country"):
            assert e.geo is not None and (e.geo.lat is not None or e.geo.reason), e.name


def test_context_decides_between_places() -> None:
    gazetteer = default_gazetteer()
    syria = Context.of(Counter({"SY": 5}), gazetteer)
    texas = Context.of(Counter({"US": 5}), gazetteer)
    assert geocode(["Damascus"], syria, gazetteer).country == "SY"
    assert geocode(["Paris"], texas, gazetteer).country == "US"  # Paris, Texas, in an American story
    assert geocode(["Paris"], Context.of(Counter({"FR": 3}), gazetteer), gazetteer).country == "FR"
    # a far-off village is not trusted outside the story's region; a transliteration only inside its countries
    assert geocode(["Maaret al-Noman"], texas, gazetteer).lat is None
    assert geocode(["Khan Shaykhoun"], texas, gazetteer).lat is None
    assert geocode(["Khan Shaykhoun"], syria, gazetteer).geonameid == 168325
    assert geocode(["northern Syria"], syria, gazetteer).feature == "region"
    # a state before a small town of its name, a capital before a state, a place's own name before an old one
    assert (geocode(["California"], texas, gazetteer).feature, geocode(["California"], texas, gazetteer).name) == ("province", "California")
    assert geocode(["Washington"], texas, gazetteer).geonameid == 4140963  # the capital, not Washington state
    assert geocode(["New York"], texas, gazetteer).name == "New York City"
    assert geocode(["Kansas City"], texas, gazetteer).name == "Kansas City"  # "City" is part of the name
    assert geocode(["Franklin"], texas, gazetteer).name == "Franklin"  # not Columbus, Ohio, which GeoNames also lists under that name
    assert geocode(["Aleppo"], syria, gazetteer).feature == "city"


@pytest.mark.parametrize("name, feature, place", [
    # a direction word that is part of the name: the place itself, not a part of what follows
    ("South Carolina", "province", "South Carolina"), ("West Virginia", "province", "West Virginia"),
    ("South Africa", "country", "South Africa"), ("North Korea", "country", "North Korea"),
    ("the West Bank", "province", "West Bank"), ("South America", "continent", "South America"),
    ("Cape Town", "city", "Cape Town"),  # "Town" is part of the name: not a town called "Cape"
    # a direction word that is not: a part of the place
    ("northern Syria", "region", "Syria"), ("East Africa", "region", "East Africa"),
    # regions of several countries (resources/geo/regions.tsv), not a US village called "Middle East"
    ("the Middle East", "region", "Middle East"), ("Central America", "region", "Central America"),
])
def test_names_with_a_direction_or_a_feature_word(name: str, feature: str, place: str) -> None:
    gazetteer = default_gazetteer()
    found = geocode([name], Context.of(Counter({"US": 3, "SY": 2}), gazetteer), gazetteer)
    assert (found.feature, found.name) == (feature, place) and found.lat is not None


def test_store_keeps_entities_and_mentions(demo) -> None:
    story, out = demo
    reader = StoreReader(out / "newsprism.db")
    stored = {e.id: e for e in reader.entities()}
    assert stored == {e.id: e for e in story.entities}
    assert {(q.a, q.b, q.article_id, q.how) for q in reader.equations()} == {(q.a, q.b, q.article_id, q.how) for q in story.equations}
    loaded = {a.id: a for a in reader.articles()}
    for a in story.articles:
        assert loaded[a.id].mentions == a.mentions
    reader.close()


def test_bad_input_gives_sensible_entities(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    body = (DEMO / "004_ef325f0aac841b1b.txt").read_text(encoding="utf-8")
    (pages / "caps.txt").write_text(body.upper(), encoding="utf-8")
    (pages / "plain.txt").write_text("Title: quiet day\n\n" + "nothing happened here today and nobody said anything at all. " * 8,
                                     encoding="utf-8")
    (pages / "arabic.txt").write_text("Title: Idlib\n\n" + "The town of Idlib is called إدلب in Arabic, and Moscow is Москва. " * 6,
                                      encoding="utf-8")
    story, _ = run([pages], tmp_path / "out", Settings())
    assert len(story.articles) == 3
    names = {a.name for e in story.entities for a in e.aliases}
    assert "Idlib" in names and "Moscow" in names
    # the ALL-CAPS page's pronouns and prepositions are not names, however often they repeat
    assert not {n for n in names if n.lower() in STOP_WORDS and n != "US"}, names
    for e in story.entities:
        assert e.mentions and e.aliases


FLOORS = {  # measured on the dev splits (bench/geo_toponyms.py), floors a little under
    "GeoWebNews": {"f1": 78.6, "resolved_within_161km": 82.7, "resolved_same_entry_or_161km": 85.4, "resolved_right_place": 85.7},
    # countries' points moved halfway to the Factbook's (GeoNames' convention): GeoWebNews within 161 km +7.7,
    # GeoVirus (Wikipedia's points) -2.4 (docs/quality.md); the right-place rate does not depend on the convention.
    # Resolution rates are shares of the recognised toponyms: more found (places of standing, names cut at their
    # noun) re-pinned them lower, with more toponyms placed right (docs/quality.md).
    "GeoVirus": {"f1": 89.8, "resolved_within_161km": 72.1, "resolved_right_place": 87.0},
}


def test_geoparsing_dev_floors() -> None:
    data = shared("geo")
    from geo_toponyms import predictions

    from newsprism.evaluation.geo import read_geovirus, read_geowebnews, score

    for corpus, docs in (("GeoWebNews", read_geowebnews(data / "GeoWebNews.xml")), ("GeoVirus", read_geovirus(data / "GeoVirus.xml"))):
        dev = [d for d in docs if d.split == "dev"]
        predicted = predictions(dev, demonyms=corpus == "GeoWebNews")
        row = score(dev, lambda d: predicted[d.name])
        print(corpus, row)
        for measure, floor in FLOORS[corpus].items():
            assert row[measure] >= floor, (corpus, measure, row)


def test_meantime_cross_document_floor() -> None:
    """B-cubed over MEANTIME's cross-document name mentions (bench/entities_meantime.py): F1 0.853,
    precision 0.919 measured. (Precision was 0.932 before repeats of a found name became mentions:
    gold person mentions such as "the Vice Chairman of Chrysler" are matched by their last word,
    which is now a Chrysler mention.)"""
    from entities_meantime import system_clusters

    from newsprism.evaluation.meantime import b_cubed, gold_clusters, read_corpus

    gold, system = {}, {}
    for topic, docs in read_corpus(shared("entities-events", "meantime", "intra_cross-doc_annotation")).items():
        gold.update({(topic,) + k: v for k, v in gold_clusters(docs).items()})
        system.update({(topic,) + k: v for k, v in system_clusters(docs).items()})
    precision, recall, f1 = b_cubed(gold, system)
    assert len(gold) == 741
    assert f1 >= 0.84 and precision >= 0.91, (precision, recall, f1)


@pytest.mark.parametrize("text, word, language", [
    ("The strong status of English in the EU has been implicitly questioned.", "English", True),
    ("Some parents speak in a mix of Egyptian Arabic and English. Others do not.", "English", True),
    ("A former Russian double agent was found in the English city of Salisbury.", "English", False),
    ("The Chinese, meanwhile, said the talks would go on.", "Chinese", False),
    ("Russian jets struck rebel positions overnight.", "Russian", False),
])
def test_a_language_is_not_a_nationality(text: str, word: str, language: bool) -> None:
    start = text.index(word)
    assert _is_language(text, Mention(start, start + len(word), word, "NORP", Span(start, start))) is language


@pytest.mark.parametrize("paragraph, places", [
    ("COLUMBUS, Ohio (AP) — So how do they top that? The two national champions meet again.", ["COLUMBUS", "Ohio"]),
    ("ALLENDALE, N.J. -- Mothers and their children who are struggling with addiction find help.", ["ALLENDALE", "N.J."]),
    ("WASHINGTON—President Donald Trump is dramatically scaling back the plan.", ["WASHINGTON"]),
    ("UPDATE — The story has been corrected.", []),
    ("The town of a-Tamanah was shelled on Thursday.", ["a-Tamanah"]),
    # a town, a comma and its division: an address
    ("A gunman opened fire at a school in Parkland, Florida, on Wednesday.", ["Parkland", "Florida"]),
    ("The photo was taken in Fresno, Calif. Culinary specialists cooked.", ["Fresno", "Calif."]),
    ("28/29 April: Donington Park, Leicestershire. 19/20 May: Thruxton, Hampshire.",
     ["Donington Park", "Leicestershire", "Thruxton", "Hampshire"]),
    ("Tickets are sold in 44 states, Washington, D.C., and the Virgin Islands.", ["Washington, D.C."]),
    ("The bill was written by Lamar Smith, Texas Republican, and passed.", []),
    ("President Obama, Washington, said nothing.", []),
])
def test_datelines_and_place_phrases(paragraph: str, places: list[str]) -> None:
    assert [paragraph[s:e] for s, e in sorted(pattern_places(paragraph))] == places


@pytest.mark.parametrize("first, second", [("Niger", "Nigeria"), ("Tunis", "Tunisia")])
def test_places_that_read_alike_stay_apart(tmp_path: Path, first: str, second: str) -> None:
    # the same consonant skeleton, but the gazetteer has them as different places
    story = _story_of(tmp_path, f"Officials in {first} met counterparts from {second} on Monday to discuss the border "
                      f"and trade. Later, {first} and {second} signed a deal on grain and fuel supplies for the region.")
    one, two = _entity_of(story, first), _entity_of(story, second)
    assert one.id != two.id and one.geo and two.geo and one.geo.geonameid != two.geo.geonameid


def test_counties_in_their_country_and_shared_county_names_unresolved() -> None:
    gazetteer = default_gazetteer()
    england, ohio = Context.of(Counter({"GB": 3}), gazetteer), Context.of(Counter({"US": 3}), gazetteer)
    assert (geocode(["Kent"], england, gazetteer).feature, geocode(["Kent"], england, gazetteer).country) == ("county", "GB")
    assert geocode(["Kent"], ohio, gazetteer).country == "US"  # Kent, Washington, in an American story
    assert geocode(["Cuyahoga County"], ohio, gazetteer).feature == "county"
    assert geocode(["Washington County"], ohio, gazetteer).lat is None  # 30 states have one


def test_other_names_of_countries(tmp_path: Path) -> None:
    story = _story_of(tmp_path, "Armenia's ambassador to the Holy See met officials on Monday to discuss a statue. The "
                      "prime minister asked why T&T was not represented at the meeting, and envoys from Burma and "
                      "Swaziland also attended.")
    assert {n: _entity_of(story, n).geo.country for n in ("Holy See", "T&T", "Burma", "Swaziland")} == {
        "Holy See": "VA", "T&T": "TT", "Burma": "MM", "Swaziland": "SZ"}


def test_a_town_in_a_division_the_story_names(tmp_path: Path) -> None:
    story = _story_of(tmp_path, "A gunman opened fire at a high school in Parkland, Florida, on Wednesday. Students in "
                      "Parkland said they hid in closets. Florida's governor and officials in California and Oregon "
                      "spoke later.")
    parkland = _entity_of(story, "Parkland").geo
    assert (parkland.country, round(parkland.lat)) == ("US", 26)  # Florida's, not Washington's (47° N)
    assert "division the story names" in parkland.reason
    assert (_entity_of(story, "California").geo.feature, _entity_of(story, "Oregon").geo.feature) == ("province", "province")


def test_a_country_acting_is_the_country(tmp_path: Path) -> None:
    # the model reads "The United States has seen …" as an organisation; it is the country, one entity with "the U.S."
    story = _story_of(tmp_path, "The United States has seen two cases of mad cow disease this year. The U.S. has also "
                      "bought large amounts of anti-viral drugs, officials in Washington said on Monday.")
    assert _entity_of(story, "United States") is _entity_of(story, "U.S.")
    assert _entity_of(story, "U.S.").type == "country"


def test_a_country_name_that_is_also_a_state(tmp_path: Path) -> None:
    american = _story_of(tmp_path / "us", "Voters in Georgia lined up on Tuesday for the runoff election. In Atlanta, "
                                          "officials said turnout was high in most precincts, and Florida reported delays "
                                          "at several polling stations after a storm knocked out power overnight.")
    georgia = _entity_of(american, "Georgia")
    assert (georgia.type, georgia.geo.feature, georgia.geo.country) == ("place", "province", "US")
    caucasus = _story_of(tmp_path / "ge", "Russian troops entered Georgia in 2008 after days of shelling around the "
                                          "breakaway region. Tbilisi said the Kremlin had violated the ceasefire agreed in "
                                          "August, and European monitors were sent to watch the line.")
    assert _entity_of(caucasus, "Georgia").geo.country == "GE"
    russia = next(e for e in caucasus.entities if e.type == "country" and e.name == "Russia")  # named only as "Russian troops"
    assert russia.geo is not None and russia.geo.country == "RU"


def test_a_feature_word_after_the_name_and_the_area_around_a_city(tmp_path: Path) -> None:
    story = _story_of(tmp_path, "The first case was found in December 2003 in a cow from a Washington state farm, officials "
                                "said. There have been nine cases of West Nile virus in the Houston region, with one of "
                                "those resulting in death, the Texas health department said on Friday.")
    washington = next(e for e in story.entities if e.name.startswith("Washington"))
    assert (washington.geo.feature, washington.geo.name) == ("province", "Washington")  # the state, not the capital
    houston = next(e for e in story.entities if e.name.startswith("Houston"))
    assert (houston.geo.feature, houston.geo.name, houston.geo.matched) == ("region", "Houston", "derived")
    # a plain the gazetteer lacks stays unresolved
    assert geocode(["al-Ghab plain"], Context.of(Counter({"SY": 3}), default_gazetteer()), default_gazetteer()).lat is None


def test_a_division_written_after_its_town_or_as_the_state_of(tmp_path: Path) -> None:
    story = _story_of(tmp_path, "Mary Ann Quitugua from Celebrity Cake Studio in Tacoma, Washington shares tips for "
                                "decorating cookies. The first case was discovered in 2003 in the state of Oregon, "
                                "officials said on Monday.")
    washington = _entity_of(story, "Washington").geo
    assert (washington.feature, washington.name, washington.country) == ("province", "Washington", "US")  # not the capital
    assert "town written before it" in washington.reason
    assert _entity_of(story, "state of Oregon").geo.feature == "province"


def test_directions_keep_regions_apart_and_far_divisions_out(tmp_path: Path) -> None:
    story = _story_of(tmp_path, "Outbreaks were reported across West Africa this year, and cases have now appeared in "
                                "Central Africa, health officials in Geneva said on Tuesday. Doctors in the region said "
                                "they needed more vaccines, more staff and more money to stop the disease from spreading.")
    west, central = _entity_of(story, "West Africa"), _entity_of(story, "Central Africa")
    assert west.id != central.id and west.geo.lon < 0 < central.geo.lon
    gazetteer = default_gazetteer()
    kenya, england = Context.of(Counter({"KE": 3}), gazetteer), Context.of(Counter({"GB": 3}), gazetteer)
    # Kenya's former North Eastern Province is not Fiji's Eastern division; the West Midlands not Zimbabwe's Midlands
    assert geocode(["North Eastern Province"], kenya, gazetteer).lat is None
    assert geocode(["West Midlands"], england, gazetteer).country != "ZW"
    # with no other clue, a part of a division is still placed ("northern Idlib")
    assert geocode(["northern Idlib"], Context.of(Counter(), gazetteer), gazetteer).country == "SY"


def test_a_point_inside_a_country_outline() -> None:
    square = (((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)),)
    assert inside(5.0, 5.0, square) and not inside(5.0, 11.0, square) and not inside(-1.0, 5.0, square)
    ring = ((-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0), (-5.0, -5.0))
    assert inside(0.0, 0.0, (ring,)) and not inside(0.0, 0.0, (ring, ring))  # a hole is outside (even-odd)


def test_a_name_the_text_has_speak_is_a_person_not_a_place() -> None:
    # the model's readings, as it gave them on a GeoWebNews page: "Noma" a place here, a person there
    text = ("Noma said she had been bathing her child. “Nobody told me,” said Noma. The officer in Noma’s case "
            "left. Fort Hood said the soldier had been ill. Moscow said it would reply. Chrysler said sales rose.")
    article = plain_article("a", text)
    spans = [("Noma", 0, "LOC"), ("Noma", text.index("said Noma") + 5, "PERSON"), ("Noma", text.index("Noma’s"), "LOC"),
             ("Fort Hood", text.index("Fort Hood"), "LOC"), ("Moscow", text.index("Moscow"), "LOC"),
             ("Chrysler", text.index("Chrysler"), "PERSON")]
    mentions = tuple(Mention(at, at + len(name), name, label, Span(0, len(text))) for name, at, label in spans)
    article = replace(article, mentions=mentions)
    entities, _ = link_entities([article], actor_list(), default_gazetteer())
    kinds = {e.name: e.type for e in entities}
    assert kinds["Noma"] == "person"  # every mention, the one read as a place included
    assert kinds["Fort Hood"] != "person" and kinds["Moscow"] == "place"  # a base and a capital may speak
    assert kinds["Chrysler"] != "place"


@pytest.mark.parametrize("text, places", [
    ("Passengers in transit through Astana and Almaty will be screened.", ["Astana", "Almaty"]),
    ("The Arizona senator met officials from The Hague.", ["Arizona", "Hague"]),
    # part of a longer name, a common word, a direction, a two-letter word that names no country
    ("The Dallas Mavericks star had surgery. Nice to meet you. Diplomats left the West. The IG report.", []),
])
def test_places_of_standing_the_model_may_miss(text: str, places: list[str]) -> None:
    assert [text[s:e] for s, e in standing_places(text)] == places


def test_the_people_of_a_region(tmp_path: Path) -> None:
    story = _story_of(tmp_path, "European officials met on Monday to discuss the caravan of Central American migrants "
                                "heading north through Mexico. Europeans are divided over how many people to take in, "
                                "diplomats in Brussels said after the talks.")
    europeans = _entity_of(story, "European")
    assert europeans.type == "nationality" and {"European", "Europeans"} <= {a.name for a in europeans.aliases}
    assert (europeans.geo.feature, europeans.geo.name, europeans.geo.matched) == ("continent", "Europe", "derived")
    central = _entity_of(story, "Central American")
    assert (central.type, central.geo.feature, central.geo.name) == ("nationality", "region", "Central America")


@lru_cache(maxsize=1)
def _nlp():
    return load_pipeline(None)


@pytest.mark.parametrize("text, name", [
    ("CHECK YOUR TICKETS NEW JERSEY!! One lucky ticket was sold in Riverdale.", "NEW JERSEY"),
    ("He was found at a breeding facility in Hohhot, the capital of Inner Mongolia.", "Inner Mongolia"),
])
def test_a_place_name_the_model_cut_is_whole(text: str, name: str) -> None:
    doc = _nlp()(text)
    names = [m.text for m in block_mentions(doc, Block("body", 0, len(text), text), SentenceIndex(()))]
    assert name in names and name.split()[-1] not in names


def test_a_place_read_with_its_country_and_a_division_read_as_an_organisation() -> None:
    text = "A Palestinian doctor arrived in Sofia, Bulgaria, today."
    doc = _nlp()(text)
    names = [m.text for m in block_mentions(doc, Block("body", 0, len(text), text), SentenceIndex(()))]
    assert "Sofia" in names and "Bulgaria" in names and "Sofia, Bulgaria" not in names
    # the model's reading on a GeoVirus page: a division defined with its abbreviation taken as an organisation
    text = "Restrictions were placed on horses in New South Wales (NSW). Officials in North Carolina agreed."
    spans = [("New South Wales", "ORG"), ("NSW", "ORG"), ("North Carolina", "ORG")]
    mentions = tuple(Mention(text.index(n), text.index(n) + len(n), n, label, Span(0, len(text))) for n, label in spans)
    entities, _ = link_entities([replace(plain_article("a", text), mentions=mentions)], actor_list(), default_gazetteer())
    kinds = {e.name: (e.type, e.geo and e.geo.feature) for e in entities}
    assert kinds["New South Wales"] == ("place", "province") and kinds["North Carolina"] == ("place", "province")
    assert len(entities) == 2  # "NSW" is New South Wales


def test_words_that_make_a_name_a_place() -> None:
    # the model's readings on GeoVirus pages: a province read as an organisation, a town as a person
    text = ("A farmer died in the eastern province of Anhui. Mark Kitsmore, 54, of Tyler said he was scared. "
            "A former resident of Lubbock told reporters the same.")
    spans = [("Anhui", "ORG"), ("Mark Kitsmore", "PERSON"), ("Tyler", "PERSON"), ("Lubbock", "PERSON")]
    mentions = tuple(Mention(text.index(n), text.index(n) + len(n), n, label, Span(0, len(text))) for n, label in spans)
    entities, _ = link_entities([replace(plain_article("a", text), mentions=mentions)], actor_list(), default_gazetteer())
    kinds = {e.name: e.type for e in entities}
    assert kinds == {"Anhui": "place", "Mark Kitsmore": "person", "Tyler": "place", "Lubbock": "place"}
    # "the vicinity of Ouagadougou" read as one place name; a country with an elided article
    text = "Dozens of homes in the vicinity of Ouagadougou were flooded, as in Burkina Faso and Cote d'Ivoire."
    doc = _nlp()(text)
    names = [m.text for m in block_mentions(doc, Block("body", 0, len(text), text), SentenceIndex(()))]
    assert "Ouagadougou" in names and not any(n.startswith("vicinity") for n in names)
    assert "Cote d'Ivoire" in [text[s:e] for s, e in standing_places(text)]


def test_a_place_the_model_read_as_a_person_or_an_organisation() -> None:
    text = ("COLUMBUS, Ohio (AP) — Doctors said a child in Montpellier was ill. Kelly Smith said so. Kelly said "
            "more. Kelly agreed. A tourist in Kelly was fine. Ohio County schools will be given $129,800.")
    spans = [("COLUMBUS", "ORG"), ("Montpellier", "PERSON"), ("Kelly Smith", "PERSON"), ("Kelly", "PERSON"),
             ("Ohio County", "LOC")]
    mentions = []
    for name, label in spans:
        at = -1
        while (at := text.find(name, at + 1)) >= 0:
            if not (name == "Kelly" and text.startswith("Kelly Smith", at)):
                mentions.append(Mention(at, at + len(name), name, label, Span(0, len(text))))
    article = replace(plain_article("a", text), mentions=tuple(sorted(mentions, key=lambda m: m.start)))
    article = replace(article, mentions=tuple(missed_mentions(text, list(article.blocks), list(article.mentions),
                                                              ListedNames(()), SentenceIndex(()))))
    entities, _ = link_entities([article], actor_list(), default_gazetteer())
    kinds = {e.name: e.type for e in entities}
    assert kinds["COLUMBUS"] == "place"  # a dateline's place, read as an organisation
    assert kinds["Montpellier"] == "place"  # "in Montpellier", read as a person
    assert kinds.get("Kelly", kinds.get("Kelly Smith")) == "person"  # once after "in", three times a person
    assert kinds["Ohio County"] == "place"  # unresolved (several states have one), but a place


def test_a_place_name_ends_where_its_noun_begins() -> None:
    # spans as the model sometimes reads them: a place with the noun after it
    text = "Inspectors checked British farms and Central American migrants near the Idlib countryside."
    doc = _nlp()(text)

    def read_as(words: str, label: str) -> str:
        start = text.index(words)
        span = doc.char_span(start, start + len(words), label=label)
        found = _trimmed(span)
        return text[found[0]:found[1]]

    assert read_as("British farms", "NORP") == "British"
    assert read_as("Central American migrants", "LOC") == "Central American"
    assert read_as("Idlib countryside", "LOC") == "Idlib countryside"  # a word that says what kind of place it is
