"""Shared pytest fixtures.

Only the IMAP server fixtures live here for now; add further fixtures below them.
The Dovecot harness itself is in ``tests/support/dovecot.py`` so benchmark scripts can
use it without pytest.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.dovecot import (
    Dovecot,
    DovecotError,
    ImapAccount,
    default_base_dir,
    start_dovecot,
)
from tests.support.gmail_server import GmailServer


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """One real Dovecot IMAP server for the whole test session.

    Starting the server is the only expensive step (~0.1 s), so it is shared; tests
    stay isolated by each using its own account (see ``imap_account``).

    A missing or broken Dovecot FAILS the requesting tests instead of skipping them:
    a skipped IMAP suite looks green in CI while testing nothing.
    """
    # Not pytest's tmp_path_factory: that tree is 0700 and Dovecot's login and mail
    # processes (dovenull/nobody) must be able to traverse the server's directory.
    # default_base_dir() prefers tmpfs, which makes seeding ~15x faster than ext4.
    server: Dovecot | None = None
    problem = ""
    try:
        server = start_dovecot(default_base_dir())
    except DovecotError as exc:
        problem = str(exc)
    if server is None:  # Failed outside the except block: no chained traceback noise.
        pytest.fail(f"could not start the Dovecot IMAP test server: {problem}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def imap_account(dovecot: Dovecot) -> ImapAccount:
    """A fresh, empty mailbox on the session's Dovecot, unique to this test."""
    return dovecot.new_account()


@pytest.fixture
def gmail_server() -> Iterator[GmailServer]:
    """A fresh Gmail API stand-in; any request the real API would reject fails the test."""
    with GmailServer() as server:
        yield server
        assert server.errors == [], server.errors
