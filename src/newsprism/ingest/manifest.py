"""The optional manifest.csv: file, outlet, published, author, url (and anything else, kept)."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from .decode import decode_bytes

MANIFEST_FIELDS = ("outlet", "title", "published", "author", "url")


@dataclass(frozen=True, slots=True)
class Manifest:
    path: Path
    rows: dict[str, dict[str, str]]  # file name (as written) -> known metadata

    def lookup(self, file: Path) -> dict[str, str]:
        """Metadata for `file`, matched by path relative to the manifest, then by name."""
        try:
            rel = file.resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            rel = None
        for key in (rel, file.name):
            if key and key in self.rows:
                return self.rows[key]
        return {}


def read_manifest(path: Path) -> Manifest:
    try:
        text, _ = decode_bytes(path.read_bytes())
    except OSError as exc:
        raise UsageError(f"{path}: cannot read manifest ({exc.strerror})") from exc
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in [f.strip().lower() for f in reader.fieldnames]:
        raise UsageError(f"{path}: a manifest needs a header row with a 'file' column")
    rows: dict[str, dict[str, str]] = {}
    for row in reader:
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        name = clean.pop("file", "")
        if name:
            rows[name] = {k: v for k, v in clean.items() if k in MANIFEST_FIELDS and v}
    return Manifest(path=path, rows=rows)
