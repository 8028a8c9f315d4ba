"""SQLite state: schema, migrations, queries. The only module that writes the assistant's state."""

from assistant.store.db import Store

__all__ = ["Store"]
