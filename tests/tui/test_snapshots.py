"""Snapshot tests of the main screen, a story's detail, help and feed health at 120×40 and 80×24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.tui.conftest import NOW, settle
from tui.app import WirewatchApp

SIZES = [(120, 40), (80, 24)]


def make_app(demo_db: tuple[Path, object], tmp_path: Path) -> WirewatchApp:
    db, config = demo_db
    return WirewatchApp(config, db, poll=False, clock=lambda: NOW, export_dir=tmp_path)  # type: ignore[arg-type]


def keys_then_settle(keys: list[str]) -> Any:
    """Press each key and let the workers it starts finish before the next (details are built off the
    event loop), so the picture does not depend on timing."""

    async def run(pilot: Any) -> None:
        await settle(pilot.app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot.app, pilot)

    return run


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("view", ["main", "detail", "help", "health"])
def test_screens(view: str, size: tuple[int, int], snap_compare: Any, demo_db: tuple[Path, object],
                 tmp_path: Path) -> None:
    keys = {"main": [], "detail": ["j", "j", "enter", "j"], "help": ["question_mark"], "health": ["H"]}[view]
    assert snap_compare(make_app(demo_db, tmp_path), terminal_size=size, run_before=keys_then_settle(keys))
