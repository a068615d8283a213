"""Narrow panes: the story list gives the headline room first, the detail turns tables into lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from tests.tui.conftest import settle
from tui.app import WirewatchApp
from tui.core.store import Store
from tui.core.storyview import story_detail, story_ids
from tui.core.timeline import lag_text
from tui.widgets.detail_lines import NARROW, UNSAID, _days, _says, clock_for, detail_parts, render_lines
from tui.widgets.story_list import COLUMNS, MIN_TITLE, layout


def test_list_drops_activity_then_independent_columns_when_narrow() -> None:
    names = lambda shown: [COLUMNS[i][0] for i in shown]  # noqa: E731
    wide_title, wide = layout(100)
    assert names(wide) == ["Out", "New/Rep", "Ind", "Last", "8h act."] and wide_title >= MIN_TITLE
    title, shown = layout(50)
    assert "8h act." not in names(shown) and "Ind" in names(shown) and title >= MIN_TITLE
    title, shown = layout(42)
    assert names(shown) == ["Out", "New/Rep", "Last"]
    assert layout(20)[0] >= 8  # never less than a readable stub


async def test_detail_is_a_list_on_a_narrow_pane_and_tables_on_a_wide_one(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        detail = next(d for d in [demo_app.detail] if d is not None)
    narrow = "\n".join(s.text for s in render_lines(detail_parts(detail, 0, NARROW - 6), NARROW - 6))
    wide = "\n".join(s.text for s in render_lines(detail_parts(detail, 0, 80), 80))
    assert "• " in narrow and "┃" not in narrow and "│" not in narrow
    assert "┃" in wide or "│" in wide
    assert all(len(line) <= NARROW - 6 for line in narrow.splitlines())


def test_timeline_and_figure_flags_are_shown_whole_at_every_width(demo_db: tuple[Path, object]) -> None:
    """What each report added ("changed figures: dead 12 → 18") and each figure's flags are read whole:
    cut to a cell's width they said "changed figure…" and "also reported as…" and nothing more."""
    with Store(demo_db[0]) as store:
        details = [d for d in (story_detail(store, s) for s in story_ids(store)) if d is not None]
    assert any(e.added.startswith("changed figures") for d in details for e in d.timeline.entries)
    assert any(f.flags for d in details for f in d.figures)
    for detail in details:
        words = [w for e in detail.timeline.entries
                 for w in f"{e.title} {'' if e.added in UNSAID else e.added}".split()]
        words += [w for f in detail.figures for flag in f.flags for w in flag.split()]
        for width in (NARROW - 6, 50, 70, 100):
            shown = " ".join(s.text for s in render_lines(detail_parts(detail, 0, width), width))
            missing = [w for w in words if w not in shown]
            assert not missing, (detail.title, width, missing)


def test_each_figure_names_its_outlets_with_when_each_first_stated_it(demo_db: tuple[Path, object]) -> None:
    """"Stated by" says who and when ("Pamir Herald 17:42"), and a toll's values stand together."""
    with Store(demo_db[0]) as store:
        details = [d for d in (story_detail(store, s) for s in story_ids(store)) if d is not None]
    flood = next(d for d in details if "flood" in d.title.lower() and len(d.articles) > 1)
    dead = [i for i, f in enumerate(flood.figures) if f.key == "dead"]
    assert len(dead) >= 2 and dead == list(range(dead[0], dead[0] + len(dead)))
    clock = clock_for(flood)
    said = [f"{s.report.feed} {clock(s.report.published)}" for figure in flood.figures for s in figure.stated]
    listed = " ".join(" ".join(s.text for s in render_lines(detail_parts(flood, 0, NARROW - 6), NARROW - 6)).split())
    assert all(phrase in listed for phrase in said), listed
    tabled = " ".join(s.text for s in render_lines(detail_parts(flood, 0, 100), 100)).split()  # cells wrap
    assert all(word in tabled for phrase in said for word in phrase.split())
    first, *later = sorted(flood.timeline.outlet_lag.items(), key=lambda item: item[1])
    assert len(later) >= 3  # more than three outlets: the first, then how many more and the last one's lag
    assert f"Outlets: {first[0]} first and {len(later)} more, the last {lag_text(later[-1][1])}" in listed


def test_an_announced_date_shows_the_days_it_means(demo_db: tuple[Path, object]) -> None:
    """"next week" in a report is read against its publication: the figure says which days that is."""
    assert _days("2021-08-05", "2021-08-10") == "2021-08-05–10"
    assert _days("2021-08-30", "2021-09-05") == "2021-08-30–09-05"
    assert _days("2021-12-30", "2022-01-02") == "2021-12-30–2022-01-02"
    assert _days("2021-08-05", "2021-08-05") == "2021-08-05"
    with Store(demo_db[0]) as store:
        details = [d for d in (story_detail(store, s) for s in story_ids(store)) if d is not None]
    dates = [(d, f) for d in details for f in d.figures if f.key == "date" and f.statements[0].figure.start]
    assert dates
    for detail, figure in dates:
        start = str(figure.statements[0].figure.start)
        listed = " ".join(" ".join(s.text for s in render_lines(detail_parts(detail, 0, NARROW - 6),
                                                                NARROW - 6)).split())
        assert f"{figure.text} {start}" in listed, figure.text
        tabled = " ".join(s.text for s in render_lines(detail_parts(detail, 0, 100), 100))
        assert start[:7] in tabled, figure.text  # the cell may wrap the range after its month


def test_times_lags_and_what_figures_count_read_short_and_plain(demo_db: tuple[Path, object]) -> None:
    """A story over several days writes its times with the date; lags in hours and days, not "+1358m";
    a figure that says what it counts is not followed by it again ("three-day", not "three-day days")."""
    assert [lag_text(s) for s in (0, 360, 7500, 81_480, 100_800)] == ["first", "+6m", "+2h05m", "+22h38m", "+1d4h"]
    assert _says("three-day", "days") and _says("40 and 45 per cent", "percent") and _says("$1.2 billion", "dollars")
    assert _says("12 dead", "dead") and not _says("18", "dead") and not _says("hundreds of", "homes")
    with Store(demo_db[0]) as store:
        detail = next(d for d in (story_detail(store, s) for s in story_ids(store)) if d is not None
                      and len(d.articles) > 1)
    first = detail.articles[0]
    assert len(clock_for(detail)(first.published)) == 5  # one day: "17:42"
    later = replace(detail.articles[-1], published=first.published + 86_400)
    spread = replace(detail, articles=(*detail.articles[:-1], later))
    assert clock_for(spread)(first.published) == datetime.fromtimestamp(first.published, UTC).strftime("%d %b %H:%M")


async def test_a_narrow_terminal_shows_one_pane_at_a_time(demo_app: WirewatchApp) -> None:
    """Under 80 columns the list takes the width; Enter shows the story in its place, Escape brings the
    list back (side by side, the detail had been left two columns at 40). Widened, both show again."""
    from tui.widgets.story_detail import StoryDetailView
    from tui.widgets.story_list import StoryList

    async with demo_app.run_test(size=(60, 24)) as pilot:
        await settle(demo_app, pilot)
        story_list, detail = demo_app.query_one(StoryList), demo_app.query_one(StoryDetailView)
        assert story_list.display and not detail.display and story_list.size.width >= 56
        await pilot.press("enter")
        await pilot.pause()
        assert detail.display and detail.has_focus and not story_list.display and detail.size.width >= 56
        await pilot.press("j")  # in the story: its reports
        await pilot.press("escape")
        await pilot.pause()
        assert story_list.display and story_list.has_focus and not detail.display
        await pilot.press("enter")
        await pilot.pause()
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert story_list.display and detail.display and detail.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert story_list.has_focus and detail.display  # on a wide terminal Escape too leaves the story


def test_the_feeds_screen_never_shows_a_password_from_a_feeds_url() -> None:
    """A feed's URL may carry credentials (https://user:secret@host/rss): the feeds screen, which a
    screen share or a screenshot shows, writes the password as ***."""
    from tui.core.models import FeedHealth
    from tui.screens.health import describe

    health = FeedHealth(name="Private", url="https://user:s3cret@news.example/rss",
                        redirected_to="https://user:s3cret@news.example/rss2", last_error="HTTP 500", error_streak=1)
    shown = describe(health, 1_632_000_000.0).plain
    assert "s3cret" not in shown
    assert "https://user:***@news.example/rss" in shown and "https://user:***@news.example/rss2" in shown
