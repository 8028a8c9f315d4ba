"""Tests proving the Dovecot harness gives a realistic, isolated IMAP server.

If these fail, every IMAP-backed test in the project is suspect, so they check the
server features the assistant relies on rather than just "it starts".
"""

from __future__ import annotations

import email
import os
import socket
import tempfile
from pathlib import Path

import imapclient
import pytest
from imapclient.imapclient import DRAFT, DRAFTS, SEEN, SENT

from tests.support import dovecot as harness
from tests.support.dovecot import (
    Dovecot,
    DovecotError,
    DovecotMissing,
    ImapAccount,
    default_base_dir,
    start_dovecot,
)


def _message(index: int, recipient: str = "me@example.com") -> bytes:
    """A small but well-formed RFC 5322 message with a recognisable subject."""
    return (
        f"From: Recruiter <recruiter@example.com>\r\n"
        f"To: {recipient}\r\n"
        f"Subject: Interview slot {index}\r\n"
        f"Message-ID: <msg-{index}@example.com>\r\n"
        f"Date: Mon, 01 Jan 2024 09:00:00 +0000\r\n"
        f"\r\n"
        f"Body of message {index}.\r\n"
    ).encode()


def _folders_by_flag(client: imapclient.IMAPClient) -> dict[bytes, str]:
    """Map each LIST attribute (e.g. ``\\Drafts``) to the folder carrying it."""
    found: dict[bytes, str] = {}
    for flags, _delimiter, name in client.list_folders():
        for flag in flags:
            found[bytes(flag)] = str(name)
    return found


def test_list_shows_special_use_folders(imap_account: ImapAccount) -> None:
    client = imap_account.client()
    try:
        by_flag = _folders_by_flag(client)
        special = {flag: folder for flag, folder in by_flag.items() if not flag.startswith(b"\\Has")}
        delimiter = client.namespace().personal[0][1]
    finally:
        client.logout()
    assert by_flag[DRAFTS] == "Drafts"
    assert by_flag[SENT] == "Sent"
    assert special == {
        b"\\Drafts": "Drafts",
        b"\\Sent": "Sent",
        b"\\Trash": "Trash",
        b"\\Junk": "Junk",
    }
    assert delimiter == "/"


def test_find_special_folder_uses_special_use(imap_account: ImapAccount) -> None:
    client = imap_account.client()
    try:
        drafts = client.find_special_folder(DRAFTS)
        sent = client.find_special_folder(SENT)
    finally:
        client.logout()
    assert (drafts, sent) == ("Drafts", "Sent")


def test_capabilities_include_uidplus_condstore_special_use(imap_account: ImapAccount) -> None:
    client = imap_account.client()
    try:
        capabilities = set(client.capabilities())
    finally:
        client.logout()
    assert {b"UIDPLUS", b"CONDSTORE", b"SPECIAL-USE", b"MULTIAPPEND", b"MOVE"} <= capabilities


def test_append_returns_appenduid(imap_account: ImapAccount) -> None:
    client = imap_account.client()
    try:
        response = client.append("Drafts", _message(1), flags=[DRAFT])
        uidvalidity = client.folder_status("Drafts", [b"UIDVALIDITY"])[b"UIDVALIDITY"]
    finally:
        client.logout()
    assert response.startswith(f"[APPENDUID {uidvalidity} 1]".encode())


def test_seed_1000_messages_and_fetch_all_does_not_mark_seen(
    imap_account: ImapAccount,
) -> None:
    imap_account.seed("INBOX", (_message(i) for i in range(1000)))

    messages = imap_account.fetch_all("INBOX")

    assert len(messages) == 1000
    assert [uid for uid, _flags, _body in messages] == list(range(1, 1001))
    subjects = [email.message_from_bytes(body)["Subject"] for _uid, _flags, body in messages]
    assert subjects == [f"Interview slot {i}" for i in range(1000)]
    assert all(SEEN not in flags for _uid, flags, _body in messages)
    # Reading again (and via a plain client) still finds every message unseen.
    assert all(SEEN not in flags for _uid, flags, _b in imap_account.fetch_all("INBOX"))
    client = imap_account.client()
    try:
        status = client.folder_status("INBOX", [b"MESSAGES", b"UNSEEN"])
    finally:
        client.logout()
    assert status == {b"MESSAGES": 1000, b"UNSEEN": 1000}


def test_seed_applies_flags_and_creates_folder(imap_account: ImapAccount) -> None:
    imap_account.seed("Archive/2024", [_message(1), _message(2)], flags=[b"\\Seen", "$Label1"])

    messages = imap_account.fetch_all("Archive/2024")

    assert [uid for uid, _f, _b in messages] == [1, 2]
    for _uid, flags, body in messages:
        assert {SEEN, b"$Label1"} <= flags
        assert body.startswith(b"From: Recruiter")


def test_fetch_all_of_empty_folder_is_empty(imap_account: ImapAccount) -> None:
    assert imap_account.fetch_all("INBOX") == []
    assert imap_account.fetch_all("Drafts") == []


def test_accounts_are_isolated(dovecot: Dovecot) -> None:
    alice = dovecot.new_account()
    bob = dovecot.new_account()
    assert alice.username != bob.username

    alice.seed("INBOX", [_message(1, "alice@example.com"), _message(2, "alice@example.com")])
    alice.seed("Interview/Offer", [_message(3, "alice@example.com")])

    assert len(alice.fetch_all("INBOX")) == 2
    assert bob.fetch_all("INBOX") == []
    client = bob.client()
    try:
        bob_folders = {str(name) for _flags, _delim, name in client.list_folders()}
    finally:
        client.logout()
    assert "Interview/Offer" not in bob_folders
    assert "Interview" not in bob_folders


def test_wrong_password_is_rejected(imap_account: ImapAccount) -> None:
    client = imapclient.IMAPClient(imap_account.host, port=imap_account.port, ssl=False)
    try:
        with pytest.raises(imapclient.exceptions.LoginError):
            client.login(imap_account.username, imap_account.password + "-wrong")
    finally:
        client.shutdown()


def test_nested_folder_can_be_created(imap_account: ImapAccount) -> None:
    client = imap_account.client()
    try:
        client.create_folder("Interview/Offer")
        client.append("Interview/Offer", _message(7))
        names = {str(name) for _flags, _delim, name in client.list_folders()}
        selected = client.select_folder("Interview/Offer")
    finally:
        client.logout()
    assert {"Interview", "Interview/Offer"} <= names
    assert selected[b"EXISTS"] == 1


def test_server_listens_on_loopback_only(dovecot: Dovecot) -> None:
    assert dovecot.host == "127.0.0.1"
    with socket.create_connection((dovecot.host, dovecot.port), timeout=5) as sock:
        greeting = sock.recv(512)
    assert greeting.startswith(b"* OK")
    assert b"STARTTLS" not in greeting  # ssl = no: nothing to negotiate


def test_start_and_stop_removes_everything() -> None:
    """A second, independent server starts, serves, and cleans up after itself."""
    base = Path(tempfile.gettempdir())
    server = start_dovecot(base)
    try:
        assert server.root.parent == base
        assert server.port != 0
        account = server.new_account()
        account.seed("INBOX", [_message(1)])
        assert len(account.fetch_all("INBOX")) == 1
    finally:
        server.stop()
    assert not server.root.exists()
    assert server.process.poll() is not None
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((server.host, server.port), timeout=1).close()
    server.stop()  # idempotent
    with pytest.raises(DovecotError):
        server.new_account()


def test_private_base_dir_is_rejected_with_clear_error(tmp_path: Path) -> None:
    """As root, a 0700 base dir would start a server whose logins all fail; refuse it."""
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    if os.geteuid() == 0:
        with pytest.raises(DovecotError, match="not traversable"):
            start_dovecot(private)
    else:  # Rootless Dovecot runs everything as us, so a private dir is fine.
        start_dovecot(private).stop()


def test_missing_binary_raises_dovecot_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda _name: None)
    monkeypatch.setattr(harness, "_DOVECOT_CANDIDATES", ("/nonexistent/dovecot",))
    with pytest.raises(DovecotMissing, match=r"apt-get install -y dovecot-imapd"):
        start_dovecot(Path(tempfile.gettempdir()))
    assert issubclass(DovecotMissing, RuntimeError)


def test_default_base_dir_is_world_traversable_and_overridable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(harness.BASE_DIR_ENV, raising=False)
    chosen = default_base_dir()
    assert chosen.is_dir()
    assert chosen.stat().st_mode & 0o001  # others may traverse it
    monkeypatch.setenv(harness.BASE_DIR_ENV, str(tmp_path))
    assert default_base_dir() == tmp_path
