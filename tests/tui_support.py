"""Helpers for the TUI tests: an isolated config dir and library per test, and a ready app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from inbrief.ingest import load_articles
from inbrief.library import Library, open_library
from inbrief.model import Article
from inbrief.tui.app import InbriefApp
from inbrief.tui.config import load_config
from inbrief.tui.screens.reader import ReaderScreen
from tests.conftest import SEED_JSON


def isolate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point config and library at ``tmp_path`` so no test touches the user's real files."""
    monkeypatch.setenv("INBRIEF_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("INBRIEF_LIBRARY", str(tmp_path / "library.sqlite3"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def seeded_library(tmp_path: Path, seed: bool = True) -> Library:
    library = open_library(tmp_path / "library.sqlite3")
    if seed:
        library.add(load_articles(str(SEED_JSON)))
    return library


def isolated_library(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed: bool = True) -> Library:
    """:func:`isolate`, then the library at ``tmp_path / "library.sqlite3"`` (holding the
    sample article when ``seed``): the set-up most reader tests start with."""
    isolate(monkeypatch, tmp_path)
    return seeded_library(tmp_path, seed)


def reopened_library(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    outside: Callable[[Path], object] = lambda path: None,
) -> Library:
    """The isolated, seeded library closed, changed by ``outside(path)`` as another program
    would (damage, a hand edit), and opened again: the library faults tests' set-up."""
    isolated_library(monkeypatch, tmp_path).close()
    outside(tmp_path / "library.sqlite3")
    return seeded_library(tmp_path, seed=False)


def make_app(library: Library, sources: list[str] | None = None) -> InbriefApp:
    return InbriefApp(library, sources or [], load_config())


def app_with_articles(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *articles: Article
) -> InbriefApp:
    """An isolated app whose library holds just ``articles``."""
    isolate(monkeypatch, tmp_path)
    library = seeded_library(tmp_path, seed=False)
    library.add(list(articles))
    return make_app(library)


async def open_reader(app: InbriefApp, pilot: Pilot[int]) -> ReaderScreen:
    """Open the highlighted article and wait until its reader (and summary) are ready."""
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def screen_lines(app: InbriefApp) -> list[str]:
    """The text of every row of the screen as the terminal would show it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]
