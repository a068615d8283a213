"""Parsing: stable ids, UTC dates, clean text, salvage of malformed and hostile feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED, shared
from tests.feedserver import rss
from tui.core.parse import article_id, article_key, parse_feed
from tui.core.textclean import html_to_text, one_line
from tui.core.urls import canonical_link

NOW = 1_632_000_000.0


def test_ids_prefer_guid_then_canonical_link_then_hash() -> None:
    assert article_key("abc", "http://x/1", "t", "d") == "guid:abc"
    assert article_key("", "HTTP://X.org/a?utm_source=rss&id=3#frag", "t", "d") == "link:http://x.org/a?id=3"
    assert article_key("", "", "t", "d").startswith("hash:")
    assert article_key("", "", "t", "d") == article_key("", "", "t", "d")
    assert article_key("", "", "t", "d") != article_key("", "", "t", "e")
    assert article_id("feed", "guid:abc") != article_id("other", "guid:abc")


def test_canonical_link_strips_tracking_only() -> None:
    link = "https://www.bbc.co.uk/news/world-58611241?at_medium=RSS&at_campaign=KARANGA&page=2#top"
    assert canonical_link(link) == "https://www.bbc.co.uk/news/world-58611241?page=2"


def test_dates_are_utc_and_fall_back_to_updated_then_first_seen() -> None:
    body = rss([
        {"title": "a", "guid": "1", "pubDate": "Sun, 19 Sep 2021 10:00:00 +1200"},
        {"title": "b", "guid": "2"},
    ])
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><id>x</id><title>c</title><updated>2021-09-18T21:30:00-04:00</updated></entry></feed>"""
    parsed = parse_feed(body, {}, "f", now=NOW)
    assert parsed.articles[0].published == 1_632_002_400.0  # 2021-09-18T22:00:00Z
    assert parsed.articles[1].published == NOW
    assert parse_feed(atom, {}, "f", now=NOW).articles[0].published == 1_632_015_000.0


def test_text_is_clean_plain_text() -> None:
    html = "<p>Troops &amp; tanks</p>\n<script>alert(1)</script><p>  moved\u00a0 <b>north</b>&nbsp;</p>"
    assert html_to_text(html) == "Troops & tanks moved north"
    assert html_to_text(html, keep_paragraphs=True) == "Troops & tanks\nmoved north"
    assert html_to_text("&lt;b&gt;double&lt;/b&gt; escaped") == "double escaped"
    assert one_line("a\x1b[31mred\x1b[0m\u202egnp.exe\x07 b") == "aredgnp.exe b"


def test_a_feeds_repeated_boilerplate_is_dropped_and_its_news_kept() -> None:
    block = ("Subscribe to Ten News: http://bit.ly/TenSub | For the latest news from home and abroad: "
             "https://ten.example WATCH DAILY AT 6PM FOLLOW US ON SOCIAL MEDIA Facebook: https://fb.example/{tag}")
    leads = ["Three children were found dead at a Parkside property.", "The SpaceX crew showed off the view.",
             "Power prices differ by region, the watchdog says.", "A flood closed the highway north of Taupo."]
    items = [{"title": f"Story {i}", "guid": str(i), "description": f"{lead} {block.format(tag=i)}"}
             for i, lead in enumerate(leads)]
    articles = parse_feed(rss(items), {}, "ten", now=NOW).articles
    assert [a.summary for a in articles] == leads  # the block went, though its last link differs each time
    two = parse_feed(rss(items[:2]), {}, "ten", now=NOW).articles  # too few items to tell boilerplate apart
    assert all("Subscribe to Ten News" in a.summary for a in two)
    places = ["Khatlon", "Sughd", "Gorno-Badakhshan", "Dushanbe"]
    alike = [{"title": f"T{i}", "guid": str(i), "description": f"The toll rose to {i} in {places[i]}, officials "
              f"said. {lead}"} for i, lead in enumerate(leads)]
    kept = parse_feed(rss(alike), {}, "ten", now=NOW).articles  # news sharing shorter runs of words stays
    assert [a.summary for a in kept] == [x["description"] for x in alike]


def test_megabyte_fields_are_clipped_and_the_item_kept() -> None:
    """A hostile item with a 4.5 MB headline (1.7 s to cluster) and a 1.4 MB description."""
    from tui.core.parse import TEXT_LIMIT, TITLE_LIMIT

    body = rss([{"title": "Troops 5 " * 500_000, "guid": "1", "description": "5 dead. " * 200_000},
                {"title": "Next", "guid": "2"}])
    first, second = parse_feed(body, {}, "f", now=NOW).articles
    assert len(first.title) == TITLE_LIMIT and first.title.startswith("Troops 5") and first.title.endswith("…")
    assert len(first.summary) == TEXT_LIMIT and second.title == "Next"


def test_content_encoded_becomes_content() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel><title>t</title><item><title>T</title><guid>1</guid><description>First para.</description>
    <content:encoded><![CDATA[<p>First para.</p><p>Second para.</p>]]></content:encoded></item></channel></rss>"""
    article = parse_feed(body, {}, "f", now=NOW).articles[0]
    assert article.summary == "First para."
    assert article.content == "First para.\nSecond para."


def test_ttl_is_read() -> None:
    assert parse_feed(rss([{"title": "a", "guid": "1"}], ttl=30), {}, "f").ttl_seconds == 1800


HOSTILE = sorted(p for p in (SHARED / "feeds" / "hostile").rglob("*") if p.is_file())


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
def test_every_hostile_file_has_a_defined_outcome(path: Path) -> None:
    parsed = parse_feed(path.read_bytes(), {}, "hostile", now=NOW)
    if parsed.articles:
        assert not parsed.fatal
        for article in parsed.articles:
            assert article.title or article.summary
            assert not any(ord(c) < 32 and c != "\n" for c in article.title + article.summary + article.content)
    else:
        # No entries: either a valid empty feed, or an error that says why.
        assert parsed.fatal == bool(parsed.problem)


def test_hostile_expectations() -> None:
    root = shared("feeds", "hostile")

    def parsed(name: str) -> tuple[int, bool, str]:
        p = parse_feed(next(root.rglob(name)).read_bytes(), {}, "h", now=NOW)
        return len(p.articles), p.fatal, p.problem or ""

    assert parsed("bbc-news_empty-0-bytes.xml") == (0, True, "empty response body")
    n, fatal, problem = parsed("foxnews-latest_truncated-at-8192-bytes.xml")
    assert n >= 3 and not fatal and problem.startswith("malformed")
    assert parsed("latimes-california_truncated-unclosed-cdata.xml")[0] >= 50
    assert "HTML page" in parsed("latimes-california_cloudfront-403-html-instead-of-rss.xml")[2]
    assert "HTML page" in parsed("straitstimes-singapore_403-xhtml-instead-of-rss.xml")[2]
    assert parsed("nzherald-top_mojibake-double-encoded-utf8_12h-clock-dates.xml")[0] == 20
    assert len(HOSTILE) >= 25


def _channel(items: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


def test_items_that_share_one_guid_are_all_kept_under_stable_ids() -> None:
    """A misconfigured feed gives every item one guid: its items are told apart (by link, else by
    headline), not dropped as repeats of the first, and keep their ids from one poll to the next."""
    same_guid = "".join(f"<item><title>Story {i}</title><link>http://x/{i}</link><guid>same</guid></item>"
                        for i in range(4))
    same_link = "".join(f"<item><title>Story {i}</title><link>http://x/</link><guid>same</guid></item>"
                        for i in range(4, 6))
    first = parse_feed(_channel(same_guid + same_link), {}, "f", now=NOW)
    later = parse_feed(_channel(same_guid + same_link), {}, "f", now=NOW + 900)  # undated: another time
    assert [a.title for a in first.articles] == [f"Story {i}" for i in range(6)]
    assert len({a.id for a in first.articles}) == 6
    assert [a.id for a in first.articles] == [a.id for a in later.articles]
    assert first.problem == "6 items share a guid with other items; told apart by their links or headlines"
    assert not first.fatal


@pytest.mark.parametrize("content_type", ["text/xml", "text/html; charset=UTF-8", "text/plain",
                                          "application/octet-stream", "application/rss+xml"])
def test_a_sound_feed_under_a_loose_content_type_has_no_problem(content_type: str) -> None:
    """text/xml without a charset (US-ASCII to feedparser, after the obsolete RFC 3023) made every
    UTF-8 feed 'malformed'; text/html or text/plain made every feed 'not an XML media type'."""
    body = rss([{"title": "Café reopens – 12 injured", "link": "http://x/1", "description": "Zürich"}])
    parsed = parse_feed(body, {"Content-Type": content_type}, "f", now=NOW)
    assert [a.title for a in parsed.articles] == ["Café reopens – 12 injured"]
    assert parsed.problem is None


def test_a_repeated_item_is_kept_once_without_a_problem() -> None:
    item = "<item><title>A</title><link>http://x/a</link><guid>g</guid></item>"
    parsed = parse_feed(_channel(item * 3), {}, "f", now=NOW)
    assert [a.title for a in parsed.articles] == ["A"] and parsed.problem is None


def test_an_api_answer_says_it_is_json_and_not_a_feed() -> None:
    """An API's JSON where the feed was is named as JSON (a JSON Feed is read: see test_jsonfeed)."""
    body = b'\xef\xbb\xbf  [{"title": "an API answer"}]'
    parsed = parse_feed(body, {"Content-Type": "application/json"}, "j", now=NOW)
    assert parsed.fatal and not parsed.articles
    assert parsed.problem == "response is JSON, but not a JSON Feed (nor an RSS/Atom feed)"


def test_an_external_entity_is_never_read(tmp_path: Path) -> None:
    """XXE: a feed that declares an entity for a local file gets nothing of the file."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE")
    body = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<rss version="2.0"><channel><title>t</title><item><title>before &x; after</title>'
            "<description>d</description></item></channel></rss>").encode()
    parsed = parse_feed(body, {}, "feed")
    assert [a.title for a in parsed.articles] == ["before after"]
    assert "TOP-SECRET" not in repr(parsed)


def test_an_entity_bomb_is_refused_with_a_reason() -> None:
    """Billion laughs: ten levels of ten-fold entities (a gigabyte once expanded) end at expat's
    amplification limit, named in the feed's problem, instead of eating the worker's memory."""
    levels = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    body = (f'<?xml version="1.0"?><!DOCTYPE r [{"".join(levels)}]><rss version="2.0"><channel><title>t</title>'
            "<item><title>&l9;</title></item></channel></rss>").encode()
    parsed = parse_feed(body, {}, "feed")
    assert parsed.problem is not None and "amplification" in parsed.problem
    assert all(len(a.title) < 1000 for a in parsed.articles)


@pytest.mark.parametrize(("title", "expected"), [
    ("Profits &lt; forecasts as costs &gt; sales", "Profits < forecasts as costs > sales"),
    ("Inflation &lt;5% as rates &gt;3%", "Inflation <5% as rates >3%"),
    ("&lt;b&gt;Flood&lt;/b&gt; warning", "Flood warning"),  # double-escaped markup is still markup
])
def test_a_less_than_sign_in_a_headline_is_text(title: str, expected: str) -> None:
    """"<" before a space or a digit starts no tag: the text between it and a later ">" was dropped
    ("Inflation <5% as rates >3%" became "Inflation 3%"), figures with it."""
    (article,) = parse_feed(_channel(f"<item><title>{title}</title><link>http://x/1</link></item>"), {}, "f",
                            now=NOW).articles
    assert article.title == expected


@pytest.mark.parametrize(("body", "headers", "said"), [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, {"Content-Type": "image/png"}, "but image/png"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, {}, "but binary data"),
    (b"Warning: mysql_connect() failed in /var/www/feed.php", {"content-type": "text/plain; charset=utf-8"},
     "but text beginning 'Warning: mysql_connect() failed in /var/'"),
    (b"\x1b[2J\x1b]0;pwned\x07Service Unavailable", {}, "but text beginning 'Service Unavailable'"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, {"Content-Type": "application/rss+xml"}, "but binary data"),  # a false label
])
def test_a_body_that_is_not_markup_is_named_for_what_it_is(body: bytes, headers: dict[str, str], said: str) -> None:
    """An image or a server's error text where the feed was: the user is told what came, not an XML
    parser's "not well-formed (invalid token)" at line 2."""
    parsed = parse_feed(body, headers, "f", now=NOW)
    assert parsed.fatal and parsed.problem == f"response is not a feed (RSS, Atom or JSON Feed) {said}"


def test_a_truncated_feed_keeps_the_parsers_complaint() -> None:
    parsed = parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>A', {}, "f", now=NOW)
    assert parsed.fatal and parsed.problem is not None and parsed.problem.startswith("malformed feed:")
