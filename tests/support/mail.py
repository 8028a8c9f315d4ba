"""Test mail and configs shared by the integration tests (and, later, the Gmail test server).

The realistic threads come from the demo's sample mailbox (assistant/demo/mailbox), so the tests
and the demo exercise the same messages instead of two copies of them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from assistant.demo.runner import sample_messages
from tests.support.dovecot import ImapAccount

OWNER = "alex.morgan@example.com"
PASSWORD_ENV = "ASSISTANT_TEST_IMAP_PASSWORD"
NORTHWIND = "02-northwind-panel-interview-invitation"
NORTHWIND_END = datetime.fromisoformat("2026-12-03T15:30:00-05:00")
NORTHWIND_INTERVIEWERS = {"priya.shah@northwind-analytics.com", "marcus.bell@northwind-analytics.com"}


def sample(name: str) -> bytes:
    """One message of the demo mailbox by its file stem."""
    return next(m.raw for m in sample_messages() if m.name == name)


def message_id(raw: bytes) -> str:
    found = re.search(rb"^Message-ID:\s*(<[^>]+>)", raw, re.MULTILINE | re.IGNORECASE)
    assert found, "sample message without a Message-ID"
    return found.group(1).decode()


def write_imap_config(directory: Path, account: ImapAccount, extra: str = "") -> Path:
    path = directory / "config.toml"
    path.write_text(
        f"""
[account]
email = "{OWNER}"
name = "Alex Morgan"
timezone = "America/New_York"

[imap]
host = "{account.host}"
port = {account.port}
security = "none"
username = "{account.username}"
password_env = "{PASSWORD_ENV}"

[state]
path = "{directory / "state.sqlite3"}"
{extra}
"""
    )
    return path


def run_cli(config: Path, *args: str, password: str = "secret") -> subprocess.CompletedProcess[str]:
    """The real console entry point in a child process, as a user or systemd would start it."""
    env = {**os.environ, PASSWORD_ENV: password}
    return subprocess.run(
        [sys.executable, "-m", "assistant", "--config", str(config), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
