"""Small pieces of the words inbrief prints, shared by the command line and the reader."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``1 feed``, ``2 feeds``, ``0 items``: a count with its noun in the right number."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
