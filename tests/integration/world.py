"""A simulated job search against a real mailbox: mail arrives, the user acts, the assistant runs.

The scenario tests read like the story they check: `world.deliver(...)`, `world.run("Thu 17:00")`,
`world.user_sends(draft)`. The user's actions are done the way a mail client does them (a sent
draft leaves Drafts and a rewritten copy lands in Sent; a label is a folder holding a copy).
"""

from __future__ import annotations

import base64
import contextlib
import email
import io
import itertools
import json
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import imapclient
import pytest

from assistant.cli import main
from tests.support.dovecot import ImapAccount
from tests.support.gmail import user_client, write_token
from tests.support.gmail_server import GmailServer
from tests.support.mail import OWNER, PASSWORD_ENV, write_imap_config

_ids = itertools.count()


@dataclass(frozen=True)
class Draft:
    uid: int
    message: EmailMessage
    key: str = ""

    @property
    def to(self) -> str:
        return str(self.message["To"].addresses[0].addr_spec)

    @property
    def kind(self) -> str:
        return str(self.message["X-Interview-Assistant"]).strip().split(":")[0]

    @property
    def body(self) -> str:
        return str(self.message.get_content())


def parse(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def _subject(parent: bytes) -> str:
    return "Re: " + str(parse(parent)["Subject"]).removeprefix("Re: ")


class World:
    """The story's side of a scenario; subclasses say how a mailbox of each kind does things."""

    def __init__(self, config: Path) -> None:
        self.config = config

    # the mail that arrives --------------------------------------------------------------------
    def deliver(self, raw: bytes) -> None:
        raise NotImplementedError

    def reply_from(
        self, sender: str, parent: bytes, when: datetime, body: str, name: str = "Dana Whitfield"
    ) -> bytes:
        """A plain reply from the employer's side in the thread of `parent`."""
        original = parse(parent)
        refs = " ".join([*str(original.get("References", "")).split(), str(original["Message-ID"])])
        message = EmailMessage()
        message["From"] = f"{name} <{sender}>"
        message["To"] = f"Alex Morgan <{OWNER}>"
        message["Subject"] = _subject(parent)
        message["Date"] = format_datetime(when)
        message["Message-ID"] = f"<reply-{next(_ids)}@{sender.split('@')[1]}>"
        message["In-Reply-To"] = str(original["Message-ID"])
        message["References"] = refs.strip()
        message.set_content(body)
        return message.as_bytes()

    # the assistant ----------------------------------------------------------------------------
    def run(self, now: datetime, *extra: str) -> None:
        assert main(["--config", str(self.config), "run", "--once", "--now", now.isoformat(), *extra]) == 0

    def status(self, now: datetime) -> list[dict[str, Any]]:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["--config", str(self.config), "status", "--json", "--now", now.isoformat()]) == 0
        rows: list[dict[str, Any]] = json.loads(out.getvalue())
        return rows

    # what the user sees -----------------------------------------------------------------------
    def drafts(self) -> list[Draft]:
        raise NotImplementedError

    def draft_to(self, address: str, kind: str | None = None) -> Draft:
        found = [d for d in self.drafts() if d.to == address and (kind is None or d.kind == kind)]
        assert len(found) == 1, [(d.to, d.kind) for d in self.drafts()]
        return found[0]

    def summary(self) -> list[tuple[str, str]]:
        return sorted((d.kind, d.to) for d in self.drafts())

    def sent_count(self) -> int:
        raise NotImplementedError

    # what the user does -----------------------------------------------------------------------
    def _remove_draft(self, draft: Draft) -> None:
        raise NotImplementedError

    def _put_sent(self, raw: bytes, parent_id: str) -> None:
        raise NotImplementedError

    def _replace_draft(self, draft: Draft, edited: EmailMessage) -> None:
        raise NotImplementedError

    def user_sends(self, draft: Draft, when: datetime) -> None:
        """Like a client: the draft leaves Drafts; a copy with a new Message-ID lands in Sent."""
        sent = parse(draft.message.as_bytes())
        sent.replace_header("Message-ID", f"<client-{next(_ids)}@example.com>")
        sent.replace_header("Date", format_datetime(when))
        del sent["X-Interview-Assistant"]
        self._remove_draft(draft)
        self._put_sent(sent.as_bytes(), str(draft.message["In-Reply-To"]).strip())

    def user_deletes(self, draft: Draft) -> None:
        self._remove_draft(draft)

    def user_edits(self, draft: Draft, line: str) -> None:
        """Like a client saving an edited draft (same Message-ID, new text)."""
        edited = parse(draft.message.as_bytes())
        first, _, rest = draft.body.partition("\n\n")
        edited.set_content(f"{first}\n\n{line}\n\n{rest}")
        self._replace_draft(draft, edited)

    def user_labels(self, raw: bytes, label: str) -> None:
        raise NotImplementedError

    def user_writes(self, to: str, parent: bytes, when: datetime, body: str) -> None:
        original = parse(parent)
        message = EmailMessage()
        message["From"] = f"Alex Morgan <{OWNER}>"
        message["To"] = to
        message["Subject"] = _subject(parent)
        message["Date"] = format_datetime(when)
        message["Message-ID"] = f"<own-{next(_ids)}@example.com>"
        message["In-Reply-To"] = str(original["Message-ID"])
        message["References"] = str(original["Message-ID"])
        message.set_content(body)
        self._put_sent(message.as_bytes(), str(original["Message-ID"]))


class ImapWorld(World):
    """A mailbox on Dovecot; the user's client works over IMAP (a label is a folder with a copy)."""

    def __init__(self, account: ImapAccount, directory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__(write_imap_config(directory, account))
        self.account = account
        monkeypatch.setenv(PASSWORD_ENV, account.password)

    def deliver(self, raw: bytes) -> None:
        self.account.seed("INBOX", [raw])

    def drafts(self) -> list[Draft]:
        return [Draft(uid, parse(raw)) for uid, _, raw in self.account.fetch_all("Drafts")]

    def sent_count(self) -> int:
        return len(self.account.fetch_all("Sent"))

    def _remove_draft(self, draft: Draft) -> None:
        client = self.account.client()
        client.select_folder("Drafts")
        client.add_flags([draft.uid], [imapclient.DELETED])
        client.expunge([draft.uid])
        client.logout()

    def _put_sent(self, raw: bytes, parent_id: str) -> None:
        self.account.seed("Sent", [raw], flags=[imapclient.SEEN])

    def _replace_draft(self, draft: Draft, edited: EmailMessage) -> None:
        self._remove_draft(draft)
        self.account.seed("Drafts", [edited.as_bytes()], flags=[imapclient.DRAFT])

    def user_labels(self, raw: bytes, label: str) -> None:
        self.account.seed(label, [raw])


class GmailWorld(World):
    """A Gmail account on the test server; the user's client works through the same API."""

    def __init__(self, server: GmailServer, directory: Path) -> None:
        token = write_token(directory / "gmail-token.json")
        config = directory / "config.toml"
        config.write_text(
            f'[account]\nemail = "{OWNER}"\nname = "Alex Morgan"\ntimezone = "America/New_York"\n'
            f'backend = "gmail"\n[gmail]\ntoken_file = "{token}"\napi_endpoint = "{server.base_url}"\n'
            f'[state]\npath = "{directory / "state.sqlite3"}"\n'
        )
        super().__init__(config)
        self.server = server
        self.user = user_client(server)

    def deliver(self, raw: bytes) -> None:
        self.server.add_message(raw, ["INBOX", "UNREAD"])

    def drafts(self) -> list[Draft]:
        return [Draft(0, parse(d["raw"]), d["id"]) for d in self.server.drafts()]

    def sent_count(self) -> int:
        return sum(
            1 for m in self.server.messages() if "SENT" in m["labelIds"] and "DRAFT" not in m["labelIds"]
        )

    def _thread_of(self, message_id: str) -> str | None:
        found = [
            m for m in self.server.messages() if m["headers"].get("Message-ID", "").strip() == message_id
        ]
        return str(found[0]["threadId"]) if found else None

    def _remove_draft(self, draft: Draft) -> None:
        self.user.drafts().delete(userId="me", id=draft.key).execute()

    def _put_sent(self, raw: bytes, parent_id: str) -> None:
        self.server.add_message(raw, ["SENT"], self._thread_of(parent_id))

    def _replace_draft(self, draft: Draft, edited: EmailMessage) -> None:
        body = {"message": {"raw": base64.urlsafe_b64encode(edited.as_bytes()).decode()}}
        self.user.drafts().update(userId="me", id=draft.key, body=body).execute()

    def user_labels(self, raw: bytes, label: str) -> None:
        existing = {item["name"]: item["id"] for item in self.server.labels()}
        label_id = existing.get(label) or self.server.add_label(label)
        thread = self._thread_of(str(parse(raw)["Message-ID"]).strip())
        self.user.threads().modify(userId="me", id=thread, body={"addLabelIds": [label_id]}).execute()
