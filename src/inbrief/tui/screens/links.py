"""The links of the article in a list: pick one to open it, or copy its address.

Keyboard-only readers need a way to follow a link without a mouse; this is it. The list
starts at the first link on or below the top of the text, so the links just read are near.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from inbrief.tui.widgets.article_view import TextLink

#: Link texts longer than this are cut in the list (the address is shown in full).
_MAX_TEXT = 120
#: Rows of the dialog around the list: border, padding, title and key hint with their margins.
_CHROME = 8


@dataclass(frozen=True, slots=True)
class LinkChoice:
    """What the reader asked for: ``open`` or ``copy`` the link ``link``."""

    action: Literal["open", "copy"]
    link: TextLink


class LinkPickerScreen(ModalScreen[LinkChoice | None]):
    """Every link in the article; Enter opens, ``c`` copies the address, Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c,y", "choose('copy')", "Copy address", id="links.copy"),
        Binding("escape,q,l", "cancel", "Close", id="links.close"),
    ]

    def __init__(self, links: list[TextLink], start: int = 0) -> None:
        super().__init__()
        self._links = links
        self._start = start

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog links"):
            title = f"Links in this article ({len(self._links)})"
            yield Label(Content(title), classes="dialog-title")
            yield OptionList(*(self._option(link) for link in self._links), id="links")
            yield Label(
                Content("Enter opens · c copies the address · Esc closes"), classes="dialog-hint"
            )

    @staticmethod
    def _option(link: TextLink) -> Option:
        text = link.text if len(link.text) <= _MAX_TEXT else link.text[: _MAX_TEXT - 1] + "…"
        if text == link.url:  # a bare address, like the article's own
            return Option(Content(text))
        return Option(Content.assemble((text, "bold"), "\n", (link.url, "dim")))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        self._fit(self.app.size.height)
        if self._links:
            options.highlighted = max(0, min(self._start, len(self._links) - 1))
        options.focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        """As tall as the links need, up to 80% of the screen with the title and keys shown."""
        self.query_one(OptionList).styles.max_height = max(3, height * 4 // 5 - _CHROME)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(LinkChoice("open", self._links[event.option_index]))

    def action_choose(self, action: Literal["open", "copy"]) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self.dismiss(LinkChoice(action, self._links[index]))

    def action_cancel(self) -> None:
        self.dismiss(None)
