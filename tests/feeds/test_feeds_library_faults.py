"""The feed commands and the reader's feed picker on a damaged or busy library: one line each,
as the rest of inbrief says it (:mod:`inbrief.library.faults`), never a raw SQLite traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from benchmarks.feed_documents import make_items
from inbrief.feeds.items import item_hash, item_key
from inbrief.feeds.model import FeedItem
from inbrief.feeds.prepare import finish, prepare_items
from inbrief.library import LibraryError, open_library, opening
from tests.feeds.conftest import Cli
from tests.hostile.test_library_faults import _overwrite_pages
from tests.tui_support import make_app, reopened_library

FEEDS = 120


def _subscribed(path: Path) -> None:
    """A library of ``FEEDS`` feeds with long titles (the table spans many pages), one item each."""
    library = open_library(path)
    for n in range(FEEDS):
        feed, _ = library.add_feed(f"https://feeds{n}.example/rss", f"Feed {n} " + "x" * 200)
        item = FeedItem(
            id=f"g{n}", title=f"Item {n}", link=f"https://feeds{n}.example/1",
            content_html="".join(f"<p>{p}</p>" for p in make_items("", n, 1)[0].paragraphs),
        )  # fmt: skip
        [ready] = prepare_items([(item_key(item), item_hash(item), item)])
        assert ready.article is not None
        library.store_item(feed.id, ready.key, ready.digest, *finish(ready.article))
    library.close()


def _one_line_each(err: str) -> None:
    assert err and "Traceback" not in err
    assert all(line.startswith("inbrief: ") for line in err.splitlines())


def test_damaged_feeds_table_gives_one_line(tmp_path: Path, cli: Cli) -> None:
    _subscribed(cli.library)
    _overwrite_pages(cli.library, "feeds")
    for args in (["--feeds"], ["--feeds", "--format", "json"], ["--refresh"]):
        status, _, err = cli(*args)
        assert status == 1, args
        _one_line_each(err)
        assert "damaged" in err
    status, _, err = cli("--list", "--feed", "https://feeds7.example/rss")
    assert status == 1
    _one_line_each(err)
    status, _, err = cli("--list", "--format", "jsonl")  # the articles table is sound
    assert status in (0, 1)
    if status:
        _one_line_each(err)


def test_busy_library_gives_one_line_per_feed(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = open_library(cli.library)
    library.add_feed("http://127.0.0.1:9/feed", "Unreachable")  # fails fast: nothing listens
    library.close()
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(cli.library, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another inbrief is writing
    try:
        status, out, err = cli("--refresh")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert status == 1
    _one_line_each(err)
    assert "busy" in err
    assert out.splitlines()[-1].endswith("1 failed")


@pytest.mark.asyncio
async def test_feed_picker_on_a_damaged_library_is_a_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def damage(path: Path) -> None:
        _subscribed(path)
        _overwrite_pages(path, "feeds")

    library = reopened_library(monkeypatch, tmp_path, damage)
    with pytest.raises(LibraryError):
        library.feeds()
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("damaged" in m for m in messages)
        assert all("\n" not in m for m in messages)
    library.close()
