"""Sentence-boundary constraints set before the parser, which respects them.

A closing quotation mark belongs to the sentence it closes: `…from the city." The clerics…` is
two sentences split after the mark, never before it. The statistical parser sometimes breaks
before such a mark, leaving a sentence that is a lone `"`; marking the mark as "cannot start a
sentence" lets the parser break after it instead.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

# Marks that close a quotation when they follow a word with no space between.
CLOSING_MARKS = frozenset({'"', "'", "”", "’", "»", "''"})


def is_closing_mark(token: Token) -> bool:
    """`token` is a quotation mark glued to the word before it and followed by a space or the end."""
    if token.i == 0 or token.text not in CLOSING_MARKS:
        return False
    before = token.doc[token.i - 1]
    return not before.whitespace_ and not before.is_space and (bool(token.whitespace_) or token.i == len(token.doc) - 1)


@Language.component("newsprism_quote_bounds")
def quote_bounds(doc: Doc) -> Doc:
    for token in doc:
        if is_closing_mark(token):
            token.is_sent_start = False
    return doc
