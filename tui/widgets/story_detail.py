"""The detail pane of the selected story: explanation, discrepancies, key figures, timeline, article."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.core.storyview import StoryDetail
from tui.widgets.safe import plain


def _clock(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%H:%M")


class StoryDetailView(VerticalScroll):
    """Shows one StoryDetail; which article is selected is kept here (a row in the timeline)."""

    DEFAULT_CSS = "StoryDetailView { height: 1fr; }  StoryDetailView > Static { margin-bottom: 1; }"

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="heading")
        yield Static(id="figures")
        yield Static(id="timeline")
        yield Static(id="article")

    def show(self, detail: StoryDetail | None, article_index: int = 0) -> None:
        """Render a story (or an empty state)."""
        if detail is None:
            self.query_one("#heading", Static).update(Text("No story selected. Stories appear as feeds are polled.",
                                                           style="dim"))
            for part in ("#figures", "#timeline", "#article"):
                self.query_one(part, Static).update("")
            return
        outlets = sorted({a.feed for a in detail.articles})
        heading = Text.assemble(plain(detail.title, "bold"), "\n",
                                Text(f"{len(detail.articles)} reports · {len(outlets)} outlets · "
                                     f"{detail.timeline.independent} independent · {detail.timeline.copies} copies",
                                     style="dim"))
        if detail.terms:
            heading.append_text(Text.assemble("\n", Text("Tied by: ", style="dim"), plain(", ".join(detail.terms))))
        for d in detail.discrepancies:
            heading.append_text(Text.assemble("\n", Text(f"⚠ {d.kind}: ", style="bold red"), plain(d.detail)))
        self.query_one("#heading", Static).update(heading)
        figures = Table(title="Key figures", title_justify="left", expand=True, show_edge=False)
        for column in ("Figure", "Counts", "Stated by", "Flag"):
            figures.add_column(column, overflow="fold")
        for f in detail.figures[:14]:
            figures.add_row(plain(f.text), plain(f.counts), plain(", ".join(f.feeds)),
                            plain("; ".join(f.flags), "bold red"))
        self.query_one("#figures", Static).update(figures if detail.figures else Text("No key figures.", "dim"))
        timeline = Table(title="Timeline", title_justify="left", expand=True, show_edge=False)
        for column in ("When", "Outlet", "Headline", "Added", "Lag"):
            timeline.add_column(column, overflow="fold")
        for i, e in enumerate(detail.timeline.entries):
            style = "reverse" if i == article_index else ""
            timeline.add_row(Text(_clock(e.published)), plain(e.feed), plain(e.title), plain(e.added),
                             Text(f"+{round(e.lag / 60)}m" if e.lag else "first"), style=style)
        self.query_one("#timeline", Static).update(timeline)
        entries = detail.timeline.entries
        if entries:
            chosen = entries[min(article_index, len(entries) - 1)]
            article = next(a for a in detail.articles if a.id == chosen.article_id)
            body = Text.assemble(plain(article.title, "bold"), "\n", plain(article.feed, "dim"), "  ",
                                 plain(article.link, "dim underline"), "\n\n",
                                 Text("\n".join(plain(p).plain
                                                for p in (article.content or article.summary).split("\n"))))
            self.query_one("#article", Static).update(Group(body))
