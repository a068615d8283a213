"""Every path Wirewatch uses has its home here (XDG directories via platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "wirewatch"
CONFIG_ENV = "WIREWATCH_CONFIG"
DB_ENV = "WIREWATCH_DB"


def data_dir() -> Path:
    """The user's data directory for Wirewatch (created on demand by callers)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user's configuration directory for Wirewatch."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_config_path() -> Path:
    """Where feeds.toml is read from when neither --config nor WIREWATCH_CONFIG is given.

    The user's config directory wins when it holds a feeds.toml; otherwise the feeds.toml in the
    current directory (the shipped default set when run from a checkout).
    """
    user = config_dir() / "feeds.toml"
    if user.exists():
        return user
    return Path("feeds.toml")


def resolve_config_path(cli_value: str | None) -> Path:
    """--config beats WIREWATCH_CONFIG beats the default location."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env)
    return default_config_path()


def resolve_db_path(cli_value: str | None, configured: str | None) -> Path:
    """--db beats WIREWATCH_DB beats `settings.database` beats the XDG data dir."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    if configured:
        return Path(os.path.expanduser(configured))
    return data_dir() / "wirewatch.db"
