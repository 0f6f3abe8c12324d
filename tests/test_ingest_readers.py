"""Reading inputs: encodings, line endings, formats, and every kind of bad input."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import demo_text

from newsprism.ingest.clean import clean
from newsprism.ingest.decode import BinaryContent, decode_bytes
from newsprism.ingest.readers import read_file
from newsprism.model import RawDocument, Rejection
from newsprism.settings import Settings

FRENCH = (
    "Les forces gouvernementales syriennes se préparent à une offensive dans la province d'Idleb, "
    "a déclaré mercredi une source proche de Damas. Selon les Nations unies, l'opération risque de "
    "pousser des centaines de milliers de civils vers la frontière turque, qui reste fermée. "
    "Les habitants de la région disent qu'ils n'ont nulle part où aller et que les camps sont déjà pleins."
)


def _read_one(path: Path, settings: Settings = Settings()) -> RawDocument | Rejection:
    items = list(read_file(path, settings))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16"),
    ("utf-16-be", "utf-16"), ("cp1252", "cp1252"),
])
def test_readers_decode_each_encoding(tmp_path: Path, encoding: str, expected: str) -> None:
    text = demo_text("independent")
    if encoding == "cp1252":
        text = text.encode("cp1252", errors="replace").decode("cp1252")
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(encoding))
    raw = _read_one(path)
    assert isinstance(raw, RawDocument)
    assert raw.encoding == expected and raw.source_text == text
    article = clean(raw, {}, Settings())
    assert article.author == "Samuel Osborne" and article.published == "2018-09-05"


def test_readers_latin1_bytes_that_cp1252_rejects() -> None:
    text, encoding = decode_bytes("Caf\xe9 au lait \x81 fin".encode("latin-1"))
    assert encoding == "latin-1" and text == "Caf\xe9 au lait \x81 fin"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_readers_any_line_ending_keeps_offsets(tmp_path: Path, newline: str) -> None:
    text = demo_text("syria_direct").replace("\n", newline)
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode("utf-8"))
    article = clean(_read_one(path), {}, Settings())
    assert article.source_text == text
    assert all(text[b.start:b.end] == b.text for b in article.blocks)
    assert [b.text for b in article.blocks if b.kind == "subhead"] == ["‘Idlib is our goal’", "IDP camps ‘cannot take any more’"]
    assert sum(b.kind == "body" for b in article.blocks) == 35  # as in the line labels


def test_readers_binary_file_rejected(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    item = _read_one(path)
    assert isinstance(item, Rejection) and "binary" in item.reason
    with pytest.raises(BinaryContent):
        decode_bytes(bytes(range(32)) * 10)


def test_readers_empty_and_oversized_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n\n ")
    assert _read_one(tmp_path / "empty.txt").reason == "empty file"
    big = tmp_path / "big.txt"
    big.write_text(demo_text("haaretz") * 40, encoding="utf-8")
    item = _read_one(big, Settings(max_bytes=100_000))
    assert isinstance(item, Rejection) and item.reason.startswith("file too large")


def test_readers_corrupt_gzip_rejected(tmp_path: Path) -> None:
    path = tmp_path / "page.txt.gz"
    path.write_bytes(gzip.compress(demo_text("breitbart").encode())[:200])
    item = _read_one(path)
    assert isinstance(item, Rejection) and "gzip" in item.reason


def test_readers_html_file_detected_without_suffix_hint(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text("<!DOCTYPE html><html><body><p>Hello</p></body></html>", encoding="utf-8")
    assert _read_one(path).format == "html"


def test_readers_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": demo_text("breitbart"), "source": "Breitbart News", "date": "2018-08-10",
                    "authors": ["Ben Kew"], "url": "https://www.breitbart.com/x"}),
        "{not json",
        json.dumps({"title": "no body here"}),
        "",
        json.dumps({"html": "<html><body><p>" + demo_text("haaretz").split("\n")[8] + "</p></body></html>", "outlet": "Haaretz"}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path, Settings()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejection", "Rejection", "RawDocument", "Rejection"]
    first = items[0]
    assert first.source == f"{path}:1" and first.format == "jsonl-text"
    assert first.hints == {"url": "https://www.breitbart.com/x", "outlet": "Breitbart News", "published": "2018-08-10", "author": "Ben Kew"}
    assert items[1].source == f"{path}:2" and "not a JSON object" in items[1].reason
    assert items[2].reason == "record has no 'text' or 'html' field"
    assert items[3].source == f"{path}:5" and items[3].format == "jsonl-html"


def test_clean_rejects_non_english_and_textless(tmp_path: Path) -> None:
    from newsprism.errors import InputRejected

    french = RawDocument("fr.txt", "\n\n".join([FRENCH] * 3), "txt", "utf-8")
    with pytest.raises(InputRejected, match=r"not English \(detected fr"):
        clean(french, {}, Settings())
    arabic = RawDocument("ar.txt", "قالت مصادر إن القوات الحكومية تستعد لهجوم على إدلب. " * 20, "txt", "utf-8")
    with pytest.raises(InputRejected, match="not English"):
        clean(arabic, {}, Settings())
    menu = RawDocument("menu.txt", "Home\nNews\nSport\nSubscribe\n", "txt", "utf-8")
    with pytest.raises(InputRejected, match="no article text found"):
        clean(menu, {}, Settings())
