"""Backoff after errors: exponential, jittered, capped, and still a number after a year of errors."""

from __future__ import annotations

import random

import pytest

from tui.core.schedule import backoff_delay, next_due_after_error


@pytest.mark.parametrize("streak", [1025, 10_000, 10**9])
def test_a_feed_dead_for_a_year_still_gets_the_capped_delay(streak: int) -> None:
    """2.0 ** 1024 overflows: a dead feed polled four times a day got there in its 256th day of errors,
    and its poll raised OverflowError instead of waiting max_backoff."""
    delay = backoff_delay(600.0, streak, 21_600.0, random.Random(1))
    assert 0.8 * 21_600.0 <= delay <= 21_600.0
    assert next_due_after_error(1_000.0, 600.0, streak, 21_600.0, None) <= 1_000.0 + 21_600.0


def test_the_delay_doubles_from_the_interval_up_to_the_cap() -> None:
    delays = [backoff_delay(100.0, n, 1_000.0, random.Random(7)) for n in range(1, 7)]
    for n, delay in enumerate(delays[:4]):  # 100, 200, 400, 800 s, each within ±20%
        assert 0.8 * 100.0 * 2**n <= delay <= 1.2 * 100.0 * 2**n
    assert all(800.0 <= delay <= 1_000.0 for delay in delays[4:])  # capped
