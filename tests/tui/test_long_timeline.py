"""A story of hundreds of reports shows a window of its timeline around the selected report."""

from __future__ import annotations

import pytest

from tui.core.models import Article, FeedConfig
from tui.core.store import HealthUpdate, Store
from tui.core.stories import StoryDesk
from tui.core.storyview import StoryDetail, story_detail
from tui.widgets.detail_lines import NARROW, TIMELINE_ROWS, detail_parts, render_lines, shown_reports

START = 1_632_045_600.0


@pytest.fixture(scope="module")
def long_story(tmp_path_factory: pytest.TempPathFactory) -> StoryDetail:
    """One flood story told 300 times by five outlets, each report a minute after the last."""
    with Store(tmp_path_factory.mktemp("long") / "w.db") as store:
        store.sync_feeds([FeedConfig(name=f"Outlet {k}", url=f"http://o{k}.example/rss") for k in range(5)])
        for k in range(5):
            reports = [Article(id=f"{k}-{i}", feed=f"Outlet {k}", title=f"Vakhsh flood: update R{5 * i + k:03d}Z",
                               link=f"http://o{k}.example/{i}", author="", published=START + 60 * (5 * i + k),
                               summary="Rescuers searched flooded villages in the Vakhsh valley, officials said.",
                               content="") for i in range(60)]
            store.record_poll(f"Outlet {k}", HealthUpdate(last_attempt=START, status=200, success=True, next_due=0.0),
                              reports)
        result = StoryDesk(store).run()
        assert result.articles == 300 and len(result.new_stories) == 1
        detail = story_detail(store, result.new_stories[0])
        assert detail is not None and len(detail.timeline.entries) == 300
        return detail


def test_shown_reports_keep_the_selected_one_near_the_middle() -> None:
    assert shown_reports(12, 5) == range(12)
    assert shown_reports(300, 0) == range(0, TIMELINE_ROWS)
    assert shown_reports(300, 150) == range(150 - TIMELINE_ROWS // 2, 150 + TIMELINE_ROWS // 2)
    assert shown_reports(300, 299) == range(300 - TIMELINE_ROWS, 300)


@pytest.mark.parametrize("width", [NARROW - 6, 100])
def test_a_long_timeline_shows_a_window_around_the_selected_report(long_story: StoryDetail, width: int) -> None:
    entries = long_story.timeline.entries
    text = "\n".join(s.text for s in render_lines(detail_parts(long_story, 150, width), width))
    first, last = 150 - TIMELINE_ROWS // 2, 150 + TIMELINE_ROWS // 2
    assert f"reports {first + 1}–{last} of 300" in text.replace("\n", " ")
    timeline = text[text.index("Timeline (UTC)"):]  # (the heading above names the story by a report)
    shown = [n for n in range(300) if f"R{n:03d}Z" in timeline]  # each report's own mark (headlines wrap)
    assert shown == list(range(first, last))  # the window, in order, not all 300
    assert entries[150].title.endswith("R150Z")
