"""feedparser with the cheaper copy and get, expat's text buffer and a remembering _urljoin parses every document
exactly as without them."""

from __future__ import annotations

import copy
import io
import xml.sax
import xml.sax.expatreader
import xml.sax.handler
from typing import Any

import feedparser
import feedparser.mixin
import feedparser.urls
import pytest
from feedparser.util import FeedParserDict

from tests.conftest import shared
from tui.core import feedparser_speed
from tui.demo.corpus import OUTLETS
from tui.demo.feeds import rss


def _documents() -> list[bytes]:
    files = [p for p in sorted(shared("feeds").rglob("*")) if p.is_file() and p.suffix != ".tsv"]
    docs = [p.read_bytes() for p in files]
    docs += [rss(outlet, 1_632_000_000.0, 10_000) for outlet in OUTLETS]
    docs.append(b'<feed xmlns="http://www.w3.org/2005/Atom"><title type="xhtml"><div xmlns="http://www.w3.org/1999/'
                b'xhtml">A <b>bold</b> title</div></title><entry><title type="html">&lt;i&gt;x&lt;/i&gt;</title>'
                b'<content type="text" xml:lang="fr" xml:base="http://e/">Un texte</content><summary>s</summary>'
                b'<link rel="enclosure" href="http://e/a.mp3"/><link rel="license" href="http://e/l"/>'
                b'<category term="news"/><source><title>Elsewhere</title></source></entry></feed>')
    return docs


def _parse(body: bytes) -> Any:
    result = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    return result.get("feed"), result.get("entries"), result.get("bozo"), result.get("version")


def _original_get() -> Any:
    feedparser_speed.install()
    return feedparser_speed.ORIGINAL_GET[0]


def test_parsing_with_the_cheaper_copy_get_and_text_gives_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _documents()
    assert len(docs) > 200
    original_get = _original_get()
    original_reset = feedparser_speed.ORIGINAL_RESET[0]
    original_urljoin = feedparser_speed.ORIGINAL_URLJOIN[0]
    with monkeypatch.context() as patch:
        patch.setattr(feedparser.mixin, "copy", copy)
        patch.setattr(FeedParserDict, "get", original_get)
        patch.setattr(xml.sax.expatreader.ExpatParser, "reset", original_reset)
        patch.setattr(feedparser.urls, "_urljoin", original_urljoin)
        patch.setattr(feedparser.mixin, "_urljoin", original_urljoin)
        plain = [_parse(d) for d in docs]
    assert feedparser.mixin.copy is not copy and FeedParserDict.get is not original_get
    assert xml.sax.expatreader.ExpatParser.reset is not original_reset
    assert feedparser.mixin._urljoin is feedparser.urls._urljoin is not original_urljoin
    assert [_parse(d) for d in docs] == plain
    details = sum(1 for _feed, entries, *_ in plain for e in entries or [] if "title_detail" in e)
    assert details > 1000  # the copied parameters were there to compare


def test_get_answers_as_feedparser_wrote_it_for_special_mapped_and_plain_keys() -> None:
    original_get = _original_get()
    entry = feedparser.parse(_documents()[-1]).entries[0]
    keys = [*feedparser_speed.SPECIAL_KEYS, *FeedParserDict.keymap, "title", "links", "missing", "summary_detail"]
    for key in keys:
        assert entry.get(key, "default") == original_get(entry, key, "default"), key
    with pytest.raises(TypeError):
        entry.get(["unhashable"])


def test_the_copy_is_deep_where_a_shallow_one_would_share_something() -> None:
    flat = FeedParserDict(type="text/html", language=None, base="http://e/")
    nested = {"params": ["a"], "type": "x"}
    flat_copy, nested_copy = feedparser_speed.deepcopy(flat), feedparser_speed.deepcopy(nested)
    assert flat_copy == flat and flat_copy is not flat and type(flat_copy) is type(flat)
    assert nested_copy == nested and nested_copy["params"] is not nested["params"]


def test_install_leaves_a_mixin_that_does_not_use_the_copy_module_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    other = object()
    monkeypatch.setattr(feedparser.mixin, "copy", other)
    feedparser_speed.install()
    assert feedparser.mixin.copy is other


def test_expat_hands_each_text_over_in_one_piece() -> None:
    feedparser_speed.install()
    pieces: list[str] = []

    class Texts(xml.sax.handler.ContentHandler):
        def characters(self, content: str) -> None:
            pieces.append(content)

    parser = xml.sax.make_parser()
    parser.setContentHandler(Texts())
    parser.parse(io.BytesIO(b"<item>x &lt;p&gt;&#8217; y</item>"))
    assert pieces == ["x <p>\u2019 y"]  # unbuffered: "x ", "<", "p", ">", "\u2019", " y"


def test_the_remembering_urljoin_answers_as_feedparser_wrote_it_and_stays_bounded() -> None:
    feedparser_speed.install()
    original = feedparser_speed.ORIGINAL_URLJOIN[0]
    remembering = feedparser.urls._urljoin
    pairs = [("", ""), ("", "http://e/a"), ("http://e/a/b", "../c?x=1#f"), ("http://e/", "//other/p"),
             ("http:///e//a", "b"), ("https://e/", "javascript:alert(1)"), ("http://e/", "http://[::1"),
             ("", "http://[::1"), ("http://e/x", "")]
    for base, uri in pairs * 2:  # the second round is answered from memory
        assert remembering(base, uri) == original(base, uri), (base, uri)
    assert original("http://e/", "http://[::1") == ""  # urllib's ValueError, answered as feedparser does
    for i in range(feedparser_speed.URLJOIN_MEMORY + 500):  # a hostile feed's endless distinct bases
        remembering(f"http://e/{i}/", "x")
    assert remembering.cache_info().currsize <= feedparser_speed.URLJOIN_MEMORY
