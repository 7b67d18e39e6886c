"""Pilot tests for the reader: sections, TOC, summary bullets, algorithms, search, position."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbrief.links import openable_url
from inbrief.model import Article, Block, BlockKind, Section
from inbrief.tui.app import InbriefApp
from inbrief.tui.screens.help import HelpScreen
from inbrief.tui.widgets.article_view import ArticleView
from inbrief.tui.widgets.summary_pane import SummaryPane
from inbrief.tui.widgets.toc import TableOfContents
from tests.tui_support import app_with_articles, isolate, make_app, open_reader, seeded_library


def _lines(view: ArticleView) -> list[str]:
    return [view.render_line(y).text for y in range(view.size.height)]


@pytest.mark.asyncio
async def test_sections_toc_and_paging(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(160, 48)) as pilot:
        reader = await open_reader(app, pilot)
        view, toc = reader.query_one(ArticleView), reader.query_one(TableOfContents)
        assert toc.display and reader.query_one(SummaryPane).display
        assert view.current_section() == 0
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.current_section() == 1 and toc.highlighted == 1
        assert reader.article is not None
        assert reader.article.sections[1].heading in _lines(view)[0]
        await pilot.press("right_square_bracket", "left_square_bracket")
        assert view.current_section() == 1
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("space")
        assert view.scroll_y > 0
        await pilot.press("b", "j", "j", "k")
        assert view.scroll_y == 1
        await pilot.press("shift+tab", "down", "down", "enter")  # TOC is left of the text
        await pilot.pause()
        assert view.current_section() == 2


@pytest.mark.asyncio
async def test_bullet_jumps_to_sentence_and_highlights(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(160, 48)) as pilot:
        reader = await open_reader(app, pilot)
        view, pane = reader.query_one(ArticleView), reader.query_one(SummaryPane)
        assert reader.summary is not None and reader.summary.takeaways
        last = reader.summary.takeaways[-1]
        await pilot.press("tab")  # text -> summary pane
        assert pane.has_focus
        await pilot.press("end", "enter")
        await pilot.pause()
        focus = view._focus
        assert focus is not None
        assert view.layout_index.blocks[focus.block].text[focus.start : focus.end] == last.text
        assert view.scroll_y > 0
        shown = "\n".join(_lines(view))
        assert last.text.split()[0] in shown
        await pilot.press("h")
        assert view.show_summary


@pytest.mark.asyncio
async def test_algorithm_cycle_and_length(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(120, 40)) as pilot:
        reader = await open_reader(app, pilot)
        assert reader.summary is not None and reader.summary.algorithm == "inbrief"
        await pilot.press("a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert reader.summary.algorithm == "lexrank"
        before = len(reader.summary.takeaways)
        await pilot.press("minus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(reader.summary.takeaways) == before - 1


@pytest.mark.asyncio
async def test_search_within_article(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await open_reader(app, pilot)
        view = reader.query_one(ArticleView)
        await pilot.press("slash", *"ukraine", "enter")
        assert len(view._matches) >= 3 and view._match_index == 0
        first = view.scroll_y
        await pilot.press("n")
        assert view._match_index == 1 and view.scroll_y >= first
        await pilot.press("N", "N")
        assert view._match_index == len(view._matches) - 1


@pytest.mark.asyncio
async def test_position_restored_and_marked_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, tmp_path)
    library = seeded_library(tmp_path)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await open_reader(app, pilot)
        view = reader.query_one(ArticleView)
        await pilot.press("space", "space", "space")
        while view.top_position[1] == 0:  # stop inside a paragraph, not at its first line
            await pilot.press("j")
        top, line = view.top_position, view.render_line(0).text
        assert top[0] > 0
        await pilot.press("q")
    entry = library.entry(1)
    assert entry is not None and entry.read and entry.progress > 0
    second = make_app(library)
    async with second.run_test(size=(80, 24)) as pilot:
        reader = await open_reader(second, pilot)
        view = reader.query_one(ArticleView)
        assert view.top_position == top and view.render_line(0).text == line
    # Wider, the text re-wraps: the line holding the same words is still at the top.
    third = make_app(library)
    async with third.run_test(size=(120, 30)) as pilot:
        reader = await open_reader(third, pilot)
        view = reader.query_one(ArticleView)
        block, offset = view.top_position
        assert block == top[0] and offset <= top[1]
        assert view.layout_index.line_of(*top) == round(view.scroll_y)


@pytest.mark.asyncio
async def test_narrow_terminal_collapses_panes(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await open_reader(app, pilot)
        toc, pane = reader.query_one(TableOfContents), reader.query_one(SummaryPane)
        assert not toc.display and not pane.display
        await pilot.press("s")
        assert pane.display and pane.has_focus
        await pilot.press("t")
        assert toc.display
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is reader


@pytest.mark.asyncio
async def test_theme_switch_is_remembered(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)
    app = make_app(seeded_library(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "inbrief-dark"
        await pilot.press("ctrl+p")
        await pilot.press(*"inbrief-light")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "inbrief-light"
    config = (tmp_path / "config" / "config.toml").read_text()
    assert 'theme = "inbrief-light"' in config
    again = make_app(seeded_library(tmp_path, seed=False))
    async with again.run_test(size=(100, 30)):
        assert again.theme == "inbrief-light"


@pytest.mark.asyncio
async def test_article_text_is_never_markup_or_control_codes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    nasty = "[bold]loud[/bold] [link=javascript:alert(1)]x[/link] [@click=app.quit]q[/] \x1b[31mred"
    article = Article(
        "[red]Title[/red]",
        [Section("[b]Head", 2, [Block(BlockKind.PARAGRAPH, [nasty])])],
        url="javascript:alert(1)",
    )
    app = app_with_articles(monkeypatch, tmp_path, article)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await open_reader(app, pilot)
        text = "\n".join(_lines(reader.query_one(ArticleView)))
        assert "[bold]loud[/bold]" in text and "[link=javascript:alert(1)]" in text
        assert "[@click=app.quit]" in text and "\x1b" not in text
        assert "[red]Title[/red]" in text
        await pilot.press("o")  # never opens a javascript: URL
        assert app.is_running
    assert openable_url("javascript:alert(1)") is None
    assert openable_url("file:///etc/passwd") is None
    assert openable_url("data:text/html,x") is None
    assert openable_url("https://example.com/a") == "https://example.com/a"


@pytest.mark.asyncio
async def test_contents_carry_section_gists_and_gist_is_not_repeated(
    seeded_app: InbriefApp,
) -> None:
    app = seeded_app
    async with app.run_test(size=(160, 48)) as pilot:
        reader = await open_reader(app, pilot)
        assert reader.summary is not None and reader.article is not None
        toc = reader.query_one(TableOfContents)
        for index, gist in reader.summary.section_gists.items():
            prompt = str(toc.get_option_at_index(index).prompt)
            heading = reader.article.sections[index].heading or "Introduction"
            assert prompt.startswith(heading)
            assert gist.text[:40] in prompt
        pane = reader.query_one(SummaryPane)
        prompts = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
        gist_text = reader.summary.gist[0].text
        assert sum(gist_text in prompt for prompt in prompts) == 1  # once, under "Gist"


@pytest.mark.asyncio
async def test_low_confidence_extraction_is_flagged(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    body = Block(BlockKind.PARAGRAPH, ["Only a sliver of a page was found here, nothing more."])
    fragment = Article("Fragment", [Section("", 0, [body])], confidence=0.2)
    app = app_with_articles(monkeypatch, tmp_path, fragment)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await open_reader(app, pilot)
        text = "\n".join(_lines(reader.query_one(ArticleView)))
        assert "Low extraction confidence (0.20)" in text
