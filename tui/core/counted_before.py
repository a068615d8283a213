"""What a number counts, told before it: "death toll rises to 24", "active cases at 184,088", "the
number of seats from 65", "a crowd of 22,000", "killing 18 people", "Blast kills 12"."""

from __future__ import annotations

import re

from tui.core.counted import FATES, IN_CLAUSE, PEOPLE, is_count_word
from tui.core.figwords import APPROX, COUNT_NOUNS, MODIFIERS

_OR_APPROX = rf"(?:\s+(?:{'|'.join(APPROX)}))?"  # "the death toll climbs to over 1,000"
# "pushing the death toll above 680", "Orange County coronavirus cases near 2,000"
_BEFORE = re.compile(r"\b([a-z]+)\s+(?:now\s+)?(?:at|to|reach(?:es|ed)?|hits?|stands?\s+at|"
                     r"umabot\s+(?:na\s+)?(?:ito\s+)?sa|"  # Tagalog "reached"
                     r"(?:climb(?:s|ed)?|jump(?:s|ed)?|ris(?:es?|en)|rose|soar(?:s|ed)?|go(?:es)?|went)\s+"
                     r"(?:to|past|above|beyond)|past|tops?|cross(?:es|ed)?|pass(?:es|ed)?|exceed(?:s|ed)?|"
                     r"surpass(?:es|ed)?|above|nears?|approach(?:es|ed|ing)?)" + _OR_APPROX + r"\s*$")
_CHANGE = (r"(?:rises?|rose|risen|climb(?:s|ed)?|jump(?:s|ed)?|falls?|fell|drop(?:s|ped)?|increase[sd]?|decrease[sd]?|"
           r"(?:go|goes|went|gone)\s+(?:up|down))")
# "infections rise by just 2% in a week to 30,144", "deaths go up by eight to 164"
_CHANGED_TO = re.compile(rf"\b([a-z]+)\s+{_CHANGE}\b(?:{IN_CLAUSE}{{0,40}}?\bto|"
                         rf"\s+by(?:\s+(?:{'|'.join(APPROX)}))?|)\s*$")  # (or the change itself: "cases rise 300")

_VERB_BEFORE = re.compile(r"\b(kill(?:s|ed|ing)?|injur(?:es|ed|ing)|wound(?:s|ed|ing)|leav(?:es|ing)|left)\s+"
                          r"(?:(?:at\s+least|about|around|some|nearly|more\s+than|over)\s+)?$", re.I)


def casualty_before(text: str, start: int, head: str) -> str:
    """'killing 18 people', 'left 5 people injured': people counted by what happened to them."""
    if head not in PEOPLE:
        return head
    m = _VERB_BEFORE.search(text[max(0, start - 30):start])
    if not m:
        return head
    verb = m.group(1).lower()
    return "dead" if verb.startswith("kill") else "injured" if verb.startswith(("injur", "wound")) else head


_BARE_VERB = re.compile(r"\b(kill(?:s|ed|ing)?|injur(?:es|ed|ing)|wound(?:s|ed|ing)|arrest(?:s|ed|ing)?|"
                        r"detain(?:s|ed|ing)?|execut(?:es?|ed|ing))\s+"
                        r"(?:(?:at\s+least|about|around|some|nearly|more\s+than|over|up\s+to)\s+)?$", re.I)


def casualty_verb_before(text: str, start: int) -> str:
    """'Blast kills 12 in Kabul', 'killed 9, injured 30', 'police arrested 12', 'Police arrest 235 at
    protest', 'Iran executes 3': a bare number after a casualty verb counts the dead, the injured, the
    arrested, the detained or the executed ('' when no such verb precedes)."""
    m = _BARE_VERB.search(text[max(0, start - 30):start])
    if not m:
        return ""
    verb = m.group(1).lower()
    return ("dead" if verb.startswith("kill") else "arrested" if verb.startswith("arrest")
            else "detained" if verb.startswith("detain") else "executed" if verb.startswith("execut") else "injured")


_NUMBER_OF = re.compile(rf"\b((?i:n)umbers?|(?i:t)otal|(?i:t)ally|(?i:c)ount|(?i:t)oll) (?:of|(?<=oll )(?:from|in)) "
                        rf"({IN_CLAUSE}{{0,80}}?)\s+(?:to|at|from|reach(?:es|ed)?|hits?|stands? at|"
                        rf"(?:is|are) (?:approaching|nearing|near)){_OR_APPROX}\s*$")  # (a capital too: "Toll in ...")
# the size of a body of people: "a population of about 2 million", "the crowd of 22,000"
_BODY_SIZE = re.compile(r"\b(population|crowd|audience|attendance|workforce)\s+(?:of\s+)?"
                        r"(?:(?:about|around|some|nearly|almost|over|more\s+than)\s+)?$", re.I)
_OF_AMOUNT = re.compile(r"\b([a-z]+)\s+of\s+(?:between|about|around|up\s+to|some|nearly|almost)\s+$")
# "the total confirmed cases in the country were 2,347,550"
_STATED = re.compile(r"\b([a-z]+)\b(?:\s+(?:in|of|across|at)\s+[\w\s'’]{0,25}?)?\s+(?:were|was|stood at|now at)\s*$")


def counted_before(text: str, start: int) -> str:
    """'active cases at 184,088', 'death toll rises to 24', 'raising the number of active cases in the
    country to 178,196': the counted noun stated before the number."""
    if body := _BODY_SIZE.search(text[max(0, start - 30):start]):
        return body.group(1).lower()  # "a city of population 167,000", "a crowd of 22,000"
    m = _BEFORE.search(text[max(0, start - 40):start].lower())  # (a headline's too: "Death Toll Climbs Past 100")
    if m and (m.group(1) in COUNT_NOUNS or m.group(1) in {"toll", "tally", "count", "total", "population"}):
        return m.group(1)  # ("Uzbekistan's population tops 35 million")
    m = _CHANGED_TO.search(text[max(0, start - 70):start].lower())
    if m and (m.group(1) in COUNT_NOUNS or m.group(1) == "toll"):  # "Death toll rises by 5 to 25"
        return m.group(1)
    m = _OF_AMOUNT.search(text[max(0, start - 40):start])  # "daily infections of between 1400 and 2900"
    if m and is_count_word(m.group(1)) and m.group(1) not in MODIFIERS:
        return m.group(1)
    m = _STATED.search(text[max(0, start - 50):start])
    if m and m.group(1) in COUNT_NOUNS:
        return m.group(1)
    return number_of_before(text, start)


def number_of_before(text: str, start: int) -> str:
    """'the number of active cases in the country to 178,196', 'the number of seats from 65', 'put the
    death toll of the shelling at 40', 'the death toll from the disaster to 11': the noun of a 'number
    of' phrase just before the number."""
    m = _NUMBER_OF.search(text[max(0, start - 120):start])
    if m and m.group(1).lower() == "toll":
        return "toll"
    if m:  # the first plural noun of the phrase ("the number of people killed": what happened to them)
        words = m.group(2).split()[:6]
        for i, word in enumerate(words):
            if word.islower() and is_count_word(word) and word not in MODIFIERS:
                fate = words[i + 1] if i + 1 < len(words) else ""
                return fate if word in PEOPLE and (fate in FATES or fate == "dying") else word
    return ""


# a change right before a number: "Oil climbs $2 to $85", "Gold rises Rs 250 to Rs 47,000" (the change, then
# the new level; not a range)
CHANGE_BEFORE = re.compile(r"\b(?:rises?|rose|climb(?:s|ed)?|jump(?:s|ed)?|falls?|fell|drop(?:s|ped)?|slip(?:s|ped)?|"
                           r"gain(?:s|ed)?|surge[sd]?|soar(?:s|ed)?|plunge[sd]?|dip(?:s|ped)?|up|down)"
                           r"(?:\s+by)?\s+$", re.I)
# between a change and the level it reached: "Sensex jumps 500 points to 58,000", "Nifty ends 120 points higher
# at 17,585"
_LEVEL_AFTER = re.compile(r"\s+(?:(?P<way>higher|lower|up|down)\s+)?(?:to|at)\s+")
# a change restated as a percentage before the level: "rose 40 points, or 0.3 percent, to 35,500"
_RESTATED = re.compile(r",?\s+or\s+(?P<pct>[^,]{1,30}?),?\s+(?:(?:higher|lower|up|down)\s+)?(?:to|at)\s+")
# what a tally counts, named just before it when nothing was counted before: "Covid tally crosses 3 crore"
_TALLY_OF = re.compile(r"\b(covid(?:-19)?|coronavirus|virus|infections?|cases?|deaths?|medals?|vaccinations?|"
                       r"vaccines?|doses?|jabs?)['’]?s?\s+(death\s+)?(?:tally|count|total)\s", re.I)
_TALLIES = {"covid": "cases", "covid-19": "cases", "coronavirus": "cases", "virus": "cases", "infection": "infections",
            "case": "cases", "death": "deaths", "medal": "medals", "vaccination": "doses", "vaccine": "doses",
            "dose": "doses", "jab": "doses"}


def level_after_change(text: str, start: int, last: tuple[str, str], before: tuple[str, str] | None = None) -> str:
    """What a bare number at `start` counts when it is the level that the change just before it reached:
    the change's unit, as in "jumps 500 points to 58,000" (`last`: that figure's text and what it
    counts). Not after a percentage alone: "shares rise 5% to 120" is a price; but after the same change
    restated as one, the change's (`before`: the figure before the percentage), as in "rose 40 points,
    or 0.3 percent, to 35,500"."""
    last_text, last_counts = last
    if last_counts == "percent":
        if before is None or before[1] == "percent":
            return ""
        at = text.rfind(before[0], max(0, start - len(before[0]) - len(last_text) - 30), start)
        restated = _RESTATED.fullmatch(text, at + len(before[0]), start) if at >= 0 else None
        if restated and restated.group("pct") == last_text and CHANGE_BEFORE.search(text[max(0, at - 12):at]):
            return before[1]
        return ""
    at = text.rfind(last_text, max(0, start - len(last_text) - 20), start)
    gap = _LEVEL_AFTER.fullmatch(text, at + len(last_text), start) if at >= 0 else None
    if gap and (gap.group("way") or CHANGE_BEFORE.search(text[max(0, at - 12):at])):
        return last_counts
    return ""


def tally_of(text: str, start: int) -> str:
    """What a tally before `start` counts when the words before it say so ("Covid tally crosses 3 crore":
    cases), else ""."""
    found = list(_TALLY_OF.finditer(text[max(0, start - 60):start]))
    if not found:
        return ""
    if found[-1].group(2):  # "Covid death tally": the dead of Covid
        return "deaths"
    word = found[-1].group(1).lower()
    return _TALLIES.get(word) or _TALLIES.get(word.rstrip("s"), "")
