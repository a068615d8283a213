"""`wirewatch feeds` (feed health) and `wirewatch articles` (stored articles), as text or JSON."""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import sys
import textwrap
import time
from typing import Any

from tui.cli.common import CliError, ago, config_from_args, db_path_from_args, iso_utc, open_store, parse_since, safe
from tui.core.config import ConfigError, load_config
from tui.core.locations import resolve_config_path
from tui.core.textclean import clip


def maybe_config(args: argparse.Namespace) -> Any:
    """The config when one can be read (for the database path); listing works without one."""
    path = resolve_config_path(args.config)
    if args.config or path.exists():
        return config_from_args(args)
    try:
        return load_config(path)
    except ConfigError:
        return None


def run_feeds(args: argparse.Namespace) -> int:
    """Print a table (or JSON) of every feed's fetch health."""
    config = maybe_config(args)
    store = open_store(db_path_from_args(args, config))
    try:
        if config is not None:
            store.sync_feeds(config.feeds)
        health = store.health()
    finally:
        store.close()
    enabled = {f.name: f.enabled for f in config.feeds} if config is not None else {}
    if args.json:
        rows = [{
            "name": h.name, "url": h.url, "enabled": enabled.get(h.name, False),
            "status": h.status, "last_attempt": iso_utc(h.last_attempt), "last_success": iso_utc(h.last_success),
            "error_streak": h.error_streak, "last_error": h.last_error, "next_due": iso_utc(h.next_due or None),
            "not_modified_count": h.not_modified_count, "redirected_to": h.redirected_to,
            "articles": h.article_count,
        } for h in health]
        print(json.dumps({"feeds": rows}, ensure_ascii=False, indent=1))
        return 0
    now = time.time()
    width = shutil.get_terminal_size((0, 0)).columns if sys.stdout.isatty() else 0
    print(f"{'FEED':28} {'STATUS':>6} {'LAST OK':>10} {'NEXT':>10} {'ERRS':>4} {'304s':>5} {'ARTS':>5}  LAST ERROR")
    for h in health:
        flag = "" if enabled.get(h.name, config is None) else " (not in config)"
        error = safe(h.last_error) if h.error_streak or h.last_error else ""
        if h.redirected_to:
            error = (error + "; " if error else "") + f"moved permanently to {safe(h.redirected_to)}"
        row = (f"{clip(safe(h.name), 28):28} {h.status or '-':>6} {ago(h.last_success, now):>10} "
               f"{ago(h.next_due, now) if h.next_due > now else 'now':>10} {h.error_streak:>4} "
               f"{h.not_modified_count:>5} {h.article_count:>5}  ")
        print("\n".join(hanging(row, (error + flag).lstrip(), width)))
    return 0


def hanging(lead: str, text: str, width: int) -> list[str]:
    """`text` after `lead`, whole: wrapped at `width` columns with its later lines under its first, or
    below the lead, indented 4, when that column would be narrower than 24 or than its longest word (an
    address is never cut: it is copied from here). `width` 0 (not a terminal, so a script or a pager
    reads it) keeps it on one line."""
    if not width or not text.strip() or len(lead) + len(text) <= width:
        return [(lead + text).rstrip()]
    column = width - len(lead)
    indent = len(lead) if column >= max(24, *map(len, text.split())) else 4
    lines = textwrap.wrap(text, max(8, width - indent), break_long_words=False, break_on_hyphens=False)
    if indent == len(lead):
        return [lead + lines[0], *(" " * indent + line for line in lines[1:])]
    return [lead.rstrip(), *(" " * indent + line for line in lines)]


def article_json(row: dict[str, Any]) -> dict[str, Any]:
    """The scripts' contract for one article: id, feed, title, link, published, summary (+ extras)."""
    return {
        "id": row["id"], "feed": row["feed"], "title": row["title"], "link": row["link"],
        "published": iso_utc(row["published"]), "summary": row["summary"], "author": row["author"],
        "first_seen": iso_utc(row["first_seen"]), "updated": iso_utc(row["updated_at"]),
        "revision": row["revision"], "language": row["language"],
    }


def run_articles(args: argparse.Namespace) -> int:
    """Print stored articles (newest first as text; arrival order as JSON)."""
    config = maybe_config(args)
    since = parse_since(args.since) if args.since else None
    store = open_store(db_path_from_args(args, config))
    try:
        if args.feed is not None:
            _check_feed(args.feed, [r[0] for r in store.conn.execute("SELECT name FROM feeds ORDER BY name")])
        rows = store.articles(since=since, feed=args.feed)
    finally:
        store.close()
    if args.json:
        print(json.dumps({"articles": [article_json(r) for r in rows]}, ensure_ascii=False))
        return 0
    rows.sort(key=lambda r: r["published"], reverse=True)
    for r in rows[: args.limit]:
        print(f"{iso_utc(r['published'])}  {safe(r['feed'])[:20]:20}  {safe(r['title'])}")
    return 0


def _check_feed(name: str, known: list[str]) -> None:
    """A --feed that names no stored feed is a mistake to say, not an empty list (a typo, or the case)."""
    if name in known:
        return
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6) or [k for k in known if k.lower() == name.lower()]
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise CliError(f"--feed {name!r}: no stored feed has that name{hint}")
