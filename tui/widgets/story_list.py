"""The story list: one line per story, drawn on demand (only the visible lines are ever rendered), so
replacing ten thousand rows costs the same as replacing ten, and the cursor stays on its story."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.summaries import StorySummary
from tui.widgets.safe import ago, plain, sparkline

# (header, width) of the columns after the marker and the headline, which takes what is left
COLUMNS = (("Out", 3), ("New/Rep", 7), ("Ind", 3), ("Last", 4), ("8h act.", 8))
DROPPED_FIRST = ("8h act.", "Ind")  # on a narrow list these give their room to the headline, in this order
MIN_TITLE = 24


def layout(width: int) -> tuple[int, tuple[int, ...]]:
    """For a list `width` cells wide: the headline's width, and which of COLUMNS are shown (indexes)."""
    shown = list(range(len(COLUMNS)))
    for name in DROPPED_FIRST:
        if width - 2 - sum(COLUMNS[i][1] + 1 for i in shown) >= MIN_TITLE:
            break
        shown.remove(next(i for i in shown if COLUMNS[i][0] == name))
    return max(8, width - 2 - sum(COLUMNS[i][1] + 1 for i in shown)), tuple(shown)


class StoryList(ScrollView, can_focus=True):
    """Stories, most recently active first (or sorted by outlets / velocity); a sticky header line."""

    DEFAULT_CSS = """
    StoryList { height: 1fr; }
    StoryList > .story-list--header { text-style: bold; color: $text-accent; }
    StoryList > .story-list--cursor { background: $block-cursor-blurred-background; }
    StoryList:focus > .story-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground;
                                            text-style: bold; }
    """
    COMPONENT_CLASSES = {"story-list--header", "story-list--cursor"}
    BINDINGS = [
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto a story."""

        story: int

    @dataclass
    class Selected(Message):
        """The user chose the story under the cursor (Enter or a second click)."""

        story: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._stories: Sequence[StorySummary] = ()
        self._rows: dict[int, int] = {}  # story id -> row
        self._discrepant: frozenset[int] = frozenset()
        self._now = 0.0
        self.cursor_row = 0
        self._cache: dict[tuple[int, bool, int], Strip] = {}
        self._styles: tuple[Style, Style, Style] | None = None  # base, header, cursor (computing them is slow)

    # -- state --------------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many stories the list holds."""
        return len(self._stories)

    @property
    def selected_story(self) -> int | None:
        """The story under the cursor."""
        return self._stories[self.cursor_row].id if self._stories else None

    def story_at(self, row: int) -> int | None:
        """The story on a row, or None outside the list."""
        return self._stories[row].id if 0 <= row < len(self._stories) else None

    def row_index(self, story: int) -> int | None:
        """The row of a story, or None when it is not listed."""
        return self._rows.get(story)

    def show(self, stories: Sequence[StorySummary], discrepant: frozenset[int], now: float) -> None:
        """Replace the rows, keeping the cursor on the same story and the scroll position unchanged."""
        selected = self.selected_story
        self._stories, self._discrepant, self._now = stories, discrepant, now
        self._rows = {s.id: i for i, s in enumerate(stories)}
        self._cache.clear()
        if selected is not None and selected in self._rows:
            self.cursor_row = self._rows[selected]
        self.cursor_row = max(0, min(self.cursor_row, len(stories) - 1))
        self.virtual_size = Size(self.size.width, len(stories) + 1)
        self.refresh()

    def move_cursor(self, row: int, scroll: bool = True, announce: bool = True) -> int | None:
        """Put the cursor on `row` (clamped), scroll it into view and (with `announce`) post the story
        under it as Highlighted; returns that story. Callers that act on the new story at once pass
        announce=False, so its detail can be drawn in the same frame as the cursor."""
        if not self._stories:
            return None
        row = max(0, min(row, len(self._stories) - 1))
        if row != self.cursor_row:
            self._cache = {k: v for k, v in self._cache.items() if k[0] not in (row, self.cursor_row)}
            self.refresh_line(self.cursor_row - int(self.scroll_y) + 1)
            self.cursor_row = row
            self.refresh_line(row - int(self.scroll_y) + 1)
        if scroll:
            self._scroll_to_cursor()
        story = self._stories[row].id
        if announce:
            self.post_message(self.Highlighted(story))
        return story

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        """Move the cursor a screenful."""
        self.move_cursor(self.cursor_row + direction * max(1, self.scrollable_content_region.height - 2))

    # -- events -------------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        """Click a story to put the cursor on it; click it again to open it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        row = int(self.scroll_y) + offset.y - 1
        if row < len(self._stories):
            if row == self.cursor_row:
                self.post_message(self.Selected(self._stories[row].id))
            else:
                self.move_cursor(row)

    def on_resize(self) -> None:
        """The headline takes whatever width the other columns leave."""
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self._stories) + 1)

    def on_focus(self) -> None:
        """Redraw the cursor in its focused colours."""
        self.notify_style_update()
        self.refresh()

    on_blur = on_focus

    def notify_style_update(self) -> None:
        """Styles changed (CSS, theme, focus): drop what was drawn with the old ones."""
        super().notify_style_update()
        self._styles = None
        self._cache.clear()

    def _line_styles(self) -> tuple[Style, Style, Style]:
        if self._styles is None:
            base = self.rich_style
            self._styles = (base, base + self.get_component_rich_style("story-list--header"),
                            base + self.get_component_rich_style("story-list--cursor"))
        return self._styles

    # -- drawing ------------------------------------------------------------------------------------

    def row_cells(self, row: int, title_width: int = 60) -> tuple[Text, ...]:
        """The cells of one row, as rich Text built from feed text without interpreting it."""
        s = self._stories[row]
        mark = Text("★", "bold yellow") if s.starred else Text("●" if s.fresh else " ", style="bold green")
        title = plain(s.title, "bold" if s.unread else "dim")
        if s.id in self._discrepant:
            title = Text.assemble(Text("⚠ ", style="bold red"), title)
        title.truncate(title_width, overflow="ellipsis", pad=True)
        counts = Text.assemble(Text(str(s.unread), style="bold") if s.unread else Text("·", style="dim"),
                               f"/{s.articles}")
        return (mark, title, Text(str(s.outlets)), counts, Text(str(s.independent)), Text(ago(s.last, self._now)),
                Text(sparkline(s.spark), style="cyan"))

    def _line(self, cells: Sequence[Text], widths: Sequence[int], style: Style) -> Strip:
        line = Text(no_wrap=True)
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            cell = cell.copy()
            cell.truncate(width, overflow="ellipsis", pad=True)
            line.append_text(cell)
            if i < len(widths) - 1:
                line.append(" ")
        segments = [Segment(t.text, style + t.style if t.style else style) for t in line.render(self.app.console)]
        return Strip(segments).adjust_cell_length(self.scrollable_content_region.width, style)

    def render_line(self, y: int) -> Strip:
        """Line 0 is the header; the others are stories from the scroll position down."""
        width = self.scrollable_content_region.width
        title_width, shown = layout(width)
        widths = (1, title_width, *(COLUMNS[i][1] for i in shown))
        base, header, cursor_style = self._line_styles()
        if y == 0:
            cells = (Text(" "), Text("Story"), *(Text(COLUMNS[i][0]) for i in shown))
            return self._line(cells, widths, header)
        row = int(self.scroll_y) + y - 1
        if row >= len(self._stories):
            return Strip.blank(width, base)
        cursor = row == self.cursor_row
        key = (row, cursor, width)
        if key not in self._cache:
            if len(self._cache) > 8 * max(1, self.size.height):  # scrolled far: keep memory to a few screens
                self._cache.clear()
            cells = self.row_cells(row, title_width)
            self._cache[key] = self._line((*cells[:2], *(cells[2 + i] for i in shown)), widths,
                                          cursor_style if cursor else base)
        return self._cache[key]
