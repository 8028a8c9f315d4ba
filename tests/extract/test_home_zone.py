"""A Date header read in the writer's country's zone, so daylight saving follows the slot's date."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from assistant.extract import extract_facts
from assistant.extract.home_zone import writer_zone
from assistant.model import Address, Envelope
from assistant.parse import parse_message

SUMMER_TIME = timezone(timedelta(hours=2))


def _envelope(sender: str, date: datetime, reply_to: tuple[Address, ...] = ()) -> Envelope:
    return Envelope("<m@x>", "Termin", Address(sender), date, reply_to=reply_to)


def test_a_swiss_writer_in_summer_time_keeps_zurichs_rules() -> None:
    sent = datetime(2026, 10, 20, 11, 37, tzinfo=SUMMER_TIME)
    local = writer_zone(_envelope("thomas@kbseeland.ch", sent))
    assert local == sent
    assert local is not None
    assert local.tzinfo is not None
    assert local.tzinfo.utcoffset(datetime(2026, 10, 30, 14, 0)) == timedelta(hours=1)


def test_a_reply_to_address_names_the_country_when_the_sender_is_an_ats() -> None:
    sent = datetime(2026, 10, 15, 9, 12, tzinfo=SUMMER_TIME)
    envelope = _envelope("noreply@app.umantis.com", sent, (Address("mirjam@kbseeland.ch"),))
    local = writer_zone(envelope)
    assert local is not None
    assert local.utcoffset() == timedelta(hours=2)
    assert local.tzinfo is not None
    assert local.tzinfo.utcoffset(datetime(2026, 10, 28, 8, 30)) == timedelta(hours=1)


def test_an_offset_the_country_does_not_keep_stands_as_written() -> None:
    sent = datetime(2026, 10, 20, 11, 37, tzinfo=timezone(timedelta(hours=-7)))
    assert writer_zone(_envelope("sam@orbit.ch", sent)) is sent
    assert writer_zone(_envelope("sam@orbit.com", sent)) is sent


MESSAGE = """From: Thomas Ruegg <thomas@kbseeland.ch>
To: nadine@example.com
Subject: Vorstellungsgespräch neu am Freitag
Date: Tue, 20 Oct 2026 11:37:02 +0200
Message-ID: <n@kbseeland.ch>
Content-Type: text/plain; charset=utf-8

Sehr geehrte Frau Fässler

Unser Gespräch findet neu am Freitag, 30. Oktober 2026, 14.00 - 15.00 Uhr statt.

Freundliche Grüsse
Thomas Rüegg
Kantonalbank Seeland
"""


def test_a_slot_after_the_clocks_went_back_is_at_winter_time() -> None:
    facts = extract_facts(parse_message(MESSAGE.replace("\n", "\r\n").encode()), ("nadine@example.com",))
    assert facts.interview is not None
    assert facts.interview.start.isoformat() == "2026-10-30T14:00:00+01:00"
