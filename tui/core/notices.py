"""What deserves a notification when a poll brings news: a story crossing the outlet threshold, a
watched term in a story that received reports, a key figure whose latest value changed ('dead 8 → 12'),
a story whose figures start to disagree."""

from __future__ import annotations

import json
import re
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
        changed = _changed_figures(old.key_figures, s.key_figures) if old is not None else []
        if changed:
            out.append(Notice("Key figure changed", f"{'; '.join(changed)}: {title}", "warning"))
        elif old is not None and s.id in discrepant_after and s.id not in discrepant_before:
            out.append(Notice("Key figure changed", f"Figures disagree in: {title}", "warning"))
        if watchlist and (old is None or s.articles > old.articles):
            hits = [t for t in watchlist if mentions(s.title, t)]
            if hits:
                out.append(Notice("Watched term", f"{', '.join(hits)}: {title}"))
    return out


# scripts written without spaces between words: a term in them is found anywhere (kana, CJK ideographs, Thai)
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]")


def mentions(title: str, term: str) -> bool:
    """Whether a headline mentions a watched term: from the start of a word, in any case, so that
    "drill" finds "drills"; a term in capitals of up to five letters is an acronym, found as a whole
    word and as written ("UN" is not the "un" of "under" or "Kunduz", nor "EU" that of "Europe").
    Terms in scripts without spaces between words (Chinese, Japanese, Thai) are found anywhere."""
    term = term.strip()
    if not term:
        return False
    if term.isascii() and term.isalpha() and term.isupper() and len(term) <= 5:
        return re.search(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![A-Za-z0-9])", title) is not None
    start = r"(?<!\w)" if term[0].isalnum() and not _SPACELESS.match(term[0]) else ""
    return re.search(start + re.escape(term), title, re.IGNORECASE) is not None


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _changed_figures(before: str | None, after: str | None) -> list[str]:
    """'dead 8 → 12' for each kind of figure whose latest value changed (kinds new to the story are
    not news of a change)."""
    if not before or not after or before == after:
        return []
    try:
        old, new = json.loads(before), json.loads(after)
    except ValueError:
        return []
    return [f"{kind} {_number(old[kind])} → {_number(value)}" for kind, value in new.items()
            if kind in old and old[kind] != value]
