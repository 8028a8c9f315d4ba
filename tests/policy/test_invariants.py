"""Property tests: invariants of the policy that must hold for any interview and any moment."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.model import DecisionState, DraftFate, DraftKind, DraftRecord
from assistant.policy import PolicySettings, evaluate, plan
from tests.policy.builders import MARCUS, NY, PRIYA, confirmation, message, tracker

SETTINGS = PolicySettings(timezone=NY)
BASE = datetime(2026, 10, 1, tzinfo=NY)

starts = st.integers(min_value=0, max_value=60 * 24 * 90).map(lambda m: BASE + timedelta(minutes=m))
offsets = st.integers(min_value=-60 * 24 * 3, max_value=60 * 24 * 40).map(lambda m: timedelta(minutes=m))
people = st.sampled_from([(), (PRIYA,), (PRIYA, MARCUS)])
lengths = st.sampled_from([None, timedelta(minutes=30), timedelta(minutes=90), timedelta(hours=4)])


@settings(max_examples=300, deadline=None)
@given(start=starts, offset=offsets, who=people, length=lengths)
def test_thank_yous_are_only_due_inside_their_window(start, offset, who, length) -> None:  # type: ignore[no-untyped-def]
    state = tracker(confirmation("<t>", start - timedelta(days=3), start, *who, length=length))
    end = start + (length or SETTINGS.default_interview_length)
    now = end + offset
    for draft in plan(state, now, SETTINGS).place:
        if draft.kind is not DraftKind.FOLLOW_UP:
            assert end + SETTINGS.thank_you_delay <= now <= end + SETTINGS.thank_you_window


@settings(max_examples=200, deadline=None)
@given(start=starts, offset=offsets, reply_after=st.none() | offsets)
def test_follow_ups_fall_on_a_weekday_morning_and_after_the_interview(start, offset, reply_after) -> None:  # type: ignore[no-untyped-def]
    mail = [confirmation("<t>", start - timedelta(days=3), start, PRIYA)]
    if reply_after is not None:
        mail.append(message("<t>", start + abs(reply_after)))
    for decision in evaluate(tracker(*mail), start + offset, SETTINGS):
        if decision.draft.kind is DraftKind.FOLLOW_UP:
            due = decision.draft.due_at.astimezone(NY)
            assert due.weekday() < 5
            assert (due.hour, due.minute) == (9, 0)
            assert due > start + timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(start=starts, offset=offsets, who=people)
def test_the_plan_is_deterministic_unique_and_never_repeats_a_placed_draft(start, offset, who) -> None:  # type: ignore[no-untyped-def]
    state = tracker(confirmation("<t>", start - timedelta(days=3), start, *who))
    now = start + offset
    first = plan(state, now, SETTINGS)
    assert first == plan(state, now, SETTINGS)
    keys = [d.key for d in first.place]
    assert len(keys) == len(set(keys))
    placed = tuple(
        DraftRecord(d.key, d.kind, d.interview.id, f"<ia-{n}@x>", d.recipient.email, now, DraftFate.PLACED)
        for n, d in enumerate(first.place)
    )
    later = plan(tracker(*state.messages, drafts=placed), now + timedelta(minutes=5), SETTINGS)
    assert not set(keys) & {d.key for d in later.place}
    assert all(
        d.state is not DecisionState.DUE
        for d in evaluate(tracker(*state.messages, drafts=placed), now, SETTINGS)
        if d.draft.key in keys
    )
