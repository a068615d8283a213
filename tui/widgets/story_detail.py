"""The detail pane of the selected story: explanation, discrepancies, key figures, timeline, article.

The lines arrive ready-made (laid out by a worker, see detail_lines.py); drawing a frame only copies
the visible ones, so a big story never holds up the keyboard."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


class StoryDetailView(ScrollView, can_focus=True):
    """Shows the lines of one story's detail; scrolls when they do not fit."""

    DEFAULT_CSS = """
    StoryDetailView { height: 1fr; scrollbar-gutter: stable; scrollbar-size-vertical: 1; overflow-x: hidden; }
    """

    class WidthChanged(Message):
        """The pane's width changed: the lines need laying out again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: Sequence[Strip] = ()
        self.story: int | None = None  # whose lines are shown
        self._style: Style | None = None
        self._styled: dict[int, Strip] = {}  # visible lines cropped and on the pane's background

    @property
    def line_width(self) -> int:
        """The width the lines should be laid out at."""
        return max(20, self.scrollable_content_region.width)

    def show_lines(self, lines: Sequence[Strip], story: int | None, keep_scroll: bool = False) -> None:
        """Show these lines; a different story starts at the top, the same one keeps its scroll position
        when `keep_scroll`."""
        if story != self.story or not keep_scroll:
            self.scroll_to(0, 0, animate=False, immediate=True)
        self._lines, self.story = lines, story
        self._styled.clear()
        size = Size(max((line.cell_length for line in lines), default=0), len(lines))
        if size.width == self.virtual_size.width and self.styles.scrollbar_gutter == "stable":
            # Same width, and the scrollbar's column is reserved: nothing around the pane moves, so skip
            # the screen-wide layout pass a new virtual size would cost (~10 ms a story here). Uses
            # Widget._scroll_update, a Textual 8 internal (textual is pinned <9; the snapshot tests
            # would show a stale scrollbar).
            self.set_reactive(StoryDetailView.virtual_size, size)
            self._scroll_update(size)
        else:
            self.virtual_size = size
        self.refresh()

    def on_resize(self) -> None:
        """Ask for new lines when the width they were laid out at no longer fits."""
        self._styled.clear()
        if self._lines and self._lines[0].cell_length != self.line_width:
            self.post_message(self.WidthChanged())

    def notify_style_update(self) -> None:
        """Styles changed (CSS, theme): drop lines drawn with the old background."""
        super().notify_style_update()
        self._style = None
        self._styled.clear()

    def render_line(self, y: int) -> Strip:
        """One visible line (scrolled), on the pane's own background."""
        row = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if self._style is None:
            self._style = self.rich_style  # slow to compute (walks the ancestors): once per style change
        style = self._style
        if row >= len(self._lines):
            return Strip.blank(width, style)
        line = self._styled.get(row)
        if line is None or line.cell_length != width:
            line = self._lines[row].crop_extend(0, width, style).apply_style(style)
            self._styled[row] = line
        return line
