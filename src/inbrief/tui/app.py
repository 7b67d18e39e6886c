"""The Textual app: wires the library, config, themes and keymap, then shows the first screen.

Everything else lives in screens and widgets; this module stays thin on purpose.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from inbrief.errors import InbriefError
from inbrief.library import Library, open_library
from inbrief.tui.config import Config, config_dir, load_config, save_theme
from inbrief.tui.screens.help import HelpScreen
from inbrief.tui.screens.library import LibraryScreen
from inbrief.tui.themes import load_themes


class InbriefApp(App[int]):
    """The reader. ``sources`` are ingested at start and the first one opened."""

    CSS_PATH = "app.tcss"
    TITLE = "inbrief"
    #: Width classes every screen gets; the reader's panes and the footer follow them (app.tcss).
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (typed by App)
        (0, "-narrow"),
        (100, "-medium"),
        (140, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("ctrl+t", "change_theme", "Theme", show=False, id="app.theme"),
    ]

    def __init__(
        self, library: Library, sources: Sequence[str] = (), config: Config | None = None
    ) -> None:
        super().__init__()
        self.library = library
        self.config = config or load_config()
        self._sources = list(sources)
        themes, warnings = load_themes(config_dir() / "themes")
        self._theme_names: list[str] = []
        for theme in themes:
            self.register_theme(theme)
            self._theme_names.append(theme.name)
        self._warnings = self.config.warnings + warnings

    def on_mount(self) -> None:
        wanted = self.config.theme
        if wanted not in self.available_themes:
            self._warnings.append(f"theme {wanted!r} not found; using inbrief-dark")
            wanted = "inbrief-dark"
        self.theme = wanted
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.set_keymap(self.config.keymap)
        for warning in self._warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        self.push_screen(LibraryScreen(self.library, self._sources))

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self.config.theme:
            self.config.theme = theme.name
            try:
                save_theme(self.config.path, theme.name)
            except OSError as exc:
                self.notify(f"could not save the theme: {exc}", severity="warning", markup=False)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette: every described binding of the current screen, then themes and quit."""
        for _key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or active.node not in (screen, self) or not active.enabled:
                continue
            keys = self.get_key_display(binding)
            yield SystemCommand(
                binding.description,
                f"{keys} · {binding.id or binding.action}",
                partial(active.node.run_action, binding.action),
            )
        for name in self._theme_names:
            yield SystemCommand(
                f"Theme: {name}", "Switch theme (remembered)", partial(setattr, self, "theme", name)
            )
        yield from super().get_system_commands(screen)


def run_app(args: argparse.Namespace) -> int:
    """Open the library (``--library``, ``$INBRIEF_LIBRARY`` or the default) and run the app."""
    try:
        library = open_library(Path(args.library) if getattr(args, "library", None) else None)
    except InbriefError as exc:
        print(f"inbrief: {exc}", file=sys.stderr)
        return 1
    try:
        app = InbriefApp(library, list(getattr(args, "sources", []) or []))
        app.run()
    finally:
        library.close()
    return app.return_code or 0
