"""Synthetic feeds for benchmarks, with realistic vocabulary drawn from the Google News dev set."""

from __future__ import annotations

import json
import random
from email.utils import formatdate
from pathlib import Path
from xml.sax.saxutils import escape

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOOGLENEWS = SHARED / "datasets" / "googlenews-dev.jsonl"


def headlines() -> list[tuple[str, str]]:
    """(title, summary) pairs from the Google News dev set."""
    rows = [json.loads(line) for line in GOOGLENEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["title"], r.get("summary", "")) for r in rows]


def make_feed(index: int, items: int, pool: list[tuple[str, str]], base_time: float) -> bytes:
    """One RSS 2.0 feed of `items` items whose text is drawn from real headlines and snippets."""
    rng = random.Random(index)
    parts = ['<?xml version="1.0" encoding="utf-8"?>', '<rss version="2.0"><channel>',
             f"<title>Bench outlet {index}</title><link>http://outlet{index}.example/</link>",
             "<description>benchmark feed</description>"]
    for item in range(items):
        title, summary = pool[rng.randrange(len(pool))]
        extra = pool[rng.randrange(len(pool))][1]
        when = formatdate(base_time - item * 600 - index * 7, usegmt=True)
        parts.append(
            f"<item><title>{escape(title.capitalize())}</title>"
            f"<link>http://outlet{index}.example/news/{item}?utm_source=rss</link>"
            f"<guid isPermaLink=\"false\">outlet{index}-{item}</guid>"
            f"<description>{escape('<p>' + summary + '</p><p>' + extra + '</p>')}</description>"
            f"<pubDate>{when}</pubDate></item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode()


def make_corpus(feeds: int, items: int) -> dict[str, bytes]:
    """path → feed document for `feeds` feeds of `items` items."""
    pool = headlines()
    return {f"/f{i}.xml": make_feed(i, items, pool, 1_632_000_000.0) for i in range(feeds)}
