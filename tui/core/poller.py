"""Polite concurrent polling: fetch due feeds, parse them on every core, store the results."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from multiprocessing import get_context

from tui.core.fetch import FetchLimits, fetch_feed, make_client
from tui.core.models import Config, FeedConfig, FetchResult, ParsedFeed, PollOutcome
from tui.core.parse import parse_feed
from tui.core.schedule import next_due_after_error, next_due_after_success
from tui.core.store import HealthUpdate, Store
from tui.core.urls import host_of

OutcomeCallback = Callable[[PollOutcome], None]


def _parse_job(body: bytes, headers: dict[str, str], feed: str, language: str | None, now: float) -> ParsedFeed:
    return parse_feed(body, headers, feed, language, now)


class Poller:
    """Polls the feeds of a Config into a Store. One Poller per Store (and thread)."""

    def __init__(self, config: Config, store: Store, clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self._in_flight: set[str] = set()
        self._executor: Executor | None = None
        self._synced = False

    # -- lifecycle ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Stop the parse workers."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _parse_executor(self) -> Executor:
        if self._executor is None:
            workers = self.config.settings.parse_workers or (os.cpu_count() or 1)
            # fork: workers start in milliseconds and inherit the already-imported modules.
            self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"))
        return self._executor

    def _sync(self) -> None:
        if not self._synced:
            self.store.sync_feeds(self.config.feeds)
            self._synced = True

    # -- scheduling --------------------------------------------------------------------------------

    def interval(self, feed: FeedConfig) -> float:
        """The feed's own interval, else the default."""
        return feed.interval or self.config.settings.interval

    def due(self, all_feeds: bool = False) -> list[FeedConfig]:
        """Enabled feeds whose next poll time has come (all enabled feeds with all_feeds)."""
        self._sync()
        now = self.clock()
        state = self.store.fetch_state()
        return [f for f in self.config.feeds
                if f.enabled and f.name not in self._in_flight and (all_feeds or state.get(f.name, (None, None, 0.0))[2] <= now)]

    def seconds_until_next_due(self) -> float | None:
        """Seconds until the earliest enabled feed is due (0 if one is due now; None with no feeds)."""
        self._sync()
        state = self.store.fetch_state()
        times = [state[f.name][2] for f in self.config.feeds if f.enabled and f.name in state]
        if not times:
            return None
        return max(0.0, min(times) - self.clock())

    # -- polling -----------------------------------------------------------------------------------

    async def poll(self, all_feeds: bool = False, on_outcome: OutcomeCallback | None = None) -> list[PollOutcome]:
        """Poll every due feed once, concurrently within the global and per-host caps."""
        feeds = self.due(all_feeds)
        if not feeds:
            return []
        s = self.config.settings
        limits = FetchLimits(s.total_timeout, s.max_response_bytes, s.max_redirects)
        state = self.store.fetch_state()
        global_cap = asyncio.Semaphore(s.concurrency)
        host_caps: dict[str, asyncio.Semaphore] = {}
        redirected = {h.name: h.redirected_to for h in self.store.health() if h.redirected_to}
        outcomes: list[PollOutcome] = []
        async with make_client(s.user_agent, s.concurrency, s.connect_timeout, s.read_timeout) as client:

            async def one(feed: FeedConfig) -> None:
                url = redirected.get(feed.name) or feed.url
                host = host_caps.setdefault(host_of(url), asyncio.Semaphore(s.per_host_concurrency))
                etag, modified, _, streak, ttl = state.get(feed.name, (None, None, 0.0, 0, None))
                self._in_flight.add(feed.name)
                try:
                    async with global_cap, host:
                        result = await fetch_feed(client, feed.name, url, etag, modified, limits)
                    outcome = await self._handle(feed, result, streak, ttl)
                finally:
                    self._in_flight.discard(feed.name)
                outcomes.append(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)

            await asyncio.gather(*(one(f) for f in feeds))
        return outcomes

    async def _handle(self, feed: FeedConfig, result: FetchResult, streak: int, ttl: float | None) -> PollOutcome:
        now = self.clock()
        interval = self.interval(feed)
        cap = self.config.settings.max_backoff
        moved = result.permanent_redirect
        note = f"permanently redirected to {moved}" if moved else None
        if result.error is not None:
            update = HealthUpdate(last_attempt=now, status=result.status, success=False, error=result.error,
                                  next_due=next_due_after_error(now, interval, streak + 1, cap, result.retry_after),
                                  redirected_to=moved)
            self.store.record_poll(feed.name, update)
            return PollOutcome(feed.name, "error", status=result.status, error=result.error, note=note)
        if result.not_modified:
            update = HealthUpdate(last_attempt=now, status=304, success=True, not_modified=True,
                                  next_due=next_due_after_success(now, interval, ttl, result.max_age),
                                  etag=result.etag, last_modified=result.last_modified, redirected_to=moved)
            self.store.record_poll(feed.name, update)
            return PollOutcome(feed.name, "unchanged", status=304, note=note)
        parsed = await self._parse(feed, result, now)
        if parsed.fatal:
            update = HealthUpdate(last_attempt=now, status=result.status, success=False,
                                  error=parsed.problem or "unreadable feed",
                                  next_due=next_due_after_error(now, interval, streak + 1, cap, None),
                                  redirected_to=moved)
            self.store.record_poll(feed.name, update)
            return PollOutcome(feed.name, "error", status=result.status, error=parsed.problem, note=note)
        update = HealthUpdate(last_attempt=now, status=result.status, success=True,
                              next_due=next_due_after_success(now, interval, parsed.ttl_seconds, result.max_age),
                              etag=result.etag, last_modified=result.last_modified, redirected_to=moved,
                              ttl=parsed.ttl_seconds, title=parsed.title or None, problem=parsed.problem)
        written = self.store.record_poll(feed.name, update, parsed.articles)
        if parsed.problem:
            note = "; ".join(x for x in (note, parsed.problem) if x)
        kind = "new" if (written.new_ids or written.updated_ids) else "unchanged"
        return PollOutcome(feed.name, kind, new=len(written.new_ids), updated=len(written.updated_ids),
                           status=result.status, note=note, new_ids=written.new_ids)

    async def _parse(self, feed: FeedConfig, result: FetchResult, now: float) -> ParsedFeed:
        body = result.body or b""
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._parse_executor(), _parse_job, body, result.headers,
                                              feed.name, feed.language, now)
        except Exception as exc:  # a crashed worker (e.g. killed) must not stop the poll
            self.close()
            return ParsedFeed(articles=(), problem=f"parser crashed: {type(exc).__name__}", fatal=True)

    async def run_forever(self, stop: asyncio.Event, on_outcome: OutcomeCallback | None = None,
                          on_round: Callable[[Sequence[PollOutcome]], None] | None = None) -> None:
        """Poll feeds as they fall due until `stop` is set; rounds never overlap."""
        while not stop.is_set():
            outcomes = await self.poll(on_outcome=on_outcome)
            if on_round is not None and outcomes:
                on_round(outcomes)
            wait = self.seconds_until_next_due()
            wait = 60.0 if wait is None else min(max(wait, 0.5), 60.0)
            try:
                await asyncio.wait_for(stop.wait(), timeout=wait)
            except TimeoutError:
                pass
