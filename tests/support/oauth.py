"""A stand-in for Google's OAuth token endpoint on loopback: enough for the installed-app flow
and for refreshing (or refusing to refresh) a stored token."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from assistant.mail.gmail_auth import SCOPES


class TokenEndpoint:
    def __init__(self, refuse: bool = False) -> None:
        self.refuse = refuse
        self.requests: list[dict[str, list[str]]] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = parse_qs(self.rfile.read(length).decode())
                endpoint.requests.append(form)
                if endpoint.refuse:
                    status, body = (
                        400,
                        {"error": "invalid_grant", "error_description": "Token has been expired or revoked."},
                    )
                else:
                    status, body = (
                        200,
                        {
                            "access_token": "fresh-access-token",
                            "refresh_token": "fresh-refresh-token",
                            "expires_in": 3599,
                            "token_type": "Bearer",
                            "scope": " ".join(SCOPES),
                        },
                    )
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/token"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
