"""Shared fixtures: a real HTTP server on loopback, temporary config/database, paths to ../shared."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.feedserver import FeedServer

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def server() -> Iterator[FeedServer]:
    """A started FeedServer on 127.0.0.1 (random port), stopped after the test."""
    srv = FeedServer().start()
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own config, data and environment out of tests."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("WIREWATCH_CONFIG", raising=False)
    monkeypatch.delenv("WIREWATCH_DB", raising=False)
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(proxy, raising=False)


def write_config(path: Path, feeds: list[tuple[str, str]], **settings: object) -> Path:
    """Write a feeds.toml with the given (name, url) feeds and settings."""
    lines = ["[settings]"]
    for key, value in settings.items():
        lines.append(f"{key} = {value!r}".replace("'", '"'))
    for name, url in feeds:
        lines += ["", "[[feed]]", f'name = "{name}"', f'url = "{url}"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def shared(*parts: str) -> Path:
    """A path under ../shared (the test data every CI run has beside the checkout)."""
    path = SHARED.joinpath(*parts)
    assert path.exists(), f"{path} is missing: CI runs with ../shared beside the repository"
    return path


os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
