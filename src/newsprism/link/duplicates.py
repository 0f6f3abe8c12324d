"""Near-duplicate detection: articles sharing passages (wire copy, syndication, shared quotes).

Articles are cut into word shingles (k consecutive words, hashed stably). Candidate pairs are
found by sorting all (hash, article) pairs at once with numpy, so memory stays linear in the
corpus; shingles found in too many articles are stock phrases, not shared copy. For each pair,
shared passages are the maximal runs of consecutive shared shingles, with offsets in both.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import TEXT_KINDS, Article, DuplicatePair, SharedPassage

WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Shingled:
    """An article's shingles: hashes in reading order, and each word's character span."""

    hashes: np.ndarray  # uint64, one per shingle position
    word_starts: np.ndarray
    word_ends: np.ndarray


def _stable_hash(words: Sequence[str]) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest(), "little")


def shingle(article: Article, k: int) -> Shingled:
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    for block in article.blocks:
        if block.kind in TEXT_KINDS:
            for m in WORD.finditer(block.text):
                words.append(m.group(0).lower())
                starts.append(block.start + m.start())
                ends.append(block.start + m.end())
    hashes = np.fromiter((_stable_hash(words[i:i + k]) for i in range(len(words) - k + 1)), dtype=np.uint64)
    return Shingled(hashes, np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64))


def candidate_pairs(shingled: Sequence[Shingled], max_df: int) -> dict[tuple[int, int], int]:
    """(i, j) -> number of distinct shingles articles i < j share."""
    if not shingled:
        return {}
    per_article = [np.unique(s.hashes) for s in shingled]
    hashes = np.concatenate(per_article) if per_article else np.empty(0, np.uint64)
    owners = np.concatenate([np.full(len(h), i, dtype=np.int64) for i, h in enumerate(per_article)])
    order = np.argsort(hashes, kind="stable")
    hashes, owners = hashes[order], owners[order]
    boundaries = np.flatnonzero(np.diff(hashes)) + 1
    starts = np.concatenate(([0], boundaries))
    sizes = np.diff(np.concatenate((starts, [len(hashes)])))
    keep = (sizes >= 2) & (sizes <= max_df)
    counts: dict[tuple[int, int], int] = {}
    pair_a: list[np.ndarray] = []
    pair_b: list[np.ndarray] = []
    twos = starts[keep & (sizes == 2)]
    pair_a.append(owners[twos])
    pair_b.append(owners[twos + 1])
    for start, size in zip(starts[keep & (sizes > 2)], sizes[keep & (sizes > 2)]):
        group = owners[start:start + size]
        ia, ib = np.triu_indices(size, k=1)
        pair_a.append(group[ia])
        pair_b.append(group[ib])
    a, b = np.concatenate(pair_a), np.concatenate(pair_b)
    n = len(shingled)
    keys, freq = np.unique(a * n + b, return_counts=True)
    for key, count in zip(keys.tolist(), freq.tolist()):
        counts[(key // n, key % n)] = count
    return counts


def shared_passages(a: Article, sa: Shingled, b: Article, sb: Shingled, k: int) -> tuple[SharedPassage, ...]:
    positions_b: dict[int, int] = {}
    for pos, h in enumerate(sb.hashes.tolist()):
        positions_b.setdefault(h, pos)
    passages: list[SharedPassage] = []
    run: list[tuple[int, int]] = []  # (position in a, position in b)

    def close() -> None:
        if run:
            a0, a1 = run[0][0], run[-1][0] + k - 1
            b0, b1 = min(p for _, p in run), max(p for _, p in run) + k - 1
            start, end = int(sa.word_starts[a0]), int(sa.word_ends[a1])
            passages.append(SharedPassage(start, end, int(sb.word_starts[b0]), int(sb.word_ends[b1]), a.source_text[start:end]))
            run.clear()

    for pos, h in enumerate(sa.hashes.tolist()):
        pb = positions_b.get(h)
        if pb is not None and (not run or pos == run[-1][0] + 1):
            run.append((pos, pb))
        else:
            close()
            if pb is not None:
                run.append((pos, pb))
    close()
    return tuple(passages)


def find_duplicates(articles: Sequence[Article], k: int = 8, max_df: int = 50, min_score: float = 0.0) -> list[DuplicatePair]:
    shingled = [shingle(a, k) for a in articles]
    pairs: list[DuplicatePair] = []
    for (i, j), shared in sorted(candidate_pairs(shingled, max_df).items()):
        na, nb = len(np.unique(shingled[i].hashes)), len(np.unique(shingled[j].hashes))
        score = shared / max(1, min(na, nb))
        if score < min_score:
            continue
        a, b = (i, j) if articles[i].id < articles[j].id else (j, i)
        passages = shared_passages(articles[a], shingled[a], articles[b], shingled[b], k)
        pairs.append(DuplicatePair(articles[a].id, articles[b].id, round(score, 4), round(shared / max(1, na + nb - shared), 4), passages))
    return pairs
