"""(tracker, now, settings) → decisions and a plan: what to place, what waits, what must go.

The rules are FOLLOW-UP-RULES.md's. Per interview round: one thank-you per interviewer soon
after it (urgent: not held for a business-hours slot, and never once its window has passed).
Per thread: follow-ups to the correspondent after the employer's own timeline (or a week), at a
weekday-morning slot, never two within a week, at most `max_follow_ups`, each counted from what the
user actually sent; any message from the employer starts the count again. Outcomes (a rejection,
an offer, a label the user put on the thread) end the nudging; a rejection earns one gracious
reply. Drafts of ours that are still untouched are withdrawn when their reason is gone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from assistant.model import (
    Address,
    Decision,
    DecisionState,
    DraftFate,
    DraftKind,
    DraftRecord,
    Interview,
    Kind,
    Plan,
    PlannedDraft,
    StoredMessage,
    Tracker,
    Withdrawal,
)
from assistant.policy.interviews import by_thread, reply_target, thread_interviews
from assistant.policy.settings import PolicySettings
from assistant.policy.slots import next_business_day, next_slot

_NUDGES = (DraftKind.FOLLOW_UP, DraftKind.SECOND_FOLLOW_UP)


def draft_key(kind: DraftKind, interview: Interview, recipient: Address, anchor: str = "") -> str:
    """The stable name of a draft; its Message-ID is derived from it (exactly-once placing)."""
    parts = [kind.value, interview.id, *([anchor] if anchor else []), recipient.email]
    return ":".join(parts)


@dataclass(frozen=True, slots=True)
class ThreadView:
    """One conversation as the policy sees it at `now`."""

    key: str
    messages: list[StoredMessage]
    rounds: list[Interview]
    label: str | None
    own_mail: tuple[StoredMessage, ...]

    @property
    def closed(self) -> str | None:
        """ "rejected" or "offer" when the employer gave an outcome after the latest confirmation."""
        live = [r for r in self.rounds if not r.cancelled]
        since = live[-1].confirmed_at if live else None
        for message in reversed(self.employer()):
            if since is not None and message.date < since:
                break
            if message.facts and message.facts.kind is Kind.REJECTION:
                return "rejected"
            if message.facts and message.facts.kind is Kind.OFFER:
                return "offer"
        return None

    @property
    def stop(self) -> str:
        """Why nothing more should be drafted here, or "" to go on."""
        if self.label:
            return f"the thread is marked {self.label}"
        return f"the employer's answer: {self.closed}" if self.closed else ""

    def employer(self) -> list[StoredMessage]:
        return [m for m in self.messages if not m.from_owner]

    def owner_after(self, moment: datetime, to: Address | None = None) -> list[StoredMessage]:
        """What the user sent after `moment`: in this thread, or to `to` from anywhere."""
        inside = [m for m in self.messages if m.from_owner and m.date > moment]
        outside = [
            m
            for m in self.own_mail
            if to is not None and m.date > moment and to.email in {a.email for a in m.to}
        ]
        return sorted({m.message_id: m for m in inside + outside}.values(), key=lambda m: m.date)


def _timed(due: datetime, lapse: datetime | None, now: datetime) -> tuple[DecisionState, str]:
    if now < due:
        return DecisionState.WAITING, ""
    if lapse is not None and now > lapse:
        return DecisionState.MISSED, "its moment has passed"
    return DecisionState.DUE, ""


def _decide(
    draft: PlannedDraft, placed: dict[str, DraftRecord], lapse: datetime | None, now: datetime, veto: str
) -> Decision:
    record = placed.get(draft.key)
    if record is not None:
        return Decision(draft, DecisionState.DONE, record.fate.value)
    if veto:
        return Decision(draft, DecisionState.NOT_NEEDED, veto)
    state, reason = _timed(draft.due_at, lapse, now)
    return Decision(draft, state, reason)


def _thank_yous(
    view: ThreadView, interview: Interview, placed: dict[str, DraftRecord], now: datetime, s: PolicySettings
) -> Iterator[Decision]:
    end = interview.span.effective_end(s.default_interview_length)
    due, lapse = end + s.thank_you_delay, end + s.thank_you_window
    if interview.interviewers:
        targets = [(DraftKind.THANK_YOU, person) for person in interview.interviewers]
    elif interview.arranger is not None:
        targets = [(DraftKind.THANK_YOU_VIA_ARRANGER, interview.arranger)]
    else:
        targets = []
    for kind, person in targets:
        veto = ""
        if interview.cancelled:
            veto = "the interview was cancelled"
        elif view.stop:
            veto = view.stop
        elif view.owner_after(end, person):
            veto = "you already wrote after the interview"
        draft = PlannedDraft(draft_key(kind, interview, person), kind, interview, person, due)
        yield _decide(draft, placed, lapse, now, veto)


def _correspondent(view: ThreadView, interview: Interview) -> Address | None:
    """Follow-ups go to whoever has been writing about the process, usually the recruiter."""
    for message in reversed(view.employer()):
        if message.facts and message.facts.arranger:
            return message.facts.arranger
    return interview.arranger


def _follow_ups(
    view: ThreadView, interview: Interview, placed: dict[str, DraftRecord], now: datetime, s: PolicySettings
) -> Iterator[Decision]:
    """The next nudge of this round, counted from the last word of the employer or the interview."""
    recipient = _correspondent(view, interview)
    if recipient is None or interview.cancelled:
        return
    end = interview.span.effective_end(s.default_interview_length)
    spoke = [m for m in view.employer() if m.date > end]
    anchor = spoke[-1] if spoke else None
    anchor_id = anchor.message_id if anchor else ""
    # The user's own notes right after the interview are thank-yous, not nudges.
    since = anchor.date if anchor else end + s.thank_you_window
    sent = view.owner_after(since, recipient)
    count = len(sent)
    kind = DraftKind.FOLLOW_UP if count == 0 else DraftKind.SECOND_FOLLOW_UP
    if count == 0:
        timeline = anchor.facts.respond_by if anchor and anchor.facts else None
        if anchor is None:
            stated = [m.facts.respond_by for m in view.employer() if m.facts and m.facts.respond_by]
            timeline = stated[-1] if stated else None
        if timeline is not None:
            earliest = datetime.combine(next_business_day(timeline, s.workdays), s.morning_slot, s.timezone)
        else:
            earliest = (anchor.date if anchor else end) + s.follow_up_after
    else:
        earliest = sent[-1].date + s.second_follow_up_after
    due = next_slot(earliest, s.timezone, s.morning_slot, s.workdays)
    latest = view.messages[-1]
    draft = PlannedDraft(
        draft_key(kind, interview, recipient, f"{anchor_id}#{count + 1}"),
        kind,
        interview,
        recipient,
        due,
        reply_to=reply_target(latest),
    )
    veto = view.stop
    if not veto and count >= s.max_follow_ups:
        veto = f"{count} follow-ups sent; time to let it rest"
    yield _decide(draft, placed, due + s.follow_up_grace, now, veto)


def _rejection_reply(
    view: ThreadView, interview: Interview, placed: dict[str, DraftRecord], now: datetime, s: PolicySettings
) -> Iterator[Decision]:
    rejections = [m for m in view.employer() if m.facts and m.facts.kind is Kind.REJECTION]
    if not s.rejection_reply or not rejections:
        return
    rejection = rejections[-1]
    recipient = (rejection.facts.arranger if rejection.facts else None) or _correspondent(view, interview)
    if recipient is None:
        return
    due = next_slot(rejection.date, s.timezone, s.morning_slot, s.workdays)
    draft = PlannedDraft(
        draft_key(DraftKind.REJECTION_REPLY, interview, recipient, rejection.message_id),
        DraftKind.REJECTION_REPLY,
        interview,
        recipient,
        due,
        reply_to=reply_target(rejection),
    )
    veto = ""
    if view.label:
        veto = f"the thread is marked {view.label}"
    elif view.owner_after(rejection.date, recipient):
        veto = "you already answered the rejection"
    yield _decide(draft, placed, due + s.follow_up_grace, now, veto)


def thread_views(tracker: Tracker, now: datetime) -> Iterator[ThreadView]:
    outcomes = dict(tracker.outcomes)
    own = tuple(m for m in tracker.own_mail if m.date <= now)
    for key, thread in by_thread(tracker.messages).items():
        visible = [m for m in thread if m.date <= now]
        if visible:
            yield ThreadView(key, visible, thread_interviews(visible), outcomes.get(key), own)


def evaluate(tracker: Tracker, now: datetime, settings: PolicySettings) -> list[Decision]:
    """Every draft the policy considers, with its state at `now` (status shows all of them)."""
    placed = {record.key: record for record in tracker.drafts}
    decisions: list[Decision] = []
    for view in thread_views(tracker, now):
        live = [r for r in view.rounds if not r.cancelled]
        for interview in view.rounds:
            decisions.extend(_thank_yous(view, interview, placed, now, settings))
        if live:
            latest = live[-1]
            if latest.span.start <= now:
                decisions.extend(_follow_ups(view, latest, placed, now, settings))
            decisions.extend(_rejection_reply(view, latest, placed, now, settings))
    return decisions


def _withdrawals(tracker: Tracker, now: datetime) -> Iterator[Withdrawal]:
    """Our untouched drafts whose reason is gone: a cancelled round, or a nudge the employer answered."""
    views = {view.key: view for view in thread_views(tracker, now)}
    for record in tracker.drafts:
        view = views.get(record.thread)
        if record.fate is not DraftFate.PLACED or view is None:
            continue
        cancelled = {r.id for r in view.rounds if r.cancelled}
        if record.interview_id in cancelled and record.kind is not DraftKind.REJECTION_REPLY:
            yield Withdrawal(record, "the interview was cancelled")
        elif record.kind in _NUDGES and any(m.date > record.placed_at for m in view.employer()):
            yield Withdrawal(record, "the employer wrote after it was placed")
        elif record.kind in _NUDGES and view.stop:
            yield Withdrawal(record, view.stop)


def plan(tracker: Tracker, now: datetime, settings: PolicySettings) -> Plan:
    decisions = tuple(evaluate(tracker, now, settings))
    due = tuple(d.draft for d in decisions if d.state is DecisionState.DUE)
    return Plan(place=due, withdraw=tuple(_withdrawals(tracker, now)), decisions=decisions)
