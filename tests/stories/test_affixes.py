"""Programme labels repeated after a feed's headlines are left out of clustering."""

from __future__ import annotations

from tui.core.affixes import LabelWindow, repeated_labels, without_label

BULLETINS = [
    "Sen. Manny Pacquiao tatakbo sa pagkapangulo | TV Patrol",
    "DOH: 23,134 bagong kaso ng COVID-19 | TV Patrol",
    "Ika-apat na sunod na linggo na tataas ang presyo ng petrolyo | TV Patrol",
    "Sakto | TeleRadyo (20 September 2021)",
    "Headline Pilipinas | Teleradyo (21 September 2021)",
    "SRO | TeleRadyo (22 September 2021)",
    "Typhoon nears Luzon - PAGASA",
]


def test_labels_a_feed_repeats_are_found_and_numbers_do_not_split_them() -> None:
    labels = repeated_labels(BULLETINS)
    assert labels == {"tv patrol", "teleradyo (# september #)"}


def test_the_headline_loses_only_a_repeated_label() -> None:
    labels = repeated_labels(BULLETINS)
    assert without_label(BULLETINS[0], labels) == "Sen. Manny Pacquiao tatakbo sa pagkapangulo"
    assert without_label(BULLETINS[5], labels) == "SRO"
    assert without_label("Typhoon nears Luzon - PAGASA", labels) == "Typhoon nears Luzon - PAGASA"
    assert without_label("| TV Patrol", labels) == "| TV Patrol"  # nothing but the label: kept


def test_a_suffix_seen_once_or_rarely_is_content() -> None:
    titles = [f"Story number {i} about the economy" for i in range(40)] + [
        "Markets fall - analysts", "Rates rise - analysts", "Oil slips - analysts"]
    assert repeated_labels(titles) == frozenset()  # 3 of 43: under a tenth of the feed


def test_a_stream_window_strips_a_label_once_its_source_has_repeated_it() -> None:
    window = LabelWindow(size=40)
    seen = [window.strip("abs-cbn", title) for title in BULLETINS[:3]]
    assert seen[:2] == BULLETINS[:2]  # said once or twice: not yet a label
    assert seen[2] == "Ika-apat na sunod na linggo na tataas ang presyo ng petrolyo"
    assert window.strip("other outlet", "Rates rise | TV Patrol") == "Rates rise | TV Patrol"
