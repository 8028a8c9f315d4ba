"""IMAP-only behaviour against the real Dovecot: folder discovery, overrides, UIDVALIDITY."""

from __future__ import annotations

from assistant.mail.base import FolderRole
from assistant.mail.imap import ImapBackend, ImapSettings
from assistant.model import Envelope
from tests.mail.test_contract import make_message
from tests.support.dovecot import Dovecot, ImapAccount


def _settings(account: ImapAccount, **overrides: str) -> ImapSettings:
    return ImapSettings(
        host=account.host, port=account.port, security="none", username=account.username,
        password=lambda: account.password, **overrides,  # type: ignore[arg-type]
    )  # fmt: skip


def _everything(envelope: Envelope, role: FolderRole) -> bool:
    return True


def test_folders_given_in_the_config_win_over_special_use(dovecot: Dovecot) -> None:
    account = dovecot.new_account()
    client = account.client()
    client.create_folder("Entwürfe")
    client.logout()
    with ImapBackend(_settings(account, drafts="Entwürfe")) as backend:
        backend.place_draft(make_message("Re: Interview", mid="<ia-override@example.com>"))
    assert len(account.fetch_all("Entwürfe")) == 1
    assert account.fetch_all("Drafts") == []


def test_a_new_uidvalidity_rescans_the_folder(dovecot: Dovecot) -> None:
    account = dovecot.new_account()
    account.seed("Work", [make_message("Interview one"), make_message("Interview two")])
    backend = ImapBackend(_settings(account, inbox="Work"))
    with backend:
        cursor = None
        for batch in backend.scan(None, _everything):
            cursor = batch.cursor
    client = account.client()
    client.delete_folder("Work")
    client.logout()
    account.seed("Work", [make_message("Interview three")])
    with backend:
        subjects = [i.envelope.subject for b in backend.scan(cursor, _everything) for i in b.items]
    assert subjects == ["Interview three"]


def test_large_folders_are_scanned_in_chunks_with_a_cursor_each(dovecot: Dovecot) -> None:
    account = dovecot.new_account()
    account.seed("INBOX", [make_message(f"Newsletter {n}") for n in range(250)])
    progress: list[tuple[int, int]] = []
    settings = ImapSettings(
        host=account.host, port=account.port, security="none", username=account.username,
        password=lambda: account.password, header_chunk=100,
    )  # fmt: skip
    with ImapBackend(settings) as backend:
        batches = list(backend.scan(None, _everything, lambda f, done, total: progress.append((done, total))))
    inbox_batches = [b for b in batches if b.items and b.items[0].role is FolderRole.INBOX]
    assert [len(b.items) for b in inbox_batches] == [100, 100, 50]
    assert progress[:3] == [(100, 250), (200, 250), (250, 250)]
