"""Untrusted feed text of every shape goes through features, figures, facts, timelines and the engine
without an exception (seeded random mixes of the pieces that broke these before)."""

from __future__ import annotations

import random

import pytest

from tui.core.cluster import StoryEngine
from tui.core.facts import Report, story_facts
from tui.core.figures import extract
from tui.core.timeline import build_timeline

PIECES = [
    "230,000", "troops", "$1.2 billion", "1e308", "9" * 400, "between 5 and 8", "three to six months",
    "August 5 to 10", "next month", "in 999999999999 days", "in 99999 months", "\x00", "\u202e", "\x1b[31m",
    "COVID-19", "H.R. 1", "201st", "٣٠٠", "三百", "𝟓", "½", "5½", "−5", "5-8", "5–8", "%", "per cent", "10-percent",
    "km", "5ft", "70m (230ft) high", "hundreds of", "a few hundred", "two million", "230k", "$14bn", "€5m",
    "P5-trillion", "two m high",
    "1,2,3,4,5", "1.2.3", "00005", "5.", "1,000,000,000,000,000,000,000", "a dozen", "tens of thousands",
    "Jan. 5", "5 Jan", "⁵ Jan", "Sept. 19th, 2021", "19 September 2021", "7:40", "12:30", "#1", "No. 5",
    "iOS 15", "M25", "Level 4", "level four", "ß", "İ", "ǅ", "ﬁ", "Ⅻ", "¹²³", "3-0 win", "family of eight",
    "Subscribe to our channel", "(Reuters)", "up from 20", "the total to", "5 dead", "8 dead", "20,000 reservists",
    "Ukraine", "The", "Kharbmaidon", "|", "| TV Patrol", "-", "\n", " ", "",
    "at least one", "one man was killed", "na mga bagong kaso", "katao ang nasawi", "umabot ito sa", "17 times",
    "times more", "thousands dead", "killed dozens", "Charles'", "Sudanese", "178 of 369", "one-million", "may 45",
    "minus 17 degrees", "minus", "$80 million and $25 million", "two dozen", "6-foot-9", "35-yards", "population",
    "mother of", "of every", "1.5 billion rupiah", "$A195,900", "CPUs", "WINS'", "Texas counties", "months ago",
]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(PIECES) for _ in range(rng.randrange(words)))


@pytest.mark.parametrize("seed", range(4))
def test_random_hostile_text_never_raises(seed: int) -> None:
    rng = random.Random(seed)
    engine = StoryEngine()
    for i in range(150):
        reports = [Report(f"{i}-{j}", rng.choice(["A", "B", "[b]x[/b]"]), _text(rng, 12), _text(rng, 80),
                   1_632_000_000.0 + rng.randrange(-10**6, 10**6)) for j in range(rng.randrange(1, 4))]
        for report in reports:
            extract(report.title, report.text, report.published)
            engine.add(report.id, report.title, report.text, report.published)
        story_facts(reports)
        build_timeline(reports, {r.id: rng.choice([None, reports[0].id]) for r in reports})


def test_figures_are_read_from_the_first_max_chars_only() -> None:
    """An item can be megabytes long (up to the response limit); figures come from its start."""
    from tui.core.figures import MAX_CHARS

    filler = "Nothing to count here. " * (MAX_CHARS // 23 + 1)
    assert [f.value for f in extract("", "Officials said 230,000 troops massed. " + filler)] == [230_000]
    assert extract("", filler + "Officials said 230,000 troops massed.") == []
