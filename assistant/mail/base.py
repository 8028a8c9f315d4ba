"""The one small interface every mailbox backend implements (IMAP, Maildir, later Gmail).

The core never sees a backend; the cycle hands it envelopes and bytes. A backend only reads the
user's mail (never marking it read, never moving or deleting it) and adds drafts; it has no way
to send, by design.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from types import TracebackType
from typing import Protocol, Self

from assistant.model import Envelope


class FolderRole(StrEnum):
    INBOX = "inbox"
    SENT = "sent"


WantsBody = Callable[[Envelope, FolderRole], bool]
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Fetched:
    """One message seen by a scan: its envelope, and its bytes when the body was wanted."""

    role: FolderRole
    envelope: Envelope
    raw: bytes | None
    location: str


@dataclass(frozen=True, slots=True)
class ScanBatch:
    """A chunk of a scan and the cursor to store once the chunk is recorded."""

    items: tuple[Fetched, ...]
    cursor: str


@dataclass(frozen=True, slots=True)
class DraftCopy:
    """A message sitting in Drafts: enough to recognise ours, and whether the user changed it."""

    message_id: str
    in_reply_to: str | None
    recipients: frozenset[str]
    fingerprint: str


class Backend(Protocol):
    """A mailbox the assistant reads and places drafts in."""

    name: str

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def scan(
        self, cursor: str | None, wants_body: WantsBody, progress: Progress | None = None
    ) -> Iterator[ScanBatch]:
        """New messages in the inbox and the sent folder since `cursor`, in chunks."""
        ...

    def find_draft(self, message_id: str) -> str | None:
        """Where a message with this Message-ID already sits in Drafts or Sent, if anywhere."""
        ...

    def place_draft(self, raw: bytes) -> str:
        """Add a draft to the Drafts folder, flagged as a draft; returns its location."""
        ...

    def drafts_signature(self) -> str:
        """A cheap token that changes whenever a message is added to or removed from Drafts, so an
        idle cycle need not read the folder."""
        ...

    def drafts(self) -> list[DraftCopy]:
        """What is in Drafts now; fingerprints only for the assistant's own drafts ("<ia-" ids)."""
        ...

    def withdraw_draft(self, message_id: str, fingerprint: str) -> bool:
        """Remove the assistant's own draft with this Message-ID from Drafts, only while its text
        still has `fingerprint` (the user has not edited it). Nothing else is ever removed."""
        ...

    def labelled(self, label: str) -> list[Envelope]:
        """The messages that carry a label (over IMAP and Maildir: sit in the folder of that name)."""
        ...
