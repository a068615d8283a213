"""Replay two days of real snapshots (17 outlets) through a local server, in capture order."""

from __future__ import annotations

import asyncio
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser

from tests.conftest import shared
from tests.core.helpers import config_for
from tui.core.parse import parse_feed
from tui.core.poller import Poller
from tui.core.store import Store, article_digest
from tui.demo.replay import ReplayServer, load_snapshots


def test_archive_replay_lands_each_article_once_with_utc_dates_and_updates(tmp_path: Path) -> None:
    snapshots = load_snapshots(shared("feeds", "archive-dev"))
    assert len(snapshots) == 17
    times = sorted({s.captured for shots in snapshots.values() for s in shots})
    clock = {"now": times[0]}
    server = ReplayServer(snapshots, lambda: clock["now"]).start()
    config = config_for({o: server.url(o) for o in snapshots}, concurrency=8, workers=2)
    # What should land, computed from the files themselves in the same order.
    expected_digests: dict[str, str] = {}
    expected_updates = 0
    try:
        with Store(tmp_path / "w.db") as store:
            poller = Poller(config, store, clock=lambda: clock["now"])
            for t in times:
                clock["now"] = t
                for outlet in snapshots:
                    shot = server.current(outlet)
                    if shot is None:
                        continue
                    for a in parse_feed(shot.path.read_bytes(), {}, outlet, now=t).articles:
                        digest = article_digest(a.title, a.link, a.summary, a.content)
                        if a.id in expected_digests and expected_digests[a.id] != digest:
                            expected_updates += 1
                        expected_digests[a.id] = digest
                outcomes = asyncio.run(poller.poll(all_feeds=True))
                assert not [o for o in outcomes if o.kind == "error"]
            counts = store.counts()
            rows = store.articles()
    finally:
        server.stop()
    assert counts["articles"] == len(expected_digests) > 1000
    assert len({r["id"] for r in rows}) == len(rows)
    assert counts["revisions"] == expected_updates > 0
    # Dates: compare with the raw pubDate of a BBC item, parsed independently.
    bbc = snapshots["bbc-news-home"][0].path.read_bytes()
    entry = feedparser.parse(bbc).entries[0]
    stored = next(r for r in rows if r["feed"] == "bbc-news-home" and r["title"] == entry.title)
    assert stored["published"] == parsedate_to_datetime(entry.published).timestamp()
    # Every date is a real one, never later than when the item was first seen (capture times are UTC).
    assert all(946_684_800 < r["published"] <= r["first_seen"] + 3600 for r in rows), [
        (r["feed"], r["title"]) for r in rows if not 946_684_800 < r["published"] <= r["first_seen"] + 3600][:5]
