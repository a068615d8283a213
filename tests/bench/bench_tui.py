"""Dashboard benchmark: first paint with 100k articles in 10k stories and keypress-to-repaint latency,
both on a real pseudo-terminal, and the longest time the event loop (input) is blocked while a poll of
500 feeds is processed."""

from __future__ import annotations

import asyncio
import pickle
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.bench_pipeline import start_server
from tests.bench.corpus import headlines
from tests.terminal import Terminal
from tui.app import WirewatchApp
from tui.core.cluster import StoryEngine
from tui.core.models import Config, FeedConfig, Settings
from tui.core.store import Store
from tui.messages import StoriesLoaded

NOW = 1_700_000_000.0


STORIES = 10_000


def build_db(path: Path, stories: int = STORIES, per_story: int = 10, feeds: int = 50) -> None:
    """100k stored articles in 10k clustered stories, written directly (no polling needed)."""
    pool = headlines()
    with Store(path) as store:
        store.sync_feeds([FeedConfig(name=f"outlet {i}", url=f"http://127.0.0.1:9/{i}") for i in range(feeds)])
        ids = {r[1]: r[0] for r in store.conn.execute("SELECT id, name FROM feeds")}
        conn = store.conn
        conn.execute("BEGIN")
        for s in range(stories):
            title = pool[s % len(pool)][0].capitalize()
            when = NOW - (stories - s) * 30
            conn.execute("INSERT INTO clusters(id, title, created, updated, size, discrepancies) "
                         "VALUES (?, ?, ?, ?, ?, 0)", (s + 1, title, when, when, per_story))
            for k in range(per_story):
                aid = f"a{s}-{k}"
                summary = pool[(s + k) % len(pool)][1]
                conn.execute("INSERT INTO articles(id, feed_id, guid, title, link, published, first_seen, summary, "
                             "digest) VALUES (?,?,?,?,?,?,?,?,?)",
                             (aid, ids[f"outlet {(s + k) % feeds}"], aid, title, f"http://e/{aid}", when + k,
                              when + k, summary, aid))
                conn.execute("INSERT INTO article_clusters(article_id, cluster_id) VALUES (?, ?)", (aid, s + 1))
        top = conn.execute("SELECT max(seq) FROM articles").fetchone()[0]
        conn.execute("INSERT INTO engine_state VALUES (1, ?, ?, ?)",
                     (top, pickle.dumps(StoryEngine()), NOW))
        conn.execute("COMMIT")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def first_paint_and_keys(db: Path, config: Path) -> tuple[float, list[float], list[float], list[float],
                                                          list[float]]:
    """The dashboard on a real pseudo-terminal (120x40), typed into like a person types: first paint from
    process start; j pressed alone (key → the frame moving the cursor, key → the frame showing that story's
    detail); Enter (key → the frame focusing the detail); j held (keys 30 ms apart, key → next frame)."""
    term = Terminal([sys.executable, "-m", "tui", "--config", str(config), "--db", str(db)])
    try:
        painted = term.frame_after(term.started, 30, containing="/10 ")
        if painted is None:
            raise RuntimeError("the dashboard never painted its story list")
        paint = painted - term.started
        time.sleep(1.0)
        term.quiet(0.3)
        moves: list[float] = []
        details: list[float] = []
        for row in range(1, 101):
            at = term.type(b"j")
            moved = term.frame_after(at)
            # the story on that row (most recent first) shows its first report's link in the detail pane
            shown = term.frame_after(at, containing=f"http://e/a{STORIES - 1 - row}-0")
            if moved is None or shown is None:
                raise RuntimeError("no repaint after a keypress")
            moves.append(moved - at)
            details.append(shown - at)
            term.quiet(0.1)
        opens: list[float] = []  # Enter opens the story (focus moves to its detail), Tab goes back
        for _ in range(50):
            for key in (b"\r", b"\t"):
                at = term.type(key)
                shown = term.frame_after(at)
                if shown is None:
                    raise RuntimeError("no repaint after a keypress")
                if key == b"\r":
                    opens.append(shown - at)
                term.quiet(0.1)
        held: list[float] = []
        for _ in range(200):
            at = term.type(b"j")
            moved = term.frame_after(at)
            if moved is None:
                raise RuntimeError("no repaint after a keypress")
            held.append(moved - at)
            time.sleep(max(0.0, at + 0.03 - time.perf_counter()))
        return paint, moves, details, opens, held
    finally:
        term.close()


async def blocked_during_poll(db: Path, port: int, feeds: int) -> tuple[float, float, int]:
    config = Config(path="<bench>", settings=Settings(concurrency=8, per_host_concurrency=8, interval=3600),
                    feeds=tuple(FeedConfig(name=f"bench {i}", url=f"http://127.0.0.1:{port}/f{i}.xml")
                                for i in range(feeds)))
    app = WirewatchApp(config, db, poll=True)
    lags: list[float] = []
    done = asyncio.Event()
    started = time.perf_counter()

    events: list[tuple[float, str]] = []

    def on_message(message: object) -> None:
        events.append((time.perf_counter() - started, type(message).__name__))
        if isinstance(message, StoriesLoaded) and message.polled_at:
            done.set()

    async with app.run_test(size=(120, 40), message_hook=on_message):
        last = time.perf_counter()
        while not done.is_set() and time.perf_counter() - started < 300:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            lags.append(now - last - 0.01)
            if lags[-1] > 0.08:
                seen = [e for t, e in events if now - started - 0.5 < t < now - started + 0.1][-6:]
                print(f"    lag {lags[-1] * 1e3:.0f} ms at {now - started:.2f} s near {seen}")
            last = now
    return max(lags), pct(lags, 0.99), len(lags)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "big.db"
        t0 = time.perf_counter()
        build_db(db)
        print(f"dashboard: built 100,000 articles in 10,000 stories in {time.perf_counter() - t0:.1f} s")
        config = Path(tmp) / "feeds.toml"
        config.write_text("# no feeds: the stored stories only\n", encoding="utf-8")
        paint, moves, details, opens, held = first_paint_and_keys(db, config)
        print(f"  first paint on a real terminal, from process start: {paint:.2f} s (target 1.5 s)")
        print(f"  keypress → repaint on a real terminal (target p99 50 ms): j alone p50 {pct(moves, .5) * 1e3:.1f} ms "
              f"p99 {pct(moves, .99) * 1e3:.1f} ms; j alone → that story's detail shown p50 "
              f"{pct(details, .5) * 1e3:.1f} ms p99 {pct(details, .99) * 1e3:.1f} ms; "
              f"Enter (open the story) p50 {pct(opens, .5) * 1e3:.1f} ms p99 {pct(opens, .99) * 1e3:.1f} ms; "
              f"j held (33/s) p50 {pct(held, .5) * 1e3:.1f} ms p99 {pct(held, .99) * 1e3:.1f} ms")
        server, port = start_server(500, 50)
        try:
            fresh = Path(tmp) / "poll.db"
            worst, p99, samples = asyncio.run(blocked_during_poll(fresh, port, 500))
        finally:
            server.kill()
        print(f"  event loop (input) blocked during a cold poll of 500 feeds x 50 items: longest {worst * 1e3:.0f} ms, "
              f"p99 {p99 * 1e3:.0f} ms over {samples} probes (target 100 ms)")


if __name__ == "__main__":
    main()
