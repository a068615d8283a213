"""Noticing that feeds.toml changed while the dashboard runs (a feed added with `wirewatch add`, or the
file edited), and reading it again."""

from __future__ import annotations

from pathlib import Path

from tui.core.config import ConfigError, load_config
from tui.core.models import Config


class ConfigWatch:
    """Watches one config file by its modification time and size."""

    def __init__(self, path: str) -> None:
        self.path = Path(path)
        self._seen = self._stamp()

    def _stamp(self) -> tuple[int, int] | None:
        try:
            found = self.path.stat()
        except OSError:  # no such file (the demo's config has none), or unreadable for now
            return None
        return found.st_mtime_ns, found.st_size

    def check(self) -> Config | ConfigError | None:
        """The config read again when its file changed since the last check, or what stops it being
        read (file and line); None when it did not change. A file caught half-written reads as an error
        now and as the config at the next check, when its writer has finished."""
        stamp = self._stamp()
        if stamp is None or stamp == self._seen:
            return None
        self._seen = stamp
        try:
            return load_config(self.path)
        except ConfigError as exc:
            return exc
