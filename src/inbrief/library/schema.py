"""The library's SQLite schema and its migrations, keyed by ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a database at version ``n`` to ``n + 1``. A fresh file is at 0 and
runs them all. A file at a version newer than :data:`SCHEMA_VERSION` was written by a newer
inbrief and is refused untouched, as is a file that is not an inbrief library at all.
"""

from __future__ import annotations

import sqlite3

from inbrief.errors import InbriefError
from inbrief.library.faults import Fault, LibraryError

_V1 = """
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    url          TEXT UNIQUE,            -- canonical URL (identity.canonical_url), may be NULL
    source_url   TEXT,                   -- the URL as the article gave it, for opening
    content_hash TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    title_key    TEXT NOT NULL,          -- casefolded title, for sorting
    byline       TEXT,
    site         TEXT,
    published    TEXT,                   -- ISO date or NULL
    language     TEXT,
    word_count   INTEGER NOT NULL,
    added_at     REAL NOT NULL,          -- Unix time
    read         INTEGER NOT NULL DEFAULT 0,
    position     INTEGER NOT NULL DEFAULT 0,  -- first visible text block when last closed
    progress     REAL NOT NULL DEFAULT 0,     -- share of the article scrolled past, 0..1
    document     TEXT NOT NULL           -- Article.to_json() without the derived "text"
);
CREATE INDEX articles_by_added ON articles (added_at, id);
CREATE INDEX articles_by_published ON articles (published, id);
CREATE INDEX articles_by_title ON articles (title_key, id);
CREATE INDEX articles_unread_by_added ON articles (read, added_at, id);
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
"""

#: The reading position to the line: the character, in block ``position``, that the first
#: visible line starts at (a long paragraph is many lines, and the width may have changed).
_V2 = """
ALTER TABLE articles ADD COLUMN position_offset INTEGER NOT NULL DEFAULT 0;
"""

#: Subscriptions. A feed remembers its HTTP validators (conditional GET), when it was last
#: fetched, its last error and until when its server asked to be left alone (Retry-After).
#: An article from a feed keeps the feed and the item's GUID (unique within the feed, so two
#: refreshes at once cannot both insert it) and a hash of the item as the feed gave it, so an
#: unchanged item costs nothing on the next refresh. Removing a feed keeps its articles. The
#: gist is stored when an item arrives (or first listed), so ``--list`` never summarizes twice.
#: Each feed's article and unread counts are kept by triggers: the feed picker reads 1,000
#: feeds' counts in about a millisecond, where counting 100,000 articles took 60-160 ms.
_V3 = """
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,   -- the feed's address as subscribed (after discovery)
    title         TEXT NOT NULL DEFAULT '',
    site          TEXT,                   -- the site the feed links to
    etag          TEXT,
    last_modified TEXT,
    last_fetched  REAL,                   -- Unix time of the last attempt
    last_error    TEXT,                   -- one line, NULL when the last fetch went through
    retry_after   REAL,                   -- Unix time before which the feed is not fetched
    added_at      REAL NOT NULL,
    items         INTEGER NOT NULL DEFAULT 0,  -- articles from the feed (kept by triggers)
    unread        INTEGER NOT NULL DEFAULT 0   -- of which unread (kept by triggers)
);
ALTER TABLE articles ADD COLUMN feed_id INTEGER REFERENCES feeds (id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN guid TEXT;
ALTER TABLE articles ADD COLUMN item_hash TEXT;
ALTER TABLE articles ADD COLUMN gist TEXT;              -- the summary's gist, once computed
CREATE UNIQUE INDEX articles_by_feed_guid ON articles (feed_id, guid);
CREATE INDEX articles_by_feed ON articles (feed_id, added_at, id);
CREATE TRIGGER feed_counts_insert AFTER INSERT ON articles WHEN new.feed_id IS NOT NULL BEGIN
    UPDATE feeds SET items = items + 1, unread = unread + (new.read = 0) WHERE id = new.feed_id;
END;
CREATE TRIGGER feed_counts_delete AFTER DELETE ON articles WHEN old.feed_id IS NOT NULL BEGIN
    UPDATE feeds SET items = items - 1, unread = unread - (old.read = 0) WHERE id = old.feed_id;
END;
CREATE TRIGGER feed_counts_update AFTER UPDATE OF feed_id, read ON articles BEGIN
    UPDATE feeds SET items = items - 1, unread = unread - (old.read = 0) WHERE id = old.feed_id;
    UPDATE feeds SET items = items + 1, unread = unread + (new.read = 0) WHERE id = new.feed_id;
END;
"""

#: ``--list`` and the reader's date sort within one feed: newest published first, per feed.
_V4 = """
CREATE INDEX articles_by_feed_published ON articles (feed_id, published, id);
"""

#: Each entry upgrades the schema by one version; append, never edit a released one.
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, path: str, writable: bool = True) -> None:
    """Bring ``conn`` (autocommit mode) up to :data:`SCHEMA_VERSION` in one transaction.

    A library already at this version is only read (no write lock: another inbrief may be
    adding). Otherwise the version is read again inside ``BEGIN IMMEDIATE`` so two instances
    opening a fresh file at the same moment cannot both create the tables. A library that
    claims a version but lacks its tables is refused as damaged. Faults of the file itself
    (busy, read-only, I/O) propagate as ``sqlite3.Error`` for the caller to classify.
    """
    try:
        version, tables = _state(conn)
    except sqlite3.DatabaseError as exc:
        _refuse_if_damaged(exc, path)
        raise
    if version == SCHEMA_VERSION and tables >= _REQUIRED:
        return
    _check(version, tables, path)
    if not writable:
        raise InbriefError(
            f"library schema version {version} needs an upgrade, but the file cannot be written",
            path,
        )
    conn.execute("BEGIN IMMEDIATE")
    try:
        version, tables = _state(conn)
        _check(version, tables, path)
        for step in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[step]):
                conn.execute(statement)
        if version != SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.DatabaseError):
            _refuse_if_damaged(exc, path)
        raise


#: The tables every library at a non-zero version has.
_REQUIRED = frozenset({"articles", "articles_fts"})


def _state(conn: sqlite3.Connection) -> tuple[int, set[str]]:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = {str(row[0]) for row in conn.execute("SELECT name FROM sqlite_master")}
    return version, tables


def _check(version: int, tables: set[str], path: str) -> None:
    """Refuse a newer schema, a foreign SQLite file and a library missing its tables."""
    if version > SCHEMA_VERSION:
        raise InbriefError(
            f"library schema version {version} is newer than this inbrief understands "
            f"({SCHEMA_VERSION}); upgrade inbrief (the file was left untouched)",
            path,
        )
    if version == 0 and tables:
        raise InbriefError("an SQLite file that is not an inbrief library; left untouched", path)
    if version > 0 and not tables >= _REQUIRED:
        missing = ", ".join(sorted(_REQUIRED - tables))
        raise InbriefError(
            f"not an inbrief library or damaged (version {version} without {missing}); "
            "left untouched",
            path,
        )


def _refuse_if_damaged(exc: sqlite3.DatabaseError, path: str) -> None:
    """A file SQLite cannot read as a database (not busy, read-only or I/O) is refused."""
    primary = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if primary in (0, 1, 11, 26):  # unknown, SQL error, CORRUPT, NOTADB
        reason = f"not an inbrief library or damaged ({exc}); left untouched"
        raise LibraryError(Fault.DAMAGED, reason, path) from None


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our literals); a
    trigger's body, whose statements end in semicolons too, runs to its ``END``."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    statements: list[str] = []
    pending = ""
    for piece in "\n".join(lines).split(";"):
        pending = f"{pending};{piece}" if pending else piece.strip()
        if pending.upper().startswith("CREATE TRIGGER") and not pending.upper().endswith("END"):
            continue
        if pending.strip():
            statements.append(pending.strip())
        pending = ""
    return statements
