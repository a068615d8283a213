"""`wirewatch add URL`: check an address, find its feed (autodiscovery) and append it to feeds.toml."""

from __future__ import annotations

import argparse
import asyncio
from urllib.parse import urlsplit

from tui.cli.common import CliError, config_from_args
from tui.cli.config_append import append_to_config
from tui.core.config import url_problem
from tui.core.locations import resolve_config_path
from tui.core.models import FeedConfig, Settings
from tui.core.opml import feed_to_toml
from tui.core.probe import probe
from tui.core.textclean import one_line

NAME_LIMIT = 60  # characters of a feed's title taken as its name
EXIT_FAILED = 1  # the address gave no feed, or the config could not be written (2: the command was wrong)


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or "name (2)", "name (3)" ... when another feed has it (names compare without case)."""
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def run_add(args: argparse.Namespace) -> int:
    """Fetch the address; if it is a page, the feed it links to; append the feed to feeds.toml."""
    url = args.url.strip()
    if problem := url_problem(url):  # (an unclosed "[" or a port past 65535 raised from the fetch before)
        raise CliError(problem)
    path = resolve_config_path(args.config)
    try:
        existing = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{path}: cannot read: {exc}", code=EXIT_FAILED) from None
    config = config_from_args(args) if existing.strip() else None
    feeds = config.feeds if config else ()
    for feed in feeds:
        if feed.url == url:
            raise CliError(f"{url} is already in {path} as {feed.name!r}", code=EXIT_FAILED)
    found = asyncio.run(probe(url, config.settings if config else Settings()))
    if found.feed is None:
        raise CliError(f"no feed found: {found.problem}", code=EXIT_FAILED)
    for feed in feeds:
        if feed.url == found.url:
            raise CliError(f"{url} links to {found.url}, already in {path} as {feed.name!r}", code=EXIT_FAILED)
    taken = {f.name.casefold() for f in feeds}
    if args.name:
        name = one_line(args.name)
        if not name or name.casefold() in taken:
            raise CliError(f"a feed named {name!r} is already in {path}" if name else "--name is empty")
    else:
        title = one_line(found.feed.title)[:NAME_LIMIT].strip() or urlsplit(found.url).netloc
        name = _unique(title, taken)
    entry = FeedConfig(name=name, url=found.url, tags=tuple(args.tag or ()))
    append_to_config(path, existing, feed_to_toml(entry), "adding the feed", EXIT_FAILED)
    via = f" (linked from {url})" if found.discovered else ""
    print(f"added {name!r}: {found.url}{via}, {len(found.feed.articles)} items now, to {path}")
    return 0
