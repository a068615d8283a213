"""Notifications after a poll: outlet threshold crossed, watched term, figures starting to disagree."""

from __future__ import annotations

from dataclasses import replace

from tui.core.notices import story_notices
from tui.core.summaries import StorySummary

BASE = StorySummary(id=1, title="Flash flood hits Vakhsh valley", articles=2, outlets=2, independent=2, unread=2,
                    last=0.0, velocity=0, spark=(0,) * 8, fresh=True, starred=False, muted=False, dismissed=False,
                    feeds=("A", "B"), tags=())


def test_outlet_threshold_crossed_once() -> None:
    grown = replace(BASE, outlets=3, articles=3)
    notices = story_notices({1: BASE}, [grown], frozenset(), frozenset(), 3, ())
    assert [(n.title, n.message) for n in notices] == [("Story spreading",
                                                       "3 outlets now report: Flash flood hits Vakhsh valley")]
    assert story_notices({1: grown}, [replace(grown, outlets=4)], frozenset(), frozenset(), 3, ()) == []


def test_figures_starting_to_disagree_warn() -> None:
    notices = story_notices({1: BASE}, [BASE], frozenset(), frozenset({1}), 3, ())
    assert [(n.title, n.severity) for n in notices] == [("Key figure changed", "warning")]
    assert story_notices({1: BASE}, [BASE], frozenset({1}), frozenset({1}), 3, ()) == []  # already known


def test_watched_terms_in_new_or_growing_stories_only() -> None:
    assert [n.message for n in story_notices({}, [BASE], frozenset(), frozenset(), 3, ("vakhsh", "kabul"))] == [
        "vakhsh: Flash flood hits Vakhsh valley"]
    assert story_notices({1: BASE}, [BASE], frozenset(), frozenset(), 3, ("vakhsh",)) == []  # nothing new
    grown = replace(BASE, articles=3)
    assert len(story_notices({1: BASE}, [grown], frozenset(), frozenset(), 3, ("Vakhsh",))) == 1


def test_muted_and_dismissed_stories_stay_quiet() -> None:
    for quiet in (replace(BASE, muted=True, outlets=5), replace(BASE, dismissed=True, outlets=5)):
        assert story_notices({1: BASE}, [quiet], frozenset(), frozenset({1}), 3, ("vakhsh",)) == []


def test_feed_text_in_a_notice_is_one_plain_line() -> None:
    hostile = replace(BASE, title="Flood\n\x1b[31mred\x1b[0m [bold]x[/]", outlets=3)
    (notice,) = story_notices({1: BASE}, [hostile], frozenset(), frozenset(), 3, ())
    assert "\n" not in notice.message and "\x1b" not in notice.message and "[bold]x[/]" in notice.message


def test_a_changed_key_figure_says_what_changed() -> None:
    old = replace(BASE, key_figures='{"dead": 8, "injured": 30}')
    new = replace(BASE, articles=3, key_figures='{"dead": 12, "injured": 30, "missing": 4}')
    (notice,) = story_notices({1: old}, [new], frozenset({1}), frozenset({1}), 3, ())
    assert notice.title == "Key figure changed" and notice.severity == "warning"
    assert notice.message == "dead 8 → 12: Flash flood hits Vakhsh valley"  # a new kind (missing) is no change
    assert story_notices({1: new}, [new], frozenset({1}), frozenset({1}), 3, ()) == []
    assert story_notices({1: replace(BASE, key_figures=None)}, [new], frozenset(), frozenset(), 3, ()) == []


def test_a_watched_term_is_found_from_the_start_of_a_word_and_an_acronym_as_a_word() -> None:
    """Watching "UN", every headline with "under", "Kunduz" or "unrest" had notified."""
    def notified(title: str, term: str) -> bool:
        return bool(story_notices({}, [replace(BASE, title=title)], frozenset(), frozenset(), 3, (term,)))

    assert notified("UN chief visits Kabul", "UN") and notified("Tajik border drills begin", "drill")
    assert not notified("Fighting in Kunduz under way", "UN") and not notified("Unrest in Almaty", "UN")
    assert not notified("Europe braces for winter", "EU") and not notified("Iran talks resume", "ran")
    assert notified("Vakhsh valley flood", "VAKHSH TOWN"[:6]) and notified("北京发生地震", "北京")
