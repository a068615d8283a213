"""The Wirewatch dashboard: story list, story detail, status bar; live polling in a worker thread."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from tui.article_actions import ArticleActions
from tui.commands import StoryCommands
from tui.config_flow import ConfigFlow
from tui.core.models import Config, FeedHealth
from tui.core.notices import story_notices
from tui.core.store import Store
from tui.core.storyview import flag_discrepancies
from tui.core.summaries import StorySummary, stories_matching, story_summaries
from tui.core.textclean import one_line
from tui.core.triage import set_flag, set_read
from tui.detail_flow import DetailFlow
from tui.idle_gc import IdleCollector
from tui.messages import DiscrepanciesCounted, SearchDone, StoriesLoaded
from tui.narrow_layout import NarrowLayout
from tui.poll_flow import PollFlow, flagged
from tui.screens.health import FeedHealthScreen
from tui.screens.help import HelpScreen
from tui.screens.prompt import PromptScreen
from tui.terminal import stdin_is_terminal, terminal_gone
from tui.widgets.detail_lines import nothing_to_show, render_lines
from tui.widgets.footer import StableFooter
from tui.widgets.story_detail import StoryDetailView
from tui.widgets.story_list import StoryList
from tui.worker_errors import WorkerErrors

SORTS = ("activity", "outlets", "velocity")
DISCREPANCY_SCAN = 150  # stories (most recent first) checked for discrepancies on start-up


class WirewatchApp(ArticleActions, ConfigFlow, DetailFlow, NarrowLayout, PollFlow, WorkerErrors, App[None]):
    """The dashboard. `poll=False` shows what is stored without polling (tests, read-only use)."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "Wirewatch"
    COMMANDS = App.COMMANDS | {StoryCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("j,down", "cursor(1)", "Down", show=False, id="down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="up"),
        Binding("g,home", "jump(0)", "Top", show=False, id="top"),
        Binding("G,end", "jump(-1)", "Bottom", show=False, id="bottom"),
        Binding("enter", "open", "Open", id="open"),
        Binding("escape", "to_list", "Back", show=False, id="back"),
        Binding("r", "toggle_read", "Read", id="read"),
        Binding("a", "all_read", "All read", show=False, id="all_read"),
        Binding("s", "star", "Star", id="star"),
        Binding("m", "mute", "Mute", show=False, id="mute"),
        Binding("x", "dismiss_story", "Dismiss", show=False, id="dismiss"),
        Binding("o", "open_link", "Browser", show=False, id="open_link"),
        Binding("y", "copy_link", "Copy link", show=False, id="copy_link"),
        Binding("slash", "search", "Search", id="search"),
        Binding("f", "filter", "Filter", id="filter"),
        Binding("u", "unread_only", "Unread", show=False, id="unread_only"),
        Binding("S", "cycle_sort", "Sort", show=False, id="sort"),
        Binding("R", "poll_now", "Poll now", id="poll_now"),
        Binding("e", "export", "Export", show=False, id="export"),
        Binding("H", "feed_health", "Feeds", id="feed_health"),
    ]

    def __init__(self, config: Config, db_path: Path, poll: bool = True, clock: Callable[[], float] = time.time,
                 export_dir: Path | None = None) -> None:
        super().__init__()
        self.config = config
        self.db_path = db_path
        self.polling = poll
        self.clock = clock
        self.export_dir = export_dir or Path.cwd()
        self.store = Store(db_path)
        self.store.sync_feeds(config.feeds)
        self.stories: tuple[StorySummary, ...] = ()
        self.discrepant: frozenset[int] = frozenset()
        self.health: tuple[FeedHealth, ...] = ()
        self._read_at = 0.0  # when the stories and health shown were read (see StoriesLoaded.read_at)
        self._late_flags: list[tuple[float, frozenset[int]]] = []  # discrepancy counts, when they were stored
        self._init_detail_flow()
        self.sort = SORTS[0]
        self.unread_only = False
        self.filter_text = ""
        self.search_stories: set[int] | None = None
        self._search_query: str | None = None  # the latest search asked for (None: cleared)
        self.status_line = "starting…" if poll else "not polling (read-only)"
        self.next_poll = 0.0
        self._poll_now = threading.Event()
        self.poll_failed = False
        self._collector = IdleCollector()
        self._stopping = threading.Event()
        if config.keys:
            self.set_keymap(dict(config.keys))

    # -- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield StoryList(id="stories")
            yield StoryDetailView(id="detail")
        yield Static(id="status")
        yield StableFooter()

    def on_mount(self) -> None:
        self.query_one(StoryList).focus()
        self.load_stories()
        if self.polling:
            self.poll_loop()
        self._on_terminal = not self.is_headless and stdin_is_terminal()
        self._collector.start()
        self.set_interval(1.0, self._tick)

    # -- workers: they read and compute; handlers change state ---------------------------------------

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_stories(self) -> None:
        """Read the stored stories (and which ones disagree) off the event loop."""
        with Store(self.db_path) as store:
            read_at = time.monotonic()
            stories = tuple(story_summaries(store, self.clock()))
            self.post_message(StoriesLoaded(stories, flagged(stories), tuple(store.health()), read_at=read_at))
            # Stories clustered before discrepancies were counted (or by `wirewatch poll`): count the
            # most recent ones now, once; the counts are stored. (Only the flags are posted: by now a
            # poll round or a triage key may have shown newer stories.)
            unknown = [s.id for s in stories[:DISCREPANCY_SCAN] if s.discrepancies is None]
            if unknown:
                counts = flag_discrepancies(store, unknown)
                self.post_message(DiscrepanciesCounted(frozenset(k for k, n in counts.items() if n)))

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str) -> None:
        """Find the stories matching a full-text search off the event loop (it ranks every match, and
        indexes articles stored since the last poll first)."""
        with Store(self.db_path) as store:
            self.post_message(SearchDone(query, stories_matching(store, query)))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        if message.query != self._search_query:
            return
        self.search_stories = set(message.stories)
        found = len(message.stories)
        self.notify(f"{found} {'story matches' if found == 1 else 'stories match'} “{message.query}”", timeout=3,
                    markup=False)
        self._refresh_list()

    # -- handlers ----------------------------------------------------------------------------------

    @on(StoriesLoaded)
    def _stories_loaded(self, message: StoriesLoaded) -> None:
        before = {s.id: s for s in self.stories}
        old_discrepant = self.discrepant
        if message.read_at >= self._read_at:  # else a newer snapshot is shown already (a poll round's report stays)
            self._read_at = message.read_at
            # counts stored after this snapshot was read are not in it
            self._late_flags = [(at, ids) for at, ids in self._late_flags if at > message.read_at]
            late = frozenset().union(*(ids for _, ids in self._late_flags))
            self.stories, self.discrepant, self.health = message.stories, message.discrepant | late, message.health
        if message.polled_at:
            new = sum(o.new for o in message.outcomes)
            failed = sum(o.kind == "error" for o in message.outcomes)
            self.status_line = f"last poll {len(message.outcomes)} feeds: {new} new, {failed} failed"
            if message.clustering_error:
                self.notify(f"New articles are stored but could not be clustered: {message.clustering_error}",
                            title="Clustering failed", severity="error", markup=False)
            self.next_poll = message.next_poll
            self._notify_changes(before, old_discrepant)
        current = set(self.stories)
        self._forget_details(sid for sid, old in before.items() if old not in current)
        shown = self.detail.id if self.detail is not None else None
        after = next((s for s in self.stories if s.id == shown), None)
        self._refresh_list(reload_detail=shown is not None and before.get(shown) != after)

    @on(DiscrepanciesCounted)
    def _discrepancies_counted(self, message: DiscrepanciesCounted) -> None:
        self._late_flags.append((message.counted_at, message.flagged))
        if not message.flagged <= self.discrepant:
            self.discrepant = self.discrepant | message.flagged
            self._refresh_list()

    def _notify_changes(self, before: dict[int, StorySummary], old_discrepant: frozenset[int]) -> None:
        for notice in story_notices(before, self.stories, old_discrepant, self.discrepant, self.config.watch_outlets,
                                    self.config.watchlist):
            self.notify(notice.message, title=notice.title, severity=notice.severity, markup=False)

    def visible_stories(self) -> list[StorySummary]:
        """Stories after mute/dismiss, unread-only, filter and search, in the chosen order."""
        out = [s for s in self.stories if not s.muted and not s.dismissed]
        if self.unread_only:
            out = [s for s in out if s.unread]
        if self.filter_text:
            needle = self.filter_text.lower()
            out = [s for s in out if any(needle in x.lower() for x in (*s.feeds, *s.tags))]
        if self.search_stories is not None:
            out = [s for s in out if s.id in self.search_stories]
        if self.sort == "outlets":
            out.sort(key=lambda s: (s.outlets, s.last), reverse=True)
        elif self.sort == "velocity":
            out.sort(key=lambda s: (s.velocity, s.last), reverse=True)
        return out

    def _refresh_list(self, reload_detail: bool = False) -> None:
        table = self.query_one(StoryList)
        visible = self.visible_stories()
        table.show(visible, self.discrepant, self.clock())
        selected = table.selected_story
        if selected is not None and (self.detail is None or self.detail.id != selected):
            self.load_detail(selected)
        elif selected is None:
            self.detail = None
            view = self.query_one(StoryDetailView)
            empty = nothing_to_show(sum(f.enabled for f in self.config.feeds), len(self.stories), str(self.config.path))
            view.show_lines(render_lines([empty], view.line_width), None)
        elif reload_detail:
            self.load_detail(selected)  # the open story received reports
        self._render_status()

    def _tick(self) -> None:
        if self._on_terminal and terminal_gone():
            self._abandon()
        self._render_status()
        self._collector.tick()

    def _abandon(self) -> None:
        """The terminal is gone: nothing can be drawn or restored, and Textual's shutdown would block
        writing to it. Leave at once. Stored data is safe (a poll commits per feed, clustering per batch,
        as a killed process shows in tests) and the clustering process stops when its parent is gone."""
        self._stopping.set()
        self.store.close()
        os._exit(1)

    async def on_event(self, event: events.Event) -> None:
        """Note input (full garbage collections wait until it rests), then handle the event as usual."""
        if isinstance(event, events.Key | events.MouseDown):
            self._collector.input_seen()
        await super().on_event(event)

    def _render_status(self) -> None:
        polled = [h for h in self.health if h.last_attempt is not None]  # a new feed is neither ok nor failing
        failing = sum(1 for h in polled if h.error_streak)
        ok, waiting = len(polled) - failing, len(self.health) - len(polled)
        today = sum(s.articles for s in self.stories if self.clock() - s.last < 86400)
        countdown = f"next poll in {max(0, int(self.next_poll - time.time()))}s" if self.next_poll else ""
        view = f"sort: {self.sort}" + (" · unread" if self.unread_only else "") + \
            (f" · filter: {self.filter_text}" if self.filter_text else "") + \
            (" · search" if self.search_stories is not None else "")
        line = Text.assemble(Text(f"feeds {ok} ok", style="green"), " / ",
                             Text(f"{failing} failing", style="bold red" if failing else "dim"),
                             Text(f" / {waiting} not polled yet" if waiting else "", style="dim"), " · ",
                             f"{len(self.stories)} stories · {today} reports today · ", countdown, " · ",
                             Text(self.status_line, style="dim"), " · ", Text(view, style="dim"))
        self.query_one("#status", Static).update(line)

    # -- actions -----------------------------------------------------------------------------------

    def _selected(self) -> int | None:
        return self.query_one(StoryList).selected_story

    def action_cursor(self, step: int) -> None:
        """Down/up in the focused pane (stories, or the articles of the open story)."""
        if self.query_one(StoryDetailView).has_focus and self.detail is not None:
            count = len(self.detail.timeline.entries)
            self.article_index = max(0, min(count - 1, self.article_index + step))
            self._layout_detail(self.detail, self.article_index, self.query_one(StoryDetailView).line_width)
            return
        table = self.query_one(StoryList)
        self.cursor_on(table.move_cursor(row=max(0, table.cursor_row + step), announce=False))

    def action_jump(self, row: int) -> None:
        table = self.query_one(StoryList)
        self.cursor_on(table.move_cursor(row=row if row >= 0 else max(0, table.row_count - 1), announce=False))

    def action_open(self) -> None:
        """Open the story (focus its detail), or in the detail, mark the selected article read."""
        view = self.query_one(StoryDetailView)
        if not view.has_focus:
            self.open_detail()
        elif self.detail is not None and self.detail.timeline.entries:
            set_read(self.store, self.detail.id, True, self.detail.timeline.entries[self.article_index].article_id)
            self.load_stories()

    def _triage(self, flag: str, value: Callable[[StorySummary], bool], note: str) -> None:
        story = self._selected()
        summary = next((s for s in self.stories if s.id == story), None)
        if story is None or summary is None:
            return
        set_flag(self.store, story, flag, value(summary))
        self.notify(note.format(title=one_line(summary.title)[:60]), timeout=2, markup=False)
        self.load_stories()

    def action_star(self) -> None:
        self._triage("starred", lambda s: not s.starred, "Star toggled: {title}")

    def action_mute(self) -> None:
        self._triage("muted", lambda s: True, "Muted: {title}")

    def action_dismiss_story(self) -> None:
        self._triage("dismissed", lambda s: True, "Dismissed: {title}")

    def action_toggle_read(self) -> None:
        story = self._selected()
        summary = next((s for s in self.stories if s.id == story), None)
        if story is not None and summary is not None:
            set_read(self.store, story, bool(summary.unread))
            self.load_stories()

    def action_all_read(self) -> None:
        story = self._selected()
        if story is not None:
            set_read(self.store, story, True)
            self.load_stories()

    def action_search(self) -> None:
        def done(query: str | None) -> None:
            if query is None:
                return
            self._search_query = query or None  # a result for another query arrives too late to count
            if not query:
                self.search_stories = None
                self._refresh_list()
            else:
                self._search(query)

        self.push_screen(PromptScreen("Full-text search (empty clears)", placeholder="words…"), done)

    def action_filter(self) -> None:
        def done(text: str | None) -> None:
            if text is not None:
                self.filter_text = text
                self._refresh_list()

        self.push_screen(PromptScreen("Filter by tag, region or outlet (empty clears)", self.filter_text), done)

    def action_unread_only(self) -> None:
        self.unread_only = not self.unread_only
        self._refresh_list()

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._refresh_list()

    def action_feed_health(self) -> None:
        self.push_screen(FeedHealthScreen(self.health, self.clock()))

    def action_help(self) -> None:
        rows = [(self.get_key_display(b), b.description or b.action, b.id or "")
                for b in self.BINDINGS if isinstance(b, Binding)]
        keymap = dict(self.config.keys)
        rows = [(keymap.get(bid, key), desc, bid) for key, desc, bid in rows]
        self.push_screen(HelpScreen(rows))

    def on_unmount(self) -> None:
        self._collector.stop()
        self._stopping.set()
        self._poll_now.set()
