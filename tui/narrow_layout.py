"""One pane at a time on a narrow terminal: the story list, or the open story's detail.

Side by side, a terminal under NARROW columns left the detail a sliver (two columns at 40): Enter
focused a pane that could not be read. There the list takes the whole width, Enter shows the detail
in its place and Escape brings the list back. Escape also leaves the detail for the list on a wide
terminal. Mixed into the app, which provides the two panes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from tui.widgets.story_detail import StoryDetailView
from tui.widgets.story_list import StoryList

if TYPE_CHECKING:
    from textual.app import App

    Base = App[None]
else:
    Base = object

NARROW = 80  # columns below which the panes take turns (the list needs 38, the detail about 40)


class NarrowLayout(Base):
    """The `narrow` and `reading` classes of the screen, and the keys that switch panes."""

    def on_resize(self, event: events.Resize) -> None:
        """Panes side by side from NARROW columns, one at a time below."""
        narrow = event.size.width < NARROW
        self.screen.set_class(narrow, "narrow")
        # narrowed while reading a story: it stays in view (not hidden with the focus in it)
        self.screen.set_class(narrow and self.query_one(StoryDetailView).has_focus, "reading")

    def open_detail(self) -> None:
        """Focus the detail, first showing it in the list's place on a narrow terminal."""
        view = self.query_one(StoryDetailView)
        if self.screen.has_class("narrow") and not self.screen.has_class("reading"):
            self.screen.add_class("reading")
            self.call_after_refresh(view.focus)  # a hidden pane takes no focus: shown first
        else:
            view.focus()

    def action_to_list(self) -> None:
        """From the story's detail back to the list (on a narrow terminal, in its place)."""
        self.screen.remove_class("reading")
        self.query_one(StoryList).focus()
