"""The timeline says what each report added; a changed figure is one the story's discrepancies would flag."""

from __future__ import annotations

import pytest

from tui.core.facts import Report
from tui.core.timeline import build_timeline, lag_text, outlets_by_lag

PUBLISHED = 1_627_482_000.0  # 2021-07-28T14:20Z


def added(*reports: tuple[str, str]) -> list[str]:
    """What each report added, for reports (outlet, headline) an hour apart."""
    story = [Report(str(i), feed, title, "", PUBLISHED + 3600 * i) for i, (feed, title) in enumerate(reports)]
    return [e.added for e in build_timeline(story).entries]


def test_first_report_copies_and_follow_ups() -> None:
    story = [Report("a", "A", "Flood hits valley", "", PUBLISHED),
             Report("b", "B", "Flood hits valley", "", PUBLISHED + 60),
             Report("c", "C", "Rescuers reach valley", "", PUBLISHED + 120)]
    timeline = build_timeline(story, {"b": "a"})
    assert [e.added for e in timeline.entries] == ["first report", "copy of A's report", "follow-up"]
    assert (timeline.independent, timeline.copies) == (2, 1)
    assert timeline.outlet_lag == {"A": 0, "B": 60, "C": 120}
    assert outlets_by_lag(timeline) == "A first, B +1m, C +2m"
    assert outlets_by_lag(timeline, 2) == "A first, B +1m and 1 more, the last +2m"
    assert [lag_text(s) for s in (0, 0.2, 40, 59.4, 60)] == ["first", "+1s", "+40s", "+59s", "+1m"]


def test_only_the_first_report_is_first_when_others_share_its_second() -> None:
    # items a feed gives no time get the time they were fetched: a whole first poll can share one second
    story = [Report("a", "A", "Flood hits valley", "", PUBLISHED),
             Report("b", "A", "Rescuers reach valley", "", PUBLISHED),
             Report("c", "B", "Flood hits valley", "", PUBLISHED),
             Report("d", "C", "Valley flood recedes", "", PUBLISHED + 60)]
    timeline = build_timeline(story)
    assert [lag_text(e.lag, i == 0) for i, e in enumerate(timeline.entries)] == ["first", "+0s", "+0s", "+1m"]
    assert outlets_by_lag(timeline) == "A first, B +0s, C +1m"
    assert outlets_by_lag(timeline, 1) == "A first and 2 more, the last +1m"


def test_a_revised_toll_is_a_changed_figure() -> None:
    assert added(("A", "Flood leaves 12 dead"), ("B", "Flood toll rises to 18 dead"), ("A", "Flood: 18 dead")) == \
        ["first report", "changed figures: dead 12 → 18", "follow-up"]
    # an outlet revising its own toll is news too
    assert added(("A", "Blast kills 5"), ("A", "Blast toll rises to 8 dead"))[1] == "changed figures: dead 5 → 8"


def test_another_outlets_close_count_is_a_changed_figure() -> None:
    assert added(("A", "Russia moves 20,000 troops to border"), ("B", "Russia moves 25,000 troops to border"))[1] \
        == "changed figures: troops 20,000 → 25,000"


@pytest.mark.parametrize("reports", [
    # measures of different things: a road's length, a camp's distance from the border
    (("A", "Landslide blocks 5 kilometers of highway"), ("B", "Camp set up 20 kilometers from the border")),
    # one outlet's two sums are two facts: a deal and a bid
    (("A", "Consortium wins $11 billion WestConnex deal"), ("A", "Consortium makes $9.5 billion Ausnet bid")),
    # counts far apart count different things: one region's cases, the country's
    (("A", "3 new cases in Waikato"), ("B", "New Zealand reports 240 new cases")),
    # a report stating several values of one kind counts several things
    (("A", "Floods leave 4 dead"), ("B", "Floods: 3 dead in Khatlon, 2 dead in Sughd")),
    # shares of different wholes
    (("A", "Taliban control 90 percent of the borders"), ("B", "70 percent of adults are vaccinated")),
])
def test_figures_the_discrepancies_would_not_compare_are_new_not_changed(reports: tuple[tuple[str, str], ...]) -> None:
    later = added(*reports)[1]
    assert later.startswith("new figures: "), later
