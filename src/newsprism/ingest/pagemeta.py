"""Metadata a page shows in its text: date lines, bylines, outlet self-references."""
from __future__ import annotations

import csv
import re
from datetime import date
from functools import lru_cache
from importlib import resources

MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_PATTERNS = (
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
)
_DATE_LINE_FILLER = re.compile(
    r"\b(published|updated|posted|last|modified|on|at|am|pm|a\.m\.|p\.m\.|gmt|bst|utc|est|edt|cet|cest|pst|pdt|et|pt|ist|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    r"by|and|[a-z]{3,4} \d\d|\d{1,2}[:.]\d\d)\b|[\d\s,.:|/–—-]",
    re.I,
)
BY_PREFIX = re.compile(r"^\s*(by|words by|written by|story by|reporting by)\s+(?P<names>.+)$", re.I)
NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zA-Z’'.-]+|[A-Z]\.|al-[A-Z][\w’'-]+|(?:al|el|bin|ibn|abu|de|da|di|van|von|der|le|la|du|del|dos|mac|mc)|[A-Z][a-z]+-[A-Z][a-z]+)$")
FOLLOW_AUTHOR = re.compile(r"^follow\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3})\s+(on|at)\b", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)\b")
OUTLET_PROMPT = re.compile(
    r"(?:notifications|newsletter|alerts|updates|news|stories) from (?P<a>(?:the )?[A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,3})"
    r"|(?P<b>(?:The )?[A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,3}) is (?:trusted by|on the ground|funded by|a reader-supported|independent)"
    r"|(?:subscribe to|support|sign up for) (?P<c>(?:the )?[A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,3})"
)
INTERVIEW_MENTION = re.compile(r"\btold (?P<name>(?:the )?[A-Z][\w&.’'-]*(?: [A-Z][\w&.’'-]*){0,3}?)(?= on\b| in\b| that\b| last\b| this\b|[,.;:]| by\b| via\b| when\b)")
CONTRIBUTOR_NAMES = re.compile(r"reporting (?:by|from) (?P<names>[^.;]+)", re.I)
NOT_NAMES = {"Comments", "Share", "Menu", "Home", "Search", "Reuters", "Advertisement", "Updated", "Published", "News"}


def parse_date(text: str) -> str | None:
    """The first calendar date written in `text`, as an ISO string."""
    for pattern in DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        month_text = m.group("month").lower().rstrip(".")
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text[:4] if month_text.startswith("sept") else month_text[:3])
        try:
            return date(int(m.group("year")), int(month or 0), int(m.group("day"))).isoformat()
        except (ValueError, TypeError):
            continue
    return None


def date_line(text: str) -> str | None:
    """ISO date if `text` is a date line (a date and little else), else None."""
    if len(text) > 80:
        return None
    iso = parse_date(text)
    if not iso:
        return None
    rest = _DATE_LINE_FILLER.sub("", re.sub(r"\b[a-z]+\.?", lambda m: "" if m.group(0).lower().rstrip(".") in MONTHS else m.group(0), text, flags=re.I))
    return iso if len(rest.strip()) <= 3 else None


def looks_like_name(text: str) -> bool:
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5 or text in NOT_NAMES:
        return False
    return all(NAME_TOKEN.match(t) for t in tokens) and sum(t[0].isupper() for t in tokens) >= 2 and not any(t in NOT_NAMES for t in tokens)


def byline_names(text: str) -> str | None:
    """Author name(s) if `text` is a byline ("By A and B", or a bare name)."""
    text = text.strip().strip("|").strip()
    m = BY_PREFIX.match(text)
    candidate = m.group("names") if m else text
    candidate = re.split(r"\s+[|•–—]\s+|,\s*(?=[A-Z][a-z]+ (?:correspondent|reporter|editor|writer))|\s+(?:for|at|in)\s+(?=[A-Z])", candidate)[0].strip(" ,")
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+|\s*&\s*", candidate) if p.strip()]
    if parts and all(looks_like_name(p) for p in parts):
        return ", ".join(parts)
    return None


def follow_author(text: str) -> str | None:
    m = FOLLOW_AUTHOR.match(text.strip())
    if m and looks_like_name(m.group("name")) and m.group("name").split()[0].lower() not in {"us", "the", "our"}:
        return m.group("name")
    return None


@lru_cache(maxsize=1)
def outlet_domains() -> dict[str, str]:
    """Domain -> outlet name, from the project's own resources/outlets.csv."""
    table: dict[str, str] = {}
    with resources.files("newsprism.resources").joinpath("outlets.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(line for line in fh if not line.startswith("#")):
            table[row["domain"].strip().lower()] = row["name"].strip()
    return table


def outlet_for_domain(domain: str) -> str | None:
    domain = domain.lower().removeprefix("www.")
    table = outlet_domains()
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        if (name := table.get(".".join(parts[i:]))):
            return name
    return None


def outlet_self_reference(line: str) -> str | None:
    """An outlet named in its own prompt ("notifications from The Independent") or e-mail domain."""
    m = OUTLET_PROMPT.search(line)
    if m:
        name = (m.group("a") or m.group("b") or m.group("c") or "").strip()
        name = re.sub(r"^the ", "The ", name)
        if name and name.split()[-1] not in {"Us", "Our"} and name.lower() not in {"the", "us", "our", "your"}:
            return name
    for em in EMAIL.finditer(line):
        if (name := outlet_for_domain(em.group("domain"))):
            return name
    return None
