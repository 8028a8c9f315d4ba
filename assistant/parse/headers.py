"""Header fields → `Envelope`, tolerant of the malformed headers real mail carries."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime

from assistant.model import Address, Envelope

_MSGID = re.compile(r"<[^<>\s]+>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def clean_text(value: str) -> str:
    """Fold control characters (CR/LF included) and runs of space into one space.

    Names and subjects from incoming mail end up in our drafts' headers; this is what keeps a
    hostile display name from injecting a header.
    """
    return " ".join(_CONTROL.sub(" ", value).split())


def header_text(msg: Message, name: str) -> str:
    """A header's decoded text, or "" when absent or undecodable."""
    try:
        value = msg.get(name)
    except (ValueError, IndexError, TypeError, LookupError, AttributeError):
        wanted = name.lower()
        value = next((v for k, v in msg.raw_items() if k.lower() == wanted), None)
    return clean_text(str(value)) if value is not None else ""


def parse_addresses(value: str) -> tuple[Address, ...]:
    """Every well-formed address in a header value, names cleaned."""
    found: list[Address] = []
    for name, addr in getaddresses([value]):
        addr = addr.strip().strip("<>")
        if "@" not in addr or " " in addr:
            continue
        cleaned = clean_text(name).strip("'\" ") or None
        found.append(Address(addr, cleaned))
    return tuple(found)


def message_ids(value: str) -> tuple[str, ...]:
    return tuple(_MSGID.findall(value))


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _automated(msg: Message) -> bool:
    auto = header_text(msg, "Auto-Submitted").lower()
    precedence = header_text(msg, "Precedence").lower()
    return (
        (bool(auto) and auto != "no")
        or precedence in {"bulk", "list", "junk"}
        or msg.get("List-Unsubscribe") is not None
        or msg.get("List-Id") is not None
    )


def envelope_from_message(msg: Message, raw_for_id: bytes = b"") -> Envelope:
    """Build the envelope from a parsed message (headers only are read)."""
    ids = message_ids(header_text(msg, "Message-ID"))
    if ids:
        message_id = ids[0]
    else:
        digest = hashlib.sha256(raw_for_id or str(msg.items()).encode()).hexdigest()[:32]
        message_id = f"<no-id-{digest}@interview-assistant.invalid>"
    senders = parse_addresses(header_text(msg, "From"))
    in_reply_to = message_ids(header_text(msg, "In-Reply-To"))
    return Envelope(
        message_id=message_id,
        subject=header_text(msg, "Subject"),
        sender=senders[0] if senders else None,
        date=_date(header_text(msg, "Date")),
        to=parse_addresses(header_text(msg, "To")),
        cc=parse_addresses(header_text(msg, "Cc")),
        reply_to=parse_addresses(header_text(msg, "Reply-To")),
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=message_ids(header_text(msg, "References")),
        automated=_automated(msg),
    )


def envelope_from_bytes(raw_headers: bytes) -> Envelope:
    """Envelope from the header block (or a whole message) as fetched from a mailbox."""
    msg: EmailMessage = BytesHeaderParser(policy=policy.default).parsebytes(raw_headers)
    return envelope_from_message(msg, raw_headers)
