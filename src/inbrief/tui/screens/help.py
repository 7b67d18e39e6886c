"""The ``?`` screen: every key of the screen underneath, with its binding id for rebinding."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label

from inbrief.safe_text import for_terminal
from inbrief.tui.config import config_dir


def home_relative(path: Path) -> str:
    """``path`` with the home directory written ``~``, as people type it (and shorter)."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except (ValueError, RuntimeError):  # not under home, or no home at all
        return str(path)


class HelpScreen(ModalScreen[None]):
    """Keys of ``screen`` as a table: key, action, id (the name to use in config.toml)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close")
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._screen = screen

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label(
                Content(f"Keys — {self._screen.title or 'inbrief'}"), classes="dialog-title"
            )
            yield DataTable[Text](cursor_type="row", id="keys")
            rebind = f"Rebind in {for_terminal(home_relative(config_dir() / 'config.toml'))}: "
            rebind += '[keys] "id" = "key,key"'
            yield Label(Content(rebind), classes="note")
            yield Label(
                Content("Ctrl+P: command palette (every action, themes) · Esc closes"),
                classes="note",
            )

    def on_mount(self) -> None:
        table = self.query_one("#keys", DataTable)
        table.add_columns(Text("Key"), Text("Action"), Text("Id"))
        for binding, keys in _bindings(self._screen):
            shown = ", ".join(
                self.app.get_key_display(Binding(key, binding.action)) for key in keys
            )
            table.add_row(Text(shown), Text(binding.description), Text(binding.id or ""))
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)


def is_inbrief_binding(screen: Screen[object], active: ActiveBinding) -> bool:
    """A described key of the screen, the app, or a focused widget's key with an id (the text's
    ``reader.*`` keys), rather than a widget's inner keys (a list's cursor, an input's editing)."""
    binding = active.binding
    return bool(binding.description) and (
        active.node in (screen, screen.app) or binding.id is not None
    )


def _bindings(screen: Screen[object]) -> list[tuple[Binding, list[str]]]:
    """The described bindings of the screen, the app and the focused widget's own (those with
    an id: Textual's built-in widget keys have none), keymap applied, keys grouped by id."""
    grouped: dict[str, tuple[Binding, list[str]]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if is_inbrief_binding(screen, active):
            grouped.setdefault(binding.id or binding.action, (binding, []))[1].append(key)
    return list(grouped.values())
