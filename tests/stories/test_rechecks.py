"""Small stories looked at again: a report that came before its story took shape is folded in later."""

from __future__ import annotations

from pathlib import Path

from tests.stories.cases import QUAKE, RIVER_EDGE, RIVER_FLOOD
from tui.core.cluster import EngineParams, StoryEngine
from tui.core.models import Article, FeedConfig
from tui.core.store import HealthUpdate, Store
from tui.core.stories import StoryDesk

FLOOD = ("floodwater swept through three villages in the valley overnight and rescuers searched for the "
         "missing as the river kept rising")
ANGLE = "rescuers in the flooded valley villages searched collapsed homes for the missing as the river rose again"
NOISE = [("central bank raises rates", "the central bank raised its main interest rate by half a point"),
         ("league final tickets sold out", "tickets for the league final sold out within an hour of going on sale"),
         ("museum reopens after renovation", "the city museum reopened its doors after a long renovation")]


def _recheck_engine(**knobs: float) -> StoryEngine:
    """Joins only near-copies, so another angle starts a story of its own; small stories are looked
    at again two articles later."""
    return StoryEngine(EngineParams(**{"threshold": 0.6, "wordy_threshold": 0.6, "merge_threshold": 2.0,
                                       "merge_threshold_named": 2.0,
                                       "recheck_after": (2,), "recheck_delay": (), **knobs}))  # type: ignore[arg-type]


def test_a_small_story_with_only_words_is_folded_into_the_larger_story_it_belongs_to() -> None:
    engine = _recheck_engine(recheck_threshold=0.1)
    flood = [engine.add(f"f{i}", "flash flood hits valley villages", FLOOD, i) for i in range(3)]
    angle = engine.add("angle", "rescuers search flooded valley homes", ANGLE, 10)
    assert angle.new_story and angle.story != flood[0].story
    first = engine.add("n0", *NOISE[0], 20)
    later = engine.add("n1", *NOISE[1], 30)  # the recheck of `angle` is due now
    assert (angle.story, flood[0].story) in later.folded and not first.folded
    assert engine.resolve(angle.story) == flood[0].story and engine.stories[flood[0].story].size == 4
    assert not engine.add("n2", *NOISE[2], 40).folded  # nothing like the other stories: they stay


def test_a_small_story_with_names_is_left_to_its_names() -> None:
    engine = _recheck_engine(recheck_threshold=0.1)  # would fold anything similar, if it were rechecked
    quake = [engine.add(f"q{i}", "Earthquake injures dozens in Aceh", QUAKE, i) for i in range(3)]
    angle = engine.add("angle", "Aceh aftershocks: rescuers search homes in Indonesia",
                       "Rescuers in Aceh searched damaged homes as aftershocks rattled Indonesia.", 10)
    engine.add("n0", *NOISE[0], 20)
    assert not engine.add("n1", *NOISE[1], 30).folded
    assert engine.resolve(angle.story) == angle.story != quake[0].story


def test_the_desk_redirects_a_folded_story_in_the_database(tmp_path: Path) -> None:
    ok = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)
    texts = [("flash flood hits valley villages", FLOOD)] * 3 + [("rescuers search flooded valley homes", ANGLE)]
    texts += NOISE[:2]
    articles = [Article(id=f"id{i}", feed="feed", title=t, link=f"http://e/{i}", author="",
                        published=1_632_000_000 + i * 60, summary=s, content="") for i, (t, s) in enumerate(texts)]
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name="feed", url="http://x")])
        desk = StoryDesk(store)
        desk._engine = _recheck_engine(recheck_threshold=0.1)
        store.record_poll("feed", ok, articles[:4])
        desk.run()
        angle = store.conn.execute("SELECT cluster_id FROM article_clusters WHERE article_id = 'id3'").fetchone()[0]
        store.record_poll("feed", ok, articles[4:])
        result = desk.run()
        rows = dict(store.conn.execute("SELECT article_id, cluster_id FROM article_clusters").fetchall())
        merged_into, = store.conn.execute("SELECT merged_into FROM clusters WHERE id = ?", (angle,)).fetchone()
        size, = store.conn.execute("SELECT size FROM clusters WHERE id = ?", (rows["id0"],)).fetchone()
    assert rows["id3"] == rows["id0"] != angle and merged_into == rows["id0"]
    assert (angle, rows["id0"]) in result.merged and rows["id0"] in result.touched and size == 4


def test_a_second_report_needs_more_to_join_a_one_report_story_with_only_words() -> None:
    params = EngineParams(wordy_pair_threshold=0.9, merge_threshold=2.0, merge_threshold_named=2.0)
    plain = StoryEngine(params)
    first = plain.add("a", "flash flood hits valley villages", FLOOD, 0)
    second = plain.add("b", "rescuers search flooded valley homes", ANGLE, 60)
    third = plain.add("c", "flash flood hits valley villages", FLOOD, 120)  # a copy: above any bar
    assert second.new_story and not third.new_story and third.story == first.story
    named = StoryEngine(params)
    c = named.add("c", "Earthquake hits Aceh", QUAKE, 0)
    d = named.add("d", "Quake strikes Aceh province", QUAKE.replace("struck", "hit"), 60)
    assert not d.new_story and d.story == c.story  # names: the usual threshold


# A flood told three times, lower-cased and without names (like the Google News set), and a report
# from its edge that arrives before anyone else's and reads too differently to join at once.
def test_settling_runs_the_pending_rechecks_now() -> None:
    engine = StoryEngine()
    flood = [engine.add(f"f{i}", title, text, 0) for i, (title, text) in enumerate(RIVER_FLOOD)]
    edge = engine.add("edge", *RIVER_EDGE, 0)
    assert edge.new_story  # too different to join when it came; its recheck is 1,000 articles away
    assert engine.settle() == ((edge.story, flood[0].story),)
    assert engine.resolve(edge.story) == flood[0].story
    assert not engine.rechecks and not engine.timed_rechecks and engine.settle() == ()
