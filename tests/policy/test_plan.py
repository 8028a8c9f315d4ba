"""The follow-up rules as the policy applies them (FOLLOW-UP-RULES.md, the foundation issue)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from assistant.model import Decision, DecisionState, DraftFate, DraftKind, DraftRecord, Kind
from assistant.policy import PolicySettings, evaluate, plan
from tests.policy.builders import MARCUS, NY, PRIYA, RECRUITER, at, confirmation, message, tracker

SETTINGS = PolicySettings(timezone=NY)
START = at("2026-12-03 14:00")
END = START + timedelta(minutes=90)


def panel() -> tuple:  # type: ignore[type-arg]
    return (confirmation("<t1>", at("2026-11-27 10:41"), START, PRIYA, MARCUS),)


def _by_kind(decisions: list[Decision], kind: DraftKind) -> list[Decision]:
    return [d for d in decisions if d.draft.kind is kind]


def test_thank_yous_wait_until_an_hour_after_the_interview_ends() -> None:
    decisions = evaluate(tracker(*panel()), END + timedelta(minutes=30), SETTINGS)
    thanks = _by_kind(decisions, DraftKind.THANK_YOU)
    assert {d.state for d in thanks} == {DecisionState.WAITING}
    assert {d.draft.due_at for d in thanks} == {END + timedelta(hours=1)}
    assert plan(tracker(*panel()), END + timedelta(minutes=30), SETTINGS).place == ()


def test_one_thank_you_per_interviewer_once_due() -> None:
    due = plan(tracker(*panel()), END + timedelta(hours=2), SETTINGS).place
    assert sorted(d.recipient.email for d in due) == sorted([PRIYA.email, MARCUS.email])
    assert len({d.key for d in due}) == 2
    assert all(d.kind is DraftKind.THANK_YOU for d in due)


def test_thank_yous_lapse_after_72_hours() -> None:
    decisions = evaluate(tracker(*panel()), END + timedelta(hours=73), SETTINGS)
    assert {d.state for d in _by_kind(decisions, DraftKind.THANK_YOU)} == {DecisionState.MISSED}


def test_without_interviewer_addresses_the_recruiter_passes_the_thanks_on() -> None:
    state = tracker(confirmation("<t1>", at("2026-11-27 10:41"), START))
    due = plan(state, END + timedelta(hours=2), SETTINGS).place
    assert [(d.kind, d.recipient) for d in due] == [(DraftKind.THANK_YOU_VIA_ARRANGER, RECRUITER)]


def test_a_placed_draft_is_never_planned_again() -> None:
    mail = panel()
    first = plan(tracker(*mail), END + timedelta(hours=2), SETTINGS).place
    records = tuple(
        DraftRecord(d.key, d.kind, d.interview.id, f"<ia-{i}@x>", d.recipient.email, END, DraftFate.PLACED)
        for i, d in enumerate(first)
    )
    again = evaluate(tracker(*mail, drafts=records), END + timedelta(hours=3), SETTINGS)
    assert {d.state for d in _by_kind(again, DraftKind.THANK_YOU)} == {DecisionState.DONE}


def test_no_thank_you_when_the_user_already_wrote_after_the_interview() -> None:
    reply = message("<t1>", END + timedelta(minutes=40), None, from_owner=True)
    decisions = evaluate(tracker(*panel(), reply), END + timedelta(hours=2), SETTINGS)
    assert {d.state for d in _by_kind(decisions, DraftKind.THANK_YOU)} == {DecisionState.NOT_NEEDED}


def test_follow_up_a_week_later_at_the_next_weekday_morning() -> None:
    follow = _by_kind(evaluate(tracker(*panel()), END, SETTINGS), DraftKind.FOLLOW_UP)
    assert [d.draft.recipient for d in follow] == [RECRUITER]
    assert follow[0].draft.due_at == at("2026-12-11 09:00")  # Thu 15:30 + 7 days → Fri 09:00


def test_follow_up_never_lands_on_a_weekend() -> None:
    friday = at("2026-12-04 10:00")
    state = tracker(confirmation("<t1>", at("2026-11-30 09:00"), friday, PRIYA))
    follow = _by_kind(evaluate(state, friday, SETTINGS), DraftKind.FOLLOW_UP)
    assert follow[0].draft.due_at == at("2026-12-14 09:00")  # Fri + 7 days = Fri 11:30 → Monday


def test_a_reply_from_the_employer_restarts_the_clock() -> None:
    mail = panel()
    before = _by_kind(evaluate(tracker(*mail), END + timedelta(days=1), SETTINGS), DraftKind.FOLLOW_UP)
    reply = message("<t1>", END + timedelta(days=2))
    after = _by_kind(evaluate(tracker(*mail, reply), END + timedelta(days=8), SETTINGS), DraftKind.FOLLOW_UP)
    assert after[0].state is DecisionState.WAITING
    assert after[0].draft.key != before[0].draft.key
    assert after[0].draft.due_at == at("2026-12-14 09:00")  # a week after their Saturday note, a weekday


def test_a_stated_decision_date_moves_the_follow_up_to_the_next_business_day() -> None:
    reply = message("<t1>", END + timedelta(days=1), respond_by=date(2026, 12, 11))
    follow = _by_kind(
        evaluate(tracker(*panel(), reply), END + timedelta(days=2), SETTINGS), DraftKind.FOLLOW_UP
    )
    assert follow[0].state is DecisionState.WAITING
    assert follow[0].draft.due_at == at("2026-12-14 09:00")


def test_an_outcome_stops_the_follow_up() -> None:
    rejection = message("<t1>", END + timedelta(days=3), Kind.REJECTION)
    follow = _by_kind(
        evaluate(tracker(*panel(), rejection), END + timedelta(days=9), SETTINGS), DraftKind.FOLLOW_UP
    )
    assert follow[0].state is DecisionState.NOT_NEEDED


def test_a_confirmation_before_the_interview_reschedules_it() -> None:
    moved = confirmation("<t1>", at("2026-12-01 09:00"), START + timedelta(days=1), PRIYA, MARCUS)
    decisions = evaluate(tracker(*panel(), moved), END + timedelta(hours=2), SETTINGS)
    thanks = _by_kind(decisions, DraftKind.THANK_YOU)
    assert {d.state for d in thanks} == {DecisionState.WAITING}
    assert {d.draft.interview.span.start for d in thanks} == {START + timedelta(days=1)}


def test_a_confirmation_after_the_interview_is_a_new_round() -> None:
    second = confirmation("<t1>", END + timedelta(days=2), START + timedelta(days=7), PRIYA)
    decisions = evaluate(tracker(*panel(), second), START + timedelta(days=7, hours=3), SETTINGS)
    rounds = {d.draft.interview.id for d in decisions}
    assert len(rounds) == 2
    follow = _by_kind(decisions, DraftKind.FOLLOW_UP)
    assert [d.draft.interview.span.start for d in follow] == [START + timedelta(days=7)]


def test_a_cancelled_interview_gets_nothing() -> None:
    cancel = message("<t1>", at("2026-12-02 09:00"), Kind.CANCELLATION, start=START)
    decisions = evaluate(tracker(*panel(), cancel), END + timedelta(hours=2), SETTINGS)
    assert {(d.state, d.reason) for d in decisions} == {
        (DecisionState.NOT_NEEDED, "the interview was cancelled")
    }
    assert plan(tracker(*panel(), cancel), END + timedelta(hours=2), SETTINGS).place == ()


def test_mail_after_now_is_not_yet_known() -> None:
    state = tracker(*panel())
    assert evaluate(state, datetime(2026, 11, 1, tzinfo=NY), SETTINGS) == []
