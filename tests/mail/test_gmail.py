"""Gmail-only behaviour against the test server: expiring history, retries, threading, sign-in."""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from google.auth.exceptions import RefreshError, TransportError
from google.oauth2.credentials import Credentials

from assistant.errors import AuthError, MailboxError
from assistant.mail.base import FolderRole
from assistant.mail.gmail import GmailBackend
from assistant.mail.gmail_auth import SCOPES, GmailSettings
from assistant.model import Envelope
from tests.mail.test_contract import make_message
from tests.support.gmail import settings_for, write_token
from tests.support.gmail_server import GmailServer
from tests.support.oauth import TokenEndpoint


def _everything(envelope: Envelope, role: FolderRole) -> bool:
    return True


def _subjects(backend: GmailBackend, cursor: str | None) -> tuple[list[str], str | None]:
    subjects = []
    for batch in backend.scan(cursor, _everything):
        subjects += [i.envelope.subject for i in batch.items]
        cursor = batch.cursor
    return subjects, cursor


@pytest.fixture
def token_endpoint() -> Iterator[TokenEndpoint]:
    endpoint = TokenEndpoint()
    yield endpoint
    endpoint.stop()


def test_history_follows_new_mail_and_a_stale_id_falls_back_to_a_resync(
    gmail_server: GmailServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    gmail_server.add_message(make_message("Interview one"))
    with GmailBackend(settings_for(gmail_server, tmp_path)) as backend:
        first, cursor = _subjects(backend, None)
        gmail_server.add_message(make_message("Interview two"))
        second, cursor = _subjects(backend, cursor)
        gmail_server.add_message(make_message("Interview three"))
        gmail_server.expire_history()
        with caplog.at_level(logging.WARNING):
            third, _ = _subjects(backend, cursor)
    assert first == ["Interview one"]
    assert second == ["Interview two"]
    assert "Interview three" in third
    assert "no longer knows history id" in caplog.text
    assert any(r.method_id == "gmail.users.history.list" and r.status == 404 for r in gmail_server.requests)


def test_rate_limits_and_server_errors_are_retried(
    gmail_server: GmailServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("googleapiclient.http.time.sleep", lambda seconds: None)
    gmail_server.add_message(make_message("Interview one"))
    gmail_server.fail_next(429)
    gmail_server.fail_next(503)
    with GmailBackend(settings_for(gmail_server, tmp_path)) as backend:
        subjects, _ = _subjects(backend, None)
    assert subjects == ["Interview one"]
    assert [r.status for r in gmail_server.requests[:3]] == [429, 503, 200]


def test_quota_units_are_logged_at_debug_level(
    gmail_server: GmailServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    gmail_server.add_message(make_message("Interview one"))
    with (
        caplog.at_level(logging.DEBUG, logger="assistant.mail.gmail"),
        GmailBackend(settings_for(gmail_server, tmp_path)) as backend,
    ):
        _subjects(backend, None)
    assert re.search(r"Gmail quota units used this cycle: \d+", caplog.text)


def _expired_token(directory: Path) -> Path:
    token = write_token(directory / "token.json")
    token.write_text(json.dumps({**json.loads(token.read_text()), "expiry": "2020-01-01T00:00:00Z"}))
    return token


def test_an_expired_token_is_refreshed_and_saved_privately(
    gmail_server: GmailServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # google-auth always refreshes at Google's own token endpoint (it ignores token_uri in the
    # file), which tests cannot reach; the refresh itself is google-auth's, stood in for here.
    def refresh(self: Credentials, request: object) -> None:
        self.token = "fresh-access-token"
        self.expiry = datetime(2099, 1, 1)

    monkeypatch.setattr(Credentials, "refresh", refresh)
    token = _expired_token(tmp_path)
    with GmailBackend(GmailSettings(token, api_endpoint=gmail_server.base_url)) as backend:
        _subjects(backend, None)
    assert json.loads(token.read_text())["token"] == "fresh-access-token"
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert gmail_server.requests[-1].token == "fresh-access-token"


def test_a_revoked_token_asks_the_user_to_sign_in_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Credentials, request: object) -> None:
        raise RefreshError("invalid_grant: Token has been expired or revoked.")

    monkeypatch.setattr(Credentials, "refresh", refuse)
    with pytest.raises(AuthError, match="run `assistant auth` again"):
        GmailBackend(GmailSettings(_expired_token(tmp_path))).__enter__()


def test_an_unreachable_google_is_a_mailbox_error_to_retry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def offline(self: Credentials, request: object) -> None:
        raise TransportError("Failed to resolve 'oauth2.googleapis.com'")

    monkeypatch.setattr(Credentials, "refresh", offline)
    with pytest.raises(MailboxError, match="cannot reach Google") as caught:
        GmailBackend(GmailSettings(_expired_token(tmp_path))).__enter__()
    assert not isinstance(caught.value, AuthError)


def test_a_missing_token_says_to_sign_in(tmp_path: Path) -> None:
    with pytest.raises(AuthError, match="run `assistant auth`"):
        GmailBackend(GmailSettings(tmp_path / "none.json")).__enter__()


def test_a_reply_draft_lands_in_the_conversation(gmail_server: GmailServer, tmp_path: Path) -> None:
    gmail_server.add_message(make_message("Interview confirmed", mid="<conf@northwind.com>"))
    draft = (
        b"From: alex.morgan@example.com\r\nTo: dana@northwind-analytics.com\r\nSubject: Re: Interview confirmed\r\n"
        b"Message-ID: <ia-test@example.com>\r\nIn-Reply-To: <conf@northwind.com>\r\nReferences: <conf@northwind.com>\r\n"
        b"Date: Thu, 03 Dec 2026 17:00:00 -0500\r\n\r\nThank you.\r\n"
    )
    with GmailBackend(settings_for(gmail_server, tmp_path)) as backend:
        backend.place_draft(draft)
    [stored] = gmail_server.drafts()
    assert stored["landedInThread"], stored["threadingReason"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_assistant_auth_runs_the_consent_flow_and_stores_the_token(
    tmp_path: Path, token_endpoint: TokenEndpoint
) -> None:
    secrets = tmp_path / "client_secret.json"
    secrets.write_text(
        json.dumps(
            {
                "installed": {
                    "client_id": "test-client.apps.googleusercontent.com",
                    "client_secret": "test-secret",
                    "auth_uri": "http://127.0.0.1:9/auth",
                    "token_uri": token_endpoint.url,
                    "redirect_uris": ["http://localhost"],
                }
            }
        )
    )
    token = tmp_path / "token.json"
    config = tmp_path / "config.toml"
    config.write_text(
        '[account]\nemail = "alex.morgan@example.com"\nname = "Alex Morgan"\ntimezone = "UTC"\nbackend = "gmail"\n'
        f'[gmail]\nclient_secrets = "{secrets}"\ntoken_file = "{token}"\n'
    )
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "assistant",
            "--config",
            str(config),
            "auth",
            "--no-browser",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "OAUTHLIB_INSECURE_TRANSPORT": "1"},
    )
    assert process.stdout is not None
    url = ""
    deadline = time.monotonic() + 30
    while not url and time.monotonic() < deadline:
        url = next(iter(re.findall(r"http://127\.0\.0\.1:9/auth\S+", process.stdout.readline())), "")
    query = dict(part.split("=", 1) for part in url.split("?", 1)[1].split("&"))
    assert "gmail.readonly" in query["scope"]
    assert "gmail.compose" in query["scope"]
    assert query["access_type"] == "offline"
    redirect = urllib.request.unquote(query["redirect_uri"])
    urllib.request.urlopen(
        f"{redirect}?state={query['state']}&code=test-code&scope={query['scope']}", timeout=10
    ).read()
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Signed in" in out
    stored = json.loads(token.read_text())
    assert stored["refresh_token"] == "fresh-refresh-token"
    assert set(stored["scopes"]) == set(SCOPES)
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert token_endpoint.requests[0]["code"] == ["test-code"]


def test_the_first_sync_asks_gmail_for_candidates_only(gmail_server: GmailServer, tmp_path: Path) -> None:
    gmail_server.add_message(make_message("Interview confirmed"))
    gmail_server.add_message(make_message("Your weekly digest"))
    with GmailBackend(settings_for(gmail_server, tmp_path)) as backend:
        subjects, _ = _subjects(backend, None)
    assert subjects == ["Interview confirmed"]
    listing = next(r for r in gmail_server.requests if r.method_id == "gmail.users.messages.list")
    assert "newer_than:60d" in listing.query["q"][0]
