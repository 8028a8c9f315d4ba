"""Message → `Facts`: the one entry point the daemon, `inspect` and `eval` share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta

from assistant.extract.alternation import lowered
from assistant.extract.classify import Signals, about_own_application, classify
from assistant.extract.company import employer_labels, find_company, without_employer_name, writes_for_agency
from assistant.extract.home_zone import writer_zone
from assistant.extract.kind_model import document, load_model
from assistant.extract.naming import FORWARD_SUBJECT
from assistant.extract.people import (
    arranger,
    books_own_link,
    calendar_interviewers,
    is_machine,
    looks_back,
    name_in_address,
    named_as_met,
    named_recipients,
    owner_of,
    signed_by,
    text_interviewers,
    writer_takes_part,
)
from assistant.extract.role import find_role
from assistant.extract.second_opinion import reconsider
from assistant.extract.sender import (
    employer_named,
    from_employer_side,
    owner_is_candidate,
    owner_is_colleague,
)
from assistant.extract.timeline import find_respond_by
from assistant.extract.times import Slot, drop_superseded, find_duration, find_slots, merge_consecutive
from assistant.model import Address, CalendarEvent, Facts, Kind, Message, TimeSpan
from assistant.parse.quoted import is_forward, without_attributions
from assistant.parse.wrap import unwrap

_EPOCH_ANCHOR = datetime(2000, 1, 1, tzinfo=UTC)
_SCREEN = re.compile(
    r"phone screen|recruiter (?:screen|call)|intro(?:ductory)? call|screening call|quick call|give you a call|"
    r"(?:call|chat|speak|talk|meet) with me|i(?:'ll| will) call you",
    re.IGNORECASE,
)
# "Complete it by Tuesday, October 27 at 11:59 PM": a deadline, never an interview's start.
_DEADLINE_HOUR = time(23, 45)
_DAY_FIRST_LANGS = ("uhr", "heure", "entretien", "entrevista", "gespräch", "hora", "uur", "gesprek", "às")


def _anchor(message: Message) -> datetime:
    return writer_zone(message.envelope) or _EPOCH_ANCHOR


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


def _text_slots(text: str, anchor: datetime) -> list[Slot]:
    """The (date, time) pairs of the text that are not in the past and not replaced by a reschedule."""
    text = drop_superseded(text)
    lowered = text.lower()
    day_first = any(word in lowered for word in _DAY_FIRST_LANGS)
    return [
        s
        for s in find_slots(text, anchor, day_first)
        if s.span.start >= anchor - timedelta(hours=12) and s.span.start.time() < _DEADLINE_HOUR
    ]


def _one_laid_out_slot(slots: list[Slot]) -> str | None:
    """The paragraph of one future day with a time laid out on a line of its own: a slot stated,
    not options offered, and not a meeting mentioned in passing ("the team meets on Thursday at 3pm")."""
    if len({s.span.start.date() for s in slots}) != 1:
        return None
    return next((s.context for s in slots if s.on_its_own_line), None)


def _text_span(text: str, anchor: datetime, spans: list[TimeSpan] | None = None) -> TimeSpan | None:
    """The interview the text states: its first slot with the panel after it, and a duration in
    prose when no end time is written. `spans` saves finding the text's spans twice."""
    if spans is None:
        spans = [slot.span for slot in _text_slots(text, anchor)]
    span = merge_consecutive(spans)
    if span is not None and span.end is None and (duration := find_duration(text)):
        span = TimeSpan(span.start, span.start + duration)
    return span


# An outcome ends the wait for an answer, and `other` mail is not the employer's word on the
# application: a date in them ("please sign by", "complete the form by") is never a promise.
_NO_ANSWER_PENDING = frozenset({Kind.OFFER, Kind.REJECTION, Kind.OTHER})


def _forwarded(message: Message) -> bool:
    """A forward: the passed-on message below is what this mail is about, not history."""
    return bool(message.quoted) and (
        is_forward(message.quoted) or bool(FORWARD_SUBJECT.match(message.envelope.subject))
    )


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
    # Read once: the fresh text with wrapped lines joined, the history without its Date lines.
    prose = unwrap(message.text)
    history = without_attributions(message.quoted)
    labels = employer_labels(envelope)
    fresh_slots = _text_slots(message.text, anchor)
    if relevant:
        span = _event_span(cancelled or requested, anchor)
    else:
        span = _text_span(message.text, anchor, [slot.span for slot in fresh_slots]) or (
            _text_span(history, anchor) if forwarded else None
        )
        if (
            span is not None
            and span.end is None
            and forwarded
            and (duration := find_duration(message.quoted))
        ):
            span = TimeSpan(span.start, span.start + duration)
    contact = arranger(envelope, owner)
    # The owner's own note quoted below a reply often names the job the reply leaves unsaid.
    found_role = find_role(envelope.subject, text, labels) or (
        find_role("", history, labels) if message.quoted else None
    )
    signals = Signals(
        subject=without_employer_name(envelope.subject, labels),
        text=without_employer_name(unwrap(text) if forwarded else prose, labels),
        from_owner=from_owner,
        automated=envelope.automated,
        human_sender=contact is not None,
        is_reply=envelope.in_reply_to is not None,
        calendar_request=bool(requested),
        calendar_cancel=bool(cancelled),
        has_future_time=span is not None and span.start > anchor,
        owner_is_colleague=owner_is_colleague(message, owner),
        owner_is_candidate=owner_is_candidate(message, owner),
        names_role=found_role is not None,
        employer_sender=from_employer_side(envelope),
        employer_named=employer_named(message),
        from_person=sender is not None and not is_machine(sender) and not envelope.automated,
        slot_context=_one_laid_out_slot(fresh_slots),
        offered_days=len({s.span.start.date() for s in fresh_slots if s.on_its_own_line}),
        calendar_reply=bool(relevant) and all(e.method == "REPLY" for e in relevant),
    )
    kind = reconsider(classify(signals), signals, load_model().opinion(document(message, from_owner)))
    role = company = None
    if kind is not Kind.OTHER or from_owner or about_own_application(signals):
        role = found_role
        company = find_company(envelope, text, role) or (
            find_company(envelope, history, role) if message.quoted else None
        )
    interviewers: tuple[Address, ...] = ()
    event_uid = None
    if kind in (Kind.INTERVIEW_CONFIRMATION, Kind.CANCELLATION):
        if span is None and kind is Kind.CANCELLATION:
            span = _text_span(history, anchor)
        events = cancelled or requested
        if events:
            event_uid = events[0].uid
            joins = _organizer_joins(message, prose, events[0])
            interviewers = tuple(a for e in events for a in calendar_interviewers(e, owner, joins))
        # An invitation sent to the owner alone names the panel in its text ("- Dr. Reto Gisler (…)").
        if not interviewers or not any(a.address.email not in owner for e in events for a in e.attendees):
            interviewers += _text_people(message, prose, owner, contact)
    elif kind is Kind.SCHEDULING_REQUEST:
        interviewers = _people_asked_to_meet(message, prose, owner, contact)
    if kind not in (Kind.INTERVIEW_CONFIRMATION, Kind.CANCELLATION):
        span = None
    return Facts(
        kind=kind,
        company=company,
        role=role,
        interview=span,
        interviewers=_dedupe(interviewers),
        respond_by=None if kind in _NO_ANSWER_PENDING else find_respond_by(prose, anchor.date()),
        arranger=contact,
        event_uid=event_uid,
    )


# "Interviewer:  Wade Pritchett, Engineering Manager\n  wade.pritchett@…": the label on the address's
# line or the one above it.
_INTERVIEWER_LABEL = re.compile(
    r"(?:interviewers?|interviewed by|hiring manager|gesprächspartner\w*|entrevistador\w*|interlocut\w*)[ \t]*:"
    r"[^\n]*\n?[^\n]*\Z",
    re.IGNORECASE,
)


def _text_people(
    message: Message, prose: str, owner: frozenset[str], contact: Address | None
) -> tuple[Address, ...]:
    """Without a calendar part: people named with an address anywhere in the text (quoted and
    forwarded parts too), fellow recipients the text says the owner meets, and the writer when they
    say they hold the interview themselves, now or, when nobody else is named, earlier in the
    thread ("me gustaría hacerte la entrevista técnica" above "quedamos mañana a las 11")."""
    envelope = message.envelope
    writers = [a for a in (*envelope.reply_to, envelope.sender) if a is not None]
    exclude = owner | {a.email for a in writers}
    writer_name = envelope.sender.name if envelope.sender else None
    text = f"{message.text}\n{message.quoted}"
    found = text_interviewers(text, frozenset(exclude), writer_name)
    # The writer's own address under an "Interviewer:" label is a seat, not a signature (an ATS
    # confirmation whose Reply-To is the hiring manager it names).
    found += tuple(
        a
        for a in text_interviewers(text, owner, writer_name)
        if a.email in exclude and _INTERVIEWER_LABEL.search(text, 0, text.lower().find(a.email))
    )
    found += named_recipients(envelope, owner, f"{envelope.subject}\n{prose}")
    writer = contact or signed_by(message.text, envelope.sender)
    # An agency recruiter's "I'll call you afterwards" beside the client's named panel is no seat.
    if found and writes_for_agency(envelope, message.text):
        return found
    if writer is not None and (
        _writer_says_so(prose, writer, found)
        or (not found and (_is_screen(message, prose) or writer_takes_part(message.quoted)))
    ):
        found += (writer,)
    return found


def _people_asked_to_meet(
    message: Message, prose: str, owner: frozenset[str], contact: Address | None
) -> tuple[Address, ...]:
    """While times are still being found: the people named with an address whom the text says the
    owner will meet ("Sofia Brandt (…) would like to meet you"), and the writer when it is their call."""
    envelope = message.envelope
    writers = frozenset(a.email for a in (*envelope.reply_to, envelope.sender) if a is not None)
    writer_name = envelope.sender.name if envelope.sender else None
    named = text_interviewers(message.text, owner | writers, writer_name)
    found = tuple(
        a for a in named if named_as_met(a.name, prose) or named_as_met(name_in_address(a.email), prose)
    ) + named_recipients(envelope, owner, prose, proposing=True)
    writer = contact or signed_by(message.text, envelope.sender)
    if writer is not None and _writer_says_so(prose, writer, found):
        found += (writer,)
    return found


def _writer_says_so(prose: str, writer: Address, found: tuple[Address, ...]) -> bool:
    """The writer holds the interview in their own words, sends their own booking page, or is named
    as the person met (an ATS writing "mit unserem Co-Founder Tobias Feld" with his Reply-To). A
    prep call counts only when nobody else is named."""
    return (
        writer_takes_part(prose, prep_calls=not found)
        or books_own_link(prose, writer)
        or named_as_met(writer.name, prose)
    )


# "after reading your notes from our phone screen": a screen already held
_HELD_BEFORE = re.compile(r"\b(?:notes|feedback|impressions) from (?:our|your|the) $")


def _is_screen(message: Message, prose: str) -> bool:
    """A recruiter screen: the person who wrote holds the call themselves. The thread's history
    counts: "confirmed for tomorrow at 11" answers their own "I'd love to set up an intro call"."""
    text = f"{message.envelope.subject}\n{prose}\n{message.quoted}"
    low = lowered(text)
    return any(
        not looks_back(low, m.start(), m.end())
        and not _HELD_BEFORE.search(low, max(0, m.start() - 30), m.start())
        for m in _SCREEN.finditer(text)
    )


def _organizer_joins(message: Message, prose: str, event: CalendarEvent) -> bool:
    """The organizer takes part: they wrote the mail and say so ("Ken will join me", "it'll be me
    and Declan"), or the invitation names them as someone the owner meets ("… with Paula")."""
    organizer = event.organizer
    if organizer is None:
        return False
    envelope = message.envelope
    writers = {a.email for a in (*envelope.reply_to, envelope.sender) if a is not None}
    says_so = writer_takes_part(prose)
    return (organizer.email in writers and says_so) or named_as_met(organizer.name, prose)


def _dedupe(addresses: tuple[Address, ...]) -> tuple[Address, ...]:
    seen: dict[str, Address] = {}
    for address in addresses:
        if address.email not in seen and not is_machine(address):
            seen[address.email] = address
    return tuple(seen.values())
