"""`assistant demo`: a newcomer's first minute.

Builds a Maildir from the sample threads in `mailbox/`, delivering each message only when its
Date has come, runs the real cycle (the same code the daemon runs) at a few moments of a
simulated fortnight, and prints the drafts that appear and the status table at the end.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib import resources
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from assistant.app import context
from assistant.config import AccountConfig, Config, MaildirConfig
from assistant.cycle import run_cycle
from assistant.mail.maildir import MaildirBackend, MaildirSettings
from assistant.policy import PolicySettings
from assistant.status import as_table, status_rows
from assistant.store import Store

ZONE = ZoneInfo("America/New_York")
OWNER = ("Alex Morgan", "alex.morgan@example.com")
MOMENTS = (
    (
        datetime(2026, 11, 28, 9, 0, tzinfo=ZONE),
        "a confirmation for Monday's interview has arrived",
    ),
    (datetime(2026, 11, 30, 13, 0, tzinfo=ZONE), "the Harborlight interview ended at 11:00"),
    (datetime(2026, 12, 2, 16, 0, tzinfo=ZONE), "the Brightpath phone screen ended at 14:30"),
    (datetime(2026, 12, 3, 17, 0, tzinfo=ZONE), "the Northwind panel ended at 15:30"),
    (
        datetime(2026, 12, 4, 17, 0, tzinfo=ZONE),
        "Brightpath wrote: a decision by Friday, December 11",
    ),
    (datetime(2026, 12, 8, 9, 30, tzinfo=ZONE), "a week after the Harborlight interview, no word"),
    (datetime(2026, 12, 11, 9, 30, tzinfo=ZONE), "a week after the Northwind panel, no word"),
    (datetime(2026, 12, 14, 9, 30, tzinfo=ZONE), "Brightpath's date has passed, no word"),
)


@dataclass(frozen=True, slots=True)
class SampleMessage:
    date: datetime
    sent: bool
    raw: bytes
    name: str


def sample_messages() -> list[SampleMessage]:
    root = Path(str(resources.files("assistant.demo"))) / "mailbox"
    found = []
    for folder, sent in (("inbox", False), ("sent", True)):
        for path in sorted((root / folder).glob("*.eml")):
            raw = path.read_bytes()
            date_line = next(line for line in raw.splitlines() if line.lower().startswith(b"date:"))
            found.append(
                SampleMessage(parsedate_to_datetime(date_line[5:].decode().strip()), sent, raw, path.stem)
            )
    return sorted(found, key=lambda m: m.date)


def _make_maildir(root: Path) -> None:
    for folder in (root, root / ".Sent", root / ".Drafts"):
        for sub in ("cur", "new", "tmp"):
            (folder / sub).mkdir(parents=True, exist_ok=True)


def _deliver(root: Path, message: SampleMessage, number: int) -> None:
    """Inbox mail arrives unread in new/; the user's own mail sits read in .Sent/cur/."""
    name = f"{int(message.date.timestamp())}.demo{number}.localhost"
    target = root / ".Sent" / "cur" / f"{name}:2,S" if message.sent else root / "new" / name
    target.write_bytes(message.raw)


def demo_config(root: Path) -> Config:
    name, email = OWNER
    account = AccountConfig(
        email=email,
        name=name,
        timezone=ZONE,
        backend="maildir",
        aliases=(),
        signature=f"{name}\n{email} | (555) 010-0199",
        qualifications="building reliable data pipelines and analytics products",
    )
    return Config(
        path=root / "config.toml",
        account=account,
        imap=None,
        maildir=MaildirConfig(root / "Maildir", "Sent", "Drafts"),
        state_path=root / "state.sqlite3",
        poll_minutes=5,
        templates_dir=None,
        policy=PolicySettings(timezone=ZONE),
    )


def run_demo(keep: Path | None, out: TextIO) -> int:
    root = keep.resolve() if keep else Path(tempfile.mkdtemp(prefix="assistant-demo-"))
    config = demo_config(root)
    assert config.maildir is not None
    maildir = config.maildir.path
    if maildir.exists():
        shutil.rmtree(maildir)
    config.state_path.unlink(missing_ok=True)
    _make_maildir(maildir)
    messages = sample_messages()
    ctx = context(config)
    store = Store.open(config.state_path)
    backend = MaildirBackend(MaildirSettings(maildir))
    delivered = 0
    print(f"Demo mailbox of {OWNER[0]} <{OWNER[1]}>, times in {ZONE}.", file=out)
    print("The assistant only ever places drafts; nothing is sent.\n", file=out)
    shown: set[str] = set()
    with backend:
        for moment, caption in MOMENTS:
            while delivered < len(messages) and messages[delivered].date <= moment:
                _deliver(maildir, messages[delivered], delivered)
                delivered += 1
            report = run_cycle(store, backend, ctx, moment.astimezone(UTC))
            print(f"== {moment:%a %d %b %H:%M} — {caption}", file=out)
            if not report.placed:
                print("   no drafts due", file=out)
            for draft in report.placed:
                print(f"   draft placed → {draft.recipient.email}: {draft.subject}", file=out)
                kind = draft.key.split(":")[0]
                if kind not in shown:
                    shown.add(kind)
                    print("", file=out)
                    print(
                        "\n".join(f"   │ {line}" for line in draft.body.rstrip().splitlines()),
                        file=out,
                    )
                    print("", file=out)
        print("\n== assistant status, at the end of the fortnight\n", file=out)
        rows = status_rows(store.tracker(), MOMENTS[-1][0], config.policy, store.draft_problems())
        print(as_table(rows, ZONE), file=out)
    store.close()
    count = len(list((maildir / ".Drafts" / "cur").iterdir()))
    if keep is None:
        print(
            f"\n{count} drafts were placed; `assistant demo --keep DIR` keeps the demo mailbox to open.",
            file=out,
        )
    else:
        print(
            f"\n{count} drafts are in {maildir / '.Drafts'} (a Maildir any mail client can open).", file=out
        )
    print(
        "Next: copy config.example.toml to your config directory and run `assistant run --once --dry-run`.",
        file=out,
    )
    if keep is None:
        shutil.rmtree(root)
    return 0
