"""Per story: reports in publication order, what each added, and how far each outlet lagged."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tui.core.facts import Report
from tui.core.figures import extract


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


def build_timeline(reports: Sequence[Report], copies: Mapping[str, str | None] | None = None) -> Timeline:
    """The timeline of a story. `copies` maps an article id to the id of the report it copies."""
    copies = copies or {}
    ordered = sorted(reports, key=lambda r: (r.published, r.id))
    if not ordered:
        return Timeline((), 0, 0, {})
    start = ordered[0].published
    by_id = {r.id: r for r in ordered}
    known: dict[str, set[float]] = {}
    entries: list[Entry] = []
    lag: dict[str, float] = {}
    for index, report in enumerate(ordered):
        lag.setdefault(report.feed, report.published - start)
        figures = [f for f in extract(report.title, report.text, report.published)
                   if f.value is not None and f.key != "date"]
        new, changed = [], []
        for f in figures:
            seen = known.setdefault(f.key, set())
            if seen and f.value not in seen:
                changed.append(f"{f.key} {'/'.join(_fmt(v) for v in sorted(seen))} → {_fmt(f.value)}")
            elif not seen:
                new.append(f.text)
        for f in figures:
            known[f.key].add(f.value)  # type: ignore[arg-type]
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
