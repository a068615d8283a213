"""What counts as the two shared specifics (names, numbers, dates) that tie a report to a story."""

from __future__ import annotations

from tui.core.cluster import StoryEngine
from tui.core.vectors import spec_dot


def test_a_person_written_two_ways_is_one_shared_name() -> None:
    story = {"e:biden": 3.0, "e:president joe biden": 1.0, "e:haiti": 1.0}
    assert spec_dot({"e:biden": 3.0, "e:president joe biden": 1.0}, story, 2) == 0.0
    assert spec_dot({"e:joe biden": 1.0, "e:biden": 3.0, "e:haiti": 1.0}, story, 2) == 9.0 + 1.0
    assert spec_dot({"n:12": 1.0, "e:haiti": 2.0}, {"n:12": 2.0, "e:haiti": 1.0}, 2) == 4.0


def test_reports_about_one_persons_different_doings_are_different_stories() -> None:
    """Replaying real feeds, eleven reports that named "Biden" and "President Joe Biden" (his deportation
    flights to Haiti, his beach holiday, Guantanamo, a poll) became one story: the two ways of writing
    one name counted as the two shared specifics that one event's reports have."""
    engine = StoryEngine()
    flights = engine.add("a", "Biden to begin deportation flights to Haiti by Sunday",
                         "President Joe Biden's administration will restart removal flights to Haiti. Biden "
                         "faces criticism from migrant advocates.", 0)
    prison = engine.add("b", "Biden has made little progress on closing Guantanamo prison",
                        "President Joe Biden pledged to close the prison. Biden's aides say a review continues, "
                        "but no detainee has been moved this year.", 600)
    again = engine.add("c", "Biden administration to start deportation flights to Haiti on Sunday",
                       "President Joe Biden's government will fly migrants camped under a bridge in Del Rio back "
                       "to Haiti, starting on Sunday. Biden has been criticised.", 1200)
    assert prison.new_story and prison.story != flights.story
    assert not again.new_story and again.story == flights.story
