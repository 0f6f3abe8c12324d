"""The command line: thin commands over the API. Domain errors become messages and exit codes here.

Exit codes: 0 at least one article analysed; 2 usage error (bad option, missing path);
3 nothing usable (every input rejected); 4 model or store error.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .errors import ModelError, NothingUsable, StoreError, UsageError
from .settings import MB, Settings

EXIT_OK, EXIT_USAGE, EXIT_NOTHING_USABLE, EXIT_RESOURCE = 0, 2, 3, 4


class ExitError(click.ClickException):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.exit_code = code


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprism")
def main() -> None:
    """newsprism: one story, every outlet, side by side."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--out", "outdir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for story.json, report.html and newsprism.db (created if missing).")
@click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV of known metadata (file, outlet, published, author, url). Default: manifest.csv next to each file.")
@click.option("--no-manifest", is_flag=True, help="Ignore manifests: metadata only from the pages and input records.")
@click.option("--model", default=None, metavar="NAME|PATH",
              help="An installed spaCy pipeline (package name or path) to use instead of newsprism's own; "
                   "'rules' for the rule-based sentence splitter alone.")
@click.option("--attribution", type=click.Choice(["tagger", "rules"]), default="tagger", show_default=True,
              help="How quotes and reported speech are found: the trained attribution tagger with the cue "
                   "lexicon, or the cue lexicon's syntactic frames alone.")
@click.option("--max-mb", type=click.FloatRange(min=0.001), default=20, show_default=True,
              help="Inputs larger than this many megabytes are rejected.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no per-file rejection lines, no summary.")
def analyze(paths: tuple[str, ...], outdir: Path, manifest: Path | None, no_manifest: bool, model: str | None,
            attribution: str, max_mb: float, progress: bool | None, quiet: bool) -> None:
    """Analyze news pages: PATHS are files, folders (searched recursively) or globs
    (.txt page dumps, .html/.htm pages, .jsonl records, .gz of any of them).

    Writes OUTDIR/story.json, OUTDIR/report.html and OUTDIR/newsprism.db. Inputs that cannot be
    used are reported one line each (file: reason) and the others are still analyzed.
    """
    from .api import run

    if manifest and no_manifest:
        raise ExitError("--manifest and --no-manifest exclude each other", EXIT_USAGE)
    settings = Settings(manifest=manifest, no_manifest=no_manifest, model=model, attribution=attribution,
                        max_bytes=int(max_mb * MB))
    show_bar = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show_bar and not quiet:
        from tqdm import tqdm

        bar = tqdm(total=0, unit="B", unit_scale=True, desc="analyzing", file=sys.stderr)

    def on_progress(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.update(max(0, done - bar.n))

    try:
        story, summary = run(list(paths), outdir, settings, on_progress)
    except UsageError as exc:
        raise ExitError(str(exc), EXIT_USAGE) from exc
    except NothingUsable as exc:
        raise ExitError(str(exc), EXIT_NOTHING_USABLE) from exc
    except (ModelError, StoreError) as exc:
        raise ExitError(str(exc), EXIT_RESOURCE) from exc
    finally:
        if bar is not None:
            bar.close()
    if quiet:
        return
    for r in summary.rejections:
        click.echo(f"rejected: {r.source}: {r.reason}", err=True)
    reasons = ", ".join(f"{n} {why}" for why, n in summary.reasons().most_common())
    click.echo(
        f"{summary.files} file(s), {summary.documents} document(s) read: {summary.articles} article(s) kept"
        f" ({summary.reused} unchanged from the store), {len(summary.rejections)} rejected"
        + (f" ({reasons})" if reasons else "")
        + (f", {summary.duplicates_of_input} duplicate input(s) skipped" if summary.duplicates_of_input else "")
        + f", {len(story.duplicates)} pair(s) sharing passages"
        + f", {sum(len(a.claims) for a in story.articles)} figure(s) in {len(story.claim_groups)} ledger group(s)"
        + f" ({sum(g.status == 'conflict' for g in story.claim_groups)} in conflict)"
        + f", {sum(len(a.quotes) for a in story.articles)} quote(s) in {len(story.quote_groups)} group(s) across outlets"
        + f", {len(story.timeline)} dated expression(s); {summary.seconds:.1f} s",
        err=True,
    )
    click.echo(f"wrote {outdir / 'story.json'}, {outdir / 'report.html'}, {outdir / 'newsprism.db'}", err=True)


@main.command()
@click.argument("store", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", "html", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the report (an .html file).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def report(store: Path, html: Path, quiet: bool) -> None:
    """Rebuild the report from a newsprism store (OUTDIR/newsprism.db) without re-analysing:
    every article stored, with its figures, quotes, entities and groups as stored."""
    from .api import report as write

    try:
        story = write(store, html)
    except StoreError as exc:
        raise ExitError(str(exc), EXIT_RESOURCE) from exc
    except OSError as exc:
        raise ExitError(f"{html}: {exc.strerror or exc}", EXIT_RESOURCE) from exc
    if not quiet:
        click.echo(f"{len(story.articles)} article(s) from {store}; wrote {html}", err=True)


if __name__ == "__main__":
    main()
