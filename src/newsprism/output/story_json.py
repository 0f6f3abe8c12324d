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

SCHEMA_VERSION = "1.5"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("newsprism.schema").joinpath("story.schema.json").read_text(encoding="utf-8"))


def entity_of_mentions(story: Story) -> dict[tuple[str, int], str]:
    """(article id, mention index) -> entity id."""
    return {(r.article_id, r.mention): e.id for e in story.entities for r in e.mentions}


def article_dict(article: Article, entity_of: dict[tuple[str, int], str] | None = None) -> dict[str, Any]:
    d = to_dict(article)
    d.pop("raw_html")
    d["text"] = d.pop("source_text")
    d["words"] = article.word_count()
    for i, m in enumerate(d["mentions"]):
        m["entity"] = (entity_of or {}).get((article.id, i))
    return d


def story_dict(story: Story) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": story.generator,
        "articles": [article_dict(a, entity_of_mentions(story)) for a in story.articles],
        "rejections": [to_dict(r) for r in story.rejections],
        "duplicates": [to_dict(p) for p in story.duplicates],
        "claim_groups": [to_dict(g) for g in story.claim_groups],
        "timeline": [to_dict(e) for e in story.timeline],
        "quote_groups": [to_dict(g) for g in story.quote_groups],
        "entities": [to_dict(e) for e in story.entities],
        "equations": [to_dict(q) for q in story.equations],
        "comparison": to_dict(story.comparison),
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
    entity_of = entity_of_mentions(story)
    tmp = path.with_suffix(".json.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write('{"schema_version": %s, "generator": %s, "articles": [\n' % (
            json.dumps(head["schema_version"]), json.dumps(head["generator"], ensure_ascii=False)))
        for n, article in enumerate(story.articles):
            record = article_dict(article, entity_of)
            validator.validate(record)
            fh.write(",\n" if n else "")
            json.dump(record, fh, ensure_ascii=False)
        tail = ("rejections", "duplicates", "claim_groups", "timeline", "quote_groups", "entities", "equations", "comparison")
        fh.write("\n], " + ", ".join(f"{json.dumps(k)}: {json.dumps(head[k], ensure_ascii=False)}" for k in tail) + "}\n")
    tmp.replace(path)
