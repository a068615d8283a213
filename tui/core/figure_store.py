"""Reports' figures kept in the database, so that each report's are extracted once, not once per poll.

The dashboard's clustering runs in a new process each poll round, and after it counts the
discrepancies of every story that received a report. Without stored figures that meant extracting
the figures of each such story's every report again, every round (~0.25 ms a report): a dashboard
polling 100 busy feeds spent 44% of its time there, more with every round as its stories grew.

A stored row holds its report's digest: the headline, text and publication time it was extracted
from, and the extractor's own source (`extractor_digest`). A report edited since, or figures found by
an older extractor, do not match, and are extracted again.
"""

from __future__ import annotations

import ast
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from tui.core.facts import Report
from tui.core.figure_memory import figures_of, known, remember
from tui.core.figures import Figure

_CORE = Path(__file__).resolve().parent
_CHUNK = 500  # ids per query (SQLite's limit on parameters is 999 in older builds)


@cache
def extractor_modules() -> tuple[str, ...]:
    """`figures` and every tui.core module it imports, directly or not (read from their source)."""
    seen: set[str] = set()
    todo = ["figures"]
    while todo:
        name = todo.pop()
        if name in seen or not (_CORE / f"{name}.py").is_file():
            continue
        seen.add(name)
        tree = ast.parse((_CORE / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "tui.core":  # from tui.core import when
                todo += [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tui.core."):
                todo.append(node.module.removeprefix("tui.core."))
            elif isinstance(node, ast.Import):
                todo += [a.name.removeprefix("tui.core.") for a in node.names if a.name.startswith("tui.core.")]
    return tuple(sorted(seen))


@cache
def extractor_digest() -> str:
    """A digest of the extractor's source (see extractor_modules) and of Wirewatch's version (for an
    install without sources): a change to any of its modules makes earlier stored figures stale."""
    from tui import __version__

    digest = hashlib.sha1(__version__.encode() + b"\0")
    for name in extractor_modules():
        digest.update(name.encode() + b"\0" + (_CORE / f"{name}.py").read_bytes() + b"\0")
    return digest.hexdigest()


def report_digest(report: Report) -> str:
    """What a report's stored figures were extracted from: its headline, text and time, and the extractor."""
    digest = hashlib.sha1(extractor_digest().encode())
    for part in (report.title, "\0", report.text, "\0", repr(report.published)):
        digest.update(part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _encode(figures: Iterable[Figure]) -> str:
    return json.dumps([[f.text, f.value, f.counts, f.thing, f.approx, f.high, f.start, f.end] for f in figures],
                      ensure_ascii=False)


def _decode(text: str) -> tuple[Figure, ...]:
    return tuple(Figure(*fields) for fields in json.loads(text))


def recall(conn: sqlite3.Connection, reports: Sequence[Report]) -> list[Report]:
    """Put the stored figures of `reports` into the figure memory (see figure_memory), for those it does
    not remember already; returns the reports that have none stored, or stale ones (figures_of extracts
    those)."""
    reports = [r for r in reports if not known(r.title, r.text, r.published)]
    digests = {r.id: report_digest(r) for r in reports}
    found: dict[str, str] = {}
    ids = list(digests)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for article_id, digest, figures in conn.execute(
                f"SELECT article_id, digest, figures FROM article_figures WHERE article_id IN ({marks})", chunk):
            if digests.get(article_id) == digest:
                found[article_id] = figures
    missing: list[Report] = []
    for report in reports:
        stored = found.get(report.id)
        if stored is None:
            missing.append(report)
            continue
        try:
            remember(report.title, report.text, report.published, _decode(stored))
        except (ValueError, TypeError):  # a row this version cannot read: extracted again
            missing.append(report)
    return missing


def recall_or_extract(conn: sqlite3.Connection, reports: Sequence[Report]) -> list[tuple[Report, tuple[Figure, ...]]]:
    """`recall`, then the figures of the reports that had none stored, extracted now (into the figure
    memory too): the pairs to `keep`. Taken as they are made, not asked of the memory later, which a
    round touching more reports than it holds would have emptied of the first ones."""
    return [(r, figures_of(r.title, r.text, r.published)) for r in recall(conn, reports)]


def keep(conn: sqlite3.Connection, reports: Iterable[tuple[Report, tuple[Figure, ...]]]) -> int:
    """Store reports' figures (pairs of a report and its figures, as figures_of gave them); call it
    inside a transaction. Returns how many rows were written."""
    rows = [(r.id, report_digest(r), _encode(figures)) for r, figures in reports]
    conn.executemany("INSERT OR REPLACE INTO article_figures(article_id, digest, figures) "
                     "SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1)", rows)
    return len(rows)
