"""A threaded HTTP/1.1 server on 127.0.0.1 for the demo, the tests and the benchmarks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class LoopbackServer(ThreadingHTTPServer):
    """Keep-alive, no Nagle delay, a real listen backlog (the default of 5 drops SYNs under load,
    which costs 1 s retransmits), one daemon thread per connection."""

    daemon_threads = True
    request_queue_size = 512

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.server_address[1]}"

    def serve_in_thread(self) -> None:
        """Serve from a daemon thread until `stop()`."""
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.shutdown()
        self.server_close()


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
