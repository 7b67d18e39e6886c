"""The one error type for everything that can go wrong with the library file.

Every ``sqlite3`` fault inside :mod:`~inbrief.library.store` becomes a :class:`LibraryError`
that says in one line what happened (busy, read-only, disk full, damaged, I/O) and what it
means for the user's data; the reader catches that type and shows it instead of crashing.
SQLite's own guarantee is what makes "the library is unchanged" true: a failed transaction
is rolled back whole.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from inbrief.errors import InbriefError


class Fault(StrEnum):
    """What kind of trouble the library is in; decides what the reader can still do."""

    BUSY = "busy"  # another process holds the write lock: try again
    READ_ONLY = "read-only"  # nothing can be written: reading still works
    FULL = "full"  # the disk is full: this change was not saved
    IO = "io"  # the system refused a read or write (file size limit, failing disk)
    DAMAGED = "damaged"  # the file's content is not what inbrief wrote


class LibraryError(InbriefError):
    """A library fault: ``fault`` says which; ``str()`` is one line naming the library."""

    def __init__(self, fault: Fault, reason: str, source: str | None = None) -> None:
        super().__init__(reason, source)
        self.fault = fault


#: SQLite primary result codes (``sqlite_errorcode & 0xFF``) and what they mean here.
_CODES = {
    3: Fault.READ_ONLY,  # SQLITE_PERM
    5: Fault.BUSY,  # SQLITE_BUSY
    6: Fault.BUSY,  # SQLITE_LOCKED
    8: Fault.READ_ONLY,  # SQLITE_READONLY
    10: Fault.IO,  # SQLITE_IOERR
    11: Fault.DAMAGED,  # SQLITE_CORRUPT
    13: Fault.FULL,  # SQLITE_FULL
    14: Fault.IO,  # SQLITE_CANTOPEN
    26: Fault.DAMAGED,  # SQLITE_NOTADB
}
_UNCHANGED = "this change was not saved (the library is unchanged)"


def classify(exc: BaseException) -> Fault:
    """The fault behind an exception raised while using the library.

    A plain SQL error (``no such table``, an FTS index that cannot be read) or a value that
    cannot be converted means the file is not the library inbrief wrote: damaged.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _CODES.get(code & 0xFF, Fault.DAMAGED)
    if isinstance(exc, OSError):
        return Fault.IO
    return Fault.DAMAGED


def library_error(exc: BaseException, path: Path, writing: bool = False) -> LibraryError:
    """The :class:`LibraryError` for ``exc``, raised while reading or ``writing`` ``path``."""
    fault = classify(exc)
    detail = shorten(str(exc))
    if fault is Fault.BUSY:
        reason = "the library is busy (another inbrief is writing to it); try again in a moment"
    elif fault is Fault.READ_ONLY:
        reason = f"{read_only_place(path)}: reading works, changes are not saved"
    elif fault is Fault.FULL:
        reason = f"the disk is full: {_UNCHANGED}"
    elif fault is Fault.IO:
        doing = f"written ({detail}): {_UNCHANGED}" if writing else f"read ({detail})"
        reason = f"the library could not be {doing}"
    else:
        reason = f"the library is damaged ({detail}); what can be read is still shown"
    return LibraryError(fault, reason, str(path))


def shorten(detail: str, limit: int = 120) -> str:
    """``detail`` on one line and at most ``limit`` characters (SQLite may quote a whole cell)."""
    line = " ".join(detail.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def read_only_place(path: Path) -> str:
    """Why ``path`` cannot be written, as the user would check it."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "the library is on a read-only file system"
    except OSError:
        pass
    if not os.access(folder, os.W_OK):
        return "the library's folder is read-only"
    if path.exists() and not os.access(path, os.W_OK):
        return "the library file is read-only"
    return "the library is read-only"
