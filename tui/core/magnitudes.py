"""Whether a number is an earthquake's magnitude: what is written around "6.1"."""

from __future__ import annotations

import re

# "magnitude 6.1", "a magnitude of 6.1", "a magnitude over 5.0"
_BEFORE = re.compile(r"\bmagnitude(?:\s+(?:of|over|above|below|under|about|around|nearly|near))?[\s-]*$", re.I)
# "6.1-magnitude", "7.2 on the Richter scale"
_AFTER = re.compile(r"[\s-]?magnitude\b|\s+on\s+the\s+Richter(?:\s+scale)?\b", re.I)
_QUAKE_AFTER = re.compile(r"\s+(?:earthquake|quake|temblor|tremor)\b", re.I)  # "a 9.1 temblor" (not "5 quakes")


def named_magnitude(text: str, start: int, end: int) -> bool:
    """Whether the word "magnitude" (or "on the Richter scale") is written with the number in
    text[start:end]: then a designator before it ("Powerful 6.1 magnitude") does not make it a name."""
    return bool(_BEFORE.search(text[max(0, start - 26):start]) or _AFTER.match(text, end))


def is_magnitude(text: str, start: int, end: int, num: str) -> bool:
    """Whether the number `num` written in text[start:end] is a magnitude: named so, or a decimal
    before the word for a quake ("a 9.1 temblor"; "5 quakes" counts quakes)."""
    return named_magnitude(text, start, end) or ("." in num and bool(_QUAKE_AFTER.match(text, end)))
