"""Responses no feed server should send: each is a clean error for that feed, and the other feeds of
the same poll are stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.core.helpers import config_for, one, poll_once
from tests.feedserver import FeedServer, Reply, rss

ITEMS = [{"title": f"Story {i}", "link": f"http://example.org/{i}", "guid": f"g{i}",
          "description": f"<p>Text of story {i}</p>", "pubDate": "Sat, 18 Sep 2021 19:04:54 GMT"} for i in range(3)]


@pytest.mark.parametrize(("location", "expected"), [
    ("javascript:alert(1)", "bad address in the response"),  # httpx raised InvalidURL past the error handler
    ("file:///etc/passwd", "redirect to a non-HTTP address: file:///etc/passwd"),
    ("mailto:editor@example.org", "bad address in the response"),
])
def test_a_redirect_anywhere_but_http_is_an_error_and_the_other_feeds_are_stored(
        server: FeedServer, tmp_path: Path, location: str, expected: str) -> None:
    server.routes["/bad"] = Reply(302, headers={"Location": location})
    server.routes["/good"] = Reply(body=rss(ITEMS))
    outcomes = poll_once(config_for({"bad": server.url("/bad"), "good": server.url("/good")}, workers=1),
                         tmp_path / "w.db")
    bad = one(outcomes, "bad")
    assert bad.kind == "error" and expected in (bad.error or ""), bad.error
    assert one(outcomes, "good").new == 3


def test_a_redirect_without_a_location_says_so(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/f"] = Reply(302)
    out = one(poll_once(config_for({"f": server.url("/f")}), tmp_path / "w.db"))
    assert out.kind == "error" and "redirect without a Location header" in (out.error or "")


def test_an_unexpected_failure_on_one_feed_leaves_the_workers_other_feeds(
        server: FeedServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.core.shards

    real = tui.core.shards.parse_feed

    def parse_feed(body: bytes, headers: Any, feed: str, *args: Any) -> Any:
        if feed == "bad":
            raise RecursionError("maximum recursion depth exceeded")  # say, a pathological document
        return real(body, headers, feed, *args)

    monkeypatch.setattr(tui.core.shards, "parse_feed", parse_feed)  # the worker processes are forked
    for name in ("bad", "a", "b", "c"):
        server.routes[f"/{name}"] = Reply(body=rss(ITEMS))
    outcomes = poll_once(config_for({n: server.url(f"/{n}") for n in ("bad", "a", "b", "c")}, workers=1,
                                    concurrency=1), tmp_path / "w.db")
    assert "unexpected error reading the feed: RecursionError" in (one(outcomes, "bad").error or "")
    assert [one(outcomes, n).new for n in ("a", "b", "c")] == [3, 3, 3]
