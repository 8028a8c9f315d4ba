"""The SQLite state file: the only place the assistant writes its own state.

Explicit transactions (one per cycle step) and migrations recorded in `schema_migrations`, as
sqlite-utils does; the file is created 0600 because it holds names and addresses from the mail.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from assistant.errors import StateError
from assistant.model import (
    Address,
    DraftFate,
    DraftKind,
    DraftRecord,
    Envelope,
    Facts,
    StoredMessage,
    Tracker,
    facts_from_json,
    facts_to_json,
)
from assistant.store.migrations import MIGRATIONS

_FREE_MAIL = {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com",
              "proton.me", "protonmail.com", "fastmail.com", "gmx.de", "web.de", "aol.com", "live.com"}  # fmt: skip


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _addresses_json(addresses: Iterable[Address]) -> str:
    return json.dumps([[a.email, a.name] for a in addresses])


def _addresses(text: str) -> tuple[Address, ...]:
    return tuple(Address(email, name) for email, name in json.loads(text))


class Store:
    """Typed access to the state file; every method is one query or one small transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open (creating 0600 if new) and migrate the state file."""
        path = path.expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            connection = sqlite3.connect(path, isolation_level=None, timeout=30)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA foreign_keys=ON")
        except (OSError, sqlite3.Error) as error:
            raise StateError(f"cannot open the state file {path}: {error}") from None
        store = cls(connection)
        store._migrate()
        return store

    @classmethod
    def in_memory(cls) -> Store:
        store = cls(sqlite3.connect(":memory:", isolation_level=None))
        store._migrate()
        return store

    def copy_in_memory(self) -> Store:
        """A throwaway copy for dry runs: everything a cycle does to it is forgotten."""
        target = sqlite3.connect(":memory:", isolation_level=None)
        self._db.backup(target)
        return Store(target)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self, commit: bool = True) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT; `commit=False` rolls back (dry runs keep nothing)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT" if commit else "ROLLBACK")

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        applied = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
        for version, script in enumerate(MIGRATIONS, start=1):
            if version in applied:
                continue
            try:
                self._db.executescript(f"BEGIN IMMEDIATE;\n{script}")
                self._db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?)",
                    (version, _iso(datetime.now(UTC))),
                )
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise StateError(f"cannot migrate the state file to version {version}: {error}") from None

    @property
    def schema_version(self) -> int:
        row = self._db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # cursors ---------------------------------------------------------------------------------
    def cursor(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM cursors WHERE name = ?", (name,)).fetchone()
        return str(row[0]) if row else None

    def set_cursor(self, name: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO cursors (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            (name, value),
        )

    # messages --------------------------------------------------------------------------------
    def has_message(self, message_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM messages WHERE message_id = ?", (message_id,)).fetchone()
        return row is not None

    def thread_of(self, envelope: Envelope) -> str | None:
        """The tracked thread this message answers, if any of its references is known."""
        refs = envelope.thread_refs
        if not refs:
            return None
        marks = ",".join("?" * len(refs))
        row = self._db.execute(
            f"SELECT thread FROM messages WHERE message_id IN ({marks}) LIMIT 1",  # noqa: S608
            refs,
        ).fetchone()
        return str(row[0]) if row else None

    def record_message(
        self,
        envelope: Envelope,
        folder: str,
        from_owner: bool,
        facts: Facts | None,
        recorded_at: datetime,
        fallback_date: datetime,
    ) -> None:
        """Remember a message once; its thread is an already known ancestor's, else its root."""
        refs = envelope.thread_refs
        thread = self.thread_of(envelope) or (refs[0] if refs else envelope.message_id)
        sender = envelope.sender
        self._db.execute(
            "INSERT OR IGNORE INTO messages (message_id, thread, folder, subject, sender, recipients,"
            " refs, date, from_owner, kind, facts, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                envelope.message_id,
                thread,
                folder,
                envelope.subject,
                json.dumps([sender.email, sender.name]) if sender else None,
                _addresses_json((*envelope.to, *envelope.cc)),
                json.dumps(list(envelope.references)),
                _iso(envelope.date or fallback_date),
                int(from_owner),
                facts.kind.value if facts else None,
                json.dumps(facts_to_json(facts)) if facts else None,
                _iso(recorded_at),
            ),
        )

    def _stored(self, where: str, params: tuple[object, ...] = ()) -> tuple[StoredMessage, ...]:
        columns = "message_id, thread, subject, sender, date, from_owner, recipients, refs, facts"
        query = f"SELECT {columns} FROM messages WHERE {where} ORDER BY date, message_id"  # noqa: S608
        rows = self._db.execute(query, params).fetchall()
        return tuple(
            StoredMessage(
                message_id=row[0],
                thread=row[1],
                subject=row[2],
                sender=Address(*json.loads(row[3])) if row[3] else None,
                date=datetime.fromisoformat(row[4]),
                from_owner=bool(row[5]),
                to=_addresses(row[6]),
                references=tuple(json.loads(row[7])),
                facts=facts_from_json(json.loads(row[8])) if row[8] else None,
            )
            for row in rows
        )

    def tracker(self, own_mail_since: datetime | None = None) -> Tracker:
        """The tracked threads (those holding recruiting mail), the user's other sent mail since a
        moment, the outcome labels on tracked threads, and every draft placed."""
        tracked = (
            "thread IN (SELECT thread FROM messages WHERE kind IN ('interview_confirmation',"
            " 'cancellation', 'scheduling_request', 'rejection', 'offer', 'recruiter_reply'))"
        )
        own: tuple[StoredMessage, ...] = ()
        if own_mail_since is not None:
            own = self._stored(f"from_owner = 1 AND date >= ? AND NOT {tracked}", (_iso(own_mail_since),))
        outcomes = tuple(
            (str(thread), str(label))
            for thread, label in self._db.execute("SELECT DISTINCT thread, label FROM labels ORDER BY label")
        )
        return Tracker(messages=self._stored(tracked), drafts=self.drafts(), own_mail=own, outcomes=outcomes)

    def sent_after(self, thread: str, recipient: str, after: datetime) -> datetime | None:
        """When the user first wrote to `recipient` in `thread` after a moment (their sent copy)."""
        rows = self._db.execute(
            "SELECT date, recipients FROM messages WHERE thread = ? AND from_owner = 1 AND date > ? ORDER BY date",
            (thread, _iso(after)),
        )
        for date, recipients in rows:
            if recipient in {a.email for a in _addresses(recipients)}:
                return datetime.fromisoformat(date)
        return None

    def record_skipped(self, message_id: str, location: str, reason: str, at: datetime) -> None:
        """A message that could not be read: kept so `status` can tell, never its content."""
        self._db.execute(
            "INSERT OR REPLACE INTO skipped (message_id, location, reason, at) VALUES (?, ?, ?, ?)",
            (message_id, location, reason, _iso(at)),
        )

    def skipped(self) -> list[tuple[str, str]]:
        return [
            (str(r[0]), str(r[1]))
            for r in self._db.execute("SELECT location, reason FROM skipped ORDER BY at")
        ]

    def employer_domains(self) -> set[str]:
        """Domains of the people who arranged or hold interviews (robots and free mail excluded
        by extraction, which only names people)."""
        rows = self._db.execute(
            "SELECT DISTINCT json_extract(facts, '$.arranger.email') FROM messages"
            " WHERE kind IN ('interview_confirmation', 'scheduling_request', 'recruiter_reply')"
            " UNION SELECT email FROM people"
        )
        return {str(row[0]).rpartition("@")[2] for row in rows if row[0]} - _FREE_MAIL

    def thread_ids(self, thread: str) -> set[str]:
        return {
            str(row[0])
            for row in self._db.execute("SELECT message_id FROM messages WHERE thread = ?", (thread,))
        }

    def set_labelled(self, label: str, envelopes: Iterable[Envelope]) -> None:
        """Replace what carries `label`: each message with the thread it belongs to."""
        self._db.execute("DELETE FROM labels WHERE label = ?", (label,))
        for envelope in envelopes:
            row = self._db.execute(
                "SELECT thread FROM messages WHERE message_id = ?", (envelope.message_id,)
            ).fetchone()
            thread = str(row[0]) if row else self.thread_of(envelope)
            if thread is not None:
                self._db.execute(
                    "INSERT OR IGNORE INTO labels (label, message_id, thread) VALUES (?, ?, ?)",
                    (label, envelope.message_id, thread),
                )

    def counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT coalesce(kind, 'headers only'), count(*) FROM messages GROUP BY 1")
        return {str(kind): int(count) for kind, count in rows}

    # drafts ----------------------------------------------------------------------------------
    def record_draft(self, record: DraftRecord, location: str, problems: Iterable[str]) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO drafts (key, kind, interview_id, thread, message_id, recipient,"
            " placed_at, fate, fate_at, location, problems, fingerprint) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                record.key,
                record.kind.value,
                record.interview_id,
                record.thread,
                record.message_id,
                record.recipient,
                _iso(record.placed_at),
                record.fate.value,
                _iso(record.fate_at) if record.fate_at else None,
                location,
                json.dumps(list(problems)),
                record.fingerprint,
            ),
        )

    def set_fate(self, key: str, fate: DraftFate, at: datetime) -> None:
        self._db.execute("UPDATE drafts SET fate = ?, fate_at = ? WHERE key = ?", (fate.value, _iso(at), key))

    def drafts(self) -> tuple[DraftRecord, ...]:
        rows = self._db.execute(
            "SELECT key, kind, interview_id, message_id, recipient, placed_at, fate, thread, fate_at,"
            " fingerprint FROM drafts ORDER BY placed_at, key"
        )
        return tuple(
            DraftRecord(
                key=row[0],
                kind=DraftKind(row[1]),
                interview_id=row[2],
                message_id=row[3],
                recipient=row[4],
                placed_at=datetime.fromisoformat(row[5]),
                fate=DraftFate(row[6]),
                thread=row[7],
                fate_at=datetime.fromisoformat(row[8]) if row[8] else None,
                fingerprint=row[9],
            )
            for row in rows
        )

    def draft_problems(self) -> dict[str, list[str]]:
        rows = self._db.execute("SELECT key, problems FROM drafts")
        return {str(key): list(json.loads(problems)) for key, problems in rows}
