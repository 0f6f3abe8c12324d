"""The main job: paths -> Story. Stages are pure; this module only wires them and does the I/O
at the edges (reading files, an optional store that persists and reuses articles)."""
from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__
from .errors import InputRejected, NothingUsable
from .ingest.clean import clean, content_id
from .ingest.discover import MANIFEST_NAME, discover
from .ingest.manifest import Manifest, read_manifest
from .ingest.readers import read_file
from .entities.actors import actor_list
from .entities.link import link_entities
from .entities.mentions import ListedNames, story_mentions
from .figures import add_times_and_claims
from .geo.gazetteer import default_gazetteer
from .link.claim_groups import group_claims
from .link.duplicates import find_duplicates
from .link.quote_groups import group_quotes
from .link.timeline import build_timeline
from .model import Article, RawDocument, Rejection, Story
from .nlp.pipeline import SENTENCE_KINDS, add_sentences, load_pipeline, pipeline_id
from .quotes.settings import QuoteSettings
from .compare import with_comparison
from .settings import Settings
from .store.sqlite import StoreWriter


@dataclass(slots=True)
class RunSummary:
    files: int = 0
    documents: int = 0
    articles: int = 0
    reused: int = 0  # articles found in the store, not re-analysed
    duplicates_of_input: int = 0  # inputs with the same content as an earlier one
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    def reasons(self) -> Counter[str]:
        return Counter(r.reason.split(" (")[0] for r in self.rejections)


# Bumped when a stage's output changes, so that stored articles are analysed again.
STAGES = "clean-1 sentences-2 figures-3 quotes-5 mentions-12"

ProgressFn = Callable[[int, int], None]  # (bytes read, bytes in all): moves inside a large JSONL file too


class ManifestFinder:
    """The manifest for each input: the one given, else manifest.csv in the file's folder."""

    def __init__(self, given: Path | None, enabled: bool = True) -> None:
        self.enabled = enabled
        self.given = read_manifest(given) if given and enabled else None
        self.by_folder: dict[Path, Manifest | None] = {}

    def meta_for(self, path: Path) -> dict[str, str]:
        if not self.enabled:
            return {}
        manifest = self.given
        if manifest is None:
            folder = path.parent
            if folder not in self.by_folder:
                candidate = folder / MANIFEST_NAME
                self.by_folder[folder] = read_manifest(candidate) if candidate.is_file() else None
            manifest = self.by_folder[folder]
        return manifest.lookup(path) if manifest else {}


def fingerprint(raw: RawDocument, manifest_meta: dict[str, str], pipeline: str) -> str:
    """What a stored article was derived from besides its text: a changed manifest or model re-runs it."""
    payload = json.dumps([__version__, STAGES, pipeline, raw.hints, manifest_meta], sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _documents(files: list[Path], settings: Settings, summary: RunSummary, progress: ProgressFn | None) -> Iterator[RawDocument]:
    sizes = [_size(p) for p in files]
    total, before = sum(sizes), 0
    for path, size in zip(files, sizes):
        on_bytes = (lambda n, base=before: progress(base + n, total)) if progress else None
        for item in read_file(path, settings, on_bytes):
            if isinstance(item, Rejection):
                summary.rejections.append(item)
            else:
                summary.documents += 1
                yield item
        before += size
        if progress:
            progress(before, total)


def analyze(paths: Iterable[str | Path], settings: Settings = Settings(), store: StoreWriter | None = None,
            progress: ProgressFn | None = None) -> tuple[Story, RunSummary]:
    """Read, clean and compare the articles under `paths`. With a store, each article is saved as
    soon as it is analysed and articles already stored are reused."""
    started = time.perf_counter()
    files = discover(list(paths))
    summary = RunSummary(files=len(files))
    manifests = ManifestFinder(settings.manifest, enabled=not settings.no_manifest)
    nlp = load_pipeline(settings.model)
    quote_settings = QuoteSettings.load(settings.cue_lexicon, settings.speaker_types, nlp.vocab,
                                        use_tagger=settings.attribution == "tagger" and nlp.has_pipe("parser"))
    pipe_name = pipeline_id(nlp, quote_settings.tagger)
    actors = actor_list(tuple(settings.actors))
    listed = ListedNames(actors.names())
    if store:
        store.start_run(__version__, asdict(settings))
    articles: dict[str, Article] = {}
    for raw in _documents(files, settings, summary, progress):
        meta = manifests.meta_for(Path(raw.source.rsplit(":", 1)[0]) if raw.format.startswith("jsonl") else Path(raw.source))
        article_id = content_id(raw.source_text)
        if article_id in articles:
            summary.duplicates_of_input += 1
            if store:
                store.record_source(raw.source, "duplicate", article_id, f"same content as {articles[article_id].source}")
            continue
        mark = fingerprint(raw, meta, pipe_name)
        if store and store.fingerprint(article_id) == mark:
            articles[article_id] = store.load_article(article_id)
            summary.reused += 1
            continue
        try:
            article = clean(raw, meta, settings)
        except InputRejected as rejected:
            summary.rejections.append(Rejection(rejected.source, rejected.reason))
            continue
        article = add_times_and_claims(next(add_sentences([article], nlp, quotes=quote_settings, listed=listed)))
        articles[article.id] = article
        if store:
            store.save_article(article, mark)
    if store:
        for r in summary.rejections:
            store.record_source(r.source, "rejected", None, r.reason)
        store.commit()
    summary.articles = len(articles)
    kept = story_mentions(list(articles.values()), SENTENCE_KINDS)  # names the model found in another article
    if store:
        for before, after in zip(articles.values(), kept):
            if after is not before:
                store.save_article(after, store.fingerprint(after.id) or "")
        store.commit()
    articles = {a.id: a for a in kept}
    duplicates = find_duplicates(kept, settings.shingle_words, settings.max_shingle_df, settings.min_duplicate_score)
    claim_groups = group_claims(kept)
    timeline = build_timeline(kept)
    quote_groups = group_quotes(kept)
    entities, equations = link_entities(kept, actors, default_gazetteer(tuple(settings.places)))
    if store:
        store.save_duplicates(articles, duplicates)
        store.save_claim_groups(articles, claim_groups)
        store.save_quote_groups(articles, quote_groups)
        store.save_entities(articles, entities, equations)
        store.finish_run(summary.articles, len(summary.rejections))
    summary.seconds = time.perf_counter() - started
    story = Story(tuple(kept), tuple(summary.rejections), tuple(duplicates),
                  {"name": "newsprism", "version": __version__, "pipeline": pipe_name}, tuple(claim_groups), tuple(timeline),
                  tuple(quote_groups), entities, equations)
    story = with_comparison(story, settings)
    if not kept:
        raise NothingUsable(f"no usable article in {len(files)} file(s): " + "; ".join(f"{r.source}: {r.reason}" for r in summary.rejections[:5]))
    return story, summary
