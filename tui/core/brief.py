"""A story as a Markdown brief: timeline, figures with their sources, discrepancies and links."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from tui.core.facts import FigureRow
from tui.core.storyview import StoryDetail
from tui.core.textclean import count_of
from tui.core.timeline import lag_text, outlets_by_lag
from tui.core.urls import is_web_url


def _when(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M UTC")


def _stated(figure: FigureRow) -> str:
    """Each outlet stating a figure, with when it first did."""
    return ", ".join(f"{s.report.feed} ({_when(s.report.published)})" for s in figure.stated)


# what Markdown (and the HTML it lets through) would read as markup in a feed's text: links, images,
# emphasis, code, tags, table cells
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")


def _md(text: str) -> str:
    """Feed text as Markdown that says what the text says: one line, its markup characters escaped."""
    return _MARKUP.sub(r"\\\1", text.replace("\r", " ").replace("\n", " "))


def _link(title: str, url: str, feed: str) -> str:
    """A report in the Links list: linked only when its address is a web one (never javascript: or
    file:), with what would end a Markdown link written %-encoded."""
    if not is_web_url(url):
        return f"- {_md(title)} ({_md(feed)})"
    safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
    return f"- [{_md(title)}]({safe}) ({_md(feed)})"


def brief_markdown(detail: StoryDetail) -> str:
    """The Markdown brief of one story."""
    outlets = sorted({a.feed for a in detail.articles})
    lines = [f"# {_md(detail.title)}", "",
             f"{count_of(len(detail.articles), 'report')} from {count_of(len(outlets), 'outlet')} "
             f"({', '.join(_md(o) for o in outlets)}); {detail.timeline.independent} independent, "
             f"{count_of(detail.timeline.copies, 'copy', 'copies')}.", ""]
    if len(outlets) > 1:
        lines += [f"Outlets in the order they reported, with their lag: {_md(outlets_by_lag(detail.timeline))}", ""]
    if detail.terms:
        lines += [f"Tied together by: {', '.join(_md(t) for t in detail.terms)}", ""]
    if detail.discrepancies:
        lines += ["## Discrepancies", ""] + [f"- **{d.kind}**: {_md(d.detail)}" for d in detail.discrepancies] + [""]
    if detail.figures:
        lines += ["## Key figures", "", "| figure | counts | stated by | flags |", "|---|---|---|---|"]
        lines += [f"| {_md(f.text)} | {f.counts} | {_md(_stated(f))} | {_md('; '.join(f.flags))} |"
                  for f in detail.figures]
        lines.append("")
    lines += ["## Timeline", "", "| time | outlet | headline | added | lag |", "|---|---|---|---|---|"]
    for i, e in enumerate(detail.timeline.entries):
        lines.append(f"| {_when(e.published)} | {_md(e.feed)} | {_md(e.title)} | {_md(e.added)} | "
                     f"{lag_text(e.lag, i == 0)} |")
    lines += ["", "## Links", ""] + [_link(a.title, a.link, a.feed) for a in detail.articles if a.link]
    return "\n".join(lines) + "\n"
