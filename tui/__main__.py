"""Command-line entry point: `wirewatch [SUBCOMMAND] ...` (no subcommand opens the dashboard)."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence

# Textual paints at most MAX_FPS frames a second and holds a frame back until the next slot: at its
# default 60 a keypress waits up to 16.7 ms for its repaint, at 120 up to 8.3 ms (measured p99 of j held:
# 52-56 ms → 39-49 ms on a real terminal). A user's own setting wins.
os.environ.setdefault("TEXTUAL_FPS", "120")

from tui import __version__
from tui.cli.common import CliError, add_location_args, fail, positive_count

EXIT_DATABASE = 1  # a database write failed (the same code as nothing could run)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="wirewatch",
        description="Cluster regional news feeds into stories. Without a COMMAND, the dashboard opens "
                    "(q quits, ? lists the keys).")
    parser.add_argument("--version", action="version", version=f"wirewatch {__version__}")
    add_location_args(parser, sub=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    poll = sub.add_parser("poll", help="poll feeds headless (forever, or --once)")
    add_location_args(poll)
    poll.add_argument("--once", action="store_true", help="poll due feeds once, print results, exit")
    poll.add_argument("--all", action="store_true", help="poll every enabled feed, due or not")
    poll.add_argument("--no-cluster", action="store_true",
                      help="only fetch and store; stories are built later (by the dashboard or `clusters`)")

    feeds = sub.add_parser("feeds", help="show feed health")
    add_location_args(feeds)
    feeds.add_argument("--json", action="store_true", help="machine-readable output")

    articles = sub.add_parser("articles", help="list stored articles")
    add_location_args(articles)
    articles.add_argument("--json", action="store_true", help='print {"articles": [...]}')
    articles.add_argument("--since", metavar="WHEN", help="ISO 8601 time or a span back from now (24h, 7d)")
    articles.add_argument("--feed", metavar="NAME", help="only this feed")
    articles.add_argument("--limit", type=positive_count, default=50, help="rows in text mode (default 50)")

    imp = sub.add_parser("import-opml", help="add the feeds of an OPML file to feeds.toml")
    add_location_args(imp)
    imp.add_argument("file", metavar="FILE")

    add = sub.add_parser("add", help="add a feed to feeds.toml (a site's address finds the feed it links to)")
    add_location_args(add)
    add.add_argument("url", metavar="URL", help="the feed's address, or a page that links to its feed")
    add.add_argument("--name", help="the feed's name (default: the feed's own title)")
    add.add_argument("--tag", action="append", metavar="TAG", help="a tag for filtering (repeatable)")

    exp = sub.add_parser("export-opml", help="write the feed list as OPML 2.0")
    add_location_args(exp)
    exp.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")

    from tui.cli.stories_cmd import add_parsers

    add_parsers(sub)
    demo = sub.add_parser("demo", help="the dashboard on the bundled demo corpus (no network needed)")
    demo.add_argument("--replay", metavar="DIR", help="replay a folder of snapshots (OUTLET/YYYY-MM-DDTHHMMZ.xml)")
    demo.add_argument("--speed", type=float, default=None,
                      help="virtual seconds per real second (default 20 for the corpus, 600 for --replay)")
    return parser


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command == "poll":
        from tui.cli import poll

        return poll.run_once(args) if args.once else poll.run_daemon(args)
    if command in {"feeds", "articles"}:
        from tui.cli import listing

        return listing.run_feeds(args) if command == "feeds" else listing.run_articles(args)
    if command == "add":
        from tui.cli.add_cmd import run_add

        return run_add(args)
    if command in {"import-opml", "export-opml"}:
        from tui.cli import opml_cmd

        return opml_cmd.run_import(args) if command == "import-opml" else opml_cmd.run_export(args)
    if command in {"cluster", "figures", "clusters"}:
        from tui.cli import stories_cmd

        runner = {"cluster": stories_cmd.run_cluster, "figures": stories_cmd.run_figures,
                  "clusters": stories_cmd.run_clusters}[command]
        return runner(args)
    if command == "demo":
        from tui.demo.run import run_demo

        return run_demo(args.replay, args.speed if args.speed is not None else (600.0 if args.replay else 20.0))
    return _dashboard(args)


def _dashboard(args: argparse.Namespace) -> int:
    """`wirewatch` with no subcommand: the dashboard on the configured feeds."""
    from tui.app import WirewatchApp
    from tui.cli.common import config_from_args, db_path_from_args, require_terminal

    config = config_from_args(args)
    path = db_path_from_args(args, config)
    require_terminal("the dashboard")
    try:
        app = WirewatchApp(config, path)
    except Exception as exc:  # an unreadable database: say which file
        raise CliError(f"{path}: cannot open database: {exc}") from None
    app.run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a reader that went away is found here, not in the interpreter's exit
        return code
    except CliError as exc:
        return fail(exc)
    except sqlite3.Error as exc:  # a write that failed: a full disk, a read-only file, an I/O error
        return fail(CliError(f"{_database_of(args)}: {exc}; the write that failed was rolled back, and what "
                             "was stored before it is intact", code=EXIT_DATABASE))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`wirewatch articles | head`): what it wanted, it has
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return 141  # as a shell reports a process ended by SIGPIPE


def _database_of(args: argparse.Namespace) -> str:
    """The database a command was using, for an error message (as best it can be told)."""
    from tui.cli.common import config_from_args, db_path_from_args

    try:
        return str(db_path_from_args(args, config_from_args(args)))
    except Exception:  # the config itself is unreadable: name what the command line gave
        return str(getattr(args, "db", None) or "the database")


if __name__ == "__main__":
    sys.exit(main())
