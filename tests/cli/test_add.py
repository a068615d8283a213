"""`wirewatch add URL` as a user runs it: a real process, a real server on 127.0.0.1, a real feeds.toml."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import run
from tests.feedserver import FeedServer, Reply, rss
from tui.core.config import load_config

ITEMS = [{"title": f"Flood update {i}", "guid": f"g{i}", "link": f"http://e.org/{i}"} for i in range(3)]
START = '[settings]\ninterval = 600\n\n# my outlets\n[[feed]]\nname = "Dawn"\nurl = "https://www.dawn.com/feeds/home"\n'


def page(*links: str) -> bytes:
    heads = "".join(f'<link rel="alternate" type="application/rss+xml" href="{link}">' for link in links)
    return f"<!DOCTYPE html><html><head><title>Site</title>{heads}</head><body>News</body></html>".encode()


def test_a_feed_address_is_added_under_its_own_title(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/rss"] = Reply(body=rss(ITEMS, title="Pamir Herald — Top stories"))
    config = tmp_path / "feeds.toml"
    config.write_text(START)
    result = run("--config", str(config), "add", server.url("/rss"), "--tag", "tajikistan", "--tag", "floods")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"added 'Pamir Herald — Top stories': {server.url('/rss')}, 3 items now")
    text = config.read_text()
    assert text.startswith(START)  # the user's settings and comments stay as they were
    added = load_config(config).feeds[-1]
    assert (added.name, added.url, added.tags) == ("Pamir Herald — Top stories", server.url("/rss"),
                                                   ("tajikistan", "floods"))


def test_a_site_address_adds_the_feed_its_page_links_to(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/"] = Reply(body=page("/broken.xml", "/news.xml"), headers={"Content-Type": "text/html"})
    server.routes["/broken.xml"] = Reply(500, b"boom")
    server.routes["/news.xml"] = Reply(body=rss(ITEMS, title="Khujand Daily"))
    config = tmp_path / "feeds.toml"
    config.write_text(START)
    result = run("--config", str(config), "add", server.url("/"))
    assert result.returncode == 0, result.stderr
    assert f"{server.url('/news.xml')} (linked from {server.url('/')})" in result.stdout
    assert [(f.name, f.url) for f in load_config(config).feeds][-1] == ("Khujand Daily", server.url("/news.xml"))


def test_names_stay_unique_and_addresses_are_added_once(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/a"] = Reply(body=rss(ITEMS, title="Dawn"))
    server.routes["/b"] = Reply(body=rss(ITEMS, title="Dawn"))
    config = tmp_path / "feeds.toml"
    config.write_text(START)
    assert run("--config", str(config), "add", server.url("/a")).returncode == 0
    assert load_config(config).feeds[-1].name == "Dawn (2)"  # the title of a feed already named so
    before = config.read_text()
    again = run("--config", str(config), "add", server.url("/a"))
    assert again.returncode == 1 and f"is already in {config} as 'Dawn (2)'" in again.stderr
    named = run("--config", str(config), "add", server.url("/b"), "--name", "dawn")
    assert named.returncode == 2 and "a feed named 'dawn' is already in" in named.stderr
    assert config.read_text() == before


def test_no_feed_found_says_why_and_changes_nothing(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/plain"] = Reply(body=b"<html><body>No links</body></html>", headers={"Content-Type": "text/html"})
    config = tmp_path / "feeds.toml"
    config.write_text(START)
    for path, reason in (("/plain", "response is an HTML page, not a feed"), ("/gone", "HTTP 404")):
        result = run("--config", str(config), "add", server.url(path))
        assert result.returncode == 1 and f"no feed found: {server.url(path)}: {reason}" in result.stderr
    for address, said in (("ftp://example.org/feed", "must start with http:// or https://"),
                           ("http://[::1/feed", "is not a valid URL (Invalid IPv6 URL)"),  # raised before
                           ("http://example.org:99999/feed", "has a port that is not a number from 0 to 65535")):
        wrong = run("--config", str(config), "add", address)
        assert wrong.returncode == 2 and wrong.stderr == f"wirewatch: url {address!r} {said}\n"
    assert config.read_text() == START


def test_a_missing_config_is_created_and_a_broken_one_is_named(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/rss"] = Reply(body=rss(ITEMS, title="Steppe Observer"))
    fresh = tmp_path / "new" / "feeds.toml"
    assert run("--config", str(fresh), "add", server.url("/rss")).returncode == 0
    assert [f.name for f in load_config(fresh).feeds] == ["Steppe Observer"]
    broken = tmp_path / "broken.toml"
    broken.write_text('[[feed]]\nname = "x"\n')
    result = run("--config", str(broken), "add", server.url("/rss"))
    assert result.returncode == 2 and result.stderr.startswith(f"{broken}:1:")
    assert broken.read_text() == '[[feed]]\nname = "x"\n'


def test_a_symlinked_config_stays_a_link(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/rss"] = Reply(body=rss(ITEMS, title="Steppe Observer"))
    real = tmp_path / "dotfiles" / "feeds.toml"
    real.parent.mkdir()
    real.write_text(START)
    link = tmp_path / "feeds.toml"
    link.symlink_to(real)
    assert run("--config", str(link), "add", server.url("/rss")).returncode == 0
    assert link.is_symlink() and load_config(real).feeds[-1].name == "Steppe Observer"
