"""The footer: the keys that matter most come first, and fewer of them as the terminal narrows.

Textual's footer lists keys from the focused widget outwards, so the app's ``? Help`` came
last and was the first cut. Here the keys are ordered by :data:`FIRST` (binding ids), drawn
compact, and the few marked in :data:`FROM_BREAKPOINT` carry a class that ``app.tcss`` hides
below that width (the app's breakpoint classes: ``-narrow`` < 100 <= ``-medium`` < 140 <=
``-wide``). Help and the way back are first, so they survive down to 40 columns.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Binding ids shown first, in this order; the other shown keys follow in Textual's order.
FIRST = (
    "app.help",
    "reader.back",
    "library.quit",
    "reader.search",
    "reader.next-hit",
    "reader.toggle-summary",
    "reader.toggle-toc",
    "reader.links",
    "library.add",
    "library.search",
)
#: Binding id -> the breakpoint class from which its key is shown (always, if not listed).
FROM_BREAKPOINT = {"reader.next-section": "medium", "reader.algorithm": "wide"}


class KeyFooter(Footer):
    """A compact footer whose keys are ordered by importance (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.compact = True  # not the constructor's keyword: older Textual has only the reactive

    def compose(self) -> ComposeResult:
        bindings = self.screen.active_bindings
        widgets = list(super().compose())

        def binding_id(widget: Widget) -> str:
            if not isinstance(widget, FooterKey) or widget.key not in bindings:
                return ""
            return bindings[widget.key].binding.id or ""

        def rank(widget: Widget) -> int:
            name = binding_id(widget)
            return FIRST.index(name) if name in FIRST else len(FIRST)

        for widget in sorted(widgets, key=rank):  # sorted() is stable: the rest keep their order
            breakpoint = FROM_BREAKPOINT.get(binding_id(widget))
            if breakpoint:
                widget.add_class(f"-from-{breakpoint}")
            yield widget
