"""The headless CLI as a user runs it: real processes, real server, real database."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import write_config
from tests.feedserver import FeedServer, Reply, rss

ITEMS = [{"title": f"Story {i}", "guid": f"g{i}", "link": f"http://e.org/{i}?utm_source=x",
          "description": f"About story {i}", "pubDate": "Sun, 19 Sep 2021 10:00:00 +1200"} for i in range(4)]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60,
                          env=full_env)


def test_poll_once_prints_a_line_per_feed_and_a_total(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/ok"] = Reply(body=rss(ITEMS), etag='"1"')
    server.routes["/bad"] = Reply(500, b"boom")
    config = write_config(tmp_path / "feeds.toml", [("Good", server.url("/ok")), ("Broken", server.url("/bad"))])
    db = tmp_path / "w.db"
    first = run("--config", str(config), "--db", str(db), "poll", "--once")
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert any(line.startswith("Good") and "4 new, 0 updated" in line for line in lines)
    assert any(line.startswith("Broken") and "error: HTTP 500" in line for line in lines)
    total = next(line for line in lines if line.startswith("polled "))
    assert total.startswith("polled 2 feeds") and "4 new articles" in total and "1 failed" in total
    assert lines[-1].startswith("clustered 4 articles")
    again = run("--config", str(config), "--db", str(db), "poll", "--once", "--all")
    assert any(line.startswith("Good") and "unchanged (304)" in line for line in again.stdout.splitlines())
    not_due = run("--config", str(config), "--db", str(db), "poll", "--once")
    assert not_due.returncode == 0 and "no feed is due" in not_due.stdout


def test_poll_exit_code_when_nothing_could_run(tmp_path: Path) -> None:
    config = write_config(tmp_path / "feeds.toml", [("Dead", "http://127.0.0.1:9/x")])
    result = run("--config", str(config), "--db", str(tmp_path / "w.db"), "poll", "--once")
    assert result.returncode == 1 and "Dead" in result.stdout
    empty = tmp_path / "empty.toml"
    empty.write_text("[settings]\n")
    assert run("--config", str(empty), "poll", "--once").returncode == 1


def test_config_errors_exit_2_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "feeds.toml"
    bad.write_text('[[feed]]\nname = "x"\nurl = "gopher://x"\n')
    result = run("--config", str(bad), "poll", "--once")
    assert result.returncode == 2
    assert result.stderr.strip() == f"{bad}:3: feed 'x': url 'gopher://x' must start with http:// or https://"
    assert "Traceback" not in result.stderr
    via_env = run("poll", "--once", env={"WIREWATCH_CONFIG": str(bad)})
    assert via_env.returncode == 2 and f"{bad}:3:" in via_env.stderr


def test_articles_json_contract_and_since(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/ok"] = Reply(body=rss(ITEMS))
    config = write_config(tmp_path / "feeds.toml", [("Good", server.url("/ok"))])
    env = {"WIREWATCH_DB": str(tmp_path / "env.db"), "WIREWATCH_CONFIG": str(config)}
    assert run("poll", "--once", env=env).returncode == 0
    data = json.loads(run("articles", "--json", env=env).stdout)
    assert len(data["articles"]) == 4
    first = data["articles"][0]
    assert {"id", "feed", "title", "link", "published", "summary"} <= first.keys()
    assert first["feed"] == "Good" and first["published"] == "2021-09-18T22:00:00Z"
    assert first["title"] == "Story 0" and first["summary"] == "About story 0"
    assert json.loads(run("articles", "--json", "--since", "2021-09-19", env=env).stdout)["articles"] == []
    assert len(json.loads(run("articles", "--json", "--since", "2021-09-18T21:00Z", env=env).stdout)["articles"]) == 4
    assert run("articles", "--json", "--since", "yesterday-ish", env=env).returncode == 2
    assert len(run("articles", "--limit", "2", env=env).stdout.splitlines()) == 2
    negative = run("articles", "--limit", "-5", env=env)  # SQLite reads LIMIT -5 as no limit at all
    assert negative.returncode == 2 and "--limit: '-5': give 1 or more" in negative.stderr
    assert (tmp_path / "env.db").exists()


def test_feeds_json_reports_health(server: FeedServer, tmp_path: Path) -> None:
    server.routes["/bad"] = Reply(429, b"", headers={"Retry-After": "120"})
    config = write_config(tmp_path / "feeds.toml", [("Busy", server.url("/bad"))])
    db = tmp_path / "w.db"
    run("--config", str(config), "--db", str(db), "poll", "--once")
    data = json.loads(run("--config", str(config), "--db", str(db), "feeds", "--json").stdout)
    busy = data["feeds"][0]
    assert busy["name"] == "Busy" and busy["status"] == 429 and busy["error_streak"] == 1
    assert "429" in busy["last_error"] and busy["next_due"]
    table = run("--config", str(config), "--db", str(db), "feeds").stdout
    assert "Busy" in table and "429" in table and re.search(r" in \d+m ", table)  # backing off (Retry-After: 120)
    with sqlite3.connect(db) as conn:  # overdue: the next poll takes it ("now", not "7m ago")
        conn.execute("UPDATE feeds SET next_due = ?", (time.time() - 420,))
    row = run("--config", str(config), "--db", str(db), "feeds").stdout.splitlines()[1]
    assert row.split()[3] == "now", row


def test_opml_import_export_round_trip(tmp_path: Path) -> None:
    opml = tmp_path / "in.opml"
    opml.write_text("""<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Central Asia"><outline text="Eurasianet" xmlUrl="https://eurasianet.org/rss"/>
      <outline text="Asia-Plus" xmlUrl="https://asiaplustj.info/en/rss" category="tajikistan"/></outline>
      <outline text="Not a feed" xmlUrl="javascript:alert(1)"/>
      <outline text="Bad port" xmlUrl="http://example.org:99999/rss"/><outline text="No host" xmlUrl="http:///rss"/>
      </body></opml>""")
    config = tmp_path / "feeds.toml"
    config.write_text('[settings]\ninterval = 600\n\n[[feed]]\nname = "Eurasianet"\nurl = "https://eurasianet.org/rss"\n')
    result = run("--config", str(config), "import-opml", str(opml))
    assert result.returncode == 0 and "imported 1 feeds" in result.stdout  # not the three bad addresses
    assert "(4 skipped: already present or not a valid http/https address)" in result.stdout
    assert "interval = 600" in config.read_text()  # the user's file is kept, feeds appended
    exported = run("--config", str(config), "export-opml").stdout
    assert 'xmlUrl="https://asiaplustj.info/en/rss"' in exported and 'category="Central Asia,tajikistan"' in exported
    fresh = tmp_path / "fresh.toml"
    (tmp_path / "out.opml").write_text(exported)
    assert run("--config", str(fresh), "import-opml", str(tmp_path / "out.opml")).returncode == 0
    assert run("--config", str(fresh), "export-opml").stdout.split("<body>")[1] == exported.split("<body>")[1]


def test_daemon_polls_as_feeds_fall_due_and_stops_cleanly_on_sigterm(server: FeedServer, tmp_path: Path) -> None:
    import signal

    counter = {"n": 0}

    def growing(_seen: object) -> Reply:
        counter["n"] += 1
        items = [{"title": f"Item {i}", "guid": f"i{i}", "link": f"http://e.org/{i}"} for i in range(counter["n"])]
        return Reply(body=rss(items))

    server.routes["/grow"] = growing
    config = tmp_path / "feeds.toml"
    config.write_text(f'[settings]\ninterval = 1\n\n[[feed]]\nname = "Grow"\nurl = "{server.url("/grow")}"\n')
    db = tmp_path / "w.db"
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--config", str(config), "--db", str(db), "poll"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while counter["n"] < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert counter["n"] >= 3
    assert out.strip().splitlines()[-1] == "wirewatch: stopped"
    assert sum(1 for line in out.splitlines() if "Grow" in line and "1 new" in line) >= 2
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 2
    # the stories it built carry their discrepancy counts, as the dashboard's own polls leave them
    counts = [r[0] for r in conn.execute("SELECT discrepancies FROM clusters WHERE merged_into IS NULL")]
    assert counts and None not in counts


def test_a_write_that_fails_is_an_error_naming_the_database_and_keeps_what_was_stored(
        server: FeedServer, tmp_path: Path) -> None:
    """A full disk (here: a trigger on the real database that fails every new article, as a full disk
    fails a write) ends the command with a message, not a traceback, and leaves stored articles."""
    server.routes["/a"] = Reply(body=rss(ITEMS[:2]))
    server.routes["/b"] = Reply(body=rss([{"title": "Later story", "guid": "later", "link": "http://e.org/later"}]))
    config = write_config(tmp_path / "feeds.toml", [("A", server.url("/a"))])
    db = tmp_path / "w.db"
    assert run("--config", str(config), "--db", str(db), "poll", "--once").returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TRIGGER full BEFORE INSERT ON articles BEGIN "
                     "SELECT RAISE(ABORT, 'database or disk is full'); END")
    config = write_config(tmp_path / "feeds.toml", [("A", server.url("/a")), ("B", server.url("/b"))])
    failed = run("--config", str(config), "--db", str(db), "poll", "--once", "--all")
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert f"wirewatch: {db}: database or disk is full; the write that failed was rolled back" in failed.stderr
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT title FROM articles")) == ["Story 0", "Story 1"]


def test_demo_refuses_a_missing_folder_and_a_speed_that_is_not_positive(tmp_path: Path) -> None:
    """Said before the dashboard starts: a traceback had told of a missing folder, and a speed of 0
    was taken for the default while a negative one ran the replay backwards."""
    missing = run("demo", "--replay", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert f"wirewatch: {tmp_path / 'nowhere'}: no such folder" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = run("demo", "--replay", str(tmp_path / "empty"))
    assert empty.returncode == 2 and "no OUTLET/YYYY-MM-DDTHHMMZ.xml snapshots found" in empty.stderr
    for speed in ("0", "-5", "nan"):
        refused = run("demo", "--speed", speed)
        assert refused.returncode == 2, speed
        assert f"wirewatch: --speed {speed}: give a positive number" in refused.stderr


def test_the_dashboard_refuses_to_start_without_a_terminal(tmp_path: Path) -> None:
    """Run from cron or with its output redirected, the dashboard wrote escape codes into the file until
    it was killed (here its output is a pipe); a person on a terminal is tested in tests/tui. (The demo
    is left to run wherever `make demo` is tried.)"""
    config = write_config(tmp_path / "feeds.toml", [("Dead", "http://127.0.0.1:9/x")])
    result = run("--config", str(config), "--db", str(tmp_path / "w.db"))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == ("wirewatch: the dashboard needs a terminal (its input or output is redirected); for "
                             "scripts there are `wirewatch poll`, `wirewatch clusters --json` and `wirewatch "
                             "articles --json`\n")


def test_articles_of_a_feed_that_is_not_stored_is_an_error_with_a_suggestion(server: FeedServer,
                                                                             tmp_path: Path) -> None:
    server.routes["/a"] = Reply(body=rss(ITEMS[:1]))
    config = write_config(tmp_path / "feeds.toml", [("Asia-Plus", server.url("/a"))])
    db = tmp_path / "w.db"
    assert run("--config", str(config), "--db", str(db), "poll", "--once").returncode == 0
    typo = run("--config", str(config), "--db", str(db), "articles", "--feed", "asia-plus")
    assert typo.returncode == 2
    assert "--feed 'asia-plus': no stored feed has that name; did you mean 'Asia-Plus'?" in typo.stderr
    assert run("--config", str(config), "--db", str(db), "articles", "--feed", "Asia-Plus").stdout.count("\n") == 1


def test_output_read_only_in_part_ends_quietly(server: FeedServer, tmp_path: Path) -> None:
    """`wirewatch articles | head -1` ended in a BrokenPipeError traceback once head stopped reading."""
    server.routes["/many"] = Reply(body=rss([{"title": f"Report number {i} about the flood", "guid": f"m{i}",
                                              "link": f"http://e.org/m{i}"} for i in range(3000)]))
    config = write_config(tmp_path / "feeds.toml", [("Many", server.url("/many"))])
    db = tmp_path / "w.db"
    assert run("--config", str(config), "--db", str(db), "poll", "--once", "--no-cluster").returncode == 0
    proc = subprocess.Popen([sys.executable, "-m", "tui", "--config", str(config), "--db", str(db), "articles",
                             "--limit", "3000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().strip()
    proc.stdout.close()  # as head does after its line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=30) in (0, 141) and "Traceback" not in err and "BrokenPipe" not in err, err
