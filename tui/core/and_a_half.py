"""Quantities with a half: "two and a half years", "one and a half million people", "a mile and a half",
"half an hour".

The main pattern reads "two and ..." as two numbers joined by "and" and finds nothing counted after
them; these forms are read here, apart, and give one figure each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.counted import counted_after
from tui.core.figwords import APPROX, CURRENCY_WORDS, MEASURES, MULTIPLIERS, SMALL_NUMBERS, UNITS

# "an hour and a half", "a mile and a half": a unit or a span of time, then "and a half"
_SPANS = {"hour": "hours", "day": "days", "week": "weeks", "month": "months", "year": "years",
          "minute": "minutes", "second": "seconds", "decade": "decades", "century": "centuries"}
_HALVED = frozenset(_SPANS.values())
_PERCENT = re.compile(r"\s?(?:%|percent\b|per\s?cent\b|pct\b)", re.I)
_ONE_UNIT = "|".join(sorted([*_SPANS, *(u for u in UNITS if u.isalpha() and len(u) > 2)], key=len, reverse=True))
_WHOLE = "|".join(sorted(["one", *SMALL_NUMBERS], key=len, reverse=True))
_APPROX = "|".join(APPROX)
_SCALES = "million|billion|trillion|thousand"
_AND_A_HALF = re.compile(
    rf"\b(?:(?P<approx>{_APPROX})\s+)?"
    rf"(?:(?P<whole>\d{{1,3}}|{_WHOLE})\s+and\s+a\s+half(?:[\s-](?P<scale>{_SCALES}))?"  # "two and a half years"
    rf"|(?:a|an|one)\s+(?P<unit>{_ONE_UNIT})\s+and\s+a\s+half"  # "a mile and a half"
    rf"|(?P<half>half)\s+an?\s+(?P<half_unit>{_ONE_UNIT}))\b",  # "half a mile", "half an hour"
    re.I,
)


@dataclass(frozen=True, slots=True)
class Half:
    """One quantity with a half, as found: where it is written and what it counts."""

    start: int
    stop: int  # end of what is counted
    value: float
    counts: str  # the counted word ("years", "people"), not yet made canonical
    thing: str
    approx: str


def with_halves(text: str) -> list[Half]:
    """Every quantity with a half in a sentence ("and a half", "half a mile"), left to right."""
    if "half" not in text.lower():
        return []
    out: list[Half] = []
    for m in _AND_A_HALF.finditer(text):
        approx = (m.group("approx") or "").lower()
        if unit := m.group("unit") or m.group("half_unit"):
            low = unit.lower()
            counts = _SPANS.get(low) or UNITS.get(low) or ""
            if counts:
                out.append(Half(m.start(), m.end(), 0.5 if m.group("half") else 1.5, counts, unit, approx))
            continue
        whole = m.group("whole").lower()
        value = float(whole) if whole.isdigit() else float(SMALL_NUMBERS.get(whole, 1))
        value += 0.5
        if scale := m.group("scale"):
            value *= MULTIPLIERS[scale.lower()]
        if pct := _PERCENT.match(text, m.end()):  # "three and a half per cent"
            out.append(Half(m.start(), pct.end(), value, "percent", "", approx))
            continue
        head, thing, stop = counted_after(text, m.end())
        low = head.lower()
        # a measure, a span or a sum can be halved; people only by the million ("Two and a Half Men")
        if head and (m.group("scale") or low in _HALVED or UNITS.get(low) in MEASURES or low in CURRENCY_WORDS):
            out.append(Half(m.start(), stop, value, head, thing, approx))
    return out
