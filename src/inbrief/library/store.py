"""The article library: one SQLite file holding cleaned articles, reading state and an FTS index.

Every query the UI makes is indexed and paged (``LIMIT``/``OFFSET`` over an index that matches
the sort), so listing and searching cost the same with ten articles or a hundred thousand. The
connection is shared by the UI thread and worker threads behind a lock; two inbrief processes
may use the same file at once (WAL mode, ``busy_timeout``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from inbrief.errors import InbriefError
from inbrief.library.identity import canonical_url, content_hash
from inbrief.library.rows import insert_article
from inbrief.library.schema import migrate
from inbrief.library.search import fts_query
from inbrief.library.subscriptions import FeedShelf
from inbrief.model import Article

#: Search results are ranked by relevance up to this many hits, newest first beyond it.
#: Ranking costs about 3 microseconds a hit (a generated library of 100,000 articles: 11,111
#: hits ranked and paged in 46 ms, 100,000 in 250 ms), so 5,000 hits stay near 25 ms.
RANK_LIMIT = 5_000
#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_MS = 5000


class Sort(StrEnum):
    """The orders the library list offers; each is backed by an index."""

    ADDED = "added"
    PUBLISHED = "published"
    TITLE = "title"


_ORDER = {
    Sort.ADDED: "a.added_at DESC, a.id DESC",
    Sort.PUBLISHED: "a.published DESC, a.id DESC",
    Sort.TITLE: "a.title_key ASC, a.id ASC",
}


class Position(NamedTuple):
    """Where reading stopped: the first visible block, and the character its top line starts at.

    An offset rather than a line number, so the place survives a change of terminal width.
    """

    block: int = 0
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the library list: what the list shows, without the document."""

    id: int
    title: str
    site: str | None
    byline: str | None
    published: str | None
    word_count: int
    added_at: float
    read: bool
    progress: float
    #: The feed that brought the article, and that feed's name (None: added by hand).
    feed_id: int | None = None
    feed: str | None = None

    @property
    def reading_minutes(self) -> int:
        return max(1, round(self.word_count / 230))


@dataclass(frozen=True, slots=True)
class Added:
    """The outcome of adding one article: its id and whether it was new."""

    id: int
    title: str
    new: bool


@dataclass(frozen=True, slots=True)
class Query:
    """What the list shows: a search (FTS5 syntax-safe), a sort, an unread and a feed filter."""

    text: str = ""
    sort: Sort = Sort.ADDED
    unread_only: bool = False
    feed_id: int | None = None


_ENTRY_COLUMNS = (
    "a.id, a.title, a.site, a.byline, a.published, a.word_count, a.added_at, a.read, a.progress,"
    " a.feed_id, (SELECT coalesce(nullif(t.title, ''), t.site, t.url) FROM feeds t"
    " WHERE t.id = a.feed_id)"
)


def _entry(r: tuple[Any, ...]) -> Entry:
    return Entry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), float(r[8]), r[9], r[10])


def default_path() -> Path:
    """``$INBRIEF_LIBRARY`` if set, else ``library.sqlite3`` in the platform data directory."""
    override = os.environ.get("INBRIEF_LIBRARY")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("inbrief")) / "library.sqlite3"


class Library(FeedShelf):
    """An open library. Create with :func:`open_library`; close with :meth:`close`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # -- writing -------------------------------------------------------------------------

    def add(self, articles: Iterable[Article]) -> list[Added]:
        """Store ``articles`` in one transaction, skipping any already held (URL or hash)."""
        results: list[Added] = []
        now = time.time()
        with self._transaction() as conn:
            for article in articles:
                text = article.text  # built once: for the hash, the stored JSON and the index
                url, digest = canonical_url(article.url), content_hash(article, text)
                row = conn.execute(
                    "SELECT id FROM articles WHERE content_hash = ? OR (? IS NOT NULL AND url = ?)",
                    (digest, url, url),
                ).fetchone()
                if row is not None:
                    results.append(Added(int(row[0]), article.title, new=False))
                    continue
                article_id = insert_article(conn, article, text, url, digest, now)
                results.append(Added(article_id, article.title, new=True))
        return results

    def delete(self, article_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))

    def save_position(self, article_id: int, position: Position, progress: float) -> None:
        """Remember where the reader was and how far through the article it got."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE articles SET position = ?, position_offset = ?, progress = ? WHERE id = ?",
                (
                    max(0, position.block),
                    max(0, position.offset),
                    min(1.0, max(0.0, progress)),
                    article_id,
                ),
            )

    def mark_read(self, article_id: int, read: bool = True) -> None:
        with self._transaction() as conn:
            conn.execute("UPDATE articles SET read = ? WHERE id = ?", (int(read), article_id))

    # -- reading -------------------------------------------------------------------------

    def _filter(self, query: Query) -> tuple[str, str, list[object]]:
        """FROM and WHERE for ``query``. A search drives the join from the FTS index
        (``CROSS JOIN`` fixes the loop order), so it never scans the articles table."""
        match = fts_query(query.text)
        conditions = ["a.read = 0"] if query.unread_only else []
        params: list[object] = []
        if query.feed_id is not None:
            conditions.append("a.feed_id = ?")
            params.append(query.feed_id)
        if match:
            source = " FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid"
            return (
                source,
                " WHERE " + " AND ".join(["articles_fts MATCH ?", *conditions]),
                [
                    match,
                    *params,
                ],
            )
        where = " WHERE " + " AND ".join(conditions) if conditions else ""
        return " FROM articles a", where, params

    def page(self, query: Query, limit: int = 100, offset: int = 0) -> list[Entry]:
        """One page of the list in the query's order.

        Search results are ranked by relevance (bm25) when there are at most
        :data:`RANK_LIMIT` of them; above that ranking every hit would cost hundreds of
        milliseconds, so they come newest-added first, which FTS5 serves in index order.
        """
        source, where, params = self._filter(query)
        if fts_query(query.text):
            ranked = self.count(query, at_most=RANK_LIMIT) <= RANK_LIMIT
            order = "f.rank, a.id" if ranked else "f.rowid DESC"
        else:
            order = _ORDER[query.sort]
        sql = f"SELECT {_ENTRY_COLUMNS}{source}{where} ORDER BY {order} LIMIT ? OFFSET ?"
        with self._lock:
            rows = self._conn.execute(sql, [*params, limit, offset]).fetchall()
        return [_entry(r) for r in rows]

    def count(self, query: Query = Query(), at_most: int | None = None) -> int:
        """How many articles ``query`` matches; with ``at_most``, counting stops at
        ``at_most + 1`` (enough to show "1,000+" without walking every hit)."""
        source, where, params = self._filter(query)
        sql = f"SELECT 1{source}{where}"
        if at_most is not None:
            sql += f" LIMIT {int(at_most) + 1}"
        with self._lock:
            row = self._conn.execute(f"SELECT COUNT(*) FROM ({sql})", params).fetchone()
        return int(row[0])

    def article(self, article_id: int) -> tuple[Article, Position]:
        """The stored article and its saved reading position."""
        with self._lock:
            row = self._conn.execute(
                "SELECT document, position, position_offset FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise InbriefError(f"no article {article_id} in the library")
        return Article.from_json(json.loads(row[0])), Position(int(row[1]), int(row[2]))

    def entry(self, article_id: int) -> Entry | None:
        with self._lock:
            r = self._conn.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)
            ).fetchone()
        return None if r is None else _entry(r)


def open_library(path: str | os.PathLike[str] | None = None) -> Library:
    """Open (creating if needed) the library at ``path`` or :func:`default_path`.

    Raises :class:`InbriefError` for a file that is not an inbrief library, is damaged, or
    was written by a newer schema; such a file is never modified.
    """
    target = Path(path).expanduser() if path else default_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(
            target, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except (OSError, sqlite3.Error) as exc:
        raise InbriefError(f"cannot open the library ({exc})", str(target)) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        migrate(conn, str(target))
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        conn.close()
        raise InbriefError(f"cannot use the library ({exc})", str(target)) from None
    except BaseException:
        conn.close()
        raise
    return Library(conn, target)
