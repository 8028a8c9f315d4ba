"""Domain records shared by every layer.

They are plain frozen dataclasses so the core can be a set of pure functions over them, and so
tests can build them by hand. Every datetime here is timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

OWN_ID_PREFIX = "<ia-"
"""Every Message-ID the assistant gives its drafts starts so: how it knows its own drafts."""


@dataclass(frozen=True, slots=True)
class Address:
    """A mailbox; `email` is always lower-case so comparisons need no care."""

    email: str
    name: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "email", self.email.strip().lower())


@dataclass(frozen=True, slots=True)
class Envelope:
    """The headers that decide whether a message is worth reading in full."""

    message_id: str
    subject: str
    sender: Address | None
    date: datetime | None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    reply_to: tuple[Address, ...] = ()
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    automated: bool = False

    @property
    def thread_refs(self) -> tuple[str, ...]:
        """Ids of earlier messages this one answers, oldest first."""
        refs = list(self.references)
        if self.in_reply_to and self.in_reply_to not in refs:
            refs.append(self.in_reply_to)
        return tuple(refs)


@dataclass(frozen=True, slots=True)
class Attendee:
    address: Address
    role: str | None = None
    cutype: str | None = None


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One VEVENT of a text/calendar part (or schema.org event markup)."""

    method: str | None
    uid: str | None
    sequence: int
    summary: str
    start: datetime | None
    end: datetime | None
    organizer: Address | None = None
    attendees: tuple[Attendee, ...] = ()
    cancelled: bool = False
    location: str = ""


@dataclass(frozen=True, slots=True)
class Message:
    """A parsed message: headers, the newly written text, the quoted history, calendar parts."""

    envelope: Envelope
    text: str
    quoted: str = ""
    events: tuple[CalendarEvent, ...] = ()


class Kind(StrEnum):
    INTERVIEW_CONFIRMATION = "interview_confirmation"
    SCHEDULING_REQUEST = "scheduling_request"
    CANCELLATION = "cancellation"
    REJECTION = "rejection"
    OFFER = "offer"
    RECRUITER_REPLY = "recruiter_reply"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class TimeSpan:
    start: datetime
    end: datetime | None = None

    def effective_end(self, default_length: timedelta = timedelta(hours=1)) -> datetime:
        """When the interview is over: its stated end, or start plus a default length."""
        return self.end if self.end is not None else self.start + default_length


@dataclass(frozen=True, slots=True)
class Facts:
    """What one message says about an application (the `inspect` contract)."""

    kind: Kind
    company: str | None = None
    role: str | None = None
    interview: TimeSpan | None = None
    interviewers: tuple[Address, ...] = ()
    respond_by: date | None = None
    arranger: Address | None = None
    event_uid: str | None = None


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """A message as the tracker remembers it: enough to thread, time and address drafts."""

    message_id: str
    thread: str
    subject: str
    sender: Address | None
    date: datetime
    from_owner: bool
    to: tuple[Address, ...] = ()  # every recipient, To and Cc
    references: tuple[str, ...] = ()
    facts: Facts | None = None


@dataclass(frozen=True, slots=True)
class ReplyTarget:
    """The message a draft answers, so it lands inside that conversation."""

    message_id: str
    references: tuple[str, ...]
    subject: str
    thread: str


class DraftKind(StrEnum):
    THANK_YOU = "thank_you"
    THANK_YOU_VIA_ARRANGER = "thank_you_via_arranger"
    FOLLOW_UP = "follow_up"
    SECOND_FOLLOW_UP = "second_follow_up"
    REJECTION_REPLY = "rejection_reply"


class DraftFate(StrEnum):
    """What became of a placed draft, as the mailbox shows it."""

    PLACED = "placed"
    EDITED = "edited"
    SENT = "sent"
    DELETED = "deleted"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class DraftRecord:
    """A draft the assistant placed, and what became of it."""

    key: str
    kind: DraftKind
    interview_id: str
    message_id: str
    recipient: str
    placed_at: datetime
    fate: DraftFate = DraftFate.PLACED
    thread: str = ""
    fate_at: datetime | None = None
    fingerprint: str = ""


@dataclass(frozen=True, slots=True)
class Interview:
    """One interview round, derived from the confirmations in a thread."""

    id: str
    thread: str
    company: str | None
    role: str | None
    span: TimeSpan
    interviewers: tuple[Address, ...]
    arranger: Address | None
    reply_to: ReplyTarget
    confirmed_at: datetime
    event_uid: str | None = None
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class Tracker:
    """Everything the policy needs, read from the store in one go.

    `messages` are the tracked threads; `own_mail` is the user's other recent sent mail (a note
    written outside the thread still counts); `outcomes` maps a thread to the outcome label the
    user put on it.
    """

    messages: tuple[StoredMessage, ...]
    drafts: tuple[DraftRecord, ...] = ()
    own_mail: tuple[StoredMessage, ...] = ()
    outcomes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class PlannedDraft:
    """A draft the policy wants in the mailbox; `key` names it for exactly-once placement."""

    key: str
    kind: DraftKind
    interview: Interview
    recipient: Address
    due_at: datetime
    reply_to: ReplyTarget | None = None

    @property
    def target(self) -> ReplyTarget:
        """The message this draft answers: the latest in the thread, else the confirmation."""
        return self.reply_to or self.interview.reply_to


class DecisionState(StrEnum):
    DUE = "due"
    WAITING = "waiting"
    DONE = "done"
    MISSED = "missed"
    NOT_NEEDED = "not_needed"


@dataclass(frozen=True, slots=True)
class Decision:
    """The policy's verdict on one draft it considered, due or not (status shows all of them)."""

    draft: PlannedDraft
    state: DecisionState
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """A draft of ours, still untouched in Drafts, that must go (a cancellation, a reply)."""

    record: DraftRecord
    reason: str


@dataclass(frozen=True, slots=True)
class Plan:
    """What one cycle will do; `apply` carries it out, `--dry-run` only prints it."""

    place: tuple[PlannedDraft, ...] = ()
    withdraw: tuple[Withdrawal, ...] = ()
    decisions: tuple[Decision, ...] = field(default=())


def facts_to_json(facts: Facts) -> dict[str, object]:
    """The `inspect` contract's shape (plus `arranger` and `event_uid`); also the stored form."""

    def person(address: Address) -> dict[str, str | None]:
        return {"name": address.name, "email": address.email}

    span = facts.interview
    return {
        "kind": facts.kind.value,
        "company": facts.company,
        "role": facts.role,
        "interview": None
        if span is None
        else {
            "start": span.start.isoformat(),
            "end": span.end.isoformat() if span.end is not None else None,
        },
        "interviewers": [person(a) for a in facts.interviewers],
        "respond_by": facts.respond_by.isoformat() if facts.respond_by else None,
        "arranger": person(facts.arranger) if facts.arranger else None,
        "event_uid": facts.event_uid,
    }


def facts_from_json(data: dict[str, object]) -> Facts:
    def person(value: object) -> Address:
        assert isinstance(value, dict)
        return Address(str(value["email"]), value.get("name") or None)

    span = data.get("interview")
    interview = None
    if isinstance(span, dict):
        end = span.get("end")
        interview = TimeSpan(
            datetime.fromisoformat(str(span["start"])),
            datetime.fromisoformat(str(end)) if end else None,
        )
    interviewers = data.get("interviewers") or []
    assert isinstance(interviewers, list)
    respond_by = data.get("respond_by")
    arranger = data.get("arranger")
    return Facts(
        kind=Kind(str(data["kind"])),
        company=str(data["company"]) if data.get("company") else None,
        role=str(data["role"]) if data.get("role") else None,
        interview=interview,
        interviewers=tuple(person(p) for p in interviewers),
        respond_by=date.fromisoformat(str(respond_by)) if respond_by else None,
        arranger=person(arranger) if arranger else None,
        event_uid=str(data["event_uid"]) if data.get("event_uid") else None,
    )
