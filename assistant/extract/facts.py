"""Message → `Facts`: the one entry point the daemon, `inspect` and `eval` share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from assistant.extract.classify import Signals, classify
from assistant.extract.company import find_company, find_role
from assistant.extract.domains import FREE_MAIL
from assistant.extract.people import (
    arranger,
    calendar_interviewers,
    is_machine,
    owner_of,
    text_interviewers,
)
from assistant.extract.timeline import find_respond_by
from assistant.extract.times import find_duration, find_spans, merge_consecutive
from assistant.model import Address, CalendarEvent, Facts, Kind, Message, TimeSpan

_EPOCH_ANCHOR = datetime(2000, 1, 1, tzinfo=UTC)
_SCREEN = re.compile(
    r"phone screen|recruiter (?:screen|call)|intro(?:ductory)? call|screening call|quick call|give you a call|"
    r"(?:call|chat|speak|talk|meet) with me|i(?:'ll| will) call you",
    re.IGNORECASE,
)
_JOINS = re.compile(
    r"\b(?:joins? me|joining me|(?:meet|speak|chat|talk|interview)(?:ing)? with me|i(?:'ll| will) (?:join|be joining)|"
    r"our (?:conversation|chat|call|meeting))\b",
    re.IGNORECASE,
)
_DAY_FIRST_LANGS = ("uhr", "heure", "entretien", "entrevista", "gespräch", "hora")


def _anchor(message: Message) -> datetime:
    return message.envelope.date or _EPOCH_ANCHOR


def _localise(value: datetime, anchor: datetime) -> datetime:
    """Floating calendar times take the Date header's offset, as a person reading would."""
    return value if value.tzinfo is not None else value.replace(tzinfo=anchor.tzinfo)


def _event_span(events: list[CalendarEvent], anchor: datetime) -> TimeSpan | None:
    spans = sorted(
        (
            TimeSpan(_localise(e.start, anchor), _localise(e.end, anchor) if e.end else None)
            for e in events
            if e.start is not None
        ),
        key=lambda span: span.start,
    )
    return merge_consecutive(spans)


def _text_span(message: Message, anchor: datetime) -> TimeSpan | None:
    lowered = message.text.lower()
    day_first = any(word in lowered for word in _DAY_FIRST_LANGS)
    spans = [
        s for s in find_spans(message.text, anchor, day_first) if s.start >= anchor - timedelta(hours=12)
    ]
    span = merge_consecutive(spans)
    if span is not None and span.end is None and (duration := find_duration(message.text)):
        span = TimeSpan(span.start, span.start + duration)
    return span


def _owner_is_colleague(message: Message, owner: frozenset[str]) -> bool:
    """The owner shares a company domain with the sender: internal mail, not a candidate's."""
    sender = message.envelope.sender
    if sender is None:
        return False
    domain = sender.email.partition("@")[2]
    return domain not in FREE_MAIL and any(o.partition("@")[2] == domain for o in owner)


def extract_facts(message: Message, configured_owner: Iterable[str] = ()) -> Facts:
    envelope = message.envelope
    owner = owner_of(envelope, configured_owner)
    anchor = _anchor(message)
    sender = envelope.sender
    from_owner = sender is not None and sender.email in owner
    relevant = [e for e in message.events if e.start is not None]
    cancelled = [e for e in relevant if e.cancelled]
    requested = [e for e in relevant if not e.cancelled and e.method != "REPLY"]
    span = _event_span(cancelled or requested, anchor) if relevant else _text_span(message, anchor)
    contact = arranger(envelope, owner)
    signals = Signals(
        subject=envelope.subject,
        text=message.text,
        from_owner=from_owner,
        automated=envelope.automated,
        human_sender=contact is not None,
        is_reply=envelope.in_reply_to is not None,
        calendar_request=bool(requested),
        calendar_cancel=bool(cancelled),
        has_future_time=span is not None and span.start >= anchor - timedelta(hours=1),
        owner_is_colleague=_owner_is_colleague(message, owner),
    )
    kind = classify(signals)
    role = find_role(envelope.subject, message.text)
    company = find_company(envelope, message.text, role)
    interviewers: tuple[Address, ...] = ()
    event_uid = None
    if kind in (Kind.INTERVIEW_CONFIRMATION, Kind.CANCELLATION):
        events = cancelled or requested
        if events:
            event_uid = events[0].uid
            joins = _organizer_joins(message, events[0])
            interviewers = tuple(a for e in events for a in calendar_interviewers(e, owner, joins))
        if not interviewers:
            exclude = owner | {a.email for a in (*envelope.reply_to, sender) if a is not None}
            interviewers = text_interviewers(message.text, frozenset(exclude))
        if not interviewers and contact is not None and _is_screen(message):
            interviewers = (contact,)
    else:
        span = None
    return Facts(
        kind=kind,
        company=company,
        role=role,
        interview=span,
        interviewers=_dedupe(interviewers),
        respond_by=find_respond_by(message.text, anchor.date()),
        arranger=contact,
        event_uid=event_uid,
    )


def _is_screen(message: Message) -> bool:
    """A recruiter screen: the person who wrote holds the call themselves."""
    return bool(_SCREEN.search(f"{message.envelope.subject}\n{message.text}"))


def _organizer_joins(message: Message, event: CalendarEvent) -> bool:
    """The organizer wrote the mail and says they take part ("Ken will join me")."""
    organizer = event.organizer
    envelope = message.envelope
    writers = {a.email for a in (*envelope.reply_to, envelope.sender) if a is not None}
    return organizer is not None and organizer.email in writers and bool(_JOINS.search(message.text))


def _dedupe(addresses: tuple[Address, ...]) -> tuple[Address, ...]:
    seen: dict[str, Address] = {}
    for address in addresses:
        if address.email not in seen and not is_machine(address):
            seen[address.email] = address
    return tuple(seen.values())
