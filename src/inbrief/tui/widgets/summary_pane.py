"""The summary pane: a header, the gist, then the key takeaways, each selectable.

Selecting an entry posts :class:`SummaryPane.TakeawaySelected`; the reader screen scrolls the
text to that sentence and highlights it. Every entry wraps to the pane's width, whatever that
width is now (see :class:`WrappingOptionList`), and the pane scrolls when it is taller than
the screen.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from inbrief.model import Summary, Takeaway
from inbrief.render import summary_label
from inbrief.textclean import strip_controls
from inbrief.tui.widgets.pane_list import PaneList


class WrappingOptionList(PaneList):
    """An OptionList whose options are measured again whenever its text width changes.

    OptionList measures wrapped options once and re-measures only on a resize of the widget;
    a border gained on focus or a scrollbar that appears narrows the text without one, and the
    stale heights cut the last line of an option. The scrollbar gutter is kept (stable) so
    that measuring cannot make the scrollbar come and go.
    """

    DEFAULT_CSS = """
    WrappingOptionList { scrollbar-gutter: stable; }
    """

    _measured_width: int | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._measured_width:
            self._measured_width = width
            self._clear_caches()
        return super().render_lines(crop)


class SummaryPane(WrappingOptionList):
    """The current summary, or a status line while one is computed."""

    DEFAULT_CSS = """
    SummaryPane { border: none; padding: 0 0 0 1; }
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
        """``Gist + N takeaways (algorithm)``, the gist's sentences, then the takeaways."""
        self._takeaways = {}
        self.clear_options()
        label = f"{summary_label(summary)} ({summary.algorithm})"
        options = [Option(Content(label), disabled=True)]
        for i, takeaway in enumerate(summary.gist):  # one or two sentences, labelled once
            marker = Content.styled("Gist: ", "bold") if i == 0 else Content("")
            options.append(self._entry(f"gist-{i}", takeaway, marker))
        # Under the gist, only what it does not already say (see Summary.bullets).
        for i, takeaway in enumerate(summary.bullets):
            options.append(self._entry(f"takeaway-{i}", takeaway, Content("• ")))
        self.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        if first is not None:
            self.highlighted = first

    def _entry(self, option_id: str, takeaway: Takeaway, marker: Content) -> Option:
        self._takeaways[option_id] = takeaway
        return Option(Content.assemble(marker, strip_controls(takeaway.text)), id=option_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        takeaway = self._takeaways.get(event.option.id or "")
        if takeaway is not None:
            self.post_message(self.TakeawaySelected(takeaway))
