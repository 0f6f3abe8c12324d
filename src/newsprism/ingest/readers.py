"""Readers: a file on disk to RawDocuments (or, per bad item, Rejections). I/O lives here."""
from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from ..model import RawDocument, Rejection
from ..settings import Settings
from .decode import BinaryContent, decode_bytes

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# Accepted JSONL keys for each field, first match wins.
JSONL_KEYS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body"),
    "html": ("html", "raw_html"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "publisher", "site_name"),
    "title": ("title", "headline"),
    "published": ("published", "date", "date_published", "datePublished", "publish_date"),
    "author": ("author", "authors", "byline"),
}

Item = RawDocument | Rejection


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _read_bytes(path: Path, limit: int) -> bytes:
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rb") as fh:
            data = fh.read(limit + 1)
    else:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    return data


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in text[:20000].lower() and "</p>" in text.lower())


ByteProgress = Callable[[int], None]  # bytes of the file (compressed bytes for .gz) read so far


def read_file(path: Path, settings: Settings, on_bytes: ByteProgress | None = None) -> Iterator[Item]:
    """Every document in `path`. Never raises for bad content: yields a Rejection instead."""
    source = str(path)
    suffix = _suffix(path)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, settings, on_bytes)
            return
        if path.suffix.lower() != ".gz" and path.stat().st_size > settings.max_bytes:
            yield Rejection(source, f"file too large ({path.stat().st_size / 2**20:.1f} MB > {settings.max_bytes / 2**20:.0f} MB limit)")
            return
        data = _read_bytes(path, settings.max_bytes)
    except OSError as exc:
        yield Rejection(source, f"cannot read file ({exc.strerror or exc})")
        return
    except (EOFError, gzip.BadGzipFile) as exc:
        yield Rejection(source, f"corrupt gzip file ({exc})")
        return
    if len(data) > settings.max_bytes:
        yield Rejection(source, f"file too large (> {settings.max_bytes / 2**20:.0f} MB limit)")
        return
    if not data.strip():
        yield Rejection(source, "empty file")
        return
    try:
        text, encoding = decode_bytes(data)
    except BinaryContent as exc:
        yield Rejection(source, str(exc))
        return
    is_html = suffix in HTML_SUFFIXES or (suffix not in (".txt",) and _looks_like_html(text))
    yield RawDocument(source=source, source_text=text, format="html" if is_html else "txt", encoding=encoding)


def _pick(record: dict, field: str) -> str | None:
    for key in JSONL_KEYS[field]:
        value = record.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if isinstance(value, (str, int, float)) and str(value).strip():
            return str(value)
    return None


def _read_jsonl(path: Path, settings: Settings, on_bytes: ByteProgress | None) -> Iterator[Item]:
    with path.open("rb") as raw:
        fh = gzip.GzipFile(fileobj=raw) if path.suffix.lower() == ".gz" else raw
        for number, line in enumerate(fh, start=1):
            if on_bytes and number % 50 == 0:
                on_bytes(raw.tell())
            source = f"{path}:{number}"
            if not line.strip():
                continue
            if len(line) > settings.max_bytes:
                yield Rejection(source, f"record too large ({len(line) / 2**20:.1f} MB > {settings.max_bytes / 2**20:.0f} MB limit)")
                continue
            try:
                record = json.loads(line.decode("utf-8-sig") if number == 1 else line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield Rejection(source, f"not a JSON object ({exc.__class__.__name__}: {exc})")
                continue
            if not isinstance(record, dict):
                yield Rejection(source, "not a JSON object")
                continue
            text, html = _pick(record, "text"), _pick(record, "html")
            if not (text or html):
                yield Rejection(source, "record has no 'text' or 'html' field")
                continue
            hints = {f: v for f in ("url", "outlet", "title", "published", "author") if (v := _pick(record, f))}
            if html and not text:
                yield RawDocument(source, html, "jsonl-html", "utf-8", hints)
            else:
                yield RawDocument(source, text or "", "jsonl-text", "utf-8", hints)
