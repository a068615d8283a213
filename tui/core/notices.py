"""What deserves a notification when a poll brings news: a story crossing the outlet threshold, a
watched term in a story that received reports, a story whose figures start to disagree."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.core.summaries import StorySummary
from tui.core.textclean import one_line


@dataclass(frozen=True, slots=True)
class Notice:
    """One notification to show."""

    title: str
    message: str
    severity: Literal["information", "warning", "error"] = "information"


def story_notices(before: Mapping[int, StorySummary], after: Sequence[StorySummary],
                  discrepant_before: frozenset[int], discrepant_after: frozenset[int],
                  watch_outlets: int, watchlist: Sequence[str]) -> list[Notice]:
    """Notices for the change from `before` (stories by id) to `after`; muted and dismissed stories
    stay quiet, and a story seen for the first time only notifies for watched terms."""
    out: list[Notice] = []
    for s in after:
        if s.muted or s.dismissed:
            continue
        old = before.get(s.id)
        title = one_line(s.title)
        if old is not None and old.outlets < watch_outlets <= s.outlets:
            out.append(Notice("Story spreading", f"{s.outlets} outlets now report: {title}"))
        if old is not None and s.id in discrepant_after and s.id not in discrepant_before:
            out.append(Notice("Key figure changed", f"Figures disagree in: {title}", "warning"))
        if watchlist and (old is None or s.articles > old.articles):
            hits = [t for t in watchlist if t.lower() in s.title.lower()]
            if hits:
                out.append(Notice("Watched term", f"{', '.join(hits)}: {title}"))
    return out
