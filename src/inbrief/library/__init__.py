"""The SQLite article library (core: no UI imports)."""

from inbrief.library.faults import Fault, LibraryError
from inbrief.library.opening import default_path, open_library
from inbrief.library.store import Added, Deleted, Entry, Library, Position, Query, Sort
from inbrief.library.subscriptions import Feed, FetchState, Listed, Stored

__all__ = [
    "Added",
    "Deleted",
    "Entry",
    "Fault",
    "Feed",
    "FetchState",
    "Library",
    "LibraryError",
    "Listed",
    "Position",
    "Query",
    "Sort",
    "Stored",
    "default_path",
    "open_library",
]
