"""Opening the library file: create or migrate it, and check it when it changed behind our back.

A library that cannot be written (a read-only file, folder or file system) still opens, for
reading. A library whose size or modification time differs from what inbrief recorded when
it last closed it (the ``.checked`` file beside it) was changed by something else, so
``PRAGMA quick_check`` runs first; if it finds damage, the library opens read-only with a
one-line warning, and the articles that can still be read are shown.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from inbrief.errors import InbriefError
from inbrief.library.faults import (
    Fault,
    LibraryError,
    classify,
    library_error,
    read_only_place,
    shorten,
)
from inbrief.library.schema import migrate
from inbrief.library.store import BUSY_TIMEOUT_MS, Library


def default_path() -> Path:
    """``$INBRIEF_LIBRARY`` if set, else ``library.sqlite3`` in the platform data directory."""
    override = os.environ.get("INBRIEF_LIBRARY")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("inbrief")) / "library.sqlite3"


def open_library(path: str | os.PathLike[str] | None = None) -> Library:
    """Open (creating if needed) the library at ``path`` or :func:`default_path`.

    Raises :class:`InbriefError` (a :class:`LibraryError` for file faults) for a file that
    is not an inbrief library, is damaged beyond its tables, or was written by a newer
    schema; such a file is never modified.
    """
    target = Path(path).expanduser() if path else default_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InbriefError(
            f"cannot open the library ({exc.strerror or exc})", str(target)
        ) from None
    try:
        library = _open(target, _connect(target))
    except LibraryError as exc:
        if exc.fault is not Fault.READ_ONLY or not target.exists():
            raise
        # A folder that cannot be written cannot hold SQLite's shared-memory file: read the
        # file as it is, without locks (nothing can be writing to a read-only file system).
        library = _open(target, _connect(target, "immutable=1"), read_only=exc)
    if library.read_only is None and _changed_outside(target):
        _quick_check(library)
    if library.read_only is None:
        library.on_close.append(lambda: _remember(target))
    return library


def _connect(target: Path, options: str = "") -> sqlite3.Connection:
    try:
        if options:
            uri = f"{target.absolute().as_uri()}?{options}"
            return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        return sqlite3.connect(
            target, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as exc:
        raise library_error(exc, target) from None


def _open(target: Path, conn: sqlite3.Connection, read_only: LibraryError | None = None) -> Library:
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if read_only is None:
            migrate(conn, str(target))
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        else:
            migrate(conn, str(target), writable=False)
    except sqlite3.Error as exc:
        conn.close()
        if classify(exc) is Fault.READ_ONLY:
            raise LibraryError(Fault.READ_ONLY, _read_only(target), str(target)) from None
        raise library_error(exc, target) from None
    except BaseException:
        conn.close()
        raise
    return Library(conn, target, read_only)


def _read_only(target: Path) -> str:
    return f"{read_only_place(target)}: reading works, changes are not saved"


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".checked")


def _stamp(target: Path) -> str:
    info = target.stat()
    return f"{info.st_size} {info.st_mtime_ns}"


def _changed_outside(target: Path) -> bool:
    """True unless the file is as inbrief left it (a fresh library counts as unchanged)."""
    try:
        recorded = _stamp_path(target).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return target.stat().st_size > 0 if target.exists() else False
    try:
        return recorded != _stamp(target)
    except OSError:
        return True


def _remember(target: Path) -> None:
    """Record the file's size and time after our own writes (best effort: never fails)."""
    with contextlib.suppress(OSError):
        _stamp_path(target).write_text(_stamp(target), encoding="ascii")


def _quick_check(library: Library) -> None:
    """Run ``PRAGMA quick_check``; on damage, keep the library for reading only."""
    try:
        problems = library.quick_check()
    except LibraryError as exc:
        library.read_only, library.warning = exc, str(exc)
        return
    if problems:
        found = shorten(" ".join(problems[0].replace("*** in database main ***", "").split()))
        reason = f"the library is damaged ({found}); what can be read is shown, nothing is saved"
        library.read_only = LibraryError(Fault.DAMAGED, reason, str(library.path))
        library.warning = str(library.read_only)
    else:
        _remember(library.path)
