"""OPML 2.0 import and export of the feed list (OPML categories and folders map to tags)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from email.utils import formatdate

from tui.core.models import FeedConfig


class OpmlError(Exception):
    """The OPML document could not be read."""


def _tags_of(outline: ET.Element, folders: tuple[str, ...]) -> tuple[str, ...]:
    tags = list(folders)
    for category in (outline.get("category") or "").split(","):
        for part in category.strip().strip("/").split("/"):
            if part.strip():
                tags.append(part.strip())
    return tuple(dict.fromkeys(tags))


def parse_opml(data: bytes) -> list[FeedConfig]:
    """Feeds of an OPML document (outlines with an xmlUrl), with folders and categories as tags."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OpmlError(f"not a well-formed OPML document: {exc}") from None
    except (LookupError, ValueError) as exc:  # an encoding Python does not know ("UTF-9"), bad bytes for it
        raise OpmlError(f"cannot read the OPML document: {exc}") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise OpmlError("not an OPML document (no <opml><body>)")
    feeds: list[FeedConfig] = []

    # depth first in document order, without recursion: folders can nest deeper than Python's stack
    stack: list[tuple[Iterator[ET.Element], tuple[str, ...]]] = [(iter(body.findall("outline")), ())]
    while stack:
        outlines, folders = stack[-1]
        outline = next(outlines, None)
        if outline is None:
            stack.pop()
            continue
        url = (outline.get("xmlUrl") or "").strip()
        label = (outline.get("title") or outline.get("text") or "").strip()
        if url:
            feeds.append(FeedConfig(name=label or url, url=url, tags=_tags_of(outline, folders),
                                    language=outline.get("language") or None))
        else:
            stack.append((iter(outline.findall("outline")), (*folders, label) if label else folders))
    return feeds


def to_opml(feeds: Sequence[FeedConfig], title: str = "Wirewatch feeds") -> str:
    """An OPML 2.0 document listing the feeds; tags become the category attribute."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = formatdate(usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        if feed.language:
            attrs["language"] = feed.language
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def feed_to_toml(feed: FeedConfig) -> str:
    """A `[[feed]]` table for feeds.toml (strings escaped as TOML basic strings)."""
    lines = ["[[feed]]", f"name = {json.dumps(feed.name, ensure_ascii=False)}",
             f"url = {json.dumps(feed.url, ensure_ascii=False)}"]
    if feed.tags:
        lines.append("tags = [" + ", ".join(json.dumps(t, ensure_ascii=False) for t in feed.tags) + "]")
    if feed.language:
        lines.append(f"language = {json.dumps(feed.language, ensure_ascii=False)}")
    if feed.interval:
        lines.append(f"interval = {feed.interval:g}")
    if not feed.enabled:
        lines.append("enabled = false")
    return "\n".join(lines) + "\n"
