"""Interview rounds, derived from the confirmations and cancellations recorded in each thread.

Deriving them every cycle (instead of storing them) means a reschedule or a cancellation that
arrives later simply changes the answer; nothing has to be kept in step.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta

from assistant.model import Interview, Kind, ReplyTarget, StoredMessage, TimeSpan


def _interview_id(thread: str, message_id: str) -> str:
    return hashlib.sha256(f"{thread}\n{message_id}".encode()).hexdigest()[:16]


def reply_target(message: StoredMessage) -> ReplyTarget:
    refs = tuple(r for r in message.references if r != message.message_id)
    return ReplyTarget(
        message_id=message.message_id,
        references=(*refs, message.message_id),
        subject=message.subject,
        thread=message.thread,
    )


def by_thread(messages: Iterable[StoredMessage]) -> dict[str, list[StoredMessage]]:
    threads: dict[str, list[StoredMessage]] = defaultdict(list)
    for message in sorted(messages, key=lambda m: (m.date, m.message_id)):
        threads[message.thread].append(message)
    return threads


def _same_round(current: Interview, uid: str | None, message: StoredMessage) -> bool:
    """A confirmation that arrives before the current round took place moves that round."""
    if uid is not None and current.event_uid == uid:
        return True
    return current.span.start > message.date


def thread_interviews(messages: list[StoredMessage]) -> list[Interview]:
    """The rounds of one thread, oldest first; cancelled rounds stay, marked, so their drafts can go."""
    rounds: list[Interview] = []
    company = next((m.facts.company for m in messages if m.facts and m.facts.company), None)
    role = next((m.facts.role for m in messages if m.facts and m.facts.role), None)
    for message in messages:
        facts = message.facts
        if facts is not None and facts.kind is Kind.CANCELLATION:
            latest = rounds[-1].id if rounds else None
            rounds = [
                replace(r, cancelled=True) if _cancels(r, facts.interview, message, r.id == latest) else r
                for r in rounds
            ]
            continue
        if facts is None or facts.interview is None or facts.kind is not Kind.INTERVIEW_CONFIRMATION:
            continue
        current = rounds[-1] if rounds else None
        if current is not None and _same_round(current, facts.event_uid, message):
            rounds[-1] = replace(
                current,
                span=facts.interview,
                interviewers=facts.interviewers or current.interviewers,
                arranger=facts.arranger or current.arranger,
                reply_to=reply_target(message),
                confirmed_at=message.date,
                cancelled=False,
            )
            continue
        rounds.append(
            Interview(
                id=_interview_id(message.thread, facts.event_uid or message.message_id),
                thread=message.thread,
                company=facts.company or company,
                role=facts.role or role,
                span=facts.interview,
                interviewers=facts.interviewers,
                arranger=facts.arranger,
                reply_to=reply_target(message),
                confirmed_at=message.date,
                event_uid=facts.event_uid,
            )
        )
    return rounds


def _cancels(round_: Interview, slot: TimeSpan | None, message: StoredMessage, latest: bool) -> bool:
    """A cancellation names its slot, or (a same-day "we had to cancel today") means the latest round."""
    if slot is not None:
        return round_.span.start == slot.start or round_.span.start > message.date
    return latest and round_.span.start >= message.date - timedelta(days=1)


def derive_interviews(messages: Iterable[StoredMessage]) -> list[Interview]:
    return [i for thread in by_thread(messages).values() for i in thread_interviews(thread)]
