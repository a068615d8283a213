"""feeds.toml edited while the dashboard runs: the new list is polled from the next round on, and a
broken edit is named (file and line) while the feeds listed before go on being polled."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import write_config
from tests.feedserver import FeedServer, Reply, rss
from tui.app import WirewatchApp
from tui.core.config import load_config

ITEMS = [{"title": f"Flood report {i}", "guid": f"g{i}", "link": f"http://e.org/{i}"} for i in range(2)]


async def _until(check: object, pilot: object, seconds: float = 20.0) -> None:
    for _ in range(int(seconds / 0.1)):
        if check():  # type: ignore[operator]
            return
        await pilot.pause(0.1)  # type: ignore[attr-defined]
    raise AssertionError("timed out")


def _touch_later(path: Path, text: str) -> None:
    """Write `text`, stamped a second later than the file was (a coarse file system sees the change)."""
    stamp = path.stat().st_mtime
    path.write_text(text)
    os.utime(path, (stamp + 1, stamp + 1))


async def test_a_feed_added_to_feeds_toml_is_polled_and_a_broken_edit_is_named(server: FeedServer,
                                                                             tmp_path: Path) -> None:
    server.routes["/a"] = Reply(body=rss(ITEMS))
    server.routes["/b"] = Reply(body=rss(ITEMS, title="Second"))
    path = write_config(tmp_path / "feeds.toml", [("First", server.url("/a"))])
    app = WirewatchApp(load_config(path), tmp_path / "w.db", poll=True, export_dir=tmp_path)

    def polled(name: str) -> bool:
        return any(h.name == name and h.last_attempt is not None for h in app.health)

    async with app.run_test(size=(120, 40)) as pilot:
        await _until(lambda: polled("First"), pilot)
        _touch_later(path, path.read_text() + f'\n[[feed]]\nname = "Second"\nurl = "{server.url("/b")}"\n')
        app.action_poll_now()
        await _until(lambda: polled("Second"), pilot)
        assert [f.name for f in app.config.feeds] == ["First", "Second"]
        shown = [n.message for n in app._notifications]
        assert any(m == f"{path} read again: 1 feed added, 0 removed" for m in shown), shown
        _touch_later(path, path.read_text() + "\n[[feed]]\nname = \"Third\"\n")  # no url
        app.action_poll_now()

        def named() -> bool:
            return any(n.message.startswith(f"{path}:") and "[[feed]] is missing 'url'" in n.message
                       and n.message.endswith("Still polling the feeds it listed before.") for n in app._notifications)

        await _until(named, pilot)
        assert [f.name for f in app.config.feeds] == ["First", "Second"]  # the list read before stands
