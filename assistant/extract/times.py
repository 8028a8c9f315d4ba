"""Interview times in running text: dates, clock times, ranges, durations and zones.

dateutil's fuzzy parser takes one date out of a short string; mail needs every date and time in a
page of text, each with its position (to pair a time with its date and its zone), in four
languages, relative to the message's own Date header. That search is written here with regular
expressions; zoneinfo (via `zones`) does the calendar arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from assistant.extract.alternation import word_alternation
from assistant.extract.zones import find_zone
from assistant.model import TimeSpan

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mär": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "okt": 10, "dezember": 12, "dez": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonntag": 6, "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3,
    "viernes": 4, "sábado": 5, "sabado": 5, "domingo": 6,
}  # fmt: skip
_RELATIVE_DAYS = {"today": 0, "tomorrow": 1, "heute": 0, "morgen": 1, "demain": 1,
                  "aujourd'hui": 0, "hoy": 0, "mañana": 1}  # fmt: skip


_MONTH = rf"(?P<month>{word_alternation(_MONTHS)})\.?"
_WEEKDAY = rf"(?P<weekday>{word_alternation(_WEEKDAYS)})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?"
_YEAR = r"(?P<year>20\d\d)"

_DATE_PATTERNS = [
    # Thursday, December 3, 2026 · Thu Dec 3 · December 3rd
    re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.IGNORECASE),
    # 3 December 2026 · Donnerstag, 3. Dezember 2026 · jeudi 3 décembre · 3 de diciembre de 2026
    re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+|le\s+|el\s+|den\s+)?{_DAY}\s+(?:de\s+|of\s+)?{_MONTH}"
        rf"(?:,?\s+(?:de\s+)?{_YEAR})?",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<year>20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(r"\b(?:" + _WEEKDAY + r",?\s+)?(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>20\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?:" + _WEEKDAY + r",?\s+)?(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?:/(?P<year>(?:20)?\d\d))?\b", re.IGNORECASE),
]  # fmt: skip
# A bare weekday must be written out: "Mon"/"Sat"/"Sun"/"Wed" are also words ("mon manager", "I sat
# with"), so an abbreviation only counts before a period, a comma or a time ("Thu at 2pm", "Fri 10am").
_SHORT_WEEKDAYS = ("thurs", "thur", "tues", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_WEEKDAY = rf"(?P<weekday>{word_alternation(set(_WEEKDAYS) - set(_SHORT_WEEKDAYS))})"
_SHORT_WEEKDAY = rf"(?P<short>{word_alternation(_SHORT_WEEKDAYS)})(?:\.|,|(?=\s+(?:at\s+|@\s*)?\d))"
_WHICH = ("this", "next", "coming", "on", "ce", "le", "el", "este", "am", "nächsten", "kommenden")
_RELATIVE = re.compile(
    rf"\b(?:(?P<rel>{word_alternation(_RELATIVE_DAYS)})|(?:(?P<which>{word_alternation(_WHICH)})\s+)?"
    rf"(?:{_FULL_WEEKDAY}\b|{_SHORT_WEEKDAY}))",
    re.IGNORECASE,
)
_NEXT_WEEK = {"next", "nächsten", "kommenden"}

_CLOCK = (
    r"(?:(?P<{p}h>[0-2]?\d)(?:[:.h](?P<{p}m>[0-5]\d))?\s*(?P<{p}ap>[ap]\.?\s?m\.?)(?![a-z])"
    r"|(?P<{p}H>[0-2]?\d)(?::|h|\.(?=[0-5]\d\s*(?:uhr|h\b)))(?P<{p}M>[0-5]\d)(?:\s*(?:uhr|h)\b)?"
    r"|(?P<{p}U>[0-2]?\d)\s*(?:uhr|h)\b"
    r"|(?P<{p}noon>noon|midday))"
)
# Not after a sign: "GMT-05:00" and "UTC+01:00" are zones, not times.
_TIME = re.compile(
    r"(?<![\d/:.])(?<!(?:GMT|UTC)[+\-−])"
    + _CLOCK.format(p="a")
    + r"(?:\s*(?:-|–|—|to|until|till|bis|à|a|hasta)\s*"
    + _CLOCK.format(p="b")
    + r")?",
    re.IGNORECASE,
)
_BARE_RANGE_START = re.compile(
    r"(?<![\d/:.])(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*(?:-|–|—|to)\s*(?=[01]?\d(?::[0-5]\d)?\s*[ap]\.?m)",
    re.IGNORECASE,
)
# "10 minutes early", "an hour before": how long to wait, not how long the interview is.
_DURATION = re.compile(
    r"(?<![\d.,])\b(?P<n>\d{1,3}(?:[.,]\d)?|an?|one|two)[\s-]*"
    r"(?P<unit>minutes?|mins?|minuten|hours?|hrs?|stunden?|heures?|horas?)\b"
    r"(?!\s+(?:early|before|prior|in advance|ahead|beforehand|earlier|vorher|avant|antes))",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2}
_ZONE_WINDOW = 40
_PAIR_BEFORE = 300
_PAIR_AFTER = 40


@dataclass(frozen=True, slots=True)
class _DateHit:
    start: int
    end: int
    day: date


@dataclass(frozen=True, slots=True)
class _TimeHit:
    start: int
    end: int
    begin: time
    finish: time | None


def _year_for(month: int, day: int, anchor: date) -> int:
    """The year that puts month/day nearest after the anchor (allowing a few weeks back)."""
    for year in (anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= anchor - timedelta(days=60):
            return year
    return anchor.year + 1


def _date_from(match: re.Match[str], anchor: date, day_first: bool) -> date | None:
    groups = match.groupdict()
    month_text = groups.get("month") or ""
    month = _MONTHS.get(month_text.lower().rstrip(".")) if not month_text.isdigit() else int(month_text)
    day_value = int(groups["day"])
    if month_text.isdigit() and "/" in match.group(0) and day_first:
        month, day_value = day_value, int(month_text)
    year_text = groups.get("year")
    if month is None or not 1 <= month <= 12:
        return None
    if year_text:
        year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    else:
        year = _year_for(month, day_value, anchor)
    try:
        return date(year, month, day_value)
    except ValueError:
        return None


def _relative_date(match: re.Match[str], anchor: date) -> date | None:
    rel = match.group("rel")
    if rel:
        return anchor + timedelta(days=_RELATIVE_DAYS[rel.lower()])
    weekday = _WEEKDAYS[(match.group("weekday") or match.group("short")).lower()]
    if (match.group("which") or "").lower() in _NEXT_WEEK:
        # "next Tuesday" is the Tuesday of next week (weeks start on Monday), even said on a Monday
        return anchor + timedelta(days=7 - anchor.weekday() + weekday)
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def find_dates(text: str, anchor: date, day_first: bool = False) -> list[_DateHit]:
    """Every date mention, explicit ones first claiming their span, then relative ones."""
    hits: list[_DateHit] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            found = _date_from(match, anchor, day_first)
            if found is not None:
                hits.append(_DateHit(match.start(), match.end(), found))
                taken.append((match.start(), match.end()))
    for match in _RELATIVE.finditer(text):
        if free(match.start(), match.end()):
            found = _relative_date(match, anchor)
            if found is not None:
                hits.append(_DateHit(match.start(), match.end(), found))
                taken.append((match.start(), match.end()))
    return sorted(hits, key=lambda hit: hit.start)


def _clock(match: re.Match[str], p: str, meridiem_hint: str | None) -> time | None:
    groups = match.groupdict()
    if groups.get(f"{p}noon"):
        return time(12, 0)
    if groups.get(f"{p}h") is not None:
        hour, minute = int(groups[f"{p}h"]), int(groups.get(f"{p}m") or 0)
        meridiem = groups[f"{p}ap"].lower().replace(".", "").replace(" ", "")
    elif groups.get(f"{p}H") is not None:
        hour, minute, meridiem = int(groups[f"{p}H"]), int(groups[f"{p}M"]), meridiem_hint or ""
    elif groups.get(f"{p}U") is not None:
        hour, minute, meridiem = int(groups[f"{p}U"]), 0, ""
    else:
        return None
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem.startswith("p") else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def _start_before(begin: time, end: time) -> time:
    """A start read with the end's meridiem that falls after the end was in the morning ("11-12pm")."""
    return begin.replace(hour=begin.hour - 12) if begin > end and begin.hour >= 12 else begin


def find_clock_times(text: str) -> list[_TimeHit]:
    hits = []
    for match in _TIME.finditer(text):
        second_meridiem = match.group("bap")
        hint = second_meridiem.lower().replace(".", "").replace(" ", "") if second_meridiem else None
        begin = _clock(match, "a", hint)
        finish = _clock(match, "b", None)
        if begin is not None and finish is not None and hint and match.group("aH") is not None:
            begin = _start_before(begin, finish)
        if begin is not None:
            hits.append(_TimeHit(match.start(), match.end(), begin, finish))
    for match in _BARE_RANGE_START.finditer(text):
        # "2-3pm": the bare "2" is no time on its own; it takes the meridiem of the "3pm".
        tail = next((hit for hit in hits if match.start() < hit.start <= match.end() + 1), None)
        if tail is None:
            continue
        hour = int(match.group("h")) % 12 + (12 if tail.begin.hour >= 12 else 0)
        begin = _start_before(time(hour, int(match.group("m") or 0)), tail.begin)
        if begin < tail.begin:
            hits.remove(tail)
            hits.append(_TimeHit(match.start(), tail.end, begin, tail.begin))
    return sorted(hits, key=lambda hit: hit.start)


def find_duration(text: str) -> timedelta | None:
    for match in _DURATION.finditer(text):
        count_text = match.group("n").lower().replace(",", ".")
        count = float(count_text) if count_text[0].isdigit() else _NUMBER_WORDS[count_text]
        minutes = round(count if match.group("unit").lower().startswith("min") else count * 60)
        if 10 <= minutes <= 8 * 60:
            return timedelta(minutes=minutes)
    return None


def _zone_near(text: str, hit: _TimeHit, fallback: tzinfo) -> tzinfo:
    window = text[hit.end : hit.end + _ZONE_WINDOW].split("\n", 1)[0]
    found = find_zone(window)
    return found[1] if found else fallback


def _combine(day: date, clock: time, tz: tzinfo) -> datetime:
    """Wall-clock time in `tz` on `day`; zoneinfo applies that date's daylight-saving rule."""
    return datetime.combine(day, clock, tzinfo=tz)


# The time a reschedule replaces: "moved your interview from Friday at 2pm to …", "(Previously: …)".
_SUPERSEDED = re.compile(
    r"\b(?:mov|reschedul|chang|push|shift|verschob|verleg|déplac|report|cambi)\w*\b"
    r"(?:(?!\b(?:to|auf|au|al)\b)[^.\n]){0,60}?\b(?:from|von|vom|du|del)\b"
    r"(?P<old>[^.\n]{4,80}?)\b(?:to|auf|zu|au|al)\b"
    # German puts the verb last: "vom 30. Oktober um 14:00 auf den 4. November verschoben"
    r"|\b(?:von|vom)\b(?P<vom>[^\n]{4,80}?)\bauf\b(?=[^\n]{0,80}?\b(?:verschoben|verlegt)\b)"
    r"|\b(?:previously|originally|formerly|instead of|old time|ursprünglich|statt|au lieu de|initialement|en lugar de)\b:?"
    r"(?P<was>[^)\n]{4,80})",
    re.IGNORECASE,
)


def drop_superseded(text: str) -> str:
    """The text with replaced times blanked (same length, so positions still line up)."""

    def blank(match: re.Match[str]) -> str:
        group = next(name for name in ("old", "vom", "was") if match.group(name) is not None)
        start, end = match.span(group)
        offset = match.start()
        whole = match.group(0)
        return whole[: start - offset] + " " * (end - start) + whole[end - offset :]

    return _SUPERSEDED.sub(blank, text)


def find_spans(text: str, anchor: datetime, day_first: bool = False) -> list[TimeSpan]:
    """Every (date, time) pair in the text as an aware span, in order of appearance."""
    assert anchor.tzinfo is not None
    dates = find_dates(text, anchor.date(), day_first)
    times = find_clock_times(text)
    if not dates or not times:
        return []
    document_zone = find_zone(text)
    default_zone = document_zone[1] if document_zone else anchor.tzinfo
    spans = []
    for hit in times:
        before = [d for d in dates if d.end <= hit.start and hit.start - d.end <= _PAIR_BEFORE]
        after = [d for d in dates if d.start >= hit.end and d.start - hit.end <= _PAIR_AFTER]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is None:
            continue
        tz = _zone_near(text, hit, default_zone)
        start = _combine(chosen.day, hit.begin, tz)
        end = _combine(chosen.day, hit.finish, tz) if hit.finish else None
        if end is not None and end <= start:
            end = None
        spans.append(TimeSpan(start, end))
    return spans


def merge_consecutive(spans: list[TimeSpan], gap: timedelta = timedelta(minutes=30)) -> TimeSpan | None:
    """The first span, extended over the slots that follow it on the same day (a panel)."""
    if not spans:
        return None
    first = spans[0]
    end = first.end
    for span in spans[1:]:
        current_end = end or first.start
        if span.start.date() == first.start.date() and current_end <= span.start <= current_end + gap:
            end = span.end or span.start
    return TimeSpan(first.start, end if end is not None and end > first.start else None)
