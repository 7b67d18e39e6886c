"""Pilot tests for links in the reader: drawn as links, picked from a list, opened or copied."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest
from textual.pilot import Pilot

from inbrief.model import Article, Block, BlockKind, Link, Section
from inbrief.tui.app import InbriefApp
from inbrief.tui.screens.links import LinkPickerScreen
from inbrief.tui.screens.reader import ReaderScreen
from inbrief.tui.widgets.article_view import ArticleView
from tests.tui_support import app_with_articles, open_reader

FIRST = "Water prices rose again this week across the valley, the council said on Tuesday."
SECOND = "Farmers asked for a review of the meters, and engineers promised a report soon."


class FakeBrowser(webbrowser.BaseBrowser):
    """Stands in for the system browser: records what it was asked to open."""

    def __init__(self) -> None:
        super().__init__("fake")
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> FakeBrowser:
    fake = FakeBrowser()
    monkeypatch.setattr(webbrowser, "get", lambda using=None: fake)
    return fake


def _article(url: str | None = "https://news.example/story") -> Article:
    first = Block(
        BlockKind.PARAGRAPH,
        [FIRST],
        links=[Link(0, 0, 12, "https://news.example/prices")],  # "Water prices"
    )
    second = Block(
        BlockKind.LIST,
        ["A plain item", SECOND],
        links=[
            Link(1, 0, 7, "javascript:alert(1)"),  # stored by something else: never shown
            Link(1, 56, 78, "https://news.example/report"),  # "promised a report soon"
        ],
    )
    filler = [Block(BlockKind.PARAGRAPH, [f"{FIRST} ({n})"]) for n in range(30)]
    return Article(
        "Links", [Section("", 0, [first, *filler]), Section("More", 2, [second])], url=url
    )


@pytest.fixture
def links_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> InbriefApp:
    """An app whose library holds :func:`_article`."""
    return app_with_articles(monkeypatch, tmp_path, _article())


async def _reader(app: InbriefApp, pilot: Pilot[int]) -> ArticleView:
    return (await open_reader(app, pilot)).query_one(ArticleView)


def _link_cells(view: ArticleView) -> dict[str, tuple[int, int, str]]:
    """url -> (x, y, text) of the first screen cell of each link on screen."""
    found: dict[str, tuple[int, int, str]] = {}
    for y in range(view.size.height):
        x = 0
        for segment in view.render_line(y):
            if segment.style is not None and segment.style.link:
                found.setdefault(segment.style.link, (x, y, segment.text))
            x += segment.cell_length
    return found


@pytest.mark.asyncio
async def test_links_are_underlined_hyperlinks_and_unsafe_ones_are_not(
    links_app: InbriefApp,
) -> None:
    app = links_app
    async with app.run_test(size=(100, 30)) as pilot:
        view = await _reader(app, pilot)
        cells = _link_cells(view)
        assert set(cells) == {
            "https://news.example/story",  # the article's own address
            "https://news.example/prices",
        }
        _, y, text = cells["https://news.example/prices"]
        assert text == "Water prices"
        style = next(s.style for s in view.render_line(y) if s.text == text)
        assert style is not None and style.underline
        # The terminal gets an OSC 8 hyperlink carrying the address.
        rendered = "".join(view.render_line(row).render(app.console) for row in range(30))
        assert "\x1b]8;id=" in rendered and ";https://news.example/prices\x1b\\" in rendered
        # The javascript: link's text is drawn as plain text, with no hyperlink.
        await pilot.press("right_square_bracket")
        assert set(_link_cells(view)) == {"https://news.example/report"}
        rendered = "".join(view.render_line(row).render(app.console) for row in range(30))
        assert "javascript" not in rendered and "A plain" in rendered


@pytest.mark.asyncio
async def test_link_picker_opens_copies_and_jumps(
    links_app: InbriefApp, browser: FakeBrowser
) -> None:
    app = links_app
    async with app.run_test(size=(100, 30)) as pilot:
        view = await _reader(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, LinkPickerScreen)
        assert [link.url for link in picker._links] == [
            "https://news.example/story",
            "https://news.example/prices",
            "https://news.example/report",
        ]
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert browser.opened == ["https://news.example/report"]
        assert view._focus is not None  # the link is highlighted in the text
        focused = view.layout_index.blocks[view._focus.block]
        assert focused.text[view._focus.start : view._focus.end] == "promised a report soon"

        await pilot.press("g", "l", "down", "c")  # from the top: the list starts at the first
        await pilot.pause()
        assert app.clipboard == "https://news.example/prices"
        assert browser.opened == ["https://news.example/report"]  # copying opens nothing

        await pilot.press("l", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and len(browser.opened) == 1


@pytest.mark.asyncio
async def test_picker_starts_at_the_first_link_below_the_top(
    links_app: InbriefApp, browser: FakeBrowser
) -> None:
    app = links_app
    async with app.run_test(size=(100, 30)) as pilot:
        await _reader(app, pilot)
        await pilot.press("right_square_bracket", "l")  # to the "More" section
        await pilot.pause()
        assert isinstance(app.screen, LinkPickerScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert browser.opened == ["https://news.example/report"]


@pytest.mark.asyncio
async def test_click_opens_and_open_original_uses_the_same_checks(
    links_app: InbriefApp, browser: FakeBrowser
) -> None:
    app = links_app
    async with app.run_test(size=(100, 30)) as pilot:
        view = await _reader(app, pilot)
        x, y, _ = _link_cells(view)["https://news.example/prices"]
        left = view.styles.padding.left
        assert await pilot.click(ArticleView, offset=(left + x + 1, y))
        await pilot.pause()
        assert browser.opened == ["https://news.example/prices"]
        await pilot.press("o")
        await pilot.pause()
        assert browser.opened[-1] == "https://news.example/story"


@pytest.mark.asyncio
async def test_unsafe_original_is_refused_and_no_links_is_said(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, browser: FakeBrowser
) -> None:
    plain = Article("Plain", [Section("", 0, [Block(BlockKind.PARAGRAPH, [FIRST])])])
    plain.url = "javascript:alert(document.cookie)"
    app = app_with_articles(monkeypatch, tmp_path, plain)
    async with app.run_test(size=(100, 30)) as pilot:
        await _reader(app, pilot)
        await pilot.press("o", "l")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)  # no picker: nothing to pick
        messages = [n.message for n in app._notifications]
        assert any("only http and https" in m for m in messages)
        assert any("No links" in m for m in messages)
        assert browser.opened == []


@pytest.mark.asyncio
async def test_without_a_browser_the_link_is_copied(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def no_browser(using: str | None = None) -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    app = app_with_articles(monkeypatch, tmp_path, _article())
    async with app.run_test(size=(100, 30)) as pilot:
        await _reader(app, pilot)
        await pilot.press("l", "down", "enter")
        await pilot.pause()
        assert app.clipboard == "https://news.example/prices"
        assert any("copied" in n.message for n in app._notifications)

    # A terminal browser (lynx) needs the terminal; where it cannot be handed over, copy.
    terminal_browser = webbrowser.GenericBrowser("lynx")
    monkeypatch.setattr(webbrowser, "get", lambda using=None: terminal_browser)
    monkeypatch.setattr(terminal_browser, "open", lambda *a, **k: pytest.fail("ran lynx"))
    app = app_with_articles(monkeypatch, tmp_path / "again", _article())
    async with app.run_test(size=(100, 30)) as pilot:
        await _reader(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.clipboard == "https://news.example/story"
