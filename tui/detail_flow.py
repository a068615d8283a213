"""How the selected story's detail reaches the screen without holding up the keyboard.

Details are built and laid out by workers; the neighbours of the shown story are built ahead, so
stepping to the next story shows its detail in the same frame as the cursor move. Mixed into the app.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

from tui.core.store import Store
from tui.core.storyview import StoryDetail, story_detail
from tui.core.triage import mark_seen
from tui.messages import DetailLoaded, DetailPrefetched
from tui.widgets.detail_lines import detail_parts, render_lines
from tui.widgets.story_detail import StoryDetailView
from tui.widgets.story_list import StoryList

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.timer import Timer

    Base = App[None]
else:
    Base = object

DETAIL_DELAY = 0.08  # at most one story detail is built per this many seconds while the cursor moves
AHEAD = 1  # stories built ahead on each side of the shown one
CACHED = 32  # laid-out details kept


class DetailCache:
    """Laid-out details (first article selected) by story, least recently used dropped first."""

    def __init__(self, size: int = CACHED) -> None:
        self.size = size
        self._items: OrderedDict[int, DetailLoaded] = OrderedDict()

    def get(self, story: int, width: int) -> DetailLoaded | None:
        """The story's detail if it is laid out at `width`."""
        item = self._items.get(story)
        if item is None or item.lines[0].cell_length != width:
            return None
        self._items.move_to_end(story)
        return item

    def put(self, item: DetailLoaded) -> None:
        """Keep a detail laid out with its first article selected."""
        if item.article_index == 0:
            self._items[item.detail.id] = item
            self._items.move_to_end(item.detail.id)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __contains__(self, story: object) -> bool:
        return story in self._items

    def drop(self, stories: Iterable[int]) -> None:
        """Forget these stories (they changed)."""
        for story in stories:
            self._items.pop(story, None)


def build(db_path: Path, story: int, article_index: int, width: int,
          seen_at: float | None) -> DetailLoaded | None:
    """Read and lay out one story; with `seen_at`, record that the user looked at it."""
    with Store(db_path) as store:
        detail = story_detail(store, story)
        if detail is not None and seen_at is not None:
            mark_seen(store, story, seen_at)
    if detail is None:
        return None
    return DetailLoaded(detail, tuple(render_lines(detail_parts(detail, article_index, width), width)), article_index)


class DetailFlow(Base):
    """The app's detail-pane behaviour (state: detail, article_index; the app provides db_path, clock)."""

    db_path: Path
    clock: Callable[[], float]
    detail: StoryDetail | None
    article_index: int

    def _init_detail_flow(self) -> None:
        self.detail = None
        self.article_index = 0
        self._detail_timer: Timer | None = None
        self._detail_started = 0.0
        self._details = DetailCache()

    def _width(self) -> int:
        return self.query_one(StoryDetailView).line_width

    def load_detail(self, story: int) -> None:
        """Build a story's detail (figures, discrepancies, timeline) and lay it out, off the event loop."""
        index = self.article_index if self.detail is not None and self.detail.id == story else 0
        self._build_detail(story, index, self._width())

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def _build_detail(self, story: int, article_index: int, width: int) -> None:
        loaded = build(self.db_path, story, article_index, width, self.clock())
        if loaded is not None:
            self.post_message(loaded)

    @work(thread=True, exclusive=True, group="detail-layout", exit_on_error=False)
    def _layout_detail(self, detail: StoryDetail, article_index: int, width: int) -> None:
        """Lay out the shown story again (another article selected, or the pane resized)."""
        self.post_message(DetailLoaded(detail, tuple(render_lines(detail_parts(detail, article_index, width), width)),
                                       article_index))

    @work(thread=True, exclusive=True, group="detail-ahead", exit_on_error=False)
    def _build_ahead(self, stories: tuple[int, ...], width: int) -> None:
        for story in stories:
            loaded = build(self.db_path, story, 0, width, None)
            if loaded is not None:
                self.post_message(DetailPrefetched(loaded))

    @work(thread=True, group="seen", exit_on_error=False)
    def _note_seen(self, story: int, when: float) -> None:
        with Store(self.db_path) as store:
            mark_seen(store, story, when)

    def _load_detail_soon(self, story: int) -> None:
        """Show the story's detail at once (from what was built ahead, else build it), unless a detail was
        shown less than DETAIL_DELAY ago (the user holds j): then when that much time has passed, for
        whichever story the cursor is on by then. Holding j thus moves a light cursor, not a whole pane."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        wait = self._detail_started + DETAIL_DELAY - time.monotonic()
        if wait > 0:
            self._detail_timer = self.set_timer(wait, lambda: self._load_detail_soon(story))
            return
        self._detail_started = time.monotonic()
        ready = self._details.get(story, self._width())
        if ready is not None:
            self._show_detail(ready)
            self._note_seen(story, self.clock())
        else:
            self.load_detail(story)

    def _look_ahead(self) -> None:
        """Build the stories next to the cursor that are not laid out yet."""
        table = self.query_one(StoryList)
        row = table.cursor_row
        near = [table.story_at(r) for r in range(row - AHEAD, row + AHEAD + 1) if r != row]
        width = self._width()
        wanted = tuple(s for s in near if s is not None and self._details.get(s, width) is None)
        if wanted:
            self._build_ahead(wanted, width)

    def _show_detail(self, message: DetailLoaded) -> None:
        same = self.detail is not None and self.detail.id == message.detail.id
        if not same:
            self.article_index = 0
        self.detail = message.detail
        self.article_index = min(self.article_index, max(0, len(message.detail.timeline.entries) - 1))
        self._details.put(message)
        view = self.query_one(StoryDetailView)
        view.show_lines(message.lines, message.detail.id, keep_scroll=same)
        if message.article_index != self.article_index or view.line_width != message.lines[0].cell_length:
            self._layout_detail(self.detail, self.article_index, view.line_width)  # the user moved on meanwhile
        self._look_ahead()

    # -- handlers ------------------------------------------------------------------------------------

    def on_story_list_highlighted(self, event: StoryList.Highlighted) -> None:
        """The cursor moved (by a click): follow it."""
        self.cursor_on(event.story)

    def cursor_on(self, story: int | None) -> None:
        """The cursor is on this story: show its detail now if it was built ahead, else build it."""
        if self._detail_timer is not None:
            self._detail_timer.stop()  # the cursor moved on: a pending build is for another story
            self._detail_timer = None
        if story is None or (self.detail is not None and self.detail.id == story):
            return
        self.article_index = 0
        self._load_detail_soon(story)

    def on_story_list_selected(self) -> None:
        """Enter or a second click on a story: focus its detail."""
        self.query_one(StoryDetailView).focus()

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        """A detail built or laid out by a worker; one for a story the cursor has already left (a
        superseded thread worker still finishes) is kept for later, not shown."""
        selected = self.query_one(StoryList).selected_story
        if selected is not None and message.detail.id != selected:
            self._details.put(message)
            return
        self._show_detail(message)

    def on_detail_prefetched(self, message: DetailPrefetched) -> None:
        """A neighbour built ahead."""
        self._details.put(message.loaded)

    def on_story_detail_view_width_changed(self) -> None:
        """The pane was resized: lay the shown story out again."""
        if self.detail is not None:
            self._layout_detail(self.detail, self.article_index, self._width())

    def _forget_details(self, stories: Iterable[int]) -> None:
        self._details.drop(stories)

