"""The state file: private, versioned, threaded, and copyable for dry runs."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

from assistant.model import Address, DraftFate, DraftKind, DraftRecord, Envelope, Facts, Kind
from assistant.store import Store
from assistant.store.migrations import MIGRATIONS

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def envelope(mid: str, *refs: str) -> Envelope:
    return Envelope(
        message_id=mid, subject="Interview", sender=Address("dana@nw.com", "Dana"), date=NOW,
        references=refs, in_reply_to=refs[-1] if refs else None,
    )  # fmt: skip


def test_the_state_file_is_private_and_migrated_once(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.sqlite3"
    store = Store.open(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert store.schema_version == len(MIGRATIONS)
    store.close()
    reopened = Store.open(path)
    assert reopened.schema_version == len(MIGRATIONS)
    reopened.close()


def test_replies_join_the_thread_of_the_message_they_answer() -> None:
    store = Store.in_memory()
    facts = Facts(kind=Kind.INTERVIEW_CONFIRMATION)
    with store.transaction():
        store.record_message(envelope("<a@x>"), "inbox", False, facts, NOW, NOW)
        store.record_message(envelope("<b@x>", "<a@x>"), "sent", True, None, NOW, NOW)
        store.record_message(envelope("<c@x>", "<zzz@x>", "<b@x>"), "inbox", False, None, NOW, NOW)
        store.record_message(envelope("<d@x>"), "inbox", False, Facts(kind=Kind.OTHER), NOW, NOW)
    threads = {m.message_id: m.thread for m in store.tracker().messages}
    assert threads == {"<a@x>": "<a@x>", "<b@x>": "<a@x>", "<c@x>": "<a@x>"}


def test_recording_twice_keeps_one_copy_and_facts_round_trip() -> None:
    store = Store.in_memory()
    facts = Facts(
        kind=Kind.INTERVIEW_CONFIRMATION, company="Northwind", interviewers=(Address("p@nw.com", "P"),)
    )
    with store.transaction():
        for _ in range(2):
            store.record_message(envelope("<a@x>"), "inbox", False, facts, NOW, NOW)
    messages = store.tracker().messages
    assert len(messages) == 1
    assert messages[0].facts == facts


def test_a_dry_run_copy_leaves_the_file_untouched(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "state.sqlite3")
    copy = store.copy_in_memory()
    with copy.transaction():
        copy.set_cursor("scan:imap", "42")
        copy.record_draft(
            DraftRecord("k", DraftKind.THANK_YOU, "i", "<ia-1@x>", "p@nw.com", NOW, DraftFate.PLACED, "<t>"),
            "Drafts:1",
            [],
        )
    assert copy.cursor("scan:imap") == "42"
    assert store.cursor("scan:imap") is None
    assert store.drafts() == ()


def test_a_rolled_back_transaction_keeps_nothing() -> None:
    store = Store.in_memory()
    with store.transaction(commit=False):
        store.set_cursor("scan:imap", "7")
    assert store.cursor("scan:imap") is None
