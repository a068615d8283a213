"""When a feed is next due: intervals, server hints (TTL, max-age, Retry-After) and error backoff."""

from __future__ import annotations

import random
from email.utils import parsedate_to_datetime

_RNG = random.Random()
MAX_HINT = 24 * 3600.0  # a server hint never pushes a feed out by more than a day


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_HINT)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return min(max(0.0, when.timestamp() - now), MAX_HINT)


def parse_max_age(cache_control: str | None) -> float | None:
    """max-age (seconds) from a Cache-Control header, or None (also for no-cache/no-store)."""
    if not cache_control:
        return None
    for part in cache_control.split(","):
        name, _, value = part.strip().partition("=")
        if name.strip().lower() in {"max-age", "s-maxage"}:
            try:
                return min(max(0.0, float(value.strip().strip('"'))), MAX_HINT)
            except ValueError:
                return None
    return None


def next_due_after_success(now: float, interval: float, ttl: float | None, max_age: float | None) -> float:
    """Next poll time after a good answer: the interval, floored by TTL and max-age."""
    wait = interval
    for hint in (ttl, max_age):
        if hint is not None:
            wait = max(wait, min(hint, MAX_HINT))
    return now + wait


def backoff_delay(interval: float, streak: int, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff after `streak` consecutive errors, with ±20% jitter, capped at `cap`."""
    base = min(interval, 300.0)  # start retrying within minutes even for slow feeds
    # the exponent stops growing long after the cap is reached: 2.0 ** 1024 overflows, which a dead feed
    # polled four times a day would have reached in its 256th day of errors
    delay = min(cap, base * (2.0 ** min(max(0, streak - 1), 64)))
    jitter = (rng or _RNG).uniform(0.8, 1.2)
    return min(cap, delay * jitter)


def next_due_after_error(now: float, interval: float, streak: int, cap: float,
                         retry_after: float | None) -> float:
    """Next poll time after an error; a server's Retry-After is honoured as a minimum."""
    wait = backoff_delay(interval, streak, cap)
    if retry_after is not None:
        wait = max(wait, retry_after)
    return now + wait
