"""(tracker, now, settings) → decisions and a plan: which drafts are due, which wait, which lapsed.

The timing follows FOLLOW-UP-RULES.md: one thank-you per interviewer soon after the interview
(within its window, else never), a follow-up to the correspondent a week after the interview
(or the next business day after a stated decision date) at a weekday-morning slot, and only when
nobody from the employer has written since.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from assistant.model import (
    Address,
    Decision,
    DecisionState,
    DraftKind,
    Interview,
    Kind,
    Plan,
    PlannedDraft,
    StoredMessage,
    Tracker,
)
from assistant.policy.interviews import by_thread, thread_interviews
from assistant.policy.settings import PolicySettings
from assistant.policy.slots import next_business_day, next_slot

_OUTCOMES = (Kind.REJECTION, Kind.OFFER)


def draft_key(kind: DraftKind, interview: Interview, recipient: Address) -> str:
    """The stable name of a draft; its Message-ID is derived from it (exactly-once placing)."""
    return f"{kind.value}:{interview.id}:{recipient.email}"


def _state(due: datetime, lapse: datetime, now: datetime, placed: bool) -> tuple[DecisionState, str]:
    if placed:
        return DecisionState.DONE, "placed"
    if now < due:
        return DecisionState.WAITING, ""
    if now > lapse:
        return DecisionState.MISSED, "its moment has passed"
    return DecisionState.DUE, ""


def _thank_yous(
    interview: Interview,
    thread: list[StoredMessage],
    placed: set[str],
    now: datetime,
    settings: PolicySettings,
) -> Iterator[Decision]:
    end = interview.span.effective_end(settings.default_interview_length)
    due = end + settings.thank_you_delay
    lapse = end + settings.thank_you_window
    if interview.interviewers:
        targets = [(DraftKind.THANK_YOU, person) for person in interview.interviewers]
    elif interview.arranger is not None:
        targets = [(DraftKind.THANK_YOU_VIA_ARRANGER, interview.arranger)]
    else:
        targets = []
    for kind, person in targets:
        draft = PlannedDraft(draft_key(kind, interview, person), kind, interview, person, due)
        state, reason = _state(due, lapse, now, draft.key in placed)
        if state in (DecisionState.DUE, DecisionState.WAITING) and _owner_wrote_after(thread, end):
            state, reason = DecisionState.NOT_NEEDED, "you already wrote after the interview"
        yield Decision(draft, state, reason)


def _owner_wrote_after(thread: list[StoredMessage], moment: datetime) -> bool:
    """The user already wrote in the thread after `moment` (their own thank-you, say)."""
    return any(m.from_owner and m.date > moment for m in thread)


def _correspondent(interview: Interview, thread: list[StoredMessage]) -> Address | None:
    """Follow-ups go to whoever has been writing about the process, usually the recruiter."""
    for message in reversed(thread):
        if not message.from_owner and message.facts and message.facts.arranger:
            return message.facts.arranger
    return interview.arranger


def _follow_up(
    interview: Interview,
    thread: list[StoredMessage],
    later_rounds: bool,
    placed: set[str],
    now: datetime,
    settings: PolicySettings,
) -> Iterator[Decision]:
    recipient = _correspondent(interview, thread)
    if recipient is None:
        return
    end = interview.span.effective_end(settings.default_interview_length)
    employer_since = [m for m in thread if not m.from_owner and m.date > end]
    latest = employer_since[-1] if employer_since else None
    stated = [m.facts.respond_by for m in thread if m.facts and m.facts.respond_by and not m.from_owner]
    if latest is not None and not (latest.facts and latest.facts.respond_by):
        stated = []
    if stated:
        start_day = next_business_day(stated[-1], settings.workdays)
        earliest = datetime.combine(start_day, settings.morning_slot, tzinfo=settings.timezone)
    else:
        earliest = end + settings.follow_up_after
    due = next_slot(earliest, settings.timezone, settings.morning_slot, settings.workdays)
    key = draft_key(DraftKind.FOLLOW_UP, interview, recipient)
    draft = PlannedDraft(key, DraftKind.FOLLOW_UP, interview, recipient, due)
    state, reason = _state(due, due + settings.follow_up_grace, now, key in placed)
    if state in (DecisionState.DUE, DecisionState.WAITING):
        if later_rounds:
            state, reason = DecisionState.NOT_NEEDED, "a later round was scheduled"
        elif any(m.facts and m.facts.kind in _OUTCOMES for m in thread):
            state, reason = DecisionState.NOT_NEEDED, "the employer gave an outcome"
        elif latest is not None and not stated:
            state, reason = DecisionState.NOT_NEEDED, "the employer wrote after the interview"
    yield Decision(draft, state, reason)


def evaluate(tracker: Tracker, now: datetime, settings: PolicySettings) -> list[Decision]:
    """Every draft the policy considers for every interview, with its state at `now`."""
    placed = {record.key for record in tracker.drafts}
    decisions: list[Decision] = []
    for thread in by_thread(tracker.messages).values():
        visible = [m for m in thread if m.date <= now]
        rounds = thread_interviews(visible)
        for index, interview in enumerate(rounds):
            decisions.extend(_thank_yous(interview, visible, placed, now, settings))
            later = index < len(rounds) - 1
            decisions.extend(_follow_up(interview, visible, later, placed, now, settings))
    return decisions


def plan(tracker: Tracker, now: datetime, settings: PolicySettings) -> Plan:
    decisions = tuple(evaluate(tracker, now, settings))
    due = tuple(d.draft for d in decisions if d.state is DecisionState.DUE)
    return Plan(place=due, decisions=decisions)
