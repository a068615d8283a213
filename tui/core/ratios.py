"""Counts that are one side of a ratio or the part of a set rather than figures of their own: "four out
of five adults", "one in ten", "three of the four soldiers" (the set's size is the figure), "178 of 369
punches", "two dancers out of 18"."""

from __future__ import annotations

import re

from tui.core.figwords import SMALL_NUMBERS

# a number written as a word, longest first
SPELLED = "|".join(sorted([*SMALL_NUMBERS, "a dozen", "dozen", "a hundred", "hundred", "a thousand", "thousand",
                           "a million"], key=len, reverse=True))
_A_NUMBER = rf"(?:\d|(?:{SPELLED})\b)"  # the whole a part is taken out of
_OUT_OF = re.compile(rf"\s+(?:out\s+of|in)\s+{_A_NUMBER}", re.I)  # "four out of five", "one in ten"
# "three of the four soldiers", "10 of the Saints' 16 games": a part of a set whose size is the figure
_OF_THE_SET = re.compile(rf"\s+of\s+(?:(?i:the|his|her|their|its|our|these|those)\s+)?"
                         rf"(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)*['’]s?\s+)?(?:\d|(?i:{SPELLED})\b)")
_OUT_OF_BEFORE = re.compile(rf"(?:(?<![\d.,-])\d[\d,.]*|\b(?:{SPELLED}|one))\s+(?:out\s+of|in)\s+(?:every\s+)?$|"
                            r"\d\s+of\s+(?:every\s+)?$",
                            re.I)  # not "out of £250,000"; "landing 178 of 369 punches"; not "122-147 in three seasons"
# after a counted noun only "out of" makes a ratio: "two dancers out of 18" (not "5 people in 2020")
_OUT_OF_AFTER = re.compile(rf"\s+out\s+of\s+{_A_NUMBER}", re.I)


def part_of_ratio(text: str, start: int, end: int, whole: bool) -> bool:
    """Whether the number at text[start:end] is a ratio's part or a part of a set ("four out of five",
    "three of the four", "178 of 369"). `whole`: it is a sum or a share ("$35m in two rounds",
    "5 percent in 2020", "Ninety percent of the 288 candidates"), which is never the part itself."""
    if not whole and (_OUT_OF.match(text, end) or _OF_THE_SET.match(text, end)):
        return True
    return bool(_OUT_OF_BEFORE.search(text[max(0, start - 20):start]))


def ratio_after(text: str, stop: int) -> bool:
    """Whether a count ending at `stop` (its noun included) is one side of a ratio ("two pro dancers out
    of 18")."""
    return bool(_OUT_OF_AFTER.match(text, stop))
