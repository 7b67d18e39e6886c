"""A bad config or theme never stops the reader: each is refused with a one-line warning.

Wrong types and ranges, TOML nested past Python's recursion limit, and special files (a
FIFO would block ``open`` forever) given as ``config.toml`` or as a theme.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from inbrief.tui.config import load_config
from inbrief.tui.themes import load_themes
from tests.tui_support import isolate, make_app, seeded_library

_GOOD = 'name = "mine"\nprimary = "#336699"\n'
_DEEP = "x = " + "[" * 100_000 + "]" * 100_000 + "\n"

BAD_THEMES = {
    "variables not a table": _GOOD + 'variables = "x"\n',
    "variable not a colour string": _GOOD + "[variables]\nfooter-key-foreground = 3\n",
    "dark not a bool": _GOOD + 'dark = "yes"\n',
    "spread nan": _GOOD + "luminosity_spread = nan\n",
    "spread huge": _GOOD + "luminosity_spread = 1e308\n",
    "alpha negative": _GOOD + "text_alpha = -1\n",
    "alpha text": _GOOD + 'text_alpha = "half"\n',
    "colour not a string": _GOOD + "accent = 12\n",
    "100,000 deep": _DEEP,
}


def _within(seconds: float, call: Callable[[], object]) -> object:
    """Run ``call`` in a thread; fail (instead of hanging the suite) if it blocks."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked"
    return result[0]


@pytest.mark.parametrize("text", BAD_THEMES.values(), ids=BAD_THEMES.keys())
def test_bad_theme_is_refused_with_one_line(text: str, tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    themes, warnings = load_themes(tmp_path)
    assert "mine" not in {theme.name for theme in themes}
    assert {"inbrief-dark", "inbrief-light"} <= {theme.name for theme in themes}
    [warning] = warnings
    assert warning.startswith(str(tmp_path / "bad.toml")) and "\n" not in warning


@pytest.mark.parametrize(
    "text",
    [_DEEP, 'theme = 5\nkeys = "x"\n', "keys = { a = 1 }\n", "\x00\xff"],
    ids=["100,000 deep", "wrong types", "key not a string", "not text"],
)
def test_bad_config_gives_defaults_and_warnings(text: str, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    config = load_config(path)
    assert config.theme == "inbrief-dark" and config.keymap == {}
    assert config.warnings and all("\n" not in w for w in config.warnings)


def test_fifo_config_and_theme_do_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "config.toml")
    (tmp_path / "themes").mkdir()
    os.mkfifo(tmp_path / "themes" / "fifo.toml")
    config = _within(5, lambda: load_config(tmp_path / "config.toml"))
    assert "not a regular file" in str(config.warnings)  # type: ignore[attr-defined]
    themes, warnings = _within(5, lambda: load_themes(tmp_path / "themes"))  # type: ignore[misc]
    assert themes and "not a regular file" in warnings[0]


@pytest.mark.asyncio
async def test_app_starts_with_every_bad_setting_at_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, tmp_path)
    folder = tmp_path / "config" / "themes"
    folder.mkdir(parents=True)
    (tmp_path / "config" / "config.toml").write_text(_DEEP, encoding="utf-8")
    for number, text in enumerate(BAD_THEMES.values()):
        (folder / f"bad{number}.toml").write_text(text, encoding="utf-8")
    os.mkfifo(folder / "fifo.toml")
    app = make_app(seeded_library(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "inbrief-dark"
        assert len(app._warnings) == len(BAD_THEMES) + 2  # every file named, one line each
    app.library.close()
