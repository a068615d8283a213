"""Splitting a story without names that turns out to be two stories.

A story is a running centroid: once an early report joins the wrong story (the first report of
Greece's "HIV on purpose" claim joined a story of adolescents' HIV services at 0.24, just past the
bar), every later report of both follows the mixed centroid, and no join or merge can undo it. On the
Google News set (lower-cased, no names to go by) such mixes were most of what was lost.

So a story with nothing but words remembers its latest reports' term vectors (`Member`), and at
sizes 6, 8, 12, 16, 24, 32, ... it is cut in two (2-means over those vectors). When the two parts are
less alike than two stories need to be to merge, the smaller part leaves as a new story; the larger
keeps the id and its triage state. Stories with names or figures are placed by them and never split:
replaying real feeds, splitting them cut the AUKUS row's 15 reports into 8 and 7 by angle.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

from tui.core.vectors import Vector, add_into, dot, without

if TYPE_CHECKING:
    from tui.core.cluster import Story, StoryEngine


class Member(NamedTuple):
    """What a story remembers of one of its reports, to split it later."""

    article: str
    when: float
    title: str
    vector: Vector  # its term vector as it was added


class Split(NamedTuple):
    """A story cut in two: `kept` keeps its id, `new` takes `articles` away."""

    kept: int
    new: int
    articles: tuple[str, ...]


def _unit(vec: Vector) -> Vector:
    norm = math.sqrt(sum(w * w for w in vec.values()))
    return {t: w / norm for t, w in vec.items()} if norm else vec


def _mean_direction(vectors: list[Vector]) -> Vector:
    total: dict[str, float] = {}
    for vec in vectors:
        for term, weight in vec.items():
            total[term] = total.get(term, 0.0) + weight
    return _unit(total)


def two_groups(vectors: list[Vector], rounds: int = 8) -> list[int] | None:
    """Labels (0 or 1) that cut `vectors` into two groups by spherical 2-means, or None when they will
    not part. Deterministic: it starts from the vector least like the whole and the one least like that."""
    if len(vectors) < 2:
        return None
    units = [_unit(v) for v in vectors]
    whole = _mean_direction(units)
    first = min(range(len(units)), key=lambda i: dot(units[i], whole))
    second = min(range(len(units)), key=lambda i: dot(units[i], units[first]))
    if first == second:
        return None
    centres = (units[first], units[second])
    labels: list[int] = []
    for _ in range(rounds):
        new = [0 if dot(u, centres[0]) >= dot(u, centres[1]) else 1 for u in units]
        if new == labels:
            break
        labels = new
        groups = ([u for u, g in zip(units, labels, strict=True) if g == 0],
                  [u for u, g in zip(units, labels, strict=True) if g == 1])
        if not groups[0] or not groups[1]:
            return None
        centres = (_mean_direction(groups[0]), _mean_direction(groups[1]))
    return labels


def first_title(members: list[Member]) -> tuple[str, float]:
    """A part's headline: its first report's, as a new story's (with the score a first report has)."""
    return members[0].title, 1.0


def split_story(engine: StoryEngine, story: Story) -> Split | None:
    """Cut a story with nothing but words in two when its remembered reports are two groups less alike
    than two stories must be to merge; the smaller group leaves as a new story, with its reports' copy
    fingerprints. The larger keeps the id, and loses the smaller's share of its centroid."""
    p = engine.params
    labels = two_groups([m.vector for m in story.members])
    if labels is None:
        return None
    small = 1 if 2 * sum(labels) <= len(labels) else 0
    moving = [m for m, g in zip(story.members, labels, strict=True) if g == small]
    staying = [m for m, g in zip(story.members, labels, strict=True) if g != small]
    if len(moving) < max(p.split_min_part, p.split_min_share * len(labels)):
        return None
    parts = (_part(story, staying, p.centroid_terms), _part(story, moving, p.centroid_terms))
    if engine._story_score(*parts) >= engine._merge_bar(*parts):
        return None
    new = parts[1]
    new.id, engine.next_id = engine.next_id, engine.next_id + 1
    new.storms = story.storms
    gone = {m.article for m in moving}
    stay = [i for i, article in enumerate(story.recent) if article not in gone]
    new.recent = [article for article in story.recent if article in gone]
    new.prints = [story.prints[i] for i, article in enumerate(story.recent) if article in gone]
    story.recent, story.prints = [story.recent[i] for i in stay], [story.prints[i] for i in stay]
    story.text, story.text_norm2 = without(story.text, [m.vector for m in moving])
    story.size -= len(moving)
    story.signature_size = -1
    story.members = staying
    if story.title in {m.title for m in moving}:
        story.title, story.title_score = first_title(staying)
    engine.stories[new.id] = new
    engine._reindex(story)
    engine._reindex(new)
    return Split(story.id, new.id, tuple(m.article for m in moving))


def _part(like: Story, members: list[Member], keep: int) -> Story:
    """A story (of `like`'s class, no id yet) made of `members` alone."""
    part = type(like)(id=0, first=min(m.when for m in members), last=max(m.when for m in members), members=members)
    for m in members:
        part.text, part.text_norm2 = add_into(part.text, part.text_norm2, m.vector, keep)
    part.size = len(members)
    part.title, part.title_score = first_title(members)
    return part
