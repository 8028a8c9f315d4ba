"""text/calendar parts and .ics attachments → `CalendarEvent`s, via the icalendar library.

icalendar resolves TZIDs (IANA names, Windows names like "Pacific Standard Time", and custom
VTIMEZONE blocks), which is the part of calendar handling most worth not writing by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import icalendar

from assistant.model import Address, Attendee, CalendarEvent
from assistant.parse.headers import clean_text, person_name


def _address(value: Any) -> Address | None:
    if value is None:
        return None
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    local, at, domain = text.rpartition("@")
    if not at or not local or "." not in domain or any(c.isspace() or c in "<>," for c in text):
        return None
    params = getattr(value, "params", {})
    return Address(text, person_name(str(params.get("CN", "")), text))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _when(component: Any, name: str) -> datetime | None:
    """A datetime; floating times stay naive for extraction to anchor, all-day dates give None."""
    prop = component.get(name)
    value = getattr(prop, "dt", None)
    return value if isinstance(value, datetime) else None


def _end(event: Any, start: datetime | None) -> datetime | None:
    """DTEND, or DTSTART plus DURATION (RFC 5545 allows either)."""
    end = _when(event, "DTEND")
    duration = getattr(event.get("DURATION"), "dt", None)
    if end is None and start is not None and isinstance(duration, timedelta):
        return start + duration
    return end


def _attendees(event: Any) -> tuple[Attendee, ...]:
    found = []
    for raw in _as_list(event.get("ATTENDEE")):
        address = _address(raw)
        if address is None:
            continue
        params = getattr(raw, "params", {})
        found.append(
            Attendee(
                address=address,
                role=(params.get("ROLE") or None),
                cutype=(params.get("CUTYPE") or None),
            )
        )
    return tuple(found)


def _to_utc_if_aware(value: datetime | None) -> datetime | None:
    """Normalise custom VTIMEZONE tzinfo objects to UTC so records compare and pickle cleanly."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC)


# What the assistant never reads: alarms, descriptions (Outlook's X-ALT-DESC holds a whole HTML
# page), attachments and vendor extensions. icalendar parses every content line it is given, and
# these lines are half of a typical invitation, so they are dropped before parsing.
_UNREAD_PROPERTY = re.compile(r"(?:DESCRIPTION|ATTACH|X-[\w-]+)[;:]", re.IGNORECASE)


def _essentials(text: str) -> str:
    kept: list[str] = []
    skipping = in_alarm = False
    for line in text.replace("\r\n", "\n").split("\n"):
        upper = line.upper()
        if upper.startswith(("BEGIN:VALARM", "END:VALARM")):
            in_alarm = upper.startswith("BEGIN")
            continue
        if line[:1] in (" ", "\t"):
            if not (skipping or in_alarm):
                kept.append(line)
            continue
        skipping = bool(_UNREAD_PROPERTY.match(line))
        if not (skipping or in_alarm):
            kept.append(line)
    return "\n".join(kept)


def parse_calendar(data: bytes | str) -> tuple[CalendarEvent, ...]:
    """All events of one calendar object; malformed calendars give no events rather than errors."""
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    try:
        calendar = icalendar.Calendar.from_ical(_essentials(text))
    except (ValueError, KeyError, IndexError, TypeError):
        return ()
    method = str(calendar.get("METHOD") or "").upper() or None
    events = []
    for event in calendar.walk("VEVENT"):
        try:
            start = _when(event, "DTSTART")
            end = _end(event, start)
            sequence = int(event.get("SEQUENCE") or 0)
        except (ValueError, TypeError, KeyError):
            continue
        status = str(event.get("STATUS") or "").upper()
        events.append(
            CalendarEvent(
                method=method,
                uid=str(event.get("UID")) if event.get("UID") else None,
                sequence=sequence,
                summary=clean_text(str(event.get("SUMMARY") or "")),
                start=_to_utc_if_aware(start),
                end=_to_utc_if_aware(end),
                organizer=_address(event.get("ORGANIZER")),
                attendees=_attendees(event),
                cancelled=method == "CANCEL" or status == "CANCELLED",
                location=clean_text(str(event.get("LOCATION") or "")),
            )
        )
    return tuple(events)


def merge_events(groups: Iterable[tuple[CalendarEvent, ...]]) -> tuple[CalendarEvent, ...]:
    """One copy of each event: invitations often carry the same VEVENT inline and as invite.ics.

    The METHOD is not part of the key: an attached copy often lacks the METHOD line the inline
    part has, and it is still the same event.
    """
    seen: set[tuple[str | None, datetime | None, bool]] = set()
    merged = []
    for group in groups:
        for event in group:
            key = (event.uid, event.start, event.cancelled)
            if key not in seen:
                seen.add(key)
                merged.append(event)
    return tuple(merged)
