"""A side pane's list (contents, summary): moves with the reader's keys while it has the focus."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class PaneList(OptionList):
    """An option list that also answers to ``j``/``k``/``g``/``G``, as the text does.

    Without these, ``j`` in a focused pane fell through to the screen and scrolled the text
    behind it. The ids are the pane's own, so a keymap can move them apart from the text's.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="pane.down"),
        Binding("k", "cursor_up", "Up", show=False, id="pane.up"),
        Binding("g", "first", "First", show=False, id="pane.first"),
        Binding("G", "last", "Last", show=False, id="pane.last"),
    ]
