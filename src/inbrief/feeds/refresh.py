"""Refresh feeds: conditional GET, parse, and store each new item as a whole article.

Feeds are fetched by a small pool of threads and the pages of teaser items by another
(:mod:`~inbrief.feeds.storing`), with :class:`~inbrief.feeds.hosts.HostLimiter` keeping each
host to a couple of requests at a time; making articles and gists, the CPU work, goes to worker
processes when a run has enough of it (:mod:`~inbrief.feeds.workers`). Each item is stored in a
transaction of its own as soon as it is ready. A feed's validators (ETag, Last-Modified) are
saved only after all its items are stored, so a refresh killed or stopped half-way fetches the
feed again next time instead of being told "304, nothing new".
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from inbrief.errors import InbriefError
from inbrief.feeds.hosts import HostLimiter
from inbrief.feeds.model import ParsedFeed
from inbrief.feeds.parse import parse_feed
from inbrief.feeds.storing import ItemStore
from inbrief.feeds.workers import POOL_MIN_ITEMS, Stopped, Workers
from inbrief.fetch import Fetched, FetchLimits, HTTPStatusError, fetch
from inbrief.library import Feed, FetchState, Library, LibraryError, Stored

#: What a feed request accepts (a page that announces a feed is fine too: discovery).
FEED_ACCEPT = (
    "application/atom+xml, application/rss+xml, application/feed+json, application/rdf+xml,"
    " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5"
)
#: Feeds are smaller than articles can be; a 50 MB "feed" is refused at this cap.
FEED_LIMITS = FetchLimits(max_bytes=16 * 1024 * 1024)
#: Without a Retry-After, a feed answered 429 or 503 is left alone this long.
DEFAULT_BACKOFF = 15 * 60.0


@dataclass(frozen=True, slots=True)
class RefreshOptions:
    """How much at once: feed fetches, page fetches (for teasers), and per host."""

    feed_workers: int = 4
    page_workers: int = 6
    per_host: int = 2
    #: Worker processes for making articles and gists (None: one per core; 1: none).
    processes: int | None = None
    #: Items to prepare in a run before the worker processes start (see :mod:`.workers`).
    pool_min_items: int = POOL_MIN_ITEMS
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


#: The error of a feed that a stop left unfinished: its validators are not saved, so the next
#: refresh fetches it whole again.
STOPPED = "not finished: the refresh was stopped"


def _finished(report: FeedReport) -> Future[FeedReport]:
    future: Future[FeedReport] = Future()
    future.set_result(report)
    return future


class _Refresher:
    """One refresh run: the host limiter, the item store (page threads, worker processes) and
    the library, shared by its feeds."""

    def __init__(
        self, library: Library, options: RefreshOptions, stop: threading.Event | None = None
    ) -> None:
        self.library = library
        self.options = options
        #: Set to stop early (the reader is closing, Ctrl+C): nothing new is started.
        self.stop = stop or threading.Event()
        self.hosts = HostLimiter(options.per_host)
        workers = Workers(options.processes, self.stop, options.pool_min_items)
        self.items = ItemStore(
            library, workers, self.hosts, options.page_workers, options.page_limits
        )

    def fetch_feed(self, feed: Feed) -> Fetched:
        headers = {"Accept": FEED_ACCEPT}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        with self.hosts.slot(feed.url):
            return fetch(feed.url, self.options.feed_limits, self.stop.is_set, headers=headers)

    def refresh(
        self, feed: Feed, prefetched: tuple[Fetched, ParsedFeed] | None = None
    ) -> Future[FeedReport]:
        """Fetch (unless given) and store one feed; never raises for a bad feed. The report is
        ready once the feed's teaser pages are stored too (this returns before that)."""
        report = FeedReport(feed.url, feed.name)
        now = time.time()
        if prefetched is None and feed.retry_after is not None and feed.retry_after > now:
            report.deferred_until = feed.retry_after
            return _finished(report)
        keep = FetchState(etag=feed.etag, last_modified=feed.last_modified)
        try:
            if prefetched is not None:
                fetched, parsed = prefetched
            else:
                fetched = self.fetch_feed(feed)
                if fetched.status == 304:  # nothing new: no parsing at all
                    report.not_modified = True
                    self.library.record_fetch(feed.id, keep)
                    return _finished(report)
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
            return _finished(report)
        except InbriefError as exc:
            report.error = exc.reason
            self.library.record_fetch(
                feed.id, FetchState(feed.etag, feed.last_modified, exc.reason)
            )
            return _finished(report)
        report.title = parsed.title or feed.name
        lock = threading.Lock()

        def count(stored: Stored) -> None:
            with lock:
                report.new += stored is Stored.NEW
                report.updated += stored is Stored.UPDATED

        try:
            pages = self.items.store(feed, parsed, count)
        except Stopped:  # what was stored stays
            report.error = STOPPED
            return _finished(report)
        validators = fetched.validators
        state = FetchState(
            etag=validators.get("etag"),
            last_modified=validators.get("last-modified"),
            error=parsed.error,
            title=parsed.title,
            site=parsed.site,
        )
        return self._when_stored(feed, report, pages, state)

    def _when_stored(
        self, feed: Feed, report: FeedReport, pages: list[Future[str | None]], state: FetchState
    ) -> Future[FeedReport]:
        """The report, once every page is stored; then the feed's validators are saved (only
        if nothing was left undone)."""
        result: Future[FeedReport] = Future()
        left = [len(pages)]
        lock = threading.Lock()

        def finish() -> None:
            report.error = state.error
            try:
                for page in pages:
                    problem = None if page.cancelled() else page.exception()
                    if page.cancelled() or isinstance(problem, Stopped):
                        report.error = STOPPED
                    elif problem is not None:
                        raise problem
                    elif isinstance(found := page.result(), str):
                        report.item_errors.append(found)
                if report.error != STOPPED:
                    self.library.record_fetch(feed.id, state)
            except Exception as exc:  # a broken library or a bug: the feed's one line
                if os.environ.get("INBRIEF_DEBUG"):
                    raise
                report.error = internal_error(exc)
            result.set_result(report)

        def one_done(_: Future[str | None]) -> None:
            with lock:
                left[0] -= 1
                last = left[0] == 0
            if last:
                finish()

        if not pages:
            finish()
        for page in pages:
            page.add_done_callback(one_done)
        return result

    def close(self) -> None:
        self.items.close()
        self.items.workers.close()


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

    def tick(future: Future[FeedReport]) -> None:
        nonlocal done
        if progress is not None:
            with lock:
                done += 1
                progress(done, len(todo), future.result())

    def one(feed: Feed) -> Future[FeedReport]:
        if refresher.stop.is_set():
            report = FeedReport(feed.url, feed.name, error="not fetched: the refresh was stopped")
            future = _finished(report)
        else:
            try:
                future = refresher.refresh(feed)
            except Exception as exc:  # a bug or a broken library, not a bad feed: one line
                if os.environ.get("INBRIEF_DEBUG"):
                    raise
                future = _finished(FeedReport(feed.url, feed.name, error=internal_error(exc)))
        future.add_done_callback(tick)
        return future

    pool = ThreadPoolExecutor(options.feed_workers, thread_name_prefix="inbrief-feed")
    try:
        return [future.result() for future in list(pool.map(one, todo))]
    except BaseException:  # Ctrl+C: let the running feeds end without starting more
        refresher.stop.set()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        refresher.close()


def internal_error(exc: Exception) -> str:
    """One line for an unexpected failure (``INBRIEF_DEBUG=1`` raises it instead)."""
    if isinstance(exc, LibraryError):  # busy, read-only, full, damaged: already one line
        return exc.reason[:300]
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
        return refresher.refresh(feed, (fetched, parsed)).result()
    finally:
        refresher.close()
