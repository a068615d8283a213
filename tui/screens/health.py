"""The feed-health screen: per feed last success, status, error streak, next due and last error."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import DataTable

from tui.core.models import FeedHealth
from tui.widgets.safe import ago, plain


class FeedHealthScreen(ModalScreen[None]):
    """A table of feed health; Escape closes it."""

    BINDINGS = [Binding("escape,q,H", "dismiss", "Close", id="health.close")]
    DEFAULT_CSS = "FeedHealthScreen { align: center middle; } FeedHealthScreen > DataTable { width: 95%; " \
                  "height: 90%; border: round $accent; }"

    def __init__(self, health: tuple[FeedHealth, ...], now: float | None = None) -> None:
        super().__init__()
        self.health = health
        self.now = now or time.time()

    def compose(self) -> ComposeResult:
        table: DataTable[Text] = DataTable(cursor_type="row")
        for column in ("Feed", "Status", "Last OK", "Errors", "Next due", "Articles", "Last error"):
            table.add_column(Text(column))
        for h in self.health:
            status = Text(str(h.status or "-"), style="red" if h.error_streak else "green")
            due = "now" if h.next_due <= self.now else "in " + ago(self.now, h.next_due)
            table.add_row(plain(h.name), status, Text(ago(h.last_success, self.now) if h.last_success else "never"),
                          Text(str(h.error_streak), style="bold red" if h.error_streak else ""), Text(due),
                          Text(str(h.article_count)), plain(h.last_error or "", "red"))
        yield table
