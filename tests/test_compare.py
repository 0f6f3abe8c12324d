"""The story side by side on the demo corpus and on real agency copy: wire copy and independent
sources, the coverage matrix and omissions, framing with its voice, the multi-source summary, and
the report rebuilt from the store."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DEMO, shared

from newsprism.api import load_story, run
from newsprism.cli import main
from newsprism.compare import compare
from newsprism.compare.wire import agencies, wire_credits
from newsprism.evaluation.articles import plain_article
from newsprism.model import Article, Story
from newsprism.settings import Settings


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Story, Path]:
    out = tmp_path_factory.mktemp("compare")
    story, _ = run([DEMO], out, Settings())
    return story, out


def _article(story: Story, outlet: str) -> Article:
    return next(a for a in story.articles if a.outlet and a.outlet.startswith(outlet))


def test_demo_reuters_copies_are_one_source(demo) -> None:
    story, _ = demo
    c = story.comparison
    haaretz, independent, breitbart = (_article(story, o) for o in ("Haaretz", "The Independent", "Breitbart"))
    how = {(w.article_id, w.agency, w.how) for w in c.wire}
    assert (haaretz.id, "Reuters", "outlet") in how
    assert (independent.id, "Reuters", "byline") in how  # "Additional reporting by Reuters"
    assert (breitbart.id, "AP", "cites") in how  # "he told the AP": uses AP reporting, is not AP copy
    byline = next(w for w in c.wire if w.how == "byline")
    assert independent.source_text[byline.start:byline.end] == "Additional reporting by Reuters"
    families = [set(f.article_ids) for f in c.families]
    assert {haaretz.id, independent.id} in families
    assert len(families) == 4 and sorted(a for f in families for a in f) == sorted(a.id for a in story.articles)


def test_demo_coverage_matrix_and_omissions(demo) -> None:
    story, _ = demo
    c = story.comparison
    kremlin = _article(story, "unidentified")
    population = next(f for f in c.facts if f.kind == "figure" and f.label.startswith("population"))
    assert population.status == "compatible" and len(population.cells) == 4
    assert population.independent == 3  # Haaretz and The Independent are one Reuters source
    assert kremlin.id not in {cell.article_id for cell in population.cells}
    for cell in population.cells:  # every cell points at its figure in its own sentence
        article = story.article(cell.article_id)
        assert cell.sentence.start <= cell.start < cell.end <= cell.sentence.end
        assert any(ch.isdigit() for ch in article.source_text[cell.start:cell.end]) or "million" in cell.note
    lavrov = next(f for f in c.facts if f.kind == "quote" and "festering abscess" in f.label)
    independent = _article(story, "The Independent")
    cell = next(x for x in lavrov.cells if x.article_id == independent.id)
    assert cell.status == "different" and "attributed to Russia" in cell.note
    leaflet = next(f for f in c.facts if f.kind == "quote" and "Your cooperation" in f.label)
    assert not any("attributed to" in x.note for x in leaflet.cells)  # "one of the leaflets" = "leaflets"
    common = [f for f in c.facts if len({x.article_id for x in f.cells}) == len(story.articles)]
    assert {"Russia (country)", "Syria (country)"} <= {f.label for f in common}
    left_out = {(o.article_id, o.fact) for o in c.omissions}
    assert (kremlin.id, population.id) in left_out
    hts = next(f for f in c.facts if f.kind == "actor" and f.label.startswith("Hayat Tahrir al-Sham"))
    assert (_article(story, "Haaretz").id, hts.id) in left_out
    assert all(o.reported_by * 2 > len(story.articles) and o.independent >= 2 for o in c.omissions)


def test_demo_framing_who_calls_hts_terrorists_and_in_whose_voice(demo) -> None:
    story, _ = demo
    uses = story.comparison.framing
    hts = next(e for e in story.entities if e.name == "Hayat Tahrir al-Sham")
    kremlin, breitbart, syria_direct = (_article(story, o) for o in ("unidentified", "Breitbart", "Syria Direct"))
    calls_hts = [u for u in uses if u.entity == hts.id and u.term == "terrorists"]
    assert calls_hts and {(u.article_id, u.voice) for u in calls_hts} == {(kremlin.id, "own")}
    assert kremlin.source_text[calls_hts[0].start:calls_hts[0].end] == "terrorists"
    leaflet = [u for u in uses if u.article_id == breitbart.id and u.term == "terrorists"]
    assert [u.voice for u in leaflet] == ["quote"] and "leaflet" in (leaflet[0].speaker or "")
    scare = [u for u in uses if u.article_id == syria_direct.id and u.voice == "scare"]
    assert [u.text for u in scare] == ["terror groups"]  # so-called “terror groups”
    own_kremlin = {u.term for u in uses if u.article_id == kremlin.id and u.voice == "own" and u.referent == "armed opposition"}
    assert {"terrorists", "militants", "extremists"} <= own_kremlin
    assert not any(u.text == "Army" and u.article_id == kremlin.id and u.voice == "scare" and
                   "Free Syrian" in kremlin.source_text[u.start - 14:u.start] for u in uses)  # a name, not a term
    text_terms = {(u.referent, u.term) for u in uses if u.origin == "text"}
    assert ("Hayat Tahrir al-Sham", "al-Qaeda affiliated") in text_terms
    assert ("Free Syrian Army", "Turkish-backed") in text_terms
    for u in uses:
        article = story.article(u.article_id)
        assert article.source_text[u.start:u.end] == u.text


def test_demo_summary_has_provenance_and_shows_both_sides(demo) -> None:
    story, _ = demo
    points = story.comparison.summary
    statements = [p for p in points if p.kind == "statement"]
    assert 3 <= len(statements) <= 5
    for p in points:
        for s in p.sources:
            article = story.article(s.article_id)
            assert " ".join(article.source_text[s.start:s.end].split()) == s.text
            assert any(x.start == s.start and x.end == s.end for x in article.sentences)
    assert all(p.independent >= 2 for p in statements)
    population = next(p for p in points if p.kind == "disagreement" and p.topic.startswith("population"))
    details = {story.article(s.article_id).outlet: s.detail for s in population.sources}
    assert details["Breitbart"].startswith("Around 2.5 million") and details["Haaretz (Reuters copy)"].startswith("3 million")
    assert "estimated 2.5 to 3.3 million" in details["Syria Direct"]


def test_report_rebuilt_from_the_store_matches_the_run(demo, tmp_path: Path) -> None:
    story, out = demo
    stored = load_story(out / "newsprism.db")
    assert sorted(a.id for a in stored.articles) == sorted(a.id for a in story.articles)
    assert {f.label for f in stored.comparison.facts} == {f.label for f in story.comparison.facts}
    assert {(o.article_id, o.fact) for o in stored.comparison.omissions} == {(o.article_id, o.fact) for o in story.comparison.omissions}
    assert len(stored.comparison.framing) == len(story.comparison.framing)
    html = tmp_path / "again.html"
    result = CliRunner().invoke(main, ["report", str(out / "newsprism.db"), "-o", str(html)])
    assert result.exit_code == 0, result.output
    page = html.read_text(encoding="utf-8")
    assert 'id="matrix"' in page and "Reuters copy" in page and "The outlets differ" in page
    missing = CliRunner().invoke(main, ["report", str(tmp_path / "nope.db"), "-o", str(html)])
    assert missing.exit_code == 4 and "nope.db: no such store" in missing.output


def _bulk_texts(predicate, n: int) -> list[dict]:
    found = []
    with gzip.open(shared("bulk", "article-bias-10k.jsonl.gz"), "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if predicate(record["text"]):
                found.append(record)
                if len(found) == n:
                    break
    return found


def test_agency_datelines_and_signoffs_in_real_copy() -> None:
    known = agencies()
    for record in _bulk_texts(lambda t: t.lstrip().split(" - ", 1)[0].endswith("(Reuters)"), 3):
        article = plain_article(record["id"], record["text"], record["source"])
        credits = [c for c in wire_credits(article, known) if c.how == "dateline"]
        assert [c.agency for c in credits] == ["Reuters"], record["text"][:120]
        assert article.source_text[credits[0].start:credits[0].end].endswith("(Reuters)")
    for record in _bulk_texts(lambda t: "(AP) " in t[:80], 2):
        article = plain_article(record["id"], record["text"], record["source"])
        assert "AP" in {c.agency for c in wire_credits(article, known) if c.how == "dateline"}, record["text"][:120]


def test_independent_articles_and_one_article_compare_without_error() -> None:
    one = plain_article("solo", "Rebels said on Monday that 12 civilians were killed in the town.\n", "Somewhere")
    c = compare(Story((one,), (), ()))
    assert [f.article_ids for f in c.families] == [("solo",)] and c.omissions == () and c.facts == ()
    assert [u.term for u in c.framing] == ["rebels", "civilians"]
    empty = compare(Story((), (), ()))
    assert empty.families == () and empty.summary == ()
