"""Feed text is data: every string shown goes through here, never through markup."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from tui.core.textclean import one_line


def plain(text: str | None, style: str = "") -> Text:
    """Untrusted text as a rich Text: control characters and escapes stripped, markup not interpreted."""
    return Text(one_line(text or ""), style=style, no_wrap=True, overflow="ellipsis")


def wrapping(text: str | None, style: str = "") -> Text:
    """As `plain`, but wrapped over as many lines as it needs (a table cell whose whole text matters)."""
    return Text(one_line(text or ""), style=style, overflow="fold")


class Breaking:
    """Untrusted text (cleaned as `plain` does) for a table cell, wrapped at spaces and, in a word wider
    than the cell, after its hyphens. Rich folds such a word at the cell's edge, so a feed named
    "stuff-nz-top-stories" read "stuff-nz-|top-stori|es" in a 9-column cell; here it reads
    "stuff-nz-|top-|stories". A word that fits ("cut-off") is kept whole, as rich keeps it."""

    def __init__(self, text: str | None, style: str = "") -> None:
        self.text = one_line(text or "")
        self.style = style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As the text itself measures (its longest word, its whole length)."""
        return Measurement.get(console, options, Text(self.text))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The text in lines of at most the cell's width (a part still wider is folded by rich)."""
        yield Text("\n".join(break_lines(self.text, max(1, options.max_width))), style=self.style,
                   overflow="fold")


def break_lines(text: str, width: int) -> list[str]:
    """`text` (one line) filled greedily into lines of `width` cells, breaking at spaces, and after the
    hyphens of a word wider than `width`."""
    if cell_len(text) <= width:
        return [text]
    pieces: list[tuple[str, bool]] = []  # (piece, a space before it)
    for n, word in enumerate(text.split(" ")):
        parts = _HYPHENATED.findall(word) if cell_len(word) > width and "-" in word else [word]
        pieces.extend((part, n > 0 and i == 0) for i, part in enumerate(parts))
    lines: list[str] = []
    line = ""
    for piece, spaced in pieces:
        joined = f"{line} {piece}" if spaced and line else line + piece
        if line and cell_len(joined) > width:
            lines.append(line)
            line = piece
        else:
            line = joined
    return [*lines, line]


_HYPHENATED = re.compile(r"[^-]*-|[^-]+")  # a word's parts, each with the hyphen that ends it


SPARKS = " ▁▂▃▄▅▆▇█"


def sparkline(values: tuple[int, ...]) -> str:
    """A tiny bar chart of counts."""
    top = max(values) or 1
    return "".join(SPARKS[min(8, round(v / top * 8))] if v else SPARKS[0] for v in values)


def ago(epoch: float, now: float) -> str:
    """'5m', '3h', '2d' before now."""
    delta = max(0.0, now - epoch)
    if delta < 3600:
        return f"{int(delta // 60)}m"
    if delta < 86400:
        return f"{int(delta // 3600)}h"
    if delta < 365 * 86400:
        return f"{int(delta // 86400)}d"
    return f"{int(delta // (365 * 86400))}y"
