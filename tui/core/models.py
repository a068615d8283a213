"""Immutable value types shared by the core modules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class FeedConfig:
    """One `[[feed]]` table of feeds.toml."""

    name: str
    url: str
    tags: tuple[str, ...] = ()
    interval: float | None = None  # seconds; None = the settings' default
    language: str | None = None
    enabled: bool = True
    line: int = 0  # line of the `[[feed]]` header in the config file, for messages


@dataclass(frozen=True, slots=True)
class Settings:
    """The `[settings]` table of feeds.toml, with defaults."""

    interval: float = 900.0
    concurrency: int = 16
    per_host_concurrency: int = 4
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_response_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    max_backoff: float = 6 * 3600.0
    database: str | None = None
    user_agent: str = "Wirewatch/0.1 (+https://github.com/wirewatch/wirewatch)"
    workers: int = 0  # fetch-and-parse worker processes; 0 = one per CPU core
    story_window_hours: float = 72.0  # a story with no report for this long is closed: later reports start a new one
    keep_days: float | None = None  # articles older than this are deleted (except starred stories'); None: kept

    @property
    def story_window(self) -> float:
        """The story window in seconds."""
        return self.story_window_hours * 3600.0

    @property
    def keep_seconds(self) -> float | None:
        """How long articles are kept (keep_days in seconds), or None: for good."""
        return None if self.keep_days is None else self.keep_days * 86400.0


@dataclass(frozen=True, slots=True)
class Config:
    """A whole feeds.toml: settings, feeds and the remaining free-form tables."""

    path: str
    settings: Settings
    feeds: tuple[FeedConfig, ...]
    watchlist: tuple[str, ...] = ()
    keys: dict[str, str] = field(default_factory=dict)
    watch_outlets: int = 3  # notify when a story is reported by this many outlets


class Article(NamedTuple):
    """A normalised feed entry, ready to store (a NamedTuple: it crosses process boundaries by the
    thousand, and tuples pickle several times faster than dataclasses)."""

    id: str
    feed: str
    title: str
    link: str
    author: str
    published: float  # UTC epoch seconds
    summary: str
    content: str
    language: str | None = None
    guid: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What the parser made of one response body."""

    articles: tuple[Article, ...]
    title: str = ""
    ttl_seconds: float | None = None
    problem: str | None = None  # feedparser's bozo message, or why nothing could be read
    fatal: bool = False  # True when no entries could be salvaged from a broken document


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The outcome of one HTTP fetch of a feed (body not parsed yet)."""

    feed: str
    status: int | None  # final HTTP status; None when no response arrived
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_after: float | None = None  # seconds, from Retry-After
    max_age: float | None = None  # seconds, from Cache-Control
    permanent_redirect: str | None = None  # new URL after a 301/308 chain
    final_url: str = ""
    elapsed: float = 0.0

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional GET."""
        return self.status == 304


@dataclass(frozen=True, slots=True)
class FeedHealth:
    """Stored per-feed fetch state and health."""

    name: str
    url: str
    last_attempt: float | None = None
    last_success: float | None = None
    status: int | None = None
    error_streak: int = 0
    last_error: str | None = None
    next_due: float = 0.0
    not_modified_count: int = 0
    etag: str | None = None
    last_modified: str | None = None
    redirected_to: str | None = None
    article_count: int = 0


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll of one feed did, for the CLI and the dashboard."""

    feed: str
    kind: str  # "new", "unchanged", "error", "skipped"
    new: int = 0
    updated: int = 0
    status: int | None = None
    error: str | None = None
    note: str | None = None  # e.g. permanent redirect or salvaged malformed feed
    new_ids: tuple[str, ...] = ()
