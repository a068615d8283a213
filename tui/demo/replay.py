"""Serve folders of feed snapshots (OUTLET/YYYY-MM-DDTHHMMZ.xml) over HTTP on 127.0.0.1, in time order.

At any virtual time each outlet serves its latest snapshot captured at or before that time, with
an ETag and Last-Modified so pollers get 304s until the next snapshot. Used by `wirewatch demo`,
the tests and the benchmarks.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from tui.demo.loopback import loopback_server

_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})Z\.xml$")
EMPTY_FEED = (b'<?xml version="1.0" encoding="utf-8"?>'
              b'<rss version="2.0"><channel><title>(no items yet)</title></channel></rss>')


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One captured feed document."""

    outlet: str
    captured: float  # UTC epoch seconds
    path: Path


def capture_time(name: str) -> float | None:
    """Epoch seconds from a snapshot file name like 2021-09-18T1913Z.xml (None if it is not one)."""
    match = _NAME.match(name)
    if not match:
        return None
    when = datetime.strptime(f"{match.group(1)} {match.group(2)}{match.group(3)}", "%Y-%m-%d %H%M")
    return when.replace(tzinfo=UTC).timestamp()


def load_snapshots(root: Path) -> dict[str, list[Snapshot]]:
    """Snapshots per outlet folder under `root`, oldest first."""
    out: dict[str, list[Snapshot]] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        shots = [Snapshot(folder.name, t, f) for f in folder.iterdir() if (t := capture_time(f.name)) is not None]
        if shots:
            out[folder.name] = sorted(shots, key=lambda s: s.captured)
    return out


class ReplayServer:
    """HTTP server replaying snapshots according to a virtual clock (`clock()` → epoch seconds)."""

    def __init__(self, snapshots: dict[str, list[Snapshot]], clock: Callable[[], float]) -> None:
        self.snapshots = snapshots
        self.clock = clock
        self._times = {o: [s.captured for s in shots] for o, shots in snapshots.items()}
        self._cache: dict[Path, bytes] = {}
        self.requests = 0
        self.httpd = loopback_server(self._answer)

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return self.httpd.base

    def url(self, outlet: str) -> str:
        """The feed URL of one outlet."""
        return f"{self.base}/{outlet}.xml"

    def start(self) -> ReplayServer:
        """Start serving in a daemon thread."""
        self.httpd.serve_in_thread()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.httpd.stop()

    def current(self, outlet: str) -> Snapshot | None:
        """The snapshot an outlet serves at the current virtual time."""
        index = bisect_right(self._times[outlet], self.clock())
        return self.snapshots[outlet][index - 1] if index else None

    def _read(self, path: Path) -> bytes:
        if path not in self._cache:
            self._cache[path] = path.read_bytes()
        return self._cache[path]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        self.requests += 1
        outlet = handler.path.split("?")[0].strip("/").removesuffix(".xml")
        if outlet not in self.snapshots:
            body = b"unknown feed"
            handler.send_response(404)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
            return
        shot = self.current(outlet)
        body = self._read(shot.path) if shot else EMPTY_FEED
        etag = '"' + hashlib.sha1(str(shot.path if shot else "empty").encode()).hexdigest()[:16] + '"'
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        handler.send_header("ETag", etag)
        if shot:
            handler.send_header("Last-Modified", formatdate(shot.captured, usegmt=True))
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
