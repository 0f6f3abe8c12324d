"""Data files shipped with newsprism, and the one reader of their tab-separated lists."""
from __future__ import annotations

import csv
from importlib.abc import Traversable
from pathlib import Path


def tsv_rows(path: Path | Traversable) -> list[dict[str, str]]:
    """The rows of a tab-separated list with a header; lines starting with # are comments."""
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
