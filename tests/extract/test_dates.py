"""Dates with no month named: "Monday the 2nd", "by Friday the 6th", read from the Date header."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.extract.dates import find_dates

WEDNESDAY_28_OCT = date(2026, 10, 28)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Locked in for Monday the 2nd, 4pm.", date(2026, 11, 2)),
        ("You'll have our answer by Friday the 6th.", date(2026, 11, 6)),
        ("Can we keep the 30th?", date(2026, 10, 30)),
        ("See you Tuesday 1st December", date(2026, 12, 1)),
        # the weekday decides between months: Thursday the 3rd is in December, not November
        ("Does Thursday the 3rd still work?", date(2026, 12, 3)),
    ],
)
def test_a_day_of_the_month_is_the_next_one_from_the_anchor(text: str, expected: date) -> None:
    assert [hit.day for hit in find_dates(text, WEDNESDAY_28_OCT)] == [expected]


@pytest.mark.parametrize("text", ["You're through to the 2nd round.", "Meet us on the 4th floor."])
def test_ordinals_that_count_something_else_are_no_dates(text: str) -> None:
    assert find_dates(text, WEDNESDAY_28_OCT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("donderdag 5 november om 14:00", date(2026, 11, 5)),
        ("quinta-feira, 5 de novembro às 14h", date(2026, 11, 5)),
        ("tmrw at 10am", date(2026, 10, 29)),
        ("amanhã às 9h", date(2026, 10, 29)),
    ],
)
def test_dutch_portuguese_and_shorthand_dates(text: str, expected: date) -> None:
    assert [hit.day for hit in find_dates(text, WEDNESDAY_28_OCT)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("el jueves 12 a las 16:00 h", [date(2026, 11, 12)]),
        ("mercredi 18 à 14h", [date(2026, 11, 18)]),
        ("Friday 9:30", [date(2026, 10, 30)]),  # a time, not the 9th
        ("Tuesday 10-11", [date(2026, 11, 3)]),  # a range of hours
        ("op woensdag de 18e om half twee", [date(2026, 11, 18)]),
    ],
)
def test_a_written_weekday_and_a_bare_day_of_the_month(text: str, expected: list[date]) -> None:
    assert [hit.day for hit in find_dates(text, WEDNESDAY_28_OCT)] == expected


def test_a_weekday_restating_an_explicit_date_is_not_another_date() -> None:
    assert [hit.day for hit in find_dates("Date: 11/05/2026 (Thursday)", WEDNESDAY_28_OCT)] == [
        date(2026, 11, 5)
    ]
