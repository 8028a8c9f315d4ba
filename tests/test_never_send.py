"""Never send, never touch: proved over the whole code base, not only the paths tests exercise.

Non-negotiables 1 and 3: no code path can send mail, and the user's mail is never marked,
moved or deleted. The checks read every module's syntax tree, so a new module is covered the
moment it is added.
"""

from __future__ import annotations

import ast
from pathlib import Path

import assistant
from assistant.mail.base import Backend
from assistant.mail.gmail import GmailBackend
from assistant.mail.imap import ImapBackend
from assistant.mail.maildir import MaildirBackend

PACKAGE = Path(assistant.__file__).parent
SENDING_MODULES = {"smtplib", "smtpd", "aiosmtplib", "yagmail"}
SENDING_CALLS = {"send", "send_message", "sendmail", "send_raw", "starttls_and_send"}
MUTATING_IMAP_CALLS = {
    "delete_messages", "expunge", "uid_expunge", "move", "copy", "set_flags", "add_flags",
    "remove_flags", "set_gmail_labels", "remove_gmail_labels", "delete_folder", "rename_folder",
    "delete", "trash", "batchDelete", "modify", "batchModify", "insert", "import_", "untrash",
}  # fmt: skip


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(), str(path))) for path in sorted(PACKAGE.rglob("*.py"))]


def test_the_package_has_modules_to_check() -> None:
    assert len(_trees()) > 20


def test_no_module_imports_a_mail_sending_library() -> None:
    offenders = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module.split(".")[0]]
            offenders += [f"{path}:{node.lineno} imports {n}" for n in names if n in SENDING_MODULES]
    assert offenders == []


def _calls(names: set[str], under: str = "") -> list[str]:
    found = []
    for path, tree in _trees():
        if not str(path.relative_to(PACKAGE)).startswith(under):
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in names
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} calls .{node.func.attr}()")
    return found


def test_no_code_calls_a_send_method() -> None:
    assert _calls(SENDING_CALLS) == []


# The only allowed places, all about the assistant's own drafts: flags on a message object it
# builds before placing it, and withdrawing one of its own, unedited drafts (withdraw_draft refuses
# any other Message-ID; tests/mail/test_contract.py proves the user's drafts survive it).
OWN_DRAFT_FLAGS = {
    "mail/maildir.py calls .set_flags()",
    "mail/imap.py calls .add_flags()",
    "mail/imap.py calls .expunge()",
    "mail/gmail.py calls .delete()",
}


def test_no_code_changes_flags_moves_or_deletes_the_users_mail() -> None:
    # Only mail/ talks to a mailbox (ARCHITECTURE.md); elsewhere `.insert()` is just a list's.
    calls = {call.split(":")[0] + " " + call.split(" ", 1)[1] for call in _calls(MUTATING_IMAP_CALLS, "mail")}
    assert calls <= OWN_DRAFT_FLAGS


def test_no_backend_offers_a_way_to_send() -> None:
    for backend in (Backend, ImapBackend, MaildirBackend, GmailBackend):
        assert not [name for name in dir(backend) if "send" in name.lower()], backend
