"""Triage state (read, starred, muted, dismissed, last looked at), kept in SQLite across restarts."""

from __future__ import annotations

import time

from tui.core.store import Store


def _ensure(store: Store, story: int) -> None:
    store.conn.execute("INSERT OR IGNORE INTO triage(cluster_id) VALUES (?)", (story,))


def set_flag(store: Store, story: int, flag: str, value: bool) -> None:
    """Set `starred`, `muted` or `dismissed` on a story."""
    if flag not in {"starred", "muted", "dismissed"}:
        raise ValueError(flag)
    with store.transaction():
        _ensure(store, story)
        store.conn.execute(f"UPDATE triage SET {flag} = ? WHERE cluster_id = ?", (int(value), story))


def mark_seen(store: Store, story: int, when: float | None = None) -> None:
    """Remember that the user looked at a story now (its reports are no longer new)."""
    with store.transaction():
        _ensure(store, story)
        store.conn.execute("UPDATE triage SET last_seen = ? WHERE cluster_id = ?", (when or time.time(), story))


def set_read(store: Store, story: int, read: bool, article: str | None = None) -> None:
    """Mark one article (or every article of the story) read or unread."""
    with store.transaction():
        ids = [article] if article else [r[0] for r in store.conn.execute(
            "SELECT article_id FROM article_clusters WHERE cluster_id = ?", (story,))]
        if read:
            store.conn.executemany("INSERT OR IGNORE INTO article_reads(article_id, read_at) VALUES (?, ?)",
                                   [(i, time.time()) for i in ids])
        else:
            store.conn.executemany("DELETE FROM article_reads WHERE article_id = ?", [(i,) for i in ids])
