"""A fingerprint of a draft's text, to tell a draft the user edited from the one we placed.

Whitespace is folded so a client that re-wraps or re-encodes the text on save does not count as
an edit; any change of words does.
"""

from __future__ import annotations

import hashlib
from email import policy
from email.parser import BytesParser


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:32]


def body_fingerprint(raw: bytes) -> str:
    """The fingerprint of a message's plain-text body ("" when it has none or cannot be read)."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        part = message.get_body(preferencelist=("plain",))
        text = part.get_content() if part is not None else ""
    except (LookupError, ValueError, TypeError, AttributeError, IndexError, RecursionError):
        return ""
    return text_fingerprint(text) if isinstance(text, str) and text.strip() else ""
