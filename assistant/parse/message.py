"""Raw RFC 5322 bytes → `Message`."""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.message import Message as MimePart
from email.parser import BytesParser
from typing import Any

from assistant.model import Address, Attendee, CalendarEvent, Message
from assistant.parse.calendar import merge_events, parse_calendar
from assistant.parse.headers import clean_text, envelope_from_message
from assistant.parse.html import html_to_text, json_ld_objects
from assistant.parse.quoted import split_quoted

_CALENDAR_TYPES = {"text/calendar", "application/ics", "text/x-vcalendar"}
_EVENT_TYPES = {"Event", "EventReservation", "BusinessEvent"}


class UnparsableMessage(ValueError):
    """The bytes are not a usable message; the text never includes the message's content."""


def _decoded(part: MimePart) -> str:
    """The part's text in its declared charset, falling back rather than failing."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    for candidate in (charset, "utf-8", "windows-1252"):
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("latin-1")


def _is_calendar(part: MimePart) -> bool:
    filename = (part.get_filename() or "").lower()
    return part.get_content_type() in _CALENDAR_TYPES or filename.endswith(".ics")


def _body_part(msg: EmailMessage, preference: tuple[str, ...]) -> MimePart | None:
    try:
        return msg.get_body(preferencelist=preference)
    except (KeyError, ValueError, AttributeError):
        return None


def _iso(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed


def _json_ld_events(html: str) -> tuple[CalendarEvent, ...]:
    events = []
    for obj in json_ld_objects(html):
        kind = obj.get("@type")
        kinds = set(kind) if isinstance(kind, list) else {kind}
        if not kinds & _EVENT_TYPES:
            continue
        target = obj.get("reservationFor") if "EventReservation" in kinds else obj
        if not isinstance(target, dict):
            continue
        start = _iso(target.get("startDate"))
        if start is None:
            continue
        performers = target.get("performer") or []
        attendees = tuple(
            Attendee(Address(p["email"], p.get("name")))
            for p in (performers if isinstance(performers, list) else [performers])
            if isinstance(p, dict) and isinstance(p.get("email"), str)
        )
        events.append(
            CalendarEvent(
                method="JSON-LD",
                uid=None,
                sequence=0,
                summary=clean_text(str(target.get("name") or "")),
                start=start,
                end=_iso(target.get("endDate")),
                attendees=attendees,
                cancelled="Cancelled" in str(target.get("eventStatus") or ""),
            )
        )
    return tuple(events)


def parse_message(raw: bytes) -> Message:
    """Parse one message; raises `UnparsableMessage` when nothing usable is there."""
    if not raw or b":" not in raw[:2000]:
        raise UnparsableMessage("no header block")
    try:
        msg: EmailMessage = BytesParser(policy=policy.default).parsebytes(raw)
        envelope = envelope_from_message(msg, raw)
        plain_part = _body_part(msg, ("plain",))
        html_part = _body_part(msg, ("html",))
        plain = _decoded(plain_part) if plain_part is not None else ""
        html = _decoded(html_part) if html_part is not None else ""
        calendars = [parse_calendar(_decoded(part)) for part in msg.walk() if _is_calendar(part)]
    except (LookupError, ValueError, TypeError, AttributeError, IndexError) as error:
        raise UnparsableMessage(type(error).__name__) from None
    if html:
        calendars.append(_json_ld_events(html))
    text = plain if len(plain.strip()) >= 40 or not html else html_to_text(html)
    fresh, quoted = split_quoted(text.replace("\r\n", "\n"))
    return Message(envelope=envelope, text=fresh, quoted=quoted, events=merge_events(calendars))
