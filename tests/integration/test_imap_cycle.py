"""The spine, end to end: a real Dovecot, the real CLI, a realistic panel invitation.

Done-when of the foundation issue: exactly one threaded draft per interviewer after the
interview, nothing in Sent, nothing marked read, and no second copy after a re-run or after the
process is killed between placing a draft and recording it.
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
import textwrap
from datetime import timedelta
from email import policy
from pathlib import Path

import pytest

from tests.support.dovecot import ImapAccount
from tests.support.mail import (
    NORTHWIND,
    NORTHWIND_END,
    NORTHWIND_INTERVIEWERS,
    PASSWORD_ENV,
    message_id,
    run_cli,
    sample,
    write_imap_config,
)


def _drafts(account: ImapAccount) -> list[tuple[frozenset[bytes], email.message.EmailMessage]]:
    return [
        (flags, email.message_from_bytes(raw, policy=policy.default))  # type: ignore[misc]
        for _, flags, raw in account.fetch_all("Drafts")
    ]


@pytest.fixture
def seeded(imap_account: ImapAccount, tmp_path: Path) -> tuple[ImapAccount, Path]:
    imap_account.seed("INBOX", [sample(NORTHWIND)])
    return imap_account, write_imap_config(tmp_path, imap_account)


def _at(offset: timedelta) -> str:
    return (NORTHWIND_END + offset).isoformat()


def test_one_threaded_draft_per_interviewer_after_the_interview(seeded: tuple[ImapAccount, Path]) -> None:
    account, config = seeded
    done = run_cli(config, "run", "--once", "--now", _at(timedelta(hours=2)))
    assert done.returncode == 0, done.stderr

    drafts = _drafts(account)
    assert sorted(str(m["To"].addresses[0].addr_spec) for _, m in drafts) == sorted(NORTHWIND_INTERVIEWERS)
    confirmation = message_id(sample(NORTHWIND))
    for flags, draft in drafts:
        assert b"\\Draft" in flags
        assert draft["In-Reply-To"] == confirmation
        assert draft["References"].split()[-1] == confirmation
        assert draft["Subject"].startswith("Re: Interview Confirmation: Senior Data Engineer")
        assert draft["From"].addresses[0].addr_spec == "alex.morgan@example.com"
        body = draft.get_content()
        first_name = draft["To"].addresses[0].display_name.split()[0]
        assert f"Dear {first_name}" in body
        assert "Thursday, December 3" in body
        assert "Northwind Analytics" in body
    assert account.fetch_all("Sent") == []
    assert all(b"\\Seen" not in flags for _, flags, _ in account.fetch_all("INBOX"))


def test_rerun_places_nothing_more(seeded: tuple[ImapAccount, Path]) -> None:
    account, config = seeded
    for _ in range(2):
        assert run_cli(config, "run", "--once", "--now", _at(timedelta(hours=2))).returncode == 0
    assert run_cli(config, "run", "--once", "--now", _at(timedelta(hours=5))).returncode == 0
    assert len(account.fetch_all("Drafts")) == 2


def test_no_draft_before_the_interview_has_ended(seeded: tuple[ImapAccount, Path]) -> None:
    account, config = seeded
    done = run_cli(config, "run", "--once", "--now", _at(timedelta(minutes=-30)))
    assert done.returncode == 0, done.stderr
    assert "No drafts due" in done.stdout
    assert account.fetch_all("Drafts") == []


def test_no_thank_you_five_days_late(seeded: tuple[ImapAccount, Path]) -> None:
    account, config = seeded
    assert run_cli(config, "run", "--once", "--now", _at(timedelta(days=5))).returncode == 0
    subjects = [m["Subject"] for _, m in _drafts(account)]
    assert all("Thank" not in m.get_content() for _, m in _drafts(account)), subjects
    assert not any(m["To"].addresses[0].addr_spec in NORTHWIND_INTERVIEWERS for _, m in _drafts(account))


def test_dry_run_prints_the_drafts_and_changes_nothing(seeded: tuple[ImapAccount, Path]) -> None:
    account, config = seeded
    done = run_cli(config, "run", "--once", "--dry-run", "--now", _at(timedelta(hours=2)))
    assert done.returncode == 0, done.stderr
    assert "2 draft(s) would be placed" in done.stdout
    assert "To: priya.shah@northwind-analytics.com" in done.stdout
    assert account.fetch_all("Drafts") == []
    status = run_cli(config, "status", "--json")
    assert status.stdout.strip() == "[]"


_KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from assistant.mail.imap import ImapBackend
    original = ImapBackend.place_draft

    def place_then_die(self, raw):
        location = original(self, raw)
        os.kill(os.getpid(), signal.SIGKILL)  # after the APPEND, before the state records it
        return location

    ImapBackend.place_draft = place_then_die
    from assistant.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_killed_between_placing_and_recording_adds_no_copy(seeded: tuple[ImapAccount, Path]) -> None:
    account, config = seeded
    env_run = subprocess.run(
        [
            sys.executable,
            "-c",
            _KILLER,
            "--config",
            str(config),
            "run",
            "--once",
            "--now",
            _at(timedelta(hours=2)),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, PASSWORD_ENV: "secret"},
        timeout=120,
        check=False,
    )
    assert env_run.returncode == -9
    assert len(account.fetch_all("Drafts")) == 1

    done = run_cli(config, "run", "--once", "--now", _at(timedelta(hours=2)))
    assert done.returncode == 0, done.stderr
    assert "Already in the mailbox" in done.stdout
    recipients = sorted(str(m["To"].addresses[0].addr_spec) for _, m in _drafts(account))
    assert recipients == sorted(NORTHWIND_INTERVIEWERS)


def test_status_shows_the_interview_and_what_is_next(seeded: tuple[ImapAccount, Path]) -> None:
    _, config = seeded
    assert run_cli(config, "run", "--once", "--now", _at(timedelta(hours=2))).returncode == 0
    status = run_cli(config, "status", "--now", _at(timedelta(hours=3)))
    assert status.returncode == 0, status.stderr
    assert "Northwind Analytics" in status.stdout
    assert "Senior Data Engineer" in status.stdout
    assert "Priya Shah, Marcus Bell" in status.stdout
    assert "follow-up" in status.stdout


def test_wrong_password_is_a_clear_error(seeded: tuple[ImapAccount, Path]) -> None:
    _, config = seeded
    done = run_cli(config, "run", "--once", password="not-the-password")
    assert done.returncode == 1
    assert "refused the login" in done.stderr
    assert "Traceback" not in done.stderr
    assert "not-the-password" not in done.stderr + done.stdout
