"""The one error type the core raises for bad input: a source and a one-line reason."""

from __future__ import annotations


class InbriefError(Exception):
    """A failure the user can act on. ``str()`` is one line naming the source and the reason."""

    def __init__(self, reason: str, source: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.source = source

    def with_source(self, source: str) -> InbriefError:
        """The same error naming ``source`` (kept if one is already named)."""
        if self.source is None:
            self.source = source
        return self

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" if self.source else self.reason
