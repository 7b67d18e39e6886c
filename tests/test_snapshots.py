"""SVG snapshots of the main screens at 80x24 and 160x48 (pytest-textual-snapshot).

Update after a deliberate visual change with ``pytest tests/test_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui_support import isolate, make_app, seeded_library

SnapCompare = Callable[..., bool]


async def _open_first(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def app_factory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[[], Any]:
    isolate(monkeypatch, tmp_path)
    # A fixed (never written) config path: the help screen shows it, so it must not vary.
    monkeypatch.setenv("INBRIEF_CONFIG_DIR", "/nonexistent/inbrief-config")
    library = seeded_library(tmp_path)
    return lambda: make_app(library)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_library_screen(
    snap_compare: SnapCompare, app_factory: Callable[[], Any], size: tuple[int, int]
) -> None:
    assert snap_compare(app_factory(), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
def test_reader_screen(
    snap_compare: SnapCompare, app_factory: Callable[[], Any], size: tuple[int, int]
) -> None:
    assert snap_compare(app_factory(), terminal_size=size, run_before=_open_first)


def test_reader_bullet_highlight(snap_compare: SnapCompare, app_factory: Callable[[], Any]) -> None:
    async def jump(pilot: Pilot[Any]) -> None:
        await _open_first(pilot)
        await pilot.press("tab", "down", "down", "down", "enter", "h")
        await pilot.pause()

    assert snap_compare(app_factory(), terminal_size=(160, 48), run_before=jump)


def test_help_screen(snap_compare: SnapCompare, app_factory: Callable[[], Any]) -> None:
    async def help_over_reader(pilot: Pilot[Any]) -> None:
        await _open_first(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app_factory(), terminal_size=(80, 24), run_before=help_over_reader)
