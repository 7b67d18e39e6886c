"""The Add dialog: ``~`` is expanded, and a bare host name gets an https:// hint, not a fetch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from inbrief.errors import InbriefError
from inbrief.ingest import load_articles, meant_url
from inbrief.tui.screens.dialogs import AddSourceScreen
from inbrief.tui.widgets.article_list import ArticleList
from tests.conftest import SEED_JSON
from tests.tui_support import isolate, make_app, seeded_library


@pytest.mark.asyncio
async def test_tilde_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(SEED_JSON, home / "article.json")
    monkeypatch.setenv("HOME", str(home))
    library = seeded_library(tmp_path, seed=False)
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", *"~/article.json", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert library.count() == 1
        assert app.screen.query_one(ArticleList).row_count == 1


@pytest.mark.asyncio
async def test_host_without_scheme_gets_a_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, tmp_path)
    monkeypatch.chdir(tmp_path)
    library = seeded_library(tmp_path, seed=False)
    app = make_app(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a", *"notaurl.com", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AddSourceScreen)  # still open: nothing was fetched
        assert dialog.query_one("#source").value == "https://notaurl.com"  # type: ignore[attr-defined]
        assert "did you mean the web page" in str(dialog.query_one("#hint").render())
        await pilot.press("escape")
        assert not isinstance(app.screen, AddSourceScreen) and library.count() == 0


def test_meant_url() -> None:
    assert meant_url("notaurl.com") == "https://notaurl.com"
    assert meant_url("news.example.co.uk:8080/a?b=1") == "https://news.example.co.uk:8080/a?b=1"
    for not_a_host in ("notes.md", "article.html", "~/a.json", "foo", "a b.com", "/tmp/x.com/y"):
        assert meant_url(not_a_host) is None, not_a_host


def test_missing_file_error_names_the_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InbriefError) as info:
        load_articles("notaurl.com")
    assert str(info.value) == "notaurl.com: no such file; for a web page, use https://notaurl.com"
