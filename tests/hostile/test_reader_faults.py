"""The reader survives every library fault: one notification line, and it keeps working.

Before, each of these ended the app with a traceback (``database is locked``, ``attempt to
write a readonly database``, ``vtable constructor failed``); a crash would surface here as
the exception re-raised when the Pilot session ends.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from inbrief.library import Query, opening
from inbrief.tui.app import InbriefApp
from inbrief.tui.screens.library import LibraryScreen
from inbrief.tui.screens.reader import ReaderScreen
from tests.hostile.test_library_faults import _overwrite_pages
from tests.tui_support import isolated_library, make_app, reopened_library


def _messages(app: InbriefApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.asyncio
async def test_read_only_library_reads_and_says_so_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    library = isolated_library(monkeypatch, tmp_path)
    library._conn.execute("PRAGMA query_only = 1")  # SQLite's answer for a read-only file
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")  # mark read: a write
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter")  # the reader opens (marking read fails quietly: said once)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.article is not None
        await pilot.press("escape")  # saving the position fails too
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        faults = [m for m in _messages(app) if "read-only" in m]
        assert len(faults) == 1 and "\n" not in faults[0]
    library.close()


@pytest.mark.asyncio
async def test_busy_library_is_a_message_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(opening, "BUSY_TIMEOUT_MS", 100)
    library = reopened_library(monkeypatch, tmp_path)
    other = sqlite3.connect(tmp_path / "library.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the other reader is adding
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert any("busy" in m for m in _messages(app))
        other.execute("ROLLBACK")
        await pilot.press("r")  # the retry works
        await pilot.pause()
        assert library.page(Query())[0].read
    library.close()


@pytest.mark.asyncio
async def test_damaged_search_index_and_damage_at_open(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def damage(path: Path) -> None:
        _overwrite_pages(path, "articles_fts_data")
        _overwrite_pages(path, "articles_fts_config")

    library = reopened_library(monkeypatch, tmp_path, damage)
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("damaged" in m for m in _messages(app))  # found at open (quick_check)
        await pilot.press("slash", *"putin")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert all("\n" not in m for m in _messages(app))
    library.close()
