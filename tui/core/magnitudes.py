"""Whether a number is an earthquake's magnitude: what is written around "6.1"."""

from __future__ import annotations

import re

# "magnitude 6.1", "a magnitude of 6.1", "a magnitude over 5.0"
_BEFORE = re.compile(r"\bmagnitude(?:\s+(?:of|over|above|below|under|about|around|nearly|near))?[\s-]*$", re.I)
# "6.1-magnitude", "7.2 on the Richter scale"
_AFTER = re.compile(r"[\s-]?magnitude\b|\s+on\s+the\s+Richter(?:\s+scale)?\b", re.I)
# "a quake measuring 6.1", "two quakes, measuring 7.6 and 7.4"
_MEASURING = re.compile(r"\b(?:earthquake|quake|temblor|tremor)s?\b[^.;:]{0,20}?\bmeasuring\s+"
                        r"(?:about\s+|around\s+|nearly\s+)?$", re.I)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LENGTH_AFTER = re.compile(r"\s*(?:km|kilomet|mi\b|miles?\b|m\b|metres?|meters?|ft\b|feet|deep)", re.I)
_QUAKE_AFTER = re.compile(r"\s+(?:earthquake|quake|temblor|tremor)\b", re.I)  # "a 9.1 temblor" (not "5 quakes")


def named_magnitude(text: str, start: int, end: int) -> bool:
    """Whether the word "magnitude" (or "on the Richter scale", or a quake "measuring" it) is written with the number in
    text[start:end]: then a designator before it ("Powerful 6.1 magnitude") does not make it a name."""
    return bool(_BEFORE.search(text[max(0, start - 26):start]) or _AFTER.match(text, end)
                or (_MEASURING.search(text[max(0, start - 60):start]) is not None and _scale_value(text[start:end])
                    and not _LENGTH_AFTER.match(text, end)))


def _scale_value(written: str) -> bool:
    """Whether the (first) number written can be a magnitude (below 10): not "measuring 20 km"."""
    first = _NUMBER.search(written)
    return first is not None and 0 < float(first.group()) < 10


def is_magnitude(text: str, start: int, end: int, num: str) -> bool:
    """Whether the number `num` written in text[start:end] is a magnitude: named so, or a decimal
    before the word for a quake ("a 9.1 temblor"; "5 quakes" counts quakes)."""
    return named_magnitude(text, start, end) or ("." in num and bool(_QUAKE_AFTER.match(text, end)))
