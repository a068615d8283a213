"""The help screen: every live binding with its key (after remapping)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """Lists the bindings; any key closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close")]
    DEFAULT_CSS = "HelpScreen { align: center middle; } HelpScreen > Static { width: 70; height: auto; " \
                  "max-height: 90%; border: round $accent; background: $surface; padding: 0 1; }"

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(title="Wirewatch keys", expand=True, show_edge=False)
        table.add_column("Key", style="bold cyan")
        table.add_column("Action")
        table.add_column("Binding id", style="dim")
        for key, description, binding_id in self.rows:
            table.add_row(Text(key), Text(description), Text(binding_id))
        yield Static(table)
