"""The dashboard's poll loop: rounds of polling in a worker thread (clustering in its own process), the
config read again when its file changed, and "poll now"."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from tui.core.config_watch import ConfigWatch
from tui.core.models import Config, PollOutcome
from tui.core.poller import Poller
from tui.core.store import Store
from tui.core.stories import BackgroundDesk, StoryDesk
from tui.core.summaries import StorySummary, story_summaries
from tui.messages import ConfigReloaded, PollStarted, StoriesLoaded

if TYPE_CHECKING:
    from textual.app import App

    Base = App[None]
else:
    Base = object


def flagged(stories: tuple[StorySummary, ...]) -> frozenset[int]:
    """Stories whose stored discrepancy count is above zero."""
    return frozenset(s.id for s in stories if s.discrepancies)


class PollFlow(Base):
    """Mixed into the app, which provides the state below and `_render_status`."""

    config: Config
    db_path: Path
    clock: Callable[[], float]
    polling: bool
    poll_failed: bool
    status_line: str
    _stopping: threading.Event
    _poll_now: threading.Event

    def _render_status(self) -> None: ...

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def poll_loop(self) -> None:
        """Poll due feeds, cluster what arrived, report; rounds never overlap. Runs until the app stops."""
        with Store(self.db_path) as store:
            poller = Poller(self.config, store, clock=self.clock)
            watch = ConfigWatch(self.config.path)
            while not self._stopping.is_set():
                if isinstance(changed := watch.check(), Config):  # feeds.toml edited: the new list from now on
                    poller = Poller(changed, store, clock=self.clock)
                if changed is not None:
                    self.post_message(ConfigReloaded(changed, "") if isinstance(changed, Config)
                                      else ConfigReloaded(None, str(changed)))
                self.post_message(PollStarted())
                # Clustering runs in its own process (no shared interpreter lock with the UI),
                # started by the first new article and finished before the round is reported.
                with BackgroundDesk(self.db_path, flag_discrepancies=True,
                                    window=poller.config.settings.story_window) as desk:

                    def arrived(outcome: PollOutcome, desk: BackgroundDesk = desk) -> None:
                        if outcome.new or outcome.updated:
                            desk.start()

                    outcomes = tuple(asyncio.run(poller.poll(on_outcome=arrived)))
                    if StoryDesk(store).pending():
                        desk.start()
                read_at = time.monotonic()
                stories = tuple(story_summaries(store, self.clock()))
                discrepant = flagged(stories)  # the counts are stored: nothing to carry over from the UI
                wait = poller.seconds_until_next_due()
                wait = 60.0 if wait is None else min(max(wait, 1.0), 60.0)
                self.post_message(StoriesLoaded(stories, discrepant, tuple(store.health()), outcomes,
                                                tuple(desk.new_stories), self.clock(), time.time() + wait,
                                                desk.error, read_at))
                self._poll_now.wait(wait)
                self._poll_now.clear()

    def on_poll_started(self) -> None:
        """A round began: say so in the status bar."""
        self.status_line = "polling…"
        self._render_status()

    def action_poll_now(self) -> None:
        """Start a round now (and the loop again if it stopped on an error)."""
        if self.polling:
            if self.poll_failed:  # the loop stopped on an error (reported): start it again
                self.poll_failed = False
                self.poll_loop()
            self._poll_now.set()
            self.notify("Polling now", timeout=2)
