"""`wirewatch poll`: one round (`--once`) or a headless daemon that polls feeds as they fall due."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
import time
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from tui.cli.common import CliError, config_from_args, db_path_from_args, iso_utc, open_store, safe
from tui.core.models import PollOutcome
from tui.core.poller import Poller
from tui.core.stories import BackgroundDesk, StoryDesk

EXIT_NOTHING_RAN = 1


def cluster_stored(poller: Poller, desk: StoryDesk) -> str:
    """Run newly stored articles through the story engine (`desk`: kept from round to round, so its
    engine is loaded once) and count the discrepancies of the stories that received reports (as the
    dashboard's own polling does, so it can mark them); a line saying what it did."""
    from tui.core.storyview import flag_discrepancies

    result = desk.run()
    if not result.articles:
        return ""
    flag_discrepancies(poller.store, result.touched)
    return (f"clustered {result.articles} articles: {len(result.new_stories)} new stories, "
            f"{len(result.touched)} stories with new reports")


def describe(outcome: PollOutcome, width: int = 28) -> str:
    """One line for a feed's poll result."""
    name = safe(outcome.feed)[:width].ljust(width)
    if outcome.kind == "error":
        status = f" [HTTP {outcome.status}]" if outcome.status and "HTTP" not in (outcome.error or "") else ""
        text = f"error: {safe(outcome.error)}{status}"
    elif outcome.kind == "unchanged":
        text = "unchanged (304)" if outcome.status == 304 else "unchanged"
    else:
        text = f"{outcome.new} new, {outcome.updated} updated"
    if outcome.note:
        text += f"  ({safe(outcome.note)})"
    return f"{name} {text}"


def summary(outcomes: Sequence[PollOutcome], seconds: float) -> str:
    """The closing total line of a round."""
    kinds = Counter(o.kind for o in outcomes)
    new = sum(o.new for o in outcomes)
    updated = sum(o.updated for o in outcomes)
    return (f"polled {len(outcomes)} feeds in {seconds:.1f} s: {new} new articles, {updated} updated; "
            f"{kinds['new']} changed, {kinds['unchanged']} unchanged, {kinds['error']} failed")


class _Progress:
    """Prints result lines; on a terminal also keeps a one-line progress counter on stderr."""

    def __init__(self, total: int, out: TextIO, err: TextIO) -> None:
        self.total, self.done, self.out, self.err = total, 0, out, err
        self.live = err.isatty()

    def __call__(self, outcome: PollOutcome) -> None:
        self.done += 1
        if self.live:
            self.err.write("\r\x1b[K")
        print(describe(outcome), file=self.out, flush=not self.live)
        if self.live:
            self.out.flush()
            self.err.write(f"[{self.done}/{self.total}] polling…")
            self.err.flush()

    def close(self) -> None:
        if self.live:
            self.err.write("\r\x1b[K")
            self.err.flush()


def run_once(args: argparse.Namespace) -> int:
    """Poll due feeds (all with --all) once and print one line per feed and a total."""
    config = config_from_args(args)
    enabled = [f for f in config.feeds if f.enabled]
    if not enabled:
        raise CliError(f"{config.path}: no enabled feeds to poll", code=EXIT_NOTHING_RAN)
    store = open_store(db_path_from_args(args, config))
    poller = Poller(config, store)
    try:
        due = poller.due(all_feeds=args.all)
        if not due:
            wait = poller.seconds_until_next_due() or 0.0
            print(f"no feed is due yet (next in {wait:.0f} s); use --all to poll every feed now")
            return 0
        progress = _Progress(len(due), sys.stdout, sys.stderr)
        started = time.monotonic()
        # Stories are built while the feeds are still being fetched, on a second connection.
        with BackgroundDesk(store.path, window=config.settings.story_window) as desk:

            def on_outcome(outcome: PollOutcome) -> None:
                progress(outcome)
                if (outcome.new or outcome.updated) and not args.no_cluster:
                    desk.start()

            try:
                outcomes = asyncio.run(poller.poll(all_feeds=args.all, on_outcome=on_outcome))
            finally:
                progress.close()
        print(summary(outcomes, time.monotonic() - started))
        if desk.error:
            print(f"wirewatch: clustering failed: {desk.error}", file=sys.stderr)
        elif desk.articles:
            print(f"clustered {desk.articles} articles: {len(desk.new_stories)} new stories, "
                  f"{len(desk.touched)} stories with new reports")
        if outcomes and all(o.kind == "error" for o in outcomes):
            return EXIT_NOTHING_RAN
        return 0
    finally:
        store.close()


def run_daemon(args: argparse.Namespace) -> int:
    """Poll forever, headless, until SIGINT or SIGTERM; every write is a finished transaction."""
    config = config_from_args(args)
    if not any(f.enabled for f in config.feeds):
        raise CliError(f"{config.path}: no enabled feeds to poll", code=EXIT_NOTHING_RAN)
    db_path = db_path_from_args(args, config)
    store = open_store(db_path)
    poller = Poller(config, store)
    print(f"wirewatch: polling {sum(f.enabled for f in config.feeds)} feeds into {db_path}; "
          "Ctrl+C or SIGTERM to stop", flush=True)

    def line(outcome: PollOutcome) -> None:
        print(f"{iso_utc(time.time())} {describe(outcome)}", flush=True)

    desk = StoryDesk(store, config.settings.story_window)

    def round_done(outcomes: Sequence[PollOutcome]) -> None:
        clustered = "" if args.no_cluster else cluster_stored(poller, desk)
        if clustered:
            print(f"{iso_utc(time.time())} {clustered}", flush=True)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        task = asyncio.create_task(poller.run_forever(stop, on_outcome=line, on_round=round_done))
        await stop.wait()
        # Writes are synchronous transactions between awaits: cancelling loses no committed data.
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    try:
        asyncio.run(main())
    finally:
        store.close()
    print("wirewatch: stopped", flush=True)
    return 0
