"""JSON Feed (https://jsonfeed.org, versions 1.0 and 1.1), read into the entries feedparser would give.

feedparser (6.0) reads RSS and Atom only. A JSON Feed's items are mapped to the keys `parse._entry_to_article`
reads (title, link, summary, content, published/updated and their parsed times, id, author, language),
so both kinds of feed become articles by one path; which of them are plain text, not HTML, is said
under PLAIN. The text is untrusted: a field of the wrong type is left out, never turned into text.
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from typing import Any

VERSION_MARK = "jsonfeed.org/version/"  # "https://jsonfeed.org/version/1.1" (early feeds wrote http://)
PLAIN = "wirewatch_plain"  # an entry's fields that are plain text, not HTML (feedparser's entries have none)


class NotAJsonFeed(ValueError):
    """The body is JSON (or meant to be) but not a JSON Feed; the message says what it is."""


def looks_like_json(body: bytes) -> bool:
    """Whether a response body starts as JSON does (after a byte-order mark and white space)."""
    return body[:64].removeprefix(b"\xef\xbb\xbf").lstrip()[:1] in (b"{", b"[")


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _parsed_time(value: Any) -> time.struct_time | None:
    """An RFC 3339 date ("2021-09-19T10:00:00Z", "2021-09-19T12:00:00+02:00") as UTC, like feedparser's."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return time.gmtime(when.timestamp())
    except (OverflowError, OSError, ValueError):
        return None


def _author(item: dict[str, Any]) -> str:
    """The item's authors' names (1.1's `authors`, 1.0's `author`)."""
    found = item.get("authors")
    people = found if isinstance(found, list) else [item.get("author")]
    return ", ".join(name for p in people if isinstance(p, dict) and (name := _text(p.get("name")).strip()))


def _entry(item: dict[str, Any]) -> dict[str, Any]:
    """One item as a feedparser-like entry."""
    content_html = _text(item.get("content_html"))
    content = content_html or _text(item.get("content_text"))
    published, updated = item.get("date_published"), item.get("date_modified")
    item_id = item.get("id")
    return {
        "id": str(item_id) if isinstance(item_id, str | int) and not isinstance(item_id, bool) else "",
        "title": _text(item.get("title")),
        "link": _text(item.get("url")) or _text(item.get("external_url")),
        "summary": _text(item.get("summary")),
        "content": [{"value": content}] if content else [],
        # plain text in JSON Feed: "<b>" in a headline is what it says, not markup to strip
        PLAIN: frozenset({"title", "summary"} if content_html else {"title", "summary", "content"}),
        "published": _text(published), "published_parsed": _parsed_time(published),
        "updated": _text(updated), "updated_parsed": _parsed_time(updated),
        "author": _author(item),
        "language": _text(item.get("language")),
    }


def read_json_feed(body: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The feed's metadata (title, language) and its items as entries; NotAJsonFeed when the body is
    not a JSON Feed (not JSON at all, an API's answer, or a feed without an item list)."""
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise NotAJsonFeed(f"JSON Feed is not UTF-8: {exc.reason} at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise NotAJsonFeed(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise NotAJsonFeed("JSON nested too deeply to read") from None
    if not isinstance(doc, dict) or VERSION_MARK not in _text(doc.get("version")):
        raise NotAJsonFeed("response is JSON, but not a JSON Feed (nor an RSS/Atom feed)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise NotAJsonFeed("JSON Feed without an item list")
    meta = {"title": _text(doc.get("title")), "language": _text(doc.get("language"))}
    return meta, [_entry(item) for item in items if isinstance(item, dict)]
