"""Shared fixtures: the demo corpus, the shared data folder, a CLI runner."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "idlib-2018"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
DEMO_FILES = {
    "breitbart": "000_cf9e1645f651be02.txt",
    "syria_direct": "001_2021b83e1ab82546.txt",
    "pro_kremlin": "002_a2ca1a7cfa9f2611.txt",
    "haaretz": "003_299db0a756a5e673.txt",
    "independent": "004_ef325f0aac841b1b.txt",
}


def demo_text(name: str) -> str:
    return (DEMO / DEMO_FILES[name]).read_text(encoding="utf-8")


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """The demo pages without their manifest, in a fresh folder."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in DEMO_FILES.values():
        shutil.copy(DEMO / name, folder / name)
    return folder


def shared(*parts: str) -> Path:
    """A path under ../shared/data; the quality gates need it and fail loudly without it."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} is missing: the quality gates need ../shared/data (or NEWSPRISM_SHARED_DATA)")
    return path
