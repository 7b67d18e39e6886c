"""The library's side of subscriptions: the feeds table and storing feed items.

Mixed into :class:`~inbrief.library.store.Library`. Every item is stored in a transaction of
its own, so a refresh killed half-way keeps each item it finished and no part of the next one.
An item is known by ``(feed, guid)``: the feed's GUID/id, else its canonical link, else a hash
of its content (see :func:`inbrief.feeds.items.item_key`); across feeds and for articles added
by hand the library's usual identity (canonical URL or content hash) applies.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum

from inbrief.library.checked import as_count, as_text, as_time
from inbrief.library.identity import canonical_url, content_hash
from inbrief.library.rows import insert_article, replace_text
from inbrief.model import Article


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription as stored, with how many articles it brought and how many are unread."""

    id: int
    url: str
    title: str
    site: str | None
    etag: str | None
    last_modified: str | None
    last_fetched: float | None
    last_error: str | None
    retry_after: float | None
    items: int = 0
    unread: int = 0

    @property
    def name(self) -> str:
        """What to call the feed: its title, else its site, else its address."""
        return self.title or self.site or self.url


@dataclass(frozen=True, slots=True)
class FetchState:
    """What one fetch of a feed leaves behind for the next one."""

    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    retry_after: float | None = None
    title: str | None = None
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Listed:
    """One article as ``--list`` prints it."""

    id: int
    title: str
    url: str | None
    site: str | None
    published: str | None
    added_at: float
    read: bool
    words: int
    feed: str | None
    #: None: never computed; "" computed, nothing to say.
    gist: str | None


class Stored(StrEnum):
    """How storing a feed item went."""

    NEW = "new"
    UPDATED = "updated"  # its text was replaced
    KNOWN = "known"  # already held, unchanged


_FEED_COLUMNS = (
    "f.id, f.url, f.title, f.site, f.etag, f.last_modified, f.last_fetched, f.last_error,"
    " f.retry_after, f.items, f.unread"
)


def _feed(row: Sequence[object]) -> Feed:
    """A feed row, each value checked (a hand-edited row may hold any type: see
    :mod:`~inbrief.library.checked`)."""
    return Feed(
        as_count(row[0]), as_text(row[1]) or "", as_text(row[2]) or "", as_text(row[3]),
        as_text(row[4]), as_text(row[5]), _time(row[6]), as_text(row[7]), _time(row[8]),
        as_count(row[9]), as_count(row[10]),
    )  # fmt: skip


def _time(value: object) -> float | None:
    return None if value is None else as_time(value)


class FeedShelf:
    """Feed operations of the library (needs the connection, lock and transactions)."""

    def _reading(self) -> AbstractContextManager[sqlite3.Connection]:
        """The connection for reading; a fault becomes a :class:`LibraryError`."""
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction; a fault becomes a :class:`LibraryError`."""
        raise NotImplementedError

    # -- feeds ---------------------------------------------------------------------------

    def add_feed(self, url: str, title: str = "", site: str | None = None) -> tuple[Feed, bool]:
        """Subscribe to ``url`` (kept as given); returns the feed and whether it is new."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO feeds (url, title, site, added_at) VALUES (?, ?, ?, ?)",
                (url, title, site, time.time()),
            )
            row = conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE url = ?", (url,))
            return _feed(row.fetchone()), cursor.rowcount == 1

    def feed(self, url: str) -> Feed | None:
        """The feed subscribed at ``url``, with its counts, or None."""
        with self._reading() as conn:
            row = conn.execute(
                f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE url = ?", (url,)
            ).fetchone()
        return None if row is None else _feed(row)

    def feeds(self) -> list[Feed]:
        """Every feed with its item and unread counts, by name."""
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {_FEED_COLUMNS} FROM feeds f"
                " ORDER BY lower(coalesce(nullif(f.title, ''), f.url)), f.id"
            ).fetchall()
        return [_feed(row) for row in rows]

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe; the feed's articles stay in the library. False if not subscribed."""
        with self._transaction() as conn:
            row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is None:
                return False
            # The GUID is only unique within its feed: without the feed it means nothing.
            conn.execute("UPDATE articles SET feed_id = NULL, guid = NULL WHERE feed_id = ?", row)
            conn.execute("DELETE FROM feeds WHERE id = ?", row)
            return True

    def record_fetch(self, feed_id: int, state: FetchState, when: float | None = None) -> None:
        """Remember the outcome of a fetch. Validators are only written once every item of
        the fetch is stored, so a refresh killed before that fetches the feed again."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, last_error = ?, retry_after = ?,"
                " last_fetched = ?, title = coalesce(nullif(?, ''), title),"
                " site = coalesce(?, site) WHERE id = ?",
                (
                    state.etag, state.last_modified, state.error, state.retry_after,
                    time.time() if when is None else when, state.title, state.site, feed_id,
                ),
            )  # fmt: skip

    # -- items ---------------------------------------------------------------------------

    def known_items(self, feed_id: int) -> dict[str, str | None]:
        """``guid -> item hash`` of every item the feed has already brought."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT guid, item_hash FROM articles WHERE feed_id = ? AND guid IS NOT NULL",
                (feed_id,),
            ).fetchall()
        return {as_text(guid) or "": as_text(item_hash) for guid, item_hash in rows}

    def known_links(self, feed_id: int) -> set[str]:
        """The canonical URLs of the articles the feed has brought."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT url FROM articles WHERE feed_id = ? AND url IS NOT NULL", (feed_id,)
            ).fetchall()
        return {url for (url,) in rows if isinstance(url, str)}

    def store_item(
        self,
        feed_id: int,
        guid: str,
        item_hash: str,
        article: Article,
        gist: str | None = None,
        added_at: float | None = None,
    ) -> Stored:
        """Store one feed item in its own transaction (``added_at``: when it counts as added,
        now by default).

        An item the feed brought before with the same hash is left alone; with another hash
        its text is replaced (read state and reading position stay). An item that is already
        in the library another way (added by hand, or by another feed) is not stored twice; if
        no feed owns it yet, this feed takes it.
        """
        text = article.text
        url, digest = canonical_url(article.url), content_hash(article, text)
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT id, item_hash FROM articles WHERE feed_id = ? AND guid = ?",
                (feed_id, guid),
            ).fetchone()
            if row is not None:
                if row[1] == item_hash:
                    return Stored.KNOWN
                if replace_text(conn, int(row[0]), article, text, digest):
                    conn.execute("UPDATE articles SET gist = ? WHERE id = ?", (gist, row[0]))
                conn.execute("UPDATE articles SET item_hash = ? WHERE id = ?", (item_hash, row[0]))
                return Stored.UPDATED
            row = conn.execute(
                "SELECT id, feed_id FROM articles"
                " WHERE content_hash = ? OR (? IS NOT NULL AND url = ?)",
                (digest, url, url),
            ).fetchone()
            if row is not None:
                if row[1] is None:
                    conn.execute(
                        "UPDATE OR IGNORE articles SET feed_id = ?, guid = ?, item_hash = ?"
                        " WHERE id = ?",
                        (feed_id, guid, item_hash, row[0]),
                    )
                return Stored.KNOWN
            added = time.time() if added_at is None else added_at
            article_id = insert_article(conn, article, text, url, digest, added)
            conn.execute(
                "UPDATE articles SET feed_id = ?, guid = ?, item_hash = ?, gist = ? WHERE id = ?",
                (feed_id, guid, item_hash, gist, article_id),
            )
            return Stored.NEW

    # -- listing -------------------------------------------------------------------------

    def listing(
        self, unread_only: bool = False, feed_id: int | None = None, page: int = 500
    ) -> Iterator[Listed]:
        """Every article newest first (``--list``), fetched a page at a time.

        Newest by publication date, as the reader's date sort orders them; undated articles
        follow, newest-added first. Each part is a keyset walk down an index
        (``articles_by_published``; for one feed ``articles_by_feed_published`` and
        ``articles_by_feed``), so a page costs the same at the end of a 100,000-article library
        as at its start.
        """
        # ``+a.read``: the read flag filters the walk, it does not choose the index (the
        # unread index would make SQLite sort every remaining row for each page).
        conditions = ["+a.read = 0"] if unread_only else []
        params: list[object] = []
        if feed_id is not None:
            conditions.append("a.feed_id = ?")
            params.append(feed_id)
        yield from self._listing_part(
            [*conditions, "a.published IS NOT NULL"], params, dated=True, page=page
        )
        yield from self._listing_part(
            [*conditions, "a.published IS NULL"], params, dated=False, page=page
        )

    def _listing_part(
        self, conditions: list[str], params: list[object], dated: bool, page: int
    ) -> Iterator[Listed]:
        """One keyset walk down an index: dated articles by (published, id), undated by id
        (ids grow as articles are added, so that is newest-added first)."""
        order = "a.published DESC, a.id DESC" if dated else "a.id DESC"
        after: list[object] = []
        while True:
            where = list(conditions)
            if after:
                where.append("(a.published, a.id) < (?, ?)" if dated else "a.id < ?")
            sql = (
                "SELECT a.id, a.title, a.source_url, a.site, a.published, a.added_at, a.read,"
                " a.word_count, f.url, a.gist FROM articles a LEFT JOIN feeds f ON f.id = a.feed_id"
                " WHERE " + " AND ".join(where) + f" ORDER BY {order} LIMIT ?"
            )
            with self._reading() as conn:
                rows = conn.execute(sql, [*params, *after, page]).fetchall()
            for row in rows:
                yield _listed(row)
            if len(rows) < page:
                return
            after = [rows[-1][4], rows[-1][0]] if dated else [rows[-1][0]]

    def set_gist(self, article_id: int, gist: str | None) -> None:
        """Remember an article's gist (computed for ``--list`` when it arrived without one)."""
        with self._transaction() as conn:
            conn.execute("UPDATE articles SET gist = ? WHERE id = ?", (gist or "", article_id))


def _listed(r: Sequence[object]) -> Listed:
    """A ``--list`` row, each value checked like the library list's."""
    return Listed(
        as_count(r[0]), as_text(r[1]) or "", as_text(r[2]), as_text(r[3]), as_text(r[4]),
        as_time(r[5]), bool(as_count(r[6])), as_count(r[7]), as_text(r[8]), as_text(r[9]),
    )  # fmt: skip
