"""A cheaper copy for feedparser's per-element content parameters.

For every title, summary and content element, feedparser's mixin deep-copies its content parameters
(a flat dict of strings: type, language, base). copy.deepcopy goes through its memo and FeedParserDict's
pickling protocol for that: 13% of feedparser's time on the pipeline benchmark's feeds. A flat dict of
immutable values has the same deep and shallow copy, so that case is copied directly and anything else
still goes to copy.deepcopy. The parse results are the same (tests/core/test_feedparser_copies.py
compares them on every feed document in ../shared/feeds).
"""

from __future__ import annotations

import copy
import types
from typing import Any

_IMMUTABLE = (str, int, float, bool, type(None))


def deepcopy(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """copy.deepcopy, short-cut for a dict (or dict subclass) whose values are all immutable scalars."""
    if isinstance(value, dict) and all(type(v) in _IMMUTABLE for v in value.values()):
        return type(value)(value)
    return copy.deepcopy(value, memo)


def install() -> None:
    """Make feedparser's mixin copy through `deepcopy` (idempotent; only where it uses the copy module)."""
    import feedparser.mixin as mixin

    if getattr(mixin, "copy", None) is copy:
        mixin.copy = types.SimpleNamespace(deepcopy=deepcopy)
