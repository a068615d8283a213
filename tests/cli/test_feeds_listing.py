"""`wirewatch feeds` as text: a feed's last error is shown whole, wrapped to the terminal when there is one."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import run
from tests.conftest import write_config
from tests.feedserver import FeedServer, Reply
from tui.cli.listing import hanging
from tui.core.textclean import clip

PAGE = (b'<html><head><link rel="alternate" type="application/rss+xml" href="/news/all-stories-in-one-feed.xml">'
        b'<link rel="alternate" type="application/atom+xml" href="/news/regional-desk/atom.xml"></head></html>')


def test_a_long_last_error_is_printed_whole(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/site"] = Reply(body=PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    config = write_config(tmp_path / "feeds.toml", [("A regional outlet with a long name", server.url("/site"))])
    db = tmp_path / "w.db"
    run("--config", str(config), "--db", str(db), "poll", "--once")
    table = run("--config", str(config), "--db", str(db), "feeds").stdout.splitlines()
    assert len(table) == 2  # piped (not a terminal): one line per feed, nothing cut
    assert table[1].startswith("A regional outlet with a lo… ")
    assert table[1].endswith(server.url("/news/regional-desk/atom.xml")) and "response is an HTML page" in table[1]


def test_hanging_wraps_under_its_column_or_below_the_lead() -> None:
    lead = "Feed  200  "
    text = "the page links to feeds at http://a.example/one.xml, http://a.example/two.xml"
    assert hanging(lead, text, 0) == [lead + text]
    assert hanging(lead, "short", 40) == [lead + "short"]
    # a healthy feed (no error) on a terminal narrower than the row
    assert hanging(lead, "", 8) == hanging(lead, " ", 8) == [lead.rstrip()]
    wide = hanging(lead, text, 48)
    assert all(len(line) <= 48 for line in wide) and len(wide) > 1
    assert all(line.startswith(" " * len(lead)) for line in wide[1:])
    assert " ".join(line.strip() for line in wide).endswith(text.split(" ", 1)[1])
    narrow = hanging(lead, text, 30)  # a column of 19 would hold a word or two: the text goes below
    assert narrow[0] == lead.rstrip() and all(line.startswith("    ") and len(line) <= 30 for line in narrow[1:])
    assert " ".join(line.strip() for line in narrow[1:]) == text
    address = "see http://a.example/a-rather-long/path/to-the-feed.xml"  # a word wider than the column
    below = hanging(lead, address, 48)
    assert below == [lead.rstrip(), "    see", "    http://a.example/a-rather-long/path/to-the-feed.xml"]


def test_clip_marks_a_cut_name() -> None:
    assert clip("Dawn", 28) == "Dawn" and clip("x" * 28, 28) == "x" * 28
    assert clip("y" * 30, 28) == "y" * 27 + "…"
