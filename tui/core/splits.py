"""Splitting a story that turns out to be two stories.

A story is a running centroid: once an early report joins the wrong story (the first report of
Greece's "HIV on purpose" claim joined a story of adolescents' HIV services at 0.24, just past the
bar; the first report of Klitschko's fight against Thompson joined the story of his fight against
Rahman), every later report of both follows the mixed centroid, and no join or merge can undo it.

So a story remembers its latest reports' vectors (`Member`), and at sizes 6, 8, 12, 16, 24, 32, ...
(a story with names from size 4, as two of its reports may leave it)
it is cut in two (2-means over their term vectors). The smaller part leaves as a new story and the
larger keeps the id and its triage state, when the parts are two stories:

- without names (the lower-cased Google News set): the parts are less alike than two stories need to
  be to merge;
- with names: each part has a name its own reports keep naming (`split_core` of them) and the other's
  hardly name (`split_stray`), such as Rahman and Thompson, or Manning's Jaguars and Luck's Chiefs;
  and the parts score below `split_named_bar`. Names are compared by their last word ("Manny
  Pacquiao" is Pacquiao). Without the first condition, replaying real feeds cut the AUKUS row's 15
  reports into 8 and 7 by angle; with it, no story of the two replayed days is split.

Two stories that are apart in that way are not merged either (see `apart`).
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING, NamedTuple

from tui.core.protagonists import Persons, add_persons
from tui.core.vectors import Vector, add_into, dot, name_key, without

if TYPE_CHECKING:
    from tui.core.cluster import Story, StoryEngine


class Member(NamedTuple):
    """What a story remembers of one of its reports, to split it later."""

    article: str
    when: float
    title: str
    vector: Vector  # its term vector as it was added
    spec: Vector  # and its specifics (names, numbers, dates)
    people: Persons  # who it is about (see protagonists)


class Split(NamedTuple):
    """A story cut in two: `kept` keeps its id, `new` takes `articles` away."""

    kept: int
    new: int
    articles: tuple[str, ...]


def _sum(vectors: list[Vector]) -> Vector:
    """The sum of `vectors`: a group's direction (not scaled to unit length)."""
    total: dict[str, float] = {}
    get = total.get
    for vec in vectors:
        for term, weight in vec.items():
            total[term] = get(term, 0.0) + weight
    return total


def _along(short: Vector, long: Vector) -> float:
    """`short` · `long`, one lookup in `long` per term of `short`: a report's vector against a group's
    sum (some 60 terms against a thousand), where a set intersection of the two took 1.8x as long."""
    get = long.get
    return sum([w * get(t, 0.0) for t, w in short.items()])


def _norm(vec: Vector) -> float:
    return math.sqrt(sum([w * w for w in vec.values()]))


def two_groups(vectors: list[Vector], rounds: int = 8) -> list[int] | None:
    """Labels (0 or 1) that cut `vectors` (of unit length, as idf.vector makes them) into two groups by
    spherical 2-means, or None when they will not part. Deterministic: it starts from the vector least
    like the whole and the one least like that.

    A group's centre is its sum, and a vector goes to the centre it is more like: u · a / |a| against
    u · b / |b|, compared as u · a x |b| against u · b x |a| (no division, no unit copy of either sum).
    """
    if len(vectors) < 2:
        return None
    whole = _sum(vectors)
    first = min(range(len(vectors)), key=lambda i: _along(vectors[i], whole))
    second = min(range(len(vectors)), key=lambda i: dot(vectors[i], vectors[first]))
    if first == second:
        return None
    centres, norms = (vectors[first], vectors[second]), (1.0, 1.0)
    labels: list[int] = []
    for _ in range(rounds):
        (a, b), (norm_a, norm_b) = centres, norms
        new = [0 if _along(u, a) * norm_b >= _along(u, b) * norm_a else 1 for u in vectors]
        if new == labels:
            break
        labels = new
        groups = ([u for u, g in zip(vectors, labels, strict=True) if g == 0],
                  [u for u, g in zip(vectors, labels, strict=True) if g == 1])
        if not groups[0] or not groups[1]:
            return None
        centres = (_sum(groups[0]), _sum(groups[1]))
        norms = (_norm(centres[0]), _norm(centres[1]))
    return labels


def first_title(members: list[Member]) -> tuple[str, float]:
    """A part's headline: its first report's, as a new story's (with the score a first report has)."""
    return members[0].title, 1.0


def _surnames(spec: Vector) -> set[str]:
    """A report's names by their last words (see vectors.name_key): "Manny Pacquiao" is Pacquiao."""
    return {name_key(term) for term in spec if term.startswith("e:")}


def _named_in(group: list[Member]) -> Counter[str]:
    """How many of `group`'s reports name each name."""
    return Counter(name for m in group for name in _surnames(m.spec))


def _own_name(mine: Counter[str], size: int, theirs: Counter[str], their_size: int, core: float,
              stray: float) -> bool:
    """Whether a group of `size` reports has a name in `core` of them that the other group names in at
    most `stray` of its reports (`mine`, `theirs`: see _named_in)."""
    return any(n >= core * size and theirs[name] <= stray * their_size for name, n in mine.items())


def apart(a: list[Member], b: list[Member], least: int, core: float, stray: float) -> bool:
    """Whether two groups of at least `least` reports are about different people or places: each keeps
    naming someone (or somewhere) the other hardly names."""
    if len(a) < least or len(b) < least:
        return False
    in_a, in_b = _named_in(a), _named_in(b)
    return (_own_name(in_a, len(a), in_b, len(b), core, stray)
            and _own_name(in_b, len(b), in_a, len(a), core, stray))


def may_part(members: list[Member], least: float, core: float, stray: float) -> bool:
    """Whether some cut of `members` into two groups of at least `least` reports could be `apart`: two
    names, each in `core` x `least` reports or more and missing from (1 - `stray`) x `least` or more,
    named together in at most `stray` of the reports. Cheap next to a 2-means: most stories fail it."""
    n = len(members)
    where: dict[str, set[int]] = {}
    for i, m in enumerate(members):
        for name in _surnames(m.spec):
            where.setdefault(name, set()).add(i)
    low, high = core * least - 1e-9, n - (1.0 - stray) * least + 1e-9
    middle = [reports for reports in where.values() if low <= len(reports) <= high]
    return any(len(a & b) <= stray * n + 1e-9 for a, b in combinations(middle, 2))


def split_story(engine: StoryEngine, story: Story) -> Split | None:
    """Cut a story in two when its remembered reports are two groups that are two stories (see the
    module's docstring); the smaller group leaves as a new story, with its reports' copy
    fingerprints. The larger keeps the id, and loses the smaller's share of its centroid."""
    p = engine.params
    smallest = p.smallest_part(bool(story.spec_norm2))
    least = max(smallest, p.split_min_share * len(story.members))
    if story.spec_norm2 and not may_part(story.members, least, p.split_core, p.split_stray):
        return None
    labels = two_groups([m.vector for m in story.members])
    if labels is None:
        return None
    small = 1 if 2 * sum(labels) <= len(labels) else 0
    moving = [m for m, g in zip(story.members, labels, strict=True) if g == small]
    staying = [m for m, g in zip(story.members, labels, strict=True) if g != small]
    if len(moving) < least:
        return None
    if story.spec_norm2 and not apart(staying, moving, smallest, p.split_core, p.split_stray):
        return None
    parts = (_part(story, staying, p.centroid_terms), _part(story, moving, p.centroid_terms))
    bar = p.split_named_bar if story.spec_norm2 else engine._merge_bar(*parts)
    if engine._story_score(*parts) >= bar:
        return None
    new = parts[1]
    new.id, engine.next_id = engine.next_id, engine.next_id + 1
    new.storms = story.storms
    new.persons = _people(moving)
    story.persons = {name: w - new.persons.get(name, 0.0) for name, w in story.persons.items()
                     if w - new.persons.get(name, 0.0) > 1e-9}
    gone = {m.article for m in moving}
    stay = [i for i, article in enumerate(story.recent) if article not in gone]
    new.recent = [article for article in story.recent if article in gone]
    new.prints = [story.prints[i] for i, article in enumerate(story.recent) if article in gone]
    story.recent, story.prints = [story.recent[i] for i in stay], [story.prints[i] for i in stay]
    story.text, story.text_norm2 = without(story.text, [m.vector for m in moving])
    story.spec, story.spec_norm2 = without(story.spec, [m.spec for m in moving])
    story.size -= len(moving)
    story.signature_size = -1
    story.members = staying
    if story.title in {m.title for m in moving}:
        story.title, story.title_score = first_title(staying)
    engine.stories[new.id] = new
    engine._reindex(story)
    engine._reindex(new)
    return Split(story.id, new.id, tuple(m.article for m in moving))


def _people(members: list[Member]) -> Persons:
    """Who the reports of `members` are about (see protagonists)."""
    out: Persons = {}
    for m in members:
        out = add_persons(out, m.people)
    return out


def _part(like: Story, members: list[Member], keep: int) -> Story:
    """A story (of `like`'s class, no id yet) made of `members` alone."""
    part = type(like)(id=0, first=min(m.when for m in members), last=max(m.when for m in members), members=members)
    for m in members:
        part.text, part.text_norm2 = add_into(part.text, part.text_norm2, m.vector, keep)
        part.spec, part.spec_norm2 = add_into(part.spec, part.spec_norm2, m.spec, keep)
    part.size = len(members)
    part.title, part.title_score = first_title(members)
    return part
