"""Pilot tests for the library screen: list, search, add from a path, delete."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbrief.ingest import load_articles
from inbrief.tui.screens.library import LibraryScreen
from inbrief.tui.screens.reader import ReaderScreen
from inbrief.tui.widgets.article_list import ArticleList
from tests.conftest import FIXTURES, SEED_JSON
from tests.tui_support import isolate, make_app, seeded_library


@pytest.mark.asyncio
async def test_library_lists_and_searches(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)
    library = seeded_library(tmp_path)
    library.add(load_articles(str(FIXTURES / "article.md")))
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        articles = app.screen.query_one(ArticleList)
        assert isinstance(app.screen, LibraryScreen) and articles.row_count == 2
        await pilot.press("slash", *"kremlin")
        await pilot.pause()
        assert articles.row_count == 1 and articles.total == 1
        await pilot.press("enter")  # from the search box to the list
        await pilot.press("enter")  # open
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article is not None and "Putin" in app.screen.article.title
        await pilot.press("escape")
        await pilot.press("escape")  # clear the search
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and articles.row_count == 2
        assert not articles.query_spec.text


@pytest.mark.asyncio
async def test_add_from_path_runs_in_a_worker(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, tmp_path)
    library = seeded_library(tmp_path, seed=False)
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.screen.query_one("#empty").display
        await pilot.press("a")
        await pilot.press(*str(SEED_JSON), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert library.count() == 1
        assert app.screen.query_one(ArticleList).row_count == 1
        assert not app.screen.query_one("#empty").display
        await pilot.press("a", *str(tmp_path / "missing.html"), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert library.count() == 1
        assert any("no such file" in str(n.message) for n in app._notifications)


@pytest.mark.asyncio
async def test_sources_on_the_command_line_open_the_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, tmp_path)
    library = seeded_library(tmp_path, seed=False)
    app = make_app(library, [str(SEED_JSON), str(SEED_JSON)])
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert library.count() == 1  # the duplicate was skipped


@pytest.mark.asyncio
async def test_delete_asks_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)
    library = seeded_library(tmp_path)
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", "n")
        assert library.count() == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert library.count() == 0
        assert app.screen.query_one(ArticleList).row_count == 0


@pytest.mark.asyncio
async def test_sort_and_unread_filter(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)
    library = seeded_library(tmp_path)
    library.add(load_articles(str(FIXTURES / "article.md")))
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        articles = app.screen.query_one(ArticleList)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("s", "s")  # added -> published -> title
        assert app.screen.spec.sort.value == "title"
        titles = [str(articles.get_row_at(i)[1]) for i in range(articles.row_count)]
        assert titles == sorted(titles, key=str.casefold)
        await pilot.press("r")  # mark the first read
        await pilot.press("u")
        assert articles.row_count == 1 and articles.total == 1


def test_run_app_refuses_a_damaged_library_without_touching_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import argparse

    from inbrief.tui.app import run_app

    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"definitely not sqlite" * 50)
    status = run_app(argparse.Namespace(library=str(garbage), sources=[]))
    assert status == 1
    assert "not an inbrief library" in capsys.readouterr().err
    assert garbage.read_bytes() == b"definitely not sqlite" * 50


@pytest.mark.asyncio
@pytest.mark.parametrize("width", [40, 100])
async def test_empty_library_names_both_ways_to_fill_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, width: int
) -> None:
    isolate(monkeypatch, tmp_path)
    app = make_app(seeded_library(tmp_path, seed=False))
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        hint = app.screen.query_one("#empty")
        drawn = " ".join(hint.render_line(y).text.strip() for y in range(hint.size.height))
        assert "Press a to add a URL or a file" in drawn  # wrapped whole at 40 columns too
        assert "inbrief --subscribe URL" in " ".join(drawn.split())
