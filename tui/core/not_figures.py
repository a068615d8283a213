"""What makes a number in a text not a figure: it names, dates or scores something rather than
counting it ("COVID-19", "the 201st", "July 20", "4pm", "a 20-13 win", "a mother of two", "2019")."""

from __future__ import annotations

import re

from tui.core.counted import counted_after, designator_before, is_count_word, is_list_number
from tui.core.figwords import MONTHS
from tui.core.magnitudes import named_magnitude
from tui.core.ratios import part_of_ratio

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONTH_RE = "|".join(MONTHS)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTH_RE})\.?\s*$", re.I)  # "July 20"
_DATE_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTH_RE})\b", re.I)  # "20 July", "20th of July"
_UNIT_AGAINST = re.compile(r"(?:(?i:km|kms|ft|kg|cm|mm|mph|mw)|°?[FC]|L|KOs?)\b")  # 5ft, 20km, 75F, 6L, 12KOs
_PARENT_OF = re.compile(r"\b(?:mother|father|mum|mom|dad|parent)\s+of\s*$", re.I)  # "a mother of two": her children
_AGED = re.compile(r"\baged\s+(?:from\s+|between\s+)?(?:\w+\s+(?:to|and)\s+)?$", re.I)
_AGO = re.compile(r"\s+(?:years?|months?|weeks?|days?|hours?)\s+(?:ago|earlier|later|before)\b", re.I)
# a span of time given to someone named: "gives Congress 60 days to review" (no version or level is
# followed by "days": "Windows 10 users", "Level 4 restrictions")
_SPAN_AFTER = re.compile(r"\s+(?:hours|days|weeks|months)\s+(?:to|for)\b")
_SHORT_SCALES = frozenset({"k", "m", "b"})  # after a name these may be a unit or a model: "K1 500m", "Galaxy 5k"
_SPELLED_DESIGNATORS = frozenset({"level", "phase", "stage", "tier", "category", "grade", "class", "round", "step"})
_TICKER_CHANGE = re.compile(r"\b[A-Z]{1,5}\s*[+\-−]$")  # a quote's change: "AMD +0.26%", "INTC -1.25%"
_YARD_LINE = re.compile(r"[\s-]?yard\s+line\b", re.I)
_QUOTE_CHANGE = re.compile(r"\d+\.\d\d")
# what follows a temperature's number: "75F", "−3°C", "20 degrees"
TEMPERATURE_AFTER = re.compile(r"(?:\s?°\s?[CF]|[CF])\b|\s?degrees?\b")
_TIME_AFTER = re.compile(r"^\s?(?:[ap]\.?m\.?\b|:\d\d|h\d\d|GMT|UTC|hrs\b|o'clock)", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
# a fraction of something: "nearly three quarters of the market share" (as "three-quarters of")
_FRACTION_AFTER = re.compile(r"[\s-](?:halves|thirds|quarters|fifths|sixths|sevenths|eighths|ninths|tenths)\s+of\b",
                             re.I)


def _can_be_day(num: str) -> bool:
    return num.isdigit() and 1 <= int(num) <= 31


def not_a_figure(m: re.Match[str], text: str, start: int, end: int) -> bool:
    """Numbers that name, date or score something rather than count it."""
    num = m.group("num")
    if _YARD_LINE.match(text, end):
        return True  # a place on a football field: "at the 27-yard line"
    if m.group("pct") and _QUOTE_CHANGE.fullmatch(num or "") and _TICKER_CHANGE.search(text[max(0, start - 8):start]):
        return True  # a stock quote's change, page furniture (not "GDP -0.5%")
    if _PARENT_OF.search(text[max(0, start - 12):start]) or _AGED.search(text[max(0, start - 30):start]):
        return True  # "a mother of two": her children; "children aged from one to 12 years": ages
    # (a sum or a share is no part of a ratio: "$35m in two rounds", "5 percent in 2020")
    if part_of_ratio(text, start, end, whole=bool(m.group("cur") or m.group("scale") or m.group("pct"))):
        return True  # "four out of five adults", "three of the four soldiers"
    if _FRACTION_AFTER.match(text, end):
        return True
    if not num:  # a spelled number only names something after a designator: "alert level four"
        words = text[max(0, start - 24):start].split()
        return bool(words) and words[-1].lower().rstrip(".") in _SPELLED_DESIGNATORS
    unit_given = bool(m.group("scale") or m.group("pct") or m.group("cur") or TEMPERATURE_AFTER.match(text, end)
                      or _UNIT_AGAINST.match(text, end))  # "fell around 2000ft": no year
    after_number = text[m.end("num"):]
    return bool(
        (not m.group("cur") and not m.group("pct") and designator_before(text, start)
         and not _AGO.match(text, end) and not _SPAN_AFTER.match(text, end)
         and not named_magnitude(text, start, end)
         and (not m.group("scale") or m.group("scale").lower() in _SHORT_SCALES))
        # COVID-19, Level 4 (but "from Sudan 6 months ago", "a magnitude-6.1 earthquake", "Powerful 6.1 magnitude",
        # and no version or level is in millions: "EU fines Google 2.4 billion euros"; "K1 500m" is metres)
        or _ORDINAL_AFTER.match(after_number)  # 201st
        or is_list_number(text, start, end)  # "1. Read the terms"
        or (not (m.group("scale") or m.group("pct")) and re.match(r"[A-Za-z]", text[end:end + 1])
            and not _UNIT_AGAINST.match(text, end))  # 1News, 20s (but 5ft, 20km)
        or _TIME_AFTER.match(after_number)  # 4pm, 10:30
        or (_DATE_BEFORE.search(text[max(0, start - 12):start]) and _can_be_day(num))  # July 20 (not "may 45 km")
        or (not unit_given and _DATE_AFTER.search(text[end:end + 14].split("\n")[0]))  # 20 July
        or (m.group("num2") and not unit_given and "-" in text[m.end("num"):m.start("num2")]
            and (not is_count_word(counted_after(text, end)[0])
                 or text[end:end + 2].strip()[:1].isupper()))  # a score or record: 20-13, "the 15-17 Bulldogs"
        or (_YEAR.match(num) and not unit_given)  # 2019
    )
