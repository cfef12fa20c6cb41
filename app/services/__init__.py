"""Use cases: one function per user action, each one transaction. No Qt, no SQL text."""
