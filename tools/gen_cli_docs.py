"""Regenerate docs/cli.md from the CLI's --help. Run: .venv/bin/python tools/gen_cli_docs.py"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from tools_gen_cli_docs import render  # noqa: E402

(ROOT / "docs" / "cli.md").write_text(render(), encoding="utf-8")
print("wrote docs/cli.md")
