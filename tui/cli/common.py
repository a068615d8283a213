"""Shared CLI plumbing: loading config and database with clear errors, time parsing, formatting."""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from tui.core.config import ConfigError, load_config
from tui.core.locations import resolve_config_path, resolve_db_path
from tui.core.models import Config
from tui.core.store import Store

EXIT_USAGE = 2


class CliError(Exception):
    """A user-facing error: printed without a traceback, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE, bare: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.bare = bare  # print as is (already `file:line: message`)


def add_location_args(parser: argparse.ArgumentParser, sub: bool = True) -> None:
    """--config and --db, understood before and after the subcommand."""
    default = argparse.SUPPRESS if sub else None  # a subcommand's absent option keeps the global one
    parser.add_argument("--config", metavar="PATH", default=default,
                        help="feeds.toml to read (default: $WIREWATCH_CONFIG, the user config dir, then ./feeds.toml)")
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="SQLite database (default: $WIREWATCH_DB, "
                        "settings.database, then the user data dir)")


def config_from_args(args: argparse.Namespace) -> Config:
    """Load the config the arguments point at; ConfigError becomes a CliError with file:line."""
    try:
        return load_config(resolve_config_path(getattr(args, "config", None)))
    except ConfigError as exc:
        raise CliError(str(exc), bare=True) from None


def db_path_from_args(args: argparse.Namespace, config: Config | None) -> Path:
    """Where the database lives, from --db, WIREWATCH_DB or the config."""
    return resolve_db_path(getattr(args, "db", None), config.settings.database if config else None)


def open_store(path: Path) -> Store:
    """Open (creating if needed) the database; failures become a CliError naming the file."""
    try:
        return Store(path)
    except Exception as exc:  # sqlite3.Error, OSError, RuntimeError (newer schema)
        raise CliError(f"{path}: cannot open database: {exc}") from None


_RELATIVE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.I)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_since(value: str, now: float | None = None) -> float:
    """An ISO 8601 date/time (UTC unless it says otherwise) or a span back from now ("24h", "7d")."""
    now = time.time() if now is None else now
    match = _RELATIVE.match(value)
    if match:
        return now - float(match.group(1)) * _UNITS[match.group(2).lower()]
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise CliError(f"--since {value!r}: use an ISO 8601 date/time (2021-09-18T19:00Z) "
                       "or a span such as 90m, 24h, 7d") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def iso_utc(epoch: float | None) -> str | None:
    """ISO 8601 UTC with a Z, seconds precision; None stays None."""
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ago(epoch: float | None, now: float | None = None) -> str:
    """A compact relative time: 'now', '5m ago', 'in 3h', '-' for None."""
    if epoch is None:
        return "-"
    delta = (time.time() if now is None else now) - epoch
    future = delta < 0
    delta = abs(delta)
    if delta < 45:
        text = f"{int(delta)}s"
    elif delta < 3600:
        text = f"{round(delta / 60)}m"
    elif delta < 86400:
        text = f"{delta / 3600:.1f}h".replace(".0h", "h")
    else:
        text = f"{delta / 86400:.1f}d".replace(".0d", "d")
    return f"in {text}" if future else f"{text} ago"


def require_terminal(what: str) -> None:
    """Refuse to start `what` (a full-screen program) when its input or output is not a terminal: run
    from cron or with its output redirected, it wrote escape codes into a file until it was killed."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CliError(f"{what} needs a terminal (its input or output is redirected); for scripts there are "
                       "`wirewatch poll`, `wirewatch clusters --json` and `wirewatch articles --json`")


def positive_count(value: str) -> int:
    """An argument that counts something: a whole number from 1 (SQLite reads LIMIT -5 as no limit)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: give 1 or more")
    return number


def safe(text: str | None) -> str:
    """Text from feeds, made safe for a terminal (no escape or control characters)."""
    from tui.core.textclean import one_line

    return one_line(text or "")


def fail(exc: CliError) -> int:
    """Print a CliError as `wirewatch: message` on stderr and return its code."""
    print(str(exc) if exc.bare else f"wirewatch: {exc}", file=sys.stderr)
    return exc.code
