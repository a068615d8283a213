"""`wirewatch import-opml FILE` and `wirewatch export-opml`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.common import EXIT_USAGE, CliError, config_from_args
from tui.cli.config_append import append_to_config
from tui.core.config import url_problem
from tui.core.locations import resolve_config_path
from tui.core.opml import OpmlError, feed_to_toml, parse_opml, to_opml


def run_export(args: argparse.Namespace) -> int:
    """Write the configured feeds as OPML 2.0 to stdout or --output."""
    config = config_from_args(args)
    text = to_opml(config.feeds)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"exported {len(config.feeds)} feeds to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Append the OPML file's feeds to feeds.toml, skipping names or URLs already there."""
    try:
        feeds = parse_opml(Path(args.file).read_bytes())
    except OSError as exc:
        raise CliError(f"{args.file}: {exc.strerror}") from None
    except OpmlError as exc:
        raise CliError(f"{args.file}: {exc}") from None
    path = resolve_config_path(args.config)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    config = config_from_args(args) if existing else None
    names = {f.name.casefold() for f in config.feeds} if config else set()
    urls = {f.url for f in config.feeds} if config else set()
    added, skipped = [], 0
    for feed in feeds:
        if feed.name.casefold() in names or feed.url in urls or url_problem(feed.url):
            skipped += 1
            continue
        names.add(feed.name.casefold())
        urls.add(feed.url)
        added.append(feed)
    if added:
        block = f"# imported from {Path(args.file).name}\n" + "\n".join(feed_to_toml(f) for f in added)
        append_to_config(path, existing, block, "import", EXIT_USAGE)
    print(f"imported {len(added)} feeds into {path} "
          f"({skipped} skipped: already present or not a valid http/https address)")
    return 0
