"""Whether an "m" after a number is metres, not million: what is said around "600m"."""

from __future__ import annotations

import re

# "a 70m (230ft) high slackline", "a 50m-long tunnel": m after a number is metres, not million, when a
# measure follows
_METRES_AFTER = re.compile(r"-?\s*(?:\(\s*\d[\d,.]*\s?(?:ft|feet)\s*\)\s*)?(?:high|tall|long|deep|wide|"
                           r"away|above|below|from|into|off|down|"  # "falling about 60m from a ridge"
                           r"while\s+(?:climbing|descending|hiking|walking|skiing|abseiling)|"  # "600m while climbing"
                           r"in (?:height|length|diameter)|\()", re.I)
# "climbed 600m", "the man fell about 600m while climbing": a distance travelled (but "shares fell 600m");
# "within 80m of their destination"
_APPROX_M = r"(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|roughly\s+|more\s+than\s+|over\s+|up\s+to\s+)?$"
_METRES_BEFORE = re.compile(r"\b(?:within|climbed|climbing|swam|swimming|walked|walking|dived|dove|tumbled|"
                            r"slid|sliding|drifted|travelled|traveled|hiked|crawled)\s+" + _APPROX_M, re.I)
_FELL_METRES_BEFORE = re.compile(r"\b(?:man|woman|climber|hiker|skier|boy|girl|child|he|she|they|tourist|worker|"
                                 r"car|bus|truck|vehicle|helicopter|plane)\b[^.;]{0,40}\b(?:fell|plunged|plummeted|"
                                 r"dropped|tumbled)\s+" + _APPROX_M, re.I)


def in_metres(text: str, start: int, end: int) -> bool:
    """Whether the number written in text[start:end] with an "m" ("600m") is a length: a measure or a
    bracketed conversion follows ("70m high", "60m from a ridge"), or someone or something moved it
    ("climbed 600m", "the man fell about 600m")."""
    return bool(_METRES_AFTER.match(text, end) or _METRES_BEFORE.search(text, max(0, start - 30), start)
                or _FELL_METRES_BEFORE.search(text, max(0, start - 80), start))
