"""Render docs/cli.md from the CLI's own --help (imported by the docs drift test)."""
from __future__ import annotations

from click.testing import CliRunner

from newsprism.cli import main


def render() -> str:
    parts = ["# Command-line reference\n\nGenerated from `--help` by `tools/gen_cli_docs.py`; "
             "a test fails when this file and the CLI drift apart.\n"]
    commands: list[list[str]] = [[]] + [[name] for name in sorted(main.commands)]
    for command in commands:
        output = CliRunner().invoke(main, [*command, "--help"], terminal_width=100).output
        title = " ".join(["newsprism", *command])
        parts.append(f"\n## `{title}`\n\n```\n{output.rstrip()}\n```\n")
    return "".join(parts)
