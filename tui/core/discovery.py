"""Feed autodiscovery: the feeds a web page names in its <link rel="alternate"> tags.

A user who puts a site's address in feeds.toml instead of its feed's gets an HTML page back; the page
usually says where its feed is, and the error can say it too.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

from tui.core.textclean import one_line

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/feed+json"})
SCANNED = 256 * 1024  # bytes of the page read: the <head>, where the links are, comes first
MAX_LINKS = 3
_LINK = re.compile(r"<link\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r"""([A-Za-z_:][-\w:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")


def _attributes(tag: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value.strip("\"'")).strip()
            for name, value in _ATTRIBUTE.findall(tag[5:])}


def linked_feeds(body: bytes, base: str = "") -> list[str]:
    """The http(s) addresses of the feeds an HTML page links to as alternates (at most MAX_LINKS, in
    page order), resolved against `base` (the address the page was fetched from)."""
    text = body[:SCANNED].decode("utf-8", errors="replace")
    found: list[str] = []
    for tag in _LINK.findall(text):
        attrs = _attributes(tag)
        rels = attrs.get("rel", "").lower().split()
        if "alternate" not in rels or attrs.get("type", "").lower().split(";")[0].strip() not in FEED_TYPES:
            continue
        href = one_line(attrs.get("href", ""))
        if not href:
            continue
        try:
            address = urljoin(base, href) if base else href
            parts = urlsplit(address)
        except ValueError:  # a malformed address ("http://[")
            continue
        if parts.scheme.lower() in ("http", "https") and parts.netloc and address not in found and len(address) <= 2000:
            found.append(address)
        if len(found) == MAX_LINKS:
            break
    return found
