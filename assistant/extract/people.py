"""Who is who in a message: the owner, the person who arranged things, the interviewers.

A draft to a wrong or invented address is worse than no draft, so this module only ever returns
addresses that appear in the message, and filters out the machines (no-reply senders, ATS relays,
calendar robots), rooms and groups that appear beside the people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.extract.company import JOB_WORDS
from assistant.extract.domains import is_relay
from assistant.model import Address, CalendarEvent, Envelope

_MACHINE_LOCAL = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|notify|mailer-daemon|postmaster|"
    r"calendar(?:-notification)?|invitations?|scheduling|scheduler|alerts?|jobs?|careers?|"
    r"talent(?:acquisition)?|recruiting|recruitment|hr|hiring|team|info|support|hello|news(?:letter)?|"
    r"bounce[s]?|automated|system|updates?|applications?|accommodations?|accessibility|privacy|"
    r"benefits|payroll|legal|security|events?|reminders?)(?:[-_.+].*)?$",
    re.IGNORECASE,
)
_ROBOT_ANYWHERE = re.compile(r"no-?reply|do-?not-?reply|notification|mailer|bounce", re.IGNORECASE)
_ROOM = re.compile(
    r"(?:^|[-_.])(?:room|conf|confroom|conference|conferenceroom|boardroom|meetingroom)(?:[-_.\d]|$)",
    re.IGNORECASE,
)
# Exchange and Google room names: "Conf Room Rainier (10)", "NYC-9-Hudson (8)" (a capacity), "Boardroom".
_ROOM_NAME = re.compile(r"\b(?:room|boardroom|huddle)\b|^[\w .-]+\(\d{1,3}\)$", re.IGNORECASE)
_GROUP = re.compile(
    r"(?:^|[-_.])(?:all|everyone|team|teams|group|interviewers?|panel|staff|list)(?:[-_.]|$)", re.IGNORECASE
)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_NAME_WORD = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")
_NOT_A_NAME = {"Interviewer", "Interviewers", "Email", "E-mail", "Contact", "Name", "Time", "Title",
               "With", "Mit", "Avec", "Con", "And", "Panel", "Host", "Zoom", "Teams", "Meet", "Join",
               "Please", "Dear", "Hi", "Hello", "Thanks", "Call", "Ask", "Guests", "Organizer", "Attendees",
               "You", "Your", "We", "Our", "The", "I", "Mr.", "Ms.", "Mrs.", "Dr."}  # fmt: skip
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
    return is_relay(domain)


def is_room_or_group(address: Address, cutype: str | None = None) -> bool:
    """Calendar resources and mailing lists invited beside the people, by CUTYPE, address or name."""
    if cutype and cutype.upper() in {"ROOM", "RESOURCE", "GROUP"}:
        return True
    local, _, domain = address.email.partition("@")
    return (
        bool(_ROOM.search(local) or _GROUP.search(local))
        or domain.startswith("resource.calendar.")
        or bool(address.name and _ROOM_NAME.search(address.name))
    )


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


def calendar_interviewers(
    event: CalendarEvent, owner: frozenset[str], organizer_joins: bool = False
) -> tuple[Address, ...]:
    """Attendees minus the owner, rooms, groups, robots, non-participants, and a coordinating organizer.

    An organizer beside other people is usually the recruiter who set the meeting up; the caller
    says when the text shows the organizer takes part ("Ken will join me").
    """
    people = [
        attendee.address
        for attendee in event.attendees
        if attendee.address.email not in owner
        and not is_machine(attendee.address)
        and not is_room_or_group(attendee.address, attendee.cutype)
        and (attendee.role or "").upper() != "NON-PARTICIPANT"
    ]
    organizer = event.organizer
    if organizer is None or organizer.email in owner or is_machine(organizer):
        return _unique(people)
    others = [p for p in people if p.email != organizer.email]
    if others and not organizer_joins:
        return _unique(others)
    return _unique([*others, organizer])


def _trailing_name(words: list[str]) -> str | None:
    """The run of capitalised words that ends the segment, if it looks like a person's name."""
    run: list[str] = []
    for word in reversed(words):
        if not _NAME_WORD.match(word) or word in _NOT_A_NAME:
            break
        run.insert(0, word)
    name = " ".join(run)
    return name if 2 <= len(run) <= 4 and not JOB_WORDS.search(name) else None


def _name_before(prefix: str) -> str | None:
    """The person's name written just before an address: "Priya Shah <…>", "Priya Shah (…)".

    Segments are read backwards, so in "Lee Chen, Engineering Manager (…)" the title is skipped.
    """
    for segment in reversed(re.split(r"[|(<\[,:–—\t]| - ", prefix)):
        if name := _trailing_name(segment.split()):
            return name
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
