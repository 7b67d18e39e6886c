"""Pilot tests for the reader's layout and keys: panes by width, focus, Esc, scrolling, footer."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from inbrief.tui.app import InbriefApp
from inbrief.tui.screens.library import LibraryScreen
from inbrief.tui.widgets.article_view import ArticleView
from inbrief.tui.widgets.summary_pane import SummaryPane
from inbrief.tui.widgets.toc import TableOfContents
from tests.tui_support import open_reader, screen_lines


def _pane_lines(pane: OptionList) -> list[str]:
    return [pane.render_line(y).text.rstrip() for y in range(pane.size.height)]


def _blank_rows_inside(pane: OptionList) -> int:
    """Blank rows between entries (after the last one, blank rows are just the empty end)."""
    lines = _pane_lines(pane)
    while lines and not lines[-1].strip():
        lines.pop()
    return sum(not line.strip() for line in lines)


@pytest.mark.asyncio
async def test_contents_has_no_stale_rows_after_toggling_or_focus(seeded_app: InbriefApp) -> None:
    """Item heights follow the pane's width: resizing, t t and Tab never leave blank rows."""
    app = seeded_app
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_reader(app, pilot)
        toc = reader.query_one(TableOfContents)
        await pilot.press("t")
        await pilot.resize_terminal(160, 48)
        await pilot.press("t", "t")
        await pilot.pause()
        assert toc.has_focus and _blank_rows_inside(toc) == 0
        focused = _pane_lines(toc)
        await pilot.press("tab")  # focus leaves the contents
        await pilot.pause()
        assert not toc.has_focus and _blank_rows_inside(toc) == 0
        await pilot.press("shift+tab")
        await pilot.pause()
        assert toc.has_focus and _blank_rows_inside(toc) == 0
        assert _pane_lines(toc) == focused


@pytest.mark.asyncio
@pytest.mark.parametrize("width", [40, 80, 100, 120, 160])
async def test_text_keeps_a_readable_measure(seeded_app: InbriefApp, width: int) -> None:
    """Side panes give way below the readable width: shown panes lie over the text."""
    app = seeded_app
    async with app.run_test(size=(width, 30)) as pilot:
        reader = await open_reader(app, pilot)
        view = reader.query_one(ArticleView)
        assert view.text_width >= min(60, width - 7)
        for key in ("t", "s"):
            await pilot.press(key)
            await pilot.pause()
            assert view.text_width >= min(60, width - 7), (key, view.text_width)
        toc = reader.query_one(TableOfContents)
        await pilot.press("t")
        await pilot.pause()
        if not toc.display:
            await pilot.press("t")
            await pilot.pause()
        heading = "Introduction"
        assert any(line.strip().startswith(heading) for line in _pane_lines(toc)), width


@pytest.mark.asyncio
async def test_width_classes_come_from_breakpoints(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await open_reader(app, pilot)
        toc, pane = reader.query_one(TableOfContents), reader.query_one(SummaryPane)
        assert reader.has_class("-narrow") and not toc.display and not pane.display
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert reader.has_class("-medium") and pane.display and not toc.display
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert reader.has_class("-wide") and pane.display and toc.display
        await pilot.press("s")  # asked for: stays hidden whatever the width
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert reader.show_summary is False and not pane.display


@pytest.mark.asyncio
async def test_escape_clears_find_hits_before_leaving(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await open_reader(app, pilot)
        view = reader.query_one(ArticleView)
        await pilot.press("slash", *"putin", "enter")
        assert view.match_count > 0
        await pilot.press("escape")
        assert view.match_count == 0 and app.screen is reader
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


@pytest.mark.asyncio
async def test_escape_closes_a_pane_over_the_text_first(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await open_reader(app, pilot)
        await pilot.press("s")
        pane = reader.query_one(SummaryPane)
        assert pane.display and pane.has_focus
        await pilot.press("escape")
        assert not pane.display and reader.query_one(ArticleView).has_focus
        assert app.screen is reader


@pytest.mark.asyncio
async def test_keys_move_the_focused_pane_not_the_text(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(160, 48)) as pilot:
        reader = await open_reader(app, pilot)
        view, toc = reader.query_one(ArticleView), reader.query_one(TableOfContents)
        pane = reader.query_one(SummaryPane)
        edge_before = pane.styles.border_left[1]
        await pilot.press("tab")  # the summary pane
        assert pane.has_focus
        assert pane.styles.border_left[1] != edge_before  # the focused pane is marked
        start = pane.highlighted
        await pilot.press("j")
        assert pane.highlighted is not None and start is not None
        assert pane.highlighted > start and view.scroll_y == 0
        await pilot.press("k")
        assert pane.highlighted == start
        await pilot.press("shift+tab", "shift+tab")  # the contents
        assert toc.has_focus
        await pilot.press("j", "j")
        assert toc.highlighted == 2 and view.scroll_y == 0
        await pilot.press("G")
        assert toc.highlighted == toc.option_count - 1 and view.scroll_y == 0


@pytest.mark.asyncio
async def test_home_end_and_page_keys_jump_without_animation(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await open_reader(app, pilot)
        view = reader.query_one(ArticleView)
        await pilot.press("end")
        assert view.scroll_y == view.max_scroll_y > 0  # no frames in between: no animation
        await pilot.press("home")
        assert view.scroll_y == 0
        await pilot.press("pagedown")
        paged = view.scroll_y
        await pilot.press("home", "space")
        assert view.scroll_y == paged > 0
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        assert view.scroll_y == 0


async def _footer_line(app: InbriefApp, pilot: Pilot[int]) -> str:
    """The bottom row, once the footer has drawn its keys and settled (it recomposes after a
    refresh, and a first paint may show only the keys bound before the screen was mounted)."""
    previous = ""
    for _ in range(40):
        line = screen_lines(app)[-1]
        if line.strip() and line == previous:
            return line
        previous = line
        await pilot.pause(0.05)
    return screen_lines(app)[-1]


@pytest.mark.asyncio
@pytest.mark.parametrize("width", [40, 80, 100, 160])
async def test_footer_keeps_help_and_back_when_narrow(seeded_app: InbriefApp, width: int) -> None:
    app = seeded_app
    async with app.run_test(size=(width, 24)) as pilot:
        footer = await _footer_line(app, pilot)
        assert "? Help" in footer and "q Quit" in footer
        await open_reader(app, pilot)
        footer = await _footer_line(app, pilot)
        assert footer.startswith("? Help esc Library"), footer
        if width >= 80:
            assert "/ Find" in footer and "s Summary" in footer and "Summ" not in footer[:6]
        for shown in footer.replace("▏", " ").split("  "):
            assert not shown.endswith(("Hel", "Libr")), footer  # nothing cut mid-word
        # The palette key is flush with the edge: nothing of the keys scrolled under it shows
        # through the last column (a compact footer's margin left "…paletteS" at 40 columns).
        assert footer.endswith("^p palette "), repr(footer[-14:])
