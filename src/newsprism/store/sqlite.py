"""The embedded SQLite store: explicit schema versions, one writer, read-only readers.

Every article is written with its blocks, dropped lines, sentences and metadata conflicts in one
transaction, so a run killed at any point leaves a consistent file; the next run skips what is
stored (same content hash, same fingerprint) and completes the rest. Primary keys make re-runs
idempotent.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import (Alias, Article, Block, Claim, ClaimGroup, ClaimRef, DuplicatePair, Dropped, Entity, Equation, Geo,
                     Mention, MentionRef, MetaConflict, Quote, QuoteGroup, QuoteRef, Rejection, SharedPassage, Span, TimeExpr)

APPLICATION_ID = 0x4E575350  # "NWSP": marks a file as a newsprism store

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_initial", """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT NOT NULL,
        extractor TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        outlet TEXT, title TEXT, author TEXT, published TEXT, url TEXT,
        language TEXT NOT NULL,
        source_text TEXT NOT NULL,
        raw_html TEXT,
        meta_sources TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE TABLE blocks (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        html_start INTEGER, html_end INTEGER, text TEXT NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    CREATE TABLE dropped (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, reason TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    CREATE TABLE meta_conflicts (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        field TEXT NOT NULL, page TEXT NOT NULL, manifest TEXT NOT NULL,
        PRIMARY KEY (article_id, field)
    );
    CREATE TABLE sources (
        source TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('article', 'rejected', 'duplicate')),
        article_id TEXT,
        reason TEXT,
        seen_at TEXT NOT NULL
    );
    CREATE TABLE duplicate_pairs (
        a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        score REAL NOT NULL, jaccard REAL NOT NULL,
        PRIMARY KEY (a, b)
    );
    CREATE TABLE shared_passages (
        a TEXT NOT NULL, b TEXT NOT NULL, seq INTEGER NOT NULL,
        a_start INTEGER NOT NULL, a_end INTEGER NOT NULL, b_start INTEGER NOT NULL, b_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (a, b, seq),
        FOREIGN KEY (a, b) REFERENCES duplicate_pairs(a, b) ON DELETE CASCADE
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL, finished_at TEXT,
        newsprism_version TEXT NOT NULL, settings TEXT NOT NULL,
        articles INTEGER, rejected INTEGER
    );
    CREATE INDEX blocks_kind ON blocks(kind);
    CREATE INDEX articles_outlet ON articles(outlet);
    """),
    ("0002_times_claims", """
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        type TEXT NOT NULL, value TEXT, precision TEXT NOT NULL, relative INTEGER NOT NULL, pattern TEXT NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        value REAL, low REAL, high REAL, qualifier TEXT, bound TEXT NOT NULL, unit TEXT,
        counted TEXT, kind TEXT NOT NULL, term TEXT, reporting_unit TEXT, place TEXT, period TEXT,
        source TEXT, source_start INTEGER, source_end INTEGER,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    CREATE TABLE claim_groups (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, scope TEXT NOT NULL, period TEXT,
        status TEXT NOT NULL CHECK (status IN ('agree', 'compatible', 'conflict', 'related', 'single')),
        reason TEXT NOT NULL
    );
    CREATE TABLE claim_group_members (
        group_id TEXT NOT NULL REFERENCES claim_groups(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        claim INTEGER NOT NULL, low REAL, high REAL, via TEXT,
        PRIMARY KEY (group_id, seq),
        FOREIGN KEY (article_id, claim) REFERENCES claims(article_id, seq) ON DELETE CASCADE
    );
    CREATE INDEX times_value ON times(value);
    CREATE INDEX claims_kind ON claims(kind);
    CREATE INDEX claim_group_members_article ON claim_group_members(article_id);
    """),
    ("0003_quotes", """
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        parts TEXT NOT NULL, mode TEXT NOT NULL CHECK (mode IN ('direct', 'indirect', 'mixed')),
        cue TEXT, cue_start INTEGER, cue_end INTEGER,
        speaker TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_name TEXT,
        speaker_kind TEXT NOT NULL, speaker_type TEXT NOT NULL, resolved_by TEXT NOT NULL, medium TEXT,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    CREATE TABLE quote_groups (
        id TEXT PRIMARY KEY, reference TEXT NOT NULL, speakers TEXT NOT NULL, same_speaker INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('identical', 'variants'))
    );
    CREATE TABLE quote_group_members (
        group_id TEXT NOT NULL REFERENCES quote_groups(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        quote INTEGER NOT NULL, text TEXT NOT NULL, diff TEXT NOT NULL,
        PRIMARY KEY (group_id, seq),
        FOREIGN KEY (article_id, quote) REFERENCES quotes(article_id, seq) ON DELETE CASCADE
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_name);
    CREATE INDEX quote_group_members_article ON quote_group_members(article_id);
    """),
    ("0004_entities", """
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
        label TEXT NOT NULL, descriptor TEXT, sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        PRIMARY KEY (article_id, seq)
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, actor TEXT, country TEXT,
        aliases TEXT NOT NULL, descriptors TEXT NOT NULL, relations TEXT NOT NULL,
        geo_feature TEXT, geonameid INTEGER, geo_name TEXT, geo_country TEXT, lat REAL, lon REAL,
        geo_matched TEXT, geo_reason TEXT
    );
    CREATE TABLE entity_mentions (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, article_id TEXT NOT NULL, mention INTEGER NOT NULL,
        PRIMARY KEY (entity_id, seq),
        FOREIGN KEY (article_id, mention) REFERENCES mentions(article_id, seq) ON DELETE CASCADE
    );
    CREATE TABLE equations (
        a TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE, b TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        how TEXT NOT NULL CHECK (how IN ('equates', 'relates')), cue TEXT NOT NULL,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL
    );
    CREATE INDEX mentions_text ON mentions(text);
    CREATE INDEX entity_mentions_article ON entity_mentions(article_id, mention);
    CREATE INDEX entities_geonameid ON entities(geonameid);
    """),
)
SCHEMA_VERSION = len(MIGRATIONS)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.row_factory = sqlite3.Row
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this file lacks; returns the schema version."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables):
        raise StoreError("not a newsprism store (it holds other tables)")
    if version > SCHEMA_VERSION:
        raise StoreError(f"store schema version {version} is newer than this newsprism ({SCHEMA_VERSION}); upgrade newsprism")
    for number, (_name, sql) in enumerate(MIGRATIONS, start=1):
        if number <= version:
            continue
        conn.executescript(f"BEGIN; {sql}; PRAGMA user_version={number}; PRAGMA application_id={APPLICATION_ID}; COMMIT;")
    return SCHEMA_VERSION


class StoreWriter:
    """The one writer of a store. Articles are committed in small batches."""

    def __init__(self, path: Path, batch_size: int = 25) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = _connect(path, readonly=False)
            migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open store ({exc})") from exc
        self.path = path
        self.batch_size = batch_size
        self.pending = 0
        self.run_id: int | None = None

    def __enter__(self) -> "StoreWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.commit()
        self.conn.close()

    def commit(self) -> None:
        self.conn.commit()
        self.pending = 0

    def _maybe_commit(self) -> None:
        self.pending += 1
        if self.pending >= self.batch_size:
            self.commit()

    def start_run(self, version: str, settings: dict) -> None:
        cur = self.conn.execute("INSERT INTO runs (started_at, newsprism_version, settings) VALUES (?, ?, ?)",
                                (_now(), version, json.dumps(settings, default=str, sort_keys=True)))
        self.run_id = cur.lastrowid
        self.commit()

    def finish_run(self, articles: int, rejected: int) -> None:
        self.conn.execute("UPDATE runs SET finished_at=?, articles=?, rejected=? WHERE id=?", (_now(), articles, rejected, self.run_id))
        self.commit()

    def fingerprint(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT fingerprint FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def load_article(self, article_id: str) -> Article:
        return _load_article(self.conn, article_id)

    def save_article(self, article: Article, fingerprint: str) -> None:
        c = self.conn
        c.execute("DELETE FROM articles WHERE id=?", (article.id,))
        c.execute(
            "INSERT INTO articles (id, source, format, encoding, extractor, fingerprint, outlet, title, author, published, url,"
            " language, source_text, raw_html, meta_sources, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.id, article.source, article.format, article.encoding, article.extractor, fingerprint, article.outlet,
             article.title, article.author, article.published, article.url, article.language, article.source_text,
             article.raw_html, json.dumps(article.meta_sources, sort_keys=True), _now()),
        )
        c.executemany('INSERT INTO blocks (article_id, seq, kind, start, "end", html_start, html_end, text) VALUES (?,?,?,?,?,?,?,?)',
                      [(article.id, i, b.kind, b.start, b.end, b.html_start, b.html_end, b.text) for i, b in enumerate(article.blocks)])
        c.executemany('INSERT INTO dropped (article_id, seq, reason, start, "end") VALUES (?,?,?,?,?)',
                      [(article.id, i, d.reason, d.start, d.end) for i, d in enumerate(article.dropped)])
        c.executemany('INSERT INTO sentences (article_id, seq, start, "end") VALUES (?,?,?,?)',
                      [(article.id, i, s.start, s.end) for i, s in enumerate(article.sentences)])
        c.executemany("INSERT INTO meta_conflicts (article_id, field, page, manifest) VALUES (?,?,?,?)",
                      [(article.id, m.field, m.page, m.manifest) for m in article.meta_conflicts])
        c.executemany('INSERT INTO times (article_id, seq, start, "end", text, type, value, precision, relative, pattern)'
                      " VALUES (?,?,?,?,?,?,?,?,?,?)",
                      [(article.id, i, t.start, t.end, t.text, t.type, t.value, t.precision, int(t.relative), t.pattern)
                       for i, t in enumerate(article.times)])
        c.executemany('INSERT INTO claims (article_id, seq, start, "end", text, value, low, high, qualifier, bound, unit, counted,'
                      " kind, term, reporting_unit, place, period, source, source_start, source_end, sentence_start, sentence_end)"
                      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      [(article.id, i, k.start, k.end, k.text, k.value, k.low, k.high, k.qualifier, k.bound, k.unit, k.counted,
                        k.kind, k.term, k.reporting_unit, k.place, k.period, k.source, k.source_start, k.source_end,
                        k.sentence.start, k.sentence.end) for i, k in enumerate(article.claims)])
        c.executemany('INSERT INTO quotes (article_id, seq, start, "end", text, parts, mode, cue, cue_start, cue_end, speaker,'
                      " speaker_start, speaker_end, speaker_name, speaker_kind, speaker_type, resolved_by, medium, sentence_start,"
                      " sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      [(article.id, i, q.start, q.end, q.text, json.dumps([[p.start, p.end] for p in q.parts]), q.mode, q.cue,
                        q.cue_start, q.cue_end, q.speaker, q.speaker_start, q.speaker_end, q.speaker_name, q.speaker_kind,
                        q.speaker_type, q.resolved_by, q.medium, q.sentence.start, q.sentence.end)
                       for i, q in enumerate(article.quotes)])
        c.executemany('INSERT INTO mentions (article_id, seq, start, "end", text, label, descriptor, sentence_start, sentence_end)'
                      " VALUES (?,?,?,?,?,?,?,?,?)",
                      [(article.id, i, m.start, m.end, m.text, m.label, m.descriptor, m.sentence.start, m.sentence.end)
                       for i, m in enumerate(article.mentions)])
        self.record_source(article.source, "article", article.id, None)

    def record_source(self, source: str, status: str, article_id: str | None, reason: str | None) -> None:
        self.conn.execute("INSERT OR REPLACE INTO sources (source, status, article_id, reason, seen_at) VALUES (?,?,?,?,?)",
                          (source, status, article_id, reason, _now()))
        self._maybe_commit()

    def _mark_run_ids(self, article_ids: Iterable[str]) -> None:
        """Fill the temporary table `run_ids` with the run's article ids (for set-based replaces)."""
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS run_ids (id TEXT PRIMARY KEY)")
        self.conn.execute("DELETE FROM run_ids")
        self.conn.executemany("INSERT OR IGNORE INTO run_ids VALUES (?)", [(i,) for i in article_ids])

    def save_claim_groups(self, article_ids: Iterable[str], groups: Iterable[ClaimGroup]) -> None:
        """Replace the claim groups touching `article_ids` with `groups`."""
        with self.conn:
            self._mark_run_ids(article_ids)
            self.conn.execute("DELETE FROM claim_groups WHERE id IN (SELECT group_id FROM claim_group_members"
                              " WHERE article_id IN (SELECT id FROM run_ids))")
            for g in groups:
                self.conn.execute("INSERT OR REPLACE INTO claim_groups (id, kind, scope, period, status, reason) VALUES (?,?,?,?,?,?)",
                                  (g.id, g.kind, g.scope, g.period, g.status, g.reason))
                self.conn.executemany(
                    "INSERT INTO claim_group_members (group_id, seq, article_id, claim, low, high, via) VALUES (?,?,?,?,?,?,?)",
                    [(g.id, i, m.article_id, m.claim, m.low, m.high, m.via) for i, m in enumerate(g.members)])
        self.pending = 0

    def save_quote_groups(self, article_ids: Iterable[str], groups: Iterable[QuoteGroup]) -> None:
        """Replace the quote groups touching `article_ids` with `groups`."""
        with self.conn:
            self._mark_run_ids(article_ids)
            self.conn.execute("DELETE FROM quote_groups WHERE id IN (SELECT group_id FROM quote_group_members"
                              " WHERE article_id IN (SELECT id FROM run_ids))")
            for g in groups:
                self.conn.execute("INSERT OR REPLACE INTO quote_groups (id, reference, speakers, same_speaker, status) VALUES (?,?,?,?,?)",
                                  (g.id, g.reference, json.dumps(list(g.speakers), ensure_ascii=False), int(g.same_speaker), g.status))
                self.conn.executemany(
                    "INSERT INTO quote_group_members (group_id, seq, article_id, quote, text, diff) VALUES (?,?,?,?,?,?)",
                    [(g.id, i, m.article_id, m.quote, m.text, json.dumps(m.diff, ensure_ascii=False)) for i, m in enumerate(g.members)])
        self.pending = 0

    def save_entities(self, article_ids: Iterable[str], entities: Iterable[Entity], equations: Iterable[Equation]) -> None:
        """Replace the entities (and equations) with mentions in `article_ids` by `entities`."""
        with self.conn:
            self._mark_run_ids(article_ids)
            self.conn.execute("DELETE FROM entities WHERE id IN (SELECT entity_id FROM entity_mentions"
                              " WHERE article_id IN (SELECT id FROM run_ids))")
            for e in entities:
                g = e.geo
                self.conn.execute(
                    "INSERT OR REPLACE INTO entities (id, name, type, actor, country, aliases, descriptors, relations, geo_feature,"
                    " geonameid, geo_name, geo_country, lat, lon, geo_matched, geo_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (e.id, e.name, e.type, e.actor, e.country, json.dumps([[a.name, a.outlets] for a in e.aliases], ensure_ascii=False),
                     json.dumps(list(e.descriptors), ensure_ascii=False), json.dumps([list(r) for r in e.relations]),
                     g.feature if g else None, g.geonameid if g else None, g.name if g else None, g.country if g else None,
                     g.lat if g else None, g.lon if g else None, g.matched if g else None, g.reason if g else None))
                self.conn.executemany("INSERT INTO entity_mentions (entity_id, seq, article_id, mention) VALUES (?,?,?,?)",
                                      [(e.id, i, m.article_id, m.mention) for i, m in enumerate(e.mentions)])
            self.conn.executemany("INSERT INTO equations (a, b, article_id, how, cue, sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?)",
                                  [(q.a, q.b, q.article_id, q.how, q.cue, q.sentence.start, q.sentence.end) for q in equations])
        self.pending = 0

    def save_duplicates(self, article_ids: Iterable[str], pairs: Iterable[DuplicatePair]) -> None:
        """Replace the duplicate pairs among `article_ids` with `pairs`."""
        with self.conn:
            self._mark_run_ids(article_ids)
            self.conn.execute("DELETE FROM duplicate_pairs WHERE a IN (SELECT id FROM run_ids) AND b IN (SELECT id FROM run_ids)")
            for p in pairs:
                self.conn.execute("INSERT INTO duplicate_pairs (a, b, score, jaccard) VALUES (?,?,?,?)", (p.a, p.b, p.score, p.jaccard))
                self.conn.executemany(
                    "INSERT INTO shared_passages (a, b, seq, a_start, a_end, b_start, b_end, text) VALUES (?,?,?,?,?,?,?,?)",
                    [(p.a, p.b, i, s.a_start, s.a_end, s.b_start, s.b_end, s.text) for i, s in enumerate(p.passages)])
        self.pending = 0


def _load_article(conn: sqlite3.Connection, article_id: str) -> Article:
    row = conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
    if row is None:
        raise KeyError(article_id)
    blocks = tuple(Block(r["kind"], r["start"], r["end"], r["text"], r["html_start"], r["html_end"])
                   for r in conn.execute('SELECT * FROM blocks WHERE article_id=? ORDER BY seq', (article_id,)))
    dropped = tuple(Dropped(r["reason"], r["start"], r["end"])
                    for r in conn.execute("SELECT * FROM dropped WHERE article_id=? ORDER BY seq", (article_id,)))
    sentences = tuple(Span(r["start"], r["end"])
                      for r in conn.execute("SELECT * FROM sentences WHERE article_id=? ORDER BY seq", (article_id,)))
    conflicts = tuple(MetaConflict(r["field"], r["page"], r["manifest"])
                      for r in conn.execute("SELECT * FROM meta_conflicts WHERE article_id=? ORDER BY field", (article_id,)))
    times = tuple(TimeExpr(r["start"], r["end"], r["text"], r["type"], r["value"], r["precision"], bool(r["relative"]), r["pattern"])
                  for r in conn.execute("SELECT * FROM times WHERE article_id=? ORDER BY seq", (article_id,)))
    claims = tuple(Claim(r["start"], r["end"], r["text"], r["value"], r["low"], r["high"], r["qualifier"], r["bound"], r["unit"],
                         r["counted"], r["kind"], r["term"], r["reporting_unit"], r["place"], r["period"], r["source"],
                         r["source_start"], r["source_end"], Span(r["sentence_start"], r["sentence_end"]))
                   for r in conn.execute("SELECT * FROM claims WHERE article_id=? ORDER BY seq", (article_id,)))
    quotes = tuple(Quote(r["start"], r["end"], r["text"], tuple(Span(a, b) for a, b in json.loads(r["parts"])), r["mode"], r["cue"],
                         r["cue_start"], r["cue_end"], r["speaker"], r["speaker_start"], r["speaker_end"], r["speaker_name"],
                         r["speaker_kind"], r["speaker_type"], r["resolved_by"], r["medium"],
                         Span(r["sentence_start"], r["sentence_end"]))
                   for r in conn.execute("SELECT * FROM quotes WHERE article_id=? ORDER BY seq", (article_id,)))
    mentions = tuple(Mention(r["start"], r["end"], r["text"], r["label"], Span(r["sentence_start"], r["sentence_end"]), r["descriptor"])
                     for r in conn.execute("SELECT * FROM mentions WHERE article_id=? ORDER BY seq", (article_id,)))
    return Article(
        id=row["id"], source=row["source"], format=row["format"], encoding=row["encoding"], source_text=row["source_text"],
        raw_html=row["raw_html"], extractor=row["extractor"], outlet=row["outlet"], title=row["title"], author=row["author"],
        published=row["published"], url=row["url"], language=row["language"], blocks=blocks, dropped=dropped,
        meta_sources=json.loads(row["meta_sources"]), meta_conflicts=conflicts, sentences=sentences,
        times=times, claims=claims, quotes=quotes, mentions=mentions,
    )


class StoreReader:
    """Read-only access to a store (never migrates, never writes)."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise StoreError(f"{path}: no such store")
        self.conn = _connect(path, readonly=True)
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if self.conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise StoreError(f"{path}: not a newsprism store")
        if version != SCHEMA_VERSION:
            raise StoreError(f"{path}: schema version {version}, this newsprism reads {SCHEMA_VERSION}")

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY source")]

    def articles(self) -> Iterator[Article]:
        for article_id in self.article_ids():
            yield _load_article(self.conn, article_id)

    def duplicates(self) -> list[DuplicatePair]:
        pairs = []
        for r in self.conn.execute("SELECT * FROM duplicate_pairs ORDER BY a, b").fetchall():
            passages = tuple(SharedPassage(p["a_start"], p["a_end"], p["b_start"], p["b_end"], p["text"]) for p in self.conn.execute(
                "SELECT * FROM shared_passages WHERE a=? AND b=? ORDER BY seq", (r["a"], r["b"])))
            pairs.append(DuplicatePair(r["a"], r["b"], r["score"], r["jaccard"], passages))
        return pairs

    def claim_groups(self) -> list[ClaimGroup]:
        groups = []
        for g in self.conn.execute("SELECT * FROM claim_groups ORDER BY kind, scope, period, id").fetchall():
            members = []
            for m in self.conn.execute(
                    "SELECT m.*, a.outlet, c.text, c.counted, c.source, c.start, c.\"end\", c.sentence_start, c.sentence_end"
                    " FROM claim_group_members m JOIN articles a ON a.id = m.article_id"
                    " JOIN claims c ON c.article_id = m.article_id AND c.seq = m.claim WHERE m.group_id=? ORDER BY m.seq", (g["id"],)):
                members.append(ClaimRef(m["article_id"], m["outlet"], m["claim"], m["text"], m["low"], m["high"], m["counted"],
                                        m["source"], m["start"], m["end"], Span(m["sentence_start"], m["sentence_end"]), m["via"]))
            groups.append(ClaimGroup(g["id"], g["kind"], g["scope"], g["period"], g["status"], g["reason"], tuple(members)))
        return groups

    def quote_groups(self) -> list[QuoteGroup]:
        groups = []
        for g in self.conn.execute("SELECT * FROM quote_groups ORDER BY id").fetchall():
            members = []
            for m in self.conn.execute(
                    "SELECT m.*, a.outlet, q.speaker, q.speaker_name, q.speaker_kind, q.start, q.\"end\", q.sentence_start,"
                    " q.sentence_end FROM quote_group_members m JOIN articles a ON a.id = m.article_id"
                    " JOIN quotes q ON q.article_id = m.article_id AND q.seq = m.quote WHERE m.group_id=? ORDER BY m.seq", (g["id"],)):
                members.append(QuoteRef(m["article_id"], m["outlet"], m["quote"], m["text"], m["speaker"], m["speaker_name"],
                                        m["speaker_kind"], m["start"], m["end"], Span(m["sentence_start"], m["sentence_end"]),
                                        tuple(tuple(d) for d in json.loads(m["diff"]))))
            groups.append(QuoteGroup(g["id"], g["reference"], tuple(json.loads(g["speakers"])), bool(g["same_speaker"]),
                                     g["status"], tuple(members)))
        return groups

    def entities(self) -> list[Entity]:
        out = []
        for e in self.conn.execute("SELECT * FROM entities ORDER BY id").fetchall():
            refs = tuple(MentionRef(r["article_id"], r["mention"]) for r in self.conn.execute(
                "SELECT article_id, mention FROM entity_mentions WHERE entity_id=? ORDER BY seq", (e["id"],)))
            geo = Geo(e["geo_feature"], e["geonameid"], e["geo_name"], e["geo_country"], e["lat"], e["lon"], e["geo_matched"],
                      e["geo_reason"] or "") if e["geo_feature"] else None
            out.append(Entity(e["id"], e["name"], e["type"], tuple(Alias(n, c) for n, c in json.loads(e["aliases"])), refs,
                              tuple(json.loads(e["descriptors"])), e["actor"], tuple(tuple(r) for r in json.loads(e["relations"])),
                              e["country"], geo))
        return out

    def equations(self) -> list[Equation]:
        return [Equation(r["a"], r["b"], r["article_id"], r["outlet"], r["how"], r["cue"], Span(r["sentence_start"], r["sentence_end"]))
                for r in self.conn.execute("SELECT q.*, a.outlet FROM equations q JOIN articles a ON a.id = q.article_id"
                                           " ORDER BY q.a, q.b, a.outlet")]

    def rejections(self) -> list[Rejection]:
        return [Rejection(r["source"], r["reason"] or "") for r in
                self.conn.execute("SELECT source, reason FROM sources WHERE status='rejected' ORDER BY source")]

    def last_run(self) -> dict[str, Any]:
        """The latest run's version and settings ({} for a store no run finished)."""
        row = self.conn.execute("SELECT newsprism_version, settings FROM runs WHERE finished_at IS NOT NULL"
                                " ORDER BY id DESC LIMIT 1").fetchone()
        return {"version": row["newsprism_version"], "settings": json.loads(row["settings"])} if row else {}

    def close(self) -> None:
        self.conn.close()
