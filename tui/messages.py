"""Messages posted by workers to the app (immutable results; handlers own the state changes)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from textual.message import Message
from textual.strip import Strip

from tui.core.models import Config, FeedHealth, PollOutcome
from tui.core.storyview import StoryDetail
from tui.core.summaries import StorySummary


@dataclass
class StoriesLoaded(Message):
    """A fresh list of stories (after start-up or a poll round)."""

    stories: tuple[StorySummary, ...]
    discrepant: frozenset[int]
    health: tuple[FeedHealth, ...]
    outcomes: tuple[PollOutcome, ...] = ()
    new_stories: tuple[int, ...] = ()
    polled_at: float = 0.0
    next_poll: float = 0.0
    clustering_error: str = ""  # why the new articles could not be clustered (they stay stored)
    # when the stories and health were read (time.monotonic()): workers read in parallel and their
    # messages can arrive out of order; an older snapshot never replaces a newer one
    read_at: float = field(default_factory=time.monotonic)


@dataclass
class DiscrepanciesCounted(Message):
    """Stories found to have discrepancies by a count made after they were loaded."""

    flagged: frozenset[int]
    counted_at: float = field(default_factory=time.monotonic)  # the counts were stored by then


@dataclass
class DetailLoaded(Message):
    """The detail of the selected story, laid out as lines (with this article selected)."""

    detail: StoryDetail
    lines: tuple[Strip, ...]
    article_index: int


@dataclass
class PollStarted(Message):
    """A poll round began."""


@dataclass
class DetailPrefetched(Message):
    """A story next to the cursor, built ahead so stepping onto it shows it at once."""

    loaded: DetailLoaded


@dataclass
class SearchDone(Message):
    """The stories that match a full-text search."""

    query: str
    stories: frozenset[int]


@dataclass
class ConfigReloaded(Message):
    """feeds.toml changed on disk: the config read again, or why it could not be (file:line: what)."""

    config: Config | None
    error: str = ""
