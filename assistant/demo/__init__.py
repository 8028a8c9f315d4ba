"""The sample mailbox and `assistant demo`."""
