"""Polite concurrent polling: fetch due feeds in worker processes, store the results as they arrive."""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import AsyncIterator, Callable, Sequence
from multiprocessing import get_context
from multiprocessing.connection import Connection
from typing import Any

from tui.core.models import Config, FeedConfig, FetchResult, ParsedFeed, PollOutcome
from tui.core.schedule import next_due_after_error, next_due_after_success
from tui.core.shards import Job, Message, Plan, plan_work, run_worker
from tui.core.store import FetchState, HealthUpdate, Store

OutcomeCallback = Callable[[PollOutcome], None]
HEALTH_BATCH = 100  # 304 answers whose health is written together (they carry no articles)
INDEX_BATCH = 5000  # new articles between full-text index updates during a poll
WATCHDOG_SLACK = 30.0  # seconds of silence past the fetch timeout before a worker is presumed hung


class Poller:
    """Polls the feeds of a Config into a Store. One Poller per Store (and thread)."""

    def __init__(self, config: Config, store: Store, clock: Callable[[], float] = time.time,
                 start_method: str = "fork") -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self.start_method = start_method  # "forkserver" where the parent runs other threads (the TUI)
        self._in_flight: set[str] = set()
        self._synced = False
        self._unchanged: list[tuple[str, HealthUpdate]] = []

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

        def is_due(feed: FeedConfig) -> bool:
            return feed.name not in state or state[feed.name].next_due <= now

        return [f for f in self.config.feeds
                if f.enabled and f.name not in self._in_flight and (all_feeds or is_due(f))]

    def seconds_until_next_due(self) -> float | None:
        """Seconds until the earliest enabled feed is due (0 if one is due now; None with no feeds)."""
        self._sync()
        state = self.store.fetch_state()
        times = [state[f.name].next_due for f in self.config.feeds if f.enabled and f.name in state]
        if not times:
            return None
        return max(0.0, min(times) - self.clock())

    # -- polling -----------------------------------------------------------------------------------

    async def poll(self, all_feeds: bool = False, on_outcome: OutcomeCallback | None = None) -> list[PollOutcome]:
        """Poll every due feed once: fetched and parsed in worker processes, stored here as they arrive."""
        feeds = self.due(all_feeds)
        if not feeds:
            return []
        s = self.config.settings
        state = self.store.fetch_state()
        jobs = []
        for feed in feeds:
            st = state.get(feed.name)
            jobs.append(Job(feed, (st.redirected_to if st else None) or feed.url,
                            st.etag if st else None, st.last_modified if st else None))
        workers = s.workers or os.cpu_count() or 1
        plan = plan_work(jobs, workers, s.concurrency, s.per_host_concurrency)
        by_name = {f.name: f for f in feeds}
        pending = set(by_name)
        self._in_flight |= pending
        outcomes: list[PollOutcome] = []
        unindexed = 0
        try:
            async for name, result, parsed in self._run_workers(plan):
                if name not in pending:
                    continue
                pending.discard(name)
                outcome = self._handle(by_name[name], result, parsed, state.get(name))
                outcomes.append(outcome)
                unindexed += outcome.new
                if unindexed >= INDEX_BATCH:  # index while the workers still fetch, not all at the end
                    self.store.index_pending()
                    unindexed = 0
                if on_outcome is not None:
                    on_outcome(outcome)
            for name in sorted(pending):  # a worker died before reporting these
                lost = FetchResult(feed=name, status=None, error="worker process failed before finishing")
                outcome = self._handle(by_name[name], lost, None, state.get(name))
                outcomes.append(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)
        finally:
            self._flush_unchanged()
            self._in_flight -= set(by_name)
        if any(o.new for o in outcomes):
            self.store.index_pending()
        if s.keep_seconds is not None:
            self.store.forget_older_than(self.clock() - s.keep_seconds)
        return outcomes

    async def _run_workers(self, plan: Plan) -> AsyncIterator[Message]:
        """Start the worker processes of a plan and yield their messages as they arrive."""
        ctx: Any = get_context(self.start_method)
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Message | None] = asyncio.Queue()
        counter = ctx.Value("i", 0)
        procs = []
        conns: list[Connection] = []
        for worker in plan.workers:
            receiver, sender = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=run_worker, daemon=True,
                               args=(worker, plan.shared, counter, self.config.settings, self.clock(), sender))
            proc.start()
            sender.close()
            procs.append(proc)
            conns.append(receiver)

        def readable(conn: Connection) -> None:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                message = None
            if message is None:
                loop.remove_reader(conn.fileno())
                conn.close()
            queue.put_nowait(message)

        for conn in conns:
            loop.add_reader(conn.fileno(), readable, conn)
        open_workers = len(conns)
        silence = self.config.settings.total_timeout + WATCHDOG_SLACK
        try:
            while open_workers:
                try:
                    message = await asyncio.wait_for(queue.get(), timeout=silence)
                except TimeoutError:
                    break  # hung workers: whatever they did not report is recorded as failed
                if message is None:
                    open_workers -= 1
                    continue
                yield message
        finally:
            for conn in conns:
                if not conn.closed:
                    loop.remove_reader(conn.fileno())
                    conn.close()
            for proc in procs:
                proc.join(timeout=0.5)
                if proc.is_alive():
                    proc.kill()
                    proc.join()

    def _flush_unchanged(self) -> None:
        updates, self._unchanged = self._unchanged, []
        self.store.record_health(updates)

    def _handle(self, feed: FeedConfig, result: FetchResult, parsed: ParsedFeed | None,
                state: FetchState | None) -> PollOutcome:
        """Turn one feed's fetch (and parse) into stored health and articles, in one transaction."""
        streak = state.error_streak if state else 0
        ttl = state.ttl if state else None
        now = self.clock()
        interval = self.interval(feed)
        cap = self.config.settings.max_backoff
        moved = result.permanent_redirect
        note = f"permanently redirected to {moved}" if moved else None
        if result.error is None and parsed is not None and parsed.fatal:
            result = FetchResult(feed=feed.name, status=result.status, error=parsed.problem or "unreadable feed",
                                 permanent_redirect=moved)
        if result.error is not None:
            update = HealthUpdate(last_attempt=now, status=result.status, success=False, error=result.error,
                                  next_due=next_due_after_error(now, interval, streak + 1, cap, result.retry_after),
                                  redirected_to=moved)
            self.store.record_poll(feed.name, update)
            return PollOutcome(feed.name, "error", status=result.status, error=result.error, note=note)
        if result.not_modified or parsed is None:
            update = HealthUpdate(last_attempt=now, status=result.status, success=True, not_modified=True,
                                  next_due=next_due_after_success(now, interval, ttl, result.max_age),
                                  etag=result.etag, last_modified=result.last_modified, redirected_to=moved)
            self._unchanged.append((feed.name, update))
            if len(self._unchanged) >= HEALTH_BATCH:
                self._flush_unchanged()
            return PollOutcome(feed.name, "unchanged", status=result.status, note=note)
        update = HealthUpdate(last_attempt=now, status=result.status, success=True,
                              next_due=next_due_after_success(now, interval, parsed.ttl_seconds, result.max_age),
                              etag=result.etag, last_modified=result.last_modified, redirected_to=moved,
                              ttl=parsed.ttl_seconds, title=parsed.title or None, problem=parsed.problem)
        articles = parsed.articles
        if (keep := self.config.settings.keep_seconds) is not None:  # what would be forgotten at once, and
            horizon = now - keep  # then come back as new at every poll while the feed lists it
            articles = tuple(a for a in articles if a.published >= horizon)
        written = self.store.record_poll(feed.name, update, articles)
        if parsed.problem:
            note = "; ".join(x for x in (note, parsed.problem) if x)
        elif not parsed.articles:  # a sound feed that lists nothing: not the same as nothing new
            note = "; ".join(x for x in (note, "the feed lists no items") if x)
        kind = "new" if (written.new_ids or written.updated_ids) else "unchanged"
        return PollOutcome(feed.name, kind, new=len(written.new_ids), updated=len(written.updated_ids),
                           status=result.status, note=note, new_ids=written.new_ids)

    async def run_forever(self, stop: asyncio.Event, on_outcome: OutcomeCallback | None = None,
                          on_round: Callable[[Sequence[PollOutcome]], None] | None = None) -> None:
        """Poll feeds as they fall due until `stop` is set; rounds never overlap."""
        while not stop.is_set():
            outcomes = await self.poll(on_outcome=on_outcome)
            if on_round is not None and outcomes:
                on_round(outcomes)
            wait = self.seconds_until_next_due()
            wait = 60.0 if wait is None else min(max(wait, 0.5), 60.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=wait)
