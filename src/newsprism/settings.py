"""The one settings object, built once at the edge (CLI or API) and passed down."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Settings:
    # Where a manifest is (None: look for manifest.csv next to each input file).
    manifest: Path | None = None
    # Ignore manifests entirely (metadata from the pages and input records only).
    no_manifest: bool = False
    # spaCy pipeline name or path; None: the rule-based sentence splitter only.
    model: str | None = None
    # Inputs larger than this are rejected.
    max_bytes: int = 20 * MB
    # Minimum words of running text for a document to count as an article.
    min_words: int = 25
    # Required language (ISO 639-1): it must score best, and above this share of function words
    # (the lowest of 10,000 English news articles in ../shared/data/bulk scores 0.15).
    language: str = "en"
    min_language_score: float = 0.12
    # Near-duplicate detection: shingle size in words, and the minimum score kept (share of the
    # shorter article's shingles found in the other; 0 lists every pair sharing any passage).
    shingle_words: int = 8
    min_duplicate_score: float = 0.02
    # Shingles found in more than this many articles are boilerplate, not shared copy.
    max_shingle_df: int = 50
    # Quotes: extra cue-lexicon rows (TSV: lemma, frame, cue, seen) and speaker-type rows (TSV:
    # term, type) over the shipped ones in resources/quotes.
    cue_lexicon: Path | None = None
    speaker_types: Path | None = None
    # How attributions are found: "tagger" (the statistical attribution tagger, trained on PolNeAR,
    # together with the cue lexicon's syntactic frames) or "rules" (the frames alone).
    attribution: str = "tagger"
    # Entities: extra actor-list files (TSV: id, name, type, aliases, relations; see
    # resources/entities/actors.tsv) and extra gazetteer rows (TSV: country, name, lat, lon, feature,
    # geonameid) for places GeoNames lacks.
    actors: tuple[Path, ...] = ()
    places: tuple[Path, ...] = ()
    # Comparison: extra news-agency rows (TSV: agency, aliases) and framing-lexicon rows (TSV:
    # referent, term, forms, tone) over resources/compare; two articles sharing at least this share of
    # the shorter text are one source, not two independent confirmations.
    agencies: tuple[Path, ...] = ()
    framing: tuple[Path, ...] = ()
    min_copy_share: float = 0.25
    # Show a progress bar.
    progress: bool = False
    # Output switches.
    write_json: bool = True
    write_report: bool = True
    write_store: bool = True

    def with_(self, **changes: object) -> "Settings":
        return replace(self, **changes)  # type: ignore[arg-type]
