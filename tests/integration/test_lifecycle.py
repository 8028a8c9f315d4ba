"""The whole follow-up lifecycle through simulated days, against a real Dovecot.

Each scenario walks the Northwind panel interview (Thu 3 Dec 2026, 14:00–15:30 New York time,
recruiter Dana) through what a user and an employer do, running the assistant with `--now`, and
checks exactly which drafts sit in Drafts afterwards and that nothing was ever sent by it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.world import GmailWorld, ImapWorld, World
from tests.policy.builders import at
from tests.support.mail import NORTHWIND, sample

DANA = "dana.whitfield@northwind-analytics.com"
PRIYA = "priya.shah@northwind-analytics.com"
MARCUS = "marcus.bell@northwind-analytics.com"
THANKS = [("thank_you", MARCUS), ("thank_you", PRIYA)]
CONFIRMATION = sample(NORTHWIND)


@pytest.fixture(params=["imap", "gmail"])
def world(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> World:
    """The same story on both backends: Dovecot over IMAP, and the Gmail API test server."""
    if request.param == "imap":
        w: World = ImapWorld(request.getfixturevalue("imap_account"), tmp_path, monkeypatch)
    else:
        w = GmailWorld(request.getfixturevalue("gmail_server"), tmp_path)
    w.deliver(CONFIRMATION)
    return w


def test_follow_ups_count_what_the_user_actually_sent(world: World) -> None:
    world.run(at("2026-12-03 17:00"))
    assert world.summary() == THANKS
    for draft in world.drafts():
        world.user_sends(draft, at("2026-12-03 18:00"))
    world.run(at("2026-12-10 20:00"))
    assert world.summary() == []
    world.run(at("2026-12-11 09:05"))  # a week after, the next weekday morning
    assert world.summary() == [("follow_up", DANA)]
    world.run(at("2026-12-18 09:05"))  # still unsent in Drafts: nothing new appears
    assert world.summary() == [("follow_up", DANA)]
    world.user_sends(world.draft_to(DANA), at("2026-12-18 10:00"))
    world.run(at("2026-12-24 12:00"))
    assert world.summary() == []
    world.run(at("2026-12-28 09:05"))  # a week after the user sent it, next weekday morning
    assert world.summary() == [("second_follow_up", DANA)]
    world.user_sends(world.draft_to(DANA), at("2026-12-28 10:00"))
    world.run(at("2027-01-20 09:05"))  # two sent: time to let it rest
    assert world.summary() == []
    assert world.sent_count() == 4  # the user's own four, nothing from the assistant
    [row] = world.status(at("2027-01-20 10:00"))
    assert sorted((d["kind"], d["fate"]) for d in row["drafts"]) == [
        ("follow-up", "sent"), ("second follow-up", "sent"), ("thank-you", "sent"), ("thank-you", "sent"),
    ]  # fmt: skip
    assert row["outcome"] == "no answer"
    assert row["next"] is None


def test_a_deleted_draft_is_never_placed_again(world: World) -> None:
    world.run(at("2026-12-03 17:00"))
    world.user_deletes(world.draft_to(PRIYA))
    world.run(at("2026-12-03 18:00"))
    world.run(at("2026-12-04 09:00"))
    assert world.summary() == [("thank_you", MARCUS)]


def test_the_user_labelling_the_thread_stops_everything(world: World) -> None:
    world.run(at("2026-12-03 17:00"))
    world.user_labels(CONFIRMATION, "Interview/Withdrawn")
    world.run(at("2026-12-11 09:05"))
    world.run(at("2026-12-21 09:05"))
    assert world.summary() == THANKS


def test_a_reply_withdraws_the_untouched_nudge_and_its_new_date_moves_the_next(world: World) -> None:
    world.run(at("2026-12-03 17:00"))
    for draft in world.drafts():
        world.user_deletes(draft)
    world.run(at("2026-12-11 09:05"))
    assert world.summary() == [("follow_up", DANA)]
    world.deliver(
        world.reply_from(
            DANA, CONFIRMATION, at("2026-12-11 11:00"),
            "Hi Alex,\n\nThanks for checking in! The team is still meeting candidates. "
            "We expect to make a decision by Friday, December 18.\n\nBest,\nDana",
        )
    )  # fmt: skip
    world.run(at("2026-12-11 12:00"))
    assert world.summary() == []
    [row] = world.status(at("2026-12-11 12:00"))
    assert row["respond_by"] == "2026-12-18"
    assert row["next"]["at"] == "2026-12-21T09:00:00-05:00"
    assert [d["fate"] for d in row["drafts"] if d["kind"] == "follow-up"] == ["withdrawn"]
    world.run(at("2026-12-18 17:00"))
    assert world.summary() == []
    world.run(at("2026-12-21 09:05"))  # the next business day after their date
    assert world.summary() == [("follow_up", DANA)]


def test_an_edited_nudge_is_never_touched(world: World) -> None:
    world.run(at("2026-12-03 17:00"))
    for draft in world.drafts():
        world.user_deletes(draft)
    world.run(at("2026-12-11 09:05"))
    world.user_edits(world.draft_to(DANA), "I also wanted to share the write-up I mentioned.")
    world.deliver(
        world.reply_from(DANA, CONFIRMATION, at("2026-12-11 11:00"), "Hi Alex, no news yet.\n\nDana")
    )
    world.run(at("2026-12-11 12:00"))
    assert world.summary() == [("follow_up", DANA)]
    assert "write-up I mentioned" in world.draft_to(DANA).body


def test_a_rejection_ends_the_nudges_and_gets_one_gracious_reply_on_a_weekday_morning(world: World) -> None:
    world.run(at("2026-12-03 17:00"))
    rejection = world.reply_from(
        DANA, CONFIRMATION, at("2026-12-05 11:00"),
        "Hi Alex,\n\nThank you for the time you spent with the team. Unfortunately, after careful "
        "consideration, we have decided to move forward with other candidates.\n\nBest,\nDana",
    )  # fmt: skip
    world.deliver(rejection)
    world.run(at("2026-12-05 12:00"))  # Saturday
    world.run(at("2026-12-06 12:00"))  # Sunday
    assert world.summary() == THANKS
    world.run(at("2026-12-07 03:00"))  # Monday, at night
    assert world.summary() == THANKS
    world.run(at("2026-12-07 09:01"))
    assert world.summary() == sorted([*THANKS, ("rejection_reply", DANA)])
    reply = world.draft_to(DANA)
    assert reply.message["In-Reply-To"] == str(
        __import__("email").message_from_bytes(rejection)["Message-ID"]
    )
    assert "feedback" in reply.body
    world.run(at("2026-12-21 09:05"))
    assert world.summary() == sorted([*THANKS, ("rejection_reply", DANA)])
    [row] = world.status(at("2026-12-21 10:00"))
    assert row["outcome"] == "rejected"
    assert row["last_reply"] == "2026-12-05T16:00:00+00:00"


def test_an_offer_ends_the_nudges(world: World) -> None:
    world.run(at("2026-12-03 17:00"))
    world.deliver(
        world.reply_from(
            DANA, CONFIRMATION, at("2026-12-08 10:00"),
            "Hi Alex,\n\nI'm delighted to extend you an offer for the Senior Data Engineer role! "
            "The offer letter is attached.\n\nDana",
        )
    )  # fmt: skip
    world.run(at("2026-12-11 09:05"))
    world.run(at("2026-12-21 09:05"))
    assert world.summary() == THANKS


def test_a_rescheduled_interview_moves_its_thank_yous(world: World) -> None:
    world.deliver(
        world.reply_from(
            DANA, CONFIRMATION, at("2026-12-01 10:00"),
            "Hi Alex,\n\nYour interview has been rescheduled to Friday, December 4, 2:00 - 3:30 PM ET, "
            "with the same panel.\n\nDana",
        )
    )  # fmt: skip
    world.run(at("2026-12-03 17:00"))
    assert world.summary() == []
    world.run(at("2026-12-04 17:00"))
    assert world.summary() == THANKS
    assert "Friday, December 4" in world.draft_to(PRIYA).body


def test_a_cancellation_withdraws_the_unsent_thank_yous(world: World) -> None:
    world.run(at("2026-12-03 17:00"))
    assert world.summary() == THANKS
    world.deliver(
        world.reply_from(
            DANA, CONFIRMATION, at("2026-12-03 17:30"),
            "Hi Alex,\n\nI'm so sorry: we had to cancel today's interview, Priya had a family emergency "
            "and the panel could not go ahead. I will be in touch to find a new time.\n\nDana",
        )
    )  # fmt: skip
    world.run(at("2026-12-03 18:00"))
    assert world.summary() == []
    world.run(at("2026-12-11 09:05"))
    assert world.summary() == []


def test_a_cancellation_before_the_day_means_no_drafts(world: World) -> None:
    world.deliver(
        world.reply_from(
            DANA, CONFIRMATION, at("2026-12-01 09:00"),
            "Hi Alex,\n\nUnfortunately we need to cancel your interview on Thursday, December 3 at 2:00 PM ET; "
            "the role has been put on hold.\n\nDana",
        )
    )  # fmt: skip
    world.run(at("2026-12-03 17:00"))
    world.run(at("2026-12-11 09:05"))
    assert world.summary() == []


def test_back_after_a_week_away_it_skips_the_stale_thank_yous_but_follows_up(world: World) -> None:
    world.run(at("2026-12-11 09:30"))
    assert world.summary() == [("follow_up", DANA)]


def test_the_user_writing_their_own_thanks_means_no_thank_you_drafts(world: World) -> None:
    world.user_writes(DANA, CONFIRMATION, at("2026-12-03 16:00"), "Thank you all for today!")
    world.run(at("2026-12-03 17:00"))
    assert world.summary() == []
