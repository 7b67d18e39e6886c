"""Pilot tests for feeds in the reader: ``f`` filters the library by feed, ``R`` refreshes
every feed in a worker and new items appear without a restart, also while reading."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest

from benchmarks.feed_documents import CONTENT_TYPES, rss
from inbrief.feeds.refresh import refresh_feeds
from inbrief.feeds.subscribe import subscribe
from inbrief.feeds.workers import POOL_MIN_ITEMS
from inbrief.tui.screens.feeds import FeedPickerScreen
from inbrief.tui.screens.library import LibraryScreen
from inbrief.tui.screens.reader import ReaderScreen
from inbrief.tui.widgets.article_list import ArticleList
from inbrief.tui.widgets.feed_progress import FeedProgress
from tests.conftest import LocalServer, Route
from tests.feeds.support import answer, feed_items, serve_feed, serve_pages
from tests.tui_support import isolated_library, make_app


@pytest.mark.asyncio
async def test_f_filters_by_feed_and_R_brings_new_items(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, server: LocalServer
) -> None:
    library = isolated_library(monkeypatch, tmp_path)  # one article added by hand
    url = serve_feed(server, "/news.xml", "rss", feed_items(server, 1, 2), title="Morning News")
    subscribe(library, url)
    app = make_app(library)
    async with app.run_test(size=(110, 30)) as pilot:
        articles = app.screen.query_one(ArticleList)
        assert articles.row_count == 3
        sites = {str(articles.get_row_at(n)[2]) for n in range(3)}
        assert "Morning News" in sites  # feed articles show their feed's name
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FeedPickerScreen)
        await pilot.press("down", "enter")  # below "All articles": the feed
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert articles.row_count == 2 and articles.total == 2
        assert "from Morning News" in str(app.screen.query_one("#status").render())

        serve_feed(server, "/news.xml", "rss", feed_items(server, 1, 5), title="Morning News")
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert articles.row_count == 5  # the three new items, still filtered by the feed
        assert not app.screen.query(FeedProgress)
        assert "1 feed refreshed: 3 new" in [str(n.message) for n in app._notifications]

        await pilot.press("f", "up", "enter")  # the picker opens on the feed: up to every article
        await pilot.pause()
        assert articles.row_count == 6


@pytest.mark.asyncio
async def test_refresh_runs_on_while_reading(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, server: LocalServer
) -> None:
    library = isolated_library(monkeypatch, tmp_path)
    items = feed_items(server, 2, 3)
    serve_pages(server, items)
    body = rss("Slow Feed", server.url("/"), items)
    release = threading.Event()

    def slow(handler: BaseHTTPRequestHandler) -> None:
        release.wait(10)
        answer(handler, body, CONTENT_TYPES["rss"])

    library.add_feed(server.add("/slow.xml", Route(handler=slow)))
    app = make_app(library)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.press("R")
        await pilot.pause()
        await pilot.press("enter")  # open the article while the feed is being fetched
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.query(FeedProgress)  # the bar shows over the reader
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.screen.query(FeedProgress)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(ArticleList).row_count == 4


@pytest.mark.asyncio
async def test_R_with_enough_items_for_worker_processes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, server: LocalServer
) -> None:
    library = isolated_library(monkeypatch, tmp_path)
    items = feed_items(server, 3, POOL_MIN_ITEMS + 4, teaser_every=4)
    library.add_feed(serve_feed(server, "/big.xml", "atom", items, title="Big"))
    app = make_app(library)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.press("R")  # the refresh's worker thread starts the process pool
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one(ArticleList).total == len(items) + 1
        assert any(f"{len(items)} new" in str(n.message) for n in app._notifications)


@pytest.mark.asyncio
async def test_a_failing_refresh_is_shown_and_the_app_keeps_going(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, server: LocalServer
) -> None:
    """A bug inside the refresh (here a RuntimeError from the refresh itself) is a notice and
    the progress bar goes away; the reader stays open and R works again (before: the app
    closed with exit code 1)."""
    library = isolated_library(monkeypatch, tmp_path)
    url = serve_feed(server, "/news.xml", "rss", feed_items(server, 1, 2), title="Morning News")
    subscribe(library, url)

    calls = []

    def broken_once(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("injected refresh bug")
        return refresh_feeds(*args, **kwargs)

    monkeypatch.setattr("inbrief.tui.screens.feeds.refresh_feeds", broken_once)
    app = make_app(library)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LibraryScreen)
        assert not app.screen.query(FeedProgress)
        messages = [str(n.message) for n in app._notifications]
        assert "RuntimeError: injected refresh bug" in messages
        serve_feed(server, "/news.xml", "rss", feed_items(server, 1, 3), title="Morning News")
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one(ArticleList).row_count == 4


@pytest.mark.asyncio
async def test_feeds_with_one_title_are_told_apart_in_the_picker(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, server: LocalServer
) -> None:
    """Two feeds both called "News" (a site's default feed title) were two identical lines in
    the picker; each now shows its address too, and the status line names the one chosen."""
    library = isolated_library(monkeypatch, tmp_path)
    for path, seed in (("/a/feed", 1), ("/b/feed", 2)):
        subscribe(library, serve_feed(server, path, "rss", feed_items(server, seed, 1), "News"))
    app = make_app(library)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        options = app.screen.query_one("#feed-options")
        lines = [str(options.get_option_at_index(n).prompt) for n in (1, 2)]  # type: ignore[attr-defined]
        assert lines[0] != lines[1] and all(line.startswith("News (127.0.0.1:") for line in lines)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert "from News (127.0.0.1:" in str(app.screen.query_one("#status").render())
