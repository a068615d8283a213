"""Fetch-and-parse worker processes: due feeds are fetched and parsed by one process per core.

Each worker runs its own event loop and HTTP client, fetches feeds within its share of the global
and per-host caps, parses the bodies, and streams one message per feed back through a pipe. Feeds
of busy hosts are shared: workers claim the next one from a counter in shared memory, so a worker
that finishes early takes more. The parent only writes to SQLite, so every core does useful work.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from typing import Any

from tui.core.fetch import FetchLimits, fetch_feed, make_client
from tui.core.models import FeedConfig, FetchResult, ParsedFeed, Settings
from tui.core.parse import parse_feed
from tui.core.urls import host_of

# Workers run at the lowest priority: the story desk, which clusters one article after another, is
# the long pole of a first poll and needs a whole core, and the dashboard stays responsive. At
# niceness 10 (500 feeds x 50 items on 2 cores: 10.5 s instead of 12.5 s at 0) the workers still took
# enough of the desk's core that it went on alone for 0.4-1.5 s after they had finished, one core
# idle; at 19 that tail is 0.1-0.3 s, and the poll took less time in 9 of 13 alternated pairs of runs.
WORKER_NICENESS = 19


@dataclass(frozen=True, slots=True)
class Job:
    """One feed to fetch: where, and the validators of the last good answer."""

    feed: FeedConfig
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class WorkerPlan:
    """What one worker process does: its own (pinned) jobs and its share of the caps."""

    pinned: tuple[Job, ...]
    concurrency: int
    host_caps: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Plan:
    """Jobs any worker may claim, and the per-worker plans."""

    shared: tuple[Job, ...]
    workers: tuple[WorkerPlan, ...]


def plan_work(jobs: Sequence[Job], workers: int, concurrency: int, per_host: int) -> Plan:
    """Divide the caps over at most `workers` processes so their sum never exceeds the configured caps.

    A host whose cap is at least the number of workers is shared (every worker gets part of its cap
    and claims its feeds dynamically); a host with a smaller cap is pinned to `cap` workers, one
    connection each.
    """
    n = max(1, min(workers, concurrency, (len(jobs) + 7) // 8))
    by_host: dict[str, list[Job]] = defaultdict(list)
    for job in jobs:
        by_host[host_of(job.url)].append(job)
    shared: list[Job] = []
    pinned: list[list[Job]] = [[] for _ in range(n)]
    caps: list[dict[str, int]] = [{} for _ in range(n)]
    rotate = 0
    for host, host_jobs in sorted(by_host.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if per_host >= n:
            shared.extend(host_jobs)
            for w in range(n):
                caps[w][host] = per_host // n + (1 if w < per_host % n else 0)
            continue
        targets = [(rotate + i) % n for i in range(per_host)]
        rotate = (rotate + per_host) % n
        for w in targets:
            caps[w][host] = 1
        for i, job in enumerate(host_jobs):
            pinned[targets[i % len(targets)]].append(job)
    active = [w for w in range(n) if shared or pinned[w]]
    plans = []
    for rank, w in enumerate(active):
        share = concurrency // len(active) + (1 if rank < concurrency % len(active) else 0)
        plans.append(WorkerPlan(tuple(pinned[w]), max(1, share), caps[w]))
    return Plan(tuple(shared), tuple(plans))


Message = tuple[str, FetchResult, ParsedFeed | None]


def _claimer(shared: Sequence[Job], counter: Any) -> Callable[[], Job | None]:
    def claim() -> Job | None:
        with counter.get_lock():
            index = counter.value
            if index >= len(shared):
                return None
            counter.value = index + 1
        job: Job = shared[index]
        return job

    return claim


async def _run(plan: WorkerPlan, shared: Sequence[Job], counter: Any, settings: Settings, now: float,
               conn: Connection) -> None:
    limits = FetchLimits(settings.total_timeout, settings.max_response_bytes, settings.max_redirects)
    host_caps = {h: asyncio.Semaphore(c) for h, c in plan.host_caps.items()}
    own = list(plan.pinned)
    claim_shared = _claimer(shared, counter)

    def next_job() -> Job | None:
        return own.pop(0) if own else claim_shared()

    async with make_client(settings.user_agent, plan.concurrency, settings.connect_timeout,
                           settings.read_timeout) as client:

        async def slot() -> None:
            while (job := next_job()) is not None:
                try:
                    result, parsed = await one(job)
                except Exception as exc:  # one hostile feed must not stop the other feeds of this worker
                    result = FetchResult(feed=job.feed.name, status=None, final_url=job.url,
                                         error=f"unexpected error reading the feed: {type(exc).__name__}: {exc}")
                    parsed = None
                conn.send((job.feed.name, result, parsed))

        async def one(job: Job) -> tuple[FetchResult, ParsedFeed | None]:
            async with host_caps.setdefault(host_of(job.url), asyncio.Semaphore(1)):
                result = await fetch_feed(client, job.feed.name, job.url, job.etag, job.last_modified, limits)
            if result.error is not None or result.not_modified:
                return result, None
            # Parsing takes the CPU; it happens here, in this worker process, not in the parent.
            parsed = parse_feed(result.body or b"", result.headers, job.feed.name, job.feed.language, now,
                                result.final_url or job.url)
            return replace(result, body=None), parsed

        await asyncio.gather(*(slot() for _ in range(plan.concurrency)))


def run_worker(plan: WorkerPlan, shared: Sequence[Job], counter: Any, settings: Settings, now: float,
               conn: Connection) -> None:
    """Entry point of a worker process: fetch and parse, one message per feed, then None."""
    with contextlib.suppress(OSError):  # parsing yields the CPU to the story desk and the dashboard
        os.nice(WORKER_NICENESS)
    try:
        asyncio.run(_run(plan, shared, counter, settings, now, conn))
        conn.send(None)
    except (BrokenPipeError, EOFError, KeyboardInterrupt):
        pass  # the parent is gone or stopping: nothing left to report to
    finally:
        conn.close()
