"""Interview times in running text: clock times, ranges, durations and zones, paired with dates.

dateutil's fuzzy parser takes one date out of a short string; mail needs every date and time in a
page of text, each with its position (to pair a time with its date and its zone), in four
languages, relative to the message's own Date header. That search is written here with regular
expressions; zoneinfo (via `zones`) does the calendar arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from assistant.extract.alternation import factored, lowered
from assistant.extract.dates import DateHit, find_dates
from assistant.extract.zones import find_zone
from assistant.model import TimeSpan

_CLOCK = (
    # "2pm", "2:30 p.m.", and the texter's "2:30p" (the letter attached to the digits)
    r"(?:(?P<{p}h>[0-2]?\d)(?:[:.h](?P<{p}m>[0-5]\d))?(?P<{p}ap>\s*[ap]\.?\s?m\.?|(?<=\d\d)[ap]|(?<=\d)[ap](?=\s*[-–]\s*\d{{1,2}}[ap]\b)|(?<=[-–]\d)[ap]|(?<=[-–]\d\d)[ap])(?![a-z])"
    # "14:30", "14h30", Québec's "13 h 30", Flemish "10u30"
    r"|(?P<{p}H>[0-2]?\d)(?::|\s?h\s?(?=[0-5]\d\b)|u(?=[0-5]\d\b)|\.(?=[0-5]\d\s*(?:uhr|uur|h\b|(?:[-–]|tot|bis)\s*[0-2]?\d[.:][0-5]\d|\(?(?:gmt|utc|[cw]es?t|bst|ist|sgt|aes?dt|uk time))))"
    r"(?P<{p}M>[0-5]\d)(?:\s*(?:uhr|uur|hs|h)\b)?"
    # "15 Uhr", "10 uur", "14h", the Rioplatense "15 hs" and the Flemish "15u"
    r"|(?P<{p}U>[0-2]?\d)(?:\s*(?:uhr|uur|hs|h)|u)\b"
    r"|(?P<{p}noon>\bnoon\b|\bmidday\b))"
)
# Not after a sign: "GMT-05:00" and "UTC+01:00" are zones, not times.
# Each pattern opens with a look-ahead at the characters it can start with: at the other positions
# (most of a text) the engine then gives up at once instead of trying every branch; a third of the
# time these searches took.
_TIME = re.compile(
    r"(?=[\dnm])(?<![\d/:.])(?<!(?:gmt|utc)[+\-−])"
    + _CLOCK.format(p="a")
    + r"(?:\s*(?:-|–|—|to|until|till|bis|à|a|hasta|tot|às|até|alle|do|til)\s*"
    + _CLOCK.format(p="b")
    + r")?",
)
# "2-3pm" takes the end's meridiem; "10 bis 12 Uhr", "9-11 uur", "14 à 16h" are on the 24-hour clock.
_BARE_RANGE_START = re.compile(
    r"(?=\d)(?<![\d/:.])(?:(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*(?:-|–|—|to)\s*(?=[01]?\d(?::[0-5]\d)?(?:\s*[ap]\.?m|[ap]\b))"
    r"|(?P<H>[01]?\d|2[0-3])\s*(?:-|–|—|bis|tot|à|a|hasta)\s*(?=(?:[01]?\d|2[0-3])\s*(?:uhr|uur|hs|h)\b))",
)
# "10 minutes early", "an hour before": how long to wait, not how long the interview is.
_DURATION = re.compile(
    r"(?=[\daotuedz])(?:(?<![\d.,])\b(?P<n>\d{1,3}(?:[.,]\d)?|an?|one|two|una|une?|eine[r]?|ein|dos|deux|zwei)[\s-]*"
    r"(?P<unit>minutes?|mins?|minuten|minutos|hours?|hrs?|stunden?|heures?|horas?|hora)\b"
    r"(?!\s+(?:early|before|prior|in advance|ahead|beforehand|earlier|vorher|avant|antes))"
    # "1h30", "1 h 30": an hour and a half, as French and German write a length of time
    r"|(?<![\d:.])(?<!à\s)\b(?P<hh>[1-4])\s?h\s?(?P<mm>[0-5]\d)\b(?=\s*(?:environ|min|ca\.?|approx|de|d'|\)|[.,;]|$)))",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "una": 1, "un": 1, "une": 1, "eine": 1, "einer": 1,
                 "ein": 1, "dos": 2, "deux": 2, "zwei": 2}  # fmt: skip
_PARAGRAPH_BREAK = re.compile(r"\n[ \t>]*\n")
_ZONE_WINDOW = 40
_PAIR_BEFORE = 300
_PAIR_AFTER = 40
_SCHEDULE_REACH = 1200


@dataclass(frozen=True, slots=True)
class _TimeHit:
    start: int
    end: int
    begin: time
    finish: time | None
    bare: bool = False


def _clock(match: re.Match[str], p: str, meridiem_hint: str | None) -> time | None:
    groups = match.groupdict()
    if groups.get(f"{p}noon"):
        return time(12, 0)
    if groups.get(f"{p}h") is not None:
        hour, minute = int(groups[f"{p}h"]), int(groups.get(f"{p}m") or 0)
        meridiem = groups[f"{p}ap"].lower().replace(".", "").replace(" ", "")
    elif groups.get(f"{p}H") is not None:
        hour, minute, meridiem = int(groups[f"{p}H"]), int(groups[f"{p}M"]), meridiem_hint or ""
        if not meridiem and _afternoon_by_habit(match, p):
            hour += 12
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


def _afternoon_by_habit(match: re.Match[str], p: str) -> bool:
    """ "4:00-4:45" with no am/pm is an afternoon: nobody is interviewed at four in the morning.
    Only a bare "h:mm" counts; "04:00", "4.00 Uhr" and "4h00" are written on a 24-hour clock."""
    hour_text = match.group(f"{p}H")
    after_minutes = match.string[match.end(f"{p}M") : match.end(f"{p}M") + 5].lower()
    separator = match.string[match.end(f"{p}H") : match.end(f"{p}H") + 1]
    return (
        separator == ":"
        and not hour_text.startswith("0")
        and 1 <= int(hour_text) <= 6
        and not re.match(r"\s*(?:uhr|uur|hs?\b)", after_minutes)
    )


def _start_before(begin: time, end: time) -> time:
    """A start read with the end's meridiem that falls after the end was in the morning ("11-12pm")."""
    return begin.replace(hour=begin.hour - 12) if begin > end and begin.hour >= 12 else begin


# Scandinavian "kl. 09.00-10.00", Polish "godz. 14.00", Italian "ore 14.30", Irish "at 10.30",
# Dutch "om 14.30": after such a word a dotted time is a clock time, read as "09:00" (the same
# length, so positions hold); "at 3.50%" is no time.
_CLOCK_WORD_DOTTED = re.compile(
    r"\b(?:kl|klo|godz|ore|at|om|um)\.?\s*(?:[01]?\d|2[0-3])\.[0-5]\d(?:\s*[-–]\s*\d{1,2}\.\d\d)?(?![\d%])"
)
_DIGIT_DOT = re.compile(r"(?<=\d)\.(?=\d\d)")
# "kl 9", "kl. 14", "godz. 10", "alle ore 11": a whole hour on the 24-hour clock after the word for "o'clock".
_CLOCK_WORD_HOUR = re.compile(r"\b(?:kl|klo|godz|ore)\.?\s*(?P<h>[01]?\d|2[0-3])\b(?![:.]\d)")


def find_clock_times(text: str) -> list[_TimeHit]:
    """Every clock time in `text`; the patterns are lower case and read a lower-cased copy."""
    text = _CLOCK_WORD_DOTTED.sub(lambda m: _DIGIT_DOT.sub(":", m.group()), lowered(text))
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
        if match.group("H") is not None:
            begin = time(int(match.group("H")), 0)
        else:
            hour = int(match.group("h")) % 12 + (12 if tail.begin.hour >= 12 else 0)
            begin = _start_before(time(hour, int(match.group("m") or 0)), tail.begin)
        if begin < tail.begin:
            hits.remove(tail)
            hits.append(_TimeHit(match.start(), tail.end, begin, tail.begin))
    taken = [(hit.start, hit.end) for hit in hits]
    for match in _CLOCK_WORD_HOUR.finditer(text):
        if all(match.end() <= a or match.start() >= b for a, b in taken):
            hits.append(_TimeHit(match.start(), match.end(), time(int(match.group("h")), 0), None))
            taken.append((match.start(), match.end()))
    for match in _BARE_HOUR.finditer(text):
        if all(match.end() <= a or match.start() >= b for a, b in taken):
            hits.append(
                _TimeHit(
                    match.start(),
                    match.end(),
                    _bare_clock(match),
                    None,
                    bare=True,
                )
            )
    return _without_conversions(text, sorted(hits, key=lambda hit: hit.start))


# "Tuesday 12/15 at 11 works": an hour with no minutes or am/pm, right after a date (see `find_slots`).
_BARE_HOUR = re.compile(
    r"(?=[a@uàh\do])(?:(?:\bat|@|\bum|\bà|\ba las|\balle)\s*(?P<h>1[0-2]|0?[1-9])\b|\b(?P<ish>1[0-2]|0?[1-9])\s?ish\b"
    # the British "half two" (2:30)
    r"|\bhalf (?:past )?(?P<half>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|1[0-2]|[1-9])\b"
    # the Dutch and German "om half tien", "um halb zehn": half an hour before the hour named (9:30)
    r"|\b(?:om half|um halb) (?P<before>een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf"
    r"|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\b)"
    r"(?![:.,]?\d|\s*(?:%|percent|people|persons|of\b|minutes?|mins?|hours?|years?|[ap]\.?m|uhr|uur|hs?\b))",
)


_HOUR_WORDS = {
    w: n
    for n, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], 1
    )
}


_HALF_BEFORE = {
    w: n
    for words in (
        ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"],
        ["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"],
    )
    for n, w in enumerate(words, 1)
}


def _bare_clock(match: re.Match[str]) -> time:
    """Office hours: "at 11" is the morning, "at 2" and "half two" the afternoon."""
    if before := match.group("before"):
        hour, minute = _HALF_BEFORE[before.lower()] - 1 or 12, 30
    else:
        half = match.group("half")
        text = half or match.group("h") or match.group("ish")
        hour, minute = _HOUR_WORDS.get(text.lower()) or int(text), 30 if half else 0
    return time(hour + 12 if 1 <= hour <= 6 else hour, minute)


# "9am your time / 5pm mine (JST)", "that's 10:00am for you": the same instant in the reader's zone,
# which the text does not name; the writer's own time beside it does.
_FOR_THE_READER = re.compile(
    r"\s*\(?(?:your (?:local )?time|for you\b|(?:in )?your (?:time ?zone|local time)|votre heure|heure pour vous"
    r"|ihrer (?:zeit|ortszeit)|bei ihnen|tu hora|hora local tuya)",
)


def _without_conversions(text: str, hits: list[_TimeHit]) -> list[_TimeHit]:
    def converted(hit: _TimeHit) -> bool:
        if not _FOR_THE_READER.match(text, hit.end):
            return False
        line_start = text.rfind("\n", 0, hit.start) + 1
        line_end = text.find("\n", hit.end) % (len(text) + 1)
        return any(other is not hit and line_start <= other.start <= line_end for other in hits)

    return [hit for hit in hits if not converted(hit)]


def find_duration(text: str) -> timedelta | None:
    for match in _DURATION.finditer(text):
        if match.group("hh"):
            return timedelta(hours=int(match.group("hh")), minutes=int(match.group("mm")))
        count_text = match.group("n").lower().replace(",", ".")
        count = float(count_text) if count_text[0].isdigit() else _NUMBER_WORDS[count_text]
        minutes = round(count if match.group("unit").lower().startswith("min") else count * 60)
        if 10 <= minutes <= 8 * 60:
            return timedelta(minutes=minutes)
    return None


def _zone_near(text: str, hit: _TimeHit, fallback: tzinfo) -> tzinfo:
    """The zone written right after the time. The window keeps the time's tail, so that a region
    that is a zone only after a time ("1:00 p.m. Atlantic", "9:30am Mountain") is read as one."""
    lead = min(8, hit.end)
    window = text[hit.end - lead : hit.end + _ZONE_WINDOW].split("\n", 1)[0]
    found = find_zone(window)
    return found[1] if found and found[0] >= lead else fallback


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
)


# A move stated with its new time: "Nous avons donc déplacé notre entretien au vendredi 4 décembre",
# "I've moved us to Monday at 9", "omgezet naar vrijdag 13 november". Times written before it are the
# old slot ("je ne pourrai pas être présent pour notre entretien prévu le mercredi 2 décembre à 9h00").
_MOVED_TO = re.compile(
    "(?:"
    + factored(
        r"\b(?:moved|rescheduled|pushed|shifted|déplacé|déplacer|déplaçons|reporté|décalé|omgezet|verzet|verplaatst|verschoven|"
        r"movido|movemos|cambiado|reprogramado|trasladado|trasladamos)\b[^.\n]{0,50}?\b(?:to|au|à|naar|para|al|a)\b"
        # "The new time is Friday 6 November, 09:30", "nouvelle date : …", "neuer Termin: …"
        r"|\b(?:the )?new (?:time|date|slot) (?:is|will be)\b|\bnouvel(?:le)? (?:date|horaire|créneau)\s*:"
        r"|\bneue[rn]? (?:termin|zeit|datum)\s*:|\bnieuwe (?:tijd|datum)\s*:|\bnueva (?:fecha|hora)\s*:"
    )
    + r")(?=[^.\n]{0,40}\d)",
)


def drop_superseded(text: str) -> str:
    """The text with replaced times blanked (same length, so positions still line up). The
    patterns are lower case and read a lower-cased copy."""
    low = lowered(text)
    spans = [match.span(_replaced(match)) for match in _SUPERSEDED.finditer(low)]
    text, low = _blanked(text, spans), _blanked(low, spans)
    moves = list(_MOVED_TO.finditer(low))
    if moves:
        cut = moves[-1].start()
        text = re.sub(r"\d", " ", text[:cut]) + text[cut:]
    return text


def _replaced(match: re.Match[str]) -> str:
    return next(name for name in ("old", "vom", "was") if match.group(name) is not None)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _line_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the line before `start` and after `end`."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end : line_end if line_end >= 0 else len(text)]


def _reaches(text: str, date_hit: DateHit, time_hit: _TimeHit) -> bool:
    """A date dates the times of its own paragraph. Across paragraphs only in a layout: the date
    stands as a heading ("Thursday, December 10" above a panel table) or the time opens a schedule
    row ("12:00 PM – 12:45 PM | System Design", "Time: 2pm"). In prose, "thanks for your time on
    Friday." says nothing about a time two paragraphs down."""
    if not _PARAGRAPH_BREAK.search(text, date_hit.end, time_hit.start):
        return True
    before, after = _line_around(text, date_hit.start, date_hit.end)
    heading = f"{before}{after}".strip()
    if len(heading) <= 80 and not heading.endswith((".", "!", "?")):
        return True
    label = _line_around(text, time_hit.start, time_hit.end)[0].strip()
    return not label or label.endswith("|") or (label.endswith(":") and len(label) <= 25)


def _paragraph(text: str, start: int, end: int) -> str:
    """The paragraph around a slot, with the one before it when that one introduces it ("…:")."""
    breaks = list(_PARAGRAPH_BREAK.finditer(text, 0, start))
    opening = breaks[-1].end() if breaks else 0
    if breaks and text[: breaks[-1].start()].rstrip().endswith(":"):
        opening = breaks[-2].end() if len(breaks) > 1 else 0
    closing = _PARAGRAPH_BREAK.search(text, end)
    return text[opening : closing.start() if closing else len(text)]


@dataclass(frozen=True, slots=True)
class Slot:
    """A (date, time) pair found in the text; `on_its_own_line` when the date opens a line of its
    own ("  Thursday 29 Oct, 13:00–14:00 CET", "- Date: Monday 2 Nov at 4pm"), the way people lay
    out a time they fix, as opposed to one mentioned in passing in a sentence."""

    span: TimeSpan
    on_its_own_line: bool
    context: str = ""


_END_LABEL = re.compile(
    r"^[\s>*•·-]*(?:end(?:s| time)?|until|finish(?:es)?|ende|endzeit|bis|fin|heure de fin|hasta|hora de fin|término)\s*[:|]\s*$",
    re.IGNORECASE,
)
# "You must schedule your interview by Friday, November 6 at 5:00 p.m.", "à retourner avant le 4
# décembre à 12h", "uiterlijk vrijdag 14.00 uur": a deadline for the candidate, never the interview.
_DEADLINE_BEFORE = re.compile(
    r"\b(?:(?<!followed )(?<!joined )(?<!hosted )(?<!led )by|before|no later than|deadline(?: is)?\s*:?|spätestens(?: bis)?(?: zum| am)?|bis spätestens(?: zum| am)?|"
    r"avant (?:le )?|d'ici (?:le )?|au plus tard (?:le )?|antes del?|a más tardar (?:el )?|uiterlijk(?: op)?)\s*$",
    re.IGNORECASE,
)
# "Please arrive by 09:15 to sign in", "Ankunft 8:45": when to be there, not when it starts.
_ARRIVAL_BEFORE = re.compile(
    r"\b(?:arrive|arrival|be there|check in|sign in|ankunft|eintreffen|arriver|arrivée|llegar|llegada|aanwezig)\b"
    r"[^.\n]{0,12}$",
    re.IGNORECASE,
)


def _deadline(text: str, at: int) -> bool:
    """A deadline or an arrival time stands right before position `at`."""
    return bool(
        _DEADLINE_BEFORE.search(text, max(0, at - 40), at)
        or _ARRIVAL_BEFORE.search(text, max(0, at - 40), at)
    )


# What may stand before a date that opens a detail line: a bullet, or a short label ("When:").
_LINE_OPENER = re.compile(r"^[\s>*•·-]*(?:[\w &]{1,20}:)?\s*$")


def find_slots(text: str, anchor: datetime, day_first: bool = False) -> list[Slot]:
    """Every (date, time) pair in the text as an aware span, in order of appearance."""
    assert anchor.tzinfo is not None
    times = find_clock_times(text)
    if not times:
        return []
    dates = find_dates(text, anchor.date(), day_first)
    if not dates:
        return []
    document_zone = find_zone(text)
    default_zone = document_zone[1] if document_zone else anchor.tzinfo
    slots: list[Slot] = []
    row: tuple[DateHit, int] | None = None  # the date of the schedule row before, and where it ended
    for hit in times:
        reach = _SCHEDULE_REACH if _opens_row(text, hit) else _PAIR_BEFORE
        before = [
            d for d in dates if d.end <= hit.start and hit.start - d.end <= reach and _reaches(text, d, hit)
        ]
        after = [
            d
            for d in dates
            if d.start >= hit.end
            and d.start - hit.end <= _PAIR_AFTER
            and not _PARAGRAPH_BREAK.search(text, hit.end, d.start)
        ]
        chosen = before[-1] if before else (after[0] if after else None)
        if chosen is None and row is not None and _continues_schedule(text, row[1], hit):
            # a long itinerary: rows far below the date heading still belong to its day
            chosen = row[0]
        if hit.bare:
            # A bare hour counts only right beside its date: "Tuesday 12/15 at 11", "half two on Friday".
            near_before = before[-1] if before and hit.start - before[-1].end <= 12 else None
            chosen = near_before or (after[0] if after and after[0].start - hit.end <= 15 else None)
        if chosen is None or any(_deadline(text, at) for at in {min(chosen.start, hit.start), hit.start}):
            continue
        tz = _zone_near(text, hit, default_zone)
        start = _combine(chosen.day, hit.begin, tz)
        end = _combine(chosen.day, hit.finish, tz) if hit.finish else None
        if end is not None and end <= start:
            end = None
        label = _line_around(text, hit.start, hit.end)[0]
        if _END_LABEL.search(label) and slots and slots[-1].span.end is None and slots[-1].span.start < start:
            # "Start Time | 2:00 PM" then "End Time | 3:00 PM": one slot, written as two fields.
            slots[-1] = Slot(
                TimeSpan(slots[-1].span.start, start), slots[-1].on_its_own_line, slots[-1].context
            )
            continue
        row = (chosen, hit.end)
        opens_line = bool(_LINE_OPENER.match(_line_around(text, chosen.start, chosen.end)[0]))
        context = _paragraph(text, min(chosen.start, hit.start), max(chosen.end, hit.end))
        slots.append(Slot(TimeSpan(start, end), opens_line, context))
    return slots


def _opens_row(text: str, hit: _TimeHit) -> bool:
    """A time range that opens its line: a schedule row ("  9:00 -  9:50   Technical seminar"), which
    takes its day from a date stated further up, past a paragraph of arrival instructions."""
    return hit.finish is not None and not _line_around(text, hit.start, hit.end)[0].strip()


def _continues_schedule(text: str, previous_end: int, hit: _TimeHit) -> bool:
    """The time opens a row right below a dated row: "- 11h15 – 12h00 : Dr Karim Haddad"."""
    return (
        hit.start - previous_end <= _PAIR_BEFORE
        and not _PARAGRAPH_BREAK.search(text, previous_end, hit.start)
        and bool(_LINE_OPENER.match(_line_around(text, hit.start, hit.end)[0]))
    )


def find_spans(text: str, anchor: datetime, day_first: bool = False) -> list[TimeSpan]:
    return [slot.span for slot in find_slots(text, anchor, day_first)]


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
