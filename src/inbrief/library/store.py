"""The article library: one SQLite file holding cleaned articles, reading state and an FTS index.

Every query the UI makes is indexed and paged (``LIMIT``/``OFFSET`` over an index that matches
the sort), so listing and searching cost the same with ten articles or a hundred thousand. The
connection is shared by the UI thread and worker threads behind a lock; two inbrief processes
may use the same file at once (WAL mode, ``busy_timeout``). Every ``sqlite3`` fault leaves
this module as a :class:`~inbrief.library.faults.LibraryError`, and every value read back is
checked (:mod:`~inbrief.library.checked`), so a busy, read-only, full or damaged library never
crashes its caller.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from inbrief.errors import InbriefError
from inbrief.library.checked import (
    article_from_document,
    as_count,
    as_fraction,
    as_text,
    as_time,
)
from inbrief.library.faults import Fault, LibraryError, library_error
from inbrief.library.identity import canonical_url, content_hash
from inbrief.library.rows import insert_article
from inbrief.library.search import fts_query
from inbrief.library.subscriptions import FeedShelf
from inbrief.model import Article

#: Search results are ranked by relevance up to this many hits, newest first beyond it.
#: Ranking costs about 3 microseconds a hit (a generated library of 100,000 articles: 11,111
#: hits ranked and paged in 46 ms, 100,000 in 250 ms), so 5,000 hits stay near 25 ms.
RANK_LIMIT = 5_000
#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_MS = 5000
#: A long add commits after this many articles or this many seconds, whichever comes first,
#: so the lock (this process's and the file's) is never held long: the reader's UI thread and
#: another inbrief wait at most one batch, never the whole add.
ADD_BATCH, ADD_BATCH_SECONDS = 500, 0.2


class Sort(StrEnum):
    """The orders the library list offers; each is backed by an index."""

    ADDED = "added"
    PUBLISHED = "published"
    TITLE = "title"


#: Each sort in its usual direction and reversed. Undated articles come last either way
#: (``NULLS LAST`` still walks the index: SQLite scans the dated rows, then the NULL ones).
_ORDER = {
    (Sort.ADDED, False): "a.added_at DESC, a.id DESC",
    (Sort.ADDED, True): "a.added_at ASC, a.id ASC",
    (Sort.PUBLISHED, False): "a.published DESC NULLS LAST, a.id DESC",
    (Sort.PUBLISHED, True): "a.published ASC NULLS LAST, a.id ASC",
    (Sort.TITLE, False): "a.title_key ASC, a.id ASC",
    (Sort.TITLE, True): "a.title_key DESC, a.id DESC",
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
    """What the list shows: a search (FTS5 syntax-safe), a sort, an unread and a feed filter.

    ``reverse`` turns the sort around: oldest first for dates, Z to A for titles.
    """

    text: str = ""
    sort: Sort = Sort.ADDED
    unread_only: bool = False
    feed_id: int | None = None
    reverse: bool = False


@dataclass(frozen=True, slots=True)
class Deleted:
    """A deleted article as it was stored (row, reading state and index entry), so that
    :meth:`Library.restore` can put it back unchanged, under the same id."""

    id: int
    title: str
    row: dict[str, object]
    fts: tuple[str, str]


#: Ids bound in one statement (SQLite's limit on host parameters is 32,766 in new builds,
#: 999 in old ones).
_IDS_PER_STATEMENT = 500


def _set_read(conn: sqlite3.Connection, ids: Sequence[int], read: bool) -> None:
    """Sets the read state of the articles ``ids``, :data:`_IDS_PER_STATEMENT` at a time."""
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        chunk = list(ids[start : start + _IDS_PER_STATEMENT])
        marks = ",".join("?" * len(chunk))
        conn.execute(f"UPDATE articles SET read = ? WHERE id IN ({marks})", [int(read), *chunk])


_ENTRY_COLUMNS = (
    "a.id, a.title, a.site, a.byline, a.published, a.word_count, a.added_at, a.read, a.progress,"
    " a.feed_id, (SELECT coalesce(nullif(t.title, ''), t.site, t.url) FROM feeds t"
    " WHERE t.id = a.feed_id)"
)


class Library(FeedShelf):
    """An open library. Create with :func:`~inbrief.library.opening.open_library`; close
    with :meth:`close`.

    ``read_only`` holds the reason when the library was opened for reading only (a read-only
    file system, or damage found at open): every write then raises it at once.
    ``warning`` is a one-line note for the user about how it was opened, if any.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path, read_only: LibraryError | None = None
    ) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.read_only = read_only
        self.warning: str | None = str(read_only) if read_only else None
        self.on_close: list[Callable[[], object]] = []

    def close(self) -> None:
        with self._lock:
            self._conn.close()
        for callback in self.on_close:
            callback()

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock; a fault becomes a :class:`LibraryError`."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise library_error(exc, self.path) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, rolled back whole on any failure."""
        if self.read_only is not None:
            raise self.read_only
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    if conn.in_transaction:  # SQLite may have rolled back already (full disk)
                        conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise library_error(exc, self.path, writing=True) from None

    # -- writing -------------------------------------------------------------------------

    def add(self, articles: Iterable[Article]) -> list[Added]:
        """Store ``articles``, skipping any already held (same canonical URL or text).

        Each article is stored whole or not at all. A long add commits in batches
        (:data:`ADD_BATCH`, :data:`ADD_BATCH_SECONDS`); the rows are prepared outside the
        lock. If a batch fails, the batches before it stay and the error is raised.
        """
        results: list[Added] = []
        now = time.time()
        batch: list[_Row] = []
        started = time.monotonic()
        for article in articles:
            batch.append(_Row.of(article))
            if len(batch) >= ADD_BATCH or time.monotonic() - started > ADD_BATCH_SECONDS:
                results += self._store(batch, now)
                batch, started = [], time.monotonic()
        if batch:
            results += self._store(batch, now)
        return results

    def _store(self, rows: list[_Row], now: float) -> list[Added]:
        results: list[Added] = []
        with self._transaction() as conn:
            for row in rows:
                found = conn.execute(
                    "SELECT id FROM articles WHERE content_hash = ? OR (? IS NOT NULL AND url = ?)",
                    (row.digest, row.url, row.url),
                ).fetchone()
                if found is not None:
                    results.append(Added(int(found[0]), row.title, new=False))
                    continue
                article_id = insert_article(conn, row.article, row.text, row.url, row.digest, now)
                results.append(Added(article_id, row.title, new=True))
        return results

    def delete(self, article_id: int) -> Deleted | None:
        """Delete an article; returns what :meth:`restore` needs to undo it (None if absent)."""
        with self._transaction() as conn:
            cursor = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,))
            values = cursor.fetchone()
            if values is None:
                return None
            row = {
                column[0]: value for column, value in zip(cursor.description, values, strict=True)
            }
            fts = conn.execute(
                "SELECT title, body FROM articles_fts WHERE rowid = ?", (article_id,)
            ).fetchone()
            conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
        title = str(row["title"])
        return Deleted(article_id, title, row, (fts[0], fts[1]) if fts else (title, ""))

    def restore(self, deleted: Deleted) -> bool:
        """Put a deleted article back as it was; False if it was added again meanwhile."""
        columns = list(deleted.row)
        with self._transaction() as conn:
            try:
                conn.execute(
                    f"INSERT INTO articles ({', '.join(columns)})"
                    f" VALUES ({', '.join('?' for _ in columns)})",
                    [deleted.row[column] for column in columns],
                )
            except sqlite3.IntegrityError:
                return False  # the same article (URL or content) is in the library again
            conn.execute(
                "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                (deleted.id, *deleted.fts),
            )
        return True

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

    def mark_all_read(self, query: Query) -> list[int]:
        """Marks every unread article that ``query`` matches as read, in one transaction;
        returns their ids, for :meth:`mark_unread` to undo it."""
        source, where, params = self._filter(replace(query, unread_only=True))
        with self._transaction() as conn:
            ids = [as_count(row[0]) for row in conn.execute(f"SELECT a.id{source}{where}", params)]
            _set_read(conn, ids, True)
        return ids

    def mark_unread(self, ids: Sequence[int]) -> None:
        """Marks the articles ``ids`` unread again (those still in the library)."""
        with self._transaction() as conn:
            _set_read(conn, ids, False)

    # -- reading -------------------------------------------------------------------------

    def quick_check(self) -> list[str]:
        """SQLite's ``quick_check``: the first problems found, or [] when the file is sound."""
        with self._reading() as conn:
            rows = conn.execute("PRAGMA quick_check(5)").fetchall()
        problems = [as_text(row[0]) or "" for row in rows]
        return [] if problems == ["ok"] else problems

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
        If some rows are damaged, the page holds the others (read one by one).
        """
        source, where, params = self._filter(query)
        if fts_query(query.text):
            ranked = self.count(query, at_most=RANK_LIMIT) <= RANK_LIMIT
            order = "f.rank, a.id" if ranked else "f.rowid DESC"
        else:
            order = _ORDER[query.sort, query.reverse]
        tail = f"{source}{where} ORDER BY {order} LIMIT ? OFFSET ?"
        try:
            with self._reading() as conn:
                rows = conn.execute(f"SELECT {_ENTRY_COLUMNS}{tail}", [*params, limit, offset])
                return [_entry(row) for row in rows.fetchall()]
        except LibraryError as exc:
            if exc.fault is not Fault.DAMAGED:
                raise
            with self._reading() as conn:  # the index may still list what the rows cannot
                ids = conn.execute(f"SELECT a.id{tail}", [*params, limit, offset]).fetchall()
        entries = []
        for (article_id,) in ids:
            try:
                found = self.entry(int(article_id))
            except LibraryError:
                continue
            if found is not None:
                entries.append(found)
        return entries

    def count(self, query: Query = Query(), at_most: int | None = None) -> int:
        """How many articles ``query`` matches; with ``at_most``, counting stops at
        ``at_most + 1`` (enough to show "1,000+" without walking every hit)."""
        source, where, params = self._filter(query)
        sql = f"SELECT 1{source}{where}"
        if at_most is not None:
            sql += f" LIMIT {int(at_most) + 1}"
        with self._reading() as conn:
            row = conn.execute(f"SELECT COUNT(*) FROM ({sql})", params).fetchone()
        return as_count(row[0])

    def article(self, article_id: int) -> tuple[Article, Position]:
        """The stored article and its saved reading position (checked: see :mod:`checked`)."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT document, position, position_offset FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise InbriefError(f"no article {article_id} in the library")  # deleted meanwhile
        article = article_from_document(row[0], article_id, str(self.path))
        return article, Position(as_count(row[1]), as_count(row[2]))

    def entry(self, article_id: int) -> Entry | None:
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)
            ).fetchone()
        return None if row is None else _entry(row)


def _entry(r: Sequence[object]) -> Entry:
    """A list row, each value coerced to what the list shows (a hand-edited row may hold
    any type: see :mod:`~inbrief.library.checked`)."""
    return Entry(
        as_count(r[0]), as_text(r[1]) or "", as_text(r[2]), as_text(r[3]), as_text(r[4]),
        as_count(r[5]), as_time(r[6]), bool(as_count(r[7])), as_fraction(r[8]),
        r[9] if isinstance(r[9], int) else None, as_text(r[10]),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Row:
    """An article ready to insert: its text and keys are built outside the lock."""

    article: Article
    text: str
    url: str | None
    digest: str

    @property
    def title(self) -> str:
        return self.article.title

    @classmethod
    def of(cls, article: Article) -> _Row:
        text = article.text  # built once: for the hash and the index
        return cls(article, text, canonical_url(article.url), content_hash(article, text))
