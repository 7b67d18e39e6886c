"""The SQLite article library (core: no UI imports)."""

from inbrief.library.faults import Fault, LibraryError
from inbrief.library.opening import default_path, open_library
from inbrief.library.store import Added, Entry, Library, Position, Query, Sort

__all__ = [
    "Added",
    "Entry",
    "Fault",
    "Library",
    "LibraryError",
    "Position",
    "Query",
    "Sort",
    "default_path",
    "open_library",
]
