"""The schema, as an ordered list of migrations; each applied version is recorded in a table.

Never edit a migration that has shipped: add the next one. Interviews and people are not stored
as tables of their own: they are derived from the facts of the recorded messages every cycle, so
they can never disagree with the mail they came from (`people` is a view for convenience).
"""

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE cursors (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE messages (
        message_id  TEXT PRIMARY KEY,
        thread      TEXT NOT NULL,
        folder      TEXT NOT NULL,
        subject     TEXT NOT NULL,
        sender      TEXT,
        recipients  TEXT NOT NULL,
        refs        TEXT NOT NULL,
        date        TEXT NOT NULL,
        from_owner  INTEGER NOT NULL,
        kind        TEXT,
        facts       TEXT,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX messages_thread ON messages (thread);
    CREATE INDEX messages_kind ON messages (kind);
    CREATE TABLE drafts (
        key          TEXT PRIMARY KEY,
        kind         TEXT NOT NULL,
        interview_id TEXT NOT NULL,
        thread       TEXT NOT NULL,
        message_id   TEXT NOT NULL UNIQUE,
        recipient    TEXT NOT NULL,
        placed_at    TEXT NOT NULL,
        fate         TEXT NOT NULL,
        fate_at      TEXT,
        location     TEXT,
        problems     TEXT NOT NULL DEFAULT '[]'
    );
    CREATE VIEW people AS
        SELECT DISTINCT json_extract(person.value, '$.email') AS email,
                        json_extract(person.value, '$.name') AS name,
                        json_extract(m.facts, '$.company') AS company
        FROM messages AS m, json_each(json_extract(m.facts, '$.interviewers')) AS person
        WHERE m.facts IS NOT NULL;
    """,
    """
    ALTER TABLE drafts ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
    CREATE TABLE labels (
        label      TEXT NOT NULL,
        message_id TEXT NOT NULL,
        thread     TEXT NOT NULL,
        PRIMARY KEY (label, message_id)
    );
    CREATE TABLE skipped (
        message_id TEXT PRIMARY KEY,
        location   TEXT NOT NULL,
        reason     TEXT NOT NULL,
        at         TEXT NOT NULL
    );
    """,
)
