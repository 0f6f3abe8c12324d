"""Turn the user's PATH arguments (files, folders, globs) into an ordered list of input files."""
from __future__ import annotations

import glob
from pathlib import Path

from ..errors import UsageError

READABLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson")
MANIFEST_NAME = "manifest.csv"


def _is_input(path: Path) -> bool:
    return path.suffix.lower() in READABLE_SUFFIXES and not path.name.startswith(".")


def discover(paths: list[str | Path]) -> list[Path]:
    """Files to read, in a stable order, each once. Folders are searched recursively;
    a named file is read whatever its suffix (the reader then decides)."""
    found: dict[Path, None] = {}
    for raw in paths:
        text = str(raw)
        matches = [Path(p) for p in sorted(glob.glob(text, recursive=True))] if glob.has_magic(text) else [Path(text)]
        if not matches:
            raise UsageError(f"{text}: no file matches this pattern")
        for path in matches:
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    # a link that leads nowhere is listed too: the reader reports it as unreadable
                    if (child.is_file() or child.is_symlink()) and _is_input(child) and not any(p.startswith(".") for p in child.relative_to(path).parts):
                        found.setdefault(child, None)
            elif path.exists() or path.is_symlink():
                found.setdefault(path, None)
            else:
                raise UsageError(f"{text}: no such file or folder")
    return list(found)
