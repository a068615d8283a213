"""The bindings not covered elsewhere, each driven through Pilot: r, x, o, y, R, Ctrl+P, Shift+Tab."""

from __future__ import annotations

import webbrowser
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette

from tests.tui.conftest import NOW, settle
from tui.app import WirewatchApp
from tui.core.store import Store
from tui.core.summaries import story_summaries


def _summary(app: WirewatchApp, story: int) -> Any:
    with Store(app.db_path) as store:
        return next(s for s in story_summaries(store, NOW) if s.id == story)


async def test_read_toggle_and_dismiss(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        story = demo_app.stories[0].id
        assert _summary(demo_app, story).unread > 0
        await pilot.press("r")
        await settle(demo_app, pilot)
        assert _summary(demo_app, story).unread == 0
        await pilot.press("r")
        await settle(demo_app, pilot)
        assert _summary(demo_app, story).unread == _summary(demo_app, story).articles
        await pilot.press("x")
        await settle(demo_app, pilot)
        assert _summary(demo_app, story).dismissed
        assert all(s.id != story for s in demo_app.visible_stories())


async def test_open_link_copy_link_only_for_web_urls(demo_app: WirewatchApp,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        await pilot.press("o")
        link = demo_app._selected_link()
        assert link is not None and link.startswith("https://") and opened == [link]
        await pilot.press("y")
        assert demo_app.clipboard == link
        # a feed that links to a local file: never handed to the browser
        detail = demo_app.detail
        assert detail is not None
        chosen = detail.timeline.entries[demo_app.article_index].article_id
        demo_app.detail = replace(detail, articles=tuple(
            replace(a, link="file:///etc/passwd") if a.id == chosen else a for a in detail.articles))
        await pilot.press("o")
        assert opened == [link]


async def test_poll_now_wakes_the_poller(demo_db: tuple[Path, object], tmp_path: Path) -> None:
    db, config = demo_db
    app = WirewatchApp(config, db, poll=True, clock=lambda: NOW, export_dir=tmp_path)  # type: ignore[arg-type]
    app.poll_loop = lambda: None  # type: ignore[method-assign]  # no network round; only the signal
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert not app._poll_now.is_set()
        await pilot.press("R")
        assert app._poll_now.is_set()


async def test_command_palette_and_shift_tab(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        await pilot.press("tab")
        assert demo_app.focused is not None and demo_app.focused.id == "detail"
        await pilot.press("shift+tab")
        assert demo_app.focused is not None and demo_app.focused.id == "stories"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(demo_app.screen, CommandPalette)
        await pilot.press(*"export", "enter")
        await settle(demo_app, pilot)
        assert demo_app.detail is not None
        assert (demo_app.export_dir / f"wirewatch-story-{demo_app.detail.id}.md").exists()
