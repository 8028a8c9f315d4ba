"""Small builders for tracker states: the policy tests speak in threads and messages."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from assistant.model import Address, Facts, Kind, StoredMessage, TimeSpan, Tracker

NY = ZoneInfo("America/New_York")
RECRUITER = Address("dana.whitfield@northwind-analytics.com", "Dana Whitfield")
PRIYA = Address("priya.shah@northwind-analytics.com", "Priya Shah")
MARCUS = Address("marcus.bell@northwind-analytics.com", "Marcus Bell")
_ids = itertools.count()


def at(text: str) -> datetime:
    """A wall-clock time in New York, e.g. at("2026-12-03 15:30")."""
    return datetime.fromisoformat(text).replace(tzinfo=NY)


def message(
    thread: str,
    sent: datetime,
    kind: Kind | None = Kind.RECRUITER_REPLY,
    *,
    from_owner: bool = False,
    start: datetime | None = None,
    length: timedelta | None = timedelta(minutes=90),
    interviewers: tuple[Address, ...] = (),
    respond_by: date | None = None,
    uid: str | None = None,
) -> StoredMessage:
    span = TimeSpan(start, start + length if length else None) if start else None
    facts = None
    if kind is not None:
        facts = Facts(
            kind=kind,
            company="Northwind Analytics",
            role="Senior Data Engineer",
            interview=span,
            interviewers=interviewers,
            respond_by=respond_by,
            arranger=None if from_owner else RECRUITER,
            event_uid=uid,
        )
    sender = Address("alex.morgan@example.com", "Alex Morgan") if from_owner else RECRUITER
    mid = f"<m{next(_ids)}@test>"
    return StoredMessage(
        message_id=mid,
        thread=thread,
        subject="Interview Confirmation: Senior Data Engineer",
        sender=sender,
        date=sent,
        from_owner=from_owner,
        references=(thread,) if thread != mid else (),
        facts=facts,
    )


def confirmation(
    thread: str, sent: datetime, start: datetime, *people: Address, **kw: object
) -> StoredMessage:
    return message(thread, sent, Kind.INTERVIEW_CONFIRMATION, start=start, interviewers=people, **kw)  # type: ignore[arg-type]


def tracker(*messages: StoredMessage, drafts: tuple = ()) -> Tracker:  # type: ignore[type-arg]
    return Tracker(messages=messages, drafts=drafts)
