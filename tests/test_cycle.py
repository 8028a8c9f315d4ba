"""The cycle on a real Maildir: bad mail is skipped and logged without its content, the scan goes
on, the assistant's own drafts are never read back as new mail, and dry runs change nothing."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.app import context
from assistant.cycle import run_cycle
from assistant.demo.runner import demo_config
from assistant.mail.maildir import MaildirBackend, MaildirSettings
from assistant.store import Store
from tests.support.mail import NORTHWIND, NORTHWIND_END, sample

LATER = NORTHWIND_END.astimezone(UTC) + timedelta(hours=2)


def _mime_bomb() -> bytes:
    """Thousands of nested multiparts: real parsers recurse on them; it must cost one message only."""
    head = (
        b"From: Dana <dana@northwind-analytics.com>\r\nTo: alex.morgan@example.com\r\n"
        b"Subject: Interview confirmed\r\nMessage-ID: <bomb@x>\r\nDate: Tue, 01 Dec 2026 10:00:00 -0500\r\n"
    )
    nested = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(3000)
    )
    return head + nested + b"Content-Type: text/plain\r\n\r\nPRIVATE WORDS\r\n"


@pytest.fixture
def maildir(tmp_path: Path) -> Path:
    root = tmp_path / "Maildir"
    for folder in (root, root / ".Sent", root / ".Drafts"):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True)
    return root


def _deliver(root: Path, name: str, raw: bytes) -> None:
    (root / "new" / name).write_bytes(raw)


def _cycle(root: Path, store: Store, now: datetime, dry_run: bool = False):  # type: ignore[no-untyped-def]
    ctx = context(demo_config(root.parent))
    with MaildirBackend(MaildirSettings(root)) as backend:
        return run_cycle(store, backend, ctx, now, dry_run)


def test_a_message_that_cannot_be_read_is_logged_without_its_content_and_skipped(
    maildir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _deliver(maildir, "1.bomb", _mime_bomb())
    _deliver(maildir, "2.good", sample(NORTHWIND))
    store = Store.in_memory()
    with caplog.at_level(logging.WARNING):
        report = _cycle(maildir, store, LATER)
    assert report.skipped == 1
    assert report.recorded == 1
    assert len(report.placed) == 2
    assert "1.bomb" in caplog.text
    assert [location.rpartition("/")[2] for location, _ in store.skipped()] == ["1.bomb"]
    assert "PRIVATE WORDS" not in caplog.text
    assert "Interview confirmed" not in caplog.text


def test_the_assistants_own_drafts_are_not_read_as_new_mail(maildir: Path) -> None:
    _deliver(maildir, "1.good", sample(NORTHWIND))
    store = Store.in_memory()
    first = _cycle(maildir, store, LATER)
    for path in (maildir / ".Drafts" / "cur").iterdir():  # the user moves a draft into the inbox
        (maildir / "cur" / path.name).write_bytes(path.read_bytes())
    second = _cycle(maildir, store, LATER + timedelta(minutes=5))
    assert len(first.placed) == 2
    assert second.recorded == 0
    assert second.placed == []


def test_a_dry_run_on_a_copy_leaves_state_and_mailbox_alone(maildir: Path) -> None:
    _deliver(maildir, "1.good", sample(NORTHWIND))
    store = Store.in_memory()
    report = _cycle(maildir, store.copy_in_memory(), LATER, dry_run=True)
    assert len(report.would_place) == 2
    assert report.placed == []
    assert list((maildir / ".Drafts" / "cur").iterdir()) == []
    assert store.counts() == {}
    assert store.cursor("scan:maildir") is None
