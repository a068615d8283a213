"""Per story: reports in publication order, what each added, and how far each outlet lagged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.core.facts import REVISED_FREELY, Report, kind_of, may_restate, revisable
from tui.core.figure_memory import figures_of
from tui.core.figures import Figure


@dataclass(frozen=True, slots=True)
class Entry:
    """One report on a story's timeline."""

    article_id: str
    published: float
    feed: str
    title: str
    lag: float  # seconds after the story's first report
    added: str  # "first report", "copy of …", "new figures: …", "changed figures: …", "follow-up"
    copy_of: str | None = None


@dataclass(frozen=True, slots=True)
class Timeline:
    """A story's reports in order, with counts of independent reports and copies."""

    entries: tuple[Entry, ...]
    independent: int
    copies: int
    outlet_lag: dict[str, float]  # first report of each outlet, seconds after the story's first


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def lag_text(seconds: float, first: bool = True) -> str:
    """How far a report came after its story's first: "first", "+40s", "+6m", "+2h05m", "+1d4h".
    `first`: whether it is the first report (or outlet); another one in the same second is "+0s"
    (items a feed gives no time get the time they were fetched, so a feed's whole first poll can share one)."""
    if not seconds:
        return "first" if first else "+0s"
    if seconds < 59.5:
        return f"+{max(1, round(seconds))}s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"+{minutes}m"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"+{hours}h{minutes:02d}m"
    days, hours = divmod(hours, 24)
    return f"+{days}d{hours}h"


def outlets_by_lag(timeline: Timeline, most: int = 0) -> str:
    """Who reported first and how far behind each other outlet came: "Press TV first, Tasnim +2h45m";
    with `most`, that many and then how many more and the last one's lag ("… and 6 more, the last +3h")."""
    ordered = sorted(timeline.outlet_lag.items(), key=lambda item: item[1])
    shown = ", ".join(f"{feed} {lag_text(lag, i == 0)}"
                      for i, (feed, lag) in enumerate(ordered[:most] if most else ordered))
    if most and len(ordered) > most:
        shown += f" and {len(ordered) - most} more, the last {lag_text(ordered[-1][1], False)}"
    return shown


def _news(figures: Sequence[Figure], feed: str,
          known: Mapping[str, Mapping[float, set[str]]]) -> tuple[list[str], list[str]]:
    """What a report's figures add to what earlier reports stated (`known`: kind → value → outlets): new
    figures, and changed ones ("dead 12 → 18"). A change is told by the rules the story's discrepancies
    follow: a kind that is one quantity (see facts.revisable), a report stating a single value of it,
    earlier values it may restate, and, but for a toll, stated by another outlet (one outlet's two sums
    are two facts)."""
    values: dict[str, set[float | None]] = {}
    for f in figures:
        values.setdefault(kind_of(f), set()).add(f.value)
    new: list[str] = []
    changed: list[str] = []
    for f in figures:
        key, value = kind_of(f), f.value
        seen = known.get(key, {})
        if value is None or value in seen:
            continue
        earlier = sorted(old for old, by in seen.items() if may_restate(key, old, value)
                         and (by != {feed} or key in REVISED_FREELY))
        if earlier and revisable(key) and len(values[key]) == 1:
            changed.append(f"{key} {'/'.join(_fmt(v) for v in earlier)} → {_fmt(value)}")
        elif key != "date":
            new.append(f.text)
    return new, changed


def build_timeline(reports: Sequence[Report], copies: Mapping[str, str | None] | None = None) -> Timeline:
    """The timeline of a story. `copies` maps an article id to the id of the report it copies."""
    copies = copies or {}
    ordered = sorted(reports, key=lambda r: (r.published, r.id))
    if not ordered:
        return Timeline((), 0, 0, {})
    start = ordered[0].published
    by_id = {r.id: r for r in ordered}
    known: dict[str, dict[float, set[str]]] = {}  # kind → value → the outlets that stated it
    entries: list[Entry] = []
    lag: dict[str, float] = {}
    for index, report in enumerate(ordered):
        lag.setdefault(report.feed, report.published - start)
        figures = [f for f in figures_of(report.title, report.text, report.published) if f.value is not None]
        new, changed = _news(figures, report.feed, known)
        for f in figures:
            if f.value is not None:
                known.setdefault(kind_of(f), {}).setdefault(f.value, set()).add(report.feed)
        original = copies.get(report.id)
        if index == 0:
            added = "first report"
        elif original and original in by_id:
            added = f"copy of {by_id[original].feed}'s report"
        elif changed:
            added = "changed figures: " + "; ".join(dict.fromkeys(changed))
        elif new:
            added = "new figures: " + ", ".join(dict.fromkeys(new[:4]))
        else:
            added = "follow-up"
        entries.append(Entry(report.id, report.published, report.feed, report.title, report.published - start,
                             added, original if original in by_id else None))
    n_copies = sum(1 for e in entries if e.copy_of)
    return Timeline(tuple(entries), len(entries) - n_copies, n_copies, lag)
