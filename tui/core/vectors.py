"""Sparse term vectors (dicts of term -> weight): dot products, top-k, centroid sums."""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from operator import itemgetter
from typing import TypeVar

Vector = dict[str, float]
K = TypeVar("K")


def dot(a: Vector, b: Vector) -> float:
    """Sparse dot product. The shared terms are found by a C-level set intersection: most candidate
    stories share a few of an article's terms, and then this is ~1.5x faster than a Python loop."""
    if len(a) > len(b):
        a, b = b, a
    return sum([a[t] * b[t] for t in a.keys() & b.keys()])


def spec_dot(a: Vector, b: Vector, min_shared: int) -> float:
    """Dot product of two specifics vectors; 0 when they share fewer than `min_shared` specifics.

    Replaying real feeds, one shared name ("UK", "Auckland", "Biden", a Title Case "Two") gave a
    one-report story a high similarity of names with dozens of unrelated reports; reports of one
    event share at least two (who and where, a name and a number). Two names that end in the same
    word are one: "Biden" and "President Joe Biden" tied eleven reports about Biden's different doings
    into one story of the replayed archive.
    """
    if len(a) > len(b):
        a, b = b, a
    shared = a.keys() & b.keys()
    if len(shared) < min_shared or len({name_key(t) for t in shared}) < min_shared:
        return 0.0
    return sum([a[t] * b[t] for t in shared])


def name_key(term: str) -> str:
    """What a specific is counted as: a name (`e:`) by its last word, anything else as itself."""
    return "e:" + term[2:].rsplit(" ", 1)[-1] if term.startswith("e:") else term


def add_into(into: Vector, norm2: float, vec: Vector, keep: int) -> tuple[Vector, float]:
    """Add `vec` to a centroid, keeping its squared norm up to date; prune it to `keep` terms when it grows."""
    for term, weight in vec.items():
        old = into.get(term, 0.0)
        into[term] = old + weight
        norm2 += weight * (2.0 * old + weight)
    if len(into) > keep * 1.5:
        into = dict(largest(into, keep))
        norm2 = sum(w * w for w in into.values())
    return into, norm2


def without(vec: Vector, parts: list[Vector]) -> tuple[Vector, float]:
    """A centroid with `parts` taken out again (terms left at nothing are dropped) and its squared norm,
    summed afresh (the parts may hold terms the centroid had pruned)."""
    out = dict(vec)
    for part in parts:
        for term, weight in part.items():
            if term in out:
                out[term] -= weight
    out = {t: w for t, w in out.items() if w > 1e-9}
    return out, sum(w * w for w in out.values())


def largest(vec: Mapping[K, float], k: int) -> list[tuple[K, float]]:
    """The k heaviest terms with their weights (as heapq.nlargest, which is 3-4x slower at these sizes:
    k is a large share of the vector)."""
    if len(vec) > 8 * k:
        return heapq.nlargest(k, vec.items(), key=itemgetter(1))
    return sorted(vec.items(), key=itemgetter(1), reverse=True)[:k]


def top_terms(vec: Vector, k: int) -> list[str]:
    return [t for t, _ in largest(vec, k)]
