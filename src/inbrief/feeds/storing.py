"""Storing one feed's new and changed items: articles from the feed's own text at once, and
teasers once their page is fetched and extracted.

A feed's thread prepares its items (in the worker processes when the run is large, see
:mod:`~inbrief.feeds.workers`), stores the whole ones and hands the teasers to the page
threads; it does not wait for those pages, so the next feed's fetch overlaps them. Each item
is stored in a transaction of its own as soon as it is ready.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial

from inbrief.errors import InbriefError
from inbrief.feeds.hosts import HostLimiter, PageQueue
from inbrief.feeds.items import item_hash, item_key
from inbrief.feeds.model import FeedItem, ParsedFeed
from inbrief.feeds.prepare import PageResult, Prepared, finish, prepare_items, prepare_page
from inbrief.feeds.workers import Stopped, WorkerCrashed, Workers
from inbrief.fetch import FetchLimits
from inbrief.ingest import RawSource, read_source
from inbrief.library import Feed, Library, Stored
from inbrief.library.identity import canonical_url
from inbrief.model import Article

#: An item whose page could not be fetched is stored from the feed with this mark on its hash,
#: so the next change of the feed tries the page again.
TEASER_ONLY = ":teaser-only"
#: Items per piece of preparation work: small enough to share a big feed among the workers
#: and to store its first items early, large enough to keep messages between processes few.
PREPARE_CHUNK = 8
#: Teasers waiting for a page thread, per page thread: feeds are not read further ahead.
QUEUED_PER_PAGE_WORKER = 4
#: Seconds between the "added" times of one feed's new items (100,000 items span 1 s; a
#: Unix time in a double resolves 0.25 us).
ADDED_STEP = 1e-5


class ItemStore:
    """Stores feeds' items for one refresh run (shared by its feed and page threads)."""

    def __init__(
        self,
        library: Library,
        workers: Workers,
        hosts: HostLimiter,
        page_workers: int,
        page_limits: FetchLimits,
    ) -> None:
        self.library = library
        self.workers = workers
        self.stop = workers.stop
        self.page_limits = page_limits
        # Threads beyond the fetching ones wait for the worker processes' extraction, so that
        # fetches go on meanwhile; with one process, one thread does both, one page at a time.
        waiting = 2 * workers.processes if workers.processes > 1 else 0
        self.pages = PageQueue(page_workers + waiting, page_workers, hosts)
        self._queued = threading.BoundedSemaphore(page_workers * QUEUED_PER_PAGE_WORKER)
        #: (feed id, item key) -> the time the item counts as added (see :meth:`store`).
        self._added: dict[tuple[int, str], float] = {}

    def store(
        self, feed: Feed, parsed: ParsedFeed, count: Callable[[Stored], None]
    ) -> list[Future[str | None]]:
        """Store the feed's whole items now; the teasers' pages are fetched by the page threads:
        one future each, whose result is the page's problem (the teaser was kept) or None.

        Raises :class:`~inbrief.feeds.workers.Stopped` when the run is stopped meanwhile.
        """
        known = self.library.known_items(feed.id)
        links = self.library.known_links(feed.id)
        todo = [
            (key, digest, item)
            for item in reversed(parsed.items)  # oldest first: "added" follows the feed's order
            if known.get(key := item_key(item)) != (digest := item_hash(item))
            # A new GUID on a link this feed brought is the feed renaming its items (some make
            # a new id on every render): the library would keep the article it has anyway.
            and (key in known or canonical_url(item.link) not in links)
        ]
        # Items count as added in order of publication (the feed's order among equal or
        # missing dates), whenever their pages arrive: the library's "newest added first"
        # then lists one refresh's items newest first.
        now = time.time()
        order = sorted(range(len(todo)), key=lambda n: (todo[n][2].published or "", n))
        self._added.update(
            ((feed.id, todo[n][0]), now + rank * ADDED_STEP) for rank, n in enumerate(order)
        )
        chunks = [todo[n : n + PREPARE_CHUNK] for n in range(0, len(todo), PREPARE_CHUNK)]
        pages: list[Future[str | None]] = []
        crashed: list[str] = []
        for prepared in self.workers.map(
            partial(prepare_items, feed_site=parsed.site),
            chunks,
            len(todo),
            crashed=partial(self._prepare_one_by_one, parsed.site, crashed),
        ):
            for ready in prepared:
                if ready.teaser:
                    self._wait_for_room()
                    link = ready.item.link
                    assert link is not None  # is_teaser needs a link
                    page = self.pages.submit(
                        link,
                        partial(self._fetch_page, link, feed.url),
                        partial(self._store_page, feed, ready, count),
                    )
                    page.add_done_callback(lambda _: self._queued.release())
                    pages.append(page)
                elif ready.article is not None:
                    count(self._store(feed, ready, ready.article, ready.gist))
        for name in crashed:
            problem: Future[str | None] = Future()
            problem.set_result(f"{name}: {WorkerCrashed.reason}")
            pages.append(problem)
        return pages

    def _prepare_one_by_one(
        self, site: str | None, crashed: list[str], chunk: list[tuple[str, str, FeedItem]]
    ) -> list[Prepared]:
        """A chunk of items whose preparation ended its worker twice, item by item: an item
        that ends its worker again is left out (named in ``crashed``; not stored, so the next
        refresh tries it again), the others are stored."""
        prepared: list[Prepared] = []
        for entry in chunk:
            try:
                prepared += self.workers.run_alone(partial(prepare_items, [entry], site))
            except WorkerCrashed:
                crashed.append(entry[2].link or entry[0])
        return prepared

    def _wait_for_room(self) -> None:
        while not self._queued.acquire(timeout=0.2):
            if self.stop.is_set():
                raise Stopped

    def _store(
        self, feed: Feed, ready: Prepared, article: Article, gist: str | None, mark: str = ""
    ) -> Stored:
        added = self._added.pop((feed.id, ready.key), None)
        return self.library.store_item(
            feed.id, ready.key, ready.digest + mark, article, gist, added
        )

    def _fetch_page(self, link: str, feed_url: str) -> RawSource | str:
        """A teaser's page, or why it could not be fetched (a public feed's item may not send
        inbrief to a private address)."""
        if self.stop.is_set():
            raise Stopped
        try:
            return read_source(link, self.page_limits, self.stop.is_set, origin=feed_url)
        except InbriefError as exc:
            return exc.reason

    def _store_page(
        self, feed: Feed, ready: Prepared, count: Callable[[Stored], None], raw: RawSource | str
    ) -> str | None:
        """Extract a teaser's fetched page and store the longer text; the teaser if the page
        failed (then the problem, ``URL: reason``, is returned)."""
        if isinstance(raw, str):
            page = PageResult(error=raw)
        else:
            try:
                page = self.workers.run(1, prepare_page, raw, ready.item, ready.article)
            except WorkerCrashed:
                page = PageResult(error=WorkerCrashed.reason)
        if page.article is not None:
            count(self._store(feed, ready, page.article, page.gist))
            return None
        if ready.article is not None:
            # Stored from the feed, marked so that the next change of the feed tries again.
            count(self._store(feed, ready, *finish(ready.article), mark=TEASER_ONLY))
        return f"{ready.item.link}: {page.error}"

    def close(self) -> None:
        self.pages.close()
