"""The incremental engine: stable ids through merges, time windows, copies, any script, restarts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.stories.cases import QUAKE
from tui.core.cluster import EngineParams, Story, StoryEngine
from tui.core.models import Article, FeedConfig
from tui.core.store import HealthUpdate, Store
from tui.core.stories import StoryDesk

FIRE = "Firefighters battled a huge wildfire near Athens as thousands were evacuated from coastal villages."


def test_same_event_joins_different_events_do_not() -> None:
    engine = StoryEngine()
    a = engine.add("a", "Earthquake hits Indonesia's Aceh", QUAKE, 0)
    b = engine.add("b", "Dozens injured as quake strikes Aceh, Indonesia", QUAKE.replace("struck", "hit"), 60)
    c = engine.add("c", "Wildfire forces evacuations near Athens", FIRE, 120)
    assert a.new_story and not b.new_story and a.story == b.story
    assert c.new_story and c.story != a.story


def test_story_closes_after_the_window() -> None:
    engine = StoryEngine(EngineParams(window=3600))
    first = engine.add("a", "Earthquake hits Indonesia's Aceh", QUAKE, 0)
    later = engine.add("b", "Earthquake hits Indonesia's Aceh", QUAKE, 7200)
    assert later.new_story and later.story != first.story
    assert engine.close_quiet(7200) == [first.story]


def test_a_report_dated_long_before_a_story_began_does_not_join_it() -> None:
    """Arrival order is not publication order: an archive item fetched late, dated days before the
    story's first report, is outside its window too."""
    engine = StoryEngine(EngineParams(window=3600))
    story = engine.add("a", "Earthquake hits Indonesia's Aceh", QUAKE, 100_000)
    old = engine.add("b", "Earthquake hits Indonesia's Aceh", QUAKE, 100_000 - 7200)
    near = engine.add("c", "Earthquake hits Indonesia's Aceh", QUAKE, 100_000 - 600)
    assert old.new_story and old.story != story.story
    assert not near.new_story and near.story in (story.story, old.story)


def test_stories_sharing_few_of_a_reports_terms_are_not_scored() -> None:
    """Candidates are the stories that share most of a report's strongest terms; one that shares under
    a quarter as many as the best (one word against eight) is left out before the costly scoring."""
    engine = StoryEngine()
    quake = engine.stories[engine.add("a", "Earthquake hits Indonesia's Aceh", QUAKE, 0).story]
    fire = engine.stories[engine.add("b", "Wildfire forces evacuations near Athens", FIRE, 0).story]
    assert quake.id != fire.id and len(quake.indexed) >= 8 and fire.indexed[0] not in quake.indexed
    keys = [*quake.indexed[:8], fire.indexed[0]]
    assert [s.id for s in engine._candidates(keys, 0)] == [quake.id]
    engine.params = replace(engine.params, candidate_share=0.0)
    assert [s.id for s in engine._candidates(keys, 0)] == [quake.id, fire.id]
    engine.params = replace(engine.params, candidate_share=0.25)
    kept = engine._candidates([*quake.indexed[:4], fire.indexed[0]], 0)  # one of four: a quarter
    assert [s.id for s in kept] == [quake.id, fire.id]
    # the bar comes from the stories in the time window: a closed story's many shared words set none
    engine.params = replace(engine.params, window=3600.0)
    fire.first = fire.last = 100_000.0
    assert [s.id for s in engine._candidates(keys, 100_000.0)] == [fire.id]


def test_a_term_that_most_open_stories_share_finds_no_candidates() -> None:
    """A feed of 20,000 items headed "Story 1" ... "Story 20000" indexed thousands of stories under
    "stori": counting them for every new article made its cost grow with history (see
    EngineParams.max_postings). Past `max_postings` stories a term is left out; the others still count."""
    engine = StoryEngine(EngineParams(max_postings=50))
    for sid in range(1, 61):
        engine.stories[sid] = Story(id=sid, first=0.0, last=0.0)
        engine.index["stori"].add(sid)
    engine.index["aceh"].add(7)
    assert engine._candidates(["stori"], 0.0) == []
    assert [s.id for s in engine._candidates(["stori", "aceh"], 0.0)] == [7]
    engine.params = replace(engine.params, max_postings=60)
    assert len(engine._candidates(["stori"], 0.0)) == engine.params.max_candidates


def test_wire_copies_are_recognised() -> None:
    engine = StoryEngine()
    original = engine.add("a", "Earthquake hits Indonesia's Aceh", QUAKE, 0)
    copy = engine.add("b", "Earthquake hits Indonesia's Aceh", QUAKE + " (AFP)", 30)
    rewrite = engine.add("c", "Dozens hurt in Aceh quake, homes damaged",
                         "Indonesia's Aceh province was shaken by a 6.1 quake that hurt dozens of people.", 60)
    assert copy.copy_of == original.article and copy.story == original.story
    assert rewrite.copy_of is None and rewrite.story == original.story


def test_merge_keeps_the_larger_story_id() -> None:
    engine = StoryEngine(EngineParams(threshold=0.5, merge_threshold=0.3))
    big = [engine.add(f"a{i}", "Aceh earthquake injures dozens", QUAKE, i) for i in range(3)]
    small = engine.add("s", "Indonesia quake: homes damaged in Aceh province",
                       "Homes were damaged across Aceh province in Indonesia after the quake on Tuesday.", 5)
    survivor = big[0].story
    assert engine.resolve(small.story) == survivor
    assert all(engine.resolve(a.story) == survivor for a in big)


def test_any_script_clusters_without_crashing() -> None:
    engine = StoryEngine()
    ru = [engine.add(f"ru{i}", "Землетрясение в Индонезии", "Землетрясение магнитудой 6,1 произошло в провинции Ачех",
                     i) for i in range(2)]
    ar = [engine.add(f"ar{i}", "زلزال يضرب إقليم آتشيه في إندونيسيا", "زلزال بقوة 6.1 درجة يضرب إندونيسيا", i)
          for i in range(2)]
    zh = [engine.add(f"zh{i}", "印度尼西亚亚齐省发生6.1级地震", "印度尼西亚亚齐省发生6.1级地震，数十人受伤", i)
          for i in range(2)]
    for pair in (ru, ar, zh):
        assert pair[0].story == pair[1].story
    assert len({ru[0].story, ar[0].story, zh[0].story}) == 3
    assert engine.explain(zh[0].story)


def _articles(n: int) -> list[Article]:
    topics = [("Earthquake hits Aceh", QUAKE), ("Wildfire near Athens", FIRE),
              ("Duma election results", "Russia's ruling party won the Duma election amid fraud claims.")]
    return [Article(id=f"id{i}", feed=f"feed{i % 4}", title=topics[i % 3][0] + f" update {i}",
                    link=f"http://e/{i}", author="", published=1_632_000_000 + i * 60,
                    summary=topics[i % 3][1], content="") for i in range(n)]


def test_restart_continues_without_reshuffling(tmp_path: Path) -> None:
    ok = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)
    articles = _articles(30)

    def assignments(db: Path, split: int) -> dict[str, int]:
        with Store(db) as store:
            store.sync_feeds([FeedConfig(name=f"feed{i}", url="http://x") for i in range(4)])
            for a in articles[:split]:
                store.record_poll(a.feed, ok, [a])
            StoryDesk(store).run()
        with Store(db) as store:  # a new process, as after a restart
            for a in articles[split:]:
                store.record_poll(a.feed, ok, [a])
            StoryDesk(store).run()
            return {r[0]: r[1] for r in store.conn.execute("SELECT article_id, cluster_id FROM article_clusters")}

    once = assignments(tmp_path / "once.db", 30)
    twice = assignments(tmp_path / "twice.db", 13)
    assert once == twice
    assert len(set(once.values())) == 3


def test_a_story_merged_the_moment_it_starts_is_stored_without_error(tmp_path: Path) -> None:
    """A report that starts a story which merges at once into an older one (its only row is the
    survivor's): the desk used to fail on the missing row, and every later run failed the same way."""
    ok = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)
    articles = [Article(id=f"id{i}", feed="feed", title=title, link=f"http://e/{i}", author="",
                        published=1_632_000_000 + i * 60, summary=QUAKE, content="")
                for i, title in enumerate(["Earthquake hits Aceh", "Earthquake hits Aceh again"])]
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name="feed", url="http://x")])
        desk = StoryDesk(store)
        desk._engine = StoryEngine(EngineParams(threshold=1.01, merge_threshold=0.1))  # never joins, always merges
        store.record_poll("feed", ok, articles)
        result = desk.run()
        rows = dict(store.conn.execute("SELECT article_id, cluster_id FROM article_clusters").fetchall())
        created = store.conn.execute("SELECT created, updated FROM clusters WHERE id = ?", (rows["id0"],)).fetchone()
    assert result.articles == 2 and rows["id0"] == rows["id1"]
    assert tuple(created) == (1_632_000_000, 1_632_000_060)


def test_one_shared_place_name_does_not_make_two_events_one_story() -> None:
    """Replaying real feeds, a one-report story that shared only "Auckland" with a car crash story
    joined it through the similarity of names; one shared name is not evidence of one event."""
    engine = StoryEngine()
    crash = engine.add("a", "Deadly smash: driver killed in Auckland crash",
                       "A driver died after a car hit a power pole at high speed in Glendene, west Auckland, "
                       "police said. The road was closed for hours.", 0)
    hospital = engine.add("b", "Auckland maternity death: family still waiting to say goodbye",
                          "The family of a woman who died after giving birth at Auckland City Hospital says the "
                          "coroner has not yet released her body.", 600)
    same = engine.add("c", "Driver killed after car hits pole in west Auckland",
                      "Police said a driver died when a car hit a power pole in Glendene, west Auckland, on "
                      "Sunday night.", 1200)
    assert hospital.new_story and hospital.story != crash.story
    assert not same.new_story and same.story == crash.story


def test_saved_knobs_survive_new_knobs_and_old_saves_load_with_defaults() -> None:
    import pickle
    from dataclasses import fields

    custom = StoryEngine(EngineParams(threshold=0.5, window=3600))
    custom.add("a", "Earthquake hits Indonesia's Aceh", QUAKE, 0)
    assert pickle.loads(pickle.dumps(custom)).params == custom.params  # saved by name

    class OldKnobs:  # pickles as an earlier version's EngineParams: values in field order, two knobs fewer
        def __reduce__(self) -> tuple[object, ...]:
            return (object.__new__, (EngineParams,), [getattr(custom.params, f.name) for f in fields(EngineParams)
                                                      if f.name not in ("min_shared_specifics",
                                                                        "merge_threshold_named")])

    class OldSave:  # pickles as an earlier version's engine: its attributes, the knobs object among them
        def __reduce__(self) -> tuple[object, ...]:
            state = {k: v for k, v in custom.__dict__.items()
                     if k not in ("articles", "clock", "rechecks", "timed_rechecks")}  # newer than that save
            return (object.__new__, (StoryEngine,), {**state, "params": OldKnobs()})

    loaded = pickle.loads(pickle.dumps(OldSave(), protocol=pickle.HIGHEST_PROTOCOL))
    assert isinstance(loaded, StoryEngine) and loaded.params == EngineParams()
    assert loaded.articles == 0 and loaded.rechecks == [] and loaded.timed_rechecks == []
    assert not loaded.add("b", "Quake strikes Aceh, Indonesia", QUAKE, 60).new_story


def test_stories_with_names_need_more_to_merge_than_stories_without() -> None:
    params = EngineParams(threshold=1.01, merge_threshold=0.05, merge_threshold_named=1.5)  # never join
    plain = StoryEngine(params)
    text = QUAKE.lower().replace("magnitude 6.1 ", "")  # no names, no figures
    a = plain.add("a", "earthquake hits aceh", text, 0)
    b = plain.add("b", "quake strikes aceh province", text.replace("struck", "hit"), 60)
    assert b.new_story and plain.resolve(b.story) == plain.resolve(a.story)  # words alone: merged
    named = StoryEngine(params)
    c = named.add("c", "Earthquake hits Aceh", QUAKE, 0)
    d = named.add("d", "Quake strikes Aceh province", QUAKE.replace("struck", "hit"), 60)
    assert d.new_story and named.resolve(d.story) != named.resolve(c.story)  # names on both sides: the higher bar


def test_features_stay_the_same_when_the_token_caches_are_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-token caches stop growing at a limit (odd input must not grow them without end);
    past it, tokens are worked out each time and the results do not change."""
    from tui.core import features

    title, text = "Earthquake hits Indonesia's Aceh province", QUAKE
    surface: dict[str, str] = {}
    expected = features.document_features(title, text, surface=surface)
    monkeypatch.setattr(features, "_TOKEN_STEMS", {})
    monkeypatch.setattr(features, "_TOKEN_WORDS", {})
    monkeypatch.setattr(features, "_CACHE_LIMIT", 0)
    full: dict[str, str] = {}
    assert features.document_features(title, text, surface=full) == expected and full == surface
    assert features._TOKEN_STEMS == {}
    assert features.words(title) == ["earthquake", "hits", "indonesia", "aceh", "province"]


def test_the_desk_closes_stories_after_the_users_story_window(tmp_path: Path) -> None:
    """settings.story_window_hours reaches the engine, also one loaded from a save made with another window."""
    ok = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)

    def report(i: int, hours: float) -> Article:
        return Article(id=f"id{i}", feed="feed", title="Earthquake hits Indonesia's Aceh", link=f"http://e/{i}",
                       author="", published=1_632_000_000 + hours * 3600, summary=QUAKE, content="")

    def stories(db: Path, window_hours: float | None) -> int:
        with Store(db) as store:
            store.sync_feeds([FeedConfig(name="feed", url="http://x")])
            store.record_poll("feed", ok, [report(0, 0)])
            StoryDesk(store).run()  # saved with the default window (72 h)
        with Store(db) as store:
            store.record_poll("feed", ok, [report(1, 10)])
            StoryDesk(store, None if window_hours is None else window_hours * 3600).run()
            return int(store.conn.execute("SELECT count(DISTINCT cluster_id) FROM article_clusters").fetchone()[0])

    assert stories(tmp_path / "default.db", None) == 1
    assert stories(tmp_path / "short.db", 6) == 2  # ten hours of silence closed the story


def test_two_named_storms_are_two_stories() -> None:
    """Reports of two storms of one season read alike ("forms in the Atlantic"); their names tell them apart."""
    engine = StoryEngine()
    text = "The storm formed in the Atlantic Ocean and is expected to weaken, the National Hurricane Center said."
    peter = engine.add("a", "Tropical Storm Peter forms in the Atlantic", text, 0)
    peter2 = engine.add("b", "Tropical Storm Peter forms in the Atlantic Ocean", text, 60)
    rose = engine.add("c", "Tropical Storm Rose forms in the Atlantic", text, 120)
    assert peter.story == peter2.story and rose.new_story and rose.story != peter.story


@pytest.mark.parametrize("added_later", ["storms", "persons"])  # storms, then people, were told apart later
def test_an_engine_saved_before_a_story_attribute_existed_loads(added_later: str) -> None:
    import pickle

    engine = StoryEngine()
    engine.add("a", "Earthquake hits Indonesia's Aceh", QUAKE, 0)
    for story in engine.stories.values():
        delattr(story, added_later)  # as saved by an earlier version
    loaded = pickle.loads(pickle.dumps(engine))
    assert not loaded.add("b", "Quake strikes Aceh, Indonesia", QUAKE, 60).new_story


def test_an_engine_saved_when_document_frequencies_lived_in_the_engine_module_loads() -> None:
    import pickle

    engine = StoryEngine()
    engine.add("a", "Earthquake hits Indonesia's Aceh", QUAKE, 0)
    saved = pickle.dumps(engine, protocol=2)  # a class is named as text: its old address can be written in
    old = saved.replace(b"ctui.core.idf\nDocumentFrequencies\n", b"ctui.core.cluster\n_Idf\n")
    assert old != saved
    loaded = pickle.loads(old)
    assert not loaded.add("b", "Quake strikes Aceh, Indonesia", QUAKE, 60).new_story


def test_the_desk_saves_every_batch_and_the_rest_so_a_failure_keeps_what_was_saved(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles read while earlier ones are still unsaved are saved with them once a batch is full;
    a failure later in the run leaves every full batch saved, and the next run goes on from there."""
    ok = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)
    articles = _articles(30)
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name=f"feed{i}", url="http://x") for i in range(4)])
        for a in articles:
            store.record_poll(a.feed, ok, [a])
        seqs = [r[0] for r in store.conn.execute("SELECT seq FROM articles ORDER BY seq")]
        add, calls = StoryEngine.add, []

        def failing_add(self: StoryEngine, article_id: str, title: str, text: str, when: float) -> object:
            calls.append(article_id)
            if len(calls) == 25:
                raise RuntimeError("disk full")
            return add(self, article_id, title, text, when)

        with monkeypatch.context() as patch:
            patch.setattr(StoryEngine, "add", failing_add)
            with pytest.raises(RuntimeError):
                StoryDesk(store).run(batch=8)
        saved = store.conn.execute("SELECT clustered_upto FROM engine_state").fetchone()[0]
        stored = store.conn.execute("SELECT count(*) FROM article_clusters").fetchone()[0]
        assert (saved, stored) == (seqs[23], 24)  # three batches of 8; the 25th failed
        again = StoryDesk(store).run(batch=8)
        assert again.articles == 6
        assert store.conn.execute("SELECT count(*) FROM article_clusters").fetchone()[0] == 30


def test_articles_arriving_while_the_desk_works_are_saved_together_up_to_a_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """During a first poll articles arrive faster than they are clustered: the desk reads on and
    saves full batches, not one save per read."""
    ok = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)
    articles = _articles(10)
    sizes: list[int] = []
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name=f"feed{i}", url="http://x") for i in range(4)])
        for a in articles[:5]:
            store.record_poll(a.feed, ok, [a])
        add, save = StoryEngine.add, StoryDesk._save

        def add_while_more_arrive(self: StoryEngine, article_id: str, title: str, text: str, when: float) -> object:
            if article_id == "id2":  # the poll stores five more while the desk clusters the first five
                for a in articles[5:]:
                    store.record_poll(a.feed, ok, [a])
            return add(self, article_id, title, text, when)

        def counted_save(self: StoryDesk, assignments: list[tuple[object, object]], upto: int) -> None:
            sizes.append(len(assignments))
            save(self, assignments, upto)  # type: ignore[arg-type]

        monkeypatch.setattr(StoryEngine, "add", add_while_more_arrive)
        monkeypatch.setattr(StoryDesk, "_save", counted_save)
        result = StoryDesk(store).run(batch=8)
    assert result.articles == 10 and sizes == [8, 2]


def test_a_report_with_only_words_joins_a_larger_story_with_only_words_at_its_own_bar() -> None:
    """`wordy_threshold` is the bar between a report and a story of two or more reports when neither
    names anything; a report or story with names keeps `threshold`."""
    flood = "floodwater swept through three villages in the valley overnight as the river kept rising"
    angle = "rescuers in the flooded valley villages searched collapsed homes as the river rose again"
    quiet = dict(threshold=0.9, wordy_pair_threshold=0.01, merge_threshold=2.0, merge_threshold_named=2.0,
                 recheck_after=(), recheck_delay=())

    def third_report_is_new(wordy_threshold: float, title: str, text: str, first: str, lead: str) -> bool:
        engine = StoryEngine(EngineParams(wordy_threshold=wordy_threshold, **quiet))  # type: ignore[arg-type]
        engine.add("a", first, lead, 0)
        engine.add("b", first, lead, 60)  # a copy: a story of two
        return engine.add("c", title, text, 120).new_story

    assert not third_report_is_new(0.01, "rescuers search flooded valley homes", angle,
                                   "flash flood hits valley villages", flood)
    assert third_report_is_new(0.9, "rescuers search flooded valley homes", angle,
                               "flash flood hits valley villages", flood)
    # with names the bar is `threshold` (0.9 here), however low the bar for words alone
    assert third_report_is_new(0.01, "Aceh aftershocks: rescuers search homes in Indonesia",
                               "Rescuers in Aceh searched damaged homes as aftershocks rattled Indonesia.",
                               "Earthquake injures dozens in Aceh", QUAKE)
