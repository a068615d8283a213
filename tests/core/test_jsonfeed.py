"""JSON Feed (jsonfeed.org 1.0 and 1.1): read like RSS and Atom, polled over real HTTP, hostile JSON named."""

from __future__ import annotations

import calendar
import json
from pathlib import Path
from typing import Any

import pytest

from tests.core.helpers import config_for, poll_once
from tests.feedserver import FeedServer, Reply
from tui.core.parse import parse_feed
from tui.core.store import Store

NOW = float(calendar.timegm((2021, 9, 20, 0, 0, 0)))


def feed(items: list[Any], version: str = "https://jsonfeed.org/version/1.1", **meta: Any) -> bytes:
    return json.dumps({"version": version, "title": "Pacific Wire", **meta, "items": items}).encode()


def test_items_become_articles() -> None:
    body = feed([
        {"id": "a-1", "url": "/world/a-1", "title": "Quake: 5 dead <b>not bold</b> [red]x[/]",
         "content_html": "<p>At least <b>5</b> people died.</p><p>Second paragraph.</p>",
         "summary": "Five dead in a quake", "date_published": "2021-09-19T12:00:00+02:00",
         "authors": [{"name": "A. Writer"}, {"url": "https://x"}], "language": "en-NZ"},
        {"id": 7, "external_url": "https://other.example/b", "content_text": "Plain <text> & more",
         "date_modified": "2021-09-19T08:30:00Z"},
    ], language="en")
    parsed = parse_feed(body, {"Content-Type": "application/feed+json"}, "pw", now=NOW,
                        url="https://pacific.example/feed.json")
    assert parsed.problem is None and not parsed.fatal and parsed.title == "Pacific Wire"
    first, second = parsed.articles
    assert first.title == "Quake: 5 dead <b>not bold</b> [red]x[/]"  # plain text, never read as markup
    assert first.link == "https://pacific.example/world/a-1"  # relative, against the fetched address
    assert first.summary == "Five dead in a quake"
    assert first.content == "At least 5 people died.\nSecond paragraph."
    assert first.published == calendar.timegm((2021, 9, 19, 10, 0, 0))
    assert first.author == "A. Writer" and first.language == "en-NZ"
    assert second.link == "https://other.example/b" and second.language == "en"
    assert second.title == "Plain <text> & more"  # no title: the text's start, as for RSS
    assert second.published == calendar.timegm((2021, 9, 19, 8, 30, 0))
    assert first.guid == "guid:a-1" and second.guid == "guid:7"


def test_version_1_0_author_and_undated_items() -> None:
    body = feed([{"id": "x", "title": "Storm", "content_text": "Rain", "author": {"name": "Desk"}}],
                version="http://jsonfeed.org/version/1")  # (early feeds wrote the version with http:)
    (article,) = parse_feed(body, {}, "pw", now=NOW).articles
    assert article.author == "Desk" and article.published == NOW  # undated: the poll's time


def test_fields_of_the_wrong_type_are_left_out() -> None:
    body = feed([{"id": True, "title": ["a"], "url": 5, "summary": {"x": 1}, "content_text": "Kept",
                  "date_published": "yesterday", "authors": "me"}, "not an item", None, 3])
    (article,) = parse_feed(body, {}, "pw", now=NOW).articles
    assert article.content == "Kept" and article.summary == "" and article.title == "Kept"
    assert article.link == "" and article.author == "" and article.published == NOW


@pytest.mark.parametrize(("body", "problem"), [
    (b'[{"title": "an API answer"}]', "response is JSON, but not a JSON Feed (nor an RSS/Atom feed)"),
    (b'\xef\xbb\xbf {"data": {"items": []}}', "response is JSON, but not a JSON Feed (nor an RSS/Atom feed)"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "items": {"a": 1}}', "JSON Feed without an item list"),
    (b'{"version": "https://jsonfeed.org/version/1.1",\n "items": [{"title": "cut', "malformed JSON at line 2"),
    (b"[" * 100_000, "JSON nested too deeply to read"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "title": "\xff"}', "JSON Feed is not UTF-8"),
])
def test_json_that_is_no_json_feed_is_named(body: bytes, problem: str) -> None:
    parsed = parse_feed(body, {"Content-Type": "application/json"}, "j", now=NOW)
    assert parsed.fatal and not parsed.articles
    assert parsed.problem is not None and parsed.problem.startswith(problem)


def test_a_json_feed_is_polled_and_stored(server: FeedServer, tmp_path: Path) -> None:
    items = [{"id": f"i{n}", "url": f"/n/{n}", "title": f"Flood update {n}",
              "date_published": f"2021-09-19T0{n}:00:00Z"} for n in range(3)]
    server.routes["/feed.json"] = Reply(body=feed(items), headers={"Content-Type": "application/feed+json"},
                                        gzip=True, etag='"v1"')
    server.routes["/api"] = Reply(body=b'{"status": "ok"}', headers={"Content-Type": "application/json"})
    db = tmp_path / "w.db"
    config = config_for({"json": server.url("/feed.json"), "api": server.url("/api")})
    outcomes = {o.feed: o for o in poll_once(config, db)}
    assert outcomes["json"].kind == "new" and outcomes["json"].new == 3
    assert outcomes["api"].kind == "error" and "not a JSON Feed" in (outcomes["api"].error or "")
    assert {o.feed: o.kind for o in poll_once(config, db)}["json"] == "unchanged"  # 304 on the ETag
    with Store(db) as store:
        links = sorted(r[0] for r in store.conn.execute("SELECT link FROM articles"))
    assert links == [server.url(f"/n/{n}") for n in range(3)]
    assert "application/feed+json" in server.requests[0].headers["accept"]
