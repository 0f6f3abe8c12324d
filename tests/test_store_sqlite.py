"""The SQLite store: versioned schema, idempotent re-runs, incremental adds, killed runs."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DEMO, DEMO_FILES, demo_text

from newsprism.api import run
from newsprism.settings import Settings
from newsprism.store import SCHEMA_VERSION, StoreReader

TABLES = ("articles", "blocks", "dropped", "sentences", "meta_conflicts", "sources", "duplicate_pairs", "shared_passages",
          "times", "claims", "claim_groups", "claim_group_members", "quotes", "quote_groups", "quote_group_members")


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_store_schema_is_versioned_and_readable(tmp_path: Path) -> None:
    run([DEMO], tmp_path)
    db = tmp_path / "newsprism.db"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    reader = StoreReader(db)
    articles = list(reader.articles())
    assert len(articles) == 5 and len(reader.duplicates()) == 1
    independent = next(a for a in articles if a.source.endswith(DEMO_FILES["independent"]))
    assert independent.source_text == demo_text("independent")
    assert all(independent.source_text[b.start:b.end] == b.text for b in independent.blocks)


def test_store_keeps_times_claims_and_the_ledger(tmp_path: Path) -> None:
    story, _ = run([DEMO], tmp_path, Settings(model="rules"))
    reader = StoreReader(tmp_path / "newsprism.db")
    stored = {a.id: a for a in reader.articles()}
    for article in story.articles:
        assert stored[article.id].times == article.times and stored[article.id].claims == article.claims
    assert sorted(reader.claim_groups(), key=lambda g: g.id) == sorted(story.claim_groups, key=lambda g: g.id)
    # a re-run rebuilds the same ledger from the stored articles
    again, summary = run([DEMO], tmp_path, Settings(model="rules"))
    assert summary.reused == 5
    assert sorted(again.claim_groups, key=lambda g: g.id) == sorted(story.claim_groups, key=lambda g: g.id)


def test_store_rerun_adds_no_rows_and_reuses_articles(tmp_path: Path) -> None:
    _, first = run([DEMO], tmp_path)
    before = counts(tmp_path / "newsprism.db")
    story, second = run([DEMO], tmp_path)
    assert counts(tmp_path / "newsprism.db") == before
    assert (first.reused, second.reused) == (0, 5) and len(story.articles) == 5


def test_store_new_file_adds_only_it(tmp_path: Path, demo_copy: Path) -> None:
    newest = demo_copy / DEMO_FILES["independent"]
    held_back = tmp_path / "later.txt"
    shutil.move(newest, held_back)
    run([demo_copy], tmp_path / "out")
    before = counts(tmp_path / "out" / "newsprism.db")
    shutil.move(held_back, newest)
    _, summary = run([demo_copy], tmp_path / "out")
    after = counts(tmp_path / "out" / "newsprism.db")
    assert (summary.reused, summary.articles) == (4, 5)
    assert after["articles"] == before["articles"] + 1 and after["sources"] == before["sources"] + 1
    assert after["blocks"] - before["blocks"] == _block_count(tmp_path / "out" / "newsprism.db", newest) > 20


def _block_count(db: Path, source: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM blocks JOIN articles ON articles.id = blocks.article_id WHERE source = ?",
                            (str(source),)).fetchone()[0]


def test_store_killed_run_is_consistent_and_next_run_completes(tmp_path: Path) -> None:
    """Kill `newsprism analyze` (SIGKILL) half-way through 400 pages, then run it again."""
    pages = tmp_path / "pages"
    pages.mkdir()
    texts = [demo_text(n) for n in DEMO_FILES]
    for i in range(400):  # distinct pages: each a demo page with its own dateline
        (pages / f"page{i:03d}.txt").write_text(f"Bulletin number {i} of the day.\n\n" + texts[i % 5], encoding="utf-8")
    out = tmp_path / "out"
    db = out / "newsprism.db"
    # the store is under test, not the language pipeline: the rule-based splitter keeps the run short
    cli = [sys.executable, "-m", "newsprism.cli", "analyze", str(pages), "-o", str(out), "--no-progress", "--model", "rules"]
    proc = subprocess.Popen(cli, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored = counts(db)["articles"]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 50:
                break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail(f"the run ended (rc={proc.returncode}) before it could be killed; stored {stored}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = counts(db)
    assert 50 <= partial["articles"] < 400
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = conn.execute("SELECT count(*) FROM blocks WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
        empty = conn.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM blocks)").fetchone()[0]
        assert orphans == 0 and empty == 0
        assert conn.execute("SELECT finished_at FROM runs").fetchall() == [(None,)]
    assert subprocess.run(cli, capture_output=True).returncode == 0
    final = counts(db)
    assert final["articles"] == 400 and final["sources"] == 400
    with sqlite3.connect(db) as conn:
        reused = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert reused == 400
        assert conn.execute("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL").fetchone()[0] == 1


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    from newsprism.errors import StoreError
    from newsprism.store import StoreWriter

    run([DEMO / DEMO_FILES["breitbart"]], tmp_path, Settings(write_json=False, write_report=False))
    with sqlite3.connect(tmp_path / "newsprism.db") as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this newsprism"):
        StoreWriter(tmp_path / "newsprism.db")
