"""Announced dates in news text, normalised against the publication date (UTC)."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta

_MONTH_NUMBERS = {name: i for i, name in enumerate(calendar.month_name) if name} | {
    name: i for i, name in enumerate(calendar.month_abbr) if name} | {"Sept": 9}
_MONTHS = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_RANGE_MONTH_FIRST = re.compile(
    rf"\b(?:from\s+|between\s+)?(?P<month>{_MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s*(?:-|–|to|through|until|and)\s*(?:(?P<month2>{_MONTHS})\.?\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b")
_RANGE_DAY_FIRST = re.compile(
    rf"\b(?:from\s+|between\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<month1>{_MONTHS})\.?)?"
    rf"\s*(?:-|–|to|through|until|and)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTHS})\b")
_RELATIVE = re.compile(
    r"\b(?P<text>next (?P<unit>week|month|year|weekend)|later this (?P<this>week|month|year)|"
    r"in the coming (?P<coming>days|weeks|months)|in (?P<n>two|three|four|a few|\d+) (?P<nunit>days|weeks|months))\b",
    re.I)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "a few": 3}


def _iso(d: date) -> str:
    return d.isoformat()


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _base_date(published: float) -> date | None:
    """The UTC day of a publication time; None for a time no calendar holds (NaN, year 33658)."""
    try:
        return datetime.fromtimestamp(published, UTC).date()
    except (ValueError, OverflowError, OSError):
        return None


def span_of_dates(sentence: str, published: float) -> list[tuple[str, str, str]]:
    """Explicit day ranges ("August 5 to 10", "5-10 August"): (text, ISO start, ISO end)."""
    base = _base_date(published)
    if base is None:
        return []
    out = []
    for pattern in (_RANGE_MONTH_FIRST, _RANGE_DAY_FIRST):
        for m in pattern.finditer(sentence):
            month = _MONTH_NUMBERS[m.group("month")]
            first_month = _MONTH_NUMBERS.get(m.groupdict().get("month1") or "", month)
            second_month = _MONTH_NUMBERS.get(m.groupdict().get("month2") or "", month)
            year = base.year + (1 if first_month < base.month - 6 else 0)
            try:
                start = date(year, first_month, int(m.group("d1")))
                end = date(year + (1 if second_month < first_month else 0), second_month, int(m.group("d2")))
            except ValueError:
                continue
            if end < start or (end - start).days > 62:
                continue
            out.append((m.group().strip(), _iso(start), _iso(end)))
    return out


def relative_span(sentence: str, published: float) -> list[tuple[str, str, str]]:
    """Relative times of announced events ("next week", "next month", "in the coming days")."""
    today = _base_date(published)
    if today is None:
        return []
    out = []
    for m in _RELATIVE.finditer(sentence):
        try:
            start, end = _relative(m, today)
        except (ValueError, OverflowError):  # "in 999999999999 days", or past the calendar's end
            continue
        out.append((m.group("text"), _iso(start), _iso(end)))
    return out


def _relative(m: re.Match[str], today: date) -> tuple[date, date]:
    unit = (m.group("unit") or "").lower()
    if unit == "week":
        start = today + timedelta(days=7 - today.weekday())
        return start, start + timedelta(days=6)
    if unit == "weekend":
        start = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
        return start, start + timedelta(days=1)
    if unit == "month":
        year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        return _month_span(year, month)
    if unit == "year":
        return date(today.year + 1, 1, 1), date(today.year + 1, 12, 31)
    if m.group("this"):
        this = m.group("this").lower()
        return today, (today + timedelta(days=6 - today.weekday()) if this == "week"
                       else _month_span(today.year, today.month)[1] if this == "month" else date(today.year, 12, 31))
    if m.group("coming"):
        return today, today + timedelta(days={"days": 7, "weeks": 28, "months": 92}[m.group("coming").lower()])
    raw = m.group("n").lower()
    n = _NUMBER_WORDS.get(raw) or int(raw)
    day = today + timedelta(days=n * {"days": 1, "weeks": 7, "months": 30}[m.group("nunit").lower()])
    return day, day
