"""`wirewatch cluster` and `wirewatch figures` (offline, JSONL in and out) and `wirewatch clusters`."""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO, TextIO

from tui.cli.common import CliError, db_path_from_args, open_store, parse_since
from tui.cli.listing import maybe_config


def _published(value: Any, line: int, where: str) -> float | None:
    """A line's `published` as Unix seconds: ISO 8601 (the contract), or what feeds and scripts also
    write: RFC 2822 ("Sat, 18 Sep 2021 10:00:00 GMT", RSS's pubDate) or Unix seconds as a JSON number.
    A time without a zone is UTC. None when absent; anything else stops the run, naming the line."""
    if value in (None, ""):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if math.isfinite(value) and abs(value) < _LATEST:
            return float(value)
    elif isinstance(value, str):
        when = _iso_or_rfc2822(value.strip())
        if when is not None:
            return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
    raise CliError(f"{where}:{line}: 'published' is not ISO 8601 (nor RFC 2822, nor Unix seconds): {value!r}")


_LATEST = 253_402_300_800  # Unix seconds of 10000-01-01: later "seconds" are milliseconds or garbage


def _iso_or_rfc2822(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _records(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        handle: BinaryIO = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror}") from None
    with handle:
        for number, raw in enumerate(handle, 1):
            try:  # read as bytes, so that a line that is not UTF-8 is named like any other bad line
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise CliError(f"{path}:{number}: not UTF-8 (byte {exc.start + 1} of the line)") from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CliError(f"{path}:{number}: not JSON ({exc.msg})") from None
            except RecursionError:  # (the decoder's own limit: arrays or objects nested thousands deep)
                raise CliError(f"{path}:{number}: JSON nested too deep to be an article") from None
            if not isinstance(record, dict) or "id" not in record:
                raise CliError(f"{path}:{number}: each line must be an object with an 'id'")
            given = record["id"]
            if isinstance(given, bool) or not isinstance(given, str | int | float):
                raise CliError(f"{path}:{number}: 'id' must be a string or a number, not {json.dumps(given)[:40]}")
            yield number, record


def _open_output(path: str) -> TextIO:
    if path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror}") from None


def run_cluster(args: argparse.Namespace) -> int:
    """Cluster a JSONL file of articles in file order with the shipped engine; write id → cluster."""
    from tui.core.affixes import LabelWindow
    from tui.core.cluster import StoryEngine

    engine = StoryEngine()
    labels = LabelWindow()  # programme labels a source repeats after its headlines, as the story desk drops them
    out: list[tuple[Any, int]] = []  # the id as given (a number stays a number), and its story
    lines: dict[str, list[int]] = {}  # the engine's article id (the id as text) → its places in `out`
    clock = 0.0
    for number, r in _records(args.input):
        when = _published(r.get("published"), number, args.input)
        clock = when if when is not None else clock
        text = " ".join(str(r.get(k) or "") for k in ("summary", "text"))
        title = str(r.get("title") or "")
        if r.get("source"):
            title = labels.strip(str(r["source"]), title)
        assignment = engine.add(str(r["id"]), title, text, clock)
        lines.setdefault(str(r["id"]), []).append(len(out))
        out.append((r["id"], assignment.story))
        if assignment.split is not None:  # earlier articles that left their story with a split
            for line in (i for article in assignment.split.articles for i in lines[article]):
                out[line] = (out[line][0], assignment.split.new)
    engine.settle()  # the input has ended: small stories get the second look they were waiting for
    with _open_output(args.output) as handle:
        for article, story in out:
            handle.write(json.dumps({"id": article, "cluster": engine.resolve(story)}) + "\n")
    return 0


def figure_json(f: Any) -> dict[str, Any]:
    """One figure for scripts: text, value, counts (+ extras)."""
    out = {"text": f.text, "value": f.value, "counts": f.counts, "key": f.key}
    for extra in ("approx", "high", "start", "end", "thing"):
        if getattr(f, extra):
            out[extra] = getattr(f, extra)
    return out


def run_figures(args: argparse.Namespace) -> int:
    """Extract the key figures of each JSONL article; write id → figures. Like `cluster`, nothing is
    written (an existing output file is left as it was) when a line of the input is bad."""
    from tui.core.figures import extract

    lines = []
    for number, r in _records(args.input):
        published = _published(r.get("published"), number, args.input)
        figures = extract(str(r.get("title") or ""), str(r.get("text") or r.get("summary") or ""), published)
        lines.append(json.dumps({"id": r["id"], "figures": [figure_json(f) for f in figures]}, ensure_ascii=False))
    with _open_output(args.output) as handle:
        handle.writelines(line + "\n" for line in lines)
    return 0


def run_clusters(args: argparse.Namespace) -> int:
    """Print the stored stories (JSON with --json), clustering anything not clustered yet."""
    from tui.core import figure_store
    from tui.core.facts import Report
    from tui.core.figures import Figure
    from tui.core.stories import StoryDesk
    from tui.core.storyview import story_detail, story_ids, story_json

    config = maybe_config(args)
    since = parse_since(args.since) if args.since else None
    store = open_store(db_path_from_args(args, config))
    try:
        StoryDesk(store, config.settings.story_window if config is not None else None).run()
        extracted: list[tuple[Report, tuple[Figure, ...]]] = []
        details = [d for d in (story_detail(store, sid, extracted) for sid in story_ids(store, since))
                   if d is not None]
        if extracted:  # stored so that the next listing reads them instead of extracting them again
            try:
                with store.transaction():
                    figure_store.keep(store.conn, extracted)
            except sqlite3.OperationalError:  # a read-only database (or a busy one): still listed, not stored
                pass
    finally:
        store.close()
    if args.json:
        print(json.dumps({"clusters": [story_json(d) for d in details]}, ensure_ascii=False))
        return 0
    from tui.cli.common import safe

    for d in details:
        outlets = len({a.feed for a in d.articles})
        # (made safe apart: one_line strips the separator's spaces, which glued "⚠" to the title)
        said = safe("; ".join(f"{x.kind}: {x.detail}" for x in d.discrepancies))
        flag = f"  ⚠ {said[:120]}" if said else ""
        reports = len(d.articles)
        print(f"#{d.id:<6} {outlets:>2} {'outlet ' if outlets == 1 else 'outlets'} {reports:>3} "
              f"{'report ' if reports == 1 else 'reports'}  {safe(d.title)[:90]}{flag}")
    return 0


def add_parsers(sub: Any) -> None:
    """Register the story subcommands."""
    from tui.cli.common import add_location_args

    cluster = sub.add_parser("cluster", help="cluster a JSONL file of articles (offline evaluation)")
    cluster.add_argument("--input", required=True, metavar="IN.jsonl", help="one article per line ('-' = stdin)")
    cluster.add_argument("--output", required=True, metavar="OUT.jsonl", help='{"id", "cluster"} per line')
    figures = sub.add_parser("figures", help="extract key figures from a JSONL file of articles")
    figures.add_argument("--input", required=True, metavar="IN.jsonl")
    figures.add_argument("--output", required=True, metavar="OUT.jsonl")
    clusters = sub.add_parser("clusters", help="list stored stories")
    add_location_args(clusters)
    clusters.add_argument("--json", action="store_true", help='print {"clusters": [...]}')
    clusters.add_argument("--since", metavar="WHEN", help="stories active since (ISO 8601 or 24h, 7d)")
