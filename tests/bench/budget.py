"""Where a cold poll's CPU time goes: the parts of `wirewatch poll`, each timed alone in one process.

The pipeline benchmark's floor is a wall time on 2 cores. These figures show what that wall time can
hold: feedparser on the same 500 feeds, and the story desk on the same 25,000 stored articles (a copy
of the cold run's database, which has not been clustered), next to 2 x newsboat's wall time.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench.corpus import make_corpus
from tui.core.parse import parse_feed
from tui.core.store import Store
from tui.core.stories import StoryDesk


@dataclass(frozen=True)
class Budget:
    """CPU seconds of each part, measured alone."""

    parse: float
    desk: float
    articles: int


def parse_cpu(feeds: int, items: int) -> float:
    """CPU seconds feedparser (through parse_feed) takes on the benchmark's feeds, in this process."""
    bodies = list(make_corpus(feeds, items).values())
    started = time.process_time()
    for body in bodies:
        parse_feed(body, {}, "bench", None, 1_632_000_000.0)
    return time.process_time() - started


def desk_cpu(unclustered_db: Path, work: Path) -> tuple[float, int]:
    """CPU seconds the story desk takes to cluster every article of a copy of `unclustered_db`."""
    copy = work / "budget.db"
    shutil.copyfile(unclustered_db, copy)
    with Store(copy) as store:
        started = time.process_time()
        result = StoryDesk(store).run()
        return time.process_time() - started, result.articles


def measure_budget(feeds: int, items: int, unclustered_db: Path, work: Path) -> Budget:
    """Both parts' CPU time."""
    desk, articles = desk_cpu(unclustered_db, work)
    return Budget(parse_cpu(feeds, items), desk, articles)
