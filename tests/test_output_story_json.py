"""story.json: valid against the committed schema; every span points into the article text."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import DEMO

from newsprism.api import run
from newsprism.output.story_json import validate


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("out")
    run([DEMO], out)
    return json.loads((out / "story.json").read_text(encoding="utf-8"))


def test_story_json_validates_and_spans_are_exact(story: dict) -> None:
    validate(story)
    for article in story["articles"]:
        text = article["text"]
        for block in article["blocks"]:
            assert text[block["start"]:block["end"]] == block["text"]
        bodies = [(b["start"], b["end"]) for b in article["blocks"]]
        for sentence in article["sentences"]:
            assert any(s <= sentence["start"] < sentence["end"] <= e for s, e in bodies)
    by_id = {a["id"]: a for a in story["articles"]}
    for pair in story["duplicates"]:
        for p in pair["passages"]:
            assert by_id[pair["a"]]["text"][p["a_start"]:p["a_end"]] == p["text"]


def test_story_json_schema_rejects_broken_documents(story: dict) -> None:
    for breakage in (
        lambda d: d["articles"][0]["blocks"][0].__setitem__("kind", "navigation"),
        lambda d: d["articles"][0].__setitem__("published", "10 August 2018"),
        lambda d: d["articles"][0]["blocks"][0].pop("start"),
        lambda d: d["articles"][0].__setitem__("id", "not-a-hash"),
    ):
        broken = copy.deepcopy(story)
        breakage(broken)
        with pytest.raises(jsonschema.ValidationError):
            validate(broken)


def test_story_json_ids_are_content_hashes(story: dict) -> None:
    import hashlib

    for article in story["articles"]:
        raw = Path(article["source"]).read_text(encoding="utf-8")
        assert article["id"] == hashlib.sha256(raw.encode()).hexdigest()[:20]
