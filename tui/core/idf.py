"""Document frequencies learned incrementally, and the TF-IDF vectors they weigh."""

from __future__ import annotations

import math
from collections import Counter

from tui.core.features import Counts
from tui.core.vectors import Vector, largest

_LOGS = [math.log(i + 1.0) for i in range(1 << 16)]  # log(df + 1) for the common small df
# Terms counted before those seen in one document only are forgotten. Replaying two days of 17 real
# outlets, each article brought 7.3 new terms and 2.6 new specifics (numbers, names), and 61% and 78%
# of them were never seen again: a year of a large feed list would count millions, saved with every
# batch of the story desk. A forgotten term seen again counts as new, which its weight barely notices.
MAX_TERMS = 500_000


class DocumentFrequencies:
    """Document frequencies learned as articles arrive."""

    def __init__(self) -> None:
        self.df: Counter[str] = Counter()
        self.docs = 0

    def vector(self, counts: Counts, keep: int) -> Vector:
        """Count a new document's terms, then weigh them: (1 + log tf) * idf, the `keep` heaviest, unit length."""
        self.docs += 1
        if len(self.df) > MAX_TERMS:
            self.forget_rare()
        df = self.df
        df.update(counts.keys())  # counted in C
        base = math.log(self.docs + 1.0) + 1.0
        logs, log, size = _LOGS, math.log, len(_LOGS)
        weights = {t: (1.0 + log(c)) * (base - (logs[n] if (n := df[t]) < size else log(n + 1.0)))
                   for t, c in counts.items()}
        if len(weights) > keep:
            weights = dict(largest(weights, keep))
        norm = math.sqrt(sum([w * w for w in weights.values()])) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def forget_rare(self) -> None:
        """Forget the terms seen in one document only, then in two, ... until half of MAX_TERMS are left
        (so the next time comes after as many new terms again)."""
        seen_in = 1
        while len(self.df) > MAX_TERMS // 2:
            self.df = Counter({term: n for term, n in self.df.items() if n > seen_in})
            seen_in += 1
