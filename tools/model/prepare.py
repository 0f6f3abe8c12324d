"""Build the training, dev and test corpora of newsprism's English pipeline from ../shared/data.

One documented label mapping (docs/MODEL.md):
  PERSON  <- UNER PER, WikiGold PER, BTC PER, re3d Person, GUM person (capitalised spans only)
  ORG     <- UNER ORG, WikiGold ORG, BTC ORG, re3d Organisation, GUM organization (capitalised)
  LOC     <- UNER LOC, WikiGold LOC, BTC LOC, re3d Location, GUM place (capitalised); GPE and LOC together
  O       <- UNER OTH, WikiGold MISC, re3d Nationality/Weapon/Temporal/..., everything else.
Nationalities (NORP) are left to the rule layer: the corpora disagree on them.

UD English-EWT gives tags, morphology, lemmas and trees; UNER-EWT labels the same sentences, so
the two are merged sentence by sentence. The other corpora are NER-only: their docs carry no
tags or trees, which spaCy treats as missing, not as negative. re3d is split by document
(stable hash of the file name): 70% train, 10% dev, 20% test. Its BBC_Online documents are licensed
CC BY-NC 3.0: they are never trained on (a model trained on them could not be shared under
CC BY-SA); those that hash into dev or test are still used to measure.

`--clean-labels` drops BTC's Twitter handles and keeps only re3d's name spans in training; the
shipped model was trained without it (docs/MODEL.md gives what it changed).

Run: .venv/bin/python tools/model/prepare.py [--out build/model/corpus] [--clean-labels]
"""
from __future__ import annotations

import argparse
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "ner"
LABELS = {
    "PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC",
    "Person": "PERSON", "Organisation": "ORG", "Location": "LOC",
    "person": "PERSON", "organization": "ORG", "place": "LOC",
}
NO_SPACE_BEFORE = re.compile(r"^([,.;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)$", re.I)
NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}
SENTS_PER_DOC = 10
NON_COMMERCIAL_SOURCES = frozenset({"BBC_Online"})  # re3d/LICENSES/BBC_Online: CC BY-NC 3.0


@dataclass
class Sentence:
    words: list[str]
    spaces: list[bool]
    ents: list[str] | None = None  # IOB tags in the mapped label set, or None: not annotated
    tags: list[str] | None = None
    pos: list[str] | None = None
    morphs: list[str] | None = None
    lemmas: list[str] | None = None
    heads: list[int] | None = None  # absolute indices within the sentence
    deps: list[str] | None = None
    meta: dict[str, str] = field(default_factory=dict)


def guess_spaces(words: list[str]) -> list[bool]:
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and not NO_SPACE_BEFORE.match(nxt) and word not in NO_SPACE_AFTER)
    return spaces


def _read_comment(line: str, meta: dict[str, str]) -> None:
    """'# key = value' comment lines (sent_id, newdoc id, text) into `meta`."""
    if " = " in line:
        key, value = line[1:].split(" = ", 1)
        meta[key.strip()] = value


def read_conllu(path: Path) -> Iterator[Sentence]:
    meta: dict[str, str] = {}
    rows: list[list[str]] = []
    space_after_range: dict[int, bool] = {}
    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            _read_comment(line, meta)
            continue
        if not line:
            if rows:
                yield _sentence(rows, meta, space_after_range)
            meta, rows, space_after_range = {}, [], {}
            continue
        cols = line.split("\t")
        if "-" in cols[0]:  # a multiword token: its SpaceAfter belongs to its last word
            start, end = (int(x) for x in cols[0].split("-"))
            space_after_range[end] = "SpaceAfter=No" not in cols[9]
            continue
        if "." in cols[0]:
            continue
        rows.append(cols)
    if rows:
        yield _sentence(rows, meta, space_after_range)


def _sentence(rows: list[list[str]], meta: dict[str, str], space_after_range: dict[int, bool]) -> Sentence:
    words = [r[1] for r in rows]
    spaces = []
    for r in rows:
        idx = int(r[0])
        spaces.append(space_after_range[idx] if idx in space_after_range else "SpaceAfter=No" not in r[9])
    heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
    deps = ["ROOT" if r[6] == "0" else r[7] for r in rows]
    return Sentence(words, spaces, None, [r[4] for r in rows], [r[3] for r in rows],
                    ["" if r[5] == "_" else r[5] for r in rows], [r[2] for r in rows], heads, deps, dict(meta))


def read_iob(path: Path, columns: str = "word _ tag", io: bool = False, mapping: dict[str, str] = LABELS) -> Iterator[Sentence]:
    """CoNLL-style NER files: one token per line, blank lines between sentences."""
    words: list[str] = []
    tags: list[str] = []
    meta: dict[str, str] = {}
    for line in path.open(encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            _read_comment(line, meta)
            continue
        parts = line.split("\t") if "\t" in line else line.split(" ")
        if not line.strip() or parts[0] == "-DOCSTART-":
            if words:
                yield Sentence(words, guess_spaces(words), _bio(tags, io, mapping), meta=meta)
            words, tags, meta = [], [], {}
            continue
        word = (parts[1] if columns == "idx word tag" else parts[0]).strip()
        if not word or len(parts) < 2:
            continue  # a few BTC lines carry no token
        words.append(word)
        tags.append(parts[2] if columns == "idx word tag" else parts[-1])
    if words:
        yield Sentence(words, guess_spaces(words), _bio(tags, io, mapping), meta=meta)


def _bio(tags: list[str], io: bool, mapping: dict[str, str]) -> list[str]:
    out: list[str] = []
    previous = "O"
    for tag in tags:
        prefix, _, label = tag.partition("-") if "-" in tag else ("I" if tag != "O" and io else "O", "", tag)
        if tag == "O" or label == "":
            label = "" if tag == "O" else tag
        mapped = mapping.get(label)
        if mapped is None:
            out.append("O")
            previous = "O"
            continue
        if prefix == "B" or previous != mapped:
            out.append(f"B-{mapped}")
        else:
            out.append(f"I-{mapped}")
        previous = mapped
    return out


def names_only(sent: Sentence) -> Sentence:
    """The sentence with every entity that is not a name set to O: a name's words are all
    capitalised (or not letters), at least one is, and there are at most six ("he", "hospitals",
    "all parties" are mentions, not names)."""
    ents = sent.ents or []
    i = 0
    while i < len(ents):
        if ents[i].startswith("B-"):
            j = i + 1
            while j < len(ents) and ents[j].startswith("I-"):
                j += 1
            span = sent.words[i:j]
            if not all(w[:1].isupper() or not w[:1].isalpha() for w in span) or not any(w[:1].isupper() for w in span) \
                    or j - i > 6:
                ents[i:j] = ["O"] * (j - i)
            i = j
        else:
            i += 1
    return sent


def read_gum(path: Path) -> Iterator[Sentence]:
    """GUM marks every mention (common nouns too): keep only capitalised name spans."""
    for sent in read_iob(path, io=True, mapping={"person": "PERSON", "organization": "ORG", "place": "LOC"}):
        yield names_only(sent)


def read_btc(path: Path) -> Iterator[Sentence]:
    """BTC labels Twitter handles ("@user") as PER or ORG: news has none, so they are set to O."""
    for sent in read_iob(path):
        ents = sent.ents or []
        for i, word in enumerate(sent.words):
            if word.startswith("@") and ents[i] != "O":
                ents[i] = "O"
                if i + 1 < len(ents) and ents[i + 1].startswith("I-"):
                    ents[i + 1] = "B-" + ents[i + 1][2:]
        yield sent


def to_doc(vocab, sentences: list[Sentence]) -> Doc:
    words = [w for s in sentences for w in s.words]
    spaces = [sp for s in sentences for sp in s.spaces]
    if spaces:
        spaces[-1] = False
    kwargs: dict = {}
    if all(s.heads is not None for s in sentences):
        offset = 0
        heads: list[int] = []
        for s in sentences:
            heads.extend(h + offset for h in s.heads)  # type: ignore[union-attr]
            offset += len(s.words)
        kwargs.update(heads=heads, deps=[d for s in sentences for d in s.deps], tags=[t for s in sentences for t in s.tags],
                      pos=[p for s in sentences for p in s.pos], morphs=[m for s in sentences for m in s.morphs],
                      lemmas=[lem for s in sentences for lem in s.lemmas],
                      sent_starts=[i == 0 for s in sentences for i in range(len(s.words))])
    if all(s.ents is not None for s in sentences):
        kwargs["ents"] = [e for s in sentences for e in s.ents]  # type: ignore[union-attr]
    return Doc(vocab, words=words, spaces=spaces, **kwargs)


def group(sentences: list[Sentence], per_doc: int = SENTS_PER_DOC) -> Iterator[list[Sentence]]:
    """Consecutive sentences into docs, starting a new doc at each document boundary."""
    batch: list[Sentence] = []
    for s in sentences:
        if batch and ("newdoc id" in s.meta or len(batch) >= per_doc):
            yield batch
            batch = []
        batch.append(s)
    if batch:
        yield batch


def ewt(split: str) -> list[Sentence]:
    ud = list(read_conllu(DATA / "ud-ewt" / f"en_ewt-ud-{split}.conllu"))
    uner = {s.meta.get("sent_id"): s for s in read_iob(DATA / "uner-ewt" / f"en_ewt-ud-{split}.iob2", columns="idx word tag")}
    matched = 0
    for s in ud:
        other = uner.get(s.meta.get("sent_id"))
        if other is not None and other.words == s.words:
            s.ents = other.ents
            matched += 1
    print(f"EWT {split}: {len(ud)} sentences, {matched} with UNER labels")
    return ud


def re3d_split(name: str) -> str:
    bucket = int(hashlib.sha256(name.encode()).hexdigest(), 16) % 10
    return "train" if bucket < 7 else "dev" if bucket == 7 else "test"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "model" / "corpus")
    parser.add_argument("--clean-labels", action="store_true",
                        help="drop BTC's Twitter handles and train on re3d's names only (docs/MODEL.md: measured, not shipped)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    sets: dict[str, list[Doc]] = {"train": [], "dev": [], "ewt-test": [], "re3d-test": [], "re3d-dev": []}
    for split, target in (("train", "train"), ("dev", "dev"), ("test", "ewt-test")):
        sets[target] += [to_doc(vocab, g) for g in group(ewt(split))]
    extra = DATA / "extra"
    ner_only = [("wikigold", list(read_iob(extra / "wikigold/CONLL-format/data/wikigold.conll.txt", io=True)))]
    read_btc_file = read_btc if args.clean_labels else read_iob
    ner_only += [("BTC", [s for f in sorted((extra / "BTC/CONLL-format/data").glob("*.conll")) for s in read_btc_file(f)])]
    ner_only += [("GUM", [s for f in sorted((extra / "GUM/CONLL-format/data-by-corpustype").glob("*/*.tsv")) for s in read_gum(f)])]
    for name, sentences in ner_only:
        docs = [to_doc(vocab, g) for g in group(sentences)]
        sets["train"] += docs
        print(f"{name}: {len(sentences)} sentences, {sum(len(d.ents) for d in docs)} entities -> train")
    for f in sorted((extra / "re3d/CONLL-format/data-by-source/conll").glob("*/*.conll")):
        split = re3d_split(f"{f.parent.name}/{f.name}")
        if split == "train" and f.parent.name in NON_COMMERCIAL_SOURCES:
            continue
        sentences = list(read_iob(f))
        if split == "train" and args.clean_labels:  # re3d marks mentions ("he", "hospitals"): its names only
            sentences = [names_only(s) for s in sentences]
        docs = [to_doc(vocab, g) for g in group(sentences)]
        sets["train" if split == "train" else f"re3d-{split}"] += docs
    sets["dev"] += sets["re3d-dev"]
    for name, docs in sets.items():
        DocBin(docs=docs, store_user_data=False).to_disk(args.out / f"{name}.spacy")
        print(f"{name}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens, {sum(len(d.ents) for d in docs)} entities")


if __name__ == "__main__":
    main()
