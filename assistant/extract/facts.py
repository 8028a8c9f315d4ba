"""Message → `Facts`: the one entry point the daemon, `inspect` and `eval` share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from assistant.extract.classify import Signals, about_own_application, classify
from assistant.extract.company import find_company, find_role
from assistant.extract.domains import FREE_MAIL
from assistant.extract.people import (
    arranger,
    calendar_interviewers,
    is_machine,
    named_recipients,
    owner_of,
    text_interviewers,
    writer_takes_part,
)
from assistant.extract.timeline import find_respond_by
from assistant.extract.times import drop_superseded, find_duration, find_spans, merge_consecutive
from assistant.model import Address, CalendarEvent, Facts, Kind, Message, TimeSpan
from assistant.parse.quoted import is_forward, without_attributions

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
_FORWARD_SUBJECT = re.compile(r"^\s*(?:fwd?|wg|tr|rv|enc|i)\s*:", re.IGNORECASE)
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


def _text_span(text: str, anchor: datetime) -> TimeSpan | None:
    text = drop_superseded(text)
    lowered = text.lower()
    day_first = any(word in lowered for word in _DAY_FIRST_LANGS)
    spans = [s for s in find_spans(text, anchor, day_first) if s.start >= anchor - timedelta(hours=12)]
    span = merge_consecutive(spans)
    if span is not None and span.end is None and (duration := find_duration(text)):
        span = TimeSpan(span.start, span.start + duration)
    return span


def _forwarded(message: Message) -> bool:
    """A forward: the passed-on message below is what this mail is about, not history."""
    return bool(message.quoted) and (
        is_forward(message.quoted) or bool(_FORWARD_SUBJECT.match(message.envelope.subject))
    )


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
    forwarded = _forwarded(message)
    text = f"{message.text}\n{message.quoted}" if forwarded else message.text
    if relevant:
        span = _event_span(cancelled or requested, anchor)
    else:
        span = _text_span(message.text, anchor) or (
            _text_span(without_attributions(message.quoted), anchor) if forwarded else None
        )
    contact = arranger(envelope, owner)
    found_role = find_role(envelope.subject, message.text)
    signals = Signals(
        subject=envelope.subject,
        text=text,
        from_owner=from_owner,
        automated=envelope.automated,
        human_sender=contact is not None,
        is_reply=envelope.in_reply_to is not None,
        calendar_request=bool(requested),
        calendar_cancel=bool(cancelled),
        has_future_time=span is not None and span.start >= anchor - timedelta(hours=1),
        owner_is_colleague=_owner_is_colleague(message, owner),
        names_role=found_role is not None,
    )
    kind = classify(signals)
    role = company = None
    if kind is not Kind.OTHER or from_owner or about_own_application(signals):
        role = found_role
        company = find_company(envelope, message.text, role)
    interviewers: tuple[Address, ...] = ()
    event_uid = None
    if kind in (Kind.INTERVIEW_CONFIRMATION, Kind.CANCELLATION):
        if span is None and kind is Kind.CANCELLATION:
            span = _text_span(without_attributions(message.quoted), anchor)
        events = cancelled or requested
        if events:
            event_uid = events[0].uid
            joins = _organizer_joins(message, events[0])
            interviewers = tuple(a for e in events for a in calendar_interviewers(e, owner, joins))
        if not interviewers:
            interviewers = _text_people(message, owner, contact)
    elif kind is Kind.SCHEDULING_REQUEST and contact is not None and writer_takes_part(message.text):
        interviewers = (contact,)
    if kind not in (Kind.INTERVIEW_CONFIRMATION, Kind.CANCELLATION):
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


def _text_people(message: Message, owner: frozenset[str], contact: Address | None) -> tuple[Address, ...]:
    """Without a calendar part: people named with an address anywhere in the text (quoted and
    forwarded parts too), fellow recipients the text says the owner meets, and the writer when they
    say they hold the interview themselves."""
    envelope = message.envelope
    writers = [a for a in (*envelope.reply_to, envelope.sender) if a is not None]
    exclude = owner | {a.email for a in writers}
    writer_name = envelope.sender.name if envelope.sender else None
    found = text_interviewers(f"{message.text}\n{message.quoted}", frozenset(exclude), writer_name)
    found += named_recipients(envelope, owner, message.text)
    if contact is not None and (writer_takes_part(message.text) or (not found and _is_screen(message))):
        found += (contact,)
    return found


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
