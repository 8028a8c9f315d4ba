"""Header fields → `Envelope`, tolerant of the malformed headers real mail carries.

This reads the raw (compat32) header strings and decodes only the fields it needs. The stdlib's
default policy would build a structured object for every header the MIME walk touches, which was
most of the parse time, and it raises on hostile values such as an encoded CR/LF in a name.
"""

from __future__ import annotations

import hashlib
import re
from contextlib import suppress
from datetime import UTC, datetime
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parsedate_to_datetime

from assistant.model import Address, Envelope

_MSGID = re.compile(r"<[^<>\s]+>")
_BARE_MSGID = re.compile(r"^\s*([^<>\s@]+@[^<>\s@]+)\s*$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")
_NOT_FIRST_NAME = re.compile(r"^(?:inc|llc|ltd|gmbh|co|corp|plc|ag|sa|bv|jr|sr|ii|iii|phd|md)\.?$", re.I)
_LAST_FIRST = re.compile(
    r"^([A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)?), ([A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+)?)$"
)
# What identifies a message as its author wrote it; delivery headers differ between copies.
_IDENTITY = ("from", "to", "cc", "date", "subject", "in-reply-to", "references")


def clean_text(value: str) -> str:
    """Fold control characters (CR/LF included) and runs of space into one space.

    Names and subjects from incoming mail end up in our drafts' headers; this is what keeps a
    hostile display name from injecting a header.
    """
    return " ".join(_CONTROL.sub(" ", value).split())


def _unescape_8bit(raw: str) -> str:
    """Header bytes outside ASCII (against the RFC, but common) read as UTF-8, else windows-1252."""
    if not _ESCAPED_BYTE.search(raw):
        return raw
    data = raw.encode("ascii", "surrogateescape")
    for charset in ("utf-8", "windows-1252"):
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def decode_text(raw: str) -> str:
    """A raw header value as clean text: unfolded, RFC 2047 words decoded, never raising."""
    text = _unescape_8bit(_FOLD.sub("", raw))
    if "=?" in text:
        with suppress(HeaderParseError, LookupError, UnicodeError, ValueError):
            text = str(make_header(decode_header(text)))
    return clean_text(text)


def _raw(msg: Message, name: str) -> str:
    """The first such header as written (8-bit bytes still escaped), or ""."""
    wanted = name.lower()
    return next((str(v) for k, v in msg.raw_items() if k.lower() == wanted), "")


def header_text(msg: Message, name: str) -> str:
    """A header's decoded text, or "" when absent."""
    return decode_text(_raw(msg, name))


def person_name(raw: str, email: str) -> str | None:
    """A display name as a greeting can use: decoded, cleaned, "Shah, Priya" as "Priya Shah".

    A "name" that is only the address again (as Outlook and Google Calendar write) is no name.
    """
    name = decode_text(raw).strip("'\" ")
    if not name or email.lower() in name.lower():
        return None
    flipped = _LAST_FIRST.match(name)
    if flipped is None or _NOT_FIRST_NAME.match(flipped.group(2)):
        return name
    return f"{flipped.group(2)} {flipped.group(1)}"


def parse_addresses(raw: str) -> tuple[Address, ...]:
    """Every well-formed address in a raw header value.

    Addresses are split before names are decoded, so an encoded comma or CR/LF inside a name can
    neither split an address nor survive into the name.
    """
    found: list[Address] = []
    for name, addr in getaddresses([_FOLD.sub("", raw)]):
        addr = _unescape_8bit(addr).strip().strip("<>")
        local, at, domain = addr.rpartition("@")
        if not at or not local or "." not in domain or _CONTROL.search(addr) or " " in addr:
            continue
        found.append(Address(addr, person_name(name, addr)))
    return tuple(found)


def message_ids(value: str) -> tuple[str, ...]:
    return tuple(_MSGID.findall(value))


def _message_id(msg: Message) -> str:
    """The Message-ID; a bare "id@host" gets its brackets; none at all gets a stable synthetic id.

    The synthetic id hashes the identifying headers only, so the header block a mailbox scan reads
    and the whole message fetched later give the same id.
    """
    raw = _FOLD.sub("", _raw(msg, "Message-ID"))
    ids = message_ids(raw)
    if ids:
        return ids[0]
    bare = _BARE_MSGID.match(raw)
    if bare:
        return f"<{bare.group(1)}>"
    identity = "\n".join(f"{name}:{' '.join(_raw(msg, name).split())}" for name in _IDENTITY)
    digest = hashlib.sha256(identity.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"<no-id-{digest}@interview-assistant.invalid>"


def _date(value: str) -> datetime | None:
    """The Date header; a date without a zone (or with "-0000") is taken as UTC.

    A year outside 1970-2199 is a broken clock or a forgery, and near the ends of the calendar
    the date arithmetic of extraction would overflow, so such a date counts as missing.
    """
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if not 1970 <= parsed.year < 2200:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _automated(msg: Message) -> bool:
    auto = header_text(msg, "Auto-Submitted").lower()
    precedence = header_text(msg, "Precedence").lower()
    return (
        (bool(auto) and auto != "no")
        or precedence in {"bulk", "list", "junk"}
        or "List-Unsubscribe" in msg
        or "List-Id" in msg
    )


def envelope_from_message(msg: Message) -> Envelope:
    """Build the envelope from a parsed message (headers only are read)."""
    senders = parse_addresses(_raw(msg, "From"))
    in_reply_to = message_ids(_raw(msg, "In-Reply-To"))
    return Envelope(
        message_id=_message_id(msg),
        subject=header_text(msg, "Subject"),
        sender=senders[0] if senders else None,
        date=_date(header_text(msg, "Date")),
        to=parse_addresses(_raw(msg, "To")),
        cc=parse_addresses(_raw(msg, "Cc")),
        reply_to=parse_addresses(_raw(msg, "Reply-To")),
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=message_ids(_raw(msg, "References")),
        automated=_automated(msg),
    )


def envelope_from_bytes(raw_headers: bytes) -> Envelope:
    """Envelope from the header block (or a whole message) as fetched from a mailbox."""
    msg = BytesHeaderParser(policy=policy.compat32).parsebytes(raw_headers)
    return envelope_from_message(msg)
