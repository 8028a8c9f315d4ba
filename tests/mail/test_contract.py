"""One contract, every backend: the same behaviour from the Maildir and from a real Dovecot.

What the cycle relies on: scans are incremental and report each message once; bodies come only
when asked; reading never changes the user's mail (no \\Seen, no moves); a placed draft is
flagged as a draft and can be found again by its Message-ID, in Drafts or in Sent.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.errors import MailboxError
from assistant.mail.base import Backend, FolderRole
from assistant.mail.gmail import GmailBackend
from assistant.mail.imap import ImapBackend, ImapSettings
from assistant.mail.maildir import MaildirBackend, MaildirSettings
from assistant.model import Envelope
from tests.support.dovecot import Dovecot
from tests.support.gmail import settings_for
from tests.support.gmail_server import GmailServer

_counter = itertools.count()


def make_message(subject: str, sender: str = "dana@northwind-analytics.com", mid: str | None = None) -> bytes:
    mid = mid or f"<contract-{next(_counter)}@test.example>"
    return (
        f"From: Dana <{sender}>\r\nTo: alex.morgan@example.com\r\nSubject: {subject}\r\n"
        f"Date: Tue, 01 Dec 2026 10:00:00 -0500\r\nMessage-ID: {mid}\r\n\r\nHello.\r\n"
    ).encode()


@dataclass
class Mailbox:
    """A backend under test plus the hands to seed it and look at it from outside."""

    open: Callable[[], Backend]
    seed: Callable[[str, list[bytes]], None]
    flags: Callable[[str], list[set[str]]]


def _maildir(root: Path) -> Mailbox:
    for folder in (root, root / ".Sent", root / ".Drafts"):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
    paths = {"INBOX": root, "Sent": root / ".Sent", "Drafts": root / ".Drafts"}

    def seed(folder: str, messages: list[bytes]) -> None:
        for raw in messages:
            (paths[folder] / "new" / f"{next(_counter)}.test.localhost").write_bytes(raw)

    def flags(folder: str) -> list[set[str]]:
        found = []
        for sub in ("new", "cur"):
            for path in sorted((paths[folder] / sub).iterdir()):
                info = path.name.partition(":2,")[2]
                found.append(
                    {f"\\{'Draft' if c == 'D' else 'Seen' if c == 'S' else c}" for c in info} | {sub}
                )
        return found

    return Mailbox(lambda: MaildirBackend(MaildirSettings(root)), seed, flags)


def _imap(dovecot: Dovecot) -> Mailbox:
    account = dovecot.new_account()
    settings = ImapSettings(
        host=account.host, port=account.port, security="none", username=account.username,
        password=lambda: account.password,
    )  # fmt: skip

    def flags(folder: str) -> list[set[str]]:
        return [{f.decode() for f in fl} for _, fl, _ in account.fetch_all(folder)]

    return Mailbox(lambda: ImapBackend(settings), account.seed, flags)


def _gmail(server: GmailServer, directory: Path) -> Mailbox:
    labels = {"INBOX": ["INBOX", "UNREAD"], "Sent": ["SENT"], "Drafts": ["DRAFT"]}

    def seed(folder: str, messages: list[bytes]) -> None:
        for raw in messages:
            server.add_message(raw, labels[folder])

    def flags(folder: str) -> list[set[str]]:
        if folder == "Drafts":
            return [{"\\Draft"} for _ in server.drafts()]
        wanted = labels[folder][0]
        return [
            {"\\Seen"} if "UNREAD" not in m["labelIds"] else set()
            for m in server.messages()
            if wanted in m["labelIds"] and "DRAFT" not in m["labelIds"]
        ]

    settings = settings_for(server, directory)
    return Mailbox(lambda: GmailBackend(settings), seed, flags)


@pytest.fixture(params=["maildir", "imap", "gmail"])
def mailbox(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Mailbox]:
    if request.param == "maildir":
        yield _maildir(tmp_path / "Maildir")
    elif request.param == "imap":
        yield _imap(request.getfixturevalue("dovecot"))
    else:
        server = request.getfixturevalue("gmail_server")
        yield _gmail(server, tmp_path)


def _wants_interviews(envelope: Envelope, role: FolderRole) -> bool:
    return "Interview" in envelope.subject


def _scan(backend: Backend, cursor: str | None) -> tuple[list[tuple[str, str, bool]], str | None]:
    seen = []
    for batch in backend.scan(cursor, _wants_interviews):
        seen += [(i.role.value, i.envelope.subject, i.raw is not None) for i in batch.items]
        cursor = batch.cursor
    return seen, cursor


def test_scan_is_incremental_and_fetches_bodies_only_when_wanted(mailbox: Mailbox) -> None:
    mailbox.seed("INBOX", [make_message("Interview confirmed"), make_message("Weekly newsletter")])
    mailbox.seed("Sent", [make_message("Re: Interview confirmed", sender="alex.morgan@example.com")])
    with mailbox.open() as backend:
        first, cursor = _scan(backend, None)
        # A backend may leave out mail that cannot matter (Gmail asks the server for candidates
        # on a first sync); what it reports, it reports once, with a body only when wanted.
        assert sorted(item for item in first if "newsletter" not in item[1]) == [
            ("inbox", "Interview confirmed", True),
            ("sent", "Re: Interview confirmed", True),
        ]
        assert [item for item in first if "newsletter" in item[1]] in (
            [],
            [("inbox", "Weekly newsletter", False)],
        )
        again, cursor = _scan(backend, cursor)
        assert again == []
        mailbox.seed("INBOX", [make_message("Interview moved")])
        later, _ = _scan(backend, cursor)
        assert later == [("inbox", "Interview moved", True)]


def test_reading_never_marks_mail_read(mailbox: Mailbox) -> None:
    mailbox.seed("INBOX", [make_message("Interview confirmed") for _ in range(3)])
    with mailbox.open() as backend:
        _scan(backend, None)
        backend.find_draft("<nothing@test.example>")
    assert len(mailbox.flags("INBOX")) == 3
    assert all("\\Seen" not in flags for flags in mailbox.flags("INBOX"))


def test_a_placed_draft_is_flagged_and_found_by_its_message_id(mailbox: Mailbox) -> None:
    mid = "<ia-contract-draft@example.com>"
    with mailbox.open() as backend:
        assert backend.find_draft(mid) is None
        location = backend.place_draft(
            make_message("Re: Interview", sender="alex.morgan@example.com", mid=mid)
        )
        assert location
        assert backend.find_draft(mid) is not None
    drafts = mailbox.flags("Drafts")
    assert len(drafts) == 1
    assert "\\Draft" in drafts[0]
    assert mailbox.flags("INBOX") == []


def test_a_draft_the_user_already_sent_is_found_in_sent(mailbox: Mailbox) -> None:
    mid = "<ia-sent-copy@example.com>"
    mailbox.seed("Sent", [make_message("Re: Interview", sender="alex.morgan@example.com", mid=mid)])
    with mailbox.open() as backend:
        assert backend.find_draft(mid) is not None


def test_the_drafts_signature_changes_only_when_drafts_come_or_go(mailbox: Mailbox) -> None:
    mailbox.seed("INBOX", [make_message("Interview confirmed")])
    with mailbox.open() as backend:
        empty = backend.drafts_signature()
        assert backend.drafts_signature() == empty
        backend.place_draft(
            make_message("Re: Interview", sender="alex.morgan@example.com", mid="<ia-sig@example.com>")
        )
        placed = backend.drafts_signature()
        assert placed != empty
        mailbox.seed("INBOX", [make_message("Newsletter")])
        assert backend.drafts_signature() == placed
        assert backend.withdraw_draft("<ia-sig@example.com>", backend.drafts()[0].fingerprint)
        assert backend.drafts_signature() != placed


def test_withdrawing_never_touches_a_draft_of_the_user(mailbox: Mailbox) -> None:
    mailbox.seed(
        "Drafts", [make_message("My own note", sender="alex.morgan@example.com", mid="<mine@example.com>")]
    )
    with mailbox.open() as backend:
        backend.place_draft(
            make_message("Re: Interview", sender="alex.morgan@example.com", mid="<ia-w@example.com>")
        )
        ours = next(c for c in backend.drafts() if c.message_id == "<ia-w@example.com>")
        assert not backend.withdraw_draft("<ia-w@example.com>", "not-its-fingerprint")
        assert backend.withdraw_draft("<ia-w@example.com>", ours.fingerprint)
        with pytest.raises(MailboxError):
            backend.withdraw_draft("<mine@example.com>", "")
        assert [c.message_id for c in backend.drafts()] == ["<mine@example.com>"]
