"""What a bare number after a verb of reporting counts: "an increase in confirmed COVID-19 cases over
the weekend, reporting 123 on Saturday and 105 on Sunday" (a feed's description of another day)."""

from __future__ import annotations

import re

from tui.core.figwords import COUNT_NOUNS

_REPORTED = re.compile(r"\b(?:reporting|recording|logging|confirming|registering)\s+$", re.I)
_WORDS = re.compile(r"[a-z]+")
_BEFORE = 120  # characters read back from the verb for the noun


def reported_count(text: str, start: int) -> str:
    """For a number at `start` with nothing counted after it: the sentence's last plural count noun
    before a verb of reporting right before the number ("cases ..., reporting 123"), else ""."""
    verb = _REPORTED.search(text[max(0, start - 14):start])
    if not verb:
        return ""
    verb_at = max(0, start - 14) + verb.start()
    nouns = [w for w in _WORDS.findall(text[max(0, verb_at - _BEFORE):verb_at]) if w in COUNT_NOUNS and w.endswith("s")]
    return nouns[-1] if nouns else ""
