"""Appending feeds to feeds.toml (`wirewatch add`, `wirewatch import-opml`): the new text is read back
before it is written, and the file is replaced at once."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tui.cli.common import CliError
from tui.core.config import ConfigError, parse_config


def replace_file(path: Path, text: str) -> None:
    """Replace the file at once (a temporary file renamed over it), keeping its permissions; a symlinked
    feeds.toml (kept with the user's dotfiles) is written where the link points, and stays a link."""
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".feeds-", suffix=".toml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def append_to_config(path: Path, existing: str, block: str, what: str, code: int) -> None:
    """Write `existing` (the file's text, "" when there is none) with `block` (`[[feed]]` tables) after a
    blank line; `what` names the action in the error (exit `code`) when the result would not read back."""
    text = existing + ("" if existing.endswith("\n") or not existing else "\n") + ("\n" if existing else "") + block
    try:
        parse_config(text, str(path))  # never write a file that could not be read back
    except ConfigError as exc:
        raise CliError(f"{what} would make an invalid config: {exc}", code=code) from None
    try:
        replace_file(path, text)
    except OSError as exc:
        raise CliError(f"{path}: cannot write: {exc.strerror or exc}", code=code) from None
