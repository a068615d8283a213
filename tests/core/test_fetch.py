"""The poller against a real HTTP server on 127.0.0.1: caching, errors, limits, encodings."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from pathlib import Path

from tests.core.helpers import config_for, one, poll_once
from tests.feedserver import FeedServer, Reply, http_date, rss
from tui.core.store import Store

ITEMS = [{"title": f"Story {i}", "link": f"http://example.org/{i}", "guid": f"g{i}",
          "description": f"<p>Text of story {i}</p>", "pubDate": "Sat, 18 Sep 2021 19:04:54 GMT"}
         for i in range(3)]


def health(db: Path, name: str = "f") -> object:
    with Store(db) as store:
        return store.health([name])[0]


def test_etag_and_last_modified_give_304_without_reparse(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/f"] = Reply(body=rss(ITEMS), etag='"v1"', last_modified=http_date(1_600_000_000))
    config = config_for({"f": server.url("/f")})
    db = tmp_path / "w.db"
    first = one(poll_once(config, db))
    assert (first.kind, first.new) == ("new", 3)
    second = one(poll_once(config, db))
    assert (second.kind, second.status) == ("unchanged", 304)
    sent = server.hits("/f")[-1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == http_date(1_600_000_000)
    h = health(db)
    assert h.not_modified_count == 1 and h.error_streak == 0  # type: ignore[attr-defined]


def test_429_retry_after_is_honoured(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/f"] = Reply(429, b"slow down", headers={"Retry-After": "3600"})
    db = tmp_path / "w.db"
    before = time.time()
    out = one(poll_once(config_for({"f": server.url("/f")}, interval=60.0), db))
    assert out.kind == "error" and "429" in (out.error or "")
    h = health(db)
    assert h.next_due >= before + 3600 - 1  # type: ignore[attr-defined]
    assert h.error_streak == 1 and h.status == 429  # type: ignore[attr-defined]


def test_503_retry_after_http_date(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/f"] = Reply(503, b"", headers={"Retry-After": http_date(time.time() + 7200)})
    db = tmp_path / "w.db"
    poll_once(config_for({"f": server.url("/f")}, interval=60.0), db)
    assert health(db).next_due >= time.time() + 7000  # type: ignore[attr-defined]


def test_500_backs_off_exponentially_up_to_the_cap(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/f"] = Reply(500, b"oops")
    db = tmp_path / "w.db"
    config = config_for({"f": server.url("/f")}, interval=100.0, max_backoff=1000.0)
    waits = []
    for _ in range(6):
        now = time.time()
        poll_once(config, db)
        waits.append(health(db).next_due - now)  # type: ignore[attr-defined]
    assert health(db).error_streak == 6  # type: ignore[attr-defined]
    assert 75 <= waits[0] <= 125 and 150 <= waits[1] <= 250 and 300 <= waits[2] <= 500
    assert all(w <= 1000.5 for w in waits) and waits[-1] >= 790
    assert "HTTP 500" in (health(db).last_error or "")  # type: ignore[attr-defined]


def test_recovery_resets_error_streak(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/f"] = Reply(500, b"oops")
    db = tmp_path / "w.db"
    config = config_for({"f": server.url("/f")})
    poll_once(config, db)
    server.routes["/f"] = Reply(body=rss(ITEMS))
    assert one(poll_once(config, db)).kind == "new"
    h = health(db)
    assert h.error_streak == 0 and h.last_success is not None and h.status == 200  # type: ignore[attr-defined]


def test_slow_response_times_out(server: FeedServer, tmp_path: Path) -> None:
    def trickle() -> Iterator[bytes]:
        yield b"<rss><channel>"
        time.sleep(3)
        yield b"</channel></rss>"

    server.routes["/slow"] = Reply(body=rss(ITEMS), delay=3.0)
    server.routes["/trickle"] = Reply(body=trickle)
    config = config_for({"slow": server.url("/slow"), "trickle": server.url("/trickle")},
                        read_timeout=0.5, total_timeout=1.0)
    started = time.monotonic()
    outcomes = poll_once(config, tmp_path / "w.db")
    assert time.monotonic() - started < 2.5
    assert one(outcomes, "slow").kind == "error" and "timed out" in (one(outcomes, "slow").error or "")
    assert one(outcomes, "trickle").kind == "error"


def test_redirect_loop_stops_after_five(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/a"] = Reply(302, headers={"Location": "/b"})
    server.routes["/b"] = Reply(302, headers={"Location": "/a"})
    out = one(poll_once(config_for({"f": server.url("/a")}), tmp_path / "w.db"))
    assert out.kind == "error" and "more than 5 redirects" in (out.error or "")
    assert len(server.hits("/a")) + len(server.hits("/b")) == 6


def test_permanent_redirect_is_recorded_and_followed_next_time(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/old"] = Reply(301, headers={"Location": "/new"})
    server.routes["/new"] = Reply(body=rss(ITEMS), etag='"n"')
    db = tmp_path / "w.db"
    config = config_for({"f": server.url("/old")})
    out = one(poll_once(config, db))
    assert out.kind == "new" and "permanently redirected" in (out.note or "")
    assert health(db).redirected_to == server.url("/new")  # type: ignore[attr-defined]
    poll_once(config, db)
    assert len(server.hits("/old")) == 1 and len(server.hits("/new")) == 2


def test_temporary_redirect_is_not_recorded(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/tmp"] = Reply(302, headers={"Location": "/real"})
    server.routes["/real"] = Reply(body=rss(ITEMS))
    db = tmp_path / "w.db"
    assert one(poll_once(config_for({"f": server.url("/tmp")}), db)).new == 3
    assert health(db).redirected_to is None  # type: ignore[attr-defined]


def test_oversized_body_is_cut_off_while_streaming(server: FeedServer, tmp_path: Path) -> None:
    sent = {"bytes": 0}

    def endless() -> Iterator[bytes]:
        chunk = b"<item><title>x</title></item>" * 2000
        for _ in range(200_000):  # ~12 GB if nobody stopped reading
            sent["bytes"] += len(chunk)
            yield chunk

    server.routes["/huge"] = Reply(body=endless)
    server.routes["/declared"] = Reply(body=b"x" * 3_000_000)
    config = config_for({"huge": server.url("/huge"), "declared": server.url("/declared")},
                        max_response_bytes=1_000_000)
    outcomes = poll_once(config, tmp_path / "w.db")
    for name in ("huge", "declared"):
        assert one(outcomes, name).kind == "error"
        assert "larger than 1,000,000 bytes" in (one(outcomes, name).error or "")
    assert sent["bytes"] < 50_000_000


def test_gzip_body_and_gzip_bomb(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/gz"] = Reply(body=rss(ITEMS), gzip=True)
    bomb = gzip.compress(b"\0" * 200_000_000, compresslevel=9)  # 200 MB inflated, ~200 KB on the wire
    server.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    config = config_for({"gz": server.url("/gz"), "bomb": server.url("/bomb")}, max_response_bytes=2_000_000)
    outcomes = poll_once(config, tmp_path / "w.db")
    assert one(outcomes, "gz").new == 3
    assert server.hits("/gz")[0].headers["accept-encoding"] == "gzip, deflate"
    assert one(outcomes, "bomb").kind == "error" and "larger than" in (one(outcomes, "bomb").error or "")


def test_charsets_from_header_declaration_or_missing(server: FeedServer, tmp_path: Path) -> None:
    items = [{"title": "Qarshi–Dushanbe: Шойгу в Таджикистане", "guid": "u1", "link": "http://e.org/1"}]
    latin = [{"title": "Café déjà vu", "guid": "l1", "link": "http://e.org/2"}]
    server.routes["/header"] = Reply(body=rss(items, encoding="utf-8").replace(b' encoding="utf-8"', b""),
                                     headers={"Content-Type": "application/rss+xml; charset=utf-8"})
    server.routes["/latin"] = Reply(body=rss(latin, encoding="iso-8859-1"),
                                    headers={"Content-Type": "text/xml; charset=iso-8859-1"})
    server.routes["/nodecl"] = Reply(body=rss(latin, encoding="utf-8").replace(b' encoding="utf-8"', b""),
                                     headers={"Content-Type": "application/xml"})
    wrong = rss(latin, encoding="iso-8859-1").replace(b"iso-8859-1", b"utf-8")  # lies about its charset
    server.routes["/wrong"] = Reply(body=wrong, headers={"Content-Type": "application/xml"})
    db = tmp_path / "w.db"
    config = config_for({n: server.url("/" + n) for n in ("header", "latin", "nodecl", "wrong")})
    outcomes = poll_once(config, db)
    with Store(db) as store:
        titles = {r["feed"]: r["title"] for r in store.articles()}
    assert titles["header"] == "Qarshi–Dushanbe: Шойгу в Таджикистане"
    assert titles["latin"] == "Café déjà vu"
    assert titles["nodecl"] == "Café déjà vu"
    assert "Caf" in titles["wrong"]  # salvaged, not lost
    assert "malformed" in (one(outcomes, "wrong").note or "") or titles["wrong"] == "Café déjà vu"


def test_rss_ttl_is_a_floor_on_the_interval(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/f"] = Reply(body=rss(ITEMS, ttl=120))  # minutes
    db = tmp_path / "w.db"
    now = time.time()
    poll_once(config_for({"f": server.url("/f")}, interval=60.0), db)
    assert health(db).next_due >= now + 7200 - 1  # type: ignore[attr-defined]


def test_cache_control_max_age_is_a_floor(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/f"] = Reply(body=rss(ITEMS), headers={"Cache-Control": "public, max-age=1800"})
    db = tmp_path / "w.db"
    now = time.time()
    poll_once(config_for({"f": server.url("/f")}, interval=60.0), db)
    due = health(db).next_due  # type: ignore[attr-defined]
    assert now + 1799 <= due <= now + 1900


def test_dead_server_is_an_error_not_a_crash(tmp_path: Path) -> None:
    out = one(poll_once(config_for({"f": "http://127.0.0.1:9/feed"}), tmp_path / "w.db"))
    assert out.kind == "error" and out.error


def test_html_page_at_feed_url_is_reported(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/f"] = Reply(body=b"<!DOCTYPE html><html><body>403 Forbidden</body></html>",
                                headers={"Content-Type": "text/html"})
    out = one(poll_once(config_for({"f": server.url("/f")}), tmp_path / "w.db"))
    assert out.kind == "error" and "HTML page" in (out.error or "")


def test_global_and_per_host_caps(server: FeedServer, tmp_path: Path) -> None:
    import threading

    active = {"now": 0, "max": 0}
    lock = threading.Lock()

    def slow(_seen: object) -> Reply:
        with lock:
            active["now"] += 1
            active["max"] = max(active["max"], active["now"])
        time.sleep(0.2)
        with lock:
            active["now"] -= 1
        return Reply(body=rss(ITEMS))

    for i in range(8):
        server.routes[f"/f{i}"] = slow
    config = config_for({f"f{i}": server.url(f"/f{i}") for i in range(8)}, per_host_concurrency=3,
                        concurrency=10)
    outcomes = poll_once(config, tmp_path / "w.db")
    assert len(outcomes) == 8 and all(o.kind == "new" for o in outcomes)
    assert active["max"] == 3
    active["max"] = 0
    config = config_for({f"f{i}": server.url(f"/f{i}") for i in range(8)}, per_host_concurrency=8,
                        concurrency=2)
    poll_once(config, tmp_path / "w2.db")
    assert active["max"] == 2


def test_https_certificates_are_verified(tmp_path: Path) -> None:
    import shutil
    import ssl
    import subprocess
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    import pytest

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = rss(ITEMS)
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"https://127.0.0.1:{httpd.server_address[1]}/feed"
        out = one(poll_once(config_for({"f": url}), tmp_path / "w.db"))
    finally:
        httpd.shutdown()
    assert out.kind == "error" and "certificate" in (out.error or "").lower()


def test_relative_links_resolve_against_the_address_the_feed_came_from(server: FeedServer, tmp_path: Path) -> None:
    """Links written relative to the site ("/world/a-1", "b.html") become full links, resolved against
    the address the feed was finally fetched from (here after a redirect), so they can be opened."""
    server.routes["/old/rss"] = Reply(302, headers={"Location": "/news/rss"})
    server.routes["/news/rss"] = Reply(body=rss([{"title": "A", "link": "/world/a-1"},
                                                 {"title": "B", "link": "b.html"},
                                                 {"title": "C", "link": "https://elsewhere.example/c"}]))
    db = tmp_path / "w.db"
    assert one(poll_once(config_for({"f": server.url("/old/rss")}), db)).new == 3
    with Store(db) as store:
        links = dict(store.conn.execute("SELECT title, link FROM articles").fetchall())
    assert links == {"A": server.url("/world/a-1"), "B": server.url("/news/b.html"), "C": "https://elsewhere.example/c"}


def test_a_feed_that_lists_no_items_says_so(server: FeedServer, tmp_path: Path) -> None:
    """A sound feed with an empty channel is not 'unchanged' as if nothing new had come: it says why."""
    server.routes["/f"] = Reply(body=rss([]))
    outcome = one(poll_once(config_for({"f": server.url("/f")}), tmp_path / "w.db"))
    assert (outcome.kind, outcome.new, outcome.error) == ("unchanged", 0, None)
    assert outcome.note == "the feed lists no items"


def test_deflate_is_read_zlib_wrapped_or_raw_and_a_raw_bomb_is_stopped(server: FeedServer, tmp_path: Path) -> None:
    """'deflate' is zlib-wrapped by the standard and raw from many servers; both are read, as browsers
    read them, and the size limit holds for either."""
    import zlib

    def raw(data: bytes) -> bytes:
        squeeze = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        return squeeze.compress(data) + squeeze.flush()

    server.routes["/z"] = Reply(body=zlib.compress(rss(ITEMS)), headers={"Content-Encoding": "deflate"})
    server.routes["/raw"] = Reply(body=raw(rss(ITEMS)), headers={"Content-Encoding": "deflate"})
    server.routes["/bomb"] = Reply(body=raw(b"\0" * 200_000_000), headers={"Content-Encoding": "deflate"})
    config = config_for({"z": server.url("/z"), "raw": server.url("/raw"), "bomb": server.url("/bomb")},
                        max_response_bytes=2_000_000)
    outcomes = poll_once(config, tmp_path / "w.db")
    assert one(outcomes, "z").new == 3 and one(outcomes, "raw").new == 3
    assert one(outcomes, "bomb").kind == "error" and "larger than" in (one(outcomes, "bomb").error or "")


def test_a_deflate_body_fed_a_byte_at_a_time_is_read_whole() -> None:
    """The decoder tells the kind of deflate by its first two bytes, which may come apart."""
    import zlib

    from tui.core.fetch import _Decoder

    body = rss(ITEMS)
    squeeze = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    for packed in (zlib.compress(body), squeeze.compress(body) + squeeze.flush()):
        decoder = _Decoder("deflate", 1_000_000)
        for i in range(len(packed)):
            decoder.feed(packed[i:i + 1])
        assert decoder.finish() == body
    assert _Decoder("deflate", 10).finish() == b""  # an empty body
