"""A dashboard over a database filled from the demo corpus, with a frozen clock."""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.worker import WorkerCancelled

from tui.app import WirewatchApp
from tui.core.poller import Poller
from tui.core.store import Store
from tui.core.stories import StoryDesk
from tui.demo.corpus import OUTLETS
from tui.demo.feeds import write_snapshots
from tui.demo.replay import ReplayServer, load_snapshots
from tui.demo.run import demo_config
from tui.detail_flow import DETAIL_DELAY

START = 1_700_000_000.0  # 2023-11-14T22:13:20Z
NOW = START + 3600.0


def build_demo_db(tmp: Path, upto: float = NOW) -> tuple[Path, object]:
    """Poll the demo corpus as it stands at `upto` into a new database; return its path and config."""
    write_snapshots(tmp / "corpus", START)
    server = ReplayServer(load_snapshots(tmp / "corpus"), lambda: upto).start()
    names = {k: (v[0], list(v[1])) for k, v in OUTLETS.items()}
    config = demo_config(server, names, interval=3600)
    db = tmp / "demo.db"
    try:
        with Store(db) as store:
            poller = Poller(config, store, clock=lambda: upto)
            asyncio.run(poller.poll(all_feeds=True))
            StoryDesk(store).run()
            # the server stops below and its port was random: name the feeds where pictures of the
            # screens (the feed-health screen shows each URL) come out the same on every run
            fixed = tuple(replace(f, url=re.sub(r"^http://127\.0\.0\.1:\d+", "http://demo.invalid", f.url))
                          for f in config.feeds)
            config = replace(config, feeds=fixed)
            with store.transaction():  # (not sync_feeds: a new URL starts a feed's health afresh)
                store.conn.executemany("UPDATE feeds SET url = ? WHERE name = ?", [(f.url, f.name) for f in fixed])
    finally:
        server.stop()
    return db, config


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Path, object]:
    """The demo corpus polled into a database, and the config that polled it."""
    return build_demo_db(tmp_path)


@pytest.fixture
def demo_app(demo_db: tuple[Path, object], tmp_path: Path) -> WirewatchApp:
    db, config = demo_db
    return WirewatchApp(config, db, poll=False, clock=lambda: NOW, export_dir=tmp_path)  # type: ignore[arg-type]


async def settle(app: WirewatchApp, pilot: Any) -> None:
    """Wait until every worker has finished (a superseded exclusive worker ends as cancelled)."""
    await pilot.pause(DETAIL_DELAY + 0.05)  # a resting cursor builds its story's detail after this delay
    for _ in range(20):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            return
