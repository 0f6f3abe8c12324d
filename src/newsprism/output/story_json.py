"""story.json: the Story as JSON, validated against schema/story.schema.json."""
from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from ..model import Article, Story, to_dict

SCHEMA_VERSION = "1.2"


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
        "claim_groups": [to_dict(g) for g in story.claim_groups],
        "timeline": [to_dict(e) for e in story.timeline],
        "quote_groups": [to_dict(g) for g in story.quote_groups],
    }


def validate(document: dict[str, Any]) -> None:
    """Raises jsonschema.ValidationError when `document` breaks the schema."""
    jsonschema.validate(document, schema(), cls=jsonschema.Draft202012Validator)


@lru_cache(maxsize=1)
def _article_validator() -> jsonschema.Draft202012Validator:
    full = schema()
    return jsonschema.Draft202012Validator({"$ref": "#/$defs/article", "$defs": full["$defs"]})


def write_story_json(story: Story, path: Path) -> None:
    """Write story.json one article at a time (memory stays flat), validating each part."""
    head = story_dict(replace(story, articles=()))
    validate(head)
    validator = _article_validator()
    tmp = path.with_suffix(".json.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write('{"schema_version": %s, "generator": %s, "articles": [\n' % (
            json.dumps(head["schema_version"]), json.dumps(head["generator"], ensure_ascii=False)))
        for n, article in enumerate(story.articles):
            record = article_dict(article)
            validator.validate(record)
            fh.write(",\n" if n else "")
            json.dump(record, fh, ensure_ascii=False)
        fh.write('\n], "rejections": %s, "duplicates": %s, "claim_groups": %s, "timeline": %s, "quote_groups": %s}\n' % tuple(
            json.dumps(head[k], ensure_ascii=False) for k in ("rejections", "duplicates", "claim_groups", "timeline", "quote_groups")))
    tmp.replace(path)
