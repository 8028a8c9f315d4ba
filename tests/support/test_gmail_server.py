"""Tests proving the Gmail test server behaves like Gmail for the real google-api-python-client.

Every test talks to the server through the client built from the shipped discovery document,
exactly as the Gmail backend will, except where a request the client would never produce has to
be sent by hand (undeclared parameters, missing token). The ``server`` fixture fails any test
that leaves an unexpected entry in ``server.errors``: tests that provoke errors take them.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

import httplib2  # type: ignore[import-untyped]
import pytest
from google.oauth2.credentials import Credentials
from google_auth_httplib2 import AuthorizedHttp  # type: ignore[import-untyped]
from googleapiclient.discovery import build_from_document
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest, MediaIoBaseUpload

from tests.support.gmail_server import DEFAULT_EMAIL, GmailServer, start_gmail_server

TOKEN = "test-token"
NOW = datetime.now(UTC)
CONFIRMATION_ID = "<confirm-2041@northwind-analytics.com>"
REPLY_ID = "<CAF1x-reply-77@mail.example.com>"
PDF = b"%PDF-1.4\n% interview guide\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

CONFIRMATION = f"""\
From: Priya Shah <priya.shah@northwind-analytics.com>
To: Alex Morgan <{DEFAULT_EMAIL}>
Subject: Interview confirmation: Senior Data Engineer panel
Message-ID: {CONFIRMATION_ID}
Date: {format_datetime(NOW - timedelta(days=2))}
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hi Alex,

Your panel interview is confirmed for Thursday, 3 December, 2:00=E2=80=933:30 pm E=
T. We're looking forward to it; the invite is attached.

Priya
--alt
Content-Type: text/html; charset=utf-8

<p>Hi Alex,</p><p>Your panel interview is confirmed for Thursday, 3 December.</p>
--alt--
--outer
Content-Type: text/calendar; charset=utf-8; method=REQUEST

BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Northwind//Recruiting//EN
METHOD:REQUEST
BEGIN:VEVENT
UID:panel-2041@northwind-analytics.com
DTSTART:20261203T190000Z
DTEND:20261203T203000Z
SUMMARY:Panel interview: Senior Data Engineer
ORGANIZER;CN=Priya Shah:mailto:priya.shah@northwind-analytics.com
END:VEVENT
END:VCALENDAR
--outer
Content-Type: application/pdf; name="interview-guide.pdf"
Content-Disposition: attachment; filename="interview-guide.pdf"
Content-Transfer-Encoding: base64

{base64.b64encode(PDF).decode()}
--outer--
""".replace("\n", "\r\n").encode()

REPLY = f"""\
From: Alex Morgan <{DEFAULT_EMAIL}>
To: Priya Shah <priya.shah@northwind-analytics.com>
Subject: Re: Interview confirmation: Senior Data Engineer panel
Message-ID: {REPLY_ID}
In-Reply-To: {CONFIRMATION_ID}
References: {CONFIRMATION_ID}
Date: {format_datetime(NOW - timedelta(days=1))}
Content-Type: text/plain; charset=utf-8

Thanks Priya, Thursday works for me.

On Tue, Priya Shah wrote:
> Your panel interview is confirmed for Thursday, 3 December.
""".replace("\n", "\r\n").encode()

NEWSLETTER = f"""\
From: Careers Weekly <news@careers-weekly.example>
To: {DEFAULT_EMAIL}
Subject: =?iso-8859-1?Q?Caf=E9_chats_and_salary_trends?=
Message-ID: <weekly-318@careers-weekly.example>
Date: {format_datetime(NOW - timedelta(days=40))}
List-Unsubscribe: <https://careers-weekly.example/unsubscribe>
MIME-Version: 1.0
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

This week: caf=E9 chats with hiring managers, and salary trends for 2026.
""".replace("\n", "\r\n").encode()


# --------------------------------------------------------------------------------------------
# Fixtures and helpers
# --------------------------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[GmailServer]:
    with start_gmail_server(seed=20261203) as gmail:
        yield gmail
        assert gmail.errors == [], "unexpected contract violations recorded by the Gmail test server"


@pytest.fixture
def service(server: GmailServer) -> Any:
    """The real client, built from the shipped discovery document, pointed at the server."""
    http = AuthorizedHttp(Credentials(token=TOKEN), http=httplib2.Http(timeout=10))  # type: ignore[no-untyped-call]
    return build_from_document(server.discovery_document(), http=http)


@pytest.fixture
def mailbox(server: GmailServer) -> dict[str, str]:
    return {
        "confirmation": server.add_message(CONFIRMATION, ("INBOX", "UNREAD")),
        "reply": server.add_message(REPLY, ("SENT",)),
        "newsletter": server.add_message(NEWSLETTER, ("INBOX", "CATEGORY_UPDATES")),
    }


def take_errors(server: GmailServer) -> list[str]:
    """The recorded errors, cleared, so the fixture's final check passes."""
    errors = list(server.errors)
    server.errors.clear()
    return errors


def error_of(problem: HttpError) -> dict[str, Any]:
    body: dict[str, Any] = json.loads(problem.content)
    return dict(body["error"])


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode()


def reply_draft(
    subject: str, *, in_reply_to: str | None = CONFIRMATION_ID, msgid: str = "<draft-1@example.com>"
) -> bytes:
    message = EmailMessage()
    message["From"] = f"Alex Morgan <{DEFAULT_EMAIL}>"
    message["To"] = "Priya Shah <priya.shah@northwind-analytics.com>"
    message["Subject"] = subject
    message["Message-ID"] = msgid
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content("Thank you for the panel today, I enjoyed the conversation.")
    return message.as_bytes()


def by_hand(
    server: GmailServer, method: str, path: str, token: str | None = TOKEN
) -> tuple[int, dict[str, Any]]:
    """A request the client would refuse to build, sent with plain httplib2."""
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    response, content = httplib2.Http(timeout=10).request(server.base_url + path, method, headers=headers)
    return response.status, json.loads(content) if content else {}


def ids(listing: dict[str, Any], key: str = "messages") -> list[str]:
    return [item["id"] for item in listing.get(key, [])]


# --------------------------------------------------------------------------------------------
# Profile, listing, formats
# --------------------------------------------------------------------------------------------


def test_profile_and_listing_newest_first(server: GmailServer, service: Any, mailbox: dict[str, str]) -> None:
    profile = service.users().getProfile(userId="me").execute()
    by_address = service.users().getProfile(userId=DEFAULT_EMAIL).execute()
    listing = service.users().messages().list(userId="me").execute()

    assert profile == by_address
    assert profile["emailAddress"] == DEFAULT_EMAIL
    assert (profile["messagesTotal"], profile["threadsTotal"]) == (3, 2)
    assert ids(listing) == [mailbox["reply"], mailbox["confirmation"], mailbox["newsletter"]]
    assert listing["resultSizeEstimate"] == 3
    # The sent reply names the confirmation and keeps its subject, so Gmail threads it.
    threads = {m["id"]: m["threadId"] for m in listing["messages"]}
    assert threads[mailbox["reply"]] == threads[mailbox["confirmation"]] == mailbox["confirmation"]


def test_minimal_metadata_and_raw_formats(service: Any, mailbox: dict[str, str]) -> None:
    messages = service.users().messages()
    minimal = messages.get(userId="me", id=mailbox["confirmation"], format="minimal").execute()
    metadata = messages.get(
        userId="me", id=mailbox["confirmation"], format="metadata", metadataHeaders=["Subject", "Message-ID"]
    ).execute()
    raw = messages.get(userId="me", id=mailbox["confirmation"], format="raw").execute()

    assert set(minimal) == {
        "id",
        "threadId",
        "labelIds",
        "snippet",
        "historyId",
        "internalDate",
        "sizeEstimate",
    }
    assert minimal["labelIds"] == ["INBOX", "UNREAD"]
    assert minimal["snippet"].startswith("Hi Alex, Your panel interview is confirmed")
    assert "We&#39;re looking forward" in minimal["snippet"]  # Gmail HTML-escapes snippets
    assert int(minimal["internalDate"]) == pytest.approx(
        (NOW - timedelta(days=2)).timestamp() * 1000, abs=1000
    )
    assert metadata["payload"]["headers"] == [
        {"name": "Subject", "value": "Interview confirmation: Senior Data Engineer panel"},
        {"name": "Message-ID", "value": CONFIRMATION_ID},
    ]
    assert base64.urlsafe_b64decode(raw["raw"]) == CONFIRMATION
    assert raw["sizeEstimate"] == len(CONFIRMATION)


def test_full_format_builds_the_mime_tree(service: Any, mailbox: dict[str, str]) -> None:
    full = service.users().messages().get(userId="me", id=mailbox["confirmation"]).execute()
    root = full["payload"]
    alternative, calendar, attachment = root["parts"]

    assert (root["partId"], root["mimeType"], root["body"]) == ("", "multipart/mixed", {"size": 0})
    assert {"name": "Message-ID", "value": CONFIRMATION_ID} in root["headers"]
    assert [p["partId"] for p in alternative["parts"]] == ["0.0", "0.1"]
    plain = base64.urlsafe_b64decode(alternative["parts"][0]["body"]["data"]).decode()
    assert "2:00–3:30 pm ET." in plain  # quoted-printable decoded, soft line break joined
    assert calendar["mimeType"] == "text/calendar"
    assert base64.urlsafe_b64decode(calendar["body"]["data"]).startswith(b"BEGIN:VCALENDAR")
    assert calendar["headers"] == [
        {"name": "Content-Type", "value": "text/calendar; charset=utf-8; method=REQUEST"}
    ]
    assert attachment["filename"] == "interview-guide.pdf"
    assert "data" not in attachment["body"]
    fetched = (
        service.users()
        .messages()
        .attachments()
        .get(userId="me", messageId=mailbox["confirmation"], id=attachment["body"]["attachmentId"])
        .execute()
    )
    assert base64.urlsafe_b64decode(fetched["data"]) == PDF
    assert fetched["size"] == attachment["body"]["size"] == len(PDF)


def test_full_format_reencodes_text_to_utf8_but_keeps_headers_verbatim(
    service: Any, mailbox: dict[str, str]
) -> None:
    full = service.users().messages().get(userId="me", id=mailbox["newsletter"], format="full").execute()
    headers = {h["name"]: h["value"] for h in full["payload"]["headers"]}

    assert (
        base64.urlsafe_b64decode(full["payload"]["body"]["data"])
        .decode("utf-8")
        .startswith("This week: café")
    )
    assert headers["Content-Type"] == "text/plain; charset=iso-8859-1"
    assert headers["Subject"] == "=?iso-8859-1?Q?Caf=E9_chats_and_salary_trends?="


def test_threads_get_returns_the_conversation_in_order(service: Any, mailbox: dict[str, str]) -> None:
    thread = (
        service.users().threads().get(userId="me", id=mailbox["confirmation"], format="minimal").execute()
    )
    assert [m["id"] for m in thread["messages"]] == [mailbox["confirmation"], mailbox["reply"]]
    assert "payload" not in thread["messages"][0]


# --------------------------------------------------------------------------------------------
# Search and pagination
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("newer_than:7d", {"confirmation", "reply"}),
        ("older_than:30d", {"newsletter"}),
        (f"after:{(NOW - timedelta(days=10)):%Y/%m/%d}", {"confirmation", "reply"}),
        (f"before:{(NOW - timedelta(days=10)):%Y/%m/%d}", {"newsletter"}),
        ("in:sent", {"reply"}),
        ("-in:sent newer_than:7d", {"confirmation"}),
        (f"rfc822msgid:{CONFIRMATION_ID}", {"confirmation"}),
        ("rfc822msgid:weekly-318@careers-weekly.example", {"newsletter"}),
        ("panel", {"confirmation", "reply"}),
        ("salary", {"newsletter"}),
        ('subject:"Interview confirmation"', {"confirmation", "reply"}),
        ("from:priya.shah@northwind-analytics.com", {"confirmation"}),
        ("is:unread", {"confirmation"}),
        ("has:attachment", {"confirmation"}),
        ("category:updates", {"newsletter"}),
        ("label:inbox newer_than:7d", {"confirmation"}),
    ],
)
def test_search_operators(service: Any, mailbox: dict[str, str], query: str, expected: set[str]) -> None:
    listing = service.users().messages().list(userId="me", q=query).execute()
    assert set(ids(listing)) == {mailbox[name] for name in expected}


def test_user_label_search_label_ids_and_unsupported_operators(
    server: GmailServer, service: Any, mailbox: dict[str, str]
) -> None:
    offer = server.add_label("Interview/Offer")
    offer_id = server.add_message(REPLY.replace(b"reply-77", b"reply-78"), ("INBOX", offer))
    spam_id = server.add_message(NEWSLETTER.replace(b"weekly-318", b"weekly-319"), ("SPAM",))
    messages = service.users().messages()

    assert ids(messages.list(userId="me", q="label:interview-offer").execute()) == [offer_id]
    assert ids(messages.list(userId="me", q="label:Interview/Offer").execute()) == [offer_id]
    assert ids(messages.list(userId="me", labelIds=["INBOX", offer]).execute()) == [offer_id]
    assert spam_id not in ids(messages.list(userId="me").execute())
    assert spam_id in ids(messages.list(userId="me", includeSpamTrash=True).execute())
    assert ids(messages.list(userId="me", q="in:spam").execute()) == [spam_id]
    unknown = messages.list(userId="me", q="larger:5M newer_than:7d").execute()
    assert set(ids(unknown)) == {mailbox["confirmation"], mailbox["reply"], offer_id}
    assert server.unsupported_queries == ["larger:5M"]


def test_pagination_really_pages(server: GmailServer, service: Any) -> None:
    seeded = {
        server.add_message(NEWSLETTER.replace(b"weekly-318", f"weekly-{n}".encode())) for n in range(23)
    }
    messages = service.users().messages()
    request, pages, seen = messages.list(userId="me", maxResults=10), [], []
    while request is not None:
        page = request.execute()
        pages.append(len(page["messages"]))
        seen += ids(page)
        request = messages.list_next(request, page)

    assert pages == [10, 10, 3]
    assert set(seen) == seeded
    assert len(seen) == 23
    with pytest.raises(HttpError) as bad_token:
        messages.list(userId="me", pageToken="not-a-token").execute()
    assert bad_token.value.resp.status == 400
    assert take_errors(server) == ["messages.list: Invalid pageToken 'not-a-token'"]


# --------------------------------------------------------------------------------------------
# History
# --------------------------------------------------------------------------------------------


def test_history_ids_grow_with_gaps_and_expire_with_404(
    server: GmailServer, service: Any, mailbox: dict[str, str]
) -> None:
    users = service.users()
    start = users.getProfile(userId="me").execute()["historyId"]
    arrived = server.add_message(NEWSLETTER.replace(b"weekly-318", b"weekly-319"))
    label = (
        users.labels()
        .create(
            userId="me",
            body={"name": "Interviews", "labelListVisibility": "labelShow", "messageListVisibility": "show"},
        )
        .execute()
    )
    users.threads().modify(
        userId="me", id=mailbox["confirmation"], body={"addLabelIds": [label["id"]]}
    ).execute()
    draft = (
        users.drafts().create(userId="me", body={"message": {"raw": b64url(reply_draft("Hello"))}}).execute()
    )
    users.drafts().delete(userId="me", id=draft["id"]).execute()
    now = users.getProfile(userId="me").execute()["historyId"]

    history = users.history().list(userId="me", startHistoryId=start).execute()
    record_ids = [int(record["id"]) for record in history["history"]]
    assert history["historyId"] == now
    assert record_ids == sorted(record_ids)
    assert record_ids[0] > int(start)
    assert any(b - a > 1 for a, b in zip([int(start), *record_ids], record_ids, strict=False)), (
        "ids must have gaps"
    )
    kinds = [sorted(set(record) - {"id", "messages"}) for record in history["history"]]
    assert kinds == [["messagesAdded"], ["labelsAdded"], ["messagesAdded"], ["messagesDeleted"]]
    assert history["history"][0]["messagesAdded"][0]["message"]["id"] == arrived
    labelled = history["history"][1]["labelsAdded"]
    assert {entry["message"]["id"] for entry in labelled} == {mailbox["confirmation"], mailbox["reply"]}
    assert history["history"][3]["messagesDeleted"][0]["message"]["id"] == draft["message"]["id"]

    only_labels = (
        users.history().list(userId="me", startHistoryId=start, historyTypes=["labelAdded"]).execute()
    )
    assert [record["id"] for record in only_labels["history"]] == [str(record_ids[1])]
    first_page = users.history().list(userId="me", startHistoryId=start, maxResults=3).execute()
    assert len(first_page["history"]) == 3
    rest = (
        users.history()
        .list(userId="me", startHistoryId=start, pageToken=first_page["nextPageToken"])
        .execute()
    )
    assert [int(record["id"]) for record in rest["history"]] == record_ids[3:]
    assert "nextPageToken" not in rest

    server.expire_history()
    with pytest.raises(HttpError) as expired:
        users.history().list(userId="me", startHistoryId=start).execute()
    assert expired.value.resp.status == 404
    assert error_of(expired.value) == {
        "code": 404,
        "message": "Requested entity was not found.",
        "errors": [{"message": "Requested entity was not found.", "domain": "global", "reason": "notFound"}],
        "status": "NOT_FOUND",
    }
    current = users.history().list(userId="me", startHistoryId=now).execute()
    assert current == {"historyId": now}


# --------------------------------------------------------------------------------------------
# Drafts
# --------------------------------------------------------------------------------------------


def test_draft_create_list_find_update_delete(
    server: GmailServer, service: Any, mailbox: dict[str, str]
) -> None:
    drafts = service.users().drafts()
    raw = reply_draft("Re: Interview confirmation: Senior Data Engineer panel")
    created = drafts.create(
        userId="me", body={"message": {"raw": b64url(raw), "threadId": mailbox["confirmation"]}}
    ).execute()

    assert created["id"].startswith("r")
    assert created["message"]["labelIds"] == ["DRAFT"]
    assert ids(drafts.list(userId="me").execute(), "drafts") == [created["id"]]
    found = drafts.list(userId="me", q="rfc822msgid:<draft-1@example.com>").execute()
    assert ids(found, "drafts") == [created["id"]]
    assert "drafts" not in drafts.list(userId="me", q="rfc822msgid:<other@example.com>").execute()
    fetched = drafts.get(userId="me", id=created["id"], format="raw").execute()
    assert base64.urlsafe_b64decode(fetched["message"]["raw"]) == raw
    in_drafts = service.users().messages().list(userId="me", q="in:drafts").execute()
    assert ids(in_drafts) == [created["message"]["id"]]

    updated_raw = reply_draft(
        "Re: Interview confirmation: Senior Data Engineer panel", msgid="<draft-2@example.com>"
    )
    updated = drafts.update(
        userId="me",
        id=created["id"],
        body={
            "id": created["id"],
            "message": {"raw": b64url(updated_raw), "threadId": mailbox["confirmation"]},
        },
    ).execute()
    assert updated["id"] == created["id"]
    assert updated["message"]["id"] != created["message"]["id"]
    assert [d["headers"]["Message-ID"] for d in server.drafts()] == ["<draft-2@example.com>"]

    assert drafts.delete(userId="me", id=created["id"]).execute() == ""
    assert server.drafts() == []
    assert "drafts" not in drafts.list(userId="me").execute()


def test_a_seeded_draft_is_a_draft_of_the_user(server: GmailServer, service: Any) -> None:
    own = server.add_message(reply_draft("Notes for the panel", in_reply_to=None), ("DRAFT",))
    listed = service.users().drafts().list(userId="me").execute()
    assert [d["message"]["id"] for d in listed["drafts"]] == [own]
    assert server.drafts()[0]["threadingReason"] == "seeded by add_message"


def test_reply_draft_lands_in_thread_only_with_matching_subject_and_references(
    server: GmailServer, service: Any, mailbox: dict[str, str]
) -> None:
    thread = mailbox["confirmation"]
    drafts = service.users().drafts()

    def create(raw: bytes) -> dict[str, Any]:
        body = {"message": {"raw": b64url(raw), "threadId": thread}}
        result: dict[str, Any] = drafts.create(userId="me", body=body).execute()
        return result

    good = create(reply_draft("Re: Interview confirmation: Senior Data Engineer panel"))
    other_subject = create(reply_draft("Thank you!", msgid="<draft-2@example.com>"))
    no_references = create(
        reply_draft(
            "Re: Interview confirmation: Senior Data Engineer panel", in_reply_to=None, msgid="<d3@x>"
        )
    )

    decisions = {d["id"]: d for d in server.drafts()}
    assert good["message"]["threadId"] == thread
    assert decisions[good["id"]]["landedInThread"]
    assert other_subject["message"]["threadId"] != thread
    assert not decisions[other_subject["id"]]["landedInThread"]
    assert "does not match the thread's subject" in decisions[other_subject["id"]]["threadingReason"]
    assert no_references["message"]["threadId"] != thread
    assert (
        decisions[no_references["id"]]["threadingReason"]
        == "In-Reply-To/References name no message of the thread"
    )
    conversation = service.users().threads().get(userId="me", id=thread, format="minimal").execute()
    assert [m["id"] for m in conversation["messages"]][-1] == good["message"]["id"]
    assert len(conversation["messages"]) == 3

    with pytest.raises(HttpError) as unknown:
        drafts.create(userId="me", body={"message": {"raw": b64url(REPLY), "threadId": "ffff"}}).execute()
    assert unknown.value.resp.status == 404


def test_draft_created_by_media_upload(server: GmailServer, service: Any, mailbox: dict[str, str]) -> None:
    raw = reply_draft("Re: Interview confirmation: Senior Data Engineer panel")
    media = MediaIoBaseUpload(io.BytesIO(raw), mimetype="message/rfc822")
    created = (
        service.users()
        .drafts()
        .create(userId="me", body={"message": {"threadId": mailbox["confirmation"]}}, media_body=media)
        .execute()
    )
    assert created["message"]["threadId"] == mailbox["confirmation"]
    assert server.drafts()[0]["raw"] == raw
    upload = server.requests[-1]
    assert (upload.path, upload.query["uploadType"]) == ("/upload/gmail/v1/users/me/drafts", ["multipart"])


# --------------------------------------------------------------------------------------------
# Labels and threads.modify
# --------------------------------------------------------------------------------------------

VISIBLE = {"labelListVisibility": "labelShow", "messageListVisibility": "show"}


def test_labels_create_list_get(service: Any) -> None:
    labels = service.users().labels()
    created = labels.create(userId="me", body={"name": "Interview/Offer", **VISIBLE}).execute()
    listed = {label["name"]: label for label in labels.list(userId="me").execute()["labels"]}

    assert created["id"].startswith("Label_")
    assert created["type"] == "user"
    assert listed["Interview/Offer"] == created
    assert listed["INBOX"]["type"] == "system"
    assert "DRAFT" in listed
    assert labels.get(userId="me", id=created["id"]).execute()["messagesTotal"] == 0
    with pytest.raises(HttpError) as duplicate:
        labels.create(userId="me", body={"name": "interview/offer", **VISIBLE}).execute()
    assert duplicate.value.resp.status == 409


@pytest.mark.parametrize(
    "name",
    [
        "INBOX",
        "inbox",
        "SENT",
        "DRAFT",
        "Drafts",
        "Trash",
        "spam",
        "Starred",
        "IMPORTANT",
        "Muted",
        "archive",
    ],
)
def test_system_label_names_are_rejected(service: Any, name: str) -> None:
    with pytest.raises(HttpError) as rejected:
        service.users().labels().create(userId="me", body={"name": name, **VISIBLE}).execute()
    assert rejected.value.resp.status == 400
    assert error_of(rejected.value)["message"] == "Invalid label name"


def test_threads_modify_labels_every_message_of_the_thread(
    server: GmailServer, service: Any, mailbox: dict[str, str]
) -> None:
    label = (
        service.users().labels().create(userId="me", body={"name": "Interview/Offer", **VISIBLE}).execute()
    )
    modified = (
        service.users()
        .threads()
        .modify(
            userId="me",
            id=mailbox["confirmation"],
            body={"addLabelIds": [label["id"]], "removeLabelIds": ["UNREAD"]},
        )
        .execute()
    )
    labels = {m["id"]: m["labelIds"] for m in server.messages()}

    assert [m["id"] for m in modified["messages"]] == [mailbox["confirmation"], mailbox["reply"]]
    assert labels[mailbox["confirmation"]] == ["INBOX", label["id"]]
    assert labels[mailbox["reply"]] == ["SENT", label["id"]]
    assert labels[mailbox["newsletter"]] == ["INBOX", "CATEGORY_UPDATES"]
    found = service.users().messages().list(userId="me", q="label:interview-offer").execute()
    assert set(ids(found)) == {mailbox["confirmation"], mailbox["reply"]}
    with pytest.raises(HttpError) as draft_label:
        service.users().threads().modify(
            userId="me", id=mailbox["confirmation"], body={"addLabelIds": ["DRAFT"]}
        ).execute()
    assert draft_label.value.resp.status == 400


# --------------------------------------------------------------------------------------------
# Batch
# --------------------------------------------------------------------------------------------


def test_batch_of_30_gets(server: GmailServer, service: Any) -> None:
    seeded = [
        server.add_message(NEWSLETTER.replace(b"weekly-318", f"weekly-{n}".encode())) for n in range(30)
    ]
    answers: dict[str, Any] = {}
    batch = service.new_batch_http_request(
        callback=lambda rid, response, error: answers.update({rid: (response, error)})
    )
    for message_id in seeded:
        batch.add(
            service.users().messages().get(userId="me", id=message_id, format="metadata"),
            request_id=message_id,
        )
    batch.execute()

    assert set(answers) == set(seeded)
    assert all(error is None and response["id"] == rid for rid, (response, error) in answers.items())
    outer = [r for r in server.requests if not r.in_batch]
    inner = [r for r in server.requests if r.in_batch]
    assert [(r.method, r.path, r.status) for r in outer] == [("POST", "/batch", 200)]
    assert len(inner) == 30
    assert {r.method_id for r in inner} == {"gmail.users.messages.get"}
    assert {r.token for r in inner} == {TOKEN}


def test_batch_answers_each_part_separately_and_refuses_more_than_100(
    server: GmailServer, service: Any, mailbox: dict[str, str]
) -> None:
    answers: dict[str, Any] = {}
    batch = service.new_batch_http_request(callback=lambda rid, response, error: answers.update({rid: error}))
    batch.add(service.users().messages().get(userId="me", id=mailbox["reply"]), request_id="known")
    batch.add(service.users().messages().get(userId="me", id="0000000000000000"), request_id="missing")
    batch.execute()
    assert answers["known"] is None
    assert answers["missing"].resp.status == 404

    legacy = BatchHttpRequest(batch_uri=server.base_url + "batch/gmail/v1")
    legacy.add(
        service.users().getProfile(userId="me"), callback=lambda rid, response, error: answers.update(p=error)
    )
    legacy.execute()
    assert answers["p"] is None
    assert server.requests[-2].path == "/batch/gmail/v1"

    too_many = service.new_batch_http_request()
    for _ in range(101):
        too_many.add(service.users().getProfile(userId="me"))
    with pytest.raises(HttpError) as refused:
        too_many.execute()
    assert refused.value.resp.status == 400
    assert take_errors(server) == ["batch: 101 calls in one batch; Gmail allows at most 100"]


# --------------------------------------------------------------------------------------------
# Validation against the discovery document
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "status", "recorded"),
    [
        ("GET", "gmail/v1/users/me/messages?foo=bar", 400, "messages.list: query parameter 'foo' is not declared for gmail.users.messages.list"),
        ("GET", "gmail/v1/users/me/messages?maxResults=ten", 400, "messages.list: query parameter 'maxResults' must be an integer (uint32), got 'ten'"),
        ("GET", "gmail/v1/users/me/messages?includeSpamTrash=yes", 400, "messages.list: query parameter 'includeSpamTrash' must be 'true' or 'false', got 'yes'"),
        ("GET", "gmail/v1/users/me/messages?q=a&q=b", 400, "messages.list: query parameter 'q' is given 2 times but is not repeated"),
        ("GET", "gmail/v1/users/me/messages/x?format=html", 400, "messages.get: query parameter 'format' must be one of minimal, full, raw, metadata; got 'html'"),
        ("GET", "gmail/v1/users/me/drafts/x?metadataHeaders=Subject", 400, "drafts.get: query parameter 'metadataHeaders' is not declared for gmail.users.drafts.get"),
        ("GET", "gmail/v1/users/me/history", 400, "history.list: startHistoryId is required"),
        ("GET", "gmail/v1/users/me/history?startHistoryId=abc", 400, "history.list: query parameter 'startHistoryId' must be an integer (uint64), got 'abc'"),
        ("POST", "gmail/v1/users/me/labels", 400, "labels.create: a request body (Label) is required"),
        ("GET", "gmail/v1/users/me/inbox", 404, "GET /gmail/v1/users/me/inbox: no Gmail API method has this path"),
        ("DELETE", "gmail/v1/users/me/messages", 405, "DELETE /gmail/v1/users/me/messages: the path exists only for GET, POST"),
        ("GET", "gmail/v1/users/someone%40example.org/profile", 403, "users.getProfile: Delegation denied for someone@example.org"),
        ("GET", "gmail/v1/users/me/settings/imap", 501, "settings.getImap: not implemented by the Gmail test server"),
    ],
)  # fmt: skip
def test_requests_the_discovery_document_forbids_are_rejected(
    server: GmailServer, method: str, path: str, status: int, recorded: str
) -> None:
    answered, body = by_hand(server, method, path)
    assert answered == status
    assert set(body["error"]) == {"code", "message", "errors", "status"}
    assert take_errors(server) == [recorded]


def test_missing_authorization_is_rejected(server: GmailServer) -> None:
    status, body = by_hand(server, "GET", "gmail/v1/users/me/profile", token=None)
    assert (status, body["error"]["status"]) == (401, "UNAUTHENTICATED")
    assert take_errors(server) == ["users.getProfile: request without an 'Authorization: Bearer …' header"]


def test_body_with_unknown_property_is_rejected(server: GmailServer, service: Any) -> None:
    body = {"message": {"raw": b64url(REPLY), "foo": 1}}
    with pytest.raises(HttpError) as rejected:
        service.users().drafts().create(userId="me", body=body).execute()
    assert rejected.value.resp.status == 400
    assert take_errors(server) == ["drafts.create: body.message.foo is not a property of Message"]
    assert server.drafts() == []


def test_body_types_required_fields_and_base64url_are_checked(server: GmailServer, service: Any) -> None:
    raw = b"Subject: hi\r\n\r\n\xfb\xff\xfe\xfb\xef"
    standard = base64.b64encode(raw).decode()
    assert {"+", "/"} & set(standard)
    calls = [
        service.users().drafts().create(userId="me", body={"message": {"raw": standard}}),
        service.users().threads().modify(userId="me", id="x", body={"addLabelIds": "INBOX"}),
        service.users().labels().create(userId="me", body={"name": "Interviews"}),
    ]
    for call in calls:
        with pytest.raises(HttpError) as rejected:
            call.execute()
        assert rejected.value.resp.status == 400
    errors = take_errors(server)
    assert errors[0].startswith("drafts.create: body.message.raw must be base64url (format: byte)")
    assert errors[1] == "threads.modify: body.addLabelIds must be an array, not str"
    assert errors[2] == (
        "labels.create: body.labelListVisibility is required (Label.labelListVisibility is annotated required); "
        "labels.create: body.messageListVisibility is required (Label.messageListVisibility is annotated required)"
    )


def test_partial_responses_follow_fields(server: GmailServer, service: Any, mailbox: dict[str, str]) -> None:
    messages = service.users().messages()
    listing = messages.list(userId="me", fields="messages(id),nextPageToken").execute()
    message = messages.get(userId="me", id=mailbox["reply"], fields="id,payload/headers").execute()

    assert listing == {"messages": [{"id": i} for i in ids(listing)]}
    assert len(listing["messages"]) == 3
    assert set(message) == {"id", "payload"}
    assert set(message["payload"]) == {"headers"}
    with pytest.raises(HttpError):
        messages.list(userId="me", fields="messages(bogus)").execute()
    assert take_errors(server) == [
        "messages.list: query parameter 'fields': 'bogus' is not a property of Message"
    ]


# --------------------------------------------------------------------------------------------
# Never send; injected failures
# --------------------------------------------------------------------------------------------


def test_every_send_or_copy_attempt_is_refused_and_recorded(
    server: GmailServer, service: Any, mailbox: dict[str, str]
) -> None:
    users = service.users()
    draft = (
        users.drafts().create(userId="me", body={"message": {"raw": b64url(reply_draft("Hello"))}}).execute()
    )
    media = MediaIoBaseUpload(io.BytesIO(REPLY), mimetype="message/rfc822")
    attempts = [
        users.drafts().send(userId="me", body={"id": draft["id"]}),
        users.messages().send(userId="me", body={"raw": b64url(REPLY)}),
        users.messages().send(userId="me", media_body=media),
        users.messages().insert(userId="me", body={"raw": b64url(REPLY)}),
        users.messages().trash(userId="me", id=mailbox["newsletter"]),
    ]
    before = server.messages()
    for attempt in attempts:
        with pytest.raises(HttpError) as refused:
            attempt.execute()
        assert refused.value.resp.status == 403

    assert server.messages() == before
    assert len(server.drafts()) == 1
    errors = take_errors(server)
    assert [e.split(":")[0] for e in errors] == [
        "drafts.send", "messages.send", "messages.send", "messages.insert", "messages.trash"
    ]  # fmt: skip
    assert all("refused" in e for e in errors)
    assert server.requests[-3].path == "/upload/gmail/v1/users/me/messages/send"


def test_fail_next_injects_gmail_errors_once(
    server: GmailServer, service: Any, mailbox: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = service.users().messages().list(userId="me")
    server.fail_next(429)
    with pytest.raises(HttpError) as limited:
        listing.execute()
    assert limited.value.resp.status == 429
    assert error_of(limited.value)["errors"][0]["reason"] == "userRateLimitExceeded"
    assert ids(listing.execute()) == [mailbox["reply"], mailbox["confirmation"], mailbox["newsletter"]]

    monkeypatch.setattr("googleapiclient.http.time.sleep", lambda seconds: None)
    server.fail_next(503, count=2)
    assert len(ids(service.users().messages().list(userId="me").execute(num_retries=2))) == 3
    assert [r.status for r in server.requests[-3:]] == [503, 503, 200]


def test_every_request_is_recorded_with_token_and_alt_json(server: GmailServer, service: Any) -> None:
    service.users().getProfile(userId="me").execute()
    service.users().labels().list(userId="me").execute()
    assert [(r.method_id, r.status, r.token, r.query.get("alt")) for r in server.requests] == [
        ("gmail.users.getProfile", 200, TOKEN, ["json"]),
        ("gmail.users.labels.list", 200, TOKEN, ["json"]),
    ]
