"""Dates, clock times, ranges, zones and relative words in running text → aware spans."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.extract.times import (
    drop_superseded,
    find_clock_times,
    find_duration,
    find_spans,
    merge_consecutive,
)
from assistant.model import TimeSpan

NY, LA, BERLIN = ZoneInfo("America/New_York"), ZoneInfo("America/Los_Angeles"), ZoneInfo("Europe/Berlin")
# The Date header of the message the text came from: Monday 26 October 2026, 09:00 in California.
SENT = datetime(2026, 10, 26, 9, 0, tzinfo=timezone(timedelta(hours=-7)))


def _starts(text: str, anchor: datetime = SENT, day_first: bool = False) -> list[datetime]:
    return [span.start for span in find_spans(text, anchor, day_first)]


def _one(text: str, anchor: datetime = SENT, day_first: bool = False) -> TimeSpan:
    spans = find_spans(text, anchor, day_first)
    assert len(spans) == 1, (text, spans)
    return spans[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday, December 3, 2026 at 2:00 PM PT", datetime(2026, 12, 3, 14, 0, tzinfo=LA)),
        ("Thu, Dec 3 at 2pm ET", datetime(2026, 12, 3, 14, 0, tzinfo=NY)),
        ("December 3rd at 2 p.m. Eastern", datetime(2026, 12, 3, 14, 0, tzinfo=NY)),
        ("on 3 December 2026 at 14:00 CET", datetime(2026, 12, 3, 14, 0, tzinfo=BERLIN)),
        ("the 3rd of December at 11am London time", datetime(2026, 12, 3, 11, 0, tzinfo=ZoneInfo("Europe/London"))),
        ("am Donnerstag, 3. Dezember 2026 um 14:30 Uhr MEZ", datetime(2026, 12, 3, 14, 30, tzinfo=BERLIN)),
        ("am 03.12.2026 um 9.30 Uhr (deutscher Zeit)", datetime(2026, 12, 3, 9, 30, tzinfo=BERLIN)),
        ("le jeudi 3 décembre 2026 à 14h30 (heure de Paris)", datetime(2026, 12, 3, 14, 30, tzinfo=ZoneInfo("Europe/Paris"))),
        ("el jueves 3 de diciembre de 2026 a las 16:00 (hora de Madrid)", datetime(2026, 12, 3, 16, 0, tzinfo=ZoneInfo("Europe/Madrid"))),
        ("Dec 3 at noon PT", datetime(2026, 12, 3, 12, 0, tzinfo=LA)),
        ("2026-12-03 at 15:30 UTC", datetime(2026, 12, 3, 15, 30, tzinfo=UTC)),
        ("12/03/2026 at 12:30 AM ET", datetime(2026, 12, 3, 0, 30, tzinfo=NY)),
        ("Thursday, December 3 at 3:30 PM IST", datetime(2026, 12, 3, 15, 30, tzinfo=ZoneInfo("Asia/Kolkata"))),
        ("at 2pm ET on Thursday, Dec 3", datetime(2026, 12, 3, 14, 0, tzinfo=NY)),
        ("Thursday 3 December at 14.00 GMT", datetime(2026, 12, 3, 14, 0, tzinfo=UTC)),
        ("Tuesday 1 December at 9.30am AEDT", datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("Australia/Sydney"))),
        # a region after the time, before another zone in the same line
        ("Tuesday, November 10, 1:00–2:00 p.m. Atlantic (noon–1:00 p.m. Eastern for you)",
         datetime(2026, 11, 10, 13, 0, tzinfo=ZoneInfo("America/Halifax"))),
    ],
)  # fmt: skip
def test_explicit_dates_in_four_languages(text: str, expected: datetime) -> None:
    span = find_spans(text, SENT)[0]
    assert span.start == expected
    assert span.start.utcoffset() == expected.utcoffset()


def test_daylight_saving_follows_the_date_not_the_letters() -> None:
    assert _one("Monday, November 2, 2026 at 2pm ET").start.utcoffset() == timedelta(hours=-5)
    assert _one("Friday, October 30, 2026 at 2pm ET").start.utcoffset() == timedelta(hours=-4)
    assert _one("Friday, October 30, 2026 at 2pm EST").start.utcoffset() == timedelta(hours=-4)


def test_no_zone_takes_the_date_headers_offset() -> None:
    span = _one("Thursday, December 3 at 2:00 PM")
    assert span.start == datetime(2026, 12, 3, 14, 0, tzinfo=SENT.tzinfo)


def test_a_zone_named_once_in_the_text_applies_to_its_other_times() -> None:
    text = "Time: 2:00 PM – 3:30 PM EST, Thursday, December 3\n\nSchedule\nDecember 3, 2:00 PM Data design"
    assert _starts(text) == [datetime(2026, 12, 3, 14, 0, tzinfo=NY)] * 2


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Thursday, Dec 3, 2:00–2:45 PM PT", time(14, 0), time(14, 45)),
        ("Thursday, Dec 3, 2:00 PM - 2:45 PM PT", time(14, 0), time(14, 45)),
        ("Thursday, Dec 3, 2-3pm PT", time(14, 0), time(15, 0)),
        ("Thursday, Dec 3, 11am–12pm PT", time(11, 0), time(12, 0)),
        ("Thursday, Dec 3, 11:00-12:00 PM PT", time(11, 0), time(12, 0)),
        ("Thursday, Dec 3, 11-12pm PT", time(11, 0), time(12, 0)),
        ("Thursday, Dec 3, 11:30am-12:15pm PT", time(11, 30), time(12, 15)),
        ("Thursday, Dec 3, 9:00 a.m. – 10:00 a.m. PT", time(9, 0), time(10, 0)),
        ("Thursday, Dec 3 from 9:30 to 10:15 PT", time(9, 30), time(10, 15)),
        ("Thursday, Dec 3, 10:00–11:00 AM Pacific", time(10, 0), time(11, 0)),
        ("jeudi 3 décembre de 14h30 à 15h15 (heure de Paris)", time(14, 30), time(15, 15)),
        ("Donnerstag, 3. Dezember, 14:00 bis 15:00 Uhr", time(14, 0), time(15, 0)),
        ("donderdag 3 december van 10.00 tot 11.00 uur", time(10, 0), time(11, 0)),
        ("donderdag 3 december om 09.30 uur, reken op een uur", time(9, 30), None),
        ("torsdag 3 december kl. 14.00–15.00", time(14, 0), time(15, 0)),
        ("czwartek 3 grudnia, godz. 10:00–11:00", time(10, 0), time(11, 0)),
        ("giovedì 3 dicembre dalle 10:00 alle 11:00", time(10, 0), time(11, 0)),
        ("torsdag 3 december kl 9", time(9, 0), None),
    ],
)
def test_ranges(text: str, start: time, end: time) -> None:
    span = _one(text)
    assert (span.start.time(), span.end.time() if span.end else None) == (start, end)
    assert span.start.date() == date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("tomorrow at 10am", date(2026, 10, 27)),
        ("today at 4pm", date(2026, 10, 26)),
        ("this Thursday at 11:00 AM", date(2026, 10, 29)),
        ("on Thursday at 11:00 AM", date(2026, 10, 29)),
        ("Thursday at 2pm", date(2026, 10, 29)),
        ("next Tuesday at 4pm", date(2026, 11, 3)),
        ("next Monday at 4pm", date(2026, 11, 2)),
        ("next Friday at 4pm", date(2026, 11, 6)),
        ("Monday at 4pm", date(2026, 10, 26)),
        ("demain à 14h", date(2026, 10, 27)),
        ("morgen um 14 Uhr", date(2026, 10, 27)),
        ("mañana a las 14:00", date(2026, 10, 27)),
        ("am nächsten Dienstag um 10 Uhr", date(2026, 11, 3)),
    ],
)
def test_relative_days_count_from_the_date_header(text: str, day: date) -> None:
    assert _one(text).start.date() == day


def test_relative_days_use_the_date_headers_own_calendar_day() -> None:
    late_friday = datetime(2026, 10, 30, 23, 30, tzinfo=timezone(timedelta(hours=-7)))  # Sat in UTC
    assert _one("tomorrow at 10am PT", late_friday).start == datetime(2026, 10, 31, 10, 0, tzinfo=LA)


@pytest.mark.parametrize(
    "text",
    [
        "Mon manager vous appellera à 14h.",  # French "my", not Monday
        "I sat with the team at 3pm.",
        "Call me at 415-555-0186 or 212.555.0142.",
        "Meeting ID: 845 1293 7706 / Passcode: 318204",
        "The role pays $120,000-$140,000.",
        "Reply within 24 hours.",
        # deadlines for the candidate
        "You must schedule your interview by Friday, November 6, 2026 at 5:00 p.m. Eastern Time.",
        "Merci de nous retourner le formulaire avant le 4 décembre à 12h.",
        "Bitte bestätigen Sie spätestens am 04.12.2026 um 12:00 Uhr.",
        "Graag uiterlijk vrijdag 6 november om 14.00 uur reageren.",
        "Ankunft am Dienstag, 1. Dezember: 8:45 Uhr am Empfang.",
    ],
)
def test_things_that_are_not_interview_times(text: str) -> None:
    assert find_spans(text, SENT) == []


def test_offsets_in_calendar_style_text_are_zones_not_times() -> None:
    span = _one("Thu Dec 3, 2026 2:30pm – 3:15pm (GMT-05:00) Eastern Time - New York")
    assert span == TimeSpan(
        datetime(2026, 12, 3, 14, 30, tzinfo=NY), datetime(2026, 12, 3, 15, 15, tzinfo=NY)
    )
    outlook = _one("Wednesday, July 15, 2026 10:00 AM-10:45 AM (UTC-05:00) Eastern Time (US & Canada)")
    assert outlook.start.utcoffset() == timedelta(hours=-4)


def test_numeric_dates_read_by_weekday_then_language_then_nearness() -> None:
    assert _one("le 03/12/2026 à 14h", day_first=True).start.date() == date(2026, 12, 3)
    assert _one("on 03/12/2026 at 2pm").start.date() == date(2026, 12, 3), "March 12 has passed"
    assert _one("Thursday 3/12 at 2pm GMT").start.date() == date(2026, 12, 3)
    assert _one("Friday 1/8 at 2pm").start.date() == date(2027, 1, 8), "the weekday decides"
    assert _one("27/11 at 3pm").start.date() == date(2026, 11, 27), "no 27th month"
    assert _one("am Dienstag, 01.12. um 10 Uhr", day_first=True).start.date() == date(2026, 12, 1)
    assert _one("jeudi 3 déc. à 15h", day_first=True).start.date() == date(2026, 12, 3)


def test_dates_without_a_year_take_the_next_one() -> None:
    january = datetime(2026, 12, 20, 9, 0, tzinfo=UTC)
    assert _one("Tuesday, January 5 at 10am", january).start.date() == date(2027, 1, 5)


def test_a_time_pairs_with_the_nearest_date_before_it() -> None:
    text = "Thanks for Monday's chat! Your onsite is Thursday, December 3.\nIt starts at 10:00 AM PT."
    assert _starts(text) == [datetime(2026, 12, 3, 10, 0, tzinfo=LA)]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("a 45-minute video call", 45), ("45 min", 45), ("for 1 hour", 60), ("an hour-long chat", 60),
        ("90 minutes", 90), ("a one-hour panel", 60), ("1.5 hours", 90), ("1,5 Stunden", 90), ("30-min screen", 30),
        ("Please arrive 10 minutes early. The interview lasts 45 minutes.", 45),
        ("The join link is emailed one hour before. It is a 30 minute call.", 30),
    ],
)  # fmt: skip
def test_durations(text: str, minutes: int) -> None:
    assert find_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize(
    "text", ["respond within 24 hours", "arrive 10 minutes early", "5 minutes", "no duration"]
)
def test_not_durations(text: str) -> None:
    assert find_duration(text) is None


def _span(start: str, end: str | None = None) -> TimeSpan:
    def at(value: str) -> datetime:
        hour, minute = map(int, value.split(":"))
        return datetime(2026, 12, 3, hour, minute, tzinfo=NY)

    return TimeSpan(at(start), at(end) if end else None)


def test_a_panel_of_consecutive_slots_is_one_span() -> None:
    slots = [_span("14:00", "14:45"), _span("14:45", "15:30"), _span("15:40", "16:15")]
    assert merge_consecutive(slots) == _span("14:00", "16:15")


def test_slots_far_apart_or_on_other_days_are_not_merged() -> None:
    other_day = TimeSpan(datetime(2026, 12, 4, 15, 0, tzinfo=NY), datetime(2026, 12, 4, 16, 0, tzinfo=NY))
    assert merge_consecutive([_span("14:00", "14:45"), _span("16:00", "17:00")]) == _span("14:00", "14:45")
    assert merge_consecutive([_span("14:00", "14:45"), other_day]) == _span("14:00", "14:45")
    assert merge_consecutive([]) is None


def test_a_schedule_table_gives_one_span_for_the_whole_panel() -> None:
    text = (
        "Here is your schedule for Wednesday, December 9 (Eastern Time):\n"
        "Time | Interviewer\n1:00 PM – 1:45 PM | Priya Shah\n1:45 PM – 2:30 PM | Marcus Bell\n"
    )
    spans = find_spans(text, SENT)
    assert merge_consecutive(spans) == TimeSpan(
        datetime(2026, 12, 9, 13, 0, tzinfo=NY), datetime(2026, 12, 9, 14, 30, tzinfo=NY)
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("nächsten Dienstag von 10 bis 12 Uhr bei uns im Büro", 10, 12),
        ("Dienstag, 1. Dezember, 10-12 Uhr", 10, 12),
        ("dinsdag 1 december van 9 tot 11 uur", 9, 11),
        ("mardi 1er décembre de 14 à 16h", 14, 16),
        ("el jueves 3/12 de 15 a 16 hs", 15, 16),
        ("jeudi 3 décembre de 9 h 30 à 11 h", 9, 11),
    ],
)
def test_a_bare_hour_before_a_24_hour_end_starts_the_range(text: str, start: int, end: int) -> None:
    span = find_spans(text, SENT)[0]
    assert (span.start.hour, span.end.hour if span.end else None) == (start, end)


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("dinsdag 1 december om 10u30", 10, 30),
        ("morgen om 15u", 15, 0),
        ("le jeudi 3 décembre à 13 h 30", 13, 30),
    ],
)
def test_flemish_and_quebec_clock_times(text: str, hour: int, minute: int) -> None:
    start = find_spans(text, SENT)[0].start
    assert (start.hour, start.minute) == (hour, minute)


def test_an_arrival_time_is_not_the_start() -> None:
    text = "Date: Tuesday 1st December 2026\nPlease arrive by 09:15 to sign in. The first session begins at 09:30."
    assert [s.start.time() for s in find_spans(text, SENT)] == [time(9, 30)]


def test_a_slot_followed_by_another_is_no_deadline() -> None:
    text = "Thursday, December 3: 10:00–10:45 with Priya, followed by 11:00–11:45 with the team (PT)"
    assert len(find_spans(text, SENT)) == 2


def test_rows_of_a_long_itinerary_far_below_its_date_keep_its_day() -> None:
    rows = "".join(
        f"- {start} – {end} : {who}, Senior Engineer ({who.split()[0].lower()}@ostea.example), on-site, room B204\n"
        for start, end, who in [
            ("09h30", "10h15", "Thomas Viguier"),
            ("10h15", "11h00", "Hélène Borel"),
            ("11h00", "11h15", "Pause café avec l'équipe"),
            ("11h15", "12h00", "Karim Haddad"),
        ]
    )
    text = f"Vendredi 4 décembre 2026 (heure de Paris)\nProgramme de la matinée\n{rows}\nÀ très vite !"
    paris = ZoneInfo("Europe/Paris")
    assert merge_consecutive(find_spans(text, SENT)) == TimeSpan(
        datetime(2026, 12, 4, 9, 30, tzinfo=paris), datetime(2026, 12, 4, 12, 0, tzinfo=paris)
    )


_ZONES = {
    "PT": "America/Los_Angeles", "Pacific": "America/Los_Angeles", "ET": "America/New_York",
    "Eastern": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "CET": "Europe/Berlin",
    "London time": "Europe/London", "IST": "Asia/Kolkata", "UTC": "UTC", "GMT": "UTC",
}  # fmt: skip
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"]  # fmt: skip


def _render(day: date, hour: int, minute: int, word: str, style: int) -> str:
    h12 = hour % 12 or 12
    meridiem = "AM" if hour < 12 else "PM"
    month = _MONTH_NAMES[day.month - 1]
    weekday = day.strftime("%A")
    clock12 = f"{h12}:{minute:02d} {meridiem}" if minute or style % 2 else f"{h12}{meridiem.lower()}"
    return [
        f"Your interview is on {weekday}, {month} {day.day}, {day.year} at {clock12} {word}.",
        f"Date: {month[:3]} {day.day}, {day.year}\nTime: {clock12} {word}",
        f"We'll see you {day.day} {month} {day.year}, {hour:02d}:{minute:02d} {word}.",
        f"Confirmed for {day.month}/{day.day}/{day.year} @ {clock12} ({word})",
        f"Start: {day.isoformat()} {hour:02d}:{minute:02d} {word}",
    ][style]


@settings(max_examples=250, deadline=None)
@given(
    day=st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 12, 31)),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    word=st.sampled_from(sorted(_ZONES)),
    style=st.integers(0, 4),
)
def test_any_rendered_instant_is_found_exactly(
    day: date, hour: int, minute: int, word: str, style: int
) -> None:
    text = _render(day, hour, minute, word, style)
    anchor = datetime.combine(day - timedelta(days=9), time(9, 0), tzinfo=UTC)
    expected = datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(_ZONES[word]))
    assert _starts(text, anchor) == [expected], text


@pytest.mark.parametrize(
    "text",
    [
        "We've moved your interview from Friday, October 30 at 2:00 PM to Wednesday, November 4 at 11:00 AM.",
        "The call is now on Wednesday, November 4 at 11:00 AM (previously: Friday, October 30 at 2:00 PM).",
        "Wir haben das Gespräch vom 30. Oktober um 14:00 auf den 4. November um 11:00 verschoben.",
    ],
)
def test_the_time_a_reschedule_replaces_is_dropped(text: str) -> None:
    spans = find_spans(drop_superseded(text), SENT, day_first=True)
    assert [s.start.date() for s in spans] == [date(2026, 11, 4)]


def test_a_range_inside_the_new_time_is_not_taken_for_a_replaced_one() -> None:
    text = "Let's move our chat to Monday, December 14 from 11:00 AM to 12:00 PM."
    assert drop_superseded(text) == text


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("Comptez 1h30 environ", 90), ("Durará aproximadamente una hora", 60), ("rund eine Stunde", 60),
     ("une heure d'échange", 60), ("a 60-minute technical conversation", 60)],
)  # fmt: skip
def test_durations_in_several_languages(text: str, minutes: int) -> None:
    assert find_duration(text) == timedelta(minutes=minutes)


def test_start_and_end_written_as_two_fields_are_one_slot() -> None:
    text = (
        "Date | Tuesday, December 8, 2026\nStart Time | 2:00 PM\nEnd Time | 3:00 PM\nTime Zone | Central Time"
    )
    span = _one(text)
    assert (span.start.hour, span.end.hour if span.end else None) == (14, 15)


def test_the_readers_own_clock_gives_way_to_the_writers_zone() -> None:
    text = "Tuesday, 10 November, 9am your time / 5pm mine (JST)."
    assert _starts(text) == [datetime(2026, 11, 10, 17, 0, tzinfo=ZoneInfo("Asia/Tokyo"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tessa is confirmed for Thurs @ 2 CT (3 ET for you)", datetime(2026, 10, 29, 14, 0, tzinfo=ZoneInfo("America/Chicago"))),
        ("tmrw 3ish works", datetime(2026, 10, 27, 15, 0, tzinfo=timezone(timedelta(hours=-7)))),
        ("Let's lock in next Mon morning, 10am.", datetime(2026, 11, 2, 10, 0, tzinfo=timezone(timedelta(hours=-7)))),
        ("Fri 10/30, 2-2:30p EST", datetime(2026, 10, 30, 14, 0, tzinfo=ZoneInfo("America/New_York"))),
        ("half two on Friday works perfectly", datetime(2026, 10, 30, 14, 30, tzinfo=timezone(timedelta(hours=-7)))),
    ],
)  # fmt: skip
def test_times_as_people_text_them(text: str, expected: datetime) -> None:
    assert _starts(text) == [expected]


def test_a_room_number_is_no_time() -> None:
    assert _starts("Room 2a on Friday, October 30") == []


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("see you tomorrow at 10.30 so", time(10, 30)),
        ("om 14.30 in Utrecht", time(14, 30)),
        ("rates at 3.50%", None),
        ("dan bel ik je donderdag om half tien", time(9, 30)),
        ("um halb drei im Büro", time(14, 30)),
    ],
)
def test_a_dotted_time_after_at_or_om_and_the_dutch_and_german_half_hour(
    text: str, clock: time | None
) -> None:
    hits = find_clock_times(text)
    assert [hit.begin for hit in hits] == ([clock] if clock else [])


def test_schedule_rows_take_the_date_stated_above_a_paragraph_of_arrival_notes() -> None:
    notes = "Please arrive at the Badge Office by 8:30 to receive your visitor badge. " * 6
    text = (
        f"Your schedule for Monday, December 7 is below.\n\n{notes}\n\n"
        "   9:00 -  9:50   Technical seminar\n  10:00 - 10:45   José Archuleta, Manager\n"
    )
    spans = find_spans(text, SENT)
    assert [s.start.date() for s in spans] == [date(2026, 12, 7), date(2026, 12, 7)]
