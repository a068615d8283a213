"""Programme and outlet labels that a feed puts after every headline ("… | TV Patrol", "… - DW News").

Such a label says who published the item, not what happened; as a headline word it weighs three
body words, and on the replayed archive it tied a channel's unrelated bulletins into one story.
A label counts when the feed repeats it: the clustering sees the headline without it.
"""

from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterable

_SUFFIX = re.compile(r"\s+[|\-–—]\s+([^|\-–—]{2,60})$")
_DIGITS = re.compile(r"\d+")
MIN_REPEATS = 3  # a label is a suffix this many of a feed's recent headlines share ...
MIN_SHARE = 0.1  # ... and at least this share of them


def _repeated(times: int, headlines: int) -> bool:
    """A suffix seen `times` in a feed's latest `headlines` headlines is the feed's label."""
    return times >= MIN_REPEATS and times >= MIN_SHARE * headlines


def label_of(title: str) -> str | None:
    """The key of a headline's trailing label, if it has one."""
    match = _SUFFIX.search(title)
    return _key(match.group(1)) if match else None


def _key(label: str) -> str:
    """Labels that differ only in their numbers ("TeleRadyo (19 September 2021)") are one label."""
    return _DIGITS.sub("#", " ".join(label.lower().split()))


def repeated_labels(titles: Iterable[str]) -> frozenset[str]:
    """The suffix labels (as keys) that recur in a feed's headlines."""
    counts: Counter[str] = Counter()
    total = 0
    for title in titles:
        total += 1
        key = label_of(title)
        if key is not None:
            counts[key] += 1
    return frozenset(k for k, n in counts.items() if _repeated(n, total))


def without_label(title: str, labels: frozenset[str]) -> str:
    """The headline without its trailing label, when the label is one of `labels`; else unchanged."""
    if not labels:
        return title
    match = _SUFFIX.search(title)
    if match and _key(match.group(1)) in labels and match.start() > 0:
        return title[:match.start()]
    return title


class LabelWindow:
    """Repeated labels over each source's latest `size` headlines, for a stream read one item at a time
    (the offline commands; the story desk looks them up in the database)."""

    def __init__(self, size: int = 40) -> None:
        self.size = size
        self._recent: dict[str, deque[str | None]] = {}
        self._counts: dict[str, Counter[str]] = {}

    def strip(self, source: str, title: str) -> str:
        """Note the headline, then return it without a label its source repeats."""
        recent = self._recent.setdefault(source, deque())
        counts = self._counts.setdefault(source, Counter())
        key = label_of(title)
        recent.append(key)
        if key is not None:
            counts[key] += 1
        if len(recent) > self.size:
            old = recent.popleft()
            if old is not None:
                counts[old] -= 1
        if key is None or not _repeated(counts[key], len(recent)):
            return title
        return without_label(title, frozenset((key,)))
