"""What a number counts when no noun follows it, told by the words around it: a verb of reporting before
it ("an increase in confirmed COVID-19 cases over the weekend, reporting 123 on Saturday and 105 on
Sunday", a feed's description of another day), or a "number of" phrase after it ("bringing to 10 the
number of Israelis who have been killed")."""

from __future__ import annotations

import re

from tui.core.counted import FATES, IN_CLAUSE, is_count_word
from tui.core.figwords import COUNT_NOUNS, MODIFIERS

_REPORTED = re.compile(r"\b(?:reporting|recording|logging|confirming|registering)\s+$", re.I)
_WORDS = re.compile(r"[a-z]+")
_BEFORE = 120  # characters read back from the verb for the noun
_NUMBER_OF_AFTER = re.compile(rf"\s+the\s+(?:number|total|tally|count)\s+of\s+({IN_CLAUSE}{{0,60}})")
_BEFORE_A_FATE = ("who", "were", "have")  # "Israelis who have been killed" (not "players on injured reserve")


def reported_count(text: str, start: int) -> str:
    """For a number at `start` with nothing counted after it: the sentence's last plural count noun
    before a verb of reporting right before the number ("cases ..., reporting 123"), else ""."""
    verb = _REPORTED.search(text[max(0, start - 14):start])
    if not verb:
        return ""
    verb_at = max(0, start - 14) + verb.start()
    nouns = [w for w in _WORDS.findall(text[max(0, verb_at - _BEFORE):verb_at]) if w in COUNT_NOUNS and w.endswith("s")]
    return nouns[-1] if nouns else ""


def number_of_after(text: str, end: int) -> str:
    """What the "number of" phrase right after a number (ending at `end`) counts: its first noun (a
    compound's last: "the number of Rams players"), or what happened to them when the phrase goes on
    to tell ("the number of people killed", "of Israelis who have been killed"); "" without one."""
    m = _NUMBER_OF_AFTER.match(text, end)
    if not m:
        return ""
    words = [w.strip(",").lower() for w in m.group(1).split()[:8]]
    at = next((i for i, w in enumerate(words) if is_count_word(w) and w not in MODIFIERS), -1)
    if at < 0:
        return ""
    while at < len(words) - 1 and is_count_word(words[at + 1]) and words[at + 1] not in FATES:
        at += 1
    after = words[at + 1:at + 5]
    if after and (after[0] in FATES or after[0] in _BEFORE_A_FATE):
        return next((w for w in after if w in FATES), words[at])
    return words[at]
