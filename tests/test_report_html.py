"""report.html: self-contained, escaped, lists every article with its shared passages."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import DEMO, demo_text

from newsprism.api import run

PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "\"><svg onload=alert(3)>",
    "</textarea><script>alert(4)</script>", "<iframe src=javascript:alert(5)>",
]


def test_report_is_self_contained(tmp_path: Path) -> None:
    run([DEMO], tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    for outlet in ("Breitbart", "Syria Direct", "The Independent", "Haaretz (Reuters copy)"):
        assert outlet in html
    marked = re.findall(r'<mark data-mark="([^"]*)"', html)
    assert sum("p0-0" in m.split() for m in marked) >= 2  # the leaflet quote, in both articles
    assert "Samuel Osborne" in html and "2018-09-05" in html
    # every named place is drawn, listed as an area with no point of its own, or listed as not placed
    areas = re.search(r"Areas, not drawn</strong> \(\d+\):(.*?)</p>", html, re.S)
    assert areas and "northern Syria" in re.sub(r"<[^>]+>", " ", areas.group(1))


def test_report_escapes_hostile_text(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    hostile = " ".join(PAYLOADS)
    text = demo_text("independent").replace("Samuel Osborne", "Samuel <b>Osborne</b> " + PAYLOADS[1])
    text = text.replace("Turkey fears an assault", hostile + " Turkey fears an assault")
    (pages / "hostile.txt").write_text(text, encoding="utf-8")
    (pages / "manifest.csv").write_text(f'file,outlet,author\nhostile.txt,"{PAYLOADS[0]}","{PAYLOADS[2]}"\n', encoding="utf-8")
    run([pages], tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    for payload in PAYLOADS:
        assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert len(re.findall(r"<script\b", html)) == 1  # the report's own
