"""Who is who in a message: the owner, the person who arranged things, the interviewers.

A draft to a wrong or invented address is worse than no draft, so this module only ever returns
addresses that appear in the message, and filters out the machines (no-reply senders, ATS relays,
calendar robots), rooms and groups that appear beside the people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.model import Address, CalendarEvent, Envelope

_MACHINE_LOCAL = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|notify|mailer-daemon|postmaster|"
    r"calendar(?:-notification)?|invitations?|scheduling|scheduler|alerts?|jobs?|careers?|"
    r"talent(?:acquisition)?|recruiting|recruitment|hr|hiring|team|info|support|hello|news(?:letter)?|"
    r"bounce[s]?|automated|system|updates?|applications?)(?:[-_.+].*)?$",
    re.IGNORECASE,
)
_MACHINE_DOMAINS = (
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "ashbyhq.com", "myworkday.com",
    "workday.com", "myworkdayjobs.com", "smartrecruiters.com", "icims.com", "goodtime.io",
    "calendly.com", "hire.lever.co", "sendgrid.net", "mailchimpapp.net", "mcsv.net",
)  # fmt: skip
_ROBOT_ANYWHERE = re.compile(r"no-?reply|do-?not-?reply|notification|mailer|bounce", re.IGNORECASE)
_ROOM = re.compile(
    r"(?:^|[-_.])(?:room|conf|conference|boardroom)(?:[-_.\d]|$)|resource\.calendar", re.IGNORECASE
)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")
_NOT_A_NAME = {"Interviewer", "Interviewers", "Email", "E-mail", "Contact", "Name", "Time", "Title",
               "With", "Mit", "Avec", "Con", "And", "Panel", "Host", "Zoom", "Teams", "Meet"}  # fmt: skip
_COORDINATOR_CUE = re.compile(
    r"(?:contact|reach(?:\s+out)?(?:\s+to)?|questions?|email\s+me|reply|write\s+to|cc(?:'d)?|"
    r"copied|kontakt|contacter|contactar|reschedule|coordinator)\W[^\n]{0,40}$",
    re.IGNORECASE,
)


def is_machine(address: Address) -> bool:
    """No-reply robots, ATS relays and role mailboxes: never a person to write to."""
    local, _, domain = address.email.partition("@")
    if _MACHINE_LOCAL.match(local) or _ROBOT_ANYWHERE.search(local):
        return True
    return any(domain == d or domain.endswith("." + d) for d in _MACHINE_DOMAINS)


def is_room_or_group(address: Address, cutype: str | None = None) -> bool:
    if cutype and cutype.upper() in {"ROOM", "RESOURCE", "GROUP"}:
        return True
    return bool(_ROOM.search(address.email.partition("@")[0])) or "resource.calendar" in address.email


def owner_of(envelope: Envelope, configured: Iterable[str]) -> frozenset[str]:
    """The mailbox owner's addresses: the configured ones, else the message's To addresses."""
    addresses = frozenset(a.lower() for a in configured)
    return addresses or frozenset(a.email for a in envelope.to)


def arranger(envelope: Envelope, owner: frozenset[str]) -> Address | None:
    """The human who arranged the interview: a personal Reply-To, else a personal From."""
    for candidate in (*envelope.reply_to, envelope.sender):
        if candidate is not None and candidate.email not in owner and not is_machine(candidate):
            return candidate
    return None


def calendar_interviewers(event: CalendarEvent, owner: frozenset[str]) -> tuple[Address, ...]:
    """Attendees minus the owner, rooms, groups, robots, non-participants, and a coordinating organizer."""
    people = [
        attendee.address
        for attendee in event.attendees
        if attendee.address.email not in owner
        and not is_machine(attendee.address)
        and not is_room_or_group(attendee.address, attendee.cutype)
        and (attendee.role or "").upper() != "NON-PARTICIPANT"
    ]
    organizer = event.organizer
    if organizer is not None and any(p.email != organizer.email for p in people):
        people = [p for p in people if p.email != organizer.email]
    if not people and organizer is not None and organizer.email not in owner and not is_machine(organizer):
        people = [organizer]
    return _unique(people)


def _name_before(prefix: str) -> str | None:
    """The person's name written just before an address: "Priya Shah <…>", "Priya Shah (…)"."""
    for segment in reversed(re.split(r"[|(<\[,:–—\t]| - ", prefix)):
        words = segment.strip().split()
        if 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) and w not in _NOT_A_NAME for w in words):
            return " ".join(words)
        if segment.strip():
            words = words[-3:]
            if 2 <= len(words) <= 3 and all(_NAME_WORD.match(w) and w not in _NOT_A_NAME for w in words):
                return " ".join(words)
    return None


def text_interviewers(text: str, exclude: frozenset[str]) -> tuple[Address, ...]:
    """People named with an address in the text, minus coordinators and the excluded."""
    found = []
    for match in _EMAIL.finditer(text):
        email = match.group(0).rstrip(".").lower()
        line_start = text.rfind("\n", 0, match.start()) + 1
        prefix = text[line_start : match.start()]
        address = Address(email, _name_before(prefix))
        if email in exclude or is_machine(address) or is_room_or_group(address):
            continue
        if _COORDINATOR_CUE.search(text[max(0, match.start() - 80) : match.start()]):
            continue
        found.append(address)
    return _unique(found)


def _unique(addresses: Iterable[Address]) -> tuple[Address, ...]:
    seen: dict[str, Address] = {}
    for address in addresses:
        known = seen.get(address.email)
        if known is None or (known.name is None and address.name):
            seen[address.email] = address
    return tuple(seen.values())
