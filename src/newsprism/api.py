"""The Python API.

    import newsprism
    story = newsprism.analyze(["examples/idlib-2018"])            # -> Story, nothing written
    story, summary = newsprism.api.run(["pages/"], "out/")        # story.json, report.html, newsprism.db
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .model import Story
from .output.story_json import write_story_json
from .pipeline import ProgressFn, RunSummary
from .pipeline import analyze as _analyze
from .report.html import write_report
from .settings import Settings
from .store.sqlite import StoreWriter

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
