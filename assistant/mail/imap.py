"""IMAP backend on imapclient.

Reading is done on folders selected read-only (EXAMINE) and with BODY.PEEK, so no flag of the
user's mail ever changes. A scan is incremental per folder (UIDVALIDITY + last UID): headers come
in large chunks, bodies only for the messages the caller wants. Drafts are APPENDed to the folder
marked \\Drafts with the \\Draft flag.
"""

from __future__ import annotations

import contextlib
import json
import re
import ssl
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

import imapclient
from imapclient.exceptions import IMAPClientError, LoginError

from assistant.errors import AuthError, MailboxError
from assistant.mail.base import DraftCopy, Fetched, FolderRole, Progress, ScanBatch, WantsBody
from assistant.model import OWN_ID_PREFIX, Envelope
from assistant.parse.fingerprint import body_fingerprint
from assistant.parse.headers import envelope_from_bytes

HEADER_FIELDS = (
    "MESSAGE-ID SUBJECT FROM TO CC REPLY-TO DATE IN-REPLY-TO REFERENCES "
    "AUTO-SUBMITTED PRECEDENCE LIST-ID LIST-UNSUBSCRIBE"
)
_HEADER_ITEM = f"BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})]"
_APPENDUID = re.compile(rb"APPENDUID (\d+) (\d+)")


@dataclass(frozen=True, slots=True)
class ImapSettings:
    host: str
    port: int
    security: str
    username: str
    password: Callable[[], str] = field(repr=False)
    inbox: str = "INBOX"
    drafts: str | None = None
    sent: str | None = None
    header_chunk: int = 1000
    body_chunk: int = 50
    timeout: float = 60.0


def _key(response: dict[bytes, Any], prefix: bytes) -> bytes:
    """The value of the fetch item starting with `prefix` (servers echo item names variously)."""
    for name, value in response.items():
        if name.upper().startswith(prefix) and isinstance(value, bytes):
            return value
    return b""


class ImapBackend:
    name = "imap"

    def __init__(self, settings: ImapSettings) -> None:
        self._settings = settings
        self._client: imapclient.IMAPClient | None = None
        self._folders: dict[FolderRole | str, str] = {}
        self._existing: set[str] = set()

    # connection ------------------------------------------------------------------------------
    def __enter__(self) -> Self:
        s = self._settings
        try:
            context = ssl.create_default_context()
            client = imapclient.IMAPClient(
                s.host, port=s.port, ssl=s.security == "tls", ssl_context=context, timeout=s.timeout
            )
            if s.security == "starttls":
                client.starttls(context)
            client.login(s.username, s.password())
        except LoginError:
            raise AuthError(f"the IMAP server {s.host} refused the login for {s.username}") from None
        except (TimeoutError, IMAPClientError, OSError, ssl.SSLError) as error:
            raise MailboxError(f"cannot reach the IMAP server {s.host}:{s.port}: {error}") from None
        self._client = client
        self._folders = self._find_folders()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            with contextlib.suppress(IMAPClientError, OSError):
                self._client.logout()
            self._client = None

    @property
    def client(self) -> imapclient.IMAPClient:
        if self._client is None:
            raise MailboxError("the IMAP connection is not open")
        return self._client

    def _find_folders(self) -> dict[FolderRole | str, str]:
        """Drafts and Sent by SPECIAL-USE (names are localised, e.g. "[Gmail]/Entwürfe")."""
        s = self._settings
        by_flag: dict[bytes, str] = {}
        for flags, _, name in self.client.list_folders():
            self._existing.add(name)
            for flag in flags:
                by_flag.setdefault(flag.lower() if isinstance(flag, bytes) else flag, name)
        drafts = s.drafts or by_flag.get(b"\\drafts") or "Drafts"
        sent = s.sent or by_flag.get(b"\\sent") or "Sent"
        return {FolderRole.INBOX: s.inbox, FolderRole.SENT: sent, "drafts": drafts}

    # scanning --------------------------------------------------------------------------------
    def scan(
        self, cursor: str | None, wants_body: WantsBody, progress: Progress | None = None
    ) -> Iterator[ScanBatch]:
        state: dict[str, dict[str, int]] = json.loads(cursor) if cursor else {}
        for role in (FolderRole.INBOX, FolderRole.SENT):
            folder = self._folders[role]
            yield from self._scan_folder(role, folder, state, wants_body, progress)

    def _scan_folder(
        self,
        role: FolderRole,
        folder: str,
        state: dict[str, dict[str, int]],
        wants_body: WantsBody,
        progress: Progress | None,
    ) -> Iterator[ScanBatch]:
        with _guard(f"reading {folder}"):
            info = self.client.select_folder(folder, readonly=True)
            validity = int(info.get(b"UIDVALIDITY", 0))
            known = state.get(folder, {})
            last = known.get("last_uid", 0) if known.get("uidvalidity") == validity else 0
            uid_next = int(info.get(b"UIDNEXT", 0) or 0)
            if uid_next and uid_next <= last + 1:
                uids: list[int] = []
            else:
                uids = sorted(u for u in self.client.search(["UID", f"{last + 1}:*"]) if u > last)
        if not uids:
            state[folder] = {"uidvalidity": validity, "last_uid": last}
            return
        chunk = self._settings.header_chunk
        for start in range(0, len(uids), chunk):
            batch_uids = uids[start : start + chunk]
            items = self._fetch_chunk(role, folder, validity, batch_uids, wants_body)
            state[folder] = {"uidvalidity": validity, "last_uid": batch_uids[-1]}
            if progress is not None:
                progress(folder, start + len(batch_uids), len(uids))
            yield ScanBatch(items=items, cursor=json.dumps(state, sort_keys=True))

    def _fetch_chunk(
        self,
        role: FolderRole,
        folder: str,
        validity: int,
        uids: Sequence[int],
        wants_body: WantsBody,
    ) -> tuple[Fetched, ...]:
        with _guard(f"reading {folder}"):
            headers = self.client.fetch(uids, [_HEADER_ITEM])
        envelopes = {
            uid: envelope_from_bytes(_key(headers.get(uid, {}), b"BODY[HEADER"))
            for uid in uids
            if uid in headers
        }
        wanted = [uid for uid, envelope in envelopes.items() if wants_body(envelope, role)]
        bodies: dict[int, bytes] = {}
        for start in range(0, len(wanted), self._settings.body_chunk):
            part = wanted[start : start + self._settings.body_chunk]
            with _guard(f"reading {folder}"):
                fetched = self.client.fetch(part, ["BODY.PEEK[]"])
            bodies.update({uid: _key(data, b"BODY[]") for uid, data in fetched.items()})
        return tuple(
            Fetched(role, envelope, bodies.get(uid), f"{folder}:{validity}:{uid}")
            for uid, envelope in envelopes.items()
        )

    # drafts ----------------------------------------------------------------------------------
    def find_draft(self, message_id: str) -> str | None:
        for role in ("drafts", FolderRole.SENT):
            folder = self._folders[role]
            with _guard(f"searching {folder}"):
                info = self.client.select_folder(folder, readonly=True)
                uids = self.client.search(["HEADER", "Message-ID", message_id])
            if uids:
                return f"{folder}:{int(info.get(b'UIDVALIDITY', 0))}:{min(uids)}"
        return None

    def _envelopes(self, folder: str) -> dict[int, Envelope]:
        """Every message's envelope in a folder, read-only, headers in chunks."""
        self.client.select_folder(folder, readonly=True)
        uids = sorted(self.client.search(["ALL"]))
        envelopes: dict[int, Envelope] = {}
        for start in range(0, len(uids), self._settings.header_chunk):
            fetched = self.client.fetch(uids[start : start + self._settings.header_chunk], [_HEADER_ITEM])
            envelopes.update(
                {uid: envelope_from_bytes(_key(data, b"BODY[HEADER")) for uid, data in fetched.items()}
            )
        return envelopes

    def drafts_signature(self) -> str:
        folder = self._folders["drafts"]
        with _guard(f"reading {folder}"):
            status = self.client.folder_status(folder, [b"UIDVALIDITY", b"UIDNEXT", b"MESSAGES"])
        return ":".join(str(status.get(key, "")) for key in (b"UIDVALIDITY", b"UIDNEXT", b"MESSAGES"))

    def drafts(self) -> list[DraftCopy]:
        folder = self._folders["drafts"]
        with _guard(f"reading {folder}"):
            envelopes = self._envelopes(folder)
            ours = [uid for uid, e in envelopes.items() if e.message_id.startswith(OWN_ID_PREFIX)]
            bodies = self.client.fetch(ours, ["BODY.PEEK[]"]) if ours else {}
        return [
            DraftCopy(
                message_id=e.message_id,
                in_reply_to=e.in_reply_to,
                recipients=frozenset(a.email for a in (*e.to, *e.cc)),
                fingerprint=body_fingerprint(_key(bodies[uid], b"BODY[]")) if uid in bodies else "",
            )
            for uid, e in envelopes.items()
        ]

    def withdraw_draft(self, message_id: str, fingerprint: str) -> bool:
        """Delete our unedited draft: flag \\Deleted and UID EXPUNGE exactly its UIDs (UIDPLUS), so
        drafts the user marked deleted themselves are never expunged with it."""
        if not message_id.startswith(OWN_ID_PREFIX):
            raise MailboxError(f"refusing to remove {message_id}: not a draft the assistant placed")
        folder = self._folders["drafts"]
        with _guard(f"removing a draft from {folder}"):
            self.client.select_folder(folder, readonly=False)
            found = self.client.search(["HEADER", "Message-ID", message_id])
            bodies = self.client.fetch(found, ["BODY.PEEK[]"]) if found else {}
            uids = [u for u, data in bodies.items() if body_fingerprint(_key(data, b"BODY[]")) == fingerprint]
            if not uids:
                self.client.unselect_folder()
                return False
            self.client.add_flags(uids, [imapclient.DELETED])
            if self.client.has_capability("UIDPLUS"):
                self.client.expunge(uids)
            self.client.unselect_folder()
        return True

    def labelled(self, label: str) -> list[Envelope]:
        if label not in self._existing:
            return []
        with _guard(f"reading {label}"):
            return list(self._envelopes(label).values())

    def place_draft(self, raw: bytes) -> str:
        folder = self._folders["drafts"]
        with _guard(f"adding a draft to {folder}"):
            response = self.client.append(folder, raw, flags=(imapclient.DRAFT, imapclient.SEEN))
        match = _APPENDUID.search(response if isinstance(response, bytes) else b"")
        return f"{folder}:{match.group(1).decode()}:{match.group(2).decode()}" if match else folder


@contextlib.contextmanager
def _guard(action: str) -> Iterator[None]:
    """Turns the library's and the socket's errors into one `MailboxError` naming the action."""
    try:
        yield
    except (IMAPClientError, OSError) as error:
        raise MailboxError(f"IMAP error while {action}: {error}") from None
