"""Four of feedparser's per-element costs, made cheaper without changing what it returns.

- For every title, summary and content element, feedparser's mixin deep-copies its content
  parameters, a flat dict of strings (type, language, base). copy.deepcopy goes through its memo and
  FeedParserDict's pickling protocol for that: 13% of feedparser's time on the pipeline benchmark's
  feeds. A dict of immutable scalars has the same deep and shallow copy, so that case is copied
  directly; anything else still goes to copy.deepcopy.
- FeedParserDict.get goes through __getitem__'s chain of special keys ('category', 'updated', …) and
  its key map, and an exception for a missing key, for every key; the mixin asks its content
  parameters for 'type' and 'base64' several times per element. For a key that is neither special
  nor mapped, that chain ends in a plain dict lookup, which is what the faster get does at once.
- Expat hands a text over in pieces, one more at every entity or character reference ("&lt;p&gt;"
  in an escaped description is three), and feedparser's handler joins them again: 143,000 calls
  for 46,000 elements on the pipeline benchmark's feeds. Expat's own text buffer delivers each text
  in one piece (up to 8 KB): 5.5% of parse_feed's time on those feeds, 1% on the 200 archived real
  ones (most of them put their HTML in CDATA, which expat hands over whole anyway).
- Every start tag joins the element's xml:base with the current base URI through `_urljoin` (a regex
  substitution and urllib's urljoin): 76,000 calls for 46,000 elements on the pipeline benchmark's
  feeds, nearly all with the same two arguments ('' and ''). It is a pure function of two strings,
  so its answers are remembered: `parse_feed` on 10,000 of those items took 1.114 s instead of 1.178
  (best of 4 alternated runs; 5.4% less on average).

The parse results are the same: tests/core/test_feedparser_speed.py compares them on every feed
document in ../shared/feeds and the demo's feeds, and compares get with the original on every key.
"""

from __future__ import annotations

import copy
import functools
import types
from typing import Any

_IMMUTABLE = (str, int, float, bool, type(None))
# the keys FeedParserDict.__getitem__ treats specially before its key map
SPECIAL_KEYS = frozenset({"category", "enclosures", "license", "updated", "updated_parsed"})
ORIGINAL_GET: list[Any] = []  # FeedParserDict.get as feedparser wrote it, once replaced
ORIGINAL_RESET: list[Any] = []  # xml.sax's ExpatParser.reset as the standard library wrote it, once replaced
ORIGINAL_URLJOIN: list[Any] = []  # feedparser's _urljoin, once replaced by its remembering version
URLJOIN_MEMORY = 4096  # (base, uri) pairs remembered: a feed has a handful; this bounds hostile ones


def deepcopy(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """copy.deepcopy, short-cut for a dict (or dict subclass) whose values are all immutable scalars."""
    if isinstance(value, dict) and all(type(v) in _IMMUTABLE for v in value.values()):
        return type(value)(value)
    return copy.deepcopy(value, memo)


def install() -> None:
    """Install all four (idempotent; each only where feedparser and xml.sax still have the code it replaces)."""
    import xml.sax.expatreader as expatreader

    import feedparser.mixin as mixin
    import feedparser.urls as urls
    from feedparser.util import FeedParserDict

    urljoin = getattr(urls, "_urljoin", None)
    if callable(urljoin) and getattr(urljoin, "__module__", "") == "feedparser.urls" and \
            not hasattr(urljoin, "cache_info"):
        ORIGINAL_URLJOIN.append(urljoin)
        remembering = functools.lru_cache(maxsize=URLJOIN_MEMORY)(urljoin)
        urls._urljoin = remembering  # make_safe_absolute_uri's
        if getattr(mixin, "_urljoin", None) is urljoin:
            mixin._urljoin = remembering  # the start tags' and resolve_uri's

    reset = expatreader.ExpatParser.reset
    if getattr(reset, "__module__", "") == "xml.sax.expatreader":
        ORIGINAL_RESET.append(reset)

        def buffered_reset(self: Any) -> None:
            """ExpatParser.reset, then expat buffers each text to hand it over in one piece."""
            reset(self)
            self._parser.buffer_text = True

        setattr(expatreader.ExpatParser, "reset", buffered_reset)  # noqa: B010 (mypy refuses assigning to a method)

    if getattr(mixin, "copy", None) is copy:
        mixin.copy = types.SimpleNamespace(deepcopy=deepcopy)
    original = FeedParserDict.get
    if getattr(original, "__module__", "") == "feedparser.util":
        ORIGINAL_GET.append(original)

        def get(self: Any, key: Any, default: Any = None) -> Any:
            """FeedParserDict.get; a plain dict lookup for a key that is neither special nor mapped."""
            if key in SPECIAL_KEYS or key in self.keymap:
                return original(self, key, default)
            return dict.get(self, key, default)

        FeedParserDict.get = get
