"""Feed boilerplate: text a feed repeats in many of its items ("Subscribe to 1News: …", "FOLLOW 1NEWS ON
SOCIAL MEDIA …", show times). It carries no news, yet it made every item of a video feed look alike to
the story engine, so it is dropped from the items of one feed document before they are stored.

Runs of words are compared, not whole sentences: the repeated block often ends differently from item
to item (another hashtag, another link), and a run of SHINGLE words that recurs in enough items marks
every word it covers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain

SHINGLE = 6  # words per compared run; shorter coincidences between ordinary sentences are left alone
MIN_ITEMS = 3  # a run must recur in at least this many items ...
MIN_SHARE = 0.5  # ... and in at least this share of the feed's items

_TOKEN = re.compile(r"\S+")
_LINK = re.compile(r"(?:https?://|www\.)\S+$")

Shingle = tuple[str, ...]


def _shingles(words: Sequence[str]) -> list[Shingle]:
    return [tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]


def _words(text: str) -> list[str]:
    return text.lower().split()


def repeated_runs(texts: Sequence[str]) -> frozenset[Shingle]:
    """Word runs (lower-cased) that recur across the items of one feed. Only stretches made entirely of
    words common to enough items can hold one, so runs are formed there alone (parsing stays cheap)."""
    if len(texts) < MIN_ITEMS:
        return frozenset()
    floor = max(MIN_ITEMS, MIN_SHARE * len(texts))
    items = [_words(text) for text in texts]
    # a word in enough items is a word written often enough: counted over all the words at once
    # (in C), most feeds have none, and the count per item is only needed for those that are
    frequent = {w for w, n in Counter(chain.from_iterable(items)).items() if n >= floor}
    if not frequent:
        return frozenset()
    in_items: Counter[str] = Counter()
    for words in items:
        in_items.update(frequent.intersection(words))
    common = {w for w, n in in_items.items() if n >= floor}
    if not common:
        return frozenset()
    counts: Counter[Shingle] = Counter()
    for words in items:
        found: set[Shingle] = set()
        stretch = 0
        for i, word in enumerate(words):
            stretch = stretch + 1 if word in common else 0
            if stretch >= SHINGLE:
                found.add(tuple(words[i - SHINGLE + 1:i + 1]))
        counts.update(found)
    return frozenset(run for run, n in counts.items() if n >= floor)


def strip_runs(text: str, runs: frozenset[Shingle]) -> str:
    """The text without the words covered by repeated runs (unchanged when it has none); each paragraph
    keeps its other words in order."""
    if not runs or not text:
        return text
    out: list[str] = []
    for paragraph in text.split("\n"):
        tokens = list(_TOKEN.finditer(paragraph))
        lowered = [t.group().lower() for t in tokens]
        covered = [False] * len(tokens)
        for i, run in enumerate(_shingles(lowered)):
            if run in runs:
                covered[i:i + SHINGLE] = [True] * SHINGLE
        if not any(covered):
            out.append(paragraph)
            continue
        for i in range(1, len(tokens)):  # a link that ends the block differently in each item goes with it
            if covered[i - 1] and not covered[i] and _LINK.match(lowered[i]):
                covered[i] = True
        kept = " ".join(t.group() for t, gone in zip(tokens, covered, strict=True) if not gone)
        if kept:
            out.append(kept)
    return "\n".join(out)
