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
