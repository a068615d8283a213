"""Finding what a number counts: the noun after it ("230,000 troops"), a share ("90 percent of the
borders"), and what makes a number a name instead ("Level 4", "H.R. 1"). What is told before a
number ("cases at 184,088") is read in counted_before.py."""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.figwords import (
    APPROX,
    COUNT_NOUNS,
    CURRENCY_WORDS,
    DESIGNATORS,
    HYPHEN_UNITS,
    MODIFIERS,
    NOT_COUNTED,
    PEOPLES_IN_IS,
    TAGALOG_COUNTED,
    TAGALOG_LINKERS,
    TAGALOG_PEOPLE,
    UNITS,
    canonical_count,
)

_WORD_AFTER = re.compile(r"[\s\-\"“”‘]*([A-Za-z][\w'’.-]*)[\"“”’]?")
_STREAK = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:streak|stretch|run)\b")  # "-game (home) (winning) streak"
_NOT_SPACED_UNITS = frozenset({"foot", "inch", "game"})  # "the 6 foot 9 forward", "a 45-42 game" (a score)
# "second" is an ordinal before these: "2 second half goals" (but "a 10 second clock runoff")
_ORDINAL_SECOND = re.compile(r"\s+(?:half|halves|place|placed|round|quarter|period|set|leg|term|time|straight|"
                             r"consecutive|season|game|goal|test|innings|wave|dose|shot|jab|vote|ballot|child|"
                             r"largest|biggest|highest|most)s?\b", re.I)
_AGE_AFTER = re.compile(r"[\s-]+(?:olds?|unborn)\b", re.I)  # "a 2 year old", "their 12 week unborn child"
_HEAD_AFTER = re.compile(r"\s+([A-Za-z][\w'’.-]*)")  # the next word of a compound: not across a dash


def is_count_word(low: str) -> bool:
    """A word that can be what a number counts: a unit, a currency, a known count noun, a plural (also
    the plural head of a compound: "secretaries-general")."""
    return low in UNITS or low in COUNT_NOUNS or low in CURRENCY_WORDS or canonical_count(low) != low or _plural(low) \
        or ("-" in low and _plural_head(low)) or low.endswith(("children", "people", "women"))  # "schoolchildren"


def _plural_head(low: str) -> bool:
    """A compound noun whose first part is plural ("secretaries-general"), not a compound adjective
    ("news-related")."""
    head, _, rest = low.partition("-")
    return _plural(head) and head != "news" and not rest.endswith("ed") and rest not in ("long", "old", "wide")


def _plural(low: str) -> bool:
    """Looks like a plural noun: "cases", "Haitians", "gunmen", "Iraqis"; not "coronavirus", "status",
    "crisis", "class"."""
    return (low.endswith("s") and not low.endswith(("us", "ss", "is", "ous"))) \
        or (low.endswith("men") and len(low) > 5) or low in PEOPLES_IN_IS


_DIMENSIONS = ("high", "tall", "long", "wide", "deep", "thick")  # "a 183ft-high landmark", "a 20km-long queue"
PEOPLE = frozenset({"people", "person", "man", "woman", "child", "boy", "girl", "men", "women", "children", "others",
                    "persons", "civilians", "workers"})
_CASUALTY = frozenset({"killed", "dead", "died", "injured", "wounded", "missing", "arrested", "hurt", "hospitalised",
                       "hospitalized", "detained", "evacuated", "displaced", "rescued", "homeless"})
# a relative clause between people and what happened to them: "three young men who were cousins died"
_RELATIVE_FATE = re.compile(r",?\s+who\s+[^.;:!?]{0,100}?(?:,\s*|\s+)(?:(?:were|have\s+been|had\s+been)\s+)?"
                            r"(died|(?<=been )(?:killed|injured|wounded|rescued|arrested|evacuated|hospitali[sz]ed)|"
                            r"(?<=were )(?:killed|injured|wounded|rescued|arrested|evacuated|hospitali[sz]ed))\b")
# an insert between people and what happened to them: "Nine Israelis, including three civilians, have been
# killed", "12 people, most of them women, were injured", "three people (among them a child) died"
_INSERT = re.compile(r"\s*(?:,|\(|\s[-–—])\s*(?:including|among\s+(?:them|whom)|mostly|mainly|both|"
                     r"(?:most|many|all|some|several|one|two|three|half|none)\s+of\s+(?:them|whom))\b"
                     r"[^.;:!?,()–—]{1,80}?(?:,|\)|\s[-–—])", re.I)
_FATE_NEXT = re.compile(r"\s+(?:dead|killed|injured|wounded|missing)\b")
FATES = _CASUALTY  # what happened to the people a number counts ("five were killed"): the figure counts those


# "four of our MPs", "five of her daughter's orphaned kids", "two of the Queen's sons"
_OF_GROUP = re.compile(r"\s+of\s+(?:(?i:the|his|her|their|its|our|my|your|these|those)(?:\s+[a-z]+['’]s)?"
                       r"|[A-Z][\w.]*(?:\s[A-Z][\w.]*)*['’]s)\s+"
                       r"((?:other\s+)?(?:[A-Za-z][\w-]*\s+)?(?:[A-Za-z][\w-]*|[A-Z]{2,}s))\b")
IN_CLAUSE = r"(?:[^.;:]|(?<=\d)\.(?=\d))"  # within a clause: no stop, except a decimal point ("5.1 per cent")
_AND_MODIFIER = re.compile(r"\s+[a-z]+\s+([a-z]+s)\b(?!\s+(?:and|or)\b)")  # "and private buildings"
_WERE = re.compile(r"\s+(?:were|are|have\s+been|had\s+been)\s+(?:(?:all|also|later|reportedly|now|found)\s+)?"
                   rf"({'|'.join(sorted(_CASUALTY))})\b", re.I)
_STRONG = re.compile(r"-strong\s+((?:[a-z]+ing\s+)?([a-z]+))\b")  # "5,000-strong (peacekeeping) force"
_HEIGHT = re.compile(r"-(?:foot|ft)-(?:\d\d?|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\b", re.I)
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
_PERCENTAGE_POINT = re.compile(r"\s+percentage\s+point\b", re.I)
_DEGREE_SIGN = re.compile(r"\s?°\s?(?:[CF]\b)?")
_COMPOUND_BETWEEN = re.compile(r"\s+\d[\d,.]*-[a-z]+\s+([a-z]+)\b")  # a measured modifier between number and noun
_TIMES = re.compile(r"\s+times\b(?!\s+(?:(?!(?:after|under|never|ever|other|whether|together|later|per)\b)\w+er|"
                    r"more|less|fewer|as|the|that|than|over|what|its|their|his|her|"
                    r"a\s+(?:year|month|week|day))\b)", re.I)  # not a multiplier: "three times higher"
_TAGALOG_FATE = re.compile(r"(\s+(?:ang\s+)?(patay|nasawi|sugatan))\b", re.I)
_TAGALOG = re.compile(rf"\s+((?:(?:{'|'.join(TAGALOG_LINKERS)})\s+){{0,3}}({'|'.join(TAGALOG_COUNTED)}))\b", re.I)


_FATE_FILLERS = frozenset({"are", "were", "was", "have", "has", "had", "been", "found", "confirmed", "reported", "also",
                           "reportedly", "later", "all", "feared", "now", "left", "believed", "to", "be", "said",
                           "thought", "presumed", "understood", "so", "far"})  # "had so far been confirmed dead"


_PARTICLE_AFTER = re.compile(r"\s+(?:through|into|across|onto|towards?|past|out|off|away|inside|outside)\b")
_HARM = re.compile(r"\s+(?:from\s+)?(?:[a-z-]+\s+){0,2}?(?:injury|injuries|wounds|burns)\b")


def _fate_after(text: str, pos: int, inserts: bool = True) -> tuple[str, int] | None:
    """What happened to people just counted, told after them ("killed", "were killed", "are also reported
    to have been killed", "who were cousins died"), and where that word ends; None when something else
    follows."""
    if relative := _RELATIVE_FATE.match(text, pos):  # (not "who killed two": an active verb of theirs)
        return relative.group(1).lower(), relative.end(1)
    if inserts and (insert := _INSERT.match(text, pos)) and (found := _fate_after(text, insert.end(), False)):
        return found  # (one insert: "X, including Y, including Z," is not read on)
    look = pos
    for _ in range(7):
        after = _WORD_AFTER.match(text, look)
        if not after:
            return None
        following = after.group(1).rstrip(".,;:").lower()
        if following in _CASUALTY:
            return following, after.start(1) + len(following)
        if following in ("suffered", "sustained") and (harm := _HARM.match(text, after.end())):
            return "injured", harm.end()  # "eight people had suffered from serious injury"
        if following not in _FATE_FILLERS and not (following.endswith("ly") and len(following) > 4):
            return None  # (an adverb goes on: "around 30 people seriously injured")
        look = after.end()
    return None


_EXCHANGE_RATE = re.compile(r"\s+(?:per|to\s+the|against(?:\s+the)?)\s+(?:US\s+|U\.S\.\s+)?"
                            r"(dollar|euro|pound|yuan|rouble|ruble)\b(?!\s+(?:bonds?|notes?|debt|loans?|deal))", re.I)
# a bare number, then what people do: the number counts people
_PEOPLE_VERB = re.compile(r"\s+(rally|rallied|protest|protested|march|marched|flee|fled|gather|gathered|"
                          r"queue|queued|face|faced)\b(?!-)")
_WITHOUT_SUPPLY = re.compile(r"\s+without\s+(power|electricity|water)\b", re.I)


def counted_after(text: str, end: int) -> tuple[str, str, int]:
    """The counted noun after a number: (head word, phrase as written, end offset)."""
    degrees = _DEGREE_SIGN.match(text, end)
    if degrees:  # "25°C", "-3 °F", "a 90° turn"
        return "degrees", degrees.group().strip(), degrees.end()
    if point := _PERCENTAGE_POINT.match(text, end):  # "by 0.75 percentage point" (the plural counts points anyway)
        return "points", point.group().strip(), point.end()
    fate = _WERE.match(text, end)
    if fate:  # "at least 12 were killed", "the two were arrested": counted by what happened to them
        return fate.group(1).lower(), fate.group().strip(), fate.end()
    times = _TIMES.match(text, end)
    if times:  # "stabbed 17 times", "in rehab five times before" (not "three times more", "10 times the size")
        return "times", "times", times.end()
    rate = _EXCHANGE_RATE.match(text, end)
    if rate:  # "the somoni falls to 11.3 per dollar": an exchange rate
        return f"per {rate.group(1).lower().replace('ruble', 'rouble')}", rate.group().strip(), rate.end()
    crowd = _PEOPLE_VERB.match(text, end)
    if crowd:  # "2,000 rally against gold mine deal", "Over 22.8 million face acute hunger": people
        return "people", crowd.group(1), end
    outage = _WITHOUT_SUPPLY.match(text, end)
    if outage:  # "Storm leaves 200,000 without power": those cut off (not "homes without power": the homes)
        supply = outage.group(1).lower()
        return f"without {'power' if supply == 'electricity' else supply}", outage.group().strip(), outage.end()
    tagalog = _TAGALOG.match(text, end)
    if tagalog:  # "19,271 na mga bagong kaso": cases
        fate = _TAGALOG_FATE.match(text, tagalog.end())
        if fate and tagalog.group(2).lower() in TAGALOG_PEOPLE:  # "5 katao ang nasawi", "2 sundalo patay"
            return TAGALOG_COUNTED[fate.group(2).lower()], tagalog.group(1) + fate.group(1), fate.end()
        return TAGALOG_COUNTED[tagalog.group(2).lower()], tagalog.group(1), tagalog.end()
    group = _OF_GROUP.match(text, end)
    if group:  # "two of the Queen's sons"
        for word in group.group(1).split():
            if is_count_word(word.lower()) and word.lower() not in MODIFIERS:
                stop = group.start(1) + group.group(1).index(word) + len(word)
                # "two of her children were killed", "three of the comedian's friends dead": the dead
                if (fate_at := _fate_after(text, stop)) and (word.lower() in PEOPLE or _FATE_NEXT.match(text, stop)):
                    return fate_at[0], text[end:fate_at[1]].strip(), fate_at[1]
                return word.lower(), text[end:stop].strip(), stop
    if end < len(text) and text[end] == "-":  # "20-year", "90-day", "five-star"
        joined = re.match(r"-([A-Za-z]+)(-olds?)?\b", text[end:])
        if _HEIGHT.match(text[end:end + 16]):
            return "", "", end  # a person's height, like an age: "the 6-foot-9 senior"
        strong = _STRONG.match(text, end)
        if strong:  # "a 5,000-strong force": the force
            return strong.group(2).lower(), strong.group(1).strip(), strong.end()
        unit = joined.group(1).lower() if joined else ""
        unit = unit if unit in HYPHEN_UNITS else unit.removesuffix("s")  # "a 35-yards return"
        if not joined or joined.group(2) or unit not in HYPHEN_UNITS:
            return "", "", end
        if unit == "game" and _STREAK.match(text, end + joined.end()):
            return "", "", end  # a streak's length is a team's form, not a count: "an 11-game win streak"
        return HYPHEN_UNITS[unit], joined.group(1), end + joined.end()
    between = _COMPOUND_BETWEEN.match(text, end)  # "three 10-year sentences", "two 500-pound bombs"
    if between and _plural(between.group(1)) and is_count_word(between.group(1)) \
            and between.group(1) not in NOT_COUNTED and between.group(1) not in MODIFIERS:
        return between.group(1), text[end:between.end()].strip(), between.end()
    taken: list[tuple[str, int]] = []  # (word, end offset)
    pos = end
    for _ in range(5):
        match = _WORD_AFTER.match(text, pos)
        if not match:
            break
        word = match.group(1).rstrip(".,;:'’")
        if "-" in word and (word.rpartition("-")[2].lower() in ("and", "but", "or", "as", *_DIMENSIONS)
                            or word.rpartition("-")[2][:1].isdigit()):  # "2,129 points-13 more than ..."
            # "three defeats-and his 16th": a dash written as a hyphen; "a 183ft-high tower": the unit
            word = word.rpartition("-")[0]
        low = word.lower()
        if low in ("and", "or") and taken and (joined := _AND_MODIFIER.match(text, match.end())):
            pos = joined.start(1)  # "hundreds of government and private buildings": the buildings
            continue
        if low in NOT_COUNTED:
            break
        if not taken and low.endswith("ed") and low not in _CASUALTY and _PARTICLE_AFTER.match(text, match.end()):
            return "", "", end  # a verb, not a modifier: "around 100 smashed through police lines"
        if low.endswith(("'s", "’s")) and _WORD_AFTER.match(text, match.end()):
            taken.append((word, match.start(1) + len(word)))  # "five women's basketball players": the players
            pos = match.end()
            continue
        if not taken and low in HYPHEN_UNITS and low not in _NOT_SPACED_UNITS \
                and not _AGE_AFTER.match(text, match.end()) \
                and not (low == "second" and _ORDINAL_SECOND.match(text, match.end())):
            # a unit written in the singular, as a modifier: "the nine acre site", "a 20 mile drive" (not an
            # age, see _AGE_AFTER)
            return HYPHEN_UNITS[low], word, match.start(1) + len(word)
        taken.append((word, match.start(1) + len(word)))
        pos = match.end()
        # people, or a capitalised plural ("three Gazans were killed"), counted by what happened to them
        if (low in PEOPLE or (word[:1].isupper() and _plural(low))) and (fate_at := _fate_after(text, pos)):
            return fate_at[0], text[end:fate_at[1]].strip(), fate_at[1]
        if low == "others" and len(taken) == 1:  # "hundreds of others brought candles": the others
            return "others", word, taken[0][1]
        # a nationality or an acronym's plural counts a group: "30,000 Sudanese", "5 Chinese nationals",
        # "768 CPUs" (in lower case "cpus" ends like "status")
        nationals = word[:1].isupper() and low.endswith("ese")
        group_word = nationals or bool(_ACRONYM_PLURAL.fullmatch(word))
        name_before = (word[:1].isupper() and word[1:].islower() and not taken[:-1] and _plural(low)
                       and low not in PEOPLE and not match.group(1).endswith(("'", "’")))
        if (word.isupper() and len(word) > 1) or name_before:
            # an acronym or a capitalised name before the counted noun: "three NHS trusts", "three Texas counties"
            after = _HEAD_AFTER.match(text, pos)
            following = after.group(1).rstrip(".,;:'’") if after else ""
            if after and following.islower() and _plural(following) and following not in NOT_COUNTED:
                return following, " ".join([*(w for w, _ in taken), following]), after.start(1) + len(following)
        if (is_count_word(low) or group_word) and low not in MODIFIERS:
            after = _HEAD_AFTER.match(text, pos)  # a compound's head is its last noun: "10 police officers"
            following = after.group(1).rstrip(".,;:'’") if after else ""
            if after and following.islower() and following not in _CASUALTY \
                    and (following in COUNT_NOUNS or (not _plural(low) and _plural(following) and low in COUNT_NOUNS
                                                      and following not in NOT_COUNTED)
                         or ((canonical_count(following) != following or nationals) and _plural(following))):
                head_end, fate_from = after.start(1) + len(following), after.end()
                last = _HEAD_AFTER.match(text, after.end())  # "two plainclothes police officers": the officers
                last_word = last.group(1).rstrip(".,;:'’") if last else ""
                if last and last_word in COUNT_NOUNS and _plural(last_word) and last_word not in _CASUALTY:
                    taken.append((following, head_end))
                    following, head_end, fate_from = last_word, last.start(1) + len(last_word), last.end()
                if following in PEOPLE and (fate_at := _fate_after(text, fate_from)):
                    return fate_at[0], text[end:fate_at[1]].strip(), fate_at[1]  # "28 Lebanese civilians were killed"
                return following, " ".join([*(w for w, _ in taken), following]), head_end
            return low, " ".join(w for w, _ in taken), taken[-1][1]
    if taken and taken[0][0].lower() == "others":  # "a queue of more than 22,000 others"
        return "others", taken[0][0], taken[0][1]
    # No word that counts: the next word is as likely a verb ("the two remain", "51 made", "eight fled")
    # or another language ("2,280 ang") as a noun; on 337 hand-checked article texts taking it added
    # three wrong figures for one right one.
    return "", "", end


def of_phrase(text: str, end: int) -> tuple[str, int]:
    """'of the country's borders' after a percentage: the plural noun it is a share of."""
    of = re.match(r"\s+of\s+", text[end:])
    if not of:
        return "", end
    pos = end + of.end()
    taken: list[str] = []
    for m in re.finditer(r"[\w'’-]+", text[pos:pos + 80]):
        word = m.group()
        taken.append(word)
        plural = word.lower().endswith("s") and word.lower() not in {"its", "his", "this"}
        if plural and not word.endswith(("'s", "’s")):
            return " ".join(taken), pos + m.end()
        if len(taken) >= 4:
            break
    return "", end


# Capitalised at the start of a sentence, these words before a number name nothing ("The 10 lawmakers").
_FUNCTION_WORDS = frozenset("""
the a an all some only another these those its his her their our my your and but or of in on at for
with by to from as after before than just another every each both through over under during within since
until about around between among amid against into across along beyond despite without via per like including
when while if am pm a.m. p.m.
""".split())  # the last: a time right before ("12:14 AM 919 cases")


def designator_before(text: str, start: int) -> bool:
    before = text[max(0, start - 24):start]
    if before.endswith(("-", "/", "#", "№")) or (before and before[-1].isalnum()) \
            or re.search(r"\d:$", before):
        return True  # COVID-19, M25, 9/11, #5, 7:40
    words = before.split()
    if not words:
        return False
    last = words[-1].strip("(\"“'")
    possessive = words[-1].endswith(("'s", "’s", "s'", "s’"))  # "Smith's 226 yards", "Charles' 226 yards"
    if last.lower().rstrip(".") in DESIGNATORS or last.lower() in DESIGNATORS:
        return True
    # A capitalised or mixed-case name right before a number: "iOS 15", "Level 4", "H.R. 1", "Galaxy S21".
    named = bool(last) and (last[0].isupper() or any(c.isupper() for c in last[1:]))
    if named and not any(c.isupper() or c.isdigit() for c in last[1:]) and title_case(text):
        return False  # in a Title Case headline every word is capitalised: "Injuring 2 Pilots"
    if named and len(words) == 1 and start < 24 and last.endswith("ing"):
        return False  # the sentence's first word, a verb form: "Following 556 days"
    return named and not possessive and last.lower() not in _FUNCTION_WORDS \
        and last.lower() not in APPROX and not last.endswith((":", ",", ";", "!", "?"))


_PAIRED = ("men", "women", "boys", "girls", "adults", "children")
_AND_PAIRED = re.compile(rf"\s+and\s+(?:{'|'.join(_PAIRED)})\b")


def people_pair(text: str, counts: str, stop: int) -> int:
    """Where "men and women", "adults and children" ends when a count of `counts` ended at `stop` with
    its first half (then people are counted), else 0."""
    pair = _AND_PAIRED.match(text, stop) if counts in _PAIRED else None
    return pair.end() if pair else 0


@lru_cache(maxsize=256)
def title_case(text: str) -> bool:
    """Most longer words capitalised, as in a headline. Cached: asked for every number of a sentence,
    and a sentence of 50,000 characters with 5,000 numbers made that quadratic (4 s)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def is_list_number(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(re.match(r"^[.)]\s", text[end:end + 2]))
