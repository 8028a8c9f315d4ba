"""Pairing dates with times across a layout: paragraphs, headings, schedule rows, bare afternoon hours."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from assistant.extract.times import find_slots, find_spans

# Monday 2 November 2026, 09:00 at UTC-8.
SENT = datetime(2026, 11, 2, 9, 0, tzinfo=timezone(timedelta(hours=-8)))
PACIFIC = timezone(timedelta(hours=-8))


def test_a_date_in_prose_does_not_date_a_time_paragraphs_below() -> None:
    text = (
        "Thanks for speaking with me on Wednesday. The panel enjoyed it.\n\n"
        "Use the form below; pick any windows between 9:00 AM and 4:00 PM Pacific."
    )
    assert find_spans(text, SENT) == []


def test_a_date_heading_dates_the_schedule_below_it() -> None:
    text = "Your onsite schedule\nThursday, November 12\n\n10:00 AM - 10:45 AM  Coding\n10:45 AM - 11:30 AM  Design"
    spans = find_spans(text, SENT)
    assert spans[0].start == datetime(2026, 11, 12, 10, 0, tzinfo=PACIFIC)


def test_a_sentence_introducing_a_table_dates_its_rows() -> None:
    text = (
        "Here is your agenda for Friday, November 13. Times are Pacific.\n\nTime | Session\n1:00 PM | Coding"
    )
    assert [span.start for span in find_spans(text, SENT)] == [datetime(2026, 11, 13, 13, 0, tzinfo=PACIFIC)]


def test_a_bare_hour_before_seven_is_an_afternoon() -> None:
    (span,) = find_spans("We're set for Thursday the 5th, 3:30-4:15.", SENT)
    assert (span.start.hour, span.end and span.end.hour) == (15, 16)


def test_a_twenty_four_hour_clock_keeps_its_hours() -> None:
    assert [s.start.hour for s in find_spans("Donnerstag, 5. November, 04:30 oder 9:15 Uhr", SENT, True)] == [
        4,
        9,
    ]


def test_a_slot_on_its_own_line_is_told_from_one_in_passing() -> None:
    laid_out = find_slots("Here's the plan:\n  - Tuesday 10 Nov, 14:00-15:00 PT\nTalk soon", SENT)
    in_passing = find_slots("The team meets on Tuesday, November 10 at 2pm to compare notes.", SENT)
    assert [slot.on_its_own_line for slot in laid_out] == [True]
    assert [slot.on_its_own_line for slot in in_passing] == [False]
