"""The SQLite article library (core: no UI imports)."""

from inbrief.library.store import (
    Added,
    Deleted,
    Entry,
    Library,
    Position,
    Query,
    Sort,
    default_path,
    open_library,
)

__all__ = [
    "Added",
    "Deleted",
    "Entry",
    "Library",
    "Position",
    "Query",
    "Sort",
    "default_path",
    "open_library",
]
