"""Schema migrations, applied in order; `PRAGMA user_version` records the last one applied."""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: feeds with fetch health, articles with revisions, full-text index, room for stories/triage.
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '',
        language TEXT,
        title TEXT NOT NULL DEFAULT '',
        etag TEXT,
        last_modified TEXT,
        last_attempt REAL,
        last_success REAL,
        status INTEGER,
        error_streak INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_due REAL NOT NULL DEFAULT 0,
        not_modified_count INTEGER NOT NULL DEFAULT 0,
        redirected_to TEXT,
        ttl REAL
    );
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        title TEXT NOT NULL,
        link TEXT NOT NULL,
        author TEXT NOT NULL DEFAULT '',
        published REAL NOT NULL,
        first_seen REAL NOT NULL,
        updated_at REAL,
        summary TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL DEFAULT '',
        language TEXT,
        digest TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_feed ON articles(feed_id, published);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE article_revisions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        title TEXT NOT NULL,
        link TEXT NOT NULL,
        summary TEXT NOT NULL,
        content TEXT NOT NULL,
        replaced_at REAL NOT NULL,
        PRIMARY KEY (article_id, revision)
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, summary, content, content='articles', content_rowid='seq', tokenize='unicode61'
    );
    -- New rows are indexed in batches (Store.index_pending: one FTS segment per round instead of
    -- one per feed, ~5x cheaper); rows already indexed are kept in step by these triggers.
    CREATE TABLE fts_state (upto INTEGER NOT NULL);
    INSERT INTO fts_state VALUES (0);
    CREATE TRIGGER articles_ad AFTER DELETE ON articles
    WHEN old.seq <= (SELECT upto FROM fts_state) BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, summary, content)
        VALUES ('delete', old.seq, old.title, old.summary, old.content);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, summary, content ON articles
    WHEN old.seq <= (SELECT upto FROM fts_state) BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, summary, content)
        VALUES ('delete', old.seq, old.title, old.summary, old.content);
        INSERT INTO articles_fts(rowid, title, summary, content)
        VALUES (new.seq, new.title, new.summary, new.content);
    END;
    CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        created REAL NOT NULL,
        updated REAL NOT NULL,
        merged_into INTEGER REFERENCES clusters(id),
        explanation TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE article_clusters (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        cluster_id INTEGER NOT NULL REFERENCES clusters(id)
    );
    CREATE INDEX article_clusters_cluster ON article_clusters(cluster_id);
    CREATE TABLE triage (
        cluster_id INTEGER PRIMARY KEY REFERENCES clusters(id),
        starred INTEGER NOT NULL DEFAULT 0,
        muted INTEGER NOT NULL DEFAULT 0,
        dismissed INTEGER NOT NULL DEFAULT 0,
        last_seen REAL
    );
    CREATE TABLE article_reads (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        read_at REAL NOT NULL
    );
    """,
    # 2: story engine bookkeeping: why an article is in its story, and the engine's saved state.
    """
    ALTER TABLE article_clusters ADD COLUMN similarity REAL NOT NULL DEFAULT 0;
    ALTER TABLE article_clusters ADD COLUMN copy_of TEXT;
    ALTER TABLE clusters ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX clusters_updated ON clusters(updated);
    CREATE TABLE engine_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        clustered_upto INTEGER NOT NULL,
        state BLOB NOT NULL,
        saved REAL NOT NULL
    );
    """,
    # 3: how many discrepancies a story's figures show (NULL: not computed yet), kept by the clustering
    # process so the dashboard lists the ⚠ markers without rebuilding every story.
    """
    ALTER TABLE clusters ADD COLUMN discrepancies INTEGER;
    """,
    # 4: the latest value of each kind of key figure (JSON), so a poll can tell when one changed.
    """
    ALTER TABLE clusters ADD COLUMN key_figures TEXT;
    """,
    # 5: each report's figures as extracted (see figure_store), so that counting a story's
    # discrepancies after a poll does not extract its every report's figures again.
    """
    CREATE TABLE article_figures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        digest TEXT NOT NULL,
        figures TEXT NOT NULL
    );
    """,
)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database schema up to date; return the resulting schema version."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        raise RuntimeError(f"database schema version {version} is newer than this Wirewatch "
                           f"({len(MIGRATIONS)}); upgrade Wirewatch")
    for number in range(version, len(MIGRATIONS)):
        script = MIGRATIONS[number]
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers contain inner semicolons)."""
    out: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        out.append(buffer.strip())
    return out
