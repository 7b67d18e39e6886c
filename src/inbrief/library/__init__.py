"""The SQLite article library (core: no UI imports)."""

from inbrief.library.store import (
    Added,
    Entry,
    Library,
    Position,
    Query,
    Sort,
    default_path,
    open_library,
)
from inbrief.library.subscriptions import Feed, FetchState, Listed, Stored

__all__ = [
    "Added",
    "Entry",
    "Feed",
    "FetchState",
    "Library",
    "Listed",
    "Position",
    "Query",
    "Sort",
    "Stored",
    "default_path",
    "open_library",
]
