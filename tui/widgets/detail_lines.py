"""A story's detail laid out as terminal lines at a given width. Pure rendering (rich, no widgets), so
workers can do it off the event loop and the pane only copies ready lines to the screen."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.strip import Strip

from tui.core.facts import FigureRow
from tui.core.storyview import StoryDetail
from tui.core.textclean import count_of
from tui.core.timeline import lag_text, outlets_by_lag
from tui.widgets.safe import Breaking, plain, wrapping

MAX_FIGURES = 14
# Under a story's counts, up to this many outlets are named with their lag; with more, the first and
# the spread ("outlet 13 first and 9 more, the last +9s"), on one line: the timeline names them all, and
# two more lines pushed a 10-report story's selected report off a 40-row screen (the dashboard benchmark)
OUTLETS_NAMED = 3
FIGURES, TIMELINE = "Key figures (times UTC)", "Timeline (UTC)"  # section titles: the times are UTC

Clock = Callable[[float], str]
# what a currency's symbol says: "$1.2 billion" needs no "dollars" after it
_SYMBOLS = {"dollars": "$", "pounds": "£", "euros": "€", "yen": "¥", "rupees": "₹", "pesos": "₱"}


def clock_for(detail: StoryDetail) -> Clock:
    """How the story's times are written (UTC): the time of day ("12:48") while all its reports are of one
    day, with the date ("18 Sep 12:48") once they span more (then "11:26" after "12:48" is the next day's)."""
    days = {datetime.fromtimestamp(a.published, UTC).date() for a in detail.articles}
    layout = "%H:%M" if len(days) <= 1 else "%d %b %H:%M"
    return lambda epoch: datetime.fromtimestamp(epoch, UTC).strftime(layout)


def _says(text: str, counts: str) -> bool:
    """Whether a figure as written already says what it counts ("12 dead", "three-day" for days,
    "45 per cent" for percent, "$1.2 billion" for dollars)."""
    flat = text.lower().replace(" ", "").replace("-", "")
    word = counts.lower().replace(" ", "")
    symbol = _SYMBOLS.get(word)
    return word in flat or (word.endswith("s") and word[:-1] in flat) or (symbol is not None and symbol in text)


def _figure(figure: FigureRow, style: str = "") -> Text:
    """A figure as written, then what it counts unless the text says it ("18 dead"; "1,500 megawatts"),
    or for a date the days it means ("next week 2021-08-02–08")."""
    text = wrapping(figure.text, style)
    if figure.key == "date":
        start, end = figure.statements[0].figure.start, figure.statements[0].figure.end
        if start and end:
            text.append_text(Text.assemble(" ", Text(_days(start, end), style="dim")))
    elif not _says(figure.text, figure.counts):
        text.append_text(Text.assemble(" ", wrapping(figure.counts, "dim")))
    return text


def _days(start: str, end: str) -> str:
    """An ISO date range said short: "2021-08-05–10", "2021-08-30–09-05", "2021-08-05"."""
    if start == end:
        return start
    if start[:7] == end[:7]:
        return f"{start}–{end[8:]}"
    return f"{start}–{end[5:]}" if start[:4] == end[:4] else f"{start}–{end}"


def _stated(figure: FigureRow, clock: Clock) -> str:
    """Who states a figure and when each first did ("Press TV 09:12, Tasnim 10:03")."""
    return ", ".join(f"{s.report.feed} {clock(s.report.published)}" for s in figure.stated)


# Below this width, figures and timeline are lists: in table cells a few characters wide, flags
# ("described differently: reservists") and headlines would wrap a word or a syllable per line.
NARROW = 64


# what a timeline entry's lag already says, or nothing: the list leaves them out to stay short
UNSAID = frozenset({"first report", "follow-up"})


def _hanging(lead: str | Text, body: Text) -> Table:
    """`body` after `lead`, its wrapped lines indented under its first (a list item)."""
    grid = Table.grid()
    grid.add_column(width=len(lead), no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(lead, body)
    return grid


def _figure_list(detail: StoryDetail, clock: Clock) -> Group:
    items: list[RenderableType] = [Text(FIGURES, style="italic")]
    for f in detail.figures[:MAX_FIGURES]:
        item = Text.assemble(_figure(f, "bold"), " — ", plain(_stated(f, clock)))
        if f.flags:
            item.append_text(Text.assemble("\n", plain("; ".join(f.flags), "bold red")))
        items.append(_hanging("• ", item))
    return Group(*items)


# Reports a timeline shows at once, around the selected one. Every one of a story's 2,000 reports took
# 0.6 s to lay out, again at each j/k; the heading says which are shown ("reports 81-120 of 2,000").
TIMELINE_ROWS = 40


def shown_reports(count: int, selected: int, rows: int = TIMELINE_ROWS) -> range:
    """The reports a timeline shows: all of them, or `rows` with the selected one near the middle."""
    if count <= rows:
        return range(count)
    start = min(max(0, selected - rows // 2), count - rows)
    return range(start, start + rows)


def _timeline_title(count: int, shown: range) -> str:
    if len(shown) == count:
        return TIMELINE
    return f"{TIMELINE} · reports {shown.start + 1}–{shown.stop} of {count:,} (j/k moves through them)"


def _timeline_list(detail: StoryDetail, article_index: int, clock: Clock) -> Group:
    """One item per report: time, outlet, lag and headline, then what it added when that is news (a copy,
    new or changed figures); a story of ten reports takes about twenty lines of a 50-column pane."""
    entries = detail.timeline.entries
    shown = shown_reports(len(entries), article_index)
    items: list[RenderableType] = [Text(_timeline_title(len(entries), shown), style="italic")]
    for i in shown:
        e = entries[i]
        body = Text.assemble(plain(e.feed, "bold"), " ", Text(lag_text(e.lag, i == 0), style="dim"), ": ",
                             plain(e.title))
        if e.added not in UNSAID:
            body.append_text(Text.assemble("\n", plain(e.added, "dim")))
        time_of = clock(e.published)
        when = Text(time_of + " ")
        if i == article_index:
            body.stylize("reverse")
            when.stylize("reverse", 0, len(time_of))
        items.append(_hanging(when, body))
    return Group(*items)


def nothing_to_show(feeds: int, stories: int, config_path: str) -> Text:
    """What the detail pane says when no story is selected: why, and what to do about it."""
    if stories:  # stored, but none shown
        return Text("No story matches: clear the search (/ then Enter), the filter (f) or unread-only (u).",
                    style="dim")
    if not feeds:
        return Text(f"No feeds to poll. Add [[feed]] entries to {config_path}, or import a list of feeds "
                    "with `wirewatch import-opml FILE`.", style="dim")
    return Text("No story selected. Stories appear as feeds are polled.", style="dim")


def detail_parts(detail: StoryDetail | None, article_index: int = 0, width: int = 80) -> list[RenderableType]:
    """The sections of the detail pane: heading with explanation and discrepancies, key figures,
    timeline (the selected article highlighted) and the selected article's text; on a pane narrower
    than NARROW, figures and timeline are lists instead of tables."""
    if detail is None:
        return [Text("No story selected. Stories appear as feeds are polled.", style="dim")]
    outlets = sorted({a.feed for a in detail.articles})
    copies = detail.timeline.copies  # (with none, every report is independent: saying so took a line)
    heading = Text.assemble(plain(detail.title, "bold"), "\n",
                            Text(f"{count_of(len(detail.articles), 'report')} · {count_of(len(outlets), 'outlet')} · "
                                 + (f"{detail.timeline.independent} independent · {count_of(copies, 'copy', 'copies')}"
                                    if copies else "no copies"), style="dim"))
    if len(outlets) > 1:
        heading.append_text(Text.assemble("\n", Text("Outlets: ", style="dim"),
                                          plain(outlets_by_lag(detail.timeline,
                                                               0 if len(outlets) <= OUTLETS_NAMED else 1))))
    if detail.terms:
        heading.append_text(Text.assemble("\n", Text("Tied by: ", style="dim"), plain(", ".join(detail.terms))))
    for d in detail.discrepancies:
        heading.append_text(Text.assemble("\n", Text(f"⚠ {d.kind}: ", style="bold red"), plain(d.detail)))
    parts: list[RenderableType] = [heading]
    clock = clock_for(detail)
    if width < NARROW:
        parts.append(_figure_list(detail, clock) if detail.figures else Text("No key figures.", "dim"))
        parts.append(_timeline_list(detail, article_index, clock))
    elif detail.figures:
        figures = Table(title=FIGURES, title_justify="left", expand=True, show_edge=False)
        # what a figure counts follows it (most say it themselves), and who stated it when gets the room
        for column, ratio in (("Figure", 3), ("Stated by", 4), ("Flag", 3)):
            figures.add_column(column, overflow="fold", ratio=ratio)
        for f in detail.figures[:MAX_FIGURES]:
            figures.add_row(_figure(f), Breaking(_stated(f, clock)), Breaking("; ".join(f.flags), "bold red"))
        parts.append(figures)
    else:
        parts.append(Text("No key figures.", "dim"))
    if width >= NARROW:
        entries = detail.timeline.entries
        shown = shown_reports(len(entries), article_index)
        timeline = Table(title=_timeline_title(len(entries), shown), title_justify="left", expand=True,
                         show_edge=False)
        timeline.add_column("When", no_wrap=True)
        for column, ratio in (("Outlet", 2), ("Headline", 4), ("Added", 3)):  # wrapped: each is read whole
            timeline.add_column(column, overflow="fold", ratio=ratio)
        timeline.add_column("Lag", no_wrap=True)
        for i in shown:
            e = entries[i]
            timeline.add_row(Text(clock(e.published)), Breaking(e.feed), Breaking(e.title), Breaking(e.added),
                             Text(lag_text(e.lag, i == 0)),
                             style="reverse" if i == article_index else "")
        parts.append(timeline)
    if entries := detail.timeline.entries:
        chosen = entries[min(article_index, len(entries) - 1)]
        article = next(a for a in detail.articles if a.id == chosen.article_id)
        parts.append(Text.assemble(plain(article.title, "bold"), "\n", plain(article.feed, "dim"), "  ",
                                   plain(article.link, "dim underline"), "\n\n",
                                   Text("\n".join(plain(p).plain
                                                  for p in (article.content or article.summary).split("\n")))))
    return parts


def render_lines(parts: Sequence[RenderableType], width: int) -> list[Strip]:
    """Lay the parts out at `width` cells, one blank line between them."""
    width = max(1, width)
    console = Console(file=io.StringIO(), width=width, color_system="truecolor", force_terminal=True,
                      legacy_windows=False, markup=False, emoji=False, highlight=False)
    options = console.options.update_width(width)
    lines: list[Strip] = []
    for i, part in enumerate(parts):
        if i:
            lines.append(Strip.blank(width))
        lines.extend(Strip(line, width) for line in console.render_lines(part, options, pad=True, new_lines=False))
    return lines
