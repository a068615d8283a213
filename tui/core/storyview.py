"""Read stories back from the database with their articles, figures, discrepancies and timeline."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tui.core import figure_store
from tui.core.facts import Discrepancy, FigureRow, Report, latest_values, story_facts
from tui.core.figures import Figure
from tui.core.store import Store
from tui.core.timeline import Timeline, build_timeline


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """An article as a story shows it."""

    id: str
    feed: str
    title: str
    link: str
    published: float
    summary: str
    content: str
    copy_of: str | None


@dataclass(frozen=True, slots=True)
class StoryDetail:
    """Everything about one story."""

    id: int
    title: str
    terms: tuple[str, ...]
    articles: tuple[StoryArticle, ...]
    figures: tuple[FigureRow, ...]
    discrepancies: tuple[Discrepancy, ...]
    timeline: Timeline


def story_ids(store: Store, since: float | None = None) -> list[int]:
    """Ids of live (not merged) stories with at least one article, most recently updated first."""
    sql = ("SELECT c.id FROM clusters c WHERE c.merged_into IS NULL AND EXISTS "
           "(SELECT 1 FROM article_clusters ac WHERE ac.cluster_id = c.id)")
    args: list[Any] = []
    if since is not None:
        sql += " AND c.updated >= ?"
        args.append(since)
    return [r[0] for r in store.conn.execute(sql + " ORDER BY c.updated DESC, c.id DESC", args)]


def _articles(conn: sqlite3.Connection, story: int) -> list[StoryArticle]:
    rows = conn.execute(
        "SELECT a.id, f.name, a.title, a.link, a.published, a.summary, a.content, ac.copy_of "
        "FROM article_clusters ac JOIN articles a ON a.id = ac.article_id JOIN feeds f ON f.id = a.feed_id "
        "WHERE ac.cluster_id = ? ORDER BY a.published, a.seq", (story,)).fetchall()
    return [StoryArticle(*r) for r in rows]


def story_detail(store: Store, story: int,
                 extracted: list[tuple[Report, tuple[Figure, ...]]] | None = None) -> StoryDetail | None:
    """One story with its facts and timeline (None if it does not exist). With `extracted`, the figures
    of its reports that were not stored (see figure_store) are added to it, to be stored by the caller."""
    row = store.conn.execute("SELECT id, title, explanation FROM clusters WHERE id = ?", (story,)).fetchone()
    if row is None:
        return None
    articles = _articles(store.conn, story)
    reports = _reports(articles)
    fresh = figure_store.recall_or_extract(store.conn, reports)
    if extracted is not None:
        extracted += fresh
    figures, discrepancies = story_facts(reports)
    timeline = build_timeline(reports, {a.id: a.copy_of for a in articles})
    try:
        terms = tuple(str(t) for t in json.loads(row["explanation"] or "[]"))
    except ValueError:
        terms = ()
    return StoryDetail(row["id"], row["title"], terms, tuple(articles), tuple(figures), tuple(discrepancies),
                       timeline)


def _reports(articles: Iterable[StoryArticle]) -> list[Report]:
    return [Report(a.id, a.feed, a.title, a.content or a.summary, a.published) for a in articles]


def flag_discrepancies(store: Store, stories: Iterable[int]) -> dict[int, int]:
    """Count each story's discrepancies and note the latest value of each kind of key figure; store
    both, and the figures of reports extracted to count them (see figure_store), in one transaction.
    Returns the counts by story."""
    counts: dict[int, int] = {}
    latest: dict[int, str | None] = {}
    extracted: list[tuple[Report, tuple[Figure, ...]]] = []
    for story in stories:
        size = store.conn.execute("SELECT count(*) FROM article_clusters WHERE cluster_id = ?", (story,)).fetchone()[0]
        if size < 2:  # every kind of discrepancy needs two reports (and a lone report's figures can wait)
            counts[story], latest[story] = 0, None
            continue
        reports = _reports(_articles(store.conn, story))
        extracted += figure_store.recall_or_extract(store.conn, reports)
        figures, discrepancies = story_facts(reports)
        counts[story] = len(discrepancies)
        latest[story] = json.dumps(latest_values(figures))
    with store.transaction():
        store.conn.executemany("UPDATE clusters SET discrepancies = ?, key_figures = ? WHERE id = ?",
                               [(n, latest[story], story) for story, n in counts.items()])
        figure_store.keep(store.conn, extracted)
    return counts


def iso(epoch: float) -> str:
    """ISO 8601 UTC."""
    from datetime import UTC, datetime

    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def story_json(detail: StoryDetail) -> dict[str, Any]:
    """The scripts' contract for one story (`wirewatch clusters --json`)."""
    return {
        "id": detail.id,
        "title": detail.title,
        "articles": [{"id": a.id, "feed": a.feed, "title": a.title, "link": a.link, "published": iso(a.published),
                      "copy_of": a.copy_of} for a in detail.articles],
        "terms": list(detail.terms),
        "figures": [{"text": f.text, "value": f.value, "counts": f.counts, "key": f.key, "feeds": f.feeds,
                     "flags": list(f.flags),
                     "stated": [{"feed": s.report.feed, "published": iso(s.report.published), "article": s.report.id}
                                for s in f.stated]} for f in detail.figures],
        "discrepancies": [{"kind": d.kind, "detail": d.detail, "key": d.key} for d in detail.discrepancies],
        "timeline": [{"published": iso(e.published), "feed": e.feed, "title": e.title, "article": e.article_id,
                      "lag_seconds": round(e.lag), "added": e.added} for e in detail.timeline.entries],
        "outlets": len({a.feed for a in detail.articles}),
        "independent_reports": detail.timeline.independent,
        "outlet_lag_seconds": {feed: round(lag) for feed, lag in detail.timeline.outlet_lag.items()},
        "copies": detail.timeline.copies,
    }
