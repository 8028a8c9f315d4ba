"""Headers-only triage: recruiting subjects always, everyday words only from people."""

from __future__ import annotations

import pytest

from assistant.extract.prefilter import wants_body
from assistant.model import Address, Envelope


def envelope(subject: str, sender: str = "dana@northwind.com", automated: bool = False) -> Envelope:
    return Envelope("<m@x>", subject, Address(sender), None, automated=automated)


@pytest.mark.parametrize(
    "subject",
    [
        "Interview Confirmation: Senior Data Engineer",
        "Invitation: Chat with Priya @ Thu Dec 3, 2026 2pm - 3pm (EST)",
        "Northwind Analytics - Staff Engineer",
        "Your application to Brightpath",
        "Einladung zum Vorstellungsgespräch",
        "Your offer from Sablefin",
        "Action needed: schedule your Technical Screen with Sunspot Solar",
        "Confirmed: Remi Okonkwo and Aaron Feldstein on Thursday, December 3, 2026",
        "Propuesta de incorporación",
        "Obsidian Labs - round 2!!",
    ],
)
def test_recruiting_subjects_are_read_even_from_robots(subject: str) -> None:
    assert wants_body(envelope(subject, "no-reply@greenhouse.io", automated=True), known_thread=False)


def test_everyday_words_are_read_only_when_a_person_wrote() -> None:
    assert wants_body(envelope("Quick call this week?"), known_thread=False)
    assert wants_body(envelope("References"), known_thread=False)
    assert wants_body(envelope("Driftwood <> Noor"), known_thread=False)
    assert not wants_body(envelope("We'd love your feedback", "survey@shop.example", automated=True), False)
    assert not wants_body(envelope("Your order is confirmed", "orders@shop.example", automated=True), False)
    assert not wants_body(envelope("Weekly update", "news@list.example", automated=True), False)


def test_known_threads_and_employers_are_always_read() -> None:
    plain = envelope("Re: lunch")
    assert not wants_body(plain, known_thread=False)
    assert wants_body(plain, known_thread=True)
    assert wants_body(plain, known_thread=False, known_sender=True)
