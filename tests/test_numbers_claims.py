"""Quantities and numeric claims: parsed, classified, attributed; the ledger on the demo corpus."""
from __future__ import annotations

import math
from functools import lru_cache

import pytest
from conftest import DEMO, shared

from newsprism.api import analyze
from newsprism.dates.timex import find_times
from newsprism.evaluation.displacement import read_excerpts, score, split_sentences
from newsprism.link.claim_groups import group_claims, interval
from newsprism.model import Article, Claim, Span, TimeExpr
from newsprism.numbers.claims import find_claims, lexicon_words
from newsprism.numbers.glue import repair
from newsprism.numbers.quantities import find_quantities
from newsprism.settings import Settings

# Floors a little under bench/displacement.py (figure exact 90.56, term 89.21, unit 92.81 over the
# 445 excerpts). Targets: figure 90, term and unit 85.
DISPLACEMENT_FLOORS = {"figure_exact": 90.3, "term": 88.9, "unit": 92.5}


@pytest.mark.parametrize("text, expected", [
    ("around 2.5 million", (2_500_000, 2_500_000, 2_500_000, "approximate", None)),
    ("an estimated 2.5 to 3.3 million", (None, 2_500_000, 3_300_000, "range", None)),
    ("more than half", (0.5, 0.5, 0.5, "above", "share")),
    ("another 700,000", (700_000, 700_000, 700_000, "additional", None)),
    ("at least 45", (45, 45, 45, "at_least", None)),
    ("Nine hundred and twenty-one", (921, 921, 921, "exact", None)),
    ("more than half a million", (500_000, 500_000, 500_000, "above", None)),
    ("hundreds", (None, 200, 999, "vague", None)),
    ("63 per cent", (63, 63, 63, "exact", "percent")),
    ("$5.2 million", (5_200_000, 5_200_000, 5_200_000, "exact", "USD")),
    ("14 000", (14_000, 14_000, 14_000, "exact", None)),
])
def test_quantities(text: str, expected: tuple) -> None:
    (q,) = find_quantities(text + " people")
    assert (q.value, q.low, q.high, q.bound, q.unit) == expected and q.text == text


def test_words_inside_names_are_not_numbers() -> None:
    assert find_quantities("in West Nusa Tenggara and Tenerife") == []


def claims_of(text: str) -> list[Claim]:
    return find_claims(text, [Span(0, len(text))], [])


@pytest.mark.parametrize("text, kind, counted, term, unit", [
    ("About 172,000 people fled western neighbourhoods of Mosul.", "displaced", "people", "Forced to Flee", "people"),
    ("About 1,100 displaced families (5,500 people) stayed in emergency shelters.", "displaced", "families", "Sheltered", "households"),
    ("At least 60 homes were destroyed across three districts.", "displaced", "homes", "Destroyed Housing", "households"),
    ("The airstrikes killed 13 civilians but no fighters.", "killed", "civilians", None, None),
    ("Rebels have arrested at least 45 members of opposition factions.", "arrested", "members", None, None),
    ("Turkey already hosts more than 3.5 million Syrian refugees.", "refugees", "refugees", "Refugees", "people"),
    ("Idlib is home to 3 million people, of whom 1.8 million are displaced.", "population", "people", None, None),
    ("Russia said four of its jets struck targets.", "military", "jets", None, None),
    # what is counted comes from around the figure, not only the noun after it
    ("The typhoon has 628,000 relocated and 9.96 million people affected.", "displaced", "relocated", "Relocated", "people"),
    ("The total number of returnees from Pakistan this year is now 253,000.", "displaced", "returnees", "Displaced", "people"),
    ("Completely destroyed housing: 146", "displaced", "housing", "Destroyed Housing", "households"),
    ("An estimated 25,000 to 30,000 IDPs do not have adequate shelter.", "displaced", "idps", "Displaced", "people"),
])
def test_claim_kind_term_and_unit(text: str, kind: str, counted: str, term: str | None, unit: str | None) -> None:
    claim = claims_of(text)[0]
    assert (claim.kind, claim.counted, claim.term, claim.reporting_unit) == (kind, counted, term, unit)


def test_figures_around_a_displacement_figure_keep_their_own_words() -> None:
    text = ("In these provinces, since 25 June, there have been 23 dead, 6 people missing, 3 200 houses "
            "collapsed and 25 000 damaged. In all, 455,573 people have been affected (85,000 of which have been relocated).")
    got = {c.text: (c.counted, c.kind, c.term) for c in find_claims(text, split_sentences(text), find_times(text))}
    assert got["25 000"] == ("houses", "displaced", "Partially Destroyed Housing")
    assert got["455,573"][1] == "affected"  # the relocation is the aside's
    assert got["85,000"] == ("people", "displaced", "Relocated")


def test_words_run_together_by_a_lost_line_break_are_read_apart() -> None:
    # PDF extractions glue a line's last word to the next line's first; offsets stay the source's
    text = ("In anticipation of the typhoon, about 668,000 peoplewere evacuated. At least140,000 people "
            "have already fledShirqat, and Around1.6 million weredisplaced in the same period.")
    got = [(c.text, c.value, c.counted, c.term) for c in find_claims(text, split_sentences(text), find_times(text))]
    assert got == [("about 668,000", 668_000, "people", "Evacuated"), ("At least140,000", 140_000, "people", "Forced to Flee"),
                   ("Around1.6 million", 1_600_000, None, "Displaced")]
    for claim in find_claims(text, split_sentences(text), find_times(text)):
        assert text[claim.start:claim.end] == claim.text and claim.sentence.start <= claim.start < claim.sentence.end


def test_ordinary_words_are_not_split_as_glued() -> None:
    text = "The director said 300 families sometimes stayed in the governor's independent shelters."
    (claim,) = claims_of(text)
    assert (claim.text, claim.counted, claim.start) == ("300", "families", text.index("300"))
    assert repair(text, lexicon_words()) is None


def test_forced_with_the_figure_between_cue_words() -> None:
    (claim,) = claims_of("Torrential rains forced 17,000 to leave their homes, the ministry said.")
    assert (claim.value, claim.kind, claim.term) == (17_000, "displaced", "Forced to Flee")


def test_attribution_is_traced_to_the_sentence() -> None:
    text = "Dozens of civilians have been killed in the latest assault, according to the United Nations (UN)."
    (claim,) = claims_of(text)
    assert claim.source == "the United Nations (UN)"
    assert text[claim.source_start:claim.source_end] == claim.source and claim.kind == "killed"


def test_labels_and_small_words_are_not_claims() -> None:
    assert claims_of("A magnitude 6.2 earthquake struck; the area is one of the few rebel strongholds.") == []


@lru_cache(maxsize=1)
def demo() -> tuple[Article, ...]:
    return analyze([DEMO], Settings(model="rules")).articles


def by_outlet(prefix: str) -> Article:
    return next(a for a in demo() if (a.outlet or "").startswith(prefix))


def test_demo_casualty_arrest_and_refugee_figures_are_attributed() -> None:
    independent = by_outlet("The Independent")
    killed = next(c for c in independent.claims if c.text == "13")
    assert killed.kind == "killed" and killed.source == "the UK-based Syrian Observatory for Human Rights"
    dozens = next(c for c in by_outlet("Syria Direct").claims if c.text == "Dozens")
    assert dozens.kind == "killed" and dozens.source.startswith("the United Nations")
    arrested = next(c for c in by_outlet("unidentified").claims if c.text == "at least 45")
    assert arrested.kind == "arrested" and arrested.source is None  # the outlet's own statement
    refugees = [c for a in demo() for c in a.claims if c.kind == "refugees"]
    assert {c.text for c in refugees} == {"more than 3.5 million", "3.5 million"}
    for article in demo():
        assert article.published and all(t.value for t in article.times)  # every relative date resolved
        for c in article.claims:
            assert article.source_text[c.start:c.end] == c.text
            assert c.sentence.start <= c.start < c.end <= c.sentence.end


def test_demo_ledger_population_and_displacement_are_compatible() -> None:
    groups = group_claims(demo())
    population = next(g for g in groups if (g.kind, g.scope, g.period) == ("population", "total", None))
    assert population.status == "compatible"
    assert {m.outlet.split()[0] for m in population.members} == {"Breitbart", "Syria", "Haaretz", "The"}
    displaced = next(g for g in groups if (g.kind, g.scope, g.period) == ("displaced", "total", None))
    assert displaced.status == "compatible"
    texts = {(m.outlet.split()[0], m.text, m.via) for m in displaced.members}
    assert ("Haaretz", "1.8 million", None) in texts
    assert ("The", "More than half", "More than half of three million") in texts
    # the UN's "another 700,000" is an increment, and "in the past six months" a flow: related, not conflicting
    related = [g for g in groups if g.kind == "displaced" and g.status == "related"]
    assert {m.text for g in related for m in g.members} >= {"another 700,000", "more than half a million"}
    assert not [g for g in groups if g.status == "conflict"]


def _dated_article(aid: str, outlet: str, text: str) -> Article:
    """An article of one sentence whose "Monday" is dated 2018-09-03."""
    start = text.index("Monday")
    monday = TimeExpr(start, start + 6, "Monday", "DATE", "2018-09-03", "day", True, "weekday")
    claims = find_claims(text, [Span(0, len(text))], [monday])
    return Article(aid, outlet, "txt", "utf-8", text, None, "test", outlet, None, None, "2018-09-03", None, "en", (),
                   times=(monday,), claims=tuple(claims))


def test_ledger_flags_a_conflict_with_its_reason() -> None:
    a = _dated_article("a" * 20, "Outlet A", "At least 500 people were killed on Monday.")
    b = _dated_article("b" * 20, "Outlet B", "Twenty people were killed on Monday.")
    (group,) = group_claims([a, b])
    assert group.status == "conflict" and "Outlet A" in group.reason and "Outlet B" in group.reason


def test_intervals_read_rounding_and_qualifiers() -> None:
    three = claims_of("3 million people live there")[0]
    assert interval(three) == (2_500_000, 3_500_000)
    around = claims_of("around 2.5 million people live there")[0]
    assert interval(around) == (2_000_000, 3_000_000)
    more = claims_of("more than 3.5 million refugees")[0]
    assert interval(more) == (3_500_000, math.inf)


def test_displacement_floors() -> None:
    scores = score(read_excerpts(shared("displacement")))["all"].summary()
    for name, floor in DISPLACEMENT_FLOORS.items():
        assert scores[name] >= floor, scores
