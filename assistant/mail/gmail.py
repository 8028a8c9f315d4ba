"""Gmail API backend.

Reads with `gmail.readonly`, drafts with `gmail.compose` (no scope can draft without being able to
send, so never-send is enforced here by simply having no send call). First sync lists recent mail
with a search query; later syncs follow `history.list` from the stored history id, falling back to
a bounded resync when Gmail says the id is too old (404). Metadata comes first, full messages only
for candidates, both in batches. Retries on 429/5xx use the client's own jittered exponential
backoff (`execute(num_retries=…)`). Drafts are created in the conversation (threadId plus the reply
headers the renderer writes), and found again by their Message-ID (`rfc822msgid:`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from types import TracebackType
from typing import Any, Self

import httplib2
from google.auth.exceptions import RefreshError
from google_auth_httplib2 import AuthorizedHttp
from googleapiclient.discovery import build_from_document
from googleapiclient.discovery_cache import get_static_doc
from googleapiclient.errors import HttpError

from assistant.errors import AuthError, MailboxError
from assistant.mail.base import DraftCopy, Fetched, FolderRole, Progress, ScanBatch, WantsBody
from assistant.mail.gmail_auth import GmailSettings, load_credentials
from assistant.model import OWN_ID_PREFIX, Envelope
from assistant.parse.fingerprint import body_fingerprint
from assistant.parse.headers import envelope_from_bytes

log = logging.getLogger(__name__)

# Quota units per call (developers.google.com/gmail/api/reference/quota), for the debug log.
_UNITS = {"list": 5, "get": 5, "history": 2, "create": 10, "delete": 10, "labels": 1, "profile": 1}
_METADATA = ["Message-ID", "Subject", "From", "To", "Cc", "Reply-To", "Date", "In-Reply-To", "References",
             "Auto-Submitted", "Precedence", "List-Id", "List-Unsubscribe"]  # fmt: skip
_SKIP_LABELS = {"DRAFT", "SPAM", "TRASH"}
# Gmail searches bodies too, so a first sync can ask the server for candidates only (and the
# user's sent mail, which shows their own replies); `{…}` means "any of".
_CANDIDATES = (
    "{interview interviews invitation application applied candidate candidacy recruiter recruiting "
    'hiring offer position role opportunity "next steps" availability schedule scheduled rescheduled '
    "screen onsite calendly greenhouse lever ashby workday Vorstellungsgespräch Bewerbung entretien "
    "candidature entrevista candidatura filename:ics in:sent}"
)


class _NotFound(MailboxError):
    """Gmail's 404: for history.list, the stored history id has aged out."""


_SIGN_IN_AGAIN = "Gmail refused the saved sign-in (expired or revoked); run `assistant auth` again"


def build_service(settings: GmailSettings, credentials: Any) -> Any:
    """The client from the discovery document shipped with the library, every URL (batch included)
    pointed at `api_endpoint` when one is set."""
    document = json.loads(get_static_doc("gmail", "v1") or "{}")
    if settings.api_endpoint:
        root = settings.api_endpoint.rstrip("/") + "/"
        document["rootUrl"] = document["mtlsRootUrl"] = root
    http = AuthorizedHttp(credentials, http=httplib2.Http(timeout=60))
    return build_from_document(document, http=http)


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _envelope(message: dict[str, Any]) -> Envelope:
    headers = message.get("payload", {}).get("headers", [])
    block = "".join(f"{h['name']}: {h['value']}\r\n" for h in headers) + "\r\n"
    return envelope_from_bytes(block.encode("utf-8", "surrogateescape"))


class GmailBackend:
    name = "gmail"

    def __init__(self, settings: GmailSettings) -> None:
        self._settings = settings
        self._service: Any = None
        self._units: Counter[str] = Counter()
        self._label_ids: dict[str, str] | None = None

    def __enter__(self) -> Self:
        self._service = build_service(self._settings, load_credentials(self._settings))
        self._units.clear()
        self._label_ids = None
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        used = sum(_UNITS[kind] * count for kind, count in self._units.items())
        log.debug("Gmail quota units used this cycle: %d (%s)", used, dict(self._units))
        self._service = None

    # requests --------------------------------------------------------------------------------
    @property
    def _users(self) -> Any:
        if self._service is None:
            raise MailboxError("the Gmail connection is not open")
        return self._service.users()

    def _call(self, kind: str, request: Any) -> Any:
        self._units[kind] += 1
        try:
            return request.execute(num_retries=self._settings.retries)
        except RefreshError:
            raise AuthError(_SIGN_IN_AGAIN) from None
        except HttpError as error:
            kind_of_error = _NotFound if error.status_code == 404 else MailboxError
            raise kind_of_error(f"Gmail answered {error.status_code}: {error.reason}") from None
        except (OSError, httplib2.HttpLib2Error) as error:
            raise MailboxError(f"cannot reach Gmail: {error}") from None

    def _pages(
        self, kind: str, method: Callable[..., Any], key: str, **params: Any
    ) -> Iterator[dict[str, Any]]:
        token = None
        while True:
            page = self._call(kind, method(userId="me", pageToken=token, **params))
            yield from page.get(key, [])
            token = page.get("nextPageToken")
            if not token:
                return

    def _batch(self, kind: str, requests: dict[str, Any]) -> dict[str, Any]:
        """Answers to many requests, 50 a batch (Google advises no more); failures retried alone,
        with the client's backoff, and items gone in the meantime left out."""
        answers: dict[str, Any] = {}
        failed: list[str] = []

        def collect(request_id: str, response: Any, exception: Exception | None) -> None:
            if exception is None:
                answers[request_id] = response
            else:
                failed.append(request_id)

        names = list(requests)
        for start in range(0, len(names), self._settings.batch_size):
            batch = self._service.new_batch_http_request(callback=collect)
            for name in names[start : start + self._settings.batch_size]:
                batch.add(requests[name], request_id=name)
            self._units[kind] += len(names[start : start + self._settings.batch_size])
            self._execute_batch(batch)
        for name in failed:
            try:
                answers[name] = self._call(kind, requests[name])
            except _NotFound:
                continue  # deleted since it was listed (a draft sent or discarded): nothing to read
        return answers

    def _execute_batch(self, batch: Any) -> None:
        try:
            batch.execute()
        except RefreshError:
            raise AuthError(_SIGN_IN_AGAIN) from None
        except (HttpError, OSError, httplib2.HttpLib2Error) as error:
            raise MailboxError(f"a Gmail batch request failed: {error}") from None

    # scanning --------------------------------------------------------------------------------
    def _recent(self) -> tuple[list[str], str]:
        history = str(self._call("profile", self._users.getProfile(userId="me"))["historyId"])
        query = f"newer_than:{self._settings.sync_days}d -in:drafts -in:chats {_CANDIDATES}"
        ids = [
            m["id"]
            for m in self._pages("list", self._users.messages().list, "messages", q=query, maxResults=500)
        ]
        return ids, history

    def _since(self, history_id: str) -> tuple[list[str], str]:
        ids: dict[str, None] = {}
        token, latest = None, history_id
        while True:
            request = self._users.history().list(
                userId="me",
                startHistoryId=history_id,
                historyTypes=["messageAdded"],
                pageToken=token,
                maxResults=500,
            )
            page = self._call("history", request)
            for record in page.get("history", []):
                ids.update({added["message"]["id"]: None for added in record.get("messagesAdded", [])})
            latest = str(page.get("historyId", latest))
            token = page.get("nextPageToken")
            if not token:
                return list(ids), latest

    def _changed(self, cursor: str | None) -> tuple[list[str], str]:
        history_id = json.loads(cursor).get("history_id") if cursor else None
        if not history_id:
            return self._recent()
        try:
            return self._since(history_id)
        except _NotFound:
            log.warning(
                "Gmail no longer knows history id %s; resyncing the last %d days",
                history_id,
                self._settings.sync_days,
            )
            return self._recent()

    def scan(
        self, cursor: str | None, wants_body: WantsBody, progress: Progress | None = None
    ) -> Iterator[ScanBatch]:
        ids, history = self._changed(cursor)
        done = json.dumps({"history_id": history})
        chunk = self._settings.batch_size * 2
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            items = self._fetch(part, wants_body)
            if progress is not None:
                progress("Gmail", start + len(part), len(ids))
            yield ScanBatch(items, done if start + chunk >= len(ids) else cursor or "")
        if not ids:
            yield ScanBatch((), done)

    def _fetch(self, ids: list[str], wants_body: WantsBody) -> tuple[Fetched, ...]:
        messages = self._users.messages()
        metadata = self._batch(
            "get",
            {i: messages.get(userId="me", id=i, format="metadata", metadataHeaders=_METADATA) for i in ids},
        )
        kept: dict[str, tuple[FolderRole, Envelope]] = {}
        for message_id, message in metadata.items():
            labels = set(message.get("labelIds", []))
            if labels & _SKIP_LABELS:
                continue
            role = FolderRole.SENT if "SENT" in labels else FolderRole.INBOX
            kept[message_id] = (role, _envelope(message))
        wanted = [i for i, (role, envelope) in kept.items() if wants_body(envelope, role)]
        raw = self._batch("get", {i: messages.get(userId="me", id=i, format="raw") for i in wanted})
        return tuple(
            Fetched(role, envelope, _b64decode(raw[i]["raw"]) if i in raw else None, f"gmail:{i}")
            for i, (role, envelope) in kept.items()
        )

    # drafts ----------------------------------------------------------------------------------
    def _draft_ids(self, query: str | None = None) -> list[str]:
        params = {"q": query} if query else {}
        return [d["id"] for d in self._pages("list", self._users.drafts().list, "drafts", **params)]

    def find_draft(self, message_id: str) -> str | None:
        drafts = self._draft_ids(f"rfc822msgid:{message_id}")
        if drafts:
            return f"gmail-draft:{drafts[0]}"
        sent = list(
            self._pages(
                "list", self._users.messages().list, "messages", q=f"rfc822msgid:{message_id} in:sent"
            )
        )
        return f"gmail:{sent[0]['id']}" if sent else None

    def _thread_of(self, message_id: str | None) -> str | None:
        if not message_id:
            return None
        found = list(
            self._pages("list", self._users.messages().list, "messages", q=f"rfc822msgid:{message_id}")
        )
        return str(found[0]["threadId"]) if found else None

    def place_draft(self, raw: bytes) -> str:
        headers = BytesHeaderParser(policy=default_policy).parsebytes(raw)
        message: dict[str, str] = {"raw": base64.urlsafe_b64encode(raw).decode()}
        thread = self._thread_of(str(headers.get("In-Reply-To", "")).strip() or None)
        if thread:
            message["threadId"] = thread
        draft = self._call("create", self._users.drafts().create(userId="me", body={"message": message}))
        return f"gmail-draft:{draft['id']}"

    def _raw_drafts(self, ids: Iterable[str]) -> dict[str, bytes]:
        answers = self._batch(
            "get", {i: self._users.drafts().get(userId="me", id=i, format="raw") for i in ids}
        )
        return {i: _b64decode(d["message"]["raw"]) for i, d in answers.items()}

    def drafts_signature(self) -> str:
        listed = self._pages("list", self._users.drafts().list, "drafts")
        pairs = sorted(f"{d['id']}/{d.get('message', {}).get('id', '')}" for d in listed)
        return hashlib.sha256("\n".join(pairs).encode()).hexdigest()

    def drafts(self) -> list[DraftCopy]:
        copies = []
        for raw in self._raw_drafts(self._draft_ids()).values():
            envelope = envelope_from_bytes(raw)
            ours = envelope.message_id.startswith(OWN_ID_PREFIX)
            copies.append(
                DraftCopy(
                    message_id=envelope.message_id,
                    in_reply_to=envelope.in_reply_to,
                    recipients=frozenset(a.email for a in (*envelope.to, *envelope.cc)),
                    fingerprint=body_fingerprint(raw) if ours else "",
                )
            )
        return copies

    def withdraw_draft(self, message_id: str, fingerprint: str) -> bool:
        if not message_id.startswith(OWN_ID_PREFIX):
            raise MailboxError(f"refusing to remove {message_id}: not a draft the assistant placed")
        removed = False
        for draft_id, raw in self._raw_drafts(self._draft_ids(f"rfc822msgid:{message_id}")).items():
            if envelope_from_bytes(raw).message_id == message_id and body_fingerprint(raw) == fingerprint:
                self._call("delete", self._users.drafts().delete(userId="me", id=draft_id))
                removed = True
        return removed

    # labels ----------------------------------------------------------------------------------
    def labelled(self, label: str) -> list[Envelope]:
        if self._label_ids is None:
            listed = self._call("labels", self._users.labels().list(userId="me")).get("labels", [])
            self._label_ids = {str(item["name"]): str(item["id"]) for item in listed}
        label_id = self._label_ids.get(label)
        if label_id is None:
            return []
        ids = [
            m["id"] for m in self._pages("list", self._users.messages().list, "messages", labelIds=[label_id])
        ]
        messages = self._users.messages()
        metadata = self._batch(
            "get",
            {i: messages.get(userId="me", id=i, format="metadata", metadataHeaders=_METADATA) for i in ids},
        )
        return [_envelope(message) for message in metadata.values()]
