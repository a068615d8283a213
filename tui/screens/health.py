"""The feed-health screen: per feed status, error streak, last error, last success, next due and articles."""

from __future__ import annotations

import time

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.core.models import FeedHealth
from tui.core.urls import without_password
from tui.widgets.safe import ago, plain


def failing_first(health: tuple[FeedHealth, ...]) -> list[FeedHealth]:
    """Feeds that fail first (the longest error streak first), then the rest, each by name."""
    return sorted(health, key=lambda h: (-h.error_streak, h.name.casefold()))


def describe(h: FeedHealth, now: float) -> Text:
    """One feed in full: its URL (and where it moved), then its last error and how long it has failed."""
    line = Text.assemble(plain(h.name, "bold"), "  ", plain(without_password(h.url), "dim"))
    if h.redirected_to:
        line.append_text(Text.assemble(" → ", plain(without_password(h.redirected_to), "dim")))
    if h.last_error:
        since = f"{h.error_streak} failed attempt{'s' if h.error_streak != 1 else ''}" if h.error_streak else "earlier"
        ok = f"; last success {ago(h.last_success, now)} ago" if h.last_success else "; never fetched"
        line.append_text(Text.assemble("\n", plain(h.last_error, "red"), Text(f" ({since}{ok})", style="dim")))
    return line


class FeedHealthScreen(ModalScreen[None]):
    """A table of feed health, failing feeds first, and the highlighted feed's URL and error in full;
    Escape closes it."""

    BINDINGS = [Binding("escape,q,H", "dismiss", "Close", id="health.close"),
                Binding("j", "move(1)", "Down", show=False, id="health.down"),
                Binding("k", "move(-1)", "Up", show=False, id="health.up")]
    DEFAULT_CSS = "FeedHealthScreen { align: center middle; } FeedHealthScreen > Vertical { width: 95%; " \
                  "height: 90%; border: round $accent; } FeedHealthScreen DataTable { height: 1fr; } " \
                  "FeedHealthScreen #feed-detail { height: auto; max-height: 5; padding: 0 1; }"

    def __init__(self, health: tuple[FeedHealth, ...], now: float | None = None) -> None:
        super().__init__()
        self.health = failing_first(health)
        self.now = now or time.time()

    def compose(self) -> ComposeResult:
        table: DataTable[Text] = DataTable(cursor_type="row")
        # what is wrong comes before the rest: on a narrow terminal the last columns are off screen
        for column in ("Feed", "Status", "Errors", "Last error", "Last OK", "Next due", "Articles"):
            table.add_column(Text(column))
        for h in self.health:
            status = Text(str(h.status or "-"), style="red" if h.error_streak else "green")
            due = "now" if h.next_due <= self.now else "in " + ago(self.now, h.next_due)
            table.add_row(plain(h.name), status, Text(str(h.error_streak), style="bold red" if h.error_streak else ""),
                          plain(h.last_error or "", "red"),
                          Text(ago(h.last_success, self.now) if h.last_success else "never"), Text(due),
                          Text(str(h.article_count)))
        with Vertical():
            yield table
            yield Static(describe(self.health[0], self.now) if self.health else "", id="feed-detail")

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.health):
            self.query_one("#feed-detail", Static).update(describe(self.health[event.cursor_row], self.now))

    def action_move(self, step: int) -> None:
        """j/k move through the feeds, as through the stories."""
        table = self.query_one(DataTable)
        table.move_cursor(row=max(0, table.cursor_row + step))
