"""feeds.toml validation: every problem named with file and line; the shipped default is valid."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO
from tui.core.config import ConfigError, load_config, parse_config
from tui.core.config_watch import ConfigWatch


def error_of(text: str) -> str:
    with pytest.raises(ConfigError) as info:
        parse_config(text, "feeds.toml")
    return str(info.value)


def test_syntax_error_has_line() -> None:
    assert error_of('[[feed]]\nname = "a"\nurl = "http://x\n').startswith("feeds.toml:3: TOML syntax error")


def test_unknown_key_wrong_type_duplicate_and_bad_url() -> None:
    assert error_of('[settings]\ninterval = 5\nconcurency = 3\n').startswith(
        "feeds.toml:3: unknown key 'concurency' in [settings]")
    assert error_of('[settings]\nconcurrency = "8"\n').startswith("feeds.toml:2: settings.concurrency must be")
    assert error_of('[settings]\nconcurrency = true\n').startswith("feeds.toml:2:")
    feeds = '[[feed]]\nname = "A"\nurl = "http://a"\n\n[[feed]]\nname = "a"\nurl = "http://b"\n'
    assert error_of(feeds) == "feeds.toml:6: duplicate feed name 'a' (first defined at line 1)"
    assert error_of('[[feed]]\nname = "A"\nurl = "file:///etc/passwd"\n') == (
        "feeds.toml:3: feed 'A': url 'file:///etc/passwd' must start with http:// or https://")
    assert error_of('[[feed]]\nname = "A"\n').startswith("feeds.toml:1: [[feed]] is missing 'url'")
    assert error_of('[[feed]]\nname = "A"\nurl = "http://a"\ntag = ["x"]\n').startswith(
        "feeds.toml:4: unknown key 'tag' in [[feed]]")
    assert error_of('[[feed]]\nname = "A"\nurl = "http://a"\ninterval = -5\n').startswith("feeds.toml:4:")
    assert error_of('[feeds]\nx = 1\n').startswith("feeds.toml:1: unknown table or key 'feeds'")
    assert error_of('[settings]\nstory_window_hours = 0\n').startswith("feeds.toml:2: settings.story_window_hours")


@pytest.mark.parametrize("value", ["inf", "+inf", "nan", "-inf"])
def test_an_infinite_or_undefined_number_is_refused(value: str) -> None:
    """TOML writes inf and nan: an interval of inf passed 'greater than 0' and the feed was never due."""
    assert error_of(f'[[feed]]\nname = "A"\nurl = "http://a"\ninterval = {value}\n') == (
        f"feeds.toml:4: feed 'A': interval must be a number of seconds greater than 0, not {float(value)!r}")
    assert error_of(f"[settings]\ninterval = {value}\n") == (
        f"feeds.toml:2: settings.interval must be a finite number, not {float(value)!r}")
    assert error_of(f"[settings]\nmax_backoff = {value}\n").startswith("feeds.toml:2: settings.max_backoff")


@pytest.mark.parametrize(("url", "said"), [
    ("http://127.0.0.1:99999/rss", "has a port that is not a number from 0 to 65535"),
    ("http://example.org:rss/", "has a port that is not a number from 0 to 65535"),
    ("http://exa mple.org/rss", "has a space in its host"),
])
def test_an_address_that_cannot_be_fetched_is_named_with_its_line(url: str, said: str) -> None:
    """A port past 65535 failed at fetch time as 'unexpected error: ExceptionGroup: unhandled errors in
    a TaskGroup'."""
    assert error_of(f'[[feed]]\nname = "A"\nurl = "{url}"\n') == f"feeds.toml:3: feed 'A': url {url!r} {said}"


def test_arrays_nested_thousands_deep_are_named_not_a_traceback() -> None:
    """tomllib reads nested arrays by recursion: 50,000 of them ended in RecursionError."""
    text = '[[feed]]\nname = "A"\nurl = "http://a"\n\ntags = ' + "[" * 50_000 + "]" * 50_000 + "\n"
    assert error_of(text) == "feeds.toml:5: arrays or tables nested too deep to be a feed list"


def test_valid_config_with_everything() -> None:
    config = parse_config("""
[settings]
interval = 600
concurrency = 8
per_host_concurrency = 2
max_response_bytes = 5_000_000
user_agent = "test"
story_window_hours = 36

[watchlist]
terms = ["Kharbmaidon"]

[keys]
refresh = "ctrl+r"

[[feed]]
name = "Asia-Plus"
url = "https://asiaplustj.info/en/rss"
tags = ["central-asia"]
interval = 300
language = "en"

[[feed]]
name = "Off"
url = "http://example.org/feed"
enabled = false
""")
    assert config.settings.interval == 600.0 and config.settings.per_host_concurrency == 2
    assert [f.name for f in config.feeds] == ["Asia-Plus", "Off"]
    assert config.feeds[0].tags == ("central-asia",) and config.feeds[0].interval == 300.0
    assert config.settings.story_window == 36 * 3600.0
    assert config.feeds[0].line == 16 and not config.feeds[1].enabled
    assert config.watchlist == ("Kharbmaidon",) and config.keys == {"refresh": "ctrl+r"}


def test_shipped_feeds_toml_is_valid_and_regional() -> None:
    config = load_config(REPO / "feeds.toml")
    assert len(config.feeds) >= 12
    tags = {t for f in config.feeds for t in f.tags}
    assert {"central-asia", "south-asia", "world"} <= tags
    assert all(f.url.startswith("https://") for f in config.feeds)


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "feeds.toml"
    bad.write_bytes(b'[settings]\n# caf\xe9\n')
    with pytest.raises(ConfigError, match=r"feeds.toml:2: file is not valid UTF-8"):
        load_config(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


def test_a_byte_order_mark_and_windows_line_ends_are_read(tmp_path: Path) -> None:
    """Notepad saves feeds.toml with a byte-order mark and CRLF: that was a 'TOML syntax error' at line 1."""
    path = tmp_path / "feeds.toml"
    path.write_bytes(b'\xef\xbb\xbf[settings]\r\ninterval = 600\r\n\r\n[[feed]]\r\nname = "A"\r\n'
                     b'url = "https://a.example/rss"\r\n')
    config = load_config(path)
    assert [f.name for f in config.feeds] == ["A"] and config.settings.interval == 600


def test_a_config_watch_reads_the_file_again_only_when_it_changed(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('[[feed]]\nname = "A"\nurl = "http://a"\n')
    watch = ConfigWatch(str(path))
    assert watch.check() is None  # as it was when the watch began
    stamp = path.stat().st_mtime
    path.write_text('[[feed]]\nname = "A"\nurl = "http://a"\n\n[[feed]]\nname = "B"\nurl = "http://b"\n')
    os.utime(path, (stamp + 1, stamp + 1))
    changed = watch.check()
    assert not isinstance(changed, ConfigError) and changed is not None
    assert [f.name for f in changed.feeds] == ["A", "B"]
    assert watch.check() is None  # read once per change
    path.write_text('[[feed]]\nname = "A"\n')
    os.utime(path, (stamp + 2, stamp + 2))
    broken = watch.check()
    assert isinstance(broken, ConfigError) and str(broken) == f"{path}:1: [[feed]] is missing 'url'"
    assert ConfigWatch("<demo>").check() is None  # a config with no file is never read again
