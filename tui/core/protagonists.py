"""Who a report is about: the people it names in full and then by surname ("Jamal Williams … Williams").

Two reports of one kind of event about different people are two events: the Chargers' Vincent
Jackson and Jamal Williams each arrested for drunk driving, Klitschko's fights against Rahman and
against Thompson. Their words, places and organisations are the same; who they are about is not.
"""

from __future__ import annotations

from tui.core.vectors import largest

Persons = dict[str, float]  # surname → weight of its mentions (a headline mention counts 3, the lead's 1)

KEEP = 24  # people remembered per story
# Nationalities are written alone and after other names too ("Australian", "Western Australian"), but
# they name no one: "an Australian climber" is not a person called Australian. (Shorter words with these
# endings are names: Dean, Ian.)
DEMONYM_ENDINGS = ("ian", "ish", "ese", "ean")


# Words that end the names of teams, places and bodies ("Manchester City … City", "Blackburn Rovers …
# Rovers"): written alone, they are that team or place, not someone's surname. (Not "Villa", "Bay" or
# "Court": David Villa, Michael Bay, Margaret Court.)
NAME_HEADS = frozenset("""
city united county town rovers athletic albion wanderers rangers hotspur island islands coast
state states republic kingdom territory province district university college school council party
league club hospital airport station
""".split())
# A two-word name that starts with a compass point, "new" or a kind of place is a place: "Korea" in "North Korea",
# "Australia" in "Western Australia" and "Zealand" in "New Zealand" are not surnames. (A longer one
# may end in a person: "New Zealand Prime Minister Jacinda Ardern".)
PLACE_QUALIFIERS = frozenset("""
north south east west northern southern eastern western central new upper lower greater
port mount lake fort cape
""".split())


def _nationality(word: str) -> bool:
    return len(word) >= 6 and word.endswith(DEMONYM_ENDINGS)


def _surname_of(name: str) -> str:
    """The word a longer name would be shortened to if it were a person's, else "" (a place's)."""
    words = name.split(" ")
    if len(words) == 2 and words[0] in PLACE_QUALIFIERS:
        return ""
    return words[-1]


def persons(spec: dict[str, float]) -> Persons:
    """The people among a report's names (`e:` specifics, see features.document_features): a surname
    that stands alone ("Williams") and also ends a longer name ("Jamal Williams"), weighed by all their
    mentions; not a nationality, nor the last word of a team's or a place's name ("City" of "Manchester
    City", "Korea" of "North Korea"). Other places and organisations are seldom written both ways; when
    one is ("the New Orleans Saints … the Saints"), it is shared by the reports it could be confused in."""
    singles = {t[2:] for t in spec if t.startswith("e:") and " " not in t and not _nationality(t[2:])
               and t[2:] not in NAME_HEADS}
    if not singles:
        return {}
    out: Persons = {}
    for term, weight in spec.items():
        if term.startswith("e:") and " " in term:
            last = _surname_of(term[2:])
            if last in singles:
                out[last] = out.get(last, 0.0) + weight
    for name in out:
        out[name] += spec["e:" + name]
    return out


def add_persons(into: Persons, more: Persons) -> Persons:
    """A story's people after adding a report's (or another story's); past twice KEEP, the KEEP heaviest."""
    if not more:
        return into
    merged = dict(into)
    for name, weight in more.items():
        merged[name] = merged.get(name, 0.0) + weight
    if len(merged) > 2 * KEEP:
        merged = dict(largest(merged, KEEP))
    return merged


def about_other_people(a: Persons, a_reports: int, b: Persons, b_reports: int,
                       prominent: float, share: float) -> bool:
    """Whether two reports or stories are about different people: each has a main person with
    `prominent` weight per report (named in the headline and again in the lead), and neither gives
    the other's main person `share` of the weight it gives its own. A report of Williams' arrest that
    recalls Jackson's once is still about Williams; one that names both in earnest is not kept apart."""
    if not a or not b:
        return False
    top_a = max(a, key=a.__getitem__)
    top_b = max(b, key=b.__getitem__)
    if top_a == top_b:
        return False
    weight_a, weight_b = a[top_a], b[top_b]
    if weight_a < prominent * a_reports or weight_b < prominent * b_reports:
        return False
    return b.get(top_a, 0.0) < share * weight_b and a.get(top_b, 0.0) < share * weight_a
