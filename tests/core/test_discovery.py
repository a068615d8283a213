"""Feed autodiscovery: a site's page given where its feed belongs says where the feed is."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import shared
from tests.core.helpers import config_for, poll_once
from tests.feedserver import FeedServer, Reply
from tui.core.discovery import linked_feeds
from tui.core.parse import parse_feed
from tui.core.store import Store

PAGE = b"""<!DOCTYPE html><html><head><title>Pacific Wire</title>
<link rel="stylesheet" href="/site.css">
<link rel="alternate" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" title="News" href="/feeds/news.xml">
<link type='application/atom+xml; charset=utf-8' href='https://cdn.example/atom?a=1&amp;b=2' rel='Alternate'>
<link href=/feed.json rel="alternate nofollow" type=application/feed+json>
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" type="application/rss+xml" href="/feeds/news.xml">
</head><body>No feed here</body></html>"""


def test_a_page_names_its_feeds_in_page_order() -> None:
    assert linked_feeds(PAGE, "https://pacific.example/home") == [
        "https://pacific.example/feeds/news.xml",  # relative to the page's address
        "https://cdn.example/atom?a=1&b=2",  # any attribute order and quoting; entities decoded
        "https://pacific.example/feed.json",
    ]  # not the stylesheet, the French page, a javascript: address or a repeat


def test_at_most_three_and_none_from_a_page_without_them() -> None:
    many = b"".join(b'<link rel="alternate" type="application/rss+xml" href="/f%d.xml">' % i for i in range(9))
    assert len(linked_feeds(b"<html><head>" + many, "http://x.example/")) == 3
    assert linked_feeds(b"<html><body>Forbidden</body></html>", "http://x.example/") == []
    assert linked_feeds(b'<link rel="alternate" type="application/rss+xml" href="http://[">', "") == []


def test_the_html_problem_says_where_the_feed_is() -> None:
    parsed = parse_feed(PAGE, {"Content-Type": "text/html"}, "site", url="https://pacific.example/")
    assert parsed.fatal and not parsed.articles
    assert parsed.problem == ("response is an HTML page, not a feed; the page links to feeds at "
                              "https://pacific.example/feeds/news.xml, https://cdn.example/atom?a=1&b=2, "
                              "https://pacific.example/feed.json")
    one = b'<html><head><link rel="alternate" type="application/rss+xml" href="rss"></head></html>'
    problem = parse_feed(one, {}, "site", url="https://pacific.example/news/").problem
    assert problem == ("response is an HTML page, not a feed; the page links to its feed at "
                       "https://pacific.example/news/rss")


def test_real_error_pages_name_no_feed() -> None:
    for name in ("latimes-california_cloudfront-403-html-instead-of-rss.xml",
                 "straitstimes-singapore_403-xhtml-instead-of-rss.xml"):
        (path,) = shared("feeds", "hostile").rglob(name)
        assert parse_feed(path.read_bytes(), {}, "f").problem == "response is an HTML page, not a feed"


def test_a_polled_site_page_records_where_its_feed_is(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/"] = Reply(status=301, headers={"Location": "/home"})
    server.routes["/home"] = Reply(body=PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    db = tmp_path / "w.db"
    (outcome,) = poll_once(config_for({"site": server.url("/")}), db)
    assert outcome.kind == "error"
    with Store(db) as store:
        (health,) = store.health()
    assert f"the page links to feeds at {server.url('/feeds/news.xml')}," in (health.last_error or "")
