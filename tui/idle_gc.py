"""Full garbage collections when the user is not typing.

CPython's full (generation 2) collection walks every live object while holding the interpreter lock:
with ten thousand stories loaded it takes 30-75 ms here, long enough to be felt as a stuck key. Young
collections stay automatic (they are cheap); full ones run from a timer once input has rested, or, if
the user never rests, at least every `full_every` seconds."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

NEVER = 10**9  # a generation-2 threshold that automatic collection never reaches


class IdleCollector:
    """Moves full collections to idle moments; call `start`, `input_seen` on each key or click, `tick`
    from a timer, `stop` at exit."""

    def __init__(self, idle_after: float = 2.0, min_gap: float = 30.0, full_every: float = 300.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.idle_after, self.min_gap, self.full_every, self.clock = idle_after, min_gap, full_every, clock
        self.last_input = clock()
        self.last_full = clock()
        self.collections = 0
        self._saved = gc.get_threshold()

    def start(self) -> None:
        """Keep young collections automatic, stop automatic full ones."""
        young, middle, _ = self._saved
        gc.set_threshold(young, middle, NEVER)

    def input_seen(self) -> None:
        """The user pressed a key or clicked."""
        self.last_input = self.clock()

    def tick(self) -> bool:
        """Collect everything if input has rested long enough (or it is overdue); True if it did."""
        now = self.clock()
        since_full = now - self.last_full
        idle = now - self.last_input >= self.idle_after
        if (idle and since_full >= self.min_gap) or since_full >= self.full_every:
            gc.collect()
            self.last_full = self.clock()
            self.collections += 1
            return True
        return False

    def stop(self) -> None:
        """Restore the collector's thresholds."""
        gc.set_threshold(*self._saved)
