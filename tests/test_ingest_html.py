"""HTML pages: visible-text projection with offsets, trafilatura main text, metadata."""
from __future__ import annotations

import html

from conftest import demo_text

from newsprism.ingest.clean import clean
from newsprism.ingest.htmlclean import clean_html
from newsprism.ingest.htmltext import project
from newsprism.model import TEXT_KINDS, RawDocument
from newsprism.settings import Settings


def independent_page() -> tuple[str, list[str]]:
    """The Independent's article as a real-looking web page: nav, script, ads, article, footer."""
    lines = [line for line in demo_text("independent").split("\n") if line.strip()]
    body = lines[lines.index("Syrian rebels have pinned their hopes on Turkey to intervene with Russia and prevent an all-out offensive which could deal a fatal blow to their seven-year-long uprising."):lines.index("Additional reporting by Reuters")]
    paragraphs = "\n".join(f"<p>{html.escape(p).replace('Idlib', '<a href=/topic/idlib>Idlib</a>', 1)}</p>" for p in body)
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Syrian rebels hope Turkey will intervene | The Independent</title>
<meta property="og:site_name" content="The Independent"><meta name="author" content="Samuel Osborne">
<meta property="article:published_time" content="2018-09-05T18:38:00+01:00">
<script>var tracking = "<p>not text</p>";</script><style>p {{ color: red }}</style></head>
<body><nav><ul><li><a href="/">News</a></li><li><a href="/sport">Sport</a></li><li>Culture</li></ul></nav>
<div class="ad">Advertisement</div>
<article><h1>Syrian rebels hope Turkey will intervene with Russia to prevent all-out government offensive</h1>
<p class="byline">Samuel Osborne</p>
{paragraphs}
</article>
<footer><p>&copy; 2018 Independent Digital News &amp; Media. All rights reserved.</p></footer></body></html>"""
    return page, body


def test_htmltext_projection_maps_back_into_the_html() -> None:
    source = "<p>Fish &amp; chips&nbsp;today</p><script>x=1</script><div>Second <b>line</b></div>"
    projection = project(source)
    assert projection.text == "Fish & chips\xa0today\n\nSecond line"
    start = projection.text.index("&")
    assert source[slice(*projection.to_html_span(start, start + 1))] == "&amp;"
    start = projection.text.index("Second")
    assert source[slice(*projection.to_html_span(start, len(projection.text)))] == "Second <b>line"


def test_htmlclean_keeps_every_paragraph_with_offsets() -> None:
    page, body = independent_page()
    result = clean_html(page)
    text = result.projection.text
    kept = [b for b in result.cleaned.blocks if b.kind in TEXT_KINDS]
    assert [b.text for b in kept] == body
    assert result.unlocated == 0 and result.extractor == "trafilatura"
    for block in result.cleaned.blocks:
        assert text[block.start:block.end] == block.text
    assert "tracking" not in text and "color: red" not in text
    assert not any("Advertisement" in b.text or "rights reserved" in b.text for b in kept)


def test_htmlclean_article_metadata_and_html_spans() -> None:
    page, body = independent_page()
    article = clean(RawDocument("page.html", page, "html", "utf-8"), {}, Settings())
    assert (article.author, article.published, article.outlet) == ("Samuel Osborne", "2018-09-05", "The Independent")
    assert article.raw_html == page and article.extractor == "trafilatura"
    first = next(b for b in article.blocks if b.kind == "body")
    assert page[first.html_start:first.html_end].startswith("Syrian rebels have pinned")
    linked = next(b for b in article.blocks if "<a href=/topic/idlib>" in page[b.html_start:b.html_end])
    assert "Idlib" in linked.text and "<a" not in linked.text
