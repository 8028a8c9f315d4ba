"""Pointing the assistant (and a stand-in for the user's own Gmail client) at the test server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httplib2
from google.oauth2.credentials import Credentials
from google_auth_httplib2 import AuthorizedHttp
from googleapiclient.discovery import build_from_document

from assistant.mail.gmail_auth import SCOPES, GmailSettings
from tests.support.gmail_server import GmailServer


def write_token(path: Path) -> Path:
    """An authorized-user token file whose access token is still valid, as `assistant auth` leaves it."""
    path.write_text(
        json.dumps(
            {
                "token": "test-access-token",
                "refresh_token": "test-refresh-token",
                "client_id": "test-client.apps.googleusercontent.com",
                "client_secret": "test-secret",
                "token_uri": "http://127.0.0.1:9/token",
                "scopes": list(SCOPES),
                "expiry": "2099-01-01T00:00:00Z",
            }
        )
    )
    return path


def settings_for(server: GmailServer, directory: Path) -> GmailSettings:
    return GmailSettings(token_file=write_token(directory / "gmail-token.json"), api_endpoint=server.base_url)


def user_client(server: GmailServer) -> Any:
    """The user's own mail client: deletes, edits and labels as Gmail's UI would, through the API."""
    http = AuthorizedHttp(Credentials(token="user-token"), http=httplib2.Http(timeout=30))  # type: ignore[no-untyped-call]
    return build_from_document(server.discovery_document(), http=http).users()
