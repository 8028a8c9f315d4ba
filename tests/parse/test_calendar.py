"""text/calendar parts → events: every way a zone is written, cancellations, attendees."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.model import Address, Attendee, CalendarEvent
from assistant.parse.calendar import merge_events, parse_calendar

CUSTOM_ZONE = [
    "BEGIN:VTIMEZONE",
    "TZID:Customized Time Zone",
    "BEGIN:STANDARD",
    "DTSTART:16010101T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
]


def _calendar(*lines: str, method: str | None = "REQUEST") -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tests//EN"]
    if method:
        head.append(f"METHOD:{method}")
    return "\r\n".join([*head, *lines, "END:VCALENDAR"]) + "\r\n"


def _event(*lines: str, uid: str = "interview-1@ats.example") -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261120T120000Z", *lines, "END:VEVENT"]


def _only(data: str) -> CalendarEvent:
    events = parse_calendar(data)
    assert len(events) == 1
    return events[0]


def test_iana_tzid_resolves_with_the_daylight_saving_rule_of_the_date() -> None:
    winter = _only(_calendar(*_event("DTSTART;TZID=America/New_York:20261203T140000")))
    summer = _only(_calendar(*_event("DTSTART;TZID=America/New_York:20260709T140000")))
    assert winter.start == datetime(2026, 12, 3, 19, 0, tzinfo=UTC)
    assert summer.start == datetime(2026, 7, 9, 18, 0, tzinfo=UTC)


def test_windows_zone_name_without_a_vtimezone_block() -> None:
    event = _only(
        _calendar(
            *_event(
                "DTSTART;TZID=Pacific Standard Time:20261203T140000",
                "DTEND;TZID=Pacific Standard Time:20261203T144500",
            )
        )
    )
    assert event.start == datetime(2026, 12, 3, 22, 0, tzinfo=UTC)
    assert event.end == datetime(2026, 12, 3, 22, 45, tzinfo=UTC)


def test_custom_vtimezone_block_is_applied_to_each_date() -> None:
    events = parse_calendar(
        _calendar(
            *CUSTOM_ZONE,
            *_event("DTSTART;TZID=Customized Time Zone:20261203T140000", "DURATION:PT1H"),
            *_event("DTSTART;TZID=Customized Time Zone:20260703T140000", uid="summer@ats.example"),
        )
    )
    assert [(e.start, e.end) for e in events] == [
        (datetime(2026, 12, 3, 13, 0, tzinfo=UTC), datetime(2026, 12, 3, 14, 0, tzinfo=UTC)),
        (datetime(2026, 7, 3, 12, 0, tzinfo=UTC), None),
    ]


def test_utc_times() -> None:
    event = _only(_calendar(*_event("DTSTART:20261110T190000Z", "DTEND:20261110T200000Z")))
    assert event.start == datetime(2026, 11, 10, 19, 0, tzinfo=UTC)
    assert event.end == datetime(2026, 11, 10, 20, 0, tzinfo=UTC)


def test_floating_times_stay_naive_for_extraction_to_anchor() -> None:
    event = _only(_calendar(*_event("DTSTART:20261203T140000", "DURATION:PT45M")))
    assert event.start == datetime(2026, 12, 3, 14, 0)
    assert event.end == datetime(2026, 12, 3, 14, 45)


def test_an_unknown_tzid_without_vtimezone_is_read_as_floating() -> None:
    event = _only(_calendar(*_event('DTSTART;TZID="(UTC-08:00) Pacific Time (US & Canada)":20261203T140000')))
    assert event.start == datetime(2026, 12, 3, 14, 0)


def test_all_day_events_have_no_time() -> None:
    event = _only(_calendar(*_event("DTSTART;VALUE=DATE:20261203", "DTEND;VALUE=DATE:20261204")))
    assert event.start is None
    assert event.end is None


@pytest.mark.parametrize(
    ("method", "status", "cancelled"),
    [("CANCEL", None, True), ("REQUEST", "CANCELLED", True), ("PUBLISH", "CANCELLED", True),
     ("REQUEST", "CONFIRMED", False), (None, None, False)],
)  # fmt: skip
def test_cancellation_by_method_or_status(method: str | None, status: str | None, cancelled: bool) -> None:
    lines = ["DTSTART:20261203T190000Z", "SEQUENCE:2"] + ([f"STATUS:{status}"] if status else [])
    event = _only(_calendar(*_event(*lines), method=method))
    assert event.cancelled is cancelled
    assert event.method == method
    assert event.sequence == 2


def test_organizer_and_attendees_with_their_parameters() -> None:
    event = _only(
        _calendar(
            *_event(
                "DTSTART:20261203T190000Z",
                "SUMMARY:Interview: Alex Morgan - Senior Data Engineer",
                "LOCATION:211 Hudson Street\\, 9th Floor",
                "ORGANIZER;CN=Dana Whitfield:mailto:dana.whitfield@northwind-analytics.com",
                'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN="Shah, Priya":',
                " mailto:Priya.Shah@northwind-analytics.com",
                'ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;CN="NYC-9-Hudson (8)":MAILTO:room.nyc-9@northwind-analytics.com',
                "ATTENDEE;CN=alex.morgan@example.com:mailto:alex.morgan@example.com",
                "ATTENDEE;CN=Broken:mailto:not an address",
                "ATTENDEE:urn:uuid:5f0c3e86-7a52-4b4c-9d3e-2f7a8c1b6d90",
            )
        )
    )
    assert event.summary == "Interview: Alex Morgan - Senior Data Engineer"
    assert event.location == "211 Hudson Street, 9th Floor"
    assert event.organizer == Address("dana.whitfield@northwind-analytics.com", "Dana Whitfield")
    assert event.attendees == (
        Attendee(
            Address("priya.shah@northwind-analytics.com", "Priya Shah"), "REQ-PARTICIPANT", "INDIVIDUAL"
        ),
        Attendee(
            Address("room.nyc-9@northwind-analytics.com", "NYC-9-Hudson (8)"), "NON-PARTICIPANT", "ROOM"
        ),
        Attendee(Address("alex.morgan@example.com", None)),
    )


@pytest.mark.parametrize(
    "data",
    ["", "not a calendar", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
     _calendar(*_event("DTSTART:garbage")), _calendar(*_event("DTSTART:20261203T190000Z", "SEQUENCE:x"))],
)  # fmt: skip
def test_malformed_calendars_give_no_events_rather_than_errors(data: str) -> None:
    assert all(event.start is not None for event in parse_calendar(data))


def test_the_same_event_inline_and_as_invite_ics_is_kept_once() -> None:
    inline = parse_calendar(_calendar(*_event("DTSTART:20261203T190000Z")))
    attached = parse_calendar(_calendar(*_event("DTSTART:20261203T190000Z"), method=None))
    moved = parse_calendar(_calendar(*_event("DTSTART:20261204T190000Z")))
    cancelled = parse_calendar(_calendar(*_event("DTSTART:20261203T190000Z"), method="CANCEL"))
    merged = merge_events([inline, attached, moved, cancelled])
    assert merged == (inline[0], moved[0], cancelled[0])


def test_alarms_descriptions_and_vendor_lines_are_not_needed_to_read_an_event() -> None:
    ics = (
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:u-1\r\nDTSTART:20261203T150000Z\r\n"
        "DTEND:20261203T160000Z\r\nSUMMARY:Interview\r\nDESCRIPTION:A long text\r\n  folded over lines\r\n"
        "X-ALT-DESC;FMTTYPE=text/html:<html><body>Join</body></html>\r\n"
        "ORGANIZER;CN=Dana:mailto:dana@northwind.example\r\n"
        "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=Priya:mailto:priya@northwind.example\r\n"
        "BEGIN:VALARM\r\nTRIGGER:-PT10M\r\nACTION:DISPLAY\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (event,) = parse_calendar(ics)
    assert (event.uid, event.method, event.summary) == ("u-1", "REQUEST", "Interview")
    assert event.start == datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    assert [a.address.email for a in event.attendees] == ["priya@northwind.example"]
