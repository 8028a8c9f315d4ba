"""Dates in running text: explicit, numeric, relative ("next Tuesday") and day-of-month ("the 6th").

Every date mention is found with its position, so a caller can pair it with a clock time or a
deadline cue; all of them are read relative to the message's own Date header. dateutil's fuzzy
parser takes one date out of a short string, which is not what mail needs, hence the search here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.extract.alternation import lowered, word_alternation

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
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "déc": 12,
    "ene": 1, "abr": 4, "ago": 8, "dic": 12, "jän": 1,
    # Italian; Polish (the genitive a date is written in); Swedish, Danish, Norwegian. No short
    # forms: "set 3" and "gen 2" are English too.
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7,
    "sierpnia": 8, "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
    "maj": 5, "augusti": 8, "marts": 3, "desember": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonntag": 6, "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3,
    "viernes": 4, "sábado": 5, "sabado": 5, "domingo": 6,
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
    "zondag": 6, "segunda-feira": 0, "terça-feira": 1, "terca-feira": 1, "quarta-feira": 2,
    "quinta-feira": 3, "sexta-feira": 4,
    "lunedì": 0, "lunedi": 0, "martedì": 1, "martedi": 1, "mercoledì": 2, "mercoledi": 2, "giovedì": 3,
    "giovedi": 3, "venerdì": 4, "venerdi": 4, "sabato": 5, "domenica": 6,
    "poniedziałek": 0, "wtorek": 1, "środa": 2, "środę": 2, "czwartek": 3, "piątek": 4, "sobota": 5,
    "sobotę": 5, "niedziela": 6, "niedzielę": 6, "poniedziałku": 0, "wtorku": 1, "środy": 2,
    "czwartku": 3, "piątku": 4, "soboty": 5, "niedzieli": 6,
    "måndag": 0, "tisdag": 1, "onsdag": 2, "torsdag": 3, "fredag": 4, "lördag": 5, "söndag": 6,
    "mandag": 0, "tirsdag": 1, "lørdag": 5, "søndag": 6,
}  # fmt: skip
# Shorthand ("tmrw") is how people write from a phone; Dutch "morgen" is spelled as in German.
_RELATIVE_DAYS = {"today": 0, "tomorrow": 1, "tmrw": 1, "tmw": 1, "tomorow": 1, "heute": 0,
                  "morgen": 1, "demain": 1, "aujourd'hui": 0, "hoy": 0, "mañana": 1, "vandaag": 0,
                  "hoje": 0, "amanhã": 1, "oggi": 0, "domani": 1, "dziś": 0, "dzisiaj": 0, "jutro": 1,
                  "idag": 0, "i dag": 0, "imorgon": 1, "i morgon": 1, "i morgen": 1}  # fmt: skip


_MONTH = rf"(?P<month>{word_alternation(_MONTHS)})\.?"
_WEEKDAY = rf"(?P<weekday>{word_alternation(_WEEKDAYS)})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º)?\.?"
_YEAR = r"(?P<year>20\d\d)"

_DATE_PATTERNS = [
    # Thursday, December 3, 2026 · Thu Dec 3 · December 3rd
    re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b"),
    # 3 December 2026 · Donnerstag, 3. Dezember 2026 · jeudi 3 décembre · 3 de diciembre de 2026
    re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+|le\s+|el\s+|den\s+)?{_DAY}\s+(?:de\s+|of\s+)?{_MONTH}"
        rf"(?:,?\s+(?:de\s+)?{_YEAR})?",
    ),
    re.compile(r"\b(?P<year>20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(r"\b(?:" + _WEEKDAY + r",?\s+)?(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>20\d\d)\b"),
    # "Dienstag, 01.12. um 10 Uhr": day and month with the closing dot, no year.
    re.compile(r"\b(?:" + _WEEKDAY + r",?\s+)?(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?![\d])"),
    re.compile(r"\b(?:" + _WEEKDAY + r",?\s+)?(?P<month>[0-3]?\d)/(?P<day>[0-3]?\d)(?:/(?P<year>(?:20)?\d\d))?\b"),
]  # fmt: skip
# A bare weekday must be written out: "Mon"/"Sat"/"Sun"/"Wed" are also words ("mon manager", "I sat
# with"), so an abbreviation only counts before a period, a comma or a time ("Thu at 2pm", "Fri 10am").
_SHORT_WEEKDAYS = ("thurs", "thur", "tues", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_WEEKDAY = rf"(?P<weekday>{word_alternation(set(_WEEKDAYS) - set(_SHORT_WEEKDAYS))})"
_SHORT_WEEKDAY = (
    rf"(?P<short>{word_alternation(_SHORT_WEEKDAYS)})"
    r"(?:\.|,|(?=\s+(?:at\s+|@\s*)?\d|\s*@|\s+(?:morning|afternoon|evening|am|pm)\b))"
)
_WHICH = (
    "this",
    "next",
    "coming",
    "on",
    "ce",
    "le",
    "el",
    "este",
    "am",
    "nächsten",
    "kommenden",
    "próximo",
    "aanstaande",
    "komende",
)
_RELATIVE = re.compile(
    rf"\b(?:(?P<rel>{word_alternation(_RELATIVE_DAYS)})|(?:(?P<which>{word_alternation(_WHICH)})\s+)?"
    rf"(?:{_FULL_WEEKDAY}\b|{_SHORT_WEEKDAY}))",
)
_NEXT_WEEK = {"next", "nächsten", "kommenden"}
# "Monday the 2nd", "by Friday the 6th", "on the 14th": a day of the month with no month named.
_DAY_OF_MONTH = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+(?:the\s+)?|the\s+)(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
    r"(?!\s+(?:round|stage|floor|step|interview|attempt|time|place|day|week|month|year|person|candidate))",
)
# "el jueves 12 a las 16:00", "mercredi 28", "dinsdag 8": a written-out weekday and a bare day of the
# month (not a time: "Friday 9:30", "Monday 10 am", "Tuesday 10-11").
_WEEKDAY_AND_DAY = re.compile(
    rf"\b{_FULL_WEEKDAY},?\s+(?:the\s+|el\s+|le\s+|den\s+|de\s+)?(?P<day>[1-9]|[12]\d|3[01])(?:er|º|\.|ste|de|e)?"
    r"(?![\d:.h]|\s*(?:[-–]|to\b|bis\b|tot\b|uhr\b|uur\b|h\b|hs\b|[ap]\.?m\b|o'clock))",
)
# "12/08/2026 (Tuesday)": a weekday after an explicit date restates it; read alone, it would be
# another date (this week's Tuesday).
_RESTATED_WEEKDAY = re.compile(rf"\s*[(,]?\s*{_WEEKDAY}\)?")


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    day: date


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
    year_text = groups.get("year")
    if month is None:
        return None
    readings = [(month, day_value, False)]
    if month_text.isdigit() and "/" in match.group(0):
        readings.append((day_value, month, True))
    found = [
        (day, swapped) for m, d, swapped in readings if (day := _dated(m, d, year_text, anchor)) is not None
    ]
    weekday_text = groups.get("weekday")
    weekday = _WEEKDAYS[weekday_text.lower().rstrip(".")] if weekday_text else None

    def likelihood(reading: tuple[date, bool]) -> tuple[bool, bool, int]:
        """ "3/12" is read by the weekday named with it, then by the language's habit, then as the
        reading nearest ahead of the Date header: mail arranges the coming weeks, not next spring."""
        day, swapped = reading
        ahead = (day - anchor).days
        return (
            weekday is not None and day.weekday() != weekday,
            day_first and not swapped,
            ahead if ahead >= -7 else 1000 - ahead,
        )

    return min(found, key=likelihood)[0] if found else None


def _dated(month: int, day_value: int, year_text: str | None, anchor: date) -> date | None:
    if not 1 <= month <= 12:
        return None
    if year_text:
        year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
    else:
        year = _year_for(month, day_value, anchor)
    try:
        return date(year, month, day_value)
    except ValueError:
        return None


def _day_of_month(match: re.Match[str], anchor: date, months: int) -> date | None:
    """The first date from the anchor on, within `months`, with that day of the month (and that
    weekday, if named): a bare "jueves 12" further off is more likely something else."""
    day_value = int(match.group("day"))
    weekday_text = match.group("weekday")
    weekday = _WEEKDAYS.get(weekday_text.lower().rstrip(".")) if weekday_text else None
    year, month = anchor.year, anchor.month
    for _ in range(months):
        try:
            candidate = date(year, month, day_value)
        except ValueError:
            candidate = None
        if candidate and candidate >= anchor and (weekday is None or candidate.weekday() == weekday):
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
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


def find_dates(text: str, anchor: date, day_first: bool = False) -> list[DateHit]:
    """Every date mention, explicit ones first claiming their span, then relative ones."""
    text = lowered(text)
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if not free(match.start(), match.end()):
                continue
            found = _date_from(match, anchor, day_first)
            if found is not None:
                hits.append(DateHit(match.start(), match.end(), found))
                restated = _RESTATED_WEEKDAY.match(text, match.end())
                taken.append((match.start(), restated.end() if restated else match.end()))
    for pattern, months in ((_DAY_OF_MONTH, 12), (_WEEKDAY_AND_DAY, 2)):
        for match in pattern.finditer(text):
            if (
                free(match.start(), match.end())
                and (found := _day_of_month(match, anchor, months)) is not None
            ):
                hits.append(DateHit(match.start(), match.end(), found))
                taken.append((match.start(), match.end()))
    for match in _RELATIVE.finditer(text):
        if free(match.start(), match.end()):
            found = _relative_date(match, anchor)
            if found is not None:
                hits.append(DateHit(match.start(), match.end(), found))
                taken.append((match.start(), match.end()))
    return sorted(hits, key=lambda hit: hit.start)
