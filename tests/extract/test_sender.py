"""Who wrote: the employer's side, shown by an ATS relay or by the mail naming the writer's firm."""

from __future__ import annotations

from assistant.extract.sender import employer_named, from_employer_side, owner_is_colleague
from assistant.model import Address, Envelope, Message


def _message(sender: str, text: str, subject: str = "Hello", reply_to: tuple[Address, ...] = ()) -> Message:
    envelope = Envelope(
        "<m@x>", subject, Address(sender), None, to=(Address("alex@example.com"),), reply_to=reply_to
    )
    return Message(envelope=envelope, text=text, quoted="", events=())


def test_the_writers_firm_named_in_the_signature() -> None:
    assert employer_named(
        _message("nora@kitelineaero.example", "Thanks!\nNora\nTechnical Recruiter | Kiteline Aviation")
    )
    assert employer_named(_message("ines@driftwoodlabs.example", "See you then", "Re: engineer @ Driftwood"))


def test_a_friend_on_a_domain_of_their_own_names_no_firm() -> None:
    assert not employer_named(_message("sanne@postduif.example", "Good luck tonight!\n\nxx Sanne"))


def test_an_ats_relay_counts_as_the_employers_side() -> None:
    assert employer_named(_message("no-reply@greenhouse.io", "Your interview is confirmed."))


def test_free_mail_is_nobody_s_employer() -> None:
    assert not from_employer_side(_message("friend@gmail.com", "hi").envelope)
    assert from_employer_side(_message("dana@northwind.example", "hi").envelope)


def test_a_colleague_shares_the_owners_domain() -> None:
    message = _message("lead@acme.example", "Team sync at 2pm")
    assert owner_is_colleague(message, frozenset({"alex@acme.example"}))
    assert not owner_is_colleague(message, frozenset({"alex@example.com"}))


def test_a_public_body_signs_the_name_its_domain_abbreviates() -> None:
    signature = "Jean Côté\nHuman Resources Advisor\nCanadian Water Stewardship Agency"
    assert employer_named(_message("jean.cote@cwsa-acge.gc.ca", signature))
    german = "Freundliche Grüsse\nBundesamt für wirtschaftliche Resilienz BWR"
    assert employer_named(_message("c.rossier@bwr.admin.ch", german))
    assert not employer_named(_message("c.rossier@bwr.admin.ch", "Bis bald, Claudia"))
