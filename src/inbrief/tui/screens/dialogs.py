"""Small modal dialogs: the add-source prompt and the delete confirmation."""

from __future__ import annotations

import os
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from inbrief.fetch import is_url
from inbrief.ingest import meant_url


class AddSourceScreen(ModalScreen[str | None]):
    """Ask for a URL or a path; dismisses with it (``~`` expanded), or None when cancelled.

    A missing file whose name reads as a web address (``example.com/post``) is not fetched
    behind the user's back: the address with ``https://`` replaces the text, with a hint,
    and a second Enter adds it.
    """

    DEFAULT_CSS = """
    AddSourceScreen #hint { width: 100%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel")
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content("Add to library: a URL or a file path"), classes="dialog-title")
            yield Input(placeholder="https://… or ~/article.html", id="source")
            yield Label(Content("Enter adds · Esc cancels"), classes="dialog-hint", id="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value or is_url(value):
            self.dismiss(value or None)
            return
        path = os.path.expanduser(value)
        url = meant_url(value)
        if url is not None and not os.path.exists(path):
            event.input.value = url
            hint = f"No file “{value}”: did you mean the web page? Enter adds {url}, Esc cancels"
            self.query_one("#hint", Label).update(Content(hint))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmDeleteScreen(ModalScreen[bool]):
    """Ask before deleting ``title``; dismisses with True only for an explicit yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Delete", id="dialog.yes"),
        Binding("n,escape", "answer(False)", "Keep", id="dialog.no"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content("Delete this article from the library?"), classes="dialog-title")
            yield Label(Content(self._title))
            yield Label(Content("y deletes · n or Esc keeps it"), classes="dialog-hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
