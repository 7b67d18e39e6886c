"""The library list as newsboat and vim users expect it: keys, dates, sorting, undo, resizing."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbrief.library import Query, Sort
from inbrief.model import Article, Block, BlockKind, Section
from inbrief.tui.app import InbriefApp
from inbrief.tui.screens.library import LibraryScreen
from inbrief.tui.widgets import article_list
from inbrief.tui.widgets.article_list import ArticleList
from tests.tui_support import app_with_articles, isolate, make_app, seeded_library


def article(n: int, published: str | None) -> Article:
    body = Block(BlockKind.PARAGRAPH, [f"Article number {n} says something of its own, {n}."])
    return Article(f"Title {n:02d}", [Section("", 0, [body])], published=published)


DATED = [article(1, "2021-05-01"), article(2, None), article(3, "2023-01-09"), article(4, None)]


def titles(articles: ArticleList) -> list[str]:
    return [str(articles.get_row_at(i)[1]) for i in range(articles.row_count)]


def cell(articles: ArticleList, row: int, column: str) -> str:
    return str(articles.get_cell_at((row, articles.get_column_index(column))))


def notices(app: InbriefApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def header(articles: ArticleList) -> str:
    return articles.render_line(0).text


@pytest.mark.asyncio
async def test_undated_articles_show_no_date_and_sort_last(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = app_with_articles(monkeypatch, tmp_path, *DATED)
    async with app.run_test(size=(120, 30)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.press("s")  # added -> published
        assert isinstance(app.screen, LibraryScreen) and app.screen.spec.sort is Sort.PUBLISHED
        assert titles(articles) == ["Title 03", "Title 01", "Title 04", "Title 02"]
        assert [cell(articles, i, "date") for i in range(4)] == ["2023-01-09", "2021-05-01", "", ""]
        await pilot.press("S")  # oldest first: the undated still come last
        assert titles(articles) == ["Title 01", "Title 03", "Title 02", "Title 04"]
        status = str(app.screen.query_one("#status").render())
        assert "oldest first, undated last" in status


@pytest.mark.asyncio
async def test_sort_reverses_and_is_remembered(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = app_with_articles(monkeypatch, tmp_path, *DATED)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("s", "s", "S")  # title, Z to A
        articles = app.screen.query_one(ArticleList)
        assert titles(articles) == ["Title 04", "Title 03", "Title 02", "Title 01"]
    config = (tmp_path / "config" / "config.toml").read_text()
    assert "[library]" in config and 'sort = "title"' in config and "reverse = true" in config
    again = make_app(seeded_library(tmp_path, seed=False))
    async with again.run_test(size=(120, 30)):
        assert isinstance(again.screen, LibraryScreen)
        assert again.screen.spec == Query(sort=Sort.TITLE, reverse=True)
        assert titles(again.screen.query_one(ArticleList))[0] == "Title 04"


@pytest.mark.asyncio
async def test_vim_keys_move_through_every_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(article_list, "PAGE", 10)
    app = app_with_articles(monkeypatch, tmp_path, *(article(n, None) for n in range(30)))
    async with app.run_test(size=(100, 30)) as pilot:
        articles = app.screen.query_one(ArticleList)
        assert articles.row_count < 30  # not every page loaded
        await pilot.press("j", "j")
        assert articles.cursor_row == 2
        await pilot.press("k")
        assert articles.cursor_row == 1
        await pilot.press("G")  # only the last page is loaded
        assert titles(articles)[-1] == "Title 00" and articles.cursor_row == articles.row_count - 1
        assert articles.row_count <= 10
        await pilot.press(*"k" * 29)  # moving up loads the pages before
        await pilot.pause()
        assert articles.selected_id is not None
        assert str(articles.get_row_at(articles.cursor_row)[1]) == "Title 29"
        await pilot.press("g")
        assert articles.cursor_row == 0 and titles(articles)[0] == "Title 29"
        await pilot.press("end")
        assert titles(articles)[articles.cursor_row] == "Title 00"
        await pilot.press("home")
        assert articles.cursor_row == 0 and titles(articles)[0] == "Title 29"


@pytest.mark.asyncio
async def test_delete_can_be_undone_for_a_while(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = app_with_articles(monkeypatch, tmp_path, *DATED)
    library = app.library
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        articles = app.screen.query_one(ArticleList)
        first = articles.selected_id
        assert first is not None
        library.mark_read(first)
        await pilot.press("d", "y")
        await pilot.pause()
        assert library.count() == 3 and articles.row_count == 3
        assert any("z undoes" in text for text in notices(app))
        await pilot.press("z")
        await pilot.pause()
        assert library.count() == 4 and articles.selected_id == first
        shown = notices(app)  # the "z undoes" notice is taken back, "Restored" replaces it
        assert not any("z undoes" in text for text in shown)
        assert any("Restored" in text for text in shown)
        entry = library.entry(first)
        assert entry is not None and entry.read  # restored as it was, under the same id
        assert library.count(Query("Article number")) == 4  # searchable again
        monkeypatch.setattr("inbrief.tui.screens.library.UNDO_SECONDS", 0.1)
        await pilot.press("d", "y")
        await pilot.pause(0.3)
        await pilot.press("z")  # too late
        await pilot.pause()
        assert library.count() == 3


@pytest.mark.asyncio
async def test_A_marks_all_in_view_read_and_z_takes_it_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """newsboat's A: every unread article in view (the search, feed and unread filters) is
    marked read in one go, and z makes exactly those unread again."""
    app = app_with_articles(monkeypatch, tmp_path, *DATED)
    library = app.library
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        articles = app.screen.query_one(ArticleList)
        [first] = library.page(Query("1"))
        library.mark_read(first.id)
        await pilot.press("slash", "3", "enter")  # in view: article 3 alone
        await pilot.pause()
        assert titles(articles) == ["Title 03"]
        await pilot.press("A")
        await pilot.pause()
        assert "Marked 1 article read · z undoes" in notices(app)
        assert library.count(Query(unread_only=True)) == 2  # 2 and 4, out of view, untouched
        await pilot.press("z")
        await pilot.pause()
        assert library.count(Query(unread_only=True)) == 3
        assert not any("z undoes" in text for text in notices(app))
        await pilot.press("slash", "escape")  # the whole library in view
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        assert "Marked 3 articles read · z undoes" in notices(app)
        assert library.count(Query(unread_only=True)) == 0
        await pilot.press("z")
        await pilot.pause()
        entry = library.entry(first.id)
        assert entry is not None and entry.read  # read before A: still read after the undo
        assert library.count(Query(unread_only=True)) == 3
        await pilot.press("u", "A", "A")
        await pilot.pause()
        assert "Nothing unread here" in notices(app)


@pytest.mark.asyncio
async def test_help_lists_the_list_keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = app_with_articles(monkeypatch, tmp_path, *DATED)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one("#keys")
        ids = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}  # type: ignore[attr-defined]
        assert {
            "library.down",
            "library.last",
            "library.reverse-sort",
            "library.undo",
            "library.mark-all-read",
        } <= ids


@pytest.mark.asyncio
async def test_columns_survive_shrinking_and_widening(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, tmp_path)
    app: InbriefApp = make_app(seeded_library(tmp_path))
    async with app.run_test(size=(160, 48)) as pilot:
        articles = app.screen.query_one(ArticleList)
        wide = header(articles)
        for size in [(80, 24), (160, 48), (60, 20), (160, 48)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            line = header(articles)
            assert "Title" in line and "Date" in line and "Read" in line, (size, line)
            # The last column ends at the right edge (less the scrollbar gutter): no gap.
            assert len(line.rstrip()) >= size[0] - 4, (size, line)
            title = cell(articles, 0, "title")
            assert title.startswith("No path to peace")
        assert header(articles) == wide
