"""story.json: the Story as JSON, validated against schema/story.schema.json."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from ..model import Article, Story, to_dict

SCHEMA_VERSION = "1.0"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("newsprism.schema").joinpath("story.schema.json").read_text(encoding="utf-8"))


def article_dict(article: Article) -> dict[str, Any]:
    d = to_dict(article)
    d.pop("raw_html")
    d["text"] = d.pop("source_text")
    d["words"] = article.word_count()
    return d


def story_dict(story: Story) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": story.generator,
        "articles": [article_dict(a) for a in story.articles],
        "rejections": [to_dict(r) for r in story.rejections],
        "duplicates": [to_dict(p) for p in story.duplicates],
    }


def validate(document: dict[str, Any]) -> None:
    """Raises jsonschema.ValidationError when `document` breaks the schema."""
    jsonschema.validate(document, schema(), cls=jsonschema.Draft202012Validator)


def write_story_json(story: Story, path: Path) -> dict[str, Any]:
    document = story_dict(story)
    validate(document)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return document
