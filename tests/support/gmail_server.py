"""A local HTTP server that behaves like the Gmail API and checks every request against its
discovery document.

Why a real server instead of mocks: the Gmail backend must be tested with the real
google-api-python-client, and that is only meaningful if the other end is as strict as Google.
An undeclared query parameter, a body property the schema does not know, an enum value with a
typo, standard instead of URL-safe base64: Google answers 400, so this server answers 400 too, in
Gmail's error shape, and appends a readable message to ``GmailServer.errors`` so a test cannot
miss it even when the code under test swallows the HTTP error. The rules come from the discovery
document shipped inside google-api-python-client, the same file the client builds itself from, so
the server and the client cannot drift apart.

The mailbox behaviour the assistant depends on follows Gmail (see
/work/shared/GMAIL-AND-IMAP-NOTES.md): a draft joins a thread only with a matching Subject *and*
In-Reply-To/References naming a message of that thread; history ids grow in random, non-contiguous
steps and answer 404 once expired; system label names are refused; batch requests are answered as
multipart/mixed; text bodies in ``format=full`` are re-encoded to UTF-8 while headers stay verbatim.

And the rule the project is built around: nothing is ever sent or destroyed. A call of a send
endpoint, of ``messages.insert``/``import`` (they create mail) or of a delete/trash method is
answered 403 and recorded as an error.

No pytest import here, so benchmarks and demos can use the same server.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.errors
import email.header
import email.policy
import email.utils
import html
import itertools
import json
import random
import re
import threading
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import Message
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Final, TypedDict
from zoneinfo import ZoneInfo

import googleapiclient

__all__ = [
    "DEFAULT_EMAIL",
    "DISCOVERY_DOCUMENT",
    "DraftInfo",
    "GmailServer",
    "MessageInfo",
    "RecordedRequest",
    "load_discovery_document",
    "start_gmail_server",
]

JsonObject = dict[str, Any]
#: A parsed ``fields=`` selector: name -> sub-selector, or None for "the whole value".
FieldMask = dict[str, "FieldMask | None"]

#: The document the real client builds the service from; the server validates against it.
DISCOVERY_DOCUMENT: Final = (
    Path(googleapiclient.__file__).parent / "discovery_cache" / "documents" / "gmail.v1.json"
)

#: The mailbox owner; ``userId`` may be ``me`` or this address.
DEFAULT_EMAIL: Final = "alex.morgan@example.com"

#: Gmail refuses batches with more calls than this (the client itself allows 1000).
MAX_BATCH: Final = 100

#: ``maxResults`` default and ceiling of the list methods, as Gmail applies them.
DEFAULT_PAGE: Final = 100
MAX_PAGE: Final = 500

#: The client posts batches to rootUrl + batchPath ("batch"); Google also serves the older
#: per-API path, so both are accepted.
BATCH_PATHS: Final = ("/batch", "/batch/gmail/v1")

#: Gmail interprets query dates (after:2026/01/31) as midnight Pacific time.
_PACIFIC: Final = ZoneInfo("America/Los_Angeles")

#: Methods that would send, create copies of, or destroy mail: refused with 403, recorded.
FORBIDDEN_METHODS: Final = {
    "gmail.users.messages.send": "would send mail",
    "gmail.users.drafts.send": "would send mail",
    "gmail.users.messages.insert": "would create a copy of mail in the mailbox",
    "gmail.users.messages.import": "would create a copy of mail in the mailbox",
    "gmail.users.messages.delete": "would delete the user's mail",
    "gmail.users.messages.batchDelete": "would delete the user's mail",
    "gmail.users.messages.trash": "would trash the user's mail",
    "gmail.users.threads.delete": "would delete the user's mail",
    "gmail.users.threads.trash": "would trash the user's mail",
}

SYSTEM_LABELS: Final = (
    "INBOX", "SENT", "DRAFT", "SPAM", "TRASH", "UNREAD", "STARRED", "IMPORTANT", "CHAT",
    "CATEGORY_PERSONAL", "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES",
    "CATEGORY_FORUMS",
)  # fmt: skip

#: Names Gmail refuses for user labels (compared case-insensitively): the system labels and
#: the names Gmail shows for them.
RESERVED_LABEL_NAMES: Final = frozenset(
    name.casefold()
    for name in (
        *SYSTEM_LABELS, "Drafts", "Sent Mail", "All Mail", "Chats", "Muted", "Archive", "Bin",
        "Scheduled", "Snoozed",
    )
)  # fmt: skip

#: Labels only Gmail itself may apply (a message becomes a draft by drafts.create, sent by sending).
UNAPPLIABLE_LABELS: Final = frozenset({"DRAFT", "SENT"})

_STATUS_NAMES: Final = {
    400: ("INVALID_ARGUMENT", "invalidArgument"),
    401: ("UNAUTHENTICATED", "required"),
    403: ("PERMISSION_DENIED", "forbidden"),
    404: ("NOT_FOUND", "notFound"),
    405: ("INVALID_ARGUMENT", "httpMethodNotAllowed"),
    409: ("ABORTED", "duplicate"),
    413: ("INVALID_ARGUMENT", "uploadTooLarge"),
    429: ("RESOURCE_EXHAUSTED", "userRateLimitExceeded"),
    500: ("INTERNAL", "backendError"),
    501: ("UNIMPLEMENTED", "notImplemented"),
    502: ("UNAVAILABLE", "backendError"),
    503: ("UNAVAILABLE", "backendError"),
    504: ("UNAVAILABLE", "backendError"),
}

#: Messages Gmail uses for injected failures (fail_next).
_INJECTED_MESSAGES: Final = {
    429: "User-rate limit exceeded.",
    500: "Backend Error",
    502: "Bad Gateway",
    503: "The service is currently unavailable.",
    504: "Deadline exceeded.",
}

_NOT_FOUND: Final = "Requested entity was not found."


# --------------------------------------------------------------------------------------------
# Errors and records
# --------------------------------------------------------------------------------------------


class ApiError(Exception):
    """An answer in Gmail's error shape.

    ``record`` marks contract violations by the client (a request Google would reject as
    malformed, a send attempt, a missing token): those also go to ``GmailServer.errors``. Plain
    Gmail answers such as "no such message" are not recorded; code may legitimately cause them.
    """

    def __init__(self, status: int, message: str, *, reason: str | None = None, record: bool = False):
        super().__init__(message)
        self.status = status
        self.message = message
        self.reason = reason or _STATUS_NAMES.get(status, ("UNKNOWN", "unknown"))[1]
        self.record = record


def error_body(status: int, message: str, reason: str | None = None) -> JsonObject:
    """Gmail's JSON error shape, which googleapiclient's ``HttpError`` parses."""
    status_name, default_reason = _STATUS_NAMES.get(status, ("UNKNOWN", "unknown"))
    domain = "usageLimits" if status == 429 else "global"
    return {
        "error": {
            "code": status,
            "message": message,
            "errors": [{"message": message, "domain": domain, "reason": reason or default_reason}],
            "status": status_name,
        }
    }


@dataclass
class RecordedRequest:
    """One request as the server saw it, for assertions (batch parts appear with in_batch=True)."""

    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    headers: dict[str, str]
    method_id: str | None = None
    status: int = 0
    in_batch: bool = False
    token: str | None = None


class MessageInfo(TypedDict):
    """A stored message as tests inspect it."""

    id: str
    threadId: str
    labelIds: list[str]
    headers: dict[str, str]
    raw: bytes
    internalDate: int
    historyId: int


class DraftInfo(TypedDict):
    """A stored draft with the threading decision the server took for it."""

    id: str
    message: JsonObject
    headers: dict[str, str]
    raw: bytes
    requestedThreadId: str | None
    landedInThread: bool
    threadingReason: str


# --------------------------------------------------------------------------------------------
# The discovery document: routing and validation
# --------------------------------------------------------------------------------------------


@cache
def _discovery_text() -> str:
    return DISCOVERY_DOCUMENT.read_text(encoding="utf-8")


def load_discovery_document(root_url: str | None = None) -> JsonObject:
    """A fresh copy of the shipped gmail.v1.json, optionally pointed at ``root_url``.

    Pass ``GmailServer.base_url`` to build a client that talks to the test server with
    ``googleapiclient.discovery.build_from_document``; ``batchPath`` stays as shipped.
    """
    document: JsonObject = json.loads(_discovery_text())
    if root_url is not None:
        document["rootUrl"] = root_url
        document["mtlsRootUrl"] = root_url
        document["baseUrl"] = urllib.parse.urljoin(root_url, document.get("servicePath", ""))
    return document


@cache
def _shared_discovery() -> Discovery:
    """Parsed once per process: the router and schemas are read-only."""
    return Discovery(load_discovery_document())


@dataclass(frozen=True)
class ApiMethod:
    """One method of the discovery document (e.g. ``gmail.users.drafts.create``)."""

    id: str
    http_method: str
    spec: JsonObject = field(repr=False, compare=False)

    @property
    def name(self) -> str:
        """Short name used in error messages: ``drafts.create``, ``users.getProfile``."""
        name = self.id.removeprefix("gmail.users.")
        return name if "." in name else f"users.{name}"

    @property
    def parameters(self) -> JsonObject:
        params: JsonObject = self.spec.get("parameters", {})
        return params

    @property
    def request_schema(self) -> str | None:
        request: JsonObject | None = self.spec.get("request")
        return None if request is None else str(request["$ref"])

    @property
    def response_schema(self) -> str | None:
        response: JsonObject | None = self.spec.get("response")
        return None if response is None else str(response["$ref"])


@dataclass(frozen=True)
class _Route:
    method: ApiMethod
    pattern: re.Pattern[str]
    specificity: int  # literal characters of the template; the most literal match wins
    upload: str  # "" for the plain path, else "simple" or "resumable"


_PLACEHOLDER = re.compile(r"\{(\+?)([^}]+)\}")


def _compile_template(template: str) -> tuple[re.Pattern[str], int]:
    """Turn ``/gmail/v1/users/{userId}/drafts/{id}`` into a regex with named groups."""
    pattern, literal, position = "", 0, 0
    for match in _PLACEHOLDER.finditer(template):
        text = template[position : match.start()]
        pattern += re.escape(text)
        literal += len(text)
        pattern += f"(?P<{match.group(2)}>{'.+' if match.group(1) else '[^/]+'})"
        position = match.end()
    pattern += re.escape(template[position:])
    literal += len(template) - position
    return re.compile(f"^{pattern}$"), literal


def _iter_methods(resources: JsonObject) -> Iterator[JsonObject]:
    for resource in resources.values():
        yield from resource.get("methods", {}).values()
        yield from _iter_methods(resource.get("resources", {}))


class Discovery:
    """Routes requests to discovery methods and checks parameters and bodies against it."""

    def __init__(self, document: JsonObject) -> None:
        self.schemas: dict[str, JsonObject] = document["schemas"]
        self.global_parameters: JsonObject = document["parameters"]
        prefix = "/" + document.get("servicePath", "")
        self.routes: list[_Route] = []
        self.methods: dict[str, ApiMethod] = {}
        for spec in _iter_methods(document["resources"]):
            method = ApiMethod(spec["id"], spec["httpMethod"], spec)
            self.methods[method.id] = method
            self._add_route(method, prefix + spec.get("flatPath", spec["path"]), "")
            protocols = spec.get("mediaUpload", {}).get("protocols", {})
            for kind, protocol in protocols.items():
                self._add_route(method, protocol["path"], kind)

    def _add_route(self, method: ApiMethod, template: str, upload: str) -> None:
        pattern, specificity = _compile_template(template)
        self.routes.append(_Route(method, pattern, specificity, upload))

    # -- routing ------------------------------------------------------------------------------

    def resolve(self, http_method: str, path: str) -> tuple[_Route, dict[str, str]]:
        """The route for a request, with decoded path parameters; 404/405 when there is none."""
        matches = [(route, found) for route in self.routes if (found := route.pattern.match(path))]
        if not matches:
            raise ApiError(404, f"{http_method} {path}: no Gmail API method has this path", record=True)
        allowed = [(route, found) for route, found in matches if route.method.http_method == http_method]
        if not allowed:
            methods = sorted({route.method.http_method for route, _ in matches})
            raise ApiError(
                405,
                f"{http_method} {path}: the path exists only for {', '.join(methods)}",
                record=True,
            )
        route, found = max(allowed, key=lambda pair: pair[0].specificity)
        params = {name: urllib.parse.unquote(value) for name, value in found.groupdict().items()}
        return route, params

    # -- parameters ---------------------------------------------------------------------------

    def check_parameters(
        self, method: ApiMethod, path_params: dict[str, str], query: dict[str, list[str]]
    ) -> list[str]:
        """Every query parameter declared, single unless repeated, well typed; required present."""
        problems: list[str] = []
        declared = method.parameters
        for name, value in path_params.items():
            problems += _check_text(value, declared.get(name, {}), f"{method.name}: path parameter {name!r}")
        for name, values in query.items():
            spec = declared.get(name)
            if spec is None or spec.get("location") != "query":
                spec = self.global_parameters.get(name)
            where = f"{method.name}: query parameter {name!r}"
            if spec is None or spec.get("location") != "query":
                problems.append(f"{where} is not declared for {method.id}")
                continue
            if len(values) > 1 and not spec.get("repeated"):
                problems.append(f"{where} is given {len(values)} times but is not repeated")
            for value in values:
                problems += _check_text(value, spec, where)
        for name, spec in declared.items():
            if spec.get("required") and spec.get("location") == "query" and name not in query:
                problems.append(f"{method.name}: required query parameter {name!r} is missing")
        return problems

    # -- bodies ---------------------------------------------------------------------------------

    def check_body(self, method: ApiMethod, body: Any) -> list[str]:
        """The request body against the method's request schema (unknown properties, types)."""
        schema = method.request_schema
        if schema is None:
            return [] if body is None else [f"{method.name}: takes no request body"]
        if body is None:
            return [f"{method.name}: a request body ({schema}) is required"]
        problems: list[str] = []
        self._check_value(body, {"$ref": schema}, "body", schema, method.id, problems)
        return [f"{method.name}: {problem}" for problem in problems]

    def check_response(self, method: ApiMethod, payload: Any) -> list[str]:
        """Self-check: what this server answers must fit the response schema too."""
        schema = method.response_schema
        if schema is None or payload is None:
            return []
        problems: list[str] = []
        self._check_value(payload, {"$ref": schema}, "response", schema, None, problems)
        return [f"{method.name}: test server bug: {problem}" for problem in problems]

    def _check_value(
        self,
        value: Any,
        schema: JsonObject,
        where: str,
        owner: str,
        method_id: str | None,
        problems: list[str],
    ) -> None:
        ref = schema.get("$ref")
        if ref is not None:
            owner, schema = ref, self.schemas[ref]
        if value is None:  # JSON null means "not set" to Google's JSON parser
            return
        kind = schema.get("type", "any")
        if kind == "object":
            self._check_object(value, schema, where, owner, method_id, problems)
        elif kind == "array":
            if not isinstance(value, list):
                problems.append(f"{where} must be an array, not {type(value).__name__}")
                return
            for index, item in enumerate(value):
                self._check_value(
                    item, schema.get("items", {}), f"{where}[{index}]", owner, method_id, problems
                )
        else:
            problems.extend(_check_json_scalar(value, schema, where))

    def _check_object(
        self,
        value: Any,
        schema: JsonObject,
        where: str,
        owner: str,
        method_id: str | None,
        problems: list[str],
    ) -> None:
        if not isinstance(value, dict):
            problems.append(f"{where} must be an object ({owner}), not {type(value).__name__}")
            return
        properties: JsonObject = schema.get("properties", {})
        additional: JsonObject | None = schema.get("additionalProperties")
        for name, item in value.items():
            if name in properties:
                self._check_value(item, properties[name], f"{where}.{name}", owner, method_id, problems)
            elif additional is not None:
                self._check_value(item, additional, f"{where}[{name!r}]", owner, method_id, problems)
            else:
                problems.append(f"{where}.{name} is not a property of {owner}")
        if method_id is None:
            return
        for name, spec in properties.items():
            required_by = spec.get("annotations", {}).get("required", ())
            if method_id in required_by and value.get(name) is None:
                problems.append(f"{where}.{name} is required ({owner}.{name} is annotated required)")

    # -- partial responses (fields=) --------------------------------------------------------------

    def check_fields(self, method: ApiMethod, mask: FieldMask) -> list[str]:
        """Every name in a ``fields`` selector must exist in the response schema."""
        schema = method.response_schema
        if schema is None:
            return [f"{method.name}: 'fields' given but the method has no response body"]
        problems: list[str] = []
        self._check_mask(mask, {"$ref": schema}, schema, problems)
        return [f"{method.name}: query parameter 'fields': {problem}" for problem in problems]

    def _check_mask(self, mask: FieldMask, schema: JsonObject, owner: str, problems: list[str]) -> None:
        while "$ref" in schema or schema.get("type") == "array":
            if "$ref" in schema:
                owner, schema = schema["$ref"], self.schemas[schema["$ref"]]
            else:
                schema = schema.get("items", {})
        properties: JsonObject = schema.get("properties", {})
        for name, sub in mask.items():
            if name == "*":
                continue
            if name not in properties:
                problems.append(f"{name!r} is not a property of {owner}")
            elif sub is not None:
                self._check_mask(sub, properties[name], owner, problems)


_INTEGER_RANGES: Final = {
    "int32": (-(2**31), 2**31 - 1),
    "uint32": (0, 2**32 - 1),
    "int64": (-(2**63), 2**63 - 1),
    "uint64": (0, 2**64 - 1),
}
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


def _check_text(text: str, spec: JsonObject, where: str) -> list[str]:
    """A path or query value (always text on the wire) against its parameter spec."""
    kind, fmt = spec.get("type", "string"), spec.get("format")
    if kind == "integer" or fmt in _INTEGER_RANGES:
        if not re.fullmatch(r"-?\d+", text):
            return [f"{where} must be an integer ({fmt or kind}), got {text!r}"]
        return _check_range(int(text), spec, where)
    if kind == "boolean" and text not in ("true", "false"):
        return [f"{where} must be 'true' or 'false', got {text!r}"]
    if kind == "number":
        try:
            float(text)
        except ValueError:
            return [f"{where} must be a number, got {text!r}"]
    return _check_string_rules(text, spec, where)


def _check_json_scalar(value: Any, schema: JsonObject, where: str) -> list[str]:
    """A JSON body value of type string/integer/number/boolean/any."""
    kind, fmt = schema.get("type", "any"), schema.get("format")
    if kind == "any":
        return []
    if kind == "boolean":
        return [] if isinstance(value, bool) else [f"{where} must be a boolean, got {value!r}"]
    if kind == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{where} must be a number, got {value!r}"]
    if kind == "integer" or (kind == "string" and fmt in _INTEGER_RANGES):
        # Google's JSON parser takes 64-bit (and 32-bit) integers as numbers or decimal strings.
        if isinstance(value, int) and not isinstance(value, bool):
            return _check_range(value, schema, where)
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value):
            return _check_range(int(value), schema, where)
        return [f"{where} must be an integer ({fmt or kind}), got {value!r}"]
    if not isinstance(value, str):
        return [f"{where} must be a string, got {type(value).__name__}"]
    if fmt == "byte":
        problem = _base64url_problem(value)
        if problem:
            return [f"{where} must be base64url (format: byte): {problem}"]
    if fmt == "google-datetime":
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return [f"{where} must be an RFC 3339 timestamp, got {value!r}"]
    return _check_string_rules(value, schema, where)


def _check_range(number: int, spec: JsonObject, where: str) -> list[str]:
    low, high = _INTEGER_RANGES.get(spec.get("format", ""), (None, None))
    if "minimum" in spec:
        low = int(spec["minimum"])
    if "maximum" in spec:
        high = int(spec["maximum"])
    if (low is not None and number < low) or (high is not None and number > high):
        return [f"{where} is out of range for {spec.get('format', 'integer')}: {number}"]
    return []


def _check_string_rules(text: str, spec: JsonObject, where: str) -> list[str]:
    enum = spec.get("enum")
    if enum is not None and text not in enum:
        return [f"{where} must be one of {', '.join(enum)}; got {text!r}"]
    pattern = spec.get("pattern")
    if pattern is not None and not re.fullmatch(pattern, text):
        return [f"{where} does not match {pattern!r}: {text!r}"]
    return []


def _base64url_problem(text: str) -> str | None:
    """Why ``text`` is not base64url (RFC 4648 §5, padding optional), or None."""
    unpadded = text.rstrip("=")
    if not _BASE64URL.fullmatch(unpadded):
        bad = sorted({char for char in unpadded if not _BASE64URL.fullmatch(char)})
        return f"characters {''.join(bad)!r} are not in the URL-safe alphabet"
    if len(text) - len(unpadded) > 2 or len(unpadded) % 4 == 1:
        return "wrong length or padding"
    if len(text) != len(unpadded) and len(text) % 4:
        return "wrong padding"
    return None


def decode_base64url(text: str) -> bytes:
    """Decode base64url with or without padding."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_base64url(data: bytes) -> str:
    """Gmail's output form: URL-safe alphabet, padded."""
    return base64.urlsafe_b64encode(data).decode("ascii")


_FIELD_NAME = re.compile(r"[A-Za-z0-9_*$.-]+(?:/[A-Za-z0-9_*$.-]+)*")


def parse_field_mask(text: str) -> FieldMask:
    """Parse a partial-response selector such as ``messages(id,threadId),nextPageToken``."""
    source = re.sub(r"\s+", "", text)
    position = 0

    def parse_list() -> FieldMask:
        nonlocal position
        mask: FieldMask = {}
        while True:
            found = _FIELD_NAME.match(source, position)
            if found is None:
                raise ValueError(f"expected a field name at position {position} of {text!r}")
            position = found.end()
            sub: FieldMask | None = None
            if source[position : position + 1] == "(":
                position += 1
                sub = parse_list()
                if source[position : position + 1] != ")":
                    raise ValueError(f"unbalanced parenthesis in {text!r}")
                position += 1
            _merge_mask(mask, found.group().split("/"), sub)
            if source[position : position + 1] != ",":
                return mask
            position += 1

    mask = parse_list()
    if position != len(source):
        raise ValueError(f"unexpected {source[position]!r} at position {position} of {text!r}")
    return mask


def _merge_mask(mask: FieldMask, path: list[str], sub: FieldMask | None) -> None:
    head, rest = path[0], path[1:]
    if head in mask and mask[head] is None:
        return  # the whole value is selected already
    if not rest and sub is None:
        mask[head] = None
        return
    child = mask.setdefault(head, {})
    assert child is not None
    if rest:
        _merge_mask(child, rest, sub)
    elif sub is not None:
        for name, value in sub.items():
            _merge_mask(child, [name], value)


def apply_field_mask(value: Any, mask: FieldMask | None) -> Any:
    """Keep only the selected fields, as Google's partial responses do."""
    if mask is None or "*" in mask:
        return value
    if isinstance(value, list):
        return [apply_field_mask(item, mask) for item in value]
    if isinstance(value, dict):
        return {name: apply_field_mask(value[name], sub) for name, sub in mask.items() if name in value}
    return value


# --------------------------------------------------------------------------------------------
# MIME helpers
# --------------------------------------------------------------------------------------------


def _surrogates_to_text(value: str) -> str:
    """compat32 keeps 8-bit header bytes as surrogates; show them as UTF-8 like Gmail does."""
    return value.encode("ascii", "surrogateescape").decode("utf-8", "replace")


def _unfold(value: str) -> str:
    return re.sub(r"\r?\n(?=[ \t])", "", value).strip()


def _raw_headers(part: Message) -> list[JsonObject]:
    """Headers verbatim (unfolded, encoded-words left as they are), in order."""
    return [
        {"name": name, "value": _unfold(_surrogates_to_text(str(value)))} for name, value in part.raw_items()
    ]


def _decode_header(value: str) -> str:
    """RFC 2047-decoded text of a header value, for searching and for test inspection."""
    try:
        return str(email.header.make_header(email.header.decode_header(value)))
    except (UnicodeError, LookupError, binascii.Error, email.errors.HeaderParseError):
        return value


def _leaf_bytes(part: Message) -> bytes:
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _leaf_text(part: Message) -> str:
    """A text part decoded from its transfer encoding and charset (UTF-8, then Latin-1 if none)."""
    data = _leaf_bytes(part)
    charset = part.get_content_charset()
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _gmail_body_bytes(part: Message) -> bytes:
    """What Gmail puts in ``body.data``: text parts re-encoded as UTF-8, others as they are."""
    if part.get_content_maintype() == "text":
        return _leaf_text(part).encode("utf-8")
    return _leaf_bytes(part)


def _walk_parts(part: Message, part_id: str = "") -> Iterator[tuple[str, Message]]:
    """(partId, part) pairs numbered like Gmail: "" for the message, then "0", "0.1", …"""
    yield part_id, part
    if part.is_multipart():
        children = part.get_payload()
        assert isinstance(children, list)
        for index, child in enumerate(children):
            yield from _walk_parts(child, f"{part_id}.{index}" if part_id else str(index))


def _strip_html(text: str) -> str:
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def _message_ids(value: str | None) -> list[str]:
    """The ``<…>`` ids in a Message-ID / In-Reply-To / References value, without brackets."""
    return re.findall(r"<([^<>\s]+)>", value or "")


_SUBJECT_PREFIX = re.compile(r"^\s*(?:re|fwd?)\s*(?:\[\d+\])?\s*:\s*", re.IGNORECASE)


def normalized_subject(subject: str) -> str:
    """A subject with Re:/Fwd: prefixes removed, whitespace collapsed, case folded."""
    previous = None
    while previous != subject:
        previous, subject = subject, _SUBJECT_PREFIX.sub("", subject)
    return " ".join(subject.split()).casefold()


# --------------------------------------------------------------------------------------------
# The mailbox
# --------------------------------------------------------------------------------------------


@dataclass
class _Message:
    id: str
    thread_id: str
    raw: bytes
    label_ids: list[str]
    internal_date: int  # epoch milliseconds
    history_id: int = 0
    mime: Message = field(init=False, repr=False)
    search_text: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.mime = email.message_from_bytes(self.raw, policy=email.policy.compat32)
        self.search_text = " ".join(
            [
                self.header("Subject"),
                self.header("From"),
                self.header("To"),
                self.header("Cc"),
                self.body_text(),
            ]
        ).casefold()

    def header(self, name: str) -> str:
        """The first ``name`` header, decoded; "" when absent."""
        for key, value in self.mime.raw_items():
            if key.lower() == name.lower():
                return _decode_header(_unfold(_surrogates_to_text(str(value))))
        return ""

    def headers(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for key, value in self.mime.raw_items():
            found.setdefault(key, _decode_header(_unfold(_surrogates_to_text(str(value)))))
        return found

    @property
    def message_id(self) -> str | None:
        ids = _message_ids(self.header("Message-ID"))
        return ids[0] if ids else None

    def referenced_ids(self) -> set[str]:
        return set(_message_ids(self.header("In-Reply-To")) + _message_ids(self.header("References")))

    def body_text(self) -> str:
        """Plain text of the message (text/plain parts, else stripped HTML)."""
        plain, markup = [], []
        for _, part in _walk_parts(self.mime):
            if part.is_multipart() or part.get_filename():
                continue
            if part.get_content_type() == "text/plain":
                plain.append(_leaf_text(part))
            elif part.get_content_type() == "text/html":
                markup.append(_strip_html(_leaf_text(part)))
        return "\n".join(plain or markup)

    def snippet(self) -> str:
        """Gmail's snippet: the start of the text, whitespace collapsed, HTML-escaped."""
        text = " ".join(self.body_text().split())[:200]
        return html.escape(text, quote=True).replace("&#x27;", "&#39;")

    def has_attachment(self) -> bool:
        return any(part.get_filename() for _, part in _walk_parts(self.mime))


@dataclass
class _Label:
    id: str
    name: str
    type: str
    message_list_visibility: str | None = None
    label_list_visibility: str | None = None
    color: JsonObject | None = None

    def as_json(self) -> JsonObject:
        label: JsonObject = {"id": self.id, "name": self.name, "type": self.type}
        if self.message_list_visibility:
            label["messageListVisibility"] = self.message_list_visibility
        if self.label_list_visibility:
            label["labelListVisibility"] = self.label_list_visibility
        if self.color:
            label["color"] = self.color
        return label


@dataclass
class _Draft:
    id: str
    message_id: str
    requested_thread_id: str | None
    landed_in_thread: bool
    threading_reason: str


@dataclass
class _Change:
    kind: str  # messageAdded | messageDeleted | labelAdded | labelRemoved
    message: JsonObject  # id, threadId, labelIds as they were after the change
    label_ids: list[str] = field(default_factory=list)


@dataclass
class _HistoryRecord:
    id: int
    changes: list[_Change]


_HISTORY_FIELDS: Final = {
    "messageAdded": "messagesAdded",
    "messageDeleted": "messagesDeleted",
    "labelAdded": "labelsAdded",
    "labelRemoved": "labelsRemoved",
}


@dataclass
class _Call:
    """One validated API call, as handlers see it."""

    method: ApiMethod
    path: dict[str, str]
    query: dict[str, list[str]]
    body: Any
    media: bytes | None = None

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def flag(self, name: str) -> bool:
        return self.param(name) == "true"

    def page_size(self) -> int:
        size = int(self.param("maxResults") or DEFAULT_PAGE)
        return DEFAULT_PAGE if size <= 0 else min(size, MAX_PAGE)


Handler = Callable[[_Call], tuple[int, JsonObject | None]]


# --------------------------------------------------------------------------------------------
# Gmail's search language (the part the assistant uses)
# --------------------------------------------------------------------------------------------

_QUERY_GROUP = re.compile(r"\{([^{}]*)\}")
_QUERY_TOKEN = re.compile(r'(-?)(?:([A-Za-z_][A-Za-z0-9_]*):)?("[^"]*"|[^\s"]+)')
_IN_LABELS: Final = {
    "inbox": "INBOX", "sent": "SENT", "draft": "DRAFT", "drafts": "DRAFT", "spam": "SPAM",
    "trash": "TRASH", "starred": "STARRED", "important": "IMPORTANT", "unread": "UNREAD",
}  # fmt: skip
_IS_LABELS: Final = {"unread": "UNREAD", "starred": "STARRED", "important": "IMPORTANT"}
_Predicate = Callable[[_Message], bool]


@dataclass
class _Query:
    predicates: list[_Predicate]
    unsupported: list[str]
    names_spam_or_trash: bool

    def matches(self, message: _Message) -> bool:
        return all(predicate(message) for predicate in self.predicates)


def _label_key(name: str) -> str:
    """Gmail's ``label:`` form of a label name: lower case, "/" and spaces become "-"."""
    return re.sub(r"[/\s]+", "-", name.strip()).casefold()


def _query_date(value: str) -> datetime | None:
    if value.isdigit():
        return datetime.fromtimestamp(int(value), UTC)
    found = re.fullmatch(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})", value)
    if found:
        year, month, day = (int(part) for part in found.groups())
    elif found := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value):
        month, day, year = (int(part) for part in found.groups())
    else:
        return None
    try:
        return datetime(year, month, day, tzinfo=_PACIFIC)
    except ValueError:
        return None


def _months_ago(now: datetime, months: int) -> datetime:
    total = now.year * 12 + now.month - 1 - months
    year, month = divmod(total, 12)
    day = min(now.day, 28)
    return now.replace(year=year, month=month + 1, day=day)


def _relative_cutoff(value: str, now: datetime) -> datetime | None:
    found = re.fullmatch(r"(\d+)([dmy])", value.lower())
    if not found:
        return None
    amount, unit = int(found.group(1)), found.group(2)
    if unit == "d":
        return now - timedelta(days=amount)
    return _months_ago(now, amount * (12 if unit == "y" else 1))


def _negate(predicate: _Predicate) -> _Predicate:
    return lambda message: not predicate(message)


def _word_pattern(text: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(text.casefold()) + r"(?!\w)")


def _milliseconds(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


class GmailServer:
    """A Gmail API look-alike on 127.0.0.1 for tests; see the module docstring for why.

    Use as a context manager or call ``start()``/``stop()``. All state is in memory and guarded
    by one lock, so the seeding helpers may be called while the client is talking to it.
    """

    def __init__(self, email_address: str = DEFAULT_EMAIL, *, seed: int | None = None) -> None:
        self.email = email_address
        self.requests: list[RecordedRequest] = []
        self.errors: list[str] = []
        self.unsupported_queries: list[str] = []
        self._random = random.Random(seed)
        self._lock = threading.RLock()
        self._discovery = _shared_discovery()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._messages: dict[str, _Message] = {}
        self._threads: dict[str, list[str]] = {}
        self._drafts: dict[str, _Draft] = {}
        self._labels: dict[str, _Label] = {name: _Label(name, name, "system") for name in SYSTEM_LABELS}
        self._next_label = 1
        self._last_id = 0x18F0_0000_0000_0000 + self._random.randrange(2**40)
        self._history_id = self._random.randrange(100_000, 2_000_000)
        self._history: list[_HistoryRecord] = []
        # Ids from before the mailbox existed are as unknown to it as expired ones: 404.
        self._history_floor = self._history_id
        self._failures: list[int] = []
        self._handlers: dict[str, Handler] = {
            "gmail.users.getProfile": self._get_profile,
            "gmail.users.messages.list": self._list_messages,
            "gmail.users.messages.get": self._get_message,
            "gmail.users.messages.modify": self._modify_message,
            "gmail.users.messages.attachments.get": self._get_attachment,
            "gmail.users.threads.list": self._list_threads,
            "gmail.users.threads.get": self._get_thread,
            "gmail.users.threads.modify": self._modify_thread,
            "gmail.users.history.list": self._list_history,
            "gmail.users.drafts.list": self._list_drafts,
            "gmail.users.drafts.get": self._get_draft,
            "gmail.users.drafts.create": self._create_draft,
            "gmail.users.drafts.update": self._update_draft,
            "gmail.users.drafts.delete": self._delete_draft,
            "gmail.users.labels.list": self._list_labels,
            "gmail.users.labels.get": self._get_label,
            "gmail.users.labels.create": self._create_label,
        }

    # -- lifecycle ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The client's ``rootUrl``, e.g. ``http://127.0.0.1:PORT/``."""
        if self._httpd is None:
            raise RuntimeError("the Gmail test server is not running; call start() first")
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/"

    def start(self) -> None:
        """Listen on a free loopback port and serve from a daemon thread."""
        if self._httpd is not None:
            return
        httpd = _HttpServer(("127.0.0.1", 0), _RequestHandler)
        httpd.gmail = self
        self._httpd = httpd
        # A short poll interval keeps stop() fast; tests start one server each.
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, name="gmail-test-server", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd, self._thread = None, None

    def __enter__(self) -> GmailServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def discovery_document(self) -> JsonObject:
        """gmail.v1.json with ``rootUrl`` pointing here, for ``build_from_document``."""
        return load_discovery_document(self.base_url)

    # -- seeding and inspection ---------------------------------------------------------------------

    def add_message(
        self,
        raw: bytes,
        label_ids: Sequence[str] = ("INBOX",),
        thread_id: str | None = None,
        *,
        internal_date: datetime | None = None,
    ) -> str:
        """Store an RFC 822 message as if it had arrived; returns its Gmail message id.

        Without ``thread_id`` it is threaded as Gmail threads incoming mail: into the thread of a
        message its In-Reply-To/References name, if the subjects match. ``internal_date`` defaults
        to the Date header (then to now). With the ``DRAFT`` label it becomes a draft of the user's
        own (listed by drafts.list), e.g. to prove the assistant leaves such drafts alone.
        """
        with self._lock:
            for label_id in label_ids:
                if label_id not in self._labels:
                    raise ValueError(f"unknown label id {label_id!r}; create it with add_label()")
            if thread_id is not None and thread_id not in self._threads:
                raise ValueError(f"unknown thread id {thread_id!r}")
            message = self._new_message(raw, list(dict.fromkeys(label_ids)), internal_date)
            if thread_id is None:
                thread_id = self._thread_for_reply(message)
            self._store(message, thread_id)
            if "DRAFT" in message.label_ids:
                draft_id = self._new_draft_id()
                self._drafts[draft_id] = _Draft(
                    draft_id, message.id, thread_id, True, "seeded by add_message"
                )
            self._record([_Change("messageAdded", self._message_ref(message))], [message])
            return message.id

    def add_label(self, name: str) -> str:
        """Create a user label directly (no validation beyond uniqueness); returns its id."""
        with self._lock:
            return self._new_label(name, "show", "labelShow", None).id

    def expire_history(self) -> None:
        """Make every startHistoryId older than the current one answer 404, as aged-out ids do."""
        with self._lock:
            self._history_floor = self._history_id
            self._history = [record for record in self._history if record.id > self._history_floor]

    def fail_next(self, status: int, count: int = 1) -> None:
        """Answer the next ``count`` valid API calls with ``status`` (e.g. 429, 500, 503)."""
        if not 400 <= status <= 599:
            raise ValueError(f"fail_next needs an HTTP error status, not {status}")
        with self._lock:
            self._failures.extend([status] * count)

    @property
    def history_id(self) -> int:
        with self._lock:
            return self._history_id

    def messages(self) -> list[MessageInfo]:
        """Every stored message (drafts included), oldest first."""
        with self._lock:
            return [self._message_info(message) for message in self._sorted_messages(newest_first=False)]

    def drafts(self) -> list[DraftInfo]:
        """Every stored draft with the threading decision taken when it was saved."""
        with self._lock:
            return [self._draft_info(draft) for draft in self._drafts.values()]

    def labels(self) -> list[JsonObject]:
        with self._lock:
            return [label.as_json() for label in self._labels.values()]

    # -- HTTP entry points (called by the request handler) -------------------------------------------

    def handle(self, request: _Incoming) -> _Outgoing:
        """Answer one HTTP request; batch requests are split and each part answered on its own."""
        path = urllib.parse.urlsplit(request.target).path
        if request.method == "POST" and path in BATCH_PATHS:
            return self._handle_batch(request)
        return self._handle_api(request)

    def _handle_api(self, request: _Incoming, *, in_batch: bool = False) -> _Outgoing:
        split = urllib.parse.urlsplit(request.target)
        query: dict[str, list[str]] = {}
        for name, value in urllib.parse.parse_qsl(split.query, keep_blank_values=True):
            query.setdefault(name, []).append(value)
        record = RecordedRequest(
            request.method, split.path, query, None, dict(request.headers), in_batch=in_batch
        )
        with self._lock:
            self.requests.append(record)
            try:
                status, payload = self._call(request, split.path, query, record)
            except ApiError as problem:
                if problem.record:
                    self.errors.append(problem.message)
                status, payload = problem.status, error_body(problem.status, problem.message, problem.reason)
            record.status = status
        return _Outgoing.json(status, payload)

    def _call(
        self, request: _Incoming, path: str, query: dict[str, list[str]], record: RecordedRequest
    ) -> tuple[int, JsonObject | None]:
        route, path_params = self._discovery.resolve(request.method, path)
        method = route.method
        record.method_id = method.id
        if method.id in FORBIDDEN_METHODS:
            raise ApiError(
                403,
                f"{method.name}: refused, this call {FORBIDDEN_METHODS[method.id]} "
                "(the assistant only ever places drafts)",
                record=True,
            )
        record.token = self._check_auth(request, method)
        self._check_user(method, path_params.get("userId", ""))
        body, media = self._read_body(request, route, query)
        record.body = body
        problems = self._discovery.check_parameters(method, path_params, query)
        problems += self._discovery.check_body(method, body)
        mask = self._field_mask(method, query, problems)
        if query.get("alt", ["json"])[0] != "json":
            problems.append(f"{method.name}: alt={query['alt'][0]} is not supported by this test server")
        if problems:
            raise ApiError(400, "; ".join(problems), record=True)
        if self._failures:
            status = self._failures.pop(0)
            raise ApiError(status, _INJECTED_MESSAGES.get(status, f"Injected failure {status}"))
        handler = self._handlers.get(method.id)
        if handler is None:
            raise ApiError(501, f"{method.name}: not implemented by the Gmail test server", record=True)
        status, payload = handler(_Call(method, path_params, query, body, media))
        self.errors.extend(self._discovery.check_response(method, payload))
        return status, apply_field_mask(payload, mask)

    def _check_auth(self, request: _Incoming, method: ApiMethod) -> str:
        value = request.header("authorization")
        found = re.fullmatch(r"Bearer\s+(\S+)", value or "", re.IGNORECASE)
        if found is None:
            raise ApiError(
                401,
                f"{method.name}: request without an 'Authorization: Bearer …' header",
                reason="required",
                record=True,
            )
        return found.group(1)

    def _check_user(self, method: ApiMethod, user_id: str) -> None:
        if user_id not in ("me", "") and user_id.casefold() != self.email.casefold():
            raise ApiError(403, f"{method.name}: Delegation denied for {user_id}", record=True)

    def _field_mask(
        self, method: ApiMethod, query: dict[str, list[str]], problems: list[str]
    ) -> FieldMask | None:
        text = query.get("fields", [None])[0]
        if not text:
            return None
        try:
            mask = parse_field_mask(text)
        except ValueError as problem:
            problems.append(f"{method.name}: query parameter 'fields': {problem}")
            return None
        problems.extend(self._discovery.check_fields(method, mask))
        return mask

    def _read_body(
        self, request: _Incoming, route: _Route, query: dict[str, list[str]]
    ) -> tuple[Any, bytes | None]:
        """The JSON body and, for media uploads, the uploaded bytes."""
        if route.upload:
            return self._read_upload(request, route, query)
        if not request.body:
            return None, None
        return _json_body(request.body, request.header("content-type"), route.method), None

    def _read_upload(
        self, request: _Incoming, route: _Route, query: dict[str, list[str]]
    ) -> tuple[Any, bytes]:
        """uploadType=media (the message alone) or multipart (JSON metadata + message)."""
        method = route.method
        upload_type = query.get("uploadType", [""])[0]
        if route.upload == "resumable" or upload_type == "resumable":
            raise ApiError(
                501, f"{method.name}: resumable uploads are not supported by the test server", record=True
            )
        media_spec: JsonObject = method.spec["mediaUpload"]
        content_type = request.header("content-type") or ""
        if upload_type == "media":
            metadata, media, media_type = None, request.body, content_type
        elif upload_type == "multipart":
            metadata, media, media_type = _split_related(request.body, content_type, method)
        else:
            raise ApiError(
                400, f"{method.name}: upload path needs uploadType=media or multipart", record=True
            )
        if not any(_mime_matches(media_type, accepted) for accepted in media_spec.get("accept", ["*/*"])):
            raise ApiError(
                400,
                f"{method.name}: uploaded media type {media_type!r} is not accepted "
                f"({', '.join(media_spec.get('accept', []))})",
                record=True,
            )
        if len(media) > int(media_spec.get("maxSize", 2**63)):
            raise ApiError(
                413, f"{method.name}: upload larger than {media_spec['maxSize']} bytes", record=True
            )
        return metadata, media

    def _handle_batch(self, request: _Incoming) -> _Outgoing:
        """Answer a multipart/mixed batch: each part is an application/http request of its own."""
        split = urllib.parse.urlsplit(request.target)
        record = RecordedRequest(
            request.method, split.path, {}, None, dict(request.headers), method_id="batch"
        )
        with self._lock:
            self.requests.append(record)
            try:
                parts = _parse_batch(request)
            except ApiError as problem:
                self.errors.append(problem.message)
                record.status = problem.status
                return _Outgoing.json(problem.status, error_body(problem.status, problem.message))
            answers = []
            for content_id, inner in parts:
                if inner.header("authorization") is None and request.header("authorization"):
                    inner.headers["authorization"] = request.header("authorization") or ""
                answers.append((content_id, self._handle_api(inner, in_batch=True)))
            record.status = 200
        return _batch_response(answers)

    # -- mailbox internals -------------------------------------------------------------------------

    def _new_id(self) -> str:
        """Gmail-like ids: 16 hex digits, growing over time, never contiguous."""
        self._last_id += self._random.randint(1, 0xFFFFF)
        return f"{self._last_id:016x}"

    def _new_draft_id(self) -> str:
        """Gmail draft ids look like ``r-8410213926573582436``; callers must treat them as opaque."""
        return f"r-{self._random.randrange(10**18, 10**19)}"

    def _bump_history(self) -> int:
        """Advance the mailbox historyId by a random 1–7: ids grow but are not contiguous."""
        self._history_id += self._random.randint(1, 7)
        return self._history_id

    def _record(self, changes: list[_Change], messages: Iterable[_Message]) -> int:
        history_id = self._bump_history()
        for message in messages:
            message.history_id = history_id
        if changes:
            self._history.append(_HistoryRecord(history_id, changes))
        return history_id

    def _new_message(self, raw: bytes, label_ids: list[str], internal_date: datetime | None) -> _Message:
        message = _Message(self._new_id(), "", raw, label_ids, 0)
        if internal_date is None:
            try:
                internal_date = email.utils.parsedate_to_datetime(message.header("Date"))
            except (TypeError, ValueError):
                internal_date = datetime.now(UTC)
            if internal_date.tzinfo is None:
                internal_date = internal_date.replace(tzinfo=UTC)
        message.internal_date = _milliseconds(internal_date)
        return message

    def _store(self, message: _Message, thread_id: str | None) -> None:
        message.thread_id = thread_id or message.id
        self._messages[message.id] = message
        self._threads.setdefault(message.thread_id, []).append(message.id)

    def _remove(self, message: _Message) -> None:
        del self._messages[message.id]
        thread = self._threads[message.thread_id]
        thread.remove(message.id)
        if not thread:
            del self._threads[message.thread_id]

    def _thread_subject(self, thread_id: str) -> str:
        first = min((self._messages[mid] for mid in self._threads[thread_id]), key=lambda m: m.internal_date)
        return first.header("Subject")

    def _join_problem(self, message: _Message, thread_id: str) -> str | None:
        """Why Gmail would NOT put ``message`` into ``thread_id`` (None: it would)."""
        subject = self._thread_subject(thread_id)
        if normalized_subject(message.header("Subject")) != normalized_subject(subject):
            return f"Subject {message.header('Subject')!r} does not match the thread's subject {subject!r}"
        thread_ids = {self._messages[mid].message_id for mid in self._threads[thread_id]}
        if not message.referenced_ids() & thread_ids:
            return "In-Reply-To/References name no message of the thread"
        return None

    def _thread_for_reply(self, message: _Message) -> str | None:
        """The thread an incoming message joins by its references and subject, if any."""
        by_message_id = {m.message_id: m for m in self._messages.values() if m.message_id}
        for referenced in message.referenced_ids():
            known = by_message_id.get(referenced)
            if known is not None and self._join_problem(message, known.thread_id) is None:
                return known.thread_id
        return None

    def _message_ref(self, message: _Message) -> JsonObject:
        ref: JsonObject = {"id": message.id, "threadId": message.thread_id}
        if message.label_ids:
            ref["labelIds"] = list(message.label_ids)
        return ref

    def _sorted_messages(self, *, newest_first: bool = True) -> list[_Message]:
        return sorted(self._messages.values(), key=lambda m: (m.internal_date, m.id), reverse=newest_first)

    def _message_info(self, message: _Message) -> MessageInfo:
        return {
            "id": message.id,
            "threadId": message.thread_id,
            "labelIds": list(message.label_ids),
            "headers": message.headers(),
            "raw": message.raw,
            "internalDate": message.internal_date,
            "historyId": message.history_id,
        }

    def _draft_info(self, draft: _Draft) -> DraftInfo:
        message = self._messages[draft.message_id]
        return {
            "id": draft.id,
            "message": self._message_ref(message),
            "headers": message.headers(),
            "raw": message.raw,
            "requestedThreadId": draft.requested_thread_id,
            "landedInThread": draft.landed_in_thread,
            "threadingReason": draft.threading_reason,
        }

    def _message(self, message_id: str) -> _Message:
        message = self._messages.get(message_id)
        if message is None:
            raise ApiError(404, _NOT_FOUND)
        return message

    def _new_label(
        self,
        name: str,
        message_visibility: str | None,
        label_visibility: str | None,
        color: JsonObject | None,
    ) -> _Label:
        if any(label.name.casefold() == name.casefold() for label in self._labels.values()):
            raise ApiError(409, "Label name exists or conflicts")
        label = _Label(f"Label_{self._next_label}", name, "user", message_visibility, label_visibility, color)
        self._next_label += 1
        self._labels[label.id] = label
        self._bump_history()
        return label

    # -- search ------------------------------------------------------------------------------------

    def _parse_query(self, text: str | None) -> _Query:
        """Terms are ANDed; a ``{a b c}`` group is one term matching any of its members."""
        query = _Query([], [], False)
        for group in _QUERY_GROUP.findall(text or ""):
            members = [p for p in (self._token(f, query) for f in _QUERY_TOKEN.finditer(group)) if p]
            if members:
                query.predicates.append(lambda m, members=tuple(members): any(p(m) for p in members))
        for found in _QUERY_TOKEN.finditer(_QUERY_GROUP.sub(" ", text or "")):
            predicate = self._token(found, query)
            if predicate is not None:
                query.predicates.append(predicate)
        return query

    def _token(self, found: re.Match[str], query: _Query) -> _Predicate | None:
        negate, operator, value = found.group(1) == "-", (found.group(2) or "").lower(), found.group(3)
        value = value[1:-1] if value.startswith('"') else value
        predicate = self._term(operator, value, query)
        if predicate is None:
            query.unsupported.append(found.group(0))
            self.unsupported_queries.append(found.group(0))
            return None
        return _negate(predicate) if negate else predicate

    def _term(self, operator: str, value: str, query: _Query) -> _Predicate | None:
        """A predicate for one search term, or None when the term is not supported."""
        if not operator:
            return (
                None if value.upper() in ("OR", "AND") or set(value) & set("(){}") else self._text_term(value)
            )
        if operator in ("in", "is", "label", "category"):
            return self._label_term(operator, value.lower(), query)
        if operator in ("newer_than", "older_than", "after", "before"):
            return self._date_term(operator, value)
        if operator == "rfc822msgid":
            wanted = value.strip("<>")
            return lambda m: m.message_id == wanted
        if operator in ("subject", "from", "to", "cc"):
            pattern = _word_pattern(value)
            return lambda m: bool(pattern.search(m.header(operator).casefold()))
        if operator == "has" and value.lower() == "attachment":
            return _Message.has_attachment
        return None

    def _text_term(self, value: str) -> _Predicate:
        pattern = _word_pattern(value)
        return lambda m: bool(pattern.search(m.search_text))

    def _label_term(self, operator: str, value: str, query: _Query) -> _Predicate | None:
        if operator == "in" and value in ("anywhere", "all"):
            query.names_spam_or_trash |= value == "anywhere"
            return lambda m: True
        if operator == "in":
            label_id = _IN_LABELS.get(value)
        elif operator == "is":
            if value == "read":
                return lambda m: "UNREAD" not in m.label_ids
            label_id = _IS_LABELS.get(value)
        elif operator == "category":
            label_id = f"CATEGORY_{value.upper()}" if f"CATEGORY_{value.upper()}" in self._labels else None
        else:
            label_id = next(
                (
                    lab.id
                    for lab in self._labels.values()
                    if _label_key(value) in (_label_key(lab.name), lab.id.casefold())
                ),
                "",  # an unknown label matches nothing, as in Gmail
            )
        if label_id is None:
            return None
        query.names_spam_or_trash |= label_id in ("SPAM", "TRASH")
        return lambda m: label_id in m.label_ids

    def _date_term(self, operator: str, value: str) -> _Predicate | None:
        now = datetime.now(UTC)
        if operator in ("newer_than", "older_than"):
            cutoff = _relative_cutoff(value, now)
        else:
            cutoff = _query_date(value)
        if cutoff is None:
            return None
        limit = _milliseconds(cutoff)
        if operator in ("newer_than", "after"):
            return lambda m: m.internal_date >= limit
        return lambda m: m.internal_date < limit

    def _select(self, call: _Call, *, drafts_only: bool = False) -> list[_Message]:
        """Messages matching q / labelIds / includeSpamTrash, newest first."""
        query = self._parse_query(call.param("q"))
        label_ids = call.query.get("labelIds", [])
        hide = not (call.flag("includeSpamTrash") or query.names_spam_or_trash)
        hide = hide and not {"SPAM", "TRASH"} & set(label_ids)
        selected = []
        for message in self._sorted_messages():
            if drafts_only and "DRAFT" not in message.label_ids:
                continue
            if hide and {"SPAM", "TRASH"} & set(message.label_ids):
                continue
            if all(label in message.label_ids for label in label_ids) and query.matches(message):
                selected.append(message)
        return selected

    # -- formats -----------------------------------------------------------------------------------

    def _render(
        self, message: _Message, fmt: str, metadata_headers: Sequence[str] | None = None
    ) -> JsonObject:
        """A Message resource in format minimal | metadata | full | raw."""
        rendered = self._message_ref(message) | {
            "snippet": message.snippet(),
            "sizeEstimate": len(message.raw),
            "historyId": str(message.history_id),
            "internalDate": str(message.internal_date),
        }
        if fmt == "raw":
            rendered["raw"] = encode_base64url(message.raw)
        elif fmt == "metadata":
            headers = _raw_headers(message.mime)
            if metadata_headers:
                wanted = {name.lower() for name in metadata_headers}
                headers = [header for header in headers if header["name"].lower() in wanted]
            rendered["payload"] = {"mimeType": message.mime.get_content_type(), "headers": headers}
        elif fmt == "full":
            rendered["payload"] = self._render_part(message, message.mime, "")
        return rendered

    def _render_part(self, message: _Message, part: Message, part_id: str) -> JsonObject:
        """One MessagePart as Gmail builds it from the MIME tree."""
        rendered: JsonObject = {
            "partId": part_id,
            "mimeType": part.get_content_type(),
            "filename": part.get_filename() or "",
            "headers": _raw_headers(part),
        }
        if part.is_multipart():
            children = part.get_payload()
            assert isinstance(children, list)
            rendered["body"] = {"size": 0}
            rendered["parts"] = [
                self._render_part(message, child, f"{part_id}.{index}" if part_id else str(index))
                for index, child in enumerate(children)
            ]
            return rendered
        data = _gmail_body_bytes(part)
        if part.get_filename():
            rendered["body"] = {"attachmentId": _attachment_id(message.id, part_id), "size": len(data)}
        elif data:
            rendered["body"] = {"size": len(data), "data": encode_base64url(data)}
        else:
            rendered["body"] = {"size": 0}
        return rendered

    def _thread_json(self, thread_id: str, fmt: str, metadata_headers: Sequence[str] | None) -> JsonObject:
        messages = sorted(
            (self._messages[mid] for mid in self._threads[thread_id]), key=lambda m: m.internal_date
        )
        return {
            "id": thread_id,
            "historyId": str(max(m.history_id for m in messages)),
            "messages": [self._render(m, fmt, metadata_headers) for m in messages],
        }

    # -- handlers: profile, messages, threads --------------------------------------------------------

    def _get_profile(self, call: _Call) -> tuple[int, JsonObject]:
        return 200, {
            "emailAddress": self.email,
            "messagesTotal": len(self._messages),
            "threadsTotal": len(self._threads),
            "historyId": str(self._history_id),
        }

    def _list_messages(self, call: _Call) -> tuple[int, JsonObject]:
        selected = self._select(call)
        page, token = _page(selected, call, "messages")
        return 200, _list_json(
            "messages", [{"id": m.id, "threadId": m.thread_id} for m in page], token, len(selected)
        )

    def _get_message(self, call: _Call) -> tuple[int, JsonObject]:
        message = self._message(call.path["id"])
        return 200, self._render(message, call.param("format") or "full", call.query.get("metadataHeaders"))

    def _get_attachment(self, call: _Call) -> tuple[int, JsonObject]:
        message = self._message(call.path["messageId"])
        wanted = call.path["id"]
        for part_id, part in _walk_parts(message.mime):
            if part.get_filename() and _attachment_id(message.id, part_id) == wanted:
                data = _gmail_body_bytes(part)
                return 200, {"attachmentId": wanted, "size": len(data), "data": encode_base64url(data)}
        raise ApiError(404, _NOT_FOUND)

    def _modify_message(self, call: _Call) -> tuple[int, JsonObject]:
        message = self._message(call.path["id"])
        self._modify([message], call.body)
        return 200, self._message_ref(message)

    def _list_threads(self, call: _Call) -> tuple[int, JsonObject]:
        thread_ids = list(dict.fromkeys(m.thread_id for m in self._select(call)))
        page, token = _page(thread_ids, call, "threads")
        threads = []
        for thread_id in page:
            latest = max(
                (self._messages[mid] for mid in self._threads[thread_id]), key=lambda m: m.internal_date
            )
            history_id = max(self._messages[mid].history_id for mid in self._threads[thread_id])
            threads.append({"id": thread_id, "snippet": latest.snippet(), "historyId": str(history_id)})
        return 200, _list_json("threads", threads, token, len(thread_ids))

    def _get_thread(self, call: _Call) -> tuple[int, JsonObject]:
        thread_id = call.path["id"]
        if thread_id not in self._threads:
            raise ApiError(404, _NOT_FOUND)
        return 200, self._thread_json(
            thread_id, call.param("format") or "full", call.query.get("metadataHeaders")
        )

    def _modify_thread(self, call: _Call) -> tuple[int, JsonObject]:
        thread_id = call.path["id"]
        if thread_id not in self._threads:
            raise ApiError(404, _NOT_FOUND)
        self._modify([self._messages[mid] for mid in self._threads[thread_id]], call.body)
        return 200, self._thread_json(thread_id, "minimal", None)

    def _modify(self, messages: list[_Message], body: JsonObject) -> None:
        """Add/remove labels on messages; one history record with every actual change."""
        add, remove = body.get("addLabelIds") or [], body.get("removeLabelIds") or []
        for label_id in [*add, *remove]:
            if label_id not in self._labels:
                raise ApiError(400, f"Invalid label: {label_id}")
        if UNAPPLIABLE_LABELS & set(add):
            raise ApiError(
                400, f"Invalid label: {sorted(UNAPPLIABLE_LABELS & set(add))[0]} cannot be applied"
            )
        changes, changed = [], []
        for message in messages:
            added = [label for label in add if label not in message.label_ids]
            removed = [label for label in remove if label in message.label_ids and label not in add]
            message.label_ids = [label for label in message.label_ids if label not in removed] + added
            if added:
                changes.append(_Change("labelAdded", self._message_ref(message), added))
            if removed:
                changes.append(_Change("labelRemoved", self._message_ref(message), removed))
            if added or removed:
                changed.append(message)
        if changes:
            self._record(changes, changed)

    # -- handlers: history -------------------------------------------------------------------------

    def _list_history(self, call: _Call) -> tuple[int, JsonObject]:
        start_text = call.param("startHistoryId")
        if start_text is None:
            raise ApiError(400, "history.list: startHistoryId is required", record=True)
        start = int(start_text)
        if start < self._history_floor:
            raise ApiError(404, _NOT_FOUND)
        kinds = set(call.query.get("historyTypes", _HISTORY_FIELDS))
        label_id = call.param("labelId")
        records = []
        for record in self._history:
            if record.id <= start:
                continue
            changes = [
                change
                for change in record.changes
                if change.kind in kinds
                and (label_id is None or label_id in change.message.get("labelIds", []) + change.label_ids)
            ]
            if changes:
                records.append(_history_json(record.id, changes))
        page, token = _page(records, call, "history")
        response: JsonObject = {"historyId": str(self._history_id)}
        if page:
            response["history"] = page
        if token:
            response["nextPageToken"] = token
        return 200, response

    # -- handlers: drafts --------------------------------------------------------------------------

    def _list_drafts(self, call: _Call) -> tuple[int, JsonObject]:
        by_message = {draft.message_id: draft for draft in self._drafts.values()}
        selected = [m for m in self._select(call, drafts_only=True) if m.id in by_message]
        page, token = _page(selected, call, "drafts")
        drafts = [{"id": by_message[m.id].id, "message": {"id": m.id, "threadId": m.thread_id}} for m in page]
        return 200, _list_json("drafts", drafts, token, len(selected))

    def _draft(self, draft_id: str) -> _Draft:
        draft = self._drafts.get(draft_id)
        if draft is None:
            raise ApiError(404, _NOT_FOUND)
        return draft

    def _get_draft(self, call: _Call) -> tuple[int, JsonObject]:
        draft = self._draft(call.path["id"])
        message = self._messages[draft.message_id]
        return 200, {"id": draft.id, "message": self._render(message, call.param("format") or "full")}

    def _create_draft(self, call: _Call) -> tuple[int, JsonObject]:
        draft = _Draft(self._new_draft_id(), "", None, False, "")
        message = self._draft_message(call, draft)
        self._drafts[draft.id] = draft
        self._record([_Change("messageAdded", self._message_ref(message))], [message])
        return 200, {"id": draft.id, "message": self._message_ref(message)}

    def _update_draft(self, call: _Call) -> tuple[int, JsonObject]:
        draft = self._draft(call.path["id"])
        body_id = (call.body or {}).get("id")
        if body_id not in (None, draft.id):
            raise ApiError(400, f"drafts.update: body id {body_id!r} differs from the path id {draft.id!r}")
        old = self._messages[draft.message_id]
        message = self._draft_message(call, draft)
        self._remove(old)
        changes = [
            _Change("messageDeleted", self._message_ref(old)),
            _Change("messageAdded", self._message_ref(message)),
        ]
        self._record(changes, [message])
        return 200, {"id": draft.id, "message": self._message_ref(message)}

    def _delete_draft(self, call: _Call) -> tuple[int, None]:
        draft = self._draft(call.path["id"])
        message = self._messages[draft.message_id]
        self._remove(message)
        del self._drafts[draft.id]
        self._record([_Change("messageDeleted", self._message_ref(message))], [])
        return 204, None

    def _draft_message(self, call: _Call, draft: _Draft) -> _Message:
        """Store the draft's message, threaded the way Gmail decides (see the notes)."""
        body_message = (call.body or {}).get("message") or {}
        raw = call.media
        if raw is None:
            if not body_message.get("raw"):
                raise ApiError(400, f"{call.method.name}: Missing draft message", record=True)
            raw = decode_base64url(body_message["raw"])
        requested = body_message.get("threadId")
        if requested is not None and requested not in self._threads:
            raise ApiError(404, _NOT_FOUND)
        message = self._new_message(raw, ["DRAFT"], datetime.now(UTC))
        if requested is None:
            problem: str | None = "no threadId given"
        else:
            problem = self._join_problem(message, requested)
        draft.message_id = message.id
        draft.requested_thread_id = requested
        draft.landed_in_thread = problem is None
        draft.threading_reason = problem or f"joined thread {requested}"
        self._store(message, requested if problem is None else None)
        return message

    # -- handlers: labels --------------------------------------------------------------------------

    def _list_labels(self, call: _Call) -> tuple[int, JsonObject]:
        return 200, {"labels": [label.as_json() for label in self._labels.values()]}

    def _get_label(self, call: _Call) -> tuple[int, JsonObject]:
        label = self._labels.get(call.path["id"])
        if label is None:
            raise ApiError(404, _NOT_FOUND)
        messages = [m for m in self._messages.values() if label.id in m.label_ids]
        unread = [m for m in messages if "UNREAD" in m.label_ids]
        return 200, label.as_json() | {
            "messagesTotal": len(messages),
            "messagesUnread": len(unread),
            "threadsTotal": len({m.thread_id for m in messages}),
            "threadsUnread": len({m.thread_id for m in unread}),
        }

    def _create_label(self, call: _Call) -> tuple[int, JsonObject]:
        body: JsonObject = call.body
        name = str(body.get("name") or "")
        if not name.strip() or name != name.strip() or name.casefold() in RESERVED_LABEL_NAMES:
            raise ApiError(400, "Invalid label name")
        if name.startswith("/") or name.endswith("/") or "//" in name:
            raise ApiError(400, "Invalid label name")
        label = self._new_label(
            name, body.get("messageListVisibility"), body.get("labelListVisibility"), body.get("color")
        )
        return 200, label.as_json()


# --------------------------------------------------------------------------------------------
# Helpers for handlers
# --------------------------------------------------------------------------------------------


def _attachment_id(message_id: str, part_id: str) -> str:
    return "ANGjdJ" + encode_base64url(f"{message_id}:{part_id}".encode()).rstrip("=")


def _page(items: list[Any], call: _Call, kind: str) -> tuple[list[Any], str | None]:
    """One page of ``items`` and the token for the next, if any. Tokens are opaque offsets."""
    offset = 0
    token = call.param("pageToken")
    if token:
        try:
            token_kind, _, number = decode_base64url(token).decode().partition(":")
            offset = int(number)
        except (ValueError, binascii.Error, UnicodeDecodeError):
            token_kind = ""
        if token_kind != kind or offset < 0:
            raise ApiError(400, f"{call.method.name}: Invalid pageToken {token!r}", record=True)
    end = offset + call.page_size()
    next_token = encode_base64url(f"{kind}:{end}".encode()).rstrip("=") if end < len(items) else None
    return items[offset:end], next_token


def _list_json(key: str, items: list[JsonObject], token: str | None, total: int) -> JsonObject:
    """A list response as Gmail shapes it: empty lists are omitted, not sent as []."""
    response: JsonObject = {"resultSizeEstimate": total}
    if items:
        response[key] = items
    if token:
        response["nextPageToken"] = token
    return response


def _history_json(history_id: int, changes: list[_Change]) -> JsonObject:
    record: JsonObject = {"id": str(history_id), "messages": []}
    seen = set()
    for change in changes:
        ref = change.message
        if ref["id"] not in seen:
            seen.add(ref["id"])
            record["messages"].append({"id": ref["id"], "threadId": ref["threadId"]})
        entry: JsonObject = {"message": dict(ref)}
        if change.label_ids:
            entry["labelIds"] = list(change.label_ids)
        record.setdefault(_HISTORY_FIELDS[change.kind], []).append(entry)
    return record


def _mime_matches(media_type: str, accepted: str) -> bool:
    actual = media_type.split(";")[0].strip().lower()
    major, _, minor = accepted.lower().partition("/")
    actual_major, _, actual_minor = actual.partition("/")
    return major in ("*", actual_major) and minor in ("*", actual_minor)


def _json_body(data: bytes, content_type: str | None, method: ApiMethod) -> Any:
    if not (content_type or "").lower().startswith("application/json"):
        raise ApiError(
            400, f"{method.name}: body sent as {content_type!r}, expected application/json", record=True
        )
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as problem:
        raise ApiError(400, f"{method.name}: body is not valid JSON: {problem}", record=True) from None


def _split_related(body: bytes, content_type: str, method: ApiMethod) -> tuple[Any, bytes, str]:
    """A multipart/related upload: first part JSON metadata, second part the media, byte-exact."""
    parts = _multipart_parts(body, content_type, "multipart/related")
    if len(parts) != 2:
        raise ApiError(
            400, f"{method.name}: uploadType=multipart needs a two-part multipart/related body", record=True
        )
    (metadata_headers, metadata), (media_headers, media) = parts
    return (
        _json_body(metadata, metadata_headers.get("content-type"), method),
        media,
        media_headers.get("content-type", ""),
    )


def _multipart_parts(body: bytes, content_type: str, expected: str) -> list[tuple[dict[str, str], bytes]]:
    """(headers, content) of each part of a multipart body, content byte for byte.

    Split by hand rather than with the email package, which would re-parse a message/rfc822
    part instead of handing back the bytes the client uploaded.
    """
    if content_type.split(";")[0].strip().lower() != expected:
        return []
    found = re.search(r'boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))', content_type, re.IGNORECASE)
    if found is None:
        return []
    boundary = re.escape((found.group(1) or found.group(2)).encode())
    delimiters = list(re.finditer(rb"(?:\r?\n|\A)--" + boundary + rb"(--)?[ \t]*(?:\r?\n|\Z)", body))
    parts = []
    for current, following in itertools.pairwise(delimiters):
        if current.group(1):  # the closing delimiter
            break
        parts.append(_split_head(body[current.end() : following.start()]))
    return parts


def _split_head(data: bytes) -> tuple[dict[str, str], bytes]:
    """Headers (lower-case names, unfolded) and content of a MIME part or HTTP message."""
    if (empty := re.match(rb"\r?\n", data)) is not None:  # no headers at all
        return {}, data[empty.end() :]
    separator = re.search(rb"\r?\n\r?\n", data)
    head, content = (data[: separator.start()], data[separator.end() :]) if separator else (data, b"")
    headers: dict[str, str] = {}
    for line in _unfold(head.decode("utf-8", "replace")).splitlines():
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return headers, content


# --------------------------------------------------------------------------------------------
# HTTP plumbing and batch encoding
# --------------------------------------------------------------------------------------------


@dataclass
class _Incoming:
    method: str
    target: str  # path?query
    headers: dict[str, str]  # lower-case names
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass
class _Outgoing:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    @classmethod
    def json(cls, status: int, payload: JsonObject | None) -> _Outgoing:
        if payload is None:
            return cls(status, [], b"")
        body = json.dumps(payload, indent=2).encode("utf-8")
        return cls(status, [("Content-Type", "application/json; charset=UTF-8")], body)


def _parse_batch(request: _Incoming) -> list[tuple[str, _Incoming]]:
    """Split a batch body into (Content-ID, inner request) pairs; ApiError if it is malformed."""
    content_type = request.header("content-type") or ""
    parts = _multipart_parts(request.body, content_type, "multipart/mixed")
    if not parts:
        raise ApiError(400, f"batch: expected a multipart/mixed body with parts, got {content_type!r}")
    if len(parts) > MAX_BATCH:
        raise ApiError(400, f"batch: {len(parts)} calls in one batch; Gmail allows at most {MAX_BATCH}")
    found = []
    for index, (headers, content) in enumerate(parts):
        part_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if part_type != "application/http":
            raise ApiError(400, f"batch: part {index} is {part_type or 'untyped'}, not application/http")
        if not headers.get("content-id"):
            raise ApiError(400, f"batch: part {index} has no Content-ID")
        found.append((headers["content-id"], _parse_inner_request(content, index)))
    return found


def _parse_inner_request(data: bytes, index: int) -> _Incoming:
    """``GET /gmail/v1/… HTTP/1.1`` + headers + body, with \\n or \\r\\n line ends."""
    request_line, _, rest = data.lstrip(b"\r\n").partition(b"\n")
    words = request_line.decode("utf-8", "replace").split()
    if len(words) != 3 or not words[2].startswith("HTTP/"):
        raise ApiError(400, f"batch: part {index} does not start with an HTTP request line")
    headers, body = _split_head(rest)
    if headers.get("content-length", "").isdigit():
        body = body[: int(headers["content-length"])]
    target = urllib.parse.urlsplit(words[1])
    path = urllib.parse.urlunsplit(("", "", target.path, target.query, ""))
    return _Incoming(words[0], path, headers, body)


def _batch_response(answers: list[tuple[str, _Outgoing]]) -> _Outgoing:
    """multipart/mixed with one application/http part per call, Content-ID <response-…>."""
    boundary = f"batch_{random.getrandbits(64):016x}"
    chunks = []
    for content_id, answer in answers:
        reason = _REASONS.get(answer.status, "Unknown")
        inner_headers = [*answer.headers, ("Content-Length", str(len(answer.body)))]
        head = f"HTTP/1.1 {answer.status} {reason}\r\n" + "".join(f"{n}: {v}\r\n" for n, v in inner_headers)
        chunks.append(
            f"--{boundary}\r\nContent-Type: application/http\r\n"
            f"Content-ID: <response-{content_id.strip('<>')}>\r\n\r\n".encode()
            + head.encode()
            + b"\r\n"
            + answer.body
            + b"\r\n"
        )
    body = b"".join(chunks) + f"--{boundary}--\r\n".encode()
    return _Outgoing(200, [("Content-Type", f"multipart/mixed; boundary={boundary}")], body)


_REASONS: Final = {
    200: "OK", 204: "No Content", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 409: "Conflict", 413: "Payload Too Large",
    429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented",
    502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
}  # fmt: skip


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    gmail: GmailServer


class _RequestHandler(BaseHTTPRequestHandler):
    """Reads one request, hands it to GmailServer.handle, writes the answer (keep-alive)."""

    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle on, delayed ACKs cost ~40 ms each.
    disable_nagle_algorithm = True
    server: _HttpServer

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        incoming = _Incoming(self.command, self.path, headers, body)
        try:
            answer = self.server.gmail.handle(incoming)
        except Exception as problem:  # a server bug must fail the test, not hang the client
            message = f"test server crashed on {self.command} {self.path}: {problem!r}"
            self.server.gmail.errors.append(message)
            answer = _Outgoing.json(500, error_body(500, message))
        self.send_response(answer.status)
        for name, value in answer.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the per-request log; ``GmailServer.requests`` has everything."""


def start_gmail_server(email_address: str = DEFAULT_EMAIL, *, seed: int | None = None) -> GmailServer:
    """A started server; stop it with ``stop()`` (or use it in a ``with`` block)."""
    server = GmailServer(email_address, seed=seed)
    server.start()
    return server
