"""The story list: one row per story; rows update in place and the cursor stays on its story."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from tui.core.summaries import StorySummary
from tui.widgets.safe import ago, plain, sparkline


class StoryList(DataTable[Text]):
    """Stories, most recently active first (or sorted by outlets / velocity)."""

    DEFAULT_CSS = "StoryList { height: 1fr; }"

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = False
        self.add_column(Text(" "), key="mark", width=1)
        self.add_column(Text("Story"), key="title", width=max(16, self.size.width - self.FIXED))
        self.add_column(Text("Out"), key="outlets", width=3)
        self.add_column(Text("New/Rep"), key="articles", width=7)
        self.add_column(Text("Ind"), key="independent", width=3)
        self.add_column(Text("Last"), key="last", width=4)
        self.add_column(Text("8h act."), key="spark", width=8)

    FIXED = 1 + 3 + 7 + 3 + 4 + 8 + 7 * 2 + 3  # the other columns, cell padding, border and scrollbar

    def on_resize(self) -> None:
        """Give the headline whatever width the other columns leave."""
        column = self.columns.get(ColumnKey("title"))
        if column is not None:
            column.width = max(16, self.size.width - self.FIXED)
            column.auto_width = False
            self.refresh()

    @property
    def selected_story(self) -> int | None:
        """The story under the cursor."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def show(self, stories: Sequence[StorySummary], discrepant: frozenset[int], now: float) -> None:
        """Replace the rows, keeping the cursor on the same story and the scroll position unchanged."""
        selected = self.selected_story
        scroll = self.scroll_offset
        self.clear()
        for s in stories:
            mark = Text("●" if s.fresh else " ", style="bold green") if not s.starred else Text("★", "bold yellow")
            title = plain(s.title, "bold" if s.unread else "dim")
            if s.id in discrepant:
                title = Text.assemble(Text("⚠ ", style="bold red"), title)
            counts = Text.assemble(Text(str(s.unread), style="bold") if s.unread else Text("·", style="dim"),
                                   f"/{s.articles}")
            self.add_row(mark, title, Text(str(s.outlets)), counts, Text(str(s.independent)),
                         Text(ago(s.last, now)), Text(sparkline(s.spark), style="cyan"), key=str(s.id))
        if selected is not None and str(selected) in self.rows:
            self.move_cursor(row=self.get_row_index(str(selected)), scroll=False)
        self.scroll_to(scroll.x, scroll.y, animate=False, immediate=True)
