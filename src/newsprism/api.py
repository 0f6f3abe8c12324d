"""The Python API.

    import newsprism
    story = newsprism.analyze(["examples/idlib-2018"])            # -> Story, nothing written
    story, summary = newsprism.api.run(["pages/"], "out/")        # story.json, report.html, newsprism.db
    story = newsprism.api.load_story("out/newsprism.db")          # the stored story, nothing re-analysed
    newsprism.api.report("out/newsprism.db", "report.html")       # its report
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .compare import with_comparison
from .link.timeline import build_timeline
from .model import Story
from .output.story_json import write_story_json
from .pipeline import ProgressFn, RunSummary
from .pipeline import analyze as _analyze
from .report.html import write_report
from .settings import Settings
from .store.sqlite import StoreReader, StoreWriter

STORY_JSON, REPORT_HTML, STORE_DB = "story.json", "report.html", "newsprism.db"


def analyze(paths: Iterable[str | Path] | str | Path, settings: Settings | None = None) -> Story:
    """The story told by the articles under `paths` (files, folders or globs). Writes nothing."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    story, _ = _analyze(paths, settings or Settings())
    return story


def run(paths: Iterable[str | Path], outdir: str | Path, settings: Settings | None = None,
        progress: ProgressFn | None = None) -> tuple[Story, RunSummary]:
    """analyze, then write OUTDIR/story.json, OUTDIR/report.html and OUTDIR/newsprism.db."""
    settings = settings or Settings()
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    if settings.write_store:
        with StoreWriter(out / STORE_DB) as store:
            story, summary = _analyze(paths, settings, store, progress)
    else:
        story, summary = _analyze(paths, settings, None, progress)
    if settings.write_json:
        write_story_json(story, out / STORY_JSON)
    if settings.write_report:
        write_report(story, out / REPORT_HTML, summary, settings.shingle_words)
    return story, summary


def load_story(store: str | Path, settings: Settings | None = None, comparison: bool = True) -> Story:
    """The story of every article in a newsprism store, with its groups as stored; the timeline and
    the comparison (families, coverage, framing, summary) are recomputed, nothing is re-analysed."""
    reader = StoreReader(Path(store))
    try:
        articles = tuple(reader.articles())
        run = reader.last_run()
        generator = {"name": "newsprism", "version": run.get("version", "unknown"),
                     "pipeline": f"stored in {Path(store).name}" + (f" (model {run['settings'].get('model')})"
                                                                  if run.get("settings", {}).get("model") else "")}
        story = Story(articles, tuple(reader.rejections()), tuple(reader.duplicates()), generator,
                      tuple(reader.claim_groups()), tuple(build_timeline(list(articles))), tuple(reader.quote_groups()),
                      tuple(reader.entities()), tuple(reader.equations()))
    finally:
        reader.close()
    return with_comparison(story, settings or Settings()) if comparison else story


def report(store: str | Path, html: str | Path, settings: Settings | None = None) -> Story:
    """Write the report of a stored story to `html` (see load_story)."""
    story = load_story(store, settings)
    write_report(story, Path(html), shingle_words=(settings or Settings()).shingle_words)
    return story
