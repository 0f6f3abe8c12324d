"""Near-duplicate detection: shared passages with offsets in both articles."""
from __future__ import annotations

from conftest import demo_text

from newsprism.ingest.clean import clean
from newsprism.link.duplicates import find_duplicates
from newsprism.model import RawDocument
from newsprism.settings import Settings


def _article(name: str, text: str):
    return clean(RawDocument(name, text, "txt", "utf-8"), {}, Settings())


def test_duplicates_demo_leaflet_quote_shared_by_breitbart_and_syria_direct() -> None:
    articles = [_article(n, demo_text(n)) for n in ("breitbart", "syria_direct", "pro_kremlin", "haaretz", "independent")]
    pairs = find_duplicates(articles)
    assert len(pairs) == 1
    pair = pairs[0]
    by_id = {a.id: a for a in articles}
    assert {by_id[pair.a].source, by_id[pair.b].source} == {"breitbart", "syria_direct"}
    (passage,) = pair.passages
    assert passage.text.startswith("Your cooperation with the Syrian Arab Army will release you from the rule of militants and terrorists")
    assert by_id[pair.a].source_text[passage.a_start:passage.a_end] == passage.text
    other = by_id[pair.b].source_text[passage.b_start:passage.b_end]
    assert " ".join(other.split()) == " ".join(passage.text.split())
    assert 0 < pair.score < 0.1


def test_duplicates_wire_copy_scores_high_with_its_passages() -> None:
    reuters = demo_text("haaretz")
    body = reuters.split("\n")[8:56]
    rewrite = "Idlib fears grow\n\n" + "\n\n".join(line for line in body if line.strip() and not line.startswith(">>")) + \
        "\n\nThis article was amended to add the State Department's comments, an editor said on Thursday."
    a, b = _article("haaretz", reuters), _article("syndicated", rewrite)
    (pair,) = find_duplicates([a, b])
    assert pair.score > 0.9
    longest = max(pair.passages, key=lambda p: p.a_end - p.a_start)
    assert len(longest.text.split()) > 100


def test_duplicates_ignores_stock_phrases_shared_by_many() -> None:
    phrase = "The views expressed in this article are those of the author and do not reflect the policy."
    articles = [_article(f"n{i}", demo_text(n) + "\n\n" + phrase) for i, n in enumerate(("breitbart", "pro_kremlin", "haaretz", "independent"))]
    assert find_duplicates(articles, max_df=3) == []
