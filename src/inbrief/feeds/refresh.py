"""Refresh feeds: conditional GET, parse, and store each new item as a whole article.

Feeds are fetched by a small pool of threads and the pages of teaser items by another, with
:class:`~inbrief.feeds.hosts.HostLimiter` keeping each host to a couple of requests at a time.
Each item is stored in a transaction of its own as soon as it is ready. A feed's validators
(ETag, Last-Modified) are saved only after all its items are stored, so a refresh killed
half-way fetches the feed again next time instead of being told "304, nothing new".
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field

from inbrief.errors import InbriefError
from inbrief.feeds.hosts import HostLimiter
from inbrief.feeds.items import (
    article_from_item,
    better_of,
    gist_of,
    is_teaser,
    item_hash,
    item_key,
)
from inbrief.feeds.model import FeedItem, ParsedFeed
from inbrief.feeds.parse import parse_feed
from inbrief.fetch import Fetched, FetchLimits, HTTPStatusError, fetch
from inbrief.ingest import articles_from_raw, read_source
from inbrief.library import Feed, FetchState, Library, Stored
from inbrief.model import Article

#: What a feed request accepts (a page that announces a feed is fine too: discovery).
FEED_ACCEPT = (
    "application/atom+xml, application/rss+xml, application/feed+json, application/rdf+xml,"
    " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5"
)
#: Feeds are smaller than articles can be; a 50 MB "feed" is refused at this cap.
FEED_LIMITS = FetchLimits(max_bytes=16 * 1024 * 1024)
#: Without a Retry-After, a feed answered 429 or 503 is left alone this long.
DEFAULT_BACKOFF = 15 * 60.0
#: An item whose page could not be fetched is stored from the feed with this mark on its hash,
#: so the next change of the feed tries the page again.
_TEASER_ONLY = ":teaser-only"


@dataclass(frozen=True, slots=True)
class RefreshOptions:
    """How much at once: feed fetches, page fetches (for teasers), and per host."""

    feed_workers: int = 4
    page_workers: int = 6
    per_host: int = 2
    feed_limits: FetchLimits = FEED_LIMITS
    page_limits: FetchLimits = field(default_factory=FetchLimits)


@dataclass(slots=True)
class FeedReport:
    """What refreshing one feed did. ``error``: the feed failed (or parsed only in part)."""

    url: str
    title: str
    new: int = 0
    updated: int = 0
    error: str | None = None
    not_modified: bool = False
    #: Set when the server asked to be left alone (Retry-After) and the feed was skipped.
    deferred_until: float | None = None
    #: Items stored from the feed's teaser because their page failed: "URL: reason".
    item_errors: list[str] = field(default_factory=list)


Progress = Callable[[int, int, FeedReport], object]


class _Refresher:
    """One refresh run: the pools, the host limiter and the library, shared by its feeds."""

    def __init__(
        self, library: Library, options: RefreshOptions, stop: threading.Event | None = None
    ) -> None:
        self.library = library
        self.options = options
        #: Set to stop early (the reader is closing, Ctrl+C): nothing new is started.
        self.stop = stop or threading.Event()
        self.hosts = HostLimiter(options.per_host)
        self.pages = ThreadPoolExecutor(options.page_workers, thread_name_prefix="inbrief-page")

    def fetch_feed(self, feed: Feed) -> Fetched:
        headers = {"Accept": FEED_ACCEPT}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        with self.hosts.slot(feed.url):
            return fetch(feed.url, self.options.feed_limits, headers=headers)

    def refresh(
        self, feed: Feed, prefetched: tuple[Fetched, ParsedFeed] | None = None
    ) -> FeedReport:
        """Fetch (unless given) and store one feed; never raises for a bad feed."""
        report = FeedReport(feed.url, feed.name)
        now = time.time()
        if prefetched is None and feed.retry_after is not None and feed.retry_after > now:
            report.deferred_until = feed.retry_after
            return report
        keep = FetchState(etag=feed.etag, last_modified=feed.last_modified)
        try:
            if prefetched is not None:
                fetched, parsed = prefetched
            else:
                fetched = self.fetch_feed(feed)
                if fetched.status == 304:  # nothing new: no parsing at all
                    report.not_modified = True
                    self.library.record_fetch(feed.id, keep)
                    return report
                parsed = parse_feed(
                    fetched.data, fetched.url, fetched.content_type, fetched.charset
                )
        except HTTPStatusError as exc:
            report.error = exc.reason
            wait = exc.retry_after
            if wait is None and exc.status in (429, 503):
                wait = DEFAULT_BACKOFF
            retry = now + wait if wait is not None else None
            self.library.record_fetch(
                feed.id,
                FetchState(feed.etag, feed.last_modified, exc.reason, retry),
            )
            return report
        except InbriefError as exc:
            report.error = exc.reason
            self.library.record_fetch(
                feed.id, FetchState(feed.etag, feed.last_modified, exc.reason)
            )
            return report
        report.title = parsed.title or feed.name
        self._store_items(feed, parsed, report)
        report.error = parsed.error
        validators = fetched.validators
        self.library.record_fetch(
            feed.id,
            FetchState(
                etag=validators.get("etag"),
                last_modified=validators.get("last-modified"),
                error=parsed.error,
                title=parsed.title,
                site=parsed.site,
            ),
        )
        return report

    def _store_items(self, feed: Feed, parsed: ParsedFeed, report: FeedReport) -> None:
        known = self.library.known_items(feed.id)
        waiting: list[Future[None]] = []
        lock = threading.Lock()

        def count(stored: Stored) -> None:
            with lock:
                report.new += stored is Stored.NEW
                report.updated += stored is Stored.UPDATED

        # Oldest first, so that "added" order in the library follows the feed's.
        for item in reversed(parsed.items):
            key, digest = item_key(item), item_hash(item)
            if known.get(key) == digest:
                continue
            article = article_from_item(item, parsed.site)
            if is_teaser(item, article):
                waiting.append(
                    self.pages.submit(
                        self._store_page, feed, item, key, digest, article, count, report, lock
                    )
                )
            elif article is not None:
                count(self.library.store_item(feed.id, key, digest, article, gist_of(article)))
        for future in waiting:
            while not self.stop.is_set():
                try:
                    future.result(timeout=0.2)
                    break
                except FutureTimeout:
                    continue

    def _store_page(
        self,
        feed: Feed,
        item: FeedItem,
        key: str,
        digest: str,
        teaser: Article | None,
        count: Callable[[Stored], None],
        report: FeedReport,
        lock: threading.Lock,
    ) -> None:
        """Fetch a teaser's page, extract it, store the longer text; the teaser if it fails."""
        assert item.link is not None  # is_teaser needs a link
        if self.stop.is_set():
            return
        try:
            with self.hosts.slot(item.link):
                raw = read_source(item.link, self.options.page_limits)
            pages = articles_from_raw(raw)
            article = better_of(teaser, pages[0], item)
        except InbriefError as exc:
            with lock:
                report.item_errors.append(f"{item.link}: {exc.reason}")
            if teaser is None:
                return
            article, digest = teaser, digest + _TEASER_ONLY
        except (RecursionError, MemoryError):
            with lock:
                report.item_errors.append(f"{item.link}: the page is too large or deep to read")
            return
        count(self.library.store_item(feed.id, key, digest, article, gist_of(article)))

    def close(self) -> None:
        self.pages.shutdown(wait=True, cancel_futures=True)


def refresh_feeds(
    library: Library,
    feeds: Sequence[Feed] | None = None,
    progress: Progress | None = None,
    options: RefreshOptions | None = None,
    stop: threading.Event | None = None,
) -> list[FeedReport]:
    """Refresh ``feeds`` (every subscribed feed by default); reports in the feeds' order.

    ``progress(done, total, report)`` is called from worker threads as each feed finishes.
    Setting ``stop`` ends the refresh early: feeds not started are reported as not fetched,
    items already stored stay.
    """
    options = options or RefreshOptions()
    todo = list(library.feeds() if feeds is None else feeds)
    refresher = _Refresher(library, options, stop)
    done = 0
    lock = threading.Lock()

    def one(feed: Feed) -> FeedReport:
        nonlocal done
        if refresher.stop.is_set():
            return FeedReport(feed.url, feed.name, error="not fetched: the refresh was stopped")
        try:
            report = refresher.refresh(feed)
        except Exception as exc:  # a bug or a broken library, not a bad feed: one line
            if os.environ.get("INBRIEF_DEBUG"):
                raise
            report = FeedReport(feed.url, feed.name, error=internal_error(exc))
        if progress is not None:
            with lock:
                done += 1
                progress(done, len(todo), report)
        return report

    pool = ThreadPoolExecutor(options.feed_workers, thread_name_prefix="inbrief-feed")
    try:
        return list(pool.map(one, todo))
    except BaseException:  # Ctrl+C: let the running feeds end without starting more
        refresher.stop.set()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        refresher.close()


def internal_error(exc: Exception) -> str:
    """One line for an unexpected failure (``INBRIEF_DEBUG=1`` raises it instead)."""
    if isinstance(exc, sqlite3.Error):
        return f"the library could not be written ({exc})"[:300]
    return f"internal error ({type(exc).__name__}: {exc})"[:300]


def refresh_fetched(
    library: Library,
    feed: Feed,
    fetched: Fetched,
    parsed: ParsedFeed,
    options: RefreshOptions | None = None,
) -> FeedReport:
    """Store a feed just fetched and parsed (subscribing does both to find the feed)."""
    refresher = _Refresher(library, options or RefreshOptions())
    try:
        return refresher.refresh(feed, (fetched, parsed))
    finally:
        refresher.close()
