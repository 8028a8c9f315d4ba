"""TOML → frozen dataclasses. Every key is checked; an error names the key and the file.

Nothing is read at import time: `load_config(path)` is called once by the CLI with the path it
resolved (`--config`, then `$ASSISTANT_CONFIG`, then the platform's user config directory).
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import platformdirs

from assistant.errors import ConfigError
from assistant.policy import PolicySettings

APP_NAME = "interview-assistant"
CONFIG_ENV = "ASSISTANT_CONFIG"
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SECTIONS = {"account", "imap", "maildir", "gmail", "state", "schedule", "templates", "policy", "labels"}
_OUTCOMES = {"offer": "Interview/Offer", "rejected": "Interview/Rejected",
             "withdrawn": "Interview/Withdrawn", "closed": "Interview/Closed"}  # fmt: skip
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def default_state_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "state.sqlite3"


def default_token_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME)) / "gmail-token.json"


def resolve_config_path(explicit: str | None) -> Path:
    """--config wins, then $ASSISTANT_CONFIG, then the platform's user config directory."""
    chosen = explicit or os.environ.get(CONFIG_ENV) or str(default_config_path())
    return Path(chosen).expanduser()


@dataclass(frozen=True, slots=True)
class AccountConfig:
    email: str
    name: str
    timezone: ZoneInfo
    backend: str
    aliases: tuple[str, ...]
    signature: str
    qualifications: str

    @property
    def addresses(self) -> frozenset[str]:
        return frozenset({self.email, *self.aliases})


@dataclass(frozen=True, slots=True)
class ImapConfig:
    host: str
    port: int
    security: str
    username: str
    password: Callable[[], str] = field(repr=False)
    inbox: str
    drafts: str | None
    sent: str | None


@dataclass(frozen=True, slots=True)
class MaildirConfig:
    path: Path
    sent: str
    drafts: str


@dataclass(frozen=True, slots=True)
class GmailConfig:
    client_secrets: Path | None
    token_file: Path
    api_endpoint: str | None
    sync_days: int


@dataclass(frozen=True, slots=True)
class Config:
    path: Path
    account: AccountConfig
    imap: ImapConfig | None
    maildir: MaildirConfig | None
    state_path: Path
    poll_minutes: float
    templates_dir: Path | None
    policy: PolicySettings
    outcome_labels: tuple[tuple[str, str], ...] = tuple(_OUTCOMES.items())
    gmail: GmailConfig | None = None


class _Table:
    """One TOML table being read: typed getters that name the key on error, and a leftovers check."""

    def __init__(self, path: Path, name: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise ConfigError(str(path), name, "must be a table")
        self.path, self.name, self.data, self.used = path, name, data, set[str]()

    def error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(str(self.path), ".".join(p for p in (self.name, key) if p), problem)

    def get(self, key: str, kind: type, default: Any = ..., describe: str = "") -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is ...:
                raise self.error(key, "is missing")
            return default
        value = self.data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            expected = describe or {str: "a string", int: "an integer", float: "a number",
                                    list: "a list", bool: "true or false"}.get(kind, kind.__name__)  # fmt: skip
            raise self.error(key, f"must be {expected}, not {value!r}")
        return value

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.error(unknown[0], "is not a known setting (check the spelling)")


def _password_source(table: _Table) -> Callable[[], str]:
    env_name = table.get("password_env", str, None)
    command = table.get("password_command", str, None)
    if bool(env_name) == bool(command):
        raise table.error("password_env", "set exactly one of password_env or password_command")

    def from_env() -> str:
        value = os.environ.get(env_name or "")
        if not value:
            raise table.error("password_env", f"the environment variable {env_name} is not set")
        return value

    def from_command() -> str:
        try:
            done = subprocess.run(  # noqa: S602 - the user's own command, as mbsync's PassCmd
                command or "", shell=True, capture_output=True, timeout=60, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise table.error("password_command", f"could not run: {type(error).__name__}") from None
        if done.returncode != 0 or not done.stdout.strip():
            raise table.error("password_command", f"exited with {done.returncode} and gave no password")
        return done.stdout.decode().rstrip("\r\n")

    return from_env if env_name else from_command


def _account(path: Path, data: Any) -> AccountConfig:
    t = _Table(path, "account", data)
    email = t.get("email", str).strip().lower()
    if not _EMAIL.match(email):
        raise t.error("email", f"{email!r} is not an email address")
    name = t.get("name", str).strip()
    if not name:
        raise t.error("name", "must not be empty")
    zone_name = t.get("timezone", str)
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise t.error("timezone", f"{zone_name!r} is not a time zone name like 'Europe/Berlin'") from None
    backend = t.get("backend", str, "imap")
    if backend not in ("imap", "gmail", "maildir"):
        raise t.error("backend", f'must be "imap", "gmail" or "maildir", not {backend!r}')
    aliases = t.get("aliases", list, [])
    if not all(isinstance(a, str) and _EMAIL.match(a) for a in aliases):
        raise t.error("aliases", "must be a list of email addresses")
    signature = t.get("signature", str, f"{name}\n{email}").strip()
    qualifications = t.get("qualifications", str, "").strip()
    t.finish()
    return AccountConfig(
        email, name, zone, backend, tuple(a.lower() for a in aliases), signature, qualifications
    )


def _imap(path: Path, data: Any, account: AccountConfig) -> ImapConfig:
    t = _Table(path, "imap", data)
    host = t.get("host", str)
    security = t.get("security", str, "tls")
    if security not in ("tls", "starttls", "none"):
        raise t.error("security", f'must be "tls", "starttls" or "none", not {security!r}')
    port = t.get("port", int, 993 if security == "tls" else 143)
    if not 0 < port < 65536:
        raise t.error("port", f"must be between 1 and 65535, not {port}")
    config = ImapConfig(
        host=host,
        port=port,
        security=security,
        username=t.get("username", str, account.email),
        password=_password_source(t),
        inbox=t.get("inbox", str, "INBOX"),
        drafts=t.get("drafts", str, None),
        sent=t.get("sent", str, None),
    )
    t.finish()
    return config


def _maildir(path: Path, data: Any) -> MaildirConfig:
    t = _Table(path, "maildir", data)
    config = MaildirConfig(
        path=Path(t.get("path", str)).expanduser(),
        sent=t.get("sent", str, "Sent"),
        drafts=t.get("drafts", str, "Drafts"),
    )
    t.finish()
    return config


def _gmail(path: Path, data: Any) -> GmailConfig:
    t = _Table(path, "gmail", data)
    secrets = t.get("client_secrets", str, None)
    endpoint = t.get("api_endpoint", str, None)
    if endpoint is not None and not re.match(r"^https?://[^\s/]+", endpoint):
        raise t.error("api_endpoint", f'must be a URL like "https://proxy.example.com/", not {endpoint!r}')
    config = GmailConfig(
        client_secrets=Path(secrets).expanduser() if secrets else None,
        token_file=Path(t.get("token_file", str, str(default_token_path()))).expanduser(),
        api_endpoint=endpoint,
        sync_days=_count(t, "sync_days", 60) or 60,
    )
    t.finish()
    return config


def _clock(t: _Table, key: str, default: str) -> time:
    text = t.get(key, str, default)
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text)
    if not match:
        raise t.error(key, f'must be a time like "09:00", not {text!r}')
    return time(int(match.group(1)), int(match.group(2)))


def _positive(t: _Table, key: str, default: float) -> float:
    value: float = t.get(key, float, default)
    if value <= 0:
        raise t.error(key, f"must be more than 0, not {value}")
    return value


def _count(t: _Table, key: str, default: int) -> int:
    value: int = t.get(key, int, default)
    if value < 0:
        raise t.error(key, f"must be 0 or more, not {value}")
    return value


def _labels(path: Path, data: Any) -> tuple[tuple[str, str], ...]:
    """Outcome → the label (an IMAP folder, a Gmail label) the user puts on a finished thread."""
    t = _Table(path, "labels", data)
    labels = tuple((outcome, t.get(outcome, str, default).strip()) for outcome, default in _OUTCOMES.items())
    for outcome, name in labels:
        if not name:
            raise t.error(outcome, "must not be empty")
    t.finish()
    return labels


def _policy(path: Path, data: Any, zone: ZoneInfo) -> PolicySettings:
    t = _Table(path, "policy", data)
    days = t.get("workdays", list, list(_DAYS[:5]))
    if not days or not all(isinstance(d, str) and d.lower()[:3] in _DAYS for d in days):
        raise t.error("workdays", 'must be a list of day names like ["mon", "tue"]')
    settings = PolicySettings(
        timezone=zone,
        thank_you_delay=timedelta(minutes=t.get("thank_you_delay_minutes", float, 60.0)),
        thank_you_window=timedelta(hours=_positive(t, "thank_you_window_hours", 72)),
        default_interview_length=timedelta(minutes=_positive(t, "interview_length_minutes", 60)),
        follow_up_after=timedelta(days=_positive(t, "follow_up_days", 7)),
        follow_up_grace=timedelta(days=_positive(t, "follow_up_grace_days", 7)),
        second_follow_up_after=timedelta(days=_positive(t, "second_follow_up_days", 7)),
        max_follow_ups=_count(t, "max_follow_ups", 2),
        rejection_reply=t.get("rejection_reply", bool, True),
        morning_slot=_clock(t, "morning_slot", "09:00"),
        workdays=frozenset(_DAYS.index(d.lower()[:3]) for d in days),
    )
    t.finish()
    return settings


def parse_config(path: Path, text: str) -> Config:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), "", f"is not valid TOML: {error}") from None
    root = _Table(path, "", data)
    unknown = sorted(set(data) - _SECTIONS)
    if unknown:
        raise root.error(unknown[0], "is not a known section (check the spelling)")
    account = _account(path, root.get("account", dict))
    imap = _imap(path, root.get("imap", dict), account) if "imap" in data else None
    maildir = _maildir(path, root.get("maildir", dict)) if "maildir" in data else None
    if account.backend == "imap" and imap is None:
        raise ConfigError(str(path), "imap", 'is missing (account.backend is "imap")')
    if account.backend == "maildir" and maildir is None:
        raise ConfigError(str(path), "maildir", 'is missing (account.backend is "maildir")')
    wants_gmail = "gmail" in data or account.backend == "gmail"
    gmail = _gmail(path, root.get("gmail", dict, {})) if wants_gmail else None
    state = _Table(path, "state", root.get("state", dict, {}))
    state_path = Path(state.get("path", str, str(default_state_path()))).expanduser()
    state.finish()
    schedule = _Table(path, "schedule", root.get("schedule", dict, {}))
    poll = _positive(schedule, "poll_minutes", 5)
    schedule.finish()
    templates = _Table(path, "templates", root.get("templates", dict, {}))
    templates_dir = templates.get("dir", str, None)
    templates.finish()
    policy = _policy(path, root.get("policy", dict, {}), account.timezone)
    labels = _labels(path, root.get("labels", dict, {}))
    root.finish()
    return Config(
        path=path,
        account=account,
        imap=imap,
        maildir=maildir,
        state_path=state_path,
        poll_minutes=poll,
        templates_dir=Path(templates_dir).expanduser() if templates_dir else None,
        policy=policy,
        outcome_labels=labels,
        gmail=gmail,
    )


def load_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            str(path),
            "",
            "no config file here: copy config.example.toml to it, or pass --config PATH",
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), "", f"cannot be read: {error}") from None
    return parse_config(path, text)
