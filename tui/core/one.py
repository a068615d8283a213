"""When "one" is a number: mostly it is a pronoun ("one of them", "the one who"), so it counts only where
what surrounds it says so ("at least one", "one man was killed", "killing one", "one year ago", "for
around one minute", "one million", "a one-yard pass", "after just one season", "there was one arrest", "more
than one bidder", "one juror was dismissed"); what it counts is then a noun in the singular (see counted_after_one)."""

from __future__ import annotations

import re

# "one man was killed", "one pilot critically injured": "one" is a number before a victim and what happened to
# them (and otherwise too often a pronoun: "one of them", "the one who")
_ONE_VICTIM = r"(?:person|man|woman|child|boy|girl|soldier|officer|civilian|pilot|passenger|driver|worker|" \
              r"student|patient|resident|tourist|migrant|prisoner|guard|firefighter)\s+(?:was\s+|has\s+been\s+)?" \
              r"(?:[a-z]+ly\s+)?(?:killed|dead|died|injured|wounded|hurt|missing|arrested)"
# (a "one-day" only when no cricket follows: "the second one-day international" is a kind of match)
_ONE_UNITS = "(?:yard|mile|metre|meter|kilometre|kilometer|foot|inch|hour|minute|week|month|year)"
_AFTER_CASUALTY_VERB = "(?:" + "|".join(f"(?<={verb} )" for verb in (
    "killed", "killing", "kills", "injured", "injuring", "injures", "wounded", "wounding", "wounds",
    "arrested", "arresting", "arrests")) + ")"
_BEFORE_A_SPAN = "(?:" + "|".join(f"(?<={word} )" for word in (
    "about", "around", "nearly", "almost", "for", "within", "after")) + ")"
_AFTER_ONLY = "(?:(?<=just )|(?<=only ))"
# (nor "one day": as often a time, "one day he left", as a count)
_NOT_A_NOUN_AFTER_ONE = (r"(?:of|who|that|which|to|in|on|at|is|was|can|could|will|would|has|had|have|thing|way|"
                         r"another|more|or|and|but|other|such|day)")
ONE_AS_A_NUMBER = (  # the alternatives of a regular expression, to be used with re.I
    rf"(?<=at least )one\b|\bone(?=\s+(?:{_ONE_VICTIM})\b)"
    rf"|{_AFTER_CASUALTY_VERB}one\b(?!\s+(?:of|another|after)\b)"  # "killing one", "killed one person"
    rf"|\bone(?=\s+(?:year|month|week|day|hour)\s+(?:ago|after|later|before|earlier)\b)"  # "one year ago"
    rf"|{_BEFORE_A_SPAN}one(?=\s+(?:minute|hour|day|week|month|year|season)\b)"  # "for around one minute"
    rf"|\bone(?=[\s-](?:thousand|million|billion|trillion)\b)"
    rf"|\bone(?=-{_ONE_UNITS}\b)"  # "a one-yard pass", "a one-year deal"
    rf"|\bone(?=-day\b(?![\s-]+(?:internationals?|series|match(?:es)?|games?|cup|format|side|squad|cricket)\b))"
    # "after just one season", "only one arrest" (not "just one of them", "the only one who")
    rf"|(?<![Tt]he ){_AFTER_ONLY}one(?=\s+(?!{_NOT_A_NOUN_AFTER_ONE}\b)[a-z]+\b)"
    rf"|(?<=there was )one\b(?=\s+[a-z]+\b)(?!\s+{_NOT_A_NOUN_AFTER_ONE}\b)"  # "there was one arrest"
    rf"|(?<=more than )one\b(?=\s+[a-z]+\b)(?!\s+{_NOT_A_NOUN_AFTER_ONE}\b)"  # "more than one bidder"
    rf"|\bone(?=\s+[a-z]+\s+(?:was|has\s+been)\s+[a-z]+ed\b)"  # "one juror was dismissed"
    rf"|\bone(?=\s+(?:or|to)\s+(?:two|three|four|five|[2-5])\b)"  # "one or two jurors": a range
)

# what "one" counts, in the singular: a noun (after at most a participle: "one rebooted series") before a
# word that ends its phrase; not a verb ("just one left") or an idiom ("one more time", "one small piece")
_ONE_THING = re.compile(r"\s+(?:[a-z]+ed\s+)?(?!(?:more|other|another|such|small|big|left|thing|way)\b)"
                        r"([a-z]{3,})(?<!ed)(?=\s*[,.;:)]|\s+(?:of|and|or|was|has|from|with|in|on|at|"
                        r"for|after|before|each|per|to|but|because|since|when|while|last|this|as)\b)")
_OF_AFTER = re.compile(r"\s+of\b")


def counted_after_one(text: str, end: int) -> tuple[str, str, int] | None:
    """What a "one" ending at `end` counts, in the singular ("just one season", "one rebooted series"):
    (head word, phrase as written, end offset), or ("", "", end) when no such noun ends a phrase there
    (so a plural after "one", read as its noun elsewhere, is dropped: "only one remains"). None before
    "of": "one of his fellow undergraduates" is read as a part of a group, as before."""
    if _OF_AFTER.match(text, end):
        return None
    single = _ONE_THING.match(text, end)
    return (single.group(1), single.group().strip(), single.end()) if single else ("", "", end)
