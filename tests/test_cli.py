"""The CLI: help for every command, exit codes, the summary, bad inputs that do not stop the run."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import DEMO, FIXTURES, demo_text

from newsprism.cli import EXIT_NOTHING_USABLE, EXIT_RESOURCE, EXIT_USAGE, main


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [prefix]
    for name, command in group.commands.items():
        out += _commands(command, prefix + (name,)) if isinstance(command, click.Group) else [prefix + (name,)]
    return out


@pytest.mark.parametrize("command", _commands(main))
def test_cli_every_command_has_help(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output and len(result.output) > 200


def test_cli_docs_match_help() -> None:
    """docs/cli.md holds the --help text of every command; regenerate with tools/gen_cli_docs.py."""
    from tools_gen_cli_docs import render

    assert (FIXTURES.parent.parent / "docs" / "cli.md").read_text(encoding="utf-8") == render()


def test_cli_analyze_demo_writes_three_outputs(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(DEMO), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "5 file(s), 5 document(s) read: 5 article(s) kept" in result.output
    assert "1 pair(s) sharing passages" in result.output
    assert "in 6 ledger group(s) (0 in conflict)" in result.output
    assert "quote(s) in 2 group(s) across outlets" in result.output
    for name in ("story.json", "report.html", "newsprism.db"):
        assert (tmp_path / "out" / name).stat().st_size > 1000
    story = json.loads((tmp_path / "out" / "story.json").read_text(encoding="utf-8"))
    outlets = {a["source"].rsplit("/", 1)[-1]: (a["outlet"], a["published"], a["author"]) for a in story["articles"]}
    assert outlets["004_ef325f0aac841b1b.txt"] == ("The Independent", "2018-09-05", "Samuel Osborne")
    assert outlets["000_cf9e1645f651be02.txt"] == ("Breitbart", "2018-08-10", "Ben Kew")


def test_cli_bad_files_reported_and_others_analyzed(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(DEMO / "004_ef325f0aac841b1b.txt", folder)
    (folder / "empty.txt").write_text("")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 50)
    (folder / "big.txt").write_text(demo_text("haaretz") * 200)
    (folder / "french.txt").write_text("Les forces gouvernementales se préparent à une offensive dans la province, a déclaré une source. " * 10)
    result = CliRunner().invoke(main, ["analyze", str(folder), "-o", str(tmp_path / "out"), "--max-mb", "1"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("rejected: ")]
    assert sorted(line.split(": ", 2)[1].rsplit("/", 1)[-1] for line in lines) == ["big.txt", "binary.html", "empty.txt", "french.txt"]
    assert any("binary.html: binary content" in line for line in lines)
    assert any("empty.txt: empty file" in line for line in lines)
    assert any("big.txt: file too large" in line for line in lines)
    assert any("french.txt: not English (detected fr" in line for line in lines)
    assert "1 article(s) kept" in result.output and "4 rejected" in result.output


def test_cli_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(main, ["analyze", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o")])
    assert missing.exit_code == EXIT_USAGE and "no such file or folder" in missing.output
    assert runner.invoke(main, ["analyze", str(DEMO)]).exit_code == EXIT_USAGE  # no -o
    (tmp_path / "empty.txt").write_text("")
    nothing = runner.invoke(main, ["analyze", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o")])
    assert nothing.exit_code == EXIT_NOTHING_USABLE and "no usable article" in nothing.output
    bad_model = runner.invoke(main, ["analyze", str(DEMO), "-o", str(tmp_path / "o"), "--model", "no_such_pipeline_xyz"])
    assert bad_model.exit_code == EXIT_RESOURCE and "cannot load spaCy pipeline" in bad_model.output
    not_a_store = tmp_path / "other"
    not_a_store.mkdir()
    import sqlite3

    with sqlite3.connect(not_a_store / "newsprism.db") as conn:
        conn.execute("CREATE TABLE unrelated (x)")
    clash = runner.invoke(main, ["analyze", str(DEMO), "-o", str(not_a_store)])
    assert clash.exit_code == EXIT_RESOURCE and "not a newsprism store" in clash.output


def test_cli_model_option_loads_an_installed_pipeline(tmp_path: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.meta["name"] = "tiny_test"
    nlp.to_disk(tmp_path / "tiny")
    result = CliRunner().invoke(main, ["analyze", str(DEMO / "003_299db0a756a5e673.txt"), "-o", str(tmp_path / "o"), "--model", str(tmp_path / "tiny")])
    assert result.exit_code == 0, result.output
    story = json.loads((tmp_path / "o" / "story.json").read_text())
    assert story["generator"]["pipeline"] == "en_tiny_test-0.0.0"
    assert len(story["articles"][0]["sentences"]) == 30


def test_cli_manifest_option_and_conflict_recorded(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,outlet,published,author\n004_ef325f0aac841b1b.txt,The Independent,2018-09-06,Samuel Osborne\n")
    result = CliRunner().invoke(main, ["analyze", str(DEMO / "004_ef325f0aac841b1b.txt"), "-o", str(tmp_path / "o"), "--manifest", str(manifest)])
    assert result.exit_code == 0, result.output
    (article,) = json.loads((tmp_path / "o" / "story.json").read_text())["articles"]
    assert article["published"] == "2018-09-06" and article["meta_sources"]["published"] == "manifest"
    assert article["meta_conflicts"] == [{"field": "published", "page": "2018-09-05", "manifest": "2018-09-06"}]


def test_cli_demo_without_manifest_uses_what_the_pages_show(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(DEMO), "-o", str(tmp_path / "o"), "--no-manifest"])
    assert result.exit_code == 0, result.output
    story = json.loads((tmp_path / "o" / "story.json").read_text())
    meta = {a["source"].rsplit("/", 1)[-1][:3]: (a["outlet"], a["published"], a["author"], a["title"]) for a in story["articles"]}
    assert meta["004"][:3] == ("The Independent", "2018-09-05", "Samuel Osborne")
    assert meta["000"] == ("Breitbart", None, "Ben Kew", None)
    assert meta["001"] == ("Syria Direct", None, None, "Thousands flee southern Idlib as threat of pro-government offensive looms large")
    assert meta["002"] == (None, None, None, "Terrorists in Idlib CLASH Over Fears of Syrian Army Offensive")
    assert meta["003"][0] is None and meta["003"][3].startswith("Assad Offensive on Syria's Rebel-held Idlib")
    assert all(a["meta_sources"].get("outlet") in (None, "page", "page:interviews") for a in story["articles"])


def test_cli_unreadable_file_rejected_with_reason(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(DEMO / "000_cf9e1645f651be02.txt", folder)
    (folder / "gone.txt").symlink_to(tmp_path / "deleted-since.txt")
    result = CliRunner().invoke(main, ["analyze", str(folder), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert f"rejected: {folder / 'gone.txt'}: cannot read file (No such file or directory)" in result.output


def test_cli_progress_moves_inside_one_large_jsonl(tmp_path: Path) -> None:
    from newsprism.pipeline import analyze
    from newsprism.settings import Settings

    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for i in range(200):
            fh.write(json.dumps({"text": f"Bulletin {i}.\n\n" + demo_text(["breitbart", "haaretz"][i % 2]), "outlet": "Wire"}) + "\n")
    calls: list[tuple[int, int]] = []
    _, summary = analyze([feed], Settings(model="rules"), progress=lambda done, total: calls.append((done, total)))
    assert summary.articles == 200
    assert len(calls) >= 4 and calls[-1] == (feed.stat().st_size, feed.stat().st_size)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls) and 0 < calls[0][0] < calls[-1][0]
