"""When the word model may overrule the rules, and when it may not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.extract.classify import Signals
from assistant.extract.kind_model import Opinion
from assistant.extract.second_opinion import MIN_SHARE, MIN_WORDS, reconsider
from assistant.model import Kind

PLAIN = Signals(
    subject="Re: next steps",
    text="Thanks, see you then.",
    from_owner=False,
    automated=False,
    human_sender=True,
    is_reply=True,
    calendar_request=False,
    calendar_cancel=False,
    has_future_time=True,
    owner_is_colleague=False,
)


def _sure(kind: Kind, p: float = 0.9) -> Opinion:
    rest = (1 - p) / (len(Kind) - 1)
    return _opinion({k: p if k is kind else rest for k in Kind})


def _opinion(probabilities: dict[Kind, float], words: int = 40) -> Opinion:
    return Opinion(probabilities, words, share=0.9)


def test_a_confident_model_overrules_a_doubtful_verdict() -> None:
    assert reconsider(Kind.OTHER, PLAIN, _sure(Kind.RECRUITER_REPLY)) is Kind.RECRUITER_REPLY
    assert reconsider(Kind.RECRUITER_REPLY, PLAIN, _sure(Kind.OFFER)) is Kind.OFFER


def test_the_rules_stand_when_the_model_finds_them_plausible() -> None:
    scores = {**_sure(Kind.OFFER, 0.7).probabilities, Kind.RECRUITER_REPLY: 0.2}
    assert reconsider(Kind.RECRUITER_REPLY, PLAIN, _opinion(scores)) is Kind.RECRUITER_REPLY


def test_the_rules_stand_when_the_model_is_itself_unsure() -> None:
    scores = {k: 1 / len(Kind) for k in Kind}
    assert reconsider(Kind.OTHER, PLAIN, _opinion(scores)) is Kind.OTHER


def test_mail_mostly_in_words_the_model_never_saw_is_left_to_the_rules() -> None:
    foreign = Opinion(_sure(Kind.OTHER).probabilities, words=60, share=MIN_SHARE - 0.1)
    assert reconsider(Kind.SCHEDULING_REQUEST, PLAIN, foreign) is Kind.SCHEDULING_REQUEST


def test_a_short_note_gives_the_model_too_few_words_to_overrule() -> None:
    few = Opinion(_sure(Kind.OTHER).probabilities, MIN_WORDS - 1, share=0.9)
    assert reconsider(Kind.REJECTION, PLAIN, few) is Kind.REJECTION


@pytest.mark.parametrize(
    "structure",
    [
        {"from_owner": True},
        {"owner_is_colleague": True},
        {"calendar_reply": True},
        {"calendar_cancel": True},
    ],
)
def test_structure_is_never_overruled(structure: dict[str, bool]) -> None:
    signals = replace(PLAIN, **structure)
    assert reconsider(Kind.OTHER, signals, _sure(Kind.INTERVIEW_CONFIRMATION)) is Kind.OTHER
    assert reconsider(Kind.OTHER, signals, _sure(Kind.RECRUITER_REPLY)) is Kind.OTHER


def test_a_confirmation_needs_a_time_and_confidence() -> None:
    assert reconsider(Kind.RECRUITER_REPLY, PLAIN, _sure(Kind.INTERVIEW_CONFIRMATION)) is (
        Kind.INTERVIEW_CONFIRMATION
    )
    no_time = replace(PLAIN, has_future_time=False)
    assert (
        reconsider(Kind.RECRUITER_REPLY, no_time, _sure(Kind.INTERVIEW_CONFIRMATION)) is Kind.RECRUITER_REPLY
    )
    leaning = {**_sure(Kind.INTERVIEW_CONFIRMATION, 0.45).probabilities, Kind.RECRUITER_REPLY: 0.1}
    assert reconsider(Kind.RECRUITER_REPLY, PLAIN, _opinion(leaning)) is Kind.RECRUITER_REPLY


def test_slots_offered_on_several_days_never_become_a_confirmation() -> None:
    options = replace(PLAIN, offered_days=2)
    sure = _sure(Kind.INTERVIEW_CONFIRMATION, 0.99)
    assert reconsider(Kind.SCHEDULING_REQUEST, options, sure) is Kind.SCHEDULING_REQUEST


@pytest.mark.parametrize("found", [Kind.REJECTION, Kind.OFFER, Kind.CANCELLATION])
def test_an_outcome_or_cancellation_found_in_words_never_becomes_a_confirmation(found: Kind) -> None:
    assert reconsider(found, PLAIN, _sure(Kind.INTERVIEW_CONFIRMATION, 0.99)) is found


def test_a_doubtful_confirmation_can_be_withdrawn() -> None:
    assert reconsider(Kind.INTERVIEW_CONFIRMATION, PLAIN, _sure(Kind.OTHER)) is Kind.OTHER
