"""Interview follow-up assistant: watches a mailbox, places thank-you and follow-up drafts, never sends."""

__version__ = "0.1.0"
