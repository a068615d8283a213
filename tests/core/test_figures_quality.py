"""Figure extraction quality on hand-checked real headlines and article texts: precision and recall >= 0.90."""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

import feedparser
import pytest

from tests.conftest import shared
from tui.core.figures import extract
from tui.core.figwords import canonical_count
from tui.core.parse import html_to_text

DATA = Path(__file__).parent / "data"


def sha(text: str) -> str:
    """How the sets name a text: the first 16 hex digits of its SHA-1."""
    return hashlib.sha1(text.encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def archive_titles() -> dict[tuple[str, str], str]:
    titles: dict[tuple[str, str], str] = {}
    for path in sorted(shared("feeds", "archive-dev").glob("*/*.xml")):
        for entry in feedparser.parse(path.read_bytes()).entries:
            title = entry.get("title", "")
            titles[(path.parent.name, sha(title))] = title
    return titles


@lru_cache(maxsize=1)
def archive_texts() -> dict[tuple[str, str], str]:
    """Item descriptions as plain text (whitespace folded), by outlet and SHA-1."""
    texts: dict[tuple[str, str], str] = {}
    for path in sorted(shared("feeds", "archive-dev").glob("*/*.xml")):
        for entry in feedparser.parse(path.read_bytes()).entries:
            raw = entry.get("summary", "") or ""
            text = " ".join((html_to_text(raw) if "<" in raw else raw).split())
            texts[(path.parent.name, sha(text))] = text
    return texts


SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])")


@lru_cache(maxsize=1)
def archive_long_sentences() -> dict[tuple[str, str], str]:
    """Sentences of the item descriptions longer than 400 characters, by outlet and SHA-1."""
    sentences: dict[tuple[str, str], str] = {}
    for (outlet, _), text in archive_texts().items():
        if len(text) > 400:
            for sentence in SENTENCE.split(text):
                sentences[(outlet, sha(sentence))] = sentence
    return sentences


@lru_cache(maxsize=1)
def other_days() -> dict[tuple[str, str], str]:
    """Headlines and item descriptions (plain text, whitespace folded) of the real feeds captured on other
    days than the archive's (../shared/feeds/hostile/realworld-captures), by file and SHA-1."""
    texts: dict[tuple[str, str], str] = {}
    for path in sorted(shared("feeds", "hostile", "realworld-captures").glob("*.xml")):
        for entry in feedparser.parse(path.read_bytes()).entries:
            raw = entry.get("summary", "") or ""
            for text in (entry.get("title", ""), " ".join((html_to_text(raw) if "<" in raw else raw).split())):
                texts[(path.name, sha(text))] = text
    return texts


@lru_cache(maxsize=1)
def ecbplus_rows() -> list[dict[str, str]]:
    """The ECB+ dev articles, read once for both of their sets."""
    lines = shared("datasets", "ecbplus-dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@lru_cache(maxsize=1)
def ecbplus_sentences() -> dict[tuple[str, str], str]:
    """Sentences of the ECB+ dev articles, by article id and SHA-1 (split as when they were drawn)."""
    return {(row["id"], sha(sentence)): sentence for row in ecbplus_rows()
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", " ".join(row["text"].split()))}


@lru_cache(maxsize=1)
def ecbplus_titles() -> dict[tuple[str, str], str]:
    """Titles of the ECB+ dev articles (whitespace folded), by article id and SHA-1."""
    return {(row["id"], sha(title)): title for row in ecbplus_rows() for title in [" ".join(row["title"].split())]}


def key(value: float | None, counts: str) -> tuple[float | None, str]:
    return (round(value, 6) if value is not None else None, canonical_count(counts))


def score(labels: list[dict[str, object]], articles: bool = False) -> tuple[float, float, list[str]]:
    """Precision, recall and the errors of the extractor on labelled archive headlines or texts, on
    ECB+ headlines (items with a `doc` and a `title_sha1`), on sentences, read as article text, of
    ECB+ articles (items with a `doc`) or of long archive texts (items with a `sentence_sha1`), or on
    headlines and descriptions of feeds captured on other days (items with a `file`)."""
    tp = fp = fn = 0
    errors = []
    for item in labels:
        if "file" in item:  # a feed captured on another day: a headline, or a description read as article text
            text, articles = other_days()[(str(item["file"]), str(item.get("title_sha1") or item["text_sha1"]))], \
                "text_sha1" in item
        elif "doc" in item and "title_sha1" in item:
            text, articles = ecbplus_titles()[(str(item["doc"]), str(item["title_sha1"]))], False
        elif "doc" in item:
            text, articles = ecbplus_sentences()[(str(item["doc"]), str(item["sentence_sha1"]))], True
        elif "sentence_sha1" in item:
            text, articles = archive_long_sentences()[(str(item["outlet"]), str(item["sentence_sha1"]))], True
        elif articles:
            text = archive_texts()[(str(item["outlet"]), str(item["text_sha1"]))]
        else:
            text = archive_titles()[(str(item["outlet"]), str(item["title_sha1"]))]
        expected = [key(f["value"], f["counts"]) for f in item["figures"]]  # type: ignore[attr-defined]
        got = [key(f.value, f.counts) for f in (extract("", text) if articles else extract(text))]
        for k in got:
            if k in expected:
                tp += 1
                expected.remove(k)
            else:
                fp += 1
                errors.append(f"FP {k} in {text!r}")
        fn += len(expected)
        errors += [f"FN {k} in {text!r}" for k in expected]
    return tp / max(1, tp + fp), tp / max(1, tp + fn), errors


@pytest.mark.parametrize(("labels_file", "what", "articles"), [
    ("figure_labels_headlines.json", "headlines", False),
    ("figure_labels_articles.json", "article texts", True),
    # full news articles of other years and outlets than the archive (2008-2013, sports, courts, quakes)
    ("figure_labels_ecbplus.json", "ECB+ sentences", False),
    ("figure_labels_ecbplus_titles.json", "ECB+ headlines", False),
    # sentences of the longest item descriptions: many in Tagalog ("19,271 na mga bagong kaso")
    ("figure_labels_long_texts.json", "sentences of long archive texts", False),
    # headlines and descriptions of real feeds captured on other days (Los Angeles 2020, Auckland 2021)
    ("figure_labels_other_days.json", "headlines and descriptions of other days", False),
])
def test_figures_precision_and_recall(labels_file: str, what: str, articles: bool) -> None:
    labels = json.loads((DATA / labels_file).read_text())["items"]
    precision, recall, errors = score(labels, articles=articles)
    print(f"figures in {len(labels)} {what}: P {precision:.3f} R {recall:.3f}", *errors, sep="\n")
    assert precision >= 0.90 and recall >= 0.90, errors
