"""A story that turns out to be two is split; the larger part keeps the id and triage."""

from __future__ import annotations

import argparse
import json
import math
import pickle
import random
from pathlib import Path

import pytest

from tests.conftest import shared
from tui.cli.stories_cmd import run_cluster
from tui.core import cluster
from tui.core.cluster import EngineParams, Story, StoryEngine
from tui.core.models import Article, FeedConfig
from tui.core.splits import Member, Split, apart, split_story, two_groups
from tui.core.store import HealthUpdate, Store
from tui.core.stories import StoryDesk
from tui.core.triage import set_flag

# Two stories told in lower case without names or figures (like the Google News set); they share
# one word, "city", and nothing else.
FLOOD = [("river floods city valley villages", "floodwater swept through the city valley villages overnight as "
          "the river kept rising"),
         ("rescuers search flooded city homes", "rescuers in the city searched flooded homes after the river "
          "burst its banks"),
         ("city evacuates riverside streets", "the river flood forced the city to evacuate riverside streets "
          "and villages"),
         ("flood defences fail in city valley", "flood defences failed as the swollen river poured into the "
          "city valley"),
         ("river peaks as city valley floods", "the river peaked overnight as floodwater filled the city valley "
          "and its villages")]
RATES = [("central bank raises interest rate", "the central bank raised its main interest rate as city traders "
          "expected"),
         ("interest rates rise again", "interest rates rise again as the central bank fights inflation in the city"),
         ("lenders pass on rate rise", "city lenders pass on the central bank rate rise to mortgage borrowers"),
         ("borrowers face higher bank rates", "mortgage borrowers in the city face higher rates after the "
          "central bank decision"),
         ("rate rise hits homebuyers", "homebuyers in the city feel the central bank rate rise in their "
          "mortgage costs")]


def _loose(**params: float) -> StoryEngine:
    """Joins whatever shares a word: the rates reports join the flood story, as an early wrong join
    would make them."""
    return StoryEngine(EngineParams(threshold=0.01, wordy_pair_threshold=0.01, wordy_threshold=0.01, recheck_after=(),
                                    recheck_delay=(),
                                    **params))  # type: ignore[arg-type]


def _unit(*terms: str) -> dict[str, float]:
    return dict.fromkeys(terms, 1.0 / math.sqrt(len(terms)))


def _reference_two_groups(vectors: list[dict[str, float]], rounds: int = 8) -> list[int] | None:
    """Spherical 2-means written plainly: unit centres, set-intersection dot products."""
    def unit(vec: dict[str, float]) -> dict[str, float]:
        norm = math.sqrt(sum(w * w for w in vec.values()))
        return {t: w / norm for t, w in vec.items()} if norm else vec

    def mean(group: list[dict[str, float]]) -> dict[str, float]:
        total: dict[str, float] = {}
        for vec in group:
            for t, w in vec.items():
                total[t] = total.get(t, 0.0) + w
        return unit(total)

    def dot(a: dict[str, float], b: dict[str, float]) -> float:
        return sum(a[t] * b[t] for t in a.keys() & b.keys())

    whole = mean(vectors)
    first = min(range(len(vectors)), key=lambda i: dot(vectors[i], whole))
    second = min(range(len(vectors)), key=lambda i: dot(vectors[i], vectors[first]))
    if first == second:
        return None
    centres = (vectors[first], vectors[second])
    labels: list[int] = []
    for _ in range(rounds):
        new = [0 if dot(u, centres[0]) >= dot(u, centres[1]) else 1 for u in vectors]
        if new == labels:
            break
        labels = new
        groups = [[u for u, g in zip(vectors, labels, strict=True) if g == side] for side in (0, 1)]
        if not groups[0] or not groups[1]:
            return None
        centres = (mean(groups[0]), mean(groups[1]))
    return labels


def test_two_groups_cuts_as_plain_spherical_two_means_does() -> None:
    """The centres are kept as sums and compared without dividing (see two_groups): the same two groups
    as unit centres give, on 200 random sets of unit vectors over a small vocabulary (so they overlap)."""
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(40)]
    for _ in range(200):
        vectors = []
        for _ in range(rng.randint(2, 40)):
            raw = {t: rng.random() for t in rng.sample(vocabulary, rng.randint(1, 12))}
            norm = math.sqrt(sum(w * w for w in raw.values()))
            vectors.append({t: w / norm for t, w in raw.items()})
        assert _parts(two_groups(vectors)) == _parts(_reference_two_groups(vectors))


def _parts(labels: list[int] | None) -> set[frozenset[int]] | None:
    """The cut labels make (which side is called 0 is a tie-break between equals)."""
    if labels is None:
        return None
    return {frozenset(i for i, g in enumerate(labels) if g == side) for side in (0, 1)}


def test_two_groups_parts_two_kinds_of_vectors_and_not_one() -> None:
    vectors = [_unit("flood", "river"), _unit("rate", "bank"), _unit("flood", "valley"), _unit("bank", "loan")]
    labels = two_groups(vectors)
    assert labels is not None and labels[0] == labels[2] != labels[1] == labels[3]
    assert two_groups([_unit("flood")]) is None
    assert two_groups([_unit("flood"), _unit("flood")]) is None


def test_a_story_of_two_stories_is_split_and_the_larger_part_keeps_the_id() -> None:
    engine = _loose()
    flood = [engine.add(f"f{i}", title, text, i * 60.0) for i, (title, text) in enumerate(FLOOD[:4])]
    rates = [engine.add(f"r{i}", title, text, 600 + i * 60.0) for i, (title, text) in enumerate(RATES[:4])]
    story = flood[0].story
    assert all(a.story == story for a in flood + rates[:3])  # joined while the story took shape
    # looked at with 6 reports (two of them about rates: too few to leave), not with 7, then with 8
    assert all(a.split is None for a in flood + rates[:3])
    split = rates[3].split
    assert split is not None and split.kept == story and split.articles == ("r0", "r1", "r2", "r3")
    assert rates[3].story == split.new != story
    kept, new = engine.stories[story], engine.stories[split.new]
    assert (kept.size, new.size) == (4, 4)
    assert (kept.title, new.title) == (FLOOD[0][0], RATES[0][0])
    assert kept.first == 0.0 and (new.first, new.last) == (600.0, 780.0)
    assert "river" in engine.explain(story) and "river" not in engine.explain(split.new)
    assert "bank" in engine.explain(split.new) and "bank" not in engine.explain(story)
    later = engine.add("r4", *RATES[4], 900.0)
    assert later.story == split.new and later.split is None


# Two fights of one boxer, a year apart (written for this test): the same champion, belts, city and
# words of the trade; the challenger, his record and the round are what tell them apart.
RAHMAN = [("Klitschko stops Rahman in the seventh to keep IBF belt",
           "Wladimir Klitschko stopped Hasim Rahman in the seventh round in Mannheim on Saturday. Rahman, "
           "a late substitute, never found his range against the champion."),
          ("Rahman no match for Klitschko in Mannheim",
           "Hasim Rahman, a former champion, was stopped by Wladimir Klitschko in Mannheim. Rahman took "
           "a standing count in the sixth before the referee waved it off."),
          ("Klitschko batters sluggish Rahman",
           "Wladimir Klitschko jabbed Hasim Rahman at will for six rounds. Rahman, 35, said he had only "
           "three weeks to prepare for the IBF title bout."),
          ("Referee halts Klitschko-Rahman mismatch",
           "Klitschko landed a left-right-left combination and the referee stepped in to save Rahman. "
           "Rahman had been a replacement for the injured Sultan Ibragimov."),
          ("Klitschko retains title against Rahman",
           "Wladimir Klitschko kept his IBF heavyweight title against Hasim Rahman. Rahman lost for the "
           "eighth time in his career.")]
THOMPSON = [("Klitschko knocks out Thompson in Bern rematch",
             "Wladimir Klitschko knocked out Tony Thompson in the sixth round in Bern. Thompson, 40, had "
             "asked for the rematch after losing in Hamburg four years ago."),
            ("Thompson falls again to Klitschko",
             "Tony Thompson was knocked down twice by Wladimir Klitschko in Bern. Thompson's corner threw "
             "in the towel in the sixth."),
            ("Klitschko too strong for Thompson in Switzerland",
             "Wladimir Klitschko kept his WBA and WBO belts against Tony Thompson in Bern. Thompson, a "
             "southpaw from Washington, never troubled the champion."),
            ("Thompson stopped by Klitschko in six",
             "Klitschko dropped Tony Thompson with a right hand in the sixth round. Thompson got up but the "
             "fight was stopped moments later in Bern."),
            ("Klitschko beats Thompson for 59th win",
             "Wladimir Klitschko stopped Tony Thompson in Bern for his 59th win. Thompson said he would "
             "think about retirement.")]
# One event told from two angles (written for this test): the same people and countries, named throughout.
PACT = [("Australia scraps French submarine deal for US pact",
         "Australia cancelled its submarine contract with France and joined a pact with the United States "
         "and Britain. Prime Minister Scott Morrison said the deal served Australia's interests."),
        ("France recalls envoys over Australia submarine pact",
         "France recalled its ambassadors to Australia and the United States over the submarine pact. "
         "Morrison said Australia had told France of its concerns."),
        ("Morrison defends submarine decision",
         "Scott Morrison defended Australia's decision to drop the French submarines for a pact with "
         "the United States and Britain, as France protested."),
        ("France says Australia pact is a stab in the back",
         "France's foreign minister called the Australia and United States submarine pact a stab in "
         "the back. Morrison said he understood France's disappointment."),
        ("United States seeks to calm France over submarines",
         "The United States sought to calm France after Australia dropped the French submarine deal. "
         "Morrison and Biden spoke of the pact's importance."),
        ("Australia says France knew of submarine doubts",
         "Australia said France knew of its doubts over the submarine contract before the pact with the "
         "United States and Britain. Morrison rejected claims he had lied."),
        ("Britain welcomes submarine pact with Australia",
         "Britain welcomed the submarine pact with Australia and the United States. France said the "
         "decision was a betrayal; Morrison said he would speak to Macron."),
        ("France cancels London talks over submarine pact",
         "France cancelled defence talks with Britain over the submarine pact with Australia and the "
         "United States. Morrison said the pact was not aimed at France.")]


def test_a_story_of_two_events_with_names_of_their_own_is_split_and_not_merged_back() -> None:
    # any two stories that share a word would merge; parts of 3 reports or more (see the next test)
    engine = _loose(merge_threshold_named=0.05, split_min_part_named=3)
    rahman = [engine.add(f"r{i}", t, s, i * 60.0) for i, (t, s) in enumerate(RAHMAN[:4])]
    thompson = [engine.add(f"t{i}", t, s, 600 + i * 60.0) for i, (t, s) in enumerate(THOMPSON[:4])]
    story = rahman[0].story
    assert all(a.story == story for a in rahman + thompson[:3]) and engine.stories[story].spec_norm2
    split = thompson[3].split
    assert split is not None and split.kept == story and split.articles == ("t0", "t1", "t2", "t3")
    kept, new = engine.stories[story], engine.stories[split.new]
    assert (kept.size, new.size) == (4, 4) and (kept.title, new.title) == (RAHMAN[0][0], THOMPSON[0][0])
    assert "rahman" in kept.persons and "thompson" not in kept.persons and "thompson" in new.persons
    assert "e:thompson" not in kept.spec and "e:rahman" not in new.spec
    later = [engine.add("t4", *THOMPSON[4], 900.0), engine.add("r4", *RAHMAN[4], 960.0)]
    assert [a.story for a in later] == [split.new, story]
    assert not engine.redirects  # ... but the merge checks at size 5 leave these two apart


def test_two_reports_naming_their_own_event_leave_a_story_with_names() -> None:
    """A story with names is looked at from its 4th report, and two reports of another event (the
    shipped `split_min_part_named`) are enough to leave it: the split comes with the 2nd Thompson
    report, not the 4th, and the later ones follow it."""
    engine = _loose(merge_threshold_named=0.05)
    rahman = [engine.add(f"r{i}", t, s, i * 60.0) for i, (t, s) in enumerate(RAHMAN[:4])]
    first = engine.add("t0", *THOMPSON[0], 600.0)
    second = engine.add("t1", *THOMPSON[1], 660.0)
    story = rahman[0].story
    assert first.story == story and first.split is None
    assert second.split is not None and second.split.kept == story and second.split.articles == ("t0", "t1")
    assert second.story == second.split.new
    later = [engine.add(f"t{i}", *THOMPSON[i], 660.0 + i * 60) for i in (2, 3)]
    assert all(a.story == second.split.new for a in later) and not engine.redirects


def test_a_story_whose_parts_share_their_names_is_not_split() -> None:
    engine = _loose(split_named_bar=1.0)  # however unlike its angles' words are
    added = [engine.add(f"p{i}", t, s, i * 60.0) for i, (t, s) in enumerate(PACT)]
    assert len({a.story for a in added}) == 1 and all(a.split is None for a in added)
    assert len(engine.stories[added[0].story].members) == len(PACT)  # remembered, looked at, kept whole


def test_names_are_compared_by_their_last_word() -> None:
    def members(*specs: dict[str, float]) -> list[Member]:
        return [Member(f"a{i}", 0.0, "", {}, spec, {}) for i, spec in enumerate(specs)]

    rahman = members(*[{"e:hasim rahman": 1.0, "e:klitschko": 1.0}] * 3)
    thompson = members(*[{"e:tony thompson": 1.0, "e:klitschko": 1.0}] * 3)
    assert apart(rahman, thompson, 3, 0.6, 0.1)
    assert not apart(rahman, thompson, 4, 0.6, 0.1)  # too few reports to tell
    named = members(*[{"e:manny pacquiao": 1.0}] * 3)
    party = members(*[{"e:pdp-laban": 1.0, "e:pacquiao": 1.0}] * 3)
    assert not apart(named, party, 3, 0.6, 0.1)  # only the party's side has a name of its own


def test_a_saved_engine_keeps_its_stories_but_not_what_it_remembers_for_splits() -> None:
    engine = _loose()
    first = engine.add("f0", *FLOOD[0], 0.0)
    assert engine.stories[first.story].members
    loaded = pickle.loads(pickle.dumps(engine))
    story = loaded.stories[first.story]
    assert story.members == [] and story.size == 1 and story.title == FLOOD[0][0]
    assert story.text == engine.stories[first.story].text


# the report that brings the story to 8 is the last of those that leave, or one that stays; with
# names and without
@pytest.mark.parametrize(("texts", "leaving"), [(FLOOD[:4] + RATES[:4], RATES),
                                                (FLOOD[:4] + RATES[:3] + FLOOD[4:], RATES),
                                                (RAHMAN[:4] + THOMPSON[:4], THOMPSON),
                                                (RAHMAN[:4] + THOMPSON[:3] + RAHMAN[4:], THOMPSON)])
def test_the_desk_moves_the_reports_that_left_and_the_kept_story_keeps_its_triage(
        tmp_path: Path, texts: list[tuple[str, str]], leaving: list[tuple[str, str]]) -> None:
    ok = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)
    articles = [Article(id=f"id{i}", feed="feed", title=t, link=f"http://e/{i}", author="",
                        published=1_632_000_000 + i * 60, summary=s, content="") for i, (t, s) in enumerate(texts)]
    left = {f"id{i}" for i, text in enumerate(texts) if text in leaving}
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name="feed", url="http://x")])
        desk = StoryDesk(store)
        desk._engine = _loose()
        store.record_poll("feed", ok, articles[:5])
        desk.run()
        story = store.conn.execute("SELECT cluster_id FROM article_clusters WHERE article_id = 'id0'").fetchone()[0]
        set_flag(store, story, "starred", True)
        store.record_poll("feed", ok, articles[5:])
        result = desk.run()
        rows = dict(store.conn.execute("SELECT article_id, cluster_id FROM article_clusters").fetchall())
        new = rows["id4"]
        clusters = {r[0]: r[1:] for r in store.conn.execute("SELECT id, title, size, created, updated, merged_into "
                                                                "FROM clusters")}
        starred = dict(store.conn.execute("SELECT cluster_id, starred FROM triage").fetchall())
    assert new != story and {rows[a] for a in left} == {new} and {rows[a] for a in rows.keys() - left} == {story}
    assert new in result.new_stories and {story, new} <= set(result.touched)
    times = sorted(a.published for a in articles if a.id in left)
    assert clusters[new] == (leaving[0][0], len(left), times[0], times[-1], None)
    assert clusters[story][1] == len(texts) - len(left) and starred == {story: 1}


def test_the_cluster_command_reports_where_split_articles_went(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [{"id": f"f{i}", "title": t, "text": s} for i, (t, s) in enumerate(FLOOD)]
    lines += [{"id": f"r{i}", "title": t, "text": s} for i, (t, s) in enumerate(RATES)]
    given, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    given.write_text("".join(json.dumps(line) + "\n" for line in lines))
    monkeypatch.setattr(cluster, "EngineParams", lambda: _loose().params)  # the command's engine joins loosely
    assert run_cluster(argparse.Namespace(input=str(given), output=str(out))) == 0
    got = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in got] == [line["id"] for line in lines]
    stories = {r["id"]: r["cluster"] for r in got}
    # without the split, every line would name the flood story the rates reports first joined
    assert {stories[f"f{i}"] for i in range(4)} == {1} and {stories[f"r{i}"] for i in range(4)} == {2}


def test_the_google_news_set_through_the_desk_keeps_every_story_whole(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """5,838 real reports without names, stored in three polls with a restart between them: the splits
    they set off leave every report in one story, no story empty and each story's size its count."""
    splits: list[Split] = []

    def counted(engine: StoryEngine, story: Story) -> Split | None:
        split = split_story(engine, story)
        splits.extend([split] if split else [])
        return split

    monkeypatch.setattr(cluster, "split_story", counted)
    rows = [json.loads(line) for line in shared("datasets", "googlenews-dev.jsonl").read_text().splitlines()]
    ok = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)
    articles = [Article(id=r["id"], feed="gn", title=r["title"], link=f"http://e/{r['id']}", author="",
                        published=1_632_000_000 + i * 30, summary=r["summary"], content="") for i, r in enumerate(rows)]
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name="gn", url="http://x")])
        for start in range(0, len(articles), 2000):
            store.record_poll("gn", ok, articles[start:start + 2000])
            StoryDesk(store).run(batch=500)  # a new desk: the engine is loaded from what was saved
        sizes = store.conn.execute(
            "SELECT c.size, count(ac.article_id) FROM clusters c LEFT JOIN article_clusters ac ON ac.cluster_id = c.id "
            "WHERE c.merged_into IS NULL GROUP BY c.id").fetchall()
        assigned = store.conn.execute("SELECT count(DISTINCT article_id) FROM article_clusters").fetchone()[0]
    assert len(splits) >= 5 and assigned == len(rows)
    assert all(size == count > 0 for size, count in sizes)
