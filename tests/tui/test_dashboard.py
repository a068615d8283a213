"""The dashboard driven by Textual's Pilot: bindings, triage persistence, live updates, safety."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from rich.text import Text

from tests.tui.conftest import NOW, settle
from tui.app import WirewatchApp
from tui.core.store import Store
from tui.core.summaries import story_summaries
from tui.messages import DiscrepanciesCounted, PollStarted, SearchDone, StoriesLoaded
from tui.screens.health import FeedHealthScreen
from tui.screens.help import HelpScreen
from tui.screens.prompt import PromptScreen
from tui.widgets.story_detail import StoryDetailView
from tui.widgets.story_list import StoryList


async def test_list_detail_and_navigation(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        table = demo_app.query_one(StoryList)
        assert table.row_count == len(demo_app.stories) >= 6
        assert demo_app.detail is not None and demo_app.detail.id == table.selected_story
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
        await settle(demo_app, pilot)
        assert demo_app.detail is not None and demo_app.detail.id == table.selected_story
        await pilot.press("enter")
        assert demo_app.focused is not None and demo_app.focused.id == "detail"
        await pilot.press("j")
        assert demo_app.article_index == min(1, len(demo_app.detail.timeline.entries) - 1)
        await pilot.press("tab")
        assert demo_app.focused is not None and demo_app.focused.id == "stories"


async def test_flood_story_shows_changing_toll(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        flood = next(s for s in demo_app.stories if "flood" in s.title.lower())
        assert flood.outlets >= 4 and flood.id in demo_app.discrepant
        table = demo_app.query_one(StoryList)
        row = table.row_index(flood.id)
        assert row is not None
        table.move_cursor(row=row)
        await settle(demo_app, pilot)
        assert demo_app.detail is not None
        kinds = {d.kind for d in demo_app.detail.discrepancies}
        assert "value" in kinds
        assert demo_app.detail.timeline.copies == 1


async def test_triage_persists_across_restarts(demo_app: WirewatchApp, tmp_path: Path) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        first, second = demo_app.stories[0].id, demo_app.stories[1].id
        await pilot.press("s")  # star the first
        await settle(demo_app, pilot)
        await pilot.press("j", "m")  # mute the second
        await settle(demo_app, pilot)
        assert demo_app.query_one(StoryList).row_index(second) is None
        await pilot.press("g", "a")  # all read
        await settle(demo_app, pilot)
        await pilot.press("e")  # export brief
        await settle(demo_app, pilot)
        brief = tmp_path / f"wirewatch-story-{demo_app.detail.id}.md"  # type: ignore[union-attr]
        assert brief.exists() and "## Timeline" in brief.read_text()
    with Store(demo_app.db_path) as store:
        rows = {s.id: s for s in story_summaries(store, NOW)}
    assert rows[first].starred and rows[first].unread == 0 and rows[second].muted


async def test_unread_sort_filter_search_and_screens(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        table = demo_app.query_one(StoryList)
        total = table.row_count
        await pilot.press("S")
        assert demo_app.sort == "outlets"
        assert demo_app.visible_stories()[0].outlets == max(s.outlets for s in demo_app.stories)
        await pilot.press("f")
        assert isinstance(demo_app.screen, PromptScreen)
        await pilot.press(*"kazakhstan", "enter")
        await settle(demo_app, pilot)
        assert 0 < table.row_count < total
        await pilot.press("f", *["backspace"] * len("kazakhstan"), "enter")  # empty clears
        await settle(demo_app, pilot)
        assert table.row_count == total
        await pilot.press("slash", *"miners", "enter")
        await settle(demo_app, pilot)
        assert table.row_count == 1
        await pilot.press("slash", "enter")
        await settle(demo_app, pilot)
        assert table.row_count == total
        await pilot.press("u")
        assert demo_app.unread_only
        await pilot.press("question_mark")
        assert isinstance(demo_app.screen, HelpScreen)
        await pilot.press("escape", "H")
        assert isinstance(demo_app.screen, FeedHealthScreen)
        await pilot.press("escape")
        await pilot.press("q")
    assert demo_app.return_code == 0 or demo_app.return_code is None


async def test_a_search_result_that_lands_after_the_search_was_cleared_is_dropped(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        table = demo_app.query_one(StoryList)
        total = table.row_count
        await pilot.press("slash", *"miners", "enter")
        await settle(demo_app, pilot)
        found = demo_app.search_stories
        assert found is not None and table.row_count == len(found) == 1
        await pilot.press("slash", "enter")  # cleared; then a late answer to the search before
        demo_app.post_message(SearchDone("miners", frozenset(found)))
        await settle(demo_app, pilot)
        assert demo_app.search_stories is None and table.row_count == total


async def test_live_update_keeps_cursor_on_the_same_story(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        table = demo_app.query_one(StoryList)
        table.move_cursor(row=5)
        await settle(demo_app, pilot)
        chosen = table.selected_story
        newcomer = replace(demo_app.stories[0], id=99_999, title="A brand new story", last=NOW + 60)
        stories = (newcomer, *demo_app.stories)
        demo_app.post_message(StoriesLoaded(stories, demo_app.discrepant, demo_app.health))
        await settle(demo_app, pilot)
        assert table.selected_story == chosen
        assert table.cursor_row == 6


async def test_feed_text_is_never_markup(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        hostile = "[bold red]x[/] [link=file:///etc/passwd]y[/link] \x1b[31mred\x1b[0m \u202eevil"
        story = replace(demo_app.stories[0], title=hostile)
        demo_app.post_message(StoriesLoaded((story, *demo_app.stories[1:]), demo_app.discrepant, demo_app.health))
        await settle(demo_app, pilot)
        table = demo_app.query_one(StoryList)
        row = table.row_index(story.id)
        assert row is not None
        cell = table.row_cells(row)[1]
        assert isinstance(cell, Text)
        assert "[bold red]x[/]" in cell.plain and "[link=file:///etc/passwd]" in cell.plain
        assert "\x1b" not in cell.plain and "\u202e" not in cell.plain
        assert not cell.spans or all("link" not in str(span.style) for span in cell.spans)


async def test_keys_can_be_remapped_from_config(demo_db: tuple[Path, object]) -> None:
    db, config = demo_db
    config = replace(config, keys={"star": "asterisk"})  # type: ignore[type-var]
    app = WirewatchApp(config, db, poll=False, clock=lambda: NOW)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        first = app.stories[0].id
        await pilot.press("asterisk")
        await settle(app, pilot)
        assert next(s for s in app.stories if s.id == first).starred


async def test_a_poll_that_spreads_a_story_notifies(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        story = next(s for s in demo_app.stories if s.outlets < demo_app.config.watch_outlets)
        grown = replace(story, outlets=demo_app.config.watch_outlets, articles=story.articles + 1)
        stories = tuple(grown if s.id == story.id else s for s in demo_app.stories)
        demo_app.post_message(StoriesLoaded(stories, demo_app.discrepant, demo_app.health, polled_at=NOW))
        await settle(demo_app, pilot)
        shown = [n.message for n in demo_app._notifications]
        assert any("outlets now report" in m and story.title[:20] in m for m in shown), shown


async def test_an_older_snapshot_never_replaces_a_newer_one(demo_app: WirewatchApp) -> None:
    """Workers read the stories in parallel (start-up, a poll round, a triage key) and their messages can
    come out of order: the start-up read's discrepancy scan used to post its stories (and feed health)
    after the first poll round's, so 17 failed feeds showed as '17 ok / 0 failing' for a minute."""
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        stories, health = demo_app.stories, demo_app.health
        first, other = stories[0], stories[1]
        read = time.monotonic()
        starred = (replace(first, starred=not first.starred), *stories[1:])
        failing = tuple(replace(h, error_streak=3, last_error="cannot connect") for h in health)
        demo_app.post_message(StoriesLoaded(starred, frozenset(), failing, polled_at=NOW, read_at=read))
        demo_app.post_message(StoriesLoaded(stories, frozenset(), health, read_at=read - 1.0))  # read before
        await settle(demo_app, pilot)
        assert demo_app.stories[0].starred != first.starred
        assert demo_app.health and all(h.error_streak == 3 for h in demo_app.health)
        assert f"{len(health)} failing" in str(demo_app.query_one("#status").render())
        # flags counted after the stories were read are still shown, also when a poll round read before
        # the count was stored reports after it
        counted = time.monotonic()
        demo_app.post_message(DiscrepanciesCounted(frozenset({other.id}), counted_at=counted))
        await settle(demo_app, pilot)
        assert other.id in demo_app.discrepant
        demo_app.post_message(StoriesLoaded(starred, frozenset(), failing, polled_at=NOW, read_at=counted - 0.5))
        await settle(demo_app, pilot)
        assert other.id in demo_app.discrepant
        demo_app.post_message(StoriesLoaded(starred, frozenset(), failing, polled_at=NOW, read_at=counted + 0.5))
        await settle(demo_app, pilot)
        assert other.id not in demo_app.discrepant  # read after the count: what is stored is what holds


async def test_a_poll_round_that_starts_says_so_in_the_status_bar(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        demo_app.post_message(PollStarted())
        await settle(demo_app, pilot)
        assert demo_app.status_line == "polling…" and "polling…" in str(demo_app.query_one("#status").render())


async def test_feeds_not_polled_yet_are_neither_ok_nor_failing(demo_app: WirewatchApp) -> None:
    """A feed just added (or a first start's whole list) read as ok before it was ever fetched: with
    20,000 feeds of an imported OPML the bar said "20000 ok" while none had answered."""
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        stories, health = demo_app.stories, demo_app.health
        assert len(health) >= 3 and all(h.last_attempt is not None for h in health)
        mixed = (replace(health[0], error_streak=1, last_error="HTTP 500"),
                 *(replace(h, last_attempt=None, last_success=None) for h in health[1:3]), *health[3:])
        demo_app.post_message(StoriesLoaded(stories, frozenset(), mixed, polled_at=NOW, read_at=time.monotonic()))
        await settle(demo_app, pilot)
        status = str(demo_app.query_one("#status").render())
        assert f"feeds {len(health) - 3} ok / 1 failing / 2 not polled yet" in status


async def test_feed_health_shows_failing_feeds_first_with_their_error_in_full(demo_app: WirewatchApp) -> None:
    """On an 80-column terminal the last columns were off screen, and they held the last error."""
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await settle(demo_app, pilot)
        health = sorted(demo_app.health, key=lambda h: h.name)
        broken = replace(health[-1], error_streak=4, status=500,
                         last_error="HTTP 500 after 3 retries; the feed is probably down for maintenance")
        demo_app.post_message(StoriesLoaded(demo_app.stories, demo_app.discrepant, (*health[:-1], broken)))
        await settle(demo_app, pilot)
        await pilot.press("H")
        await settle(demo_app, pilot)
        screen = demo_app.screen
        assert isinstance(screen, FeedHealthScreen)
        detail = str(screen.query_one("#feed-detail").render())
        assert screen.health[0].name == broken.name and broken.url in detail
        assert "probably down for maintenance (4 failed attempts" in " ".join(detail.split()), detail
        await pilot.press("j")
        await settle(demo_app, pilot)
        assert health[0].name in str(screen.query_one("#feed-detail").render())


def _detail_text(app: WirewatchApp) -> str:
    return " ".join(line.text for line in app.query_one(StoryDetailView)._lines)


async def test_an_empty_pane_says_why_and_what_to_do(demo_db: tuple[Path, object], tmp_path: Path) -> None:
    """With no feeds in the config, the pane had said that stories appear as feeds are polled; with a
    filter that matches nothing, the same."""
    db, config = demo_db
    no_feeds = WirewatchApp(replace(config, feeds=()), tmp_path / "new.db", poll=False,  # type: ignore[type-var]
                            clock=lambda: NOW)
    async with no_feeds.run_test(size=(120, 40)) as pilot:
        await settle(no_feeds, pilot)
        assert "No feeds to poll. Add [[feed]] entries to" in _detail_text(no_feeds)
    app = WirewatchApp(config, db, poll=False, clock=lambda: NOW)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f", *"no such outlet", "enter")
        await settle(app, pilot)
        assert "No story matches: clear the search" in _detail_text(app)


async def test_a_headline_in_the_command_palette_is_not_markup(demo_app: WirewatchApp) -> None:
    """Textual's Matcher.highlight reads a command's name as markup: a headline "[bold red]x[/] evil"
    showed as a bold red "x", its tags gone."""
    from tui.commands import StoryCommands

    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        assert demo_app.detail is not None
        demo_app.detail = replace(demo_app.detail, title="[bold red]x[/] evil [link=file:///e]y[/link]")
        hits = [hit async for hit in StoryCommands(demo_app.screen).search("export")]
        shown = str(hits[0].match_display)
        assert "Export brief of “[bold red]x[/] evil [link=file:///e]y[/link]”" in shown, shown
