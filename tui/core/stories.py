"""The story desk: runs newly stored articles through the engine and keeps assignments in SQLite.

The engine's state (document frequencies, open stories) is saved with the assignments in the same
transaction, so a restart continues exactly where it stopped and never reshuffles stories.
"""

from __future__ import annotations

import json
import os
import pickle
import time
from dataclasses import dataclass, replace
from multiprocessing import get_context
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.affixes import repeated_labels, without_label
from tui.core.store import Store

if TYPE_CHECKING:  # the engine (and its stemmer and fuzzy matcher) is imported only when there is work
    from tui.core.cluster import Assignment, StoryEngine


LABEL_SAMPLE = 40  # recent headlines of a feed in which a repeated programme label is looked for
# Articles the background desk clusters between saves. Each save writes the whole engine (1.8 MB, pickled
# in 7 ms, after the benchmark's 25,000-article first poll) with the batch's rows: on that poll, saving
# every 5,000 rather than every 2,000 articles cut the desk's CPU time by 0.5 s of 8.7, and a save still
# lands every 2 s while the desk works.
BACKGROUND_BATCH = 5000


class Superseded(Exception):
    """Another desk (another process on the same database: the dashboard and `wirewatch poll`) saved
    its clustering since this one last loaded or saved: this one's unsaved work is not written."""


@dataclass(frozen=True, slots=True)
class DeskResult:
    """What one clustering pass did."""

    articles: int
    new_stories: tuple[int, ...]
    touched: tuple[int, ...]  # stories that received reports (surviving ids)
    merged: tuple[tuple[int, int], ...]  # (gone, kept)


class StoryDesk:
    """Clusters a Store's articles incrementally; one desk per Store."""

    def __init__(self, store: Store, window: float | None = None) -> None:
        """`window`: seconds without a report after which a story is closed (default: the engine's)."""
        self.store = store
        self.window = window
        self._engine: StoryEngine | None = None
        self.upto = self._saved_upto()

    def _saved_upto(self) -> int:
        """The last article the saved engine holds (0 when none is saved)."""
        row = self.store.conn.execute("SELECT clustered_upto FROM engine_state WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    @property
    def engine(self) -> StoryEngine:
        """The engine, loaded from its saved state on first use (nothing to load when nothing is pending)."""
        if self._engine is None:
            self._engine = self._load()
            if self.window is not None and self._engine.params.window != self.window:
                # the user's setting wins over the one saved with the engine
                self._engine.params = replace(self._engine.params, window=self.window)
        return self._engine

    def _load(self) -> StoryEngine:
        from tui.core.cluster import StoryEngine

        row = self.store.conn.execute("SELECT clustered_upto, state FROM engine_state WHERE id = 1").fetchone()
        if row is not None:
            try:
                engine = pickle.loads(row[1])
                if isinstance(engine, StoryEngine):
                    self.upto = int(row[0])
                    return engine
            except Exception:  # an unreadable snapshot: continue with a fresh engine, keep the ids unique
                pass
        engine = StoryEngine()
        top = self.store.conn.execute("SELECT coalesce(max(id), 0) FROM clusters").fetchone()[0]
        engine.next_id = int(top) + 1
        return engine

    def pending(self) -> int:
        """How many stored articles have not been clustered yet."""
        return int(self.store.conn.execute("SELECT count(*) FROM articles WHERE seq > ?", (self.upto,)).fetchone()[0])

    def run(self, batch: int = 5000) -> DeskResult:
        """Cluster every stored article not clustered yet, in arrival order; persist in one transaction
        per `batch` articles, and once more when none is left.

        While articles keep arriving faster than they are clustered (a first poll), the desk reads
        what has arrived, clusters it and reads again without saving in between: each save writes the
        whole engine, and saving after every read (28 reads of 50-1,350 articles on the 25,000-article
        pipeline benchmark) cost 0.9 CPU s, where 5 saves of 5,000 cost 0.4.
        """
        new: list[int] = []
        touched: set[int] = set()
        merged: list[tuple[int, int]] = []
        total = 0
        cursor = self.upto  # the last article read (self.upto: the last saved)
        unsaved: list[tuple[Any, Assignment]] = []
        while True:
            rows = self.store.conn.execute(
                "SELECT seq, id, feed_id, title, summary, content, published FROM articles WHERE seq > ? "
                "ORDER BY seq LIMIT ?", (cursor, batch - len(unsaved))).fetchall()
            if rows and self._engine is None:  # loaded at first use: it says where clustering stopped
                _ = self.engine
                if self.upto != cursor:  # another desk saved since this one was made: go on from there
                    cursor = self.upto
                    continue
            if rows:
                labels = self._labels(rows, cursor)
                # Articles stored by one poll round arrive together: take them in publication order, so
                # the outcome does not depend on which worker process answered first.
                for row in sorted(rows, key=lambda r: (r["published"], r["id"])):
                    text = row["content"] if len(row["content"]) > len(row["summary"]) else row["summary"]
                    title = without_label(row["title"], labels.get(row["feed_id"], frozenset()))
                    unsaved.append((row, self.engine.add(row["id"], title, text, row["published"])))
                cursor = int(rows[-1]["seq"])
            if unsaved and (not rows or len(unsaved) >= batch):
                try:
                    self._save(unsaved, cursor)
                except Superseded:  # the other desk's stories stand; go on from where it stopped
                    cursor = self._reload()
                    unsaved = []
                    continue
                for _row, a in unsaved:
                    if a.new_story:
                        new.append(a.story)
                    touched.update(a.touched())
                    merged.extend(a.folded)
                    if a.split is not None:  # the part that left is a new story to the reader
                        new.append(a.split.new)
                total += len(unsaved)
                unsaved = []
            if not rows:
                break
        if not total:
            return DeskResult(0, (), (), ())
        resolved = {self.engine.resolve(s) for s in touched}
        return DeskResult(total, tuple(self.engine.resolve(s) for s in new), tuple(sorted(resolved)), tuple(merged))

    def _reload(self) -> int:
        """Drop this desk's engine for the one saved by another desk, and return where that one stopped."""
        self.upto = self._saved_upto()
        self._engine = None
        _ = self.engine  # loads the saved engine now (an unreadable one leaves self.upto as read)
        return self.upto

    def _labels(self, rows: list[Any], before: int) -> dict[int, frozenset[str]]:
        """Per feed of a batch, the labels its headlines repeat (from its latest LABEL_SAMPLE headlines;
        `before`: the last article read before the batch)."""
        by_feed: dict[int, list[str]] = {}
        for row in rows:
            by_feed.setdefault(row["feed_id"], []).append(row["title"])
        out: dict[int, frozenset[str]] = {}
        for feed, titles in by_feed.items():
            if len(titles) < LABEL_SAMPLE:  # a few new items: look at what the feed said before, too
                titles = titles + [r[0] for r in self.store.conn.execute(
                    "SELECT title FROM articles WHERE feed_id = ? AND seq <= ? ORDER BY seq DESC LIMIT ?",
                    (feed, before, LABEL_SAMPLE - len(titles)))]
            out[feed] = repeated_labels(titles)
        return out

    def _save(self, assignments: list[tuple[object, Assignment]], upto: int) -> None:
        engine = self.engine
        now = time.time()
        engine.close_quiet(max((r["published"] for r, _ in assignments), default=now))  # type: ignore[index]
        touched = {story for _, a in assignments for story in a.touched()}
        stories = [s for s in map(engine.stories.get, sorted(touched)) if s is not None]
        # Computed before the write lock is taken: while the desk holds it, the poller cannot store
        # what the fetch workers send, and they stop at a full pipe. On the pipeline benchmark's first
        # poll a save took 65-130 ms; with these made first, the lock is held for the rows alone
        # (4-93 ms), and the poller's longest wait for it fell from 105 ms to 35-80 ms.
        summaries = [(s.title, s.size, json.dumps(engine.explain(s.id)), s.id) for s in stories]
        state = pickle.dumps(engine, protocol=pickle.HIGHEST_PROTOCOL)
        with self.store.transaction():
            conn = self.store.conn
            # Two desks on one database (the dashboard's and `wirewatch poll`'s) would otherwise cluster the
            # same articles twice, each numbering stories its own way, and overwrite each other's state.
            if self._saved_upto() != self.upto:
                raise Superseded
            # in runs between merges, so that SQLite gets the rows in bulk (a merge rewrites earlier rows)
            start = 0
            for end, (_row, a) in enumerate(assignments, 1):
                if a.folded or a.split or end == len(assignments):
                    self._store_rows(assignments[start:end])
                    start = end
                    for gone, kept in a.folded:
                        self._redirect(gone, kept)
                    if a.split is not None:
                        self._split_off(a.split.new, a.split.articles)
            conn.executemany("UPDATE clusters SET title = ?, size = ?, explanation = ? WHERE id = ?", summaries)
            conn.execute("INSERT OR REPLACE INTO engine_state(id, clustered_upto, state, saved) VALUES (1, ?, ?, ?)",
                         (upto, state, now))
        self.upto = upto

    def _store_rows(self, assignments: list[tuple[object, Assignment]]) -> None:
        """Each article's story row (created or updated) and its assignment."""
        conn = self.store.conn
        # one row per story: created from its first article here (the title is set after, from the
        # engine), updated from its latest (a first poll of 25,000 articles: 4,093 upserts instead of 25,000)
        rows: dict[int, list[Any]] = {}
        for row, a in assignments:
            published = row["published"]  # type: ignore[index]
            found = rows.get(a.story)
            if found is None:
                rows[a.story] = [a.story, row["title"], published, published]  # type: ignore[index]
            elif published > found[3]:
                found[3] = published
        conn.executemany("INSERT INTO clusters(id, title, created, updated) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT(id) DO UPDATE SET updated = max(updated, excluded.updated)", rows.values())
        conn.executemany("INSERT OR REPLACE INTO article_clusters(article_id, cluster_id, similarity, copy_of) "
                         "VALUES (?, ?, ?, ?)", [(a.article, a.story, a.similarity, a.copy_of) for _, a in assignments])

    def _redirect(self, gone: int, kept: int) -> None:
        """Fold a merged story into the surviving one; the survivor keeps its own triage state."""
        conn = self.store.conn
        conn.execute("UPDATE article_clusters SET cluster_id = ? WHERE cluster_id = ?", (kept, gone))
        conn.execute("UPDATE clusters SET merged_into = ? WHERE id = ? OR merged_into = ?", (kept, gone, gone))
        conn.execute("INSERT OR IGNORE INTO triage(cluster_id, starred, muted, dismissed, last_seen) "
                     "SELECT ?, starred, muted, dismissed, last_seen FROM triage WHERE cluster_id = ?", (kept, gone))
        # a story merged in the same step that created it has no row of its own: keep the survivor's times
        conn.execute("UPDATE clusters SET "
                     "created = min(created, coalesce((SELECT created FROM clusters WHERE id = ?), created)), "
                     "updated = max(updated, coalesce((SELECT updated FROM clusters WHERE id = ?), updated)) "
                     "WHERE id = ?", (gone, gone, kept))

    def _split_off(self, new: int, articles: tuple[str, ...]) -> None:
        """Move the reports a split took away to their new story (see splits); the story they left keeps
        its id and triage state, the new one starts unread like any new story. Its row comes first (the
        assignments point at it), unless the report that set the split off was one of them and made it."""
        conn = self.store.conn
        marks = ",".join("?" * len(articles))
        conn.execute(f"INSERT INTO clusters(id, title, created, updated) SELECT ?, '', min(published), max(published) "
                     f"FROM articles WHERE id IN ({marks}) ON CONFLICT(id) DO UPDATE SET "
                     "created = min(created, excluded.created), updated = max(updated, excluded.updated)",
                     (new, *articles))
        conn.execute(f"UPDATE article_clusters SET cluster_id = ? WHERE article_id IN ({marks})", (new, *articles))


def _desk_process(path: str, stop: Any, wake: Any, report: Connection, interval: float, flag: bool, parent: int,
                  window: float | None) -> None:
    """Body of the background desk process: cluster until told to stop and nothing is left; with `flag`,
    then count the discrepancies of the stories that received reports. With nothing to cluster, it waits
    for `wake` (set when articles are stored, and at the stop), at most `interval` seconds. `parent` is the
    starting process's pid (passed in: if it died before this line ran, getppid() would already name its
    successor)."""
    articles = 0
    new: set[int] = set()
    touched: set[int] = set()
    error = ""
    try:
        with Store(path) as store:
            desk = StoryDesk(store, window)
            while True:
                if os.getppid() != parent:  # the app died (killed, or its terminal went away): stop too
                    return
                # cleared before the stop is read: a stop or an article that comes after either is seen
                # here or leaves the event set, so no article and no stop waits out an interval
                wake.clear()
                finishing = stop.is_set()
                result = desk.run(batch=BACKGROUND_BATCH)
                articles += result.articles
                new.update(result.new_stories)
                touched.update(result.touched)
                if finishing and not result.articles:
                    break
                if not result.articles:
                    wake.wait(interval)
            if flag and touched:
                from tui.core.storyview import flag_discrepancies

                flag_discrepancies(store, sorted(touched))
    except Exception as exc:  # reported by the parent; the stored articles are unaffected
        error = f"{type(exc).__name__}: {exc}"
    report.send((articles, sorted(new), sorted(touched), error))
    report.close()


class BackgroundDesk:
    """Clusters articles in a separate process (own connection, own core) while they are being stored.

    The process starts with the first `start()` (when the first new article is stored), so a poll
    that brings nothing new pays nothing for it.
    """

    def __init__(self, path: Path, interval: float = 0.25, flag_discrepancies: bool = False,
                 window: float | None = None) -> None:
        ctx: Any = get_context("fork")
        self._stop = ctx.Event()
        self._wake = ctx.Event()
        self._receiver, sender = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_desk_process, name="story-desk", daemon=True,
                                    args=(str(path), self._stop, self._wake, sender, interval, flag_discrepancies,
                                          os.getpid(), window))
        self._sender = sender
        self.articles = 0
        self.new_stories: list[int] = []
        self.touched: list[int] = []
        self.error = ""

    def __enter__(self) -> BackgroundDesk:
        return self

    def start(self) -> None:
        """Articles were stored: start clustering (the first call), or wake the desk if it is waiting.

        Without the wake-up, articles stored just after the desk found nothing to do waited up to
        `interval` for it (in one traced run of the pipeline benchmark, the last 2,100 of 25,000).
        """
        if not self._process.is_alive() and self._process.exitcode is None and not self._sender.closed:
            self._process.start()
            self._sender.close()
        self._wake.set()

    def __exit__(self, *exc: object) -> None:
        if not self._sender.closed:
            self._sender.close()  # never started: nothing was stored
            self._receiver.close()
            return
        self._stop.set()
        self._wake.set()
        try:
            self.articles, self.new_stories, self.touched, self.error = self._receiver.recv()
        except EOFError:
            self.error = "the clustering process ended unexpectedly"
        self._process.join()
