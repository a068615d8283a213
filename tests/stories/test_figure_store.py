"""Reports' figures are stored once extracted: counting a story's discrepancies after the next poll
extracts only its new reports' figures, and a report edited since, or an extractor changed since,
gets them extracted again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import tui.core.figure_memory as figure_memory
from tui.core import figure_store
from tui.core.facts import Report
from tui.core.figures import extract
from tui.core.models import Article, FeedConfig
from tui.core.store import HealthUpdate, Store
from tui.core.stories import StoryDesk
from tui.core.storyview import flag_discrepancies, story_detail

OK = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)
T0 = 1_632_000_000.0


def flood(i: int, dead: int, feed: str = "a") -> Article:
    return Article(id=f"{feed}{i}", feed=feed, title=f"Flash flood in Vakhsh valley kills {dead}",
                   link=f"http://{feed}/{i}", author="", published=T0 + i * 600,
                   summary=f"At least {dead} people were killed and 40 injured when a flash flood hit three villages "
                           "in the Vakhsh valley, the regional emergency committee said.", content="")


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The headlines whose figures are extracted (the figure memory starts empty)."""
    seen: list[str] = []

    def counting(title: str, text: str, published: float | None = None) -> object:
        seen.append(title)
        return extract(title, text, published)

    figure_memory.clear()
    monkeypatch.setattr(figure_memory, "extract", counting)
    yield seen
    figure_memory.clear()


def stored_story(tmp_path: Path, articles: list[Article]) -> tuple[Store, int]:
    store = Store(tmp_path / "w.db")
    store.sync_feeds([FeedConfig(name="a", url="http://a"), FeedConfig(name="b", url="http://b")])
    for feed in ("a", "b"):
        store.record_poll(feed, OK, [a for a in articles if a.feed == feed])
    StoryDesk(store).run()
    stories = {r[0] for r in store.conn.execute("SELECT cluster_id FROM article_clusters")}
    assert len(stories) == 1
    return store, stories.pop()


def test_a_second_count_of_a_story_extracts_only_its_new_reports(tmp_path: Path, extracted: list[str]) -> None:
    store, story = stored_story(tmp_path, [flood(0, 12), flood(1, 18, "b")])
    with store:
        assert flag_discrepancies(store, [story]) == {story: 1}  # 12 dead against 18
        assert sorted(extracted) == ["Flash flood in Vakhsh valley kills 12", "Flash flood in Vakhsh valley kills 18"]
        assert store.conn.execute("SELECT count(*) FROM article_figures").fetchone()[0] == 2

        figure_memory.clear()  # as in the next round's new process
        extracted.clear()
        store.record_poll("a", OK, [flood(2, 15)])
        StoryDesk(store).run()
        assert flag_discrepancies(store, [story]) == {story: 1}
        assert extracted == ["Flash flood in Vakhsh valley kills 15"]

        figure_memory.clear()  # the dashboard reading the story: nothing extracted, the same figures
        extracted.clear()
        detail = story_detail(store, story)
        assert detail is not None and extracted == []
        assert sorted(row.value for row in detail.figures if row.key == "dead") == [12, 15, 18]


def test_stored_figures_are_the_extracted_ones(tmp_path: Path, extracted: list[str]) -> None:
    store, story = stored_story(tmp_path, [flood(0, 12), flood(1, 18, "b")])
    with store:
        flag_discrepancies(store, [story])
        reports = [Report(a.id, a.feed, a.title, a.summary, a.published) for a in (flood(0, 12), flood(1, 18, "b"))]
        figure_memory.clear()
        assert figure_store.recall(store.conn, reports) == []
        for r in reports:
            recalled = figure_memory.figures_of(r.title, r.text, r.published)
            assert recalled == tuple(extract(r.title, r.text, r.published)) and recalled


def test_an_edited_report_and_a_changed_extractor_are_extracted_again(tmp_path: Path, extracted: list[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store, story = stored_story(tmp_path, [flood(0, 12), flood(1, 18, "b")])
    with store:
        flag_discrepancies(store, [story])
        edited = Report("a0", "a", "Flash flood in Vakhsh valley kills 14", flood(0, 14).summary, T0)
        same = Report("b1", "b", flood(1, 18).title, flood(1, 18).summary, T0 + 600)
        assert figure_store.recall(store.conn, [edited, same]) == [edited]
        assert figure_store.recall(store.conn, [same]) == []  # remembered now: not even looked up
        figure_memory.clear()  # a new process
        monkeypatch.setattr(figure_store, "extractor_digest", lambda: "another extractor")
        assert figure_store.recall(store.conn, [same]) == [same]


def test_figures_go_with_their_article(tmp_path: Path, extracted: list[str]) -> None:
    store, story = stored_story(tmp_path, [flood(0, 12), flood(1, 18, "b")])
    with store:
        flag_discrepancies(store, [story])
        assert store.forget_older_than(T0 + 86400 * 365) == 2
        assert store.conn.execute("SELECT count(*) FROM article_figures").fetchone()[0] == 0
        # a report deleted between reading and storing its figures: nothing stored, nothing fails
        with store.transaction():
            gone = Report("a0", "a", flood(0, 12).title, flood(0, 12).summary, T0)
            figure_store.keep(store.conn, [(gone, tuple(extract(gone.title, gone.text, gone.published)))])
        assert store.conn.execute("SELECT count(*) FROM article_figures").fetchone()[0] == 0


def test_the_extractor_digest_covers_the_modules_extract_uses() -> None:
    modules = figure_store.extractor_modules()
    assert {"figures", "figwords", "counted", "when", "not_figures"} <= set(modules)
    assert "cluster" not in modules and "store" not in modules
    assert len(figure_store.extractor_digest()) == 40


def test_a_round_touching_more_reports_than_the_memory_holds_extracts_each_once(
        tmp_path: Path, extracted: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    quake = [Article(id=f"q{i}", feed=feed, title=f"Magnitude 7.1 earthquake strikes off Chile's coast, {dead} dead",
                     link=f"http://{feed}/q{i}", author="", published=T0 + i * 600,
                     summary=f"A magnitude 7.1 earthquake struck off the coast of northern Chile, killing {dead} "
                             "people near Antofagasta, the national emergency office said.", content="")
             for i, feed, dead in ((0, "a", 3), (1, "b", 4))]
    with Store(tmp_path / "w.db") as store:
        store.sync_feeds([FeedConfig(name="a", url="http://a"), FeedConfig(name="b", url="http://b")])
        store.record_poll("a", OK, [flood(0, 12), quake[0]])
        store.record_poll("b", OK, [flood(1, 18, "b"), quake[1]])
        StoryDesk(store).run()
        stories = sorted({r[0] for r in store.conn.execute("SELECT cluster_id FROM article_clusters")})
        assert len(stories) == 2
        monkeypatch.setattr(figure_memory, "MEMORY", 2)  # one story's reports
        assert sorted(flag_discrepancies(store, stories).values()) == [1, 1]
        assert len(extracted) == 4
        assert store.conn.execute("SELECT count(*) FROM article_figures").fetchone()[0] == 4
