"""Zone words → IANA zones (daylight saving follows the date) or fixed offsets."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from assistant.extract.zones import find_zone


def _offset_on(text: str, when: datetime) -> timedelta | None:
    found = find_zone(text)
    assert found is not None, text
    return when.replace(tzinfo=found[1]).utcoffset()


WINTER = datetime(2026, 12, 3, 14, 0)
SUMMER = datetime(2026, 7, 9, 14, 0)


@pytest.mark.parametrize(
    ("text", "winter", "summer"),
    [
        ("2pm PT", -8, -7), ("2pm PST", -8, -7), ("2pm PDT", -8, -7), ("11 AM Pacific", -8, -7),
        ("2pm ET", -5, -4), ("2pm EST", -5, -4), ("10:00 Eastern", -5, -4), ("2pm Eastern Time (ET)", -5, -4),
        ("9am CT", -6, -5), ("9am Central Time", -6, -5), ("9am MT", -7, -6), ("Mountain Time - Denver", -7, -6),
        ("14:00 CET", 1, 2), ("14:00 MEZ", 1, 2), ("14:00 Uhr deutscher Zeit", 1, 2),
        ("2pm London time", 0, 1), ("2pm UK time", 0, 1), ("14h30 heure de Paris", 1, 2),
        ("14:30 hora de Madrid", 1, 2), ("3:30 PM IST", 5.5, 5.5), ("14:00 GMT", 0, 0), ("14:00 UTC", 0, 0),
        ("(America/New_York)", -5, -4), ("Europe/Berlin", 1, 2),
        ("Pacific Standard Time", -8, -7), ("GMT Standard Time", 0, 1), ("W. Europe Standard Time", 1, 2),
        ("11am AEDT", 11, 10), ("10:00 NZST", 13, 12), ("14:00 EET", 2, 3), ("9am HKT", 8, 8),
        ("noon Central European Standard Time", 1, 2), ("16:00 horário de Brasília", -3, -3),
        ("10h heure de Montréal", -5, -4), ("3 pm GST", 4, 4), ("10:00 (AST)", -4, -3),
        ("4pm Irish time", 0, 1),
        ("09:00 hora canaria", 0, 1),
    ],
)  # fmt: skip
def test_zone_words_follow_daylight_saving(text: str, winter: float, summer: float) -> None:
    assert _offset_on(text, WINTER) == timedelta(hours=winter)
    assert _offset_on(text, SUMMER) == timedelta(hours=summer)


@pytest.mark.parametrize(
    ("text", "hours"),
    [("(GMT-05:00)", -5), ("GMT+5:30", 5.5), ("UTC+1", 1), ("UTC−03:00", -3), ("(UTC+01:00) Amsterdam", 1)],
)
def test_explicit_offsets_are_fixed(text: str, hours: float) -> None:
    assert _offset_on(text, SUMMER) == timedelta(hours=hours)


def test_outlooks_standard_offset_label_gives_way_to_the_zone_name() -> None:
    assert _offset_on("(UTC-05:00) Eastern Time (US & Canada)", SUMMER) == timedelta(hours=-4)
    assert _offset_on("(GMT-05:00) Eastern Time - New York", WINTER) == timedelta(hours=-5)


@pytest.mark.parametrize(
    "text",
    ["le jeudi et le vendredi", "Stamford, CT 06901", "Hartford, CT", "Bozeman, MT 59715", "PTO next week",
     "SEPT", "Zoom link", "", "the ICT team", "plus GST", "ART director", "WEST wing", "Chef de projet PST",
     "l'Échevine du PST"],
)  # fmt: skip
def test_words_that_are_not_zones(text: str) -> None:
    assert find_zone(text) is None


def test_the_first_zone_in_the_text_wins_and_its_position_is_given() -> None:
    found = find_zone("11:00 AM Pacific (2:00 PM Eastern)")
    assert found is not None
    position, tz = found
    assert position == 9
    assert WINTER.replace(tzinfo=tz).utcoffset() == timedelta(hours=-8)


@pytest.mark.parametrize(
    ("text", "winter_hours"),
    [("14:00 (Amsterdam time)", 1), ("10h00, heure de Bruxelles", 1), ("a las 9:00, hora de Lisboa", 0),
     ("3pm Singapore time", 8), ("9am Toronto time", -5)],
)  # fmt: skip
def test_a_city_with_time_names_the_citys_zone(text: str, winter_hours: int) -> None:
    assert _offset_on(text, WINTER) == timedelta(hours=winter_hours)


def test_a_three_part_iana_name_is_a_zone_and_its_folder_is_none() -> None:
    found = find_zone("TZID=America/Argentina/Buenos_Aires")
    assert found is not None
    assert WINTER.replace(tzinfo=found[1]).utcoffset() == timedelta(hours=-3)
    assert find_zone("see America/Argentina for details") is None


def test_a_region_after_a_word_for_the_times_is_a_zone() -> None:
    assert _offset_on("Below is your itinerary. All times are Central.", WINTER) == timedelta(hours=-6)
