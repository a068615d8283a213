"""Table cells break a long hyphenated name after its hyphens, not at the cell's edge."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.table import Table

from tui.widgets.safe import Breaking, break_lines


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("stuff-nz-top-stories", 9, ["stuff-nz-", "top-", "stories"]),
    ("sydney-morning-herald-latest", 15, ["sydney-morning-", "herald-latest"]),
    ("daily-telegraph-au-breaking 19 Sep 20:49", 12, ["daily-", "telegraph-", "au-breaking", "19 Sep 20:49"]),
    ("toll revised after a cut-off village", 9, ["toll", "revised", "after a", "cut-off", "village"]),  # fits: whole
    ("Pamir Herald", 40, ["Pamir Herald"]),
    ("", 5, [""]),
])
def test_break_lines(text: str, width: int, lines: list[str]) -> None:
    assert break_lines(text, width) == lines


def test_a_hyphenated_feed_name_in_a_narrow_column_breaks_after_its_hyphens() -> None:
    table = Table(show_edge=False, show_header=False, box=None, padding=0)
    table.add_column(width=9)
    table.add_column(width=9)
    table.add_row(Breaking("stuff-nz-top-stories\x1b[31m"), Breaking("Ferghana Wire"))
    console = Console(file=io.StringIO(), width=18, color_system=None, force_terminal=False)
    console.print(table)
    column = [line[:9].rstrip() for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]
    assert column == ["stuff-nz-", "top-", "stories"]  # folded at the edge it read "stuff-nz-|top-stori|es"
    assert "\x1b" not in console.file.getvalue()  # type: ignore[attr-defined]
