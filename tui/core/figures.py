"""Key figures: quantities with what they count ("230,000 troops", "$1.2 billion", "90 percent of
the borders"), and announced dates ("August 5 to 10", "next month") normalised to the publication date.

Not figures: ordinals and unit designators ("201st"), names with numbers ("H.R. 1", "COVID-19",
"Alert Level 4", "iOS 15"), years, calendar dates used as dates, times of day, list numbering,
scores, and page boilerplate ("See also 5 stocks ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.and_a_half import with_halves
from tui.core.counted import (
    FATES,
    counted_after,
    of_phrase,
    people_pair,
    title_case,
)
from tui.core.counted_before import (
    CHANGE_BEFORE,
    casualty_before,
    casualty_verb_before,
    counted_before,
    level_after_change,
    number_of_before,
    tally_of,
)
from tui.core.figwords import (
    APPROX,
    BOILERPLATE,
    CALL_TO_ACTION,
    COLLECTIVE,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    LISTICLE,
    MEASURES,
    MODIFIERS,
    SCALE,
    UNITS,
    VAGUE,
    canonical_count,
    clean_number,
    number_value,
)
from tui.core.magnitudes import is_magnitude
from tui.core.metres import in_metres
from tui.core.not_figures import TEMPERATURE_AFTER, not_a_figure
from tui.core.one import ONE_AS_A_NUMBER, counted_after_one
from tui.core.ratios import SPELLED as _SPELLED
from tui.core.ratios import ratio_after
from tui.core.reported import number_of_after, reported_count
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
_SYMBOL = "|".join(re.escape(c) for c in sorted(CURRENCY_SYMBOLS, key=len, reverse=True)
                   if not c[-1].isalpha() or "$" in c)
_LETTER_CURRENCY = "|".join(re.escape(c) for c in CURRENCY_SYMBOLS if c[-1].isalpha() and "$" not in c)
_CURRENCY = rf"(?-i:(?<![A-Za-z])(?:{_SYMBOL})\s?|(?<![A-Za-z])(?:{_LETTER_CURRENCY})(?=\d)|(?<![A-Za-z])Rs\.?\s(?=\d))"
_QUANTITY = re.compile(
    rf"(?P<approx>\b(?:{'|'.join(APPROX)})\s+)?"
    rf"(?P<cur>{_CURRENCY})?"
    rf"(?P<btw>(?<=between ))?"  # (zero width: for "between 5% and 8%" below)
    rf"(?:(?P<num>{_NUM})|(?P<word>\b(?:{_SPELLED})\b|{ONE_AS_A_NUMBER}))"
    rf"(?:(?:\s|-(?=[a-z]{{5}}))?(?P<scale>{SCALE}))?"
    rf"(?P<plus>[-\s]plus\b(?=\s+[a-z])|\s+or\s+(?:more|over)\b(?=\s+[a-z]))?"  # "three-plus seasons", "10 or more"
    rf"(?:\s?%(?=\s?(?:-|–|to|(?(btw)and|-))\s?\d[\d,.]*\s?%))?"  # "43% to 44%", "between 5% and 8%": one range
    rf"(?:\s?(?:-|–|to|and|(?<=\s)or(?=\s))\s?(?P<cur2>{_CURRENCY})?"  # "two or three times": a range
    rf"(?:(?P<num2>{_NUM})|(?:(?<=to |or )|(?<=and ))(?P<word2>(?:{_SPELLED})\b))"
    rf"(?:\s?(?P<scale2>{SCALE}))?)?"
    rf"(?P<pct>\s?%|[\s-]?(?:percent|per cent|pct|(?-i:pc))\b)?",  # "a 10pc rise"
    re.I,
)
_VAGUE_WORDS = "|".join(sorted(VAGUE, key=len, reverse=True))  # longest first: "hundreds of thousands of flags"
_VAGUE = re.compile(rf"\b(?P<approx>(?:{'|'.join(APPROX)})\s+)?(?P<vague>{_VAGUE_WORDS})\s+(?:of|more(?=\s+[a-z]))\s+",
                    re.I)  # "hundreds of jobs", "thousands more doctors"
_NOT_A_NOUN = r"(?!(?:across|in|on|at|from|after|during|and|as|while|when)\b)"
_VAGUE_VICTIMS = re.compile(rf"\b(?:kill|injur|wound)\w*\s+(?P<approx>(?:{'|'.join(APPROX)})\s+)?"
                            rf"(?P<vague>dozens|hundreds|scores|thousands)\b(?!\s+(?:of\b|more\s+{_NOT_A_NOUN}[a-z]))",
                            re.I)  # "injuring dozens more across the region" (not "dozens more people")
_VAGUE_CASUALTIES = re.compile(r"\b(?P<vague>dozens|hundreds|scores|thousands)\s+(?:(?:more|people|others)\s+)?"
                               r"(?:(?:[a-z]+ly|still|feared|believed|presumed)\s+)?"
                               r"(?P<what>dead|killed|died|dying|injured|wounded|hurt|missing|evacuated|displaced|"
                               r"rescued|detained|arrested|hospitali[sz]ed|homeless|stranded|trapped)\b",
                               re.I)  # "left thousands dead", "thousands sadly dying each day", "Dozens feared dead"
_VAGUE_HEADS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "trillions"})
# "up from 20", "from last Sunday's 29,173", "including 926", "up 2 per cent on the 29,547"
_LAST_WEEKS = r"(?:last|the previous)\s+\w+['’]s\s+"
_FROM_BEFORE = re.compile(rf"(?:\bfrom\s+(?:{_LAST_WEEKS})?|\bcompared\s+(?:with|to)\s+|\bincluding\s+|"
                          rf"(?:per\s?cent|percent|%)\s+on\s+(?:the\s+|{_LAST_WEEKS})?|"
                          r"\b(?:peak(?:s|ed|ing)?|ris(?:es|ing)|rose|climb(?:s|ed|ing)?)\s+(?:at|to)\s+|"
                          r"\banother\s+|\b(?:had|added|scored)\s+|\b(?:and|but)\s+(?:only|just)\s+)$",
                          re.I)  # "7 million viewers, peaking at 7.3 million", "another 1,000", "Green had 14"
_VERB_AFTER = re.compile(r"\s+(?:were|are|have|had)\b")  # "919 cases were local, 90 were in dormitories"
# "37 of the candidates registered in the capital, 46 in Akhal region, 25 in Balkan region", "1,000 residents
# had taken shelter in a military field, 500 in a navy field", "reporting 123 on Saturday and 105 on Sunday"
_LISTED_BEFORE = re.compile(r"(?:,|\band)\s+$")
# (not a part of a total: "20 points, 5 in the first half")
_IN_PLACE_AFTER = re.compile(r"\s+(?:in\s+(?!(?:(?:the|a|an)\s+)?(?:first|second|third|fourth|final|last|opening)\b)"
                             r"[A-Za-z]|on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)")
_MINUS = re.compile(r"\bminus[\s-]*$", re.I)  # "minus 17 degrees", "minus-20 degree temperatures"
# not "in hospital"; "eight fewer than Ford's total"
_MORE_AFTER = re.compile(r"\s+(?:more|fewer|less)\s+(?:on|for|from|by|during|over|through|after|before|than)\b")
_GROUP_OF = re.compile(r"\b(family|group|party|crew|gang) of\s*$", re.I)
_BY_BEFORE = re.compile(r"\bby\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”(]|\s-)\s*$")
_CHANGE_FROM = re.compile(r"\b(?:rais(?:e|es|ed|ing)|ris(?:e|es|en|ing)|rose|increas(?:e|es|ed|ing)|"
                          r"reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|boost(?:s|ed|ing)?|grow(?:s|n|ing)?|grew|"
                          r"f[ae]ll(?:s|en|ing)?|drop(?:s|ped|ping)?|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|"
                          r"went|gone|go(?:es|ing)?)\b[^.;:]{0,60}?\bfrom\s+$", re.I)  # not "customers", "fellow"
_TWO_CENTS = re.compile(r"\b(?:my|his|her|their|our|your)\s+$", re.I)  # "my two cents worth": an opinion
_TO_BETWEEN = re.compile(r"\s*to\s*$")
_OLD = re.compile(r"\s+old\b")
# a number with only a modifier after it, before a clause's end or its next phrase: "24 new cases - 3
# unlinked", "played in 10 games, but had to sit out four straight after surgery"
_MODIFIER_ALONE = re.compile(r"\s*[a-z]+\s*(?:[;,.)]|$|(?:after|before|since|when|while|but|as)\b)")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)  # (before a currency symbol too: "between £230,000 and £235,000")
_FEW = re.compile(r"\b(?:a\s+few|few|several|many)\s+$", re.I)


def _base(previous: list[Figure]) -> Figure | None:
    """The last figure that counts things: a change or a total is not of a percentage or a duration."""
    return next((f for f in reversed(previous) if f.counts != "percent" and f.counts not in MEASURES), None)


def _inherited(text: str, start: int, end: int, previous: list[Figure]) -> tuple[str, str]:
    """A number that counts what the last one did: '24 new cases - 3 unlinked' (only a modifier
    follows), '24 cases, up from 20 on Saturday', '29,612 new cases ... from last Sunday's 29,173',
    '919 cases were local, 90 were in dormitories', '37 candidates in Ashgabat, 46 in Akhal'."""
    if not previous or text[end:end + 1] == "-":  # (not "another 15-year-old": an age)
        return "", ""
    word = (text[end:end + 20].strip(" ;,)").split() or [""])[0].rstrip(".")
    if (word in MODIFIERS or (word.endswith("ly") and len(word) > 4)) \
            and _MODIFIER_ALONE.match(text[end:end + 24]):  # (an adverb too: "55 wounded, 15 critically")
        return previous[-1].counts, word
    if _FROM_BEFORE.search(text[max(0, start - 40):start]) or _VERB_AFTER.match(text, end) \
            or (_LISTED_BEFORE.search(text[max(0, start - 6):start]) and _IN_PLACE_AFTER.match(text, end)):
        base = _base(previous)
        return (base.counts, "") if base else ("", "")
    return "", ""


def _what_is_counted(m: re.Match[str], text: str, start: int, end: int,
                     previous: list[Figure]) -> tuple[str, str, int] | None:
    """(counts, thing, end of the figure's text), or None when nothing countable follows."""
    if m.group("pct"):
        thing, stop = of_phrase(text, end)
        return "percent", thing, stop
    currency = (m.group("cur") or "").strip()
    if currency:
        return CURRENCY_SYMBOLS[currency], "", end
    head, thing, stop = counted_after(text, end)
    if (m.group("word") or "").lower() == "one" and not (m.group("scale") or m.group("word2")) \
            and text[end:end + 1] != "-" \
            and head not in FATES and head not in UNITS and not casualty_verb_before(text, start) \
            and (single := counted_after_one(text, end)) is not None:  # (not "arrested one man": the arrested)
        head, thing, stop = single
    last = thing.split()[-1] if thing else ""
    # "14,000 Haitians", "30,000 Sudanese", "12 LGAs", "SIX HOURS" are counts; "12 Angry Men", "Four Points" are names
    before_last = thing.split()[:-1]
    # (a lone capitalised plural is a group unless it heads the text: "Four Points: ...")
    heading = text[stop:stop + 1] == ":"
    named = last.isupper() and text[stop:stop + 1] in ("'", "’")  # "1010 WINS' Glenn Schuck": a station's
    counted_group = (last.rstrip("s").isupper() and not named) or (
        len(thing.split()) == 1 and last.endswith(("s", "ese")) and not heading) or (
        bool(before_last) and last.endswith("s") and all(w.islower() for w in before_last))
    if m.group("word") and last[:1].isupper() and text[max(0, start - 1):start] in ('"', "“") \
            and text[stop:stop + 1] in ('"', "”"):
        return None  # a name in quotes: Dean Smith's "Four Corners" offense (not "14,000 Haitians")
    if last[:1].isupper() and not counted_group and not title_case(text):
        return None  # a name with a number in it: "12 Angry Men", "Four Points" (not "12 LGAs")
    if last[1:2].islower() and (word := m.group("word")) and word[1:2].islower() and word[:1].isupper() \
            and last[:1].isupper() and not title_case(text) and not _SENTENCE_START.search(text[:start]):
        return None  # a capitalised number word inside a sentence names something: "the Three Musketeers"
    if last.lower() in COLLECTIVE and any(w[:1].isupper() and not w.isupper() for w in before_last) \
            and not title_case(text):
        return None  # "the 8 Block crew" is a gang's name (but "seven UN staff")
    if not head and previous and _MORE_AFTER.match(text, end):  # "six touchdowns ... and three more on punt returns"
        head, thing = previous[-1].counts, "more"
    if not head and m.group("word"):  # "deaths go up by eight to 164"
        head = thing = counted_before(text, start)
        if not head:  # "played in 10 games, but had to sit out four straight after surgery"
            head, thing = _inherited(text, start, end, previous)
    if not head and m.group("num"):
        # a "number of" phrase names what is counted, whatever the sentence counted before it
        head = thing = number_of_before(text, start) or number_of_after(text, end)
        if not head:
            head, thing = _inherited(text, start, end, previous)
        if not head:
            head = level_after_change(text, start, (previous[-1].text, previous[-1].counts),
                                      (previous[-2].text, previous[-2].counts) if len(previous) > 1 else None) \
                if previous else ""
        if not head:
            head = counted_before(text, start)
        if not head and text[end:end + 1] != "-":  # not "kills 12-year-old"
            head = casualty_verb_before(text, start)
        if not head and text[end:end + 1] != "-":
            head = thing = reported_count(text, start)
    if not head and (of_group := _GROUP_OF.search(text[max(0, start - 20):start])):
        head, thing = "people", of_group.group(1)  # "a family of eight"
    nationals = last[:1].isupper() and last.endswith("ese")  # "killed more than 100 Lebanese": the dead
    fate = casualty_before(text, start, "people" if nationals else head)
    head = fate if fate in ("dead", "injured") else head
    if head == "cents" and m.group("word") and _TWO_CENTS.search(text[max(0, start - 7):start]):
        return None
    counts = CURRENCY_WORDS.get(head) or UNITS.get(head) or head
    if counts in ("tally", "total", "count"):  # "bringing the total tally to 38,219": of what was counted last
        base = _base(previous)
        counts = base.counts if base is not None else tally_of(text, start)
        if not counts:
            return None
    if counts in ("years", "months", "weeks") and (_OLD.match(text, stop) or (
            text[max(0, start - 2):start] == ", " and text[stop:stop + 1] == ",")):
        return None  # an age: "10 years old", "her son Leo, six months, was born"
    if m.group("word") and not thing and not head and (verb := casualty_verb_before(text, start)):
        counts = thing = verb  # "Three blasts kill at least two"
    if not counts or (m.group("word") and not thing) or counts in LISTICLE or ratio_after(text, stop):
        return None
    if pair := people_pair(text, counts, stop):  # "800 men and women": people
        counts, thing, stop = "people", f"{thing} {text[stop:pair].strip()}", pair
    return counts, thing, stop


def _two_values(m: re.Match[str]) -> bool:
    """Whether a matched pair of numbers is joined by "and" without "between" before it: two values,
    not a range ("once 70 and 80 per cent are vaccinated"; "between 40 and 45 per cent" is one)."""
    if not (m.group("num2") or m.group("word2")) or _BETWEEN.search(m.string, max(0, m.start() - 12), m.start()):
        return False
    first_end = m.end("scale") if m.group("scale") else m.end("num") if m.group("num") else m.end("word")
    gap = m.string[first_end:m.start("cur2") if m.group("cur2") else m.start("num2") if m.group("num2")
                   else m.start("word2")]
    return gap.strip().lower().lstrip("%").strip() == "and"


def quantities(text: str) -> list[Figure]:
    """Quantities in one sentence or paragraph, left to right."""
    out: list[Figure] = []
    for m in _QUANTITY.finditer(text):
        num, word = m.group("num"), m.group("word")
        start = m.start("cur") if m.group("cur") else m.start("num") if num else m.start("word")
        # a minus sign before a temperature ("-15C", "−3°C"), not a designator's hyphen ("COVID-19")
        negative = bool(num) and start > 0 and text[start - 1] in "-−" \
            and not text[max(0, start - 2):start - 1].isdigit() and bool(TEMPERATURE_AFTER.match(text, m.end("num")))
        if not_a_figure(m, text[:start - 1] + " " + text[start:] if negative else text, start, m.end()):
            continue
        scale = m.group("scale")
        measure = number_value(num, word, None)  # the number alone, for a measure written against it
        if scale == "m" and measure is not None and not m.group("cur") and not m.group("num2") \
                and in_metres(text, start, m.end()):
            out.append(Figure(text=text[start:m.end()].strip(), value=clean_number(measure),
                              counts="meters", approx=(m.group("approx") or "").strip().lower()))
            continue
        if num and measure is not None and is_magnitude(text, start, m.end(), num):
            second = m.group("num2") if _two_values(m) else None
            if second:  # "since 7.6 and 7.5 magnitude quakes": two quakes
                out.append(Figure(text=num, value=clean_number(measure), counts="magnitude"))
                start, measure = m.start("num2"), float(second.replace(",", ""))
            out.append(Figure(text=text[start:m.end()].strip(), value=clean_number(measure),
                              counts="magnitude"))  # "a magnitude 4.3 earthquake", "a 6.1-magnitude quake"
            continue
        counted = _what_is_counted(m, text, start, m.end(), out)
        if counted is None:
            continue
        counts, thing, stop = counted
        few = _FEW.search(text[max(0, start - 12):start]) if word and not m.group("approx") else None
        if few:  # "a few hundred protesters": hundreds, not 100
            out.append(Figure(text=text[few.start() + max(0, start - 12):stop].strip(), value=None, counts=counts,
                              thing=thing, approx=few.group().strip().lower()))
            continue
        value = number_value(num, word, scale)
        if value is not None and word and (word.lower().startswith("a ") or word.lower() == "dozen") \
                and text[max(0, start - 5):start].lower() in ("half ", "half-"):
            value, start = value / 2, start - 5  # "half a million", "a half-dozen others"
        elif value is not None and word and word.lower() == "dozen" \
                and text[max(0, start - 7):start].lower() == "half-a-":
            value, start = value / 2, start - 7  # "more than half-a-dozen versions"
        if value is not None and counts == "degrees" and (minus := _MINUS.search(text[max(0, start - 7):start])):
            value, start = -value, start - len(minus.group())  # "minus 17 degrees"
        elif value is not None and counts == "degrees" and negative:
            value, start = -value, start - 1  # "-15C"
        if num and value is None:
            continue
        high = (number_value(m.group("num2"), m.group("word2"), m.group("scale2") or m.group("scale"))
                if m.group("num2") or m.group("word2") else None)  # "between 5 and 8", "three to six months"
        joiner = text[m.end("num") if num else m.end("word"):m.start("cur2") if m.group("cur2")
                      else m.start("num2") if m.group("num2") else m.start("word2")] if high is not None else ""
        split = high is not None and bool(_TO_BETWEEN.match(joiner)) and (
            bool(_BY_BEFORE.search(text[max(0, m.start() - 4):m.start()]))
            # a change and then the level it reached, far apart: "Oil climbs $2 to $85", "Cases rise 300 to
            # 4,500" (but "Temperatures rise 5 to 10 degrees" is a range of the rise)
            or (bool(CHANGE_BEFORE.search(text[max(0, m.start() - 12):m.start()]))
                and value is not None and high >= 3 * value))
        # "$80 million and $25 million, respectively": two values, not a range
        split = split or (high is not None and value is not None and high < value)
        split = split or (high is not None and _two_values(m))  # "once 70 and 80 per cent are vaccinated"
        # "raise the number of seats from 65 to 125", "rose from 43% to 44%": the old value and the new
        # (but "sentences range from 5 to 10 years" is a range)
        split = split or (high is not None and bool(_CHANGE_FROM.search(text[max(0, m.start() - 70):m.start()])))
        if split:  # "deaths go up by eight to 164": a change and a new total, not a range
            first_end = m.end("scale") if m.group("scale") else m.end("num") if num else m.end("word")
            out.append(Figure(text=text[m.start():first_end].strip(),
                              value=clean_number(value) if value is not None else None, counts=counts, thing=thing,
                              approx=(m.group("approx") or "").strip().lower()))
            value, high = high, None
            start = m.start("cur2") if m.group("cur2") else m.start("num2") if m.group("num2") else m.start("word2")
        out.append(Figure(text=text[(m.start("approx") if m.group("approx") and not split else start):stop].strip(),
                          value=clean_number(value) if value is not None else None,
                          counts=counts, thing=thing, approx="" if split else (m.group("approx") or "").strip().lower(),
                          high=clean_number(high) if high is not None else None))
    for m in _VAGUE_VICTIMS.finditer(text):  # "killed at least one person, injured dozens"
        out.append(Figure(text=m.group().strip(), value=None, counts=casualty_verb_before(text, m.start("vague")),
                          approx=(m.group("approx") or "").strip().lower()))
    for m in _VAGUE_CASUALTIES.finditer(text):
        out.append(Figure(text=m.group().strip(), value=None, counts=m.group("what").lower()))
    for half in with_halves(text):  # "two and a half years", "a mile and a half"
        if half.counts in ("years", "months", "weeks") and _OLD.match(text, half.stop):
            continue  # an age
        counts = CURRENCY_WORDS.get(half.counts) or UNITS.get(half.counts) or half.counts
        out.append(Figure(text=text[half.start:half.stop].strip(), value=clean_number(half.value), counts=counts,
                          thing=half.thing, approx=half.approx))
    for m in _VAGUE.finditer(text):
        head, thing, stop = counted_after(text, m.end())
        head = casualty_before(text, m.start(), head)  # "killing dozens of people": the dead
        if head and head not in _VAGUE_HEADS:  # not "hundreds of thousands or millions of computers"
            out.append(Figure(text=text[m.start():stop].strip(), value=None, counts=head, thing=thing,
                              approx=(m.group("approx") or "").strip().lower()))
    return out


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"(])|\n+", text)
    out = []
    for part in parts:
        action = CALL_TO_ACTION.search(part)
        if action:
            part = part[:action.start()]
        if part.strip() and not BOILERPLATE.search(part):
            out.append(part)
    return out


MAX_CHARS = 30_000  # of a headline and of a text read for figures: a long read's first ~5,000 words


def extract(title: str, text: str = "", published: float | None = None) -> list[Figure]:
    """Every figure in a headline and its text, in order, without repeats of the same statement.

    Only the first MAX_CHARS of each are read: a feed's item can be megabytes (up to the response
    limit), and a text of nothing but numbers takes ~70 µs per number.
    """
    figures: list[Figure] = []
    seen: set[tuple[str, object, str]] = set()
    for sentence in _sentences(title[:MAX_CHARS]) + _sentences(text[:MAX_CHARS]):
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
