"""SQLite storage: feeds and their health, articles with revisions, full-text search."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.migrations import migrate
from tui.core.models import Article, FeedConfig, FeedHealth


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one feed's write did: ids of new and of changed articles."""

    new_ids: tuple[str, ...]
    updated_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FetchState:
    """A feed's cache validators and schedule, as the poller reads them."""

    etag: str | None
    last_modified: str | None
    next_due: float
    error_streak: int
    redirected_to: str | None
    ttl: float | None


@dataclass(frozen=True, slots=True)
class HealthUpdate:
    """The health fields a poll sets on a feed row."""

    last_attempt: float
    status: int | None
    next_due: float
    success: bool
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    redirected_to: str | None = None
    ttl: float | None = None
    title: str | None = None
    problem: str | None = None  # a non-fatal problem (salvaged malformed feed)


def article_digest(title: str, link: str, summary: str, content: str) -> str:
    """A fingerprint of an article's visible text; a change means a new revision."""
    return hashlib.blake2b(f"{title}\x00{link}\x00{summary}\x00{content}".encode(), digest_size=12).hexdigest()


# Earlier versions kept of an article: its first, as published, and the latest before the current
# one. A feed that writes a view counter into each item's text changed all of them at every poll: at
# a 10-minute interval, 288 versions an item a day, each a full copy.
KEPT_REVISIONS = 10


_HEALTH_COLUMNS = ("name, url, last_attempt, last_success, status, error_streak, last_error, next_due, "
                   "not_modified_count, etag, last_modified, redirected_to")


class Store:
    """One SQLite database file. Not thread-safe: use one Store per thread."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=30.0)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA busy_timeout=30000")
        self.conn.execute("PRAGMA wal_autocheckpoint=4000")  # fewer checkpoints during a burst of writes
        migrate(self.conn)
        self._feed_ids: dict[str, int] = {}

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- feeds -------------------------------------------------------------------------------------

    def sync_feeds(self, feeds: Sequence[FeedConfig]) -> None:
        """Make the feed rows match the config (new rows, changed URLs); keep removed feeds' data."""
        rows = {r["name"]: r for r in self.conn.execute("SELECT id, name, url FROM feeds")}
        changes: list[tuple[str, tuple[Any, ...]]] = []
        for feed in feeds:
            tags = ",".join(feed.tags)
            row = rows.get(feed.name)
            if row is None:
                changes.append(("INSERT INTO feeds(name, url, tags, language) VALUES (?, ?, ?, ?)",
                                (feed.name, feed.url, tags, feed.language)))
            elif row["url"] != feed.url:
                changes.append(("UPDATE feeds SET url=?, tags=?, language=?, etag=NULL, last_modified=NULL, "
                                "redirected_to=NULL, next_due=0, error_streak=0 WHERE name=?",
                                (feed.url, tags, feed.language, feed.name)))
            else:
                changes.append(("UPDATE feeds SET tags=?, language=? WHERE name=? AND "
                                "(tags IS NOT ? OR language IS NOT ?)",
                                (tags, feed.language, feed.name, tags, feed.language)))
        with self.transaction():
            for sql, args in changes:
                self.conn.execute(sql, args)
        self._feed_ids = {r["name"]: r["id"] for r in self.conn.execute("SELECT id, name FROM feeds")}

    def feed_id(self, name: str) -> int:
        """The row id of a feed (creating a bare row if the feed is unknown)."""
        if name not in self._feed_ids:
            row = self.conn.execute("SELECT id FROM feeds WHERE name=?", (name,)).fetchone()
            if row is None:
                cur = self.conn.execute("INSERT INTO feeds(name, url) VALUES (?, '')", (name,))
                self._feed_ids[name] = int(cur.lastrowid or 0)
            else:
                self._feed_ids[name] = int(row[0])
        return self._feed_ids[name]

    def health(self, names: Iterable[str] | None = None) -> list[FeedHealth]:
        """Stored health of the given feeds (all when None), by name."""
        rows = self.conn.execute(
            f"SELECT {_HEALTH_COLUMNS}, (SELECT count(*) FROM articles a WHERE a.feed_id = feeds.id) AS n "
            "FROM feeds ORDER BY name").fetchall()
        wanted = set(names) if names is not None else None
        return [FeedHealth(
            name=r["name"], url=r["url"], last_attempt=r["last_attempt"], last_success=r["last_success"],
            status=r["status"], error_streak=r["error_streak"], last_error=r["last_error"],
            next_due=r["next_due"], not_modified_count=r["not_modified_count"], etag=r["etag"],
            last_modified=r["last_modified"], redirected_to=r["redirected_to"], article_count=r["n"],
        ) for r in rows if wanted is None or r["name"] in wanted]

    def fetch_state(self) -> dict[str, FetchState]:
        """Per feed name, what the poller needs (one cheap query, nothing else on the warm path)."""
        return {r[0]: FetchState(r[1], r[2], r[3], r[4], r[5], r[6]) for r in self.conn.execute(
            "SELECT name, etag, last_modified, next_due, error_streak, redirected_to, ttl FROM feeds")}

    def record_poll(self, feed: str, update: HealthUpdate, articles: Sequence[Article] = ()) -> WriteResult:
        """Store one poll of one feed (articles and health) in a single transaction."""
        feed_id = self.feed_id(feed)
        new: list[str] = []
        changed: list[str] = []
        with self.transaction():
            if articles:
                new, changed = self._write_articles(feed_id, articles, update.last_attempt)
            self._write_health(feed_id, update)
        return WriteResult(tuple(new), tuple(changed))

    def record_health(self, updates: Sequence[tuple[str, HealthUpdate]]) -> None:
        """Store health-only results (304s) of several feeds in one transaction; each stays whole."""
        if not updates:
            return
        ids = [(self.feed_id(feed), update) for feed, update in updates]
        with self.transaction():
            for feed_id, update in ids:
                self._write_health(feed_id, update)

    def _write_health(self, feed_id: int, u: HealthUpdate) -> None:
        if u.success:
            self.conn.execute(
                "UPDATE feeds SET last_attempt=?, last_success=?, status=?, error_streak=0, "
                "last_error=?, next_due=?, etag=COALESCE(?, etag), last_modified=COALESCE(?, last_modified), "
                "not_modified_count=not_modified_count+?, redirected_to=COALESCE(?, redirected_to), "
                "ttl=COALESCE(?, ttl), title=COALESCE(?, title) WHERE id=?",
                (u.last_attempt, u.last_attempt, u.status, u.problem, u.next_due, u.etag, u.last_modified,
                 1 if u.not_modified else 0, u.redirected_to, u.ttl, u.title, feed_id))
        else:
            self.conn.execute(
                "UPDATE feeds SET last_attempt=?, status=?, error_streak=error_streak+1, last_error=?, "
                "next_due=?, redirected_to=COALESCE(?, redirected_to) WHERE id=?",
                (u.last_attempt, u.status, u.error, u.next_due, u.redirected_to, feed_id))

    def _write_articles(self, feed_id: int, articles: Sequence[Article], now: float) -> tuple[list[str], list[str]]:
        ids = [a.id for a in articles]
        existing: dict[str, tuple[str, int]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT id, digest, revision FROM articles WHERE id IN ({marks})", chunk):
                existing[row[0]] = (row[1], row[2])
        new_rows: list[tuple[Any, ...]] = []
        new: list[str] = []
        changed: list[str] = []
        for a in articles:
            digest = article_digest(a.title, a.link, a.summary, a.content)
            old = existing.get(a.id)
            if old is None:
                new_rows.append((a.id, feed_id, a.guid or "", a.title, a.link, a.author, a.published, now,
                                 a.summary, a.content, a.language, digest))
                new.append(a.id)
                existing[a.id] = (digest, 0)
            elif old[0] != digest:
                self.conn.execute(
                    "INSERT OR REPLACE INTO article_revisions(article_id, revision, title, link, summary, content, "
                    "replaced_at) SELECT id, revision, title, link, summary, content, ? FROM articles WHERE id=?",
                    (now, a.id))
                if old[1] >= KEPT_REVISIONS:  # the first version and the latest ones (see KEPT_REVISIONS)
                    self.conn.execute("DELETE FROM article_revisions WHERE article_id=? AND revision > 0 "
                                      "AND revision <= ?", (a.id, old[1] - KEPT_REVISIONS + 1))
                self.conn.execute(
                    "UPDATE articles SET title=?, link=?, author=?, summary=?, content=?, digest=?, "
                    "updated_at=?, revision=revision+1 WHERE id=?",
                    (a.title, a.link, a.author, a.summary, a.content, digest, now, a.id))
                changed.append(a.id)
                existing[a.id] = (digest, old[1] + 1)
        if new_rows:
            self.conn.executemany(
                "INSERT INTO articles(id, feed_id, guid, title, link, author, published, first_seen, summary, "
                "content, language, digest) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", new_rows)
        return new, changed

    # -- articles ----------------------------------------------------------------------------------

    def articles(self, since: float | None = None, feed: str | None = None,
                 limit: int | None = None, after_seq: int | None = None) -> list[dict[str, Any]]:
        """Stored articles, oldest arrival first, as plain dicts (with the feed's name)."""
        clauses: list[str] = []
        args: list[Any] = []
        if since is not None:
            clauses.append("a.published >= ?")
            args.append(since)
        if feed is not None:
            clauses.append("f.name = ?")
            args.append(feed)
        if after_seq is not None:
            clauses.append("a.seq > ?")
            args.append(after_seq)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = ("SELECT a.seq, a.id, f.name AS feed, a.title, a.link, a.author, a.published, a.first_seen, "
               "a.updated_at, a.summary, a.content, a.language, a.revision FROM articles a "
               f"JOIN feeds f ON f.id = a.feed_id {where} ORDER BY a.seq")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [dict(r) for r in self.conn.execute(sql, args)]

    def revisions(self, article_id: str) -> list[dict[str, Any]]:
        """Earlier versions of an article, oldest first."""
        return [dict(r) for r in self.conn.execute(
            "SELECT revision, title, link, summary, content, replaced_at FROM article_revisions "
            "WHERE article_id=? ORDER BY revision", (article_id,))]

    def search(self, query: str, limit: int = 200) -> list[str]:
        """Article ids matching a full-text query (words are ANDed; quotes and operators neutralised)."""
        words = [w.replace('"', '""') for w in query.split() if w.strip()]
        if not words:
            return []
        self.index_pending()
        match = " ".join(f'"{w}"' for w in words)
        sql = ("SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
               "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?")
        return [r[0] for r in self.conn.execute(sql, (match, limit))]

    def index_pending(self) -> int:
        """Add articles stored since the last call to the full-text index (one transaction)."""
        with self.transaction():
            upto = int(self.conn.execute("SELECT upto FROM fts_state").fetchone()[0])
            top = int(self.conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0])
            if top <= upto:
                return 0
            self.conn.execute("INSERT INTO articles_fts(rowid, title, summary, content) "
                              "SELECT seq, title, summary, content FROM articles WHERE seq > ? AND seq <= ?",
                              (upto, top))
            self.conn.execute("UPDATE fts_state SET upto = ?", (top,))
        return top - upto

    def forget_older_than(self, cutoff: float, batch: int = 5000) -> int:
        """Delete the articles published and first seen before `cutoff` (settings.keep_days), with their
        versions, read marks and story assignments, except the articles of starred stories. In
        transactions of `batch` articles, so a clustering process waits for none of them long. Stories
        left without articles drop out of every list; their triage rows stay. Returns the number deleted."""
        gone = 0
        while True:
            with self.transaction():
                deleted = self.conn.execute(
                    "DELETE FROM articles WHERE seq IN (SELECT seq FROM articles WHERE published < ? "
                    "AND first_seen < ? AND id NOT IN (SELECT ac.article_id FROM article_clusters ac "
                    "JOIN triage t ON t.cluster_id = ac.cluster_id WHERE t.starred) LIMIT ?)",
                    (cutoff, cutoff, batch)).rowcount
            gone += deleted
            if deleted < batch:
                return gone

    def counts(self) -> dict[str, int]:
        """Numbers of feeds, articles and revisions stored."""
        row = self.conn.execute(
            "SELECT (SELECT count(*) FROM feeds), (SELECT count(*) FROM articles), "
            "(SELECT count(*) FROM article_revisions)").fetchone()
        return {"feeds": row[0], "articles": row[1], "revisions": row[2]}

    def integrity_ok(self) -> bool:
        """True when `PRAGMA integrity_check` reports ok."""
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    # -- transactions ------------------------------------------------------------------------------

    def transaction(self) -> _Transaction:
        """A BEGIN IMMEDIATE … COMMIT block (ROLLBACK on error)."""
        return _Transaction(self.conn)


class _Transaction:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        """COMMIT, or ROLLBACK on error. SQLite rolls a transaction back by itself after some errors (a
        full disk): a ROLLBACK then failed with "no transaction is active" and hid the error that counted."""
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error:
                if self.conn.in_transaction:  # (a failed COMMIT can leave it open: the next BEGIN would fail)
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

