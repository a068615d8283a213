"""Key figures: quantities with what they count ("230,000 troops", "$1.2 billion", "90 percent of
the borders"), and announced dates ("August 5 to 10", "next month") normalised to the publication date.

Not figures: ordinals and unit designators ("201st"), names with numbers ("H.R. 1", "COVID-19",
"Alert Level 4", "iOS 15"), years, calendar dates used as dates, times of day, list numbering,
scores, and page boilerplate ("See also 5 stocks ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.figwords import (
    APPROX,
    BOILERPLATE,
    COUNT_NOUNS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DESIGNATORS,
    HYPHEN_UNITS,
    LISTICLE,
    MODIFIERS,
    MONTHS,
    MULTIPLIERS,
    NOT_COUNTED,
    SMALL_NUMBERS,
    UNITS,
    VAGUE,
    canonical_count,
)
from tui.core.when import relative_span, span_of_dates


@dataclass(frozen=True, slots=True)
class Figure:
    """One quantity (or announced date) stated in a text."""

    text: str  # as written
    value: float | None  # None for "hundreds", "dozens" and dates
    counts: str  # what is counted: "troops", "dollars", "percent", "date" ...
    thing: str = ""  # the counted phrase as written ("security forces", "of Afghanistan's borders")
    approx: str = ""  # "at least", "about", "more than" ...
    high: float | None = None  # upper end of a range
    start: str | None = None  # for dates: ISO start and end
    end: str | None = None

    @property
    def key(self) -> str:
        """The class of thing counted, with synonyms folded ("forces" → "troops")."""
        return canonical_count(self.counts)


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:k|K|m|M|mn|bn|b|tn|trn|million|billion|trillion|thousand|lakh|crore|milyong?|bilyong?)\b"
_SPELLED = "|".join(sorted(list(SMALL_NUMBERS) + ["a dozen", "dozen", "a hundred", "hundred", "a thousand",
                                                   "thousand", "a million"], key=len, reverse=True))
_QUANTITY = re.compile(
    rf"(?P<approx>\b(?:{'|'.join(APPROX)})\s+)?"
    rf"(?P<cur>{'|'.join(re.escape(c) for c in CURRENCY_SYMBOLS)})?\s?"
    rf"(?:(?P<num>{_NUM})|(?P<word>\b(?:{_SPELLED})\b))"
    rf"(?:\s?(?P<scale>{_SCALE}))?"
    rf"(?:\s?(?:-|–|to|and)\s?(?P<cur2>{'|'.join(re.escape(c) for c in CURRENCY_SYMBOLS)})?(?P<num2>{_NUM})"
    rf"(?:\s?(?P<scale2>{_SCALE}))?)?"
    rf"(?P<pct>\s?%|\s?(?:percent|per cent|pct)\b)?",
    re.I,
)
_VAGUE = re.compile(rf"\b(?P<approx>(?:{'|'.join(APPROX)})\s+)?(?P<vague>{'|'.join(VAGUE)})\s+of\s+", re.I)
_WORD_AFTER = re.compile(r"[\s\-]*([A-Za-z][\w'’.-]*)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MONTH_RE = "|".join(MONTHS)
_DATE_NEAR = re.compile(rf"(?:\b(?:{_MONTH_RE})\.?\s*$)|(?:^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTH_RE})\b)", re.I)
_TIME_AFTER = re.compile(r"^\s?(?:[ap]\.?m\.?\b|:\d\d|h\d\d|GMT|UTC|hrs\b|o'clock)", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)


def _value(num: str | None, word: str | None, scale: str | None) -> float | None:
    if num is not None:
        value = float(num.replace(",", ""))
    else:
        w = (word or "").lower()
        value = float(SMALL_NUMBERS.get(w) or MULTIPLIERS.get(w.removeprefix("a ")) or 0) or None  # type: ignore[assignment]
        if w in {"a dozen", "dozen"}:
            value = 12.0
        if value is None:
            return None
    if scale:
        value *= MULTIPLIERS[scale.lower()] if scale.lower() in MULTIPLIERS else MULTIPLIERS[scale]
    return value


def _clean_number(value: float) -> float | int:
    return int(value) if value == int(value) and abs(value) < 1e18 else value


def _is_count_word(low: str) -> bool:
    return low in UNITS or low in COUNT_NOUNS or canonical_count(low) != low or low.endswith("s")


_PEOPLE = frozenset({"people", "men", "women", "children", "others", "persons", "civilians", "workers"})
_CASUALTY = frozenset({"killed", "dead", "injured", "wounded", "missing", "arrested", "hurt", "hospitalised",
                       "hospitalized", "detained", "evacuated", "displaced", "rescued"})


_OF_GROUP = re.compile(r"\s+of\s+(?:the|his|her|their|its|our|these|those|[A-Z][\w.]*(?:\s[A-Z][\w.]*)*['’]s)\s+"
                       r"((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\b")
_BEFORE = re.compile(r"\b([a-z]+)\s+(?:now\s+)?(?:at|to|reach(?:es|ed)?|hits?|stands?\s+at|rises?\s+to|rose\s+to|"
                     r"climbs?\s+to|jumps?\s+to|tops?)\s*$")


def _counted_before(text: str, start: int) -> str:
    """'active cases at 184,088', 'death toll rises to 24': the counted noun stated before the number."""
    m = _BEFORE.search(text[max(0, start - 40):start])
    if m and (m.group(1) in COUNT_NOUNS or m.group(1) in {"toll", "tally", "count"}):
        return m.group(1)
    return ""


def _counted(text: str, end: int) -> tuple[str, str, int]:
    """The counted noun after a number: (head word, phrase as written, end offset)."""
    group = _OF_GROUP.match(text, end)
    if group:  # "two of the Queen's sons"
        for word in group.group(1).split():
            if _is_count_word(word) and word not in MODIFIERS:
                stop = group.start(1) + group.group(1).index(word) + len(word)
                return word.lower(), text[end:stop].strip(), stop
    if end < len(text) and text[end] == "-":  # "20-year", "90-day", "five-star"
        joined = re.match(r"-([A-Za-z]+)(-old)?\b", text[end:])
        if not joined or joined.group(2) or joined.group(1).lower() not in HYPHEN_UNITS:
            return "", "", end
        return HYPHEN_UNITS[joined.group(1).lower()], joined.group(1), end + joined.end()
    taken: list[tuple[str, int]] = []  # (word, end offset)
    pos = end
    for _ in range(5):
        match = _WORD_AFTER.match(text, pos)
        if not match:
            break
        word = match.group(1).rstrip(".,;:'’")
        low = word.lower()
        if low in NOT_COUNTED:
            break
        taken.append((word, match.start(1) + len(word)))
        pos = match.end()
        if low in _PEOPLE:
            look = pos
            for _ in range(3):  # "people killed", "people were killed", "people are found dead"
                after = _WORD_AFTER.match(text, look)
                if not after:
                    break
                following = after.group(1).rstrip(".,;:").lower()
                if following in _CASUALTY:
                    end_at = after.start(1) + len(following)
                    return following, text[end - 0:end_at].strip(), end_at
                if following not in {"are", "were", "was", "have", "has", "been", "found", "confirmed", "reported",
                                     "feared", "now", "left", "believed"}:
                    break
                look = after.end()
        if _is_count_word(low) and low not in MODIFIERS:
            return low, " ".join(w for w, _ in taken), taken[-1][1]
    content = [i for i, (w, _) in enumerate(taken) if w.lower() not in MODIFIERS]
    if not content:
        return "", "", end
    i = content[0]
    return taken[i][0].lower(), " ".join(w for w, _ in taken[: i + 1]), taken[i][1]


def _of_phrase(text: str, end: int) -> tuple[str, int]:
    """'of the country's borders' after a percentage: the plural noun it is a share of."""
    of = re.match(r"\s+of\s+", text[end:])
    if not of:
        return "", end
    pos = end + of.end()
    taken: list[str] = []
    for m in re.finditer(r"[\w'’-]+", text[pos:pos + 80]):
        word = m.group()
        taken.append(word)
        if word.lower().endswith("s") and not word.endswith(("'s", "’s")) and word.lower() not in {"its", "his", "this"}:
            return " ".join(taken), pos + m.end()
        if len(taken) >= 4:
            break
    return "", end


def _designator_before(text: str, start: int) -> bool:
    before = text[max(0, start - 24):start]
    if before.endswith(("-", "/", "#", "№")) or (before and before[-1].isalnum()):
        return True  # COVID-19, M25, 9/11, #5
    words = before.split()
    if not words:
        return False
    last = words[-1].strip("(\"“'")
    if last.lower().rstrip(".") in DESIGNATORS or last.lower() in DESIGNATORS:
        return True
    # A capitalised or mixed-case name right before a number: "iOS 15", "Level 4", "H.R. 1", "Galaxy S21".
    return bool(last) and (last[0].isupper() or any(c.isupper() for c in last[1:])) and not last.endswith(("'s", "’s")) \
        and last.lower() not in APPROX and not last.endswith((":", ","))


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _is_list_number(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(re.match(r"^[.)]\s", text[end:end + 2]))


def quantities(text: str) -> list[Figure]:
    """Quantities in one sentence or paragraph, left to right."""
    out: list[Figure] = []
    for m in _QUANTITY.finditer(text):
        num, word = m.group("num"), m.group("word")
        start = m.start("cur") if m.group("cur") else m.start("num") if num else m.start("word")
        end = m.end()
        if num and (_designator_before(text, start) or _ORDINAL_AFTER.match(text[m.end("num"):])
                    or _is_list_number(text, start, end)):
            continue
        if m.group("num") and not (m.group("scale") or m.group("pct")) and re.match(r"[A-Za-z]", text[m.end():m.end() + 1]):
            continue  # letters glued to the number: "1News", "49ers", "20s", "6Digit"
        if num and (_TIME_AFTER.match(text[m.end("num"):]) or _DATE_NEAR.search(text[max(0, start - 12):start])
                    or _DATE_NEAR.search(text[end:end + 14].split("\n")[0]) and not m.group("scale")):
            continue
        if num and m.group("num2") and not (m.group("scale") or m.group("pct") or m.group("cur")) \
                and "-" in text[m.end("num"):m.start("num2")] and not _counted(text, end)[0]:
            continue  # a score or a code such as 20-13
        if num and _YEAR.match(num) and not (m.group("cur") or m.group("pct") or m.group("scale")):
            continue
        value = _value(num, word, m.group("scale"))
        currency = m.group("cur")
        approx = (m.group("approx") or "").strip().lower()
        if m.group("pct"):
            counts, thing, end2 = "percent", "", end
            thing, end2 = _of_phrase(text, end)
        elif currency:
            counts, thing, end2 = CURRENCY_SYMBOLS[currency], "", end
        else:
            head, thing, end2 = _counted(text, end)
            last = thing.split()[-1] if thing else ""
            if last[:1].isupper() and not last.isupper() and not _title_case(text):
                continue  # a name with a number in it: "12 Angry Men", "Four Points"
            if not head and num and out and re.match(r"\s*(?:[a-z]+\s*)?[;,)]|\s*[a-z]+$", text[end:end + 20]) \
                    and text[end:end + 20].strip(" ;,)").split()[:1] and \
                    text[end:end + 20].strip(" ;,)").split()[0] in MODIFIERS:
                head, thing, end2 = out[-1].counts, text[end:end + 20].strip(" ;,)").split()[0], end  # "24 new cases - 3 unlinked"
            if not head and num:
                head = _counted_before(text, start)
            if head in CURRENCY_WORDS:
                counts = CURRENCY_WORDS[head]
            elif head in UNITS:
                counts = UNITS[head]
            else:
                counts = head
            if not counts or (word and not thing) or counts in LISTICLE:
                continue
            if word and word.lower() in {"a dozen", "dozen"} and not head:
                continue
        high = _value(m.group("num2"), None, m.group("scale2") or m.group("scale")) if m.group("num2") else None
        written = text[(m.start("approx") if m.group("approx") else start):end2].strip()
        out.append(Figure(text=written, value=_clean_number(value) if value is not None else None,
                          counts=counts, thing=thing, approx=approx,
                          high=_clean_number(high) if high is not None else None))
    for m in _VAGUE.finditer(text):
        head, thing, end = _counted(text, m.end())
        if head:
            out.append(Figure(text=text[m.start():end].strip(), value=None, counts=head, thing=thing,
                              approx=(m.group("approx") or "").strip().lower()))
    return out


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"(])|\n+", text)
    return [p for p in parts if p.strip() and not BOILERPLATE.search(p)]


def extract(title: str, text: str = "", published: float | None = None) -> list[Figure]:
    """Every figure in a headline and its text, in order, without repeats of the same statement."""
    figures: list[Figure] = []
    seen: set[tuple[str, object, str]] = set()
    for sentence in _sentences(title) + _sentences(text):
        found = quantities(sentence)
        if published is not None:
            found += dates(sentence, published)
        for figure in found:
            key = (figure.key, figure.value if figure.value is not None else figure.start, figure.approx)
            if key not in seen:
                seen.add(key)
                figures.append(figure)
    return figures


def dates(sentence: str, published: float) -> list[Figure]:
    """Announced dates: explicit ranges ("August 5 to 10") and relative times ("next week")."""
    out = []
    for text, start, end in span_of_dates(sentence, published) + relative_span(sentence, published):
        out.append(Figure(text=text, value=None, counts="date", start=start, end=end))
    return out
