"""Vocabulary for figure extraction (number words, units, currencies, synonyms, designators), and
the value of a number as written."""

from __future__ import annotations

import math
import re

SMALL_NUMBERS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SMALL_NUMBERS |= {f"{tens}-{unit}": SMALL_NUMBERS[tens] + value  # "fifty-two"
                  for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
                  for unit, value in {"one": 1, **{w: n for w, n in SMALL_NUMBERS.items() if n < 10}}.items()}
MULTIPLIERS: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9,
    "tn": 1e12, "trn": 1e12, "trillion": 1e12, "lakh": 1e5, "crore": 1e7, "hundred": 100.0, "dozen": 12.0,
    "K": 1e3, "M": 1e6, "milyon": 1e6, "milyong": 1e6, "bilyon": 1e9, "bilyong": 1e9,
}
VAGUE = ("dozens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands", "millions",
         "tens of millions", "hundreds of millions", "billions", "scores")
APPROX = ("at least", "more than", "over", "nearly", "almost", "about", "around", "some", "up to", "roughly",
          "approximately", "an estimated", "less than", "fewer than", "under", "as many as", "close to",
          "upwards of", "just over", "just under",
          # Tagalog: more than, almost, an estimated, about
          "mahigit sa", "mahigit", "higit sa", "higit", "halos", "tinatayang", "humigit-kumulang", "humigit kumulang")
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "dollars", "A$": "dollars", "$A": "dollars", "$US": "dollars", "$NZ": "dollars", "NZ$": "dollars",
    "C$": "dollars", "S$": "dollars", "HK$": "dollars",
    "$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₹": "rupees", "Rs.": "rupees", "Rs": "rupees",
    "₱": "pesos", "P": "pesos", "₦": "naira", "₩": "won", "₺": "lira",
    # written against the number: "Sh370 billion", "KSh2bn", "Tk500 crore", "Rp1.5 trillion", "RM10 million"
    "KSh": "shillings", "Ksh": "shillings", "Sh": "shillings", "Tk": "taka", "Rp": "rupiah", "RM": "ringgit",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "dollars", "dollar": "dollars", "usd": "dollars", "euros": "euros", "euro": "euros",
    "pounds": "pounds", "rupees": "rupees", "yuan": "yuan", "roubles": "roubles", "rubles": "roubles",
    "pesos": "pesos", "yen": "yen", "rupiah": "rupiah", "ringgit": "ringgit", "baht": "baht", "rand": "rand",
    "naira": "naira", "shillings": "shillings", "francs": "francs", "lira": "lira", "dinars": "dinars",
    "dirhams": "dirhams", "riyals": "riyals", "taka": "taka", "hryvnias": "hryvnias", "manat": "manat",
    "somoni": "somoni", "tenge": "tenge", "afghanis": "afghanis",
}
UNITS: dict[str, str] = {
    "km": "kilometers", "kms": "kilometers", "kilometers": "kilometers", "kilometres": "kilometers",
    "kilometer": "kilometers", "kilometre": "kilometers", "miles": "miles", "mile": "miles",
    "metres": "meters", "meters": "meters", "m": "meters", "feet": "feet", "ft": "feet",
    "tonnes": "tonnes", "tons": "tonnes", "kg": "kilograms", "kilograms": "kilograms", "hectares": "hectares",
    "acres": "acres", "degrees": "degrees", "mph": "mph", "km/h": "km/h", "mm": "millimetres", "cm": "centimetres",
    "millimetres": "millimetres", "millimeters": "millimetres",
    "centimetres": "centimetres", "centimeters": "centimetres",
    "litres": "litres", "liters": "litres", "l": "litres", "barrels": "barrels", "megawatts": "megawatts",
    "mw": "megawatts", "bcm": "bcm", "oras": "hours",  # (Tagalog: "sa nakalipas na 24 oras", in the past 24 hours)
    "years": "years", "months": "months", "weeks": "weeks", "days": "days", "hours": "hours", "minutes": "minutes",
    "seconds": "seconds", "points": "points", "votes": "votes", "seats": "seats", "doses": "doses",
    "f": "degrees", "c": "degrees", "°f": "degrees", "°c": "degrees",
    # singular, after "one", "1" or "half a": "half a tonne of methamphetamine", "1 litre"
    "tonne": "tonnes", "ton": "tonnes", "kilogram": "kilograms", "litre": "litres", "liter": "litres",
    "metre": "meters", "meter": "meters", "acre": "acres", "hectare": "hectares", "barrel": "barrels",
    "megawatt": "megawatts", "millimetre": "millimetres", "millimeter": "millimetres",
    "centimetre": "centimetres", "centimeter": "centimetres",
}
# Units that measure rather than count: their values describe different things in one story.
MEASURES = frozenset(u for u in UNITS.values() if u not in {"votes", "seats", "doses", "points"})
# Words after a number that are not what it counts (the number is a date, a time, an age, a code...).
NOT_COUNTED = frozenset("""
am pm a.m. p.m. gmt utc bst est pst edt st nd rd th year-old years-old -year-old year-olds of the a an and or but
is are was were be been has have had will would can could to that this which who with at in on by for from
as per times time o'clock hrs past than left ago later earlier apiece each into out up down vs
after before since under over about around last next this when while if because until whether where
win victory defeat loss draw triumph rout thrashing drubbing whitewash scoreline thanks against
mondays tuesdays wednesdays thursdays fridays saturdays sundays
caliber calibre
""".split())  # a score ("a 3-0 win"), not a count; "two Sundays ago" is a date; "a .38 caliber" is a cartridge
# Words between a number and what it counts ("five more small firms", "3 new cases").
MODIFIERS = frozenset("""
more new additional other others further fresh extra local small large big major minor young old senior straight
confirmed suspected active total daily weekly annual estimated reported registered unlinked linked
downstairs upstairs indoors outdoors overseas afterwards always perhaps sometimes nowadays news
""".split())  # (the last line: words that end like plurals: "27 overseas booths", "a three punch combo downstairs";
# news is never counted: "three news outlets", and "TVNZ's 1 NEWS" is a channel)
# Plurals of peoples' names that end in "-is", which in other words is no plural ("crisis", "tennis"):
# "Nine Israelis were killed", "three Pakistanis" ("afghanis" are left out: Afghanistan's money).
PEOPLES_IN_IS = frozenset("""
israelis iraqis pakistanis yemenis saudis somalis kuwaitis qataris bahrainis emiratis omanis bangladeshis
nepalis azerbaijanis kashmiris punjabis bengalis thais
""".split())
# What news usually counts: a word from this set ends the search for the counted noun.
COUNT_NOUNS = frozenset("""
people dead killed injured wounded missing arrested evacuated displaced rescued detained affected homeless
hospitalised hospitalized deaths cases infections troops soldiers refugees
migrants children students workers residents civilians patients doses jobs homes houses votes seats
percent dollars euros pounds rupees yen pesos police officers members fans passengers protesters
men women staff personnel crew cattle sheep livestock aircraft apparatus species deer fish offspring crowd
""".split())
# Count nouns without a plural form: after a capitalised word they end a name ("the 8 Block crew").
COLLECTIVE = frozenset({"staff", "personnel", "crew", "cattle", "sheep", "livestock", "aircraft", "apparatus",
                        "species", "deer", "fish", "offspring", "crowd"})
# "7 things to know": the number of items in a list article, not a figure.
LISTICLE = frozenset("""
things ways reasons tips questions takeaways facts lessons signs moments secrets tricks hacks steps rules
ideas mistakes myths photos pictures charts quotes stories halves copycats
""".split())
# "20-year", "90-day": a number joined to a unit makes a duration or size.
HYPHEN_UNITS: dict[str, str] = {
    "year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours", "minute": "minutes",
    "mile": "miles", "km": "kilometers", "kilometre": "kilometers", "kilometer": "kilometers",
    "metre": "meters", "meter": "meters", "vote": "votes", "seat": "seats",
    "tonne": "tonnes", "ton": "tonnes", "acre": "acres", "hectare": "hectares", "storey": "storeys",
    "yard": "yards", "foot": "feet", "inch": "inches", "second": "seconds", "degree": "degrees",
    "yarder": "yards",  # "a 43-yarder": a kick (or a run) of 43 yards
    "game": "games",  # "a six-game series", "a four-game suspension" (not a streak: see counted._STREAK)
}
# A number right after these words names something rather than counting it.
DESIGNATORS = frozenset("""
level phase stage section article no no. number route flight gate room chapter season episode version
game round grade category class tier item lot page vol volume part act bill resolution h.r. h.r s. rule
covid covid-19 unit platoon battalion brigade division regiment base squadron fleet district ward zone
block sector highway interstate road street avenue apt apartment floor suite box code model series mark
channel radio tv windows ios android iphone galaxy pixel ps playstation xbox f-35 su mig t-72 week
age aged edad quarter q1 q2 q3 q4 top fig figure table step day match test odi t20 hole
""".split())
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec")
# Page furniture that carries numbers but no news. A wire agency in brackets is a credit only with a
# photo ("(AFP Photo)", "(Reuters/File)"): a dateline's "KABUL (Reuters) -" or a quote's source
# "told Agence France-Presse (AFP)" comes with the news itself.
BOILERPLATE = re.compile(
    r"can also be accessed|all rights reserved|copyright|©|\(photo|photo by|file photo|"
    r"\((?:afp|reuters)\s*(?:/|photo|file|via)|"
    r"getty images|advertisement", re.I)
# Calls to action end the text that matters: what comes before them is kept ("... killed 10 civilians
# Subscribe to our channel: ...").
CALL_TO_ACTION = re.compile(r"see also|read more|click here|subscribe|sign up|newsletter|follow us|"
                            r"download the app|listen to this", re.I)

# Tagalog (Filipino) nouns counted in Philippine news, after a number and its linkers
# ("39 kaso", "19,271 na mga bagong kaso", "5 katao ang nasawi").
TAGALOG_COUNTED: dict[str, str] = {
    "kaso": "cases", "katao": "people", "patay": "dead", "nasawi": "dead", "sugatan": "injured",
    "pamilya": "families", "bahay": "homes", "estudyante": "students", "pasyente": "patients",
    "pulis": "police", "sundalo": "troops", "guro": "teachers", "barangay": "barangays", "lugar": "areas",
    "nakarekober": "recovered", "gumaling": "recovered", "bata": "children", "residente": "residents",
}
TAGALOG_PEOPLE = frozenset({"katao", "pulis", "sundalo", "guro", "bata", "residente", "estudyante", "pasyente"})
TAGALOG_LINKERS = ("na", "ng", "mga", "bagong", "bago", "pang", "aktibong", "karagdagang")

# Things counted that mean the same; the first word of each group is the canonical name.
_SYNONYMS = (
    ("troops", "troop", "soldiers", "soldier", "forces", "servicemen", "service members", "personnel",
     "security forces", "military personnel", "armed forces"),
    ("people", "persons", "person", "individuals", "residents", "civilians"),
    ("dead", "deaths", "killed", "fatalities", "die", "dies", "died", "dying", "death", "bodies", "lives", "toll",
     "death toll"),
    ("injured", "injuries", "wounded", "hurt"),
    ("cases", "case", "infections", "infected"),
    ("refugees", "refugee", "asylum seekers", "displaced"),
    ("percent", "per cent", "%", "pct"),
    ("dollars", "dollar", "usd"),
    ("kilometers", "km", "kilometres"),
    ("reservists", "reservist"),
    ("litres", "liters", "litre", "liter"),
    ("points", "ppg", "pts"),  # "5.8 ppg": points a game
    ("homes", "houses", "buildings"),
    ("vaccinations", "vaccines", "doses", "jabs"),
    ("knockouts", "knockout", "ko", "kos", "ko's"),  # a boxer's record: "(52-3, 46 KOs)"
)
_CANONICAL = {word: group[0] for group in _SYNONYMS for word in group}


def canonical_count(word: str) -> str:
    """The canonical name of what is counted ("forces" → "troops", "fatalities" → "dead")."""
    low = word.lower()
    if low in _CANONICAL:
        return _CANONICAL[low]
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "ies"
    return low


# Scales written after a number. "Rs 1.5 lakh crore" is 1.5 x 10^12 rupees: a hundred thousand crore.
SCALE = (r"(?:k|K|m|M|mn|bn|b|tn|trn|million|billion|trillion|thousand|lakh\s+crores?|lakh|crore|milyong?|bilyong?|"
         r"dozen)\b")


def number_value(num: str | None, word: str | None, scale: str | None) -> float | None:
    """The value of a number as written: digits ("1,297") or a word ("twelve", "a dozen"), times its
    scale ("bn", "lakh crore"); None for a word that is no number or a value too large to be one."""
    if num is not None:
        value = float(num.replace(",", ""))
    else:
        w = (word or "").lower()
        value = float(SMALL_NUMBERS.get(w) or MULTIPLIERS.get(w.removeprefix("a ")) or 0) or None  # type: ignore[assignment]
        if w in {"a dozen", "dozen"}:
            value = 12.0
        elif w == "one":  # only after "at least" or before a scale ("one million"): not "one of them"
            value = 1.0
        if value is None:
            return None
    for part in (scale or "").split():  # "lakh crore": both
        low = "crore" if part.lower() == "crores" else part.lower()
        value *= MULTIPLIERS[low] if low in MULTIPLIERS else MULTIPLIERS[part]
    return value if math.isfinite(value) else None  # a run of 400 digits is no count anyone states


def clean_number(value: float) -> float | int:
    """A whole value as an int (14000000000, not 14000000000.0), any other as it is."""
    return int(value) if value == int(value) and abs(value) < 1e18 else value
