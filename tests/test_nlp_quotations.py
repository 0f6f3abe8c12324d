"""Direct quotations on the demo pages (hand-checked) and on every quote-mark style."""
from __future__ import annotations

import pytest
from conftest import demo_text

from newsprism.ingest.textblocks import classify_text
from newsprism.model import Block
from newsprism.nlp.quotations import find_quotations


def _quotes(text: str):
    return find_quotations(text, classify_text(text).blocks)


@pytest.mark.parametrize("name,direct,scare", [
    ("breitbart", 7, ["de-escalation", "reconciliatory\xa0agreements."]),
    ("syria_direct", 27, ["de-escalation agreement", "terror groups"]),
    ("pro_kremlin", 1, ["Syrian Army of the North", "Free Syrian Army"]),
    ("haaretz", 4, ["de-escalation", "evacuation"]),
    ("independent", 5, []),
])
def test_quotations_demo_pages(name: str, direct: int, scare: list[str]) -> None:
    text = demo_text(name)
    quotes = _quotes(text)
    assert sum(q.kind == "direct" for q in quotes) == direct
    assert [text[q.content_start:q.content_end] for q in quotes if q.kind == "scare"] == scare
    for q in quotes:
        assert text[q.start] in "“\"‘'«„" and q.start < q.content_start <= q.content_end <= q.end


def test_quotations_leaflet_abscess_and_unclosed() -> None:
    breitbart = demo_text("breitbart")
    quotes = _quotes(breitbart)
    assert breitbart[quotes[0].content_start:quotes[0].content_end].endswith("will preserve your and your families’ lives,")
    unclosed = [q for q in quotes if not q.closed]
    assert len(unclosed) == 1 and breitbart[unclosed[0].content_start:unclosed[0].content_end].startswith("Regime reinforcements")
    independent = demo_text("independent")
    kinds = {independent[q.content_start:q.content_end]: q.kind for q in _quotes(independent)}
    assert kinds["a terrorist nest"] == kinds["a festering abscess"] == "direct"
    haaretz = demo_text("haaretz")
    assert [haaretz[q.content_start:q.content_end] for q in _quotes(haaretz)][0] == "a festering abscess"


def _blocks(text: str) -> list[Block]:
    out, pos = [], 0
    for para in text.split("\n\n"):
        out.append(Block("body", pos, pos + len(para), para))
        pos += len(para) + 2
    return out


def test_quotations_multi_paragraph_quote_is_one() -> None:
    text = ("“Any confrontation within Idlib would be a danger to the whole of northern Syria.\n\n"
            "“We’re currently preparing for the great battle against the regime and the Russians,” he said.\n\n"
            "The offensive would initially target southern and western parts of the insurgent territory.")
    (quote,) = find_quotations(text, _blocks(text))
    assert quote.closed and quote.kind == "direct"
    assert text[quote.content_start:quote.content_end].startswith("Any confrontation") and text[quote.end - 1] == "”"
    assert quote.end == text.index(",” he said") + 2


@pytest.mark.parametrize("text,expected", [
    ('"The war cannot be allowed to go to Idlib," he told reporters.', ["The war cannot be allowed to go to Idlib,"]),
    ("'We realise the extent of vengeance', rebel commander says", ["We realise the extent of vengeance"]),
    ("Er sagte: „Die Lage ist ernst“, and left.", ["Die Lage ist ernst"]),
    ("He said: «the army has enough forces to liberate the province».", ["the army has enough forces to liberate the province"]),
    ("Assad’s forces and the families’ homes aren’t safe, he said.", []),
])
def test_quotations_every_mark_style(text: str, expected: list[str]) -> None:
    assert [text[q.content_start:q.content_end] for q in find_quotations(text, _blocks(text))] == expected


def test_quotations_stray_marks_degrade_per_quote() -> None:
    text = ("He said “the talks failed and left.\n\n"
            "Local leaders and residents say they are already struggling to make ends meet.\n\n"
            "“The camp cannot take any more,” he told Syria Direct on Wednesday. ” Stray.")
    quotes = find_quotations(text, _blocks(text))
    assert [q.closed for q in quotes] == [False, True]
    assert quotes[0].end == text.index("\n\n")  # the unclosed one ends with its paragraph
    assert text[quotes[1].content_start:quotes[1].content_end] == "The camp cannot take any more,"
