"""Bytes to text: BOMs, UTF-8, UTF-16 without BOM, cp1252 and latin-1; binary files refused."""
from __future__ import annotations

import codecs

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text (tab, LF, VT, FF, CR excluded).
_CONTROL = set(range(0, 9)) | {14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127}


class BinaryContent(ValueError):
    """The bytes are not text in any encoding newsprism reads."""


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL in every other byte of ASCII characters."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    for share, codec in ((odd_nul, "utf-16-le"), (even_nul, "utf-16-be")):
        if share > 0.4:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding name). Raises BinaryContent."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec), codec
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, "utf-16"
        raise BinaryContent("binary content (NUL bytes), not text")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    sample = text[:20000]
    if sample:
        controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
        if controls / len(sample) > 0.01:
            raise BinaryContent(f"binary content ({controls} control characters in the first {len(sample)})")
    return text, encoding
