"""The background desk (clustering in its own process while a poll stores articles) wakes up when told
that articles were stored, instead of waiting out its idle interval."""

from __future__ import annotations

import time
from pathlib import Path

from tests.stories.cases import QUAKE
from tui.core.models import Article, FeedConfig
from tui.core.store import HealthUpdate, Store
from tui.core.stories import BackgroundDesk

OK = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)


def report(i: int) -> Article:
    return Article(id=f"id{i}", feed="feed", title=f"Earthquake hits Indonesia's Aceh, update {i}",
                   link=f"http://e/{i}", author="", published=1_632_000_000 + i * 60, summary=QUAKE, content="")


def clustered(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM article_clusters").fetchone()[0])


def wait_until_clustered(store: Store, count: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if clustered(store) >= count:
            return True
        time.sleep(0.05)
    return False


def test_articles_stored_while_the_desk_is_idle_are_clustered_without_waiting_out_its_interval(
        tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with Store(db) as store:
        store.sync_feeds([FeedConfig(name="feed", url="http://x")])
        store.record_poll("feed", OK, [report(0), report(1)])
        # an idle interval far longer than the test may take: only the wake-up can explain the second batch
        with BackgroundDesk(db, interval=600.0) as desk:
            desk.start()
            assert wait_until_clustered(store, 2, 30.0), "the first articles were never clustered"
            time.sleep(0.3)  # the desk has found nothing more to do and waits
            store.record_poll("feed", OK, [report(2), report(3)])
            desk.start()  # as the poller's callback does for every feed with new articles
            woke = wait_until_clustered(store, 4, 30.0)
        assert desk.error == ""
    assert woke, "articles stored after the desk went idle waited for its interval"
    assert desk.articles == 4
