"""SIGKILL mid-poll loses at most the feeds being written; the database stays intact."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import write_config
from tests.feedserver import FeedServer, Reply, rss


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_poll_keeps_committed_articles(server: FeedServer, tmp_path: Path) -> None:
    feeds = []
    for f in range(80):
        items = [{"title": f"Feed {f} story {i} " + "word " * 40, "guid": f"{f}-{i}",
                  "link": f"http://e.org/{f}/{i}", "description": "text " * 200} for i in range(50)]
        server.routes[f"/f{f}"] = Reply(body=rss(items), delay=0.02 * (f % 5))
        feeds.append((f"feed{f}", server.url(f"/f{f}")))
    config = write_config(tmp_path / "feeds.toml", feeds, concurrency=4)
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-m", "tui", "--config", str(config), "--db", str(db), "poll", "--once", "--all"]
    for feeds_before_kill in (1, 3, 6):
        base = _count(db)
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        seen = 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            seen = max(seen, _count(db))
            if seen >= base + 50 * feeds_before_kill:
                break
            time.sleep(0.005)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        after = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')") is not None
        conn.close()
        assert after >= seen > base  # killed mid-poll; nothing that was committed is lost
        assert after < 80 * 50
        assert after % 50 == 0  # whole feeds only: one transaction per feed
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _count(db) == 80 * 50


def test_clustering_process_stops_when_its_parent_is_killed(tmp_path: Path) -> None:
    """A dashboard killed (or left without a terminal) must not leave its clustering process behind."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from tui.core.stories import BackgroundDesk\n"
        "desk = BackgroundDesk(Path(sys.argv[1]), interval=0.05)\n"
        "desk.start()\n"
        "print(desk._process.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "w.db")], stdout=subprocess.PIPE,
                              text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    os.kill(child, 0)  # running
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return
        if state == "Z":  # exited; waiting for its new parent to reap it
            return
        time.sleep(0.05)
    os.kill(child, signal.SIGKILL)
    raise AssertionError("the clustering process outlived its parent")
