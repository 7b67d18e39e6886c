"""The summary pane: the gist on top, then the key takeaways, each selectable.

Selecting a bullet posts :class:`SummaryPane.TakeawaySelected`; the reader screen scrolls the
text to that sentence and highlights it.
"""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from inbrief.model import Summary, Takeaway
from inbrief.textclean import strip_controls
from inbrief.tui.widgets.pane_list import PaneList


class SummaryPane(PaneList):
    """Bullets for the current summary, or a status line while one is computed."""

    DEFAULT_CSS = """
    SummaryPane { border: none; padding: 0 1; }
    SummaryPane > .option-list--option-disabled { color: $text-muted; text-style: bold; }
    """

    class TakeawaySelected(Message):
        def __init__(self, takeaway: Takeaway) -> None:
            super().__init__()
            self.takeaway = takeaway

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._takeaways: dict[str, Takeaway] = {}

    def show_status(self, status: str) -> None:
        self._takeaways = {}
        self.clear_options()
        self.add_option(Option(Content(status), disabled=True))

    def show(self, summary: Summary) -> None:
        self._takeaways = {}
        self.clear_options()
        options: list[Option] = []
        label = f"{summary.algorithm} · {len(summary.takeaways)} sentences"
        if summary.gist:
            options.append(Option(Content(f"Gist ({summary.algorithm})"), disabled=True))
            options += [self._bullet(f"gist-{i}", t) for i, t in enumerate(summary.gist)]
        options.append(Option(Content(f"Key takeaways ({label})"), disabled=True))
        # Under the gist, only what it does not already say (see Summary.bullets).
        options += [self._bullet(f"takeaway-{i}", t) for i, t in enumerate(summary.bullets)]
        if not summary.takeaways:
            options.append(Option(Content("(nothing to summarize)"), disabled=True))
        self.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        if first is not None:
            self.highlighted = first

    def _bullet(self, option_id: str, takeaway: Takeaway) -> Option:
        self._takeaways[option_id] = takeaway
        return Option(Content("• " + strip_controls(takeaway.text)), id=option_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        takeaway = self._takeaways.get(event.option.id or "")
        if takeaway is not None:
            self.post_message(self.TakeawaySelected(takeaway))
