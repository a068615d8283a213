"""OPML import/export round trip; categories and folders become tags."""

from __future__ import annotations

import pytest

from tui.core.config import parse_config
from tui.core.models import FeedConfig
from tui.core.opml import OpmlError, feed_to_toml, parse_opml, to_opml


def test_round_trip_keeps_names_urls_tags_language() -> None:
    feeds = [FeedConfig(name="Asia-Plus", url="https://asiaplustj.info/en/rss", tags=("central-asia", "tj"),
                        language="en"),
             FeedConfig(name='Dawn "Pakistan"', url="https://www.dawn.com/feeds/home?a=1&b=2")]
    back = parse_opml(to_opml(feeds).encode())
    assert [(f.name, f.url, f.tags, f.language) for f in back] == [
        (f.name, f.url, f.tags, f.language) for f in feeds]
    # and through feeds.toml text
    again = parse_config("\n".join(feed_to_toml(f) for f in back)).feeds
    assert [(f.name, f.url, f.tags) for f in again] == [(f.name, f.url, f.tags) for f in feeds]


def test_folders_and_categories_become_tags() -> None:
    doc = b"""<?xml version="1.0"?><opml version="2.0"><head/><body>
      <outline text="Asia"><outline text="Central">
        <outline text="Eurasianet" xmlUrl="https://eurasianet.org/rss" category="/news/politics,regional"/>
      </outline></outline>
      <outline text="Loose" xmlUrl="http://loose.example/rss"/>
    </body></opml>"""
    feeds = parse_opml(doc)
    assert feeds[0].tags == ("Asia", "Central", "news", "politics", "regional")
    assert feeds[1].name == "Loose" and feeds[1].tags == ()


def test_broken_opml_is_an_error() -> None:
    with pytest.raises(OpmlError):
        parse_opml(b"<opml><body><outline></body>")
    with pytest.raises(OpmlError):
        parse_opml(b"<html><body/></html>")
    with pytest.raises(OpmlError, match="unknown encoding"):  # was a LookupError escaping to the user
        parse_opml(b'<?xml version="1.0" encoding="UTF-9"?><opml><body/></opml>')


def test_folders_nested_deeper_than_the_stack_are_read() -> None:
    doc = (b"<opml><body>" + b'<outline text="f">' * 5000 + b'<outline text="deep" xmlUrl="http://x.example/f"/>'
           + b"</outline>" * 5000 + b'<outline text="after" xmlUrl="http://y.example/f"/></body></opml>')
    assert [f.name for f in parse_opml(doc)] == ["deep", "after"]
