"""Serve the benchmark corpus on 127.0.0.1 in its own process: `python -m tests.bench.serve FEEDS ITEMS`.

Prints the port on stdout, then serves until killed. Answers conditional GETs with 304.
"""

from __future__ import annotations

import hashlib
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.bench.corpus import make_corpus


def main() -> None:
    feeds, items = int(sys.argv[1]), int(sys.argv[2])
    corpus = make_corpus(feeds, items)
    etags = {p: '"' + hashlib.sha1(b).hexdigest()[:16] + '"' for p, b in corpus.items()}
    modified = "Sat, 18 Sep 2021 19:00:00 GMT"

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # no 40 ms delayed-ACK stalls between headers and body

        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_GET(self) -> None:
            body = corpus.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == etags[self.path] or \
                    self.headers.get("If-Modified-Since") == modified:
                self.send_response(304)
                self.send_header("ETag", etags[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etags[self.path])
            self.send_header("Last-Modified", modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 512  # listen backlog: the default 5 drops SYNs (1 s retransmits) under load

    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
