"""Dividing due feeds over worker processes never exceeds the global or per-host caps."""

from __future__ import annotations

import os
import random
from collections import Counter
from multiprocessing import Pipe, Value, get_context
from multiprocessing.connection import Connection

from tui.core.models import FeedConfig, Settings
from tui.core.shards import WORKER_NICENESS, Job, WorkerPlan, plan_work, run_worker
from tui.core.urls import host_of


def jobs_for(hosts: list[str]) -> list[Job]:
    return [Job(FeedConfig(name=f"f{i}", url=f"http://{h}/f{i}"), f"http://{h}/f{i}") for i, h in enumerate(hosts)]


def test_caps_hold_and_every_job_is_planned_once() -> None:
    rng = random.Random(7)
    for _ in range(300):
        hosts = [f"h{rng.randrange(rng.randint(1, 12))}.example" for _ in range(rng.randint(1, 300))]
        jobs = jobs_for(hosts)
        workers, concurrency, per_host = rng.randint(1, 4), rng.randint(1, 32), rng.randint(1, 8)
        plan = plan_work(jobs, workers, concurrency, per_host)
        planned = [j.feed.name for j in plan.shared] + [j.feed.name for w in plan.workers for j in w.pinned]
        assert sorted(planned) == sorted(j.feed.name for j in jobs)
        assert 1 <= len(plan.workers) <= workers
        assert sum(w.concurrency for w in plan.workers) <= max(concurrency, len(plan.workers))
        per_host_total: Counter[str] = Counter()
        for worker in plan.workers:
            for host, cap in worker.host_caps.items():
                per_host_total[host] += cap
            assert {host_of(j.url) for j in worker.pinned} <= {h for h, c in worker.host_caps.items() if c > 0}
        assert all(total <= per_host for total in per_host_total.values())
        shared_hosts = {host_of(j.url) for j in plan.shared}
        for worker in plan.workers:  # every worker can fetch every shared host
            assert all(worker.host_caps.get(h, 0) >= 1 for h in shared_hosts)


def test_one_busy_host_is_shared_by_both_workers() -> None:
    plan = plan_work(jobs_for(["one.example"] * 500), workers=2, concurrency=8, per_host=8)
    assert len(plan.shared) == 500 and [w.concurrency for w in plan.workers] == [4, 4]
    assert [w.host_caps["one.example:80"] for w in plan.workers] == [4, 4]


def test_polite_host_is_pinned_to_one_connection() -> None:
    plan = plan_work(jobs_for(["polite.example"] * 40 + ["other.example"] * 40), workers=2, concurrency=8,
                     per_host=1)
    assert not plan.shared
    assert sorted(len(w.pinned) for w in plan.workers) == [40, 40]
    assert all(list(w.host_caps.values()) == [1] for w in plan.workers)


def test_few_feeds_use_one_worker() -> None:
    assert len(plan_work(jobs_for(["a.example", "b.example"]), workers=2, concurrency=8, per_host=2).workers) == 1


def _worker_then_report_niceness(conn: Connection) -> None:
    """A worker with nothing to do; then, in the same process, its niceness."""
    receiver, sender = Pipe(duplex=False)
    run_worker(WorkerPlan(pinned=(), concurrency=1), (), Value("i", 0), Settings(), 0.0, sender)
    assert receiver.recv() is None  # the worker's closing message
    conn.send(os.nice(0))


def test_workers_yield_the_cpu_to_the_story_desk_and_the_dashboard() -> None:
    ctx = get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_worker_then_report_niceness, args=(sender,))
    proc.start()
    sender.close()
    assert receiver.recv() == min(os.nice(0) + WORKER_NICENESS, 19)
    proc.join(timeout=10)
