"""Story list rows for the dashboard: counts, activity, unread and triage state, in one query."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass

from tui.core.store import Store

SPARK_HOURS = 8


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One row of the story list (immutable, built off the event loop)."""

    id: int
    title: str
    articles: int
    outlets: int
    independent: int
    unread: int
    last: float  # publication time of the latest report
    velocity: int  # reports in the last hour
    spark: tuple[int, ...]  # reports per hour over the last SPARK_HOURS hours, oldest first
    fresh: bool  # reports arrived since the user last looked at the story
    starred: bool
    muted: bool
    dismissed: bool
    feeds: tuple[str, ...]
    tags: tuple[str, ...]
    discrepancies: int | None = None  # None: not counted yet (see storyview.flag_discrepancies)
    key_figures: str | None = None  # JSON {kind: latest value}, for noticing a changed figure


_QUERY = """
SELECT c.id, c.title, count(*) AS n, count(DISTINCT a.feed_id) AS outlets,
       sum(ac.copy_of IS NULL) AS independent, sum(r.article_id IS NULL) AS unread,
       max(a.published) AS last, max(a.first_seen) AS arrived,
       coalesce(t.starred, 0), coalesce(t.muted, 0), coalesce(t.dismissed, 0), t.last_seen,
       group_concat(DISTINCT f.name), group_concat(DISTINCT f.tags), c.discrepancies, c.key_figures
FROM clusters c
JOIN article_clusters ac ON ac.cluster_id = c.id
JOIN articles a ON a.id = ac.article_id
JOIN feeds f ON f.id = a.feed_id
LEFT JOIN article_reads r ON r.article_id = a.id
LEFT JOIN triage t ON t.cluster_id = c.id
WHERE c.merged_into IS NULL
GROUP BY c.id
"""


def story_summaries(store: Store, now: float | None = None) -> list[StorySummary]:
    """Every live story as a list row, most recent activity first."""
    now = time.time() if now is None else now
    since = now - SPARK_HOURS * 3600
    buckets: dict[int, list[int]] = defaultdict(lambda: [0] * SPARK_HOURS)
    for cid, published in store.conn.execute(
            "SELECT ac.cluster_id, a.published FROM article_clusters ac JOIN articles a ON a.id = ac.article_id "
            "WHERE a.published >= ? AND a.published <= ?", (since, now)):
        index = min(SPARK_HOURS - 1, int((published - since) // 3600))
        buckets[cid][index] += 1
    out = []
    for row in store.conn.execute(_QUERY):
        cid = row[0]
        spark = tuple(buckets[cid]) if cid in buckets else (0,) * SPARK_HOURS
        tags = tuple(sorted({t for group in (row[13] or "").split(",") for t in group.split(",") if t}))
        out.append(StorySummary(
            id=cid, title=row[1], articles=row[2], outlets=row[3], independent=row[4], unread=row[5] or 0,
            last=row[6], velocity=spark[-1], spark=spark, fresh=row[11] is None or row[7] > row[11],
            starred=bool(row[8]), muted=bool(row[9]), dismissed=bool(row[10]),
            feeds=tuple(sorted((row[12] or "").split(","))), tags=tags, discrepancies=row[14], key_figures=row[15]))
    out.sort(key=lambda s: (s.last, s.id), reverse=True)
    return out


def stories_matching(store: Store, query: str, limit: int = 2000) -> frozenset[int]:
    """The stories with an article that matches a full-text query (its `limit` best-ranked matches)."""
    ids = store.search(query, limit=limit)
    if not ids:
        return frozenset()
    marks = ",".join("?" * len(ids))
    rows = store.conn.execute(f"SELECT DISTINCT cluster_id FROM article_clusters WHERE article_id IN ({marks})", ids)
    return frozenset(r[0] for r in rows)
