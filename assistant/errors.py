"""The failures a user can meet, each with a message worth reading.

The CLI catches `AssistantError` once and turns it into a message and an exit code; everything
else is a bug and keeps its traceback.
"""


class AssistantError(Exception):
    """Root of every user-facing failure."""

    exit_code = 1


class ConfigError(AssistantError):
    """A missing or bad configuration value; always names the key and the file."""

    exit_code = 2

    def __init__(self, path: str, key: str, problem: str) -> None:
        section, _, name = key.partition(".")
        where = f"[{section}] {name} " if name else f"[{section}] " if section else ""
        super().__init__(f"{path}: {where}{problem}")
        self.path = path
        self.key = key


class InputError(AssistantError):
    """A file handed to a command is not what the command needs (e.g. not a message)."""

    exit_code = 2


class MailboxError(AssistantError):
    """The mailbox could not be reached or refused an operation."""


class AuthError(MailboxError):
    """Credentials were refused or expired; the user must act."""


class StateError(AssistantError):
    """The state database is unusable or locked by another run."""
