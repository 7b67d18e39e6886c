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
from textual.binding import ActiveBinding, Binding, BindingType
from textual.command import CommandPalette
from textual.notifications import Notify, SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from inbrief.errors import InbriefError
from inbrief.library import Library, open_library
from inbrief.safe_text import for_terminal
from inbrief.tui.config import Config, config_dir, load_config, save_theme
from inbrief.tui.screens.help import HelpScreen, is_inbrief_binding
from inbrief.tui.screens.library import LibraryScreen
from inbrief.tui.themes import ThemeCommands, load_themes

#: Notices shown at once at most (see InbriefApp._on_notify).
MAX_NOTICES = 3


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
        if library.warning:  # opened read-only, or damage found at open
            self._warnings.append(library.warning)

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

    def _on_notify(self, event: Notify) -> None:
        """Notices never pile up over the text: a repeated one replaces its twin, and beyond
        :data:`MAX_NOTICES` the oldest gives way (a burst of errors showed a column of them)."""
        new = event.notification
        for old in list(self._notifications):
            if (old.message, old.title, old.severity) == (new.message, new.title, new.severity):
                self._unnotify(old, refresh=False)
        super()._on_notify(event)
        shown = list(self._notifications)
        for old in shown[: max(0, len(shown) - MAX_NOTICES)]:
            self._unnotify(old, refresh=False)
        self._refresh_notifications()

    def withdraw_notice(self, message: str) -> None:
        """Take back a notice that no longer holds ("z undoes" once the delete is undone)."""
        message = for_terminal(message)
        for old in list(self._notifications):
            if old.message == message:
                self._unnotify(old, refresh=False)
        self._refresh_notifications()

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name != self.config.theme:
            self.config.theme = theme.name
            try:
                save_theme(self.config.path, theme.name)
            except OSError as exc:
                self.notify(f"could not save the theme: {exc}", severity="warning", markup=False)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """The reader's highlight colours, for themes that do not set them (a user's theme):
        tints of its accent (``h``, a takeaway) and warning (find hits), under its text colour,
        and the side panes' edge as its text colour half faded.
        The bundled themes set solid colours that survive 256- and 16-colour terminals."""
        theme = self.current_theme
        text = theme.foreground or ("#000000" if not theme.dark else "#ffffff")
        return {
            "reader-highlight": f"{theme.accent or theme.primary} 25%",
            "reader-highlight-foreground": text,
            "reader-hit": f"{theme.warning or theme.primary} 40%",
            "reader-hit-foreground": text,
            "pane-edge": f"{text} 45%",
        }

    @property
    def theme_names(self) -> list[str]:
        """inbrief's themes and the user's: the only ones offered (not Textual's built-ins)."""
        return list(self._theme_names)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification passes the terminal sanitizer: messages quote servers (an HTTP
        reason phrase), file names and config values, any of which may hold escapes."""
        super().notify(
            for_terminal(message),
            title=for_terminal(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def get_key_display(self, binding: Binding) -> str:
        """Keys as drawn in the footer, help and palette; a key from config.toml is foreign."""
        return for_terminal(super().get_key_display(binding))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_change_theme(self) -> None:
        """Ctrl+T: pick among :attr:`theme_names`; the choice is remembered."""
        self.push_screen(CommandPalette(providers=[ThemeCommands], placeholder="Theme…"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette: each described binding of the screen once (all its keys), then themes.

        Textual's own entries are added only where no binding says the same ("Theme", "Quit")
        and its key panel is left out: ``?`` shows inbrief's keys with their ids.
        """
        groups: dict[tuple[int, str], list[tuple[str, ActiveBinding]]] = {}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not active.enabled or not is_inbrief_binding(screen, active):
                continue
            if binding.action != "command_palette":
                groups.setdefault((id(active.node), binding.action), []).append((key, active))
        titles: set[str] = set()
        for entries in groups.values():
            active = entries[0][1]
            binding = active.binding
            keys = " ".join(self.get_key_display(Binding(k, binding.action)) for k, _ in entries)
            titles.add(binding.description)
            yield SystemCommand(
                binding.description,
                f"{keys} · {binding.id or binding.action}",
                partial(self.run_action, binding.action, active.node),
            )
        for name in self._theme_names:
            yield SystemCommand(
                f"Theme: {name}", "Switch theme (remembered)", partial(setattr, self, "theme", name)
            )
        for command in super().get_system_commands(screen):
            if command.title not in titles and command.title != "Keys":
                yield command


def run_app(args: argparse.Namespace) -> int:
    """Open the library (``--library``, ``$INBRIEF_LIBRARY`` or the default) and run the app."""
    try:
        library = open_library(Path(args.library) if getattr(args, "library", None) else None)
    except InbriefError as exc:
        print(f"inbrief: {for_terminal(str(exc))}", file=sys.stderr)
        return 1
    try:
        app = InbriefApp(library, list(getattr(args, "sources", []) or []))
        app.run()
    finally:
        library.close()
    return app.return_code or 0
