"""Who a report is about: reports of one kind of event about different people are different events."""

from __future__ import annotations

from tui.core.cluster import StoryEngine
from tui.core.features import document_features
from tui.core.protagonists import about_other_people, add_persons, persons

# Two arrests of two players of one club, a month apart, written alike (fictional).
ONE = ("Harbour City Rovers striker Tomas Brandt was arrested early Sunday on suspicion of drunk driving, "
       "police said. Brandt, 27, was stopped on the coast road after midnight and released on bail. "
       "Rovers said they were aware of the arrest of Brandt and would not comment further.")
ONE_AGAIN = ("Police arrested Harbour City Rovers striker Tomas Brandt on suspicion of drunk driving early on "
             "Sunday. Brandt was stopped on the coast road and later released on bail; the Rovers declined to comment.")
OTHER = ("Harbour City Rovers defender Luis Okafor was arrested early Saturday on suspicion of drunk driving, "
         "police said. Okafor, 31, was stopped on the coast road after midnight and released on bail. "
         "Rovers said they were aware of the arrest of Okafor and would not comment further.")
OTHER_RECALLING_ONE = OTHER.replace("would not comment further.", "would not comment further. "
                                    "Last month striker Tomas Brandt was arrested on the same road.")


def features(title: str, text: str) -> dict[str, float]:
    return document_features(title, text)[1]


def test_people_are_names_written_in_full_and_then_by_surname() -> None:
    people = persons(features("Rovers' Brandt arrested on suspicion of drunk driving", ONE))
    assert set(people) >= {"brandt"}
    assert people["brandt"] >= 4  # named in the headline and again in the lead
    assert "police" not in people and "sunday" not in people
    # a name used only once, in full, is not yet someone the report is about
    assert persons({"e:tomas brandt": 1.0, "e:harbour city": 1.0}) == {}
    # nor is a nationality, alone and after another name
    assert persons({"e:australian": 3.0, "e:western australian": 1.0, "e:british": 1.0, "e:new british": 1.0}) == {}
    assert persons({"e:dean": 3.0, "e:howard dean": 1.0}) == {"dean": 4.0}  # a short word so ending is a name


def test_a_team_or_a_place_written_in_full_and_then_short_is_no_one() -> None:
    # "Harbour City … City": the club, not a player called City; "North Korea … Korea": a country
    assert persons({"e:harbour city": 1.0, "e:city": 3.0, "e:tomas brandt": 1.0, "e:brandt": 3.0}) == {"brandt": 4.0}
    assert persons({"e:north korea": 1.0, "e:korea": 3.0, "e:western australia": 1.0, "e:australia": 1.0}) == {}
    # a longer name that starts with a place still ends with the person
    assert persons({"e:new zealand prime minister jacinda ardern": 1.0, "e:ardern": 3.0}) == {"ardern": 4.0}


def test_a_report_about_a_clubs_manager_joins_the_story_of_the_clubs_match() -> None:
    match = ("Harbour City were held to a goalless draw by Port Amberley on Saturday. City dominated possession "
             "but Amberley goalkeeper Ivo Rask saved twice from close range. City stay third in the table.")
    manager = ("Harbour City manager Sven Aldous says he feels guilty after the goalless draw with Port Amberley, "
               "in which his side failed to score. Aldous said City had to be sharper in front of goal.")
    engine = StoryEngine()
    first = engine.add("a", "Harbour City 0-0 Port Amberley: shot-shy City held by Amberley", match, 0)
    second = engine.add("b", "Aldous feels guilty after City's goalless draw with Port Amberley", manager, 3600)
    assert second.story == first.story


def test_a_main_person_is_compared_only_when_prominent_and_only_against_the_other_main_person() -> None:
    brandt = {"brandt": 6.0, "rovers": 2.0}
    okafor = {"okafor": 6.0, "rovers": 2.0}
    assert about_other_people(brandt, 1, okafor, 1, prominent=4.0, share=0.4)
    # Okafor's report that recalls Brandt once is still about Okafor; one that names both in earnest is not
    assert about_other_people(brandt, 1, {"okafor": 6.0, "brandt": 2.0}, 1, prominent=4.0, share=0.4)
    assert not about_other_people(brandt, 1, {"okafor": 6.0, "brandt": 4.0}, 1, prominent=4.0, share=0.4)
    # a name mentioned in passing (below `prominent` per report) decides nothing
    assert not about_other_people({"brandt": 2.0}, 1, okafor, 1, prominent=4.0, share=0.4)
    assert not about_other_people(brandt, 1, {"okafor": 6.0}, 2, prominent=4.0, share=0.4)
    assert not about_other_people(brandt, 1, {}, 1, prominent=4.0, share=0.4)


def test_a_story_keeps_its_heaviest_people() -> None:
    many = {f"name{i}": float(i) for i in range(100)}
    kept = add_persons({}, many)
    assert "name99" in kept and "name0" not in kept and len(kept) <= 48
    assert add_persons({"a": 1.0}, {"a": 2.0, "b": 1.0}) == {"a": 3.0, "b": 1.0}


def test_two_players_arrests_are_two_stories_and_each_gathers_its_own_reports() -> None:
    engine = StoryEngine()
    brandt = engine.add("a", "Rovers' Brandt arrested on suspicion of drunk driving", ONE, 0)
    okafor = engine.add("b", "Rovers' Okafor arrested on suspicion of drunk driving", OTHER, 3600)
    brandt2 = engine.add("c", "Rovers striker Brandt held for drunk driving", ONE_AGAIN, 7200)
    okafor2 = engine.add("d", "Rovers' Okafor arrested, a month after Brandt", OTHER_RECALLING_ONE, 9000)
    assert okafor.new_story and okafor.story != brandt.story
    assert brandt2.story == brandt.story
    assert okafor2.story == okafor.story
    assert engine.resolve(brandt.story) != engine.resolve(okafor.story)  # and the two never merged


def test_reports_about_the_same_person_join() -> None:
    engine = StoryEngine()
    first = engine.add("a", "Rovers' Brandt arrested on suspicion of drunk driving", ONE, 0)
    second = engine.add("b", "Rovers striker Brandt held for drunk driving", ONE_AGAIN, 600)
    assert not second.new_story and second.story == first.story

