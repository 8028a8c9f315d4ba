"""Raw RFC 5322 bytes → `Message`."""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.errors import MessageError
from email.message import Message as MimePart
from email.parser import BytesParser
from typing import Any

from assistant.model import Address, Attendee, CalendarEvent, Message
from assistant.parse.calendar import merge_events, parse_calendar
from assistant.parse.headers import clean_text, envelope_from_message, person_name
from assistant.parse.html import html_to_text, json_ld_objects
from assistant.parse.quoted import split_quoted

_CALENDAR_TYPES = {"text/calendar", "application/ics", "text/x-vcalendar"}
_EVENT_TYPES = {"Event", "EventReservation", "BusinessEvent"}
# Mail labelled Latin-1 is nearly always windows-1252 (curly quotes, dashes), as browsers assume.
_CHARSET_ALIASES = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "latin1": "windows-1252"}
_MIN_PLAIN = 40
# What the stdlib MIME walk and the HTML and calendar readers raise on input they cannot read.
_PARSE_ERRORS = (
    LookupError, ValueError, TypeError, AttributeError, IndexError, AssertionError, RecursionError, MessageError
)  # fmt: skip


class UnparsableMessage(ValueError):
    """The bytes are not a usable message; the text never includes the message's content."""


def _decoded(part: MimePart) -> str:
    """The part's text in its declared charset, falling back rather than failing."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    declared = (part.get_content_charset() or "utf-8").strip().lower()
    for candidate in (_CHARSET_ALIASES.get(declared, declared), "utf-8", "windows-1252"):
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("latin-1")


def _is_attachment(part: MimePart) -> bool:
    disposition = str(part.get("Content-Disposition") or "").strip().lower()
    return disposition.startswith("attachment") or bool(part.get_filename())


def _is_calendar(part: MimePart) -> bool:
    filename = (part.get_filename() or "").lower()
    return part.get_content_type() in _CALENDAR_TYPES or filename.endswith(".ics")


def _iso(value: Any) -> datetime | None:
    """A schema.org date-time; a bare date says no time, so it gives none."""
    if not isinstance(value, str) or "T" not in value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _json_ld_events(html: str) -> tuple[CalendarEvent, ...]:
    """schema.org Event / EventReservation markup (Gmail's "event" cards) as calendar events."""
    events = []
    for obj in json_ld_objects(html):
        kind = obj.get("@type")
        kinds = {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}
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
            Attendee(Address(p["email"], person_name(str(p.get("name") or ""), p["email"])))
            for p in (performers if isinstance(performers, list) else [performers])
            if isinstance(p, dict) and isinstance(p.get("email"), str) and "@" in p["email"]
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


def _leaves(msg: MimePart) -> list[MimePart]:
    """The single parts in document order, not entering attached messages (forwarded history)."""
    leaves: list[MimePart] = []
    stack = [msg]
    while stack:
        part = stack.pop()
        if not part.is_multipart():
            leaves.append(part)
        elif part is msg or part.get_content_maintype() != "message":
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend(sub for sub in reversed(payload) if isinstance(sub, MimePart))
    return leaves


def _attached_messages(msg: MimePart) -> list[MimePart]:
    """Messages attached whole (message/rfc822): how Outlook forwards "as attachment"."""
    found: list[MimePart] = []
    for part in msg.walk():
        if part.get_content_type() == "message/rfc822" and isinstance(part.get_payload(), list):
            found.extend(sub for sub in part.get_payload() if isinstance(sub, MimePart))
    return found


def _readable(plain: str, html: str) -> str:
    """The plain part when it says something, else the HTML part as text."""
    text = plain if len(plain.strip()) >= _MIN_PLAIN or not html else html_to_text(html)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _as_forward(msg: MimePart) -> str:
    """An attached message written out as a forward's quoted block, so it reads like an inline one."""
    header = "\n".join(
        f"{name}: {clean_text(str(msg.get(name)))}"
        for name in ("From", "Date", "Subject", "To")
        if msg.get(name)
    )
    return f"---------- Forwarded message ---------\n{header}\n\n{_readable(*_parts(msg)[:2])}"


def _parts(msg: MimePart) -> tuple[str, str, list[str]]:
    """(first text/plain body, first text/html body, distinct calendar texts)."""
    plain: str | None = None
    html: str | None = None
    calendars: list[str] = []
    for part in _leaves(msg):
        if _is_calendar(part):
            text = _decoded(part).replace("\r\n", "\n").strip()
            if text and text not in calendars:
                calendars.append(text)
            continue
        kind = part.get_content_type()
        if kind not in ("text/plain", "text/html") or _is_attachment(part):
            continue
        if kind == "text/plain" and plain is None:
            plain = _decoded(part)
        elif kind == "text/html" and html is None:
            html = _decoded(part)
    return plain or "", html or "", calendars


def parse_message(raw: bytes) -> Message:
    """Parse one message; raises `UnparsableMessage` (and nothing else) when nothing usable is there."""
    try:
        msg = BytesParser(policy=policy.compat32).parsebytes(raw)
        if msg.keys():
            return _message(msg)
    except _PARSE_ERRORS as error:
        raise UnparsableMessage(type(error).__name__) from None
    raise UnparsableMessage("no header block")


def _message(msg: MimePart) -> Message:
    envelope = envelope_from_message(msg)
    plain, html, calendar_texts = _parts(msg)
    events = [parse_calendar(text) for text in calendar_texts]
    if html and "ld+json" in html:
        events.append(_json_ld_events(html))
    fresh, quoted = split_quoted(_readable(plain, html))
    forwards = [_as_forward(attached) for attached in _attached_messages(msg)]
    quoted = "\n\n".join(part for part in (quoted, *forwards) if part)
    return Message(envelope=envelope, text=fresh, quoted=quoted, events=merge_events(events))
