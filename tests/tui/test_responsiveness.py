"""What keeps keys responsive: details built ahead, a list that draws only what is visible, full
garbage collections moved to idle moments."""

from __future__ import annotations

import gc
from dataclasses import replace
from typing import Any

import pytest
from textual.strip import Strip

from tests.tui.conftest import NOW, settle
from tui.app import WirewatchApp
from tui.detail_flow import DetailCache
from tui.idle_gc import NEVER, IdleCollector
from tui.messages import DetailLoaded, StoriesLoaded
from tui.widgets.footer import StableFooter
from tui.widgets.story_list import StoryList


async def test_next_story_detail_is_shown_from_what_was_built_ahead(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        table = demo_app.query_one(StoryList)
        following = table.story_at(table.cursor_row + 1)
        assert following is not None and following in demo_app._details
        builds: list[Any] = []
        demo_app._build_detail = lambda *args: builds.append(args)  # type: ignore[method-assign]
        await pilot.pause(0.1)  # past the throttle of the first detail
        demo_app.action_cursor(1)
        # same call, no worker: the detail is on screen with the cursor
        assert demo_app.detail is not None and demo_app.detail.id == following
        assert builds == []
        await settle(demo_app, pilot)
        assert table.story_at(table.cursor_row + 1) in demo_app._details  # and the next one is ready


async def test_list_holds_every_story_and_draws_only_visible_rows(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(100, 30)) as pilot:
        await settle(demo_app, pilot)
        template = demo_app.stories[0]
        many = tuple(replace(template, id=100_000 + i, title=f"Story number {i}", last=NOW - i) for i in range(5000))
        demo_app.post_message(StoriesLoaded(many, frozenset(), demo_app.health))
        await settle(demo_app, pilot)
        table = demo_app.query_one(StoryList)
        assert table.row_count == 5000
        drawn: list[int] = []
        original = table.row_cells
        table.row_cells = lambda row, width=60: (drawn.append(row), original(row, width))[1]  # type: ignore[method-assign]
        await pilot.press("G")
        await pilot.pause()
        assert table.cursor_row == 4999 and table.selected_story == 100_000 + 4999
        assert drawn and len(set(drawn)) <= 30 and min(drawn) > 4900


def test_detail_cache_keeps_recent_first_article_layouts_at_their_width() -> None:
    cache = DetailCache(size=2)

    def item(story: int, width: int, index: int = 0) -> DetailLoaded:
        detail: Any = type("D", (), {"id": story})()
        return DetailLoaded(detail, (Strip.blank(width),), index)

    cache.put(item(1, 40))
    cache.put(item(2, 40))
    cache.put(item(3, 40, index=2))  # another article selected: not a reusable layout
    assert 3 not in cache and cache.get(1, 40) is not None
    cache.put(item(4, 40))  # 2 was used least recently
    assert 2 not in cache and 1 in cache and 4 in cache
    assert cache.get(1, 50) is None  # laid out for another width
    cache.drop([1])
    assert 1 not in cache


def test_idle_collector_runs_full_collections_only_when_input_rests() -> None:
    now = [0.0]
    saved = gc.get_threshold()
    collector = IdleCollector(idle_after=2.0, min_gap=30.0, full_every=300.0, clock=lambda: now[0])
    collector.start()
    try:
        assert gc.get_threshold() == (saved[0], saved[1], NEVER)
        now[0] = 40.0
        collector.input_seen()
        now[0] = 41.0
        assert not collector.tick()  # typing a second ago
        now[0] = 43.0
        assert collector.tick()  # rested two seconds, last full collection 43 s ago
        now[0] = 50.0
        assert not collector.tick()  # rested, but one ran 7 s ago
        for t in range(60, 350, 1):  # the user never rests for 2 s ...
            now[0] = float(t)
            collector.input_seen()
            if collector.tick():
                break
        assert collector.collections == 2 and now[0] == pytest.approx(343.0)  # ... it still runs, 300 s on
    finally:
        collector.stop()
    assert gc.get_threshold() == saved


async def test_footer_is_not_rebuilt_when_focus_moves_between_panes(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        footer = demo_app.query_one(StableFooter)
        keys = list(footer.children)
        assert len(keys) >= 5
        await pilot.press("enter")
        await settle(demo_app, pilot)
        assert demo_app.focused is not None and demo_app.focused.id == "detail"
        assert list(footer.children) == keys  # the same widgets: nothing was recomposed
        await pilot.press("question_mark")  # another screen, other bindings: its own footer state
        await pilot.press("escape")
        await settle(demo_app, pilot)
        assert len(list(footer.children)) == len(keys)


async def test_a_late_detail_for_a_story_the_cursor_left_is_not_shown(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        table = demo_app.query_one(StoryList)
        first = demo_app.detail
        assert first is not None and first.id == table.selected_story
        demo_app.action_cursor(1)
        await settle(demo_app, pilot)
        assert demo_app.detail is not None and demo_app.detail.id == table.selected_story != first.id
        late = DetailLoaded(first, (Strip.blank(40),), 0)  # as a superseded worker would post it
        demo_app.post_message(late)
        await settle(demo_app, pilot)
        assert demo_app.detail.id == table.selected_story  # still the story under the cursor
