"""Mailbox backends behind one interface (`base.Backend`): imap.py, maildir.py.

Backends import the model and the parser only; choosing one is the edge's job (`assistant.app`).
"""

from assistant.mail.base import Backend, DraftCopy, Fetched, FolderRole, Progress, ScanBatch, WantsBody

__all__ = ["Backend", "DraftCopy", "Fetched", "FolderRole", "Progress", "ScanBatch", "WantsBody"]
