"""Finding the feed behind an address a user gives: the address itself when it is a feed, else the feed
its page links to (autodiscovery, see discovery), checked by fetching and parsing it."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from tui.core.discovery import linked_feeds
from tui.core.fetch import FetchLimits, fetch_feed, make_client
from tui.core.models import ParsedFeed, Settings
from tui.core.parse import parse_feed


@dataclass(frozen=True, slots=True)
class Probe:
    """What an address turned out to be: `url` (the feed's address: the one given, or one its page
    linked to) and the feed read there; or `problem`, what is wrong with the address and with each
    feed its page named."""

    url: str = ""
    feed: ParsedFeed | None = None
    problem: str = ""
    discovered: bool = False  # the feed was found through the page's links


async def _read(client: httpx.AsyncClient, url: str, settings: Settings) -> tuple[ParsedFeed | None, bytes, str, str]:
    """(parsed feed or None, body, final URL, problem) of one fetch."""
    limits = FetchLimits(settings.total_timeout, settings.max_response_bytes, settings.max_redirects)
    result = await fetch_feed(client, "probe", url, None, None, limits)
    if result.error is not None or result.body is None:
        return None, b"", result.final_url or url, result.error or f"HTTP {result.status} without a body"
    final = result.final_url or url
    parsed = parse_feed(result.body, result.headers, "probe", url=final)
    if parsed.fatal:
        return None, result.body, final, parsed.problem or "not a feed"
    return parsed, result.body, final, ""


async def probe(url: str, settings: Settings) -> Probe:
    """Fetch `url`; when it is a page that links to feeds, try each (at most three) until one reads as a feed."""
    client = make_client(settings.user_agent, 2, settings.connect_timeout, settings.read_timeout)
    try:
        parsed, body, final, problem = await _read(client, url, settings)
        if parsed is not None:
            return Probe(url=url, feed=parsed)
        tried = [f"{url}: {problem}"]
        for link in linked_feeds(body, final) if body else []:
            found, _, _, trouble = await _read(client, link, settings)
            if found is not None:
                return Probe(url=link, feed=found, discovered=True)
            tried.append(f"{link}: {trouble}")
        return Probe(problem="; ".join(tried))
    finally:
        await client.aclose()
