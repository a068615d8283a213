"""When "one" is a number: mostly it is a pronoun ("one of them", "the one who"), so it counts only where
what surrounds it says so ("at least one", "one man was killed", "killing one", "one year ago", "for
around one minute", "one million", "a one-yard pass")."""

from __future__ import annotations

# "one man was killed", "one pilot critically injured": "one" is a number before a victim and what happened to
# them (and otherwise too often a pronoun: "one of them", "the one who")
_ONE_VICTIM = r"(?:person|man|woman|child|boy|girl|soldier|officer|civilian|pilot|passenger|driver|worker|" \
              r"student|patient|resident|tourist|migrant|prisoner|guard|firefighter)\s+(?:was\s+|has\s+been\s+)?" \
              r"(?:[a-z]+ly\s+)?(?:killed|dead|died|injured|wounded|hurt|missing|arrested)"
# (not "one-day": "the second one-day international" is a kind of cricket match)
_ONE_UNITS = "(?:yard|mile|metre|meter|kilometre|kilometer|foot|inch|hour|minute|week|month|year)"
_AFTER_CASUALTY_VERB = "(?:" + "|".join(f"(?<={verb} )" for verb in (
    "killed", "killing", "kills", "injured", "injuring", "injures", "wounded", "wounding", "wounds",
    "arrested", "arresting", "arrests")) + ")"
_BEFORE_A_SPAN = "(?:" + "|".join(f"(?<={word} )" for word in (
    "about", "around", "nearly", "almost", "for", "within")) + ")"
ONE_AS_A_NUMBER = (  # the alternatives of a regular expression, to be used with re.I
    rf"(?<=at least )one\b|\bone(?=\s+(?:{_ONE_VICTIM})\b)"
    rf"|{_AFTER_CASUALTY_VERB}one\b(?!\s+(?:of|another|after)\b)"  # "killing one", "killed one person"
    rf"|\bone(?=\s+(?:year|month|week|day|hour)\s+(?:ago|after|later|before|earlier)\b)"  # "one year ago"
    rf"|{_BEFORE_A_SPAN}one(?=\s+(?:minute|hour|day|week|month|year)\b)"  # "for around one minute"
    rf"|\bone(?=[\s-](?:thousand|million|billion|trillion)\b)"
    rf"|\bone(?=-{_ONE_UNITS}\b)"  # "a one-yard pass", "a one-year deal"
)
