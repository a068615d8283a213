"""settings.keep_days: articles older than that are deleted at the end of a poll round, except the
articles of starred stories; by default everything is kept."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.core.helpers import config_for
from tests.feedserver import FeedServer, Reply, rss
from tui.core.config import ConfigError, parse_config
from tui.core.models import Article, FeedConfig
from tui.core.poller import Poller
from tui.core.store import HealthUpdate, Store
from tui.core.stories import StoryDesk
from tui.core.triage import set_flag

DAY = 86400.0
NOW = 1_700_000_000.0


def _article(i: int, published: float, text: str) -> Article:
    return Article(id=f"a{i}", feed="f", title=f"Flood report {i}", link=f"http://e.org/{i}", author="",
                   published=published, summary=text, content="")


def _seen(store: Store, articles: list[Article], when: float) -> None:
    store.record_poll("f", HealthUpdate(last_attempt=when, status=200, success=True, next_due=0.0), articles)


def test_old_articles_go_with_their_versions_and_marks_and_a_starred_storys_stay(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name="f", url="http://e.org/f")])
        _seen(store, [_article(1, NOW - 40 * DAY, "Vakhsh valley flood"),
                      _article(2, NOW - 40 * DAY, "Rogun dam power deal")], NOW - 40 * DAY)
        _seen(store, [_article(1, NOW - 40 * DAY, "Vakhsh valley flood, revised")], NOW - 39 * DAY)
        _seen(store, [_article(3, NOW - 2 * DAY, "Khujand marathon"),
                      _article(4, NOW - 90 * DAY, "An archive item first seen today")], NOW - DAY)
        StoryDesk(store).run()
        store.index_pending()
        store.conn.execute("INSERT INTO article_reads(article_id, read_at) VALUES ('a1', ?)", (NOW,))
        deal = store.conn.execute("SELECT cluster_id FROM article_clusters WHERE article_id = 'a2'").fetchone()[0]
        set_flag(store, deal, "starred", True)
        assert store.forget_older_than(NOW - 30 * DAY, batch=1) == 1  # a1: one at a time, until none is left
        assert sorted(r["id"] for r in store.articles()) == ["a2", "a3", "a4"]
        assert store.revisions("a1") == [] and store.search("Vakhsh") == [] and store.search("Rogun") == ["a2"]
        assert store.conn.execute("SELECT count(*) FROM article_reads").fetchone()[0] == 0
        assert store.conn.execute("SELECT count(*) FROM article_clusters WHERE article_id = 'a1'").fetchone()[0] == 0
        assert store.integrity_ok()


def test_a_poll_round_forgets_what_is_older_than_keep_days(server: FeedServer, tmp_path: Path) -> None:
    items = [{"title": "Flood in Vakhsh", "guid": "g1", "link": "http://e.org/1",
              "pubDate": "Sun, 19 Sep 2021 10:00:00 GMT"}]
    server.routes["/f"] = Reply(body=rss(items))
    db = tmp_path / "w.db"
    with Store(db) as store:
        kept = Poller(config_for({"f": server.url("/f")}), store, clock=lambda: NOW)
        asyncio.run(kept.poll(all_feeds=True))
        asyncio.run(kept.poll(all_feeds=True))  # no keep_days: everything stays
        assert len(store.articles()) == 1
        later = Poller(config_for({"f": server.url("/f")}, keep_days=30.0), store, clock=lambda: NOW + 31 * DAY)
        asyncio.run(later.poll(all_feeds=True))  # the item is still in the feed, known, and 31 days old
        assert store.articles() == []
        again = asyncio.run(later.poll(all_feeds=True))  # still listed: not stored again as a new article
        assert store.articles() == [] and again[0].new == 0


@pytest.mark.parametrize(("value", "error"), [
    ("2", "feeds.toml:2: settings.keep_days must be at least twice the story window (6 days), not 2"),
    ("0", "feeds.toml:2: settings.keep_days must be greater than 0, not 0"),
    ("inf", "feeds.toml:2: settings.keep_days must be a finite number, not inf"),
])
def test_keep_days_must_outlast_the_story_window(value: str, error: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(f"[settings]\nkeep_days = {value}\n", "feeds.toml")
    assert str(info.value) == error
    assert parse_config("[settings]\nkeep_days = 30\n", "feeds.toml").settings.keep_days == 30.0
    assert parse_config("[settings]\nkeep_days = 1\nstory_window_hours = 12\n").settings.keep_days == 1.0
