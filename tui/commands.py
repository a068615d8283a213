"""Command-palette provider: context-aware commands for the selected story and the views."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

if TYPE_CHECKING:
    from tui.app import WirewatchApp


def plain_highlight(matcher: Matcher, text: str) -> Content:
    """`text` with the query's matches highlighted, read as plain text: Matcher.highlight reads it as
    markup, and a headline such as "[bold red]x[/]" in a command's name was styled, its tags gone."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class StoryCommands(Provider):
    """Commands about the selected story, plus sort and view toggles."""

    async def search(self, query: str) -> Hits:
        app: WirewatchApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        title = app.detail.title[:50] if app.detail is not None else "story"
        commands: list[tuple[str, Any, str]] = [
            (f"Export brief of “{title}”", app.action_export, "Write the story as Markdown"),
            (f"Star / unstar “{title}”", app.action_star, "Follow this story"),
            (f"Mute “{title}”", app.action_mute, "Hide it and its future reports"),
            (f"Mark “{title}” read", app.action_all_read, "Mark every report read"),
            ("Sort by activity", partial(self._sort, "activity"), "Most recent first"),
            ("Sort by outlets", partial(self._sort, "outlets"), "Most outlets first"),
            ("Sort by velocity", partial(self._sort, "velocity"), "Most reports in the last hour first"),
            ("Toggle unread only", app.action_unread_only, "Show only stories with unread reports"),
            ("Feed health", app.action_feed_health, "Per-feed status and errors"),
            ("Poll now", app.action_poll_now, "Fetch every due feed now"),
        ]
        for text, callback, help_text in commands:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, plain_highlight(matcher, text), callback, help=help_text)

    def _sort(self, order: str) -> None:
        app: WirewatchApp = self.app  # type: ignore[assignment]
        app.sort = order
        app._refresh_list()
