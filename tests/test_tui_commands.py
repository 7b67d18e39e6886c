"""Pilot tests for the app around the reader: palette, theme picker, help, worker failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList
from textual.widgets import DataTable
from textual.widgets._toast import Toast

from inbrief.tui.app import MAX_NOTICES, InbriefApp
from inbrief.tui.screens.help import HelpScreen
from inbrief.tui.themes import load_themes
from inbrief.tui.widgets.article_view import ArticleView
from inbrief.tui.widgets.summary_pane import SummaryPane
from tests.tui_support import isolated_library, make_app, open_reader, screen_lines


@pytest.mark.asyncio
async def test_palette_lists_each_command_once_and_only_inbrief_themes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    user_themes = tmp_path / "config" / "themes"
    user_themes.mkdir(parents=True)
    (user_themes / "mine.toml").write_text('name = "mine"\nprimary = "#336699"\n')
    app = make_app(isolated_library(monkeypatch, tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_reader(app, pilot)
        titles = [command.title for command in app.get_system_commands(reader)]
        assert len(titles) == len(set(titles)), sorted(titles)
        for title in ("Help", "Theme", "Find", "Next section", "Library", "Quit"):
            assert title in titles
        assert "Keys" not in titles  # Textual's key panel: ? shows inbrief's keys instead
        await pilot.press("ctrl+t")
        await pilot.pause(0.5)
        listed = app.screen.query_one(CommandList)
        offered = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        bundled = [theme.name for theme in load_themes(None)[0]]
        assert sorted(offered) == sorted([*bundled, "mine"])
        assert "textual-dark" not in offered and "dracula" not in offered


@pytest.mark.asyncio
@pytest.mark.parametrize("size", [(40, 12), (80, 24), (100, 30)])
async def test_help_shows_every_key_and_wraps_its_notes(
    seeded_app: InbriefApp, size: tuple[int, int]
) -> None:
    app = seeded_app
    async with app.run_test(size=size) as pilot:
        await open_reader(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#keys", DataTable)
        assert table.size.height >= 4  # header and three rows, even at 40x12
        ids = {str(table.get_row_at(i)[2]) for i in range(table.row_count)}
        assert {"reader.down", "reader.next-hit", "reader.back", "app.help"} <= ids
        notes = app.screen.query(".note")
        rebind = str(notes.first().render())
        assert '[keys] "id" = "key,key"' in rebind
        for note in notes:
            assert note.size.width <= app.size.width  # wraps inside the dialog, never cut
        dialog = app.screen.query_one(".dialog")
        dialog.scroll_end(animate=False)
        await pilot.pause()
        shown = "".join(line.strip().strip("│").strip() for line in screen_lines(app))
        assert '[keys]"id"="key,key"' in shown.replace(" ", "")  # every part of it on screen


@pytest.mark.asyncio
async def test_a_failing_summarizer_is_shown_and_the_app_keeps_going(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("injected failure")

    monkeypatch.setattr("inbrief.tui.screens.reader.summarize", broken)
    app = make_app(isolated_library(monkeypatch, tmp_path))
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await open_reader(app, pilot)
        await pilot.pause()
        assert app.is_running and app.screen is reader
        pane = reader.query_one(SummaryPane)
        status = str(pane.get_option_at_index(0).prompt)
        assert "No summary" in status and "RuntimeError: injected failure" in status
        assert any(n.severity == "error" for n in app._notifications)
        await pilot.press("space", "a")  # reading and asking again still work
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and reader.query_one(ArticleView).scroll_y > 0
    assert app.return_code in (None, 0)


@pytest.mark.asyncio
async def test_a_failing_add_is_shown_and_the_app_keeps_going(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("injected add failure")

    monkeypatch.setattr("inbrief.tui.screens.library.add_sources", broken)
    app = make_app(isolated_library(monkeypatch, tmp_path), ["https://example.invalid/x"])
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert not app.screen.query_one("#progress").display
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert any("RuntimeError: injected add failure" in message for message in errors)


@pytest.mark.asyncio
async def test_notices_do_not_pile_up(seeded_app: InbriefApp) -> None:
    app = seeded_app
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.clear_notifications()
        for index in range(6):
            app.notify(f"error {index}", severity="error", timeout=30)
        for _ in range(3):
            app.notify("same again", severity="error", timeout=30)
        await pilot.pause(0.2)
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert len(toasts) <= MAX_NOTICES
        assert sum("same again" in text for text in toasts) == 1
        assert any("error 5" in text for text in toasts)


@pytest.mark.asyncio
async def test_no_notice_edge_is_left_behind_by_a_resize(seeded_app: InbriefApp) -> None:
    """Issue 14 item 10: a toast's "▌" edge stayed on screen after a resize. The notice goes
    with its timeout wherever the window shrank or grew, and the screen drawn afterwards holds
    nothing of it."""
    app = seeded_app
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        app.clear_notifications()
        app.notify("short-lived notice", severity="error", timeout=0.5)
        await pilot.pause(0.1)
        assert any("short-lived" in line for line in screen_lines(app))
        for size in ((60, 20), (160, 48), (40, 12), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause(0.05)
        await pilot.pause(0.8)
        assert not app.screen.query(Toast)
        drawn = "".join(screen_lines(app))
        assert "▌" not in drawn and "short-lived" not in drawn


def test_help_writes_the_config_path_from_home_as_tilde(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from inbrief.tui.screens.help import home_relative

    monkeypatch.setenv("HOME", str(tmp_path))
    assert home_relative(tmp_path / ".config" / "inbrief" / "config.toml") == (
        "~/.config/inbrief/config.toml"
    )
    assert home_relative(Path("/etc/inbrief/config.toml")) == "/etc/inbrief/config.toml"
