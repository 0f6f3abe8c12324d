"""Metadata merge: the page, the input record and the manifest, with provenance and conflicts.

Priority: manifest > input record (JSONL fields) > page. Where a stronger source disagrees with
the page, the disagreement is recorded, never silently dropped.
"""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlparse

from dateutil import parser as dateparser

from ..model import MetaConflict
from .pagemeta import CONTRIBUTOR_NAMES, INTERVIEW_MENTION, outlet_for_domain, parse_date
from .textblocks import PageMeta

FIELDS = ("outlet", "title", "author", "published", "url")


def normalise_date(value: str | None) -> str | None:
    if not value:
        return None
    if (iso := parse_date(value)):
        return iso
    try:
        return dateparser.parse(value, fuzzy=True, default=None).date().isoformat()  # type: ignore[union-attr]
    except (ValueError, OverflowError, AttributeError, TypeError):
        return None


def _same(field: str, a: str, b: str) -> bool:
    if field == "published":
        return normalise_date(a) == normalise_date(b)
    def norm(s: str) -> str:
        return re.sub(r"^the\s+|\W+", " ", s.lower()).strip()
    return norm(a) == norm(b) or norm(a) in norm(b) or norm(b) in norm(a)


def interviewing_outlet(body: str) -> str | None:
    """The outlet a page names as the one its sources spoke to ("he told Syria Direct"), when it
    does so at least twice and does not credit that name as a contributing agency."""
    names = Counter(m.group("name") for m in INTERVIEW_MENTION.finditer(body))
    names.pop("reporters", None)
    credited = " ".join(m.group("names") for m in CONTRIBUTOR_NAMES.finditer(body))
    for name, count in names.most_common():
        if count >= 2 and name not in credited and name[0].isupper() and len(name.split()) <= 4:
            return name
    return None


def merge(page: PageMeta, hints: dict[str, str], manifest: dict[str, str], body: str) -> tuple[dict[str, str | None], dict[str, str], list[MetaConflict]]:
    """(values, source of each value, conflicts) for outlet/title/author/published/url."""
    page_values: dict[str, str | None] = {
        "outlet": page.outlet, "title": page.title, "author": page.author, "published": page.published, "url": None,
    }
    values: dict[str, str | None] = {}
    sources: dict[str, str] = {}
    conflicts: list[MetaConflict] = []
    for field in FIELDS:
        page_value = page_values[field]
        for origin, given in (("manifest", manifest.get(field)), ("input", hints.get(field))):
            if given:
                value = normalise_date(given) if field == "published" else given.strip()
                if value is None:
                    continue
                values[field], sources[field] = value, origin
                if page_value and not _same(field, page_value, value):
                    conflicts.append(MetaConflict(field, page_value, value))
                break
        else:
            values[field] = page_value
            if page_value:
                sources[field] = "page"
    if not values.get("outlet") and values.get("url"):
        host = urlparse(values["url"] or "").netloc
        if host:
            values["outlet"], sources["outlet"] = outlet_for_domain(host) or host.lower().removeprefix("www."), "url"
    if not values.get("outlet") and (name := interviewing_outlet(body)):
        values["outlet"], sources["outlet"] = name, "page:interviews"
    return values, sources, conflicts
