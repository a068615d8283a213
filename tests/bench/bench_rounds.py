"""Long-running benchmark: the dashboard's poll rounds, one after another, as history grows.

Each round is what the dashboard's poll loop does (tui/poll_flow.py), without the screen: poll every
feed (fetch-and-parse worker processes), cluster what arrived in the background desk process, count
the discrepancies of the stories that received reports, read the story list. The local server's
feeds each list their latest 30 items, with 3 new ones at every request, headlines and snippets from
the Google News dev set (whose stories keep receiving reports, as a running war or election does).
The first poll finds each feed full (30 items), so every round parses as much.

CPU (this process and its children) per new article over early rounds and over the last: flat
means a round costs what it brings, not what came before. The baseline, in the same run, is the same
rounds with the reports' figures not stored (each round extracting every report of every story that
received one again, as before figure_store).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from xml.sax.saxutils import escape

from tests.bench.corpus import GOOGLENEWS
from tui.core import figure_store
from tui.core.facts import Report
from tui.core.models import Config, FeedConfig, PollOutcome, Settings
from tui.core.poller import Poller
from tui.core.store import Store
from tui.core.stories import BackgroundDesk
from tui.core.summaries import story_summaries
from tui.demo.loopback import LoopbackServer, loopback_server


def serve(feeds: int, new_per_request: int, seed: int) -> LoopbackServer:
    """Feeds /f0.xml … that grow by `new_per_request` items at every request."""
    rows = [json.loads(x) for x in GOOGLENEWS.read_text(encoding="utf-8").splitlines() if x.strip()]
    rng = random.Random(seed)
    lock = threading.Lock()
    items: dict[str, list[tuple[int, str, str, float]]] = {}
    made = [0]

    def answer(handler: BaseHTTPRequestHandler) -> None:
        with lock:
            listed = items.setdefault(handler.path, [])
            for _ in range(new_per_request if listed else 30):  # the first poll finds a full feed
                made[0] += 1
                row = rows[rng.randrange(len(rows))]
                listed.append((made[0], row["title"].capitalize(), row.get("summary", ""), time.time()))
            del listed[:-30]
            latest = list(reversed(listed))
        body = "".join(
            ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Rounds</title>'
             "<link>http://rounds.example/</link><description>bench</description>"]
            + [f"<item><title>{escape(title)}</title><link>http://rounds.example{handler.path}/{n}</link>"
               f"<guid>{handler.path}-{n}</guid><description>{escape(text)}</description>"
               f"<pubDate>{formatdate(when, usegmt=True)}</pubDate></item>" for n, title, text, when in latest]
            + ["</channel></rss>"]).encode()
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server = loopback_server(answer)
    server.serve_in_thread()
    return server


def cpu() -> float:
    """CPU seconds of this process and its finished children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def rounds(feeds: int, count: int, db: Path, seed: int) -> list[tuple[int, float]]:
    """(new articles, CPU seconds) of each of `count` rounds."""
    server = serve(feeds, 3, seed)
    try:
        config = Config(path="(bench)", feeds=tuple(FeedConfig(name=f"outlet {i}", url=f"{server.base}/f{i}.xml")
                                    for i in range(feeds)),
                        settings=Settings(concurrency=8, per_host_concurrency=8))
        out = []
        with Store(db) as store:
            poller = Poller(config, store)
            for _ in range(count):
                started = cpu()
                with BackgroundDesk(db, flag_discrepancies=True) as desk:

                    def arrived(outcome: PollOutcome, desk: BackgroundDesk = desk) -> None:
                        if outcome.new or outcome.updated:
                            desk.start()

                    outcomes = asyncio.run(poller.poll(all_feeds=True, on_outcome=arrived))
                story_summaries(store, time.time())
                out.append((sum(o.new for o in outcomes), cpu() - started))
        return out
    finally:
        server.stop()


def per_article(measured: list[tuple[int, float]]) -> float:
    return sum(c for _, c in measured) / max(1, sum(n for n, _ in measured)) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=40)
    args, _ = parser.parse_known_args()
    span = max(1, args.rounds // 8)  # rounds measured early (after the first, which stores full feeds) and late
    results = {}
    original = figure_store.recall, figure_store.keep
    for name in ("stored figures", "baseline: figures extracted every round"):
        if name.startswith("baseline"):
            def recall_none(_conn: object, reports: list[Report]) -> list[Report]:
                return list(reports)

            figure_store.recall, figure_store.keep = recall_none, lambda _conn, _reports: 0  # type: ignore[assignment]
        with tempfile.TemporaryDirectory() as work:
            measured = rounds(args.feeds, args.rounds, Path(work) / "w.db", seed=1)
        figure_store.recall, figure_store.keep = original
        total = sum(n for n, _ in measured)
        results[name] = (per_article(measured[1:1 + span]), per_article(measured[-span:]))
        print(f"{name}: {args.rounds} rounds of {args.feeds} feeds, {total:,} articles; CPU per new article "
              f"{results[name][0]:.1f} ms over rounds 2-{span + 1}, {results[name][1]:.1f} ms over the last "
              f"{span} ({results[name][1] / results[name][0]:.2f}x)", flush=True)
    ours, base = results["stored figures"], results["baseline: figures extracted every round"]
    print(f"last rounds, stored figures / baseline: {ours[1] / base[1]:.2f}x")


if __name__ == "__main__":
    main()
