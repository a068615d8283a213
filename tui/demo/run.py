"""`wirewatch demo`: the dashboard on the bundled corpus (or a folder of snapshots) replayed locally."""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path

from tui.cli.common import CliError
from tui.core.models import Config, FeedConfig, Settings
from tui.demo.corpus import OUTLETS
from tui.demo.feeds import write_snapshots
from tui.demo.replay import ReplayServer, load_snapshots


def demo_config(server: ReplayServer, names: dict[str, tuple[str, list[str]]], interval: float) -> Config:
    """A config polling every replayed outlet on the local server."""
    feeds = tuple(FeedConfig(name=names.get(o, (o, []))[0], url=server.url(o), tags=tuple(names.get(o, (o, []))[1]))
                  for o in server.snapshots)
    settings = Settings(interval=interval, concurrency=8, per_host_concurrency=8, connect_timeout=3,
                        read_timeout=5, total_timeout=10)
    return Config(path="<demo>", settings=settings, feeds=feeds, watch_outlets=3)


def run_demo(replay: str | None, speed: float) -> int:
    """Start the replay server and the dashboard; everything lives in a temporary folder."""
    from tui.app import WirewatchApp

    if not (math.isfinite(speed) and speed > 0):
        raise CliError(f"--speed {speed:g}: give a positive number of replayed seconds per real second")
    if replay and not Path(replay).is_dir():
        raise CliError(f"{replay}: no such folder (expected OUTLET/YYYY-MM-DDTHHMMZ.xml snapshots in it)")
    with tempfile.TemporaryDirectory(prefix="wirewatch-demo-") as tmp:
        work = Path(tmp)
        if replay:
            snapshots = load_snapshots(Path(replay))
            if not snapshots:
                raise CliError(f"{replay}: no OUTLET/YYYY-MM-DDTHHMMZ.xml snapshots found")
            names: dict[str, tuple[str, list[str]]] = {}
        else:
            start = (time.time() // 60) * 60 - 3600.0  # the corpus covers the hour before now
            write_snapshots(work / "corpus", start)
            snapshots = load_snapshots(work / "corpus")
            names = {k: (v[0], list(v[1])) for k, v in OUTLETS.items()}
        first = min(s.captured for shots in snapshots.values() for s in shots)
        began = time.time()

        def replay_clock() -> float:
            return first + (time.time() - began) * speed

        server = ReplayServer(snapshots, replay_clock).start()
        try:
            # Replaying a folder, the dashboard lives at the replayed time: undated items are stamped with
            # it, ages and sparklines count from it. The bundled corpus is dated around real time.
            app = WirewatchApp(demo_config(server, names, interval=5.0), work / "demo.db",
                               clock=replay_clock if replay else time.time, export_dir=Path.cwd())
            app.run()
        finally:
            server.stop()
    return 0
