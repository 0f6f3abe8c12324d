"""Articles made from plain text for scorers and benches: one body block per non-empty line."""
from __future__ import annotations

import re

from ..model import Article, Block


def plain_article(article_id: str, text: str, outlet: str | None = None) -> Article:
    blocks = tuple(Block("body", m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip())
    return Article(article_id, article_id, "txt", "utf-8", text, None, "bench", outlet, None, None, None, None, "en", blocks)
