"""Render the README's screenshots (SVG) from the bundled samples into ``screenshots/``.

    python scripts/screenshots.py

Each shot runs the real app headless (Textual's ``run_test``) on a throwaway library and
config directory, presses the keys a user would, and saves the screen as SVG.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
SAMPLES = [
    ROOT / "tests" / "fixtures" / "article.md",
    ROOT / "examples" / "xi-putin-wordpress.json",
]

#: (file name, theme, terminal size, keys pressed after start)
SHOTS: list[tuple[str, str, tuple[int, int], Sequence[str]]] = [
    ("library.svg", "inbrief-dark", (120, 32), ()),
    ("reader-summary.svg", "inbrief-dark", (160, 44), ("enter", "tab", "down", "down", "enter")),
    ("reader-80x24.svg", "inbrief-dark", (80, 24), ("enter",)),
    ("help.svg", "inbrief-dark", (100, 32), ("enter", "question_mark")),
    ("links.svg", "inbrief-dark", (120, 36), ("enter", "space", "l")),
    ("theme-light.svg", "inbrief-light", (140, 40), ("enter", "h")),
    ("theme-high-contrast.svg", "inbrief-high-contrast", (140, 40), ("enter",)),
    ("theme-16-colours.svg", "inbrief-16", (140, 40), ("enter",)),
]


async def shoot(name: str, theme: str, size: tuple[int, int], keys: Sequence[str]) -> None:
    from inbrief.ingest import load_articles
    from inbrief.library import open_library
    from inbrief.tui.app import InbriefApp
    from inbrief.tui.config import load_config

    home = Path(tempfile.mkdtemp(prefix="inbrief-shots-"))
    os.environ["HOME"] = str(home)  # the help screen shows the config file as ~/.config/...
    os.environ["INBRIEF_CONFIG_DIR"] = str(home / ".config" / "inbrief")
    library = open_library(home / "library.sqlite3")
    for sample in SAMPLES:
        library.add(load_articles(str(sample)))
    config = load_config()
    config.theme = theme
    app = InbriefApp(library, [], config)
    async with app.run_test(size=size) as pilot:
        for key in keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        app.clear_notifications()
        await pilot.pause()
        app.save_screenshot(filename=name, path=str(OUT))
    library.close()
    print(f"screenshots/{name}")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    sys.path.insert(0, str(ROOT / "src"))
    for shot in SHOTS:
        asyncio.run(shoot(*shot))


if __name__ == "__main__":
    main()
