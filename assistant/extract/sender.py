"""Who wrote a message and to whom: the employer's side, a colleague of the owner, the candidate.

These judgements read the envelope and the words around the people in it; the classifier takes
them as signals, so a friend's mail, a colleague's meeting and an employer's note are told apart
by who they come from, not only by what they say.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.extract.domains import FREE_MAIL, is_relay, organisation_label
from assistant.extract.naming import named_by_initials
from assistant.model import Envelope, Message


def from_employer_side(envelope: Envelope) -> bool:
    """A writer on an organisation's or an ATS's domain; friends write from free mail."""
    writers = [a for a in (*envelope.reply_to, envelope.sender) if a is not None]
    return any(a.email.partition("@")[2] not in FREE_MAIL for a in writers)


def employer_named(message: Message) -> bool:
    """The mail names the writer's organisation ("Kiteline Aviation" from kitelineaero.com) or comes
    through an ATS: a friend writing from a domain of their own says nothing of it."""
    envelope = message.envelope
    said = f"{envelope.subject} {message.text} {message.quoted}".lower()
    if not said.isascii():  # "Maré Digital" spells maredigital.pt
        said = unicodedata.normalize("NFKD", said).encode("ascii", "ignore").decode()
    words = set(re.findall(r"[a-z0-9]{5,}", said))
    squeezed = re.sub(r"[^a-z0-9]", "", said)
    for writer in (*envelope.reply_to, envelope.sender):
        if writer is None:
            continue
        if is_relay(writer.email.partition("@")[2]):
            return True
        name = organisation_label(writer.email) or ""
        label = re.sub(r"[^a-z0-9]", "", name)
        if label and (label in squeezed or any(label.startswith(word) for word in words)):
            return True
        if name and named_by_initials(f"{envelope.subject}\n{message.text}", name):
            return True
    return False


def owner_is_colleague(message: Message, owner: frozenset[str]) -> bool:
    """The owner shares a company domain with the sender: internal mail, not a candidate's."""
    sender = message.envelope.sender
    if sender is None:
        return False
    domain = sender.email.partition("@")[2]
    return domain not in FREE_MAIL and any(o.partition("@")[2] == domain for o in owner)


def owner_is_candidate(message: Message, owner: frozenset[str]) -> bool:
    """The subject names the owner in full ("Interview: Sam Lindqvist - SRE"), or a booking tool
    names the owner as its invitee: the owner is the one interviewed, even where the invitation to
    the whole panel mentions feedback forms or the booking mail lists "Invitee Email:"."""
    envelope = message.envelope
    addresses = [*envelope.to, *envelope.cc, *(a.address for e in message.events for a in e.attendees)]
    subject = envelope.subject.lower()
    if any(
        a.email in owner and a.name and len(a.name.split()) > 1 and a.name.lower() in subject
        for a in addresses
    ):
        return True
    invitee = _INVITEE.search(message.text)
    return invitee is not None and invitee.group(1).lower() in owner


_INVITEE = re.compile(r"\binvitee(?: e-?mail)?:\s*([\w.+'-]+@[\w.-]+\w)", re.IGNORECASE)
