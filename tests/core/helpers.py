"""Helpers for core tests: build a config for a server and run one poll."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from tui.core.models import Config, FeedConfig, PollOutcome, Settings
from tui.core.poller import Poller
from tui.core.store import Store


def config_for(feeds: dict[str, str], **settings: object) -> Config:
    """A Config polling name → URL with fast test defaults (overridable)."""
    base = Settings(connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0, workers=1)
    return Config(path="test.toml", settings=replace(base, **settings),  # type: ignore[arg-type]
                  feeds=tuple(FeedConfig(name=n, url=u) for n, u in feeds.items()))


def poll_once(config: Config, db: Path, all_feeds: bool = True, clock: float | None = None) -> list[PollOutcome]:
    """Run one poll round into the database at `db`."""
    with Store(db) as store:
        poller = Poller(config, store) if clock is None else Poller(config, store, clock=lambda: clock)
        return asyncio.run(poller.poll(all_feeds=all_feeds))


def one(outcomes: list[PollOutcome], feed: str = "f") -> PollOutcome:
    """The outcome for one feed."""
    return next(o for o in outcomes if o.feed == feed)
