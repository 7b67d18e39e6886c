"""Refreshing is polite and cheap, and never duplicates: conditional GET, Retry-After, GUIDs,
updated items, bounded concurrency."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from unittest import mock

import pytest

from benchmarks.feed_documents import CONTENT_TYPES, FORMATS, Item, article_page, rss
from inbrief.batch import default_jobs
from inbrief.feeds import refresh as feed_refresh
from inbrief.feeds import workers
from inbrief.feeds.refresh import RefreshOptions, refresh_feeds
from inbrief.feeds.subscribe import subscribe
from inbrief.library import Library, Position, Query, open_library
from tests.conftest import LocalServer, Route
from tests.feeds.support import (
    ConditionalFeed,
    answer,
    dies_on,
    feed_items,
    serve_feed,
    serve_pages,
)


def test_second_refresh_sends_validators_and_parses_nothing(
    server: LocalServer, library: Library
) -> None:
    items = feed_items(server, 1, 3)
    conditional = ConditionalFeed(rss("Cond", server.url("/"), items))
    url = server.add("/cond", Route(handler=conditional))
    assert subscribe(library, url).report.new == 3
    with mock.patch.object(feed_refresh, "parse_feed", side_effect=AssertionError("parsed")):
        [report] = refresh_feeds(library)
    assert report.not_modified and report.new == 0 and report.error is None
    first, second = conditional.requests
    assert "if-none-match" not in first
    assert second["if-none-match"] == '"v1"'
    assert second["if-modified-since"] == "Fri, 20 Nov 2026 10:00:00 GMT"
    assert second["user-agent"].startswith("inbrief/")


def test_retry_after_is_honoured(server: LocalServer, library: Library) -> None:
    url = serve_feed(server, "/busy", "rss", feed_items(server, 1, 1))
    subscribe(library, url)
    calls: list[int] = []

    def busy(handler: BaseHTTPRequestHandler) -> None:
        calls.append(1)
        handler.send_response(429)
        handler.send_header("Retry-After", "3600")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    server.add("/busy", Route(handler=busy))
    [report] = refresh_feeds(library)
    assert report.error == "HTTP 429 Too Many Requests"
    feed = library.feed(url)
    assert feed is not None and feed.retry_after is not None
    assert 3500 < feed.retry_after - time.time() <= 3600
    [report] = refresh_feeds(library)  # within the hour: not even asked
    assert report.deferred_until == feed.retry_after and report.error is None
    assert len(calls) == 1


def test_no_duplicates_by_guid_link_or_content(server: LocalServer, library: Library) -> None:
    items = feed_items(server, 2, 3)
    url = serve_feed(server, "/rdf", "rdf", items)  # RSS 1.0: no GUIDs, known by link
    assert subscribe(library, url).report.new == 3
    [report] = refresh_feeds(library)
    assert report.new == 0
    # The same stories in a second feed (another format, other GUIDs) are not added again.
    other = serve_feed(server, "/atom", "atom", items)
    assert subscribe(library, other).report.new == 0
    assert library.count() == 3


def test_updated_item_keeps_read_state_and_position(server: LocalServer, library: Library) -> None:
    [item] = feed_items(server, 3, 1)
    url = serve_feed(server, "/rss", "rss", [item])
    subscribe(library, url)
    [entry] = library.page(Query())
    library.mark_read(entry.id)
    library.save_position(entry.id, Position(2, 5), 0.4)
    edited = Item(item.guid, "Corrected title", item.link, (*item.paragraphs, "A correction."))
    serve_feed(server, "/rss", "rss", [edited])
    [report] = refresh_feeds(library)
    assert (report.new, report.updated) == (0, 1)
    [after] = library.page(Query())
    article, position = library.article(after.id)
    assert after.id == entry.id and after.title == "Corrected title" and after.read
    assert position == Position(2, 5) and after.progress == pytest.approx(0.4)
    assert "A correction." in article.text
    assert library.page(Query(text="correction"))[0].id == entry.id  # re-indexed


def test_concurrency_is_bounded_per_host(server: LocalServer, library: Library) -> None:
    in_flight = 0
    peak = 0
    lock = threading.Lock()
    items = [feed_items(server, n, 2) for n in range(8)]

    def slow(body: bytes) -> Route:
        def handler(request: BaseHTTPRequestHandler) -> None:
            nonlocal in_flight, peak
            with lock:
                in_flight += 1
                peak = max(peak, in_flight)
            time.sleep(0.1)
            with lock:  # before the answer: once it has it all, the client may ask again
                in_flight -= 1
            answer(request, body, CONTENT_TYPES["rss"])

        return Route(handler=handler)

    for n, feed in enumerate(items):
        library.add_feed(server.url(f"/f{n}"))
        serve_pages(server, feed)
        server.add(f"/f{n}", slow(FORMATS["rss"](f"F{n}", server.url("/"), feed)))
    reports = refresh_feeds(library, options=RefreshOptions(feed_workers=6, per_host=2))
    assert sum(r.new for r in reports) == 16
    assert peak == 2  # one host (127.0.0.1): never more than two requests at once


def test_stop_ends_a_refresh_early(server: LocalServer, library: Library) -> None:
    started = threading.Event()
    for n in range(6):
        items = feed_items(server, 40 + n, 4, teaser_every=1)
        for item in items:

            def slow(handler: BaseHTTPRequestHandler) -> None:
                started.set()
                time.sleep(0.3)
                handler.send_response(404)
                handler.send_header("Content-Length", "0")
                handler.end_headers()

            server.add(item.link.split(str(server.port), 1)[1], Route(handler=slow))
        body = FORMATS["rss"](f"F{n}", server.url("/"), items)
        library.add_feed(server.add(f"/s{n}", Route(body=body)))
    stop = threading.Event()
    reports: list[object] = []
    options = RefreshOptions(feed_workers=1, page_workers=1, per_host=1)
    worker = threading.Thread(
        target=lambda: reports.extend(refresh_feeds(library, options=options, stop=stop))
    )
    worker.start()
    assert started.wait(10)
    stop.set()
    worker.join(5)
    assert not worker.is_alive()  # 24 slow pages would take 7 s; it stopped at once
    # Feeds not reached, and feeds whose teasers were still waiting, end "stopped": their
    # validators are not saved, so the next refresh fetches them whole again.
    stopped = [r for r in reports if "the refresh was stopped" in (getattr(r, "error", "") or "")]
    assert len(stopped) >= 4
    assert all(feed.etag is None and feed.last_modified is None for feed in library.feeds())


def test_feed_counts_follow_reads_and_deletes(server: LocalServer, library: Library) -> None:
    url = serve_feed(server, "/counted", "rss", feed_items(server, 9, 3))
    subscribe(library, url)
    first, second, _ = library.page(Query())
    library.mark_read(first.id)
    library.delete(second.id)
    feed = library.feed(url)
    assert feed is not None and (feed.items, feed.unread) == (2, 1)
    library.mark_read(first.id, False)
    feed = library.feed(url)
    assert feed is not None and (feed.items, feed.unread) == (2, 2)


def test_worker_processes_store_what_threads_alone_store(
    server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = [
        serve_feed(server, f"/w{n}", kind, feed_items(server, 60 + n, 6, teaser_every=2))
        for n, kind in enumerate(("rss", "atom", "json"))
    ]
    started: list[int] = []
    start_pool = workers._start_pool

    def counted(processes: int) -> ProcessPoolExecutor:
        started.append(processes)
        return start_pool(processes)

    monkeypatch.setattr(workers, "_start_pool", counted)
    stored = {}
    for name, options in {
        "threads": RefreshOptions(processes=1),
        "processes": RefreshOptions(processes=2, pool_min_items=0),
    }.items():
        library = open_library(tmp_path / f"{name}.sqlite3")
        for url in urls:
            library.add_feed(url)
        reports = refresh_feeds(library, options=options)
        assert [r.new for r in reports] == [6, 6, 6] and not any(r.error for r in reports)
        stored[name] = {r.title: (r.gist, r.words, r.feed) for r in library.listing()}
        library.close()
    assert started == ([2] if default_jobs() > 1 else [])
    assert stored["threads"] == stored["processes"] and len(stored["threads"]) == 18
    assert all(gist for gist, _, _ in stored["processes"].values())


@pytest.mark.skipif(default_jobs() < 2, reason="a pool needs two cores")
def test_work_that_kills_its_worker_is_given_up_never_redone_in_the_refresh() -> None:
    """A page that crashes the parser ends its worker, and its pool with the work in hand:
    that work is tried once more on its own in a process (before, it was redone in the
    refresh's own process, where the same crash ends the refresh), and the next work gets a
    new pool."""
    here = os.getpid()
    pool = workers.Workers(processes=2, stop=threading.Event(), min_items=0)
    try:
        with pytest.raises(workers.WorkerCrashed):
            pool.run(1, dies_on, here, 7, 7)
        assert pool.crashes == 1 and not pool.broken
        value, worker = pool.run(1, dies_on, here, 7, 8)  # the rest of the run: a new pool
        assert value == 8 and worker != here
    finally:
        pool.close()


@pytest.mark.skipif(default_jobs() < 2, reason="a pool needs two cores")
def test_where_worker_processes_cannot_work_at_all_the_work_is_done_here() -> None:
    """Every worker dies before finishing anything (not the work's fault): after a few tries
    the run goes on in its own process rather than give up every item."""
    here = os.getpid()
    pool = workers.Workers(processes=2, stop=threading.Event(), min_items=0)
    outcomes: list[object] = []
    try:
        for value in range(1, 5):
            try:
                outcomes.append(pool.run(1, dies_on, here, value, value))
            except workers.WorkerCrashed:
                outcomes.append("crashed")
    finally:
        pool.close()
    assert outcomes[: workers.FAILED_STARTS - 1] == ["crashed"] * (workers.FAILED_STARTS - 1)
    assert outcomes[workers.FAILED_STARTS - 1 :] == [(3, here), (4, here)] and pool.broken


@pytest.mark.skipif(default_jobs() < 2, reason="a pool needs two cores")
def test_a_crash_in_a_pool_ends_only_the_work_that_caused_it() -> None:
    here = os.getpid()
    pool = workers.Workers(processes=2, stop=threading.Event(), min_items=0)
    try:
        results = list(
            pool.map(partial(dies_on, here, 3), range(1, 7), items=6, crashed=lambda x: (-x, 0))
        )
        assert [value for value, _ in results] == [1, 2, -3, 4, 5, 6]
        assert here not in {worker for _, worker in results}
        assert pool.crashes == 1
        with pytest.raises(workers.WorkerCrashed):  # no fallback given: the caller hears it
            list(pool.map(partial(dies_on, here, 2), [1, 2], items=2))
    finally:
        pool.close()


class CrashingWorkers(workers.Workers):
    """Workers in which preparing item 1 and reading item 2's page end the worker process,
    also when tried on their own (as an item or a page that crashes the parser would)."""

    def run(self, items, function, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "/a/5-2" in str(getattr(args[0], "url", "")):
            raise workers.WorkerCrashed
        return super().run(items, function, *args, **kwargs)

    def map(self, function, inputs, items, crashed=None):  # type: ignore[no-untyped-def]
        for x in inputs:
            yield crashed(x) if crashed and "/a/5-1'" in repr(x) else function(x)

    def run_alone(self, work):  # type: ignore[no-untyped-def]
        if "/a/5-1'" in repr(work):
            raise workers.WorkerCrashed
        return work()


def test_items_and_pages_that_kill_their_worker_are_reported_and_the_rest_stored(
    server: LocalServer, library: Library
) -> None:
    """Item 1 (whole in the feed) and item 2's page end their worker: item 2 keeps its teaser,
    item 1 is left for the next refresh, both are named in the report, the others are stored."""
    items = feed_items(server, 5, 6, teaser_every=2)  # items 0, 2, 4 are teasers
    serve_pages(server, items)
    library.add_feed(serve_feed(server, "/crashy", "rss", items))
    with mock.patch.object(feed_refresh, "Workers", CrashingWorkers):
        [report] = refresh_feeds(library)
    assert report.error is None and report.new == 5
    reason = workers.WorkerCrashed.reason
    assert sorted(report.item_errors) == [
        f"{items[1].link}: {reason}",
        f"{items[2].link}: {reason}",
    ]
    stored = {entry.title: entry for entry in library.page(Query())}
    assert sorted(stored) == sorted(item.title for n, item in enumerate(items) if n != 1)
    [again] = refresh_feeds(library)  # the feed has not changed; the left-out item is new
    assert again.new == 1 and not again.item_errors


@pytest.mark.parametrize("dated", [False, True])
def test_one_refresh_lists_its_items_newest_first(
    server: LocalServer, library: Library, dated: bool
) -> None:
    """Teasers' pages arrive in any order (here the newest item's last); the library's
    "newest added first" still lists one refresh's items newest published first, or in the
    feed's order when their dates are equal (before: in the order their pages arrived)."""
    items = feed_items(server, 7, 6, teaser_every=1)  # every item a teaser: text from its page
    if dated:  # a feed that lists its items oldest first
        items = [
            replace(item, published=f"2026-11-2{n}T10:00:00+00:00")
            for n, item in enumerate(reversed(items))
        ]
    newest_first = sorted(items, key=lambda item: item.published, reverse=True) if dated else items
    for item in items:
        delay = 0.05 * (6 - newest_first.index(item))

        def late(request: BaseHTTPRequestHandler, item: Item = item, delay: float = delay) -> None:
            time.sleep(delay)
            answer(request, article_page(item), "text/html; charset=utf-8")

        server.add(item.link.split(str(server.port), 1)[1], Route(handler=late))
    body = FORMATS["atom"]("F", server.url("/"), items)  # Atom carries each item's date
    library.add_feed(server.add("/feed", Route(body=body)))
    [report] = refresh_feeds(library)
    assert report.new == 6
    assert [entry.title for entry in library.page(Query())] == [i.title for i in newest_first]


@pytest.mark.parametrize("kind", ["rss", "rdf", "json"])
def test_items_that_all_link_to_one_page_are_each_kept(
    server: LocalServer, library: Library, kind: str
) -> None:
    """A feed whose items all link to its home page (status and changelog feeds do): the
    link is no item's own page, so neither the library's URL check nor a teaser's page fetch
    may fold the items into one. Before, 1 of 5 was kept (and on each refresh the other 4
    were prepared again), with RSS 1.0's GUID-less items the 5 overwrote one another."""
    home = server.url("/home")
    server.add("/home", Route(body=article_page(feed_items(server, 9, 1)[0])))
    items = [replace(item, link=home) for item in feed_items(server, 8, 5, teaser_every=2)]
    url = server.add(
        "/same",
        Route(
            body=FORMATS[kind]("Same", home, items), headers={"Content-Type": CONTENT_TYPES[kind]}
        ),
    )
    assert subscribe(library, url).report.new == 5
    titles = {entry.title for entry in library.page(Query())}
    assert titles == {item.title for item in items}
    [report] = refresh_feeds(library)
    assert (report.new, report.updated) == (0, 0) and library.count() == 5


def test_guids_that_change_on_every_fetch_cost_no_page_fetch(
    server: LocalServer, library: Library
) -> None:
    """A feed that makes new GUIDs each time it is served (a random id per render): its
    items are known by their links, so a refresh neither adds them again nor fetches their
    pages again. Before, every refresh fetched every teaser's page once more (3 of 3)."""
    items = feed_items(server, 11, 3, teaser_every=1)
    fetches: list[int] = []
    renders: list[int] = []

    def page(item: Item) -> Route:
        def handler(request: BaseHTTPRequestHandler) -> None:
            fetches.append(1)
            answer(request, article_page(item), "text/html")

        return Route(handler=handler)

    for item in items:
        server.add(item.link.split(str(server.port), 1)[1], page(item))

    def feed(request: BaseHTTPRequestHandler) -> None:
        renders.append(1)
        fresh = [replace(item, guid=f"{item.guid}:{len(renders)}") for item in items]
        answer(request, rss("Random ids", server.url("/"), fresh), "application/rss+xml")

    url = server.add("/random-ids", Route(handler=feed))
    assert subscribe(library, url).report.new == 3 and len(fetches) == 3
    for _ in range(2):
        [report] = refresh_feeds(library)
        assert (report.new, report.updated, report.error) == (0, 0, None)
    assert len(renders) == 3 and len(fetches) == 3 and library.count() == 3


def test_an_item_listed_twice_is_one_article_with_its_page(
    server: LocalServer, library: Library
) -> None:
    """The same teaser twice in a feed (an aggregator's slip) shares its link and GUID with
    itself only: it keeps them, so its page is fetched and one whole article is stored."""
    [teaser] = feed_items(server, 12, 1, teaser_every=1)
    serve_pages(server, [teaser])
    url = server.add("/twice", Route(body=rss("Twice", server.url("/"), [teaser, teaser])))
    assert subscribe(library, url).report.new == 1
    [entry] = library.page(Query())
    assert entry.word_count > 100  # the page's text, not the feed's 40-word teaser
