"""Incremental event clustering: each article joins the most similar recent story or starts one.

Two views of every article: its content terms (what happened) and its specifics (names, numbers,
years: which one of several such events). Candidates come from an inverted index over each
story's strongest terms, limited to stories active within a time window, so the cost per article
does not grow with history. Stories that turn out to be one are merged (the larger keeps its id).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields
from itertools import chain

from rapidfuzz import fuzz, process

from tui.core.cluster_params import EngineParams, merge_check_due, split_check_due
from tui.core.features import document_features, named_storms
from tui.core.idf import MAX_TERMS, DocumentFrequencies
from tui.core.protagonists import Persons, about_other_people, add_persons, persons
from tui.core.splits import Member, Split, apart, split_story
from tui.core.vectors import Vector, add_into, dot, largest, spec_dot, top_terms


@dataclass(slots=True)
class Story:
    """A cluster's running state."""

    id: int
    text: Vector = field(default_factory=dict)
    text_norm2: float = 0.0
    spec: Vector = field(default_factory=dict)
    spec_norm2: float = 0.0
    size: int = 0
    first: float = 0.0
    last: float = 0.0
    indexed: tuple[str, ...] = ()
    title: str = ""
    title_score: float = -1.0
    signature: Vector = field(default_factory=dict)  # strongest terms, for merge checks
    signature_size: int = -1
    recent: list[str] = field(default_factory=list)  # article ids of the latest members
    prints: list[str] = field(default_factory=list)  # and their fingerprints
    storms: frozenset[str] = frozenset()  # named storms its headlines mention (see named_storms)
    persons: Persons = field(default_factory=dict)  # the people its reports are about (see protagonists)
    members: list[Member] = field(default_factory=list)  # its latest reports (see splits)

    def __getstate__(self) -> tuple[None, dict[str, object]]:
        """Saved without `members`: they are kept for a split while the engine runs (tens of MB pickled
        with every save of a first poll otherwise); after a restart a story remembers its new reports."""
        return None, {name: getattr(self, name) for name in self.__slots__ if name != "members" and hasattr(self, name)}

    def __setstate__(self, state: tuple[object, dict[str, object]]) -> None:
        """Load a story saved by this version or an earlier one (fields it lacks are left unset)."""
        self.members = []
        for name, value in state[1].items():
            setattr(self, name, value)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an article went."""

    article: str
    story: int
    new_story: bool
    similarity: float
    copy_of: str | None = None  # an earlier article of the story this one is a copy of
    folded: tuple[tuple[int, int], ...] = ()  # every (gone, kept) fold while adding it: merges and rechecks
    split: Split | None = None  # a story cut in two while adding it (after the merges, before the rechecks)

    def touched(self) -> tuple[int, ...]:
        """The stories adding it changed: its own, those that absorbed others, and both parts of a split."""
        split = (self.split.kept, self.split.new) if self.split is not None else ()
        return (self.story, *(kept for _gone, kept in self.folded), *split)


_Idf = DocumentFrequencies  # engines saved before it moved to idf.py name it so


def _wordy(a: Story, b: Story) -> bool:
    """Neither story has specifics (names, numbers, years): only their words can tell them apart."""
    return not a.spec_norm2 and not b.spec_norm2


def _other_storms(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name storms (see named_storms), and not the same ones."""
    return bool(a and b and not a & b)


def fingerprint(title: str, text: str) -> str:
    """What copies of one report share: the headline and the start of the text, case and spacing folded."""
    return " ".join(title[:1000].lower().split()) + " | " + " ".join(text[:400].lower().split())


class StoryEngine:
    """The incremental clusterer. Feed it articles in arrival order with `add`."""

    def __init__(self, params: EngineParams | None = None) -> None:
        self.params = params or EngineParams()
        self.text_idf = DocumentFrequencies()
        self.spec_idf = DocumentFrequencies()
        self.stories: dict[int, Story] = {}
        self.redirects: dict[int, int] = {}  # merged story id → the id that absorbed it
        self.index: dict[str, set[int]] = defaultdict(set)
        self.surface: dict[str, str] = {}  # stem → a word as written, for explanations
        self.next_id = 1
        self.articles = 0  # articles added so far
        self.clock = 0.0  # latest publication time seen
        self.rechecks: list[tuple[int, int]] = []  # heap of (article count due, story id)
        self.timed_rechecks: list[tuple[float, int]] = []  # heap of (time due, story id)

    def __getstate__(self) -> dict[str, object]:
        """The engine as saved with the assignments; its knobs by name, so that adding one later
        does not shift the others."""
        state = self.__dict__.copy()
        state["params"] = {f.name: getattr(self.params, f.name) for f in fields(EngineParams)}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        """Load a saved engine. Knobs saved by name are kept (unknown ones dropped, new ones default);
        an engine saved by an earlier version kept its knobs as an object whose fields may have moved
        since, and gets today's defaults (the shipped defaults are the only configuration)."""
        params = state.get("params")
        if isinstance(params, dict):
            known = {f.name for f in fields(EngineParams)}
            state["params"] = EngineParams(**{k: v for k, v in params.items() if k in known})
        else:
            state["params"] = EngineParams()
        for name, empty in (("articles", 0), ("clock", 0.0), ("rechecks", []), ("timed_rechecks", [])):
            state.setdefault(name, empty)  # saved before small stories were rechecked
        self.__dict__.update(state)
        for story in self.stories.values():  # saved before storms, then people, were told apart
            if not hasattr(story, "storms"):
                story.storms = frozenset()
            if not hasattr(story, "persons"):
                story.persons = {}

    # -- scoring -----------------------------------------------------------------------------------

    def _combine(self, text: float, spec: float | None) -> float:
        if spec is None:
            return text
        w = self.params.spec_weight
        return (1.0 - w) * text + w * spec

    def _best(self, tvec: Vector, svec: Vector, candidates: list[Story]) -> tuple[Story | None, float]:
        """The candidate most similar to an article and its similarity (the scoring loop, inlined: it
        runs for every candidate of every article)."""
        w = self.params.spec_weight
        min_shared = self.params.min_shared_specifics
        sqrt = math.sqrt
        tkeys = tvec.keys()
        best: Story | None = None
        best_sim = 0.0
        for story in candidates:
            st = story.text
            if not story.text_norm2:
                continue
            sim = sum([tvec[t] * st[t] for t in tkeys & st.keys()]) / sqrt(story.text_norm2)
            if svec and story.spec_norm2:
                sim = (1.0 - w) * sim + w * spec_dot(svec, story.spec, min_shared) / sqrt(story.spec_norm2)
            if sim > best_sim:
                best, best_sim = story, sim
        return best, best_sim

    def _other_people(self, people: Persons, reports: int, story: Story) -> bool:
        """Whether `reports` reports naming `people` are about others than `story` (see protagonists)."""
        p = self.params
        return about_other_people(people, reports, story.persons, story.size, p.protagonist_weight,
                                  p.protagonist_share)

    def _apart(self, a: Story, b: Story) -> bool:
        """Whether two stories with names are about different people or places (see splits.apart): a
        story that was split off is not merged back, nor another story of its kind merged in."""
        p = self.params
        return bool(a.spec_norm2 and b.spec_norm2) and apart(a.members, b.members, p.split_min_part_named, p.split_core,
                                                            p.split_stray)

    def _signature(self, story: Story) -> Vector:
        """A story's strongest terms (they carry nearly all of a dot product), cached per size."""
        if story.signature_size != story.size:
            k = self.params.merge_terms
            story.signature = story.text if len(story.text) <= k else dict(largest(story.text, k))
            story.signature_size = story.size
        return story.signature

    def _join_bar(self, story: Story, named: bool) -> float:
        """The similarity an article (`named`: it has specifics) needs to join `story`.

        A one-report story with nothing but words is a weak anchor: on the Google News set (no names)
        the second report decided what a story was about, and joins at 0.17-0.24 fused two topics for
        good (Iraqi bombings and Moscow arrests). Joining such a story asks `wordy_pair_threshold`;
        the rechecks fold back what belongs. A larger story with nothing but words, joined by a report
        with nothing but words, asks `wordy_threshold` (see EngineParams).
        """
        p = self.params
        if not named and not story.spec_norm2:
            return max(p.threshold, p.wordy_pair_threshold) if story.size == 1 else p.wordy_threshold
        return p.threshold

    def _merge_bar(self, a: Story, b: Story) -> float:
        """The similarity two stories need to merge: higher unless both have nothing but their words.

        Replaying real feeds, about half of the merges at 0.30-0.40 between stories with names joined
        two events of one topic (other countries' Covid updates into New Zealand's outbreak, a Chinese
        crew's return into SpaceX's); stories without names or figures (the lower-cased Google News
        set) have nothing else to go by and merge at the base threshold.
        """
        return self.params.merge_threshold if _wordy(a, b) else self.params.merge_threshold_named

    def _story_score(self, a: Story, b: Story) -> float:
        if len(a.text) > len(b.text):
            a, b = b, a
        top = self._signature(a)
        text = dot(top, b.text) / math.sqrt(a.text_norm2 * b.text_norm2) if a.text_norm2 and b.text_norm2 else 0.0
        spec = (spec_dot(a.spec, b.spec, self.params.min_shared_specifics) / math.sqrt(a.spec_norm2 * b.spec_norm2)
                if a.spec_norm2 and b.spec_norm2 else None)
        return self._combine(text, spec)

    def _candidates(self, keys: list[str], when: float, exclude: int = 0, limit: int = 0) -> list[Story]:
        index = self.index
        most = self.params.max_postings  # a term nearly every story is indexed by finds nothing (see EngineParams)
        hits: Counter[int] = Counter(chain.from_iterable(  # counted in C
            found for t in keys if (found := index.get(t)) is not None and len(found) <= most))
        hits.pop(exclude, None)
        out: list[Story] = []
        window = self.params.window
        least = 0.0  # set by the first story in the window (see EngineParams.candidate_share)
        for sid, shared in largest(hits, limit or self.params.max_candidates):  # Counter.most_common's order
            if shared < least:  # the rest share even fewer
                break
            story = self.stories[sid]
            # within the window on either side: a report dated long before a story began (a late-arriving
            # archive item, an evergreen page) is not part of it either
            if story.first - window <= when <= story.last + window:
                if not out:
                    least = shared * self.params.candidate_share
                out.append(story)
        return out

    # -- assignment --------------------------------------------------------------------------------

    def add(self, article_id: str, title: str, text: str, when: float) -> Assignment:
        """Assign one article (in arrival order) to a story; returns where it went."""
        p = self.params
        if len(self.surface) > MAX_TERMS:  # headline words as written, for the stems still counted
            self.surface = {stem: word for stem, word in self.surface.items() if stem in self.text_idf.df}
        counts, specs = document_features(title, text, p.title_weight, surface=self.surface)
        tvec = self.text_idf.vector(counts, p.doc_terms)
        svec = self.spec_idf.vector(specs, p.doc_terms) if specs else {}
        storms = named_storms(title)
        people = persons(specs)
        candidates = self._candidates(top_terms(tvec, p.query_terms), when)
        if storms:  # Tropical Storm Peter's reports do not join Tropical Storm Rose's story
            candidates = [c for c in candidates if not _other_storms(storms, c.storms)]
        if people:  # nor a report about Williams' arrest the story of Jackson's
            candidates = [c for c in candidates if not self._other_people(people, 1, c)]
        best, best_sim = self._best(tvec, svec, candidates)
        created = best is None or best_sim < self._join_bar(best, bool(svec))
        if best is None or created:
            best = Story(id=self.next_id, first=when, last=when)
            self.next_id += 1
            self.stories[best.id] = best
        copy_of = self._copy_of(best, fingerprint(title, text), article_id)
        self._absorb(best, tvec, svec, when)
        best.storms |= storms
        best.persons = add_persons(best.persons, people)
        score = 1.0 if created else best_sim
        if score > best.title_score and title:
            best.title, best.title_score = title, score
        best.members.append(Member(article_id, when, title, tvec, svec, people))
        del best.members[: -p.split_memory]
        merged = self._merge_similar(best, when) if merge_check_due(best.size) else ()
        story_id = self.resolve(best.id)
        split = None
        story = self.stories[story_id]
        if story.size >= 2 * p.smallest_part(bool(story.spec_norm2)) and split_check_due(story.size):
            split = split_story(self, story)
            if split is not None and article_id in split.articles:
                story_id = split.new
        self.articles += 1
        self.clock = max(self.clock, when)
        if created and not svec:  # only stories that name nothing are rechecked (see _recheck_small)
            for age in p.recheck_after:
                heapq.heappush(self.rechecks, (self.articles + age, best.id))
            for delay in p.recheck_delay:
                heapq.heappush(self.timed_rechecks, (when + delay, best.id))
        folded = tuple((gone, story_id) for gone in merged) + self._recheck_small()
        return Assignment(article_id, self.resolve(story_id), created, best_sim, copy_of, folded, split)

    def settle(self) -> tuple[tuple[int, int], ...]:
        """Run every recheck still pending (see _recheck_small) now; the (gone, kept) folds. For an input
        that has ended (`wirewatch cluster`): no later article will come to bring their time, and the
        stories they wait for have taken all the shape they will."""
        return self._recheck_small(everything=True)

    def _recheck_small(self, everything: bool = False) -> tuple[tuple[int, int], ...]:
        """Give small stories whose recheck is due another chance to join a larger story.

        A report that came before its story had taken shape (an odd angle, a short item) starts a
        story of its own; a thousand articles or six hours later the story it belongs to is clearer,
        and the small one is folded into it (the larger keeps its id) at `recheck_threshold`. Only
        stories with nothing but their words are rechecked (like the lower-cased Google News set,
        where 123 of 5,838 reports stayed alone): a story with names or figures is placed by them,
        and on the replayed archive rechecks of those at the merge bar found one fold in 1,350
        articles, into a topic blob. The larger story must name nothing either.
        """
        due: list[int] = []
        while self.rechecks and (everything or self.rechecks[0][0] <= self.articles):
            due.append(heapq.heappop(self.rechecks)[1])
        while self.timed_rechecks and (everything or self.timed_rechecks[0][0] <= self.clock):
            due.append(heapq.heappop(self.timed_rechecks)[1])
        p = self.params
        folded: list[tuple[int, int]] = []
        for sid in due:
            small = self.stories.get(sid)
            if small is None or small.size > p.recheck_size or small.spec_norm2:
                continue
            best, best_margin = None, 0.0
            for other in self._candidates(list(small.indexed[: p.query_terms]), small.last, sid):
                if (other.size <= small.size or not _wordy(small, other) or _other_storms(small.storms, other.storms)
                        or self._other_people(small.persons, small.size, other)):
                    continue
                margin = self._story_score(small, other) - p.recheck_threshold
                if margin >= best_margin:
                    best, best_margin = other, margin
            if best is not None:
                self._fold(best, small)
                folded.append((sid, best.id))
        return tuple(folded)

    def _copy_of(self, story: Story, print_: str, article_id: str) -> str | None:
        found = process.extractOne(print_, story.prints, scorer=fuzz.ratio,
                                   score_cutoff=self.params.copy_ratio) if story.prints else None
        match = story.recent[found[2]] if found else None
        story.recent.append(article_id)
        story.prints.append(print_)
        del story.recent[: -self.params.copy_memory]
        del story.prints[: -self.params.copy_memory]
        return match

    def _absorb(self, story: Story, tvec: Vector, svec: Vector, when: float) -> None:
        keep = self.params.centroid_terms
        story.text, story.text_norm2 = add_into(story.text, story.text_norm2, tvec, keep)
        story.spec, story.spec_norm2 = add_into(story.spec, story.spec_norm2, svec, keep)
        story.size += 1
        story.first = min(story.first, when)
        story.last = max(story.last, when)
        if merge_check_due(story.size):  # a big story's strongest terms change slowly
            self._reindex(story)

    def _reindex(self, story: Story) -> None:
        top = tuple(top_terms(story.text, self.params.index_terms))
        for term in set(story.indexed) - set(top):
            self.index[term].discard(story.id)
        for term in top:
            self.index[term].add(story.id)
        story.indexed = top

    def _merge_similar(self, story: Story, when: float) -> tuple[int, ...]:
        merged: list[int] = []
        while True:
            best, best_margin = None, 0.0
            keys = list(story.indexed[: self.params.query_terms])
            for other in self._candidates(keys, when, story.id, self.params.merge_candidates):
                if _other_storms(story.storms, other.storms) or self._other_people(story.persons, story.size, other):
                    continue
                margin = self._story_score(story, other) - self._merge_bar(story, other)
                if margin >= best_margin and not self._apart(story, other):
                    best, best_margin = other, margin
            if best is None:
                return tuple(merged)
            keep, gone = (story, best) if (story.size, -story.id) > (best.size, -best.id) else (best, story)
            self._fold(keep, gone)
            merged.append(gone.id)
            story = keep

    def _fold(self, keep: Story, gone: Story) -> None:
        limit = self.params.centroid_terms
        keep.text, keep.text_norm2 = add_into(keep.text, keep.text_norm2, gone.text, limit)
        keep.spec, keep.spec_norm2 = add_into(keep.spec, keep.spec_norm2, gone.spec, limit)
        keep.size += gone.size
        keep.storms |= gone.storms
        keep.persons = add_persons(keep.persons, gone.persons)
        keep.first, keep.last = min(keep.first, gone.first), max(keep.last, gone.last)
        keep.recent = (keep.recent + gone.recent)[-self.params.copy_memory:]
        keep.members = (keep.members + gone.members)[-self.params.split_memory:]
        keep.prints = (keep.prints + gone.prints)[-self.params.copy_memory:]
        if gone.title_score > keep.title_score:
            keep.title, keep.title_score = gone.title, gone.title_score
        for term in gone.indexed:
            self.index[term].discard(gone.id)
        del self.stories[gone.id]
        self.redirects[gone.id] = keep.id
        self._reindex(keep)

    # -- reading -----------------------------------------------------------------------------------

    def resolve(self, sid: int) -> int:
        """The surviving id of a story that may have been merged into another."""
        while sid in self.redirects:
            sid = self.redirects[sid]
        return sid

    def explain(self, sid: int, k: int = 8) -> list[str]:
        """What ties a story together: its strongest names, then its strongest other terms."""
        story = self.stories.get(self.resolve(sid))
        if story is None:
            return []
        names = [t[2:] for t in top_terms({t: w for t, w in story.spec.items() if t.startswith("e:")}, k // 2)]
        rest = [self.surface.get(t, t) for t in top_terms(story.text, k * 2)
                if not t.startswith("e:") and not t[0].isdigit()]
        out = list(dict.fromkeys(names))
        for term in rest:
            if len(out) >= k:
                break
            if not any(term in name.split() for name in out):
                out.append(term)
        return out

    def close_quiet(self, now: float) -> list[int]:
        """Forget stories with no report within the window (their ids stay valid in the database)."""
        quiet = [sid for sid, s in self.stories.items() if now - s.last > self.params.window]
        for sid in quiet:
            for term in self.stories[sid].indexed:
                self.index[term].discard(sid)
            del self.stories[sid]
        for term in [t for t, ids in self.index.items() if not ids]:
            del self.index[term]
        return quiet
