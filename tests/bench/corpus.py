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
    return [(r["title"], r.get("summary", "")) for r in _rows()]


def _rows() -> list[dict[str, str]]:
    return [json.loads(line) for line in GOOGLENEWS.read_text(encoding="utf-8").splitlines() if line.strip()]


def stories() -> list[list[tuple[str, str]]]:
    """The Google News dev set's (title, summary) pairs grouped by story (its `gold` label)."""
    grouped: dict[object, list[tuple[str, str]]] = {}
    for r in _rows():
        grouped.setdefault(r["gold"], []).append((r["title"], r.get("summary", "")))
    return list(grouped.values())


Report = tuple[list[tuple[str, str]], int]  # a story's reports, and which one


def make_feed(index: int, items: int, reports: list[Report], base_time: float) -> bytes:
    """One RSS 2.0 feed of `items` items written like a real outlet's: each item is about one story.
    Its headline is one report's of a Google News story, its description that report's snippet and
    the snippet of another report of the same story (about 320 characters: real descriptions in the
    archived feeds run from a median of 99 to 488 characters per outlet).

    (Until November 2026 the second snippet came from any story, so that every item was about two
    unrelated stories at once, which no outlet writes, and blurred every story it joined.)"""
    rng = random.Random(index)
    parts = ['<?xml version="1.0" encoding="utf-8"?>', '<rss version="2.0"><channel>',
             f"<title>Bench outlet {index}</title><link>http://outlet{index}.example/</link>",
             "<description>benchmark feed</description>"]
    for item in range(items):
        story, k = reports[rng.randrange(len(reports))]
        title, summary = story[k]
        extra = story[rng.randrange(len(story))][1]
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
    reports = [(story, k) for story in stories() for k in range(len(story))]
    return {f"/f{i}.xml": make_feed(i, items, reports, 1_632_000_000.0) for i in range(feeds)}
