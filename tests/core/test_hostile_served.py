"""Every hostile capture, served over HTTP and polled: salvaged articles or a recorded error."""

from __future__ import annotations

import time
from pathlib import Path

from tests.conftest import shared
from tests.core.helpers import config_for, poll_once
from tests.feedserver import FeedServer, Reply
from tui.core.store import Store


def test_hostile_feeds_never_crash_or_hang(server: FeedServer, tmp_path: Path) -> None:
    files = sorted(p for p in shared("feeds", "hostile").rglob("*.xml"))
    feeds = {}
    for i, path in enumerate(files):
        server.routes[f"/h{i}"] = Reply(body=path.read_bytes(), headers={"Content-Type": "application/xml"})
        feeds[path.name] = server.url(f"/h{i}")
    db = tmp_path / "w.db"
    started = time.monotonic()
    outcomes = poll_once(config_for(feeds, workers=2), db)
    assert time.monotonic() - started < 30
    assert len(outcomes) == len(files)
    with Store(db) as store:
        health = {h.name: h for h in store.health()}
        counts = {h.name: h.article_count for h in health.values()}
    for outcome in outcomes:
        h = health[outcome.feed]
        if outcome.kind == "error":
            assert h.last_error and h.error_streak == 1, outcome
        else:
            assert h.last_success is not None and counts[outcome.feed] == outcome.new
    assert counts["latimes-california_truncated-unclosed-cdata.xml"] >= 50
    assert "HTML" in (health["latimes-california_cloudfront-403-html-instead-of-rss.xml"].last_error or "")
    # A salvaged malformed feed is a success whose problem is kept on the feed's health.
    assert (health["foxnews-latest_truncated-at-8192-bytes.xml"].last_error or "").startswith("malformed")
