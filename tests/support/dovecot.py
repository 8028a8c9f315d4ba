"""A real, throw-away Dovecot IMAP server for tests and benchmarks.

Why a real server: the assistant's correctness depends on IMAP details that fakes get
wrong (special-use folders, UIDPLUS/APPENDUID, CONDSTORE, flag semantics, hierarchy
separators). Dovecot is small, starts in well under a second and is what many
self-hosted mailboxes actually run, so tests talk to it over a loopback socket exactly
as the assistant would talk to a production server.

Design:

* One server per test session (start-up is the expensive part), one *account* per
  test. Accounts cost nothing: the static passdb/userdb accept any user name, and the
  user's Maildir is created on first login, so a fresh unique name is a fresh, empty
  mailbox.
* Everything (config, sockets, state, logs, mail) lives in one private directory that
  is removed on ``stop()``; nothing touches ``/etc/dovecot`` or ``/var``.
* No pytest import here, so benchmark scripts can use the same harness.
"""

from __future__ import annotations

import atexit
import contextlib
import grp
import itertools
import os
import pwd
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TypeVar

import imapclient

__all__ = [
    "DOVECOT_PASSWORD",
    "SEPARATOR",
    "Dovecot",
    "DovecotError",
    "DovecotMissing",
    "ImapAccount",
    "default_base_dir",
    "start_dovecot",
]

_T = TypeVar("_T")

#: The one password every account accepts (static passdb). A fixed value keeps
#: wrong-password tests meaningful: anything else is rejected.
DOVECOT_PASSWORD = "secret"

#: Where Debian/Ubuntu install the binary; also searched for on ``$PATH``.
_DOVECOT_CANDIDATES = ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot")

#: Seconds to wait for the server to greet on its port before giving up.
_START_TIMEOUT = 10.0

#: Seconds to wait for a graceful shutdown before SIGKILL.
_STOP_TIMEOUT = 5.0

#: How many times to retry when another process grabs our "free" port first.
_PORT_ATTEMPTS = 3

#: Environment variable that overrides :func:`default_base_dir` (e.g. to keep the
#: server's files on a particular disk while debugging).
BASE_DIR_ENV = "DOVECOT_TEST_BASE_DIR"

#: RAM-backed, world-writable directory preferred for the server's files.
_SHM_DIR = Path("/dev/shm")

#: UIDs per FETCH in fetch_all(); keeps each command line well under Dovecot's limit.
_FETCH_BATCH = 1000

#: Mailbox folder separator configured for the INBOX namespace ("Interview/Offer").
SEPARATOR = "/"


class DovecotError(RuntimeError):
    """Dovecot could not be started; the message carries the tail of its log."""


class DovecotMissing(DovecotError):
    """The Dovecot binary is not installed, so the IMAP harness cannot run.

    A separate class so callers can tell "install a package" apart from "the server
    broke"; test fixtures turn it into a hard failure rather than a skip so a missing
    dependency can never silently hide the IMAP tests.
    """


@dataclass(frozen=True)
class ImapAccount:
    """Credentials of one mailbox on a running :class:`Dovecot`.

    Frozen and plain so it can be handed to the code under test as ordinary
    configuration (host/port/user/password) exactly like a real account.
    """

    host: str
    port: int
    username: str
    password: str

    def client(self) -> imapclient.IMAPClient:
        """Return a new plain-text (``ssl=False``) client, already logged in.

        The caller owns the connection and should ``logout()`` it (or use it as a
        context manager).
        """
        client = imapclient.IMAPClient(self.host, port=self.port, ssl=False, timeout=30)
        try:
            client.login(self.username, self.password)
        except BaseException:
            with contextlib.suppress(Exception):
                client.shutdown()
            raise
        return client

    def seed(
        self,
        folder: str,
        messages: Iterable[bytes],
        flags: Sequence[bytes | str] = (),
        chunk: int = 500,
    ) -> None:
        """Append *messages* to *folder* quickly, creating the folder if missing.

        Uses MULTIAPPEND (RFC 3502) in batches of *chunk* messages, so seeding
        thousands of messages costs a handful of round trips instead of one per
        message. Every message gets the same *flags* (e.g. ``[b"\\\\Seen"]``).
        """
        if chunk < 1:
            raise ValueError(f"chunk must be >= 1, got {chunk}")
        client = self.client()
        try:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            for batch in _batches(messages, chunk):
                if flags:
                    client.multiappend(folder, [{"msg": m, "flags": list(flags)} for m in batch])
                else:
                    client.multiappend(folder, batch)
        finally:
            _logout(client)

    def fetch_all(self, folder: str) -> list[tuple[int, frozenset[bytes], bytes]]:
        """Return ``(uid, flags, full RFC 822 bytes)`` for every message, by UID.

        The folder is opened read-only (EXAMINE) and bodies are fetched with
        ``BODY.PEEK[]``, so inspecting a mailbox never changes it: no ``\\Seen``
        is set and ``\\Recent`` is left alone, which keeps assertions about the
        assistant's own flag handling honest.
        """
        client = self.client()
        try:
            client.select_folder(folder, readonly=True)
            # imapclient 4.x cannot FETCH "1:*" (it int()s the message set), so list
            # the UIDs and fetch them in batches that keep command lines short.
            uids: list[int] = sorted(int(uid) for uid in client.search(["ALL"]))
            result: list[tuple[int, frozenset[bytes], bytes]] = []
            for batch in _batches(uids, _FETCH_BATCH):
                response = client.fetch(batch, ["FLAGS", "BODY.PEEK[]"])
                result.extend(
                    (int(uid), frozenset(data[b"FLAGS"]), bytes(data[b"BODY[]"]))
                    for uid, data in response.items()
                )
            return sorted(result)
        finally:
            _logout(client)


class Dovecot:
    """A running Dovecot master process plus its private directory.

    Create with :func:`start_dovecot`. ``stop()`` is idempotent and also registered
    with :mod:`atexit`, so an interrupted test run does not leave a server behind.
    """

    host: str
    port: int

    def __init__(
        self,
        *,
        host: str,
        port: int,
        root: Path,
        process: subprocess.Popen[bytes],
        log_path: Path,
        stderr_path: Path,
        config_path: Path,
    ) -> None:
        self.host = host
        self.port = port
        self.root = root
        self.process = process
        self.log_path = log_path
        self.stderr_path = stderr_path
        self.config_path = config_path
        self._counter = itertools.count(1)
        self._stopped = False
        atexit.register(self.stop)

    def new_account(self) -> ImapAccount:
        """Return credentials for a brand-new, empty mailbox.

        The name combines a per-server counter (readable in logs) with random hex
        (unique even across servers/processes sharing a log), so tests never see
        each other's mail.
        """
        if self._stopped:
            raise DovecotError("Dovecot has been stopped; cannot create accounts")
        username = f"user-{next(self._counter)}-{secrets.token_hex(4)}"
        return ImapAccount(self.host, self.port, username, DOVECOT_PASSWORD)

    def log_tail(self, lines: int = 40) -> str:
        """Return the last *lines* of Dovecot's log and stderr, for error messages."""
        return _log_tail(self.log_path, self.stderr_path, lines)

    def stop(self) -> None:
        """Terminate the server (SIGTERM, then SIGKILL) and delete its directory."""
        if self._stopped:
            return
        self._stopped = True
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)
        _terminate(self.process)
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Dovecot:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "stopped" if self._stopped else f"pid={self.process.pid}"
        return f"<Dovecot {self.host}:{self.port} {state} root={self.root}>"


def default_base_dir() -> Path:
    """Where to put the server's private directory when the caller has no preference.

    ``$DOVECOT_TEST_BASE_DIR`` if set, else ``/dev/shm`` (tmpfs) when usable, else the
    system temp dir. tmpfs matters: on an ext4 ``/tmp`` seeding 1,000 messages took
    0.7-0.9 s versus ~0.05 s on tmpfs, because Maildir creates and renames one file
    per message. Both candidates are world-traversable, as :func:`start_dovecot`
    requires when running as root.
    """
    override = os.environ.get(BASE_DIR_ENV)
    if override:
        return Path(override)
    if _SHM_DIR.is_dir() and os.access(_SHM_DIR, os.W_OK | os.X_OK):
        return _SHM_DIR
    return Path(tempfile.gettempdir())


def start_dovecot(base_dir: Path) -> Dovecot:
    """Start a private Dovecot on a free 127.0.0.1 port and wait until it greets.

    A fresh ``dovecot-*`` directory is created inside *base_dir* (which must be
    traversable by unprivileged users, because Dovecot's login and mail processes
    drop root; :func:`default_base_dir` is a good choice, pytest's 0700 ``tmp_path``
    is not). It is removed again by :meth:`Dovecot.stop`.

    Raises :class:`DovecotMissing` if Dovecot is not installed and
    :class:`DovecotError` (with the log tail) if it does not come up.
    """
    binary = _find_binary()
    base_dir = Path(base_dir)
    _check_traversable(base_dir)
    users = _Users.detect()

    last_error: DovecotError | None = None
    for _ in range(_PORT_ATTEMPTS):
        root = Path(tempfile.mkdtemp(prefix="dovecot-", dir=base_dir))
        try:
            return _start_once(binary, root, users)
        except _PortTaken as exc:
            # Someone else bound the port between our probe and Dovecot's bind().
            last_error = exc
            shutil.rmtree(root, ignore_errors=True)
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise
    assert last_error is not None
    raise last_error


# --------------------------------------------------------------------------- internals


class _PortTaken(DovecotError):
    """Dovecot lost the race for the port we picked; retry with another one."""


@dataclass(frozen=True)
class _Users:
    """System accounts Dovecot's processes run as.

    As root, login/internal processes use Debian's ``dovenull``/``dovecot`` users and
    mail is owned by ``nobody``/``nogroup`` (Dovecot refuses to run mail processes as
    root). As an ordinary user everything runs as that user ("rootless" Dovecot).
    """

    login_user: str
    internal_user: str
    internal_group: str
    mail_user: str
    mail_group: str
    rootless: bool

    @classmethod
    def detect(cls) -> _Users:
        """Pick the accounts for the current privilege level, checking they exist."""
        if os.geteuid() != 0:
            user = pwd.getpwuid(os.geteuid()).pw_name
            group = grp.getgrgid(os.getegid()).gr_name
            return cls(user, user, group, user, group, rootless=True)
        for name in ("dovenull", "dovecot", "nobody"):
            try:
                pwd.getpwnam(name)
            except KeyError:
                raise DovecotError(
                    f"system user {name!r} is missing; it is normally created by "
                    "`apt-get install -y dovecot-imapd`"
                ) from None
        # The internal group owns Dovecot's unix sockets; Debian names it after the user.
        internal_group = grp.getgrgid(pwd.getpwnam("dovecot").pw_gid).gr_name
        mail_group = grp.getgrgid(pwd.getpwnam("nobody").pw_gid).gr_name  # "nogroup"
        return cls("dovenull", "dovecot", internal_group, "nobody", mail_group, rootless=False)


def _find_binary() -> Path:
    """Locate the dovecot executable or explain how to install it."""
    found = shutil.which("dovecot")
    candidates = [found] if found else []
    candidates.extend(_DOVECOT_CANDIDATES)
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return Path(candidate)
    raise DovecotMissing(
        "Dovecot IMAP server not found (looked on $PATH and in "
        f"{', '.join(_DOVECOT_CANDIDATES)}). The IMAP tests need a real server: "
        "install it with `apt-get install -y dovecot-imapd`."
    )


def _check_traversable(base_dir: Path) -> None:
    """Fail early if Dovecot's unprivileged processes could not reach *base_dir*."""
    if not base_dir.is_dir():
        raise DovecotError(f"base_dir {base_dir} does not exist or is not a directory")
    if os.geteuid() != 0:
        return  # Rootless: every process runs as us, so our own access suffices.
    for directory in (base_dir.resolve(), *base_dir.resolve().parents):
        mode = directory.stat().st_mode
        if not mode & stat.S_IXOTH:
            raise DovecotError(
                f"{directory} (mode {stat.filemode(mode)}) is not traversable by other "
                "users, but Dovecot's login and mail processes drop root. Pass a "
                f"world-traversable base_dir such as {tempfile.gettempdir()!r}."
            )


def _free_port(host: str) -> int:
    """Ask the kernel for a currently unused TCP port on *host*."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def _render_config(root: Path, host: str, port: int, users: _Users) -> str:
    """Build a self-contained dovecot.conf; nothing is read from /etc/dovecot.

    Non-obvious choices:
    * ``ssl = no`` and ``imaps { port = 0 }``: no certificates needed.
    * ``mail_fsync = never`` / ``maildir_very_dirty_syncs``: seeding thousands of
      messages is disk-bound otherwise; durability is irrelevant for a test server.
    * ``imap-login`` in high-performance mode with one pre-started process: the
      first connection does not pay for a fork+exec, and later ones are cheaper.
    * ``auth_failure_delay = 0`` and no ``anvil-auth-penalty`` socket: wrong-password
      tests would otherwise sleep 2 s and make later logins from 127.0.0.1 slower.
    * ``mail_max_userip_connections``: tests may open many clients per account.
    """
    chroot = "  chroot =\n" if users.rootless else ""
    return f"""\
# Generated by tests/support/dovecot.py -- private test server, do not edit.
protocols = imap
listen = {host}
base_dir = {root}/run
state_dir = {root}/state
instance_name = dovecot-test-{port}
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
debug_log_path = {root}/dovecot.log
log_timestamp = "%Y-%m-%d %H:%M:%S "

default_login_user = {users.login_user}
default_internal_user = {users.internal_user}
default_internal_group = {users.internal_group}
first_valid_uid = 0
first_valid_gid = 0

ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {{
  driver = static
  args = password={DOVECOT_PASSWORD}
}}
userdb {{
  driver = static
  args = uid={users.mail_user} gid={users.mail_group} home={root}/mail/%u
}}

mail_location = maildir:~/Maildir
mail_fsync = never
maildir_very_dirty_syncs = yes
mail_max_userip_connections = 200

namespace inbox {{
  inbox = yes
  separator = {SEPARATOR}
  prefix =
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
  mailbox Junk {{
    special_use = \\Junk
    auto = create
  }}
}}

service imap-login {{
  inet_listener imap {{
    address = {host}
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  service_count = 0
  process_min_avail = 1
{chroot}}}
service anvil {{
  # No auth penalty: one wrong-password test must not slow later logins from
  # 127.0.0.1 by seconds (anvil doubles a per-IP delay after each failure).
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
{chroot}}}
"""


def _start_once(binary: Path, root: Path, users: _Users) -> Dovecot:
    """Write the config, launch ``dovecot -F`` and wait for the IMAP greeting."""
    host = "127.0.0.1"
    port = _free_port(host)
    root.chmod(0o755)  # mkdtemp makes 0700; dovenull/nobody must traverse it.
    for sub in ("run", "state"):
        (root / sub).mkdir(mode=0o755)
    mail_root = root / "mail"
    mail_root.mkdir()
    mail_root.chmod(0o777)  # Each user's home is created by the mail process (nobody).
    config_path = root / "dovecot.conf"
    config_path.write_text(_render_config(root, host, port, users), encoding="utf-8")
    log_path = root / "dovecot.log"
    stderr_path = root / "dovecot.stderr"

    with stderr_path.open("wb") as stderr:
        process = subprocess.Popen(
            [str(binary), "-F", "-c", str(config_path)],
            stdin=subprocess.DEVNULL,
            stdout=stderr,
            stderr=stderr,
            start_new_session=True,  # Ctrl-C in the terminal must not race our stop().
        )
    server = Dovecot(
        host=host,
        port=port,
        root=root,
        process=process,
        log_path=log_path,
        stderr_path=stderr_path,
        config_path=config_path,
    )
    try:
        _wait_for_greeting(server)
    except BaseException:
        tail = server.log_tail()
        _terminate(process)
        server._stopped = True
        atexit.unregister(server.stop)
        if "Address already in use" in tail:
            raise _PortTaken(f"port {port} was taken:\n{tail}") from None
        raise
    return server


def _wait_for_greeting(server: Dovecot) -> None:
    """Poll until the port answers with an IMAP ``* OK`` greeting.

    A bare TCP connect is not enough: the master binds the listener before the login
    process is ready, so we read the greeting to know logins will actually work.
    """
    deadline = time.monotonic() + _START_TIMEOUT
    last_error = "no attempt made"
    while time.monotonic() < deadline:
        code = server.process.poll()
        if code is not None:
            raise DovecotError(
                f"dovecot exited with status {code} during start-up "
                f"(config {server.config_path}):\n{server.log_tail()}"
            )
        try:
            with socket.create_connection((server.host, server.port), timeout=1.0) as sock:
                greeting = sock.recv(512)
            if greeting.startswith(b"* OK"):
                return
            last_error = f"unexpected greeting {greeting!r}"
        except OSError as exc:
            last_error = str(exc)
        time.sleep(0.01)
    raise DovecotError(
        f"dovecot did not accept IMAP connections on {server.host}:{server.port} "
        f"within {_START_TIMEOUT:.0f}s (last error: {last_error}):\n{server.log_tail()}"
    )


def _terminate(process: subprocess.Popen[bytes]) -> None:
    """Stop the master and every process it spawned; SIGKILL whatever hangs.

    The master runs in its own session, so its process group is exactly "this
    Dovecot". Signalling the group rather than only the master matters: a SIGTERMed
    master alone takes ~1 s to exit and leaves imap/login children behind for a
    while, whereas SIGTERM to the whole group finishes in ~0.1 s.
    """
    pgid = process.pid  # start_new_session=True made the master a group leader.
    if process.poll() is None:
        _signal_group(pgid, signal.SIGTERM)
        try:
            process.wait(timeout=_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            _signal_group(pgid, signal.SIGKILL)
            process.wait(timeout=_STOP_TIMEOUT)
    # Children that outlived the master (e.g. a stuck imap process) go too.
    _signal_group(pgid, signal.SIGKILL)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    """Send *sig* to process group *pgid*, ignoring an already-empty group."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _log_tail(log_path: Path, stderr_path: Path, lines: int) -> str:
    """Last *lines* of each non-empty log file, labelled, for diagnostics."""
    parts: list[str] = []
    for path in (stderr_path, log_path):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if text.strip():
            tail = "\n".join(text.splitlines()[-lines:])
            parts.append(f"--- {path.name} (last {lines} lines) ---\n{tail}")
    return "\n".join(parts) or "(dovecot wrote no log output)"


def _batches(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """Yield lists of at most *size* items without materialising *items*."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _logout(client: imapclient.IMAPClient) -> None:
    """Log out, falling back to closing the socket if the session is broken."""
    try:
        client.logout()
    except Exception:
        with contextlib.suppress(Exception):
            client.shutdown()
