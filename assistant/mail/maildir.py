"""Maildir backend on Python's `mailbox` module: the embedded default and the demo's mailbox.

The layout is Maildir++ as mbsync, offlineimap and Dovecot write it: the inbox at the root and
folders as dot-directories (".Sent", ".Drafts"). Files are only read, never renamed (which would
change their flags); drafts are delivered atomically (tmp/ then cur/) with the D and S flags.
"""

from __future__ import annotations

import hashlib
import json
import mailbox
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from assistant.errors import MailboxError
from assistant.mail.base import DraftCopy, Fetched, FolderRole, Progress, ScanBatch, WantsBody
from assistant.model import OWN_ID_PREFIX, Envelope
from assistant.parse.fingerprint import body_fingerprint
from assistant.parse.headers import envelope_from_bytes

_HEADER_LIMIT = 64 * 1024


@dataclass(frozen=True, slots=True)
class MaildirSettings:
    path: Path
    sent: str = "Sent"
    drafts: str = "Drafts"
    chunk: int = 1000


def _folder_path(root: Path, name: str) -> Path:
    return root / f".{name}"


def _files(folder: Path) -> list[tuple[int, str, Path]]:
    """(mtime_ns, name, path) of every message file; a rename on flag change keeps the mtime."""
    found = []
    for sub in ("new", "cur"):
        directory = folder / sub
        if not directory.is_dir():
            continue
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_file() and not entry.name.startswith("."):
                    found.append((entry.stat().st_mtime_ns, entry.name.split(":2,")[0], Path(entry.path)))
    return sorted(found)


def _header_block(path: Path) -> bytes:
    with path.open("rb") as handle:
        head = handle.read(_HEADER_LIMIT)
    end = min((i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0), default=len(head))
    return head[: end + 2]


class MaildirBackend:
    name = "maildir"

    def __init__(self, settings: MaildirSettings) -> None:
        self._settings = settings
        root = settings.path.expanduser()
        self._folders = {
            FolderRole.INBOX: root,
            FolderRole.SENT: _folder_path(root, settings.sent),
            "drafts": _folder_path(root, settings.drafts),
        }

    def __enter__(self) -> Self:
        root = self._folders[FolderRole.INBOX]
        if not (root / "cur").is_dir() and not (root / "new").is_dir():
            raise MailboxError(f"{root} is not a Maildir (it has no cur/ or new/ folder)")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def scan(
        self, cursor: str | None, wants_body: WantsBody, progress: Progress | None = None
    ) -> Iterator[ScanBatch]:
        """Files newer than the folder's watermark (mtime), plus unseen ones at the watermark."""
        state: dict[str, dict[str, object]] = json.loads(cursor) if cursor else {}
        for role in (FolderRole.INBOX, FolderRole.SENT):
            folder = self._folders[role]
            known = state.get(role.value, {})
            mark = int(known.get("mtime_ns", -1))  # type: ignore[call-overload]
            at_mark = set(known.get("names_at_mark", []))  # type: ignore[call-overload]
            new = [f for f in _files(folder) if f[0] > mark or (f[0] == mark and f[1] not in at_mark)]
            chunk = self._settings.chunk
            for start in range(0, len(new), chunk):
                part = new[start : start + chunk]
                items = tuple(self._read(role, path, wants_body) for _, _, path in part)
                top = part[-1][0]
                names = {name for mtime, name, _ in part if mtime == top}
                if top == mark:
                    names |= at_mark
                mark, at_mark = top, names
                state[role.value] = {"mtime_ns": mark, "names_at_mark": sorted(at_mark)}
                if progress is not None:
                    progress(str(folder), start + len(part), len(new))
                yield ScanBatch(items=tuple(i for i in items if i is not None), cursor=json.dumps(state))

    def _read(self, role: FolderRole, path: Path, wants_body: WantsBody) -> Fetched | None:
        try:
            envelope = envelope_from_bytes(_header_block(path))
            raw = path.read_bytes() if wants_body(envelope, role) else None
        except FileNotFoundError:
            return None
        return Fetched(role, envelope, raw, str(path))

    def _envelopes(self, folder: Path) -> Iterator[tuple[Path, Envelope]]:
        for _, _, path in _files(folder):
            try:
                yield path, envelope_from_bytes(_header_block(path))
            except FileNotFoundError:
                continue

    def find_draft(self, message_id: str) -> str | None:
        for role in ("drafts", FolderRole.SENT):
            for path, envelope in self._envelopes(self._folders[role]):
                if envelope.message_id == message_id:
                    return str(path)
        return None

    def drafts_signature(self) -> str:
        names = sorted(name for _, name, _ in _files(self._folders["drafts"]))
        return hashlib.sha256("\n".join(names).encode()).hexdigest()

    def drafts(self) -> list[DraftCopy]:
        return [
            DraftCopy(
                message_id=envelope.message_id,
                in_reply_to=envelope.in_reply_to,
                recipients=frozenset(a.email for a in (*envelope.to, *envelope.cc)),
                fingerprint=body_fingerprint(path.read_bytes())
                if envelope.message_id.startswith(OWN_ID_PREFIX)
                else "",
            )
            for path, envelope in self._envelopes(self._folders["drafts"])
        ]

    def withdraw_draft(self, message_id: str, fingerprint: str) -> bool:
        if not message_id.startswith(OWN_ID_PREFIX):
            raise MailboxError(f"refusing to remove {message_id}: not a draft the assistant placed")
        removed = False
        for path, envelope in list(self._envelopes(self._folders["drafts"])):
            if envelope.message_id == message_id and body_fingerprint(path.read_bytes()) == fingerprint:
                path.unlink(missing_ok=True)
                removed = True
        return removed

    def labelled(self, label: str) -> list[Envelope]:
        folder = _folder_path(self._folders[FolderRole.INBOX], label.replace("/", "."))
        return [envelope for _, envelope in self._envelopes(folder)]

    def place_draft(self, raw: bytes) -> str:
        drafts = mailbox.Maildir(self._folders["drafts"], create=True)
        message = mailbox.MaildirMessage(raw)
        message.set_subdir("cur")
        message.set_flags("DS")
        try:
            key = drafts.add(message)
        except OSError as error:
            raise MailboxError(f"cannot add a draft to {self._folders['drafts']}: {error}") from None
        return f"{self._folders['drafts']}:{key}"
