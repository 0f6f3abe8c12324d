"""Headline re-casing: length-preserving, only on headline-styled text."""
from __future__ import annotations

import pytest
from conftest import demo_text

from newsprism.ingest.textblocks import classify_text
from newsprism.nlp.headline import is_headline_styled, recase


def test_headline_recase_demo_titles() -> None:
    titles = [b.text for name in ("pro_kremlin", "haaretz", "syria_direct") for b in classify_text(demo_text(name)).blocks if b.kind == "title"]
    recased = [recase(t) for t in titles]
    assert [len(r) for r in recased] == [len(t) for t in titles]
    assert recased[0] == "Terrorists in Idlib clash over fears of Syrian Army offensive"
    assert recased[1].startswith("Assad offensive on Syria's") and "Idlib reportedly imminent" in recased[1]
    assert recased[2] == titles[2]  # already in sentence case


@pytest.mark.parametrize("text", [
    "Russia said the jets hit targets linked to an al-Qaida-affiliated group.",
    "Idlib and surrounding areas have borne the brunt of years of Russian and Syrian military airstrikes.",
])
def test_headline_recase_leaves_running_text_alone(text: str) -> None:
    assert not is_headline_styled(text) and recase(text) == text
