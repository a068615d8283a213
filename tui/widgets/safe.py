"""Feed text is data: every string shown goes through here, never through markup."""

from __future__ import annotations

from rich.text import Text

from tui.core.textclean import one_line


def plain(text: str | None, style: str = "") -> Text:
    """Untrusted text as a rich Text: control characters and escapes stripped, markup not interpreted."""
    return Text(one_line(text or ""), style=style, no_wrap=True, overflow="ellipsis")


def wrapping(text: str | None, style: str = "") -> Text:
    """As `plain`, but wrapped over as many lines as it needs (a table cell whose whole text matters)."""
    return Text(one_line(text or ""), style=style, overflow="fold")


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
