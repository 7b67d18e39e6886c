"""Themes as data, the config file, the user keymap, and the text layout (no app needed
for most of these)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rich.cells import cell_len

from inbrief.ingest import load_articles
from inbrief.tui.config import load_config, save_theme
from inbrief.tui.document_layout import DocumentLayout, flatten, wrap_text
from inbrief.tui.themes import bundled_theme_texts, load_themes, theme_from_toml
from inbrief.tui.widgets.article_view import ArticleView
from tests.conftest import ROOT
from tests.tui_support import isolate, make_app, seeded_library


def test_bundled_themes_are_valid_and_the_top_level_folder_is_the_same_files() -> None:
    themes, warnings = load_themes(None)
    names = {theme.name for theme in themes}
    assert not warnings
    assert {"inbrief-dark", "inbrief-light", "inbrief-high-contrast", "inbrief-16"} <= names
    assert next(t for t in themes if t.name == "inbrief-16").ansi
    # themes/ at the top is a symlink to the package data: one copy, nothing to drift.
    top = ROOT / "themes"
    assert top.resolve() == (ROOT / "src" / "inbrief" / "themes").resolve()
    assert sorted(p.name for p in top.glob("*.toml")) == [n for n, _ in bundled_theme_texts()]


def test_user_themes_are_loaded_and_bad_ones_reported(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text('name = "mine"\nprimary = "#ff00ff"\n')
    (tmp_path / "broken.toml").write_text('name = "broken"\nprimary = "not a colour"\n')
    (tmp_path / "typo.toml").write_text('name = "typo"\nprimray = "#ffffff"\n')
    themes, warnings = load_themes(tmp_path)
    assert "mine" in {t.name for t in themes}
    assert len(warnings) == 2 and any("not a colour" in w for w in warnings)
    with pytest.raises(ValueError, match="required"):
        theme_from_toml('dark = true\nprimary = "#fff"', "x.toml")


def test_config_reads_keys_and_save_theme_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# mine\ntheme = "inbrief-dark"\n\n[keys]\n"reader.next-section" = "x, ]"\n')
    config = load_config(path)
    assert config.theme == "inbrief-dark" and config.keymap == {"reader.next-section": "x,]"}
    save_theme(path, "inbrief-light")
    text = path.read_text()
    assert text.startswith('# mine\ntheme = "inbrief-light"\n') and "[keys]" in text
    broken = tmp_path / "broken.toml"
    broken.write_text("theme = [")
    assert load_config(broken).warnings


@pytest.mark.asyncio
async def test_user_keymap_rebinds_a_reader_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, tmp_path)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('[keys]\n"reader.next-section" = "x"\n')
    app = make_app(seeded_library(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.press("x")
        await pilot.pause()
        assert view.current_section() == 1


def test_wrap_measures_cells_and_cuts_long_words() -> None:
    text = "日本語のテキスト " * 5 + "a" * 30
    spans = wrap_text(text, 12)
    assert all(cell_len(text[a:b].rstrip()) <= 12 for a, b in spans)
    assert "".join(text[a:b] for a, b in spans) == text


def test_layout_of_a_50k_word_article_is_fast(tmp_path: Path) -> None:
    from scripts.make_long_article import article

    path = tmp_path / "long.md"
    path.write_text(article(50_000))
    (long_article,) = load_articles(str(path))
    assert long_article.word_count >= 50_000
    start = time.perf_counter()
    layout = DocumentLayout(flatten(long_article, ""))
    layout.wrap(96)
    elapsed = time.perf_counter() - start
    assert len(layout.lines) > 4000
    assert elapsed < 0.5, elapsed  # measured ~0.05 s; generous for slow CI machines
    middle = len(layout.lines) // 2
    block = layout.block_at_line(middle)
    assert layout.line_of(block) <= middle + 1  # a blank line belongs to the block after it
