"""Turn the demo corpus into RSS snapshots over a virtual clock (one snapshot per outlet per report)."""

from __future__ import annotations

import hashlib
from email.utils import formatdate
from pathlib import Path
from xml.sax.saxutils import escape

from tui.demo.corpus import OUTLETS, REPORTS


def rss(outlet: str, start: float, upto_minute: int) -> bytes:
    """An outlet's feed as it stood `upto_minute` minutes after `start` (newest item first)."""
    name = OUTLETS[outlet][0]
    items = [r for r in REPORTS if r.outlet == outlet and r.minute <= upto_minute]
    parts = ['<?xml version="1.0" encoding="utf-8"?>', '<rss version="2.0"><channel>',
             f"<title>{escape(name)}</title><link>https://demo.invalid/{outlet}</link>",
             f"<description>{escape(name)} (Wirewatch demo outlet)</description>"]
    for r in sorted(items, key=lambda r: -r.minute):
        guid = hashlib.sha1(f"{outlet}/{r.title}".encode()).hexdigest()[:16]
        parts.append(f"<item><title>{escape(r.title)}</title>"
                     f"<link>https://demo.invalid/{outlet}/{guid}</link><guid isPermaLink=\"false\">{guid}</guid>"
                     f"<pubDate>{formatdate(start + r.minute * 60, usegmt=True)}</pubDate>"
                     f"<description>{escape(r.text)}</description></item>")
    parts.append("</channel></rss>")
    return "\n".join(parts).encode()


def write_snapshots(root: Path, start: float) -> None:
    """Lay the corpus out like an archive (OUTLET/YYYY-MM-DDTHHMMZ.xml), one file per report minute."""
    from datetime import UTC, datetime

    for outlet in OUTLETS:
        folder = root / outlet
        folder.mkdir(parents=True, exist_ok=True)
        minutes = sorted({r.minute for r in REPORTS if r.outlet == outlet})
        for minute in minutes:
            stamp = datetime.fromtimestamp(start + minute * 60, UTC).strftime("%Y-%m-%dT%H%MZ")
            (folder / f"{stamp}.xml").write_bytes(rss(outlet, start, minute))
