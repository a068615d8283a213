"""Two days of 17 real outlets replayed through a local server: each multi-outlet event is one story,
and stories that only share words stay apart."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.conftest import shared
from tests.core.helpers import config_for
from tui.core.poller import Poller
from tui.core.store import Store
from tui.core.stories import StoryDesk
from tui.core.storyview import story_detail
from tui.demo.replay import ReplayServer, load_snapshots

EVENTS = {
    "La Palma eruption": r"La Palma|Cumbre Vieja",
    "Russian Duma election": r"\bDuma\b|Russia.{0,40}\b(?:elections?|votes?|polls)\b",
    "AUKUS submarine row": r"(?i)\baukus\b|submarines? (?:deal|row|pact|contract)|French submarine",
    "Emmy Awards": r"\bEmmys?\b",
}


Row = tuple[int, str, str]  # story id, feed name, headline


class Replay(NamedTuple):
    rows: list[Row]
    discrepancies: dict[int, list[str]]  # story id → its discrepancies (stories of two reports or more)


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Replay:
    """Every archived snapshot served in capture order, polled and clustered as it arrives."""
    snapshots = load_snapshots(shared("feeds", "archive-dev"))
    times = sorted({s.captured for shots in snapshots.values() for s in shots})
    clock = {"now": times[0]}
    server = ReplayServer(snapshots, lambda: clock["now"]).start()
    try:
        with Store(tmp_path_factory.mktemp("replay") / "w.db") as store:
            poller = Poller(config_for({o: server.url(o) for o in snapshots}, concurrency=8), store,
                            clock=lambda: clock["now"])
            desk = StoryDesk(store)
            for t in times:
                clock["now"] = t
                asyncio.run(poller.poll(all_feeds=True))
                desk.run()
            rows = [(r[0], r[1], r[2]) for r in store.conn.execute(
                "SELECT ac.cluster_id, f.name, a.title FROM article_clusters ac JOIN articles a "
                "ON a.id = ac.article_id JOIN feeds f ON f.id = a.feed_id")]
            multi = [cid for cid, n in Counter(cid for cid, _, _ in rows).items() if n > 1]
            details = [story_detail(store, cid) for cid in multi]
            return Replay(rows, {d.id: [x.detail for x in d.discrepancies] for d in details if d is not None})
    finally:
        server.stop()


def test_replayed_events_form_one_story_each_and_lookalikes_stay_apart(replayed: Replay) -> None:
    rows = replayed.rows
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
    # Dated round-ups of one day (programme listings, cartoons, galleries) and a rally named by its date
    # are not one story: a month is not a name, and a date is one fact, not a number and a year.
    rally = {cid for cid, feed, title in rows if feed == "cnn-international-edition" and "September 18 right" in title}
    cartoons = {cid for cid, _, title in rows if title.startswith("Best of cartoons, September")}
    listings = {cid for cid, _, title in rows if re.search(r"\| TeleRadyo \(\d+ September 2021\)", title)}
    assert rally and cartoons and listings
    assert not rally & cartoons and not rally & listings and not cartoons & listings
    # A channel's programme label ("… | TV Patrol") is not news: its bulletins on a senator's run for
    # president and on a petrol price rise are not the health department's Covid count.
    doh = {cid for cid, _, title in rows if title.startswith("DOH: 23,134 bagong kaso")}
    assert doh and not [t for cid, _, t in rows if cid in doh and re.search(r"Pacquiao|Robredo|petrolyo", t)]
    # Unrelated items of one outlet stay apart: a video feed's calls to action ("Subscribe to 1News: …",
    # "For more TeleRadyo videos, click …") and Tagalog function words ("ng", "sa", "mga") are no news.
    for outlet_items in ([r"Christchurch carpenter turns bins", r"triple homicide in Timaru",
                          r"Amateur astronauts give"],
                         [r"P6 milyong halaga ng hinihinalang marijuana", r"COVID-19 sa Cebu City, bumaba",
                          r"clean up operations sa mga creek", r"Babaeng negosyante, patay"]):
        stories = [{cid for cid, _, title in rows if re.search(pattern, title)} for pattern in outlet_items]
        assert all(stories) and len(set().union(*stories)) == len(outlet_items), stories
    # Two storms of one season are two events: their reports read alike ("forms in the Atlantic").
    peter = {cid for cid, _, title in rows if title == "Tropical Storm Peter Forms in the Atlantic Ocean"}
    rose = {cid for cid, _, title in rows if title == "Tropical Storm Rose Forms West of Africa"}
    assert peter and rose and not peter & rose


def test_hand_checked_pairs_of_reports(replayed: Replay) -> None:
    """160 pairs of reports from two outlets, hand-checked from their headlines: 100 drawn one per
    multi-outlet story of an earlier replay, 60 with similar headlines in different stories. Labels
    name each report by outlet and the SHA-1 of its headline (the texts stay in ../shared)."""
    story = {(feed, hashlib.sha1(title.encode()).hexdigest()[:12]): cid for cid, feed, title in replayed.rows}
    labels = json.loads((Path(__file__).parent / "data" / "same_event_pairs.json").read_text())
    together = {True: 0, False: 0}
    total = Counter(bool(p["same_event"]) for p in labels)
    for pair in labels:
        a, b = story[tuple(pair["a"])], story[tuple(pair["b"])]
        together[pair["same_event"]] += a == b
    kept = together[True] / total[True]
    apart = 1 - together[False] / total[False]
    print(f"same-event pairs in one story: {kept:.3f}; different-event pairs apart: {apart:.3f}")
    assert kept >= 0.9 and apart >= 0.65  # 0.958 and 0.640 when the labels were made; 0.944 and 0.742 now


def test_discrepancies_flagged_on_real_feeds_are_disagreements(replayed: Replay) -> None:
    """Hand-checked: outlets put the migrants under the Del Rio bridge at 9,500 to 15,000; one outlet's
    WestConnex deal ($11 billion) and Ausnet bid ($9.5 billion) are two facts, not a disagreement."""
    def story_of(pattern: str) -> int:
        return Counter(cid for cid, _, title in replayed.rows if re.search(pattern, title)).most_common(1)[0][0]

    border = replayed.discrepancies[story_of(r"Haitian|Del Rio")]
    assert any(d.startswith("migrants: ") and "9,500" in d and "15,000" in d for d in border), border
    assert replayed.discrepancies.get(story_of(r"WestConnex"), []) == []
    flagged = [d for ds in replayed.discrepancies.values() for d in ds]
    assert len(flagged) <= 10, flagged  # 12 before one outlet's two facts stopped counting; 6 now
