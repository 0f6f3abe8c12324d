"""Attributions read off a dependency parse: a cue (the verb or phrase), its source and its content.

A cue is a token in one of a few syntactic frames whose (lemma, frame) pair the cue lexicon
(resources/quotes/cues.tsv, learned from PolNeAR train; see quotes.cues) lists:
  ccomp      "Lavrov said (that) the terrorists must be liquidated" / "“…,” he said"
  parataxis  "He said: the talks failed" / the cue as a parataxis of the quoted clause
  xcomp      "The UN urged both sides to …", "Russia wants to …"
  obj        "He said something very strange", "He described them as …"
  according  "according to the Syrian Observatory, …"
The source is the cue's subject (or, for a cue that shares its subject with the verb it is
coordinated with or hangs off, that verb's subject); the content is the complement's subtree
minus the cue's own words, as fragments. Offsets are characters into the Doc's text.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..model import Block
from ..nlp.headline import lowercase_words
from ..nlp.quotations import Quotation, find_quotations
from .cues import CueLexicon
from .source_span import tidy
from .labels import is_dateline_place, speaker_labels
from .speakers import DOCUMENT_NOUNS, RELATIVES

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj"})
CONTENT_DEPS = ("ccomp", "parataxis", "xcomp", "obj")
CUE_LEFT = frozenset({"aux", "aux:pass", "neg"})
CUE_RIGHT = frozenset({"compound:prt"})
SOURCE_DROP = frozenset({"parataxis", "advcl"})
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
SPEECH_FRAMES = ("reverse", "ccomp")
MEDIUM_NOUNS = frozenset("statement interview interviews release tweet twitter letter email e-mail post speech briefing "
                         "conference television radio reporters journalists facebook telegram channel".split())
SHARES_SUBJECT = frozenset({"conj", "advcl", "xcomp"})
EDGE_PUNCT = frozenset({"PUNCT"})


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[tuple[int, int], ...]
    frame: str
    cue_token: int  # the cue's head token (index into the Doc)
    medium: tuple[int, int] | None = None  # "Reuters" in "told Reuters", "a statement" in "said in a statement"
    antecedent: tuple[int, int] | None = None  # what a relative "who" refers to ("the official, who said …")


def _runs(doc: Doc, indices: set[int]) -> tuple[tuple[int, int], ...]:
    """Character fragments covering the tokens `indices`, split where tokens are missing, each
    trimmed of punctuation at its edges."""
    out: list[tuple[int, int]] = []
    run: list[int] = []
    for i in sorted(indices) + [None]:  # type: ignore[operator]
        if run and (i is None or i != run[-1] + 1):
            while run and doc[run[0]].pos_ in EDGE_PUNCT:
                run.pop(0)
            while run and doc[run[-1]].pos_ in EDGE_PUNCT and doc[run[-1]].text not in "”’\"'":
                run.pop()
            if run:
                out.append((doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text)))
            run = []
        if i is not None:
            run.append(i)
    return tuple(out)


def _subtree(token: Token, exclude: set[int] = frozenset()) -> set[int]:  # type: ignore[assignment]
    """Token indices of `token`'s subtree, leaving out the subtrees rooted at `exclude`."""
    out: set[int] = set()
    stack = [token]
    while stack:
        t = stack.pop()
        if t.i in exclude:
            continue
        out.add(t.i)
        stack.extend(t.children)
    return out


def _cue_span(cue: Token) -> tuple[int, int]:
    """The cue's own words: the verb with its adjacent auxiliaries, adverbs and negation ("has
    repeatedly said", "did not mention", "to endorse"), particle ("pointed out") and a following
    weekday ("said Tuesday")."""
    doc = cue.doc
    left = cue.i
    for child in reversed(list(cue.lefts)):
        if child.i == left - 1 and (child.dep_ in CUE_LEFT or child.dep_ == "advmod" and child.pos_ in ("ADV", "PART")
                                    and child.lower_ not in ("so", "as", "when", "how", "why", "where", "there", "here", "then")):
            left = child.i
    right = cue.i
    for child in cue.rights:
        if child.i != right + 1:
            break
        if child.dep_ in CUE_RIGHT or child.lower_ in WEEKDAYS:
            right = child.i
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.lower_ not in WEEKDAYS]
    if subjects:
        return subjects[-1] if subjects[-1].i < verb.i else subjects[0]  # "Jeb Bush" misparsed as two
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "leaflets calling on civilians to …"
        return verb.head
    if verb.dep_ in SHARES_SUBJECT and verb.head is not verb:
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":  # "dropped leaflets calling on …": the document speaks
            document = next((c for c in verb.head.children if c.dep_ == "obj" and c.lemma_.lower() in DOCUMENT_NOUNS), None)
            if document is not None:
                return document
        return _subject(verb.head)
    return None


def _source_span(source: Token, skip: set[int] = frozenset(), drop: tuple[str, ...] = ()) -> tuple[int, int]:  # type: ignore[assignment]
    """The source's words: its subtree less clauses hanging off it, leading conjunctions and
    adverbs, time phrases and a dateline ("WASHINGTON — "); a subject the parser cut in two
    ("Jeb" + "Bush") is joined again."""
    doc = source.doc
    dropped = {c.i for c in source.children if c.dep_ in SOURCE_DROP or c.dep_ in drop
               or c.i < source.i and c.dep_ in ("cc", "advmod", "obl", "obl:tmod", "nmod:tmod")}
    keep = _subtree(source, dropped | skip)
    keep |= {t.i for t in source.head.children if t.dep_ == source.dep_ and t.i != source.i and t.lower_ not in WEEKDAYS
             and (t.i == min(keep) - 1 or t.i == max(keep) + 1)}
    lo = hi = source.i  # the contiguous run around the head (a dropped clause in the middle ends it)
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    cut = next((t.i for t in reversed(doc[lo:source.i]) if t.text in "—–,"), None)  # "WASHINGTON — …", "remarks, a …"
    if cut is not None:
        lo = cut + 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and doc[hi].is_punct and doc[hi].text not in ")":
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _according(doc: Doc, token: Token) -> Attribution | None:
    """'according to X, …' / '…, according to X': read linearly within the sentence, which holds up
    where the parser attaches X to the wrong word. X runs to the next comma or the sentence end."""
    if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    sent = token.sent
    after = token.i + 2
    comma = next((t.i for t in doc[after:sent.end] if t.text in ",;"), None)
    source_end = comma if comma is not None else sent.end
    while source_end > after and doc[source_end - 1].is_punct:
        source_end -= 1
    if source_end <= after:
        return None
    lead = [t for t in doc[sent.start:token.i] if not (t.is_punct or t.dep_ == "cc")]
    if not lead:  # "According to X, CLAUSE."
        content = set(range(comma + 1, sent.end)) if comma is not None else set()
    else:  # "CLAUSE, according to X[, CLAUSE]."
        content = set(range(sent.start, token.i)) | (set(range(comma + 1, sent.end)) if comma is not None else set())
    fragments = _runs(doc, content)
    if not fragments:
        return None
    source = (doc[after].idx, doc[source_end - 1].idx + len(doc[source_end - 1].text))
    cue = (token.idx, doc[token.i + 1].idx + 2)
    return Attribution(cue, source, fragments, "according", token.i)


def find_attributions(doc: Doc, lexicon: CueLexicon, quotations: list[Quotation] | None = None) -> list[Attribution]:
    """The attributions in one parsed paragraph, in reading order.

    Beyond the parse: a speech cue with no complement takes the direct quotation next to it
    ("“…,” Barkley said." when the parser split the sentence at the quote), and a direct
    quotation nobody claimed continues the attribution before it in the paragraph ("“…,” he said.
    “…”") or, at the paragraph's start, the one after it."""
    text = doc.text  # built from the tokens at each access: once here
    if quotations is None:  # the paragraph's direct quotations (offsets into doc.text)
        quotations = [q for q in find_quotations(text, [Block("body", 0, len(text), text)]) if q.kind == "direct"]
    out: list[Attribution] = []
    claimed: set[int] = set()  # character offsets inside some content
    for token in doc:
        if token.i and doc[token.i - 1].text == "-":  # "so-called", "self-described": part of a compound word
            continue
        found = _according(doc, token) or _verb_cue(token, lexicon, quotations, text)
        if found:
            out.append(found)
            claimed.update(i for a, b in found.content for i in range(a, b))
    out.extend(_punctuation_attributions(doc, quotations))
    # univocal, as PolNeAR: an attribution inside another's content ("X said Y had agreed to …") is the outer one's
    out = [a for a in out if not any(b is not a and any(x <= a.cue[0] < y for x, y in b.content)
                                     and (b.frame == "label" or doc[b.cue_token].is_ancestor(doc[a.cue_token])) for b in out)]
    claimed = {i for a in out for x, y in a.content for i in range(x, y)}
    for q in quotations:
        if any(i in claimed for i in range(q.content_start, q.content_end)):
            continue
        before = [a for a in out if a.cue[1] <= q.start]
        after = [a for a in out if a.cue[0] >= q.end and a.frame in SPEECH_FRAMES + ("bare",)]
        owner = before[-1] if before else (after[0] if after else None)
        if owner is None:
            continue
        out[out.index(owner)] = replace(owner, content=tuple(sorted(owner.content + ((q.content_start, q.content_end),))))
        claimed.update(range(q.content_start, q.content_end))
    return sorted((tidy(doc, a) for a in out), key=lambda a: a.cue)


def _punctuation_attributions(doc: Doc, quotations: list[Quotation]) -> list[Attribution]:
    """Transcript and headline speaker labels ("PENCE: …") and a dash after a quotation ("“…” ―
    Name"). The label must be a transcript's speaker in capitals (uncommon words: not "TARGET:"), a
    single uncommon word (a surname), or hold a person's or an organisation's name: "Stealth Over
    Health:" is a story's title."""
    out = []
    for cue_start, cue_end, src_start, src_end, content_start, content_end in speaker_labels(doc, quotations, is_dateline_place):
        cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
        if cue is None or content_end <= content_start:
            continue
        content = doc.char_span(content_start, content_end, alignment_mode="expand")
        finite = content is not None and any(t.pos_ == "AUX" or "Fin" in t.morph.get("VerbForm") for t in content)
        if not (finite or content is not None and len(content.text.split()) >= 4 and any(t.pos_ == "VERB" for t in content)):
            continue  # "ATTACKER: Farhad Jabar", "TARGET: Unidentified operatives" fill fields; words said have a verb
        label = doc.text[src_start:src_end]
        uncommon = all(w.lower().strip(".") not in lowercase_words() for w in label.split())
        if label.isupper():  # a transcript's speaker ("WALLACE:"), not a field ("TARGET:", "NUMBER OF ATTACKS:")
            if not (uncommon and len(label.split()) <= 3):
                continue
        elif not (uncommon and " " not in label  # a surname ("Pence:"), not "Poll:"
                  or doc.text[cue_start:cue_end] != ":" and len(label.split()) >= 2  # "“…” ― Pamela Padilla"
                  or any(e.label_ in ("PERSON", "ORG") and e.start_char < src_end and src_start < e.end_char for e in doc.ents)):
            continue
        out.append(Attribution((cue_start, cue_end), (src_start, src_end), ((content_start, content_end),), "label", cue.start))
    return out


def _verb_cue(token: Token, lexicon: CueLexicon, quotations: list[Quotation], text: str) -> Attribution | None:
    """The attribution `token` is the cue of, if any (`text`: the paragraph's, doc.text)."""
    lemma = token.lemma_.lower()
    known = lexicon.knows(lemma)
    if not known and not (token.pos_ == "VERB" and quotations):
        return None
    doc = token.doc
    subject = _subject(token)
    frame, complement = _frame(token, lexicon, lemma) if known else (None, None)
    if frame is None:
        if subject is None:
            return None
        quote = _adjacent_quotation(token, subject, quotations, text)
        if quote is None:
            return None
        speech = any(lexicon.accepts(lemma, f) for f in SPEECH_FRAMES)
        # any verb in "“…,” the farmer remembered." (a quotation ending in a comma, then subject and verb)
        if not speech and not (quote.end <= token.idx and text[quote.content_end - 1:quote.content_end] == ","
                               and _bare_clause(token)):
            return None
        fragments: tuple[tuple[int, int], ...] = ((quote.content_start, quote.content_end),)
        frame = "bare"
    else:
        exclude = {token.i} | ({subject.i} if subject is not None else set())
        content = _subtree(token.head if frame == "reverse" else complement, exclude)  # type: ignore[union-attr]
        fragments = _runs(doc, content)
        if not fragments:
            return None
    source = _source_span(subject) if subject is not None else None
    antecedent = None
    if subject is not None and subject.lower_ in RELATIVES and token.dep_ == "acl:relcl":
        antecedent = _source_span(token.head, {token.i})
    return Attribution(_cue_span(token), source, fragments, frame, token.i, _medium(token, complement), antecedent)


def _medium(cue: Token, complement: Token | None) -> tuple[int, int] | None:
    """Whom or where it was said to: "told Reuters", "told reporters", "said in a statement"."""
    for child in cue.children:
        if child is complement:
            continue
        if child.dep_ in ("iobj", "obj") and cue.lemma_.lower() == "tell" or child.dep_ == "obl" and any(
                c.dep_ == "case" and c.lower_ in ("in", "on", "to") for c in child.children) and child.lemma_.lower() in MEDIUM_NOUNS:
            span = _subtree(child, {c.i for c in child.children if c.dep_ in ("acl:relcl", "acl", "punct")})
            first = min(i for i in span if cue.doc[i].dep_ != "case")
            last = max(span)
            return cue.doc[first].idx, cue.doc[last].idx + len(cue.doc[last].text)
    return None


def _bare_clause(verb: Token) -> bool:
    """The verb's clause is only its subject, the verb and a few adverbs or a time: "the farmer remembered"."""
    return all(c.dep_ in SUBJECTS or c.dep_ in ("punct", "advmod", "aux", "obl:tmod", "obl:unmarked", "iobj", "obj")
               or c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children) and verb.dep_ in ("ROOT", "parataxis", "ccomp")


def _adjacent_quotation(cue: Token, subject: Token, quotations: list[Quotation], text: str) -> Quotation | None:
    """The direct quotation right before the cue's clause ("“…,” Barkley said") or right after it
    ("Barkley said: “…”"), with only punctuation and the subject between."""
    doc = cue.doc
    first = min(cue.i, subject.left_edge.i)
    last = max(cue.i, subject.right_edge.i)
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    for q in quotations:
        if q.end <= start and not text[q.end:start].strip(" ,;:\u2014-\xa0"):
            return q
        if q.start >= end and not text[end:q.start].strip(" ,;:\u2014-\xa0"):
            return q
    return None


def frames(token: Token) -> list[tuple[str, Token]]:
    """The attribution frames `token` stands in, each with the head of its would-be content."""
    out: list[tuple[str, Token]] = []
    if token.dep_ in ("parataxis", "ccomp") and token.head.i < token.i \
            and not any(c.dep_ in ("ccomp", "parataxis") for c in token.children):
        out.append(("reverse", token.head))
    for dep in CONTENT_DEPS:
        out.extend((dep, child) for child in token.children if child.dep_ == dep)
    return out


def _frame(token: Token, lexicon: CueLexicon, lemma: str) -> tuple[str | None, Token | None]:
    for frame, complement in frames(token):
        if lexicon.accepts(lemma, frame):
            return frame, complement
    return None, None
