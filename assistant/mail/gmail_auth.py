"""Gmail sign-in: the installed-app OAuth flow once, then a stored token refreshed silently.

The token file is google-auth's authorized-user JSON (`Credentials.to_json()`), written 0600 and
atomically. A token Google no longer honours (revoked, unused for months, or an app left in
"Testing" whose refresh tokens die after 7 days) raises `AuthError` telling the user to sign in
again; the daemon logs it and keeps polling.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import AuthError, ConfigError, MailboxError

SCOPES = (
    "https://www.googleapis.com/auth/gmail.readonly",  # read mail, labels and history; change nothing
    "https://www.googleapis.com/auth/gmail.compose",  # create and delete drafts (Google bundles send)
)


@dataclass(frozen=True, slots=True)
class GmailSettings:
    token_file: Path
    client_secrets: Path | None = None
    api_endpoint: str | None = None
    sync_days: int = 60
    batch_size: int = 50
    retries: int = 5


def write_private(path: Path, text: str) -> None:
    """Replace `path` atomically with a file only the user can read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_credentials(settings: GmailSettings) -> Any:
    """The stored credentials, refreshed (and saved) when the access token has expired."""
    from google.auth.exceptions import RefreshError, TransportError
    from google.auth.transport.requests import Request
    from google.oauth2.credentials import Credentials

    path = settings.token_file
    if not path.exists():
        raise AuthError(f"not signed in to Gmail yet ({path} does not exist); run `assistant auth`")
    try:
        credentials = Credentials.from_authorized_user_file(str(path), list(SCOPES))  # type: ignore[no-untyped-call]
    except (ValueError, KeyError, OSError) as error:
        raise AuthError(f"the Gmail token in {path} cannot be used ({error}); run `assistant auth`") from None
    if credentials.valid:
        return credentials
    if not credentials.refresh_token:
        raise AuthError("the Gmail sign-in has expired; run `assistant auth` again")
    try:
        credentials.refresh(Request())
    except RefreshError:
        raise AuthError(
            "Gmail refused the saved sign-in (expired or revoked; apps left in 'Testing' lose it after "
            "7 days); run `assistant auth` again"
        ) from None
    except TransportError as error:
        raise MailboxError(f"cannot reach Google to renew the Gmail sign-in: {error}") from None
    write_private(path, credentials.to_json())
    return credentials


def sign_in(
    settings: GmailSettings, port: int, open_browser: bool, say: Callable[[str], None], config_path: str
) -> Path:
    """Run the consent flow on a loopback port and store the token; returns where it went."""
    from google_auth_oauthlib.flow import InstalledAppFlow

    secrets = settings.client_secrets
    if secrets is None or not secrets.exists():
        raise ConfigError(
            config_path, "gmail.client_secrets", f"must name your OAuth client file (got {secrets})"
        )
    flow = InstalledAppFlow.from_client_secrets_file(str(secrets), list(SCOPES))
    message = (
        "Open this address in a browser to let the assistant read your mail and manage drafts:\n{url}\n"
        + (
            ""
            if open_browser
            else f"(On a headless machine, forward port {port}: ssh -L {port}:localhost:{port} …)"
        )
    )
    credentials = flow.run_local_server(
        host="localhost",
        port=port,
        open_browser=open_browser,
        authorization_prompt_message=message,
        success_message="Signed in. You can close this window and return to the terminal.",
        access_type="offline",
        prompt="consent",
    )
    write_private(settings.token_file, credentials.to_json())
    say(f"Signed in; the token is stored in {settings.token_file} (readable only by you).")
    return settings.token_file
