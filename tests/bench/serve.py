"""Serve the benchmark corpus on 127.0.0.1 in its own process: `python -m tests.bench.serve FEEDS ITEMS`.

Prints the port on stdout, then serves until killed. Answers conditional GETs with 304.
"""

from __future__ import annotations

import hashlib
import sys
from http.server import BaseHTTPRequestHandler

from tests.bench.corpus import make_corpus
from tui.demo.loopback import loopback_server

MODIFIED = "Sat, 18 Sep 2021 19:00:00 GMT"


def main() -> None:
    feeds, items = int(sys.argv[1]), int(sys.argv[2])
    corpus = make_corpus(feeds, items)
    etags = {p: '"' + hashlib.sha1(b).hexdigest()[:16] + '"' for p, b in corpus.items()}

    def answer(handler: BaseHTTPRequestHandler) -> None:
        body = corpus.get(handler.path)
        if body is None:
            handler.send_response(404)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        if handler.headers.get("If-None-Match") == etags[handler.path] or \
                handler.headers.get("If-Modified-Since") == MODIFIED:
            handler.send_response(304)
            handler.send_header("ETag", etags[handler.path])
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        handler.send_header("ETag", etags[handler.path])
        handler.send_header("Last-Modified", MODIFIED)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server = loopback_server(answer)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
