"""Text features for story clustering: tokens, stems, named entities and numbers, in any script."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict

import Stemmer

STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another any anyone
are around as at away back be became because become been before being below between both but by can
cannot could did do does doing done down during each either else even ever every few for from further
get gets getting got had has have having he her here hers herself him himself his how however i if in
including into is it its itself just least less let like made make makes many may me might more most
much must my myself near need neither never new news no nor not now of off often on once one only onto
or other others our ours ourselves out over own per perhaps please put rather really said same say says
see seen several shall she should since so some still such take than that the their theirs them
themselves then there these they thing things this those though through thus to too toward towards
under until up upon us use used very via was we well were what whatever when where whether which while
who whom whose why will with within without would yet you your yours yourself yourselves
mr mrs ms dr told according report reported reports reporting reuters ap afp photo image video
getty images file read more click here copyright rights reserved
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week
""".split())
# Function words of Tagalog (Filipino news) and Russian. Only written in lower case are they stop words:
# capitalised, "SA", "PA", "NI" and "BA" are South Australia, Pennsylvania, Northern Ireland, an airline.
FOREIGN_STOPWORDS = frozenset("""
ang ng sa na mga ay at si ni kay kina sina nang ito iyan iyon mula para dahil pero kung may mayroon wala
hindi pa din rin lang lamang naman daw raw po ko mo niya nila natin namin kami tayo sila siya ako ikaw
dito doon nasa upang bilang isang noong ngayong nitong kanilang kanyang kaniyang ating aming ba o
и в во на с со по не что за из к о об от для как это его ее её их до но а же ли бы у при так уже
""".split())

_WORD = re.compile(r"[^\W_](?:[^\W_]|['’\-.,](?=[^\W_]))*")
# The same tokens in ASCII text, where [^\W_] is [A-Za-z0-9]: runs of letters and digits joined by one
# inner mark. sre scans a character class run in one loop, so this takes half the time of _WORD.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-.,][A-Za-z0-9]+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_SENTENCE_END = re.compile(r"[.!?:\"“”]\s*$")
_CONNECTORS = frozenset({"of", "the", "de", "del", "al", "el", "bin", "ibn", "van", "von", "da", "du", "la", "le"})
_STEMMER = Stemmer.Stemmer("english")
# Calls to action end the part of a text that says anything about the story ("Subscribe to 1News: …",
# "For more TeleRadyo videos, click the links below: …"); a video feed's repeated ones tied its
# unrelated items into one story.
CALL_TO_ACTION = re.compile(r"(?i)\b(?:subscribe to|click (?:here|the links? below)|visit us (?:here|at)|follow us on|"
                            r"sign up for|download (?:the|our) app|for more [\w\s-]{0,30}?(?:videos|episodes))\b")
_ACTION_CUES = ("subscribe", "click", "visit us", "follow us", "sign up", "download", "for more")
# Month names are capitalised but name no one ("May" can be a name: Theresa May).
_MONTH_WORDS = frozenset(m.lower() for m in calendar.month_name if m and m != "May") | {"sept"}
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?", re.ASCII | re.IGNORECASE)
# An ASCII text without 0-9 has no number (cheaper to ask than to look at every token; in other
# text str.isdigit also takes "²" and "⑤", which \d does not)
_ASCII_DIGIT = re.compile(r"[0-9]")

_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """The stem of a lower-cased word (Snowball English; other scripts pass through unchanged)."""
    cached = _STEMS.get(word)
    if cached is None:
        cached = str(_STEMMER.stemWord(word)) if word.isascii() else word
        if len(_STEMS) < 500_000:
            _STEMS[word] = cached
    return cached


def _split_cjk(token: str) -> list[str]:
    if len(token) < 2 or not _CJK.search(token):
        return [token]
    return [token[i:i + 2] for i in range(len(token) - 1)]


def raw_tokens(text: str) -> list[str]:
    """Word tokens as written (letters and digits; inner apostrophes, hyphens, decimal points kept)."""
    ascii_text = text.isascii()
    found: list[str] = (_ASCII_WORD if ascii_text else _WORD).findall(text)  # a token never ends in punctuation
    if ascii_text:
        return found
    out: list[str] = []
    for token in found:
        if token.isascii():
            out.append(token)
        else:
            out.extend(_split_cjk(token))
    return out


def words(text: str) -> list[str]:
    """Content words as written, lower-cased: stop words, one-letter tokens and possessives dropped,
    hyphenated compounds split."""
    return words_of(raw_tokens(text))


def _token_words(token: str) -> tuple[str, ...]:
    """The content words of one token (none for a stop word; the parts of a hyphenated compound)."""
    low = token.lower()
    if low in FOREIGN_STOPWORDS and token.islower():
        return ()
    if "'" in low or "’" in low:
        low = low.replace("’", "'").removesuffix("'s")
    if "-" in low:
        return tuple(p for p in low.split("-") if p and (len(p) > 1 or p.isdigit()) and p not in STOPWORDS)
    if (len(low) > 1 or low.isdigit()) and low not in STOPWORDS:
        return (low,)
    return ()


_TOKEN_WORDS: dict[str, tuple[str, ...]] = {}
_TOKEN_STEMS: dict[str, tuple[str, ...]] = {}
_CACHE_LIMIT = 500_000  # tokens remembered (a news vocabulary is far smaller; this bounds odd input)


def words_of(tokens: list[str]) -> list[str]:
    """`words` of already tokenised text."""
    cache = _TOKEN_WORDS
    out: list[str] = []
    for token in tokens:
        found = cache.get(token)
        if found is None:
            found = _token_words(token)
            if len(cache) < _CACHE_LIMIT:
                cache[token] = found
        out.extend(found)
    return out


def _stems_of(token: str) -> tuple[str, ...]:
    found = tuple(stem(w) for w in _token_words(token))
    if len(_TOKEN_STEMS) < _CACHE_LIMIT:
        _TOKEN_STEMS[token] = found
    return found


def terms(text: str) -> list[str]:
    """Content terms: `words` stemmed."""
    return [stem(w) for w in words(text)]


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and (not word.isupper() or 2 <= len(word) <= 5)


def entities(text: str, context: str = "", lower_words: set[str] | None = None,
             capital_words: set[str] | None = None, tokens: list[str] | None = None,
             context_tokens: list[str] | None = None) -> list[str]:
    """Capitalised names (people, places, organisations) as lower-cased phrases.

    A capitalised word counts when it is not a common word: not a stop word and, when it starts a
    sentence, not also written in lower case in the text or its `context`. In a headline written
    in Title Case, only words that the context also capitalises count. `tokens`: `raw_tokens(text)`,
    when the caller has them already, and `context_tokens` those of the context. `lower_words`: the
    words of the text or context (only those written in lower case count); `capital_words`: those
    the context capitalises, lower-cased (built from the context when needed and not given).
    """
    if text == text.lower():
        return []  # lower-cased input (or a script without case): no capitalisation signal
    if lower_words is None:
        lower_words = set(raw_tokens(context or text))
    words = [w for w in (raw_tokens(text) if tokens is None else tokens) if len(w) > 3]
    shouting = len(words) >= 2 and all(w.isupper() for w in words if w.isalpha())
    title_case = bool(context) and len(words) >= 3 and sum(_is_capitalised(w) for w in words) >= 0.6 * len(words)
    if capital_words is None and (title_case or shouting) and context:
        capital_words = {t.lower() for t in (raw_tokens(context) if context_tokens is None else context_tokens)
                         if _is_capitalised(t)}

    def capitalised(word: str) -> bool:
        return word[0].isupper() if shouting else _is_capitalised(word)

    def proper(word: str, sentence_start: bool) -> bool:
        low = word.lower()
        if low in STOPWORDS or low in _CONNECTORS or low in _MONTH_WORDS:
            return False
        if title_case or shouting:
            return low in (capital_words or ()) if context else not shouting
        if sentence_start or not context:
            return not (low in lower_words and low.islower())  # written so in lower case elsewhere
        return True

    found: list[str] = []
    phrase: list[str] = []

    def flush() -> None:
        while phrase and phrase[-1].lower() in _CONNECTORS:
            phrase.pop()
        if phrase:
            found.append(" ".join(w.lower() for w in phrase))
        phrase.clear()

    previous_end = 0
    for match in (_ASCII_WORD if text.isascii() else _WORD).finditer(text):
        raw = match.group()
        if not phrase and not raw[0].isupper():  # most words: not a name and nothing to close
            previous_end = match.end()
            continue
        word = raw.strip("'’-.,")
        possessive = word.lower().endswith(("'s", "’s"))
        if possessive:
            word = word[:-2]
        if not word:
            continue
        gap = text[previous_end:match.start()]
        sentence_start = match.start() == 0 or bool(_SENTENCE_END.search(text[max(0, match.start() - 4):match.start()]))
        previous_end = match.end()
        joined = not gap.strip() or gap.strip() == "-"
        if capitalised(word) and proper(word, sentence_start and not phrase):
            if phrase and not joined:
                flush()
            phrase.append(word)
        elif phrase and word.lower() in _CONNECTORS and joined:
            phrase.append(word)
            continue
        else:
            flush()
            continue
        if possessive:
            flush()
    flush()
    return found


_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}


def _day(token: str) -> int:
    """The day of the month a token can be ("19", "19th"), else 0 (ASCII digits only: not "⁵")."""
    match = _DAY.fullmatch(token)
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 31 else 0


def _is_year(value: str) -> bool:
    return len(value) == 4 and value.isascii() and value.isdigit() and value.startswith(("19", "20"))


def calendar_dates(tokens: list[str]) -> tuple[list[str], set[int]]:
    """Calendar dates ("19 September 2021", "Sept. 19", "September 19th, 2021") as `MM-DD`, and the
    positions of the tokens that make them (day and year): one date is one fact, not a number and a year."""
    found: list[str] = []
    used: set[int] = set()
    for i, token in enumerate(tokens):
        month = _MONTHS.get(token.lower().rstrip("."))
        if not month:
            continue
        for day_at in (i + 1, i - 1):  # "September 19" or "19 September"
            if 0 <= day_at < len(tokens) and day_at not in used and (day := _day(tokens[day_at])):
                found.append(f"{month:02d}-{day:02d}")
                used.add(day_at)
                year_at = max(i, day_at) + 1
                if year_at < len(tokens) and _is_year(tokens[year_at]):
                    used.add(year_at)
                break
    return found, used


def numbers_and_years(tokens: list[str], skip: set[int] | None = None) -> tuple[list[str], list[str]]:
    """Numbers as written (thousands separators dropped) and, apart, four-digit years (1900-2099);
    the tokens at the positions in `skip` (parts of calendar dates) are left out."""
    numbers: list[str] = []
    years: list[str] = []
    for i, token in enumerate(tokens):
        if token[0].isdigit() and not (skip and i in skip):
            value = token.replace(",", "")
            if _is_year(token):  # "2,000" is a number, not the year 2000
                years.append(value)
            else:
                numbers.append(value)
    return numbers, years


Counts = dict[str, float]


def document_features(title: str, text: str, title_weight: float = 3.0, max_words: int = 150,
                      surface: dict[str, str] | None = None) -> tuple[Counts, Counts]:
    """An article's two views, from its headline and lead (first `max_words` words of the text).

    Terms: content words (headline words count `title_weight` times) plus `e:` names. Specifics:
    what tells one event from another of the same kind: `e:` names, `n:` numbers, `y:` years,
    `d:` calendar dates (headline counts triple). With `surface`, each headline stem not in it yet is recorded with
    the word as written (for explanations).
    """
    lead = " ".join(text.split(maxsplit=max_words)[:max_words]) if text else ""  # a long text is not split whole
    if (action := _action_start(lead)) is not None:
        lead = lead[:action]
    if len(title) > 1000:  # a headline is a line: an odd input's megabyte "title" is read as far as its lead
        title = " ".join(title.split(maxsplit=max_words)[:max_words])
    title_tokens, lead_tokens = raw_tokens(title), raw_tokens(lead)
    terms_view: Counts = {}
    _count_stems(terms_view, title_tokens, title_weight)
    if surface is not None and not terms_view.keys() <= surface.keys():  # rare once the vocabulary is known
        for token in title_tokens:
            for word, term in zip(_token_words(token), _cached_stems(token), strict=True):
                surface.setdefault(term, word)
    _count_stems(terms_view, lead_tokens, 1.0)
    spec: Counts = defaultdict(float)
    cased = title != title.lower() or lead != lead.lower()
    # every token of the lead: entities asks it only for capitalised words, and also asks islower()
    lower = set(lead_tokens) if cased and lead else None
    for weight, part, tokens, context in ((3.0, title, title_tokens, lead), (1.0, lead, lead_tokens, "")):
        names = entities(part, context, lower, None, tokens, lead_tokens if context else None) if cased else []
        for name in names:
            key = "e:" + name
            terms_view[key] = terms_view.get(key, 0.0) + weight
            spec[key] += weight
        # (a token that names a month is what calendar_dates looks for: asked in C first, since few texts have one)
        dates, in_dates = calendar_dates(tokens) if not _MONTHS.keys().isdisjoint(map(str.lower, tokens)) \
            else ([], set())
        numbers, years = numbers_and_years(tokens, in_dates) \
            if not part.isascii() or _ASCII_DIGIT.search(part) else ([], [])
        for day in dates:
            spec["d:" + day] += weight
        for number in numbers:
            spec["n:" + number] += weight * 0.5
        for year in years:
            spec["y:" + year] += weight
    return terms_view, dict(spec)


def _count_stems(counts: Counts, tokens: list[str], weight: float) -> None:
    """Add `weight` to `counts` for each stem of each token (looked up per token: a news vocabulary
    repeats itself)."""
    get = _TOKEN_STEMS.get
    count = counts.get
    for token in tokens:
        stems = get(token)
        if stems is None:
            stems = _stems_of(token)
        for term in stems:
            counts[term] = count(term, 0.0) + weight


def _cached_stems(token: str) -> tuple[str, ...]:
    """A token's stems, from the cache when it has them."""
    found = _TOKEN_STEMS.get(token)
    return _stems_of(token) if found is None else found


def _action_start(lead: str) -> int | None:
    """Where a call to action starts in a lead (see CALL_TO_ACTION), if it has one."""
    low = lead.lower()
    # the cues first, each a plain substring search: 2.4 µs for the seven on a benchmark lead, where one
    # regex of them took 3.9 and the full pattern 25
    if not any(cue in low for cue in _ACTION_CUES):
        return None
    action = CALL_TO_ACTION.search(lead)
    return action.start() if action else None


_STORM = re.compile(r"\b(?:[Tt]ropical [Ss]torm|[Tt]ropical [Dd]epression|[Ss]uper [Tt]yphoon|[Hh]urricane|[Tt]yphoon|"
                    r"[Cc]yclone|[Bb]agyong)\s+([A-Z][a-z]+)\b")  # not a bare "Storm": Melbourne's rugby team
# what follows such a word in a Title Case headline without naming a storm
_STORM_WORDS = frozenset("""warning warnings watch watches season center centre force damage relief victims survivors
recovery update updates tracker path landfall hits slams batters threatens nears forms""".split())


def named_storms(title: str) -> frozenset[str]:
    """Storms a headline names ("Tropical Storm Peter", "Hurricane Ida", "Bagyong Jolina"): two storms
    of one season are two events, however alike their reports read."""
    if not any(cue in title for cue in ("torm", "urricane", "yphoon", "yclone", "agyong", "epression")):
        return frozenset()
    return frozenset(name for name in _STORM.findall(title)
                     if name.lower() not in _MONTH_WORDS and name.lower() not in _STORM_WORDS)
