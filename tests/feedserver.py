"""A real HTTP server on 127.0.0.1 for tests and benchmarks, with scriptable per-path behaviour."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler

from tui.demo.loopback import loopback_server


@dataclass
class Reply:
    """What the server sends for a path. `body` may be bytes or an iterator of chunks (streamed)."""

    status: int = 200
    body: bytes | Callable[[], Iterator[bytes]] = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    delay: float = 0.0  # seconds before the headers are sent


@dataclass
class Seen:
    """One request the server received."""

    path: str
    headers: dict[str, str]
    at: float


class FeedServer:
    """Serve `routes` (path → Reply or callable(Seen) → Reply) until stopped."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply | Callable[[Seen], Reply]] = {}
        self.requests: list[Seen] = []
        self.lock = threading.Lock()
        self.httpd = loopback_server(self._answer)

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        seen = Seen(handler.path, {k.lower(): v for k, v in handler.headers.items()}, time.time())
        with self.lock:
            self.requests.append(seen)
            route = self.routes.get(handler.path.split("?")[0])
        reply = route(seen) if callable(route) else route
        self.send(handler, seen, reply if reply is not None else Reply(404, b"not found"))

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return self.httpd.base

    def url(self, path: str) -> str:
        """Absolute URL of a path on this server."""
        return self.base + path

    def start(self) -> FeedServer:
        self.httpd.serve_in_thread()
        return self

    def stop(self) -> None:
        self.httpd.stop()

    def hits(self, path: str) -> list[Seen]:
        """Requests received for a path."""
        with self.lock:
            return [r for r in self.requests if r.path.split("?")[0] == path]

    @staticmethod
    def send(handler: BaseHTTPRequestHandler, seen: Seen, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        conditional = (reply.etag is not None and seen.headers.get("if-none-match") == reply.etag) or (
            reply.last_modified is not None and seen.headers.get("if-modified-since") == reply.last_modified)
        try:
            if conditional and reply.status == 200:
                handler.send_response(304)
                if reply.etag:
                    handler.send_header("ETag", reply.etag)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return
            handler.send_response(reply.status)
            for key, value in reply.headers.items():
                handler.send_header(key, value)
            if reply.etag:
                handler.send_header("ETag", reply.etag)
            if reply.last_modified:
                handler.send_header("Last-Modified", reply.last_modified)
            if callable(reply.body):
                handler.send_header("Connection", "close")
                handler.end_headers()
                for chunk in reply.body():
                    handler.wfile.write(chunk)
                handler.close_connection = True
                return
            body = gzip.compress(reply.body) if reply.gzip else reply.body
            if reply.gzip:
                handler.send_header("Content-Encoding", "gzip")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True


def http_date(epoch: float) -> str:
    """An RFC 7231 date."""
    return formatdate(epoch, usegmt=True)


def rss(items: list[dict[str, str]], title: str = "Test feed", ttl: int | None = None,
        encoding: str = "utf-8") -> bytes:
    """A small RSS 2.0 document; item dicts take title, link, guid, description, pubDate."""
    from xml.sax.saxutils import escape

    parts = [f'<?xml version="1.0" encoding="{encoding}"?>', '<rss version="2.0"><channel>',
             f"<title>{escape(title)}</title><link>http://example.org/</link>"]
    if ttl is not None:
        parts.append(f"<ttl>{ttl}</ttl>")
    for item in items:
        parts.append("<item>")
        for key in ("title", "link", "guid", "description", "pubDate", "author"):
            if key in item:
                parts.append(f"<{key}>{escape(item[key])}</{key}>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode(encoding, errors="xmlcharrefreplace")
