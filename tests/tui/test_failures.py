"""A failing background task is reported and the dashboard stays up (nothing stored is touched)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.conftest import NOW, settle
from tui.app import WirewatchApp
from tui.core.models import PollOutcome
from tui.messages import StoriesLoaded


async def test_a_story_that_cannot_be_built_is_reported_and_the_next_one_shows(
        demo_app: WirewatchApp, monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.detail_flow

    real = tui.detail_flow.story_detail
    broken = demo_app.stories[0].id if demo_app.stories else None

    def story_detail(store: Any, story: int) -> Any:
        if story == broken:
            raise ValueError("hostile text")
        return real(store, story)

    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        broken = demo_app.visible_stories()[0].id
        demo_app._details.drop([broken])
        monkeypatch.setattr(tui.detail_flow, "story_detail", story_detail)
        demo_app.load_detail(broken)
        await settle(demo_app, pilot)
        assert demo_app.is_running
        assert any("Showing the story failed: ValueError: hostile text" in n.message for n in demo_app._notifications)
        await pilot.press("j")
        await settle(demo_app, pilot)
        assert demo_app.detail is not None and demo_app.detail.id != broken


async def test_a_clustering_failure_is_told_to_the_user(demo_app: WirewatchApp) -> None:
    async with demo_app.run_test(size=(120, 40)) as pilot:
        await settle(demo_app, pilot)
        demo_app.post_message(StoriesLoaded(demo_app.stories, demo_app.discrepant, demo_app.health, polled_at=NOW,
                                            clustering_error="OperationalError: disk I/O error"))
        await settle(demo_app, pilot)
        assert any("could not be clustered: OperationalError: disk I/O error" in n.message
                   for n in demo_app._notifications)


async def test_a_poll_loop_that_fails_stops_visibly_and_restarts_on_request(
        demo_db: tuple[Path, object], monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.core.poller

    calls: list[str] = []

    async def failing(self: Any, **kwargs: Any) -> list[PollOutcome]:
        calls.append("fail")
        raise RuntimeError("socket table full")

    async def quiet(self: Any, **kwargs: Any) -> list[PollOutcome]:
        calls.append("ok")
        return []

    db, config = demo_db
    monkeypatch.setattr(tui.core.poller.Poller, "poll", failing)
    app = WirewatchApp(config, db, poll=True, clock=lambda: NOW)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.is_running and app.poll_failed
        assert "polling stopped" in app.status_line
        assert any("Polling failed: RuntimeError: socket table full" in n.message for n in app._notifications)
        monkeypatch.setattr(tui.core.poller.Poller, "poll", quiet)
        await pilot.press("R")
        for _ in range(50):
            if "ok" in calls:
                break
            await pilot.pause(0.05)
        assert calls[0] == "fail" and "ok" in calls and not app.poll_failed
