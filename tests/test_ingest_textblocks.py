"""The plain-text block classifier on the five real demo pages, against hand labels of every line."""
from __future__ import annotations


import pytest
from conftest import DEMO, DEMO_FILES, FIXTURES, demo_text

from newsprism.evaluation.lines import read_labels, score_file
from newsprism.ingest.textblocks import classify_text
from newsprism.model import TEXT_KINDS

LABELS = read_labels(FIXTURES / "idlib-2018-line-labels.tsv")
# Floors pinned for the demo pages (measured: 1.000 on every page for all three).
BODY_PRECISION_FLOOR = 1.0
BODY_RECALL_FLOOR = 1.0
KIND_ACCURACY_FLOOR = 0.97


def test_labels_cover_every_non_blank_line() -> None:
    for name in DEMO_FILES.values():
        text = (DEMO / name).read_text(encoding="utf-8")
        non_blank = {i + 1 for i, line in enumerate(text.split("\n")) if line.strip()}
        assert set(LABELS[name]) == non_blank, name


@pytest.mark.parametrize("name", sorted(DEMO_FILES.values()))
def test_textblocks_body_lines_meet_floors(name: str) -> None:
    text = (DEMO / name).read_text(encoding="utf-8")
    result = score_file(name, text, classify_text(text).blocks, LABELS[name])
    assert result.body_precision >= BODY_PRECISION_FLOOR, result.errors
    assert result.body_recall >= BODY_RECALL_FLOOR, result.errors
    assert result.kind_accuracy >= KIND_ACCURACY_FLOOR, result.errors


@pytest.mark.parametrize("name", sorted(DEMO_FILES))
def test_textblocks_offsets_are_exact(name: str) -> None:
    text = demo_text(name)
    cleaned = classify_text(text)
    for block in cleaned.blocks:
        assert text[block.start:block.end] == block.text
    spans = sorted([(b.start, b.end) for b in cleaned.blocks] + [(d.start, d.end) for d in cleaned.dropped])
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), "blocks overlap"
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split()), "some text is neither kept nor dropped"


@pytest.mark.parametrize("line", [
    "- Advertisement -", "Subscribe to our newsletter", "Share this article!", "5 min read", "Comments",
    "Join our commenting forum", "Already signed up? LOG IN", "Send in e-mailSend in e-mail",
    "Stay up to date with notifications from The Independent", "Your support helps us to tell the story",
])
def test_textblocks_boilerplate_never_in_body(line: str) -> None:
    bodies = [b.text for name in DEMO_FILES for b in classify_text(demo_text(name)).blocks if b.kind in TEXT_KINDS]
    assert not any(line.lower() in body.lower() for body in bodies)


def test_textblocks_hebrew_teasers_dropped() -> None:
    text = demo_text("haaretz")
    cleaned = classify_text(text)
    teasers = [d for d in cleaned.dropped if "נתניהו" in text[d.start:d.end]]
    assert teasers and teasers[0].reason == "non-Latin script"
    assert not any("Netanyahu" in b.text for b in cleaned.blocks)


def test_textblocks_captions_and_credit_kept_apart() -> None:
    cleaned = classify_text(demo_text("haaretz"))
    captions = [b for b in cleaned.blocks if b.kind == "caption"]
    credits = [b for b in cleaned.blocks if b.kind == "credit"]
    assert len(captions) == 2 and all(c.text.startswith("Russian President Vladimir Putin, left,") for c in captions)
    assert [c.text for c in credits] == ["Credit: Mikhail Klimentyev, Sputnik, Kremlin Pool Photo via AP, File"]
    body = " ".join(b.text for b in cleaned.blocks if b.kind in TEXT_KINDS)
    assert "shakes hands" not in body and "Klimentyev" not in body
    syria_direct = classify_text(demo_text("syria_direct"))
    assert [b.kind for b in syria_direct.blocks[:4]] == ["title", "caption", "caption", "body"]
    assert not any("Photo provided" in b.text for b in syria_direct.blocks if b.kind in TEXT_KINDS)


def test_textblocks_subheads_inside_body() -> None:
    subheads = [b.text for b in classify_text(demo_text("syria_direct")).blocks if b.kind == "subhead"]
    assert subheads == ["‘Idlib is our goal’", "IDP camps ‘cannot take any more’"]
    assert [b.text for b in classify_text(demo_text("haaretz")).blocks if b.kind == "subhead"] == ["Humanitarian disaster"]


def test_textblocks_last_short_quote_paragraph_kept() -> None:
    bodies = [b.text for b in classify_text(demo_text("syria_direct")).blocks if b.kind == "body"]
    assert bodies[-1] == "“I’d rather stay home.”"


def test_textblocks_page_metadata() -> None:
    independent = classify_text(demo_text("independent")).meta
    assert (independent.author, independent.published, independent.outlet) == ("Samuel Osborne", "2018-09-05", "The Independent")
    assert independent.title.startswith("Syrian rebels hope Turkey will intervene")
    breitbart = classify_text(demo_text("breitbart")).meta
    assert (breitbart.author, breitbart.outlet, breitbart.title) == ("Ben Kew", "Breitbart", None)
    haaretz = classify_text(demo_text("haaretz"))
    assert [b.text[:30] for b in haaretz.blocks if b.kind == "dek"] == ["Idlib is Syria's last big rebe"]


def test_textblocks_hard_wrapped_text_joins_paragraphs() -> None:
    paragraph = demo_text("haaretz").split("\n")[8]  # a real body paragraph
    import textwrap

    wrapped = "\n".join(textwrap.wrap(paragraph, 60)) + "\n\n" + "\n".join(textwrap.wrap(demo_text("haaretz").split("\n")[10], 60))
    blocks = classify_text("\n\n".join([wrapped] * 3)).blocks
    assert all(b.kind == "body" for b in blocks)
    assert len(blocks) == 6 and " ".join(blocks[0].text.split()) == paragraph


def test_textblocks_empty_and_junk_pages() -> None:
    assert classify_text("").blocks == []
    junk = classify_text("Home\nMenu\nSearch\nSubscribe\nComments\n")
    assert [b for b in junk.blocks if b.kind in TEXT_KINDS] == []
