"""Read and validate feeds.toml; every problem is reported as `FILE:LINE: what is wrong`."""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tui.core.models import Config, FeedConfig, Settings


class ConfigError(Exception):
    """A problem in the config file, already formatted as `file:line: message`."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=")
_SETTINGS_TYPES: dict[str, tuple[type, ...]] = {
    "interval": (int, float),
    "concurrency": (int,),
    "per_host_concurrency": (int,),
    "connect_timeout": (int, float),
    "read_timeout": (int, float),
    "total_timeout": (int, float),
    "max_response_bytes": (int,),
    "max_redirects": (int,),
    "max_backoff": (int, float),
    "database": (str,),
    "user_agent": (str,),
    "workers": (int,),
    "story_window_hours": (int, float),
    "keep_days": (int, float),
}
_FEED_KEYS = {"name", "url", "tags", "interval", "language", "enabled"}
_TOP_TABLES = {"settings", "feed", "keys", "watchlist"}
_POSITIVE = {"interval", "concurrency", "per_host_concurrency", "connect_timeout", "read_timeout",
             "total_timeout", "max_response_bytes", "max_backoff", "story_window_hours", "keep_days"}


class _LineMap:
    """Finds the line of a table header or key, by a light scan of the raw text."""

    def __init__(self, text: str) -> None:
        self.headers: dict[tuple[str, int], int] = {}
        self.keys: dict[tuple[str, int, str], int] = {}
        counts: dict[str, int] = {}
        table, index = "", 0
        for number, line in enumerate(text.splitlines(), 1):
            header = _HEADER.match(line)
            if header and not _KEY.match(line):
                table = header.group(2).strip().strip("\"'")
                index = counts.get(table, 0)
                if header.group(1) == "[[":
                    counts[table] = index + 1
                self.headers[(table, index)] = number
                continue
            key = _KEY.match(line)
            if key:
                self.keys.setdefault((table, index, key.group(1).strip("\"'")), number)

    def key(self, table: str, index: int, key: str) -> int:
        """Line of `key` inside the index-th `table`, else of the table header, else 0."""
        return self.keys.get((table, index, key)) or self.headers.get((table, index), 0)

    def header(self, table: str, index: int = 0) -> int:
        """Line of the index-th header of `table`, or 0 when absent."""
        return self.headers.get((table, index), 0)


def _type_name(types: tuple[type, ...]) -> str:
    return " or ".join({int: "an integer", float: "a number", str: "a string", bool: "true/false"}[t]
                       for t in types)


def _check_type(value: Any, types: tuple[type, ...]) -> bool:
    if isinstance(value, bool) and bool not in types:
        return False
    return isinstance(value, types)


def _parse_settings(raw: Any, where: str, lines: _LineMap) -> Settings:
    if not isinstance(raw, dict):
        raise ConfigError(where, lines.header("settings"), "[settings] must be a table")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        line = lines.key("settings", 0, key)
        if key not in _SETTINGS_TYPES:
            known = ", ".join(sorted(_SETTINGS_TYPES))
            raise ConfigError(where, line, f"unknown key '{key}' in [settings] (known: {known})")
        types = _SETTINGS_TYPES[key]
        if not _check_type(value, types):
            raise ConfigError(where, line, f"settings.{key} must be {_type_name(types)}, "
                                           f"not {type(value).__name__} {value!r}")
        if isinstance(value, float) and not math.isfinite(value):  # TOML has inf and nan
            raise ConfigError(where, line, f"settings.{key} must be a finite number, not {value!r}")
        if key in _POSITIVE and value <= 0:
            raise ConfigError(where, line, f"settings.{key} must be greater than 0, not {value!r}")
        if key in {"max_redirects", "workers"} and value < 0:
            raise ConfigError(where, line, f"settings.{key} must not be negative")
        values[key] = float(value) if float in types and str not in types else value
    known_fields = {f.name for f in fields(Settings)}
    settings = Settings(**{k: v for k, v in values.items() if k in known_fields})
    if settings.keep_days is not None and settings.keep_days * 24 < 2 * settings.story_window_hours:
        # an open story's reports must outlive it (the clustering remembers their ids while it is open)
        raise ConfigError(where, lines.key("settings", 0, "keep_days"),
                          f"settings.keep_days must be at least twice the story window "
                          f"({2 * settings.story_window_hours / 24:g} days), not {settings.keep_days:g}")
    return settings


def url_problem(url: str) -> str | None:
    """What is wrong with a feed's address (not http/https, no host, a space in the host, a port out of
    range), or None."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        return f"url {url!r} is not a valid URL ({exc})"
    if parts.scheme not in {"http", "https"}:
        return f"url {url!r} must start with http:// or https://"
    if not parts.hostname:
        return f"url {url!r} has no host"
    if any(c.isspace() for c in parts.netloc):
        return f"url {url!r} has a space in its host"
    try:
        parts.port  # noqa: B018 (read for its check: a port past 65535 raises)
    except ValueError:
        return f"url {url!r} has a port that is not a number from 0 to 65535"
    return None


def _parse_feed(raw: Any, index: int, where: str, lines: _LineMap) -> FeedConfig:
    header = lines.header("feed", index)
    if not isinstance(raw, dict):
        raise ConfigError(where, header, "[[feed]] must be a table")
    for key in raw:
        if key not in _FEED_KEYS:
            raise ConfigError(where, lines.key("feed", index, key),
                              f"unknown key '{key}' in [[feed]] (known: {', '.join(sorted(_FEED_KEYS))})")
    for required in ("name", "url"):
        if required not in raw:
            raise ConfigError(where, header, f"[[feed]] is missing '{required}'")

    def want(key: str, types: tuple[type, ...]) -> Any:
        value = raw.get(key)
        if value is not None and not _check_type(value, types):
            raise ConfigError(where, lines.key("feed", index, key),
                              f"feed.{key} must be {_type_name(types)}, not {type(value).__name__} {value!r}")
        return value

    name = want("name", (str,)).strip()
    if not name:
        raise ConfigError(where, lines.key("feed", index, "name"), "feed name must not be empty")
    url = want("url", (str,)).strip()
    problem = url_problem(url)
    if problem:
        raise ConfigError(where, lines.key("feed", index, "url"), f"feed '{name}': {problem}")
    tags = raw.get("tags", [])
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ConfigError(where, lines.key("feed", index, "tags"),
                          f"feed '{name}': tags must be a list of strings")
    interval = want("interval", (int, float))
    if interval is not None and not (0 < interval < math.inf):  # (nan is neither)
        raise ConfigError(where, lines.key("feed", index, "interval"),
                          f"feed '{name}': interval must be a number of seconds greater than 0, not {interval!r}")
    enabled = want("enabled", (bool,))
    return FeedConfig(
        name=name, url=url, tags=tuple(t.strip() for t in tags if t.strip()),
        interval=float(interval) if interval is not None else None,
        language=want("language", (str,)), enabled=True if enabled is None else enabled, line=header,
    )


def _string_list(raw: Any, where: str, line: int, what: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(t, str) for t in raw):
        raise ConfigError(where, line, f"{what} must be a list of strings")
    return tuple(raw)


def _deep_line(text: str, deepest: int = 100) -> int:
    """The line where brackets and braces first open `deepest` deep (0 if they never do)."""
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth >= deepest:
                return number
    return 0


def parse_config(text: str, where: str = "feeds.toml") -> Config:
    """Parse and validate the text of a feeds.toml; raise ConfigError on the first problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column \d+\)", message)
        line = int(match.group(1)) if match else 0
        raise ConfigError(where, line, "TOML syntax error: " + re.sub(r"\s*\(at line.*\)", "", message)) \
            from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise ConfigError(where, _deep_line(text), "arrays or tables nested too deep to be a feed list") from None
    lines = _LineMap(text)
    for key in data:
        if key not in _TOP_TABLES:
            line = lines.header(key) or lines.key("", 0, key)
            raise ConfigError(where, line, f"unknown table or key '{key}' (known: {', '.join(sorted(_TOP_TABLES))})")
    settings = _parse_settings(data.get("settings", {}), where, lines)
    raw_feeds = data.get("feed", [])
    if not isinstance(raw_feeds, list):
        raise ConfigError(where, lines.key("", 0, "feed"), "'feed' must be an array of tables: use [[feed]]")
    feeds: list[FeedConfig] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_feeds):
        feed = _parse_feed(raw, index, where, lines)
        folded = feed.name.casefold()
        if folded in seen:
            raise ConfigError(where, lines.key("feed", index, "name"),
                              f"duplicate feed name '{feed.name}' (first defined at line {seen[folded]})")
        seen[folded] = feed.line
        feeds.append(feed)
    watch_raw = data.get("watchlist", {})
    watch: tuple[str, ...] = ()
    outlets = 3
    if watch_raw:
        if not isinstance(watch_raw, dict) or set(watch_raw) - {"terms", "outlets"}:
            raise ConfigError(where, lines.header("watchlist"),
                              "[watchlist] takes terms = [\"...\"] and outlets = N")
        watch = _string_list(watch_raw.get("terms", []), where, lines.key("watchlist", 0, "terms"),
                             "watchlist.terms")
        outlets = watch_raw.get("outlets", 3)
        if not isinstance(outlets, int) or isinstance(outlets, bool) or outlets < 1:
            raise ConfigError(where, lines.key("watchlist", 0, "outlets"),
                              "watchlist.outlets must be a positive integer")
    keys_raw = data.get("keys", {})
    if not isinstance(keys_raw, dict) or not all(isinstance(v, str) for v in keys_raw.values()):
        raise ConfigError(where, lines.header("keys"), "[keys] maps binding ids to key names (strings)")
    return Config(path=where, settings=settings, feeds=tuple(feeds), watchlist=watch, keys=dict(keys_raw),
                  watch_outlets=outlets)


def load_config(path: Path) -> Config:
    """Read feeds.toml from `path`; raise ConfigError (with file and line) on any problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(str(path), 0, "config file not found (use --config or WIREWATCH_CONFIG)") from None
    except OSError as exc:
        raise ConfigError(str(path), 0, f"cannot read config file: {exc.strerror}") from None
    try:
        # a byte-order mark (Notepad writes one) is no TOML, but says nothing either: TOML syntax error at line 1
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(str(path), line, "file is not valid UTF-8") from None
    return parse_config(text, str(path))
