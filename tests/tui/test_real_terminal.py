"""The dashboard as a person runs it: a real process on a real pseudo-terminal."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.terminal import Terminal


def test_dashboard_paints_stories_and_quits_when_its_terminal_hangs_up(
        demo_db: tuple[Path, object], tmp_path: Path) -> None:
    db, _ = demo_db
    config = tmp_path / "feeds.toml"
    config.write_text("# no feeds: show what is stored\n", encoding="utf-8")
    term = Terminal([sys.executable, "-m", "tui", "--config", str(config), "--db", str(db)], columns=100, rows=30)
    try:
        assert term.frame_after(term.started, 30, containing="Flash flood") is not None
        at = term.type(b"j")
        assert term.frame_after(at, 10) is not None
        # No hangup signal reaches it (as under `make demo` when tmux is killed): it must notice by itself.
        term.hang_up()
        term.proc.wait(timeout=10)
    finally:
        term.close()
