"""The summary pane shows every takeaway whole, wrapped, at every width and focus state."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from inbrief.model import Summary
from inbrief.tui.app import InbriefApp
from inbrief.tui.widgets.summary_pane import SummaryPane
from tests.tui_support import open_reader


async def pane_lines(pane: SummaryPane, pilot: Pilot[int]) -> list[str]:
    """Every line of the pane as drawn, scrolling through it a screenful at a time."""
    lines: dict[int, str] = {}
    y = 0
    while y < pane.virtual_size.height:
        pane.scroll_to(y=y, animate=False, immediate=True)
        await pilot.pause()
        top = round(pane.scroll_y)
        for row in range(pane.scrollable_content_region.height):
            lines.setdefault(top + row, pane.render_line(row).text.rstrip())
        y += pane.scrollable_content_region.height
    return [lines[row] for row in sorted(lines) if row < pane.virtual_size.height]


def words(text: str) -> str:
    return " ".join(text.split())


async def assert_whole(pane: SummaryPane, pilot: Pilot[int], summary: Summary) -> None:
    lines = await pane_lines(pane, pilot)
    width = pane.scrollable_content_region.width
    assert all(len(line) <= width for line in lines)
    shown = words(" ".join(lines))
    assert words(f"Gist + {len(summary.bullets)} takeaways ({summary.algorithm})") in shown
    for takeaway in summary.gist + summary.bullets:
        assert words(takeaway.text) in shown, takeaway.text


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(100, 30), (120, 40), (160, 48)])
async def test_every_takeaway_whole_unfocused_and_focused(
    seeded_app: InbriefApp, size: tuple[int, int]
) -> None:
    app = seeded_app
    async with app.run_test(size=size) as pilot:
        reader = await open_reader(app, pilot)
        pane = reader.query_one(SummaryPane)
        assert reader.summary is not None and pane.display
        await assert_whole(pane, pilot, reader.summary)
        await pilot.press("tab")
        await pilot.pause()
        assert pane.has_focus
        await assert_whole(pane, pilot, reader.summary)


@pytest.mark.asyncio
async def test_ten_sentences_scroll_and_stay_whole(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(160, 48)) as pilot:
        reader = await open_reader(app, pilot)
        for _ in range(10):  # "+" adds a sentence a press, from the article's default length
            if reader.summary is not None and len(reader.summary.takeaways) >= 10:
                break
            await pilot.press("plus")
            await app.workers.wait_for_complete()
            await pilot.pause()
        summary = reader.summary
        assert summary is not None and len(summary.takeaways) == 10
        pane = reader.query_one(SummaryPane)
        assert pane.virtual_size.height > pane.scrollable_content_region.height  # it scrolls
        await assert_whole(pane, pilot, summary)
        await pilot.press("tab")
        await assert_whole(pane, pilot, summary)
        await pilot.press("end")  # the last takeaway is reachable from the keyboard
        await pilot.pause()
        assert pane.scroll_y > 0
