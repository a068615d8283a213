"""What the keyboard does with the shown article and story: open or copy its link, write a brief.

Mixed into the app, which provides the shown `detail`, the selected `article_index` and `export_dir`.
"""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.brief import brief_markdown
from tui.core.storyview import StoryDetail
from tui.core.urls import is_web_url

if TYPE_CHECKING:
    from textual.app import App

    Base = App[None]
else:
    Base = object


class ArticleActions(Base):
    """Open link, copy link and export, on the story detail the app shows."""

    detail: StoryDetail | None
    article_index: int
    export_dir: Path

    def _selected_link(self) -> str | None:
        if self.detail is None or not self.detail.timeline.entries:
            return None
        entry = self.detail.timeline.entries[self.article_index]
        return next((a.link for a in self.detail.articles if a.id == entry.article_id), None)

    def action_open_link(self) -> None:
        """Open the selected article in the browser (http and https links only)."""
        link = self._selected_link()
        if link and is_web_url(link):
            webbrowser.open(link)
        else:
            self.notify("This article has no http(s) link", severity="warning")

    def action_copy_link(self) -> None:
        """Copy the selected article's link to the clipboard."""
        link = self._selected_link()
        if link:
            self.copy_to_clipboard(link)
            self.notify("Link copied", timeout=2)

    def action_export(self) -> None:
        """Write the shown story as a Markdown brief into the export directory."""
        if self.detail is None:
            return
        path = self.export_dir / f"wirewatch-story-{self.detail.id}.md"
        try:
            path.write_text(brief_markdown(self.detail), encoding="utf-8")
        except OSError as exc:
            self.notify(f"Cannot write {path}: {exc.strerror}", severity="error", markup=False)
            return
        self.notify(f"Brief written to {path}", timeout=4, markup=False)
