"""A threaded HTTP/1.1 server on 127.0.0.1 for the demo, the tests and the benchmarks."""

from __future__ import annotations

from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class LoopbackServer(ThreadingHTTPServer):
    """Keep-alive, no Nagle delay, a real listen backlog (the default of 5 drops SYNs under load,
    which costs 1 s retransmits), one daemon thread per connection."""

    daemon_threads = True
    request_queue_size = 512


def loopback_server(answer: Callable[[BaseHTTPRequestHandler], None]) -> LoopbackServer:
    """A server on a random 127.0.0.1 port that answers every GET with `answer(handler)`."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # no 40 ms delayed-ACK stalls between headers and body

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            return

        def do_GET(self) -> None:
            answer(self)

    return LoopbackServer(("127.0.0.1", 0), Handler)
