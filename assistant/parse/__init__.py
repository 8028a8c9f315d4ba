"""Bytes → `Message`: MIME walk, charsets, HTML to text, calendar parts, quoted history.

Pure functions; nothing here touches the network, the clock or the file system.
"""

from assistant.parse.headers import envelope_from_bytes
from assistant.parse.message import UnparsableMessage, parse_message

__all__ = ["UnparsableMessage", "envelope_from_bytes", "parse_message"]
