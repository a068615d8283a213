"""A program on a real pseudo-terminal, driven the way a person drives it: bytes typed into the pty,
frames read back from it. Measures keypress-to-repaint as the user sees it (no test harness in between).

Textual asks the terminal whether it supports synchronized output (DEC mode 2026); we answer yes, so every
frame the app paints arrives wrapped in begin/end-sync sequences and the end of each frame can be timed.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import threading
import time

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_YES = b"\x1b[?2026;2$y"
FRAME_END = b"\x1b[?2026l"
_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=$]*[A-Za-z~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


class Terminal:
    """`argv` running on a pty of `columns` x `rows`; output is collected by a reader thread."""

    def __init__(self, argv: list[str], columns: int = 120, rows: int = 40, env: dict[str, str] | None = None) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, start_new_session=True,
                                     env={**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor",
                                          **(env or {})})
        os.close(slave)
        self.master = master
        self.frames: list[tuple[float, bytes]] = []  # (time the frame ended, its bytes)
        self._buffer = b""
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        pending = b""
        while not self._closed.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:
                return
            now = time.perf_counter()
            if not chunk:
                return
            pending += chunk
            if SYNC_QUERY in pending:
                os.write(self.master, SYNC_YES)
                pending = pending.replace(SYNC_QUERY, b"")
            while (end := pending.find(FRAME_END)) >= 0:
                with self._lock:
                    self.frames.append((now, pending[:end]))
                pending = pending[end + len(FRAME_END):]

    def type(self, keys: bytes) -> float:
        """Type `keys`; returns when they were written."""
        at = time.perf_counter()
        os.write(self.master, keys)
        return at

    def frame_after(self, at: float, timeout: float = 5.0, containing: str | None = None) -> float | None:
        """Time the first frame that ended after `at` (and shows `containing`, if given) finished; None on timeout."""
        deadline = time.perf_counter() + timeout
        needle = containing.encode() if containing else None
        while time.perf_counter() < deadline:
            with self._lock:
                for ended, data in self.frames:
                    if ended > at and (needle is None or needle in _ESCAPES.sub(b"", data)):
                        return ended
            time.sleep(0.001)
        return None

    def quiet(self, seconds: float, timeout: float = 5.0) -> None:
        """Wait until no frame has been painted for `seconds` (at most `timeout`)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self._lock:
                last = self.frames[-1][0] if self.frames else self.started
            if time.perf_counter() - last >= seconds:
                return
            time.sleep(seconds / 4)

    def hang_up(self) -> None:
        """Close the terminal under the program, as when its window or tmux server goes away."""
        self._closed.set()
        self._reader.join(1)
        os.close(self.master)
        self.master = -1

    def close(self) -> None:
        """Stop the program (SIGTERM, then SIGKILL) and the reader."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        if self.master >= 0:
            self.hang_up()
