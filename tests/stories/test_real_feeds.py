"""Two days of 17 real outlets replayed through a local server: each multi-outlet event is one story,
and stories that only share words stay apart."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from pathlib import Path

from tests.conftest import shared
from tests.core.helpers import config_for
from tui.core.poller import Poller
from tui.core.store import Store
from tui.core.stories import StoryDesk
from tui.demo.replay import ReplayServer, load_snapshots

EVENTS = {
    "La Palma eruption": r"La Palma|Cumbre Vieja",
    "Russian Duma election": r"\bDuma\b|Russia.{0,40}\b(?:elections?|votes?|polls)\b",
    "AUKUS submarine row": r"(?i)\baukus\b|submarines? (?:deal|row|pact|contract)|French submarine",
    "Emmy Awards": r"\bEmmys?\b",
}


def test_replayed_events_form_one_story_each_and_lookalikes_stay_apart(tmp_path: Path) -> None:
    snapshots = load_snapshots(shared("feeds", "archive-dev"))
    times = sorted({s.captured for shots in snapshots.values() for s in shots})
    clock = {"now": times[0]}
    server = ReplayServer(snapshots, lambda: clock["now"]).start()
    try:
        with Store(tmp_path / "w.db") as store:
            poller = Poller(config_for({o: server.url(o) for o in snapshots}, concurrency=8), store,
                            clock=lambda: clock["now"])
            desk = StoryDesk(store)
            for t in times:
                clock["now"] = t
                asyncio.run(poller.poll(all_feeds=True))
                desk.run()
            rows = store.conn.execute(
                "SELECT ac.cluster_id, f.name, a.title FROM article_clusters ac JOIN articles a "
                "ON a.id = ac.article_id JOIN feeds f ON f.id = a.feed_id").fetchall()
    finally:
        server.stop()
    for event, pattern in EVENTS.items():
        hits = [(cid, feed) for cid, feed, title in rows if re.search(pattern, title)]
        biggest, size = Counter(cid for cid, _ in hits).most_common(1)[0]
        outlets = {feed for cid, feed in hits if cid == biggest}
        assert len(outlets) >= 3, (event, outlets)
        assert size >= 0.6 * len(hits), (event, Counter(cid for cid, _ in hits))
    # "Alert level" in the Philippines (GMA, Philstar, ABS-CBN) and in Auckland (RNZ, Stuff, NZ Herald, 1News).
    ph = {cid for cid, feed, title in rows if re.search(r"alert level", title, re.I)
          and feed in {"gma-news-online", "philstar-headlines", "abs-cbn-news-youtube"}}
    nz = {cid for cid, feed, title in rows if re.search(r"alert level", title, re.I)
          and feed in {"rnz-national", "stuff-nz-top-stories", "nz-herald-top-stories", "1news-nz-youtube"}}
    assert ph and nz and not ph & nz
    # Same place, other events: the Texas abortion law and a military jet crash in a Texas suburb.
    abortion = {cid for cid, _, title in rows if re.search(r"Texas.{0,60}abortion|abortion.{0,60}Texas", title, re.I)}
    jet = {cid for cid, _, title in rows if re.search(r"(?:military|jet|plane|aircraft).{0,40}crash", title, re.I)
           and re.search(r"Texas|Lake Worth", title)}
    assert abortion and jet and not abortion & jet
    # Elections in other countries stay out of the Duma election's story.
    duma_hits = Counter(cid for cid, _, title in rows if re.search(EVENTS["Russian Duma election"], title))
    duma = duma_hits.most_common(1)[0][0]
    assert not [title for cid, _, title in rows if cid == duma and re.search(r"Canada|Hungary|German", title)]
