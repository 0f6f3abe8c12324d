"""Domain errors. The CLI alone turns them into messages and exit codes."""
from __future__ import annotations


class NewsprismError(Exception):
    """Base class of every error newsprism raises on purpose."""


class InputRejected(NewsprismError):
    """One input cannot be used; the run goes on with the others."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NothingUsable(NewsprismError):
    """No input yielded an article."""


class UsageError(NewsprismError):
    """The request itself is wrong (missing path, bad option)."""


class ModelError(NewsprismError):
    """A language pipeline could not be loaded."""


class StoreError(NewsprismError):
    """The SQLite store is unusable (wrong schema version, not a newsprism store)."""
