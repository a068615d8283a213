"""SQLite store: schema, revisions, full-text search, feed sync."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from tui.core.migrations import MIGRATIONS
from tui.core.models import Article, FeedConfig
from tui.core.store import HealthUpdate, Store

OK = HealthUpdate(last_attempt=1.0, status=200, next_due=2.0, success=True)


def art(i: int, title: str = "Title", text: str = "body") -> Article:
    return Article(id=f"id{i}", feed="f", title=title, link=f"http://e/{i}", author="", published=100.0 + i,
                   summary=text, content="", guid=f"g{i}")


def test_schema_is_versioned_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store(tmp_path / "w.db") as again:  # reopening does not re-run migrations
        assert again.integrity_ok()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "w.db")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    try:
        Store(tmp_path / "w.db")
    except RuntimeError as exc:
        assert "newer" in str(exc)
    else:
        raise AssertionError("opened a database from the future")


def test_new_unchanged_and_updated_articles_keep_revisions(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name="f", url="http://e/f")])
        first = store.record_poll("f", OK, [art(1), art(2)])
        assert first.new_ids == ("id1", "id2") and not first.updated_ids
        same = store.record_poll("f", OK, [art(1), art(2)])
        assert not same.new_ids and not same.updated_ids
        edited = store.record_poll("f", OK, [art(1, title="Title (updated)"), art(2)])
        assert edited.updated_ids == ("id1",)
        rows = {r["id"]: r for r in store.articles()}
        assert rows["id1"]["title"] == "Title (updated)" and rows["id1"]["revision"] == 1
        assert [r["title"] for r in store.revisions("id1")] == ["Title"]
        assert store.counts() == {"feeds": 1, "articles": 2, "revisions": 1}


def test_an_article_edited_at_every_poll_keeps_its_first_and_latest_versions(tmp_path: Path) -> None:
    """A view counter in an item's text changed it at every poll; each change kept a full copy."""
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name="f", url="http://e/f")])
        for views in range(31):
            store.record_poll("f", OK, [art(1, text=f"body · {views} views")])
        kept = store.revisions("id1")
        assert [r["revision"] for r in kept] == [0, *range(21, 30)]  # the first and the latest nine
        assert kept[0]["summary"] == "body · 0 views" and kept[-1]["summary"] == "body · 29 views"
        assert store.articles()[0]["summary"] == "body · 30 views"
        assert store.counts()["revisions"] == 10
        store.record_poll("f", OK, [art(2, text="v0")])
        for views in range(1, 12):  # never more than the first and the latest nine along the way
            store.record_poll("f", OK, [art(2, text=f"v{views}")])
            assert len(store.revisions("id2")) == min(views, 10)


def test_full_text_search_follows_updates(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as store:
        store.record_poll("f", OK, [art(1, text="Volcano erupts on La Palma"), art(2, text="Duma election")])
        assert store.search("palma volcano") == ["id1"]
        store.record_poll("f", OK, [art(1, text="Lava reaches the sea")])
        assert store.search("volcano") == []
        assert store.search("lava") == ["id1"]
        assert store.search('"unbalanced ( AND OR') == []  # operators are neutralised, not errors


def test_url_change_in_config_resets_cache_validators(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name="f", url="http://a/")])
        store.record_poll("f", replace(OK, etag='"e"'))
        assert store.fetch_state()["f"].etag == '"e"'
        store.sync_feeds([FeedConfig(name="f", url="http://b/")])
        assert store.fetch_state()["f"].etag is None


def test_failed_write_rolls_back_the_whole_feed(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as store:
        bad = [art(1), art(2)._replace(title=None)]  # type: ignore[arg-type]  # NOT NULL violation
        with contextlib.suppress(sqlite3.IntegrityError):
            store.record_poll("f", OK, bad)
        assert store.counts()["articles"] == 0
        assert store.health(["f"])[0].last_attempt is None


def test_batched_index_stays_consistent_with_updates_before_and_after_indexing(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as store:
        store.record_poll("f", OK, [art(1, text="alpha"), art(2, text="beta")])
        store.record_poll("f", OK, [art(1, text="gamma")])  # edited before it was ever indexed
        assert store.index_pending() == 2
        assert store.index_pending() == 0
        store.record_poll("f", OK, [art(2, text="delta"), art(3, text="alpha")])  # indexed row edited
        assert store.search("alpha") == ["id3"]
        assert store.search("beta") == [] and store.search("delta") == ["id2"] and store.search("gamma") == ["id1"]
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")


def test_a_full_disk_is_the_error_reported_and_the_store_stays_usable(tmp_path: Path) -> None:
    """SQLite rolls a transaction back by itself when the disk is full; the ROLLBACK that followed
    failed with 'cannot rollback - no transaction is active', and that was the error users saw."""
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name="f", url="http://e/f")])
        store.record_poll("f", OK, [art(1)])
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # a disk with room for two pages
        big = [art(i, text="flood " * 20_000) for i in range(2, 40)]
        with pytest.raises(sqlite3.OperationalError, match="database or disk is full"):
            store.record_poll("f", OK, big)
        assert not store.conn.in_transaction
        assert [r["id"] for r in store.articles()] == ["id1"]  # what was stored before is intact
        store.conn.execute("PRAGMA max_page_count = 1073741823")  # room again: the next poll is stored
        assert store.record_poll("f", OK, [art(2)]).new_ids == ("id2",)
